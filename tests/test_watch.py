"""ssg watch: classify (pure), debounce (fake clock), then the real watchdog observer in tmp sites.

Every real-watcher test changes files, then ``wait_idle(after=mark)`` blocks until the watcher has
seen an event for the change and finished the build it caused; the report it returns is that
build's, so tests assert the work done (``report.rendered``), not only the output.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ssg.config import parse_config
from ssg.config import BUNDLED_THEMES
from ssg.search import DIR as SEARCH_DIR
from ssg.watch import ChangeKind, Debouncer, Watcher, classify
from tests.conftest import REPO, SMALL_SITE, build_site, default_sigint, make_site, tree

K = ChangeKind
ARTICLE_PAGES = {  # SMALL_SITE's article pages: what exactly article.html renders
    "2024/03/الخبر-الأول-عن-الاقتصاد/index.html", "2024/03/الخبر-الثاني-عن-الرياضة/index.html",
    "2024/04/third-story-in-english/index.html", "2024/04/الخبر-الرابع/index.html",
    "2023/12/خبر-من-العام-الماضي/index.html",
}
A_PAGE = "2024/03/الخبر-الأول-عن-الاقتصاد/index.html"
THEME = BUNDLED_THEMES / "default/templates"


def pages(outputs) -> set[str]:
    """Outputs without the search index's data files (the shards of the words an edit touched change too)."""
    return {o for o in outputs if not (o.startswith(SEARCH_DIR) and not o.endswith(".html"))}


# --------------------------------------------------------------------------- classify: pure

@pytest.fixture
def config():
    return parse_config({"theme": "paper"}, site_dir="/site")


@pytest.mark.parametrize("path, kind", [
    ("/site/site.toml", K.CONFIG),
    ("site.toml", K.CONFIG),
    ("/site/permalinks.toml", K.CONTENT),
    ("/site/content/2024/a.md", K.CONTENT),
    ("content/2024/a.md", K.CONTENT),
    ("/site/content/2024", K.CONTENT),                  # a folder moved or deleted
    ("/site/content", K.CONTENT),
    ("/site/content/2024/photo.jpg", K.CONTENT),
    ("/site/content/raw/x.txt", K.CONTENT),
    ("/site/templates/article.html", K.TEMPLATE),
    ("/site/templates", K.TEMPLATE),
    ("/site/themes/paper/templates/base.html", K.TEMPLATE),
    ("/site/themes/paper", K.TEMPLATE),
    ("/site/themes", K.TEMPLATE),
    ("/site/themes/other/templates/base.html", K.OTHER),   # not the configured theme
    ("/site/static/css/site.css", K.THEME_STATIC),
    ("/site/themes/paper/static/logo.svg", K.THEME_STATIC),
    ("/site/README.md", K.OTHER),
    ("/site/scripts/import.py", K.OTHER),
    ("/elsewhere/file.md", K.IGNORED),
    ("/site/output/index.html", K.IGNORED),
    ("/site/output", K.IGNORED),
    ("/site/output/.ssg-staging/2024/a/index.html", K.IGNORED),
    ("/site/.ssg-cache/cache.sqlite-wal", K.IGNORED),
    ("/site/.git/index", K.IGNORED),
    ("/site/templates/__pycache__/x.pyc", K.IGNORED),
    ("/site/content/_drafts/a.md", K.IGNORED),          # config.ignore, as scan applies it
    ("/site/content/README.md", K.IGNORED),
    ("/site/content/2024/.hidden.md", K.IGNORED),
])
def test_classify(config, path, kind):
    assert classify(path, config) is kind


@pytest.mark.parametrize("name", ["a.md~", ".#a.md", "#a.md#", ".a.md.swp", ".a.md.swx", "a.md.tmp", "4913",
                                  ".DS_Store", "a.md.part", ".goutputstream-XYZ12", "a.md___jb_tmp___",
                                  "a.md.crdownload", "site.toml~", ".site.toml.swp"])
def test_classify_ignores_editor_temporary_files(config, name):
    for folder in ("/site/content/2024", "/site/templates", "/site"):
        assert classify(f"{folder}/{name}", config) is K.IGNORED


def test_classify_follows_overridden_folders():
    config = parse_config({"content_dir": "/news/articles", "output_dir": "/srv/www"}, site_dir="/site")
    assert classify("/news/articles/2024/a.md", config) is K.CONTENT
    assert classify("/site/content/2024/a.md", config) is K.OTHER
    assert classify("/srv/www/index.html", config) is K.IGNORED
    assert classify("/site/output/index.html", config) is K.OTHER


# --------------------------------------------------------------------------- debounce: fake clock

class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_debounce_waits_for_quiet_and_keeps_the_last_change_per_path():
    clock = Clock()
    d = Debouncer(quiet=0.15, cap=2.0, clock=clock)
    assert d.wait_time() is None and not d
    d.add("a.md", K.CONTENT)
    assert d.wait_time() == pytest.approx(0.15)
    clock.now += 0.1
    d.add("b.md", K.CONTENT)
    d.add("a.md", K.TEMPLATE)
    assert d.wait_time() == pytest.approx(0.15)        # the burst goes on: the quiet period restarts
    clock.now += 0.15
    assert d.wait_time() == 0.0
    assert d.take() == {"b.md": K.CONTENT, "a.md": K.TEMPLATE}
    assert d.wait_time() is None and not d


def test_debounce_is_capped_during_a_long_burst():
    clock = Clock()
    d = Debouncer(quiet=0.25, cap=2.0, clock=clock)
    for i in range(40):                              # an event every 0.125 s for 5 s never goes quiet
        d.add(f"{i}.md", K.CONTENT)
        if d.wait_time() == 0.0:
            break
        assert d.wait_time() == (0.25 if i < 15 else 0.125)   # then the cap, 2 s after the first event, wins
        clock.now += 0.125
    assert clock.now == 102.0 and len(d.take()) == 17


def test_debounce_settles_sooner_once_every_write_is_complete():
    clock = Clock()
    d = Debouncer(quiet=0.15, cap=2.0, settle=0.03, clock=clock)
    d.add("a.md", K.CONTENT)                         # modified: a.md may still be being written
    assert d.wait_time() == pytest.approx(0.15)
    d.add("a.md", K.CONTENT, done=True)              # closed: the write is complete
    assert d.wait_time() == pytest.approx(0.03)
    d.add("b.md", K.CONTENT)                         # another file opened for writing: back to quiet
    d.add("c.md", K.CONTENT, done=True)
    assert d.wait_time() == pytest.approx(0.15)
    d.add("b.md", K.CONTENT, done=True)
    assert d.wait_time() == pytest.approx(0.03)
    clock.now += 0.03
    assert d.wait_time() == 0.0 and set(d.take()) == {"a.md", "b.md", "c.md"}
    d.add("d.md", K.CONTENT)                         # a new burst starts with no write known complete
    assert d.wait_time() == pytest.approx(0.15)


# --------------------------------------------------------------------------- the real watcher

@pytest.fixture
def site(built, tmp_path):
    return Path(shutil.copytree(built, tmp_path / "site", symlinks=True))


@pytest.fixture
def watcher(site):
    lines: list[str] = []
    w = Watcher(site, {"workers": 1}, quiet=0.05, log=lines.append)
    w.lines = lines
    w.start()
    yield w
    w.stop()


def step(w: Watcher, change, timeout: float = 15.0):
    """Apply ``change()`` to the files and return the report of the build it caused."""
    mark = w.mark()
    change()
    return w.wait_idle(timeout, after=mark)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def clean_tree(site: Path, where: Path) -> dict[str, bytes]:
    """The output of a clean ``ssg build`` of the site's current files, in a fresh folder."""
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    for name in ("site.toml", "permalinks.toml"):
        if (site / name).exists():
            shutil.copy(site / name, where / name)
    for name in ("content", "templates", "static", "themes"):
        if (site / name).is_dir():
            shutil.copytree(site / name, where / name)
    build_site(where)
    return tree(where / "output")


def test_a_running_watcher_does_not_print_watchdogs_overwritten_callback_warning(watcher):
    """watchdog's inotify observer warns when, registering a new folder's subtree, it meets a folder
    it has just registered (folders made quickly): harmless, and noise in ``ssg watch``'s output.
    Other warnings still show."""
    import warnings
    with warnings.catch_warnings(record=True) as seen:
        warnings.warn("Callback with id '7' already exists for watch <Watch wd=6>. It will be Overwritten.", RuntimeWarning)
        warnings.warn("another warning", RuntimeWarning)
    assert [str(w.message) for w in seen] == ["another warning"]


def test_first_build_then_no_rebuild_loop_from_its_own_reads_and_writes(tmp_path):
    site = make_site(tmp_path / "fresh", SMALL_SITE)
    with Watcher(site, {"workers": 1}, quiet=0.05, log=lambda line: None) as w:
        assert w.generation == 1 and w.error is None
        assert len(w.last_report.written) > 50 and (site / "output/index.html").exists()
        time.sleep(0.5)                          # output/ and .ssg-cache/ writes, content reads: no events
        assert w.generation == 1 and w.events == 0


def test_editor_temporary_files_and_unrelated_files_do_not_rebuild(watcher, site):
    for name in ("content/2024/.a.md.swp", "content/2024/a.md~", "content/2024/4913", "templates.tmp",
                 "notes.txt", "content/_drafts/x.md"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x")
    (site / "output/stray.html").write_text("x")
    time.sleep(0.5)
    assert watcher.generation == 1 and watcher.events == 0


def test_body_edit_rerenders_exactly_that_page(watcher, site):
    report = step(watcher, lambda: edit(site / "content/2024/a.md", "فقرة ثانية", "فقرة ثانية منقحة"))
    assert pages(report.rendered) == {A_PAGE} and pages(report.written) == {A_PAGE}
    assert "فقرة ثانية منقحة" in (site / "output" / A_PAGE).read_text()


def test_headline_edit_moves_the_page_and_listings_feeds_sitemaps_follow(watcher, site, tmp_path):
    report = step(watcher, lambda: edit(site / "content/2024/a.md", "الخبر الأول عن الاقتصاد", "عنوان مصحح"))
    new = "2024/03/عنوان-مصحح/index.html"
    assert new in report.written and A_PAGE in report.removed
    assert {"category/اقتصاد/index.html", "tag/نفط/index.html", "tag/نفط/feed.xml", "2024/03/01/index.html"} <= report.rendered
    assert any("sitemap" in name for name in report.written)
    out = site / "output"
    assert not (out / A_PAGE).exists()
    for listing in ("category/اقتصاد/index.html", "tag/نفط/feed.xml", "author/سارة/index.html"):
        text = (out / listing).read_text()
        assert "عنوان مصحح" in text and "الخبر الأول عن الاقتصاد" not in text, listing
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_create_then_delete_an_article(watcher, site, tmp_path):
    text = "---\ntitle: خبر عاجل جديد\ndate: 2024-04-07T08:00:00+03:00\ncategory: رياضة\ntags: [كرة]\n---\nنص عاجل.\n"
    report = step(watcher, lambda: (site / "content/2024/new.md").write_text(text))
    page = "2024/04/خبر-عاجل-جديد/index.html"
    assert page in report.written and "feed.xml" in report.written and "tag/كرة/index.html" in report.written
    assert "خبر عاجل جديد" in (site / "output/feed.xml").read_text()
    report = step(watcher, lambda: (site / "content/2024/new.md").unlink())
    assert page in report.removed and not (site / "output" / page).exists()
    out = site / "output"
    for name in ("feed.xml", "atom.xml", "feed.json", "index.html", "category/رياضة/index.html", "archive/index.html"):
        assert "خبر عاجل جديد" not in (out / name).read_text(), name
    for sitemap in out.rglob("*sitemap*.xml"):
        assert "%D8%AE%D8%A8%D8%B1-%D8%B9%D8%A7%D8%AC%D9%84" not in sitemap.read_text(), sitemap
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_delete_the_only_article_of_a_term_removes_its_listing(watcher, site):
    report = step(watcher, lambda: (site / "content/2024/b.md").unlink())
    assert {"tag/كرة/index.html", "tag/كرة/feed.xml", "2024/03/الخبر-الثاني-عن-الرياضة/index.html"} <= report.removed
    assert not (site / "output/tag/كرة").exists()


def test_rename_and_move_between_folders_and_folder_moves(watcher, site, tmp_path):
    step(watcher, lambda: (site / "content/2024/c.md").rename(site / "content/2024/c-renamed.md"))
    assert tree(site / "output") == clean_tree(site, tmp_path / "clean")
    (site / "content/archive/old").mkdir(parents=True)
    step(watcher, lambda: (site / "content/2024/d.md").rename(site / "content/archive/old/d.md"))
    assert tree(site / "output") == clean_tree(site, tmp_path / "clean")
    step(watcher, lambda: (site / "content/2023").rename(site / "content/older"))         # a whole folder
    assert tree(site / "output") == clean_tree(site, tmp_path / "clean")
    report = step(watcher, lambda: (site / "content/older").rename(site / "outside-content"))  # out of content/
    assert "2023/12/خبر-من-العام-الماضي/index.html" in report.removed
    assert tree(site / "output") == clean_tree(site, tmp_path / "clean")


def test_template_edit_rerenders_exactly_the_pages_that_use_it(watcher, site):
    theme = THEME / "article.html"

    def override():
        (site / "templates").mkdir()
        (site / "templates/article.html").write_text(theme.read_text() + "{# v1 #}\n")
    report = step(watcher, override)
    assert report.rendered == ARTICLE_PAGES and report.written == frozenset()   # a comment: same bytes
    report = step(watcher, lambda: edit(site / "templates/article.html", "<article", "<article data-v=2"))
    assert report.rendered == ARTICLE_PAGES == report.written
    assert 'data-v=2' in (site / "output" / A_PAGE).read_text()
    report = step(watcher, lambda: (site / "templates/list.html").write_text(
        (THEME / "list.html").read_text() + "{# v1 #}\n"))
    assert report.rendered and not report.rendered & ARTICLE_PAGES
    report = step(watcher, lambda: (site / "templates/article.html").unlink())   # back to the theme's
    assert report.rendered == ARTICLE_PAGES


def test_static_files_are_copied_and_removed(watcher, site):
    def add():
        (site / "static/img").mkdir(parents=True)
        (site / "static/img/logo.svg").write_text("<svg/>")
    assert "img/logo.svg" in step(watcher, add).written
    assert (site / "output/img/logo.svg").read_text() == "<svg/>"
    report = step(watcher, lambda: (site / "static/img/logo.svg").write_text("<svg></svg>"))
    assert report.written == {"img/logo.svg"}
    report = step(watcher, lambda: (site / "static/img/logo.svg").unlink())
    assert report.removed == {"img/logo.svg"} and not (site / "output/img/logo.svg").exists()


def test_a_broken_article_is_reported_and_the_next_save_recovers(watcher, site):
    bad = site / "content/2024/a.md"
    good = bad.read_text()
    report = step(watcher, lambda: bad.write_text("---\ntitle: [unclosed\n---\nx\n"))
    assert A_PAGE in report.removed
    assert watcher.error and "2024/a.md" in watcher.error and "skipped" in watcher.error
    assert any("2024/a.md" in line for line in watcher.lines)
    report = step(watcher, lambda: bad.write_text(good))
    assert A_PAGE in report.written and watcher.error is None


def test_a_broken_template_is_reported_keeps_the_last_good_site_and_the_fix_recovers(watcher, site, tmp_path):
    before = tree(site / "output")

    def break_it():
        (site / "templates").mkdir()
        (site / "templates/article.html").write_text("{% extends 'base.html' %}{% block main %}{% if %}")
    step(watcher, break_it)
    assert watcher.build_error and "article.html" in watcher.build_error
    assert tree(site / "output") == before                     # the last good site is still there
    step(watcher, lambda: edit(site / "content/2024/a.md", "فقرة ثانية", "فقرة معدلة"))   # still failing, still looping
    assert "article.html" in watcher.error and tree(site / "output") == before
    report = step(watcher, lambda: (site / "templates/article.html").unlink())
    assert watcher.error is None and A_PAGE in report.written
    assert "فقرة معدلة" in (site / "output" / A_PAGE).read_text()
    assert tree(site / "output") == clean_tree(site, tmp_path / "clean")


def test_site_toml_is_reloaded_and_an_invalid_one_keeps_the_last_good_config(watcher, site, tmp_path):
    toml = site / "site.toml"
    good = toml.read_text()
    step(watcher, lambda: toml.write_text(good + "paginate_by = [\n"))       # invalid TOML
    assert watcher.config_error and "site.toml" in watcher.config_error
    report = step(watcher, lambda: edit(site / "content/2024/a.md", "فقرة ثانية", "فقرة أخرى"))
    assert pages(report.rendered) == {A_PAGE}                          # built with the last good config
    step(watcher, lambda: toml.write_text(good.replace('title = "Test Archive"', 'titel = "x"')))
    assert "did you mean 'title'" in watcher.error
    report = step(watcher, lambda: toml.write_text(good.replace("Test Archive", "Renamed Archive")))
    assert watcher.error is None and "Renamed Archive" in (site / "output/index.html").read_text()
    assert A_PAGE in report.written
    assert tree(site / "output") == clean_tree(site, tmp_path / "clean")


def test_atomic_save_through_a_temporary_file_is_seen(watcher, site):
    """Editors (vim, JetBrains, VS Code) write a temporary file, then rename it over the original."""
    def save():
        tmp = site / "content/2024/a.md.tmp"
        tmp.write_text((site / "content/2024/a.md").read_text().replace("فقرة ثانية", "حفظ ذري"))
        os.replace(tmp, site / "content/2024/a.md")
    assert pages(step(watcher, save).rendered) == {A_PAGE}


def test_polling_observer(site):
    with Watcher(site, {"workers": 1}, poll=True, quiet=0.05, log=lambda line: None) as w:
        report = step(w, lambda: edit(site / "content/2024/a.md", "فقرة ثانية", "عبر الاستطلاع"))
        assert pages(report.rendered) == {A_PAGE}


# --------------------------------------------------------------------------- the invariant

TITLES = ["أمطار غزيرة", "افتتاح معرض", "نتائج المباراة", "ارتفاع الأسعار", "قمة إقليمية", "Market update",
          "موسم الحج", "تقرير اقتصادي", "مهرجان الشعر", "حركة المرور"]
FOLDERS = ["2024", "2023", "news/local", "news/world", "archive"]
TAGS = ["نفط", "أسواق", "كرة", "طقس", "ثقافة", "سياسة"]


class RandomEditor:
    """Seeded random edits, creations, deletions, renames and moves, plus template/static/config edits."""

    def __init__(self, site: Path, seed: int):
        self.site, self.rng, self.n = site, random.Random(seed), 0

    def articles(self) -> list[Path]:
        return sorted((self.site / "content").rglob("*.md"))

    def article(self, title: str) -> str:
        r = self.rng
        self.n += 1
        tags = ", ".join(r.sample(TAGS, r.randint(0, 3)))
        date = f"20{r.randint(22, 24)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:00:00+03:00"
        return (f"---\ntitle: {title} {self.n}\ndate: {date}\ncategory: {r.choice(['اقتصاد', 'رياضة', 'ثقافة'])}\n"
                f"tags: [{tags}]\n---\nفقرة أولى رقم {self.n}.\n\nفقرة ثانية {r.random()}.\n")

    def new_path(self) -> Path:
        self.n += 1
        path = self.site / "content" / self.rng.choice(FOLDERS) / f"a{self.n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def op(self) -> str:
        r, files = self.rng, self.articles()
        kind = r.choices(["create", "body", "title", "meta", "delete", "rename", "move", "broken", "template",
                          "static", "config"], [20, 20, 10, 10, 12, 8, 8, 3, 3, 3, 3])[0]
        if kind != "create" and kind in ("body", "title", "meta", "delete", "rename", "move", "broken") and len(files) < 3:
            kind = "create"
        if kind == "create":
            self.new_path().write_text(self.article(r.choice(TITLES)), encoding="utf-8")
        elif kind == "body":
            path = r.choice(files)
            path.write_text(path.read_text(encoding="utf-8") + f"\nفقرة إضافية {r.random()}.\n", encoding="utf-8")
        elif kind in ("title", "meta"):
            r.choice(files).write_text(self.article(r.choice(TITLES)), encoding="utf-8")
        elif kind == "delete":
            r.choice(files).unlink()
        elif kind == "rename":
            path = r.choice(files)
            self.n += 1
            path.rename(path.with_name(f"r{self.n}.md"))
        elif kind == "move":
            r.choice(files).rename(self.new_path())
        elif kind == "broken":
            r.choice(files).write_text("---\ntitle: [unclosed\n---\nx\n", encoding="utf-8")
        elif kind == "template":
            (self.site / "templates").mkdir(exist_ok=True)
            base = (THEME / "article.html").read_text()
            (self.site / "templates/article.html").write_text(base.replace("<article", f"<article data-n={self.n}"))
        elif kind == "static":
            (self.site / "static").mkdir(exist_ok=True)
            (self.site / "static" / f"s{r.randint(1, 3)}.txt").write_text(f"static {r.random()}")
        elif kind == "config":
            toml = self.site / "site.toml"
            toml.write_text(toml.read_text().replace("paginate_by = 2", "paginate_by = 3") if "= 2" in toml.read_text()
                            else toml.read_text().replace("paginate_by = 3", "paginate_by = 2"))
        return kind


@pytest.mark.slow
def test_invariant_200_random_changes_through_the_real_watcher_equal_a_clean_build(site, tmp_path):
    """THE INVARIANT: after >= 200 seeded random changes, each burst rebuilt by the real watchdog
    observer, output/ is byte-identical to a clean ``ssg build`` of the same files."""
    editor = RandomEditor(site, seed=20240501)
    done: list[str] = []
    with Watcher(site, {"workers": 1}, quiet=0.03, log=lambda line: None) as w:
        while len(done) < 200:
            mark = w.mark()
            for _ in range(editor.rng.choice([1, 1, 2, 3, 5, 8])):    # single saves and bursts
                done.append(editor.op())
            w.wait_idle(20, after=mark)
            if len(done) in range(100, 104):                            # and once midway
                assert tree(site / "output") == clean_tree(site, tmp_path / "mid"), done
        assert w.build_error is None, w.build_error
    assert len(done) >= 200 and len(set(done)) == 11
    assert tree(site / "output") == clean_tree(site, tmp_path / "clean")


# --------------------------------------------------------------------------- the command

def test_cli_watch_rebuilds_and_stops_cleanly_on_ctrl_c(site):
    proc = subprocess.Popen([sys.executable, "-m", "ssg", "watch", str(site), "-j", "1"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=default_sigint)
    try:
        lines = [proc.stderr.readline(), proc.stderr.readline()]       # the first build, then "watching ..."
        assert "built:" in lines[0] and "watching" in lines[1], lines
        edit(site / "content/2024/a.md", "فقرة ثانية", "من سطر الأوامر")
        lines.append(proc.stderr.readline())
        assert re.search(r"content/2024/a.md: \d+ rendered, \d+ written, 0 removed", lines[2]), lines
        assert "من سطر الأوامر" in (site / "output" / A_PAGE).read_text()
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_the_log_line_names_a_changed_file_still_there_not_an_editors_temporary_one(site):
    """An atomic save (write a.md.new, rename it over a.md) puts both names in the batch; the line
    named the temporary one, which is gone, when it came first."""
    from ssg.model import BuildReport
    w = Watcher(site, {"workers": 1})
    batch = {str(site / "content/2024/a.md.new"): K.CONTENT, str(site / "content/2024/a.md"): K.CONTENT}
    report = BuildReport(articles=5, pages=0, feeds=0, rendered=frozenset(), written=frozenset(), removed=frozenset(),
                         problems=(), timings=(), output_bytes=0, seconds=0.1)
    assert re.search(r"\] content/2024/a\.md and 1 more: 0 rendered", w._line(batch, report, None)), w._line(batch, report, None)
