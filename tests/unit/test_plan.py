from ssg.plan import paginate


def keys(n):
    return tuple(f"k{i}" for i in range(n, 0, -1))   # newest first


def test_small_listing_is_one_page():
    pages = paginate(keys(3), 5, "tag/x/")
    assert [p[0] for p in pages] == ["tag/x/"]


def test_pages_count_from_the_oldest():
    pages = dict((url, items) for url, items, _ in paginate(keys(12), 5, ""))
    assert pages[""] == keys(12)[:5]
    assert pages["page/1/"] == ("k5", "k4", "k3", "k2", "k1")
    assert pages["page/3/"] == ("k12", "k11")


def test_adding_one_article_rewrites_a_bounded_number_of_pages():
    for n in (10, 11, 37, 100):
        before = {url: (items, meta) for url, items, meta in paginate(keys(n), 5, "")}
        after = {url: (items, meta) for url, items, meta in paginate(keys(n + 1), 5, "")}
        changed = [u for u in after if before.get(u) != after[u]]
        assert len(changed) <= 3, (n, changed)


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
