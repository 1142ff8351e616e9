"""What a built page and feed say about themselves: feeds' authors and summaries, the feeds a
page advertises, meta descriptions and Open Graph, NewsArticle data, page numbers in titles,
dates in the site's language. Asserted on the parsed output (feedparser, html.parser)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser

from tests.conftest import SMALL_SITE, build_site, make_site

ARTICLE = "output/2024/03/الخبر-الأول-عن-الاقتصاد/index.html"


def site_with(tmp_path: Path, site: str = "", feeds: str = "") -> Path:
    """SMALL_SITE with the top-level keys ``site`` and the [feeds] keys ``feeds`` set."""
    text = SMALL_SITE
    for table, lines in (("paginate_by", site), ("[feeds]\n", feeds)):
        for line in lines.splitlines():
            text = re.sub(rf"(?m)^{line.split('=')[0].strip()} = .*\n", "", text, count=1)
            text = text.replace(table, table + line + "\n" if table.endswith("\n") else f"{line}\n{table}", 1)
    return make_site(tmp_path, text)


class Head(HTMLParser):
    """A page's <title>, <meta> (name or property -> content), <link> and <h1> texts, and the
    <a> hrefs of its last <footer> (the page's, after an article's own)."""

    def __init__(self, text: str):
        super().__init__()
        self.title, self.meta, self.links, self.h1, self.footer = "", {}, [], [], []
        self._in = None
        self._footer = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and "content" in a:
            self.meta[a.get("name") or a.get("property")] = a["content"]
        elif tag == "link":
            self.links.append(a)
        elif tag in ("title", "h1"):
            self._in = tag
            if tag == "h1":
                self.h1.append("")
        elif tag == "footer":
            self._footer += 1
            self.footer = []
        elif tag == "a" and self._footer:
            self.footer.append(a["href"])

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None
        elif tag == "footer":
            self._footer -= 1

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1[-1] += data


def head(site: Path, rel: str) -> Head:
    return Head((site / rel).read_text(encoding="utf-8"))


def test_dates_join_date_and_time_the_way_the_site_language_does(tmp_path):
    english = site_with(tmp_path / "en", 'language = "en"\n')
    build_site(english)
    assert ">1 March 2024, 10:00</time>" in (english / ARTICLE).read_text(encoding="utf-8")
    arabic = site_with(tmp_path / "ar")
    build_site(arabic)
    assert ">1 مارس 2024، 10:00</time>" in (arabic / ARTICLE).read_text(encoding="utf-8")


def ld_json(site: Path, rel: str) -> dict:
    text = (site / rel).read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1))


def test_every_atom_entry_has_an_author_the_site_title_by_default(tmp_path):
    """RFC 4287 §4.1.1: an entry without an author takes the feed's, so the feed has one."""
    site = site_with(tmp_path, feeds="limit = 5\n")
    build_site(site)
    atom = (site / "output/atom.xml").read_text(encoding="utf-8")
    feed = feedparser.parse(atom)
    assert feed.bozo == 0 and feed.feed.author == "Test Archive"
    assert re.search(r"<feed [^>]*>.*?<author><name>Test Archive</name></author>.*?<entry>", atom, re.S)
    by_title = {e.title: e for e in feed.entries}
    assert by_title["الخبر الأول عن الاقتصاد"].author == "سارة"              # an entry's own author stays
    entries = re.findall(r"<entry>.*?</entry>", atom, re.S)
    assert sum("<author>" in e for e in entries) == 1 and len(entries) == 5    # the others are the feed's


def test_the_site_author_is_the_publisher_in_every_feed_and_in_news_article_data(tmp_path):
    site = site_with(tmp_path, 'author = "دار الاختبار"\n', 'term_formats = ["rss", "atom", "json"]\n')
    build_site(site)
    out = site / "output"
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    assert atom.bozo == 0 and atom.feed.author == "دار الاختبار"
    rss = feedparser.parse((out / "feed.xml").read_bytes())
    assert rss.bozo == 0 and rss.feed.publisher == "دار الاختبار"
    # RSS has no feed-level author to inherit (and names people by e-mail): each item says who
    # wrote it (dc:creator), its own author or else the site's
    assert {e.title: e.author for e in feedparser.parse((out / "category/اقتصاد/feed.xml").read_bytes()).entries} == {
        "Third story, in English": "دار الاختبار", "الخبر الأول عن الاقتصاد": "سارة", "خبر من العام الماضي": "دار الاختبار"}
    data = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    assert data["authors"] == [{"name": "دار الاختبار"}]
    assert [i.get("authors") for i in data["items"]] == [None, None, None]     # (none of the three newest has its own)
    # NewsArticle: the publisher is the article's source, else the site's author
    assert ld_json(site, ARTICLE)["publisher"] == {"@type": "Organization", "name": "صحيفة الاختبار"}
    assert ld_json(site, "output/2024/03/الخبر-الثاني-عن-الرياضة/index.html")["publisher"]["name"] == "دار الاختبار"


def test_without_a_site_author_rss_names_only_known_authors(small_site):
    build_site(small_site)
    rss = (small_site / "output/category/اقتصاد/feed.xml").read_text(encoding="utf-8")
    assert rss.count("<dc:creator>") == 1 and "<dc:creator>سارة</dc:creator>" in rss and "dc:publisher" not in rss
    assert "xmlns:dc" not in (small_site / "output/category/رياضة/feed.xml").read_text(encoding="utf-8")   # no author: no namespace
    assert "authors" not in json.loads((small_site / "output/feed.json").read_text(encoding="utf-8"))
    assert ld_json(small_site, "output/2024/03/الخبر-الثاني-عن-الرياضة/index.html")["publisher"]["name"] == "Test Archive"


def test_summary_feeds_say_they_carry_a_summary(small_site):
    """[feeds] full_text = false: the excerpt is Atom's <summary> (no <content>), RSS's
    <description> and JSON Feed's summary; JSON Feed's required content is the excerpt and a link
    to the article, so that a reader's article view shows where the rest is."""
    build_site(small_site)
    out = small_site / "output"
    atom_text = (out / "atom.xml").read_text(encoding="utf-8")
    assert "<summary>" in atom_text and "<content" not in atom_text
    atom = feedparser.parse(atom_text)
    assert atom.bozo == 0 and all(e.summary and "content" not in e for e in atom.entries)
    rss = feedparser.parse((out / "feed.xml").read_bytes())
    assert rss.entries[0].summary == "نص الخبر الرابع." and "content_encoded" not in (out / "feed.xml").read_text(encoding="utf-8")
    items = json.loads((out / "feed.json").read_text(encoding="utf-8"))["items"]
    assert all("content_text" not in i for i in items)
    first = items[0]
    assert first["summary"] == "نص الخبر الرابع."
    assert first["content_html"] == f'<p>نص الخبر الرابع.</p><p><a href="{first["url"]}">اقرأ الخبر كاملًا</a></p>'
    english = items[1]      # in another language than the site's: its excerpt says so
    assert english["language"] == "en" and english["content_html"].startswith('<p lang="en" dir="ltr">The third story')


def test_full_text_feeds_carry_the_article(small_site):
    toml = small_site / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("limit = 3", "limit = 3\nfull_text = true"), encoding="utf-8")
    build_site(small_site)
    out = small_site / "output"
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    assert atom.bozo == 0 and all("<p>" in e.content[0].value for e in atom.entries)
    items = json.loads((out / "feed.json").read_text(encoding="utf-8"))["items"]
    assert all(i["content_html"].startswith("<div lang=") and i["summary"] for i in items)


FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json"}


def advertised(page: Head) -> list[str]:
    return [link["href"] for link in page.links if link.get("rel") == "alternate" and link.get("type") in FEED_TYPES]


def test_pages_advertise_only_the_feeds_that_are_written(tmp_path):
    site = site_with(tmp_path / "no-rss", feeds="rss = false\n")
    build_site(site)
    out = site / "output"
    assert not (out / "feed.xml").exists() and (out / "atom.xml").is_file() and (out / "feed.json").is_file()
    home, article = head(site, "output/index.html"), head(site, ARTICLE)
    assert home.footer == article.footer == ["/archive/atom.xml", "/archive/feed.json", "/archive/archive/"]
    assert advertised(home) == ["/archive/atom.xml", "/archive/feed.json"]
    assert advertised(article) == ["/archive/atom.xml"]          # a page advertises the site's first feed
    assert advertised(head(site, "output/category/اقتصاد/index.html")) == ["/archive/atom.xml"]   # (no term feed: RSS alone, off)
    none = site_with(tmp_path / "none", feeds="rss = false\natom = false\njson = false\n")
    build_site(none)
    for rel in ("output/index.html", ARTICLE, "output/category/اقتصاد/index.html"):
        page = head(none, rel)
        assert page.footer == ["/archive/archive/"] and advertised(page) == [], rel
    assert not list((none / "output").rglob("feed.*")) and not list((none / "output").rglob("atom.xml"))


def test_pages_have_a_meta_description_and_listings_the_basic_open_graph_set(tmp_path):
    site = site_with(tmp_path, 'description = "أرشيف أخبار للاختبار"\n')
    build_site(site)
    article = head(site, ARTICLE)
    assert article.meta["description"] == article.meta["og:description"] == "فقرة أولى من الخبر الأول."
    assert article.meta["og:type"] == "article"
    home = head(site, "output/index.html")
    assert home.meta["description"] == "أرشيف أخبار للاختبار"
    assert {k: v for k, v in home.meta.items() if k.startswith("og:")} == {
        "og:type": "website", "og:title": "Test Archive", "og:url": "https://example.github.io/archive/",
        "og:site_name": "Test Archive"}         # (no og:description: the meta description is its fallback)
    # a term's page: a sentence naming the term, in the site's language
    term = head(site, "output/category/اقتصاد/index.html")
    assert term.meta["description"] == "أخبار تصنيف «اقتصاد» في Test Archive."
    assert term.meta["og:title"] == "اقتصاد" and term.meta["og:type"] == "website"
    assert term.meta["og:url"] == "https://example.github.io/archive/category/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/"
    assert head(site, "output/author/سارة/index.html").meta["description"] == "أخبار بقلم سارة في Test Archive."
    assert head(site, "output/2024/03/01/index.html").meta["description"] == "أرشيف أخبار للاختبار"   # other listings: the site's


def test_without_a_site_description_listings_have_none_and_terms_still_theirs(tmp_path):
    site = site_with(tmp_path, 'language = "en"\n')
    build_site(site)
    home = head(site, "output/index.html")
    assert "description" not in home.meta and "og:description" not in home.meta and home.meta["og:type"] == "website"
    assert head(site, "output/tag/نفط/index.html").meta["description"] == "Articles tagged نفط in Test Archive."


def test_a_listing_s_numbered_pages_say_their_number_in_title_and_heading(tmp_path):
    site = site_with(tmp_path / "ar")
    build_site(site)
    home, first, second = (head(site, f"output/{p}index.html") for p in ("", "page/1/", "page/2/"))
    assert (home.title, first.title, second.title) == ("Test Archive", "صفحة 1 – Test Archive", "صفحة 2 – Test Archive")
    assert second.h1 == ["Test Archive – صفحة 2"] and second.meta["og:title"] == "Test Archive – صفحة 2"
    landing, numbered = head(site, "output/category/اقتصاد/index.html"), head(site, "output/category/اقتصاد/page/1/index.html")
    assert landing.title == "اقتصاد – Test Archive" and landing.h1 == ["اقتصاد"]
    assert numbered.title == "اقتصاد – صفحة 1 – Test Archive" and numbered.h1 == ["اقتصاد – صفحة 1"]
    english = site_with(tmp_path / "en", 'language = "en"\n')
    build_site(english)
    assert head(english, "output/page/2/index.html").title == "Page 2 – Test Archive"
