"""The exchange format (JSON, version 4; DESIGN §7), and the Markdown and CSV exports.

Version 4 carries everything a journal holds but its local integer ids: every record's `created`
and `updated` times, each issue's review state (its fsrs card and every grade given), and the
practice: the user's questions (and the bank's they changed, answered or practised) with their
answers and review state, the question each issue and positive was asked (`LINK_KEYS`), the
feedback each interview got, and the user's profile (`profile`). So export → import into an
empty journal reproduces every row. Versions 1 to 3 are still read (version 3 is version 4
without feedback and profile; version 2 is version 3 without practice).

Reading is strict about what matters and says where: a file that breaks the format is refused
whole with the path to the first bad field (`interviews[3].issues[0].severity: must be 1-3`).
Writing is deterministic, so export → import → export gives the same bytes.

The package: `format` (the version and the bounds), `writing` (JSON), `reader` (one object, with
its path), `reading` (a whole file, streamed), `profile` (the profile's object), `text`
(Markdown and CSV), `coach` (one interview for a coach, as Markdown or HTML).
"""

from __future__ import annotations

from ..validate import FormatError
from .coach import coach_html, coach_markdown, coach_title
from .format import FORMAT, LINK_KEYS, MAX_FILE_BYTES, MAX_ROWS, READABLE_VERSIONS, VERSION
from .reading import Reading, loads, loads_all
from .text import CSV_COLUMNS, iter_csv, iter_markdown, to_csv, to_markdown
from .writing import dumps, iter_json, question_to_dict, record_to_dict, to_document

__all__ = [
    "CSV_COLUMNS",
    "FORMAT",
    "LINK_KEYS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "READABLE_VERSIONS",
    "VERSION",
    "FormatError",
    "Reading",
    "coach_html",
    "coach_markdown",
    "coach_title",
    "dumps",
    "iter_csv",
    "iter_json",
    "iter_markdown",
    "loads",
    "loads_all",
    "question_to_dict",
    "record_to_dict",
    "to_csv",
    "to_document",
    "to_markdown",
]
