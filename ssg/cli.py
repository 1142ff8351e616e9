"""Command line: argument parsing only; the work is in build, watch, serve and read."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .errors import SsgError, printable

EPILOG = "Docs: README.md and docs/ in the ssg repository. Exit codes: 0 ok, 1 bad content (--strict) or failed inspect, 2 config/template/usage error."


def _site_args(p: argparse.ArgumentParser, *, renders: bool = True) -> None:
    """The site folder and the options that override site.toml; ``renders``: the options that only
    a command that renders and writes output/ uses (ssg pin reads and assembles only)."""
    p.add_argument("site_dir", nargs="?", default=".", metavar="SITE_DIR",
                   help="site folder holding site.toml and content/ (default: current folder)")
    if renders:
        p.add_argument("--base-url", help="override base_url, e.g. https://user.github.io/archive/")
    p.add_argument("--content", metavar="DIR", help="override the content folder")
    if renders:
        p.add_argument("--output", metavar="DIR", help="override the output folder")
        p.add_argument("--strict", action="store_true", default=None, help="fail (exit 1) on any bad content file")
    p.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="worker processes (default: all cores; 1 = no pool)")
    if renders:
        p.add_argument("--force", action="store_true", help="re-render every output, ignoring fingerprints")


def _whole(low: int, high: int | None, problem: str):
    """An argparse type: a whole number from ``low`` to ``high``; ``problem`` says what another is."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(problem.format(value=value))
        return value
    return parse


_port = _whole(0, 65535, "{value} is not a port (0-65535)")
_jobs = _whole(0, None, "{value}: worker processes are 0 (all cores) or more")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="ssg", description="A static site generator for news archives: "
                                  "raw articles in, a static site with feeds out.", epilog=EPILOG)
    top.add_argument("--version", action="version", version=f"ssg {__version__}")
    top.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", help="build the site into output/", description="Build SITE_DIR's content/ into output/ "
                       "(incremental: only outputs whose inputs changed are rendered).", epilog=EPILOG)
    _site_args(b)
    b.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                   help="show tracebacks, and where the build's time went (stage timings)")
    b.add_argument("--quiet", "-q", action="store_true", help="print only problems and the summary line")

    w = sub.add_parser("watch", help="rebuild on every change", description="Build, then rebuild on every change "
                       "to content, templates, static files or site.toml.", epilog=EPILOG)
    _site_args(w)
    w.add_argument("--poll", action="store_true", help="poll the file system (network drives, WSL) instead of native events")
    w.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    s = sub.add_parser("serve", help="watch and serve output/ with live reload",
                       description="Watch, and serve output/ under the configured base path with live reload.", epilog=EPILOG)
    _site_args(s)
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    s.add_argument("--port", type=_port, default=8000, help="port, 0-65535 (default 8000; 0: any free port)")
    s.add_argument("--poll", action="store_true", help="poll the file system instead of native events")
    s.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    i = sub.add_parser("inspect", help="show the metadata the build extracts from files",
                       description="Print the record the build would use for each file (folders are walked), with the "
                       "site's settings: what it would skip, leave out as a draft or warn about is shown as such.", epilog=EPILOG)
    i.add_argument("paths", nargs="+", metavar="PATH")
    i.add_argument("--json", action="store_true", help="one JSON object per line per article")
    i.add_argument("--explain", action="store_true", help="show which rule or override set each field")
    i.add_argument("--site", metavar="SITE_DIR", help="site whose site.toml settings apply (default: the nearest "
                   "folder at or above the first PATH holding a site.toml, else .)")
    i.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    pn = sub.add_parser("pin", help="pin every article's URL in permalinks.toml (commit that file)",
                        description="Write permalinks.toml in SITE_DIR: every article's current URL is pinned, so "
                        "editing a title never moves a page; a changed front-matter permalink moves the pin and "
                        "leaves a redirect. The only command that writes into the site folder.", epilog=EPILOG)
    _site_args(pn, renders=False)
    pn.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    n = sub.add_parser("init", help="start a new site (site.toml, sample content, GitHub Pages workflow)",
                       description="Write a new site into DIR: a commented site.toml, sample articles, .gitignore, "
                       "README.md and .github/workflows/pages.yml (build and publish on GitHub Pages). "
                       "DIR must be empty or new (a .git folder alone is fine).", epilog=EPILOG)
    n.add_argument("directory", metavar="DIR", help="folder to create the site in")
    n.add_argument("--title", help="site title (default: أرشيف الأخبار, or News Archive for other languages)")
    n.add_argument("--base-url", help="absolute URL of the site root, e.g. https://user.github.io/archive/ "
                   "(default: http://127.0.0.1:8000/; the Pages workflow passes the real one)")
    n.add_argument("--language", default="ar", help="site language, BCP 47 (default: ar)")
    n.add_argument("--force", action="store_true", help="write into a non-empty DIR: add missing files, keep existing ones")
    n.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    c = sub.add_parser("clean", help="remove output/ and .ssg-cache/", epilog=EPILOG)
    c.add_argument("site_dir", nargs="?", default=".", metavar="SITE_DIR")
    return top


def load(args):
    from .config import load_config, with_overrides
    config = load_config(args.site_dir)
    return with_overrides(config, base_url=getattr(args, "base_url", None), content_dir=_abs(args.content),
                          output_dir=_abs(getattr(args, "output", None)), workers=args.jobs, strict=getattr(args, "strict", None))


def _abs(path: str | None) -> str | None:
    return str(Path(path).resolve()) if path else None


def say(line: str) -> None:
    """One line on stderr, its control characters and undecodable bytes escaped (``printable``):
    a file name may hold a newline or a terminal escape."""
    print(printable(line), file=sys.stderr)


def is_interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def cmd_build(args) -> int:
    from .build import build
    config = load(args)
    progress, done = _progress() if is_interactive() and not args.quiet else (None, lambda: None)
    try:
        report = build(config, force=args.force, progress=progress, hold=getattr(args, "hold", None))
    finally:
        done()
    for problem in report.problems:
        say(f"{'warning' if problem.severity == 'warning' else 'skipped'}: {problem}")
    limit = config.build.size_warning_mb * 1_000_000
    if report.output_bytes > limit:
        parts = ", ".join(f"{kind} {size / 1e6:.{0 if size >= 10e6 else 1}f} MB"
                          for kind, size in report.sizes if size * 100 >= report.output_bytes)     # (1% or more)
        print(f"warning: output/ is {report.output_bytes / 1e6:.0f} MB; GitHub Pages publishes at most 1 GB"
              + (f" ({parts}; docs/github-pages.md says what to cut)" if parts else ""), file=sys.stderr)
    if args.debug:
        print("timings: " + ", ".join(f"{name} {sec:.2f} s" for name, sec in report.timings), file=sys.stderr)
    print(f"{report.summary()}; site size {report.output_bytes / 1e6:.1f} MB")
    return 0


def _progress():
    from rich.progress import Progress
    bar = Progress(transient=True)
    tasks = {}
    bar.start()

    def update(stage: str, n: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=n)
    return update, bar.stop


def cmd_inspect(args) -> int:
    from .config import load_config
    from .inspect import find_site, inspect_paths
    config = load_config(args.site or find_site([Path(p) for p in args.paths]))
    failed = 0
    for record, text in inspect_paths([Path(p) for p in args.paths], config, explain=args.explain):
        print(json.dumps({**record, "path": printable(record["path"])}, ensure_ascii=False) if args.json else text, flush=True)
        failed += bool(record.get("error"))
    return 1 if failed else 0


def cmd_watch(args) -> int:
    from .watch import watch
    return watch(args.site_dir, overrides=args, poll=args.poll)


def cmd_serve(args) -> int:
    from .serve import serve
    return serve(args.site_dir, overrides=args, host=args.host, port=args.port, poll=args.poll)


def cmd_pin(args) -> int:
    from . import permalinks
    from .build import assemble_only
    config = load(args)
    site, links = assemble_only(config)
    keys = {a.key: permalinks.pin_key(a) for a in site.articles}
    wanted = {keys[a.key]: a.url_override for a in site.articles}
    new = permalinks.updated(links, {keys[k]: url for k, url in site.urls.items()}, wanted,
                             refiled={k: pk for k, pk in keys.items() if pk != k})
    path = permalinks.save(config.root, new)
    added = len(new.articles) - len(links.articles)
    print(f"{path}: {len(new.articles)} articles pinned ({added} new), {len(new.redirects)} redirects")
    return 0


def cmd_init(args) -> int:
    from .init import init_site, report
    written = init_site(args.directory, title=args.title, base_url=args.base_url, language=args.language, force=args.force)
    print(report(args.directory, written, args.language or "ar"))
    return 0


def cmd_clean(args) -> int:
    import shutil
    from .config import load_config
    config = load_config(args.site_dir)
    from .write import check_output_safe
    shutil.rmtree(check_output_safe(config), ignore_errors=True)
    shutil.rmtree(config.cache_path, ignore_errors=True)
    return 0


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's flush at exit does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


COMMANDS = {"init": cmd_init, "pin": cmd_pin, "build": cmd_build, "inspect": cmd_inspect, "watch": cmd_watch, "serve": cmd_serve, "clean": cmd_clean}


def main(argv: list[str] | None = None) -> int:
    """The ``ssg`` command. Called with ``argv`` (tests, other programs) it returns the exit code.
    As the program itself (no ``argv``: the console script, ``python -m ssg``), a successful build
    ends the process without freeing the build's objects one by one (``build.leave``)."""
    args = parser().parse_args(argv)
    if not args.command:
        parser().print_help()
        return 2
    held: list = []
    if argv is None:
        args.hold = held
    try:
        code = COMMANDS[args.command](args)
        if held and code == 0:
            from .build import leave
            leave(code)
        return code
    except SsgError as exc:
        if args.debug:
            raise
        for problem in getattr(exc, "problems", ()):      # --strict: every bad file, as a build without it says
            say(f"skipped: {problem}")
        say(f"error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:       # stdout closed by its reader (ssg inspect ... | head): stop quietly
        _silence_stdout()
        return 141                # (128 + SIGPIPE: what a shell reports for a command stopped so)
    except Exception as exc:  # an ssg bug: still one line, unless --debug
        if args.debug:
            raise
        say(f"error: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        return 3
