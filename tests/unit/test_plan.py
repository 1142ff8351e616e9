import itertools

import pytest

from ssg.plan import paginate

from .edits import change_batch


def keys(n):
    return tuple(f"k{i}" for i in range(n, 0, -1))   # newest first


def test_small_listing_is_one_page():
    pages = paginate(keys(3), 5, "tag/x/")
    assert [p[0] for p in pages] == ["tag/x/"]


def test_pages_count_from_the_oldest_and_are_made_once_full():
    pages = {url: (items, meta) for url, items, meta in paginate(keys(12), 5, "")}
    assert list(pages) == ["", "page/1/", "page/2/"]          # k12, k11: on the landing page alone
    assert pages[""] == (keys(12)[:5], {"number": None, "newer": None, "older": "page/2/"})
    assert pages["page/1/"] == (("k5", "k4", "k3", "k2", "k1"), {"number": 1, "newer": "page/2/", "older": None})
    assert pages["page/2/"] == (("k10", "k9", "k8", "k7", "k6"), {"number": 2, "newer": "", "older": "page/1/"})


def test_every_article_is_on_a_page_and_the_pages_chain_in_order():
    for n in range(1, 40):
        pages = paginate(keys(n), 5, "tag/x/")
        shown = {k for _, items, _ in pages for k in items}
        assert shown == set(keys(n)), n
        by_url = {url: (items, meta) for url, items, meta in pages}
        url, seen = pages[0][0], []                        # from the landing page, older and older
        while url is not None:
            items, meta = by_url[url]
            seen += [k for k in items if k not in seen]
            url = meta["older"]
            if url is not None:
                assert by_url[url][1]["newer"] == (pages[0][0] if by_url[url][1]["number"] == len(pages) - 1 else
                                                   f"tag/x/page/{by_url[url][1]['number'] + 1}/")
        assert seen == list(keys(n)), n                    # newest first, none skipped
        assert all(len(items) == 5 for url, items, _ in pages[1:]), n


def test_adding_one_article_rewrites_the_landing_page_and_pages_only_when_one_fills():
    for n in range(6, 60):
        before = {url: (items, meta) for url, items, meta in paginate(keys(n), 5, "")}
        after = {url: (items, meta) for url, items, meta in paginate(keys(n + 1), 5, "")}
        changed = [u for u in after if before.get(u) != after[u]]
        if (n + 1) % 5:
            assert changed == [""], (n, changed)
        else:                                              # a new full page, and its older one's link
            k = (n + 1) // 5
            assert changed == ["", f"page/{k - 1}/", f"page/{k}/"], (n, changed)
        assert set(before) <= set(after)


def test_related_articles_are_the_first_of_the_full_ranking():
    """plan.nearest gives what sorting every candidate by (-shared tags, distance, key) gives."""
    import random
    from types import SimpleNamespace

    from ssg.plan import nearest

    rng = random.Random(3)
    tags = [f"t{i}" for i in range(8)]
    for trial in range(3000):
        n = rng.randrange(1, 14)
        window = tuple(SimpleNamespace(key=f"k{rng.randrange(1000):04d}-{j}", tags=tuple(rng.sample(tags, rng.randrange(0, 4))))
                       for j in range(n))
        at, count = rng.randrange(n), rng.randrange(0, 6)
        a = window[at]
        expected = [k for _, _, k in sorted((-len(set(a.tags) & set(b.tags)), abs(j - at), b.key)
                                            for j, b in enumerate(window) if j != at)][:count]
        assert nearest(tuple(b.key for b in window), tuple(frozenset(b.tags) for b in window), at, count) == expected, \
            (trial, window, at, count)


@pytest.mark.parametrize("full_text", [False, True])
def test_watch_plans_after_a_skeleton_change_what_a_plan_from_scratch_gives(full_text):
    """After an article is added, deleted, re-dated or re-tagged, ssg watch reuses last build's job
    for every article page whose inputs are last build's (``Planner.article_jobs_again``), and
    last build's pages and feeds of every listing that shows none of them. Over random batches of
    edits (a body alone among them, which full-text feeds show; an ``updated`` date alone, which
    the sitemaps show), every job (output and
    fingerprint) equals a plan from scratch, and most article pages are not planned again."""
    import random
    from dataclasses import replace
    from datetime import datetime, timedelta, timezone

    from ssg.assemble import assemble
    from ssg.config import parse_config
    from ssg.deps import TemplateGraph
    from ssg.memo import Memo
    from ssg.model import Article
    from ssg.plan import plan
    from ssg.render import template_paths

    rng = random.Random(11)
    config = parse_config({"duplicates": "keep-all", "related_count": 3, "feeds": {"full_text": full_text}})
    graph = TemplateGraph(template_paths(config))
    t0 = datetime(2024, 3, 1, tzinfo=timezone.utc)
    words = ["أ", "ب", "ت", "ث", "ج", "ح"]

    def make(key):
        date = None if rng.random() < 0.05 else t0 + timedelta(days=rng.randrange(90), hours=rng.choice([0, 7]))
        return Article(key=key, source_path=key, source_digest="d", title=f"t {key}", date=date, updated=None,
                       slug=rng.choice(["s1", "s2", key, key]), language="ar", dir="rtl", summary=f"summary {key}",
                       category=rng.choice(["c1", "c2", "c3"]), section=rng.choice([None, None, "s"]),
                       tags=tuple(rng.sample(words, rng.randrange(4))), author=rng.choice([None, "a1", "a2"]),
                       source="src", body_digest=f"b{key}", text_fingerprint=key)

    def edit(a):
        change = rng.choice(["date", "tags", "category", "title", "slug", "body", "updated"])
        if change == "body":
            return replace(a, body_digest=a.body_digest + "!")
        if change == "updated":        # (in the sitemaps only)
            return replace(a, updated=t0 + timedelta(days=rng.randrange(90, 120)))
        if change == "date":
            return replace(a, date=t0 + timedelta(days=rng.randrange(90)))
        if change == "tags":
            return replace(a, tags=tuple(rng.sample(words, rng.randrange(4))))
        if change == "category":
            return replace(a, category=rng.choice(["c1", "c2", "c4"]))
        if change == "slug":
            return replace(a, slug=rng.choice(["s1", "s2", "s3"]))
        return replace(a, title=a.title + "!", summary=a.summary + "!")

    def outputs(jobs):
        return sorted((j.output, j.fingerprint) for j in jobs)

    memo = Memo(keep=True)
    keys = (f"k{i:03d}" for i in itertools.count())
    arts = {key: make(key) for key in itertools.islice(keys, 150)}
    replanned, near, patched = [], 0, 0
    for _ in range(120):
        change_batch(rng, arts, make, edit, keys, add=0.4, delete=0.2, keep=10, sizes=(1, 2, 3))
        memo.made.clear()
        site = assemble(list(arts.values()), config, memo=memo)
        planner, jobs = plan(site, config, graph, memo=memo)
        _, fresh = plan(assemble(list(arts.values()), config), config, graph)
        assert outputs(jobs) == outputs(fresh)
        # what the next build starts from (memo keys: a stale value would show only later)
        kept = planner.next
        assert (kept.order, kept.dates, kept.updated, kept.bodies) == (
            tuple(a.key for a in site.articles), tuple(a.date for a in site.articles), tuple(a.updated for a in site.articles),
            tuple(a.body_digest for a in site.articles) if full_text else ())
        if memo.made["article jobs again"]:
            replanned.append(memo.made["article"] / len(arts))
            near += memo.made["article jobs near moved"]
            patched += memo.made["site patched"]
    assert len(replanned) > 60, len(replanned)
    # when assemble patched the site (and no term's URL changed), only the articles near those
    # that moved were looked at
    assert patched >= near > 0.8 * patched > 0.2 * len(replanned), (near, patched, len(replanned))
    assert sorted(replanned)[len(replanned) // 2] < 0.4, replanned      # the median share of pages planned again


def test_watch_plans_few_listing_pages_for_a_new_newest_article():
    """A new newest article in ssg watch plans the landing page and the newest numbered page or
    two of each listing it is in; the numbered pages before those, whose items and cards are last
    time's, are last time's jobs (the home page alone has 3,334 pages at 100,000 articles). The
    jobs equal a plan from scratch."""
    from collections import Counter
    from datetime import datetime, timedelta, timezone

    from ssg.assemble import assemble
    from ssg.config import parse_config
    from ssg.deps import TemplateGraph
    from ssg.memo import Memo
    from ssg.model import Article
    from ssg.plan import plan
    from ssg.render import template_paths

    config = parse_config({"paginate_by": 5, "related_count": 0})
    graph = TemplateGraph(template_paths(config))
    t0 = datetime(2024, 1, 1, tzinfo=timezone.utc)

    def make(i):
        return Article(key=f"k{i:04d}", source_path=f"k{i:04d}", source_digest="d", title=f"t{i}",
                       date=t0 + timedelta(minutes=10 * i), updated=None, slug=f"s{i}", language="ar", dir="rtl",
                       summary="", category="c", section=None, tags=("x",), author=None, source=None,
                       body_digest=f"b{i}", text_fingerprint=f"f{i}")

    memo = Memo(keep=True)
    looked, get = Counter(), memo.get

    def counted_get(table, name, key):       # the listing pages looked at, planned or not
        looked[table] += 1
        return get(table, name, key)
    memo.get = counted_get
    arts = [make(i) for i in range(400)]
    plan(assemble(list(arts), config, memo=memo), config, graph, memo=memo)
    for n in range(400, 412):                 # each one the newest, on the same day; page counts grow by one every 5
        arts.append(make(n))
        memo.made.clear()
        looked.clear()
        planner, jobs = plan(assemble(list(arts), config, memo=memo), config, graph, memo=memo)
        _, fresh = plan(assemble(list(arts), config), config, graph)
        assert sorted((j.output, j.fingerprint) for j in jobs) == sorted((j.output, j.fingerprint) for j in fresh)
        listing_pages = sorted(j.output for j in planner.made if j.template == "list.html")
        # home, category c, tag x (81-83 pages each) and the article's day (25-37): a landing page
        # and at most two numbered pages each
        assert len(listing_pages) <= 4 * 3, (n, listing_pages)
        assert looked["page"] <= 4 * 3, (n, looked["page"])


@pytest.mark.parametrize("language, text", [
    ("ar", "14 مايو 2024، 18:30"),              # the Arabic comma
    ("en", "14 May 2024, 18:30"),
    ("fr", "14 mai 2024, 18:30"),
    ("fa", "14 مه 2024،\u200f 18:30"),           # Persian's comma and its right-to-left mark (CLDR)
    ("ur", "14 مئی 2024 18:30"),                # CLDR's Urdu joins them with a space
    ("xx", "14 May 2024, 18:30"),               # an unknown language: English
])
def test_a_date_and_its_time_are_joined_the_way_the_language_joins_them(language, text):
    from datetime import datetime

    from ssg.config import parse_config
    from ssg.plan import DateFormatter
    fmt = DateFormatter.for_config(parse_config({"language": language}))
    assert fmt.datetime(datetime(2024, 5, 14, 18, 30)) == text


@pytest.mark.parametrize("language, counts", [
    ("ar", {0: "لا مقالات", 1: "مقال واحد", 2: "مقالان", 3: "3 مقالات", 10: "10 مقالات", 11: "11 مقالًا", 37: "37 مقالًا",
            99: "99 مقالًا", 100: "100 مقال", 102: "102 مقال", 103: "103 مقالات", 111: "111 مقالًا", 1000: "1000 مقال"}),
    ("en", {1: "1 article", 2: "2 articles", 0: "0 articles"}),
])
def test_a_listings_article_count_takes_the_nouns_form_for_its_number(language, counts):
    """"37 مقالات" was every count's wording; Arabic has a noun form for each of CLDR's plural categories."""
    from ssg.config import parse_config
    from ssg.plan import DateFormatter
    fmt = DateFormatter.for_config(parse_config({"language": language}))
    assert {n: fmt.articles(n) for n in counts} == counts
