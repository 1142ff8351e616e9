"""Search: the text analysis (Python and the browser's JavaScript agree), the index files
(deterministic, few rewritten per edit) and recall over the real corpus in ../shared/corpus/real/."""
from __future__ import annotations

import itertools
import json
import random
import shutil
import subprocess

import pytest

from ssg import search
from tests.conftest import CORPUS, REPO

SEARCH_JS = REPO / "themes" / "default" / "static" / "js" / "search.js"
NODE = shutil.which("node")


@pytest.fixture(autouse=True)
def small_tail(monkeypatch):
    """Indexes of a few dozen docs, with most docs sealed into the shards and a tail beside them,
    its newest docs in the fresh file (with the defaults, these tests' indexes would be all tail)."""
    monkeypatch.setattr(search, "TAIL_DOCS", 32)
    monkeypatch.setattr(search, "FRESH_DOCS", 8)


# --------------------------------------------------------------------------- normalisation

@pytest.mark.parametrize("typed,stored", [
    ("مُسْتَشْفَى", "مستشفي"),           # diacritics; alef maqsura -> yeh
    ("الرِّيَاضُ", "الرياض"),
    ("مدرســـة", "مدرسه"),               # tatweel; taa marbuta -> heh
    ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آمال", "امال"), ("ٱلله", "الله"),
    ("مسؤول", "مسءول"), ("مسئول", "مسءول"),   # hamza seats fold to one hamza
    ("ﻻ", "لا"),                          # presentation form
    ("٢٠١٥", "2015"), ("۱۲", "12"),       # Arabic-Indic and Persian digits
    ("کتاب", "كتاب"), ("یوم", "يوم"),     # Persian kaf and yeh
    ("Café NAÏVE", "cafe naive"),
    ("a\u200fb\u200ec", "abc"),           # bidi marks
])
def test_normalise_folds_what_readers_type_inconsistently(typed, stored):
    assert search.normalise(typed) == stored


@pytest.mark.parametrize("word,stem", [
    ("الرياض", "رياض"), ("والرياض", "رياض"), ("بالرياض", "رياض"), ("للرياض", "رياض"), ("فالرياض", "رياض"),
    ("كالرياض", "رياض"), ("الوزارة", "وزار"), ("وزارة", "وزار"), ("السعودية", "سعود"), ("السعودي", "سعود"),
    ("المعلمون", "معلم"), ("المعلمين", "معلم"), ("سيارات", "سيار"), ("كتابها", "كتاب"),
    ("economies", "economy"), ("crops", "crop"), ("glasses", "glasse"), ("bus", "bus"), ("news", "new"),
])
def test_stem(word, stem):
    assert search.stem(search.normalise(word)) == stem


def test_one_letter_proclitics_are_indexed_with_and_without():
    assert search.index_terms("ووزارة") == ["ووزار", "وزار"]
    assert search.index_terms("بمدينة") == ["بمدين", "مدين"]
    assert search.index_terms("وزارة") == ["وزار", "زار"]
    assert search.terms("وزارة") == ["وزار"]                       # queries are never split
    assert search.terms("في الرياض من") == ["رياض"]                 # stop words


def _node(texts: list[str]) -> list[dict]:
    script = (
        "const core = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const an = core.makeAnalyser(input.tables);"
        "process.stdout.write(JSON.stringify(input.texts.map(t => "
        "({norm: core.normalise(t), terms: an.terms(t), index: an.indexTerms(t)}))));"
    )
    tables = {"stop": sorted(search.STOP), "prefixes": list(search.PREFIXES), "suffixes": list(search.SUFFIXES),
              "proclitics": search.PROCLITICS}
    run = subprocess.run(["node", "-e", script, str(SEARCH_JS)], input=json.dumps({"tables": tables, "texts": texts}),
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(run.stdout)


AGREEMENT_SAMPLES = [
    "مُسْتَشْفَى الملك فهد ـ الرياض", "المسئولون والمسؤولون", "ﻻ إله ﷺ", "٢٠١٥ و۱۲", "Ｆｕｌｌwidth café İstanbul ß",
    "שָׁלוֹם क्षत्रिय 𝐀𝐁 😀 a_b", "والمعلمون بالمدارس للطلاب فالوزارة كالعادة", "Economies glasses crops news",
    "\u200fمرحبا\u200e hello\u00ad world", "ۀ ە ک ی ٱ",
]


@pytest.mark.skipif(NODE is None, reason="node not found: the JS/Python agreement test needs it")
def test_browser_and_python_analysis_agree(request):
    texts = list(AGREEMENT_SAMPLES)
    if CORPUS.is_dir():
        rows = [json.loads(line) for line in (CORPUS / "real" / "saudinewsnet_2000.jsonl").open(encoding="utf-8")]
        texts += [(r["title"] or "") + "\n" + (r["content"] or "")[:2000] for r in rows[::4]]
    results = _node(texts)
    for text, js in zip(texts, results):
        py = {"norm": search.normalise(text), "terms": search.terms(text), "index": search.index_terms(text)}
        assert js == py, text[:80]


# --------------------------------------------------------------------------- the index files

def _doc(i: int, **kw) -> dict:
    doc = {"key": f"k{i:03d}", "url": f"2024/01/a{i}/", "title": f"عنوان الخبر رقم {i}", "date": f"20{20 + i % 5}-01-{1 + i % 28:02d}T10:00:00+03:00",
           "date_text": "", "section": ["اقتصاد", "رياضة", None][i % 3], "source": ["واس", "سبق"][i % 2], "tags": [], "summary": "",
           "text": f"نص الخبر {i} عن الاقتصاد والرياضة في المملكة. كلمة{i} " * 3}
    doc.update(kw)
    return doc


def _files(docs) -> dict[str, bytes]:
    return {path: search.render_shard(view) for path, view in search.shard_views(docs).items()}


def test_index_is_deterministic_whatever_the_input_order():
    docs = [_doc(i) for i in range(80)]
    shuffled = docs[:]
    random.Random(4).shuffle(shuffled)
    assert _files(docs) == _files(shuffled)


def test_one_edit_rewrites_few_files():
    docs = [_doc(i) for i in range(200)]
    before = _files(docs)
    docs[57] = _doc(57, text="نص جديد تماما عن الطاقة الشمسية")
    after = _files(docs)
    changed = {p for p in after if before.get(p) != after[p]} | (before.keys() - after.keys())
    doc_shards = {p for p in changed if p.startswith("search/d/")}
    assert len(doc_shards) == 1 and "search/manifest.json" in changed
    assert len(changed) < 20, sorted(changed)


def test_a_new_article_appends_without_touching_old_doc_shards():
    docs = [_doc(i, date="2020-01-01T00:00:00+03:00") for i in range(100)]
    before = _files(docs)
    after = _files(docs + [_doc(100, date="2030-01-01T00:00:00+03:00")])
    last = f"search/d/{99 // search.DOCS_PER_SHARD}.json"
    old = [p for p in before if p.startswith("search/d/") and p != last]
    assert old
    assert all(before[p] == after[p] for p in old)


def test_a_new_newest_article_rewrites_the_fresh_file_not_the_shards_of_its_terms():
    """An archive grows at its newest end: the new article's postings go to the fresh file alone,
    not to the shards or tail files of its terms; the FRESH_DOCS-th new one moves the fresh docs
    into the tail files (at most TAIL_SHARDS), the TAIL_DOCS-th one seals the tail into the
    shards. Each index finds what a fresh index of the same docs finds."""
    docs = [_doc(i, date=f"2020-01-{i % 28 + 1:02d}T00:00:00+03:00") for i in range(100)]   # 96 sealed, 4 fresh
    before = _files(docs)
    grown = docs + [_doc(100, date="2030-01-01T00:00:00+03:00", text="خبر جديد عن الطاقة الشمسية والرياح " * 5)]
    after = _files(grown)
    changed = {p for p in after if before.get(p) != after[p]} | (before.keys() - after.keys())
    assert changed and all(p.startswith(("search/d/", "search/f/")) or p in ("search/manifest.json", "search/t/fresh.bin")
                           for p in changed), sorted(changed)
    assert {p for p in changed if p.startswith("search/t/")} == {"search/t/fresh.bin"}
    assert sum(p.startswith("search/t/") and not p.startswith(("search/t/tail-", "search/t/fresh")) for p in before) > 10
    index = search.read_index(after)
    assert index.manifest["tail"] == {"from": 96, "shards": search.TAIL_SHARDS, "fresh": 96, "keys": [], "fresh_file": True}
    assert index.search("الشمسية") == [100] and len(index.search("عنوان الخبر")) == 101
    more = grown + [_doc(i, date=f"2030-02-{i - 100:02d}T00:00:00+03:00") for i in range(101, 105)]   # 104 = 13 x 8: 1 fresh
    files = _files(more)
    index = search.read_index(files)
    tail = index.manifest["tail"]
    assert (tail["from"], tail["fresh"], tail["fresh_file"]) == (96, 104, True) and tail["keys"]
    assert {f"search/t/tail-{b}.bin" for b in tail["keys"]} == {p for p in files if p.startswith("search/t/tail-")}
    assert index.search("الشمسية") == [100] and len(index.search("عنوان الخبر")) == 105
    sealed = more + [_doc(i, date=f"2030-02-{i - 100:02d}T00:00:00+03:00") for i in range(105, 128)]   # 128 = 4 x 32
    files = _files(sealed)
    index = search.read_index(files)
    assert index.manifest["tail"] == {"from": 128, "shards": search.TAIL_SHARDS, "fresh": 128, "keys": [], "fresh_file": False}
    assert not any(p.startswith(("search/t/tail-", "search/t/fresh")) for p in files)
    assert index.search("الشمسية") == [100] and len(index.search("عنوان الخبر")) == 128


def test_lookup_facets_years_and_records_round_trip():
    docs = [_doc(i) for i in range(90)]
    files = _files(docs)
    index = search.read_index(files)
    m = index.manifest
    assert m["count"] == 90 and sorted(m["sections"]) == ["اقتصاد", "رياضة"] and sorted(m["sources"]) == ["سبق", "واس"]
    hits = index.search("كلمة17")
    assert len(hits) == 1 and index.record(hits[0])[1] == "2024/01/a17/"
    assert set(index.search("الاقتصاد المملكة")) == set(range(90))
    ordered = sorted(docs, key=lambda d: (d["date"], d["key"]))
    for year, lo, hi in m["years"]:
        assert all(ordered[i]["date"].startswith(str(year)) for i in range(lo, hi + 1))
    section = [i for i, d in enumerate(ordered) if d["section"] == "رياضة"]
    ids, value = [], 0
    facet = f"search/f/section-{m['sections'].index('رياضة')}.bin"
    for n, v in enumerate(search._read_varints(files[facet])):
        value = v if n == 0 else value + v
        ids.append(value)
    assert ids == section


def test_big_shards_are_split_by_one_more_letter(monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 300)
    monkeypatch.setattr(search, "MIN_SHARD", 100)
    docs = [_doc(i, text=" ".join(f"مستقبل{i % 7} مستوى{i % 5} مستشفى{i % 3}" for _ in range(2))) for i in range(120)]
    files = _files(docs)
    index = search.read_index(files)
    assert {"م", "مس", "مست"} <= set(index.manifest["split"].split())
    assert len(index.search("مستشفى2")) == 40
    assert len(index.search("مست")) == 120                    # a prefix across split shards
    assert len(index.search("مستوى3 مستقبل")) == 24


# --------------------------------------------------------------------------- recall on the real corpus

# (query, fragments of the titles that must be found). Variants typed on purpose.
RECALL = [
    ("روائح كريهة مستشفي", ["روائح كريهة تكشف جثة طفلة"]),          # ى typed as ي
    ("مسؤولو عسير", ["مسئولو عسير"]),                                 # ؤ for ئ
    ("الأرصاد تحذر موجة حارة", ["تُحَذّر من موجة حارة"]),             # title has diacritics, query none
    ("تُحَذِّرُ مِنْ مَوْجَةٍ حَارَّةٍ", ["تُحَذّر من موجة حارة"]),      # query with diacritics
    ("ظلم اسرائيل", ["ظلم إسرائيل ووحشيتها"]),                         # إ typed as ا
    ("السعوديه برنامج فطن", ["السعودية تطلق برنامج «فطن»"]),           # ة typed as ه
    ("جنرالات امريكا", ["جنرالات أمريكا يؤكدون"]),                     # أ typed as ا
    ("عاصفه ترابيه العاصمه", ["عاصفة ترابية تضرب العاصمة"]),
    ("الحافلة السياحية الامطار", ["تحطم حافلة سياحية نتيجة الأمطار"]),  # ال added
    ("حافلة سياحية أمطار", ["تحطم حافلة سياحية نتيجة الأمطار"]),        # ال left out
    ("ســوريا المفيـدة", ["الأسد يلوذ بـ«سوريا المفيدة»"]),             # tatweel typed
    ("كورونا وافد الرياض", ["إصابة وافد بفيروس \"كورونا\" في الرياض", "إصابة وافد بفيرس «كورونا»في الرياض"]),
    ("اوبك الصادرات الايرانيه", ["«أوبك» ستنجح في احتواء عودة الصادرات"]),
    ("مهندسو السياسة النفط", ["مهندسو السياسة النفطية السعودية"]),      # last word as a prefix
    ("مهندسو السياس", ["مهندسو السياسة النفطية السعودية"]),            # typed half-way
    ("مجزرة عدن الكاتيوشا", ["مذبحة حوثية في عدن"]),                   # body text only
    ("ethiopia crops", ["Ethiopia's crop production up 24%"]),          # English plural
    ("soaring oil economies", ["Soaring oil 'hits world economy'"]),
    ("german business confidence", ["German business confidence slides"]),
    ("japan beer", ["Japan turns to beer alternatives"]),
]


@pytest.fixture(scope="module")
def corpus_index():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not found: the real-data corpus exists only in CI and the dev workspace")
    real = CORPUS / "real"
    docs = []
    for i, line in enumerate((real / "saudinewsnet_2000.jsonl").open(encoding="utf-8")):
        r = json.loads(line)
        docs.append({"key": f"snn/{i:04d}", "url": f"snn/{i}/", "title": r["title"] or "", "text": r["content"] or "",
                     "date": r["date_extracted"].replace(" ", "T"), "source": r["source"], "section": None,
                     "summary": (r["content"] or "")[:160], "tags": []})
    for line in (real / "bbc_news_2004_2005" / "manifest.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        text = (real / "bbc_news_2004_2005" / m["file"]).read_bytes().decode(m["encoding"] if m["encoding"] != "utf-8" else "utf-8", "replace")
        title, _, body = text.strip().partition("\n")
        docs.append({"key": f"bbc/{m['file']}", "url": f"bbc/{m['file']}/", "title": title.strip(), "text": body,
                     "date": "2005-01-01T00:00:00+00:00", "source": "BBC News", "section": m["category"], "summary": "", "tags": []})
    index = search.read_index(_files(docs))
    titles = {}
    for doc_id in range(index.manifest["count"]):
        titles[doc_id] = index.record(doc_id)[0]
    return index, titles


@pytest.mark.parametrize("query,expected", RECALL, ids=[q for q, _ in RECALL])
def test_recall_on_the_real_corpus(corpus_index, query, expected):
    index, titles = corpus_index
    found = index.search(query)
    for fragment in expected:
        wanted = [i for i, t in titles.items() if fragment in t]
        assert wanted, f"test data: no title contains {fragment!r}"
        assert set(wanted) & set(found), f"{query!r} misses {fragment!r} ({len(found)} results)"


def test_first_results_are_title_hits(corpus_index):
    index, titles = corpus_index
    top = index.search("الإرهاب")[:5]
    assert all("رهاب" in search.normalise(titles[i]) for i in top), [titles[i] for i in top]


_NODE_SEARCH = r"""
const fs = require('fs'), path = require('path');
const [js, dir] = process.argv.slice(1);
const core = require(js);
globalThis.fetch = async url => {
  const file = path.join(dir, url.split('?')[0]);
  if (!fs.existsSync(file)) return { ok: false, status: 404 };
  const data = fs.readFileSync(file);
  return { ok: true, arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.length),
           json: async () => JSON.parse(data.toString('utf8')) };
};
(async () => {
  const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'search/manifest.json'), 'utf8'));
  const index = new core.Index('search/', manifest);
  const out = [];
  for (const [q, filters] of queries) out.push((await index.search(q, filters)).ids);
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
"""


@pytest.mark.skipif(NODE is None, reason="node not found: the JS index test needs it")
def test_browser_index_reader_finds_what_python_finds(tmp_path, monkeypatch):
    """search.js's Index (shard keys through split shards, tail and fresh files, prefixes, AND,
    filters) on real files."""
    monkeypatch.setattr(search, "SHARD_BYTES", 300)
    monkeypatch.setattr(search, "MIN_SHARD", 100)
    docs = [_doc(i, text=" ".join(f"مستقبل{i % 7} مستوى{i % 5} مستشفى{i % 3} كلمة{i}" for _ in range(2))) for i in range(125)]
    files = _files(docs)
    assert {"search/t/fresh.bin", "search/t/tail-0.bin"} <= files.keys()     # 96 sealed, 24 in the tail files, 5 fresh
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    index = search.read_index(files)
    queries = ["مستشفى2", "مست", "مستوى3 مستقبل", "كلمة17", "عنوان الخبر", "مستشفي1 كلم", "غير موجود", "Café"]
    ordered = sorted(docs, key=lambda d: (d["date"], d["key"]))
    sport = {i for i, d in enumerate(ordered) if d["section"] == "رياضة"}
    cases = [(q, {}) for q in queries] + [("مست", {"section": "رياضة"}), ("مست", {"year": "2021"})]
    run = subprocess.run(["node", "-e", _NODE_SEARCH, str(SEARCH_JS), str(tmp_path)], input=json.dumps(cases),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    for (q, filters), ids in zip(cases, got):
        expected = set(index.search(q))
        if filters.get("section"):
            expected &= sport
        if filters.get("year"):
            expected = {i for i in expected if ordered[i]["date"].startswith(filters["year"])}
        assert set(ids) == expected, (q, filters)
    assert len(got[1]) == 125 and len(got[-2]) == len(sport)


_NODE_RANKING = r"""
const fs = require('fs'), path = require('path');
const [js, dir] = process.argv.slice(1);
const core = require(js);
globalThis.fetch = async url => {
  const data = fs.readFileSync(path.join(dir, url.split('?')[0]));
  return { ok: true, arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.length) };
};
async function reference(index, query) {
  // The ranking written plainly (Maps, a comparator): score = sum over the words of the best
  // weight of the word's terms (x 0.85 for a prefix match) x idf; best score first, then newest.
  const words = index.analyser.terms(query);
  const prefix = words.length > 0 && !/\s$/.test(query) && Array.from(words[words.length - 1]).length >= 2;
  const n = index.m.count, groups = [];
  for (let w = 0; w < words.length; w++) {
    const found = new Map();
    let df = 0;
    for (const [shard, i, exact] of await index.lookup(words[w], prefix && w === words.length - 1)) {
      df += shard.df[i];
      let id = 0, pos = shard.span[i], v = 0, shift = 0;
      while (pos < shard.span[i + 1]) {
        const b = shard.bytes[pos++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b & 0x80) continue;
        id += Math.floor(v / 4);
        const s = [0, 1, 1.6, 3][v % 4] * (exact ? 1 : 0.85);
        if (!(found.get(id) >= s)) found.set(id, s);
        v = shift = 0;
      }
    }
    groups.push([df, found]);
  }
  groups.sort((a, b) => a[0] - b[0]);
  let scores = null;
  for (const [df, found] of groups) {
    const idf = Math.log(1 + n / Math.max(1, Math.min(df, n)));
    const next = new Map();
    for (const [id, s] of found) if (!scores || scores.has(id)) next.set(id, (scores ? scores.get(id) : 0) + s * idf);
    scores = next;
  }
  return [...(scores || new Map()).keys()].sort((a, b) => (scores.get(b) - scores.get(a)) || (b - a));
}
(async () => {
  const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'search/manifest.json'), 'utf8'));
  const out = [];
  for (const warm of [false, true]) {
    const index = new core.Index('search/', manifest);
    if (warm) index.warm();
    for (const q of queries) out.push([(await index.search(q, {})).ids, await reference(index, q)]);
    if (warm) out.push([Array.from(index.best).concat(Array.from(index.score), Array.from(index.live)).filter(x => x), []]);
  }
  for (const count of [0, 1, 2, 45]) new core.Index('search/', { ...manifest, count }).warm();   // tiny archives
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
"""


@pytest.mark.skipif(NODE is None, reason="node not found: the JS ranking test needs it")
def test_browser_ranking_is_best_score_then_newest(tmp_path):
    """search.js ranks with typed arrays and number keys (and warms up on a made-up shard): the
    order must be the plain definition's, and the warm-up must leave no trace in the scratch arrays."""
    rng = random.Random(3)
    words = ["وزارة", "الصحة", "مستشفى", "مستقبل", "مستوى", "الرياض", "رياضة", "النفط", "energy", "markets"]
    docs = [_doc(i, title=" ".join(rng.sample(words, 2)) + f" {i}", summary=" ".join(rng.sample(words, 2)),
                 text=" ".join(rng.choice(words) for _ in range(rng.randrange(5, 40)))) for i in range(300)]
    for rel, data in _files(docs).items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    queries = ["الرياض", "رياض", "مست", "وزارة الصحة", "مستشفى الرياض النفط", "energy market", "الصح", "غير موجود"]
    run = subprocess.run(["node", "-e", _NODE_RANKING, str(SEARCH_JS), str(tmp_path)], input=json.dumps(queries),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    assert results[-1] == [[], []]                            # scratch arrays all zero after the warm-up
    for n, (got, expected) in enumerate(results[:-1]):
        assert got == expected, queries[n % len(queries)]
    assert any(len(got) > 20 for got, _ in results)


@pytest.mark.parametrize("shard_bytes, min_shard", [(search.SHARD_BYTES, search.MIN_SHARD), (300, 60)])
def test_incremental_index_in_one_process_equals_a_fresh_one(monkeypatch, shard_bytes, min_shard):
    """ssg watch keeps the last index in memory and updates only what an edit touched: after any
    sequence of edits the files must be the bytes a fresh build gives. With tiny shard limits the
    edits also split shards and move terms between them (only the touched groups are re-decided)."""
    import random

    from ssg import search

    monkeypatch.setattr(search, "SHARD_BYTES", shard_bytes)
    monkeypatch.setattr(search, "MIN_SHARD", min_shard)

    rng = random.Random(7)
    words = ["وزارة", "الصحة", "مستشفى", "مدرسة", "الطلاب", "النفط", "اسعار", "market", "energy", "الرياض",
             "جدة", "الكويت", "مباراة", "الهلال", "النصر", "ثقافة", "معرض", "كتاب", "حديقة", "جسر"]

    def doc(i, text):
        return {"key": f"k{i:03d}", "url": f"2024/01/k{i}/", "title": f"عنوان {i} " + text[:20], "date": f"2024-01-{i % 28 + 1:02d}T10:00:00+03:00",
                "date_text": "x", "section": ["محليات", "رياضة", "اقتصاد"][i % 3], "source": "مصدر", "author": None,
                "tags": [], "summary": text[:40], "terms": search.analyse({"title": f"عنوان {i}", "text": text})}

    docs = [doc(i, " ".join(rng.choice(words) for _ in range(30))) for i in range(120)]
    search._LAST.clear()
    search.shard_views(docs, docs_per_shard=8)
    for step in range(40):
        i = rng.randrange(len(docs))
        docs[i] = doc(i, " ".join(rng.choice(words + [f"كلمة{step}"]) for _ in range(rng.randrange(1, 40))))
        if step % 7 == 0:
            docs[i]["section"] = "جديد"                 # a new facet name renumbers the facets
        if step % 5 == 0:
            docs[i]["source"] = ["مصدر", "وكالة", None][step % 3]
        if step % 6 == 0:
            docs[i]["date"] = docs[i]["date"].replace("T10:", "T09:")    # a date that keeps the order
        incremental = search.shard_views(docs, docs_per_shard=8)
        kept = dict(search._LAST)                     # the chain of in-memory updates goes on after the check
        search._LAST.clear()
        fresh = search.shard_views(docs, docs_per_shard=8)
        search._LAST.clear()
        search._LAST.update(kept)
        assert incremental == fresh, step


@pytest.mark.parametrize("shard_bytes, min_shard", [(search.SHARD_BYTES, search.MIN_SHARD), (300, 60)])
def test_removals_and_insertions_in_one_process_resume_the_index(monkeypatch, shard_bytes, min_shard):
    """ssg watch after an article is removed or an older one added: the docs are no longer last
    call's docs, and the index held in memory is renumbered instead of built again. Each step gives
    the bytes of a fresh build; past RESUME_MOVES it is built again."""
    monkeypatch.setattr(search, "SHARD_BYTES", shard_bytes)
    monkeypatch.setattr(search, "MIN_SHARD", min_shard)
    builds = []
    real_build = search._build
    monkeypatch.setattr(search, "_build", lambda docs, *args, **kw: builds.append(len(docs)) or real_build(docs, *args, **kw))
    rng = random.Random(5)
    words = ["وزارة", "الصحة", "مستشفى", "مدرسة", "النفط", "اسعار", "market", "energy", "الرياض", "جدة", "الهلال"]
    serial = itertools.count()

    def doc(day, section="محليات"):
        i, text = next(serial), " ".join(rng.choice(words + [f"كلمة{day}"]) for _ in range(rng.randrange(3, 30)))
        return {"key": f"k{i:04d}", "url": f"a/{i}/", "title": f"عنوان {i}", "date": f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}T10:00:00+03:00",
                "date_text": "x", "section": section, "source": "مصدر", "author": None, "tags": [], "summary": text[:30],
                "terms": search.analyse({"title": f"عنوان {i}", "text": text}), "digest": f"d{i}"}

    docs = [doc(i // 2) for i in range(150)]
    search._LAST.clear()
    search.shard_views(list(docs), docs_per_shard=8)
    for step in range(12):
        if step % 4 == 0:
            del docs[rng.randrange(len(docs))]
        elif step % 4 == 1:
            docs.insert(rng.randrange(len(docs)), doc(rng.randrange(70), section=["محليات", "رياضة"][step % 2]))
        elif step % 4 == 2:                             # a removal, an insertion and an edit at once
            del docs[rng.randrange(len(docs))]
            docs.append(doc(rng.randrange(70)))
            i = rng.randrange(len(docs))
            docs[i] = {**doc(0), "key": docs[i]["key"], "date": docs[i]["date"], "digest": docs[i]["digest"] + "e"}
        else:
            del docs[: search.RESUME_MOVES + 1 if step == 11 else 3]
        docs.sort(key=lambda d: (d["date"], d["key"]))
        builds.clear()
        incremental = search.shard_views([dict(d) for d in reversed(docs)], docs_per_shard=8)
        assert bool(builds) == (step == 11), step
        kept = dict(search._LAST)
        search._LAST.clear()
        assert incremental == search.shard_views([dict(d) for d in docs], docs_per_shard=8), step
        search._LAST.clear()
        search._LAST.update(kept)


def test_tiny_shard_limits_really_split_and_move_terms(monkeypatch):
    """The small limits above do exercise splitting: the index has split keys, and a burst of one
    letter's words moves terms of that group to new shards."""
    monkeypatch.setattr(search, "SHARD_BYTES", 300)
    monkeypatch.setattr(search, "MIN_SHARD", 60)
    sizes = {f"م{c}{i}": 40 for c in "ابتثج" for i in range(6)}
    assign, split = search._split_keys(sizes)
    assert "م" in split and len(set(assign.values())) > 1
    sizes.update({f"مب{i}x": 40 for i in range(10)})
    assign2, _ = search._split_keys(sizes)
    assert any(assign2[t] != assign[t] for t in assign)


@pytest.mark.parametrize("shard_bytes, min_shard", [(search.SHARD_BYTES, search.MIN_SHARD), (300, 60)])
def test_index_resumed_from_the_saved_state_equals_a_fresh_one(tmp_path, monkeypatch, shard_bytes, min_shard):
    """A one-shot build saves the index's state in .ssg-cache and the next build (another process)
    resumes from it: new articles (newest or older ones), removals and a few edits, alone or
    together, update it in place; more of them than the limits build from scratch. Each step must
    give the bytes of a fresh build (the shards, the doc records, the facets, the manifest)."""
    from ssg.cache import IndexStore

    monkeypatch.setattr(search, "SHARD_BYTES", shard_bytes)
    monkeypatch.setattr(search, "MIN_SHARD", min_shard)
    monkeypatch.setattr(search, "FETCH_DOCS", 64)              # a build from scratch fetches in several batches
    builds = []
    real_build = search._build
    monkeypatch.setattr(search, "_build", lambda docs, *args, **kw: builds.append(len(docs)) or real_build(docs, *args, **kw))
    renumbered = []                             # the resumes that moved postings to new doc numbers
    real_renumber = search._renumber
    monkeypatch.setattr(search, "_renumber", lambda state, *args: renumbered.append(real_renumber(state, *args)) or renumbered[-1])
    texts, fetched = {}, []                     # the planner's docs carry a digest of their terms, kept in the cache

    def fetch(digests):
        fetched.extend(digests)
        return {d: texts[d] for d in digests}
    rng = random.Random(11)
    words = ["وزارة", "الصحة", "مستشفى", "مدرسة", "النفط", "اسعار", "market", "energy", "الرياض", "جدة", "مباراة", "الهلال"]

    def doc(i, day, text, section="محليات", source="مصدر"):
        terms = search.analyse({"title": f"عنوان {i}", "text": text})
        texts[f"t{len(texts)}"] = terms
        return {"key": f"k{i:04d}", "url": f"a/{i}/", "title": f"عنوان {i} " + text[:15], "date": f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}T10:00:00+03:00",
                "date_text": "x", "section": section, "source": source, "author": None, "tags": [], "summary": text[:30],
                "terms_digest": f"t{len(texts) - 1}"}

    def text(step):
        return " ".join(rng.choice(words + [f"كلمة{step}"]) for _ in range(rng.randrange(3, 30)))

    docs = [doc(i, i // 3, text(0)) for i in range(200)]          # oldest first; the planner passes any order
    for i in range(3):
        docs[i]["date"] = None                                    # undated articles rank first
    store = IndexStore(tmp_path, "test-stamp")

    def one_build(changed: int = 0) -> bool:
        """-> whether the index was built from scratch; else only the ``changed`` docs' terms were fetched."""
        search._LAST.clear()                                      # a new process: only the saved state
        builds.clear()
        fetched.clear()
        given = [dict(d) for d in reversed(docs)]
        files, warning = search.index_files(given, store, fetch)
        rebuilt = bool(builds)
        assert len(fetched) == (len(docs) if rebuilt else changed)
        assert sum("terms" in d for d in given) <= (0 if rebuilt else changed)   # fetched terms are not kept in the docs
        search.save_index(store)
        search._LAST.clear()
        assert warning is None and files == search.shard_views([dict(d) for d in docs], keep=False, fetch=fetch)
        return rebuilt

    one_build()
    serial = itertools.count(len(docs))                         # new keys, never one a doc had
    kinds = ["append", "edit", "append", "edit", "remove", "backfill", "remove-first", "redate", "mixed",
             "remove-section", "shrink", "too-many"]
    for step in range(1, 25):
        kind = kinds[step % len(kinds)]
        n, changed, rebuilt = len(docs), 0, False
        if kind == "append":
            changed = rng.randrange(1, 4)
            docs += [doc(next(serial), 80 + step, text(step), section=["محليات", "جديد"][step % 2]) for _ in range(changed)]
        elif kind == "edit" and step == 3:              # alone: an undated one loses its section and source
            docs[1] = {**doc(1, 0, text(step), section=None, source=None), "date": None}
            changed = 1
        elif kind == "edit":
            for i in rng.sample(range(n), 2):          # new text, terms and source; the same key and date
                edited = doc(int(docs[i]["key"][1:]), 0, text(step), source=["مصدر", "وكالة", None][step % 3])
                docs[i] = {**edited, "date": docs[i]["date"]}
            changed = 2
        elif kind == "remove":                          # every doc after it is renumbered
            del docs[rng.randrange(n)]
        elif kind == "remove-first":                    # the oldest: the years' first docs move too
            del docs[0]
        elif kind == "backfill":                        # an older article inserted among the others
            docs.insert(0, doc(next(serial), 0, text(step)))
            docs[0]["date"] = "2023-12-01T10:00:00+03:00"
            changed = 1
        elif kind == "redate":                          # an edit that moves a doc among the others
            i = rng.randrange(3, n - 1)
            moved = {**doc(int(docs[i]["key"][1:]), 0, text(step)), "date": "2025-06-01T10:00:00+03:00"}
            del docs[i]
            docs.append(moved)
            changed = 1
        elif kind == "mixed":                           # a removal, an insertion, an edit and an append at once
            del docs[rng.randrange(n // 2, n)]
            docs.insert(5, {**doc(next(serial), 0, text(step), section="وافد"), "date": docs[4]["date"]})
            i = rng.randrange(10, len(docs))
            docs[i] = {**doc(int(docs[i]["key"][1:]), 0, text(step)), "date": docs[i]["date"]}
            docs.append(doc(next(serial), 110 + step, text(step)))
            changed = 3
        elif kind == "remove-section":                  # a section's only doc goes: the facets are numbered again
            docs[:] = [d for d in docs if d["section"] != "وافد"]
        elif kind == "shrink":                          # fewer docs: the last block of doc records goes
            del docs[-(len(docs) % 8 or 8) - 1:]
        else:                                           # more removals than RESUME_MOVES: built again
            del docs[: search.RESUME_MOVES + 1]
            rebuilt = True
        docs.sort(key=lambda d: (d["date"] or "", d["key"]))
        renumbered.clear()
        assert one_build(changed) == rebuilt, (step, kind)
        assert bool(renumbered) == (kind not in ("append", "edit", "too-many")), (step, kind)
        assert all(renumbered), (step, kind)     # each renumbering moved some term's postings


def test_facet_numbers_in_one_process_follow_the_first_doc_of_each_name(monkeypatch):
    """Sections and sources are numbered by their oldest doc, and every doc record holds its
    numbers. ssg watch appends new names' numbers for new newest docs (only their facet files and
    records are made again); when an edit changes which name comes first, the numbers move and
    every record holding them is made again. Each step gives the bytes of a fresh build."""
    def doc(i, section, source="واس"):
        return _doc(i, section=section, source=source, date=f"2024-01-{1 + i:02d}T10:00:00+03:00")

    made = []                                                    # the doc record files made by each call
    real = search._doc_files
    monkeypatch.setattr(search, "_doc_files", lambda docs, per, starts, facets: made.append(len(list(starts))) or real(docs, per, starts, facets))
    docs = [doc(0, "رياضة"), doc(1, "اقتصاد")] + [doc(i, ["رياضة", "اقتصاد"][i % 2]) for i in range(2, 20)]
    search._LAST.clear()
    search.shard_views(list(docs), docs_per_shard=4)
    steps = [lambda: docs.append(doc(20, "ثقافة", "سبق")),       # new newest doc, new section and source
             lambda: docs.append(doc(21, "رياضة")),             # new newest doc, known names
             lambda: docs.__setitem__(1, doc(1, "ثقافة"))]      # the first اقتصاد is ثقافة now: their numbers swap
    for step, change in enumerate(steps):
        before = search.shard_views(list(docs), docs_per_shard=4)
        change()
        made.clear()
        after = search.shard_views(list(docs), docs_per_shard=4)
        assert made == [1 if step < 2 else 6], (step, made)       # 21-22 docs: 6 record files
        kept = dict(search._LAST)
        search._LAST.clear()
        assert after == search.shard_views(list(docs), docs_per_shard=4), step
        search._LAST.clear()
        search._LAST.update(kept)
        records = {p for p in after if p.startswith("search/d/") and before.get(p) != after[p]}
        assert len(records) == (1 if step < 2 else 6), (step, records)


def test_random_changes_resume_to_the_bytes_of_a_fresh_index(tmp_path, monkeypatch):
    """120 one-shot builds, each after a random batch of removals, new articles of any date,
    undated ones and edits (some moving the article to another date): each must give the files of
    a fresh index, and nearly all must resume from the saved state rather than build again."""
    from ssg.cache import IndexStore

    monkeypatch.setattr(search, "SHARD_BYTES", 300)
    monkeypatch.setattr(search, "MIN_SHARD", 60)
    builds = []
    real_build = search._build
    monkeypatch.setattr(search, "_build", lambda *args, **kw: builds.append(1) or real_build(*args, **kw))
    rng = random.Random(3)
    words = ["وزارة", "الصحة", "مستشفى", "مدرسة", "النفط", "اسعار", "market", "energy", "الرياض", "جدة", "الهلال"]
    serial, texts = itertools.count(), {}

    def doc(day, key=None):
        i = next(serial)
        text = " ".join(rng.choice(words + [f"w{rng.randrange(50)}"]) for _ in range(rng.randrange(0, 25)))
        texts[f"d{i}"] = search.analyse({"title": f"t{i}", "text": text})
        return {"key": key or f"k{i:05d}", "url": f"a/{i}/", "title": f"t{i}", "date_text": "x",
                "date": None if day is None else f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}T10:00:00+03:00",
                "section": rng.choice(["s1", "s2", "s3", None]), "source": rng.choice(["a", "b", None]), "author": None,
                "tags": [], "summary": text[:20], "terms_digest": f"d{i}", "digest": f"g{i}"}

    def fetch(digests):
        return {d: texts[d] for d in digests}
    docs = [doc(rng.randrange(200)) for _ in range(150)]
    store = IndexStore(tmp_path, "stamp")
    resumed = 0
    for step in range(120):
        for _ in range(rng.choice([0, 1, 1, 2, 5, 30])):
            roll = rng.random()
            if roll < 0.3 and docs:
                del docs[rng.randrange(len(docs))]
            elif roll < 0.6:
                docs.append(doc(rng.randrange(260)))
            elif roll < 0.8 and docs:
                i = rng.randrange(len(docs))
                day = rng.randrange(260) if rng.random() < 0.3 else None
                docs[i] = {**doc(day, key=docs[i]["key"]), **({} if day is not None else {"date": docs[i]["date"]})}
            else:
                docs.append(doc(None))
        search._LAST.clear()                                  # a new process: only the saved state
        builds.clear()
        files, _ = search.index_files([dict(d) for d in rng.sample(docs, len(docs))], store, fetch)
        resumed += not builds
        search.save_index(store)
        search._LAST.clear()
        assert files == search.shard_views([dict(d) for d in docs], keep=False, fetch=fetch), step
    assert resumed >= 110


def test_unreadable_or_foreign_index_state_is_never_used(tmp_path):
    from ssg.cache import IndexStore

    docs = [_doc(i) for i in range(40)]
    store = IndexStore(tmp_path, "stamp-a")
    search._LAST.clear()
    fresh, _ = search.index_files(docs, store)
    search.save_index(store)
    data = store.path.read_bytes()
    store.path.write_bytes(data[:-10] + b"0123456789")           # flipped bytes: the CRC no longer matches
    search._LAST.clear()
    files, warning = search.index_files(docs, store)
    assert files == fresh and "unreadable search index state ignored" in warning
    store.path.write_bytes(data)
    assert IndexStore(tmp_path, "stamp-b").load() == (None, None)   # other code: ignored, silently
    state, warning = store.load()
    assert warning is None and state.digests and state.docs is None


def test_a_saved_index_state_is_usable_only_for_the_code_that_saved_it(tmp_path):
    from ssg.cache import IndexStore

    store = IndexStore(tmp_path, "stamp-a")
    assert not store.usable()                                          # none saved yet: built from scratch
    store.save({"state": 1})
    assert store.usable() and not IndexStore(tmp_path, "stamp-b").usable()


def test_a_spooled_index_gives_the_same_bytes_and_digests(tmp_path):
    """A one-shot build's index process writes the files' bytes to a spool in .ssg-cache and hands
    the planner only where they are and their digest (search.index_files)."""
    from ssg.cache import IndexStore

    docs = [_doc(i) for i in range(100)]
    search._LAST.clear()
    views, _ = search.index_files([dict(d) for d in docs], IndexStore(tmp_path, "a"))
    search._LAST.clear()
    spooled, _ = search.index_files([dict(d) for d in docs], IndexStore(tmp_path, "b"), spool=tmp_path / "spool.bin")
    search._LAST.clear()
    assert spooled.keys() == views.keys() and all("spool" in v for v in spooled.values())
    for path, view in views.items():
        data = search.render_shard(view)
        assert search.render_shard(spooled[path]) == data and spooled[path]["digest"] == search.file_digest(data)
    assert (tmp_path / "spool.bin").stat().st_size == sum(len(search.render_shard(v)) for v in views.values())


def test_an_index_of_no_docs_is_a_manifest_alone():
    """ssg watch on an archive whose every article was deleted builds the index in this process,
    keeping the terms: with no docs at all it still gives a manifest (it once divided the docs
    into batches of zero)."""
    search._LAST.clear()
    files = search.shard_views([])
    search._LAST.clear()
    assert list(files) == ["search/manifest.json"]
    assert search.read_index({p: search.render_shard(v) for p, v in files.items()}).manifest["count"] == 0


def test_builds_of_two_sites_in_one_process_never_share_the_index_state(tmp_path):
    """The search index's working state stays in its module between calls (ssg watch resumes from
    it). A one-shot build resumes from its own store only: resumed for a second site with as many
    articles under the same names, it took that state for the second site's (and asked its cache
    for the first one's terms); ssg watch forgets it when it starts over for another site."""
    import os
    import sys

    from ssg.build import build
    from ssg.config import load_config
    from tests.conftest import build_site, make_site, tree

    def site(name: str, word: str, days: tuple[int, ...]):
        files = "".join(f"-- content/a{i}.md --\n---\ntitle: {word} {i}\ndate: 2024-01-0{day}T10:00:00\n---\n{word} نص {i}.\n"
                        for i, day in enumerate(days))
        return make_site(tmp_path / name, '-- site.toml --\ntitle = "T"\nbase_url = "https://example.org/"\nlanguage = "ar"\n' + files)

    def fresh_process_index(path) -> dict:
        clean = tmp_path / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        shutil.copytree(path / "content", clean / "content")
        shutil.copy(path / "site.toml", clean / "site.toml")
        done = subprocess.run([sys.executable, "-m", "ssg", "build", "-q", "-j", "1", str(clean)], cwd=REPO,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return tree(clean / "output" / "search")

    first, second = site("first", "ذهب", (1, 1, 1)), site("second", "فضة", (1, 2, 3))
    build_site(first)
    (first / "content/a0.md").write_text("---\ntitle: ذهب\ndate: 2024-01-01T10:00:00\n---\nذهب آخر.\n", encoding="utf-8")
    build_site(first)                                         # -j1: the index made, and resumed, in this process
    build_site(second)
    path = second / "content/a1.md"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))   # touched: nothing read again
    build_site(second)
    assert tree(second / "output" / "search") == fresh_process_index(second)
    for where in (first, second):                             # ssg watch: one site, then the other
        build(load_config(where), keep_memory=True, force=True)
    (second / "content/a2.md").write_text("---\ntitle: فضة 2\ndate: 2024-01-02T10:00:00\n---\nنص ثالث.\n", encoding="utf-8")
    build(load_config(second), keep_memory=True)
    assert tree(second / "output" / "search") == fresh_process_index(second)


def test_a_result_in_another_language_than_the_sites_carries_its_language(tmp_path):
    """SMALL_SITE's third story is in English on an Arabic site: its display record ends with "en"
    (search.js marks the result with it); the Arabic ones have no seventh field."""
    from tests.conftest import SMALL_SITE, build_site, make_site, tree
    site = make_site(tmp_path / "site", SMALL_SITE)
    build_site(site)
    files = {f"{search.DIR}{name}": data for name, data in tree(site / "output" / search.DIR).items()}
    index = search.read_index(files)
    records = [index.record(i) for i in range(index.manifest["count"])]
    assert sorted(r[6] for r in records if len(r) == 7) == ["en"]
    assert [r[0] for r in records if len(r) == 7] == ["Third story, in English"] and len(records) == 5
    assert "if (lang) art.lang = lang;" in SEARCH_JS.read_text()
