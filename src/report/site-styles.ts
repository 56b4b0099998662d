/**
 * The style sheet of a review site, inline in every page and allowed by its hash. System fonts only: the site works
 * offline, and every desktop and phone has a CJK face among these. Highlight tints are light
 * enough that body text keeps a contrast ratio above 10:1 on every one of them; the kind is
 * carried by the underline colour as well, so two light tints never have to be told apart.
 */
export const SITE_STYLES = String.raw`:root {
  color-scheme: light;
  --ui: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", sans-serif;
  --text: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", "Noto Sans CJK SC", "WenQuanYi Zen Hei", serif;
  --kai: "Kaiti SC", "STKaiti", "KaiTi", "AR PL UKai CN", var(--text);
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
  --ink: #1f2328;
  --muted: #57606a;
  --line: #d0d7de;
  --page: #f3f1ec;
  --paper: #fffefb;
  --accent: #1d4ed8;
  --task-tint: #e8efff;
  --bad: #b42318;

  --docNumber-bg: #ede4ff; --docNumber: #6d28d9;
  --date-bg: #dcecff; --date: #1d63c9;
  --issuer-bg: #fde4e7; --issuer: #be123c;
  --recipients-bg: #fbe3f4; --recipients: #a21caf;
  --cited-bg: #e7ebf0; --cited: #475569;
  --attachment-bg: #f4e8d8; --attachment: #92400e;
  --contact-bg: #d9f5f8; --contact: #0e7490;
  --lead-bg: #c9f2d5; --lead: #15803d;
  --responsible-bg: #e6f4c6; --responsible: #4d7c0f;
  --assist-bg: #d3f3ec; --assist: #0f766e;
  --quota-bg: #ffe6cc; --quota: #c2410c;
  --deadline-bg: #fff1a8; --deadline: #a16207;
}

* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--page); color: var(--ink); font: 15px/1.6 var(--ui); }
a { color: var(--accent); }
button { font: inherit; color: inherit; }
.mono { font-family: var(--mono); font-size: 0.92em; }
.muted { color: var(--muted); }
.noscript { margin: 2rem; padding: 1rem; border: 1px solid var(--line); background: var(--paper); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }

/* header */
.site-header { padding: 1.25rem clamp(1rem, 3vw, 2.5rem) 1rem; background: var(--paper); border-bottom: 1px solid var(--line); }
.site-header h1 { margin: 0.2rem 0 0.4rem; font-size: clamp(1.25rem, 2.4vw, 1.75rem); line-height: 1.35; font-weight: 700; letter-spacing: 0.02em; }
.lede { margin: 0; color: var(--muted); }
.back { font-size: 0.9rem; text-decoration: none; }
.back:hover { text-decoration: underline; }
.facts { display: flex; flex-wrap: wrap; gap: 0.35rem 1.5rem; margin: 0.5rem 0 0; }
.facts div { display: flex; gap: 0.5rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.origin { margin: 0.4rem 0 0; font-size: 0.85rem; word-break: break-all; }

/* index */
.index-main { padding: 1rem clamp(1rem, 3vw, 2.5rem) 3rem; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-bottom: 0.75rem; }
.search { flex: 1 1 20rem; max-width: 36rem; padding: 0.55rem 0.75rem; font: inherit; border: 1px solid var(--line); border-radius: 6px; background: var(--paper); }
.shown { margin: 0; font-size: 0.9rem; }
.table-wrap { overflow-x: auto; }
.index-table { width: 100%; border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; }
.index-table th, .index-table td { padding: 0.5rem 0.65rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.index-table thead th { background: #f6f8fa; font-size: 0.85rem; white-space: nowrap; }
.index-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.index-table td.zero { color: #8c959f; }
.index-table td.has-warnings { color: var(--bad); font-weight: 600; }
.index-table tbody tr:hover { background: #f6f8fa; }
.sort { border: 0; background: none; padding: 0; cursor: pointer; font-weight: 600; }
th[aria-sort="ascending"] .sort::after { content: " ▲"; font-size: 0.75em; }
th[aria-sort="descending"] .sort::after { content: " ▼"; font-size: 0.75em; }
.title-cell { min-width: 16rem; }
.doc-link { font-weight: 600; text-decoration: none; }
.doc-link:hover { text-decoration: underline; }
.file-name { font-size: 0.82rem; color: var(--muted); word-break: break-all; }
.notes { margin: 0 0 1rem; padding: 0.5rem 0.75rem; border-left: 3px solid var(--bad); background: #fdf3f2; }
.failures { margin-top: 2rem; }
.failures h2 { font-size: 1.1rem; }
.failure-table .code { color: var(--bad); white-space: nowrap; }
.failure-table .path { word-break: break-all; }

/* document layout: the panel sits beside the text on wide screens and above it on narrow ones */
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; padding: 1rem clamp(0.5rem, 2vw, 1.5rem) 3rem; }
.panel { min-width: 0; }
@media (min-width: 960px) {
  .layout { grid-template-columns: minmax(0, 1fr) minmax(19rem, 25rem); align-items: start; }
  .panel { grid-column: 2; grid-row: 1; position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding-bottom: 1rem; }
  .text-column { grid-column: 1; grid-row: 1; }
}

.paper { max-width: 52rem; margin: 0 auto; background: var(--paper); border: 1px solid var(--line); border-radius: 4px; box-shadow: 0 1px 3px rgb(0 0 0 / 0.06); padding: clamp(1rem, 4vw, 3.5rem) clamp(1rem, 5vw, 4rem); font: 17px/2 var(--text); letter-spacing: 0.01em; }
.part + .part { margin-top: 2.5rem; padding-top: 1.5rem; border-top: 1px dashed var(--line); }
.part-label { font: 600 0.8rem/1.4 var(--ui); color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em; margin-bottom: 0.5rem; }
.block { margin: 0; padding: 0.1rem 0.35rem; border-radius: 3px; }
p.block { text-indent: 2em; }
p.block.align-center, p.block.align-right, .b-record, .b-attachment { text-indent: 0; }
.align-center { text-align: center; }
.align-right { text-align: right; }
.emphasis { font-weight: 700; }
h2.block, h3.block, h4.block, h5.block, h6.block { font-size: 1em; line-height: 2; }
.b-heading.level-1 { font-family: var(--ui); font-weight: 700; }
.b-heading.level-2 { font-family: var(--kai); font-weight: 700; }
.b-heading.level-3, .b-heading.level-4, .b-heading.level-5 { font-weight: 600; }
.b-attachment { font-family: var(--ui); font-weight: 700; }
.b-record { font-size: 0.92em; border-top: 1px solid var(--ink); border-bottom: 1px solid var(--ink); }
.b-record + .b-record { border-top: 0; }
.b-metadata { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0 1rem; font: 0.9rem/1.7 var(--ui); background: #f6f8fa; padding: 0.5rem 0.75rem; margin-bottom: 1rem; }
.b-metadata dt { color: var(--muted); }
.b-metadata dd { margin: 0; }
.table-wrap.block { padding: 0.2rem 0; margin: 0.75rem 0; }
.doc-table { border-collapse: collapse; width: 100%; font-size: 0.88em; line-height: 1.65; }
.doc-table td { border: 1px solid #8c959f; padding: 0.35rem 0.5rem; vertical-align: top; white-space: pre-wrap; }
.doc-table tr:first-child td { background: #f6f8fa; font-family: var(--ui); font-weight: 600; text-align: center; }
.ocr-block { border-left: 3px dotted #8c959f; }
.ocr-block.ocr-low { border-left-color: var(--bad); }
.ocr-low::before { content: attr(data-ocr); display: inline-block; text-indent: 0; margin-right: 0.4rem; font: 600 0.7rem/1.5 var(--ui); color: var(--bad); background: #fde4e1; border-radius: 3px; padding: 0 0.3rem; vertical-align: 0.15em; }

/* highlights: a tint for the kind, an underline in its colour; styles layer on top for inferred, OCR, overlaps */
.hl { --bg: #eee; --fg: #666; background: var(--bg); box-shadow: inset 0 -2px 0 var(--fg); border-radius: 2px; cursor: help; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.k-docNumber { --bg: var(--docNumber-bg); --fg: var(--docNumber); }
.k-date { --bg: var(--date-bg); --fg: var(--date); }
.k-issuer { --bg: var(--issuer-bg); --fg: var(--issuer); }
.k-recipients { --bg: var(--recipients-bg); --fg: var(--recipients); }
.k-cited { --bg: var(--cited-bg); --fg: var(--cited); }
.k-attachment { --bg: var(--attachment-bg); --fg: var(--attachment); }
.k-contact { --bg: var(--contact-bg); --fg: var(--contact); }
.k-unit.r-lead { --bg: var(--lead-bg); --fg: var(--lead); }
.k-unit.r-responsible { --bg: var(--responsible-bg); --fg: var(--responsible); }
.k-unit.r-assist { --bg: var(--assist-bg); --fg: var(--assist); }
.k-quota { --bg: var(--quota-bg); --fg: var(--quota); }
.k-deadline { --bg: var(--deadline-bg); --fg: var(--deadline); }
.k-unit.r-lead.hl { font-weight: 700; }
.hl.inferred { background: repeating-linear-gradient(135deg, var(--bg) 0 5px, var(--paper) 5px 8px); box-shadow: none; border-bottom: 2px dashed var(--fg); }
.hl.ocr { box-shadow: none; border-bottom: 2px dotted var(--fg); }
.hl.multi { box-shadow: inset 0 -2px 0 var(--fg), inset 0 -5px 0 var(--paper), inset 0 -7px 0 var(--fg); }
.seg.warned { text-decoration: underline wavy var(--bad); text-decoration-skip-ink: none; text-underline-offset: 4px; }
.hl.false-find { outline: 2px solid var(--bad); outline-offset: 0; }
.hl.k-miss { --bg: transparent; --fg: var(--bad); background: none; box-shadow: none; }
.hl.missed { outline: 2px dashed var(--bad); outline-offset: 1px; }
.hl.missed-start::before { content: "漏"; font: 700 0.65em/1 var(--ui); color: #fff; background: var(--bad); border-radius: 2px; padding: 0 0.15em; margin-right: 0.1em; vertical-align: super; }
.hl.linked { filter: saturate(1.8) brightness(0.95); }
.hl:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.flash { animation: flash 1.2s ease-out; }
@keyframes flash { from { box-shadow: 0 0 0 4px rgb(29 78 216 / 0.45); } }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; } }

/* the legend can switch a kind off: the script then gives each piece the colour of the next shown kind, or none */

/* a selected task: its blocks outlined and tinted; where it covers part of a block, only its own text tinted */
.in-task { outline: 2px solid var(--accent); outline-offset: 2px; background-color: var(--task-tint); }
tr.in-task > td { background-color: var(--task-tint); }
.in-task.in-task-part, tr.in-task.in-task-part > td { background-color: transparent; }
.in-task-part .task-text:not(.hl) { background: var(--task-tint); }

/* panel */
.panel-section { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; margin-bottom: 0.75rem; padding: 0 0.85rem 0.6rem; }
.panel-section > summary { cursor: pointer; font-weight: 700; padding: 0.6rem 0; list-style-position: inside; }
.legend-list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.15rem 0.75rem; font-size: 0.86rem; }
.legend-styles { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; margin-top: 0.5rem; padding-top: 0.5rem; border-top: 1px solid var(--line); }
.legend-styles .legend-label { flex: none; }
.legend-entry, .legend-toggle { display: flex; align-items: center; gap: 0.45rem; }
.legend-toggle { cursor: pointer; width: 100%; }
.legend-label { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.count { color: var(--muted); font-variant-numeric: tabular-nums; font-size: 0.85em; }
.sample { font: 0.85rem/1.5 var(--text); min-width: 2.4em; text-align: center; padding: 0 0.2rem; cursor: default; flex: none; }
.sample.task-sample { background: var(--task-tint); outline: 2px solid var(--accent); box-shadow: none; }
.hint { font-size: 0.82rem; margin: 0.5rem 0 0; }
.tasks .task-list { list-style: none; margin: 0; padding: 0; max-height: 55vh; overflow-y: auto; }
@media (max-width: 959px) { .tasks .task-list { max-height: 40vh; } }
.task-item { border-top: 1px solid var(--line); }
.task-item:first-child { border-top: 0; }
.task-button { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 0.5rem; width: 100%; text-align: left; border: 0; background: none; padding: 0.45rem 0.3rem; cursor: pointer; border-radius: 4px; }
.task-button:hover { background: #f6f8fa; }
.task-item.selected .task-button { background: var(--task-tint); box-shadow: inset 3px 0 0 var(--accent); }
.task-id { color: var(--accent); font-weight: 600; white-space: nowrap; }
.task-name { overflow: hidden; text-overflow: ellipsis; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.task-counts { grid-column: 2; font-size: 0.78rem; color: var(--muted); }
.task-record { margin: 0.2rem 0 0.6rem; padding: 0.6rem 0.7rem; border-left: 3px solid var(--accent); background: #f8faff; font-size: 0.88rem; }
.task-path { color: var(--muted); font-size: 0.82rem; }
.task-title { font-weight: 600; margin-bottom: 0.35rem; }
.chip-group { display: grid; grid-template-columns: 5.5rem minmax(0, 1fr); gap: 0.5rem; margin-top: 0.3rem; align-items: baseline; }
.chip-label { color: var(--muted); font-size: 0.8rem; }
.chips { display: flex; flex-wrap: wrap; gap: 0.3rem; }
.chip { display: inline-block; border: 1px solid var(--fg, var(--line)); background: var(--bg, #fff); border-radius: 999px; padding: 0 0.55rem; font-size: 0.82rem; line-height: 1.7; }
button.chip { cursor: pointer; }
button.chip:hover { filter: brightness(0.95); }
.chip.inferred { border-style: dashed; }
.warning-list, .gold-list ul { list-style: none; margin: 0; padding: 0; }
.warning-item { padding: 0.45rem 0; border-top: 1px solid var(--line); font-size: 0.88rem; }
.warning-item:first-child { border-top: 0; }
.badge { display: inline-block; font: 600 0.72rem/1.5 var(--ui); text-transform: uppercase; letter-spacing: 0.04em; border-radius: 3px; padding: 0 0.35rem; margin-right: 0.4rem; background: #eaeef2; }
.severity-warning .badge, .severity-error .badge, .false-badge { background: #fde4e1; color: var(--bad); }
.miss-badge { background: var(--bad); color: #fff; }
.rule { color: var(--muted); font-size: 0.8rem; }
.link-button { border: 0; background: none; color: var(--accent); cursor: pointer; padding: 0 0.3rem; text-decoration: underline; font-size: 0.85rem; }
.gold-card { margin: 0 0 0.4rem; font-size: 0.82rem; word-break: break-all; }
.gold-ok { color: #1a7f37; font-size: 0.85rem; margin: 0.35rem 0; overflow-wrap: anywhere; }
.gold-scalars { width: 100%; border-collapse: collapse; font-size: 0.82rem; margin-bottom: 0.5rem; }
.gold-scalars th, .gold-scalars td { text-align: left; padding: 0.2rem 0.3rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.gold-scalars td { overflow-wrap: anywhere; }
.gold-scalars tbody th { color: var(--bad); white-space: nowrap; }
.gold-list { font-size: 0.85rem; padding: 0.35rem 0; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
.gold-field { font-weight: 600; }
.gold-list li { padding: 0.1rem 0; }

/* tooltip */
.tip { position: fixed; z-index: 10; max-width: min(24rem, calc(100vw - 16px)); background: #1f2328; color: #f6f8fa; border-radius: 6px; padding: 0.5rem 0.65rem; font: 0.85rem/1.5 var(--ui); box-shadow: 0 6px 20px rgb(0 0 0 / 0.25); pointer-events: none; }
.tip[hidden] { display: none; }
.tip-finding + .tip-finding { margin-top: 0.4rem; padding-top: 0.4rem; border-top: 1px solid #424a53; }
.tip-head { display: flex; align-items: center; gap: 0.4rem; color: #d0d7de; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; background: var(--bg); border: 2px solid var(--fg); }
.tip-value { font: 600 0.95rem/1.5 var(--mono); color: #fff; word-break: break-all; }
.tip-detail { color: #d0d7de; }
.tip-flag { color: #ffd33d; }
.tip-gold { color: #ffa198; }

/* narrow screens: the index table becomes one card per document */
@media (max-width: 700px) {
  body { font-size: 14px; }
  .paper { font-size: 16px; line-height: 1.9; }
  .index-table thead { display: none; }
  .index-table, .index-table tbody, .index-table tr, .index-table td { display: block; width: 100%; }
  .index-table tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
  .index-table td { border: 0; padding: 0.15rem 0.65rem; text-align: left; }
  .index-table td.num { display: inline-block; width: auto; }
  .index-table td[data-label]:not(.col-title):not([data-label=""])::before { content: attr(data-label) ": "; color: var(--muted); font: 400 0.9rem var(--ui); }
  .title-cell { min-width: 0; }
}

@media print {
  body { background: #fff; }
  .panel, .back, .tip { display: none; }
  .layout { display: block; padding: 0; }
  .paper { border: 0; box-shadow: none; }
}
`;
