"""Stage 3: Articles -> Site. Pure and single-process: sort, drop duplicates, resolve URLs,
group into taxonomies (category, section, tags, source, author) and date periods.

Tags, sections, sources, authors and date archives share one shape (``Term``/``Period`` with
``article_keys`` newest first): plan.py pages them all the same way.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter, itemgetter

from .config import SiteConfig
from .memo import Memo
from .model import TAXONOMIES, Article, Period, Problem, Site, Taxonomy, Term, term_names
from .urls import SITE_ROOTS, own_url, period_url, permalink, resolve_collisions, site_path, term_slug, url_segment

_OLDEST = datetime.min
_KEY = attrgetter("key")


def newest_first(article: Article) -> tuple:
    """Sort key: dated articles newest first, then undated ones; ties broken by key."""
    return _newest_first(article.key, article.date)


def _newest_first(key: str, date: datetime | None) -> tuple:
    return (1, 0.0, key) if date is None else (0, -date.timestamp(), key)


def drop_duplicates(articles: list[Article], rule: str) -> tuple[list[Article], list[Problem]]:
    first: dict[str, Article] = {}
    kept, problems = [], []
    for article in sorted(articles, key=attrgetter("key")):
        fp = article.text_fingerprint
        if fp and fp in first:
            original = first[fp]
            dropped = rule == "keep-first"
            verb = "dropped" if dropped else "kept"
            problems.append(Problem(path=article.key, severity="warning",
                                    message=f"same text as {original.key}: {verb} (duplicates = {rule!r})"))
            if dropped:
                continue
        else:
            first[fp] = article
        kept.append(article)
    return kept, problems


def wanted_url(a: Article, config: SiteConfig, pinned: dict[str, str], roots: frozenset[str]) -> str:
    """The URL an article asks for: its pinned one, its own permalink, or the pattern's, inside the
    site (``site_path``) and away from the site's own pages (``own_url``; ``roots``: ``urls.SITE_ROOTS``
    and the static folders' top-level names, ``build.static_roots``).
    A pinned URL or a permalink that a page of the site's own has gives way to the pattern's URL."""
    url = site_path(pinned[a.key] if a.key in pinned else a.url_override or "")
    if not url or own_url(url, roots) != url:
        pattern = config.permalink if a.date else config.permalink_undated
        url = own_url(site_path(permalink(pattern, slug=url_segment(a.slug) or "article", date=a.date, category=a.category,
                                            ascii_only=config.slug_ascii)), roots)
    return url


def assign_urls(articles: list[Article], config: SiteConfig, pinned: dict[str, str] | None = None,
                statics: frozenset[str] = frozenset()) -> tuple[dict[str, str], dict[str, str]]:
    """key -> site-relative URL, and key -> the URL it asked for. Oldest first, so an older article
    keeps its URL when a newer one collides. ``statics``: the top-level names of the theme's and
    the site's static folders (css, js…), taken like the site's own pages (``urls.SITE_ROOTS``)."""
    pinned = pinned or {}
    roots = SITE_ROOTS | statics
    order = sorted(articles, key=lambda a: (a.date is None, a.date.timestamp() if a.date else 0.0, a.key))
    wanted = [(a.key, wanted_url(a, config, pinned, roots)) for a in order]
    # pinned URLs claim their place first, so a new article can never take an old one's URL
    wanted.sort(key=lambda kv: kv[0] not in pinned)
    return resolve_collisions(wanted), dict(wanted)


def made_taxonomies(config: SiteConfig) -> tuple:
    """The TAXONOMIES whose pages the site has: authors' and sources' only where [pages] has them."""
    off = {name for name, on in (("author", config.pages.authors), ("source", config.pages.sources)) if not on}
    return tuple(t for t in TAXONOMIES if t[0] not in off)


def build_taxonomies(articles: list[Article], config: SiteConfig) -> tuple[Taxonomy, ...]:
    result = []
    for name, attr, prefix, titles in made_taxonomies(config):
        groups: dict[str, list[str]] = defaultdict(list)
        for a in articles:
            for term in term_names(getattr(a, attr)):
                groups[term].append(a.key)
        if not groups:
            continue
        slugs = term_slugs(groups, config)
        result.append(_taxonomy(name, prefix, titles, config, (_term(name, prefix, n, slugs[n], groups[n]) for n in sorted(groups))))
    return tuple(result)


def _term(taxonomy: str, prefix: str, name: str, slug: str, keys) -> Term:
    return Term(taxonomy=taxonomy, name=name, slug=slug, url=f"{prefix}/{slug}/", article_keys=tuple(keys))


def _taxonomy(name: str, prefix: str, titles: dict, config: SiteConfig, terms) -> Taxonomy:
    lang = "ar" if config.language.startswith("ar") else "en"
    return Taxonomy(name=name, title=titles[lang], url=f"{prefix}/", terms=tuple(terms))


_term_slug = functools.lru_cache(maxsize=1 << 16)(term_slug)


def term_slugs(names, config: SiteConfig) -> dict[str, str]:
    """A taxonomy's term name -> its slug, collisions resolved in name order."""
    return resolve_collisions([(n, _term_slug(n, ascii_only=config.slug_ascii)) for n in sorted(names)])


def build_periods(articles: list[Article]) -> tuple[Period, ...]:
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for a in articles:
        for key in _buckets(a.date):
            buckets[key].append(a.key)
    return tuple(_period(y, m, d, keys) for (y, m, d), keys in sorted(buckets.items(), key=lambda kv: _bucket_order(kv[0])))


def _buckets(date: datetime | None) -> tuple:
    return () if date is None else ((date.year, None, None), (date.year, date.month, None), (date.year, date.month, date.day))


def _bucket_order(bucket: tuple) -> tuple:
    return tuple(x or 0 for x in bucket)


def _period(y: int, m: int | None, d: int | None, keys) -> Period:
    return Period(year=y, month=m, day=d, url=period_url(y, m, d), article_keys=tuple(keys))


# Everything about an article that assemble's order, URLs, taxonomies and periods depend on
# (``_rank`` reads the first two).
SHAPE_FIELDS = ("key", "date", "url_override", "slug", "category", "section", "tags", "source", "author")
shape = attrgetter(*SHAPE_FIELDS)


def shapes(articles: list[Article], memo: Memo) -> tuple:
    """``shape`` of every article. With a memo (ssg watch) only the articles that are not last
    build's objects are looked at, and the result is last build's tuple when no shape changed
    (when articles came or went, the others' shapes are last build's objects)."""
    last = memo.last("shapes")
    if last is None:
        return memo.put("shapes", None, None, (tuple(articles), tuple(map(shape, articles))))[1]
    old_articles, old = last
    if len(old_articles) != len(articles):
        known = dict(zip(map(id, old_articles), old))        # (the old articles are alive: ids are theirs)
        made = list(map(known.get, map(id, articles)))
        for i in list(itertools.compress(itertools.count(), map(operator.is_, made, itertools.repeat(None)))):
            made[i] = shape(articles[i])
        return memo.put("shapes", None, None, (tuple(articles), tuple(made)))[1]
    result = None
    for i in [i for i, a, b in zip(itertools.count(), articles, old_articles) if a is not b]:
        new = shape(articles[i])
        if new != old[i]:
            result = result or list(old)
            result[i] = new
    made = old if result is None else tuple(result)
    return memo.put("shapes", None, None, (tuple(articles), made))[1]


def assemble(articles: list[Article], config: SiteConfig, pinned: dict[str, str] | None = None, *,
             memo: Memo | None = None, statics: frozenset[str] = frozenset()) -> Site:
    """``memo`` (ssg watch): when no article's ``shape`` changed since the last build, the order,
    URLs, taxonomies and periods are last time's, with this build's article objects put in; when
    a few did (an article added, deleted, re-dated or re-tagged), last time's are patched
    (``_patched``) instead of made again from every article."""
    articles = [a for a in articles if not a.draft]
    articles, duplicates = drop_duplicates(articles, config.duplicates)
    memo = memo or Memo()
    pins = (tuple(sorted(pinned.items())) if pinned else ()) + (tuple(sorted(statics)),)
    now = shapes(articles, memo)
    key = (pins, now)
    made = memo.get("site", None, key)
    if made is not None:
        order, urls, taxonomies, periods = made          # order: positions in ``articles``
        return Site(articles=tuple(map(articles.__getitem__, order)), urls=urls, taxonomies=taxonomies,
                    periods=periods, duplicates=tuple(duplicates), moved=frozenset(), since=urls)
    position = dict(zip(map(id, articles), itertools.count())) if memo.keep else None
    by_shape = dict(zip(map(itemgetter(0), now), now)) if memo.keep else None
    last = memo.last("assembled")
    parts = _patched(last, articles, by_shape, config, pinned or {}, pins, statics) if last is not None else None
    if parts is None:
        articles.sort(key=newest_first)
        urls, wanted = assign_urls(articles, config, pinned, statics)
        parts = tuple(articles), urls, wanted, build_taxonomies(articles, config), build_periods(articles), None
        tried = None
    else:
        memo.made["site patched"] += 1
        tried = last.tried
    ordered, urls, wanted, taxonomies, periods, moved = parts
    site = Site(articles=ordered, urls=urls, taxonomies=taxonomies, periods=periods, duplicates=tuple(duplicates),
                moved=moved, since=None if moved is None else last.urls)
    if memo.keep:                     # (a one-shot build's memo keeps nothing: nothing to make for it)
        memo.put("site", None, key, (tuple(map(position.__getitem__, map(id, site.articles))), site.urls, site.taxonomies, site.periods))
        memo.put("assembled", None, None, Assembled(shapes=by_shape, order=[a.key for a in ordered], wanted=wanted, urls=urls,
                                                    tried=tried_urls(urls, wanted) if tried is None else tried, pins=pins,
                                                    taxonomies=taxonomies, periods=periods))
    return site


# --------------------------------------------------------------------------- patching (ssg watch)

PATCH_MAX = 64      # articles added, deleted or changed in shape that a watch build patches the last site for
_SHAPE_FIELD = {name: SHAPE_FIELDS.index(field) for name, field, _, _ in TAXONOMIES}   # taxonomy -> place in a shape


@dataclass
class Assembled:
    """What the last assemble made, kept by ``ssg watch`` to patch."""

    shapes: dict[str, tuple]        # key -> shape, of every article
    order: list[str]                # keys, newest first
    wanted: dict[str, str]          # key -> the URL it asked for (``wanted_url``)
    urls: dict[str, str]            # key -> the URL it got
    tried: frozenset[str]           # the URLs articles tried on their way to a free one (``tried_urls``)
    pins: tuple
    taxonomies: tuple[Taxonomy, ...]
    periods: tuple[Period, ...]


def _rank(shape: tuple) -> tuple:
    """``newest_first`` of the article a shape is of."""
    return _newest_first(shape[0], shape[1])


def tried_urls(urls: dict[str, str], wanted: dict[str, str]) -> frozenset[str]:
    """Every URL an article that did not get the one it asked for tried on its way (``_tried``)."""
    moved_away = itertools.compress(wanted.items(), map(operator.ne, map(urls.__getitem__, wanted), wanted.values()))
    return frozenset(u for k, w in moved_away for u in _tried(w, urls[k]))


def _tried(wanted: str, got: str) -> list[str]:
    """The URLs ``resolve_collisions`` tried for an article that asked for ``wanted`` and got ``got``."""
    stem, end = (wanted[:-1], "/") if wanted.endswith("/") else (wanted, "")
    n = int(got[len(stem) + 1: len(got) - len(end)])
    return [wanted, *(f"{stem}-{i}{end}" for i in range(2, n + 1))]


def _patched(last: Assembled, articles: list[Article], now: dict[str, tuple], config: SiteConfig,
             pinned: dict[str, str], pins: tuple, statics: frozenset[str]):
    """The last site with the articles whose shape changed (added, deleted, re-dated, re-tagged…)
    taken out and put in again: (articles newest first, urls, wanted, taxonomies, periods, the
    keys of those articles), equal to
    what assembling every article gives (tests/unit/test_assemble.py compares them on random
    edits). None when that cannot be done cheaply: other pins, more than PATCH_MAX articles, or a
    URL collision the change could move (then every article is assembled again).

    A term or period none of whose articles moved keeps its object, ``article_keys`` tuple included
    (``Planner.article_jobs_again`` relies on it: the same tuple means the same keys and tags).

    URLs: an article that got the URL it asked for and that no other article tried on its way to
    a free one (``_tried``) can leave without moving anyone; an article asking for a URL that no
    remaining article holds gets it, since nobody else ever tried a URL nobody holds. (So a patch
    leaves ``Assembled.tried`` as it was: nobody leaves or comes by a URL tried on the way.)"""
    if last.pins != pins or len(now) - len(last.shapes) > PATCH_MAX:
        return None
    old = last.shapes
    moved = [k for k, s in itertools.compress(now.items(), map(operator.is_not, map(old.get, now), now.values()))
             if old.get(k) != s]
    if len(moved) > PATCH_MAX:
        return None
    moved += [k for k in old.keys() - now.keys()]
    if not moved or len(moved) > PATCH_MAX:
        return None
    moved_set = set(moved)
    coming = [k for k in moved if k in now]

    urls, wanted = dict(last.urls), dict(last.wanted)
    for k in moved:
        if k in old:
            got, asked = urls.pop(k), wanted.pop(k)
            if got != asked or got in last.tried:
                return None
    taken = set(urls.values())
    by_key = dict(zip(map(_KEY, articles), articles))
    roots = SITE_ROOTS | statics
    for k in coming:
        url = wanted_url(by_key[k], config, pinned, roots)
        if url in taken:
            return None
        taken.add(url)
        urls[k] = wanted[k] = url

    rank = lambda k: _rank(now[k])        # noqa: E731

    def patch_keys(keys, entering: list[str]) -> list[str]:
        kept = list(itertools.filterfalse(moved_set.__contains__, keys))
        for k in entering:
            bisect.insort(kept, k, key=rank)
        return kept
    order = patch_keys(last.order, coming)

    taxonomies = []
    by_name = {t.name: t for t in last.taxonomies}
    for name, _, prefix, titles in made_taxonomies(config):
        field = _SHAPE_FIELD[name]
        touched: dict[str, list[str]] = defaultdict(list)      # term -> the moved keys it has now
        for k in moved:
            for term in term_names(old[k][field]) if k in old else ():
                touched[term]                                   # (listed: it may lose k)
            for term in term_names(now[k][field]) if k in now else ():
                touched[term].append(k)
        tax = by_name.get(name)
        if not touched:
            if tax is not None:
                taxonomies.append(tax)
            continue
        if tax is None:
            return None                                         # a taxonomy appears: assemble again
        terms = {t.name: t for t in tax.terms}
        keys_of = {t: patch_keys(terms[t].article_keys if t in terms else (), entering) for t, entering in touched.items()}
        names = (terms.keys() - {t for t, keys in keys_of.items() if not keys}) | {t for t, keys in keys_of.items() if keys}
        if not names:
            continue
        slugs = term_slugs(names, config) if names != terms.keys() else {t.name: t.slug for t in tax.terms}
        taxonomies.append(_taxonomy(name, prefix, titles, config, (
            terms[n] if n not in keys_of and slugs[n] == terms[n].slug else
            _term(name, prefix, n, slugs[n], keys_of[n] if n in keys_of else terms[n].article_keys)
            for n in sorted(names))))

    periods = {(p.year, p.month, p.day): p for p in last.periods}
    touched = defaultdict(list)
    for k in moved:
        for bucket in _buckets(old[k][1] if k in old else None):
            touched[bucket]
        for bucket in _buckets(now[k][1] if k in now else None):
            touched[bucket].append(k)
    for bucket, entering in touched.items():
        keys = patch_keys(periods[bucket].article_keys if bucket in periods else (), entering)
        if keys:
            periods[bucket] = _period(*bucket, keys)
        else:
            periods.pop(bucket, None)
    ordered_periods = tuple(periods[b] for b in sorted(periods, key=_bucket_order))
    return tuple(map(by_key.__getitem__, order)), urls, wanted, tuple(taxonomies), ordered_periods, frozenset(moved)
