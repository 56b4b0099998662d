import { createHash } from 'node:crypto';
import { DATA_ELEMENT_ID, SITE_SCRIPT } from './site-script.js';
import { SITE_STYLES } from './site-styles.js';

/**
 * The HTML of a page is a fixed shell: the data goes in as JSON in a non-executable script
 * element, and the site's own script (inline, allowed by its hash) builds the page from it with
 * createElement and textContent. No document text is ever parsed as HTML.
 */

/** The `'sha256-…'` source expression that allows exactly this inline script or style text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Only the page's own inline script and style run, each allowed by its hash; nothing comes from
 * the network or the file system. Hashes rather than 'self' or `file:` because browsers disagree
 * on what 'self' means for a page opened from the file system (Chromium matches file: URLs,
 * Firefox gives each file its own opaque origin), while a hash means the same everywhere.
 * Trusted Types with no policy forbid every string-to-code sink (innerHTML, eval, script text).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${hashSource(SITE_SCRIPT)}`,
  `style-src ${hashSource(SITE_STYLES)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/**
 * JSON that can stand inside a <script> element: `<` is escaped so that no `</script>` or
 * `<!--` in the data can end the element, `>` and `&` for good measure, and the line
 * separators that older parsers reject inside strings.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Inline code must not be able to end its own element early; checked once, when a page is built. */
function inlineSafe(text: string, tag: 'script' | 'style'): string {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) throw new Error(`the site's inline ${tag} contains text that would end its element`);
  return text;
}

export interface PageShell {
  title: string;
  /** `index` or `document`: tells the site script what to build. */
  kind: 'index' | 'document';
  data: unknown;
}

export function pageHtml(shell: PageShell): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(shell.title)}</title>
<style>${inlineSafe(SITE_STYLES, 'style')}</style>
</head>
<body data-page="${shell.kind}">
<noscript><p class="noscript">This review page is built by its script; allow JavaScript for local files to see it.</p></noscript>
<div id="app"></div>
<script type="application/json" id="${DATA_ELEMENT_ID}">${embedJson(shell.data)}</script>
<script>${inlineSafe(SITE_SCRIPT, 'script')}</script>
</body>
</html>
`;
}
