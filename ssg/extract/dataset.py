"""Dataset dumps: one article per JSON line or CSV row, mapped by options.dataset."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import datetime
from types import SimpleNamespace
from typing import Container, Iterator

from .core import ArticleParts, _extract_lines, _profiles_for, _unescape
from .dates import compact_date, find_dates
from .decode import decode
from .errors import ExtractError
from .model import Extraction
from .options import ExtractOptions
from .text import fold

__all__ = ["dataset_rows", "extract_dataset", "extract_row", "safe_row"]

_TITLE_PREFIX = re.compile(
    r"^(?P<cat>عام|سياسي|اقتصادي|رياضي|ثقافي|اجتماعي|محلي|دولي|عربي|خليجي|تقني|صحي|علمي|أمني|عسكري)\s*/\s*(?P<rest>\S.*)$"
)


# A dump's field for each role when the mapping's name (``[extract.dataset]``, SaudiNewsNet's by
# default) is not in the row: the names scrapers and dataset builders commonly use, first match wins.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading", "subject", "العنوان", "عنوان", "name"),
    "content": ("content", "text", "body", "article", "article_body", "articleBody", "story", "full_text",
                "maintext", "النص", "المحتوى", "نص", "المقال"),
    "date": ("date_extracted", "date", "published", "published_at", "publish_date", "publication_date", "pub_date",
             "pubDate", "date_published", "datePublished", "published_date", "created_at", "datetime", "timestamp",
             "time", "التاريخ", "تاريخ_النشر", "تاريخ النشر"),
    "author": ("author", "authors", "byline", "writer", "creator", "الكاتب", "الكاتبة", "المؤلف", "الكتاب"),
    "source": ("source", "site", "publisher", "outlet", "newspaper", "site_name", "source_name", "source_domain",
               "المصدر", "الموقع", "الصحيفة", "الجريدة"),
    "url": ("url", "link", "href", "permalink", "source_url", "الرابط"),
    "category": ("category", "section", "category_name", "categories", "topic", "القسم", "التصنيف", "الفئة", "الباب"),
    "tags": ("tags", "keywords", "الوسوم", "الكلمات_المفتاحية", "كلمات"),
    "dek": ("dek", "summary", "description", "subtitle", "standfirst", "lead", "abstract", "الملخص", "الموجز"),
}


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name).lower()


_FIELD_KEYS = {role: tuple(map(_key, names)) for role, names in FIELD_NAMES.items()}


def _fields(row: dict, m) -> dict[str, str | None]:
    """Each role's field name in ``row``: the mapping's when the row has it, else a common name."""
    keys = {_key(k): k for k in row}
    found: dict[str, str | None] = {}
    for role in FIELD_NAMES:
        name = getattr(m, role)
        if name is None or name not in row:
            name = next((keys[k] for k in ((_key(name),) if name else ()) + _FIELD_KEYS[role]
                         if k in keys and keys[k] not in found.values()), None)
        found[role] = name
    return found


def _field(row: dict, name: str | None):
    if not name:
        return None
    value = row.get(name)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _texts(value) -> list[str] | None:
    """A field given as a list of strings (authors, paragraphs, categories), else None."""
    return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


def extract_row(row: dict, *, options: ExtractOptions, rel_path: str = "", line: int | None = None) -> Extraction:
    """One mapped dataset row -> Extraction (raises ExtractError empty_input/bad_row)."""
    mapping = options.dataset
    if mapping is None:
        from .options import DatasetMapping

        mapping = DatasetMapping()
    m = SimpleNamespace(**_fields(row, mapping))
    m.source_names = mapping.source_names
    title = _field(row, m.title)
    content = _field(row, m.content)
    if _texts(content) is not None:
        content = "\n\n".join(content)      # paragraphs given as a list (any other list is a bad row below)
    for name, value in ((m.title, title), (m.content, content)):    # (the row's own field name)
        if value is not None and not isinstance(value, str):
            raise ExtractError("bad_row", f"field '{name}' is not text", line=line)
    source_id = _field(row, m.source)
    url = _field(row, m.url)
    source_id = source_id if isinstance(source_id, str) else None
    url = url if isinstance(url, str) and url.strip() else None
    title = _unescape(title)
    has_body = bool(content and content.strip(" \t\r\n\u00a0\u200e\u200f"))
    if not title and not has_body:
        raise ExtractError("empty_input", "row has neither a title nor any text", line=line)
    profiles = _profiles_for(options, rel_path, url=url, source_id=source_id)
    parts = ArticleParts()
    parts.encoding = "utf-8"
    parts.url = url
    tzname = next((p.timezone for p in profiles if p.timezone), None) or options.timezone
    if title:
        tm = _TITLE_PREFIX.match(title)
        if tm:
            parts.set("category", tm.group("cat"), "category:title-prefix", None, text=title)
            title = tm.group("rest").strip()
        parts.set("title", title, f"title:field:{m.title}", None, text=title)
    else:
        parts.warnings.append("no_title: the title field is empty")
    author = _field(row, m.author)
    if _texts(author) is not None:
        author = ", ".join(author)
    author = _unescape(author) if isinstance(author, str) else None
    if author:
        parts.set("author", author, f"author:field:{m.author}", None, text=author)
    names = dict(m.source_names)
    if source_id:
        printed = names.get(source_id) or next((p.source for p in profiles if p.source), None) or source_id
        parts.set("source", printed, f"source:field:{m.source}", None, text=source_id)
    date_value = _field(row, m.date)
    if isinstance(date_value, str) and date_value.strip():
        s = date_value.strip()
        value = None
        try:
            value = datetime.fromisoformat(s.replace("Z", "+00:00"))
            precision = "second" if s.count(":") >= 2 else ("minute" if ":" in s else "day")
            tz_given = value.tzinfo is not None
        except ValueError:
            hits = [h for h in find_dates(fold(s), day_first=options.day_first) if h.hijri is None]
            if hits:
                value, precision, tz_given = hits[0].value, hits[0].precision, hits[0].tz_given
        if value is not None:
            if value.tzinfo is None and tzname:
                from .core import _apply_tz

                value = _apply_tz(value, tz_given, tzname)
            parts.published, parts.precision, parts.tz_given = value, precision, tz_given
            parts.evidence.append(("published", f"published:field:{m.date}", None, s))
        else:
            parts.warnings.append(f"field '{m.date}' is not a date: {s[:40]!r}")
    if parts.published is None and url:
        ymd = compact_date(url)
        if ymd:
            parts.published, parts.precision = datetime(*ymd), "day"
            parts.evidence.append(("published", "published:url-path", None, url))
    cat = _field(row, m.category)
    if isinstance(cat, list):
        cat = (_texts(cat) or [None])[0]       # the first of several
    if isinstance(cat, str) and cat.strip():
        parts.set("category", cat.strip(), f"category:field:{m.category}", None, text=cat)
    if parts.category is None and url:
        for p in profiles:
            if p.category_from_url:
                cm = re.search(p.category_from_url, url)
                if cm and cm.group(1):
                    parts.set("category", cm.group(1), f"category:url:{p.name}", None, text=url)
                    break
    tags = _field(row, m.tags)
    if isinstance(tags, str):
        parts.tags.extend(t.strip() for t in re.split(r"[,،;|]", tags) if t.strip())
    elif isinstance(tags, list):
        parts.tags.extend(str(t).strip() for t in tags if str(t).strip())
    dek = _field(row, m.dek)
    if isinstance(dek, str):
        parts.set("dek", _unescape(dek), f"dek:field:{m.dek}", None, text=dek)
    if has_body:
        _extract_lines(content, parts, options, rel_path, profiles=profiles, body_only=True)
    else:
        parts.warnings.append("no_body: the text field is empty")
        from .core import _language

        _language(parts, profiles)
    return parts.freeze()


def extract_dataset(
    data: bytes, *, rel_path: str, fmt: str, options: ExtractOptions, part: tuple[int, int] | None = None
) -> Iterator[tuple[int, Extraction | ExtractError]]:
    """Yield (line or row number, Extraction | ExtractError) per article. A problem
    with the whole file is yielded once with number 0.

    ``part`` (k, n): only the rows of part k of n (a JSONL file's lines, a CSV file's records,
    dealt out in turn), so that n processes share a big file's rows; the whole file's problems
    come with part 0. The parts' rows, in line order, are the file's."""
    for lineno, _, row in dataset_rows(data, rel_path=rel_path, fmt=fmt, options=options, part=part):
        yield lineno, row if isinstance(row, ExtractError) else safe_row(row, options, rel_path, lineno)


def dataset_rows(
    data: bytes, *, rel_path: str, fmt: str, options: ExtractOptions, part: tuple[int, int] | None = None,
    known: Container[str] = frozenset(),
) -> Iterator[tuple[int, str, dict | ExtractError | None]]:
    """A dump's rows, not yet extracted: (line or row number, the row's digest, the row as a dict
    or the ExtractError of a line that is not one). The digest is the row's text (a CSV record's
    with its header's), so that a reader can tell a row it has read before: a row whose digest is
    in ``known`` is yielded as None, not even parsed. A problem with the whole file comes once,
    as (0, "", ExtractError). ``part`` as in ``extract_dataset``."""
    k, n = part or (0, 1)
    try:
        text, _enc = decode(data, rel_path=rel_path, options=options, rows=True)
    except ExtractError as exc:
        if k == 0:
            yield 0, "", exc
        return
    if fmt == "jsonl":
        # Lines end at "\n" only: str.splitlines also ends one at U+2028, U+0085, a form feed...,
        # which JSON allows raw inside a string (json.dumps(ensure_ascii=False) writes them so).
        for lineno, raw in enumerate(text.split("\n"), 1):
            if lineno % n != k or not raw.strip():
                continue
            digest = _digest(raw)
            if digest in known:
                yield lineno, digest, None
                continue
            try:
                row = json.loads(raw)
            except (json.JSONDecodeError, RecursionError) as exc:
                msg = getattr(exc, "msg", "nesting too deep")
                yield lineno, digest, ExtractError("bad_row", f"{rel_path}: invalid JSON ({msg})", line=lineno)
                continue
            if not isinstance(row, dict):
                yield lineno, digest, ExtractError("bad_row", f"{rel_path}: a JSON object was expected, got {type(row).__name__}", line=lineno)
                continue
            yield lineno, digest, row
    elif fmt == "csv":
        reader = csv.reader(io.StringIO(text, newline=""))
        header = None
        prev_end = 0
        record = -1                        # the record's number after the header, for its part
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                start = prev_end + 1
                prev_end = reader.line_num
                record += 1
                if record % n == k:
                    yield start, "", ExtractError("bad_row", f"{rel_path}: {exc}", line=start)
                continue
            start = prev_end + 1
            prev_end = reader.line_num
            if header is None:
                header = [h.strip().lstrip("\ufeff") for h in values]
                named = "\x1f".join(header) + "\x1e"
                continue
            record += 1
            if record % n != k:
                continue
            if not any(v.strip() for v in values):
                continue
            digest = _digest(named + "\x1f".join(values))
            if len(values) != len(header):
                yield start, digest, ExtractError("bad_row", f"{rel_path}: {len(values)} fields, the header has {len(header)}", line=start)
            elif digest in known:
                yield start, digest, None
            else:
                yield start, digest, dict(zip(header, values))
        if header is None and k == 0:
            yield 0, "", ExtractError("empty_input", f"{rel_path}: no CSV header row")
    else:
        raise ValueError(f"unknown dataset format {fmt!r} (jsonl or csv)")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def safe_row(row: dict, options: ExtractOptions, rel_path: str, lineno: int) -> Extraction | ExtractError:
    try:
        return extract_row(row, options=options, rel_path=rel_path, line=lineno)
    except ExtractError as exc:
        if exc.line is None:
            return ExtractError(exc.code, exc.message, line=lineno)
        return exc
