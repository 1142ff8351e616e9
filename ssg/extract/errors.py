"""Errors raised by the extractor (pure: no I/O, no dependency on the rest of ssg)."""

from __future__ import annotations

__all__ = ["ExtractError"]


class ExtractError(Exception):
    """A file (or a dataset row) that cannot be used as an article.

    ``code`` is a stable machine-readable reason (``empty_input``, ``not_text``,
    ``bad_encoding``, ``bad_row``, ``bad_sidecar``, ``no_content`` ...), ``message``
    a one-line human explanation, ``line`` the 1-based line/row number when known.
    """

    def __init__(self, code: str, message: str, *, line: int | None = None) -> None:
        self.code = code
        self.message = " ".join(str(message).split())
        self.line = line
        super().__init__(f"{code}: {self.message}" + (f" (line {line})" if line else ""))

    def __reduce__(self):  # picklable across process pools
        return (_rebuild, (self.code, self.message, self.line))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ExtractError)
            and (self.code, self.message, self.line) == (other.code, other.message, other.line)
        )

    def __hash__(self) -> int:
        return hash((self.code, self.message, self.line))


def _rebuild(code: str, message: str, line: int | None) -> ExtractError:
    return ExtractError(code, message, line=line)
