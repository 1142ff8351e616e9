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

  /* Varints (unsigned LEB128) are read at the cursor `at`, one integer for the module: no
     generator and no object per value. (The generator this replaced kept the first queries of a
     session 3-5x slower than the rest, until the JIT had warmed up.) */
  let at = 0;
  function varint(bytes) {
    let b = bytes[at++];
    if (b < 0x80) return b;
    let value = b & 0x7f, scale = 0x80;
    do { b = bytes[at++]; value += (b & 0x7f) * scale; scale *= 0x80; } while (b & 0x80);
    return value;
  }
  function varintBytes(v) {
    const out = [];
    for (; v >= 0x80; v = Math.floor(v / 0x80)) out.push(v & 0x7f | 0x80);
    out.push(v);
    return out;
  }
  const UTF8 = new TextEncoder();
  function hex(text) {
    return Array.from(UTF8.encode(text), b => b.toString(16).padStart(2, '0')).join('');
  }
  function firstChars(text, n) { return Array.from(text).slice(0, n).join(''); }
  const WEIGHTS = [0, 1, 1.6, 3];     // by posting weight: body, frequent or metadata, title
  const PREFIX_FACTOR = 0.85;         // a prefix match scores less than the exact word

  /* A postings shard, parsed once into typed arrays: each term's suffix (the bytes after the shard
     key), df and postings span. Terms are compared as UTF-8 bytes and never decoded. */
  class Shard {
    constructor(key, bytes) {
      this.keyLength = UTF8.encode(key).length;
      this.bytes = bytes;
      at = 0;
      const n = this.n = varint(bytes);
      const suffixAt = this.suffixAt = new Uint32Array(n), suffixLength = this.suffixLength = new Uint32Array(n);
      const df = this.df = new Uint32Array(n), span = this.span = new Uint32Array(n + 1);
      for (let i = 0; i < n; i++) {
        suffixLength[i] = varint(bytes);
        suffixAt[i] = at;
        at += suffixLength[i];
        df[i] = varint(bytes);
        span[i + 1] = varint(bytes);
      }
      span[0] = at;
      for (let i = 0; i < n; i++) span[i + 1] += span[i];
    }
    /* Terms equal to word (UTF-8 bytes), or starting with it when prefix, appended to out as
       [shard, term number, exact]. The shard key is a prefix of word, or (a prefix lookup over
       the children of a split shard) word is a prefix of the key. */
    match(word, prefix, out) {
      const bytes = this.bytes, rest = word.length - this.keyLength;
      for (let i = 0; i < this.n; i++) {
        const length = this.suffixLength[i];
        if (rest <= 0) {
          const exact = rest === 0 && length === 0;
          if (exact || prefix) out.push([this, i, exact]);
          continue;
        }
        if (length < rest || (!prefix && length !== rest)) continue;
        const start = this.suffixAt[i] - this.keyLength;
        let j = this.keyLength;
        while (j < word.length && bytes[start + j] === word[j]) j++;
        if (j === word.length) out.push([this, i, length === rest]);
      }
    }
  }

  class Index {
    constructor(base, manifest) {
      this.base = base;
      this.m = manifest;
      this.keyList = manifest.keys.split(' ');
      this.keys = new Set(this.keyList);
      this.split = new Set(manifest.split.split(' '));
      this.analyser = makeAnalyser(manifest);
      this.shards = new Map();
      this.tails = new Map();
      this.tailKeys = new Set(manifest.tail.keys);
      this.fresh = null;
      this.docShards = new Map();
      this.facets = new Map();
      const n = manifest.count;
      this.best = new Float64Array(n);    // scratch for one word: a doc's best weight (0 = not found)
      this.score = new Float64Array(n);   // scratch for one query: a candidate's score so far
      this.live = new Uint8Array(n);      // scratch for one query: 1 = still a candidate
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
      if (!this.shards.has(key)) {
        this.shards.set(key, this.fetchBytes('t/' + hex(key) + '.bin').then(bytes => new Shard(key, bytes)));
      }
      return this.shards.get(key);
    }
    tail(word) {
      /* The tail file (the newest docs' postings) holding word and every term starting with it:
         by its first two code points (= search.py's tail_bucket). */
      const first = word.codePointAt(0), next = first > 0xffff ? 2 : 1;
      const b = (first * 65599 + (word.length > next ? word.codePointAt(next) : 0)) % this.m.tail.shards;
      if (!this.tailKeys.has(b)) return null;
      if (!this.tails.has(b)) {
        this.tails.set(b, this.fetchBytes('t/tail-' + b + '.bin').then(bytes => new Shard('', bytes)));
      }
      return this.tails.get(b);
    }
    freshFile() {
      /* The newest docs' postings (from tail.fresh on), every term in one file: the only postings
         file a new newest article changes. */
      if (!this.m.tail.fresh_file) return null;
      if (!this.fresh) this.fresh = this.fetchBytes('t/fresh.bin').then(bytes => new Shard('', bytes));
      return this.fresh;
    }
    shardKeys(word, prefix) {
      /* The shards holding word, or every term starting with it when prefix. */
      const key = this.shardKey(word);
      if (prefix && this.split.has(key) && len(word) <= len(key)) {
        const keys = this.keyList.filter(k => k.startsWith(key));
        if (keys.length <= this.m.prefix_shards) return keys;
      }
      return this.keys.has(key) ? [key] : [];
    }
    async lookup(word, prefix) {
      /* -> [[shard, term number, exact], ...]: the term, or every term starting with it when prefix. */
      const loads = this.shardKeys(word, prefix).map(k => this.shard(k));
      const tail = this.tail(word), fresh = this.freshFile();
      if (tail) loads.push(tail);
      if (fresh) loads.push(fresh);
      const shards = await Promise.all(loads);
      const bytes = UTF8.encode(word), found = [];
      for (const shard of shards) shard.match(bytes, prefix, found);
      return found;
    }
    async facet(name) {
      if (!this.facets.has(name)) {
        this.facets.set(name, this.fetchBytes('f/' + name + '.bin').then(bytes => {
          const member = new Uint8Array(this.m.count);
          at = 0;
          for (let id = 0, first = true; at < bytes.length; first = false) {
            id = first ? varint(bytes) : id + varint(bytes);
            member[id] = 1;
          }
          return member;
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

    warm() {
      /* Parses, matches and ranks a made-up shard (nothing is fetched) so that the JIT has
         compiled the hot loops before the reader's first query: run cold, they made the first
         queries of a session the slowest. A few ms, once, at load. */
      const body = new Uint8Array(8000);
      let size = 0;
      for (let id = 0, j = 0; size < body.length - 2; j++) {
        const delta = j % 8 ? 1 : 40;                 // one- and two-byte varints
        if ((id += delta) >= this.m.count) break;
        const v = delta * 4 + 1 + j % 3;
        if (v >= 0x80) body[size++] = v & 0x7f | 0x80;
        body[size++] = v >= 0x80 ? v >> 7 : v;
      }
      const head = [2, 0, ...varintBytes(size), ...varintBytes(size), 1, 0x80, ...varintBytes(size), ...varintBytes(size)];
      const bytes = new Uint8Array(head.length + 2 * size);
      bytes.set(head);
      bytes.set(body.subarray(0, size), head.length);
      bytes.set(body.subarray(0, size), head.length + size);
      const found = [];
      new Shard('\u0628', bytes).match(UTF8.encode('\u0628'), true, found);
      for (let r = 0; r < 2; r++) this.rank([found, found.slice(0, 1)]);
    }

    /* query -> {ids (best first), words, prefix} ; AND of the words, the last one as a prefix. */
    async search(query, filters) {
      const words = this.analyser.terms(query);
      const prefix = words.length > 0 && !/\s$/.test(query) && len(words[words.length - 1]) >= 2;
      if (!words.length) return { ids: [], words, prefix };
      let year = null;
      if (filters.year) year = this.m.years.find(y => String(y[0]) === filters.year) || [0, 0, -1];
      const facets = [];
      for (const facet of ['section', 'source']) {
        if (!filters[facet]) continue;
        const index = this.m[facet + 's'].indexOf(filters[facet]);
        facets.push(index < 0 ? new Uint8Array(this.m.count) : this.facet(facet + '-' + index));
      }
      // Every file the query needs is requested at once; all that follows is synchronous.
      const [groups, allowed] = await Promise.all([
        Promise.all(words.map((w, i) => this.lookup(w, prefix && i === words.length - 1))), Promise.all(facets)]);
      const ids = this.rank(groups);
      const out = [];
      for (const id of ids) {
        if (year && (id < year[1] || id > year[2])) continue;
        if (allowed.some(member => !member[id])) continue;
        out.push(id);
      }
      return { ids: out, words, prefix };
    }
    rank(groups) {
      /* AND of the groups (each: the terms of one query word): the doc ids best first. A doc's
         score sums, over the words, its best weight among the word's terms times the word's idf. */
      const total = this.m.count, best = this.best, score = this.score, live = this.live;
      const dfs = groups.map(g => g.reduce((n, [shard, i]) => n + shard.df[i], 0));
      const order = groups.map((g, i) => i).sort((a, b) => dfs[a] - dfs[b]);
      let ids = null, count = 0;
      for (const g of order) {
        const idf = Math.log(1 + total / Math.max(1, Math.min(dfs[g], total)));
        if (ids === null) {
          ids = new Int32Array(dfs[g]);
          for (const [shard, i, exact] of groups[g]) {
            count = collect(shard.bytes, shard.span[i], shard.span[i + 1], exact ? 1 : PREFIX_FACTOR, best, ids, count);
          }
        } else {
          for (const [shard, i, exact] of groups[g]) {
            restrict(shard.bytes, shard.span[i], shard.span[i + 1], exact ? 1 : PREFIX_FACTOR, best, live);
          }
        }
        count = combine(ids, count, idf, best, score, live);
        if (!count) break;
      }
      return ids === null ? [] : sortIds(ids, count, score, live, total);
    }
  }

  /* The hot loops, as small functions that the JIT compiles early and fast. Postings are varints
     of (id delta << 2 | weight), read inline in int32 arithmetic (doc ids < 2^29). */
  function collect(bytes, pos, end, factor, best, ids, count) {
    /* The first word: each doc of the postings becomes a candidate, best[id] its best weight. */
    let id = 0;
    while (pos < end) {
      let b = bytes[pos++], v = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) { b = bytes[pos++]; v |= (b & 0x7f) << shift; }
      id += v >>> 2;
      const s = WEIGHTS[v & 3] * factor;
      if (best[id] === 0) ids[count++] = id;
      if (s > best[id]) best[id] = s;
    }
    return count;
  }
  function restrict(bytes, pos, end, factor, best, live) {
    /* A further word: only the candidates (live) get a weight. */
    let id = 0;
    while (pos < end) {
      let b = bytes[pos++], v = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) { b = bytes[pos++]; v |= (b & 0x7f) << shift; }
      id += v >>> 2;
      if (live[id] === 1) {
        const s = WEIGHTS[v & 3] * factor;
        if (s > best[id]) best[id] = s;
      }
    }
  }
  function combine(ids, count, idf, best, score, live) {
    /* Candidates the word found add its score and stay; the others are dropped (and cleared). */
    let kept = 0;
    for (let j = 0; j < count; j++) {
      const id = ids[j];
      if (best[id] > 0) {
        score[id] += best[id] * idf;
        best[id] = 0;
        live[id] = 1;
        ids[kept++] = id;
      } else {
        score[id] = 0;
        live[id] = 0;
      }
    }
    return kept;
  }
  function sortIds(ids, count, score, live, total) {
    /* Best score first, then newest. A score takes few distinct values (weights x idfs), so each
       doc gets the number (rank of its score) * n + (n - 1 - id), and these sort as plain
       numbers: no comparator call per pair. Clears score and live. */
    const keys = new Float64Array(count);
    for (let j = 0; j < count; j++) keys[j] = -score[ids[j]];
    keys.sort();
    const distinct = [];                        // best first
    for (let j = 0; j < count; j++) if (j === 0 || keys[j] !== keys[j - 1]) distinct.push(-keys[j]);
    for (let j = 0; j < count; j++) {
      const id = ids[j], s = score[id];
      let lo = 0, hi = distinct.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (distinct[mid] > s) lo = mid + 1; else hi = mid;
      }
      keys[j] = lo * total + (total - 1 - id);
      score[id] = 0;
      live[id] = 0;
    }
    keys.sort();
    const result = new Array(count);
    for (let j = 0; j < count; j++) result[j] = total - 1 - keys[j] % total;
    return result;
  }

  // ------------------------------------------------------------------ highlighting

  const WORD = /[\p{L}\p{N}\p{M}]+/gu;
  function highlight(text, analyser, words, prefix, doc) {
    /* Text nodes and <mark>s for the words of text whose terms match the query. */
    const frag = doc.createDocumentFragment();
    const exact = new Set(prefix ? words.slice(0, -1) : words);
    const last = prefix ? words[words.length - 1] : null;
    const memo = analyser.wordTerms || (analyser.wordTerms = new Map());   // word -> its index terms
    let pos = 0;
    for (const m of text.matchAll(WORD)) {
      let terms = memo.get(m[0]);
      if (terms === undefined) {
        if (memo.size > 20000) memo.clear();
        memo.set(m[0], terms = analyser.indexTerms(m[0]));
      }
      const hit = terms.some(t => exact.has(t) || (last !== null && t.startsWith(last)));
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
    let lang = doc.documentElement.lang || undefined;
    try { Intl.getCanonicalLocales(lang); } catch (error) { lang = undefined; }   // "ar_SA" would throw in Intl
    let index = null, run = 0, current = null, shown = 0;

    const params = new URLSearchParams(win.location.search);
    input.value = params.get('q') || '';

    function say(text) { status.textContent = text; }
    const plural = new Intl.PluralRules(lang);
    function count(n) {
      /* The page's form for n's plural category (Arabic: one, two, few = 3-10, many = 11-99 and
         beyond: نتيجتان، 4 نتائج، 51 نتيجة), else one or many. */
      if (n === 0) return t.none;
      return (t[plural.select(n)] || (n === 1 ? t.one : t.many)).replace('{n}', n.toLocaleString(lang));
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
        const [title, url, date, section, source, excerpt, lang] = r;
        const li = doc.createElement('li');
        const art = doc.createElement('article');
        art.className = 'result';
        if (lang) art.lang = lang;              // an article in another language than the site's
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
    more.addEventListener('click', async () => {
      /* The focus goes to the first new result: the button may hide, and the focus with it. */
      const first = shown;
      await render(first);
      const link = list.children[first] && list.children[first].querySelector('a');
      if (link) link.focus();
    });

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
        index.warm();
        highlight('\u0627\u0644\u0645\u0645\u0644\u0643\u0629 \u0645\u064F\u0633\u0652\u062A\u064E\u0634\u0652\u0641\u064E\u0649 news', index.analyser, ['\u0645\u0645\u0644\u0643'], true, doc);
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
