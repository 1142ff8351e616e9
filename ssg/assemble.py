"""Stage 3: Articles -> Site. Pure and single-process: sort, drop duplicates, resolve URLs,
group into taxonomies (category, section, tags, source, author) and date periods.

Tags, sections, sources, authors and date archives share one shape (``Term``/``Period`` with
``article_keys`` newest first): plan.py pages them all the same way.
"""
from __future__ import annotations

import itertools
from collections import defaultdict
from operator import attrgetter
from datetime import datetime

from .config import SiteConfig
from .memo import Memo
from .model import Article, Period, Problem, Site, Taxonomy, Term
from .urls import permalink, resolve_collisions, term_slug

# name, article attribute, URL prefix, plural title per language
TAXONOMIES = (
    ("category", "category", "category", {"ar": "التصنيفات", "en": "Categories"}),
    ("section", "section", "section", {"ar": "الأقسام", "en": "Sections"}),
    ("tags", "tags", "tag", {"ar": "الوسوم", "en": "Tags"}),
    ("source", "source", "source", {"ar": "المصادر", "en": "Sources"}),
    ("author", "author", "author", {"ar": "الكتّاب", "en": "Authors"}),
)
_OLDEST = datetime.min


def newest_first(article: Article) -> tuple:
    """Sort key: dated articles newest first, then undated ones; ties broken by key."""
    if article.date is None:
        return (1, 0.0, article.key)
    return (0, -article.date.timestamp(), article.key)


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


def assign_urls(articles: list[Article], config: SiteConfig, pinned: dict[str, str] | None = None) -> dict[str, str]:
    """key -> site-relative URL. Oldest first, so an older article keeps its URL when a newer one collides."""
    pinned = pinned or {}
    order = sorted(articles, key=lambda a: (a.date is None, a.date.timestamp() if a.date else 0.0, a.key))
    wanted = []
    for a in order:
        if a.key in pinned:
            url = pinned[a.key]
        elif a.url_override:
            url = a.url_override.strip("/") + "/"
        else:
            pattern = config.permalink if a.date else config.permalink_undated
            url = permalink(pattern, slug=a.slug, date=a.date, category=a.category)
        wanted.append((a.key, url))
    # pinned URLs claim their place first, so a new article can never take an old one's URL
    wanted.sort(key=lambda kv: kv[0] not in pinned)
    return resolve_collisions(wanted)


def build_taxonomies(articles: list[Article], config: SiteConfig) -> tuple[Taxonomy, ...]:
    lang = "ar" if config.language.startswith("ar") else "en"
    result = []
    for name, attr, prefix, titles in TAXONOMIES:
        groups: dict[str, list[str]] = defaultdict(list)
        for a in articles:
            value = getattr(a, attr)
            for term in (value if isinstance(value, tuple) else (value,) if value else ()):
                groups[term].append(a.key)
        if not groups:
            continue
        slugs = resolve_collisions([(n, term_slug(n, ascii_only=config.slug_ascii)) for n in sorted(groups)])
        terms = tuple(
            Term(taxonomy=name, name=n, slug=slugs[n], url=f"{prefix}/{slugs[n]}/", article_keys=tuple(groups[n]))
            for n in sorted(groups)
        )
        result.append(Taxonomy(name=name, title=titles[lang], url=f"{prefix}/", terms=terms))
    return tuple(result)


def build_periods(articles: list[Article]) -> tuple[Period, ...]:
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for a in articles:
        if a.date is None:
            continue
        d = a.date
        for key in ((d.year, None, None), (d.year, d.month, None), (d.year, d.month, d.day)):
            buckets[key].append(a.key)
    periods = []
    for (y, m, d), keys in sorted(buckets.items(), key=lambda kv: tuple(x or 0 for x in kv[0])):
        url = f"{y:04d}/" + (f"{m:02d}/" if m else "") + (f"{d:02d}/" if d else "")
        periods.append(Period(year=y, month=m, day=d, url=url, article_keys=tuple(keys)))
    return tuple(periods)


def shape(article: Article) -> tuple:
    """Everything about an article that assemble's order, URLs, taxonomies and periods depend on."""
    a = article
    return (a.key, a.date, a.url_override, a.slug, a.category, a.section, a.tags, a.source, a.author)


def shapes(articles: list[Article], memo: Memo) -> tuple:
    """``shape`` of every article. With a memo (ssg watch) only the articles that are not last
    build's objects are looked at, and the result is last build's tuple when no shape changed."""
    last = memo.tables.get("shapes", {}).get(None, (None, None))[1]
    if last is None or len(last[0]) != len(articles):
        return memo.put("shapes", None, None, (tuple(articles), tuple(map(shape, articles))))[1]
    old_articles, old = last
    result = None
    for i in [i for i, a, b in zip(itertools.count(), articles, old_articles) if a is not b]:
        new = shape(articles[i])
        if new != old[i]:
            result = result or list(old)
            result[i] = new
    made = old if result is None else tuple(result)
    return memo.put("shapes", None, None, (tuple(articles), made))[1]


def assemble(articles: list[Article], config: SiteConfig, pinned: dict[str, str] | None = None, *,
             memo: Memo | None = None) -> Site:
    """``memo`` (ssg watch): when no article's ``shape`` changed since the last build, the order,
    URLs, taxonomies and periods are last time's, with this build's article objects put in."""
    articles = [a for a in articles if not a.draft]
    articles, duplicates = drop_duplicates(articles, config.duplicates)
    memo = memo or Memo()
    key = (tuple(sorted(pinned.items())) if pinned else (), shapes(articles, memo))
    made = memo.get("site", None, key)
    if made is not None:
        order, urls, taxonomies, periods = made          # order: positions in ``articles``
        return Site(articles=tuple(map(articles.__getitem__, order)), urls=urls, taxonomies=taxonomies,
                    periods=periods, duplicates=tuple(duplicates))
    position = {id(a): i for i, a in enumerate(articles)}
    articles.sort(key=newest_first)
    site = Site(
        articles=tuple(articles),
        urls=assign_urls(articles, config, pinned),
        taxonomies=build_taxonomies(articles, config),
        periods=build_periods(articles),
        duplicates=tuple(duplicates),
    )
    memo.put("site", None, key, (tuple(position[id(a)] for a in site.articles), site.urls, site.taxonomies, site.periods))
    return site
