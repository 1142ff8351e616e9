"""The dependency graph: template closures and fingerprints. No I/O besides reading theme files.

A page's fingerprint is the hash of exactly what its template can see: the digest of its template
closure, the config digest, the globals, its view (with the card digests of the articles it lists)
and the digests of the bodies it loads; and of ssg's own code (``code_digest``), so that an
upgraded ssg renders everything again instead of keeping pages and feeds its old code made.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
from importlib import metadata
from pathlib import Path

import orjson
from jinja2 import Environment, FileSystemLoader, TemplateNotFound, TemplateSyntaxError, meta

from .errors import TemplateError


def digest(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=None)
def code_digest(*roots: str) -> str:
    """A digest of ssg's Python source, read once per process: of every module, or of the modules
    ``roots`` ("read", "extract.core") and every ssg module they import, at any depth
    (``imported_modules``), so that the cached reads outlive a change to the code that does not read."""
    paths = sorted(_PACKAGE.rglob("*.py")) if not roots else imported_modules(roots)
    h = hashlib.blake2b(digest_size=16)
    for path in paths:
        h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\x00" + path.read_bytes() + b"\x00")
    return h.hexdigest()


def _module_file(name: str) -> Path | None:
    for path in (_PACKAGE / f"{name.replace('.', '/')}.py", _PACKAGE / name.replace(".", "/") / "__init__.py"):
        if path.is_file():
            return path
    return None


# A relative import statement: its dots, its module, and what it imports (up to the closing
# parenthesis when there is one). Read off the source by a regex, not an AST: ~1 ms for the read
# stage's twenty modules where ast.parse took ~170 ms, on the no-op path. Text that only looks
# like an import (in a docstring) adds a module, never drops one.
_RELATIVE_IMPORT = re.compile(r"^[ \t]*from[ \t]+(\.+)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.M)


def imported_modules(roots) -> list[Path]:
    """The files of the ssg modules ``roots`` and of every ssg module they import, at any depth, as
    their source says: each relative import anywhere in a module (``from . import x``,
    ``from .x import y``, ``from ..x import (y, z)``, inside functions too), with the package
    ``__init__`` of each module imported from a subpackage."""
    found: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in found or path is None:
            continue
        found[name] = path
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for dots, module, names in _RELATIVE_IMPORT.findall(path.read_text(encoding="utf-8")):
            base = package[: len(package) - (len(dots) - 1)] + (module.split(".") if module else [])
            todo += [".".join(base[:i]) for i in range(1, len(base) + 1)]         # the packages on the way
            for alias in re.sub(r"#[^\n]*", "", names).strip("()").split(","):
                if alias.split():
                    todo.append(".".join([*base, alias.split()[0]]))              # a module imported by name
    return sorted(set(found.values()))


@functools.lru_cache(maxsize=1)
def library_versions() -> tuple[tuple[str, str], ...]:
    """(name, version) of each library ssg depends on (not its extras), as installed: the read
    stage's results are theirs too (cmark-gfm's HTML, nh3's sanitising, PyYAML's values...).

    On the no-op path, so read off the names of the ``NAME-VERSION.dist-info`` folders on
    ``sys.path`` (~1 ms) rather than asked of ``importlib.metadata`` one library at a time
    (~1 ms each); a library installed otherwise is asked for."""
    try:
        wanted = {_project(re.match(r"[A-Za-z0-9._-]+", r).group(0)) for r in metadata.requires("ssg") or []
                  if "extra ==" not in r}
    except metadata.PackageNotFoundError:        # run from a source tree that is not installed
        return ()
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            if entry.endswith(".dist-info") and entry.count("-") == 2:          # (one in "dist-info")
                name, version = entry[:-10].split("-")
                if _project(name) in wanted:
                    found.setdefault(_project(name), version)      # the first on the path, as imports go
    for name in wanted - found.keys():
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return tuple(sorted(found.items()))


def _project(name: str) -> str:
    """A project name as PEP 503 compares them (``PyYAML``, ``pyyaml``; ``python_slugify``, ``python-slugify``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def canonical(value) -> bytes:
    """A stable byte encoding of plain data (sorted keys). orjson: ~8x faster than json at 100k views."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str)


def fingerprint(*parts) -> str:
    """A digest of the parts as one canonical JSON array: one ``orjson.dumps`` and one hash call,
    where hashing each part on its own took an encode and two updates a part (an article job's
    seven parts: 4.3-5.8 -> 2.7-4.1 us; ~240,000 fingerprints in a one-article build at 100k)."""
    return hashlib.blake2b(canonical(parts), digest_size=16).hexdigest()


class TemplateGraph:
    """Static template closures over a search path (site templates first, then the theme's)."""

    def __init__(self, search_paths: list[Path]):
        self.search_paths = [p for p in search_paths if p.is_dir()]
        self.env = Environment(loader=FileSystemLoader([str(p) for p in self.search_paths]))
        self._closures: dict[str, frozenset[str]] = {}
        self._digests: dict[str, str] = {}
        self._refs: dict[str, tuple[str | None, ...]] = {}

    def all_templates(self) -> list[str]:
        return sorted(set(self.env.list_templates()))

    def source(self, name: str) -> tuple[str, str]:
        try:
            text, filename, _ = self.env.loader.get_source(self.env, name)
        except TemplateNotFound:
            raise TemplateError(f"template {name!r} not found in {', '.join(map(str, self.search_paths))}") from None
        except UnicodeDecodeError as exc:
            raise TemplateError(f"not valid UTF-8 (byte {exc.start})", path=self._path_of(name)) from None
        except OSError as exc:
            raise TemplateError(f"cannot read: {exc.strerror or exc}", path=self._path_of(name)) from None
        return text, filename

    def _path_of(self, name: str) -> str:
        """Where the loader finds template ``name`` (the first search path that has it)."""
        return next((str(p / name) for p in self.search_paths if (p / name).exists()), name)

    def closure(self, name: str) -> frozenset[str]:
        """The template and everything it extends, includes or imports (transitively).

        A dynamic reference (a name computed at run time) makes it depend on every template."""
        if name in self._closures:
            return self._closures[name]
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            for ref in self.references(current):
                if ref is None:
                    seen.update(self.all_templates())
                    todo.clear()
                    break
                todo.append(ref)
        self._closures[name] = frozenset(seen)
        return self._closures[name]

    def references(self, name: str) -> tuple[str | None, ...]:
        """The templates ``name`` extends, includes or imports (None: a name computed at run time),
        parsed once per graph: base.html is in every page's closure."""
        if name not in self._refs:
            text, filename = self.source(name)
            try:
                ast = self.env.parse(text, name, filename)
            except TemplateSyntaxError as exc:
                raise TemplateError(f"template syntax error: {exc.message}", path=filename, line=exc.lineno) from None
            self._refs[name] = tuple(meta.find_referenced_templates(ast))
        return self._refs[name]

    def closure_digest(self, name: str) -> str:
        if name not in self._digests:
            parts = [f"{n}\x00{self.source(n)[0]}" for n in sorted(self.closure(name))]
            self._digests[name] = digest("\x01".join(parts))
        return self._digests[name]
