"""The cache forgets what no source uses any more, without rescanning 100k rows per edit."""
from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import build_site, make_site


def _site(tmp_path, n=40):
    files = "".join(f"-- content/a{i:03d}.md --\n---\ntitle: خبر {i}\ndate: 2024-01-{i % 28 + 1:02d}T10:00:00\n---\nنص الخبر كلمة{i:03d}.\n"
                    for i in range(n))
    return make_site(tmp_path, '-- site.toml --\ntitle = "T"\nbase_url = "https://example.org/"\nlanguage = "ar"\n' + files)


def _counts(site):
    db = sqlite3.connect(site / ".ssg-cache" / "cache.sqlite")
    try:
        return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("reads", "bodies", "sources", "terms"))
    finally:
        db.close()


def test_an_edit_replaces_its_read_row_and_bodies_are_swept_past_five_percent(tmp_path):
    site = _site(tmp_path)
    build_site(site)
    assert _counts(site) == (40, 40, 40, 40)
    for i in range(3):                       # three edits: three stale bodies and terms, under the 5% + 20 slack
        (site / f"content/a{i:03d}.md").write_text(f"---\ntitle: خبر {i}\ndate: 2024-01-01T10:00:00\n---\nنص معدل كلمة{i:03d}.\n", encoding="utf-8")
        build_site(site)
    reads, bodies, sources, terms = _counts(site)
    assert reads == sources == 40 and 40 < bodies <= 43 and 40 < terms <= 43
    for i in range(3, 40):                   # most files deleted: the stale rows go
        (site / f"content/a{i:03d}.md").unlink()
    build_site(site)
    assert _counts(site) == (3, 3, 3, 3)


def test_search_terms_are_fetched_by_digest_in_batches(tmp_path):
    """The search index's process fetches terms by digest, 500 a query: a few, or more than a
    batch (a build from scratch asks for 4,096 at a time); a missing digest is an error."""
    from ssg import __version__
    from ssg.cache import BodyStore, Cache, CacheDamaged, pack_body

    cache = Cache(tmp_path, __version__)
    texts = {f"d{i:05d}": f"كلمة{i} أخرى|ثقيل{i}|عنوان" for i in range(2500)}
    cache.put_terms((d, pack_body(t)) for d, t in texts.items())
    cache.commit()
    store = BodyStore(tmp_path)
    try:
        few = sorted(texts)[:7]
        assert store.terms(few) == {d: texts[d] for d in few}
        assert store.terms(list(texts)) == texts                 # 2,500: five queries
        with pytest.raises(CacheDamaged, match="1 articles' search terms missing"):
            store.terms(few + ["nope"])
        with pytest.raises(CacheDamaged, match="1 articles' search terms missing"):
            store.terms(sorted(texts)[:1200] + ["nope"])
    finally:
        store.close()
        cache.close()


def test_packed_bodies_read_back_as_written():
    """What the cache keeps of a body or of search terms reads back unchanged, empty included."""
    from ssg.cache import pack_body, unpack_body
    for text in ("", "a", "نص عربي، ومعه\u200f علامات\n" * 500, "<p>x\x00y</p>", "\U0001F600" * 3):
        assert unpack_body(pack_body(text)) == text


def test_a_cached_read_is_used_as_it_is_unless_its_file_was_touched(tmp_path):
    """``_restamp``: the cached result itself when it was read from the same stamp (a one-article
    build at 100k keeps 100,000 of them); a copy with the new stamp, and without bodies, otherwise.
    A touched file is recorded with its new stamp, so the next build is a no-op."""
    import os

    from ssg.build import _restamp
    from ssg.model import ReadResult, SourceFile

    now = SourceFile(rel_path="a.md", stamp="1:2", digest="d")
    cached = ReadResult(source=SourceFile(rel_path="a.md", stamp="1:2", digest="d"))
    assert _restamp(cached, now) is cached
    for other in (SourceFile(rel_path="a.md", stamp="3:2", digest="d"), SourceFile(rel_path="a.md", stamp="1:2", digest="d", sidecar="a.meta.toml")):
        copy = _restamp(cached, other)
        assert copy is not cached and copy.source is other and copy.articles is cached.articles
    assert _restamp(ReadResult(source=now, bodies=(("b", "<p>x</p>"),)), now).bodies == ()

    site = _site(tmp_path, n=3)
    build_site(site)
    path = site / "content/a001.md"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))   # the same bytes, touched
    assert build_site(site).articles == 3
    assert build_site(site).timings[-1][0] == "check"          # nothing changed since: the no-op's shortcut
