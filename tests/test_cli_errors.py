"""Bad input gets one clear line naming the file and the problem, and the documented exit code
(0 ok, 1 bad content with --strict, 2 config/template/usage error), never a traceback."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ssg.config import BUNDLED_THEMES
from ssg.init import init_site


def run_cli(*args, cwd=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "ssg", *map(str, args)], capture_output=True, text=True, cwd=cwd, **kwargs)


@pytest.fixture
def site(tmp_path) -> Path:
    """A site as ``ssg init`` writes it (three sample articles)."""
    init_site(str(tmp_path / "site"), title=None, base_url=None, language="ar", force=False)
    return tmp_path / "site"


def one_error(result, code: int) -> str:
    """The one line of stderr of a failed command, checked: the exit code, no traceback."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# ----------------------------------------------------------------- 1. template errors at render time

@pytest.mark.parametrize("text, problem", [
    ("{{ 1/0 }}", "division by zero"),
    ('{{ 1 + "a" }}', "unsupported operand"),
    ('{% include "article.html" %}', "without end"),
    ("{{ site.nothing.deeper }}", "has no attribute 'nothing'"),
])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_template_error_at_render_time_names_the_template_its_line_and_the_page(site, text, problem, jobs):
    (site / "templates").mkdir()
    (site / "templates/article.html").write_text("<p>\n" + text + "\n")
    line = one_error(run_cli("build", site, "-j", jobs), 2)
    assert line.startswith("error: templates/article.html:2: ") and problem in line, line
    assert line.endswith("/index.html)") and "(while rendering 2024/05/" in line, line


def test_an_error_in_an_extended_template_names_that_template_not_the_page_template(site):
    theme = BUNDLED_THEMES / "default/templates"
    (site / "templates").mkdir()
    lines = (theme / "base.html").read_text().splitlines(keepends=True)
    lines.insert(3, "{{ site.nothing.deeper }}\n")
    (site / "templates/base.html").write_text("".join(lines))
    line = one_error(run_cli("build", site, "-j", 1), 2)
    assert line.startswith("error: templates/base.html:4: 'dict object' has no attribute 'nothing' (while rendering "), line


def test_a_template_that_is_not_utf8_is_named_by_the_renderer(site):
    """(The build's template graph, ssg/deps.py, reads every template first: see the report.)"""
    from ssg.config import load_config
    from ssg.errors import TemplateError
    from ssg.model import RenderJob
    from ssg.render import Renderer
    (site / "templates").mkdir()
    (site / "templates/bad.html").write_bytes(b"x\xff{{ 1 }}\n")
    (site / "templates/page.html").write_text("<p>\n{% include 'bad.html' %}\n")
    renderer = Renderer(load_config(site), {}, {}, None)
    job = RenderJob(output="x/index.html", renderer="html", template="page.html", view={}, fingerprint="")
    with pytest.raises(TemplateError) as caught:
        renderer.render(job)
    assert str(caught.value) == "templates/bad.html: not valid UTF-8 (byte 1); templates must be UTF-8 (while rendering x/index.html)"


def set_keys(site: Path, text: str) -> None:
    """Top-level keys put first in site.toml (before its tables)."""
    (site / "site.toml").write_text(text + "\n" + (site / "site.toml").read_text())


# ----------------------------------------------------------------- 2. a theme that is not there

def test_a_missing_theme_is_a_config_error_naming_site_toml_and_where_it_looked(site):
    set_keys(site, 'theme = "nope"')
    line = one_error(run_cli("build", site), 2)
    assert line.startswith(f"error: {site / 'site.toml'}: theme 'nope' not found: looked in {site / 'themes/nope'} and "), line
    assert line.endswith("themes/nope"), line


# ----------------------------------------------------------------- 3. a port out of range

@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_serve_refuses_a_port_out_of_range_as_a_usage_error(site, port):
    result = run_cli("serve", site, "--port", port, timeout=30)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("ssg serve: error: argument --port: ")


def test_the_preview_server_refuses_a_port_out_of_range_in_one_line():
    from ssg.errors import ConfigError
    from ssg.serve import PreviewServer
    with pytest.raises(ConfigError, match="cannot listen on 127.0.0.1:99999: the port must be 0-65535"):
        PreviewServer(None, "127.0.0.1", 99999)


# ----------------------------------------------------------------- 4. a closed stdout

def test_inspect_into_a_closed_pipe_stops_quietly(site):
    """``ssg inspect PATH | head -5``: the reader goes away; no error line, no traceback."""
    child = subprocess.Popen([sys.executable, "-m", "ssg", "inspect", str(site / "content")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()                   # before the first record is written (ssg takes ~0.2 s to start)
    stderr = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141, stderr
    assert stderr == ""


# ----------------------------------------------------------------- 5. permalink placeholders

@pytest.mark.parametrize("key, pattern, says", [
    ("permalink", "/{yr}/{slug}/", "{yr} is not a placeholder; the placeholders are {year} {month} {day} {slug} {category}"),
    ("permalink", "/{year:04}/{slug}/", "{year:04} is not a placeholder"),
    ("permalink", "/{year/{slug}/", "unexpected '{' in field name"),
    ("permalink_undated", "/{year}/{slug}/", "{year} is not known for an undated article; the placeholders are {slug} {category}"),
    ("permalink_undated", "/undated/{month}/{slug}/", "{month} is not known for an undated article"),
])
def test_an_unknown_permalink_placeholder_is_a_config_error(site, key, pattern, says):
    set_keys(site, f'{key} = "{pattern}"')
    line = one_error(run_cli("build", site), 2)
    assert line.startswith(f"error: {site / 'site.toml'}: {key} '{pattern}': ") and says in line, line


def test_known_placeholders_are_accepted(site):
    set_keys(site, 'permalink = "/{category}/{year}/{month}/{day}/{slug}/"\npermalink_undated = "/u/{category}/{slug}/"')
    assert run_cli("build", site, "-j", 1).returncode == 0


# ----------------------------------------------------------------- 6. --strict names every bad file

def bad_files(site: Path) -> None:
    for name in ("a", "b", "c", "d"):
        (site / f"content/bad-{name}.md").write_text("---\ntitle: [unclosed\n---\nx\n")


def test_strict_prints_every_bad_file_then_the_failure_line(site, monkeypatch, capsys):
    """The CLI prints the problems a strict failure carries (ssg.build passes them: see the report)."""
    import ssg.build
    from ssg import cli
    from ssg.errors import ContentError
    from ssg.model import Problem
    problems = tuple(Problem(path=f"bad-{n}.md", message="invalid front matter", line=2) for n in "abcd")

    def failing(config, **kwargs):
        raise ContentError("4 bad content file(s) and --strict is on", problems=problems)
    monkeypatch.setattr(ssg.build, "build", failing)
    assert cli.main(["build", str(site), "--strict"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        *(f"skipped: bad-{n}.md:2: invalid front matter" for n in "abcd"),
        "error: 4 bad content file(s) and --strict is on"]


def test_a_strict_failure_keeps_its_problems_across_processes():
    import pickle
    from ssg.errors import ContentError
    from ssg.model import Problem
    error = pickle.loads(pickle.dumps(ContentError("x", problems=(Problem(path="a.md", message="m"),))))
    assert [str(p) for p in error.problems] == ["a.md: m"]


def test_strict_build_names_every_bad_file(site):
    bad_files(site)
    result = run_cli("build", site, "--strict", "-j", 1)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert [line.split(":")[1].strip() for line in lines[:-1]] == [f"bad-{n}.md" for n in "abcd"], lines
    assert lines[-1].startswith("error: 4 bad content file(s) and --strict is on"), lines


# ----------------------------------------------------------------- 7. control characters in names

def test_control_characters_in_a_file_name_are_escaped_in_every_message(site):
    (site / "content/a\nb\x1b[31mc.md").write_text("---\ntitle: [unclosed\n---\nx\n")
    (site / "content/خبر\x07.md").write_text("---\ntitle: [unclosed\n---\nx\n")
    result = run_cli("build", site, "-j", 1)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert result.stderr.splitlines() == ["skipped: a\\nb\\x1b[31mc.md:3: invalid front matter: while parsing a flow sequence",
                                          "skipped: خبر\\x07.md:3: invalid front matter: while parsing a flow sequence"]
    shown = run_cli("inspect", site / "content/a\nb\x1b[31mc.md").stdout
    assert shown == f"{site}/content/a\\nb\\x1b[31mc.md:3: skipped: invalid front matter: while parsing a flow sequence\n"
    shown = run_cli("inspect", "--json", site / "content/a\nb\x1b[31mc.md").stdout
    assert "\x1b" not in shown and "a\\\\nb\\\\x1b[31mc.md" in shown


def test_printable_escapes_controls_and_undecodable_bytes_and_keeps_arabic():
    from ssg.errors import ConfigError, printable
    assert printable("مرحبا\n\x1b[0m\t\udce9\x85\u2028") == "مرحبا\\n\\x1b[0m\\t\\xe9\\x85\\u2028"
    assert str(ConfigError("bad", path="a\nb")) == "a\\nb: bad"


# ----------------------------------------------------------------- 8. a content folder that is not there

def test_a_build_in_a_folder_without_content_is_an_error_naming_the_folder(tmp_path):
    line = one_error(run_cli("build", cwd=tmp_path), 2)
    assert line == f"error: {tmp_path / 'content'}: content folder not found (the default content_dir)"
    (tmp_path / "content").mkdir()                       # there and empty: an empty site
    assert run_cli("build", "-j", 1, cwd=tmp_path).returncode == 0


def test_a_content_option_or_key_naming_a_missing_folder_is_an_error(site, tmp_path):
    line = one_error(run_cli("build", site, "--content", tmp_path / "nothere"), 2)
    assert line == f"error: {tmp_path / 'nothere'}: content folder not found (--content)"
    set_keys(site, 'content_dir = "articles"')
    line = one_error(run_cli("build", site), 2)
    assert line == f"error: {site / 'articles'}: content folder not found (content_dir = 'articles')"


# ----------------------------------------------------------------- 9. values of the wrong type

@pytest.mark.parametrize("line, problem", [
    ("tags: 7", "'tags' must be a string or a list of strings"),
    ("tags: [[a, b]]", "'tags' must be a string or a list of strings"),
    ("permalink: 5", "'permalink' must be a string"),
    ("slug: [a, b]", "'slug' must be a string"),
    ("draft: maybe", "'draft' must be true or false"),
    ("category: 5", "'category' must be a string"),
])
def test_a_front_matter_value_of_the_wrong_type_skips_the_file_in_one_line(site, line, problem):
    (site / "content/bad.md").write_text(f"---\ntitle: T\ndate: 2024-01-01\n{line}\n---\nbody\n")
    result = run_cli("build", site, "-j", 1)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [f"skipped: bad.md: front-matter: {problem}"]


def test_a_sidecar_value_of_the_wrong_type_skips_the_file_naming_the_sidecar(site):
    (site / "content/raw/park-opening.meta.json").write_text('{"tags": 7}')
    (site / "content/note.md").write_text("---\ntitle: T\ndate: 2024-01-01\ntags: 7\n---\nbody\n")
    (site / "content/note.meta.toml").write_text('title = "T2"\n')     # the front matter's fault, not the sidecar's
    result = run_cli("build", site, "-j", 1)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["skipped: note.md: front-matter: 'tags' must be a string or a list of strings",
                                          "skipped: raw/park-opening.meta.json: sidecar: 'tags' must be a string or a list of strings"]


def test_numbers_in_a_list_of_tags_and_a_number_as_slug_are_taken_as_written(site):
    (site / "content/ok.md").write_text("---\ntitle: T\ndate: 2024-01-01\ntags: [2024, elections]\nslug: 2024\n---\nbody\n")
    result = run_cli("build", site, "-j", 1)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert (site / "output/2024/01/2024/index.html").exists()


# ----------------------------------------------------------------- 10. what scan cannot use

def test_a_name_not_utf8_and_a_symlink_loop_are_skipped_in_one_line_each_and_the_build_goes_on(site):
    content = os.fsencode(site / "content")
    (Path(os.fsdecode(content + b"/caf\xe9.txt"))).write_text("T\n\nbody\n")
    os.mkdir(content + b"/d\xe9")
    os.symlink("b.txt", site / "content/a.txt")
    os.symlink("a.txt", site / "content/b.txt")
    os.symlink("nowhere.txt", site / "content/dangling.txt")        # (gone: not there, as before)
    for _ in range(2):                                                 # (and again, from the cache)
        result = run_cli("build", site, "-j", 1)
        assert result.returncode == 0, result.stderr
        assert result.stderr.splitlines() == [
            "skipped: a.txt: cannot read: Too many levels of symbolic links",
            "skipped: b.txt: cannot read: Too many levels of symbolic links",
            "skipped: caf\\xe9.txt: cannot read: its name is not valid UTF-8 (rename it)",
            "skipped: d\\xe9/: cannot read: its name is not valid UTF-8 (rename it)"]
        assert result.stdout.startswith("3 articles, ") and " 4 skipped files or rows" in result.stdout


def unprivileged() -> list[str]:
    """A command prefix that drops root's power to read anything (as a user would run ssg)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-all"]


def test_folders_without_permissions_are_reported_and_the_build_goes_on(site):
    prefix = unprivileged()
    for name in ("nox", "nor"):
        (site / f"content/{name}").mkdir()
        (site / f"content/{name}/x.txt").write_text("T\n\nbody\n")
    (site / "content/nox").chmod(0o600)
    (site / "content/nor").chmod(0o300)
    try:
        result = subprocess.run([*prefix, sys.executable, "-m", "ssg", "build", str(site), "-j", "1"],
                                capture_output=True, text=True)
    finally:
        (site / "content/nox").chmod(0o700)
        (site / "content/nor").chmod(0o700)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["skipped: nor/: cannot read: Permission denied: the folder's files are skipped",
                                          "skipped: nox/x.txt: cannot read: Permission denied"]


# ----------------------------------------------------------------- 11. inspect shows what the build would use

PROFILE = """
[extract.profiles.park]
paths = ["raw/**"]
source = "Park News"
strip = ["\\\\s*\\\\(AFP\\\\)\\\\s*$"]
"""


def test_inspect_uses_the_sites_profiles_and_names_files_as_the_build_does(site):
    (site / "site.toml").write_text((site / "site.toml").read_text() + PROFILE)
    text = (site / "content/raw/park-opening.txt").read_text().splitlines()
    text[8] += " (AFP)"                                  # the end of the first paragraph, which the profile strips
    (site / "content/raw/park-opening.txt").write_text("\n".join(text) + "\n")
    import json
    for args, cwd in [(["inspect", "--json", "content/raw/park-opening.txt"], site),          # the site found above it
                      (["inspect", "--json", "park-opening.txt"], site / "content/raw"),
                      (["inspect", "--json", "--site", site, site / "content/raw"], None)]:
        result = run_cli(*args, cwd=cwd)
        assert result.returncode == 0, result.stderr
        record = json.loads(result.stdout)
        assert record["source"] == "Park News" and record["evidence"]["source"]["rule"] == "profile:park", args
        assert not any(p.endswith("(AFP)") for p in record["paragraphs"]), record["paragraphs"]
        assert record["draft"] is False


def test_inspect_shows_what_the_build_skips_leaves_out_and_warns_about(site):
    (site / "content/notitle.md").write_text("---\ndate: 2024-01-01\n---\nFirst line here\n\nsecond para\n")
    (site / "content/draft.md").write_text("---\ntitle: Drafty\ndate: 2024-01-01\ndraft: true\ntags: [a, b]\n---\nbody\n")
    result = run_cli("inspect", "content/notitle.md", "content/draft.md", cwd=site)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == \
        "content/notitle.md: skipped: no title found (set untitled = 'first-line' in site.toml to use the first line)"
    assert result.stdout.splitlines()[1:4] == ["content/draft.md", "  draft        true: left out of the build",
                                               "  title        Drafty"]
    assert "  tags         a, b" in result.stdout.splitlines()
    set_keys(site, 'untitled = "first-line"')
    result = run_cli("inspect", "content/notitle.md", cwd=site)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "content/notitle.md", "  title        First line here", "  published    2024-01-01T00:00:00+00:00",
        "  language     ar", "  encoding     utf-8", "  paragraphs   1: second para…",
        "  warning      no headline found: its first line is used (untitled = 'first-line')"]


def test_a_sidecar_no_article_takes_is_warned_about_by_build_and_inspect(site):
    """A sidecar named after no article (a typo) used to be ignored in silence: the build warns,
    naming it, and ``ssg inspect`` on it says so; on a sidecar an article takes, it shows the article."""
    (site / "content/2024/notes.meta.toml").write_text('category = "typo"\n')
    (site / "content/raw/park-opening.meta.toml").write_text('category = "parks"\n')
    result = run_cli("build", ".", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["warning: 2024/notes.meta.toml: overrides nothing, so it is ignored: no content file "
                                          "of its name (notes.md, notes.txt, ...) is beside it (a sidecar takes its article's "
                                          "name: x.txt -> x.meta.toml)"]
    assert " 1 warnings," in result.stdout and (site / "output/category/parks/index.html").is_file()
    result = run_cli("inspect", "content/2024/notes.meta.toml", "content/raw/park-opening.meta.toml", cwd=site)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("content/2024/notes.meta.toml: skipped: overrides nothing, so it is ignored")
    assert lines[1] == "content/raw/park-opening.txt" and "  category     parks" in lines


def test_a_sidecars_fields_show_as_override_sidecar_in_the_evidence(site):
    import json
    (site / "content/raw/park-opening.meta.toml").write_text('title = "عنوان آخر"\n')
    record = json.loads(run_cli("inspect", "--json", "content/raw/park-opening.txt", cwd=site).stdout)
    assert record["title"] == "عنوان آخر" and record["evidence"]["title"]["rule"] == "override:sidecar"


# ----------------------------------------------------------------- 12. a first-line title is warned about

def test_a_markdown_file_without_a_title_takes_its_first_line_with_a_warning(site):
    set_keys(site, 'untitled = "first-line"')
    (site / "content/notitle.md").write_text("---\ndate: 2024-01-01\n---\nFirst line here\n\nsecond para\n")
    result = run_cli("build", site, "-j", 1)
    assert result.returncode == 0
    assert result.stderr.splitlines() == ["warning: notitle.md: no headline found: its first line is used (untitled = 'first-line')"]
    assert (site / "output/2024/01/first-line-here/index.html").exists()


# ----------------------------------------------------------------- 13. ssg pin takes only what it uses

def test_pin_offers_only_the_options_it_uses(site):
    helptext = run_cli("pin", "--help").stdout.split("Docs:")[0]      # (the epilog names --strict's exit code)
    for flag in ("--content", "--jobs", "SITE_DIR"):
        assert flag in helptext
    for flag in ("--base-url", "--output", "--strict", "--force"):
        assert flag not in helptext
    result = run_cli("pin", site, "--force")
    assert result.returncode == 2 and "unrecognized arguments: --force" in result.stderr
    result = run_cli("pin", site, "-j", 1)
    assert result.returncode == 0, result.stderr
    assert "3 articles pinned (3 new)" in result.stdout


# ----------------------------------------------------------------- 14. one path per line

def test_dataset_and_sidecar_problems_name_their_file_once(site):
    (site / "content/ds").mkdir()
    (site / "content/ds/d.csv").write_text("title,date,text\nA,2024-01-01,body one\nB,2024-01-02\nC,2024-01-03,body three\n")
    (site / "content/raw/park-opening.meta.toml").write_text("title = \n")
    result = run_cli("build", site, "-j", 1)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "skipped: ds/d.csv:3: 2 fields, the header has 3",
        "skipped: raw/park-opening.meta.toml:1: invalid TOML: Invalid value (at line 1, column 9)"]
    result = run_cli("inspect", "content/ds/d.csv", "content/raw/park-opening.txt", cwd=site)
    lines = [line for line in result.stdout.splitlines() if "skipped" in line]
    assert lines == ["content/ds/d.csv#L3: skipped: 2 fields, the header has 3",
                     "content/raw/park-opening.txt: skipped: raw/park-opening.meta.toml:1: invalid TOML: Invalid value (at line 1, column 9)"]


# ----------------------------------------------------------------- 15. ignore replaces the defaults, as documented

def test_an_ignore_list_replaces_the_defaults_and_the_docs_say_so(site):
    from tests.conftest import REPO
    (site / "content/README.md").write_text("---\ntitle: Not an article\n---\nx\n")
    (site / "content/drafts").mkdir()
    (site / "content/drafts/d.md").write_text("---\ntitle: A draft\n---\nx\n")
    set_keys(site, 'ignore = ["drafts"]')
    result = run_cli("build", site, "-j", 1)
    assert result.stdout.startswith("4 articles, ")          # README.md is read: the defaults are gone
    row = next(line for line in (REPO / "docs/configuration.md").read_text().splitlines() if line.startswith("| `ignore` |"))
    assert "replaces the defaults" in row


# ----------------------------------------------------------------- 16. values out of range

@pytest.mark.parametrize("setting, says", [
    ("[build]\nworkers = -2", "[build] workers must be 0 (all cores) or more, not -2"),
    ("slug_max_length = 0", "slug_max_length must be at least 1, not 0"),
    ("related_count = -1", "related_count must be 0 (none) or more, not -1"),
    ('base_url = "ftp://example.com/archive/"', "base_url must be an http:// or https:// address"),
    ('base_url = "https://example.com/my archive/"', "base_url must be an http:// or https:// address"),
    ('base_url = "https:///archive/"', "base_url must be an http:// or https:// address"),
])
def test_a_value_out_of_range_in_site_toml_is_a_config_error(site, setting, says):
    toml = (site / "site.toml").read_text()
    if setting.startswith("[build]"):
        toml = toml.replace("[build]\n", setting + "\n", 1)
    elif setting.startswith("base_url"):
        toml = toml.replace('base_url = "http://127.0.0.1:8000/"', setting, 1)
    else:
        toml = setting + "\n" + toml
    (site / "site.toml").write_text(toml)
    line = one_error(run_cli("build", site), 2)
    assert line.startswith(f"error: {site / 'site.toml'}: {says}"), line


@pytest.mark.parametrize("args, says", [
    (["-j", "-1"], "argument -j/--jobs: -1: worker processes are 0 (all cores) or more"),
    (["--base-url", "ftp://x.org/"], "base_url must be an http:// or https:// address"),
])
def test_an_option_out_of_range_is_a_usage_error(site, args, says):
    result = run_cli("build", site, *args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and says in result.stderr.strip().splitlines()[-1], result.stderr
