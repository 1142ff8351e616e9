"""Full-text search for the static site: text analysis and the sharded index. Pure; stdlib only.

The browser client (themes/default/static/js/search.js) repeats ``normalise``/``stem`` exactly;
tests/test_search.py runs both on the same words. Why our own index and not Pagefind, and the
measurements: docs/search.md.

Output, under ``search/`` (``DIR``):

- ``manifest.json``: counts, facet names, year -> doc id range, the postings shard keys, the
  analysis tables (stop words, affixes) and ``v``, a digest of every other file (cache buster).
- ``t/<hex of key>.bin``: postings shards of the sealed docs (ids below ``tail.from``, a multiple
  of ``TAIL_DOCS``). A term lives in the shard named by its first character; a shard over
  ``SHARD_BYTES`` is split by one more character (keys in ``split``), children under
  ``MIN_SHARD`` bytes staying with their parent.
- ``t/tail-<b>.bin``: the postings of the newer docs (the tail: fewer than ``TAIL_DOCS``) but
  the newest few, in ``TAIL_SHARDS`` files by the term's first two code points (``tail_bucket``);
  ``t/fresh.bin``: the postings of the newest few (fewer than ``FRESH_DOCS``, from ``tail.fresh``
  on), every term in one file. A new newest article changes that one file, not the shards of its
  terms; each ``FRESH_DOCS``-th one moves the fresh docs into the tail files, each
  ``TAIL_DOCS``-th one seals the tail into the shards.
- ``d/<n>.json``: doc records (title, url, date text, section, source, excerpt, and the article's
  language where it is not the site's), ``DOCS_PER_SHARD``
  per file, by doc id.
- ``f/<facet>-<i>.bin``: the doc ids of each section and source (for filters).

Doc ids follow (date, key), oldest first, so a year is an id range, a new article appends (to the
tail), and editing one article rewrites its doc shard, the postings shards (or tail files) of the
terms it gained or lost, and the manifest; nothing else.

Binary files are sequences of unsigned LEB128 varints. A postings shard: ``nterms``, then per
term ``len(suffix bytes) suffix df nbytes`` (the suffix follows the shard key), then each
term's postings: ``(id_delta << 2) | weight`` with weight 3 = title, 2 = body tf >= 3, 1 = body.
A tail file is a shard whose key is empty (the suffix is the whole term); its first delta of a
term is from id 0, as in any shard.
"""
from __future__ import annotations

import base64
import functools
import gc
import hashlib
import itertools
import json
import operator
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from typing import NamedTuple

DIR = "search/"
FORMAT = 4                 # bump when the files the browser reads change (manifest), or what analyse() gives beyond its order
DOCS_PER_SHARD = 16
SHARD_BYTES = 48_000
KEY_CHARS = 1
MIN_SHARD = 2_000
MAX_KEY_CHARS = 6
PREFIX_SHARDS = 8          # a prefix spanning more shards than this matches in its own shard only
BODY_WORDS = 400
TAIL_DOCS = 256            # the newest docs (below this many) are in the tail files, not in the shards
TAIL_SHARDS = 16
FRESH_DOCS = 32            # the newest of those (below this many; TAIL_DOCS is a multiple) are in t/fresh.bin
FRESH = "t/fresh.bin"

# --------------------------------------------------------------------------- text analysis



def _ranges(codes: list[int]) -> str:
    """Code points -> a regex class body of ranges (a class of single characters is slow in re)."""
    out, start = [], None
    for c, nxt in zip(codes, codes[1:] + [-1]):
        start = c if start is None else start
        if nxt != c + 1:
            out.append(re.escape(chr(start)) + ("-" + re.escape(chr(c)) if c > start else ""))
            start = None
    return "".join(out)


# The planes that hold non-spacing marks: the BMP, the SMP and plane 14 (variation selectors).
# Planes 2 and 3 are for ideographs, 15 and 16 for private use, 4-13 unassigned
# (tests/unit/test_read_equivalence.py checks this against every code point).
MARK_PLANES = (range(0x20000), range(0xE0000, 0xF0000))


@functools.cache
def _non_spacing_marks() -> tuple[int, ...]:
    """The code points of Unicode category Mn, as the JS client's /\\p{Mn}/u. Made on first use,
    by every process that normalises text (each read worker, a one-file build): the planes that
    hold marks are 196,608 code points, ~23 ms, where all 1,114,112 took ~130 ms."""
    category = unicodedata.category
    return tuple(c for plane in MARK_PLANES for c in plane if category(chr(c)) == "Mn")


@functools.cache
def _mark_tables() -> tuple[re.Pattern, dict]:
    """The marks for a long text: a regex for those below U+0700 (Latin accents, Arabic harakat;
    one big class is slow in re) and a translate table for the rest, rare in news text, used only
    when the text has characters past that block."""
    mn = _non_spacing_marks()
    return re.compile("[" + _ranges([c for c in mn if c < 0x700]) + "]"), dict.fromkeys(c for c in mn if c >= 0x700)


@functools.cache
def _word_table() -> dict:
    """Every non-spacing mark removed and every ``_FOLD`` character folded, in one ``str.translate``
    of a word: no fold maps to a mark or from one, so this is the marks' regex and table and the
    fold table one after the other (~2x faster on a word than those three passes)."""
    table = dict.fromkeys(_non_spacing_marks())
    table.update(_FOLD_TABLE)
    return table


_BEYOND = re.compile("[^\x00-\u06ff\u2000-\u206f]")
_HAMZA_SEAT = re.compile("[\u0648\u064A]\u0654")            # ؤ ئ after NFKD: waw/yeh + hamza above
_FOLD = (("\u0629", "\u0647"), ("\u0649", "\u064A"), ("\u0671", "\u0627"), ("\u06A9", "\u0643"), ("\u06CC", "\u064A"),
         ("\u06C1", "\u0647"), ("\u06D5", "\u0647"), ("\u0640", ""), ("\u00AD", ""), ("\u061C", ""), ("\uFEFF", ""),
         *((chr(c), "") for c in range(0x200B, 0x2010)),
         *((chr(0x0660 + i), str(i)) for i in range(10)), *((chr(0x06F0 + i), str(i)) for i in range(10)))
_FOLD_TABLE = {ord(old): new for old, new in _FOLD}     # no replacement is itself folded: one pass = the loop
_TOKEN = re.compile(r"[^\W_]+")

STOP = frozenset("""
في من على الى عن ان او ثم مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين هو هي هم هن انه انها كان كانت
يكون قد لقد لا لم لن ما ماذا اذا بين كل بعد قبل عند حتى وفي ومن وعلى والى وعن وان او وهو وهي وقد وكان
ولا ولم وما وكل فيه فيها منه منها عليه عليها اليه به بها له لها الا اما اي ايضا كما لكن بل الي يا
the a an and or of to in on for is are was were be been by with at from as it its that this these those
not but has have had will would can which who what when where than then there their they he she we you
""".split())
PREFIXES = ("وال", "بال", "كال", "فال", "ولل", "لل", "ال")   # removed when 2+ letters remain
SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")    # each tried once, in order (Larkey light10)


def normalise(text: str) -> str:
    """Fold what readers type inconsistently: case, accents, diacritics, tatweel, alef and hamza seats,
    taa marbuta (ة -> ه), alef maqsura (ى -> ي), Persian letters and Arabic-Indic digits.

    A word (``_WordTerms``; up to 64 characters) takes one ``str.translate`` for its marks and
    folds (``_word_table``); a longer text the marks' regex and one ``str.replace`` per foldable
    character present (translate looks up every character: ~3x slower on a page of text)."""
    text = unicodedata.normalize("NFKD", text)
    if "\u0654" in text:
        text = _HAMZA_SEAT.sub("\u0621", text)
    if len(text) <= 64:
        return text.translate(_word_table()).lower()
    marks, other_marks = _mark_tables()
    text = marks.sub("", text)
    if _BEYOND.search(text):
        text = text.translate(other_marks)
    for old, new in _FOLD:
        if old in text:
            text = text.replace(old, new)
    return text.lower()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


def _arabic(word: str) -> bool:
    return "\u0621" <= word[0] <= "\u064A"


@functools.lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """Light stemming of one normalised token: Arabic prefixes and suffixes, English plurals."""
    if _arabic(word):
        if word.startswith(PREFIXES):
            for p in PREFIXES:
                if word.startswith(p) and len(word) - len(p) >= 2:
                    word = word[len(p):]
                    break
        if word.endswith(SUFFIXES):                       # else the loop below removes none
            for s in SUFFIXES:
                if word.endswith(s) and len(word) - len(s) >= 2:
                    word = word[: -len(s)]
        return word
    if word.isascii() and word.isalpha() and len(word) > 3:
        if word.endswith("ies") and not word.endswith(("eies", "aies")):
            return word[:-3] + "y"
        if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
            return word[:-1]
        if word.endswith("s") and not word.endswith(("us", "ss")):
            return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Search terms of a text, in order: tokens that are not stop words and not one letter, stemmed."""
    return [stem(t) for t in tokens(text) if t not in STOP and len(t) > 1]


PROCLITICS = "وبلفك"   # one-letter prefixes (and, with, for, so, like): indexed with and without


def index_terms(text: str) -> list[str]:
    """``terms`` plus, for a word starting with a one-letter proclitic, the stem without it: "ووزارة"
    is found by "وزارة" while "وزارة" itself keeps its و (stripping it at query time would turn
    وزارة into زارة and miss الوزارة)."""
    return list(_terms_of(text))


def _expand(token: str) -> tuple[str, ...]:
    """The index terms of one normalised token (none for a stop word or a single letter)."""
    if token in STOP or len(token) < 2:
        return ()
    if len(token) >= 4 and token[0] in PROCLITICS and _arabic(token) and not token.startswith(PREFIXES) \
            and token[1:] not in STOP:
        return (stem(token), stem(token[1:]))
    return (stem(token),)


class _TokenTerms(dict):
    """A normalised token -> ``_expand(token)``, kept while fewer than WORD_CACHE (a plain dict:
    a hit costs one lookup in C, where ``lru_cache`` costs a call; distinct words as written,
    "الحكومة" and "الحكومة،", share their token)."""

    def __missing__(self, token: str) -> tuple[str, ...]:
        if len(self) >= WORD_CACHE:
            self.clear()
        found = self[token] = _expand(token)
        return found


WORD_CACHE = 1 << 17       # distinct words a process keeps the terms of (~28 MB when full; 114k after 5k articles)
_TOKEN_TERMS = _TokenTerms()


def _terms_of(text: str):
    return itertools.chain.from_iterable(map(_TOKEN_TERMS.__getitem__, tokens(text)))


class _WordTerms(dict):
    """A whitespace-separated word as written -> its index terms, ``tuple(_terms_of(word))``.

    ``normalise`` acts on each character (and on a combining sequence, or a final sigma's word,
    none of which spans whitespace), and whitespace stays whitespace, which ``_TOKEN`` never
    matches: so the terms of a text are the terms of its words, one after the other, and a word
    seen before costs one dict lookup instead of being normalised and tokenised again (news
    text repeats its words; tests/unit/test_read_equivalence.py checks it on every code
    point). Cleared when full rather than LRU: a hit is then a plain dict lookup in C."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= WORD_CACHE:
            self.clear()
        found = tokens(word)
        terms = _TOKEN_TERMS[found[0]] if len(found) == 1 else \
            tuple(itertools.chain.from_iterable(map(_TOKEN_TERMS.__getitem__, found)))   # (most words: one token)
        self[word] = terms
        return terms


_WORD_TERMS = _WordTerms()


def _terms_of_words(words) -> itertools.chain:
    return itertools.chain.from_iterable(map(_WORD_TERMS.__getitem__, words))


def analyse(doc: dict, *, body_words: int = BODY_WORDS, words: list[str] | None = None) -> str:
    """A doc's index terms by weight, as one compact string of three space-separated groups joined
    by "|": weight 1 (in the first ``body_words`` words of the body), 2 (there 3+ times, or in the
    summary, tags, section, source or author), 3 (in the title).

    Computing this where the body text is at hand (the read workers) and keeping it with the
    article means planning the index never loads 100k bodies: pass it as ``doc["terms"]``.
    ``words``: ``doc["text"].split()`` when the caller has it already. The terms are the terms
    of each word as written (``_WordTerms``: each distinct word is analysed once per process)."""
    if words is None:
        words = (doc.get("text") or "").split(None, body_words)
    counts = Counter(_terms_of_words(words[:body_words]))
    meta = " ".join([doc.get("summary") or "", doc.get("section") or "", doc.get("source") or "",
                     doc.get("author") or "", *(doc.get("tags") or ())])
    # Each group in the order its terms first come (dicts keep it; a set's order would change with
    # the process's hash seed): sorting them was ~20% of this function. The index sorts its terms.
    title = dict.fromkeys(_terms_of_words((doc.get("title") or "").split()))
    heavy = dict.fromkeys(_terms_of_words(meta.split()))
    heavy.update(dict.fromkeys([t for t, n in counts.items() if n >= 3]))
    for term in title.keys() & heavy.keys():
        del heavy[term]
    light = [t for t in counts if t not in heavy and t not in title]
    return "|".join((" ".join(light), " ".join(heavy), " ".join(title)))


# --------------------------------------------------------------------------- encoding

def _varint(v: int) -> bytes:
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


_SMALL = [_varint(v) for v in range(1 << 14)]


def varints(values) -> bytes:
    small = _SMALL
    try:
        return b"".join([small[v] for v in values])
    except IndexError:
        pass
    out = bytearray()
    for v in values:
        while v >= 0x80:
            out.append((v & 0x7F) | 0x80)
            v >>= 7
        out.append(v)
    return bytes(out)


def _postings(entries) -> bytes:
    """Ascending ``id << 2 | weight`` values -> varints of ``(id delta) << 2 | weight``.

    ``(b >> 2) - (a >> 2) << 2 | b & 3`` is ``b - (a & ~3)`` (the weight is below 4), which
    ``map`` computes in C (20M postings at 100k articles; ~6% of ``shard_views`` in alternated
    runs, against a comprehension)."""
    values = list(map(operator.sub, entries, itertools.chain((0,), map(operator.and_, entries, itertools.repeat(~3)))))
    return bytes(values) if max(values) < 0x80 else varints(values)


def _shard_bytes(key: str, items: list[tuple[str, bytes, int]]) -> bytes:
    head = [varints([len(items)])]
    for term, blob, df in items:
        suffix = term[len(key):].encode()
        head.append(varints([len(suffix)]) + suffix + varints([df, len(blob)]))
    return b"".join(head) + b"".join(blob for _, blob, _ in items)


def key_hex(key: str) -> str:
    return key.encode().hex()


def _split_keys(sizes: dict[str, int]) -> tuple[dict[str, str], list[str]]:
    """term -> shard key, and the keys that were split. A term starts in the shard of its first
    character; a shard over SHARD_BYTES is split by one more character, except that children under
    MIN_SHARD bytes stay in the parent (so no swarm of tiny files), as do terms no longer than the
    key. Depends only on the data: deterministic, and stable while sizes stay off the thresholds.
    Each first-character group is decided on its own (``_split_group``)."""
    assign: dict[str, str] = {}
    split: list[str] = []
    for key, members in _groups(sizes).items():
        part, parts_split = _split_group(key, members, sizes)
        assign.update(part)
        split += parts_split
    return assign, sorted(split)


def _groups(terms) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        groups[term[:KEY_CHARS]].append(term)
    return groups


def _split_group(key: str, members: list[str], sizes: dict[str, int]) -> tuple[dict[str, str], list[str]]:
    assign: dict[str, str] = {}
    split: list[str] = []
    todo = [(key, members)]
    while todo:
        key, members = todo.pop()
        total = sum(sizes[t] for t in members)
        if total <= SHARD_BYTES or len(key) >= MAX_KEY_CHARS or not any(len(t) > len(key) for t in members):
            assign.update((t, key) for t in members)
            continue
        split.append(key)
        children: dict[str, list[str]] = defaultdict(list)
        for t in members:
            children[t[: len(key) + 1]].append(t)
        for child, terms_ in sorted(children.items()):
            if child == key or sum(sizes[t] for t in terms_) < MIN_SHARD:
                assign.update((t, key) for t in terms_)
            else:
                todo.append((child, terms_))
    return assign, split


# --------------------------------------------------------------------------- the index as views

def _view(data: bytes | str) -> dict:
    if isinstance(data, str):
        return {"text": data}
    return {"b64": base64.b64encode(data).decode("ascii")}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def shard_views(docs: list[dict], *, docs_per_shard: int = DOCS_PER_SHARD, keep: bool = True,
                track: bool = False, stored: "_Index | None" = None, fetch=None) -> dict[str, dict]:
    """docs -> {output path: view}. Pure and deterministic; ``render_shard(view)`` gives the bytes.

    A doc: key, url (site-relative), title, date (ISO or None), date_text, section, source, tags,
    summary, author, and either text (the body's plain text) or terms (``analyse(doc)``).
    ``track``: keep a digest of each doc in the state, so that a ``snapshot()`` of it can be
    resumed by another process. ``stored``: such a snapshot (from .ssg-cache), updated instead of
    building from scratch when the docs are its docs with new ones (at the newest end or among
    them), a few removed and a few edited (``_resume``); the files are the same either way.
    ``fetch(digests)`` -> {digest: terms}: for docs that carry a ``terms_digest`` instead of their
    terms, called once per call with the digests of the docs whose terms are needed (put into
    those docs as ``terms``)."""
    enabled = gc.isenabled()
    gc.disable()                 # millions of small lists: the cycle collector would only rescan them
    try:
        return _shard_views(docs, docs_per_shard, keep, track, stored, fetch)
    finally:
        if enabled:
            gc.enable()


def index_files(docs: list[dict], store, fetch=None, spool=None) -> tuple[dict[str, dict], str | None]:
    """``shard_views`` for a one-shot build, resumed from the state ``store`` kept (``store.load()``
    -> (state or None, warning or None)); -> (files, warning). Run it in the process that will
    call ``save_index`` next: the state stays in this process until then.

    ``spool``: a file path. The files' bytes are written there, one after the other, and each
    view becomes ``{"spool", "at", "size", "digest"}``: what the planner needs for a fingerprint,
    and where a render worker reads the bytes (``render_shard``). A one-shot build's index runs in
    another process; without a spool its ~9,000 views at 100k articles (~80 MB) were pickled
    there and unpickled in the planner on every build, the build's memory peak."""
    forget()
    stored, warning = store.load()
    files = shard_views(docs, keep=True, track=True, stored=stored, fetch=fetch)
    if spool is None:
        return files, warning
    spooled, at = {}, 0
    with open(spool, "wb") as out:
        for path, view in files.items():
            data = render_shard(view)
            out.write(data)
            spooled[path] = {"spool": str(spool), "at": at, "size": len(data), "digest": file_digest(data)}
            at += len(data)
    return spooled, warning


def file_digest(data: bytes) -> str:
    """What a file of the index is, for its output's fingerprint (the same for a spooled file and
    for a view held in memory, as in ssg watch)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def save_index(store) -> None:
    """Hand the state of this process's last ``index_files`` to ``store.save`` (for the next build)."""
    state = _LAST.get(DOCS_PER_SHARD)
    if state is not None and state.digests is not None:
        store.save(snapshot(state))


def snapshot(state: _Index) -> _Index:
    """The state without the docs (the next build has its own; ``digests`` stand for them)."""
    copy = _Index()
    for name in _Index.__slots__:
        setattr(copy, name, getattr(state, name, None))
    copy.docs = copy.given = copy.rank = None
    return copy


def doc_digest(doc: dict) -> bytes:
    """``doc["digest"]`` when the caller made one (the planner, from what the doc is made of),
    else a digest of every field (str, None, lists of str: their repr is the same in every process)."""
    given = doc.get("digest")
    return given if given is not None else hashlib.blake2b(repr(sorted(doc.items())).encode(), digest_size=16).digest()


RESUME_MAX = 32            # more edited docs than this: build from scratch (each costs a pass over the terms)
RESUME_MOVES = 64          # more docs removed, or inserted before the newest kept one: build from scratch
_CHANGED = object()        # an edited doc's old section/source/date are not kept: compare unequal to anything


def _resume(stored: _Index, docs: list[dict], digests: list[bytes], docs_per_shard: int, fetch=None,
            keys: list[str] | None = None) -> _Index | None:
    """The stored state brought up to ``docs`` (ranked), or None when that is not cheaper than a
    build. The docs both hold keep their order (the ranking is by date and key, which an unedited
    doc keeps), so each stored doc number maps to its new one, or to none for a removed doc:
    ``_renumber`` moves the postings to the new numbers. Then the new docs (appended, or inserted
    among the old ones, a backfill) and the edited ones are put in by ``_update``, as in ssg watch,
    an edited doc's old terms read back from the postings. Few removals, insertions before the
    newest and edits: each costs a pass over the terms or a step per segment of renumbered docs.
    ``keys``: the docs' keys, when the caller has them. (The passes over every doc are C-speed
    loops: at 100k docs, ssg watch adds an article through here.)"""
    old_keys, old = stored.keys, stored.digests
    if old_keys is None or old is None or not docs:
        return None                          # (no docs left: nothing to resume, and no digest a removed doc's -1 could index)
    at = dict(zip(keys if keys is not None else [d["key"] for d in docs], itertools.count()))
    new_of = list(map(at.get, old_keys, itertools.repeat(-1)))
    kept = [j for j in new_of if j >= 0]
    if not _rising(kept):                                  # an edited date moved a doc: take edited docs out and in
        new_of = [j if j >= 0 and old[i] == digests[j] else -1 for i, j in enumerate(new_of)]
        kept = [j for j in new_of if j >= 0]
        if not _rising(kept):
            return None
    unequal = map(operator.ne, old, map(digests.__getitem__, new_of))     # (-1: a removed doc, left out below)
    edited = [i for i in itertools.compress(itertools.count(), unequal) if new_of[i] >= 0]
    held = bytearray(len(docs))
    for j in kept:
        held[j] = 1
    last = kept[-1] if kept else -1
    inserted = [j for j in range(len(docs)) if not held[j]]
    moves = len(old_keys) - len(kept) + sum(1 for j in inserted if j < last)
    if len(edited) > RESUME_MAX or moves > RESUME_MOVES:
        return None
    before = list(docs)            # what _update compares with: the new docs where nothing changed
    for i in edited:             # (a state held in memory has the old docs and their terms)
        terms = stored.docs[i]["terms"] if stored.docs is not None and "terms" in stored.docs[i] else _stored_terms(stored, i)
        before[new_of[i]] = {"terms": terms, "section": _CHANGED, "source": _CHANGED, "date": _CHANGED}
    for j in inserted:
        before[j] = {"terms": "||", "section": _CHANGED, "source": _CHANGED, "date": _CHANGED}
    first = next(itertools.compress(itertools.count(), map(operator.ne, new_of, itertools.count())), len(new_of))
    moved = first < len(new_of)    # a doc went or came before others: the numbers from ``first`` on moved
    renumbered = _renumber(stored, new_of, first) if moved else set()
    stored.docs = before
    return _update(stored, docs, docs_per_shard, sorted([new_of[i] for i in edited] + inserted), fetch,
                   touched=renumbered, moved_from=min(first, len(docs)) if moved else None)


def _rising(numbers: list[int]) -> bool:
    """Whether each number is greater than the one before it."""
    return all(map(operator.lt, numbers, itertools.islice(numbers, 1, None)))


def _held(last: _Index | None) -> _Index | None:
    """Last call's state in this process (ssg watch), with the keys and digests ``_resume`` compares
    (kept by that call when it had them: at 100k docs, hashing them all again was ~40 ms)."""
    if last is not None:
        if last.keys is None or last.digests is None:
            last.keys, last.digests = [d["key"] for d in last.docs], list(map(doc_digest, last.docs))
    return last


def _renumber(state: _Index, new_of: list[int], first: int) -> set[str]:
    """Stored doc ``i`` is doc ``new_of[i]`` now, or gone (-1); the map keeps the order and
    changes nothing below ``first``. -> the terms whose postings changed. The numbers move in
    runs (a removal or an insertion shifts all the docs after it by one): each run of a term's
    postings is shifted in C, so the cost is a step per run a term has entries in."""
    starts, shifts = [], []
    for i in range(first, len(new_of)):
        shift = None if new_of[i] < 0 else (new_of[i] - i) << 2
        if not shifts or shift != shifts[-1]:
            starts.append(i << 2)
            shifts.append(shift)
    low, runs = first << 2, len(starts)
    touched = set()
    for term, entries in state.postings.items():
        if not entries or entries[-1] < low:
            continue
        s, n = bisect_left(entries, low), len(entries)
        moved = entries[:s]
        while s < n:
            k = bisect_right(starts, entries[s]) - 1
            e = bisect_left(entries, starts[k + 1], s) if k + 1 < runs else n
            shift = shifts[k]
            if shift:
                moved.extend(array("I", map(operator.add, entries[s:e], itertools.repeat(shift))))
            elif shift is not None:
                moved.extend(entries[s:e])
            s = e
        if moved != entries:
            state.postings[term] = moved
            touched.add(term)
    return touched


def _sealed(count: int) -> int:
    """The first doc id of the tail: the docs below it are in the postings shards."""
    return count - count % TAIL_DOCS


def _fresh(count: int) -> int:
    """The first doc id of the fresh file: the tail's docs below it are in the tail files."""
    return count - count % FRESH_DOCS


def _sealed_part(entries, cut: int):
    """A term's postings of the sealed docs (``cut``: the tail's first id << 2), or None."""
    if not entries or entries[0] >= cut:
        return None
    return entries if entries[-1] < cut else entries[:bisect_left(entries, cut)]


def _encode(state: _Index, touched: set[str], sealed: set[str] | None) -> None:
    """A touched term left without postings goes; the ``sealed`` terms' (None: every term's)
    postings of the sealed docs are encoded again (a term with none there leaves the shards)."""
    for term in touched:
        if not state.postings[term]:
            del state.postings[term]
    cut = state.sealed << 2
    if sealed is None:
        state.encoded = {t: _postings(part) for t, p in state.postings.items() if (part := _sealed_part(p, cut)) is not None}
        return
    for term in sealed:
        part = _sealed_part(state.postings.get(term), cut)
        if part is None:
            state.encoded.pop(term, None)
        else:
            state.encoded[term] = _postings(part)


def tail_bucket(term: str, shards: int | None = None) -> int:
    """The tail file of a term: by its first two code points, so that every term a query word
    (2+ characters, as every index term) is a prefix of is in the word's file, and the files
    are about the same size (by the first letter alone, a few Arabic letters would make them
    uneven). search.js computes the same."""
    return (ord(term[0]) * 65599 + (ord(term[1]) if len(term) > 1 else 0)) % (shards or TAIL_SHARDS)


def _tail_files(state: _Index, touched: set[str] | None = None) -> dict[str, dict]:
    """The tail's postings (the docs from ``state.sealed`` on): those before ``state.fresh`` in
    ``TAIL_SHARDS`` files (``tail_bucket``), the others in the fresh file. Made again whenever
    the tail changes: it holds fewer than ``TAIL_DOCS`` docs, and finding its terms is one pass
    over the terms' last postings. ``touched``: when the tail and the fresh part start where they
    did and no doc moved, the only terms whose postings changed since the last call; the others'
    parts are the ones it kept (``tail_items``, bucket -> term -> part, the fresh part under
    bucket -1), and only the files whose parts changed are made again (at 100k articles the pass
    over every term was ~0.1 s of a new article in ssg watch; a new newest article changes the
    fresh file alone)."""
    cut, fresh = state.sealed << 2, state.fresh << 2
    kept = state.tail_items
    if touched is None or kept is None:
        items: dict[int, dict] = defaultdict(dict)
        terms, dirty = state.postings.keys(), None
    else:
        items, terms, dirty = kept, touched, set()
    postings = state.postings
    for term in terms:
        entries = postings.get(term)
        if entries and entries[-1] >= cut:
            tail = bisect_left(entries, cut)
            at = bisect_left(entries, fresh, tail)
            parts = ((tail_bucket(term), entries[tail:at]), (-1, entries[at:]))
        elif dirty is None:
            continue                              # (most terms, in a pass over all of them)
        else:
            parts = ((tail_bucket(term), None), (-1, None))
        for bucket, part in parts:
            if part:
                made = (_postings(part), len(part))
                if dirty is None or items[bucket].get(term) != made:
                    items[bucket][term] = made
                    if dirty is not None:
                        dirty.add(bucket)
            elif dirty is not None and term in items.get(bucket, ()):
                del items[bucket][term]           # its last posting there went
                dirty.add(bucket)
    state.tail_items = items
    files = {}
    for b in sorted(items):
        if not items[b]:                      # (an edit took its last term out of the tail)
            del items[b]
            continue
        path = f"{DIR}{FRESH}" if b < 0 else f"{DIR}t/tail-{b}.bin"
        files[path] = state.tail_files[path] if dirty is not None and b not in dirty else \
            _view(_shard_bytes("", sorted((t, e, n) for t, (e, n) in items[b].items())))
    return files


def _stored_terms(state: _Index, i: int) -> str:
    """Doc ``i``'s terms as its postings hold them (one weight per term and doc)."""
    low, high = i << 2, (i + 1) << 2
    groups: tuple[list[str], ...] = ([], [], [])
    for term, entries in state.postings.items():
        at = bisect_left(entries, low)
        if at < len(entries) and entries[at] < high:
            groups[(entries[at] & 3) - 1].append(term)
    return "|".join(" ".join(sorted(g)) for g in groups)


class _Index:
    """The working state of the last index this process built. ``ssg watch`` rebuilds after each
    save: when the docs are the same articles in the same order, only the changed docs' terms are
    moved in the postings and only the shards they touch are encoded again. The bytes are the
    same as a build from scratch (tests/test_search.py checks it); a one-shot build never hits."""

    __slots__ = ("docs", "postings", "encoded", "assign", "split", "t_files", "d_files", "file_digests", "sizes",
                 "members", "facets", "given", "rank", "keys", "digests", "sealed", "fresh", "tail_files", "tail_items")

    def __init__(self) -> None:
        self.keys = self.digests = self.tail_items = None     # (made when they can be; the rest by _build)


_LAST: dict[int, _Index] = {}


def forget() -> None:
    """Drop the index's working state this process holds (``_LAST``), which belongs to the site,
    and the cache, of the calls that made it: a one-shot build resumes from its store instead, and
    ssg watch forgets it when it starts over (another config, output or cache folder, or a
    discarded cache). Builds of two sites in one process (-j 1 runs the index in it), resumed from
    the other site's state whose docs had the same names, asked this one's cache for its terms."""
    _LAST.clear()


def _terms(doc: dict) -> str:
    return doc["terms"] if "terms" in doc else analyse(doc)


def _fetched(docs, fetch) -> dict[str, str]:
    """The terms of the docs that carry only a ``terms_digest`` (the planner's docs: the terms live
    in the cache), by digest, in one ``fetch``."""
    wanted = {d["terms_digest"] for d in docs if "terms" not in d and "terms_digest" in d}
    if not wanted:
        return {}
    if fetch is None:
        raise ValueError("search docs carry terms digests but no fetch was given")
    return fetch(sorted(wanted))


def _fill(docs, fetch) -> None:
    """Put ``terms`` into the docs that carry only a ``terms_digest``."""
    found = _fetched(docs, fetch)
    for d in docs:
        if "terms" not in d and "terms_digest" in d:
            d["terms"] = found[d["terms_digest"]]


FETCH_DOCS = 4096          # a build from scratch fetches the docs' terms this many docs at a time


def _shard_views(docs: list[dict], docs_per_shard: int, keep: bool, track: bool = False,
                 stored: _Index | None = None, fetch=None) -> dict[str, dict]:
    """``keep``: hold the working state for the next call in this process (ssg watch, or
    ``save_index``); a one-shot build without a store passes False, so the postings are freed
    before rendering starts."""
    given = docs
    last = _LAST.pop(docs_per_shard, None)
    state = None
    if last is not None and len(last.given) == len(given):
        # The docs that are not last call's objects; when none moved (same key, same date), the
        # order is last call's with them put in, and only they are compared.
        moved = list(itertools.compress(itertools.count(), map(operator.is_not, given, last.given)))
        if all(given[i]["key"] == last.given[i]["key"] and given[i].get("date") == last.given[i].get("date") for i in moved):
            docs = list(last.docs)
            digests = None if last.digests is None else list(last.digests)    # (the keys stay)
            for i in moved:
                docs[last.rank[i]] = given[i]
                if digests is not None:
                    digests[last.rank[i]] = doc_digest(given[i])
            state = _update(last, docs, docs_per_shard, sorted(last.rank[i] for i in moved), fetch)
            state.given, state.rank, state.digests = list(given), last.rank, digests
    if state is None:
        order = [(d.get("date") or "", d["key"]) for d in given]
        ranked = sorted(range(len(given)), key=order.__getitem__)      # oldest first
        docs = [given[i] for i in ranked]
        keys = [order[i][1] for i in ranked]
        same = last is not None and len(last.docs) == len(docs) and \
            (last.keys if last.keys is not None else [d["key"] for d in last.docs]) == keys
        digests = None
        if same:
            state = _update(last, docs, docs_per_shard, fetch=fetch)
        else:
            # other docs than last call's (ssg watch: an article removed or inserted) or than the
            # saved state's (a one-shot build): resumed from either when that is cheaper
            base = stored if stored is not None and track else _held(last)
            digests = list(map(doc_digest, docs)) if base is not None or track else None
            state = (_resume(base, docs, digests, docs_per_shard, fetch, keys)
                     if base is not None else None) or _build(docs, docs_per_shard, fetch, keep_terms=not track)
        state.digests = digests
        state.given, state.rank = list(given), [0] * len(given)      # a copy: the caller may change its list
        for position, i in enumerate(ranked):
            state.rank[i] = position
        state.keys = keys
    if track and state.digests is None:         # (the keys are kept on every path)
        state.digests = list(map(doc_digest, state.docs))
    if keep:
        _LAST[docs_per_shard] = state
    return _files(state, docs_per_shard)


def _build(docs: list[dict], docs_per_shard: int, fetch=None, *, keep_terms: bool = True) -> _Index:
    """The terms are fetched ``FETCH_DOCS`` docs at a time. ``keep_terms``: put them into the docs,
    for the next call in this process (ssg watch compares an edited doc's old terms with its new
    ones). A one-shot build's state is resumed from its postings instead (``_stored_terms``): it
    drops them, so the index's process never holds them all (~210 MB of strings at 100k articles,
    beside the postings being built)."""
    state = _Index()
    state.docs = docs
    state.file_digests = {}
    state.postings = postings = defaultdict(functools.partial(array, "I"))   # 4 bytes an entry, not a list's ~36
    for start in range(0, len(docs), FETCH_DOCS):
        part = docs[start: start + FETCH_DOCS]
        found = _fetched(part, fetch)
        for i, doc in enumerate(part, start):
            if "terms" in doc or "terms_digest" not in doc:
                terms = _terms(doc)
            else:
                terms = found[doc["terms_digest"]]
                if keep_terms:
                    doc["terms"] = terms
            for weight, group in enumerate(terms.split("|"), 1):
                value = i << 2 | weight
                for term in group.split():
                    postings[term].append(value)
        del found
    state.sealed, state.fresh = _sealed(len(docs)), _fresh(len(docs))
    _encode(state, set(), None)
    _assign(state, set(state.encoded), force=True)
    state.tail_files = _tail_files(state)
    state.facets = _facets(docs)
    state.d_files = _doc_files(docs, docs_per_shard, range(0, len(docs), docs_per_shard), state.facets)
    return state


def _update(state: _Index, docs: list[dict], docs_per_shard: int, candidates: list[int] | None = None,
            fetch=None, *, touched: set[str] = frozenset(), moved_from: int | None = None) -> _Index:
    """``candidates``: the only positions whose doc may differ (default: all). ``touched``: terms
    whose postings ``_renumber`` moved already; ``moved_from``: the first doc number it moved (the
    doc records from its block on are made again, and the facets)."""
    old_docs, state.docs = state.docs, docs
    if candidates is None:
        changed = [i for i, (a, b) in enumerate(zip(old_docs, docs)) if a is not b and a != b]
    else:
        changed = [i for i in candidates if old_docs[i] != docs[i]]
    _fill([old_docs[i] for i in changed] + [docs[i] for i in changed], fetch)
    sealed = _sealed(len(docs))
    main = set(touched) if moved_from is not None and moved_from < sealed else set()   # their sealed part moved
    touched = set(touched)
    for i in changed:
        old, new = _terms(old_docs[i]), _terms(docs[i])
        if old == new:
            continue
        old_pairs = {(term, weight) for weight, group in enumerate(old.split("|"), 1) for term in group.split()}
        new_pairs = {(term, weight) for weight, group in enumerate(new.split("|"), 1) for term in group.split()}
        terms = {term for term, _ in old_pairs ^ new_pairs}     # only the terms that came, went or changed weight
        for term, weight in old_pairs - new_pairs:
            state.postings[term].remove(i << 2 | weight)
        for term, weight in new_pairs - old_pairs:
            insort(state.postings[term], i << 2 | weight)
        touched |= terms
        if i < sealed:
            main |= terms
    resealed = sealed != state.sealed       # the tail was sealed into the shards (or a removal took docs back out)
    refreshed = _fresh(len(docs)) != state.fresh      # the fresh docs went into the tail files (or came back)
    state.sealed, state.fresh = sealed, _fresh(len(docs))
    _encode(state, touched, None if resealed else main)
    _assign(state, set(state.encoded) if resealed else main, force=resealed)
    if resealed or refreshed or moved_from is not None:
        state.tail_files = _tail_files(state)
    elif any(i >= sealed for i in changed):
        state.tail_files = _tail_files(state, touched)
    starts = {i - i % docs_per_shard for i in changed}
    if moved_from is not None:
        starts.update(range(moved_from - moved_from % docs_per_shard, len(docs), docs_per_shard))
        ends = {f"{DIR}d/{n // docs_per_shard}.json" for n in range(0, len(docs), docs_per_shard)}
        state.d_files = {path: view for path, view in state.d_files.items() if path in ends}   # fewer docs: fewer blocks
    refaceted = [i for i in changed if any(old_docs[i].get(f) != docs[i].get(f) for f in ("section", "source", "date"))]
    if moved_from is not None or refaceted:
        sections, sources = list(state.facets.sections), list(state.facets.sources)
        appended = moved_from is None and all(i >= state.facets.count for i in refaceted)     # new docs, the newest
        state.facets = _facets(docs, state.facets if appended else None)
        if state.facets.sections[:len(sections)] != sections or state.facets.sources[:len(sources)] != sources:
            starts = range(0, len(docs), docs_per_shard)   # facet numbering moved: every record may change
    state.d_files.update(_doc_files(docs, docs_per_shard, sorted(starts), state.facets))
    return state


def _assign(state: _Index, touched: set[str], *, force: bool) -> None:
    """Shard assignment from the sizes; shards holding a touched term (or all, if a term moved to
    another shard) re-encoded. After an edit only the first-character groups of the touched terms
    are decided again: the others cannot change (``_split_keys`` decides each group on its own)."""
    if force:
        state.sizes = {t: len(b) + len(t.encode()) + 4 for t, b in state.encoded.items()}
        state.members = {g: set(ts) for g, ts in _groups(state.sizes).items()}
        state.assign, state.split = _split_keys(state.sizes)
        keys = set(state.assign.values())
        state.t_files = {}
    else:
        keys = _reassign(state, touched)
    assign = state.assign
    members_of: dict[str, list[str]] = defaultdict(list)
    for g in {k[:KEY_CHARS] for k in keys}:
        for term in state.members.get(g, ()):
            if assign[term] in keys:
                members_of[assign[term]].append(term)
    cut = state.sealed << 2          # a term's df in a shard: its sealed postings
    for key in keys:
        path = f"{DIR}t/{key_hex(key)}.bin"
        if key in members_of:
            items = [(t, state.encoded[t], bisect_left(state.postings[t], cut)) for t in sorted(members_of[key])]
            state.t_files[path] = _view(_shard_bytes(key, items))
        else:
            state.t_files.pop(path, None)


def _reassign(state: _Index, touched: set[str]) -> set[str]:
    """Decide the touched terms' groups again; -> the shard keys to encode again."""
    before = {t: state.assign[t] for t in touched if t in state.assign}
    for t in touched:
        group = state.members.setdefault(t[:KEY_CHARS], set())
        if t in state.encoded:
            state.sizes[t] = len(state.encoded[t]) + len(t.encode()) + 4
            group.add(t)
        else:
            state.sizes.pop(t, None)
            group.discard(t)
            state.assign.pop(t, None)
    regroup = {t[:KEY_CHARS] for t in touched}
    split = [k for k in state.split if k[:KEY_CHARS] not in regroup]
    moved = False
    for g in regroup:
        members = state.members.get(g)
        if not members:
            state.members.pop(g, None)
            continue
        part, group_split = _split_group(g, list(members), state.sizes)
        moved = moved or any(state.assign.get(t, k) != k for t, k in part.items() if t not in touched)
        state.assign.update(part)
        split += group_split
    state.split = sorted(split)
    if moved:                           # a term no edit touched changed shard: encode them all again
        state.t_files = {}
        return set(state.assign.values())
    return {state.assign[t] for t in touched if t in state.assign} | set(before.values())


def _doc_files(docs: list[dict], docs_per_shard: int, starts, facets: _Facets) -> dict[str, dict]:
    section_ix = {name: i for i, name in enumerate(facets.sections)}
    source_ix = {name: i for i, name in enumerate(facets.sources)}
    return {f"{DIR}d/{n // docs_per_shard}.json": _view(_json([_record(d, section_ix, source_ix) for d in docs[n: n + docs_per_shard]]))
            for n in starts}


class _Facets(NamedTuple):
    sections: list[str]                 # names numbered in order of first appearance
    sources: list[str]
    years: dict[int, list[int]]         # year -> [first, last] doc
    files: dict[str, dict]              # the facet files' views
    ids: dict[str, list[int]]           # facet file name -> its doc ids
    count: int                          # the docs they cover


def _facets(docs: list[dict], last: _Facets | None = None) -> _Facets:
    """The facets of ``docs``. A function of each doc's section, source and date only
    (ssg watch recomputes it when one of those changed). ``last``: the facets of the docs before
    its count, which are ``docs``' first ones unchanged (new docs appended, the newest): only the
    docs after them are looked at, and only the files of the facets they join are made again.
    ``last``'s lists and dicts are extended in place (a caller that compares keeps copies)."""
    if last is None:
        sections, sources, years, files, ids, start = [], [], {}, {}, defaultdict(list), 0
    else:
        sections, sources, years, files, ids, start = last
    section_ix = {name: i for i, name in enumerate(sections)}
    source_ix = {name: i for i, name in enumerate(sources)}
    touched = set()
    for i in range(start, len(docs)):
        doc = docs[i]
        for field, names, index, prefix in (("section", sections, section_ix, "section-"), ("source", sources, source_ix, "source-")):
            value = doc.get(field)
            if value:
                if value not in index:   # names numbered in order of first appearance (oldest doc first): a new
                    # name appends, so the doc records and facet files of older docs keep their numbers
                    index[value] = len(names)
                    names.append(value)
                name = f"{prefix}{index[value]}"
                ids[name].append(i)
                touched.add(name)
        if doc.get("date"):
            span = years.setdefault(int(doc["date"][:4]), [i, i])
            span[1] = i
    for name in touched:
        found = ids[name]
        files[f"{DIR}f/{name}.bin"] = _view(varints([found[0]] + [b - a for a, b in zip(found, found[1:])]))
    return _Facets(sections, sources, years, files, ids, len(docs))


def _files(state: _Index, docs_per_shard: int) -> dict[str, dict]:
    docs = state.docs
    sections, sources, years, facet_files = state.facets.sections, state.facets.sources, state.facets.years, state.facets.files
    files: dict[str, dict] = dict(state.t_files)
    files.update(state.tail_files)
    files.update(facet_files)
    files.update(state.d_files)
    h = hashlib.blake2b(digest_size=6)
    seen = state.file_digests
    state.file_digests = {}
    for path, view in sorted(files.items()):
        known = seen.get(path)
        if known is None or known[0] is not view:        # watch: only the files that changed are hashed again
            known = (view, hashlib.blake2b(f"{path}\x00{view.get('b64') or view.get('text')}".encode(), digest_size=16).digest())
        state.file_digests[path] = known
        h.update(known[1])
    manifest = {
        "format": FORMAT, "v": h.hexdigest(), "count": len(docs), "docs_per_shard": docs_per_shard,
        "sections": sections, "sources": sources, "years": [[y, lo, hi] for y, (lo, hi) in sorted(years.items())],
        "keys": " ".join(sorted(set(state.assign.values()))), "split": " ".join(state.split), "key_chars": KEY_CHARS,
        "tail": {"from": state.sealed, "shards": TAIL_SHARDS, "fresh": state.fresh,
                 "keys": [int(p.rsplit("-", 1)[1][:-4]) for p in state.tail_files if p != f"{DIR}{FRESH}"],
                 "fresh_file": f"{DIR}{FRESH}" in state.tail_files},
        "prefix_shards": PREFIX_SHARDS, "stop": sorted(STOP), "prefixes": list(PREFIXES), "suffixes": list(SUFFIXES),
        "proclitics": PROCLITICS,
    }
    files[f"{DIR}manifest.json"] = _view(_json(manifest))
    return dict(sorted(files.items()))


def _record(doc: dict, section_ix: dict, source_ix: dict) -> list:
    excerpt = doc.get("summary") or re.sub(r"\s+", " ", doc.get("text") or "").strip()[:220]
    date_text = doc.get("date_text") or (doc.get("date") or "")[:10]
    record = [doc.get("title") or "", doc["url"], date_text, section_ix.get(doc.get("section"), -1),
              source_ix.get(doc.get("source"), -1), excerpt]
    return record + [doc["lang"]] if doc.get("lang") else record


def render_shard(view: dict) -> bytes:
    if "spool" in view:
        with open(view["spool"], "rb") as f:
            f.seek(view["at"])
            return f.read(view["size"])
    if "b64" in view:
        return base64.b64decode(view["b64"])
    return view["text"].encode("utf-8")


def search_doc(card: dict, text: str | None = None, *, terms: str | None = None, terms_digest: str | None = None) -> dict:
    """A planner card (plan.card_view) plus the body's plain text, or its ``analyse`` terms, or
    the digest under which ``fetch`` finds those terms (``shard_views``) -> a doc."""
    term = card.get("section") or card.get("category")
    doc = {
        "key": card["key"], "url": card["url"], "title": card["title"], "date": card.get("date"),
        "date_text": card.get("date_text"), "section": term["name"] if term else None,
        "source": card["source"]["name"] if card.get("source") else None,
        "author": card["author"]["name"] if card.get("author") else None,
        "tags": [t["name"] for t in card.get("tags") or () if t], "summary": card.get("summary") or "",
    }
    if terms is not None:
        doc["terms"] = terms
    elif terms_digest:
        doc["terms_digest"] = terms_digest
    else:
        doc["text"] = text or ""
    return doc


# --------------------------------------------------------------------------- a Python reader (tests, bench)

def read_index(files: dict[str, bytes]) -> "Index":
    return Index(files)


def _read_varints(data: bytes, pos: int = 0, end: int | None = None):
    end = len(data) if end is None else end
    value = shift = 0
    while pos < end:
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            yield value
            value = shift = 0


class Index:
    """The same lookup the browser does, over {path: bytes}; used by the recall tests."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.manifest = json.loads(files[f"{DIR}manifest.json"])
        self.split = set(self.manifest["split"].split())
        self.keys = set(self.manifest["keys"].split())

    def shard_key(self, term: str) -> str:
        key = term[: self.manifest["key_chars"]]
        while key in self.split and len(term) > len(key):
            child = term[: len(key) + 1]
            if child not in self.keys and child not in self.split:
                break
            key = child
        return key

    def shard(self, key: str) -> dict[str, list[tuple[int, int]]]:
        if key not in self.keys:
            return {}
        return _parse_shard(self.files[f"{DIR}t/{key_hex(key)}.bin"], key)

    def tail(self, word: str) -> dict[str, list[tuple[int, int]]]:
        """The tail file that holds the word (and every term starting with it)."""
        tail = self.manifest["tail"]
        b = tail_bucket(word, tail["shards"])
        return _parse_shard(self.files[f"{DIR}t/tail-{b}.bin"], "") if b in tail["keys"] else {}

    def fresh(self) -> dict[str, list[tuple[int, int]]]:
        """The fresh file: every term of the newest docs."""
        return _parse_shard(self.files[f"{DIR}{FRESH}"], "") if self.manifest["tail"]["fresh_file"] else {}

    def search(self, query: str, *, prefix: bool = True) -> list[int]:
        """AND of the query's terms (the last one as a prefix); ids by score, then newest."""
        words = terms(query)
        scores: dict[int, float] | None = None
        for n, word in enumerate(words):
            last = prefix and n == len(words) - 1
            found: dict[int, float] = {}
            for shard in (self._prefix_shards(word) if last else self.shard(self.shard_key(word)), self.tail(word), self.fresh()):
                hits = [e for t, e in shard.items() if t.startswith(word)] if last else [shard[word]] if word in shard else []
                for entries in hits:
                    for doc_id, w in entries:
                        found[doc_id] = max(found.get(doc_id, 0), w)
            scores = found if scores is None else {d: s + found[d] for d, s in scores.items() if d in found}
        return sorted(scores or {}, key=lambda d: (-scores[d], -d))

    def _prefix_shards(self, word: str) -> dict:
        key = self.shard_key(word)
        keys = [k for k in self.keys if k.startswith(key)] if key in self.split and len(word) <= len(key) else [key]
        if len(keys) > self.manifest["prefix_shards"]:
            keys = [key]
        merged: dict = {}
        for k in keys:
            merged.update(self.shard(k))
        return merged

    def record(self, doc_id: int) -> list:
        per = self.manifest["docs_per_shard"]
        return json.loads(self.files[f"{DIR}d/{doc_id // per}.json"])[doc_id % per]


def _parse_shard(data: bytes, key: str) -> dict[str, list[tuple[int, int]]]:
    """A postings shard (or a tail file, key "") -> term -> [(doc id, weight)]."""
    pos, head = 0, []
    n, pos = _one(data, pos)
    for _ in range(n):
        length, pos = _one(data, pos)
        suffix = data[pos: pos + length].decode()
        pos += length
        df, pos = _one(data, pos)
        size, pos = _one(data, pos)
        head.append((key + suffix, size))
    out = {}
    for term, size in head:
        doc_id, entries = 0, []
        for v in _read_varints(data, pos, pos + size):
            doc_id += v >> 2
            entries.append((doc_id, v & 3))
        out[term] = entries
        pos += size
    return out


def _one(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, pos
