"""Article extraction: bytes or text of a scraped news page -> structured fields.

Pure functions, no I/O. See docs/content.md for the rules and site.toml settings.
"""

from __future__ import annotations

# Bump when a change can alter what is extracted from the same bytes: builds then re-read
# every file instead of trusting their cached records.
__version__ = "6"

from .decode import decode
from .errors import ExtractError
from .model import Extraction
from .options import DatasetMapping, ExtractOptions, Profile, parse_extract_options
from .record import RECORD_KEYS, text_fingerprint, to_record

# The rules' patterns are compiled when their modules are imported (~0.3 s): a build that reads
# nothing (a no-op, every source known) or only Markdown need not pay for it. These names load
# their module on first use. (Imported by name, in the function: deps.imported_modules reads the
# imports off the source, so the code digest of what reads still counts these modules.)
def __getattr__(name: str):
    if name in ("extract_bytes", "extract_text"):
        from . import core as module
    elif name in ("dataset_rows", "extract_dataset", "extract_row", "safe_row"):
        from . import dataset as module
    elif name in ("OVERRIDE_KEYS", "apply_overrides", "parse_sidecar"):
        from . import overrides as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = getattr(module, name)
    return value


__all__ = [
    "DatasetMapping",
    "ExtractError",
    "ExtractOptions",
    "Extraction",
    "OVERRIDE_KEYS",
    "Profile",
    "RECORD_KEYS",
    "apply_overrides",
    "dataset_rows",
    "decode",
    "extract_bytes",
    "extract_dataset",
    "extract_row",
    "extract_text",
    "parse_extract_options",
    "parse_sidecar",
    "safe_row",
    "text_fingerprint",
    "to_record",
]
