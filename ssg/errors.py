"""Every error ssg reports carries the file it is about (and the line when known).

The CLI prints ``str(error)`` as one line; a traceback appears only with ``--debug``.
"""
from __future__ import annotations

import re


class SsgError(Exception):
    """Base class: one clear line, naming the file and the problem."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return printable(f"{where}: {self.message}" if where else self.message)


# What must not reach a terminal as it is: C0 and C1 controls and DEL (a newline would break "one
# line per problem", an ESC would start a terminal escape), the line and paragraph separators, and
# the lone surrogates Python makes of a file name's bytes that are not UTF-8.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:              # (os.fsdecode's surrogateescape: the byte itself)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` for a terminal, one line: control characters and undecodable bytes written as
    Python writes them in a repr (\\n, \\x1b, \\xe9); every other character (Arabic...) as it is."""
    return _UNPRINTABLE.sub(_escaped, text) if _UNPRINTABLE.search(text) else text


class ConfigError(SsgError):
    """site.toml or a command-line option is wrong."""

    exit_code = 2


class TemplateError(SsgError):
    """A theme or site template failed to load or render."""

    exit_code = 2


class ContentError(SsgError):
    """A content file cannot be used (skipped, or fatal with --strict). ``problems``: with
    --strict, every bad file (``model.Problem``), which the CLI prints one a line before this error."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None, problems: tuple = ()):
        super().__init__(message, path=path, line=line)
        self.problems = tuple(problems)


class OutputError(SsgError):
    """The output folder is unsafe or cannot be written."""

    exit_code = 2


def _rebuild(cls, message, path, line, problems=()):
    error = cls(message, path=path, line=line)
    if problems:
        error.problems = problems
    return error


def _reduce(self):   # keep path, line (and a ContentError's problems) when an error crosses a process boundary
    return (_rebuild, (type(self), self.message, self.path, self.line, getattr(self, "problems", ())))


SsgError.__reduce__ = _reduce
