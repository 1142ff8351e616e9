"""End-to-end: build small sites in tmp folders and check them the way readers' clients would."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import feedparser
import html5lib
import pstats
import pytest

from ssg.errors import ContentError, OutputError, TemplateError
from tests.conftest import REPO, SMALL_SITE, build_site, make_site, tree

BASE = "/archive/"


def pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def links(doc) -> list[str]:
    found = []
    for el in doc.iter():
        tag = el.tag.split("}")[-1] if isinstance(el.tag, str) else ""
        for attr in ("href", "src"):
            if tag in ("a", "link", "script", "img") and el.get(attr):
                found.append(el.get(attr))
    return found


def resolve(out: Path, href: str) -> Path | None:
    """A root-relative href under the base path -> the file a static host would serve."""
    path = unquote(urlparse(href).path)
    assert path.startswith(BASE), f"link leaves the subpath: {href}"
    rel = path[len(BASE):]
    target = out / rel
    return target / "index.html" if (rel == "" or rel.endswith("/")) else target


def test_small_site_every_page_parses_and_every_internal_link_resolves(small_site):
    report = build_site(small_site)
    out = small_site / "output"
    assert report.articles == 5 and report.skipped == 0
    assert (out / ".nojekyll").exists()
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    checked = 0
    for page in pages(out):
        doc = parser.parse(page.read_bytes())
        assert not parser.errors, (page, parser.errors[:3])
        html = doc.getroot() if hasattr(doc, "getroot") else doc
        assert html.get("lang") and html.get("dir") in ("rtl", "ltr")
        assert doc.find(".//link[@rel='alternate'][@type='application/rss+xml']") is not None, page
        for href in links(doc):
            if href.startswith(("http://", "https://", "#", "mailto:", "data:")):
                continue
            target = resolve(out, href)
            assert target.exists(), f"{page.relative_to(out)} links to missing {href}"
            checked += 1
    assert checked > 50


def test_article_page_carries_the_metadata(small_site):
    build_site(small_site)
    text = (small_site / "output/2024/03/الخبر-الأول-عن-الاقتصاد/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in text
    assert "الخبر الأول عن الاقتصاد" in text and "صحيفة الاختبار" in text and "سارة" in text
    assert 'datetime="2024-03-01T10:00+03:00"' in text          # seconds are optional in HTML
    assert '<meta property="article:published_time" content="2024-03-01T10:00:00+03:00">' in text
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1))
    assert ld["@type"] == "NewsArticle" and ld["headline"] == "الخبر الأول عن الاقتصاد"
    assert ld["datePublished"] == "2024-03-01T10:00:00+03:00" and "dateModified" not in ld     # never updated
    assert ld["author"] == [{"@type": "Person", "name": "سارة"}] and ld["publisher"]["name"] == "صحيفة الاختبار"
    assert ld["articleSection"] == "اقتصاد" and None not in ld.values()
    assert '<meta property="og:title" content="الخبر الأول عن الاقتصاد">' in text
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text).group(1)
    assert unquote(canonical) == "https://example.github.io/archive/2024/03/الخبر-الأول-عن-الاقتصاد/"
    english = next((small_site / "output" / "2024" / "04").glob("third-*/index.html")).read_text()
    # an English article in an Arabic site: the page (menus, labels) stays Arabic and right to left;
    # the headline and the body say they are English, left to right
    assert '<html lang="ar" dir="rtl">' in english
    assert re.search(r'<h1 lang="en" dir="ltr">[^<]+</h1>', english) and '<div class="body" lang="en" dir="ltr">' in english
    assert '"inLanguage":"en"' in english and '"inLanguage"' not in text
    assert "<script>alert" not in english and "&lt;script&gt;" not in english   # sanitised away
    assert "<b>bold</b>" in english


def test_a_saved_web_page_is_an_article_and_a_page_without_one_is_reported(small_site):
    """content/ may hold pages as a scraper or a browser saved them (.html, .htm): each is an
    article, read by ssg/extract/page.py; a page with no article text is a one-line problem."""
    pages = Path(__file__).resolve().parent / "fixtures" / "extract" / "pages"
    shutil.copy(pages / "en_declared.html", small_site / "content" / "ferry.html")
    shutil.copy(pages / "not_an_article.html", small_site / "content" / "missing.htm")
    report = build_site(small_site)
    assert report.articles == 6 and report.skipped == 1
    assert [m for m in map(str, report.problems) if m.startswith("missing.htm")] == \
        ["missing.htm: no article text found in the HTML page"]
    page = (small_site / "output/2024/11/ferry-operator-cancels-winter-timetable-after-engine-failures/index.html").read_text()
    assert re.search(r'<h1 lang="en" dir="ltr">Ferry operator cancels winter timetable after engine failures</h1>', page)
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["datePublished"] == "2024-11-04T07:15:00+00:00"          # (the zone the page gives)
    assert ld["author"] == [{"@type": "Person", "name": "Fiona MacLeod"}] and ld["publisher"]["name"] == "The Harbour Gazette"
    assert ld["articleSection"] == "Transport"
    assert "Most read" not in page and "Photograph:" not in page and page.count("<p>") >= 5


def test_an_updated_article_carries_date_modified(tmp_path):
    site = make_site(tmp_path, SMALL_SITE + "-- content/2024/fixed.md --\n---\ntitle: خبر مصحح\n"
                     "date: 2024-04-01T09:00:00+03:00\nupdated: 2024-04-02T12:30:15+03:00\n---\nنص.\n")
    build_site(site)
    text = (site / "output/2024/04/خبر-مصحح/index.html").read_text()
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1))
    assert ld["datePublished"] == "2024-04-01T09:00:00+03:00" and ld["dateModified"] == "2024-04-02T12:30:15+03:00"
    assert 'datetime="2024-04-01T09:00+03:00"' in text and 'datetime="2024-04-02T12:30:15+03:00"' in text


def test_feed_parses_clean_in_feedparser(small_site):
    build_site(small_site)
    out = small_site / "output"
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.language == "ar"
    assert [e.title for e in feed.entries] == ["الخبر الرابع", "Third story, in English", "الخبر الثاني عن الرياضة"]
    first = feed.entries[0]
    assert first.link.startswith("https://example.github.io/archive/2024/04/")
    assert first.id == first.link
    assert first.published_parsed[:5] == (2024, 4, 6, 9, 0)            # 12:00 +03:00 in UTC
    assert "+0300" in (out / "feed.xml").read_text()
    for name in ("atom.xml", "category/رياضة/feed.xml", "tag/أسواق/feed.xml"):
        parsed = feedparser.parse((out / name).read_bytes())
        assert parsed.bozo == 0 and parsed.entries, name
    # A term's feeds are RSS alone by default (its pages link nothing else)
    assert sorted(p.name for p in (out / "tag/أسواق").iterdir() if p.is_file()) == ["feed.xml", "index.html"]


def test_term_formats_opt_in_to_atom_and_json_term_feeds(small_site):
    toml = small_site / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("[feeds]\n", '[feeds]\nterm_formats = ["atom", "json"]\n'), encoding="utf-8")
    report = build_site(small_site)
    out = small_site / "output"
    assert sorted(p.name for p in (out / "tag/أسواق").iterdir() if p.is_file()) == ["atom.xml", "feed.json", "index.html"]
    for name in ("tag/أسواق/atom.xml", "category/رياضة/atom.xml"):
        parsed = feedparser.parse((out / name).read_bytes())
        assert parsed.bozo == 0 and parsed.entries, name
    assert json.loads((out / "tag/أسواق/feed.json").read_text(encoding="utf-8"))["items"]
    terms = {j for j in report.rendered if j.startswith(("tag/", "category/", "source/", "author/"))}
    assert not {j for j in terms if j.endswith("feed.xml")}
    assert (out / "feed.xml").is_file()                       # the site's own feeds keep every format on
    # the term page advertises the term's feeds there are, and no RSS feed that is not there
    page = (out / "tag/أسواق/index.html").read_text(encoding="utf-8")
    assert "tag/أسواق/feed.xml" not in page
    assert 'type="application/atom+xml" title="أسواق" href="/archive/tag/أسواق/atom.xml"' in page
    assert 'type="application/feed+json" title="أسواق" href="/archive/tag/أسواق/feed.json"' in page


def test_kinds_of_page_turned_off_are_not_made_linked_or_in_the_sitemaps_and_search_terms_are_not_made(tmp_path):
    """[pages] search, authors, sources and dates false: none of their pages, no link to them
    (every internal link still resolves), no sitemap entry, and no search terms made in the read
    stage (a third of reading an article); turned on again, the site is a clean build's."""
    from ssg import search as search_module
    from tests.conftest import SMALL_SITE
    off = SMALL_SITE.replace("[feeds]", "[pages]\nsearch = false\nauthors = false\nsources = false\ndates = false\n[feeds]")
    site = make_site(tmp_path / "site", off)
    analysed, real = [], search_module.analyse
    search_module.analyse = lambda *a, **k: analysed.append(1) or real(*a, **k)
    try:
        report = build_site(site)
    finally:
        search_module.analyse = real
    out = site / "output"
    files = tree(out)
    assert report.articles == 5 and not report.problems and not analysed
    assert not [n for n in files if n.startswith(("search/", "author/", "source/", "archive/", "2023/index", "2024/index"))
                or re.match(r"\d{4}/\d\d/(\d\d/)?index\.html$", n)], sorted(files)
    assert {"index.html", "category/index.html", "tag/index.html"} <= files.keys()
    page = files["2024/03/الخبر-الأول-عن-الاقتصاد/index.html"].decode()
    assert "<bdi>صحيفة الاختبار</bdi>" in page and "<bdi>سارة</bdi>" in page and "/source/" not in page and "/author/" not in page
    assert not [n for n, data in files.items() if re.search(rb'/archive/(search|archive|author|source)/|role="search"', data)]  # (/archive/: the base path)
    parser, checked = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False), 0
    for path in pages(out):
        for href in links(parser.parse(path.read_bytes())):
            if not href.startswith(("http://", "https://", "#", "mailto:", "data:")):
                assert resolve(out, href).exists(), f"{path.relative_to(out)} links to missing {href}"
                checked += 1
    assert checked > 30
    (site / "site.toml").write_text(SMALL_SITE.split("-- content/")[0].split("-- site.toml --\n")[1])
    again = build_site(site)
    assert "search/index.html" in again.written and "archive/index.html" in again.written
    clean = make_site(tmp_path / "clean", SMALL_SITE)
    build_site(clean)
    assert tree(site / "output") == tree(clean / "output")


def test_two_clean_builds_are_byte_identical(tmp_path):
    from tests.conftest import SMALL_SITE
    a = make_site(tmp_path / "a", SMALL_SITE)
    b = make_site(tmp_path / "b", SMALL_SITE)
    build_site(a)
    build_site(b)
    assert tree(a / "output") == tree(b / "output")


def test_one_worker_and_many_workers_give_the_same_tree(tmp_path):
    from tests.conftest import SMALL_SITE
    extra = "".join(f"-- content/bulk/{i}.md --\n---\ntitle: خبر رقم {i}\ndate: 2022-01-{i % 28 + 1:02d}T10:00:00\ntags: [وسم{i % 7}]\n---\nنص {i}.\n" for i in range(300))
    a = make_site(tmp_path / "a", SMALL_SITE + extra)
    b = make_site(tmp_path / "b", SMALL_SITE + extra)
    build_site(a, workers=1)
    build_site(b, workers=2)
    assert tree(a / "output") == tree(b / "output")


def test_a_big_dump_is_read_in_parts_by_the_workers_and_gives_the_tree_of_one_worker(tmp_path, monkeypatch):
    """A JSONL or CSV file of build.PART_BYTES or more is read as two parts a worker (here 4 KB:
    the 4 parts of a ~15 KB file go to 2 processes); put together they are the file read at once."""
    import json as json_module
    from ssg import build as build_module
    from tests.conftest import SMALL_SITE
    rows = "".join(json_module.dumps({"title": f"خبر رقم {i}", "content": f"نص الخبر {i} وفيه كلمات.", "source": f"مصدر {i % 3}",
                                      "date_extracted": f"2015-07-{i % 28 + 1:02d} 10:{i % 60:02d}:00"}, ensure_ascii=False) + "\n"
                   for i in range(120)) + "not json\n"
    extra = f"-- content/dump.jsonl --\n{rows}-- content/small.csv --\ntitle,content,date_extracted\nصغير,نص صغير.,2015-01-01 10:00:00\n"
    a = make_site(tmp_path / "a", SMALL_SITE + extra)
    b = make_site(tmp_path / "b", SMALL_SITE + extra)
    monkeypatch.setattr(build_module, "PART_BYTES", 4096)
    tasks = build_module.read_parts([s for s in build_module.scan.scan(b / "content", (), {})[0]], 2)
    assert [t[0].rel_path if type(t) is tuple else t.rel_path for t in tasks].count("dump.jsonl") == 4
    one, many = build_site(a, workers=1), build_site(b, workers=2)
    assert one.articles == many.articles == 5 + 120 + 1
    assert [str(p) for p in one.problems] == [str(p) for p in many.problems] and any(p.line == 121 for p in many.problems)
    assert tree(a / "output") == tree(b / "output")
    (b / "content/dump.jsonl").write_text(rows.replace("خبر رقم 7\"", "خبر رقم سبعة\""), encoding="utf-8")
    again = build_site(b, workers=2)                 # an edited dump: read again in parts, the one page changed
    assert again.articles == many.articles and "2015/07/خبر-رقم-سبعة/index.html" in again.written
    import os
    os.utime(b / "content/dump.jsonl", ns=(1, 1))     # the same bytes under a new stamp: each part finds them known
    touched = build_site(b, workers=2)
    assert touched.articles == many.articles and not touched.rendered


def test_an_index_made_from_scratch_is_made_by_a_standby_and_one_resumed_by_a_fork_of_the_planner(small_site, monkeypatch):
    from ssg import parallel
    made, real, forked = [], parallel.standby, []
    real_background = parallel.background

    def recorded(workers=0):
        made.append(real(workers))
        return made[-1]

    def background(fn, *args, standby=None, **kwargs):
        forked.append((fn.__name__, standby is not None and not standby.used))
        return real_background(fn, *args, standby=standby, **kwargs)

    monkeypatch.setattr(parallel, "standby", recorded)
    monkeypatch.setattr(parallel, "background", background)
    build_site(small_site, workers=2)                          # cold: no saved index state
    (spare,) = made
    spare.process.join(60)
    assert spare.sent and spare.process.exitcode == 0          # handed the index, which it saved
    assert ("index_files", True) in forked and (small_site / ".ssg-cache/search-index.pickle").is_file()
    forked.clear()
    (small_site / "content/extra.md").write_text("---\ntitle: جديد\ndate: 2024-05-01T10:00:00\n---\nنص.\n", encoding="utf-8")
    build_site(small_site, workers=2)                          # the saved state is resumed: no standby
    assert len(made) == 1 and ("index_files", False) in forked
    made.clear()
    (small_site / ".ssg-cache/search-index.pickle").unlink()
    (small_site / "content/extra.md").write_text("---\ntitle: أجدّ\ndate: 2024-05-02T10:00:00\n---\nنص.\n", encoding="utf-8")
    build_site(small_site, workers=1)
    assert made == [None]                                      # one worker: the index is made inline


def test_read_workers_send_the_search_terms_text_only_when_this_process_makes_the_index(small_site):
    """An index made in the standby fetches its terms from the cache: the read workers then send
    only the packed bytes the cache keeps, not the text too (~30% of what crossed the pipes)."""
    from ssg import build as build_module
    from ssg.cache import unpack_body
    from ssg.config import load_config
    from ssg.model import SourceFile
    config = load_config(small_site)
    source = SourceFile(rel_path="2024/a.md", stamp=None, digest=None, sidecar=None)
    sent = {}
    for texts in (True, False):
        build_module._init_read(config, config.content_path, frozenset(), texts)
        kind, _, _, terms = build_module._read_one(source)
        assert kind == "read" and len(terms) == 1
        sent[texts] = terms[0]
    (digest, text, packed), (digest_, none, packed_) = sent[True], sent[False]
    assert text and none is None and digest == digest_ and packed == packed_
    assert unpack_body(packed) == text


def test_noop_rebuild_renders_nothing(small_site):
    build_site(small_site)
    report = build_site(small_site)
    assert report.rendered == frozenset() and report.written == frozenset()


def test_a_no_op_or_a_markdown_edit_does_not_load_the_extractors_rules(small_site):
    """The raw-text extractor's patterns are compiled when ssg.extract.core is imported (~0.3 s
    of a no-op's ~1 s at 10k): only a build that extracts a raw text or a dump row loads it."""
    (small_site / "content/note.txt").write_text("عنوان خبر نصي\n04-09-2021, 23:47\nنص الخبر في فقرة أولى طويلة بما يكفي.\n", encoding="utf-8")
    probe = ("import sys; from pathlib import Path; from ssg.build import build; from ssg.config import load_config, with_overrides; "
             "build(with_overrides(load_config(Path(sys.argv[1])), workers=1)); print(sorted(m for m in sys.modules if m.startswith('ssg.extract.')))")

    def loaded() -> list[str]:
        done = subprocess.run([sys.executable, "-c", probe, str(small_site)], capture_output=True, text=True, cwd=REPO)
        assert done.returncode == 0, done.stderr
        return done.stdout.split("[", 1)[1]
    assert "ssg.extract.core" in loaded()                  # a raw text read: the rules are loaded
    assert "ssg.extract.core" not in loaded()              # a no-op
    path = small_site / "content/2024/a.md"
    path.write_text(path.read_text().replace("فقرة ثانية", "فقرة ثانية معدلة"))
    assert "ssg.extract.core" not in loaded()              # Markdown read again
    (small_site / "content/note.txt").write_text("عنوان آخر\n04-09-2021, 23:47\nنص معدل في فقرة أولى طويلة بما يكفي.\n", encoding="utf-8")
    assert "ssg.extract.core" in loaded()


def test_body_edit_rerenders_only_that_article(small_site):
    build_site(small_site)
    path = small_site / "content/2024/a.md"
    path.write_text(path.read_text().replace("فقرة ثانية", "فقرة ثانية معدلة"))
    report = build_site(small_site)
    pages = {f for f in report.rendered if not f.startswith("search/")}
    assert pages == {"2024/03/الخبر-الأول-عن-الاقتصاد/index.html"}
    # the search index holds body words, so the shards of the changed words follow (and only those)
    index = report.rendered - pages
    assert index and all(f.endswith((".bin", ".json")) for f in index) and len(index) <= 4


def test_retag_rerenders_the_article_and_the_affected_listings(small_site):
    build_site(small_site)
    path = small_site / "content/2024/b.md"
    path.write_text(path.read_text().replace("tags: [كرة]", "tags: [كرة, ملاعب]"))
    report = build_site(small_site)
    assert "tag/ملاعب/index.html" in report.rendered
    assert "tag/ملاعب/feed.xml" in report.rendered
    assert any(r.startswith("2024/03/") for r in report.rendered)
    assert "category/اقتصاد/index.html" not in report.rendered


def assert_as_a_clean_build(site: Path, clean: Path, **overrides) -> None:
    """``site``'s output/ is what a build from scratch of the same content and settings makes."""
    shutil.copytree(site / "content", clean / "content")
    shutil.copy(site / "site.toml", clean / "site.toml")
    build_site(clean, **overrides)
    assert tree(site / "output") == tree(clean / "output")


def test_incremental_build_equals_clean_build(tmp_path):
    from tests.conftest import SMALL_SITE
    site = make_site(tmp_path / "inc", SMALL_SITE)
    build_site(site)
    (site / "content/2024/b.md").unlink()
    (site / "content/2024/new.md").write_text("---\ntitle: خبر جديد\ndate: 2024-05-01T10:00:00+03:00\ncategory: ثقافة\n---\nنص.\n")
    a = site / "content/2024/a.md"
    a.write_text(a.read_text().replace("اقتصاد", "أعمال"))
    report = build_site(site)
    assert report.removed                       # b's page and its now-empty listings are gone
    assert_as_a_clean_build(site, tmp_path / "clean")


def test_removing_every_article_and_adding_one_back_builds_what_a_clean_build_does(tmp_path):
    # (the search index resumed from its saved state with no docs left crashed every later build)
    site = make_site(tmp_path / "inc", SMALL_SITE)
    build_site(site)
    shutil.move(site / "content", tmp_path / "held")
    (site / "content").mkdir()
    emptied = build_site(site)
    assert emptied.articles == 0 and "index.html" in emptied.rendered and not (site / "output/2024").exists()
    shutil.copy(tmp_path / "held/2024/a.md", site / "content/a.md")
    again = build_site(site)
    assert again.articles == 1 and "search/manifest.json" in again.rendered
    assert_as_a_clean_build(site, tmp_path / "clean")


def test_a_new_base_url_moves_every_link_as_a_clean_build_does(tmp_path):
    # (Jinja folds ``'css/style.css'|href`` into the compiled template: kept in one bytecode cache,
    # the first address's links came back from it on every later build, --force or not)
    site = make_site(tmp_path / "moved", SMALL_SITE)
    build_site(site)
    report = build_site(site, base_url="https://example.org/news/")
    assert "index.html" in report.rendered
    pages = [p for p in (site / "output").rglob("*.html")]
    assert all('href="/news/css/style.css"' in p.read_text(encoding="utf-8") for p in pages if "<head>" in p.read_text(encoding="utf-8"))
    assert_as_a_clean_build(site, tmp_path / "clean", base_url="https://example.org/news/")
    build_site(site)                             # and back
    assert '"/archive/css/style.css"' in (site / "output/index.html").read_text(encoding="utf-8")


ESCAPES = {   # front matter -> where the article's page is
    'permalink: "../../../../../../../../tmp/ssg-escape/"': "tmp/ssg-escape/index.html",
    'slug: "../../../escape"': "2024/01/escape/index.html",
    "slug: index.html": "2024/01/index-html/index.html",
    'slug: "03"': "2024/01/03-2/index.html",                       # (a day's archive page)
    'slug: "a/b"': "2024/01/a-b/index.html",
    'permalink: "feed.xml"': "2024/01/x/index.html",               # the site's own pages and files: the pattern's URL
    'permalink: "tag/"': "2024/01/x/index.html",
    'permalink: "/"': "2024/01/x/index.html",
    'permalink: "2024/03/"': "2024/01/x/index.html",
    'permalink: ".ssg-staging/"': "2024/01/x/index.html",
    'permalink: "css/style.css"': "2024/01/x/index.html",
    'permalink: "x?y=1#z"': "x-y=1-z/index.html",                   # a link reaches it as written
    'permalink: "%2e%2e/%2e%2e/w"': "2e-2e/2e-2e/w/index.html",
}


@pytest.mark.parametrize("field", sorted(ESCAPES))
def test_a_slug_or_permalink_stays_inside_the_site_and_off_its_own_pages(tmp_path, field):
    site = make_site(tmp_path / "site", SMALL_SITE)
    build_site(site)
    before = tree(site / "output")
    (site / "content/x.md").write_text(f"---\ntitle: x\ndate: 2024-01-03T10:00:00+03:00\n{field}\n---\nنص.\n", encoding="utf-8")
    shutil.rmtree("/tmp/ssg-escape", ignore_errors=True)      # (what an older ssg made of the first case)
    report = build_site(site)
    assert not list(tmp_path.glob("*escape*")) and not Path("/tmp/ssg-escape").exists()
    page = site / "output" / ESCAPES[field]
    assert "<title>x" in page.read_text(encoding="utf-8") and ESCAPES[field] in report.written
    for own in ("feed.xml", "tag/index.html", "index.html", "2024/03/index.html", "css/style.css"):
        assert "<title>x" not in (site / "output" / own).read_text(encoding="utf-8"), own
    assert set(before) - set(tree(site / "output")) <= {"2023/12/index.html"} and not (site / "output/.ssg-staging").exists()


def test_every_top_level_name_of_a_built_site_is_kept_from_article_urls(small_site):
    from ssg.build import static_roots
    from ssg.config import load_config
    from ssg.urls import SITE_ROOTS
    toml = small_site / "site.toml"
    toml.write_text(toml.read_text().replace("[feeds]\n", 'cname = "news.example.org"\n[feeds]\nterm_formats = ["rss", "atom", "json"]\n'))
    (small_site / "content/2024/s.md").write_text("---\ntitle: قسم\ndate: 2024-03-03\nsection: محليات\n---\nنص.\n", encoding="utf-8")
    build_site(small_site)
    tops = {p.name for p in (small_site / "output").iterdir()}
    kept = SITE_ROOTS | static_roots(load_config(small_site))
    assert {t for t in tops if not (t in kept or t.startswith(".") or t.isdigit())} == set()
    assert {"section", "CNAME", "css", "js"} <= tops


def test_a_staging_folder_a_killed_build_left_is_removed_by_the_next_build(small_site):
    build_site(small_site)
    left = small_site / "output/.ssg-staging"
    left.mkdir()
    (left / "0123abcd").write_bytes(b"half a page")
    report = build_site(small_site)
    assert report.rendered == frozenset() and not left.exists()


def test_bad_file_is_reported_and_skipped_and_strict_fails_without_touching_output(small_site):
    build_site(small_site)
    before = tree(small_site / "output")
    (small_site / "content/bad.md").write_text("---\ntitle: [unclosed\n---\nx\n")
    (small_site / "content/nodate.md").write_text("---\ndate: 2024-01-01\n---\nno title here\n")
    report = build_site(small_site)
    messages = {str(p) for p in report.problems}
    assert any(m.startswith("bad.md") and "front matter" in m for m in messages)
    assert any(m.startswith("nodate.md") and "no title" in m for m in messages)
    assert report.skipped == 2 and report.articles == 5
    (small_site / "content/new.md").write_text("---\ntitle: خبر جديد\ndate: 2024-05-01\n---\nنص\n")
    with pytest.raises(ContentError, match="strict"):
        build_site(small_site, strict=True)
    assert tree(small_site / "output") == before


def test_strict_fails_on_an_unchanged_site_whose_last_build_skipped_a_bad_file(small_site):
    """The no-op check returns the last build's report: --strict looks at its problems too."""
    (small_site / "content/bad.md").write_text("---\ntitle: [unclosed\n---\nx\n")
    build_site(small_site)
    with pytest.raises(ContentError, match="strict is on") as failed:
        build_site(small_site, strict=True)
    assert [p.path for p in failed.value.problems] == ["bad.md"]
    assert [name for name, _ in build_site(small_site).timings] == ["scan", "check"]   # (it was a no-op)


def test_template_error_leaves_the_last_good_site(small_site):
    build_site(small_site)
    before = tree(small_site / "output")
    (small_site / "templates").mkdir()
    (small_site / "templates/article.html").write_text("{% extends 'base.html' %}{% block main %}{{ page.nope.deeper }}{% endblock %}")
    (small_site / "content/2024/a.md").write_text((small_site / "content/2024/a.md").read_text() + "\nmore\n")
    with pytest.raises(TemplateError, match="article.html"):
        build_site(small_site)
    assert tree(small_site / "output") == before
    assert not (small_site / "output/.ssg-staging").exists()


def test_a_template_that_is_not_utf8_is_a_template_error_naming_it(small_site):
    build_site(small_site)
    before = tree(small_site / "output")
    (small_site / "templates").mkdir()
    (small_site / "templates/base.html").write_bytes((REPO / "themes/default/templates/base.html").read_bytes() + b"\xff\xfe")
    with pytest.raises(TemplateError, match="not valid UTF-8") as failed:
        build_site(small_site)
    assert failed.value.path == str(small_site / "templates/base.html") and tree(small_site / "output") == before


def test_a_failed_first_build_leaves_output_empty(small_site):
    """Into an empty output/ pages are written in place (no commit of 100k renames); a failure
    empties it again, so there is never a half-built site to publish."""
    (small_site / "output").mkdir()
    (small_site / "templates").mkdir()
    (small_site / "templates/article.html").write_text("{% extends 'base.html' %}{% block main %}{{ page.nope.deeper }}{% endblock %}")
    with pytest.raises(TemplateError, match="article.html"):
        build_site(small_site)
    assert list((small_site / "output").iterdir()) == []
    (small_site / "templates/article.html").unlink()
    build_site(small_site)
    assert (small_site / "output/index.html").exists()


def test_site_template_overrides_theme_template_file_by_file(small_site):
    (small_site / "templates").mkdir()
    (small_site / "templates/404.html").write_text("{% extends 'base.html' %}{% block main %}<p>custom-404</p>{% endblock %}")
    build_site(small_site)
    assert "custom-404" in (small_site / "output/404.html").read_text()
    assert "custom-404" not in (small_site / "output/index.html").read_text()


@pytest.mark.parametrize("output", [".", "content", "..", "/"])
def test_unsafe_output_folders_are_refused(small_site, output):
    with pytest.raises(OutputError):
        build_site(small_site, output_dir=str((small_site / output).resolve()) if output != "/" else "/")


def test_content_is_never_written(small_site):
    before = tree(small_site / "content")
    build_site(small_site)
    build_site(small_site)
    assert tree(small_site / "content") == before
    assert sorted(p.name for p in small_site.iterdir()) == [".ssg-cache", "content", "output", "site.toml"]


def test_corrupt_cache_is_discarded_with_a_warning(small_site):
    build_site(small_site)
    (small_site / ".ssg-cache/cache.sqlite").write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (small_site / f".ssg-cache/cache.sqlite{suffix}").unlink(missing_ok=True)
    report = build_site(small_site)
    assert any("discarded" in str(p) for p in report.problems)
    assert report.articles == 5


DAMAGE = {   # a damaged row -> the build that meets it
    "UPDATE reads SET result=x'00112233'": "edit",
    "UPDATE meta SET value=x'8004' WHERE key='last_report'": "noop",
    "UPDATE bodies SET html=x'0011'": "force",
    "DELETE FROM bodies": "force",
    "UPDATE terms SET data=x'0011'": "index",
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_row_of_the_cache_discards_it_with_a_warning_and_the_build_goes_on(tmp_path, damage):
    import sqlite3
    site = make_site(tmp_path / "site", SMALL_SITE)
    build_site(site)
    db = sqlite3.connect(site / ".ssg-cache/cache.sqlite")
    db.execute(damage)
    db.commit()
    db.close()
    when = DAMAGE[damage]
    if when == "edit":
        path = site / "content/2024/a.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nفقرة.\n", encoding="utf-8")
    if when == "index":                     # the index made again from every article's cached terms
        (site / ".ssg-cache/search-index.pickle").unlink()
    report = build_site(site, force=when in ("force", "index"))
    assert [p.message for p in report.problems if "cache discarded" in p.message], report.problems
    assert_as_a_clean_build(site, tmp_path / "clean")
    assert not [p for p in build_site(site).problems if p.severity == "warning" and "cache" in p.message]


def test_a_folder_put_where_an_output_file_was_is_said_by_the_next_build_not_taken_for_a_no_op(small_site):
    """rm output/feed.xml; mkdir output/feed.xml: the no-op check stat'ed it as there, and the build
    said "0 written" over a site without its feed; now it names it, as --force did."""
    build_site(small_site)
    (small_site / "output/feed.xml").unlink()
    (small_site / "output/feed.xml").mkdir()
    (small_site / "output/feed.xml/x").write_text("x")
    result = subprocess.run([sys.executable, "-m", "ssg", "build", str(small_site)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 2 and result.stderr.strip().endswith("output 'feed.xml' is a folder in "
                                                                      f"{small_site / 'output'}: remove it, or the content that made it"), result.stderr


def test_a_folder_where_the_cache_file_should_be_is_discarded_with_a_warning(small_site):
    (small_site / ".ssg-cache/cache.sqlite").mkdir(parents=True)
    report = build_site(small_site)
    assert any("discarded" in str(p) for p in report.problems) and report.articles == 5


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "ssg", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_version_help_and_one_line_errors(small_site):
    assert run_cli("--version").stdout.startswith("ssg ")
    helptext = run_cli("build", "--help").stdout
    for flag in ("--base-url", "--content", "--output", "--strict", "--debug", "-j", "SITE_DIR"):
        assert flag in helptext
    (small_site / "site.toml").write_text("titel = 'x'\n")
    result = run_cli("build", str(small_site))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "did you mean 'title'" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_build_prints_one_summary_line(small_site):
    result = run_cli("build", str(small_site), "-j", "1")
    assert result.returncode == 0, result.stderr
    assert re.search(r"5 articles, \d+ pages, \d+ feeds, .* 0 skipped files or rows, \d+ warnings, [\d.]+ s", result.stdout)
    assert "timings" not in result.stderr
    (small_site / "content/2024/a.md").write_text((small_site / "content/2024/a.md").read_text() + "\nفقرة.\n")
    result = run_cli("build", str(small_site), "-j", "2", "--debug")     # and where the time went, on stderr
    stages = re.search(r"^timings: (.*)$", result.stderr, re.M).group(1)
    # "index": the wait for the search index's process, resumed from the state the last build saved
    assert [s.split()[0] for s in stages.split(", ")] == ["scan", "check", "read", "assemble", "plan", "index", "walk",
                                                          "diff", "render", "commit", "cache"], stages
    shutil.rmtree(small_site / ".ssg-cache")
    result = run_cli("build", str(small_site), "-j", "2", "--debug")     # an index made from scratch, in the standby:
    stages = re.search(r"^timings: (.*)$", result.stderr, re.M).group(1)  # its files are asked for after the other pages
    assert [s.split()[0] for s in stages.split(", ")] == ["scan", "read", "assemble", "plan", "walk", "diff",
                                                          "index", "render", "commit", "cache"], stages


def test_the_site_size_is_told_by_kind_of_output_and_the_warning_names_the_largest(small_site):
    """A site near GitHub Pages' 1 GB is told what its bytes are (article pages, listings, search,
    feeds, sitemaps), each kind the sum of those files on disk; the no-op build says the same."""
    assert build_site(small_site).sizes == ()           # (only past the warning's size: it costs a loop over every page)
    with open(small_site / "site.toml", "a", encoding="utf-8") as f:
        f.write("\n[build]\nsize_warning_mb = 0\n")
    report = build_site(small_site, force=True)
    sizes = dict(report.sizes)
    assert sum(sizes.values()) == report.output_bytes and len(report.sizes) == len(sizes)
    assert [size for _, size in report.sizes] == sorted(sizes.values(), reverse=True)
    out = small_site / "output"
    on_disk = lambda paths: sum(p.stat().st_size for p in paths)
    pages = [p for p in out.rglob("index.html") if "<article>" in p.read_text(encoding="utf-8")
             and 'property="og:type" content="article"' in p.read_text(encoding="utf-8")]
    assert len(pages) == report.articles and sizes["article pages"] == on_disk(pages)
    assert sizes["search index"] == on_disk(p for p in (out / "search").rglob("*") if p.is_file() and p.suffix != ".html")
    assert sizes["feeds"] == on_disk(p for p in out.rglob("*") if p.name in ("feed.xml", "atom.xml", "feed.json"))
    assert sizes["sitemaps"] == on_disk([*out.glob("*sitemap*.xml"), *(out / "sitemaps").glob("*.xml")])
    assert sizes["listing and other pages"] == on_disk(p for p in out.rglob("*.html") if p not in pages)
    result = run_cli("build", str(small_site))
    assert result.returncode == 0, result.stderr
    warning = re.search(r"^warning: output/ is \d+ MB; GitHub Pages publishes at most 1 GB \((.*); "
                        r"docs/github-pages.md says what to cut\)$", result.stderr, re.M)
    assert warning, result.stderr
    told = [part.rsplit(" ", 2)[0] for part in warning.group(1).split(", ")]
    assert told[0] == report.sizes[0][0] and set(told) <= sizes.keys() and "0 written" in result.stdout


def test_the_ssg_program_leaves_after_a_build_with_its_output_said_and_the_index_state_saved(small_site):
    """As a program, ``ssg build`` ends without freeing the build's objects (``build.leave``): its
    lines are still all printed, and the search index's process is waited for, so its state for
    the next build is complete the moment the command returns."""
    result = run_cli("build", str(small_site), "-j", "2", "--debug")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^5 articles, .* site size [\d.]+ MB$", result.stdout, re.M) and "timings: " in result.stderr
    assert not list((small_site / ".ssg-cache").glob("*.tmp"))
    from ssg import plan
    state, warning = plan.index_store(small_site / ".ssg-cache").load()
    assert state is not None and warning is None
    bad = run_cli("build", str(small_site / "missing"))       # a failed build still exits the usual way
    assert bad.returncode == 2 and bad.stderr.startswith("error: ")


def test_the_program_under_a_profiler_exits_so_that_the_profile_is_written(small_site, tmp_path):
    """bench/README.md's recipe, ``python -m cProfile -o F -m ssg build SITE``: ``build.leave`` ends
    the process with ``os._exit``, which would skip the profiler's own exit and write no F."""
    profile = tmp_path / "ssg.prof"
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "ssg", "build", str(small_site), "-j", "1"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0 and re.search(r"^5 articles, ", result.stdout, re.M), result.stderr
    functions = {name for _, _, name in pstats.Stats(str(profile)).stats}
    assert "read_source" in functions and "render_all" in functions


def test_two_builds_started_at_once_in_one_process_each_make_their_whole_site(tmp_path):
    """A watcher's thread may start a build while the caller builds another site (the watch tests'
    clean builds did): each must see its own files, not the other's read stage."""
    import threading
    sites = [make_site(tmp_path / name, SMALL_SITE) for name in ("one", "two", "three")]
    reports = {}
    threads = [threading.Thread(target=lambda s=s: reports.__setitem__(s.name, build_site(s))) for s in sites]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    alone = tree(sites[0] / "output")
    for site in sites:
        assert reports[site.name].articles == 5 and not reports[site.name].problems
        assert tree(site / "output") == alone, site.name


def test_cache_from_another_version_is_discarded_with_a_warning(small_site):
    import sqlite3
    build_site(small_site)
    db = sqlite3.connect(small_site / ".ssg-cache/cache.sqlite")
    db.execute("UPDATE meta SET value='schema=0;ssg=0.0.1;python=3.0' WHERE key='version'")
    db.commit()
    db.close()
    report = build_site(small_site)
    assert any("another version" in str(p) for p in report.problems)
    assert report.articles == 5 and report.rendered and report.written == frozenset()   # re-rendered, bytes identical
    again = build_site(small_site)                  # a no-op: the cache is this version's now, said once
    assert not again.rendered and not [p for p in again.problems if "another version" in str(p)]


def _reads(site) -> tuple[object, int]:
    """A -j1 build, and how many files it read (not taken from the cache)."""
    from ssg.build import build
    from ssg.config import load_config, with_overrides
    read = []
    report = build(with_overrides(load_config(site), workers=1), progress=lambda stage, n, total: read.append(total) if stage == "read" else None)
    return report, (read[-1] if read else 0)


def _another(real, *changed):
    """``code_digest`` as if the code of the whole package (no roots) or of the modules ``changed``
    (roots) had changed."""
    return lambda *roots: "another" if roots in changed else real(*roots)


def test_another_ssg_code_renders_everything_again_and_reads_nothing_again(small_site, monkeypatch):
    """Fingerprints and the no-op check include a digest of ssg's code: an upgraded ssg does not
    keep the pages and feeds its old code made (here the bytes come out the same). The cached
    reads hold for as long as the code that reads is the same (read and what it imports, scan,
    build's READ_CODE): a change elsewhere reads no file again."""
    from ssg import build, deps, plan
    first = build_site(small_site)
    for module in (plan, build):
        monkeypatch.setattr(module, "code_digest", _another(deps.code_digest, ()))
    report, reread = _reads(small_site)
    kept = first.rendered - report.rendered        # only what is copied or content-addressed (the index's shards)
    assert kept and all(o.startswith(("search/", "css/", "js/")) and not o.endswith(".html") for o in kept), sorted(kept)
    assert "index.html" in report.rendered and "feed.xml" in report.rendered and report.written == frozenset()
    assert reread == 0 and report.articles == 5


@pytest.mark.parametrize("change", ["read", "scan", "library", "build's read code"])
def test_another_reading_code_or_library_reads_every_file_again(small_site, monkeypatch, change):
    from ssg import build, deps, read
    build_site(small_site)
    if change == "read":
        monkeypatch.setattr(read, "code_digest", _another(deps.code_digest, ("read",)))
    elif change == "scan":
        monkeypatch.setattr(build, "code_digest", _another(deps.code_digest, ("scan",)))
    elif change == "library":
        monkeypatch.setattr(read, "library_versions", lambda: (("nh3", "99.0"),))
    else:
        monkeypatch.setattr(build, "_read_code_digest", lambda: "another")
    report, reread = _reads(small_site)
    assert reread == 5 and report.articles == 5 and report.written == frozenset()


def test_the_code_that_reads_is_digested_from_its_compiled_code_without_its_source(monkeypatch):
    from ssg import build

    with_source = [build._code_of(name) for name in build.READ_CODE]

    def no_source(fn):
        raise OSError("could not get source code")
    monkeypatch.setattr(build.inspect, "getsource", no_source)
    compiled = [build._code_of(name) for name in build.READ_CODE]
    assert compiled[0] != compiled[1] and compiled != with_source and all(compiled)


def test_the_code_of_build_that_reads_is_all_in_its_digest():
    """``_read_one`` and ``_init_read`` call no other function of build.py than each other: a helper
    added there would change what the cache keeps without changing ``reader_key``."""
    import types

    from ssg import build
    for name in build.READ_CODE:
        for used in getattr(build, name).__code__.co_names:
            found = vars(build).get(used)
            if isinstance(found, types.FunctionType) and found.__module__ == build.__name__:
                assert used in build.READ_CODE, (name, used)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_build_right_after_a_cold_one_stops_after_scan(small_site, workers):
    """(With 2 workers the outputs are stat'ed in a forked process while content/ is scanned.)"""
    build_site(small_site, workers=workers)      # cold: every file read and hashed
    report = build_site(small_site, workers=workers)
    assert [name for name, _ in report.timings] == ["scan", "check"]
    assert report.articles == 5 and report.rendered == frozenset()
    (small_site / "output/index.html").unlink()   # a missing output is not "unchanged"
    report = build_site(small_site, workers=workers)
    assert report.rendered == {"index.html"}


@pytest.mark.parametrize("workers", [1, 2])
def test_a_build_sees_output_as_it_is_pages_deleted_by_hand_return_and_strays_go(small_site, workers):
    """output/ is listed in a forked process while the build reads and plans (here, or later in
    this one with one worker): what it finds decides what is re-rendered and pruned."""
    build_site(small_site, workers=workers)
    out = small_site / "output"
    clean = tree(out)
    page = next(p for p in pages(out) if p.parent.parent.name.isdigit() and len(p.relative_to(out).parts) == 4)
    page.unlink()
    (out / "2024/stray.html").write_text("not ours")
    (out / "stray-folder").mkdir()
    (out / "stray-folder/x.txt").write_text("not ours")
    report = build_site(small_site, workers=workers)
    rel = page.relative_to(out).as_posix()
    assert report.rendered == {rel} and report.written == {rel}
    assert report.removed == {"2024/stray.html", "stray-folder/x.txt"}
    assert tree(out) == clean and not (out / "stray-folder").exists()


def test_adding_the_newest_article_leaves_older_numbered_listing_pages_alone(tmp_path):
    """Stable pagination, asserted on the work done: numbered pages carry no total count, so a new
    article rewrites only the landing page and the newest numbered page(s) of each listing."""
    bulk = "".join(f"-- content/bulk/{i:03d}.md --\n---\ntitle: خبر رقم {i}\ndate: 2022-01-{i % 28 + 1:02d}T{i % 24:02d}:00:00\n"
                   f"category: اقتصاد\ntags: [وسم]\n---\nنص {i}.\n" for i in range(40))
    site = make_site(tmp_path, SMALL_SITE + bulk)
    build_site(site)
    (site / "content/bulk/new.md").write_text("---\ntitle: أحدث خبر\ndate: 2024-12-31T10:00:00\ncategory: اقتصاد\n"
                                              "tags: [وسم]\n---\nنص جديد.\n", encoding="utf-8")
    report = build_site(site)
    numbered = sorted(f for f in report.rendered if "/page/" in f or f.startswith("page/"))
    listings = {f.split("page/")[0] for f in numbered}
    assert listings and all(sum(1 for f in numbered if f.startswith(base + "page/")) <= 2 for base in listings), numbered
    assert "category/اقتصاد/page/1/index.html" not in report.rendered and "page/1/index.html" not in report.rendered


def test_adding_the_newest_article_writes_the_search_fresh_file_not_the_shards(tmp_path, monkeypatch):
    """The work done by the search index for a new newest article: its postings go to the fresh
    file; the shards and tail files of the older articles, their doc records and other facets
    stay as they are. The index still finds the new article and every old one."""
    from ssg import search

    monkeypatch.setattr(search, "TAIL_DOCS", 16)
    monkeypatch.setattr(search, "FRESH_DOCS", 8)
    bulk = "".join(f"-- content/bulk/{i:03d}.md --\n---\ntitle: خبر رقم {i}\ndate: 2022-01-{i % 28 + 1:02d}T{i % 24:02d}:00:00\n"
                   f"category: اقتصاد\ntags: [وسم]\n---\nنص عن الزمرد والمملكة {i}.\n" for i in range(40))
    site = make_site(tmp_path, SMALL_SITE + bulk)
    build_site(site)
    before = tree(site / "output")
    (site / "content/bulk/new.md").write_text("---\ntitle: أحدث خبر عن الطاقة الشمسية\ndate: 2024-12-31T10:00:00\n"
                                              "category: اقتصاد\ntags: [وسم]\n---\nنص جديد عن الطاقة الشمسية والزمرد.\n", encoding="utf-8")
    report = build_site(site)
    searched = {f for f in report.written if f.startswith("search/")}
    shards = {f for f in before if f.startswith("search/t/") and f != "search/t/fresh.bin"}
    assert any("/tail-" in f for f in shards) and any("/tail-" not in f for f in shards)
    assert {f for f in searched if f.startswith("search/t/")} == {"search/t/fresh.bin"}
    assert len({f for f in searched if f.startswith("search/d/")}) == 1 and "search/manifest.json" in searched
    after = tree(site / "output")
    assert all(after[f] == before[f] for f in shards)
    index = search.read_index({f: data for f, data in after.items() if f.startswith("search/")})
    count = index.manifest["count"]
    assert index.manifest["tail"]["from"] == count - count % 16 and count > 32
    assert index.manifest["tail"]["fresh"] == count - count % 8 < count - 1      # (the new article did not fill it)
    newest = index.search("الشمسية")
    assert len(newest) == 1 and index.record(newest[0])[0] == "أحدث خبر عن الطاقة الشمسية"
    assert len(index.search("الزمرد")) == 41
