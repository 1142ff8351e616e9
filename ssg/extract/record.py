"""The ``inspect --json`` record and the duplicate fingerprint."""

from __future__ import annotations

import hashlib
import re

from .errors import ExtractError
from .model import Extraction
from .text import FOLD, MARKS, nfc

__all__ = ["RECORD_KEYS", "to_record", "text_fingerprint"]

RECORD_KEYS = (
    "path", "title", "published", "category", "section", "tags", "source", "author", "dek",
    "subheadings", "paragraphs", "language", "dir", "encoding", "warnings", "error", "evidence",
)
_FIELDS = ("title", "published", "category", "section", "tags", "source", "author", "dek", "subheadings",
           "paragraphs", "language", "dir", "encoding")


def to_record(path: str, result: Extraction | ExtractError) -> dict:
    """One JSON-ready object with exactly RECORD_KEYS (``published`` in ISO 8601)."""
    if isinstance(result, ExtractError):
        rec = {k: None for k in RECORD_KEYS}
        rec.update(path=path, tags=[], subheadings=[], paragraphs=[], warnings=[],
                   error={"code": result.code, "message": result.message, "line": result.line},
                   evidence={})
        return rec
    e = result
    evidence: dict[str, dict] = {}
    for field, rule, line, text in e.evidence:
        key = field if field in _FIELDS or field in ("hijri", "agency", "url") else field
        if key in evidence and not rule.startswith(("override:", "profile:")):
            continue
        evidence[key] = {"rule": rule, "line": line, "text": text}
    return {
        "path": path,
        "title": e.title,
        "published": e.published.isoformat() if e.published is not None else None,
        "category": e.category,
        "section": e.section,
        "tags": list(e.tags),
        "source": e.source,
        "author": e.author,
        "dek": e.dek,
        "subheadings": list(e.subheadings),
        "paragraphs": list(e.paragraphs),
        "language": e.language,
        "dir": e.dir,
        "encoding": e.encoding,
        "warnings": list(e.warnings),
        "error": None,
        "evidence": evidence,
    }


_WORD = re.compile(r"[^\W_]+")
_FOLD_PAIRS = tuple((chr(k), v) for k, v in FOLD.items())


def _words(text: str) -> str:
    """``re.sub(r"[\\W_]+", " ", text).strip()``: the runs of word characters but "_", one space apart.

    Whitespace is never a word character and ``[^\\W_]`` is ``str.isalnum`` (the same test in
    CPython), so a whitespace-separated word that is all alphanumeric (~87% of news words) is
    taken whole and only the others go through the regex: ~30% cheaper than one ``sub`` over
    the text, which tests every character in the regex engine."""
    out: list[str] = []
    for word in text.split():
        if word.isalnum():
            out.append(word)
        else:
            out += _WORD.findall(word)
    return " ".join(out)


def text_fingerprint(extraction: Extraction) -> str:
    """Hash of the normalised body text (NFC, folded letters/digits, case, punctuation
    and whitespace ignored). Equal fingerprints = duplicate articles. Falls back to the
    title when there is no body.

    The same text as ``fold(squash(body)).lower()`` word by word, made with one ``str.replace``
    per foldable character present: a whole body at once is ~5x faster than ``fold``'s per-match
    callback, which suits short lines."""
    body = "\n".join(t for _, t in extraction.blocks) or (extraction.title or "")
    norm = nfc(body)
    for mark in MARKS:
        if mark in norm:
            norm = norm.replace(mark, "")
    for char, folded in _FOLD_PAIRS:
        if char in norm:
            norm = norm.replace(char, folded)
    return hashlib.sha256(_words(norm.lower()).encode("utf-8")).hexdigest()
