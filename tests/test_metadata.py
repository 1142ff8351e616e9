"""What a built page and feed say about themselves: feeds' authors and summaries, the feeds a
page advertises, meta descriptions and Open Graph, NewsArticle data, page numbers in titles,
dates in the site's language. Asserted on the parsed output (feedparser, html.parser)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import SMALL_SITE, build_site, make_site

ARTICLE = "output/2024/03/الخبر-الأول-عن-الاقتصاد/index.html"


def site_with(tmp_path: Path, site: str = "", feeds: str = "") -> Path:
    """SMALL_SITE with the top-level keys ``site`` and the [feeds] keys ``feeds`` set."""
    text = SMALL_SITE
    for line in site.splitlines():
        key = line.split("=")[0].strip()
        text = re.sub(rf"(?m)^{key} = .*\n", "", text, count=1).replace("paginate_by", f"{line}\npaginate_by", 1)
    return make_site(tmp_path, text.replace("[feeds]\n", f"[feeds]\n{feeds}", 1))


class Head(HTMLParser):
    """A page's <title>, <meta> (name or property -> content), <link> and <h1> texts, and the
    <a> hrefs of its <footer>."""

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
