"""The outcome drives the follow-ups (issue 13): a rejection brings a gracious reply and a
feedback request and sets a pending second chance aside; an offer brings a thank-you for it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from interview_journal.core.clock import FixedClock
from interview_journal.core.model import FollowUp, Interview
from interview_journal.core.outcomes import describe, follow_ups_for_outcome
from interview_journal.store import Conflict, Journal

TODAY = dt.date(2026, 11, 27)


def pending_interview(journal: Journal) -> Interview:
    return journal.add_interview(
        Interview(company="Globex", role="Data Engineer", date=dt.date(2026, 11, 20))
    )


def kinds(journal: Journal, interview: Interview) -> list[tuple[str, bool, dt.date | None]]:
    return sorted((f.kind, f.done is not None, f.due) for f in journal.follow_ups(interview.uuid))


def test_a_rejection_brings_a_reply_and_a_feedback_request_due_tomorrow(journal: Journal) -> None:
    journal.clock = FixedClock(dt.datetime(2026, 11, 27, 12, 0))
    interview = pending_interview(journal)
    journal.update_interview(dataclasses.replace(interview, outcome="rejected"))
    tomorrow = TODAY + dt.timedelta(days=1)
    assert kinds(journal, interview) == [
        ("feedback-request", False, tomorrow),
        ("rejection-reply", False, tomorrow),
    ]
    # Saved again with the same outcome (a note edited): nothing more is added.
    again = journal.interview(interview.uuid)
    journal.update_interview(dataclasses.replace(again, notes="They went with someone senior."))
    assert len(journal.follow_ups(interview.uuid)) == 2


def test_a_rejection_sets_a_pending_second_chance_aside(journal: Journal) -> None:
    interview = pending_interview(journal)
    blank = journal.add_follow_up(
        FollowUp(kind="second-chance-request", due=TODAY, interview_uuid=interview.uuid)
    )
    journal.update_interview(dataclasses.replace(interview, outcome="rejected"))
    assert blank.uuid not in {f.uuid for f in journal.follow_ups(interview.uuid)}

    other = pending_interview(journal)
    written = journal.add_follow_up(
        FollowUp(
            kind="second-chance-request",
            due=TODAY,
            text="Since we spoke I built the pipeline we discussed.",
            interview_uuid=other.uuid,
        )
    )
    journal.update_interview(dataclasses.replace(other, outcome="rejected"))
    [kept] = [f for f in journal.follow_ups(other.uuid) if f.uuid == written.uuid]
    assert kept.text == written.text  # the letter is not lost
    assert kept.due is None and not kept.overdue(TODAY + dt.timedelta(days=30))
    assert written.uuid not in {f.uuid for f in journal.overdue_follow_ups(TODAY)}


def test_an_offer_brings_a_thank_you_for_it_and_a_sent_one_is_left_alone(journal: Journal) -> None:
    interview = pending_interview(journal)
    sent = journal.add_follow_up(
        FollowUp(kind="second-chance-request", due=TODAY, done=TODAY, interview_uuid=interview.uuid)
    )
    journal.update_interview(dataclasses.replace(interview, outcome="offer"))
    follow_ups = journal.follow_ups(interview.uuid)
    assert [f.kind for f in follow_ups if f.uuid != sent.uuid] == ["acceptance"]
    assert [f for f in follow_ups if f.uuid == sent.uuid][0].done == TODAY


def test_a_waiting_request_of_the_same_kind_is_not_doubled(journal: Journal) -> None:
    interview = pending_interview(journal)
    journal.add_follow_up(
        FollowUp(kind="feedback-request", due=TODAY, interview_uuid=interview.uuid)
    )
    journal.update_interview(dataclasses.replace(interview, outcome="rejected"))
    assert [k for k, _, _ in kinds(journal, interview)] == ["feedback-request", "rejection-reply"]


def test_a_refused_save_changes_no_follow_up(journal: Journal) -> None:
    interview = pending_interview(journal)
    stale = dataclasses.replace(interview, updated="2000-01-01T00:00:00+00:00")
    with pytest.raises(Conflict):  # written in another window meanwhile
        journal.update_interview(
            dataclasses.replace(stale, outcome="rejected"), expected_updated=stale.updated
        )
    assert journal.follow_ups(interview.uuid) == []
    assert journal.interview(interview.uuid).outcome == "pending"


def test_the_user_is_told_in_one_line() -> None:
    interview = Interview(company="Acme", outcome="rejected", date=dt.date(2026, 11, 20))
    aside = FollowUp(kind="second-chance-request", due=TODAY)
    change = follow_ups_for_outcome(interview, "pending", [aside], TODAY)
    line = describe(change, "rejected")
    assert line.startswith("Rejected: ")
    assert line == (
        "Rejected: rejection reply and feedback request added to follow-ups (f); "
        "second-chance request set aside."
    )
    unchanged = follow_ups_for_outcome(interview, "rejected", [], TODAY)
    assert not unchanged and describe(unchanged, "rejected") == ""


async def test_in_the_app_setting_rejected_says_what_waits_in_the_follow_ups(
    journal: Journal,
) -> None:
    from textual.widgets import Select

    from interview_journal.tui.app import JournalApp
    from interview_journal.tui.screens.interview_form import InterviewForm

    from .conftest import screen_lines

    interview = pending_interview(journal)
    journal.add_follow_up(
        FollowUp(kind="second-chance-request", due=TODAY, interview_uuid=interview.uuid)
    )
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, InterviewForm)
        form.query_one("#outcome", Select).value = "rejected"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, InterviewForm)
        shown = " ".join(" ".join(screen_lines(app)).split())
        # What to do first, whole at 130 columns (at 80 the end is cut).
        assert "Rejected: rejection reply and feedback request added to follow-ups (f)" in shown
        assert "second-chance request set aside" in shown
    assert sorted(f.kind for f in journal.follow_ups(interview.uuid)) == [
        "feedback-request",
        "rejection-reply",
    ]


def test_a_new_outcome_sets_aside_the_letters_of_the_old_one(journal: Journal) -> None:
    """Rejected, then an offer, then rejected again: the reply to a rejection does not wait
    beside the thanks for an offer (a blank one goes, a written one loses its day)."""
    interview = pending_interview(journal)
    rejected = journal.update_interview(dataclasses.replace(interview, outcome="rejected"))
    [reply] = [f for f in journal.follow_ups(interview.uuid) if f.kind == "rejection-reply"]
    journal.update_follow_up(dataclasses.replace(reply, text="Thank you for letting me know."))
    offer = journal.update_interview(dataclasses.replace(rejected, outcome="offer"))
    waiting = {f.kind: f for f in journal.follow_ups(interview.uuid) if f.done is None}
    assert waiting["acceptance"].due is not None
    assert waiting["rejection-reply"].due is None  # written: kept, never overdue
    journal.update_interview(dataclasses.replace(offer, outcome="rejected"))
    waiting = {f.kind: f for f in journal.follow_ups(interview.uuid) if f.done is None}
    assert "acceptance" not in waiting  # blank: gone
    assert waiting["rejection-reply"].text == "Thank you for letting me know."


def test_after_a_rejection_the_follow_ups_hint_names_only_what_fits_it() -> None:
    """No word to the references once they said no: nobody will call them."""
    from interview_journal.tui.screens.follow_ups import hint_for

    said = hint_for(Interview(company="Acme", outcome="rejected"))
    assert "x writes a gracious reply" in said and "b asks" in said
    assert "reference" not in said
