/* oner playback: plays the take (the JSON element #take) on the floor plan.
 *
 * Positions follow sim/track.rs exactly (a walker moves along the route's corners at constant
 * speed between departure and arrival); a camera's facing is sampled and interpolated; its
 * view is cut by walls, closed doors and tall furniture as plan/visibility.rs cuts it. Scene
 * text only ever goes into the page as textContent. Nothing is fetched. */
(function () {
  'use strict';

  const take = JSON.parse(document.getElementById('take').textContent);
  const plan = document.getElementById('plan');
  const NS = plan.namespaceURI;
  const $ = (id) => document.getElementById(id);
  const U = take.unit; /* metres per drawing unit: symbols are sized like the plans' ink */
  const TAU = Math.PI * 2;
  const SEEN = '#f0a500';
  const PROP = '#7b3fa0';

  const clamp = (v, a, b) => Math.min(Math.max(v, a), b);
  const dist = (a, b) => Math.hypot(b[0] - a[0], b[1] - a[1]);
  const lerp = (a, b, k) => [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];
  const wrap = (a) => ((a + Math.PI) % TAU + TAU) % TAU - Math.PI;
  const f2 = (v) => (Math.round(v * 1000) / 1000).toString();

  function svg(name, attrs, parent) {
    const el = document.createElementNS(NS, name);
    for (const k in attrs) { el.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(el); }
    return el;
  }

  /* ---- The take over time ---- */

  for (const person of take.people) {
    for (const leg of person.legs) {
      const cum = [0];
      for (let i = 1; i < leg.points.length; i++) {
        cum.push(cum[i - 1] + dist(leg.points[i - 1], leg.points[i]));
      }
      leg.cum = cum;
      leg.length = cum[cum.length - 1];
    }
  }

  /* The leg under way or most recently started at t (Track::leg_at): the last leg departing
   * at or before t, by binary search (a crowd take has 100,000 legs). */
  function legAt(person, t) {
    const legs = person.legs;
    let lo = 0;
    let hi = legs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (legs[mid].depart <= t) { lo = mid + 1; } else { hi = mid; }
    }
    return lo > 0 ? legs[lo - 1] : null;
  }

  /* Leg::position: clamped to the leg's span, constant speed along the corners. */
  function legPosition(leg, t) {
    const pts = leg.points;
    const duration = leg.arrive - leg.depart;
    if (pts.length < 2 || t >= leg.arrive || duration <= 0) { return pts[pts.length - 1]; }
    if (t <= leg.depart) { return pts[0]; }
    const walked = (t - leg.depart) / duration * leg.length;
    let i = 0;
    while (i < leg.cum.length && leg.cum[i] <= walked) { i++; }
    i = clamp(i, 1, leg.cum.length - 1);
    const c0 = leg.cum[i - 1];
    const c1 = leg.cum[i];
    const k = c1 - c0 < 1e-12 ? 1 : (walked - c0) / (c1 - c0);
    return lerp(pts[i - 1], pts[i], k);
  }

  function position(person, t) {
    const leg = legAt(person, t);
    return leg ? legPosition(leg, t) : person.start;
  }

  /* The leg being walked at t, if any (Track::moving_leg). */
  function movingLeg(person, t) {
    const leg = legAt(person, t);
    return leg && t < leg.arrive && leg.length > 1e-9 ? leg : null;
  }

  function facing(camera, t) {
    const f = camera.facing;
    if (f.length === 0) { return 0; }
    const x = Math.max(0, t * take.facing_rate);
    const i = Math.min(Math.floor(x), f.length - 1);
    const j = Math.min(i + 1, f.length - 1);
    const k = clamp(x - i, 0, 1);
    return f[i] + wrap(f[j] - f[i]) * k;
  }

  function latest(pairs, t, initial) {
    let value = initial;
    for (const p of pairs) { if (p[0] <= t) { value = p[1]; } else { break; } }
    return value;
  }

  function doorState(door, t) {
    let state = door.initial;
    for (const c of door.changes) { if (c.at <= t) { state = c.state; } else { break; } }
    return state;
  }

  function propState(prop, t) {
    let state = prop.states[0];
    for (const s of prop.states) { if (s.at <= t) { state = s; } else { break; } }
    return state;
  }

  /* What blocks the lens at t (plan/visibility.rs `blockers`). */
  function blockers(t) {
    const out = take.sight.fixed.slice();
    for (const w of take.sight.wild) {
      if (w.struck == null || t < w.struck) { out.push(w.segment); }
    }
    for (const d of take.doors) {
      if (d.kind === 'door' && doorState(d, t) !== 'open') {
        out.push([d.gap[0][0], d.gap[0][1], d.gap[1][0], d.gap[1][1]]);
      }
    }
    return out;
  }

  function cast(o, dx, dy, range, segs) {
    let nearest = range;
    for (const s of segs) {
      const ex = s[2] - s[0];
      const ey = s[3] - s[1];
      const denom = dx * ey - dy * ex;
      if (Math.abs(denom) < 1e-12) { continue; }
      const qx = s[0] - o[0];
      const qy = s[1] - o[1];
      const d = (qx * ey - qy * ex) / denom;
      const u = (qx * dy - qy * dx) / denom;
      if (d > 1e-4 && d < nearest && u >= -1e-9 && u <= 1 + 1e-9) { nearest = d; }
    }
    return nearest;
  }

  /* The floor the camera sees: rays every degree plus either side of every blocker's end. */
  function viewPolygon(origin, axis, halfAngle, range, segs) {
    const half = clamp(halfAngle, 0.01, 1.55);
    const start = axis - half;
    const offsets = [];
    const steps = Math.max(1, Math.ceil(2 * half / (Math.PI / 180)));
    for (let k = 0; k <= steps; k++) { offsets.push(2 * half * k / steps); }
    for (const s of segs) {
      for (const p of [[s[0], s[1]], [s[2], s[3]]]) {
        const len = dist(origin, p);
        if (len > range || len < 1e-4) { continue; }
        const offset = ((Math.atan2(p[1] - origin[1], p[0] - origin[0]) - start) % TAU + TAU) % TAU;
        for (const o of [offset - 1e-4, offset, offset + 1e-4]) {
          if (o >= 0 && o <= 2 * half) { offsets.push(o); }
        }
      }
    }
    offsets.sort((a, b) => a - b);
    const pts = [origin];
    for (const o of offsets) {
      const dx = Math.cos(start + o);
      const dy = Math.sin(start + o);
      const d = cast(origin, dx, dy, range, segs);
      pts.push([origin[0] + dx * d, origin[1] + dy * d]);
    }
    return pts;
  }

  const pathOf = (pts, close) =>
    pts.map((p, i) => (i ? 'L' : 'M') + f2(p[0]) + ' ' + f2(p[1])).join(' ') + (close ? ' Z' : '');

  /* ---- The live layer ---- */

  const layers = {
    views: $('views'), routes: $('routes'), props: $('props'), people: $('people'), labels: $('labels'),
  };
  const fontSize = 2.3 * U;
  const halo = 0.55 * U;

  /* Extras on a crowd take (as on the plans): a small grey dot each, no name, no route, drawn
   * on a canvas over the plan, so 2,000 moving dots neither relayout nor repaint the SVG. */
  const extras = take.people.filter((person) => person.extra);
  const crowd = extras.length > 0 ? document.createElement('canvas') : null;
  if (crowd) {
    crowd.className = 'extras';
    crowd.setAttribute('aria-hidden', 'true');
    (plan.closest('.stage') || plan.parentNode).appendChild(crowd);
  }
  const EXTRA_R = 0.6 * U;
  let crowdBox = '';

  /* Where the plan is on screen: read at the start of a frame, while the layout is clean. */
  function crowdGeometry() {
    if (!crowd) { return null; }
    const live = $('live').getScreenCTM();
    if (!live) { return null; }
    return { stage: crowd.parentNode.getBoundingClientRect(), box: plan.getBoundingClientRect(), m: live };
  }

  function drawCrowd(t, geo, where) {
    if (!crowd || !geo) { return; }
    const { stage, box, m } = geo;
    const dpr = window.devicePixelRatio || 1;
    const key = [box.left - stage.left, box.top - stage.top, box.width, box.height, dpr].join(' ');
    if (key !== crowdBox) {
      crowdBox = key;
      crowd.style.left = (box.left - stage.left) + 'px';
      crowd.style.top = (box.top - stage.top) + 'px';
      crowd.style.width = box.width + 'px';
      crowd.style.height = box.height + 'px';
      crowd.width = Math.max(1, Math.round(box.width * dpr));
      crowd.height = Math.max(1, Math.round(box.height * dpr));
    }
    const ctx = crowd.getContext('2d');
    if (!ctx) { return; }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, crowd.width, crowd.height);
    ctx.setTransform(dpr * m.a, dpr * m.b, dpr * m.c, dpr * m.d, dpr * (m.e - box.left), dpr * (m.f - box.top));
    ctx.fillStyle = '#9aa0a8';
    /* A dot of a few pixels is drawn as a square (no path to build: 2,000 arcs a frame cost
     * more than the rest of the frame); zoomed in, as a circle. */
    const round = EXTRA_R * Math.hypot(m.a, m.b) > 2.5;
    const side = 2 * EXTRA_R;
    if (round) { ctx.beginPath(); }
    for (const person of extras) {
      const p = position(person, t);
      if (where) { where.set(person, p); }
      if (round) {
        ctx.moveTo(p[0] + EXTRA_R, p[1]);
        ctx.arc(p[0], p[1], EXTRA_R, 0, TAU);
      } else {
        ctx.fillRect(p[0] - EXTRA_R, p[1] - EXTRA_R, side, side);
      }
    }
    if (round) { ctx.fill(); }
  }

  const figures = take.people.filter((person) => !person.extra).map((person) => {
    const g = svg('g', { class: 'who ' + person.kind }, layers.people);
    const fig = { person, g, r: 0, label: null, route: null, nose: null, at: '' };
    if (person.kind === 'camera') {
      const size = 4 * U;
      fig.r = size * 0.45;
      fig.body = svg('path', {
        d: pathOf([[size * 0.6, 0], [-size * 0.5, size * 0.28], [-size * 0.5, -size * 0.28]], true),
        fill: person.colour, stroke: '#ffffff', 'stroke-width': f2(size * 0.08), 'stroke-linejoin': 'round',
      }, g);
      fig.view = svg('path', {
        fill: SEEN, 'fill-opacity': '0.26', stroke: SEEN, 'stroke-opacity': '0.8',
        'stroke-width': f2(0.25 * U), 'stroke-linejoin': 'round',
      }, layers.views);
      fig.camera = take.cameras.find((c) => take.people[c.person] === person) || null;
    } else {
      fig.r = person.kind === 'cast' ? clamp(person.radius, 1.8 * U, 3.2 * U) : 1.6 * U;
      fig.nose = svg('path', { fill: person.colour, visibility: 'hidden' }, g);
      svg('circle', {
        r: f2(fig.r), fill: person.colour, stroke: '#ffffff', 'stroke-width': f2(0.35 * U),
      }, g);
      const letters = svg('text', {
        'text-anchor': 'middle', y: f2(fig.r * 0.42), fill: '#ffffff', 'font-weight': '700',
        'font-size': f2(fig.r * (person.initials.length > 1 ? 0.95 : 1.25)),
      }, g);
      letters.textContent = person.initials;
    }
    fig.route = svg('path', {
      fill: 'none', stroke: person.colour, 'stroke-width': f2(0.45 * U),
      'stroke-dasharray': f2(1.4 * U) + ' ' + f2(0.9 * U), 'stroke-opacity': '0.75',
    }, layers.routes);
    fig.target = svg('circle', {
      r: f2(0.9 * U), fill: 'none', stroke: person.colour, 'stroke-width': f2(0.35 * U), visibility: 'hidden',
    }, layers.routes);
    fig.label = svg('text', {
      class: 'who-label', fill: person.kind === 'crew' ? '#5f636b' : person.colour,
      'stroke-width': f2(halo), 'font-size': f2(fontSize),
    }, layers.labels);
    fig.label.textContent = person.name;
    return fig;
  });

  const propFigures = take.props.map((prop) => {
    const body = svg('path', { stroke: PROP, 'stroke-width': f2(0.3 * U) }, layers.props);
    const label = svg('text', { class: 'prop-label', 'stroke-width': f2(halo), 'font-size': f2(fontSize * 0.9) }, layers.labels);
    return { prop, body, label, text: null };
  });

  /* Label spans in metres, measured once per text before the first frame: every text is
   * written first and then all are read, so the browser lays the page out once, never in the
   * frame loop. A text not measured (none should be) gets an estimate, not a layout. */
  const widths = new Map();
  const widthKey = (text, size) => text + '|' + size;
  function measureLabels() {
    const probes = [];
    const probe = (text, size, cls) => {
      const key = widthKey(text, size);
      if (widths.has(key)) { return; }
      widths.set(key, 0);
      const el = svg('text', { class: cls, 'font-size': size, visibility: 'hidden' }, layers.labels);
      el.textContent = text;
      probes.push([key, el]);
    };
    for (const fig of figures) {
      if (fig.label) { probe(fig.label.textContent, fig.label.getAttribute('font-size'), 'who-label'); }
    }
    for (const pf of propFigures) {
      const size = pf.label.getAttribute('font-size');
      probe(pf.prop.name, size, 'prop-label');
      probe(pf.prop.name + ' (broken)', size, 'prop-label');
    }
    for (const [key, el] of probes) {
      let w = 0;
      let b = null;
      try { w = el.getComputedTextLength(); b = el.getBBox(); } catch (e) { w = 0; }
      /* From the text's x to the right edge of its ink or advance, whichever is further
       * (an italic's last letter leans past its advance), and where the ink starts. */
      widths.set(key, b && b.width > 0 ? [Math.min(0, b.x), Math.max(w, b.x + b.width)] : [0, w]);
      const size = el.getAttribute('font-size');
      if (!extents.has(size) && b && b.height > 0) { extents.set(size, [b.y, b.y + b.height]); }
    }
    for (const [, el] of probes) { el.remove(); }
  }
  /* How far a label's laid-out box reaches above and below its baseline (the face's ascent
   * and descent, not the font size: boxes set a font size apart still touch). */
  const extents = new Map();
  function extent(el) {
    const size = el.getAttribute('font-size');
    const h = parseFloat(size);
    return extents.get(size) || [-0.95 * h, 0.25 * h];
  }

  /* The plan's own labels (room names, furniture, doors, marks) in metres: live labels keep
   * off them where they can. Measured once, in the state the floor is first drawn in. */
  const floorBoxes = new Map();
  function floorLabelBoxes() {
    const known = floorBoxes.get(shownState);
    if (known) { return known; }
    const boxes = boxGrid();
    floorBoxes.set(shownState, boxes);
    const live = $('live').transform.baseVal.consolidate();
    if (!live) { return boxes; }
    const m = live.matrix;
    for (const el of plan.querySelectorAll('.floor-labels text')) {
      if (el.getClientRects().length === 0) { continue; } /* a door's label for another state */
      let b = null;
      try { b = el.getBBox(); } catch (e) { b = null; }
      if (!b || b.width <= 0) { continue; }
      boxes.push([(b.x - m.e) / m.a, (b.y - m.f) / m.a, (b.x + b.width - m.e) / m.a, (b.y + b.height - m.f) / m.a, el]);
    }
    return boxes;
  }

  /* A live label that finds no free place knocks out the plan's labels under it for as long
   * as it is there (what a person or prop is doing now matters more than a mark's id), so no
   * text is ever drawn on text. Only the labels whose state changes are touched. */
  let knockedOut = new Set();
  function knockOut(placed) {
    const soft = floorLabelBoxes();
    const now = new Set();
    for (const b of placed) {
      soft.some((o) => {
        if (b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]) { now.add(o[4]); }
        return false;
      }, b);
    }
    for (const el of knockedOut) { if (!now.has(el)) { el.removeAttribute('visibility'); } }
    for (const el of now) { if (!knockedOut.has(el)) { el.setAttribute('visibility', 'hidden'); } }
    knockedOut = now;
  }

  /* The walls (and tall furniture) as drawn, with half the wall line's width either side: a
   * label keeps off them where any place beside its anchor is free. */
  const WALL_HALF = 0.55 * U + halo;
  function wallGrid(t) {
    const walls = boxGrid();
    const add = (s) => walls.push([
      Math.min(s[0], s[2]) - WALL_HALF, Math.min(s[1], s[3]) - WALL_HALF,
      Math.max(s[0], s[2]) + WALL_HALF, Math.max(s[1], s[3]) + WALL_HALF, s,
    ]);
    take.sight.fixed.forEach(add);
    for (const w of take.sight.wild) { if (w.struck == null || t < w.struck) { add(w.segment); } }
    return walls;
  }
  let wallsAt = null;
  function wallsNow(t) {
    const struck = take.sight.wild.filter((w) => w.struck != null && t >= w.struck).length;
    if (!wallsAt || wallsAt.struck !== struck) { wallsAt = { struck, grid: wallGrid(t) }; }
    return wallsAt.grid;
  }
  /* Whether the segment s (drawn WALL_HALF either side) crosses box b (Liang-Barsky). */
  function crosses(b, s) {
    const x0 = b[0] - WALL_HALF;
    const y0 = b[1] - WALL_HALF;
    const x1 = b[2] + WALL_HALF;
    const y1 = b[3] + WALL_HALF;
    const dx = s[2] - s[0];
    const dy = s[3] - s[1];
    let t0 = 0;
    let t1 = 1;
    for (const [p, q] of [[-dx, s[0] - x0], [dx, x1 - s[0]], [-dy, s[1] - y0], [dy, y1 - s[1]]]) {
      if (Math.abs(p) < 1e-12) {
        if (q < 0) { return false; }
      } else if (p < 0) {
        t0 = Math.max(t0, q / p);
      } else {
        t1 = Math.min(t1, q / p);
      }
      if (t0 > t1) { return false; }
    }
    return true;
  }

  /* Boxes already on the plan this frame, filed in a grid of cells so a label is tested only
   * against the boxes near it (2,000 extras' dots would make a list quadratic). */
  const CELL = 8 * U;
  function boxGrid() {
    const cells = new Map();
    const keys = (b, each) => {
      const x0 = Math.floor(b[0] / CELL);
      const x1 = Math.floor(b[2] / CELL);
      const y0 = Math.floor(b[1] / CELL);
      const y1 = Math.floor(b[3] / CELL);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) { each(x + ',' + y); }
      }
    };
    return {
      push(b) {
        keys(b, (k) => {
          const list = cells.get(k);
          if (list) { list.push(b); } else { cells.set(k, [b]); }
        });
      },
      some(test, b) {
        let hit = false;
        keys(b, (k) => { if (!hit) { const list = cells.get(k); hit = !!list && list.some(test); } });
        return hit;
      },
    };
  }

  /* The best place for a label of width w beside p: where it overlaps nothing (live symbols
   * and labels, the plan's own labels, walls), else no live symbol, label or wall, else no
   * live symbol or label, else to the right; with how good it is (0 best). The places ring
   * the anchor, close first, then rings further out. */
  function bestSpot(w, top, bottom, p, r, taken, walls) {
    const h = bottom - top;
    const spots = [];
    for (const g of [0, 1.3, 2.6, 3.9, 5.2, 6.5, 7.8].map((k) => r + 0.6 * U + h * k)) {
      spots.push(
        [p[0] + g, p[1] - h / 2], [p[0] - g - w, p[1] - h / 2],
        [p[0] - w / 2, p[1] - g - h], [p[0] - w / 2, p[1] + g],
        [p[0] + g * 0.8, p[1] - g * 0.8 - h], [p[0] - g * 0.8 - w, p[1] - g * 0.8 - h],
        [p[0] + g * 0.8, p[1] + g * 0.8], [p[0] - g * 0.8 - w, p[1] + g * 0.8],
      );
    }
    const boxes = spots.map((s) => [s[0], s[1], s[0] + w, s[1] + h]);
    const overlaps = (b) => (o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1];
    const hits = (b, boxes) => boxes.some(overlaps(b), b);
    const onWall = (b) => walls.some((o) => overlaps(b)(o) && crosses(b, o[4]), b);
    const soft = floorLabelBoxes();
    const tests = [
      (b) => !hits(b, taken) && !onWall(b) && !hits(b, soft),
      (b) => !hits(b, taken) && !onWall(b),
      (b) => !hits(b, taken),
    ];
    for (let k = 0; k < tests.length; k++) {
      const box = boxes.find(tests[k]);
      if (box) { return [box, k]; }
    }
    return [boxes[0], tests.length];
  }

  /* Puts a label beside its anchor (bestSpot) and returns the box it takes. A label with a
   * shorter form (a broken prop's name without "(broken)": its hollow symbol says so) takes
   * the shorter form where only that finds a place off the walls and other labels. */
  function placeLabel(el, p, r, taken, walls, text, shorter) {
    const [top, bottom] = extent(el);
    const size = el.getAttribute('font-size');
    const span = (s) => {
      const known = widths.get(widthKey(s, size));
      return known && known[1] > 0 ? known : [0, s.length * parseFloat(size) * 0.55];
    };
    const wide = (s) => span(s)[1] - span(s)[0];
    let [box, grade] = bestSpot(wide(text), top, bottom, p, r, taken, walls);
    let shown = text;
    if (grade > 1 && shorter) {
      const [other, better] = bestSpot(wide(shorter), top, bottom, p, r, taken, walls);
      if (better < grade) { [box, grade, shown] = [other, better, shorter]; }
    }
    if (el.textContent !== shown) { el.textContent = shown; }
    taken.push(box);
    el.setAttribute('x', f2(box[0] - span(shown)[0]));
    el.setAttribute('y', f2(box[1] - top));
    return box;
  }

  /* Moves a figure; an unchanged transform is not written again, so a crowd standing still
   * costs the browser nothing. */
  function moveTo(fig, transform) {
    if (fig.at !== transform) { fig.g.setAttribute('transform', transform); fig.at = transform; }
  }

  function drawLive(t, geo) {
    const segs = blockers(t);
    const taken = boxGrid();
    const where = new Map();
    for (const fig of figures) {
      const p = position(fig.person, t);
      where.set(fig.person, p);
      taken.push([p[0] - fig.r, p[1] - fig.r, p[0] + fig.r, p[1] + fig.r]);
      const leg = movingLeg(fig.person, t);
      if (fig.camera) {
        const axis = facing(fig.camera, t);
        const half = latest(fig.camera.half_angle, t, 0.48);
        moveTo(fig, 'translate(' + f2(p[0]) + ' ' + f2(p[1]) + ') rotate(' + f2(axis * 180 / Math.PI) + ')');
        fig.view.setAttribute('d', pathOf(viewPolygon(p, axis, half, take.view_range, segs), true));
      } else {
        moveTo(fig, 'translate(' + f2(p[0]) + ' ' + f2(p[1]) + ')');
        if (leg && fig.person.kind === 'cast') {
          const ahead = legPosition(leg, Math.min(t + 0.05, leg.arrive));
          const dx = ahead[0] - p[0];
          const dy = ahead[1] - p[1];
          const len = Math.hypot(dx, dy);
          if (len > 1e-6) {
            const fx = dx / len;
            const fy = dy / len;
            const r = fig.r;
            fig.nose.setAttribute('d', pathOf([
              [fx * r * 0.7 - fy * r * 0.55, fy * r * 0.7 + fx * r * 0.55],
              [fx * r * 1.55, fy * r * 1.55],
              [fx * r * 0.7 + fy * r * 0.55, fy * r * 0.7 - fx * r * 0.55],
            ], true));
            fig.nose.setAttribute('visibility', 'visible');
          }
        } else {
          fig.nose.setAttribute('visibility', 'hidden');
        }
      }
      if (leg) {
        const rest = [p];
        for (let i = 0; i < leg.points.length; i++) {
          if (leg.cum[i] > (t - leg.depart) / Math.max(leg.arrive - leg.depart, 1e-9) * leg.length) { rest.push(leg.points[i]); }
        }
        const end = leg.points[leg.points.length - 1];
        fig.route.setAttribute('d', pathOf(rest, false));
        fig.target.setAttribute('cx', f2(end[0]));
        fig.target.setAttribute('cy', f2(end[1]));
        fig.target.setAttribute('visibility', 'visible');
      } else {
        fig.route.setAttribute('d', '');
        fig.target.setAttribute('visibility', 'hidden');
      }
    }
    drawCrowd(t, geo, where);
    const used = [];
    const pr = 1.1 * U;
    const propSpots = [];
    for (const pf of propFigures) {
      const s = propState(pf.prop, t);
      let p;
      if (s.held != null && take.people[s.held]) {
        const holder = where.get(take.people[s.held]) || [0, 0];
        p = [holder[0] + 2.6 * U, holder[1] + 2.2 * U];
      } else {
        p = s.point || [0, 0];
      }
      while (used.some((u) => dist(u, p) < pr * 1.5)) { p = [p[0] + pr * 2.3, p[1]]; }
      used.push(p);
      pf.body.setAttribute('d', pathOf([[p[0], p[1] - pr], [p[0] + pr, p[1]], [p[0], p[1] + pr], [p[0] - pr, p[1]]], true));
      pf.body.setAttribute('fill', s.broken ? '#ffffff' : PROP);
      pf.text = s.broken ? pf.prop.name + ' (broken)' : pf.prop.name;
      pf.shorter = s.broken ? pf.prop.name : null;
      taken.push([p[0] - pr, p[1] - pr, p[0] + pr, p[1] + pr]);
      propSpots.push([pf, p]);
    }
    const walls = wallsNow(t);
    const placed = [];
    for (const fig of figures) {
      if (fig.label) { placed.push(placeLabel(fig.label, where.get(fig.person), fig.r, taken, walls, fig.person.name, null)); }
    }
    for (const [pf, p] of propSpots) { placed.push(placeLabel(pf.label, p, pr, taken, walls, pf.text, pf.shorter)); }
    knockOut(placed);
  }

  /* ---- The floor's states ---- */

  const variants = Array.from(plan.querySelectorAll('.when')).map((el) => ({
    el, states: new Set((el.getAttribute('data-k') || '').split(' ').map(Number)),
  }));
  let shownState = 0;
  function drawFloor(t) {
    let k = 0;
    while (k < take.floor_changes.length && take.floor_changes[k] <= t) { k++; }
    if (k === shownState) { return; }
    shownState = k;
    for (const v of variants) { v.el.classList.toggle('shown', v.states.has(k)); }
  }

  /* ---- Beat, cues, lines ---- */

  const cueItems = Array.from(document.querySelectorAll('#cues li'));
  const cueList = $('cues');
  const segments = Array.from(document.querySelectorAll('.seg'));
  const jump = $('jump');
  let beatShown = -2;
  let cueShown = -2;
  let linesShown = '';
  let flashTimer = null;

  function beatIndex(t) {
    let index = -1;
    take.beats.forEach((b, i) => { if (b.at <= t) { index = i; } });
    return index;
  }

  function drawBeat(t) {
    const i = beatIndex(t);
    if (i === beatShown) { return; }
    beatShown = i;
    const beat = take.beats[i];
    $('beat-no').textContent = take.beats.length === 0 ? 'Take'
      : i < 0 ? 'Before beat 1' : 'Beat ' + (i + 1) + ' of ' + take.beats.length;
    $('beat-title').textContent = beat ? beat.title : take.beats.length === 0 ? 'The whole take' : '';
    $('beat-notes').textContent = beat ? (beat.notes || beat.title)
      : take.beats.length === 0 ? 'The scene has no beats.' : 'Before the first beat.';
    segments.forEach((s, k) => s.classList.toggle('on', k === i));
    if (beat) { jump.value = jump.options[i] ? jump.options[i].value : jump.value; }
  }

  /* The last cue at or before t, by binary search. */
  function cueIndex(t) {
    let lo = 0;
    let hi = take.cues.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (take.cues[mid].at <= t) { lo = mid + 1; } else { hi = mid; }
    }
    return lo - 1;
  }

  /* The first cue at the same time as cue i (cues at one moment are current together). */
  function firstAt(i) {
    let k = i;
    while (k > 0 && take.cues[k - 1].at === take.cues[i].at) { k--; }
    return k;
  }

  /* Where each cue sits in its list, read once (and again on resize), not in the frame loop. */
  let cueTops = null;
  let cueListHeight = 0;
  function measureCues() {
    cueTops = cueItems.map((li) => li.offsetTop);
    cueListHeight = cueList.clientHeight;
  }
  window.addEventListener('resize', () => { cueTops = null; });
  let pastEnd = 0;
  let currentItems = [];

  function flash(cue) {
    const chip = $('flash-chip');
    chip.textContent = cue.label + ' GO';
    chip.style.background = cue.colour;
    $('flash-what').textContent = cue.what;
    $('flash').classList.add('on');
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => $('flash').classList.remove('on'), 2200);
  }

  function drawCues(t, playing) {
    const i = cueIndex(t);
    if (i === cueShown) { return; }
    if (playing && i > cueShown && i >= 0) { flash(take.cues[i]); }
    cueShown = i;
    /* Only the items whose state changes are touched: cues before `end` are past, cues from
     * `end` to i are current. */
    const end = i >= 0 ? firstAt(i) : 0;
    for (const li of currentItems) { li.classList.remove('current'); }
    currentItems = i >= 0 ? cueItems.slice(end, i + 1) : [];
    for (const li of currentItems) { li.classList.add('current'); }
    for (let k = Math.min(pastEnd, end); k < Math.max(pastEnd, end); k++) {
      if (cueItems[k]) { cueItems[k].classList.toggle('past', k < end); }
    }
    pastEnd = end;
    if (!cueTops) { measureCues(); }
    const top = cueTops[Math.max(i, 0)];
    if (top !== undefined) { cueList.scrollTop = Math.max(0, top - cueListHeight / 3); }
  }

  /* ---- The calling panel: the next calls and who is on standby ---- */

  const callsNext = $('calls-next');
  const callsStandby = $('calls-standby');
  let callsShown = -1;
  let countdowns = [];

  /* The first call after t, by binary search (calls are in time order, pre-show first). */
  function nextCall(t) {
    let lo = 0;
    let hi = take.calls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (take.calls[mid].at <= t) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  function drawCalls(t) {
    if (!callsNext) { return; }
    const first = nextCall(t);
    if (first !== callsShown) {
      callsShown = first;
      callsNext.textContent = '';
      countdowns = [];
      for (const call of take.calls.slice(first, first + 3)) {
        const li = document.createElement('li');
        const inEl = document.createElement('span');
        inEl.className = 'in';
        const words = document.createElement('span');
        words.className = call.call;
        words.textContent = call.words;
        if (call.trigger) {
          const trigger = document.createElement('span');
          trigger.className = 'trigger';
          trigger.textContent = call.trigger;
          words.appendChild(trigger);
        }
        li.appendChild(inEl);
        li.appendChild(words);
        callsNext.appendChild(li);
        countdowns.push([inEl, call.at]);
      }
      if (first >= take.calls.length) {
        const li = document.createElement('li');
        li.textContent = 'no more calls';
        callsNext.appendChild(li);
      }
      const on = [];
      for (const call of take.calls.slice(0, first)) {
        if (call.call !== 'standby') { continue; }
        for (const [label, go] of call.cues) { if (go > t) { on.push(label); } }
      }
      callsStandby.textContent = on.length ? 'On standby: ' + on.join(', ') : '';
    }
    for (const [el, at] of countdowns) { el.textContent = 'in ' + Math.max(0, at - t).toFixed(1) + ' s'; }
  }

  function drawLines(t) {
    const active = [];
    take.lines.forEach((line, i) => { if (line.at <= t && t < line.until) { active.push(i); } });
    const key = active.slice(-3).join(',');
    if (key === linesShown) { return; }
    linesShown = key;
    const box = $('lines');
    box.textContent = '';
    for (const i of active.slice(-3)) {
      const line = take.lines[i];
      const who = take.people[line.who];
      const p = document.createElement('p');
      if (who) { p.style.borderLeftColor = who.colour; }
      const b = document.createElement('b');
      b.textContent = who ? who.name : '';
      p.appendChild(b);
      p.appendChild(document.createTextNode(line.says));
      if (!line.on_camera) {
        const em = document.createElement('em');
        em.textContent = '(off camera)';
        p.appendChild(em);
      }
      box.appendChild(p);
    }
  }

  /* ---- Zoom and pan: the wheel zooms about the pointer, a drag pans, a double-click shows
   * the whole floor again. Only the view box changes; the drawing stays as it is. ---- */

  const home = plan.getAttribute('viewBox').split(/\s+/).map(Number);
  let view = home.slice();
  function setView(v) {
    const w = clamp(v[2], home[2] / 6, home[2]);
    const h = w * home[3] / home[2];
    const x = clamp(v[0], home[0] - w / 2, home[0] + home[2] - w / 2);
    const y = clamp(v[1], home[1] - h / 2, home[1] + home[3] - h / 2);
    view = [x, y, w, h];
    plan.setAttribute('viewBox', view.map((n) => n.toFixed(3)).join(' '));
    redrawCrowd();
    document.body.classList.toggle('zoomed', w < home[2] - 1e-6);
  }
  function toPlan(clientX, clientY) {
    const m = plan.getScreenCTM();
    if (!m) { return null; }
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return [p.x, p.y];
  }
  plan.addEventListener('wheel', (e) => {
    const at = toPlan(e.clientX, e.clientY);
    if (!at) { return; }
    e.preventDefault();
    const k = Math.exp(clamp(e.deltaY, -200, 200) * 0.002);
    const w = clamp(view[2] * k, home[2] / 6, home[2]);
    const h = w * home[3] / home[2];
    const fx = (at[0] - view[0]) / view[2];
    const fy = (at[1] - view[1]) / view[3];
    setView([at[0] - fx * w, at[1] - fy * h, w, h]);
  }, { passive: false });
  let drag = null;
  plan.addEventListener('pointerdown', (e) => {
    const m = plan.getScreenCTM();
    if (!m || e.button !== 0) { return; }
    drag = { x: e.clientX, y: e.clientY, scale: m.a || 1, view: view.slice() };
    plan.setPointerCapture(e.pointerId);
  });
  plan.addEventListener('pointermove', (e) => {
    if (!drag) { return; }
    const dx = (e.clientX - drag.x) / drag.scale;
    const dy = (e.clientY - drag.y) / drag.scale;
    setView([drag.view[0] - dx, drag.view[1] - dy, drag.view[2], drag.view[3]]);
  });
  const endDrag = () => { drag = null; };
  plan.addEventListener('pointerup', endDrag);
  plan.addEventListener('pointercancel', endDrag);
  plan.addEventListener('dblclick', () => setView(home));

  /* The extras again after a zoom, pan or resize (the plan moved under the canvas): once,
   * at the next frame. */
  let crowdRequest = 0;
  function redrawCrowd() {
    if (!crowd || crowdRequest) { return; }
    crowdRequest = requestAnimationFrame(() => {
      crowdRequest = 0;
      drawCrowd(t, crowdGeometry(), null);
    });
  }
  window.addEventListener('resize', redrawCrowd);

  /* ---- Time, controls and the URL ---- */

  let t = 0;
  let playing = false;
  let speed = 1;
  let lastFrame = null;
  let lastHash = 0;
  const scrub = $('scrub');
  const clockEl = $('clock');

  function clockText(s) {
    const tenths = Math.round(s * 10);
    const m = Math.floor(tenths / 600);
    const rest = tenths % 600;
    return m + ':' + String(Math.floor(rest / 10)).padStart(2, '0') + '.' + (rest % 10);
  }

  function hashTime(s) {
    const text = clockText(s);
    return text.endsWith('.0') ? text.slice(0, -2) : text;
  }

  /* `#t=2:13`, `#t=2:13.5`, `#t=1:02:13` or `#t=133.0`; null if there is none. */
  function parseTime(text) {
    let s = text;
    try { s = decodeURIComponent(text); } catch (e) { s = text; }
    s = s.trim();
    if (/^\d+(\.\d+)?s?$/.test(s)) { return parseFloat(s); }
    const m = /^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$/.exec(s);
    if (m) { return (m[1] ? Number(m[1]) * 3600 : 0) + Number(m[2]) * 60 + parseFloat(m[3]); }
    return null;
  }

  function hashParts() {
    return location.hash.replace(/^#/, '').split('&').filter((p) => p.length > 0);
  }

  function readHash() {
    for (const part of hashParts()) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq) === 't') {
        const value = parseTime(part.slice(eq + 1));
        if (value !== null && isFinite(value)) { return clamp(value, 0, take.length); }
      }
    }
    return null;
  }

  function writeHash() {
    const parts = hashParts().filter((p) => !p.startsWith('t='));
    parts.unshift('t=' + hashTime(t));
    const next = '#' + parts.join('&');
    if (next === location.hash) { return; }
    try { history.replaceState(null, '', next); } catch (e) { /* a sandboxed frame: no URL to keep */ }
  }

  /* `#…&probe` writes where each figure is drawn (CSS pixels) and the viewport into the
   * body's data-probe, for the end-to-end test to look at those places in a screenshot. */
  function probe() {
    if (!hashParts().includes('probe')) { return; }
    const out = figures.map((fig) => {
      const r = fig.g.getBoundingClientRect();
      return { id: fig.person.id, x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
    });
    document.body.setAttribute('data-probe', JSON.stringify({ viewport: [innerWidth, innerHeight], people: out }));
  }

  function render(fromPlay) {
    const geo = crowdGeometry();
    drawFloor(t);
    drawLive(t, geo);
    drawBeat(t);
    drawCues(t, fromPlay);
    drawCalls(t);
    drawLines(t);
    clockEl.textContent = clockText(t);
    scrub.value = String(t);
    document.body.setAttribute('data-t', t.toFixed(3));
  }

  /* Frames come from requestAnimationFrame, with a timer as a fallback where frames are not
   * drawn (a hidden tab, a headless browser); whichever comes first cancels the other. */
  let frameRequest = 0;
  let frameTimer = 0;
  function schedule() {
    cancelAnimationFrame(frameRequest);
    clearTimeout(frameTimer);
    frameRequest = requestAnimationFrame(tick);
    frameTimer = setTimeout(() => tick(performance.now()), 100);
  }

  function setPlaying(on) {
    playing = on;
    document.body.classList.toggle('playing', on);
    $('play').setAttribute('aria-label', on ? 'Pause' : 'Play');
    lastFrame = null;
    if (on) { schedule(); } else { writeHash(); }
  }

  function tick(now) {
    if (!playing) { return; }
    if (lastFrame !== null) { t += Math.max(0, now - lastFrame) / 1000 * speed; }
    lastFrame = now;
    if (t >= take.length) { t = take.length; }
    render(true);
    if (now - lastHash > 500) { lastHash = now; writeHash(); }
    if (t >= take.length) { setPlaying(false); return; }
    schedule();
  }

  function seek(to) {
    t = clamp(to, 0, take.length);
    cueShown = -2;
    render(false);
    writeHash();
  }

  $('play').addEventListener('click', () => {
    if (!playing && t >= take.length) { t = 0; }
    setPlaying(!playing);
  });
  scrub.addEventListener('input', () => {
    t = clamp(Number(scrub.value), 0, take.length);
    render(false);
    const now = performance.now();
    if (now - lastHash > 300) { lastHash = now; writeHash(); }
  });
  scrub.addEventListener('change', writeHash);
  for (const b of document.querySelectorAll('.speed button')) {
    b.addEventListener('click', () => {
      speed = Number(b.getAttribute('data-speed')) || 1;
      for (const o of document.querySelectorAll('.speed button')) { o.classList.toggle('on', o === b); }
    });
  }
  jump.addEventListener('change', () => seek(Number(jump.value)));
  segments.forEach((s) => s.addEventListener('click', () => seek(Number(s.getAttribute('data-at')))));
  cueItems.forEach((li) => li.addEventListener('click', () => seek(Number(li.getAttribute('data-at')))));
  window.addEventListener('hashchange', () => {
    const at = readHash();
    if (at !== null && Math.abs(at - t) > 0.05) { seek(at); }
  });
  document.addEventListener('keydown', (e) => {
    const tag = e.target && e.target.tagName;
    if (tag === 'SELECT' || tag === 'BUTTON' || e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === ' ' || e.key === 'k') {
      e.preventDefault();
      $('play').click();
    } else if (tag !== 'INPUT' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      seek(t + (e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 1 : 5));
    } else if (e.key === '[' || e.key === ']') {
      const i = beatIndex(t);
      const next = e.key === ']' ? take.beats[i + 1] : take.beats[Math.max(i - (t - (take.beats[i] || { at: 0 }).at < 1.5 ? 1 : 0), 0)];
      if (next) { seek(next.at); }
    }
  });

  measureLabels();
  measureCues();
  t = readHash() || 0;
  render(false);
  probe();
  document.body.setAttribute('data-ready', '1');
  /* `#t=2:13&play` opens the page playing from that moment. */
  if (hashParts().includes('play')) { setPlaying(true); }
})();
