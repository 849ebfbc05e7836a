// The Depesche workbench. Every piece of article data is untrusted: the DOM is built with createElement and
// textContent only (never innerHTML), and the server's Content-Security-Policy forbids inline script and style.
'use strict';

(function () {
  const view = document.getElementById('view');

  // ---- DOM helpers -------------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') n.className = v;
      else if (k === 'text') n.textContent = v;
      else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
      else if (k === 'href') n.setAttribute('href', safeHref(v));
      else n.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      n.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return n;
  }
  // Why: links carry ids from the API; only in-app hashes and http(s) URLs are ever put into href.
  function safeHref(v) {
    const s = String(v);
    return s.startsWith('#') || /^https?:\/\//i.test(s) ? s : '#';
  }
  const enc = encodeURIComponent;
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }
  function fmtDate(s) { return s ? String(s).slice(0, 10) : '—'; }
  function chip(text, cls, title) { return el('span', { class: 'chip ' + (cls || ''), title: title || null }, text); }

  async function api(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!r.ok) {
      let msg = r.status + ' ' + r.statusText;
      try { const j = await r.json(); if (j && j.error) msg = j.error; } catch (_) { /* not JSON */ }
      throw new Error(msg);
    }
    return r.json();
  }

  function page(title, ...children) {
    clear(view);
    document.title = title + ' · Depesche';
    view.appendChild(el('h1', {}, title));
    for (const c of children) view.appendChild(c);
  }
  function section(title, ...children) { return el('section', { class: 'card' }, el('h2', {}, title), ...children); }
  function empty(text) { return el('p', { class: 'muted' }, text); }
  function articleLink(a) {
    return el('a', { href: '#/article/' + enc(a.id), class: 'article-link' }, a.headline || a.id);
  }
  function entityLink(id, name, type) {
    return el('a', { href: '#/entity/' + enc(id), class: 'entity-link type-' + (type || 'OTH'), title: (type || '') + ' · ' + id }, name);
  }

  // ---- Watchlists (localStorage) ------------------------------------------------------------------------------
  const WATCH_KEY = 'depesche.watch';
  function loadWatch() {
    try {
      const w = JSON.parse(localStorage.getItem(WATCH_KEY) || '{}');
      return { terms: Array.isArray(w.terms) ? w.terms : [], entities: Array.isArray(w.entities) ? w.entities : [], lastSeen: w.lastSeen || null };
    } catch (_) { return { terms: [], entities: [], lastSeen: null }; }
  }
  function saveWatch(w) { localStorage.setItem(WATCH_KEY, JSON.stringify(w)); }

  // ---- Router ----------------------------------------------------------------------------------------------------
  function parseHash() {
    const h = location.hash.replace(/^#\/?/, '');
    const [path, query] = h.split('?');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    return { parts, params: new URLSearchParams(query || '') };
  }
  async function route() {
    const { parts, params } = parseHash();
    const name = parts[0] || 'search';
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.nav === name));
    view.setAttribute('data-page', name);
    view.setAttribute('data-ready', 'false');
    try {
      switch (name) {
        case 'search': await searchPage(params); break;
        case 'article': await articlePage(parts[1]); break;
        case 'entity': await entityPage(parts[1]); break;
        case 'stories': await storiesPage(); break;
        case 'story': await storyPage(parts[1]); break;
        case 'quotes': await quotesPage(params); break;
        case 'events': await eventsPage(params); break;
        case 'watch': await watchPage(params); break;
        case 'agenda': await agendaPage(params); break;
        default: page('Nicht gefunden', empty('Diese Seite gibt es nicht.'));
      }
    } catch (e) {
      page('Fehler', el('p', { class: 'error' }, String(e.message || e)));
    }
    view.setAttribute('data-ready', 'true');
  }
  window.addEventListener('hashchange', route);

  // ---- Search ----------------------------------------------------------------------------------------------------
  const FACETS = [
    ['date', 'Datum', v => ({ from: v, to: v })],
    ['source', 'Quelle', v => ({ source: v })],
    ['entity', 'Entität', v => ({ entity: v })],
    ['entityType', 'Entitätstyp', v => ({ type: v })],
    ['eventType', 'Ereignistyp', v => ({ eventType: v })],
    ['speaker', 'Sprecher', v => ({ speaker: v })],
  ];
  const FILTER_KEYS = ['from', 'to', 'source', 'entity', 'type', 'eventType', 'speaker'];

  async function searchPage(params) {
    const q = params.get('q') || '';
    const apiParams = new URLSearchParams();
    if (q) apiParams.set('q', q);
    for (const k of FILTER_KEYS) if (params.get(k)) apiParams.set(k, params.get(k));
    apiParams.set('limit', '20');
    const input = el('input', { type: 'search', name: 'q', id: 'q', value: q, placeholder: 'Suche: Wörter, "Phrasen", AND/OR/NOT', 'aria-label': 'Suche' });
    const form = el('form', {
      class: 'searchbar', onsubmit: ev => {
        ev.preventDefault();
        const p = new URLSearchParams(params); p.set('q', input.value);
        location.hash = '#/search?' + p.toString();
      },
    }, input, el('button', { type: 'submit' }, 'Suchen'),
    el('button', { type: 'button', class: 'secondary', id: 'watch-search', onclick: () => {
      const w = loadWatch(); const t = input.value.trim();
      if (t && !w.terms.includes(t)) { w.terms.push(t); saveWatch(w); }
      location.hash = '#/watch';
    } }, 'Suche beobachten'));

    const r = await api('/api/search?' + apiParams.toString());
    const active = el('div', { class: 'filters' });
    for (const k of FILTER_KEYS) {
      if (!params.get(k)) continue;
      const p = new URLSearchParams(params); p.delete(k);
      active.appendChild(el('a', { class: 'chip filter', href: '#/search?' + p.toString(), title: 'Filter entfernen' }, k + ': ' + params.get(k) + ' ✕'));
    }
    const facets = el('aside', { class: 'facets', id: 'facets' });
    for (const [key, label, toParams] of FACETS) {
      const values = r.facets[key] || [];
      if (!values.length) continue;
      const ul = el('ul', {});
      for (const f of values) {
        const p = new URLSearchParams(params);
        for (const [pk, pv] of Object.entries(toParams(f.value))) p.set(pk, pv);
        ul.appendChild(el('li', {}, el('a', { href: '#/search?' + p.toString(), 'data-facet': key }, f.label), ' ', el('span', { class: 'count' }, String(f.count))));
      }
      facets.appendChild(el('div', { class: 'facet' }, el('h3', {}, label), ul));
    }
    facets.appendChild(el('p', { class: 'muted small' }, 'Facetten über die ersten ' + r.facetWindow + ' Treffer.'));
    const list = el('ol', { class: 'hits', id: 'hits' });
    for (const h of r.hits) {
      const snip = el('p', { class: 'snippet' });
      for (const part of h.snippet) snip.appendChild(part.match ? el('mark', {}, part.text) : document.createTextNode(part.text));
      list.appendChild(el('li', { class: 'hit' },
        el('div', { class: 'hit-head' }, articleLink(h)),
        el('div', { class: 'meta' }, fmtDate(h.published), ' · ', h.agency || '—', ' · ', el('a', { href: '#/story/' + enc(h.storyId) }, 'Story')),
        snip));
    }
    page(q ? 'Suche: ' + q : 'Neueste Meldungen', form, active,
      el('div', { class: 'search-layout' }, facets,
        el('div', {}, el('p', { class: 'muted', id: 'total' }, r.total + ' Treffer'), r.hits.length ? list : empty('Keine Treffer.'))));
  }

  // ---- Article ---------------------------------------------------------------------------------------------------
  function annotations(an) {
    const out = [];
    const links = an.links || [];
    const linkByMention = new Map(links.map(l => [l.mention, l]));
    (an.entities || []).forEach((e, i) => {
      const l = linkByMention.get(i);
      const id = (l && l.entityId) || e.entityId;
      const name = (l && l.name) || e.name || e.text;
      const roles = ((l && l.roles) || e.roles || []).map(r => r.title || r.role).filter(Boolean);
      out.push({ start: e.start, end: e.end, kind: 'entity', cls: 'ent type-' + (e.type || 'OTH'), entityId: id,
        title: 'Entität: ' + name + ' (' + (e.type || '?') + (id ? ', ' + id : '') + ')' + (roles.length ? ' · ' + roles.join(', ') : '') });
    });
    for (const t of an.times || []) {
      out.push({ start: t.start, end: t.end, kind: 'time', cls: 'time', title: 'Zeit: ' + (t.value || '?') + ' (' + t.type + (t.mod ? ', ' + t.mod : '') + ')' });
    }
    for (const q of an.quotes || []) {
      const sp = q.speaker ? q.speaker.text + (q.speaker.anonymous ? ' (anonym)' : '') : 'unbekannt';
      const chain = (q.sources || []).map(s => s.text + ' [' + s.kind + (s.anonymous ? ', anonym' : '') + ']').join(' → ');
      out.push({ start: q.start, end: q.end, kind: 'quote', cls: 'quote' + ((q.flags || []).length ? ' flagged' : ''),
        title: 'Zitat (' + q.kind + ') · Sprecher: ' + sp + (chain ? ' · Quellenkette: ' + chain : '') + ((q.flags || []).length ? ' · ' + q.flags.join(', ') : '') });
    }
    for (const ev of an.events || []) {
      if (!ev.trigger) continue;
      const title = 'Ereignis ' + ev.type + (ev.mode ? '/' + ev.mode : '') + ': ' + ev.status + (ev.unconfirmed ? ' (unbestätigt)' : '') + (ev.reported ? ' (berichtet)' : '') +
          (ev.place ? ' · Ort: ' + ev.place.name : '') + (ev.time ? ' · Zeit: ' + ev.time.value : '');
      out.push({ start: ev.trigger.start, end: ev.trigger.end, kind: 'event', cls: 'event status-' + ev.status, title: title });
      // Further mentions of the same event carry the event's status, and what the mention itself claimed.
      for (const m of ev.mentions || []) {
        if (!m.trigger) continue;
        out.push({ start: m.trigger.start, end: m.trigger.end, kind: 'event', cls: 'event status-' + ev.status,
          title: title + ' · weitere Erwähnung (' + m.status + (m.source ? ', laut ' + m.source.name : '') + ')' });
      }
    }
    return out;
  }

  // Splits the text at every annotation boundary; each piece carries every annotation covering it, so overlapping
  // layers (an entity inside a quote) never need nested markup.
  function annotatedText(text, anns, from, to) {
    const cuts = new Set([from, to]);
    for (const a of anns) { if (a.end > from && a.start < to) { cuts.add(Math.max(a.start, from)); cuts.add(Math.min(a.end, to)); } }
    const points = [...cuts].sort((x, y) => x - y);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i], e = points[i + 1];
      const piece = text.slice(s, e);
      const cover = anns.filter(a => a.start <= s && a.end >= e);
      if (!cover.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      const ent = cover.find(a => a.kind === 'entity' && a.entityId);
      const attrs = { class: cover.map(a => a.cls).join(' '), title: cover.map(a => a.title).join('\n'), 'data-kinds': cover.map(a => a.kind).join(' ') };
      if (ent) { attrs.href = '#/entity/' + enc(ent.entityId); frag.appendChild(el('a', attrs, piece)); }
      else frag.appendChild(el('span', attrs, piece));
    }
    return frag;
  }

  async function articlePage(id) {
    const a = await api('/api/articles/' + enc(id));
    const an = a.analysis || {};
    const text = an.text || '';
    const spans = an.spans || {};
    const from = (spans.dateline && spans.dateline.start) || (spans.body && spans.body.start) || 0;
    const body = el('div', { class: 'article-text', id: 'article-text' }, annotatedText(text, annotations(an), from, text.length));
    const meta = el('dl', { class: 'meta-list', id: 'article-meta' },
      el('dt', {}, 'Veröffentlicht'), el('dd', {}, a.published || '—'),
      el('dt', {}, 'Dateline'), el('dd', {}, (a.datelines || []).join(' / ') || '—'),
      el('dt', {}, 'Agentur'), el('dd', {}, a.agency || a.outlet || '—'),
      el('dt', {}, 'Redaktionskürzel'), el('dd', {}, (a.editorCodes || []).join(' ') || '—'),
      el('dt', {}, 'Versionen'), el('dd', {}, (a.versionMarkers || []).map(v => v.text).join(', ') || '—'),
      el('dt', {}, 'Story'), el('dd', {}, el('a', { href: '#/story/' + enc(a.storyId) }, a.storyId)),
      el('dt', {}, 'Quelle'), el('dd', {}, a.url ? el('a', { href: a.url, rel: 'noopener noreferrer' }, a.url) : a.origin),
      el('dt', {}, 'Eingelesen'), el('dd', {}, a.ingestedAt));
    const links = el('ul', {}, (a.links || []).map(l => el('li', {},
      l.kind, ' ', el('a', { href: '#/article/' + enc(l.fromId === a.id ? l.toId : l.fromId) }, l.fromId === a.id ? l.toId : l.fromId), ' — ', l.reason)));
    const legend = el('p', { class: 'legend' }, chip('Person', 'ent type-PER'), chip('Ort', 'ent type-LOC'), chip('Organisation', 'ent type-ORG'),
      chip('Sonstiges', 'ent type-OTH'), chip('Zeit', 'time'), chip('Zitat', 'quote'), chip('Ereignis', 'event'));
    const ents = el('ul', { class: 'entity-list' }, (an.distinctEntities || []).map(e =>
      el('li', {}, entityLink(e.entityId, e.name, e.type), ' ', el('span', { class: 'muted' }, e.type + ' · ' + e.mentions + '×'))));
    const quotes = el('ul', { class: 'quote-list' }, (an.quotes || []).map(q => el('li', {},
      quoteText(q.text), ' — ', q.speaker ? q.speaker.text : 'unbekannt',
      q.speaker && q.speaker.anonymous ? chip('anonym', 'warn') : null,
      ...(q.flags || []).filter(f => !(f === 'anonymous' && q.speaker && q.speaker.anonymous)).map(f => chip(FLAG_LABELS[f] || (f === 'anonymous' ? 'anonym' : f), 'warn')))));
    const events = el('ul', {}, (an.events || []).map(ev => el('li', {}, chip(ev.type, 'event'), ' ', ev.trigger ? ev.trigger.text : '', ' ',
      chip(ev.status, 'status-' + ev.status), ev.unconfirmed ? chip('unbestätigt', 'warn') : null,
      (ev.mentions || []).length ? el('span', { class: 'muted', title: ev.mentions.map(m => m.trigger.text + ': ' + m.reason).join('\n') }, ' · ' + (ev.mentions.length + 1) + ' Erwähnungen') : null)));
    page(a.headline || a.id,
      el('div', { class: 'article-layout' },
        el('article', { class: 'card' }, legend, body),
        el('aside', {}, section('Metadaten', meta), section('Entitäten', ents), section('Zitate', quotes), section('Ereignisse', events),
          a.links && a.links.length ? section('Verknüpfungen', links) : null)));
  }

  // ---- Entity ------------------------------------------------------------------------------------------------------
  async function entityPage(id) {
    const [p, graph, upcoming] = await Promise.all([api('/api/entities/' + enc(id)), api('/api/graph?entity=' + enc(id) + '&limit=30'),
      api('/api/agenda?open=true&entity=' + enc(id)).catch(() => ({ items: [] }))]);
    const e = p.entity;
    const w = loadWatch();
    const watched = w.entities.some(x => x.id === e.id);
    const watchBtn = el('button', { type: 'button', id: 'watch-entity', class: 'secondary', onclick: () => {
      const ww = loadWatch();
      if (!ww.entities.some(x => x.id === e.id)) { ww.entities.push({ id: e.id, name: e.name }); saveWatch(ww); }
      watchBtn.textContent = 'Beobachtet ✓';
    } }, watched ? 'Beobachtet ✓' : 'Entität beobachten');
    const profile = el('dl', { class: 'meta-list', id: 'profile' },
      el('dt', {}, 'Typ'), el('dd', {}, e.type + (e.kind ? ' (' + e.kind + ')' : '')),
      el('dt', {}, 'ID'), el('dd', {}, e.id),
      el('dt', {}, 'Wikidata'), el('dd', {}, e.wikidata || '—'),
      el('dt', {}, 'Aliase'), el('dd', { id: 'aliases' }, (e.surfaces || []).join(' · ') || '—'),
      el('dt', {}, 'Rollen'), el('dd', { id: 'roles' }, (e.roles || []).map(r => (r.title || r.role) + (r.of ? ' (' + r.of + ')' : '')).join('; ') || '—'),
      el('dt', {}, 'Artikel'), el('dd', {}, String(p.articles)),
      el('dt', {}, 'Erwähnungen'), el('dd', {}, String(e.mentions)),
      e.geo ? el('dt', {}, 'Koordinaten') : null, e.geo ? el('dd', {}, e.geo.lat.toFixed(3) + ', ' + e.geo.lon.toFixed(3) + (e.geo.country ? ' · ' + e.geo.country : '')) : null);
    const timeline = el('div', { id: 'timeline', class: 'chart' });
    const network = el('div', { id: 'network', class: 'network' });
    const map = el('div', { id: 'map', class: 'map' });
    const quotes = el('ul', { class: 'quote-list' }, p.quotes.map(q => quoteItem(q)));
    const events = el('ul', {}, p.events.map(ev => el('li', {}, fmtDate(ev.date), ' ', chip(ev.type, 'event'), ' ', ev.trigger, ' ',
      chip(ev.status, 'status-' + ev.status), ev.unconfirmed ? chip('unbestätigt', 'warn') : null, ' ', el('a', { href: '#/article/' + enc(ev.articleId) }, '→'))));
    const recent = el('ul', {}, p.recent.map(a => el('li', {}, fmtDate(a.published), ' ', articleLink(a))));
    const co = el('ul', { class: 'entity-list' }, p.coOccurring.map(c => el('li', {}, entityLink(c.id, c.name, c.type), ' ', el('span', { class: 'muted' }, c.count + '×'))));
    page(e.name, el('div', { class: 'toolbar' }, watchBtn, ' ', el('a', { href: '#/search?entity=' + enc(e.id) }, 'Artikel suchen')),
      el('div', { class: 'entity-layout' },
        section('Profil', profile),
        section('Zeitleiste (Erwähnungen, Ereignisse, Zitate)', timeline),
        section('Netzwerk (gemeinsame Nennung)', network),
        section('Orte', map),
        section('Zitate', p.quotes.length ? quotes : empty('Keine Zitate.')),
        section('Anstehend', upcoming.items.length ? agendaList(upcoming.items, 'upcoming') : empty('Nichts angekündigt.')),
        section('Ereignisse', p.events.length ? events : empty('Keine Ereignisse.')),
        section('Gemeinsam genannt', co),
        section('Neueste Artikel', recent)));
    drawTimeline(timeline, p.timeline);
    drawNetwork(network, graph, e.id);
    await drawMap(map, p.places);
  }

  const FLAG_LABELS = { unconfirmed: 'unbestätigt', singleSource: 'nur eine Quelle', denied: 'dementiert' };
  const FLAG_TITLES = { unconfirmed: 'Wer bestätigen könnte, hat nicht bestätigt', singleSource: 'Die Kette beruht auf einem Medium oder einer Agentur', denied: 'Der Inhalt wurde dementiert' };
  function quoteItem(q) {
    const chain = q.sources.map(s => s.text + ' [' + s.kind + ']').join(' → ');
    return el('li', { class: 'quote-item' },
      quoteText(q.text), ' ',
      el('div', { class: 'meta' }, fmtDate(q.date), ' · ',
        q.speakerId ? entityLink(q.speakerId, q.speakerName || q.speakerText, 'PER') : (q.speakerText || 'unbekannt'),
        ' · ', el('span', { title: 'Quellenkette' }, chain || '—'), ' ',
        q.anonymous ? chip('anonym', 'warn flag-anonymous', 'Sprecher oder ein Glied der Quellenkette ist nicht genannt') : null,
        ...q.flags.filter(f => f !== 'anonymous').map(f => chip(FLAG_LABELS[f] || f, 'warn flag-' + f, FLAG_TITLES[f] || null)),
        ' ', el('a', { href: '#/article/' + enc(q.articleId) }, 'Artikel')));
  }

  // Why not <q>: quote texts often carry their own quotation marks; the browser would add a second pair.
  function quoteText(t) {
    return el('span', { class: 'qtext' }, /^["„“»«']/.test(t) ? t : '„' + t + '“');
  }

  // A bar chart per day: mentions, events and quotes side by side (d3; attributes and CSSOM only, CSP-safe).
  function drawTimeline(container, buckets) {
    if (!buckets.length) { container.appendChild(empty('Keine datierten Artikel.')); return; }
    const width = Math.max(320, container.clientWidth || 600), height = 200, m = { t: 10, r: 30, b: 40, l: 30 };
    const svg = d3.select(container).append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('class', 'timeline-svg');
    const parse = d3.utcParse('%Y-%m-%d');
    const days = buckets.map(b => parse(b.date));
    const x0 = d3.extent(days);
    const pad = 24 * 3600 * 1000;
    const x = d3.scaleUtc().domain([new Date(+x0[0] - pad), new Date(+x0[1] + pad)]).range([m.l, width - m.r]);
    const series = ['mentions', 'events', 'quotes'];
    const ymax = d3.max(buckets, b => Math.max(b.mentions, b.events, b.quotes)) || 1;
    const y = d3.scaleLinear().domain([0, ymax]).nice().range([height - m.b, m.t]);
    const bw = Math.max(3, Math.min(14, (width - m.l - m.r) / (buckets.length * 4)));
    series.forEach((s, i) => {
      svg.append('g').attr('class', 'series series-' + s).selectAll('rect').data(buckets).join('rect')
        .attr('x', b => x(parse(b.date)) + (i - 1) * bw - bw / 2).attr('width', bw)
        .attr('y', b => y(b[s])).attr('height', b => y(0) - y(b[s]))
        .append('title').text(b => b.date + ': ' + b[s] + ' ' + s);
    });
    svg.append('g').attr('transform', `translate(0,${height - m.b})`).call(d3.axisBottom(x).ticks(Math.min(6, d3.utcDay.count(x.domain()[0], x.domain()[1]))).tickFormat(d3.utcFormat('%d.%m.%y')));
    svg.append('g').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(4));
    const legend = el('p', { class: 'legend' }, chip('Erwähnungen', 'series-mentions'), chip('Ereignisse', 'series-events'), chip('Zitate', 'series-quotes'));
    container.appendChild(legend);
  }

  const TYPE_COLORS = { PER: '#c0392b', LOC: '#2471a3', ORG: '#7d3c98', OTH: '#7f8c8d' };
  function drawNetwork(container, graph, focus) {
    if (!graph.nodes.length) { container.appendChild(empty('Keine gemeinsamen Nennungen.')); return; }
    const maxW = Math.max(1, ...graph.edges.map(e => e.weight));
    const cy = cytoscape({
      container,
      elements: [
        ...graph.nodes.map(n => ({ data: { id: n.id, label: n.name, type: n.type, size: 12 + Math.sqrt(n.articles) * 5, focus: n.id === focus ? 1 : 0 } })),
        ...graph.edges.map(e => ({ data: { id: e.source + '~' + e.target, source: e.source, target: e.target, w: 1 + 5 * e.weight / maxW } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#222',
          'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
          'background-color': n => TYPE_COLORS[n.data('type')] || '#7f8c8d' } },
        { selector: 'node[focus = 1]', style: { 'border-width': 3, 'border-color': '#f1c40f' } },
        { selector: 'edge', style: { width: 'data(w)', 'line-color': '#b3b6b7', opacity: 0.6 } },
      ],
      // Why concentric: co-occurrence graphs are near-cliques, which force layouts pile up; rings by article count stay legible.
      layout: { name: 'concentric', animate: false, padding: 30, minNodeSpacing: 30, concentric: n => (n.data('focus') ? 1000 : 0) + n.data('size'), levelWidth: () => 8 },
      maxZoom: 1.6,
      userZoomingEnabled: true,
    });
    cy.on('tap', 'node', evt => { location.hash = '#/entity/' + enc(evt.target.id()); });
    container.setAttribute('data-nodes', String(graph.nodes.length));
    container.setAttribute('data-edges', String(graph.edges.length));
    window.__depescheNetwork = cy;
  }

  let countriesCache = null;
  async function countries() {
    if (!countriesCache) {
      const topo = await api('vendor/countries-110m.json');
      countriesCache = topojson.feature(topo, topo.objects.countries);
    }
    return countriesCache;
  }
  // Country shapes from world-atlas, no tile server: the map works offline.
  async function drawMap(container, places) {
    const map = L.map(container, { worldCopyJump: false, attributionControl: false, zoomSnap: 0.25 });
    // Why: Leaflet needs a view before any layer is added.
    map.setView([50, 10], 3);
    L.geoJSON(await countries(), { style: () => ({ color: '#8a9aa9', weight: 0.6, fillColor: '#eef1f4', fillOpacity: 1 }) }).addTo(map);
    const pts = [];
    for (const p of places) {
      const mk = L.circleMarker([p.lat, p.lon], { radius: 4 + Math.sqrt(p.count) * 3, color: '#1a5276', fillColor: '#2e86c1', fillOpacity: 0.8, weight: 1 })
        .addTo(map).bindTooltip(p.name + ' (' + p.count + ')', { permanent: places.length <= 12, direction: 'right', className: 'place-label' });
      mk.on('click', () => { location.hash = '#/entity/' + enc(p.id); });
      pts.push([p.lat, p.lon]);
    }
    if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.6), { maxZoom: 5 });
    container.setAttribute('data-markers', String(pts.length));
    if (!pts.length) container.appendChild(el('p', { class: 'map-note' }, 'Keine Orte mit Koordinaten.'));
  }

  // ---- Stories -----------------------------------------------------------------------------------------------------
  async function storiesPage() {
    const stories = await api('/api/stories?limit=100');
    const list = el('table', { class: 'table', id: 'stories' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Story'), el('th', {}, 'Artikel'), el('th', {}, 'Von'), el('th', {}, 'Bis'))),
      el('tbody', {}, stories.map(s => el('tr', {},
        el('td', {}, el('a', { href: '#/story/' + enc(s.storyId) }, s.headline || s.storyId)),
        el('td', {}, String(s.articles)), el('td', {}, fmtDate(s.firstPublished)), el('td', {}, fmtDate(s.lastPublished))))));
    page('Storys', stories.length ? list : empty('Keine Storys.'));
  }

  async function storyPage(id) {
    const s = await api('/api/stories/' + enc(id));
    const timeline = el('div', { id: 'story-timeline', class: 'chart' });
    const events = el('table', { class: 'table', id: 'story-events' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Ereignis'), el('th', {}, 'Ort'), el('th', {}, 'Zeit'), el('th', {}, 'Statusverlauf'))),
      el('tbody', {}, s.events.map(ev => el('tr', {},
        el('td', {}, chip(ev.type, 'event'), ' ', ev.trigger), el('td', {}, ev.place || '—'), el('td', {}, ev.time || '—'),
        el('td', { class: 'history' }, ev.history.map((h, i) => el('span', {}, i ? ' → ' : '',
          el('a', { href: '#/article/' + enc(h.articleId), title: h.date }, chip(h.status + (h.unconfirmed ? '?' : ''), 'status-' + h.status)))))))));
    const articles = el('ol', { class: 'story-articles' }, s.articles.map(a => el('li', {}, fmtDate(a.published), ' · ', a.source || '—', ' · ', articleLink(a))));
    page(s.story.headline || 'Story ' + id,
      el('p', { class: 'muted' }, s.story.articles + ' Artikel · ' + fmtDate(s.story.firstPublished) + ' bis ' + fmtDate(s.story.lastPublished)),
      section('Artikel auf der Zeitleiste', timeline),
      section('Ereignisse und ihr Status', s.events.length ? events : empty('Keine Ereignisse.')),
      section('Artikel', articles),
      section('Zitate', s.quotes.length ? el('ul', { class: 'quote-list' }, s.quotes.map(quoteItem)) : empty('Keine Zitate.')));
    drawStoryTimeline(timeline, s.articles);
  }

  function drawStoryTimeline(container, articles) {
    const dated = articles.filter(a => a.published);
    if (!dated.length) { container.appendChild(empty('Keine datierten Artikel.')); return; }
    const width = Math.max(320, container.clientWidth || 600), rowH = 22, m = { t: 10, r: 30, b: 30, l: 30 };
    const height = m.t + m.b + rowH * dated.length;
    const svg = d3.select(container).append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('class', 'timeline-svg');
    const t = a => new Date(a.published.length <= 10 ? a.published + 'T12:00:00Z' : a.published);
    const ext = d3.extent(dated, t);
    const pad = Math.max(12 * 3600 * 1000, (ext[1] - ext[0]) * 0.1);
    const x = d3.scaleUtc().domain([new Date(+ext[0] - pad), new Date(+ext[1] + pad)]).range([m.l, width - m.r]);
    const g = svg.append('g').selectAll('g').data(dated).join('g').attr('transform', (a, i) => `translate(0,${m.t + i * rowH + rowH / 2})`);
    g.append('circle').attr('cx', a => x(t(a))).attr('r', 5).attr('class', 'dot');
    const right = a => x(t(a)) > width / 2;
    g.append('a').attr('href', a => '#/article/' + enc(a.id)).append('text').attr('x', a => x(t(a)) + (right(a) ? -9 : 9)).attr('y', 4).attr('class', 'dot-label')
      .attr('text-anchor', a => right(a) ? 'end' : 'start')
      .text(a => (a.headline || a.id).slice(0, 70));
    const days = d3.utcDay.count(x.domain()[0], x.domain()[1]);
    svg.append('g').attr('transform', `translate(0,${height - m.b})`).call(d3.axisBottom(x).ticks(days <= 10 ? d3.utcDay.every(1) : 6).tickFormat(d3.utcFormat('%d.%m.%y')));
  }

  // ---- Quotes and events ---------------------------------------------------------------------------------------------
  async function quotesPage(params) {
    const p = new URLSearchParams();
    for (const k of ['speaker', 'source', 'anonymous', 'unconfirmed']) if (params.get(k)) p.set(k, params.get(k));
    const r = await api('/api/quotes?' + p.toString());
    const link = (k, v) => { const q = new URLSearchParams(params); if (v === null) q.delete(k); else q.set(k, v); return '#/quotes?' + q.toString(); };
    const filters = el('div', { class: 'filters' },
      el('a', { class: 'chip filter', href: link('anonymous', params.get('anonymous') === 'true' ? null : 'true') }, 'nur anonyme'),
      el('a', { class: 'chip filter', href: link('unconfirmed', params.get('unconfirmed') === 'true' ? null : 'true') }, 'nur unbestätigte'),
      ...['speaker', 'source'].filter(k => params.get(k)).map(k => el('a', { class: 'chip filter', href: link(k, null) }, k + ': ' + params.get(k) + ' ✕')));
    const facets = el('aside', { class: 'facets' },
      el('div', { class: 'facet' }, el('h3', {}, 'Sprecher'), el('ul', {}, r.speakers.map(f => el('li', {}, el('a', { href: link('speaker', f.value) }, f.label), ' ', el('span', { class: 'count' }, String(f.count)))))),
      el('div', { class: 'facet' }, el('h3', {}, 'Quellen'), el('ul', {}, r.sources.map(f => el('li', {}, el('a', { href: link('source', f.value) }, f.label), ' ', el('span', { class: 'count' }, String(f.count)))))));
    page('Zitate', filters, el('div', { class: 'search-layout' }, facets,
      el('div', {}, el('p', { class: 'muted' }, r.total + ' Zitate'), el('ul', { class: 'quote-list', id: 'quotes' }, r.quotes.map(quoteItem)))));
  }

  async function eventsPage(params) {
    const p = new URLSearchParams();
    for (const k of ['type', 'status']) if (params.get(k)) p.set(k, params.get(k));
    const r = await api('/api/events?' + p.toString());
    const link = (k, v) => { const q = new URLSearchParams(params); if (v === null) q.delete(k); else q.set(k, v); return '#/events?' + q.toString(); };
    const facets = el('aside', { class: 'facets' },
      el('div', { class: 'facet' }, el('h3', {}, 'Typ'), el('ul', {}, r.types.map(f => el('li', {}, el('a', { href: link('type', f.value) }, f.label), ' ', el('span', { class: 'count' }, String(f.count)))))),
      el('div', { class: 'facet' }, el('h3', {}, 'Status'), el('ul', {}, r.statuses.map(f => el('li', {}, el('a', { href: link('status', f.value) }, f.label), ' ', el('span', { class: 'count' }, String(f.count)))))));
    const rows = el('tbody', {}, r.events.map(ev => el('tr', {},
      el('td', {}, fmtDate(ev.date)), el('td', {}, chip(ev.type, 'event')), el('td', {}, ev.trigger),
      el('td', {}, chip(ev.status, 'status-' + ev.status), ev.unconfirmed ? chip('unbestätigt', 'warn') : null),
      el('td', {}, ev.actors.map(x => x.entityId ? entityLink(x.entityId, x.name, null) : x.name).flatMap((n, i) => i ? [', ', n] : [n])),
      el('td', {}, ev.placeId ? entityLink(ev.placeId, ev.place, 'LOC') : (ev.place || '—')),
      el('td', {}, el('a', { href: '#/article/' + enc(ev.articleId) }, 'Artikel')))));
    page('Ereignisse', el('div', { class: 'search-layout' }, facets,
      el('div', {}, el('p', { class: 'muted' }, r.total + ' Ereignisse'),
        el('table', { class: 'table', id: 'events' }, el('thead', {}, el('tr', {}, ['Datum', 'Typ', 'Auslöser', 'Status', 'Akteure', 'Ort', ''].map(h => el('th', {}, h)))), rows))));
  }

  // ---- Agenda ---------------------------------------------------------------------------------------------------------
  // Why no default date here: the server takes the newest article's day as "today", so an archive opens on its own present.
  function agendaList(items, id) {
    return el('ul', { class: 'agenda-list', id: id }, items.map(i => el('li', { class: 'agenda-item' },
      el('div', {}, el('strong', { class: 'agenda-when' }, i.when.label), ' ', chip(i.type + (i.mode ? '/' + i.mode : ''), 'event'), ' ',
        el('span', { class: 'agenda-title' }, i.title), ' ',
        chip(i.status, 'status-' + i.status), i.unconfirmed ? chip('unbestätigt', 'warn') : null,
        ' ', el('span', { class: 'muted' }, 'Konfidenz ' + i.confidence.toFixed(2))),
      el('div', { class: 'meta' }, 'Akteure: ', i.actors.length ? i.actors.map(a => a.entity ? entityLink(a.entity, a.name, null) : a.name).flatMap((n, k) => k ? [', ', n] : [n]) : '—',
        i.place ? [' · Ort: ', i.place.entity ? entityLink(i.place.entity, i.place.name, 'LOC') : i.place.name] : null),
      el('ol', { class: 'claims' }, i.claims.map(c => el('li', {}, fmtDate(c.published), ' ', chip(c.change, 'claim'), ' ', c.status,
        c.unconfirmed ? ' (unbestätigt)' : '', ' · ', c.via, ' ', el('a', { href: '#/article/' + enc(c.article) }, 'Artikel')))),
      el('div', { class: 'resolution' }, 'Auflösung: ', chip(i.resolution.kind, 'resolution-' + i.resolution.kind), ' ', i.resolution.text))));
  }

  async function agendaPage(params) {
    const p = new URLSearchParams();
    for (const k of ['from', 'to', 'today', 'entity']) if (params.get(k)) p.set(k, params.get(k));
    const r = await api('/api/agenda?' + p.toString());
    page('Agenda', el('p', { class: 'muted', id: 'agenda-window' }, r.from + ' bis ' + r.to + ', Stand ' + r.today + ' · ' + r.items.length + ' Termine'),
      r.items.length ? agendaList(r.items, 'agenda') : empty('Keine geplanten Termine in diesem Zeitraum.'));
  }

  // ---- Watchlist -----------------------------------------------------------------------------------------------------
  async function watchPage(params) {
    const w = loadWatch();
    const since = params.get('since') || w.lastSeen || '1970-01-01T00:00:00Z';
    const termInput = el('input', { type: 'text', id: 'watch-term', placeholder: 'Suchbegriff', 'aria-label': 'Suchbegriff' });
    const add = el('form', { class: 'searchbar', onsubmit: ev => {
      ev.preventDefault();
      const t = termInput.value.trim();
      if (t) { const ww = loadWatch(); if (!ww.terms.includes(t)) ww.terms.push(t); saveWatch(ww); route(); }
    } }, termInput, el('button', { type: 'submit' }, 'Begriff hinzufügen'));
    const remove = (kind, v) => () => { const ww = loadWatch(); ww[kind] = ww[kind].filter(x => (kind === 'terms' ? x : x.id) !== v); saveWatch(ww); route(); };
    const lists = el('div', { class: 'filters', id: 'watch-items' },
      ...w.terms.map(t => el('span', { class: 'chip' }, 'Begriff: ' + t + ' ', el('button', { type: 'button', class: 'link', onclick: remove('terms', t), title: 'entfernen' }, '✕'))),
      ...w.entities.map(e => el('span', { class: 'chip' }, 'Entität: ', entityLink(e.id, e.name, null), ' ', el('button', { type: 'button', class: 'link', onclick: remove('entities', e.id), title: 'entfernen' }, '✕'))));
    const seen = el('button', { type: 'button', class: 'secondary', id: 'mark-seen', onclick: () => { const ww = loadWatch(); ww.lastSeen = new Date().toISOString(); saveWatch(ww); location.hash = '#/watch'; route(); } }, 'Als gelesen markieren');
    const results = el('div', { id: 'watch-hits' });
    page('Watchlist', add, lists, el('p', { class: 'muted' }, (w.lastSeen || params.get('since') ? 'Neu seit ' + since : 'Alles (noch nie als gelesen markiert)') + ' ', seen), results);
    if (!w.terms.length && !w.entities.length) { results.appendChild(empty('Noch nichts beobachtet: Begriff hinzufügen oder auf einer Entitätsseite „Entität beobachten“ wählen.')); return; }
    const p = new URLSearchParams();
    p.set('since', since);
    w.terms.forEach(t => p.append('term', t));
    w.entities.forEach(e => p.append('entity', e.id));
    const hits = await api('/api/watch?' + p.toString());
    if (!hits.length) { results.appendChild(empty('Nichts Neues.')); return; }
    const KIND = { term: 'Begriff', entity: 'Entität', quote: 'Zitat', status: 'Statuswechsel' };
    results.appendChild(el('ul', { class: 'hits' }, hits.map(h => el('li', { class: 'hit' },
      el('div', { class: 'hit-head' }, articleLink(h.article)),
      el('div', { class: 'meta' }, fmtDate(h.article.published), ' · ', h.article.source || '—', ' · eingelesen ', h.ingestedAt),
      el('ul', { class: 'triggers' }, h.triggers.map(t => el('li', { class: 'trigger trigger-' + t.kind }, chip(KIND[t.kind] || t.kind, 'trigger-kind'), ' ', t.watch, ': ', t.detail)))))));
  }

  // ---- Start -------------------------------------------------------------------------------------------------------
  api('/api/status').then(s => {
    document.getElementById('status').textContent = s.articles + ' Artikel · ' + s.stories + ' Storys' + (s.ingest ? ' · Ingest aktiv' : '');
  }).catch(() => { /* the status line is decoration */ });
  route();
})();
