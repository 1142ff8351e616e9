"""36 invented articles laid out as 36 different sites save them (Gulf, Egyptian, Levantine,
Maghreb, English and French pages: menus, mastheads, breadcrumbs, datelines, bylines with the
date, updates above the publication date, page titles with the site's name, comments, newsletter
boxes), each with the metadata a reader would give it (tests/fixtures/extract/layouts/*.expected.json,
written without looking at the extractor's rules). A stand-in for the held-out articles of other
sources: every field must come out as expected but the misses listed here, which are what the
extractor does not yet get right; a new miss is a regression."""

import json
from pathlib import Path

import pytest

from ssg.extract import ExtractOptions, extract_bytes

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "layouts"
FIELDS = ("title", "published", "category", "source", "author", "dek", "paragraphs_count")

KNOWN_MISSES = {
    # a brand name over a tagline with a site word ("X | يومية جزائرية مستقلة"), or only at the foot of the page
    ("ar04", "source"), ("ar05", "source"), ("ar20", "source"), ("ar21", "source"), ("ar23", "source"),
    ("ar05", "author"), ("ar05", "paragraphs_count"),          # a name alone under the headline ("ك. مراد")
    ("ar07", "category"),                                       # a section over a repeated headline
    ("ar16", "published"), ("ar16", "category"), ("ar16", "source"), ("ar16", "author"), ("ar16", "dek"),
    ("ar16", "paragraphs_count"),                               # a login bar, a decoy date, a breaking-news line above all
    ("ar21", "paragraphs_count"), ("ar23", "paragraphs_count"), ("en03", "paragraphs_count"), ("en10", "paragraphs_count"),
    ("en05", "title"), ("en05", "source"), ("en05", "author"), ("en05", "dek"),   # the headline only in the page title
    # "8:15 a.m. ET", "09:15 IST": a zone name that names several zones is not read (the date stays naive)
    ("en05", "published"), ("en08", "published"),
}


def _got(path: Path) -> dict:
    r = extract_bytes(path.read_bytes(), rel_path=path.name, options=ExtractOptions())
    return {"title": r.title, "published": r.published.isoformat() if r.published else None, "category": r.category,
            "source": r.source, "author": r.author, "dek": r.dek, "paragraphs_count": len(r.paragraphs)}


def _same(field: str, got, expected) -> bool:
    if field == "published" and expected:
        expected = expected.replace("Z", "+00:00")       # (aware when the page gives a zone, else naive)
    return got == expected


@pytest.mark.parametrize("path", sorted(LAYOUTS.glob("*.txt")), ids=lambda p: p.stem)
def test_each_layout_gives_the_expected_metadata_but_the_known_misses(path):
    expected = json.loads(path.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = _got(path)
    misses = {(path.stem, f) for f in FIELDS if not _same(f, got[f], expected[f])}
    new = misses - KNOWN_MISSES
    assert not new, {f: (expected[f], got[f]) for _, f in new}


def test_the_layouts_score():
    """The share of fields right, over all 36 files: all but the misses above. 228 of 252 when
    this test was written; 168 at 8b59ab5, when these files were first run (unseen by the rules),
    and 121 at f705806, before session 21's rules for other sites' layouts."""
    paths = sorted(LAYOUTS.glob("*.txt"))
    assert len(paths) == 36
    right = sum(_same(f, g[f], e[f]) for p in paths
                for g, e in [(_got(p), json.loads(p.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8")))]
                for f in FIELDS)
    assert right >= len(paths) * len(FIELDS) - len(KNOWN_MISSES)
