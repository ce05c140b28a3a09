"""What went well in an interview."""

from __future__ import annotations

from dataclasses import replace

from ..core.model import Positive, utc_now
from ..core.validate import prepare_positive
from . import converters
from .question_links import Linking


def _linked(positive: Positive, links: tuple[str | None, str | None, str | None]) -> Positive:
    question_uuid, question_link, story_uuid = links
    return replace(
        positive, question_uuid=question_uuid, question_link=question_link, story_uuid=story_uuid
    )


class Positives(Linking):
    """What went well, per interview."""

    def positives(self, interview_uuid: str | None = None) -> list[Positive]:
        return self._children("positives", interview_uuid)

    def add_positive(self, positive: Positive) -> Positive:
        now = utc_now()
        positive = replace(prepare_positive(positive), created=now, updated=now)
        row = converters.positive_to_row(positive)
        with self._writing() as db:
            row["interview_id"] = self._id_of("interviews", positive.interview_uuid)
            row_id = db.table("positives").insert(row).last_rowid
            assert row_id is not None
            linked = self._link("positives", row_id)
        return _linked(positive, linked)

    def update_positive(self, positive: Positive) -> Positive:
        with self._writing() as db:
            positive = self._write_over(db, "positives", prepare_positive(positive), None)
            # a suggested link follows the words (the same words give the same link)
            linked = self._link("positives", self._id_of("positives", positive.uuid))
        return _linked(positive, linked)

    def delete_positive(self, uuid: str) -> None:
        self._delete_child("positives", uuid)
