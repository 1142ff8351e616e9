"""``ssg init DIR``: start a new site from the files in ``ssg/scaffold/``.

The scaffold is a complete, buildable site: a commented ``site.toml``, sample content (Markdown
with YAML front matter, and a raw scraped article in the reference layout: ``content/`` in Arabic,
``content-en/`` in English for a site in any other language), ``.gitignore``, a
README and ``.github/workflows/pages.yml``, which builds the site on every push to ``main`` and
publishes it with GitHub Pages (see docs/github-pages.md).

Files are copied byte for byte, except that ``@@NAME@@`` markers are replaced: in ``site.toml``
by TOML strings (``@@TITLE@@``, ``@@DESCRIPTION@@``, ``@@BASE_URL@@``, ``@@LANGUAGE@@``), and
``@@TITLE_TEXT@@`` by the plain title (README).
"""
from __future__ import annotations

import json
from pathlib import Path

from .config import LANGUAGE_TAG
from .errors import ConfigError, OutputError

SCAFFOLD = Path(__file__).resolve().parent / "scaffold"
DEFAULT_TITLES = {"ar": "أرشيف الأخبار", "en": "News Archive"}
DEFAULT_DESCRIPTIONS = {"ar": "أرشيف أخبار مبني بـ ssg", "en": "A news archive built with ssg"}
DEFAULT_BASE_URL = "http://127.0.0.1:8000/"
# A folder holding only these is still "empty" (a fresh `git init` or clone of an empty repository).
IGNORED_WHEN_EMPTY = {".git"}


SAMPLES = {"ar": "content", "en": "content-en"}      # the sample articles for a site's language: Arabic, or English


def scaffold_files(language: str = "ar") -> dict[Path, Path]:
    """The scaffold's files for a site in ``language``: path in the site folder -> path in the
    scaffold, sorted (dotfiles included). The sample articles are Arabic ones for Arabic, English
    ones otherwise (``content-en/`` written as ``content/``)."""
    samples = SAMPLES["ar" if language.split("-")[0].lower() == "ar" else "en"]
    found = {}
    for p in SCAFFOLD.rglob("*"):
        rel = p.relative_to(SCAFFOLD)
        top = rel.parts[0]
        if not p.is_file() or "__pycache__" in rel.parts or (top in SAMPLES.values() and top != samples):
            continue
        found[Path("content", *rel.parts[1:]) if top == samples else rel] = p
    return dict(sorted(found.items()))


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes: \" \\ \n \t \uXXXX).
    return json.dumps(value, ensure_ascii=False)


def _check_base_url(base_url: str) -> str:
    if "://" not in base_url:
        raise ConfigError(f"--base-url must be absolute (https://user.github.io/repo/), not {base_url!r}")
    return base_url if base_url.endswith("/") else base_url + "/"


def init_site(directory: str | Path, *, title: str | None = None, base_url: str | None = None,
              language: str = "ar", force: bool = False) -> list[Path]:
    """Write the scaffold into DIRECTORY and return the files written (relative paths).

    Refuses a folder that is not empty (a ``.git`` folder alone does not count) unless ``force``;
    with ``force``, files that already exist are kept as they are, never overwritten."""
    target = Path(directory)
    if target.exists() and not target.is_dir():
        raise OutputError("exists and is not a folder", path=str(target))
    language = (language or "ar").strip().replace("_", "-")
    if not LANGUAGE_TAG.fullmatch(language):
        raise ConfigError(f"--language must be a language tag such as ar, en, fr or ar-SA, not {language!r}")
    base = language.split("-")[0].lower()
    title = title if title is not None else DEFAULT_TITLES.get(base, DEFAULT_TITLES["en"])
    base_url = _check_base_url(base_url) if base_url else DEFAULT_BASE_URL
    present = [p.name for p in target.iterdir() if p.name not in IGNORED_WHEN_EMPTY] if target.is_dir() else []
    if present and not force:
        shown = ", ".join(sorted(present)[:3]) + (", ..." if len(present) > 3 else "")
        raise OutputError(f"folder is not empty ({shown}); choose a new folder, or use --force to add "
                          "the missing files and keep the existing ones", path=str(target))
    values = {
        "@@TITLE@@": _toml_string(title),
        "@@DESCRIPTION@@": _toml_string(DEFAULT_DESCRIPTIONS.get(base, DEFAULT_DESCRIPTIONS["en"])),
        "@@BASE_URL@@": _toml_string(base_url),
        "@@LANGUAGE@@": _toml_string(language),
        "@@TITLE_TEXT@@": title,
    }
    written = []
    for rel, source in scaffold_files(language).items():
        dest = target / rel
        if dest.exists():
            continue
        data = source.read_bytes()
        if b"@@" in data:
            text = data.decode("utf-8")
            for marker, value in values.items():
                text = text.replace(marker, value)
            data = text.encode("utf-8")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
        written.append(rel)
    return written


def report(directory: str | Path, written: list[Path], language: str = "ar") -> str:
    """What ``ssg init`` prints: the files written and the next steps."""
    total = len(scaffold_files(language))
    kept = total - len(written)
    lines = [f"Created {len(written)} file(s) in {directory}" + (f" ({kept} existing kept)" if kept else "") + ":"]
    lines += [f"  {p.as_posix()}" for p in written]
    lines += [
        "Next:",
        f"  ssg build {directory}    # -> {Path(directory) / 'output'}",
        f"  ssg serve {directory}    # preview with live reload",
        "  GitHub Pages: push to a repository, set Settings -> Pages -> Source to \"GitHub Actions\",",
        "  and set SSG_PACKAGE in .github/workflows/pages.yml (see docs/github-pages.md).",
    ]
    return "\n".join(lines)
