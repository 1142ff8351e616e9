"""60 invented articles laid out as 60 different sites save them (Gulf, Egyptian, Levantine,
Maghreb, English and French pages: menus, mastheads, breadcrumbs, datelines, bylines with the
date, updates above the publication date, page titles with the site's name, comments, newsletter
boxes, live pages, press releases), each with the metadata a reader would give it
(tests/fixtures/extract/layouts*/*.expected.json, two sets written by helpers without looking at
the extractor's rules). A stand-in for the held-out articles of other
sources: every field must come out as expected but the misses listed here, which are what the
extractor does not yet get right; a new miss is a regression."""

import json
from pathlib import Path

import pytest

from ssg.extract import ExtractOptions, extract_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
LAYOUTS = [FIXTURES / "layouts", FIXTURES / "layouts2"]
PATHS = sorted(p for folder in LAYOUTS for p in folder.glob("*.txt"))
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
    ("en05", "published"), ("en08", "published"), ("en05_press_release_et", "published"),
    # the second set (24 pages), as first run (unseen by the rules: 113 of 168 right), after its rules
    ("ar01_sd_portal_dateline", "author"), ("ar03_iq_indic_waa_comments", "author"),   # a dateline credit under the date
    ("ar02_ly_kicker_colon", "title"), ("ar02_ly_kicker_colon", "dek"),                 # a kicker above the headline
    ("ar02_ly_kicker_colon", "source"), ("ar16_ly_wordpress_bywasita", "source"),       # a brand over its tagline / in the footer
    ("ar13_ps_agency_levantine_hijri", "published"),                                   # the time on a line of its own
    ("en08_au_local_date_at_end", "category"),                                         # the masthead, not the section under it
    # body paragraphs: captions, a contact block, live-page timestamps, single-line paragraphs
    *((stem, "paragraphs_count") for stem in (
        "ar01_sd_portal_dateline", "ar03_iq_indic_waa_comments", "ar06_sa_regional_hijri_pm",
        "ar07_eg_local_readalso_hyphen_title", "ar11_sd_opinion_nodate",
        "ar12_iq_byline_before_title_ampm", "ar13_ps_agency_levantine_hijri", "ar16_ly_wordpress_bywasita",
        "en01_uk_regional_breadcrumb_dek", "en02_wire_on_portal_edt", "en03_university_news_subhead_contact",
        "en04_trade_pub_newsletter_box", "en06_liveblog_bst", "en07_us_local_no_blank_lines")),
}


def _got(path: Path) -> dict:
    r = extract_bytes(path.read_bytes(), rel_path=path.name, options=ExtractOptions())
    return {"title": r.title, "published": r.published.isoformat() if r.published else None, "category": r.category,
            "source": r.source, "author": r.author, "dek": r.dek, "paragraphs_count": len(r.paragraphs)}


def _same(field: str, got, expected) -> bool:
    if field == "published" and expected:
        expected = expected.replace("Z", "+00:00")       # (aware when the page gives a zone, else naive)
    return got == expected


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_each_layout_gives_the_expected_metadata_but_the_known_misses(path):
    expected = json.loads(path.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = _got(path)
    misses = {(path.stem, f) for f in FIELDS if not _same(f, got[f], expected[f])}
    new = misses - KNOWN_MISSES
    assert not new, {f: (expected[f], got[f]) for _, f in new}


def test_the_layouts_score():
    """The share of fields right over all 60 pages: all but the misses above. 228 of 252 and 145
    of 168 when this test was written; the first set: 168 at 8b59ab5, when it was first run, and
    121 at f705806, before session 21's rules for other sites' layouts; the second set: 113 when
    first run (at cae32ba, unseen by the rules; dates compared without their zone) and 60 at f705806."""
    assert len(PATHS) == 60
    right = sum(_same(f, g[f], e[f]) for p in PATHS
                for g, e in [(_got(p), json.loads(p.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8")))]
                for f in FIELDS)
    assert right >= len(PATHS) * len(FIELDS) - len(KNOWN_MISSES)
