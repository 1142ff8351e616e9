"""The result of extracting one article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["Extraction"]

Evidence = tuple[str, str, "int | None", str]


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    title: str | None = None
    published: datetime | None = None
    published_precision: str | None = None  # "second" | "minute" | "day" | None
    hijri: str | None = None  # "YYYY-MM-DD" (Hijri calendar) when printed beside the date
    category: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None
    author: str | None = None
    agency: str | None = None
    dek: str | None = None
    subheadings: tuple[str, ...] = ()
    blocks: tuple[tuple[str, str], ...] = ()  # ("p", text) | ("h", subheading)
    language: str | None = None
    dir: str | None = None  # "rtl" | "ltr"
    encoding: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str, int | None, str], ...] = ()  # (field, rule, line, text)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(text for kind, text in self.blocks if kind == "p")
