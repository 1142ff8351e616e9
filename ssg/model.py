"""The values that cross stage boundaries. Frozen, picklable, no I/O.

Records refer to each other by key (``Article.key``), never by reference, so that
every value can be fingerprinted and sent to a worker process.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Any, Mapping

FROZEN = dict(frozen=True, slots=True, kw_only=True)


def frozen(cls):
    """``@dataclass(frozen=True, slots=True, kw_only=True)``, unpickled without calling
    ``dataclasses.fields()`` for every object: the generated ``__setstate__`` builds that tuple each
    time, this one sets the slots through their descriptors (the state is the same list of values,
    so older pickles read back). Unpickling the cached reads of 30,000 articles: 25-26 -> 17.5-19.4
    us each (4 alternated runs); a one-article build at 100k loads 100,000 of them."""
    cls = dataclass(**FROZEN)(cls)
    names = [f.name for f in fields(cls)]
    slots = tuple(cls.__dict__[name] for name in names)
    values = attrgetter(*names)

    def __getstate__(self):
        """The generated one's list of field values, without ``fields()`` per object (a read
        worker pickles each article's result: 39 -> 31 us an article)."""
        return list(values(self)) if len(names) > 1 else [values(self)]

    def __setstate__(self, state):
        for slot, value in zip(slots, state):
            slot.__set__(self, value)
    cls.__getstate__, cls.__setstate__ = __getstate__, __setstate__
    return cls


@frozen
class SourceFile:
    """One file under content/: the stat taken before reading, and the digest of the bytes read."""

    rel_path: str                 # POSIX path relative to content/
    stamp: str                    # "mtime_ns:size" of the file (and of its sidecar, if any)
    digest: str = ""              # blake2b of the bytes read ("" until read)
    sidecar: str | None = None    # NAME.meta.toml / NAME.meta.json beside it


@frozen
class Problem:
    """A content problem: skipped file or row (``error``) or a note about a kept one (``warning``)."""

    path: str
    message: str
    line: int | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@frozen
class Article:
    """A dated news article (or an undated one: ``date is None``), without its body.

    The body HTML lives in the cache under ``body_digest`` so that 100k bodies never
    sit in the parent's memory.
    """

    key: str                     # stable id: the source path, plus "#L<n>" for dataset rows
    source_path: str
    source_digest: str
    title: str
    date: datetime | None        # timezone-aware (site timezone applied when the text gave none)
    updated: datetime | None
    slug: str                    # wanted slug, before collision resolution (urls.py)
    language: str
    dir: str                     # "rtl" | "ltr"
    category: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None
    author: str | None = None
    agency: str | None = None
    dek: str | None = None
    summary: str = ""            # plain text, for listings and feeds
    hijri: str | None = None
    url_override: str | None = None  # an explicit permalink ("permalink" in front matter / sidecar)
    source_url: str | None = None    # where the article was first published, when known
    body_digest: str = ""
    text_fingerprint: str = ""   # normalised text hash, for duplicate detection
    word_count: int = 0
    draft: bool = False
    terms_digest: str = ""       # digest of search.analyse(...), the article's index terms: computed in the
                                 # read workers and kept in the cache (like the body), not in the article


@frozen
class ReadResult:
    """What read.py makes of one source file: articles (maybe many, for a dataset dump) and problems."""

    source: SourceFile
    articles: tuple[Article, ...] = ()
    bodies: tuple[tuple[str, str | bytes], ...] = ()   # (body_digest, html); packed by the read worker, moved to the cache by build.py
    terms: tuple[tuple[str, str | bytes], ...] = ()    # (terms_digest, search terms); the same way
    problems: tuple[Problem, ...] = ()


@frozen
class Term:
    """One term of a taxonomy (a category, a tag, a source, an author, a year or a month)."""

    taxonomy: str
    name: str
    slug: str
    url: str                     # site-relative, e.g. "category/سياسة/"
    article_keys: tuple[str, ...]  # newest first


# The taxonomies: name, Article field, URL prefix, plural title per language
SIDECAR_SUFFIXES = (".meta.toml", ".meta.json")   # a content file's overrides: x.txt -> x.meta.toml, else x.meta.json

TAXONOMIES = (
    ("category", "category", "category", {"ar": "التصنيفات", "en": "Categories"}),
    ("section", "section", "section", {"ar": "الأقسام", "en": "Sections"}),
    ("tags", "tags", "tag", {"ar": "الوسوم", "en": "Tags"}),
    ("source", "source", "source", {"ar": "المصادر", "en": "Sources"}),
    ("author", "author", "author", {"ar": "الكتّاب", "en": "Authors"}),
)
TAXONOMY_FIELDS = {name: field for name, field, _, _ in TAXONOMIES}     # taxonomy -> Article field


def term_names(value) -> tuple[str, ...]:
    """An article's terms in one taxonomy from its field's value: a tuple (tags), one name or none."""
    return value if isinstance(value, tuple) else (value,) if value else ()


@frozen
class Taxonomy:
    name: str                    # "category", "tags", "source", "author"
    title: str                   # shown to readers
    url: str                     # index of terms, e.g. "category/"
    terms: tuple[Term, ...]      # by name


@frozen
class Period:
    """A date archive bucket: a year, a month or a day."""

    year: int
    month: int | None
    day: int | None
    url: str
    article_keys: tuple[str, ...]


@frozen
class Site:
    """The whole archive as one value: articles newest first, keyed by ``key``."""

    articles: tuple[Article, ...]
    urls: Mapping[str, str]               # article key -> site-relative URL (collisions resolved)
    taxonomies: tuple[Taxonomy, ...]
    periods: tuple[Period, ...]           # years, months and days, oldest first
    duplicates: tuple[Problem, ...] = ()
    # ssg watch, when assemble patched the last site (no other article's URL moved): the keys of
    # the articles added, deleted or changed in shape since that site, whose URL map is ``since``
    moved: frozenset[str] | None = field(default=None, compare=False)
    since: Mapping[str, str] | None = field(default=None, compare=False)


@frozen
class RenderJob:
    """One output file: what renders it, the data its template sees, and the fingerprint of both."""

    output: str                           # relative to output/, e.g. "2021/09/slug/index.html"
    renderer: str                         # "html" | "rss" | "atom" | "json" | "text"
    template: str | None
    view: Mapping[str, Any] = field(default_factory=dict)   # plain data only; treated as read-only
    body_keys: tuple[str, ...] = ()       # body digests the renderer loads from the cache
    fingerprint: str = ""
    sources: tuple[str, ...] = ()         # article keys this output shows (for explain/watch)


@frozen
class WriteResult:
    output: str
    fingerprint: str
    written: bool                         # False when the bytes on disk were already identical
    size: int


@frozen
class BuildReport:
    articles: int
    pages: int                            # planned outputs
    feeds: int
    rendered: frozenset[str]              # outputs whose job ran in this build
    written: frozenset[str]               # outputs whose bytes changed
    removed: frozenset[str]
    problems: tuple[Problem, ...]
    timings: tuple[tuple[str, float], ...]
    output_bytes: int
    seconds: float
    sizes: tuple[tuple[str, int], ...] = ()   # past [build] size_warning_mb: output/'s bytes by kind of output, largest first

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    def summary(self) -> str:
        return (
            f"{self.articles} articles, {self.pages} pages, {self.feeds} feeds, "
            f"{len(self.rendered)} rendered, {len(self.written)} written, {len(self.removed)} removed, "
            f"{self.skipped} skipped files or rows, {self.warnings} warnings, {self.seconds:.2f} s"
        )
