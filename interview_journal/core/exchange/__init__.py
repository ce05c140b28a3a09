"""The exchange format (JSON, version 2; DESIGN §7), and the Markdown and CSV exports.

Version 2 carries everything a journal holds but its local integer ids: every record's `created`
and `updated` times, and each issue's review state (its fsrs card and every grade given), so
export → import into an empty journal reproduces every row. Version 1 files are still read.

Reading is strict about what matters and says where: a file that breaks the format is refused
whole with the path to the first bad field (`interviews[3].issues[0].severity: must be 1-3`).
Writing is deterministic, so export → import → export gives the same bytes.

The package: `format` (the version and the bounds), `writing` (JSON), `reader` (one object, with
its path), `reading` (a whole file, streamed), `text` (Markdown and CSV).
"""

from __future__ import annotations

from ..validate import FormatError
from .format import FORMAT, MAX_FILE_BYTES, MAX_ROWS, READABLE_VERSIONS, VERSION
from .reading import Reading, loads
from .text import CSV_COLUMNS, iter_csv, iter_markdown, to_csv, to_markdown
from .writing import dumps, iter_json, record_to_dict, to_document

__all__ = [
    "CSV_COLUMNS",
    "FORMAT",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "READABLE_VERSIONS",
    "VERSION",
    "FormatError",
    "Reading",
    "dumps",
    "iter_csv",
    "iter_json",
    "iter_markdown",
    "loads",
    "record_to_dict",
    "to_csv",
    "to_document",
    "to_markdown",
]
