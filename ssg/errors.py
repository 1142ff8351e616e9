"""Every error ssg reports carries the file it is about (and the line when known).

The CLI prints ``str(error)`` as one line; a traceback appears only with ``--debug``.
"""
from __future__ import annotations


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
        return f"{where}: {self.message}" if where else self.message


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
