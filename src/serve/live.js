/* oner serve: the diagnostics over the playback page, and a reload on every save.
 *
 * Reads the report the server put in #oner-live (the same JSON as /diagnostics.json): lists
 * every diagnostic in a panel, marks each one that has a place on the plan there (bright
 * while the playhead is near its time, faint otherwise), and listens to /events: when the
 * server's version (its run and save count) differs from the page's, the page reloads (the #t=… in its address
 * keeps the moment). Scene text only ever goes in as textContent. The listener is inert on
 * a page opened as a file. */
(function () {
  'use strict';

  const source = document.getElementById('oner-live');
  if (!source) { return; }
  let report;
  try { report = JSON.parse(source.textContent); } catch (e) { return; }
  const body = document.body;
  const list = Array.isArray(report.diagnostics) ? report.diagnostics : [];
  body.setAttribute('data-live-generation', String(report.generation));
  body.setAttribute('data-diagnostics', list.map((d) => d.code).join(' '));

  /* Seconds as the page's clock writes them: 1:05.5. */
  function clock(s) {
    const tenths = Math.round(s * 10);
    const m = Math.floor(tenths / 600);
    const rest = tenths % 600;
    return m + ':' + String(Math.floor(rest / 10)).padStart(2, '0') + '.' + (rest % 10);
  }

  function el(name, className, text, parent) {
    const node = document.createElement(name);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  /* Seeking goes through the address, which the player follows (#t=…). */
  const playable = !!document.getElementById('scrub');
  function seek(at) {
    if (!playable || typeof at !== 'number') { return; }
    location.hash = 't=' + clock(at);
  }

  /* ---- The panel ---- */

  const errors = list.filter((d) => d.severity === 'error').length;
  const panel = el('section', 'oner-live ' + (errors > 0 ? 'bad' : list.length > 0 ? 'warn' : 'good'));
  panel.id = 'oner-diagnostics';
  panel.setAttribute('aria-label', 'Diagnostics');
  const head = el('header', '', null, panel);
  el('h2', '', 'Diagnostics', head);
  el('span', 'summary', report.summary, head);
  const fold = el('button', 'fold', list.length > 0 ? 'hide' : 'show', head);
  fold.type = 'button';
  fold.addEventListener('click', () => {
    panel.classList.toggle('folded');
    fold.textContent = panel.classList.contains('folded') ? 'show' : 'hide';
  });
  if (list.length === 0) { panel.classList.add('folded'); }
  const status = el('p', 'status', null, panel);
  if (report.problem) { el('p', 'problem', report.problem, panel); }
  if (report.stale) {
    el('p', 'stale', 'The file as saved does not load: the plan shows the last version that did.', panel);
  }
  const items = el('ol', 'items', null, panel);
  const rows = [];
  list.forEach((d, i) => {
    const li = el('li', d.severity === 'error' ? 'error' : 'warning', null, items);
    li.setAttribute('data-code', d.code);
    const top = el('div', 'line', null, li);
    el('span', 'code', d.code, top);
    el('span', 'msg', d.message, top);
    const where = [];
    if (d.line) { where.push('line ' + d.line + ':' + d.column); }
    if (typeof d.at === 'number') { where.push('at ' + clock(d.at)); }
    if (where.length) { el('div', 'where', where.join(' · '), li); }
    if (d.label) { el('div', 'label', d.label, li); }
    if (d.note) { el('div', 'note', 'note: ' + d.note, li); }
    if (d.help) { el('div', 'help', 'help: ' + d.help, li); }
    if (typeof d.at === 'number' || d.point) {
      li.classList.add('placed');
      li.tabIndex = 0;
      li.addEventListener('click', () => { seek(d.at); highlight(i); });
    }
    rows.push(li);
  });
  if (report.plans && report.plans.length) {
    const plans = el('p', 'plans', 'Plans: ', panel);
    for (const name of report.plans) {
      const a = el('a', '', name, plans);
      a.href = '/plans/' + String(name).split('/').map(encodeURIComponent).join('/');
      a.target = '_blank';
      a.rel = 'noopener';
      plans.appendChild(document.createTextNode(' '));
    }
  }
  body.appendChild(panel);

  /* ---- Markers on the plan, in metres inside the player's #live layer ---- */

  const live = document.getElementById('live');
  const markers = [];
  if (live && live.transform) {
    const NS = live.namespaceURI;
    const m = live.transform.baseVal.consolidate();
    const scale = m ? Math.abs(m.matrix.a) || 1 : 1; /* drawing units per metre */
    const r = 4 / scale;
    const layer = document.createElementNS(NS, 'g');
    layer.setAttribute('id', 'oner-markers');
    live.appendChild(layer);
    const stacked = {}; /* diagnostics at one place: labels one above the other */
    list.forEach((d, i) => {
      if (!Array.isArray(d.point)) { return; }
      const key = d.point.join(',');
      const above = stacked[key] || 0;
      stacked[key] = above + 1;
      const g = document.createElementNS(NS, 'g');
      g.setAttribute('class', 'oner-marker ' + (d.severity === 'error' ? 'error' : 'warning'));
      g.setAttribute('transform', 'translate(' + d.point[0] + ' ' + d.point[1] + ')');
      g.setAttribute('data-code', d.code);
      const ring = document.createElementNS(NS, 'circle');
      ring.setAttribute('r', String(r));
      g.appendChild(ring);
      const label = document.createElementNS(NS, 'text');
      label.setAttribute('y', String(-r * (1.25 + 0.9 * above)));
      label.setAttribute('text-anchor', 'middle');
      label.textContent = d.code;
      g.appendChild(label);
      const title = document.createElementNS(NS, 'title');
      title.textContent = d.code + ' ' + d.message;
      g.appendChild(title);
      g.addEventListener('click', () => { seek(d.at); highlight(i); });
      layer.appendChild(g);
      markers.push({ g: g, at: typeof d.at === 'number' ? d.at : null, i: i });
    });
  }

  /* A marker with a time is bright from a second before it to three after. */
  function update() {
    const t = Number(body.getAttribute('data-t'));
    for (const marker of markers) {
      const now = marker.at === null || (isFinite(t) && t >= marker.at - 1 && t <= marker.at + 3);
      marker.g.classList.toggle('now', now);
    }
  }

  function highlight(i) {
    rows.forEach((row, k) => row.classList.toggle('picked', k === i));
    for (const marker of markers) { marker.g.classList.toggle('picked', marker.i === i); }
  }

  if (markers.length) {
    update();
    new MutationObserver(update).observe(body, { attributes: true, attributeFilter: ['data-t'] });
  }

  /* ---- Reload on save ---- */

  if ((location.protocol === 'http:' || location.protocol === 'https:') && 'EventSource' in window) {
    const events = new EventSource('/events');
    const follow = (e) => {
      if (e.data !== report.server + '.' + report.generation) {
        events.close();
        location.reload();
      }
    };
    events.addEventListener('hello', follow);
    events.addEventListener('reload', follow);
    events.addEventListener('open', () => {
      body.setAttribute('data-live', 'connected');
      status.textContent = '';
    });
    events.addEventListener('error', () => {
      body.setAttribute('data-live', 'lost');
      status.textContent = 'Lost the server; trying again…';
    });
  }
})();
