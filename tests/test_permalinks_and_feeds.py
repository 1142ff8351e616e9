"""Issue 4: URLs that never break (ssg pin, redirects) and every feed readable by feedparser."""
from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import unquote

import feedparser

from tests.conftest import build_site


def pin(site):
    result = subprocess.run([sys.executable, "-m", "ssg", "pin", str(site)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_pinned_url_survives_a_title_edit_and_a_moved_one_leaves_a_redirect(small_site):
    build_site(small_site)
    assert "5 articles pinned (5 new)" in pin(small_site)
    a = small_site / "content/2024/a.md"
    a.write_text(a.read_text().replace("title: الخبر الأول عن الاقتصاد", "title: عنوان جديد تماماً"))
    build_site(small_site)
    old = small_site / "output/2024/03/الخبر-الأول-عن-الاقتصاد/index.html"
    assert "عنوان جديد تماماً" in old.read_text()                  # same URL, new headline
    assert not (small_site / "output/2024/03/عنوان-جديد-تماما").exists()
    a.write_text(a.read_text().replace("author: سارة", "author: سارة\npermalink: /2024/03/moved/"))
    assert "1 redirects" in pin(small_site)
    build_site(small_site)
    moved = small_site / "output/2024/03/moved/index.html"
    assert "عنوان جديد تماماً" in moved.read_text()
    redirect = old.read_text()
    assert 'http-equiv="refresh"' in redirect and "/archive/2024/03/moved/" in redirect
    assert 'rel="canonical" href="https://example.github.io/archive/2024/03/moved/"' in redirect


def test_every_feed_parses_clean_and_carries_language(small_site):
    (small_site / "site.toml").write_text((small_site / "site.toml").read_text().replace("limit = 3", 'limit = 3\nfull_text = true\nterm_formats = ["rss", "atom", "json"]'))
    build_site(small_site)
    out = small_site / "output"
    xml = sorted(out.rglob("feed.xml")) + sorted(out.rglob("atom.xml"))
    assert len(xml) >= 16          # main + category, tag, source and author terms, RSS and Atom each (all formats asked)
    for path in xml:
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, (path, feed.get("bozo_exception"))
        assert feed.entries and all(e.link.startswith("https://example.github.io/archive/") for e in feed.entries)
        assert len(feed.entries) <= 3
        rel = path.parent.relative_to(out).as_posix()
        page = "https://example.github.io/archive/" + ("" if rel == "." else rel + "/")
        assert unquote(feed.feed.link) == page, path            # the channel links to its HTML page, not to itself
    for path in out.rglob("feed.json"):
        data = json.loads(path.read_text())
        assert data["version"] == "https://jsonfeed.org/version/1.1" and data["language"] == "ar"
        assert all(item["id"].startswith("https://example.github.io/archive/") for item in data["items"])
    main = (out / "feed.xml").read_text()
    assert "<language>ar</language>" in main and 'dir="rtl"' in main and 'dir="ltr"' in main


def test_json_feed_says_each_thing_once(small_site):
    """An item names its language only when it is not the feed's. One item a line."""
    build_site(small_site)
    text = (small_site / "output/feed.json").read_text()
    data = json.loads(text)
    assert data["items"] and len(text.splitlines()) == len(data["items"]) + 2
    assert {item.get("language") for item in data["items"]} == {None, "en"}

def test_hijri_date_is_an_option(small_site):
    (small_site / "site.toml").write_text((small_site / "site.toml").read_text().replace('paginate_by = 2', 'paginate_by = 2\nshow_hijri = true\narabic_digits = true'))
    build_site(small_site)
    html = (small_site / "output/2024/03/الخبر-الأول-عن-الاقتصاد/index.html").read_text()
    assert "٢٠ شعبان ١٤٤٥ هـ" in html and "١ مارس ٢٠٢٤" in html


def test_a_term_whose_articles_are_all_undated_has_no_feed(small_site):
    """Feeds hold dated articles alone: a source whose one article has no date had feeds that were
    empty for good, dated 1970 (the W3C validator's "implausible date"). It has none, its page
    advertises none; once the article has a date, the feeds are there."""
    toml = small_site / "site.toml"
    toml.write_text(toml.read_text().replace("limit = 3", 'limit = 3\nterm_formats = ["rss", "atom", "json"]'))
    undated = small_site / "content/2024/f.md"
    undated.write_text("---\ntitle: خبر بلا تاريخ\nsource: نشرة بلا تواريخ\ncategory: رياضة\n---\nنص.\n")
    report = build_site(small_site)
    out = small_site / "output"
    term = out / "source/نشرة-بلا-تواريخ"
    assert sorted(p.name for p in term.iterdir()) == ["index.html"]
    page = (term / "index.html").read_text()
    assert "source/نشرة-بلا-تواريخ/feed" not in page and "/archive/feed.xml" in page      # the site's feeds still
    assert (out / "category/رياضة/feed.xml").is_file()          # a term with a dated article keeps its feeds
    written = {p for p in report.rendered if p.endswith(("feed.xml", "atom.xml", "feed.json"))}
    assert report.feeds == len(written) and not any(w.startswith("source/نشرة") for w in written)
    undated.write_text(undated.read_text().replace("source:", "date: 2024-05-01T08:00:00+03:00\nsource:"))
    build_site(small_site)
    assert sorted(p.name for p in term.iterdir()) == ["atom.xml", "feed.json", "feed.xml", "index.html"]
    assert "<item>" in (term / "feed.xml").read_text()


def test_a_pinned_dump_row_keeps_its_url_when_rows_are_inserted_above_it(tmp_path):
    """A row's pin is filed under its source URL (``permalinks.pin_key``), not its line, which a
    row inserted above moves: pinned by line, the new row took the old one's URL, and the old one
    lost its pin (its edited headline moved its page)."""
    from tests.conftest import make_site
    row = lambda i, title: json.dumps({"title": title, "content": f"نص الخبر {i}.", "url": f"https://example.com/news/{i}",
                                       "date_extracted": "2015-07-0%d 10:00:00" % (i + 1)}, ensure_ascii=False)
    site = make_site(tmp_path, '-- site.toml --\ntitle = "T"\nbase_url = "https://example.org/"\nlanguage = "ar"\n'
                     "-- content/dump.jsonl --\n" + row(1, "خبر أول") + "\n" + row(2, "خبر ثان") + "\n")
    build_site(site)
    assert "2 articles pinned (2 new)" in pin(site)
    pins = (site / "permalinks.toml").read_text(encoding="utf-8")
    assert '"dump.jsonl#https://example.com/news/1" = "2015/07/خبر-أول/"' in pins and "#L" not in pins
    (site / "content/dump.jsonl").write_text("\n".join([row(0, "خبر جديد"), row(1, "خبر أول مصحح"), row(2, "خبر ثان")]) + "\n", encoding="utf-8")
    build_site(site)
    out = site / "output"
    assert "خبر أول مصحح" in (out / "2015/07/خبر-أول/index.html").read_text(encoding="utf-8")   # pinned: the same URL
    assert "خبر ثان" in (out / "2015/07/خبر-ثان/index.html").read_text(encoding="utf-8")
    assert "خبر جديد" in (out / "2015/07/خبر-جديد/index.html").read_text(encoding="utf-8")      # the new row: its own
    assert not (out / "2015/07/خبر-أول-مصحح").exists()


def test_a_dump_row_pinned_by_its_line_keeps_its_pin_until_ssg_pin_files_it_by_url(tmp_path):
    from tests.conftest import make_site
    row = json.dumps({"title": "خبر معدل", "content": "نص.", "url": "https://example.com/n/1", "date_extracted": "2015-07-01 10:00:00"},
                     ensure_ascii=False)
    site = make_site(tmp_path, '-- site.toml --\ntitle = "T"\nbase_url = "https://example.org/"\nlanguage = "ar"\n'
                     "-- content/dump.jsonl --\n" + row + "\n"
                     '-- permalinks.toml --\n[articles]\n"dump.jsonl#L1" = "2015/07/خبر-أول/"\n')
    build_site(site)
    assert "خبر معدل" in (site / "output/2015/07/خبر-أول/index.html").read_text(encoding="utf-8")
    assert "1 articles pinned (0 new)" in pin(site)
    pins = (site / "permalinks.toml").read_text(encoding="utf-8")
    assert '"dump.jsonl#https://example.com/n/1" = "2015/07/خبر-أول/"' in pins and "#L1" not in pins
