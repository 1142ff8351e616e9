"""Stage 4: Site -> RenderJobs, one per output file, each with its view and fingerprint.

This is the one place where page policy lives:
- *Stable pagination*: listing pages are numbered from the oldest article and made once full, so
  a numbered page never changes when news is added; the landing page shows the newest
  ``paginate_by`` articles. Adding one article rewrites the landing page of each listing it
  belongs to, and the newest numbered page or two only when it fills a page, never the whole listing.
- *Cards*: listings and feeds see articles through ``card`` views; a listing's fingerprint holds
  the card digests, so a body edit re-renders only the article page (and full-text feeds).
"""
from __future__ import annotations

import functools
import itertools
import operator
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Callable, Sequence

from . import search
from .cache import IndexStore, fetch_terms
from .config import FEED_FILES, SiteConfig
from .deps import TemplateGraph, code_digest, digest, fingerprint
from .memo import Memo
from .model import TAXONOMY_FIELDS, Article, Period, RenderJob, Site, Taxonomy, Term, term_names
from .urls import absolute, output_path, period_url

LABELS = {
    "ar": {"home": "الرئيسية", "archive": "الأرشيف", "newer": "الأحدث", "older": "الأقدم", "page": "صفحة",
           "previous": "السابق", "next": "التالي", "related": "مقالات ذات صلة", "source": "المصدر",
           "author": "الكاتب", "category": "التصنيف", "section": "القسم", "tags": "الوسوم", "published": "نُشر",
           "updated": "حُدّث", "subscribe": "اشترك", "articles": "مقالات", "search": "بحث", "not_found": "الصفحة غير موجودة",
           "not_found_text": "لم نجد هذه الصفحة. ربما نُقلت أو حُذفت.", "undated": "بلا تاريخ", "skip": "تخطَّ إلى المحتوى",
           "original": "المصدر الأصلي", "agency": "الوكالة", "years": "السنوات", "months": "الأشهر", "menu": "القائمة",
           "breadcrumb": "مسار التصفح", "read_more": "اقرأ الخبر كاملًا",
           "term_description": {"category": "أخبار تصنيف «{name}» في {site}.", "section": "أخبار قسم «{name}» في {site}.",
                                "tags": "أخبار موسومة بـ«{name}» في {site}.", "source": "أخبار المصدر «{name}» في {site}.",
                                "author": "أخبار بقلم {name} في {site}."}},
    "en": {"home": "Home", "archive": "Archive", "newer": "Newer", "older": "Older", "page": "Page",
           "previous": "Previous", "next": "Next", "related": "Related articles", "source": "Source",
           "author": "Author", "category": "Category", "section": "Section", "tags": "Tags", "published": "Published",
           "updated": "Updated", "subscribe": "Subscribe", "articles": "articles", "search": "Search",
           "not_found": "Page not found", "not_found_text": "This page does not exist. It may have moved or been removed.",
           "undated": "Undated", "skip": "Skip to content", "original": "Original source", "agency": "Agency",
           "years": "Years", "months": "Months", "menu": "Menu", "breadcrumb": "Breadcrumb",
           "read_more": "Read the full article",
           "term_description": {"category": "Articles filed under {name} in {site}.", "section": "Articles in the {name} section of {site}.",
                                "tags": "Articles tagged {name} in {site}.", "source": "Articles from {name} in {site}.",
                                "author": "Articles by {name} in {site}."}},
}
ARTICLES = {                  # "n articles", a form for each of the language's plural categories (CLDR)
    "ar": {"zero": "لا مقالات", "one": "مقال واحد", "two": "مقالان", "few": "{n} مقالات", "many": "{n} مقالًا", "other": "{n} مقال"},
    "en": {"one": "{n} article", "other": "{n} articles"},
}
SITEMAP_MAX = 50_000          # URLs per sitemap file (the sitemaps.org limit)
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


# --------------------------------------------------------------------------- dates in the site language

@dataclass(frozen=True, slots=True)
class DateFormatter:
    months: tuple[str, ...]
    arabic_digits: bool
    joiner: str = ", "          # between a date and its time: the language's own (CLDR), "، " in Arabic
    lang: str = "en"            # the labels' language: "ar" or "en"

    @classmethod
    def for_config(cls, config: SiteConfig) -> "DateFormatter":
        from babel import Locale, UnknownLocaleError
        try:
            locale = Locale.parse(config.language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            locale = Locale.parse("en")
        names = locale.months["format"]["wide"]
        # CLDR's medium date-time pattern, "{1}، {0}" in Arabic, "{1}, {0}" in English and French
        pattern = str(locale.datetime_formats.get("medium", ""))
        joiner = pattern[3:-3] if pattern.startswith("{1}") and pattern.endswith("{0}") and "'" not in pattern else ", "
        return cls(months=tuple(names[i] for i in range(1, 13)), arabic_digits=config.arabic_digits, joiner=joiner,
                   lang="ar" if config.language.startswith("ar") else "en")

    def articles(self, n: int) -> str:
        """"n articles" in the noun's form for n, by CLDR's plural rules: 1 مقال واحد, 2 مقالان,
        3-10 مقالات, 11-99 مقالًا, 100 مقال; 1 article, 2 articles."""
        if self.lang == "ar":
            r = n % 100
            form = "zero" if n == 0 else "one" if n == 1 else "two" if n == 2 else "few" if 3 <= r <= 10 else \
                "many" if 11 <= r <= 99 else "other"
        else:
            form = "one" if n == 1 else "other"
        return self.digits(ARTICLES[self.lang][form].format(n=n))

    def digits(self, text: str) -> str:
        return text.translate(_ARABIC_INDIC) if self.arabic_digits else text

    def date(self, d: datetime) -> str:
        return self.digits(f"{d.day} {self.months[d.month - 1]} {d.year}")

    def datetime(self, d: datetime) -> str:
        return self.digits(f"{d.day} {self.months[d.month - 1]} {d.year}{self.joiner}{d.hour:02d}:{d.minute:02d}")   # (not %H:%M: 3x slower)

    def month(self, year: int, month: int) -> str:
        return self.digits(f"{self.months[month - 1]} {year}")

    def hijri(self, d: datetime, language: str) -> str | None:
        """The Umm al-Qura date of ``d`` (hijridate), e.g. "27 محرم 1443 هـ"; None outside its range."""
        from hijridate import Gregorian
        try:
            h = Gregorian(d.year, d.month, d.day).to_hijri()
        except (ValueError, OverflowError):
            return None
        lang = "ar" if language.startswith("ar") else "en"
        return self.digits(f"{h.day} {h.month_name(lang)} {h.year} {h.notation(lang)}")


# --------------------------------------------------------------------------- views

def globals_view(site: Site, config: SiteConfig) -> dict:
    lang = "ar" if config.language.startswith("ar") else "en"
    nav = [{"title": t.title, "url": t.url} for t in site.taxonomies if t.name in ("category", "section", "source")]
    if config.pages.dates:
        nav.append({"title": LABELS[lang]["archive"], "url": "archive/"})
    return {
        "title": config.title, "description": config.description, "base_url": config.base_url,
        "base_path": config.base_path, "language": config.language, "dir": config.dir, "author": config.author,
        "feeds": _feed_links(config, ""), "nav": nav, "labels": LABELS[lang], "extra": dict(config.extra),
        "show_hijri": config.show_hijri, "pages": _pages(config),
    }


def _pages(config: SiteConfig) -> dict:
    """The kinds of page the site has ([pages]): a template links to them only where they are."""
    return {"search": config.pages.search, "authors": config.pages.authors, "sources": config.pages.sources,
            "dates": config.pages.dates}


def _feed_links(config: SiteConfig, prefix: str, *, term: bool = False) -> dict:
    """Format -> URL of the feeds at ``prefix``: the site's, or a term's (``term``), which come in
    ``term_formats`` only (RSS by default, as in Hugo and Nikola: three copies of every term's
    feed were two thirds of the feeds' work and files, 3,000 of 23,000 files at 10k articles)."""
    f = config.feeds
    return {kind: prefix + name for kind, name in FEED_FILES.items()
            if getattr(f, kind) and (not term or kind in f.term_formats)}


def card_view(a: Article, site: Site, term_urls: dict, fmt: DateFormatter, shared: dict | None = None) -> dict:
    """``shared``: one {name, url} dict per term, used by every card that names it (read-only;
    100k cards holding their own copies cost ~150 MB)."""
    shared = {} if shared is None else shared

    def term(tax: str, name: str | None):
        if not name:
            return None
        view = shared.get((tax, name))
        if view is None:
            view = shared[(tax, name)] = {"name": name, "url": term_urls.get((tax, name))}
        return view

    return {
        "key": a.key, "title": a.title, "url": site.urls[a.key], "lang": a.language, "dir": a.dir,
        "date": a.date.isoformat() if a.date else None,
        "date_text": fmt.datetime(a.date) if a.date else None,
        "category": term("category", a.category), "section": term("section", a.section),
        "source": term("source", a.source), "author": term("author", a.author),
        "tags": [term("tags", t) for t in a.tags], "summary": a.summary,
    }


def article_view(a: Article, cards: dict, neighbours: tuple, related: list[str], config: SiteConfig, fmt: DateFormatter,
                 shared: dict | None = None) -> dict:
    """``shared``: breadcrumb lists, one per (year, month, term), used by every article under them."""
    newer, older = neighbours
    card = cards[a.key]
    term = card["section"] or card["category"]
    where = (a.date.year if a.date else None, a.date.month if a.date else None, term["url"] if term else None)
    crumbs = (shared or {}).get(where)
    if crumbs is None:
        crumbs = [{"title": LABELS["ar" if config.language.startswith("ar") else "en"]["home"], "url": ""}]
        if a.date and config.pages.dates:
            crumbs.append({"title": fmt.digits(str(a.date.year)), "url": f"{a.date.year:04d}/"})
            crumbs.append({"title": fmt.month(a.date.year, a.date.month), "url": f"{a.date.year:04d}/{a.date.month:02d}/"})
        if term:
            crumbs.append({"title": term["name"], "url": term["url"]})
        if shared is not None:
            shared[where] = crumbs
    return {
        "kind": "article", "title": a.title, "url": card["url"], "lang": a.language, "dir": a.dir,
        "article": card, "dek": a.dek, "hijri": fmt.hijri(a.date, config.language) if config.show_hijri and a.date else None,
        "agency": a.agency, "source_url": a.source_url, "updated": a.updated.isoformat() if a.updated else None,
        "updated_text": fmt.datetime(a.updated) if a.updated else None, "word_count": a.word_count,
        "newer": newer, "older": older, "related": related, "breadcrumbs": crumbs,
    }


# --------------------------------------------------------------------------- pagination

def paginate(keys: tuple[str, ...], per_page: int, base: str, first: int = 1) -> list[tuple[str, tuple[str, ...], dict]]:
    """Stable pagination: numbered pages count from the oldest; the landing page is the newest.
    A numbered page is made once it is full: the newest articles beyond the last full page are on
    the landing page (which shows ``per_page``, more than they are), so a new article rewrites the
    landing page alone until it fills a page, and a full page's articles never change with news
    (a cited page/12/ keeps showing what it showed). ``first``: the landing page and the numbered
    pages from this one on only."""
    n = len(keys)
    if n <= per_page:
        return [(base, keys, {"number": None, "newer": None, "older": None})]
    total = n // per_page                                # full pages only
    pages = []
    first_older = (n - 1 - per_page) // per_page + 1     # the page holding the item after the landing's last
    # No page knows the page count: a new page would otherwise rewrite every old one.
    pages.append((base, keys[:per_page], {"number": None, "newer": None, "older": f"{base}page/{first_older}/"}))
    for k in range(max(first, 1), total + 1):
        chunk = keys[n - k * per_page: n - (k - 1) * per_page]
        newer = base if k == total else f"{base}page/{k + 1}/"
        older = f"{base}page/{k - 1}/" if k > 1 else None
        pages.append((f"{base}page/{k}/", chunk, {"number": k, "newer": newer, "older": older}))
    return pages


# --------------------------------------------------------------------------- the plan

class Planner:
    """Builds every job. ``cards`` and ``card_digests`` are shared with the renderer workers."""

    def __init__(self, site: Site, config: SiteConfig, graph: TemplateGraph, redirects: dict[str, str] | None = None,
                 *, memo: Memo | None = None, runner: Callable | None = None, terms: dict | None = None):
        self.site, self.config, self.graph = site, config, graph
        self.terms = terms or {}            # search terms at hand (of the files read in this build), by digest
        self.memo = memo or Memo()
        self.runner = runner or _here
        self.warnings: list[str] = []       # about .ssg-cache, for the build report
        self.redirects = redirects or {}
        self.fmt = DateFormatter.for_config(config)
        self.made: list[RenderJob] = []                # the jobs made (not reused from the memo) by this plan
        self.index_process = None           # ready when the search index's process has ended (None: made here)
        term_urls = {(t.taxonomy, t.name): t.url for tax in site.taxonomies for t in tax.terms}
        # last build's dict when equal, so that a card's memo key can hold it and compare by identity
        self.term_urls = self.memo.get("term_urls", None, term_urls) or self.memo.put("term_urls", None, term_urls, term_urls)
        self.term_views, self.crumbs = {}, {}
        # ssg watch: while the site's skeleton is last build's (assemble reused it, so the URL map is
        # the same object), only the articles that are not last build's objects are looked at again.
        self.skeleton = (site.urls, self.term_urls)
        self.last: _Last | None = self.memo.same("planner", None, self.skeleton)
        last = self.last
        # ssg watch after a change to the skeleton: the state the last plan left (``prev``) and, when
        # assemble patched the site that plan was made from (so only they moved, URLs included),
        # the keys of the articles that came, went or changed shape (``moved``)
        entry = self.memo.entry("planner") if last is None and self.memo.keep else None
        self.prev: _Last | None = entry[1] if entry else None
        self.moved: frozenset[str] | None = site.moved if entry and site.since is entry[0][0] \
            and entry[0][1] is self.term_urls else None
        since = last or (self.prev if self.moved is not None else None)
        if since is None:
            self.changed = None                        # every article is new to this planner
            self.by_key = {a.key: a for a in site.articles}
            self.cards, self.card_digests = {}, {}
            for a in site.articles:
                self.cards[a.key], self.card_digests[a.key] = self.card(a)
        else:
            # every card is the last one but those of the articles that are not last plan's objects
            self.by_key, self.cards, self.card_digests = dict(since.by_key), dict(since.cards), dict(since.card_digests)
            for k in self.moved or ():
                if k not in site.urls:                 # gone
                    for table in (self.by_key, self.cards, self.card_digests):
                        table.pop(k, None)
            self.changed = _not_in(site.articles, since.by_key)
            for a in self.changed:
                self.by_key[a.key] = a
                self.cards[a.key], self.card_digests[a.key] = self.card(a)
        # and the articles whose card changed (its URL is in it): when assemble said what moved,
        # only the changed articles' cards can have
        self.recards = None
        if self.prev is not None:
            before = self.prev.card_digests
            self.recards = [k for k, d in self.card_digests.items() if before.get(k) != d] if self.moved is None else \
                [a.key for a in self.changed if before.get(a.key) != self.card_digests[a.key]]
        self.dirty: set[str] | None = None       # then, the listings that list one of those (``listings``)
        self.globals = globals_view(site, config)
        self.base = fingerprint(config.digest, code_digest(), self.globals)
        self.card_template_digest = graph.closure_digest("_card.html") if "_card.html" in graph.all_templates() else ""

    @functools.cached_property
    def position(self) -> dict[str, int]:
        """Article key -> its place in the site's order."""
        return dict(zip(map(_KEY, self.site.articles), itertools.count()))

    def card(self, a: Article) -> tuple[dict, str]:
        key = (a, self.site.urls[a.key], self.term_urls)
        made = self.memo.get("card", a.key, key)
        if made is None:
            card = card_view(a, self.site, self.term_urls, self.fmt, self.term_views)
            made = self.memo.put("card", a.key, key, (card, fingerprint(card)))
        return made

    def job(self, url_or_path: str, renderer: str, template: str | None, view: dict, *, items=(), bodies=(), path=False,
            hashed: dict | None = None) -> RenderJob:
        """``hashed``: what of the view goes into the fingerprint, when not all of it has to (an
        article page's own card is one of its items, whose card digests the fingerprint holds)."""
        output = url_or_path if path else output_path(url_or_path)
        tdigest = self.graph.closure_digest(template) if template else ""
        if items and template:      # cards are rendered through _card.html by the card_html() global
            tdigest += self.card_template_digest
        fp = fingerprint(self.base, tdigest, renderer, output, view if hashed is None else hashed,
                         list(map(self.card_digests.__getitem__, items)), list(bodies))
        job = RenderJob(output=output, renderer=renderer, template=template, view=view, body_keys=tuple(bodies),
                        fingerprint=fp, sources=tuple(items))
        self.made.append(job)
        return job

    def plan(self) -> list[RenderJob]:
        """Every job but the search index's: those are ``search()``'s, asked for when the index
        is needed (a cold build renders the other pages while its standby finishes the index)."""
        self.next = _Last(by_key=self.by_key, cards=self.cards, card_digests=self.card_digests)
        self._index = self.start_index() if self.config.pages.search else None
        jobs = list(self.article_jobs())       # a copy: the memo keeps the article jobs alone
        order, dates, updated, bodies = self.per_article()
        templates = tuple((t, self.graph.closure_digest(t)) for t in self.graph.all_templates())
        listings = self.listings_again(templates) if self.last is not None else None
        if listings is None:
            nxt = self.next
            if self.memo.keep:
                nxt.by_listing, nxt.listing_args = {}, {}      # filled by listing_jobs
                nxt.listings_key = (self.base, templates)
            listings = self.listings(order)
            if self.memo.keep:
                listed = {id(j) for js in nxt.by_listing.values() for j in js}
                nxt.other_listings = [j for j in listings if id(j) not in listed]
        jobs += listings
        key = (self.base, templates, order, dates, updated, self.site.urls, self.site.taxonomies, self.site.periods)
        sitemaps = self.memo.get("sitemaps", None, key)
        if sitemaps is None:
            sitemaps = self.memo.put("sitemaps", None, key, self.sitemap_jobs())
        jobs += sitemaps
        jobs += self.news_sitemap()
        jobs += self.redirect_jobs(self.redirects)
        jobs += self.site_files()
        if self.memo.keep:
            self.memo.put("planner", None, self.skeleton, self.next)
        return jobs

    def search(self) -> list[RenderJob]:
        """The search index's jobs (its files, the search page), once the index is made: this
        waits for its process. Call once, after ``plan``."""
        return self.search_jobs(self._index()) if self.config.pages.search else []

    def per_article(self) -> tuple[tuple, tuple, tuple, tuple]:
        """The keys in site order, each article's date and ``updated``, and (full-text feeds only)
        body digests. (Order and dates are the skeleton's: the same while it is.)"""
        last, arts, full = self.last, self.site.articles, self.config.feeds.full_text
        if last is not None and last.order is not None:
            order, dates, updated, bodies = last.order, last.dates, list(last.updated), list(last.bodies)
            for a in self.changed:
                i = last.position[a.key]
                updated[i] = a.updated
                if full:
                    bodies[i] = a.body_digest
            updated, bodies = tuple(updated), tuple(bodies)
        elif self.moved is not None and self.prev.order is not None and self.prev.position is not None:
            # after a patched change to the skeleton: last build's columns spliced where the moved
            # articles left or came, then the changed articles' values put in (their places
            # hold None or an old value): at 100,000 articles 6 ms, where reading the fields of every
            # article took 63-65 ms
            prev, position = self.prev, self.position
            kept = (prev.order, prev.dates, prev.updated) + ((prev.bodies,) if full else ())
            columns = [_spliced(c, self.moved, prev.position, position) for c in kept]
            for a in self.changed:
                i = position[a.key]
                columns[0][i], columns[1][i], columns[2][i] = a.key, a.date, a.updated
                if full:
                    columns[3][i] = a.body_digest
            order, dates, updated = map(tuple, columns[:3])
            bodies = tuple(columns[3]) if full else ()
        else:
            order, dates, updated = (tuple(map(attrgetter(f), arts)) for f in ("key", "date", "updated"))
            bodies = tuple(map(attrgetter("body_digest"), arts)) if full else ()
        self.next.order, self.next.dates, self.next.updated, self.next.bodies = order, dates, updated, bodies
        return order, dates, updated, bodies

    def listings_again(self, templates: tuple) -> list[RenderJob] | None:
        """ssg watch, same skeleton: last build's listings, with those that list an article whose
        card (or, for full-text feeds, body) changed planned again. None: plan them all."""
        last, nxt = self.last, self.next
        if last.by_listing is None or last.listings_key != (self.base, templates):
            return None
        full = self.config.feeds.full_text
        changed = [a.key for a in self.changed if self.card_digests[a.key] != last.card_digests[a.key]
                   or (full and a.body_digest != last.by_key[a.key].body_digest)]
        nxt.by_listing = dict(last.by_listing) if changed else last.by_listing
        nxt.listing_args, nxt.other_listings = last.listing_args, last.other_listings
        nxt.listings_key = last.listings_key
        for base in {b for k in changed for b in self.listed_in(self.by_key[k]) if b in last.listing_args}:
            kind, keys, title, options = last.listing_args[base]
            self.listing_jobs(kind, base, keys, title, **options)      # (it records itself in nxt.by_listing)
        return nxt.other_listings + list(itertools.chain.from_iterable(nxt.by_listing.values()))

    def listed_in(self, a: Article) -> list[str]:
        """The listings that list an article: the home page, its terms' pages and its day's page
        (``listings``; derived from the article rather than kept as a reverse index, whose
        ~900,000 entries at 100k cost ~0.5 s to make again after every change to the skeleton)."""
        found = [""]
        for tax in self.site.taxonomies:
            found += [self.term_urls[(tax.name, name)] for name in term_names(getattr(a, TAXONOMY_FIELDS[tax.name]))]
        if a.date is not None:
            found.append(period_url(a.date.year, a.date.month, a.date.day))
        return found

    def listings(self, order: tuple[str, ...]) -> list[RenderJob]:
        """The home page, taxonomy indexes, term and period listings, and their feeds."""
        if self.recards is not None:
            changed = self.recards
            if self.config.feeds.full_text and self.changed is not None:     # (a body is in those feeds)
                changed = {*changed, *(a.key for a in self.changed if a.key in self.prev.by_key
                                       and a.body_digest != self.prev.by_key[a.key].body_digest)}
            self.dirty = {b for k in changed for b in self.listed_in(self.by_key[k])}
        jobs = self.listing_jobs("home", "", order, self.config.title, feeds_prefix="")
        for tax in self.site.taxonomies:
            jobs.append(self.taxonomy_index(tax))
            for term in tax.terms:
                title = term.name
                # A term none of whose articles has a date (undated last) has no feed: feeds hold
                # dated articles alone, so it would be empty for good, dated 1970
                fed = self.config.feeds.per_term and self.by_key[term.article_keys[0]].date is not None
                jobs += self.listing_jobs("term", term.url, term.article_keys, title, term={"taxonomy": tax.name, "taxonomy_title": tax.title, "taxonomy_url": tax.url, "name": term.name},
                                          feeds_prefix=term.url if fed else None)
        jobs += self.period_jobs() if self.config.pages.dates else []
        return jobs

    def article_jobs(self) -> list[RenderJob]:
        arts = self.site.articles
        taxes = tuple(tax for tax in self.site.taxonomies if tax.name in ("section", "category"))
        before = {t: self.memo.last(t) for t in ("section_index", "related_all")}
        # (keyed by every taxonomy: the tags' one changes with any article's tags, which it holds)
        section_index = self.memo.get("section_index", None, self.site.taxonomies)
        if section_index is None:
            if self.moved is not None and before["section_index"] is not None:
                section_index = patch_section_index(before["section_index"], taxes, self.by_key, self.moved)
            else:
                section_index = make_section_index(taxes, arts)
            self.memo.put("section_index", None, self.site.taxonomies, section_index)
        template = self.base + self.graph.closure_digest("article.html") + self.card_template_digest
        # related lists depend on the section/category order and on tags, all in the taxonomies
        known = self.memo.get("related_all", None, self.site.taxonomies) or {}
        last, nxt = self.last, self.next
        if last is not None and last.article_template == template and last.article_jobs is not None:
            # Same order and taxonomies, so every article shows the same items as last time: plan
            # again the changed articles and those that show a changed card.
            jobs = list(last.article_jobs)
            again = {a.key for a in self.changed}
            for k in again.copy():
                if self.card_digests[k] != last.card_digests[k]:
                    again.update(last.shown_in.get(k, ()))
            for k in again:
                i = last.position[k]
                jobs[i] = self.article_job(i, arts, template, known[k])
            nxt.position, nxt.shown_in, nxt.article_template, nxt.article_jobs = last.position, last.shown_in, template, jobs
            return jobs
        prev = self.prev
        if prev is not None and prev.article_template == template and prev.article_jobs is not None and prev.order is not None \
                and before["section_index"] is not None and before["related_all"] is not None:
            return self.article_jobs_again(prev, template, section_index, before["section_index"], before["related_all"])
        jobs, all_related = [], {}
        for i, a in enumerate(arts):
            related = known.get(a.key)
            if related is None:
                related = self.related(a, section_index)
            all_related[a.key] = related
            jobs.append(self.article_job(i, arts, template, related))
        self.memo.put("related_all", None, self.site.taxonomies, all_related)
        if self.memo.keep:
            nxt.position = self.position
            nxt.shown_in = defaultdict(list)
            for a, job in zip(arts, jobs):
                for k in job.sources[1:]:
                    nxt.shown_in[k].append(a.key)
            nxt.article_template, nxt.article_jobs = template, jobs
        return jobs

    def article_jobs_again(self, prev: _Last, template: str, section_index: dict, prev_index: dict,
                           prev_related: dict) -> list[RenderJob]:
        """ssg watch, after a change to the skeleton (an article added or deleted, a date or a tag
        changed): an article's page is last build's job when every input of it is last build's —
        the same article object, the same newer and older neighbours, no changed card among those
        it shows (its own holds its URL), and the same related list, which holds when its section
        or category's keys are the very tuple of last time: ``assemble`` keeps a term's tuple only
        while none of its articles changed shape (tags included), so its window's keys and tag sets
        are last time's. The others are planned again (through the memo). A loop of identity
        checks instead of a memo key built for each article, over the articles near a moved one
        when assemble says which moved (``Site.moved``), else over all (tests/unit/test_plan.py
        compares it with a plan from scratch over random edits)."""
        arts, nxt, memo = self.site.articles, self.next, self.memo
        memo.made["article jobs again"] += 1
        prev_by_key, prev_pos, prev_jobs, prev_order = prev.by_key, prev.position, prev.article_jobs, prev.order
        shows = {*self.recards, *(s for k in self.recards for s in prev.shown_in.get(k, ()))}
        position = self.position
        if self.moved is None:
            look, jobs, all_related = range(len(arts)), [None] * len(arts), {}
        else:
            # Only an article next to a moved one, then or now, in the site's order or within a
            # related window of its section (``related``: 6 on each side), can have other
            # neighbours or another window; the others keep last build's jobs unlooked at.
            memo.made["article jobs near moved"] += 1
            near = {*shows, *(a.key for a in self.changed)}
            for k in self.moved:
                j, i = prev_pos.get(k), position.get(k)
                if j is not None:
                    near.update(prev_order[max(0, j - 1): j + 2])
                if i is not None:
                    near.update(a.key for a in arts[max(0, i - 1): i + 2])
                for entry in (section_index.get(k), prev_index.get(k)):
                    if entry is not None:
                        near.update(entry[0][max(0, entry[2] - 6): entry[2] + 7])
            look = sorted(position[k] for k in near if k in position)
            jobs = _spliced(prev_jobs, self.moved, prev_pos, position)      # (a moved article's place is planned below)
            all_related = dict(prev_related)
            for k in self.moved - position.keys():
                all_related.pop(k, None)
        replanned = []
        last_i = len(arts) - 1
        for i in look:
            a = arts[i]
            k = a.key
            j = prev_pos.get(k)
            entry, was = section_index.get(k), prev_index.get(k)
            if j is not None and prev_by_key[k] is a and k not in shows \
                    and (arts[i - 1].key if i else None) == (prev_order[j - 1] if j else None) \
                    and (arts[i + 1].key if i < last_i else None) == (prev_order[j + 1] if j + 1 < len(prev_order) else None) \
                    and (entry is was is None or entry is not None and was is not None and entry[0] is was[0]):
                jobs[i] = prev_jobs[j]
                all_related[k] = prev_related[k]
                continue
            related = all_related[k] = self.related(a, section_index)
            jobs[i] = self.article_job(i, arts, template, related)
            replanned.append(k)
        memo.put("related_all", None, self.site.taxonomies, all_related)
        # who shows whom: last build's lists, those of the articles planned again or gone replaced
        shown_in = defaultdict(list, prev.shown_in)
        copied = set()
        for k in itertools.chain(replanned, prev_by_key.keys() - position.keys()):
            old = prev_jobs[prev_pos[k]].sources[1:] if k in prev_pos else ()
            new = jobs[position[k]].sources[1:] if k in position else ()
            if old == new:
                continue
            for x in itertools.chain(old, new):
                if x not in copied:
                    shown_in[x] = list(shown_in.get(x, ()))
                    copied.add(x)
            for x in old:
                shown_in[x].remove(k)
            for x in new:
                shown_in[x].append(k)
        nxt.position, nxt.shown_in, nxt.article_template, nxt.article_jobs = position, shown_in, template, jobs
        return jobs

    def article_job(self, i: int, arts: tuple[Article, ...], template: str, related: list[str]) -> RenderJob:
        a = arts[i]
        newer = arts[i - 1].key if i > 0 else None
        older = arts[i + 1].key if i + 1 < len(arts) else None
        items = tuple(k for k in (a.key, newer, older, *related) if k)
        key = (template, a, newer, older, items, tuple(map(self.card_digests.__getitem__, items)))
        job = self.memo.get("article", a.key, key)
        if job is None:
            view = article_view(a, self.cards, (newer, older), related, self.config, self.fmt, self.crumbs)
            job = self.job(self.site.urls[a.key], "html", "article.html", view, items=items, bodies=(a.body_digest,),
                           hashed={**view, "article": None})     # the card: items[0]
            self.memo.put("article", a.key, key, job)
        return job

    def related(self, a: Article, section_index: dict) -> list[str]:
        """Nearest in time within the same section or category, preferring shared tags. O(1) per article."""
        if a.key not in section_index or self.config.related_count < 1:
            return []
        keys, sets, i = section_index[a.key]
        start = max(0, i - 6)
        window = (i - start, keys[start: i + 7], sets[start: i + 7])     # all that nearest() sees
        made = self.memo.get("related", a.key, window)
        if made is not None:
            return made
        return self.memo.put("related", a.key, window, nearest(window[1], window[2], window[0], self.config.related_count))

    def listing_jobs(self, kind: str, base: str, keys: tuple[str, ...], title: str, *, term=None, feeds_prefix=None, extra=None):
        prev, nxt = self.prev, self.next
        args = (kind, keys, title, {"term": term, "feeds_prefix": feeds_prefix, "extra": extra})
        if self.dirty is not None and base not in self.dirty and prev.by_listing is not None \
                and prev.listings_key == nxt.listings_key:
            # ssg watch after a change to the skeleton: the same listing, whose very keys tuple
            # (assemble keeps an untouched term's or day's) shows no changed card (nor, in
            # full-text feeds, body): last build's pages and feeds
            last = prev.listing_args.get(base)
            if last is not None and last[1] is keys and last == args:
                nxt.by_listing[base], nxt.listing_args[base] = prev.by_listing[base], last
                return list(prev.by_listing[base])
        feeds = _feed_links(self.config, feeds_prefix, term=kind != "home") if feeds_prefix is not None else {}
        template = self.base + self.graph.closure_digest("list.html") + self.card_template_digest
        jobs = None
        if self.dirty is not None and base not in self.dirty:
            # ssg watch after a change to the skeleton: the very keys tuple as last time (assemble
            # keeps an untouched term's or day's) and none of their cards changed: last time's pages
            entry = self.memo.entry("listing", base)
            if entry is not None and entry[0][6] is keys and entry[0][:6] == (template, kind, title, term, feeds, extra):
                jobs = entry[1]
        if jobs is None:
            digests = tuple(map(self.card_digests.__getitem__, keys))
            whole = (template, kind, title, term, feeds, extra, keys, digests)
            jobs = self.memo.get("listing", base, whole)      # all of its pages, when nothing in it changed
        if jobs is None:
            first, reused = 1, []
            entry = self.memo.entry("listing", base) if self.memo.keep else None
            if entry is not None and entry[0][:6] == whole[:6]:
                # ssg watch: numbered pages count from the oldest, so a page whose items and their
                # cards are all last time's (the same objects, counted from the oldest end) and
                # that is not the newest then or now (its links change with the page count) is
                # last time's job: a new article plans the landing page (and the newest full one
                # or two), not every page (3,333 for the home page at 100,000 articles)
                per_page, was = self.config.paginate_by, entry[0]
                same = _same_from_end(keys, was[6], digests, was[7])
                first = 1 + min(same // per_page, len(was[6]) // per_page - 1, len(keys) // per_page - 1)
                reused = entry[1][1:first]
            jobs = []
            for url, items, page in paginate(keys, self.config.paginate_by, base, first):
                count = len(keys) if page["number"] is None else None     # numbered pages never change with news
                key = (template, kind, title, term, count, feeds, extra, page, items, tuple(map(self.card_digests.__getitem__, items)))
                job = self.memo.get("page", url, key)
                if job is None:
                    view = {"kind": kind, "title": title, "url": url, "items": list(items), "page": page, "term": term,
                            "count": count, "count_label": None if count is None else self.fmt.articles(count),
                            "feeds": feeds, **(extra or {})}
                    job = self.memo.put("page", url, key, self.job(url, "html", "list.html", view, items=items))
                jobs.append(job)
                if page["number"] is None:
                    jobs += reused                          # (after the landing page, before the others)
            self.memo.put("listing", base, whole, jobs)
        jobs = list(jobs)
        if feeds:
            jobs += self.feed_jobs(base, title, keys, feeds_prefix, feeds)
        if nxt.by_listing is not None:
            nxt.by_listing[base] = tuple(jobs)             # (a caller may add to the list it is given)
            nxt.listing_args[base] = args
        return jobs

    def feed_jobs(self, page_url: str, title: str, keys: tuple[str, ...], prefix: str, links: dict[str, str]):
        items = tuple(itertools.islice((k for k in keys if self.by_key[k].date is not None), self.config.feeds.limit))
        bodies = tuple(self.by_key[k].body_digest for k in items) if self.config.feeds.full_text else ()
        key = (self.base, title, page_url, items, bodies, tuple(map(self.card_digests.__getitem__, items)))
        jobs = self.memo.get("feeds", prefix, key)
        if jobs is None:
            view = {"title": title, "page_url": page_url, "items": list(items), "links": links}
            jobs = self.memo.put("feeds", prefix, key, [self.job(link, renderer, None, view, items=items, bodies=bodies, path=True)
                                                        for renderer, link in links.items()])
        return jobs

    def taxonomy_index(self, tax: Taxonomy) -> RenderJob:
        terms = sorted(tax.terms, key=lambda t: (-len(t.article_keys), t.name))
        view = {"kind": "taxonomy", "title": tax.title, "url": tax.url,
                "terms": [{"name": t.name, "url": t.url, "count": len(t.article_keys)} for t in terms]}
        return self.job(tax.url, "html", "terms.html", view)

    def period_jobs(self):
        jobs = []
        years = [p for p in self.site.periods if p.month is None]
        months = [p for p in self.site.periods if p.month is not None and p.day is None]
        days = [p for p in self.site.periods if p.day is not None]
        # Year and month pages are indexes (of months, of days): each card is listed once in the
        # date archive, on its day's page.
        parts: dict[tuple, list[dict]] = {}
        for p in months + days:
            parts.setdefault((p.year, p.month if p.day else None), []).append(_period_entry(p, self.fmt))
        for group in (years, months, days):
            for i, p in enumerate(group):
                nav = {"newer": _period_link(group[i + 1], self.fmt) if i + 1 < len(group) else None,
                       "older": _period_link(group[i - 1], self.fmt) if i > 0 else None}
                if p.day is None:
                    view = {"kind": "month" if p.month else "year", "title": _period_title(p, self.fmt), "url": p.url,
                            "period": nav, "count": len(p.article_keys), "count_label": self.fmt.articles(len(p.article_keys)),
                            "days" if p.month else "months": parts.get((p.year, p.month), [])}
                    jobs.append(self.job(p.url, "html", "month.html" if p.month else "year.html", view))
                    continue
                jobs += self.listing_jobs("period", p.url, p.article_keys, _period_title(p, self.fmt),
                                          extra={"period": nav})
        archive = [{"year": self.fmt.digits(str(y.year)), "url": y.url, "count": len(y.article_keys),
                    "months": [{"title": self.fmt.month(m.year, m.month), "url": m.url, "count": len(m.article_keys)}
                               for m in months if m.year == y.year][::-1]} for y in years[::-1]]
        view = {"kind": "archive", "title": self.globals["labels"]["archive"], "url": "archive/", "years": archive}
        jobs.append(self.job("archive/", "html", "archive.html", view))
        return jobs

    def start_index(self) -> Callable[[], dict]:
        """Start building the search index's files; the function returned gives them.

        ``self.runner`` decides where: build.py runs a one-shot build's index in a second process
        while this one plans the pages (at 100k the index is ~10 s of a ~24 s plan). Watch keeps
        the index's working state in this process between builds, so it runs here."""
        last, prev = self.last, self.prev
        if last is not None and last.docs is not None:
            docs = list(last.docs)
            for a in self.changed:
                docs[last.position[a.key]] = self.search_doc(a)
        elif self.moved is not None and prev.docs is not None and prev.position is not None:
            # after a patched change to the skeleton only the articles that are not last build's
            # objects have another card (URLs included), so another doc
            docs = _spliced(prev.docs, self.moved, prev.position, self.position)
            for a in self.changed:
                docs[self.position[a.key]] = self.search_doc(a)
        else:
            docs = None                     # every article's (``all_docs``; a one-shot build's always)
        # The docs carry their terms' digest; the index process fetches the terms it needs (all of
        # them for a build from scratch, the new and edited docs' otherwise) from the cache.
        fetch = functools.partial(fetch_terms, self.config.cache_path)
        if self.memo.keep:
            docs = self.next.docs = self.all_docs() if docs is None else docs
            return lambda: search.shard_views(docs, keep=True, fetch=fetch)
        # A one-shot build resumes the index from the state the last build saved in .ssg-cache, and
        # saves this one's there once it has handed the files over. Its docs are made where the
        # index is (``make_first``): in a process forked from this one, beside the rest of the plan.
        store = index_store(self.config.cache_path)
        index = self.runner(search.index_files, store, fetch, self.config.cache_path / SPOOL,
                            then=functools.partial(search.save_index, store),
                            make_first=self.all_docs)
        self.index_process = getattr(index, "sentinel", None)

        def files() -> dict:
            found, warning = index()
            if warning:
                self.warnings.append(warning)
            return found
        return files

    def search_jobs(self, files: dict[str, dict]) -> list[RenderJob]:
        """The search index (one job per shard; a shard's view is its content) and the search page."""
        jobs = []
        for path, view in files.items():
            job = self.memo.same("search_file", path, (view,))      # watch: an unchanged file is the same view
            if job is None:
                # a spooled file's view says where its bytes are; their digest is what they are
                content = view["digest"] if "spool" in view else search.file_digest(search.render_shard(view))
                job = RenderJob(output=path, renderer="search", template=None, view=view, fingerprint=fingerprint("search", path, content))
                self.made.append(self.memo.put("search_file", path, (view,), job))
            jobs.append(job)
        view = {"kind": "search", "title": self.globals["labels"]["search"], "url": "search/"}
        jobs.append(self.job("search/", "html", "search.html", view))
        return jobs

    def all_docs(self) -> list[dict]:
        return [self.search_doc(a) for a in self.site.articles]

    def search_doc(self, a: Article) -> dict:
        key = (a, self.card_digests[a.key])
        doc = self.memo.get("search", a.key, key)
        if doc is None:
            terms = self.terms.get(a.terms_digest)
            doc = search.search_doc(self.cards[a.key], terms=terms, terms_digest=None if terms is not None else a.terms_digest)
            if a.language != self.config.language:
                doc["lang"] = a.language          # (a result in another language than the page's says so)
            # what the doc is made from: the article (its source's bytes, read under this config
            # and code) and its card; lets the saved index state tell which docs changed
            doc["digest"] = digest(f"{self.base}\x00{a.key}\x00{a.source_digest}\x00{self.card_digests[a.key]}")
            doc = self.memo.put("search", a.key, key, doc)
        return doc

    def sitemap_jobs(self) -> list[RenderJob]:
        """sitemap.xml is an index: one sitemap per year (split at 50,000 URLs) and one for listings.
        A year's sitemaps are made again only when its articles or their URLs are not last build's
        (ssg watch: a new article rewrites its year's sitemap, not the other years' ones)."""
        urls, by_key = self.site.urls, self.by_key

        def job(name: str, renderer: str, view: dict) -> RenderJob:
            key = (self.base, view)
            return self.memo.get("sitemap", name, key) or \
                self.memo.put("sitemap", name, key, self.job(name, renderer, None, view, path=True))
        jobs, index, dated = [], [], 0
        # ssg watch: a year whose keys are the very tuple of last time and none of whose articles is
        # new to this planner (``changed``) has last time's articles and URLs, so last time's
        # sitemaps, found without looking its articles up (~10,000 a year at 100,000 articles)
        changed = None if self.changed is None else {a.date.year for a in self.changed if a.date is not None}
        for year in (p for p in self.site.periods if p.month is None):      # (oldest first)
            dated += len(year.article_keys)
            entry = None if changed is None or year.year in changed else self.memo.entry("sitemap year", year.year)
            if entry is not None and entry[0][0] == self.base and entry[0][4] is year.article_keys:
                made = entry[1]
            else:
                keys = year.article_keys[::-1]                              # oldest first: a stable order
                key = (self.base, keys, tuple(map(by_key.__getitem__, keys)), tuple(map(urls.__getitem__, keys)), year.article_keys)
                made = self.memo.get("sitemap year", year.year, key)
            if made is None:
                entries = [(urls[k], a.updated.isoformat() if a.updated else self.cards[k]["date"])
                           for k, a in zip(keys, key[2])]
                made = []
                for part in range(0, len(entries), SITEMAP_MAX):
                    chunk = entries[part: part + SITEMAP_MAX]
                    name = f"sitemaps/{year.year}.xml" if part == 0 else f"sitemaps/{year.year}-{part // SITEMAP_MAX + 1}.xml"
                    made.append((self.job(name, "sitemap", None, {"urls": chunk}, path=True), max(e[1] for e in chunk)))
                self.memo.put("sitemap year", year.year, key, made)
            jobs += [j for j, _ in made]
            index += [(j.output, lastmod) for j, lastmod in made]
        undated = [(urls[a.key], None) for a in self.site.articles[dated:]]     # (the undated come last)
        dates = self.config.pages.dates
        listings = [("", None)] + [("archive/", None)] * dates + [(t.url, None) for t in self.site.taxonomies]
        listings += [(term.url, None) for t in self.site.taxonomies for term in t.terms]
        listings += [(p.url, None) for p in self.site.periods if p.day is None and dates]
        jobs.append(job("sitemaps/pages.xml", "sitemap", {"urls": listings + undated}))
        index.append(("sitemaps/pages.xml", None))
        jobs.append(job("sitemap.xml", "sitemap-index", {"sitemaps": index}))
        return jobs

    def news_sitemap(self) -> list[RenderJob]:
        """The Google News sitemap: at most 1,000 articles of the two days up to the newest one."""
        arts = self.site.articles                     # newest first, undated last
        if not arts or arts[0].date is None:
            return []
        cutoff = arts[0].date.timestamp() - 2 * 86400
        recent = list(itertools.takewhile(lambda a: a.date is not None and a.date.timestamp() >= cutoff, arts[:1000]))
        view = {"publication": self.config.title, "language": self.config.language.split("-")[0],
                "items": [{"url": self.site.urls[a.key], "title": a.title, "date": a.date.isoformat()} for a in recent]}
        return [self.job("news-sitemap.xml", "news-sitemap", None, view, path=True)]

    def redirect_jobs(self, redirects: dict[str, str]) -> list[RenderJob]:
        taken = set(self.site.urls.values())
        return [self.job(old, "html", "redirect.html", {"kind": "redirect", "title": new, "url": new, "target": new})
                for old, new in sorted(redirects.items()) if old not in taken and old != new]

    def site_files(self):
        news = "news-sitemap.xml" if any(a.date for a in self.site.articles) else None
        robots = "User-agent: *\nAllow: /\n\nSitemap: " + absolute(self.config.base_url, "sitemap.xml") + "\n"
        if news:
            robots += "Sitemap: " + absolute(self.config.base_url, news) + "\n"
        jobs = [self.job("robots.txt", "text", None, {"text": robots}, path=True)]
        jobs += [self.job("404.html", "html", "404.html", {"kind": "404", "title": self.globals["labels"]["not_found"], "url": "404.html"}, path=True),
                self.job(".nojekyll", "text", None, {"text": ""}, path=True)]
        if self.config.cname:
            jobs.append(self.job("CNAME", "text", None, {"text": self.config.cname.strip() + "\n"}, path=True))
        return jobs


@dataclass
class _Last:
    """The planner's working state as the last watch build left it (kept in the memo under the
    site's skeleton): the articles, cards and card digests by key; the article jobs in site order
    with each article's position, and for each article the articles whose pages show its card;
    the search docs in site order."""
    by_key: dict
    cards: dict
    card_digests: dict
    position: dict | None = None
    shown_in: dict | None = None
    article_template: str | None = None
    article_jobs: list | None = None
    docs: list | None = None
    order: tuple | None = None
    dates: tuple | None = None
    updated: tuple | None = None
    bodies: tuple | None = None
    listings_key: tuple | None = None
    by_listing: dict | None = None       # listing URL -> its page and feed jobs
    listing_args: dict | None = None     # listing URL -> the arguments of its listing_jobs call
    other_listings: list | None = None   # taxonomy indexes, year and month pages, the archive


def _period_title(p: Period, fmt: DateFormatter) -> str:
    if p.day:
        return fmt.digits(f"{p.day} {fmt.months[p.month - 1]} {p.year}")
    if p.month:
        return fmt.month(p.year, p.month)
    return fmt.digits(str(p.year))


def _period_link(p: Period, fmt: DateFormatter) -> dict:
    return {"title": _period_title(p, fmt), "url": p.url}


def _period_entry(p: Period, fmt: DateFormatter) -> dict:
    """A month on its year's page, a day on its month's page."""
    return {"title": _period_title(p, fmt), "url": p.url, "count": len(p.article_keys)}


def make_section_index(taxes: tuple[Taxonomy, ...], arts: Sequence[Article]) -> dict[str, tuple]:
    """Article key -> (its section's or else its category's keys, their tag sets, its position
    there): what ``Planner.related`` picks from (an article's first term in ``taxes`` order)."""
    index: dict[str, tuple] = {}
    tag_sets = {a.key: _tag_set(a) for a in arts}
    for tax in taxes:
        for term in tax.terms:
            keys = term.article_keys
            sets = [tag_sets[k] for k in keys]
            for i, k in enumerate(keys):
                index.setdefault(k, (keys, sets, i))
    return index


def patch_section_index(last: dict[str, tuple], taxes: tuple[Taxonomy, ...], by_key: dict[str, Article],
                        moved: frozenset[str]) -> dict[str, tuple]:
    """``make_section_index`` from last build's index when only the articles ``moved`` came, went or
    changed shape (ssg watch): the entries of the articles that share a term with one of them, then
    or now, are made again; the others are last build's (tests/unit/test_plan.py)."""
    ranks = [(TAXONOMY_FIELDS[tax.name], {t.name: (n, t) for n, t in enumerate(tax.terms)}) for tax in taxes]

    def term_of(a: Article):
        for field, terms in ranks:
            found = [terms[name] for name in term_names(getattr(a, field)) if name in terms]
            if found:
                return min(found, key=lambda nt: nt[0])[1]
        return None
    index = dict(last)
    touched = set(moved)
    for k in moved:
        if k in last:
            touched.update(last[k][0])
        a = by_key.get(k)
        term = None if a is None else term_of(a)
        if term is not None:
            touched.update(term.article_keys)
    made: dict[int, tuple] = {}
    # An article that did not move has the terms it had: those sharing last build's keys tuple
    # share their term now, found once (the articles of a moved one's category, ~3,300 at 100k,
    # took ~50 ms one by one).
    term_now: dict[int, Term | None] = {}
    for k in touched:
        a = by_key.get(k)
        was = last.get(k)
        if a is None:
            term = None
        elif k in moved or was is None:
            term = term_of(a)
        else:
            if id(was[0]) not in term_now:
                term_now[id(was[0])] = term_of(a)
            term = term_now[id(was[0])]
        if term is None:
            index.pop(k, None)
            continue
        keys = term.article_keys
        if was is not None and was[0] is keys:
            index[k] = was
            continue
        sets_and_places = made.get(id(keys))
        if sets_and_places is None:
            sets_and_places = made[id(keys)] = ([_tag_set(by_key[x]) for x in keys], {x: i for i, x in enumerate(keys)})
        index[k] = (keys, sets_and_places[0], sets_and_places[1][k])
    return index


_NO_TAGS: frozenset = frozenset()
_KEY = attrgetter("key")


def _not_in(arts: Sequence[Article], by_key: dict[str, Article]) -> list[Article]:
    """The articles that are not the very objects ``by_key`` holds under their keys (C-speed
    loops: ~5 ms at 100,000 where a comprehension took ~40)."""
    return list(itertools.compress(arts, map(operator.is_not, arts, map(by_key.get, map(_KEY, arts)))))


def _same_from_end(keys: Sequence, old_keys: Sequence, digests: Sequence, old_digests: Sequence) -> int:
    """How many items two listings share counted from their oldest ends: the same key and card
    digest objects at the same distance from the end (pointer comparisons at C speed)."""
    same = map(operator.and_, map(operator.is_, reversed(keys), reversed(old_keys)),
               map(operator.is_, reversed(digests), reversed(old_digests)))
    return next(itertools.compress(itertools.count(), map(operator.not_, same)), min(len(keys), len(old_keys)))


def _spliced(values: Sequence, moved: frozenset[str], before: dict[str, int], now: dict[str, int]) -> list:
    """``values`` (one per article of the last build, in its order; ``before``: key -> place there)
    for this build's articles (``now``: key -> place), when they are the last build's in the same
    order but for the ``moved`` ones (``Site.moved``: added, deleted, re-dated...): a copy with
    those taken out and None put in at their new places, for the caller to fill (a moved article
    is one of the planner's ``changed``, which every caller puts in again). One copy of the list
    and a few moves, instead of a lookup per article (~60 ms a list at 100,000 articles)."""
    out = list(values)
    for j in sorted((before[k] for k in moved if k in before), reverse=True):
        del out[j]
    for i in sorted(now[k] for k in moved if k in now):
        out.insert(i, None)
    return out


def _tag_set(a: Article) -> frozenset:
    return frozenset(a.tags) if a.tags else _NO_TAGS


def nearest(keys: Sequence[str], tags: Sequence[frozenset], at: int, count: int) -> list[str]:
    """The first ``count`` of the other articles of a window (their ``keys``, and their ``tags``,
    one frozenset each, made once per article; the article itself is ``keys[at]``) by
    ``sorted((-shared tags, distance, key))``, without a tuple and a sort per candidate: most share
    no tag and are taken by distance, which the window's order gives. (100k articles' windows:
    ~0.75 s with the sets made once, where windows of Article objects, their tag tuples tested
    against a set made per article, took 1.1-1.3 s. Tags as the bits of one int were as fast, but
    an int is as long as the highest bit it holds: with tens of thousands of distinct tags, every
    article tagged with a late one would carry kilobytes.)"""
    mine = tags[at]
    out: list[str] = []
    if mine:
        shared = [(-len(mine & s), abs(j - at), keys[j]) for j, s in enumerate(tags) if j != at and not mine.isdisjoint(s)]
        if shared:
            shared.sort()
            out = [k for _, _, k in shared[:count]]
    n, d = len(keys), 1
    while len(out) < count and d < n:
        pair = [keys[j] for j in (at - d, at + d) if 0 <= j < n]
        if out:
            pair = [k for k in pair if k not in out]
        if len(pair) == 2 and pair[1] < pair[0]:
            pair.reverse()
        out += pair[: count - len(out)]
        d += 1
    return out


SPOOL = "search-files.bin"      # the search index's files, from its process to the render workers (search.index_files)


def index_store(cache_path) -> IndexStore:
    """Where a one-shot build keeps the search index's state; a state saved by other code or with
    other index settings is not this one's."""
    return IndexStore(cache_path, f"{search.FORMAT}:{search.DOCS_PER_SHARD}:{search.TAIL_DOCS}:{search.FRESH_DOCS}:{code_digest()}")


def _here(fn: Callable, *args, then: Callable[[], None] | None = None, make_first: Callable[[], object] | None = None,
          **kwargs) -> Callable:
    """The default runner: ``fn`` (then ``then``) in this process, when the result is asked for;
    ``make_first()`` gives its first argument then."""
    def call():
        value = fn(*((make_first(), *args) if make_first else args), **kwargs)
        if then is not None:
            then()
        return value
    return call


def plan(site: Site, config: SiteConfig, graph: TemplateGraph, redirects: dict[str, str] | None = None, *,
         memo: Memo | None = None, runner: Callable | None = None, terms: dict | None = None) -> tuple[Planner, list[RenderJob]]:
    """``runner(fn, *args, **kwargs)`` -> a function giving ``fn(*args, **kwargs)``: where the
    search index is built (default: here, when it is asked for). ``terms``: search terms at hand
    by digest (the others are fetched from the cache by the index's process)."""
    planner = Planner(site, config, graph, redirects, memo=memo, runner=runner, terms=terms)
    return planner, planner.plan()      # the search index's jobs: planner.search()
