"""Article extraction: bytes or text of a scraped news page -> structured fields.

Pure functions, no I/O. See docs/content.md for the rules and site.toml settings.
"""

from __future__ import annotations

# Bump when a change can alter what is extracted from the same bytes: builds then re-read
# every file instead of trusting their cached records.
__version__ = "6"

from .core import extract_bytes, extract_text
from .dataset import dataset_rows, extract_dataset, extract_row, safe_row
from .decode import decode
from .errors import ExtractError
from .model import Extraction
from .options import DatasetMapping, ExtractOptions, Profile, parse_extract_options
from .overrides import OVERRIDE_KEYS, apply_overrides, parse_sidecar
from .record import RECORD_KEYS, text_fingerprint, to_record

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
