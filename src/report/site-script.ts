/** The id of the element that holds a page's data (html.ts writes it, the script reads it). */
export const DATA_ELEMENT_ID = 'review-data';

/**
 * The script every page of a review site carries inline, allowed by its hash in the page's
 * Content-Security-Policy. It is shipped as a string because the site must be written by the
 * built library (dist/) as well as from the sources, and the build only compiles TypeScript. It reads the page's data from its JSON element and
 * builds the page with createElement and textContent only: document text never becomes markup.
 * It is plain ES2020 without template literals, so it can live inside this String.raw.
 */
export const SITE_SCRIPT = String.raw`'use strict';
(function () {
  /* The legend's samples carry the Chinese term in the kind's own style; the label says it in English. */
  var KIND_LEGEND = {
    docNumber: ['文号', 'doc. number'],
    date: ['日期', 'dates'],
    issuer: ['机关', 'issuers'],
    recipients: ['主送', 'recipients'],
    cited: ['引用', 'cited'],
    attachment: ['附件', 'attachments'],
    contact: ['联系', 'contacts'],
    quota: ['指标', 'quotas'],
    deadline: ['时限', 'deadlines'],
    miss: ['原文', 'missed']
  };
  var ROLE_LEGEND = { lead: ['牵头', 'lead'], responsible: ['责任', 'responsible'], assist: ['协助', 'assist'] };
  var KIND_ORDER = ['docNumber', 'date', 'issuer', 'recipients', 'cited', 'attachment', 'contact', 'unit', 'quota', 'deadline', 'miss'];
  var SAFE_PAGE = /^docs\/[^:?#]+\.html$/;
  var LOW_OCR_CONFIDENCE = 0.85;

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function append(parent) {
    for (var index = 1; index < arguments.length; index += 1) {
      var child = arguments[index];
      if (child === null || child === undefined) continue;
      /* Anything that is not a node (a number, or an object a damaged input put where text belongs) goes in as text. */
      parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
  }

  function button(className, text, onClick) {
    var element = el('button', className, text);
    element.type = 'button';
    element.addEventListener('click', onClick);
    return element;
  }

  function section(title, className) {
    var details = el('details', 'panel-section ' + className);
    details.open = true;
    append(details, el('summary', null, title));
    return details;
  }

  function readData() {
    var holder = document.getElementById(${JSON.stringify(DATA_ELEMENT_ID)});
    return JSON.parse(holder ? holder.textContent : 'null');
  }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  function bringIntoView(element) {
    element.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  /* Scrolls a scrolling box (the task list, the sticky panel) so that an element in it shows; the window stays put. */
  function revealWithin(container, element) {
    if (!container || container.scrollHeight <= container.clientHeight) return;
    var offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
    if (offset < 0 || offset + element.offsetHeight > container.clientHeight) container.scrollTop += offset - 8;
  }

  /* ---------------------------------------------------------------- index page */

  var INDEX_COLUMNS = [
    { key: 'title', label: '标题 Title', type: 'text' },
    { key: 'docNumber', label: '发文字号 Number', type: 'text' },
    { key: 'date', label: '日期 Date', type: 'text' },
    { key: 'tasks', label: 'Tasks', type: 'number' },
    { key: 'units', label: 'Units', type: 'number' },
    { key: 'quotas', label: 'Quotas', type: 'number' },
    { key: 'deadlines', label: 'Deadlines', type: 'number' },
    { key: 'warnings', label: 'Warnings', type: 'number' }
  ];
  var GOLD_COLUMNS = [
    { key: 'goldMisses', label: 'Missed', type: 'number' },
    { key: 'goldFalse', label: 'False finds', type: 'number' },
    { key: 'goldFields', label: 'Wrong fields', type: 'number' }
  ];

  function sortValue(row, key) {
    if (key === 'goldMisses') return row.gold ? row.gold.misses : -1;
    if (key === 'goldFalse') return row.gold ? row.gold.falseFinds : -1;
    if (key === 'goldFields') return row.gold ? row.gold.wrongFields : -1;
    if (key === 'title') return row.title || row.fileName;
    return row[key];
  }

  function compareRows(key, type, direction) {
    return function (a, b) {
      var x = sortValue(a, key);
      var y = sortValue(b, key);
      var order = type === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return direction * order;
    };
  }

  function fold(text) {
    return String(text).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  }

  function rowHaystack(row) {
    return fold([row.title, row.fileName, row.origin, row.docNumber, row.docType, row.date, row.issuers].join(' '));
  }

  function cell(label, content, className) {
    var td = el('td', className);
    td.setAttribute('data-label', label);
    append(td, content);
    return td;
  }

  function titleCell(row) {
    var link = el('a', 'doc-link', row.title || row.fileName || row.page);
    if (SAFE_PAGE.test(row.page)) link.href = row.page;
    var wrapper = el('div', 'title-cell');
    append(wrapper, link);
    var meta = el('div', 'file-name', row.fileName + (row.docType ? ' · ' + row.docType : ''));
    append(wrapper, meta);
    return cell('标题 Title', wrapper, 'col-title');
  }

  function countCell(label, value) {
    return cell(label, String(value), 'num' + (value === 0 ? ' zero' : ''));
  }

  function goldCells(row) {
    if (!row.gold) return [cell('Gold', 'no card', 'muted'), cell('', ''), cell('', '')];
    return [
      countCell('Missed', row.gold.misses),
      countCell('False finds', row.gold.falseFinds),
      countCell('Wrong fields', row.gold.wrongFields)
    ];
  }

  function indexRowElement(row, gold) {
    var tr = el('tr');
    append(tr, titleCell(row), cell('发文字号 Number', row.docNumber || '—', 'mono'), cell('日期 Date', row.date || '—', 'mono'));
    append(tr, countCell('Tasks', row.tasks), countCell('Units', row.units), countCell('Quotas', row.quotas), countCell('Deadlines', row.deadlines));
    var warnings = countCell('Warnings', row.warnings);
    if (row.warnings > 0) warnings.classList.add('has-warnings');
    append(tr, warnings);
    if (gold) goldCells(row).forEach(function (td) { append(tr, td); });
    return tr;
  }

  function sortHeader(column, state, render) {
    var th = el('th');
    th.scope = 'col';
    if (column.type === 'number') th.className = 'num';
    var control = button('sort', column.label, function () {
      state.direction = state.key === column.key ? -state.direction : column.type === 'number' ? -1 : 1;
      state.key = column.key;
      state.type = column.type;
      render();
    });
    append(th, control);
    th.setAttribute('aria-sort', state.key === column.key ? (state.direction > 0 ? 'ascending' : 'descending') : 'none');
    return th;
  }

  function failureTable(failures) {
    var wrapper = el('section', 'failures');
    append(wrapper, el('h2', null, '转换失败 Failed conversions (' + failures.length + ')'));
    if (failures.length === 0) return append(wrapper, el('p', 'muted', 'Every input converted.'));
    var table = el('table', 'index-table failure-table');
    var head = append(el('thead'), append(el('tr'), el('th', null, 'File'), el('th', null, 'Code'), el('th', null, 'Message')));
    var body = el('tbody');
    failures.forEach(function (failure) {
      append(body, append(el('tr', 'failure-row'), cell('File', failure.path, 'path'), cell('Code', failure.code, 'mono code'), cell('Message', failure.message)));
    });
    return append(wrapper, append(table, head, body));
  }

  function buildIndex(data, app) {
    var state = { key: 'title', type: 'text', direction: 1, query: '' };
    var columns = INDEX_COLUMNS.concat(data.gold ? GOLD_COLUMNS : []);
    var header = el('header', 'site-header');
    append(header, el('h1', null, 'gongwen 审阅 review'));
    append(header, el('p', 'lede', data.rows.length + ' documents · ' + data.failures.length + ' failed conversions' + (data.gold ? ' · ' + data.rows.filter(function (row) { return row.gold; }).length + ' with a gold card' : '')));
    var search = el('input', 'search');
    search.type = 'search';
    search.placeholder = '搜索 Search title, 文号, file, issuer…';
    search.setAttribute('aria-label', 'Search documents');
    var shown = el('p', 'shown muted');
    shown.setAttribute('aria-live', 'polite');
    var controls = append(el('div', 'controls'), search, shown);
    var table = el('table', 'index-table');
    var head = el('thead');
    var body = el('tbody');
    var haystacks = data.rows.map(rowHaystack);

    function render() {
      var query = fold(state.query);
      var rows = data.rows.filter(function (row, index) { return query === '' || haystacks[index].indexOf(query) >= 0; });
      rows.sort(compareRows(state.key, state.type, state.direction));
      var headRow = el('tr');
      columns.forEach(function (column) { append(headRow, sortHeader(column, state, render)); });
      head.replaceChildren(headRow);
      body.replaceChildren.apply(body, rows.map(function (row) { return indexRowElement(row, data.gold); }));
      shown.textContent = 'showing ' + rows.length + ' of ' + data.rows.length;
    }

    search.addEventListener('input', function () {
      state.query = search.value;
      render();
    });
    render();
    var wrapper = append(el('div', 'table-wrap'), append(table, head, body));
    var notes = null;
    if (data.notes && data.notes.length > 0) {
      notes = el('ul', 'notes');
      notes.setAttribute('aria-label', 'Notes on this report');
      data.notes.forEach(function (note) { append(notes, el('li', 'note', note)); });
    }
    append(app, header, append(el('main', 'index-main'), notes, controls, wrapper, failureTable(data.failures)));
  }

  /* ---------------------------------------------------------------- document page */

  function DocumentPage(data, app) {
    this.data = data;
    this.app = app;
    this.findingSegments = new Map();
    this.taskSegments = new Map();
    this.taskBlocks = new Map();
    this.warningSegments = new Map();
    this.segmentData = new WeakMap();
    this.segmentClassLists = new WeakMap();
    this.segmentElements = [];
    /* The first segment of each finding, which carries a miss's 漏 badge. */
    this.firstSegments = new Map();
    /* Legend keys switched off. */
    this.hidden = new Set();
    this.taskItems = [];
    this.selectedTask = -1;
    this.tip = el('div', 'tip');
    this.tip.id = 'tip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.hidden = true;
  }

  DocumentPage.prototype.register = function (map, key, element) {
    var list = map.get(key);
    if (!list) map.set(key, list = []);
    list.push(element);
  };

  /* The legend key a finding is shown and toggled by: its kind, or for a unit its role. */
  function legendKey(finding) {
    return finding.kind === 'unit' ? 'r-' + finding.role : 'k-' + finding.kind;
  }

  /*
   * The classes of a segment, given the legend keys switched off. The shortest shown finding that
   * is not a miss gives the colour and, from it alone, the inferred, OCR and false-find styles; a
   * miss only outlines (and colours only a piece no other shown finding covers). Every covering
   * kind is named by a has-* class, so that the legend can find shared pieces.
   */
  DocumentPage.prototype.segmentClasses = function (segment, hidden, first) {
    var findings = this.data.findings;
    var classes = ['seg'];
    if (segment.findings) {
      var shown = segment.findings.map(function (id) { return findings[id]; }).filter(function (finding) { return !hidden.has(legendKey(finding)); });
      var misses = shown.filter(function (finding) { return finding.kind === 'miss'; });
      var primary = shown.filter(function (finding) { return finding.kind !== 'miss'; })[0] || misses[0];
      segment.findings.forEach(function (id) { classes.push('has-' + legendKey(findings[id])); });
      if (primary) {
        classes.push('hl', 'k-' + primary.kind);
        if (primary.role) classes.push('r-' + primary.role);
        if (primary.inferred) classes.push('inferred');
        if (primary.ocr !== undefined) classes.push('ocr');
        if (primary.gold) classes.push('false-find');
      }
      if (shown.length > 1) classes.push('multi');
      if (misses.length > 0) classes.push('hl', 'missed');
      if (misses.some(function (finding) { return first.get(finding.id) === segment; })) classes.push('missed-start');
    }
    if (segment.warnings) classes.push('warned');
    return Array.from(new Set(classes));
  };

  /* Sets the computed classes of a segment element, keeping the ones the page adds for state (task, flash, linked). */
  DocumentPage.prototype.styleSegment = function (element) {
    var segment = this.segmentData.get(element);
    var previous = this.segmentClassLists.get(element) || [];
    var next = this.segmentClasses(segment, this.hidden, this.firstSegments);
    previous.forEach(function (name) { if (next.indexOf(name) < 0) element.classList.remove(name); });
    next.forEach(function (name) { element.classList.add(name); });
    this.segmentClassLists.set(element, next);
  };

  DocumentPage.prototype.restyle = function () {
    var self = this;
    this.segmentElements.forEach(function (element) { self.styleSegment(element); });
  };

  DocumentPage.prototype.renderSegment = function (segment, seen) {
    if (!segment.findings && !segment.tasks && !segment.warnings) return document.createTextNode(segment.text);
    var self = this;
    var span = el('span', null, segment.text);
    this.segmentData.set(span, segment);
    this.segmentElements.push(span);
    (segment.findings || []).forEach(function (id) { if (!self.firstSegments.has(id)) self.firstSegments.set(id, segment); });
    this.styleSegment(span);
    if (segment.findings) {
      span.setAttribute('data-findings', segment.findings.join(' '));
      var opens = segment.findings.some(function (id) { return !seen.has(id); });
      segment.findings.forEach(function (id) {
        seen.add(id);
        self.register(self.findingSegments, id, span);
      });
      if (opens) span.tabIndex = 0;
    }
    (segment.tasks || []).forEach(function (task) { self.register(self.taskSegments, task, span); });
    (segment.warnings || []).forEach(function (warning) {
      self.register(self.warningSegments, warning, span);
      span.tabIndex = 0;
    });
    return span;
  };

  DocumentPage.prototype.renderSegments = function (parent, segments, seen) {
    var self = this;
    segments.forEach(function (segment) { parent.appendChild(self.renderSegment(segment, seen)); });
    return parent;
  };

  DocumentPage.prototype.registerTasks = function (element, tasks) {
    var self = this;
    (tasks || []).forEach(function (task) { self.register(self.taskBlocks, task, element); });
  };

  /* block.ocr is the confidence (0-1) of the block's OCR mark, as document-view.ts reads it from the record's ocr.confidence. Every OCR block gets a dotted rule and says its confidence on hover; only doubtful ones carry a badge, so a scanned page is not a wall of badges. */
  DocumentPage.prototype.markOcr = function (element, block) {
    if (block.ocr === undefined) return element;
    var percent = Math.round(block.ocr * 100) + '%';
    element.classList.add('ocr-block');
    element.title = 'recognised by OCR, confidence ' + percent;
    if (block.ocr < LOW_OCR_CONFIDENCE) {
      element.classList.add('ocr-low');
      element.setAttribute('data-ocr', 'OCR ' + percent);
    }
    return element;
  };

  DocumentPage.prototype.textBlock = function (block, seen) {
    var tag = 'p';
    if (block.role === 'heading') tag = 'h' + Math.min(6, (block.level || 1) + 1);
    var element = el(tag, 'block b-' + block.role + (block.level ? ' level-' + block.level : ''));
    if (block.align) element.classList.add('align-' + block.align);
    if (block.emphasis) element.classList.add('emphasis');
    this.renderSegments(element, block.segments, seen);
    this.registerTasks(element, block.tasks);
    return this.markOcr(element, block);
  };

  DocumentPage.prototype.tableBlock = function (block, seen) {
    var self = this;
    var table = el('table', 'doc-table');
    var body = el('tbody');
    block.rows.forEach(function (row) {
      var tr = el('tr');
      row.cells.forEach(function (cellView) {
        var td = el('td');
        if (cellView.colSpan) td.colSpan = cellView.colSpan;
        if (cellView.rowSpan) td.rowSpan = cellView.rowSpan;
        append(tr, self.renderSegments(td, cellView.segments, seen));
      });
      self.registerTasks(tr, row.tasks);
      append(body, tr);
    });
    var wrapper = append(el('div', 'block table-wrap'), append(table, body));
    return this.markOcr(wrapper, block);
  };

  DocumentPage.prototype.metadataBlock = function (block, seen) {
    var self = this;
    var list = el('dl', 'block b-metadata');
    block.fields.forEach(function (field) {
      append(list, self.renderSegments(el('dt'), field.label, seen), self.renderSegments(el('dd'), field.value, seen));
    });
    this.registerTasks(list, block.tasks);
    return this.markOcr(list, block);
  };

  DocumentPage.prototype.renderText = function () {
    var self = this;
    var seen = new Set();
    var paper = el('article', 'paper');
    paper.setAttribute('aria-label', 'Document text');
    this.data.parts.forEach(function (part) {
      var partElement = el('section', 'part part-' + part.kind);
      if (part.kind === 'record') append(partElement, el('div', 'part-label', '版记'));
      part.blocks.forEach(function (block) {
        if (block.type === 'table') append(partElement, self.tableBlock(block, seen));
        else if (block.type === 'metadata') append(partElement, self.metadataBlock(block, seen));
        else append(partElement, self.textBlock(block, seen));
      });
      append(paper, partElement);
    });
    this.paper = paper;
    return paper;
  };

  /* tooltips */

  DocumentPage.prototype.findingLines = function (finding) {
    var box = el('div', 'tip-finding');
    var head = append(el('div', 'tip-head'), el('span', 'swatch k-' + finding.kind + (finding.role ? ' r-' + finding.role : '')), el('span', 'tip-label', finding.label));
    append(box, head, el('div', 'tip-value', finding.value));
    finding.details.forEach(function (detail) { append(box, el('div', 'tip-detail', detail)); });
    if (finding.inferred) append(box, el('div', 'tip-flag', 'inferred, not written'));
    if (finding.ocr !== undefined) append(box, el('div', 'tip-flag', 'read by OCR, confidence ' + Math.round(finding.ocr * 100) + '%'));
    (finding.gold || []).forEach(function (note) { append(box, el('div', 'tip-flag tip-gold', note)); });
    return box;
  };

  DocumentPage.prototype.showTip = function (target) {
    var segment = this.segmentData.get(target);
    if (!segment) return;
    var self = this;
    var parts = (segment.findings || []).map(function (id) { return self.findingLines(self.data.findings[id]); });
    (segment.warnings || []).forEach(function (id) {
      var warning = self.data.warnings[id];
      parts.push(append(el('div', 'tip-finding tip-warning'), el('div', 'tip-label', 'warning · ' + warning.ruleId), el('div', 'tip-detail', warning.message)));
    });
    if (parts.length === 0) return this.hideTip();
    this.tip.replaceChildren.apply(this.tip, parts);
    this.tip.hidden = false;
    target.setAttribute('aria-describedby', 'tip');
    this.linkSegments(segment, true);
    this.tipTarget = target;
    this.placeTip();
  };

  /* Below the highlight, or above it when there is no room below; kept beside it while the page scrolls. */
  DocumentPage.prototype.placeTip = function () {
    if (!this.tipTarget) return;
    var box = this.tipTarget.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) return this.hideTip();
    var height = this.tip.offsetHeight;
    var left = Math.max(8, Math.min(box.left, window.innerWidth - this.tip.offsetWidth - 8));
    var below = box.bottom + 6;
    var top = below + height > window.innerHeight && box.top > height + 12 ? box.top - height - 6 : below;
    this.tip.style.left = left + 'px';
    this.tip.style.top = top + 'px';
  };

  DocumentPage.prototype.hideTip = function () {
    this.tip.hidden = true;
    if (this.tipTarget) {
      this.tipTarget.removeAttribute('aria-describedby');
      var segment = this.segmentData.get(this.tipTarget);
      if (segment) this.linkSegments(segment, false);
    }
    this.tipTarget = null;
  };

  /* The finding that gives a segment its colour now, if any. */
  DocumentPage.prototype.primaryFinding = function (segment) {
    var self = this;
    var shown = (segment.findings || []).filter(function (id) { return !self.hidden.has(legendKey(self.data.findings[id])); });
    var found = shown.filter(function (id) { return self.data.findings[id].kind !== 'miss'; });
    return found.length > 0 ? found[0] : shown[0];
  };

  /* Every piece of the hovered finding lights up, not only the piece under the pointer. */
  DocumentPage.prototype.linkSegments = function (segment, on) {
    var primary = this.primaryFinding(segment);
    if (primary === undefined) return;
    (this.findingSegments.get(primary) || []).forEach(function (element) { element.classList.toggle('linked', on); });
  };

  DocumentPage.prototype.wireTips = function () {
    var self = this;
    var target = function (event) { return event.target instanceof Element ? event.target.closest('.seg') : null; };
    this.paper.addEventListener('mouseover', function (event) {
      var segment = target(event);
      if (!segment) self.hideTip();
      else if (segment !== self.tipTarget) self.showTip(segment);
    });
    this.paper.addEventListener('mouseleave', function () { self.hideTip(); });
    this.paper.addEventListener('focusin', function (event) {
      var segment = target(event);
      if (segment) self.showTip(segment);
    });
    this.paper.addEventListener('focusout', function () { self.hideTip(); });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') self.hideTip();
    });
    window.addEventListener('scroll', function () { self.placeTip(); }, { passive: true });
  };

  DocumentPage.prototype.focusSegment = function (element) {
    if (!element) return;
    bringIntoView(element);
    if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
    element.focus({ preventScroll: true });
    element.classList.remove('flash');
    void element.offsetWidth;
    element.classList.add('flash');
  };

  DocumentPage.prototype.focusFinding = function (id) {
    this.focusSegment((this.findingSegments.get(id) || [])[0]);
  };

  /* tasks */

  DocumentPage.prototype.chip = function (className, text, findingId, title) {
    var self = this;
    var chip = findingId === undefined ? el('span', 'chip ' + className, text) : button('chip ' + className, text, function () { self.focusFinding(findingId); });
    if (title) chip.title = title;
    return chip;
  };

  DocumentPage.prototype.chipGroup = function (label, chips) {
    var group = append(el('div', 'chip-group'), el('div', 'chip-label', label));
    if (chips.length === 0) return append(group, el('span', 'muted', 'none'));
    var list = el('div', 'chips');
    chips.forEach(function (chip) { append(list, chip); });
    return append(group, list);
  };

  DocumentPage.prototype.taskRecord = function (task) {
    var self = this;
    var record = el('div', 'task-record');
    record.setAttribute('aria-live', 'polite');
    if (task.path.length > 0) append(record, el('div', 'task-path', task.path.join(' › ')));
    append(record, el('div', 'task-title', task.title));
    var units = task.units.map(function (unit) {
      return self.chip('k-unit r-' + unit.role, unit.name + ' · ' + unit.role, unit.finding, 'written as a ' + unit.form);
    });
    var quotas = task.quotas.map(function (quota) { return self.chip('k-quota mono', quota.key, quota.finding, quota.raw); });
    var deadlines = task.deadlines.map(function (deadline) {
      return self.chip('k-deadline mono' + (deadline.implied ? ' inferred' : ''), deadline.key, deadline.finding, deadline.raw + (deadline.implied ? ' (year inferred)' : ''));
    });
    return append(record, this.chipGroup('Units', units), this.chipGroup('Quotas', quotas), this.chipGroup('Deadlines', deadlines));
  };

  DocumentPage.prototype.clearTask = function () {
    if (this.selectedTask < 0) return;
    var index = this.selectedTask;
    (this.taskBlocks.get(index) || []).forEach(function (element) { element.classList.remove('in-task', 'in-task-part'); });
    (this.taskSegments.get(index) || []).forEach(function (element) { element.classList.remove('task-text'); });
    var item = this.taskItems[index];
    item.classList.remove('selected');
    item.querySelector('button').setAttribute('aria-pressed', 'false');
    var record = item.querySelector('.task-record');
    if (record) record.remove();
    this.selectedTask = -1;
  };

  DocumentPage.prototype.selectTask = function (index, scroll) {
    var same = this.selectedTask === index;
    this.clearTask();
    if (same) return;
    var task = this.data.tasks[index];
    this.selectedTask = index;
    var blocks = this.taskBlocks.get(index) || [];
    var segments = this.taskSegments.get(index) || [];
    segments.forEach(function (element) { element.classList.add('task-text'); });
    /* A block the task only partly covers (an 一是 clause in a paragraph) is outlined, and only the task's own text tinted. */
    blocks.forEach(function (element) {
      var covered = segments.reduce(function (sum, segment) { return sum + (element.contains(segment) ? segment.textContent.length : 0); }, 0);
      element.classList.add('in-task');
      element.classList.toggle('in-task-part', covered < element.textContent.length);
    });
    var item = this.taskItems[index];
    item.classList.add('selected');
    item.querySelector('button').setAttribute('aria-pressed', 'true');
    append(item, this.taskRecord(task));
    revealWithin(item.parentElement, item);
    revealWithin(this.panel, item);
    if (scroll && blocks[0]) bringIntoView(blocks[0]);
    history.replaceState(null, '', '#task=' + encodeURIComponent(task.id));
  };

  DocumentPage.prototype.taskList = function () {
    var self = this;
    var details = section('任务 Tasks (' + this.data.tasks.length + ')', 'tasks');
    if (this.data.tasks.length === 0) return append(details, el('p', 'muted', 'No tasks.'));
    var list = el('ol', 'task-list');
    this.data.tasks.forEach(function (task, index) {
      var item = el('li', 'task-item');
      var choose = button('task-button', null, function () { self.selectTask(index, true); });
      choose.setAttribute('aria-pressed', 'false');
      append(choose, el('span', 'task-id mono', task.id), el('span', 'task-name', task.title));
      var counts = [task.units.length + ' units', task.quotas.length + ' quotas', task.deadlines.length + ' deadlines'];
      if (task.ocr !== undefined) counts.push('OCR ' + Math.round(task.ocr * 100) + '%');
      append(choose, el('span', 'task-counts', counts.join(' · ')));
      append(list, append(item, choose));
      self.taskItems.push(item);
    });
    return append(details, list);
  };

  /* legend */

  DocumentPage.prototype.legendEntry = function (className, term, label, count, kind) {
    var self = this;
    var sample = el('span', 'sample hl ' + className, term);
    var parts = [sample, el('span', 'legend-label', label), count === null ? null : el('span', 'count', String(count))];
    if (!kind) return append.apply(null, [el('li', 'legend-entry')].concat(parts));
    var toggle = el('input');
    toggle.type = 'checkbox';
    toggle.checked = true;
    toggle.setAttribute('aria-label', 'show ' + label);
    toggle.addEventListener('change', function () {
      if (toggle.checked) self.hidden.delete(kind);
      else self.hidden.add(kind);
      self.paper.classList.toggle('hide-' + kind, !toggle.checked);
      self.hideTip();
      self.restyle();
    });
    return append(el('li', 'legend-entry'), append.apply(null, [el('label', 'legend-toggle'), toggle].concat(parts)));
  };

  DocumentPage.prototype.legend = function () {
    var self = this;
    var findings = this.data.findings;
    var count = function (test) { return findings.filter(test).length; };
    var details = section('图例 Legend', 'legend');
    var list = el('ul', 'legend-list');
    KIND_ORDER.forEach(function (kind) {
      if (kind === 'miss' && !self.data.gold) return;
      if (kind === 'unit') {
        ['lead', 'responsible', 'assist'].forEach(function (role) {
          var n = count(function (finding) { return finding.kind === 'unit' && finding.role === role; });
          append(list, self.legendEntry('k-unit r-' + role, ROLE_LEGEND[role][0], ROLE_LEGEND[role][1], n, 'r-' + role));
        });
        return;
      }
      var n = count(function (finding) { return finding.kind === kind; });
      var sample = kind === 'miss' ? 'k-miss missed missed-start' : 'k-' + kind;
      append(list, self.legendEntry(sample, KIND_LEGEND[kind][0], KIND_LEGEND[kind][1], n, 'k-' + kind));
    });
    var styles = el('ul', 'legend-list legend-styles');
    append(styles, this.legendEntry('k-deadline inferred', '推断', 'inferred', count(function (finding) { return finding.inferred; })));
    append(styles, this.legendEntry('k-quota ocr', '识别', 'OCR', count(function (finding) { return finding.ocr !== undefined; })));
    append(styles, this.legendEntry('k-quota multi', '重叠', 'overlapping', null));
    append(styles, this.legendEntry('k-quota warned', '提示', 'warning', this.data.warnings.filter(function (warning) { return warning.placed; }).length));
    if (this.data.gold) append(styles, this.legendEntry('k-deadline false-find', '误', 'not in gold card', count(function (finding) { return finding.gold; })));
    append(styles, this.legendEntry('task-sample', '任务', 'selected task', null));
    var hint = 'Inferred: a year or an alias gongwen worked out, not read. Hover or focus (Tab) a highlight for its normalised value; pick a task to outline it.';
    return append(details, list, styles, el('p', 'hint muted', hint));
  };

  /* warnings */

  DocumentPage.prototype.warningList = function () {
    var self = this;
    var warnings = this.data.warnings;
    var notes = warnings.filter(function (warning) { return warning.severity === 'info'; }).length;
    var details = section('提示 Warnings (' + (warnings.length - notes) + ')' + (notes > 0 ? ' and notes (' + notes + ')' : ''), 'warnings');
    if (warnings.length === 0) return append(details, el('p', 'muted', 'No warnings.'));
    var list = el('ul', 'warning-list');
    warnings.forEach(function (warning, index) {
      var item = el('li', 'warning-item severity-' + warning.severity);
      append(item, el('span', 'badge', warning.severity), el('span', 'rule mono', warning.ruleId), el('div', 'warning-message', warning.message));
      if (warning.found !== undefined) append(item, el('div', 'muted', 'found: ' + warning.found));
      if (warning.expected !== undefined) append(item, el('div', 'muted', 'expected: ' + warning.expected));
      if (warning.page !== undefined) append(item, el('div', 'muted', 'page ' + warning.page));
      if (warning.placed) append(item, button('link-button', 'show in text', function () { self.focusSegment((self.warningSegments.get(index) || [])[0]); }));
      append(list, item);
    });
    return append(details, list);
  };

  /* gold card */

  DocumentPage.prototype.goldScalars = function (scalars) {
    var wrong = scalars.filter(function (scalar) { return !scalar.correct; });
    if (wrong.length === 0) return el('p', 'gold-ok', '✓ all ' + scalars.length + ' document fields agree');
    var table = el('table', 'gold-scalars');
    append(table, append(el('thead'), append(el('tr'), el('th', null, 'Field'), el('th', null, 'Gold card'), el('th', null, 'Record'))));
    var body = el('tbody');
    wrong.forEach(function (scalar) {
      append(body, append(el('tr', 'wrong'), el('th', null, '✗ ' + scalar.field), el('td', null, scalar.expected), el('td', null, scalar.found)));
    });
    return append(table, body);
  };

  DocumentPage.prototype.goldList = function (list) {
    var self = this;
    var block = el('div', 'gold-list');
    append(block, el('div', 'gold-field', list.field + ': ' + list.matched + ' matched, ' + list.misses.length + ' missed, ' + list.falseFinds.length + ' false'));
    var items = el('ul');
    list.misses.forEach(function (miss) {
      var item = append(el('li', 'gold-miss'), el('span', 'badge miss-badge', 'missed'), el('span', 'mono', miss.value));
      if (miss.written !== miss.value) append(item, el('span', 'muted', ' (' + miss.written + ')'));
      if (miss.finding !== undefined) append(item, button('link-button', 'probable place', function () { self.focusFinding(miss.finding); }));
      else append(item, el('span', 'muted', ' not found in the text'));
      append(items, item);
    });
    list.falseFinds.forEach(function (found) {
      var item = append(el('li', 'gold-false'), el('span', 'badge false-badge', 'false'), el('span', 'mono', found.value));
      if (found.findings.length > 0) append(item, button('link-button', 'show', function () { self.focusFinding(found.findings[0]); }));
      append(items, item);
    });
    return append(block, items);
  };

  DocumentPage.prototype.goldSection = function () {
    var self = this;
    var gold = this.data.gold;
    var misses = 0;
    var falseFinds = 0;
    gold.lists.forEach(function (list) {
      misses += list.misses.length;
      falseFinds += list.falseFinds.length;
    });
    var wrong = gold.scalars.filter(function (scalar) { return !scalar.correct; }).length;
    var details = section('金标准 Gold card (' + misses + ' missed, ' + falseFinds + ' false, ' + wrong + ' wrong)', 'gold');
    append(details, el('p', 'muted gold-card', gold.card.id + ' · ' + gold.card.file), this.goldScalars(gold.scalars));
    var agreeing = gold.lists.filter(function (list) { return list.misses.length + list.falseFinds.length === 0; });
    gold.lists.forEach(function (list) { if (agreeing.indexOf(list) < 0) append(details, self.goldList(list)); });
    if (agreeing.length > 0) {
      var names = agreeing.map(function (list) { return list.field + ' (' + list.matched + ')'; }).join(', ');
      append(details, el('p', 'gold-ok', '✓ agree: ' + names));
    }
    return details;
  };

  /* page */

  DocumentPage.prototype.header = function () {
    var data = this.data;
    var header = el('header', 'site-header doc-header');
    var back = el('a', 'back', '← 全部文件 All documents');
    back.href = '../index.html';
    append(header, back, el('h1', 'doc-title', data.title));
    var facts = el('dl', 'facts');
    data.facts.forEach(function (fact) { append(facts, append(el('div'), el('dt', null, fact.label), el('dd', null, fact.value))); });
    append(header, facts, el('p', 'origin muted', data.origin));
    return header;
  };

  DocumentPage.prototype.build = function () {
    document.title = this.data.title + ' · gongwen review';
    var paper = this.renderText();
    var panel = this.panel = el('aside', 'panel');
    panel.setAttribute('aria-label', 'Findings, tasks and warnings');
    append(panel, this.legend(), this.data.gold ? this.goldSection() : null, this.warningList(), this.taskList());
    var layout = append(el('div', 'layout'), panel, append(el('main', 'text-column'), paper));
    append(this.app, this.header(), layout, this.tip);
    this.wireTips();
    this.selectFromHash();
  };

  DocumentPage.prototype.selectFromHash = function () {
    var match = /^#task=(.+)$/.exec(location.hash);
    if (!match) return;
    var id;
    try {
      id = decodeURIComponent(match[1]);
    } catch (error) {
      return; /* a malformed address (a lone % or a cut UTF-8 sequence) selects nothing */
    }
    var index = this.data.tasks.findIndex(function (task) { return task.id === id; });
    if (index >= 0) this.selectTask(index, true);
  };

  function start() {
    var data = readData();
    var app = document.getElementById('app');
    if (!data || !app) return;
    if (data.page === 'index') buildIndex(data, app);
    else new DocumentPage(data, app).build();
    document.body.setAttribute('data-ready', 'true');
  }

  start();
})();
`;
