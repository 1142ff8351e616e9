import itertools
from datetime import datetime, timedelta, timezone

from ssg.assemble import assemble, shape
from ssg.config import parse_config
from ssg.model import Article

from .edits import change_batch

CONFIG = parse_config({})
T0 = datetime(2024, 3, 1, tzinfo=timezone.utc)


def art(key, days=0, **kw):
    base = dict(key=key, source_path=key, source_digest="d", title=key, date=T0 + timedelta(days=days), updated=None,
                slug=kw.pop("slug", key), language="ar", dir="rtl", text_fingerprint=kw.pop("fp", key))
    return Article(**base, **kw)


def test_newest_first_with_undated_last():
    undated = Article(key="c", source_path="c", source_digest="d", title="c", date=None, updated=None, slug="c",
                      language="ar", dir="rtl")
    site = assemble([art("a", 0), art("b", 2), undated], CONFIG)
    assert [a.key for a in site.articles] == ["b", "a", "c"]
    assert site.urls["c"] == "undated/c/"


def test_the_older_article_keeps_a_colliding_url():
    site = assemble([art("new", 5, slug="same"), art("old", 1, slug="same")], CONFIG)
    assert site.urls == {"old": "2024/03/same/", "new": "2024/03/same-2/"}


def test_a_pinned_url_wins_and_is_never_taken():
    site = assemble([art("new", 5, slug="x"), art("old", 1, slug="y")], CONFIG, pinned={"new": "2024/03/y/"})
    assert site.urls["new"] == "2024/03/y/" and site.urls["old"] == "2024/03/y-2/"


def test_duplicates_are_reported_and_dropped_by_rule():
    arts = [art("a", 0, fp="same"), art("b", 1, fp="same"), art("c", 2)]
    site = assemble(arts, CONFIG)
    assert [a.key for a in site.articles] == ["c", "a"]
    assert "same text as a: dropped" in site.duplicates[0].message
    keep = assemble(arts, parse_config({"duplicates": "keep-all"}))
    assert len(keep.articles) == 3 and keep.duplicates


def test_taxonomies_and_periods_share_one_shape():
    site = assemble([art("a", 0, category="سياسة", tags=("x", "y")), art("b", 40, category="سياسة", tags=("y",))], CONFIG)
    tax = {t.name: t for t in site.taxonomies}
    assert [t.article_keys for t in tax["tags"].terms] == [("a",), ("b", "a")]
    assert tax["category"].terms[0].url == "category/سياسة/"
    assert [(p.year, p.month, p.day) for p in site.periods] == [(2024, None, None), (2024, 3, None), (2024, 3, 1), (2024, 4, None), (2024, 4, 10)]


def test_the_memo_reuses_the_site_only_while_no_article_shape_changed():
    from dataclasses import replace
    from ssg.memo import Memo
    memo = Memo(keep=True)
    arts = [art("a", 0, tags=("x",)), art("b", 1, tags=("x", "y")), art("c", 2, category="c1")]
    first = assemble(arts, CONFIG, memo=memo)
    assert memo.made["site"] == 1

    edited = [arts[0], replace(arts[1], title="new title", text_fingerprint="other text"), arts[2]]   # not its shape
    memo.made.clear()
    again = assemble(edited, CONFIG, memo=memo)
    assert memo.made["site"] == 0 and again == assemble(edited, CONFIG)
    assert again.articles[1] is edited[1] and again.taxonomies is first.taxonomies

    for changed in (replace(arts[1], tags=("y",)), replace(arts[1], date=T0 + timedelta(days=9)),
                    replace(arts[1], slug="b2"), replace(arts[1], category="c1")):
        memo.made.clear()
        got = assemble([arts[0], changed, arts[2]], CONFIG, memo=memo)
        assert memo.made["site"] == 1 and got == assemble([arts[0], changed, arts[2]], CONFIG)


def test_a_patched_site_is_the_site_assembled_again_over_random_edits():
    """ssg watch patches the last site when a few articles change shape (``_patched``): after each of
    600 random batches of edits (added, deleted, re-dated, re-slugged with colliding URLs, re-tagged,
    pinned...) the patched site equals the site assembled from scratch; about half the batches are patched,
    and the ones a collision could move are assembled again."""
    import random
    from dataclasses import replace
    from ssg.memo import Memo
    rng = random.Random(7)
    config = parse_config({"duplicates": "keep-all"})
    slugs, words = ["s1", "s2", "s2-2", "s3", "s3-2", "s3-3", "s4"], ["أ", "ب", "ت", "ث", "ج"]

    def make(key):
        date = None if rng.random() < 0.08 else T0 + timedelta(days=rng.choice([0, 0, 1, 2, 40, 400]), hours=rng.choice([0, 5]))
        return Article(key=key, source_path=key, source_digest="d", title=key, date=date, updated=None,
                       slug=rng.choice(slugs) if rng.random() < 0.3 else key, language="ar", dir="rtl",
                       category=rng.choice([None, "c1", "c2"]), section=rng.choice([None, None, "s"]),
                       tags=tuple(rng.sample(words, rng.randrange(3))), author=rng.choice([None, "a1", "a2", key]),
                       source=rng.choice(["src", "src2"]), text_fingerprint=key,
                       url_override=None if rng.random() < 0.95 else f"fixed/{rng.choice(slugs)}")

    def edit(a):
        if rng.random() < 0.05:                               # or pin another URL on it
            pinned.clear()
            pinned[a.key] = f"2024/03/{rng.choice(slugs)}/"
            return a
        change = rng.choice(["date", "slug", "tags", "author", "category", "title"])
        if change == "date":
            return replace(a, date=None if rng.random() < 0.2 else T0 + timedelta(days=rng.randrange(500)))
        if change == "slug":
            return replace(a, slug=rng.choice(slugs))
        if change == "tags":
            return replace(a, tags=tuple(rng.sample(words, rng.randrange(4))))
        if change == "author":
            return replace(a, author=rng.choice([None, "a1", "a3", a.key]))
        if change == "category":
            return replace(a, category=rng.choice([None, "c1", "c3"]))
        return replace(a, title=a.title + "!")                # not its shape

    memo = Memo(keep=True)
    keys = (f"k{i:03d}" for i in itertools.count())
    arts, pinned = {key: make(key) for key in itertools.islice(keys, 60)}, {}
    last = None
    for _ in range(600):
        change_batch(rng, arts, make, edit, keys, add=0.35, delete=0.2, keep=5, sizes=(1, 1, 1, 2, 3))
        listed = list(arts.values())
        rng.shuffle(listed)
        got = assemble(listed, config, pinned, memo=memo)
        assert got == assemble(list(arts.values()), config, pinned)
        if got.moved is not None:             # what moved since the last site: the articles whose shape changed
            was = {a.key: shape(a) for a in last.articles}
            now = {a.key: shape(a) for a in got.articles}
            assert got.moved == {k for k in was.keys() | now.keys() if was.get(k) != now.get(k)}
            assert got.since is last.urls
        last = got
    assert memo.made["site patched"] > 0.4 * memo.made["site"], memo.made           # about half are patched
    assert memo.made["site"] - memo.made["site patched"] > 30, memo.made     # and some assembled again
