"""Bytes -> text: BOMs, forced encodings (per folder/file), UTF-8, a fast
Arabic/Latin single-byte heuristic and charset-normalizer as the fallback.

The decoded text is returned unchanged (line ends included); only a BOM is removed.
"""

from __future__ import annotations

import codecs
import re
from fnmatch import fnmatchcase

from .errors import ExtractError
from .options import ExtractOptions
from .text import is_blank_text

__all__ = ["decode", "canonical_encoding", "forced_encoding"]

_ALIASES = {
    "utf8": "utf-8", "utf-8": "utf-8", "utf_8": "utf-8", "u8": "utf-8",
    "utf-8-sig": "utf-8-sig", "utf_8_sig": "utf-8-sig", "utf8-sig": "utf-8-sig",
    "utf-16": "utf-16", "utf16": "utf-16", "utf_16": "utf-16",
    "utf-16-le": "utf-16-le", "utf_16_le": "utf-16-le", "utf-16le": "utf-16-le",
    "utf-16-be": "utf-16-be", "utf_16_be": "utf-16-be", "utf-16be": "utf-16-be",
    "cp1256": "windows-1256", "windows-1256": "windows-1256", "windows_1256": "windows-1256",
    "cp1252": "windows-1252", "windows-1252": "windows-1252", "windows_1252": "windows-1252",
    "iso-8859-6": "iso-8859-6", "iso8859-6": "iso-8859-6", "iso8859_6": "iso-8859-6", "arabic": "iso-8859-6",
    "latin-1": "iso-8859-1", "latin1": "iso-8859-1", "latin_1": "iso-8859-1", "iso-8859-1": "iso-8859-1",
    "iso8859-1": "iso-8859-1", "iso8859_1": "iso-8859-1", "ascii": "utf-8",
}

_HIGH = bytes(range(0x80, 0x100))
_ISOLATED = re.compile(rb"(?<![\x80-\xff])[\x80-\xff](?![\x80-\xff])")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]+")
_LATIN1_LETTER = re.compile("[\u00c0-\u00ff]+")
_COMMON_AR = re.compile("[\u0627\u0644\u064a\u0645\u0648\u0646\u0647\u0631\u062a\u0628\u0639\u0629]+")


def canonical_encoding(name: str) -> str:
    key = name.strip().lower().replace(" ", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        info = codecs.lookup(key)
    except LookupError:
        return key
    return _ALIASES.get(info.name, info.name)


def forced_encoding(rel_path: str, options: ExtractOptions) -> str | None:
    """The encoding forced for this file: the last matching (glob, encoding) wins,
    then ``options.encoding``."""
    path = rel_path.replace("\\", "/")
    found = None
    for pattern, enc in options.encodings:
        pat = pattern.replace("\\", "/")
        if fnmatchcase(path, pat) or fnmatchcase(path, pat.rstrip("/") + "/*") or (
            pat.endswith("/**") and path.startswith(pat[:-2])
        ) or (pat.startswith("**/") and fnmatchcase(path, pat[3:])):
            found = enc
    return found or options.encoding


def _check_text(text: str, encoding: str, rows: bool = False) -> tuple[str, str]:
    if not text or is_blank_text(text.replace("\x00", " ")):
        raise ExtractError("empty_input", "the file holds only whitespace, invisible marks or nothing")
    sample = text[:65536].rstrip("\x00")
    bad = len(_CONTROL.findall(sample)) if _CONTROL.search(sample) else 0
    if bad and (bad * 100 > len(sample) if rows else bad > 8 or bad * 200 > len(sample)):
        raise ExtractError("not_text", f"binary data: {bad} control characters in the first {len(sample)} characters")
    return text, encoding


def _py_codec(enc: str) -> str:
    return {"windows-1256": "cp1256", "windows-1252": "cp1252", "iso-8859-1": "latin-1"}.get(enc, enc)


def _arabic_score(text: str) -> float:
    """Share of the most frequent Arabic letters, minus Latin-1 letters (which a
    wrong Arabic code page produces in the middle of words)."""
    letters = sum(map(len, _ARABIC_LETTER.findall(text)))
    if not letters:
        return 0.0
    common = sum(map(len, _COMMON_AR.findall(text)))
    return (common - 2 * sum(map(len, _LATIN1_LETTER.findall(text)))) / letters


def _single_byte(data: bytes) -> tuple[str, str] | None:
    """Fast guess for non-UTF-8 text: Arabic single-byte vs Western single-byte."""
    sample = data[:20_000]
    high = len(sample) - len(sample.translate(None, _HIGH))
    if not high:
        return None
    in_runs = high - len(_ISOLATED.findall(sample))
    if in_runs >= 0.6 * high and high >= 16:
        # words of high bytes: an Arabic code page
        best = None
        for enc in ("windows-1256", "iso-8859-6"):
            try:
                text = data.decode(_py_codec(enc))
            except UnicodeDecodeError:
                continue
            score = _arabic_score(text[:1500])
            if best is None or score > best[0] + 0.02:
                best = (score, text, enc)
        if best is not None and best[0] >= 0.4:
            return best[1], best[2]
        return None
    if high * 20 <= len(sample) and in_runs <= 0.5 * high:
        # isolated accented letters / symbols in mostly ASCII text
        try:
            return data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "iso-8859-1"
    return None


def _detect(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _single_byte(data)
    if guess is not None:
        return guess
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency of the project
        from_bytes = None
    if from_bytes is not None:
        best = from_bytes(data[:262_144]).best()
        if best is not None and best.encoding:
            enc = canonical_encoding(best.encoding)
            try:
                return data.decode(_py_codec(enc)), enc
            except (UnicodeDecodeError, LookupError):
                pass
    raise ExtractError("not_text", "could not find a text encoding for these bytes")


def decode(data: bytes, *, rel_path: str = "", options: ExtractOptions, rows: bool = False) -> tuple[str, str]:
    """Decode a file. Returns (text, encoding name). Raises ExtractError. ``rows``: a dataset's,
    where a few stray NUL or control bytes (under 1%) are its rows' problems, not the file's."""
    if not data:
        raise ExtractError("empty_input", "the file is empty (0 bytes)")
    forced = forced_encoding(rel_path, options)
    if forced:
        enc = canonical_encoding(forced)
        payload = data
        if enc in ("utf-8", "utf-8-sig") and data.startswith(codecs.BOM_UTF8):
            enc, payload = "utf-8-sig", data[3:]
        try:
            text = payload.decode(_py_codec(enc) if enc != "utf-8-sig" else "utf-8")
        except (UnicodeDecodeError, LookupError) as exc:
            raise ExtractError("bad_encoding", f"not valid {enc} (forced by configuration): {exc}") from None
        if text.startswith("\ufeff"):
            text = text[1:]
        return _check_text(text, enc)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _check_text(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            raise ExtractError("bad_encoding", "UTF-8 byte-order mark but the bytes are not valid UTF-8") from None
    for bom, codec, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom):].decode(codec), name)
            except UnicodeDecodeError:
                if name == "utf-32":
                    continue
                raise ExtractError("bad_encoding", "UTF-16 byte-order mark but the bytes are not valid UTF-16") from None
    body = data.rstrip(b"\x00")  # NUL padding at the end of a file is not binary data
    if not body:
        raise ExtractError("empty_input", "the file holds only NUL bytes")
    head = body[:65536]
    nuls = head.count(0)
    if nuls:
        # UTF-16 without BOM: NULs on one side of nearly every ASCII character
        even = head[0::2].count(0)
        odd = head[1::2].count(0)
        if len(head) >= 8 and len(data) % 2 == 0 and max(even, odd) >= 0.3 * len(head) / 2 and min(even, odd) <= 0.02 * len(head):
            codec = "utf-16-le" if odd > even else "utf-16-be"
            try:
                return _check_text(data.decode(codec), codec)
            except UnicodeDecodeError:
                pass
        if not (rows and nuls * 100 < len(head)):
            raise ExtractError("not_text", f"binary data: {nuls} NUL bytes in the first {len(head)} bytes")
    text, enc = _detect(data)
    return _check_text(text, enc, rows)
