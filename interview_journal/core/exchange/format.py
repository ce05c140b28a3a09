"""What the exchange format is, and the bounds an import keeps."""

from __future__ import annotations

import dataclasses

from ..model import InterviewRecord

FORMAT = "interview-journal"
VERSION = 5
READABLE_VERSIONS = (1, 2, 3, 4, 5)
# The largest file an import reads, in bytes: the export of 10,000 interviews is about 36 MB, and
# reading and checking a file takes several times its size in memory, so a larger one (or an
# endless stream) is refused before it is read, or once this much has been read.
MAX_FILE_BYTES = 64_000_000
MAX_ROWS = 500_000
"""Interviews, issues, what went well and follow-ups one import takes: ten times a journal of
10,000 interviews, and a bound on what an import keeps in memory however small its rows."""

CHILDREN = tuple(item.name for item in dataclasses.fields(InterviewRecord))[1:]
"""An interview's children in the file, under the names the record holds them by: "issues",
"positives", "follow_ups"."""

LINK_KEYS = (
    ("question", "question_uuid"),
    ("question_link", "question_link"),
    ("story", "story_uuid"),
)
"""How an issue or a positive names the question asked in the file (version 3), and the field of
the record each key holds: the question's uuid, how it was linked ("suggested" by matching its
words, "confirmed" by the user; "confirmed" with no question says the user took a suggestion
away), and the uuid of the answer told. A file without them is linked by matching, as it is
imported."""
