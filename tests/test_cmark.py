"""ssg.cmark: the HTML of cmarkgfm's own function, without the memory it leaks on every call."""
from __future__ import annotations

import ctypes

import cmarkgfm
import pytest

from ssg import cmark

SAMPLES = [
    "",
    "فقرة أولى من الخبر.\n\nفقرة ثانية فيها **تشديد** و*ميل* و`رمز`.",
    "## عنوان فرعي\n\n- بند\n- بند آخر\n\n1. أول\n2. ثان\n\n> اقتباس\n",
    "| الدولة | العدد |\n|---|--:|\n| مصر | 1 |\n| ~~قطر~~ | 2 |\n",
    "see https://example.org/a?b=1 and www.example.com, mail news@example.org",
    "<div class=\"x\">raw <b>html</b></div>\n\n<script>alert(1)</script>\n\ntext",
    "```python\nprint('x')\n```\n\n    indented code\n\n---\n\n[link](https://example.org \"t\") ![img](a.png)",
    "Line one  \nline two\\\nline three\n\n" + "كلمة " * 2000,
]


def package_html(text: str) -> str:
    return cmarkgfm.markdown_to_html_with_extensions(text, options=cmark.OPTIONS, extensions=list(cmark.EXTENSIONS))


@pytest.mark.parametrize("text", SAMPLES)
def test_same_html_as_the_package_function(text):
    assert cmark.to_html(text) == package_html(text)


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _heap_in_use():
    """Bytes malloc has handed out and not got back (glibc's mallinfo2), or None elsewhere."""
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return info.uordblks + info.hblkhd


def test_rendering_frees_the_tree_and_the_html():
    """3,000 renders of a news-sized body: the package's function keeps ~20 KB a call (the syntax
    tree and the HTML string), ssg.cmark keeps nothing. The package's leak is measured too, so
    that this test can tell the two apart on this machine."""
    if _heap_in_use() is None:
        pytest.skip("needs glibc's mallinfo2 to count the C heap")
    assert cmark._native() is not None                 # the freeing path, not the package's fallback
    body = "\n\n".join(f"الفقرة {i}: " + "نص الخبر يروي ما جرى في المدينة أمس. " * 12 for i in range(12))

    def growth(render) -> int:
        render(body)                                   # first call: one-time allocations
        before = _heap_in_use()
        for _ in range(3000):
            render(body)
        return _heap_in_use() - before

    assert growth(package_html) > 20_000_000           # what the package's function leaks
    assert growth(cmark.to_html) < 1_000_000


def test_without_the_native_frees_the_package_function_is_used(monkeypatch):
    """Where the compiled library does not export cmark_node_free and the allocator (``_native``
    gives None), the package's own function renders: the same HTML, with its leak."""
    monkeypatch.setattr(cmark, "_native", lambda: None)
    assert cmark.to_html(SAMPLES[3]) == package_html(SAMPLES[3]) and "<table>" in cmark.to_html(SAMPLES[3])
