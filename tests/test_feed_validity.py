"""Every feed a build writes, read as feed validators read it, not only as feedparser does: the
RELAX NG schema of RFC 4287 and the W3C Feed Validation Service's rules for Atom, the RSS 2.0
specification and the W3C validator's errors and warnings for RSS, a JSON Schema of JSON Feed 1.1
(tests/feed_checks.py says what each checks).

Two sites, each built once for the module, under a GitHub Pages subpath: an Arabic one with full
text in its feeds (the bundled sample content/, the golden site's content, the extractor's raw
layouts and dataset dumps in tests/fixtures/extract/, the small site of conftest.py, and EDGES:
links of every relative kind, a "<" and a "&" in a headline and a summary, a half-hour zone, a
1999 date), and an English one whose feeds carry summaries. Every term has all three formats.
The last test breaks a real feed in each way a check is there for, so no check passes by finding
nothing."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from tests import feed_checks
from tests.conftest import REPO, SMALL_SITE, build_site, write_txtar

BASE_URL = "https://example.github.io/archive/"

EDGES = """\
-- content/edge/links.md --
---
title: "Q&A: why a < b, and what AT&T said"
date: 2024-06-01T09:15:00+05:30
category: Edge cases
tags: [links]
author: Jane Roe
---
A summary that talks about `<script>` tags, a<b and AT&T.

Links of every kind: [a sibling](../other-story/), [a photo page](photo.html), [the root](/about/),
[a note](#note), [a query](?page=2), [protocol-relative](//cdn.example.org/x.png),
[absolute](https://example.org/x?a=1&b=2), [mail](mailto:editor@example.org).

![a picture](images/pic.jpg) ![rooted](/archive/images/pic.jpg)

<p>Raw HTML: <a href='/single-quoted/'>single</a> <img src=/unquoted.png alt=x>
<span style="color:red" onclick="x()">styled</span> <q cite="sources/1">quoted</q></p>

<script>alert(1)</script>
-- content/edge/old.md --
---
title: أقدم خبر في الأرشيف
date: 1999-12-31T23:30:00-03:00
category: Edge cases
---
خبر من القرن الماضي، في منطقة زمنية غربية.
"""

SITES = {
    "ar-full-text": ("""\
title = "أرشيف & <تجارب>"
description = "أرشيف تجريبي لأخبار المدينة"
base_url = "%s"
language = "ar"
timezone = "Asia/Riyadh"
paginate_by = 5
[feeds]
limit = 6
full_text = true
term_formats = ["rss", "atom", "json"]
""", ["content", "tests/golden/basic/site/content", "tests/fixtures/extract/*.txt", "tests/fixtures/extract/dump*"]),
    "en-summaries": ("""\
title = "An English archive"
base_url = "%s"
language = "en"
author = "The Desk"
[feeds]
limit = 5
term_formats = ["rss", "atom", "json"]
""", ["ssg/scaffold/content-en"]),
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, tuple[Path, object]]:
    built = {}
    for name, (toml, sources) in SITES.items():
        root = tmp_path_factory.mktemp(name)
        (root / "site.toml").write_text(toml % BASE_URL, encoding="utf-8")
        for i, source in enumerate(sources):
            target = root / "content" / f"{i}"
            if "*" in source:
                target.mkdir(parents=True)
                for path in REPO.glob(source):
                    shutil.copy(path, target)
            else:
                shutil.copytree(REPO / source, target)
        small = root / "small"
        write_txtar(small, SMALL_SITE)
        shutil.copytree(small / "content", root / "content" / "small")
        shutil.rmtree(small)
        write_txtar(root, EDGES)
        built[name] = (root / "output", build_site(root))
    return built


def feeds_of(out: Path) -> list[tuple[str, bytes, str]]:
    """(path in output/, bytes, the URL it is served at) of every feed file in output/."""
    return [(p.relative_to(out).as_posix(), p.read_bytes(), BASE_URL + quote(p.relative_to(out).as_posix()))
            for p in sorted(out.rglob("*")) if p.name in feed_checks.CHECKS and p.is_file()]


@pytest.mark.parametrize("name", SITES)
def test_every_feed_written_is_checked(sites, name):
    out, report = sites[name]
    found = feeds_of(out)
    written = {p for p in report.rendered if p.endswith(tuple(feed_checks.CHECKS))}
    assert {path for path, _, _ in found} == written and len(found) == len(written) == report.feeds
    kinds = {(path.split("/")[0] if "/" in path else "site", path.rsplit("/", 1)[-1]) for path, _, _ in found}
    places = {place for place, _ in kinds}
    assert places >= {"site", "category", "tag", "author", "source"}
    assert kinds == {(place, f) for place in places for f in feed_checks.CHECKS}          # each in all three formats


@pytest.mark.parametrize("name", SITES)
@pytest.mark.parametrize("kind", ["atom.xml", "feed.xml", "feed.json"])
def test_feeds_pass_the_validators_checks(sites, name, kind):
    out, _ = sites[name]
    check = feed_checks.CHECKS[kind]
    problems = {path: found for path, data, url in feeds_of(out) if path.endswith(kind) and (found := check(data, url))}
    assert not problems, "\n".join(f"{path}: {p}" for path, found in problems.items() for p in found[:5])


@pytest.mark.parametrize("name", SITES)
def test_the_edge_cases_are_in_the_feeds_checked(sites, name):
    """The edge cases reach the feeds (so the checks above saw them), made right."""
    out, _ = sites[name]
    rss = (out / "author/jane-roe/feed.xml").read_text(encoding="utf-8")
    page = BASE_URL + "2024/06/q-a-why-a-b-and-what-at-t-said/"
    assert f"<link>{page}</link>" in rss
    assert "&amp;lt;script&amp;gt; tags, a&amp;lt;b and AT&amp;amp;T." in rss          # the summary, text as HTML
    if name == "ar-full-text":
        for url in ("../other-story/", "photo.html", "#note", "?page=2", "images/pic.jpg", "sources/1"):
            assert f'"{page.rsplit("/", 2)[0]}/' in rss and f'="{url}"' not in rss
        assert f'href="{page}photo.html"' in rss and 'href="https://example.github.io/single-quoted/"' in rss
        assert 'src="https://cdn.example.org/x.png"' not in rss and 'href="https://cdn.example.org/x.png"' in rss
    old = (out / "category/edge-cases/feed.xml").read_text(encoding="utf-8")
    assert "<pubDate>Fri, 31 Dec 1999 23:30:00 -0300</pubDate>" in old and "+0530</pubDate>" in old


# One real feed of each format broken in each way a check looks for: (format, pattern, replacement
# (a function of the match, or a string for re.sub), what the problem found says)
BREAKS = [
    # Atom: the schema, then the checks beyond it
    ("atom.xml", r"<id>[^<]*</id>(?=<title>)", "", "RELAX NG"),
    ("atom.xml", r"<title>[^<]*</title>", lambda m: m.group(0) * 2, "RELAX NG"),
    ("atom.xml", r'xml:lang="ar"', 'xml:lang="ar_SA"', "RELAX NG"),
    ("atom.xml", r'xml:lang="ar"', 'xml:lang="xq"', "is not a language tag"),
    ("atom.xml", r"(<updated>[^<]*)\+03:00(</updated>)", r"\1\2", "not an RFC 3339 date-time"),
    ("atom.xml", r"<updated>\d{4}", "<updated>1970", "implausible date"),
    ("atom.xml", r"<id>https://example\.github\.io/archive/", "<id>", "is not an absolute IRI"),
    ("atom.xml", r'<link href="[^"]*" rel="self"/>', "", "0 rel=\"self\" links"),
    ("atom.xml", r'href="([^"]*)atom\.xml" rel="self"', r'href="\1feed.xml" rel="self"', "not the feed's URL"),
    ("atom.xml", r'<link href="([^"]*)" rel="alternate"/>', lambda m: m.group(0) * 2, "two rel=\"alternate\" links"),
    ("atom.xml", r"<author><name>[^<]*</name></author>", "", "neither has the feed"),
    ("atom.xml", r"(<content type=\"html\">)&lt;div", r'\1<div xmlns="http://www.w3.org/1999/xhtml"/>&lt;div', "RELAX NG"),
    ("atom.xml", r'(<content type="html">&lt;div[^&]*&gt;)', r'\1&lt;a href="../x/"&gt;x&lt;/a&gt;', "relative URL"),
    ("atom.xml", r'(<content type="html">&lt;div[^&]*&gt;)', r"\1&lt;script&gt;x()&lt;/script&gt;", "unsafe element <script>"),
    ("atom.xml", r'(<content type="html">&lt;div[^&]*&gt;)', r"\1&lt;/span&gt;", "not HTML"),
    # RSS 2.0
    ("feed.xml", r"<description>[^<]*</description>(?=<atom:link)", "", "no description"),
    ("feed.xml", r"<pubDate>(\w+, \d+ \w+ )20(\d\d)", r"<pubDate>\1\2", "four-digit year"),
    ("feed.xml", r"<pubDate>\w+,", "<pubDate>Wed,", "the day is a"),
    ("feed.xml", r"(<pubDate>[^<]*) [+-]\d{4}<", r"\1 +2500<", "no such zone offset"),
    ("feed.xml", r"(<pubDate>[^<]*) [+-]\d{4}<", r"\1 XYZ<", "is not an RFC 822 date"),
    ("feed.xml", r"<lastBuildDate>[^<]*", "<lastBuildDate>Thu, 01 Jan 1970 00:00:00 +0000", "implausible date"),
    ("feed.xml", r'<atom:link href="[^"]*" rel="self"/>', "", "0 atom:link"),
    ("feed.xml", r'(<atom:link href="[^"]*)feed\.xml"', r'\1atom.xml"', "not the feed's URL"),
    ("feed.xml", r"<language>ar</language>", "<language>arabic</language>", "is not a language tag"),
    ("feed.xml", r'<guid isPermaLink="true">[^<]*', '<guid isPermaLink="true">urn:x', "isPermaLink=\"true\" but is not"),
    ("feed.xml", r'<guid isPermaLink="true">', '<guid isPermaLink="yes">', "isPermaLink='yes'"),
    ("feed.xml", r"<link>https://example\.github\.io/archive/2024/04/%D8%A7%D9%84%D8%AE%D8%A8%D8%B1", "<link>https://example.github.io/archive/2024/04/الخبر", "not an absolute http(s) URL"),
    ("feed.xml", r"<item><title>[^<]*</title>(.*?)<description>[^<]*</description><content:encoded><!\[CDATA\[.*?\]\]></content:encoded>",
     r"<item>\1", "neither a title nor a description"),
    ("feed.xml", r"(<content:encoded><!\[CDATA\[<div[^>]*>)", r'\1<img src="pic.jpg">', "relative URL"),
    ("feed.xml", r"(<content:encoded><!\[CDATA\[<div[^>]*>)", r'\1<p onclick="x()">', "unsafe attribute onclick"),
    ("feed.xml", r"(<item><title>)", r"\1&lt;b&gt;bold&lt;/b&gt; ", "holds HTML"),
    ("feed.xml", r"(<description>[^<]*</description>)(<content:encoded>.*?</content:encoded>)", r"\2\1", "without a description before it"),
    ("feed.xml", r"<channel>", "<channel><foo>x</foo>", "not an RSS 2.0 element"),
    # JSON Feed 1.1
    ("feed.json", r'"version":"[^"]*"', '"version":"https://jsonfeed.org/version/1"', "schema"),
    ("feed.json", r'\{"id":"[^"]*",', "{", "'id' is a required property"),
    ("feed.json", r'"date_published":"(\d{4}-\d\d-\d\d)T', r'"date_published":"\1 ', "is not a 'date-time'"),
    ("feed.json", r'"feed_url":"[^"]*"', '"feed_url":"feed.json"', "is not a 'uri'"),
    ("feed.json", r',"content_html":"(\\.|[^"\\])*"', "", "is not valid under any of the given schemas"),
    ("feed.json", r'"date_published"', '"date_publish"', "does not match any of the regexes: '^_[A-Za-z]'"),
    ("feed.json", r'"language":"ar"', '"language":"xq"', "is not a language tag"),
    ("feed.json", r'("content_html":"<div[^>]*>)', r'\1<a href=\\"../x/\\">x</a>', "relative URL"),
    ("feed.json", r'"feed_url":"([^"]*)feed\.json"', r'"feed_url":"\1atom.xml"', "not the feed's URL"),
]
# duplicate an entry's, an item's id: the second entry takes the first one's
DUPLICATES = [
    ("atom.xml", r"<entry><id>([^<]*)</id>(.*?)\n<entry><id>[^<]*</id>", "two entries have the id"),
    ("feed.xml", r'<guid isPermaLink="true">([^<]*)</guid>(.*?)\n<item>(.*?)<guid isPermaLink="true">[^<]*</guid>', "the guid"),
    ("feed.json", r'\{"id":"([^"]*)"(.*?)\n\{"id":"[^"]*"', "the item id"),
]


def _duplicated(kind: str, text: str, pattern: str) -> str:
    def same(m: re.Match) -> str:
        if kind == "atom.xml":
            return f"<entry><id>{m.group(1)}</id>{m.group(2)}\n<entry><id>{m.group(1)}</id>"
        if kind == "feed.xml":
            guid = f'<guid isPermaLink="true">{m.group(1)}</guid>'
            return f"{guid}{m.group(2)}\n<item>{m.group(3)}{guid}"
        return f'{{"id":"{m.group(1)}"{m.group(2)}\n{{"id":"{m.group(1)}"'
    return re.sub(pattern, same, text, count=1, flags=re.S)


@pytest.mark.parametrize("kind, pattern, replacement, expected", [
    pytest.param(*b, id=f"{b[0]}-{i}-{re.sub(r'[^A-Za-z0-9]+', '-', b[3]).strip('-')}")
    for i, b in enumerate(BREAKS + [(k, p, None, e) for k, p, e in DUPLICATES])])
def test_each_check_finds_what_it_looks_for(sites, kind, pattern, replacement, expected):
    out, _ = sites["ar-full-text"]
    text = (out / kind).read_text(encoding="utf-8")
    url = BASE_URL + kind
    check = feed_checks.CHECKS[kind]
    assert check(text.encode("utf-8"), url) == []
    if replacement is None:
        broken = _duplicated(kind, text, pattern)
    else:
        broken = re.sub(pattern, replacement, text, count=1, flags=re.S)
    assert broken != text, f"{pattern!r} matched nothing in {kind}"
    problems = check(broken.encode("utf-8"), url)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("kind", ["atom.xml", "feed.xml"])
def test_xml_that_is_not_utf8_or_not_well_formed_is_found(sites, kind):
    out, _ = sites["ar-full-text"]
    data = (out / kind).read_bytes()
    check = feed_checks.CHECKS[kind]
    assert any("not UTF-8" in p for p in check(data.decode("utf-8").encode("utf-16"), BASE_URL + kind))
    assert any("not UTF-8" in p for p in check(data.replace("أرشيف".encode(), "أرشيف".encode("cp1256"), 1), BASE_URL + kind))
    assert any("not well-formed" in p for p in check(data.replace(b"</channel>", b"").replace(b"</feed>", b""), BASE_URL + kind))
