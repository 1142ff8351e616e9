"""FeedRenderer: the RSS and Atom jobs of one feed share its generator, and give the bytes each
would alone; an item's HTML holds only absolute URLs, and its summary is read as the text it is
(tests/test_feed_validity.py checks whole built sites' feeds as validators do)."""
from __future__ import annotations

import html
import json

import feedparser
import pytest
from lxml import etree

from ssg import feeds
from ssg.model import RenderJob

SITE = {"base_url": "https://example.org/archive/", "title": "أرشيف", "description": "", "language": "ar", "author": "",
        "labels": {"read_more": "اقرأ الخبر كاملًا"}}
CARDS = {
    f"k{i}": {"key": f"k{i}", "title": f"خبر {i} & <عنوان>", "url": f"2024/01/n{i}/", "lang": "ar", "dir": "rtl",
              "date": f"2024-01-{10 - i:02d}T08:30:00+03:00", "summary": f"ملخص {i}",
              "author": {"name": "كاتب"} if i % 2 else None, "category": {"name": "محليات"} if i != 2 else None,
              "tags": [{"name": "اقتصاد"}, {"name": "نفط"}][: i % 3]}
    for i in range(5)
}


class _Bodies:
    def get(self, digest: str) -> str:
        return f'<p>نص {digest} <a href="/2024/01/n1/">رابط</a></p>'


def _jobs(prefix: str, keys: list[str], full_text: bool) -> list[RenderJob]:
    links = {"rss": prefix + "feed.xml", "atom": prefix + "atom.xml", "json": prefix + "feed.json"}
    view = {"title": "محليات", "page_url": prefix, "items": keys, "links": links}
    bodies = tuple(f"b-{k}" for k in keys) if full_text else ()
    return [RenderJob(output=link, renderer=kind, template=None, view=view, body_keys=bodies, fingerprint="",
                      sources=tuple(keys)) for kind, link in links.items()]


@pytest.mark.parametrize("full_text", [False, True])
def test_rss_and_atom_of_one_feed_share_a_generator_and_match_unshared_output(monkeypatch, full_text):
    made = []
    real = feeds.FeedGenerator

    def counting():
        made.append(1)
        return real()

    monkeypatch.setattr(feeds, "FeedGenerator", counting)
    jobs = _jobs("category/x/", ["k0", "k1", "k2"], full_text) + _jobs("tag/y/", ["k1", "k3", "k4"], full_text)
    shared = feeds.FeedRenderer(SITE, CARDS, _Bodies(), full_text=full_text)
    together = [shared.render(job) for job in jobs]
    # each job alone, in a renderer of its own: no generator carried over
    alone = [feeds.FeedRenderer(SITE, CARDS, _Bodies(), full_text=full_text).render(job) for job in jobs]
    assert together == alone
    xml_jobs = sum(job.renderer != "json" for job in jobs)
    # shared: one generator per feed (two feeds), or per job with full text (content differs by format)
    assert len(made) - xml_jobs == (xml_jobs if full_text else 2)
    rss, atom = together[0].decode(), together[1].decode()
    assert '<atom:link href="https://example.org/archive/category/x/feed.xml" rel="self"' in rss
    assert "<link>https://example.org/archive/category/x/</link>" in rss
    assert '<link href="https://example.org/archive/category/x/atom.xml" rel="self"/>' in atom
    assert "tag/y/" not in rss + atom
    # k0: its category; k1: its category and a tag; k2: two tags and no category
    assert rss.count("<category>") == 5 and atom.count("<category ") == 5


BASE = "https://example.org/archive/2024/01/%D8%AE%D8%A8%D8%B1/"


@pytest.mark.parametrize("given, resolved", [
    ('<a href="../n1/">', '<a href="https://example.org/archive/2024/01/n1/">'),
    ('<a href="/about/">', '<a href="https://example.org/about/">'),                  # as the article's page reads it
    ('<img alt="a > b" src="pic.jpg">', f'<img alt="a > b" src="{BASE}pic.jpg">'),
    ('<a href="#note">', f'<a href="{BASE}#note">'),
    ('<a href="?page=2">', f'<a href="{BASE}?page=2">'),
    ('<a href="//cdn.example.net/x.png">', '<a href="https://cdn.example.net/x.png">'),
    ("<a href='/single/' rel=x>", '<a href="https://example.org/single/" rel=x>'),
    ("<img src=/bare.png>", '<img src="https://example.org/bare.png">'),
    ('<blockquote cite="src/">', f'<blockquote cite="{BASE}src/">'),
    ('<img srcset="a.jpg 1x, /b.jpg 2x">', f'<img srcset="{BASE}a.jpg 1x, https://example.org/b.jpg 2x">'),
    ('<a href="q?a=1&amp;b=2">', f'<a href="{BASE}q?a=1&amp;b=2">'),
    # absolute already, and text that only looks like a tag: unchanged
    ('<a href="https://example.net/a?b=1&amp;c=2">', '<a href="https://example.net/a?b=1&amp;c=2">'),
    ('<a href="mailto:desk@example.org">', '<a href="mailto:desk@example.org">'),
    ('<code>href="/x/"</code> &lt;a href="/y/"&gt;', '<code>href="/x/"</code> &lt;a href="/y/"&gt;'),
])
def test_a_body_url_is_made_absolute_against_the_article_url(given, resolved):
    assert feeds.absolute_urls(given, BASE) == resolved


def test_full_text_feeds_carry_no_relative_url():
    """A body's "photo.jpg" or "../other/" means the article's page's neighbour: in a feed (read
    far from that page, W3C's validator warns of relative references) it is made absolute."""
    class Bodies:
        def get(self, digest):
            return '<p><a href="../n1/">a</a> <img src="pic.jpg" alt=""> <a href="#note">n</a></p>'

    jobs = _jobs("", ["k0"], True)
    rss, atom, json_feed = (feeds.FeedRenderer(SITE, CARDS, Bodies(), full_text=True).render(job).decode() for job in jobs)
    page = "https://example.org/archive/2024/01/n0/"
    for text in (rss, atom.replace("&quot;", '"'), json_feed.replace('\\"', '"')):
        assert 'href="https://example.org/archive/2024/01/n1/"' in text
        assert f'src="{page}pic.jpg"' in text and f'href="{page}#note"' in text
        assert 'href="../' not in text and 'src="pic' not in text and 'href="#' not in text


@pytest.mark.parametrize("full_text", [False, True])
def test_a_summary_is_text_in_every_format(full_text):
    """RSS's <description> is read as HTML: a summary that talks about "<script>" tags (text, as
    summaries are) is escaped for it, not taken for a script by readers (feedparser dropped the
    rest of the summary). Atom's <summary> says type="html" when it is escaped, and stays plain
    text otherwise."""
    text = "عن وسم <script> في الصفحات، و a<b و AT&T"
    cards = {**CARDS, "k0": {**CARDS["k0"], "summary": text}}
    jobs = _jobs("", ["k0", "k1"], full_text)
    rss, atom, json_feed = (feeds.FeedRenderer(SITE, cards, _Bodies(), full_text=full_text).render(job) for job in jobs)
    assert etree.fromstring(rss).findtext("channel/item/description") == html.escape(text, quote=False)
    shown = [feedparser.parse(rss).entries[0].summary]
    if not full_text:
        summary = etree.fromstring(atom).find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary")
        assert summary.get("type") == "html" and summary.text == html.escape(text, quote=False)
        shown.append(feedparser.parse(atom).entries[0].summary)
        plain = etree.fromstring(atom).findall("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary")[1]
        assert plain.get("type") is None and plain.text == CARDS["k1"]["summary"]       # nothing to escape: text
    assert [html.unescape(s) for s in shown] == [text] * len(shown)
    assert json.loads(json_feed)["items"][0]["summary"] == text                           # JSON Feed's summary is text
