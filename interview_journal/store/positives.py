"""What went well in an interview."""

from __future__ import annotations

from dataclasses import replace

from ..core.model import Positive, utc_now
from ..core.validate import prepare_positive
from . import converters
from .base import JournalBase


class Positives(JournalBase):
    """What went well, per interview."""

    def positives(self, interview_uuid: str | None = None) -> list[Positive]:
        return self._children("positives", interview_uuid)

    def add_positive(self, positive: Positive) -> Positive:
        now = utc_now()
        positive = replace(prepare_positive(positive), created=now, updated=now)
        self._add_child("positives", converters.positive_to_row(positive), positive.interview_uuid)
        return positive

    def update_positive(self, positive: Positive) -> Positive:
        with self._writing() as db:
            return self._write_over(db, "positives", prepare_positive(positive), None)

    def delete_positive(self, uuid: str) -> None:
        self._delete_child("positives", uuid)
