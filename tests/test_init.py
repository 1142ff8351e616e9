"""``ssg init``: the scaffold is a complete site that builds cleanly and deploys to GitHub Pages."""
from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from ssg import cli
from ssg.config import documented_keys, parse_config
from ssg.errors import ConfigError, OutputError
from ssg.init import SCAFFOLD, init_site, scaffold_files
from tests.conftest import build_site

WORKFLOW = ".github/workflows/pages.yml"


def test_scaffold_builds_with_nothing_skipped(tmp_path):
    site = tmp_path / "news"
    written = {p.as_posix() for p in init_site(site)}
    assert {"site.toml", ".gitignore", "README.md", WORKFLOW} <= written
    assert any(p.endswith(".md") and p.startswith("content/") for p in written)
    assert any(p.endswith(".txt") and p.startswith("content/") for p in written)
    report = build_site(site)
    assert report.skipped == 0 and not report.problems, report.problems
    assert report.articles == 3
    out = site / "output"
    assert (out / "index.html").is_file() and (out / ".nojekyll").exists()
    # The raw article in the reference layout was understood: headline, dateline, category.
    raw = next(out.glob("2024/05/افتتاح-*/index.html")).read_text(encoding="utf-8")
    assert "افتتاح حديقة عامة جديدة على الواجهة البحرية" in raw and "محليات" in raw
    assert "شارك" not in raw.split("<main", 1)[1]          # the share line is boilerplate
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in home and "أرشيف الأخبار" in home


def test_site_toml_lists_every_key_and_every_commented_line_is_valid(tmp_path):
    init_site(tmp_path)
    text = (tmp_path / "site.toml").read_text(encoding="utf-8")
    config = parse_config(tomllib.loads(text))
    assert config.base_url == "http://127.0.0.1:8000/" and config.language == "ar"
    # Uncomment every "# key = value" line: still valid TOML and a valid config (no stale key).
    uncommented = re.sub(r"(?m)^# ?([a-z_]+ = .*)$", r"\1", text)
    uncommented = re.sub(r"(?m)^# ?(\[[a-z_]+\])", r"\1", uncommented)
    parse_config(tomllib.loads(uncommented))
    # Every key a user can set appears in the scaffold, set or commented.
    table, shown = "", set()
    for line in uncommented.splitlines():
        if m := re.match(r"\[([a-z_]+)\]", line):
            table = m.group(1)
            shown.add(table)
        elif m := re.match(r"([a-z_]+) = ", line):
            shown.add(f"{table}.{m.group(1)}" if table else m.group(1))
    missing = [k for k in documented_keys() if k not in shown and k.split(".")[0] not in ("extract", "extra")]
    assert not missing, f"keys missing from ssg/scaffold/site.toml: {missing}"


def test_workflow_builds_with_the_pages_address_and_deploys(tmp_path):
    init_site(tmp_path)
    wf = yaml.safe_load((tmp_path / WORKFLOW).read_text(encoding="utf-8"))
    on = wf.get("on", wf.get(True))                        # YAML 1.1 reads a bare `on` as true
    assert on["push"]["branches"] == ["main"] and "workflow_dispatch" in on
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert wf["concurrency"]["group"] == "pages"
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    steps = {s.get("uses", "").split("@")[0] or s.get("name"): s for s in build["steps"]}
    assert steps["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert steps["actions/configure-pages"]["id"] == "pages"
    assert ".ssg-cache" in steps["actions/cache"]["with"]["path"].split()
    assert "hashFiles(" in steps["actions/cache"]["with"]["key"] and "content/**" in steps["actions/cache"]["with"]["key"]
    assert 'ssg build --base-url "${{ steps.pages.outputs.base_url }}/"' in steps["Build"]["run"]
    assert "pip install" in steps["Install ssg"]["run"]
    upload = steps["actions/upload-pages-artifact"]["with"]
    assert upload["path"] == "output" and upload["include-hidden-files"] is True
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    order = [s.get("uses", s.get("name")).split("@")[0] for s in build["steps"]]
    assert order.index("actions/configure-pages") < order.index("Build") < order.index("actions/upload-pages-artifact")
    assert order.index("actions/cache") < order.index("Build")


def test_gitignore_keeps_build_products_out(tmp_path):
    init_site(tmp_path)
    lines = (tmp_path / ".gitignore").read_text(encoding="utf-8").split()
    assert {"output/", ".ssg-cache/", ".venv/"} <= set(lines)


def test_options_title_base_url_language(tmp_path):
    init_site(tmp_path, title='The "Daily" \\ Archive', base_url="https://me.github.io/daily", language="en")
    config = parse_config(tomllib.loads((tmp_path / "site.toml").read_text(encoding="utf-8")))
    assert config.title == 'The "Daily" \\ Archive'
    assert config.base_url == "https://me.github.io/daily/"          # the final slash is added
    assert config.language == "en" and config.dir == "ltr"
    assert 'The "Daily" \\ Archive' in (tmp_path / "README.md").read_text(encoding="utf-8")
    report = build_site(tmp_path)
    assert report.skipped == 0
    assert '<html lang="en" dir="ltr">' in (tmp_path / "output/index.html").read_text(encoding="utf-8")
    assert 'href="/daily/' in (tmp_path / "output/index.html").read_text(encoding="utf-8")


def test_a_site_in_another_language_gets_english_samples_and_an_arabic_note(tmp_path):
    """An English site's samples are English (a raw English article in the reference layout, its
    headline, dateline and category understood) with one Arabic note, right to left inside it."""
    site = tmp_path / "news"
    written = {p.as_posix() for p in init_site(site, language="en-GB")}
    assert {"content/2024/05/welcome.md", "content/2024/05/arabic-note.md", "content/raw/park-opening.txt"} <= written
    assert not any("content-en" in p or "english-note" in p for p in written)
    report = build_site(site)
    assert report.skipped == 0 and not report.problems and report.articles == 3, report.problems
    out = site / "output"
    raw = (out / "2024/05/new-public-park-opens-on-the-waterfront/index.html").read_text(encoding="utf-8")
    assert "<h1" in raw and "New public park opens on the waterfront" in raw and ">Local news<" in raw
    assert "Share" not in raw.split("<main", 1)[1] and "14 May 2024" in raw
    note = next(out.glob("2024/05/مقالات-*/index.html")).read_text(encoding="utf-8")
    assert '<h1 lang="ar" dir="rtl">مقالات بلغات أخرى</h1>' in note
    assert '<html lang="en-GB" dir="ltr">' in (out / "index.html").read_text(encoding="utf-8")


def test_default_title_follows_the_language(tmp_path):
    init_site(tmp_path, language="en")
    assert parse_config(tomllib.loads((tmp_path / "site.toml").read_text(encoding="utf-8"))).title == "News Archive"


def test_relative_base_url_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="absolute"):
        init_site(tmp_path / "x", base_url="/archive/")
    assert not (tmp_path / "x").exists()


def test_a_language_that_is_no_language_tag_is_refused(tmp_path):
    for bad in ("!!", "", "xx-invalid-!!"):
        with pytest.raises(ConfigError, match="--language must be a language tag"):
            init_site(tmp_path / "x", language=bad or " ")
    assert not (tmp_path / "x").exists()
    init_site(tmp_path / "y", language="ar_SA")
    assert 'language = "ar-SA"' in (tmp_path / "y/site.toml").read_text()


def test_non_empty_folder_is_refused_with_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError) as err:
        init_site(tmp_path)
    message = str(err.value)
    assert "\n" not in message and "not empty" in message and "--force" in message and "notes.txt" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_folder_with_only_git_counts_as_empty(tmp_path):
    (tmp_path / ".git").mkdir()
    assert init_site(tmp_path)


def test_force_adds_missing_files_and_keeps_existing_ones(tmp_path):
    (tmp_path / "site.toml").write_text('title = "Mine"\n', encoding="utf-8")
    written = {p.as_posix() for p in init_site(tmp_path, force=True)}
    assert "site.toml" not in written and WORKFLOW in written
    assert (tmp_path / "site.toml").read_text(encoding="utf-8") == 'title = "Mine"\n'
    assert init_site(tmp_path, force=True) == []          # a second run changes nothing


def test_a_file_in_the_way_is_refused(tmp_path):
    (tmp_path / "site").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="not a folder"):
        init_site(tmp_path / "site")


def test_scaffold_ships_its_dotfiles():
    files = {p.as_posix() for p in scaffold_files()}
    assert {".gitignore", WORKFLOW, "site.toml", "README.md"} <= files
    assert not any("__pycache__" in f for f in files)
    assert (SCAFFOLD / "site.toml").read_text(encoding="utf-8").count("@@") % 2 == 0


# ---------------------------------------------------------------- the command line

def test_cli_init_writes_the_site_and_says_what_next(tmp_path, capsys):
    assert cli.main(["init", str(tmp_path / "news"), "--title", "أخبار الحي", "--base-url",
                     "https://me.github.io/news/", "--language", "ar"]) == 0
    out = capsys.readouterr().out
    assert "site.toml" in out and "ssg build" in out
    config = parse_config(tomllib.loads((tmp_path / "news/site.toml").read_text(encoding="utf-8")))
    assert config.title == "أخبار الحي" and config.base_url == "https://me.github.io/news/"


def test_cli_init_refuses_a_non_empty_folder_in_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert cli.main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "not empty" in err and "\n" not in err
    assert cli.main(["init", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "site.toml").is_file()
