"""ssg watch keeps its working state between builds (build.Kept): the last read results, the
planner's memo and output/ as it left it. These tests pin down that the shortcut only skips
work, never changes it: the plan after a series of edits is the plan of a clean build, and an
edit re-plans only the jobs that show the edited article."""
from __future__ import annotations

import shutil

from ssg import build as build_module
from ssg.build import build
from ssg.cache import Cache
from ssg.config import load_config, with_overrides
from ssg import __version__

from .conftest import make_site

CATEGORIES = ("اقتصاد", "رياضة", "سياسة")


def _article(i: int, extra: str = "") -> str:
    return (f"---\ntitle: خبر رقم {i}\ndate: 2024-01-{1 + i % 28:02d}T{i % 24:02d}:00:00+03:00\n"
            f"category: {CATEGORIES[i % 3]}\ntags: [وسم{i % 5}, وسم{i % 7}]\nauthor: كاتب {i % 4}\n---\n"
            f"نص الخبر رقم {i} عن موضوع مهم.\n\nفقرة ثانية.{extra}\n")


def _site(tmp_path, n=30):
    files = "".join(f"-- content/a{i:03d}.md --\n{_article(i)}" for i in range(n))
    return make_site(tmp_path, '-- site.toml --\ntitle = "T"\nbase_url = "https://example.org/"\nlanguage = "ar"\n'
                               'timezone = "Asia/Riyadh"\npaginate_by = 4\n' + files)


def _config(site):
    return with_overrides(load_config(site), workers=1)


def _fingerprints(site):
    cache = Cache(site / ".ssg-cache", __version__)
    try:
        return cache.outputs()
    finally:
        cache.close()


def test_an_edit_replans_only_the_article_jobs_that_show_the_edited_article(tmp_path):
    site = _site(tmp_path)
    config = _config(site)
    build(config, keep_memory=True)
    memo = build_module._KEPT[next(iter(build_module._KEPT))].memo
    assert memo.made["article"] == 30                                # the first build makes every job

    (site / "content/a007.md").write_text(_article(7, " تحديث."), encoding="utf-8")
    report = build(config, keep_memory=True)
    pages = {out for out in report.rendered if not out.startswith("search/")}   # the index gains a word
    assert pages == {"2024/01/خبر-رقم-7/index.html"}                  # a body edit: its page only
    assert memo.made["card"] == 1                                    # remade, to the same card digest:
    assert memo.made["article"] == 1 and memo.made["listing"] == 0   # so no other page is planned again

    (site / "content/a007.md").write_text(_article(7).replace("خبر رقم 7", "خبر معدل"), encoding="utf-8")
    build(config, keep_memory=True)
    assert memo.made["card"] == 1
    jobs = memo.tables["article"]
    key = next(k for k in jobs if k.startswith("a007.md"))
    showing = sum(1 for _, job in jobs.values() if key in job.sources)   # itself, its neighbours, related
    assert 1 < showing < len(jobs) and memo.made["article"] == showing


def test_a_series_of_watch_builds_plans_what_a_clean_build_plans(tmp_path):
    site = _site(tmp_path / "s")
    config = _config(site)
    build(config, keep_memory=True)
    edits = [("a003.md", _article(3, " أول")), ("a010.md", _article(10).replace("رياضة", "سياسة")),
             ("new.md", _article(40)), ("a003.md", _article(3, " ثان"))]
    for name, text in edits:
        (site / "content" / name).write_text(text, encoding="utf-8")
        build(config, keep_memory=True)
    (site / "content/a020.md").unlink()
    build(config, keep_memory=True)
    # tags alone, one of them new: the related lists around them change, the categories do not
    for name, text in [("a012.md", _article(12).replace("tags: [وسم2, وسم5]", "tags: [وسم3, وسم-جديد]")),
                       ("a015.md", _article(15).replace("tags: [وسم0, وسم1]", "tags: [وسم-جديد]"))]:
        (site / "content" / name).write_text(text, encoding="utf-8")
        build(config, keep_memory=True)
    # last, a summary: the card changes, the skeleton does not (the listings showing it are planned
    # again; the taxonomy indexes, year and month pages and archive must stay planned)
    (site / "content/a005.md").write_text(_article(5).replace("عن موضوع مهم", "عن موضوع آخر"), encoding="utf-8")
    build(config, keep_memory=True)
    watched = _fingerprints(site)
    tree = {p.relative_to(site / "output"): p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()}

    shutil.rmtree(site / "output")
    shutil.rmtree(site / ".ssg-cache")
    build(config)
    assert _fingerprints(site) == watched
    assert {p.relative_to(site / "output"): p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()} == tree


def test_an_emptied_output_is_noticed_by_the_next_watch_build(tmp_path):
    site = _site(tmp_path)
    config = _config(site)
    build(config, keep_memory=True)
    for entry in (site / "output").iterdir():           # "clean" while watching: rm -rf output/*
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    (site / "content/a001.md").write_text(_article(1, " تحديث."), encoding="utf-8")
    build(config, keep_memory=True)
    assert (site / "output/index.html").exists() and (site / "output/2024/01/خبر-رقم-5/index.html").exists()
