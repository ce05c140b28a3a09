"""Exchange in: an import merged into the journal, in one transaction."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..core.model import Category, InterviewRecord, Issue, Positive, Profile, Question, utc_now
from ..core.taxonomy import user_category
from ..core.validate import (
    InvalidValue,
    prepare_category,
    prepare_follow_up,
    prepare_interview,
    prepare_issue,
    prepare_positive,
    prepare_profile,
)
from . import converters
from .backup import Backup
from .driver import sqlite3
from .settings import keep_profile, stored_profile

if TYPE_CHECKING:
    from .import_summary import ImportSummary
    from .merge import Merge
    from .practice_merge import PracticeMerge

__all__ = ["Importing"]

BATCH = 200
"""Interviews merged together: their rows looked up in a few queries, written in one go."""


class Importing(Backup):
    """Imports: categories and whole interview records merged in."""

    def import_records(
        self,
        categories: Iterable[Category],
        records: Iterable[InterviewRecord],
        *,
        questions: Iterable[Question] = (),
        backup_first: bool = False,
    ) -> ImportSummary:
        """Merge categories, questions and interviews in, matched by slug and uuid, in one
        transaction: `import_items` with the categories and questions first."""
        return self.import_items(
            itertools.chain(categories, questions, records), backup_first=backup_first
        )

    def import_items(
        self,
        items: Iterable[Profile | Category | Question | InterviewRecord],
        *,
        backup_first: bool = False,
        checked: bool = False,
    ) -> ImportSummary:
        """Merge categories, questions and interviews in, in one transaction, as they come: a
        file of any
        size is stored as it is read (a batch of interviews at a time), never held whole. A
        failure anywhere (a bad row further on) leaves the journal as it was.

        A row the journal does not have is added with the times the file gives it. A row it
        has is replaced by the file's copy only when that copy is as new or newer (its
        `updated`); a newer edit in the journal is kept and counted as such, and so is a row
        of a file that gives no time (a version 1 file: its age is unknown). Rows the file does
        not mention are kept; the same import twice changes nothing. Questions, their answers
        and practice grades are merged the same way, and the links the file gives issues and
        positives are set once every row is in (store/practice_merge). With `backup_first`, the
        first change to a row the journal already had is preceded by a backup beside it of
        the journal as it was (read by a connection of its own, which sees what was committed
        before the import began).

        `checked`: the items were read by `core.exchange.Reading`, which cleans and checks each
        one as the store would (`core.validate.prepare_*`) and refuses a uuid given twice, so
        they are not checked again. Items from anywhere else are.
        """
        # The merging is imported when an import runs, not with every journal opened.
        from .import_summary import ImportSummary
        from .linking import Quotes, link_ids, link_rows
        from .merge import Merge, SearchLater, batches
        from .practice_merge import PracticeMerge

        with self._writing() as db:
            summary = ImportSummary.empty()

            def before_change() -> None:
                if backup_first and summary.backup is None:
                    summary.backup = self._backup_before_import()

            search = SearchLater(db.conn)
            merge = Merge(db.conn, utc_now(), before_change, summary.kept, search, unique=checked)
            practice = PracticeMerge(merge, summary.practice, checked=checked)
            known = {row[0] for row in db.execute("SELECT slug FROM categories")}
            number = 0
            for batch in batches(items, BATCH):
                merge.look_up([item for item in batch if isinstance(item, InterviewRecord)])
                for item in batch:
                    if isinstance(item, Category):
                        category = item if checked else prepare_category(item)
                        row = converters.category_to_row(category)
                        merge.row("categories", "slug", row, summary.categories)
                        known.add(item.slug)
                    elif isinstance(item, Question):
                        practice.question(item)
                    elif isinstance(item, Profile):
                        profile = item if checked else prepare_profile(item)
                        summary.profile = _merge_profile(db.conn, profile)
                    else:
                        _merge_record(merge, practice, item, known, summary, number, checked)
                        number += 1
                merge.flush()
            practice.restore_links()
            # before the search triggers are back: a link changes no word that is searched
            quotes = Quotes(db.conn)
            for table, ids in merge.written.items():
                if practice.changed:  # other questions now: every row may quote one of them
                    link_rows(db.conn, table, quotes=quotes)
                else:
                    link_ids(db.conn, table, ids, quotes)
            search.finish()
        return summary


def _merge_profile(conn: sqlite3.Connection, theirs: Profile) -> str:
    """Take the file's profile when the journal has none; otherwise keep the journal's (the
    user's own, last written here). Inside the import's transaction. Says which
    (`ImportSummary.profile`)."""
    ours = stored_profile(conn)
    if ours == theirs:
        return "unchanged"
    if ours == Profile():
        keep_profile(conn, theirs)
        return "added"
    return "kept"


def _merge_record(
    merge: Merge,
    practice: PracticeMerge,
    record: InterviewRecord,
    known: set[str],
    summary: ImportSummary,
    number: int,
    checked: bool,
) -> None:
    """Merge one interview with its issues, what went well and follow-ups: the one at
    `interviews[number]` in the file."""
    for issue in record.issues:
        if issue.category and issue.category not in known:
            category = prepare_category(user_category(issue.category))
            merge.row(
                "categories", "slug", converters.category_to_row(category), summary.categories
            )
            known.add(issue.category)
    interview = record.interview if checked else prepare_interview(record.interview)
    interview_id = merge.row(
        "interviews", "uuid", converters.interview_to_row(interview), summary.interviews
    )
    children = (
        ("issues", record.issues, prepare_issue, converters.issue_to_row, summary.issues),
        (
            "positives",
            record.positives,
            prepare_positive,
            converters.positive_to_row,
            summary.positives,
        ),
        (
            "follow_ups",
            record.follow_ups,
            prepare_follow_up,
            converters.follow_up_to_row,
            summary.follow_ups,
        ),
    )
    for table, items, prepare, to_row, counts in children:
        for index, item in enumerate(items):
            try:
                child = to_row(item if checked else prepare(item))
                child["interview_id"] = interview_id
                row_id = merge.row(table, "uuid", child, counts, "interview_id")
            except InvalidValue as error:  # said with where it is in the file
                where = f"interviews[{number}].{table}[{index}].{error.field}"
                raise InvalidValue(where, error.message) from None
            if isinstance(item, Issue):
                merge.review_state(item, summary.reviews)
            if isinstance(item, (Issue, Positive)):
                practice.keep_link(table, item, row_id, f"interviews[{number}].{table}[{index}]")
