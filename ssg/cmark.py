"""Markdown to HTML with cmark-gfm (the C library, through the ``cmarkgfm`` package), without leaking.

``cmarkgfm.markdown_to_html_with_extensions`` never frees what cmark allocates for it: the syntax
tree that ``cmark_parser_finish`` hands to the caller, and the HTML string ``cmark_render_html``
returns (cmark's documentation leaves both to the caller; ``markdown_to_html`` leaks the string
too). A read worker renders tens of thousands of bodies: at 100,000 articles each of the two
workers grew to ~1.1 GB, most of the build's peak memory. This module makes the same calls through
the package's own cffi binding and frees both, with ``cmark_node_free`` and the ``free`` of cmark's
default allocator, taken from the same compiled library with ctypes (the binding does not expose
them). The HTML is the same as the package's function gives (tests/test_cmark.py).
"""
from __future__ import annotations

import ctypes
import functools

import cmarkgfm
from cmarkgfm import _cmark
from cmarkgfm.cmark import Options

_LIB, _FFI = _cmark.lib, _cmark.ffi

# CommonMark plus GitHub's tables, strikethrough and autolinks: ~5x faster than a pure-Python
# parser on news bodies. Raw HTML is let through here and sanitised by nh3 afterwards.
OPTIONS = Options.CMARK_OPT_UNSAFE
EXTENSIONS = ("table", "strikethrough", "autolink")   # not "tagfilter": nh3 removes unsafe tags outright


class _Mem(ctypes.Structure):
    """``cmark_mem``: the allocator cmark allocated the tree and the HTML with."""
    _fields_ = [("calloc", ctypes.c_void_p), ("realloc", ctypes.c_void_p),
                ("free", ctypes.CFUNCTYPE(None, ctypes.c_void_p))]


@functools.cache
def _native():
    """-> (the extensions to attach, cmark_node_free, the allocator's free), made once per process;
    None where the compiled library does not export the two functions (then the package's own
    function is used, leak and all)."""
    try:
        library = ctypes.CDLL(_cmark.__file__)      # already loaded: the same copy of cmark
        node_free, allocator = library.cmark_node_free, library.cmark_get_default_mem_allocator
    except (OSError, AttributeError):
        return None
    _LIB.cmark_gfm_core_extensions_ensure_registered()
    extensions = []
    for name in EXTENSIONS:
        extension = _LIB.cmark_find_syntax_extension(name.encode())
        if extension == _FFI.NULL:
            raise RuntimeError(f"cmark-gfm has no {name!r} extension")
        extensions.append(extension)
    node_free.argtypes, node_free.restype = [ctypes.c_void_p], None
    allocator.restype = ctypes.POINTER(_Mem)
    return tuple(extensions), node_free, allocator().contents.free


def _address(pointer) -> int:
    return int(_FFI.cast("uintptr_t", pointer))


def to_html(text: str) -> str:
    """``cmarkgfm.markdown_to_html_with_extensions(text, OPTIONS, EXTENSIONS)``, freeing what it allocated."""
    native = _native()
    if native is None:
        return cmarkgfm.markdown_to_html_with_extensions(text, options=OPTIONS, extensions=list(EXTENSIONS))
    extensions, node_free, mem_free = native
    data = text.encode("utf-8")
    parser = _LIB.cmark_parser_new(OPTIONS)
    try:
        for extension in extensions:
            _LIB.cmark_parser_attach_syntax_extension(parser, extension)
        _LIB.cmark_parser_feed(parser, data, len(data))
        root = _LIB.cmark_parser_finish(parser)
        try:
            html = _LIB.cmark_render_html(root, OPTIONS, _LIB.cmark_parser_get_syntax_extensions(parser))
            try:
                return _FFI.string(html).decode("utf-8")
            finally:
                mem_free(_address(html))
        finally:
            node_free(_address(root))
    finally:
        _LIB.cmark_parser_free(parser)
