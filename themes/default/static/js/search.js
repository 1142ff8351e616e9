/* ssg search client: the whole archive, searched in the browser from the static index under
   search/ (written by ssg/search.py). No framework, no other host: every fetch is relative to the
   index URL the page gives (data-index), so a GitHub Pages subpath works.
   The text analysis below must match ssg/search.py (tests/test_search.py runs both). */
(function (root) {
  'use strict';

  // ------------------------------------------------------------------ text analysis (= search.py)
  const MN = /\p{Mn}/gu;
  const HAMZA_SEAT = /[\u0648\u064A]\u0654/g;
  const FOLD = [['\u0629', '\u0647'], ['\u0649', '\u064A'], ['\u0671', '\u0627'], ['\u06A9', '\u0643'],
    ['\u06CC', '\u064A'], ['\u06C1', '\u0647'], ['\u06D5', '\u0647'], ['\u0640', ''], ['\u00AD', ''],
    ['\u061C', ''], ['\uFEFF', ''], ['\u200B', ''], ['\u200C', ''], ['\u200D', ''], ['\u200E', ''], ['\u200F', '']];
  for (let i = 0; i < 10; i++) {
    FOLD.push([String.fromCharCode(0x0660 + i), String(i)], [String.fromCharCode(0x06F0 + i), String(i)]);
  }
  const TOKEN = /[\p{L}\p{N}]+/gu;
  const ASCII_ALPHA = /^[a-z]+$/i;

  function normalise(text) {
    text = text.normalize('NFKD').replace(HAMZA_SEAT, '\u0621').replace(MN, '');
    for (const [from, to] of FOLD) if (text.includes(from)) text = text.split(from).join(to);
    return text.toLowerCase();
  }
  function tokens(text) { return normalise(text).match(TOKEN) || []; }
  function arabic(word) { return word[0] >= '\u0621' && word[0] <= '\u064A'; }
  function len(word) { return Array.from(word).length; }

  function makeAnalyser(tables) {
    const stop = new Set(tables.stop), prefixes = tables.prefixes, suffixes = tables.suffixes;
    const proclitics = tables.proclitics;
    const cache = new Map();
    function stem(word) {
      let hit = cache.get(word);
      if (hit !== undefined) return hit;
      const original = word;
      if (arabic(word)) {
        for (const p of prefixes) {
          if (word.startsWith(p) && len(word) - len(p) >= 2) { word = word.slice(p.length); break; }
        }
        for (const s of suffixes) {
          if (word.endsWith(s) && len(word) - len(s) >= 2) word = word.slice(0, -s.length);
        }
      } else if (ASCII_ALPHA.test(word) && word.length > 3) {
        if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) word = word.slice(0, -3) + 'y';
        else if (word.endsWith('es') && !['aes', 'ees', 'oes'].some(e => word.endsWith(e))) word = word.slice(0, -1);
        else if (word.endsWith('s') && !word.endsWith('us') && !word.endsWith('ss')) word = word.slice(0, -1);
      }
      if (cache.size > 50000) cache.clear();
      cache.set(original, word);
      return word;
    }
    function terms(text) {
      return tokens(text).filter(t => !stop.has(t) && len(t) > 1).map(stem);
    }
    function indexTerms(text) {   // = search.index_terms: with and without a one-letter proclitic
      const out = [];
      for (const t of tokens(text)) {
        if (stop.has(t) || len(t) < 2) continue;
        out.push(stem(t));
        if (len(t) >= 4 && proclitics.includes(t[0]) && arabic(t) && !prefixes.some(p => t.startsWith(p)) &&
            !stop.has(t.slice(1))) out.push(stem(t.slice(1)));
      }
      return out;
    }
    return { stem, terms, indexTerms };
  }

  // ------------------------------------------------------------------ the index

  function* varints(bytes, pos, end) {
    let value = 0, shift = 0;
    while (pos < end) {
      const b = bytes[pos++];
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) { yield value; value = 0; shift = 0; }
    }
  }
  function readOne(bytes, state) {
    let value = 0, shift = 0, b;
    do { b = bytes[state.pos++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return value;
  }
  function hex(text) {
    return Array.from(new TextEncoder().encode(text), b => b.toString(16).padStart(2, '0')).join('');
  }
  function firstChars(text, n) { return Array.from(text).slice(0, n).join(''); }

  class Index {
    constructor(base, manifest) {
      this.base = base;
      this.m = manifest;
      this.keyList = manifest.keys.split(' ');
      this.keys = new Set(this.keyList);
      this.split = new Set(manifest.split.split(' '));
      this.analyser = makeAnalyser(manifest);
      this.shards = new Map();
      this.docShards = new Map();
      this.facets = new Map();
    }
    url(path) { return this.base + path + '?v=' + this.m.v; }
    async fetchBytes(path) {
      const response = await fetch(this.url(path));
      if (!response.ok) throw new Error(path + ': ' + response.status);
      return new Uint8Array(await response.arrayBuffer());
    }
    shardKey(term) {
      let key = firstChars(term, this.m.key_chars);
      while (this.split.has(key) && len(term) > len(key)) {
        const child = firstChars(term, len(key) + 1);
        if (!this.keys.has(child) && !this.split.has(child)) break;   // a small child stays in its parent
        key = child;
      }
      return key;
    }
    shard(key) {
      if (!this.keys.has(key)) return Promise.resolve(new Map());
      if (!this.shards.has(key)) {
        this.shards.set(key, this.fetchBytes('t/' + hex(key) + '.bin').then(bytes => {
          const state = { pos: 0 }, decoder = new TextDecoder(), head = [];
          const n = readOne(bytes, state);
          for (let i = 0; i < n; i++) {
            const size = readOne(bytes, state);
            const suffix = decoder.decode(bytes.subarray(state.pos, state.pos + size));
            state.pos += size;
            const df = readOne(bytes, state), length = readOne(bytes, state);
            head.push([key + suffix, df, length]);
          }
          const terms = new Map();
          let pos = state.pos;
          for (const [term, df, length] of head) { terms.set(term, { bytes, start: pos, end: pos + length, df }); pos += length; }
          return terms;
        }));
      }
      return this.shards.get(key);
    }
    async lookup(word, prefix) {
      /* -> Map(term -> entry) of the term, or of every term starting with it when prefix. */
      const key = this.shardKey(word);
      let keys = [key];
      if (prefix && this.split.has(key) && len(word) <= len(key)) {
        keys = this.keyList.filter(k => k.startsWith(key));
        if (keys.length > this.m.prefix_shards) keys = [key];
      }
      const maps = await Promise.all(keys.map(k => this.shard(k)));
      const found = new Map();
      for (const terms of maps) {
        for (const [term, entry] of terms) {
          if (term === word || (prefix && term.startsWith(word))) found.set(term, entry);
        }
      }
      return found;
    }
    postings(entry) {
      const out = new Map();
      let id = 0;
      for (const v of varints(entry.bytes, entry.start, entry.end)) {
        id += Math.floor(v / 4);
        out.set(id, v & 3);
      }
      return out;
    }
    async facet(name) {
      if (!this.facets.has(name)) {
        this.facets.set(name, this.fetchBytes('f/' + name + '.bin').then(bytes => {
          const ids = new Set();
          let id = 0, first = true;
          for (const v of varints(bytes, 0, bytes.length)) { id = first ? v : id + v; first = false; ids.add(id); }
          return ids;
        }));
      }
      return this.facets.get(name);
    }
    docs(ids) {
      const per = this.m.docs_per_shard;
      return Promise.all(ids.map(async id => {
        const n = Math.floor(id / per);
        if (!this.docShards.has(n)) {
          this.docShards.set(n, fetch(this.url('d/' + n + '.json')).then(r => {
            if (!r.ok) throw new Error('d/' + n + ': ' + r.status);
            return r.json();
          }));
        }
        return (await this.docShards.get(n))[id % per];
      }));
    }

    /* query -> {ids (best first), words, prefix} ; AND of the words, the last one as a prefix. */
    async search(query, filters) {
      const words = this.analyser.terms(query);
      const prefix = words.length > 0 && !/\s$/.test(query) && len(words[words.length - 1]) >= 2;
      if (!words.length) return { ids: [], words, prefix };
      const weights = [0, 1, 1.6, 3];
      const groups = await Promise.all(words.map((w, i) => this.lookup(w, prefix && i === words.length - 1)));
      const total = this.m.count;
      let scores = null;
      const order = groups.map((g, i) => i).sort((a, b) => size(groups[a]) - size(groups[b]));
      for (const i of order) {
        const found = new Map();
        let df = 0;
        for (const [term, entry] of groups[i]) {
          const exact = term === words[i] ? 1 : 0.85;
          df += entry.df;
          for (const [id, w] of this.postings(entry)) {
            if (scores && !scores.has(id)) continue;
            const s = weights[w] * exact;
            if (!(found.get(id) >= s)) found.set(id, s);
          }
        }
        const idf = Math.log(1 + total / Math.max(1, Math.min(df, total)));
        const next = new Map();
        for (const [id, s] of found) next.set(id, (scores ? scores.get(id) : 0) + s * idf);
        scores = next;
        if (!scores.size) break;
      }
      let ids = [...scores.keys()];
      if (filters.year) {
        const span = this.m.years.find(y => String(y[0]) === filters.year);
        ids = span ? ids.filter(id => id >= span[1] && id <= span[2]) : [];
      }
      for (const facet of ['section', 'source']) {
        if (!filters[facet]) continue;
        const index = this.m[facet + 's'].indexOf(filters[facet]);
        if (index < 0) { ids = []; continue; }
        const allowed = await this.facet(facet + '-' + index);
        ids = ids.filter(id => allowed.has(id));
      }
      ids.sort((a, b) => (scores.get(b) - scores.get(a)) || (b - a));
      return { ids, words, prefix };
    }
  }
  function size(map) { let n = 0; for (const e of map.values()) n += e.df; return n; }

  // ------------------------------------------------------------------ highlighting

  const WORD = /[\p{L}\p{N}\p{M}]+/gu;
  function highlight(text, analyser, words, prefix, doc) {
    /* Text nodes and <mark>s for the words of text whose terms match the query. */
    const frag = doc.createDocumentFragment();
    const exact = new Set(prefix ? words.slice(0, -1) : words);
    const last = prefix ? words[words.length - 1] : null;
    let pos = 0;
    for (const m of text.matchAll(WORD)) {
      const hit = analyser.indexTerms(m[0]).some(t => exact.has(t) || (last !== null && t.startsWith(last)));
      if (!hit) continue;
      if (m.index > pos) frag.append(text.slice(pos, m.index));
      const mark = doc.createElement('mark');
      mark.textContent = m[0];
      frag.append(mark);
      pos = m.index + m[0].length;
    }
    if (pos < text.length) frag.append(text.slice(pos));
    return frag;
  }

  // ------------------------------------------------------------------ the page

  const PAGE = 10;

  function start(doc, win) {
    const form = doc.getElementById('search');
    if (!form) return;
    const input = form.querySelector('input[name=q]');
    const status = doc.getElementById('search-status');
    const list = doc.getElementById('search-results');
    const more = doc.getElementById('search-more');
    const selects = {};
    for (const name of ['section', 'source', 'year']) selects[name] = form.querySelector('select[name=' + name + ']');
    const t = form.dataset;
    const base = t.index;
    const site = t.site;
    const lang = doc.documentElement.lang || undefined;
    let index = null, run = 0, current = null, shown = 0;

    const params = new URLSearchParams(win.location.search);
    input.value = params.get('q') || '';

    function say(text) { status.textContent = text; }
    function count(n) {
      if (n === 0) return t.none;
      return (n === 1 ? t.one : t.many).replace('{n}', n.toLocaleString(lang));
    }
    function filters() {
      const out = {};
      for (const [name, el] of Object.entries(selects)) if (el && el.value) out[name] = el.value;
      return out;
    }
    function remember() {
      const p = new URLSearchParams();
      if (input.value.trim()) p.set('q', input.value.trim());
      for (const [name, value] of Object.entries(filters())) p.set(name, value);
      const query = p.toString();
      win.history.replaceState(null, '', query ? '?' + query : win.location.pathname);
    }
    async function render(from) {
      const ids = current.ids.slice(from, from + PAGE);
      const records = await index.docs(ids);
      const mine = run;
      if (mine !== current.run) return;
      for (const r of records) {
        const [title, url, date, section, source, excerpt] = r;
        const li = doc.createElement('li');
        const art = doc.createElement('article');
        art.className = 'result';
        const h = doc.createElement('h2');
        const a = doc.createElement('a');
        a.href = site + url;
        a.dir = 'auto';
        a.append(highlight(title, index.analyser, current.words, current.prefix, doc));
        h.append(a);
        const meta = doc.createElement('p');
        meta.className = 'meta';
        const parts = [];
        if (date) parts.push(date);
        if (section >= 0) parts.push(index.m.sections[section]);
        if (source >= 0) parts.push(index.m.sources[source]);
        parts.forEach((text, i) => {
          if (i) { const sep = doc.createElement('span'); sep.setAttribute('aria-hidden', 'true'); sep.textContent = ' · '; meta.append(sep); }
          const bdi = doc.createElement('bdi'); bdi.textContent = text; meta.append(bdi);
        });
        const p = doc.createElement('p');
        p.className = 'excerpt';
        p.dir = 'auto';
        p.append(highlight(excerpt, index.analyser, current.words, current.prefix, doc));
        art.append(h, meta, p);
        li.append(art);
        list.append(li);
      }
      shown = from + ids.length;
      more.hidden = shown >= current.ids.length;
    }
    async function search() {
      const mine = ++run;
      remember();
      const query = input.value;
      if (!query.trim()) { list.replaceChildren(); more.hidden = true; say(''); return; }
      if (!index) return;
      const started = win.performance.now();
      const result = await index.search(query, filters());
      if (mine !== run) return;
      form.dataset.msFind = String(Math.round(win.performance.now() - started));
      current = { ...result, run: mine };
      list.replaceChildren();
      await render(0);
      if (mine !== run) return;
      say(result.words.length ? count(result.ids.length) : t.none);
      form.dataset.ms = String(Math.round(win.performance.now() - started));
      form.dataset.query = query;
      form.dataset.done = String(mine);
    }

    let timer = 0;
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 120); });
    form.addEventListener('submit', event => { event.preventDefault(); clearTimeout(timer); search(); });
    for (const el of Object.values(selects)) if (el) el.addEventListener('change', search);
    more.addEventListener('click', () => render(shown));

    fetch(base + 'manifest.json', { cache: 'no-cache' })
      .then(r => { if (!r.ok) throw new Error('manifest: ' + r.status); return r.json(); })
      .then(manifest => {
        index = new Index(base, manifest);
        const options = {
          section: [...manifest.sections].sort((a, b) => a.localeCompare(b, lang)),
          source: [...manifest.sources].sort((a, b) => a.localeCompare(b, lang)),
          year: manifest.years.map(y => String(y[0])).reverse(),
        };
        for (const [name, values] of Object.entries(options)) {
          const el = selects[name];
          if (!el) continue;
          for (const value of values) {
            const option = doc.createElement('option');
            option.value = option.textContent = value;
            el.append(option);
          }
          el.value = params.get(name) || '';
        }
        const box = form.querySelector('.filters');
        if (box) box.hidden = false;
        form.dataset.ready = '1';
        return search();
      })
      .catch(error => { say(t.error); form.dataset.ready = 'error'; console.error(error); });
  }

  const api = { normalise, tokens, makeAnalyser, Index, highlight, start };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.ssgSearch = api;
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(document, window));
    else start(document, window);
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
