"""site.toml [extract] parsing, sidecar overrides, records."""

import json
from pathlib import Path

import pytest

from ssg.extract import (
    ExtractError, ExtractOptions, Profile, apply_overrides, extract_bytes, parse_extract_options, parse_sidecar,
    to_record,
)

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extract"


def test_parse_full_table():
    opts = parse_extract_options(
        {
            "day_first": False,
            "encodings": {"anc/**": "cp1256"},
            "boilerplate": ["^Sponsored by .*"],
            "profiles": {
                "alweeam": {"site_names": ["صحيفة الوئام"], "ids": ["alweeam"],
                            "strip": ["\\s*رابط الخبر بصحيفة الوئام:.*$"]},
            },
            "dataset": {"source_names": {"alweeam": "صحيفة الوئام"}},
        },
        timezone="Asia/Riyadh",
    )
    assert opts.day_first is False and opts.timezone == "Asia/Riyadh"
    assert opts.encodings == (("anc/**", "cp1256"),)
    assert opts.profiles[0] == Profile(name="alweeam", site_names=("صحيفة الوئام",), ids=("alweeam",),
                                       strip=("\\s*رابط الخبر بصحيفة الوئام:.*$",))
    assert opts.dataset.source_names == (("alweeam", "صحيفة الوئام"),)
    hash(opts)
    assert opts.digest == parse_extract_options(
        {"day_first": False, "encodings": {"anc/**": "cp1256"}, "boilerplate": ["^Sponsored by .*"],
         "profiles": {"alweeam": {"site_names": ["صحيفة الوئام"], "ids": ["alweeam"],
                                  "strip": ["\\s*رابط الخبر بصحيفة الوئام:.*$"]}},
         "dataset": {"source_names": {"alweeam": "صحيفة الوئام"}}},
        timezone="Asia/Riyadh").digest
    assert opts.digest != ExtractOptions().digest


@pytest.mark.parametrize(
    "table, message",
    [
        ({"day_frist": True}, "unknown key 'day_frist' in [extract]; did you mean 'day_first'?"),
        ({"profiles": {"x": {"site_name": ["a"]}}}, "unknown key 'site_name' in [extract.profiles.x]; did you mean 'site_names'?"),
        ({"dataset": {"titel": "t"}}, "did you mean 'title'?"),
        ({"encoding": "no-such-codec"}, "unknown encoding"),
        ({"timezone": "Mars/Olympus"}, "unknown timezone"),
        ({"boilerplate": ["(unclosed"]}, "bad regular expression"),
    ],
)
def test_bad_tables_raise_one_line_value_error(table, message):
    with pytest.raises(ValueError) as err:
        parse_extract_options(table, timezone=None)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_sidecar_overrides_win_and_are_explained():
    r = extract_bytes((FIX / "en_page.txt").read_bytes(), rel_path="en_page.txt", options=ExtractOptions())
    meta = parse_sidecar((FIX / "en_page.meta.toml").read_bytes(), name="en_page.meta.toml")
    o = apply_overrides(r, meta | {"published": "2019-03-13T09:00:00+01:00", "slug": "x"}, origin="en_page.meta.toml")
    assert o.title == "Harbour city opens its new ferry terminal" and r.title != o.title
    assert o.category == "Local news" and o.tags == ("transport", "harbour")
    assert o.published.isoformat() == "2019-03-13T09:00:00+01:00"
    assert o.author == r.author  # untouched fields stay
    ev = to_record("en_page.txt", o)["evidence"]
    assert ev["title"]["rule"] == "override:en_page.meta.toml"
    assert ev["author"]["rule"] == "author:label"
    assert any("slug" in w for w in o.warnings)
    json.dumps(to_record("en_page.txt", o), ensure_ascii=False)


@pytest.mark.parametrize(
    "data, name, line",
    [(b'title = "x\n', "a.meta.toml", 1), (b'{"title": }', "a.meta.json", 1), (b"[1, 2]", "a.meta.json", None)],
)
def test_bad_sidecar(data, name, line):
    with pytest.raises(ExtractError) as err:
        parse_sidecar(data, name=name)
    assert err.value.code == "bad_sidecar" and err.value.line == line and name in err.value.message


def test_error_record_has_all_keys():
    rec = to_record("bad.txt", ExtractError("not_text", "binary data"))
    assert rec["error"] == {"code": "not_text", "message": "binary data", "line": None}
    assert rec["title"] is None and rec["paragraphs"] == []
