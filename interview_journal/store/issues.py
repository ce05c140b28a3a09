"""Issues: what went wrong in an interview, and what should have been done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from ..core.model import Interview, Issue, utc_now
from ..core.validate import prepare_issue
from . import converters
from .question_links import Linking
from .review_state import ReviewState
from .tables import CHILD_SELECT, INTERVIEW_COLUMNS, LINKS


def _linked(issue: Issue, links: tuple[str | None, str | None, str | None]) -> Issue:
    question_uuid, question_link, story_uuid = links
    return replace(
        issue, question_uuid=question_uuid, question_link=question_link, story_uuid=story_uuid
    )


class Issues(ReviewState, Linking):
    """Issues of one interview, of a category, or all of them."""

    def issues(self, interview_uuid: str | None = None) -> list[Issue]:
        """The issues of one interview (or of all), in the order they were written."""
        return self._children("issues", interview_uuid)

    def issue(self, uuid: str) -> Issue:
        return self._one("issues", uuid)

    def add_issue(self, issue: Issue) -> Issue:
        return self.add_issues([issue])[0]

    def add_issues(self, issues: Sequence[Issue]) -> list[Issue]:
        """Add the issues in one write: all of them, or (one refused) none."""
        now = utc_now()
        ready = [replace(prepare_issue(issue), created=now, updated=now) for issue in issues]
        added = []
        with self._writing() as db:
            for issue in ready:
                row = converters.issue_to_row(issue)
                row["interview_id"] = self._id_of("interviews", issue.interview_uuid)
                row_id = db.table("issues").insert(row).last_rowid
                assert row_id is not None
                self._mistake_repeated(row["interview_id"], issue.category, issue.uuid)
                added.append(_linked(issue, self._link("issues", row_id)))
        return added

    def update_issue(self, issue: Issue, *, expected_updated: str | None = None) -> Issue:
        """Write the issue over the stored one; with `expected_updated`, only if the stored one
        still has that stamp (see `update_interview`), else `Conflict` and nothing written."""
        with self._writing() as db:
            found = self._rows(
                "SELECT interview_id, category, id, problem FROM issues WHERE uuid = ?",
                [issue.uuid],
            )
            issue = self._write_over(db, "issues", prepare_issue(issue), expected_updated)
            interview_id, before, row_id, problem = found[0]  # there: _write_over raises if not
            if issue.category != before:
                self._mistake_repeated(interview_id, issue.category, issue.uuid)
            # a suggested link follows the words; the same words keep the link they have
            if issue.problem != problem:
                linked = self._link("issues", row_id)
            else:
                linked = self._links_of("issues", row_id)
        return _linked(issue, linked)

    def category_issues(
        self,
        slug: str,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = -1,
    ) -> list[tuple[Interview, Issue]]:
        """The issues of a category in [since, until], newest interview first, each with its
        interview (the latest `limit` of them; all by default): the drill-down of the trends."""
        rows = self._query(
            f"""
            SELECT c.*, i.uuid AS interview_uuid, {LINKS[0]}, {
                ", ".join(f"i.{c} AS i_{c}" for c in INTERVIEW_COLUMNS.replace(" ", "").split(","))
            }
            FROM issues c JOIN interviews i ON i.id = c.interview_id {LINKS[1]}
            WHERE c.category = :slug
                AND (:since IS NULL OR i.date >= :since) AND (:until IS NULL OR i.date <= :until)
            ORDER BY i.date DESC, i.time DESC, i.id DESC, c.id
            LIMIT :limit
            """,
            {
                "limit": limit,
                "slug": slug,
                "since": since.isoformat() if since else None,
                "until": until.isoformat() if until else None,
            },
        )
        return [
            (
                converters.interview_from_row(
                    {key[2:]: value for key, value in row.items() if key.startswith("i_")}
                ),
                converters.issue_from_row(row),
            )
            for row in rows
        ]

    def latest_issue_of_category(self, slug: str) -> Issue | None:
        """The most recent issue filed under a category, to jump to from the palette."""
        rows = self._query(
            f"{CHILD_SELECT['issues']} WHERE c.category = ? ORDER BY i.date DESC, c.id DESC "
            "LIMIT 1",
            [slug],
        )
        return converters.issue_from_row(rows[0]) if rows else None

    def save_issue(self, issue: Issue, *, expected_updated: str | None = None) -> Issue:
        """What a window's autosave calls: add a draft never saved, or update a stored issue
        only if no one changed or deleted it since this window loaded it.

        An issue that was saved (it has `created`) is checked against the stamp it was loaded
        with, `issue.updated`, or `expected_updated` when given (to overwrite a version the
        user has seen: theirs). One that was saved and is gone now raises `Conflict` rather
        than coming back: it was deleted on purpose, elsewhere."""
        if issue.created:
            expected = issue.updated if expected_updated is None else expected_updated
            return self.update_issue(issue, expected_updated=expected)
        exists = self._query("SELECT 1 FROM issues WHERE uuid = ?", [issue.uuid])
        return self.update_issue(issue) if exists else self.add_issue(issue)

    def delete_issue(self, uuid: str) -> None:
        self._delete_child("issues", uuid)
