"""Text that a converter wrote from a web page (html2text, markdownify, pandoc, a browser's
"reader view" to Markdown, lynx -dump): its markup is taken off line by line, so that the lines
read as a page's text does (the raw-text rules then apply to them as to any scraped page). A logo
is an image inside a link: its alternative text is the site's name."""

from __future__ import annotations

import re

__all__ = ["FRONT_MATTER", "converted", "is_heading", "lynx_dump", "unmark"]

# A front matter at the top of a text: YAML between "---" lines, TOML between "+++" (group 1 the
# fence, group 2 the fields; the newline after the closing fence is not part of the match). Markdown
# files are read by it (ssg/read.py), and raw texts a scraper or a static site wrote.
FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?=\r?\n|\Z)", re.S)

_MARKED = re.compile(r"\]\((?:https?:|/|#|\.)|^#{2,6}\s+\S|\[\d{1,3}\]\S", re.M)      # ("# " alone may be a list's mark)
_MD_LOGO = re.compile(r"\[!\[([^\]]*)\]\([^)]*\)\]\([^)]*\)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_RULE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_]+?)(?<=\S)\1(?![\w*])")
_MD_ITEM = re.compile(r"^\s*[*+-]\s+(?=\S)")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_LYNX_REF = re.compile(r"\[\d{1,3}\]")


def converted(text: str) -> bool:
    """Whether a converter wrote the text: links or images in Markdown, ``##`` headings, lynx's
    ``[12]`` marks (the substrings are looked for first: the search costs ~50 us a file)."""
    return ("](" in text or "#" in text or "[" in text) and _MARKED.search(text) is not None


def lynx_dump(text: str) -> bool:
    """lynx -dump's numbered links, three or more in the text's first 20,000 characters."""
    return len(_LYNX_REF.findall(text, 0, 20000)) >= 3


def is_heading(line: str) -> bool:
    return _MD_HEADING.match(line) is not None


def unmark(raw: str, lynx: bool) -> str:
    """One line without its markup: "[محليات](/local/)" -> "محليات", "**By Ann Lee**" -> "By Ann
    Lee", "## Diversions" -> "Diversions", "> quoted" -> "quoted", a rule ("* * *") -> "", a logo -> its
    alternative text."""
    line = _MD_LOGO.sub(r"\1", raw)
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    if lynx:
        line = _LYNX_REF.sub("", line)
    if _MD_RULE.match(line):
        return ""
    line = _MD_HEADING.sub("", line)
    line = _MD_QUOTE.sub("", line)              # "> Also read: …": a quote's mark
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EM.sub(r"\2", line)
    if len(line.split()) <= 5:
        line = _MD_ITEM.sub("", line)            # "* [محليات](/local/)": a menu's item
    return line
