"""Text helpers: the normalised matching copy of a line and the characters to strip.

Matching is done on a *folded* copy of each line that has exactly the same length
as the (NFC) line, so spans found by a regex on the folded copy can be cut from
the original characters: spaces of every kind -> ' ', zero-width and bidi marks
-> ' ', Arabic-Indic / Persian digits -> ASCII, alef/yeh/teh-marbuta variants ->
one letter.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = [
    "FOLD",
    "alternation",
    "MARKS",
    "STRIP",
    "char_refs",
    "clean",
    "fold",
    "fold_pattern",
    "is_blank_text",
    "nfc",
    "squash",
    "without_harakat",
]

# zero-width, bidi and BOM marks
MARKS = "\x00\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff\u2060\u00ad"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
STRIP = " \t\r\n\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u2028\u2029\x85" + MARKS

_fold_map: dict[int, str] = {}
for _c in _SPACES + MARKS:
    _fold_map[ord(_c)] = " "
for _i, _c in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _fold_map[ord(_c)] = str(_i)
for _i, _c in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _fold_map[ord(_c)] = str(_i)
for _c in "أإآٱ":
    _fold_map[ord(_c)] = "ا"
_fold_map[ord("ى")] = "ي"
_fold_map[ord("ة")] = "ه"
_fold_map[ord("ی")] = "ي"  # Persian yeh
_fold_map[ord("ک")] = "ك"  # Persian kaf
_fold_map[ord("٫")] = "."
_fold_map[ord("٬")] = ","
FOLD = _fold_map

_WS_RUN = re.compile(r"\s+")
_NOT_BLANK = re.compile("[^\\s" + MARKS + "]")


# An HTML character reference as a scraper leaves it in a page's text: "&quot;", "&nbsp;", "&#8220;", "&#x627;" (with its
# semicolon: "AT&T", "Q&A", "R&D" and "a=1&copy=2" are not references).
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _char_ref(m: re.Match) -> str:
    ref = m.group()
    c = html.unescape(ref)
    # (a name HTML does not know stays as written, and so does a control character: "&#10;" is no line's text)
    return ref if any(unicodedata.category(x) == "Cc" for x in c) else c


_CODE_SPAN = re.compile(r"(`[^`]*`)")


def char_refs(text: str) -> str:
    """The HTML character references left in a line of raw text decoded ("&quot;مهينة&quot;" -> '"مهينة"'; not in a
    code span, "`&nbsp;`", where they are written to be read as written)."""
    if "&" not in text or ";" not in text:
        return text
    if "`" in text:
        return "".join(x if i % 2 else _CHAR_REF.sub(_char_ref, x) for i, x in enumerate(_CODE_SPAN.split(text)))
    return _CHAR_REF.sub(_char_ref, text)


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


_FOLDABLE = re.compile("[" + re.escape("".join(map(chr, FOLD))) + "]")
_FOLD_CHAR = {chr(k): v for k, v in FOLD.items()}
_MARKS_RE = re.compile("[" + MARKS + "]")


def fold(text: str) -> str:
    """Same-length matching copy of ``text``.

    (A regex over the few foldable characters is ~4x faster than ``str.translate`` with a
    dict, which looks up every character of the text.)"""
    return _FOLDABLE.sub(lambda m: _FOLD_CHAR[m.group()], text)


_PATTERN_FOLD = {k: v for k, v in FOLD.items() if v != " "}
_PATTERN_FOLD[0x200C] = " "     # (a Persian word's zero-width non-joiner, "به‌روزرسانی", is a space in a folded line)


def fold_pattern(pattern: str) -> str:
    """Fold the Arabic letters of a regex written in natural spelling."""
    return pattern.translate(_PATTERN_FOLD)


def squash(text: str) -> str:
    """NFC, marks removed, whitespace runs folded to one space, trimmed (for comparing)."""
    return _WS_RUN.sub(" ", _MARKS_RE.sub("", nfc(text))).strip()


PARA_STRIP = STRIP.replace("\u202a", "").replace("\u202b", "").replace("\u202c", "").replace("\u202d", "").replace("\u202e", "").replace("\u2066", "").replace("\u2067", "").replace("\u2068", "").replace("\u2069", "")


def clean(text: str) -> str:
    """Trim whitespace (NBSP included), LRM/RLM, zero-width marks and BOM at both
    ends; inner characters are kept (bidi embeddings are kept: they pair up)."""
    return text.strip(PARA_STRIP)


def is_blank_text(text: str) -> bool:
    return _NOT_BLANK.search(text) is None


_HARAKAT = re.compile("[\u064b-\u065f\u0670]")   # Arabic short vowels, tanween, shadda, sukun, superscript alef
_MAY_MARK = "[\u064b-\u065f\u0670]*"             # after each Arabic letter of a word: "أيضًا" and "أيضاً" are one word


def without_harakat(text: str) -> str:
    """``text`` without its Arabic vowel marks ("رَمضان" -> "رمضان")."""
    return _HARAKAT.sub("", text)


_END = ""          # a trie node's key for "a word ends here"
_SPACE = " "       # the token of a run of spaces (matched by \s+)


def alternation(words) -> str:
    """A regex matching any of ``words`` (spaces match any run of whitespace, Arabic diacritics
    are optional wherever they stand; for patterns used with IGNORECASE), the longest first, written as a trie: "share|share this|sharing" ->
    "shar(?:e(?:\\s+this)?|ing)". The engine then follows one branch a character instead of trying
    each of ~100 words in turn at every place it looks (the rule tables and the month names)."""
    trie: dict = {}
    for word in {_HARAKAT.sub("", w).lower() for w in words}:
        node = trie
        for token in _SPACE.join(word.split()):
            node = node.setdefault(token, {})
        node[_END] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    branches = [(r"\s+" if token == _SPACE else re.escape(token) + _MAY_MARK if "\u0621" <= token <= "\u064a" else re.escape(token))
                + _emit(child) for token, child in sorted(node.items()) if token != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body        # (greedy: the longer word first)
