"""Questions to rehearse before the next interview (the briefing), and the drill's front: the
situation, never the failure line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from click.testing import CliRunner
from textual.content import Content
from textual.widgets import Static

from interview_journal.cli.main import cli
from interview_journal.core.clock import FixedClock
from interview_journal.core.model import Interview, Issue, Positive
from interview_journal.core.questions import builtin_uuid
from interview_journal.core.rehearse import QuestionFacts, questions_to_rehearse
from interview_journal.core.review import DrillCard, grade
from interview_journal.store import Journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.review import ReviewScreen

from .conftest import TODAY, add_acme
from .test_journal_screen import SIZE, screen_text
from .test_review_screen import open_review

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
LEAVING = builtin_uuid("why-leaving")
WEAKNESS = builtin_uuid("biggest-weakness")
YOURSELF = builtin_uuid("tell-me-about-yourself")
GLOBEX = Interview(company="Globex", role="Analyst", date=dt.date(2026, 11, 30), stage="phone")


def facts(uuid: str, **given) -> QuestionFacts:  # noqa: ANN003 - QuestionFacts' fields
    given = {"text": uuid, "answered": False, "due": None} | given
    return QuestionFacts(uuid=uuid, **given)


# -- choosing (core) ------------------------------------------------------------------------------


def test_each_reason_is_said_and_the_weightiest_come_first() -> None:
    chosen, more = questions_to_rehearse(
        [
            facts("due", due=NOW - dt.timedelta(days=1)),
            facts("later", due=NOW + dt.timedelta(days=3)),  # practised, not due: not listed
            facts("stage", asked=[(dt.date(2026, 3, 2), "Initech", "phone")] * 2),
            facts("company", asked=[(dt.date(2026, 5, 4), " globex ", "onsite")]),
            facts("recurring", mistakes=frozenset({"rambling"})),
            facts("fixed", mistakes=frozenset({"attire"})),  # a mistake no longer made
        ],
        upcoming=GLOBEX,
        recurring={"rambling": "Rambling"},  # attire: fixed, so not among them
        now=NOW,
    )
    assert [(item.uuid, item.reasons) for item in chosen] == [
        ("recurring", ["linked to a mistake that keeps coming back: Rambling"]),
        ("company", ["asked at Globex in May 2026"]),
        ("stage", ["asked twice at a phone interview"]),
        ("due", ["due for practice"]),
    ]
    assert more == 0


def test_a_question_with_more_reasons_comes_first_and_the_rest_are_counted() -> None:
    many = [facts(f"q{n}", text=f"Question {n:02}", due=NOW) for n in range(10)]
    both = facts("both", text="Zed", due=NOW, asked=[(dt.date(2026, 1, 5), "Initech", "phone")])
    chosen, more = questions_to_rehearse(
        many + [both], upcoming=GLOBEX, recurring={}, now=NOW, limit=4
    )
    assert [item.uuid for item in chosen] == ["both", "q0", "q1", "q2"]
    assert chosen[0].reasons == ["asked once at a phone interview", "due for practice"]
    assert more == 7


def test_without_a_next_interview_only_mistakes_and_due_questions_count() -> None:
    chosen, _ = questions_to_rehearse(
        [facts("company", asked=[(dt.date(2026, 5, 4), "Globex", "phone")]), facts("d", due=NOW)],
        upcoming=None,
        recurring={},
        now=NOW,
    )
    assert [item.uuid for item in chosen] == ["d"]


def test_the_drill_front_is_the_question_or_else_the_kind_of_mistake_and_where() -> None:
    card = DrillCard(
        "i", "v", "Acme", dt.date(2026, 11, 20), "rambling", "Rambling / nerves",
        "Babbled about my thesis", "One example, then stop", None, None, stage="onsite",
    )  # fmt: skip
    assert card.situation == ("Rambling / nerves", "The onsite interview at Acme, 20 Nov 2026")
    asked = dataclasses.replace(card, question="Why are you leaving?")
    assert asked.situation == ("They asked", "“Why are you leaving?”")
    assert "Babbled" not in "".join(card.situation + asked.situation)


# -- from the journal -----------------------------------------------------------------------------


def rehearsal_journal(journal: Journal, upcoming: dt.date = GLOBEX.date) -> None:
    """Acme (onsite, rejected) asked why they are leaving, which went wrong (rambling); the
    weakness question went well at Initech's phone screen; yourself was practised, due now;
    and Globex, a phone screen, is next."""
    acme = add_acme(journal)
    for issue in journal.issues(acme.uuid):
        journal.update_issue(dataclasses.replace(issue, should_have="One example, then stop"))
    journal.add_issue(
        Issue(
            problem="Asked 'why are you leaving your job?' and I rambled about my manager",
            should_have="Say what I want next, not what I want to leave",
            category="rambling",
            interview_uuid=acme.uuid,
        )
    )
    journal.add_issue(
        Issue(problem="Went on too long again", category="rambling", interview_uuid=acme.uuid)
    )
    initech = journal.add_interview(
        Interview(company="Initech", date=dt.date(2026, 10, 2), stage="phone", outcome="advanced")
    )
    journal.add_issue(
        Issue(problem="Rambled on the intro", category="rambling", interview_uuid=initech.uuid)
    )
    journal.add_positive(
        Positive(
            text="Asked 'what is your biggest weakness?' and I had a real example",
            interview_uuid=initech.uuid,
        )
    )
    card, due = grade(None, 1, NOW - dt.timedelta(days=2))
    journal.record_question_review(YOURSELF, card, 1, NOW - dt.timedelta(days=2), due)
    journal.add_interview(dataclasses.replace(GLOBEX, date=upcoming))
    journal.clock = FixedClock(NOW)


def test_the_brief_lists_the_questions_to_rehearse_and_why(journal: Journal) -> None:
    rehearsal_journal(journal, upcoming=dt.date.today() + dt.timedelta(days=3))  # as brief sees it
    result = CliRunner().invoke(cli, ["--db", str(journal.path), "brief", "--json"])
    assert result.exit_code == 0, result.output
    listed = {q["uuid"]: q for q in json.loads(result.output)["questions_to_rehearse"]}
    assert listed[LEAVING]["reasons"] == [
        "linked to a mistake that keeps coming back: Rambling / nerves / lost focus"
    ]
    assert listed[WEAKNESS]["reasons"] == ["asked once at a phone interview"]
    assert listed[YOURSELF]["reasons"] == ["due for practice"]
    assert list(listed) == [LEAVING, WEAKNESS, YOURSELF]
    assert not listed[LEAVING]["answered"]
    text = CliRunner().invoke(cli, ["--db", str(journal.path), "brief"]).output
    assert "Questions to rehearse" in text
    assert "? Why are you leaving your current job? (no answer written yet)" in text


def test_a_journal_with_no_questions_asked_or_practised_says_nothing_of_them(
    journal: Journal,
) -> None:
    add_acme(journal)
    result = CliRunner().invoke(cli, ["--db", str(journal.path), "brief"])
    assert result.exit_code == 0, result.output
    assert "rehearse" not in result.output
    shown = json.loads(
        CliRunner().invoke(cli, ["--db", str(journal.path), "brief", "--json"]).output
    )
    assert shown["questions_to_rehearse"] == []


async def test_the_drill_shows_the_question_first_and_the_failure_only_after_reveal(
    journal: Journal,
) -> None:
    rehearsal_journal(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        briefing = screen_text(app)
        assert "Questions to rehearse" in briefing
        assert "asked once at a phone interview" in briefing
        while "leaving" not in (app.screen.card.question or "").casefold():
            await pilot.press("space", "3")  # on to the card of the question
        shown = screen_text(app)
        assert "They asked" in shown and "Why are you leaving your current job?" in shown
        assert "rambled" not in shown
        await pilot.press("space")
        back = str(app.screen.query_one("#card-answer", Static).render())
        assert back.index("What went wrong") < back.index("rambled about my manager")
        assert back.index("rambled about my manager") < back.index("Your answer")
        assert back.index("Your answer") < back.index("Say what I want next")


async def test_a_card_with_no_question_shows_the_kind_of_mistake_and_where(
    journal: Journal,
) -> None:
    add_acme(journal)  # its punctuality issue is solved and linked to no question
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        shown = screen_text(app)
        assert "The onsite interview at Acme, 20 Nov 2026" in shown
        assert "Arrived 10 minutes late" not in shown
        await pilot.press("space")
        assert "Arrived 10 minutes late" in screen_text(app)


async def test_only_the_headings_of_the_revealed_card_are_coloured(journal: Journal) -> None:
    """What went wrong and the answer read in the text's own colour, under coloured headings."""
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("space")
        back = app.screen.query_one("#card-answer", Static).render()
        assert isinstance(back, Content)
        styled = [back.plain[span.start : span.end] for span in back.spans]
        assert {"What went wrong", "Your answer\n"} <= set(styled)
        assert not any("Arrived 10 minutes late" in text for text in styled)  # the problem
        assert not any("Leave 45 minutes early" in text for text in styled)  # and the answer
