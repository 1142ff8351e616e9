"""Stage 5b: machine-read outputs -> bytes. RSS 2.0 and Atom through feedgen, JSON Feed 1.1 as
JSON, and the sitemaps (sitemap index, per-year sitemaps, Google News sitemap).

Deterministic: every date comes from the articles (never the clock), so two builds of the same
content give the same bytes. URLs inside feeds are absolute.
"""
from __future__ import annotations

import functools
import html as html_lib
import json
import re
from datetime import datetime, timezone
from urllib.parse import urljoin

from xml.sax.saxutils import escape as xml_escape

from feedgen.feed import FeedGenerator

from .model import RenderJob
from .urls import absolute

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# A start tag, its attributes quoted either way or not at all (">" may stand inside quotes), and
# one of its attributes: what a body's HTML holds once cmark-gfm and nh3 wrote it (or, with
# sanitize_html = false, as its writer did). Text never holds "<" and a letter: it is "&lt;".
_TAG = re.compile(r"""<[A-Za-z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>""")
_ATTRIBUTE = re.compile(r"""(\s)([^\s"'>/=]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "poster", "longdesc", "usemap", "action", "formaction", "background"})
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def absolute_urls(html: str, base: str) -> str:
    """Every URL in ``html``'s tags made absolute against ``base``, the article's own URL, as the
    article's page resolves it: a feed is read away from that page, so "photo.jpg", "../other/",
    "#note" or "/about/" in it would resolve against the feed's URL, or not at all (the W3C feed
    validator's "relative reference" warning; RSS and JSON Feed have no xml:base)."""
    if "=" not in html:
        return html             # no attribute at all (most news bodies: they seldom link)

    def attribute(m: re.Match) -> str:
        name = m.group(2).lower()
        if name not in _URL_ATTRIBUTES and name != "srcset":
            return m.group(0)
        quoted = m.group(4)
        given = html_lib.unescape(quoted[1:-1] if quoted[0] in "\"'" else quoted)
        if name == "srcset":        # "a.jpg 1x, b.jpg 2x": each candidate's URL
            value = ", ".join(" ".join([_resolve(base, c.split()[0])] + c.split()[1:]) for c in given.split(",") if c.strip())
        else:
            value = _resolve(base, given)
        if value == given:
            return m.group(0)       # (absolute already: the bytes as they were)
        return f'{m.group(1)}{m.group(2)}="{html_lib.escape(value)}"'

    return _TAG.sub(lambda tag: _ATTRIBUTE.sub(attribute, tag.group(0)), html)


@functools.lru_cache(maxsize=4096)       # (an article is in several feeds, each format its own)
def _resolve(base: str, url: str) -> str:
    url = url.strip()
    return url if _ABSOLUTE.match(url) else urljoin(base, url)


class FeedRenderer:
    def __init__(self, site: dict, cards: dict, bodies, *, full_text: bool):
        self.site, self.cards, self.bodies, self.full_text = site, cards, bodies, full_text
        self._last: tuple | None = None       # (view, renderer or None, FeedGenerator): see generator()

    def absolute(self, url: str) -> str:
        return absolute(self.site["base_url"], url)

    def content(self, key: str, body_key: str | None) -> str:
        if self.full_text and body_key and self.bodies:
            card = self.cards[key]
            html = absolute_urls(self.bodies.get(body_key), self.absolute(card["url"]))
            return f'<div lang="{card["lang"]}" dir="{card["dir"]}">{html}</div>'    # direction travels with the text
        return self.cards[key]["summary"]

    def render(self, job: RenderJob) -> bytes:
        if job.renderer.startswith(("sitemap", "news-")):
            return self.sitemap(job)
        items = [self.cards[k] for k in job.view["items"]]
        bodies = dict(zip(job.view["items"], job.body_keys)) if job.body_keys else {}
        if job.renderer == "json":
            return self.json_feed(job, items, bodies)
        return self.xml_feed(job, items, bodies)

    def generator(self, job: RenderJob, items: list[dict], bodies: dict) -> FeedGenerator:
        """The feed's channel and entries, shared by its RSS and Atom jobs: they have the same view,
        one after the other in a worker's band (``parallel.bands`` keeps input order), and each
        serialisation builds its own tree from the generator without changing it. (With full text
        the entries' content differs by format, so each job makes its own.)"""
        mode = job.renderer if self.full_text else None
        if self._last is not None and self._last[0] is job.view and self._last[1] == mode:
            return self._last[2]
        fg = FeedGenerator()
        fg.id(self.absolute(job.view["page_url"]))
        fg.title(self._title(job))
        fg.description(self.site["description"] or self.site["title"])
        fg.subtitle(self.site["description"] or self.site["title"])
        fg.language(self.site["language"])
        fg.generator("ssg")
        newest = datetime.fromisoformat(items[0]["date"]) if items else _EPOCH
        fg.lastBuildDate(newest)
        fg.updated(newest)
        publisher = self.site["author"]
        # RFC 4287 §4.1.1: an Atom entry without an author has its feed's, so the feed has one
        fg.author({"name": publisher or self.site["title"]})
        # RSS names people by e-mail alone (managingEditor, an item's <author>) and has no author to
        # inherit: Dublin Core names the publisher, and each item's writer, its own or the publisher
        dc = bool(publisher) or any(card["author"] for card in items)
        if dc:
            fg.load_extension("dc", atom=False)
            if publisher:
                fg.dc.dc_publisher(publisher)
        for card in items:
            fe = fg.add_entry(order="append")
            url = self.absolute(card["url"])
            fe.id(url)
            fe.guid(url, permalink=True)
            fe.title(card["title"])
            fe.link(href=url)
            when = datetime.fromisoformat(card["date"])
            fe.published(when)
            fe.updated(when)
            if card["author"]:
                fe.author({"name": card["author"]["name"]})
            if dc and (card["author"] or publisher):
                fe.dc.dc_creator(card["author"]["name"] if card["author"] else publisher)
            terms = ([card["category"]] if card["category"] else []) + card["tags"]
            if terms:               # one call: feedgen checks every category it holds on each call
                fe.category([{"term": t["name"]} for t in terms])
            # The summary is text, and RSS's <description> HTML (RSS 2.0's examples, every reader): a
            # summary's "<" or "&" is escaped for it, else "about <script> tags" would be read as a
            # script. Atom's <summary> says which it holds: the text itself, or the same escaped
            # as type="html" when they differ (one summary serves both formats' entries)
            summary = card["summary"] or card["title"]
            escaped = html_lib.escape(summary, quote=False)
            if self.full_text:
                fe.description(escaped)
                fe.content(self.content(card["key"], bodies.get(card["key"])), type="CDATA" if job.renderer == "rss" else "html")
            else:       # an excerpt: Atom's <summary> (its <content> would be read as the article), RSS's <description>
                fe.summary(escaped, type="html" if escaped != summary else None)
        self._last = (job.view, mode, fg)
        return fg

    def _title(self, job: RenderJob) -> str:
        title = job.view["title"]
        return title if title == self.site["title"] else f"{title} – {self.site['title']}"

    def xml_feed(self, job: RenderJob, items: list[dict], bodies: dict) -> bytes:
        fg = self.generator(job, items, bodies)
        links = job.view["links"]
        # last: feedgen's RSS <link> is the last one
        fg.link([{"href": self.absolute(links[job.renderer]), "rel": "self"},
                 {"href": self.absolute(job.view["page_url"]), "rel": "alternate"}], replace=True)
        # One item a line, not indented: feeds are read by programs (indentation was ~9% of their
        # bytes) and a diff still shows items. A "<item>" inside CDATA only gains a newline.
        if job.renderer == "rss":
            return fg.rss_str(pretty=False).replace(b"<item>", b"\n<item>").replace(b"</channel>", b"\n</channel>")
        return fg.atom_str(pretty=False).replace(b"<entry>", b"\n<entry>").replace(b"</feed>", b"\n</feed>")

    def json_feed(self, job: RenderJob, items: list[dict], bodies: dict) -> bytes:
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self._title(job),
            "home_page_url": self.absolute(job.view["page_url"]),
            "feed_url": self.absolute(job.view["links"]["json"]),
            "language": self.site["language"],
            "items": [],
        }
        if self.site["description"]:
            feed["description"] = self.site["description"]
        if self.site["author"]:             # an item without authors has these (JSON Feed 1.1)
            feed["authors"] = [{"name": self.site["author"]}]
        for card in items:
            item = {"id": self.absolute(card["url"]), "url": self.absolute(card["url"]), "title": card["title"],
                    "date_published": card["date"]}
            if self.full_text:
                if card["summary"]:
                    item["summary"] = card["summary"]
                item["content_html"] = self.content(card["key"], bodies.get(card["key"]))
            else:
                # An excerpt is the summary. JSON Feed 1.1 wants content_html or content_text in every
                # item, and a reader shows it as the article: the excerpt, then a link to the rest.
                item["summary"] = summary = card["summary"] or card["title"]
                marks = f' lang="{card["lang"]}" dir="{card["dir"]}"' if card["lang"] != feed["language"] else ""
                item["content_html"] = (f'<p{marks}>{xml_escape(summary)}</p>'
                                        f'<p><a href="{item["url"]}">{xml_escape(self.site["labels"]["read_more"])}</a></p>')
            if card["lang"] != feed["language"]:       # else the feed's language is the item's
                item["language"] = card["lang"]
            if card["author"]:
                item["authors"] = [{"name": card["author"]["name"]}]
            tags = [t["name"] for t in card["tags"]] + ([card["category"]["name"]] if card["category"] else [])
            if tags:
                item["tags"] = tags
            feed["items"].append(item)
        return _json_lines(feed).encode("utf-8")

    # ------------------------------------------------------------------ sitemaps

    def sitemap(self, job: RenderJob) -> bytes:
        esc = lambda text: xml_escape(self.absolute(text))
        if job.renderer == "sitemap-index":
            rows = [f"<sitemap><loc>{esc(name)}</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "") + "</sitemap>"
                    for name, mod in job.view["sitemaps"]]
            return _xml("sitemapindex", 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"', rows)
        if job.renderer == "sitemap":
            rows = [f"<url><loc>{esc(url)}</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "") + "</url>"
                    for url, mod in job.view["urls"]]
            return _xml("urlset", 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"', rows)
        pub = (f"<news:publication><news:name>{xml_escape(job.view['publication'])}</news:name>"
               f"<news:language>{xml_escape(job.view['language'])}</news:language></news:publication>")
        rows = [f"<url><loc>{esc(i['url'])}</loc><news:news>{pub}<news:publication_date>{i['date']}</news:publication_date>"
                f"<news:title>{xml_escape(i['title'])}</news:title></news:news></url>" for i in job.view["items"]]
        return _xml("urlset", 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"', rows)


def _json_lines(feed: dict) -> str:
    """Compact JSON with one line per item: no indentation bytes, and a diff still shows items."""
    dumps = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    items = feed["items"]
    head = dumps({k: v for k, v in feed.items() if k != "items"})
    lines = "\n" + ",\n".join(map(dumps, items)) + "\n" if items else ""
    return head[:-1] + ',"items":[' + lines + "]}\n"


def _xml(root: str, namespaces: str, rows: list[str]) -> bytes:
    body = "\n".join(rows)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} {namespaces}>\n{body}\n</{root}>\n'.encode("utf-8")
