"""The cache forgets what no source uses any more, without rescanning 100k rows per edit."""
from __future__ import annotations

import sqlite3

from tests.conftest import build_site, make_site


def _site(tmp_path, n=40):
    files = "".join(f"-- content/a{i:03d}.md --\n---\ntitle: خبر {i}\ndate: 2024-01-{i % 28 + 1:02d}T10:00:00\n---\nنص الخبر كلمة{i:03d}.\n"
                    for i in range(n))
    return make_site(tmp_path, '-- site.toml --\ntitle = "T"\nbase_url = "https://example.org/"\nlanguage = "ar"\n' + files)


def _counts(site):
    db = sqlite3.connect(site / ".ssg-cache" / "cache.sqlite")
    try:
        return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("reads", "bodies", "sources"))
    finally:
        db.close()


def test_an_edit_replaces_its_read_row_and_bodies_are_swept_past_five_percent(tmp_path):
    """The bodies table holds each article's body and its search terms (two rows an article)."""
    site = _site(tmp_path)
    build_site(site)
    assert _counts(site) == (40, 80, 40)
    for i in range(3):                       # three edits: three stale bodies and terms, under the 5% + 20 slack
        (site / f"content/a{i:03d}.md").write_text(f"---\ntitle: خبر {i}\ndate: 2024-01-01T10:00:00\n---\nنص معدل كلمة{i:03d}.\n", encoding="utf-8")
        build_site(site)
    reads, bodies, sources = _counts(site)
    assert reads == sources == 40 and 80 < bodies <= 86
    for i in range(3, 40):                   # most files deleted: the stale rows go
        (site / f"content/a{i:03d}.md").unlink()
    build_site(site)
    assert _counts(site) == (3, 6, 3)
