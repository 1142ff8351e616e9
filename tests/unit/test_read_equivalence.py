"""The read stage's shortcuts give exactly what the plain computations give.

``search.analyse`` takes each whitespace-separated word's terms from a per-word cache instead of
normalising and tokenising the joined text; ``extract.record._words`` splits on whitespace and
uses the regex only for words that are not all alphanumeric. Each is checked here against the
straightforward version it replaces, on every code point in context and on generated text.
"""
import html
import re
import sys
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssg import read, search
from ssg.extract.record import _words

WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
# Every assigned code point, and every 97th of the rest (unassigned and private-use ones behave alike).
CODE_POINTS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF
               and (unicodedata.category(chr(c)) not in ("Cn", "Co") or c % 97 == 0)]
# Words that put each character beside whitespace and beside what normalises by context: final
# sigma, hamza seats (و/ي + hamza above), combining marks (which NFKD reorders), tatweel.
WORDS = ("aΣ{c}", "{c}Σ", "و{c}", "\u0654{c}\u0301", "{c}ــς", "{c}")
ALPHABET = st.sampled_from(
    WHITESPACE + list("aAbΣσςΑİıI_.,،؛:-'\"#") + ["\u0301", "\u0654", "\u064e", "\u0640", "\u200c", "\u200f", "\u00ad",
                                                 "\ufeff", "\u0629", "\u0649", "\u06cc", "\u06a9", "\u0661", "\u06f5",
                                                 "\u0623", "\u0625", "\u0622", "\u0624", "\u0626", "\ufe70", "\u00a8",
                                                 "\u1e9e", "\u2160", "\uff21", "و", "ب", "ل", "ف", "ك", "ال", "في"])


def reference_terms(text: str) -> list[str]:
    return list(search._terms_of(text))


def word_terms(text: str) -> list[str]:
    return list(search._terms_of_words(text.split()))


def reference_analyse(doc: dict, body_words: int = search.BODY_WORDS) -> str:
    """``analyse`` before the per-word cache: the joined text normalised and tokenised at once.
    Each group in the order its terms first come: the body's, then (weight 2) the summary's,
    tags', section's, source's and author's before the body's frequent ones, and the title's."""
    words = (doc.get("text") or "").split(None, body_words)[:body_words]
    counts = Counter(search._terms_of(" ".join(words)))
    meta = " ".join([doc.get("summary") or "", doc.get("section") or "", doc.get("source") or "",
                     doc.get("author") or "", *(doc.get("tags") or ())])
    title = list(dict.fromkeys(search._terms_of(doc.get("title") or "")))
    frequent = [t for t, n in counts.items() if n >= 3]
    heavy = [t for t in dict.fromkeys([*search._terms_of(meta), *frequent]) if t not in title]
    light = [t for t in counts if t not in heavy and t not in title]
    return "|".join(" ".join(g) for g in (light, heavy, title))


def reference_normalise(text: str) -> str:
    """``normalise`` as it was: one ``str.replace`` per folded character, whatever the length."""
    text = search._HAMZA_SEAT.sub("\u0621", unicodedata.normalize("NFKD", text))
    marks, other_marks = search._mark_tables()
    text = marks.sub("", text)
    if search._BEYOND.search(text):
        text = text.translate(other_marks)
    for old, new in search._FOLD:
        if old in text:
            text = text.replace(old, new)
    return text.lower()


def reference_stem(word: str) -> str:
    if search._arabic(word):
        for p in search.PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 2:
                word = word[len(p):]
                break
        for s in search.SUFFIXES:
            if word.endswith(s) and len(word) - len(s) >= 2:
                word = word[: -len(s)]
        return word
    return search.stem.__wrapped__(word)


def reference_words(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip()


def _chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i: i + size]


def test_terms_of_a_text_are_the_terms_of_its_words_for_every_code_point():
    for n, chunk in enumerate(_chunks(CODE_POINTS, 2048)):
        sep = WHITESPACE[n % len(WHITESPACE)]
        text = sep.join(w.format(c=c) for c in chunk for w in WORDS)
        assert word_terms(text) == reference_terms(text), hex(ord(chunk[0]))


def test_every_whitespace_character_separates_words_the_same():
    special = [c for c in CODE_POINTS if unicodedata.category(c) not in ("Cn", "Co", "Cs", "Ll", "Lo", "Nd")
               or unicodedata.decomposition(c) or c.lower() != c]
    for sep in WHITESPACE:
        for chunk in _chunks(special, 4096):
            for template in ("Σ{c}{sep}{c}\u0301Σ", "و{c}{sep}\u0654{c}b"):
                text = " ".join(template.format(c=c, sep=sep) for c in chunk)
                assert word_terms(text) == reference_terms(text), (hex(ord(sep)), template)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=60).map("".join), st.lists(ALPHABET, max_size=20).map("".join),
       st.lists(ALPHABET, max_size=20).map("".join), st.integers(min_value=0, max_value=12))
def test_analyse_is_the_joined_text_analysis(text, title, summary, body_words):
    doc = {"text": text, "title": title, "summary": summary, "section": summary[:5], "tags": [title[:3], text[:4]]}
    expected = reference_analyse(doc, body_words)
    assert search.analyse(doc, body_words=body_words) == expected
    assert search.analyse(doc, body_words=body_words, words=text.split()) == expected


def test_analyse_on_news_text_and_a_full_word_cache(monkeypatch):
    text = ("أعلنت وزارة الصحة اليوم، في بيان رسمي، أن عدد الحالات ارتفع إلى ١٢٣ حالة. "
            "The ministry's statement (issued Monday) says cases rose; the ministers met. ") * 30
    doc = {"text": text, "title": "وزارة الصحة تعلن", "summary": "بيان", "source": "الوكالة", "author": "Desk",
           "tags": ["صحة", "أرقام"]}
    assert search.analyse(doc) == reference_analyse(doc)
    monkeypatch.setattr(search, "WORD_CACHE", 3)          # cleared again and again: the same result
    search._WORD_TERMS.clear()
    assert search.analyse(doc) == reference_analyse(doc)
    assert len(search._WORD_TERMS) <= 3
    search._WORD_TERMS.clear()


def test_words_is_the_regex_on_every_code_point():
    for n, chunk in enumerate(_chunks(CODE_POINTS, 4096)):
        sep = WHITESPACE[n % len(WHITESPACE)]
        for text in ("".join(chunk), sep.join(chunk), sep.join(f"a{c}b" for c in chunk), "_".join(chunk)):
            assert _words(text) == reference_words(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_words_is_the_regex(text):
    assert _words(text) == reference_words(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<p", "p>", "</", "<", ">", "x", "ع", "\n", "<h2>", "</h2>", "&amp;", "<b>"]),
                max_size=30).map("".join))
def test_paragraphs_are_the_regex(markup):
    assert read._paragraphs(markup) == re.findall(r"<p>(.*?)</p>", markup, re.S)
    for fragment in read._paragraphs(markup):
        assert read._plain(fragment) == " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_normalise_of_words_and_of_long_texts_is_as_it_was():
    for chunk in _chunks(CODE_POINTS, 1024):
        text = "".join(chunk)
        assert search.normalise(text) == reference_normalise(text)
        for i in range(0, len(chunk), 8):
            word = "".join(chunk[i: i + 8]) + "ةوٱ\u0654"
            assert search.normalise(word) == reference_normalise(word)
    fold = "".join(old for old, _ in search._FOLD) + "يؤئإأآ"
    for text in (fold, fold * 3, "ab" + fold[::-1], "و" + "\u0654" * 70):
        assert search.normalise(text) == reference_normalise(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=90).map("".join))
def test_normalise_is_as_it_was(text):
    assert search.normalise(text) == reference_normalise(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["و", "ب", "ك", "ف", "ل", "ا", "ه", "ي", "ن", "ت", "م", "ر", "s", "e", "i", "u", "a"]),
                min_size=1, max_size=9).map("".join))
def test_stem_is_as_it_was(word):
    assert search.stem.__wrapped__(word) == reference_stem(word)


def test_non_spacing_marks_are_every_mn_code_point():
    """The marks are looked for only in search.MARK_PLANES: those planes hold every Mn code point."""
    every = tuple(c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Mn")
    assert search._non_spacing_marks() == every
    assert any(c >= 0xE0000 for c in every) and any(0x10000 <= c < 0x20000 for c in every)
