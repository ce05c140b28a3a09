"""The follow-up composer: the drafts (pure), and the screens that write, copy, save and send
them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, TextArea

from interview_journal.core.compose import (
    APOLOGY,
    DRAFT_KINDS,
    GENERIC_SINCE,
    SECOND_CHANCE_WARNING,
    DraftRefused,
    Material,
    apologises,
    clarification,
    draft,
    draft_feedback_request,
    draft_second_chance,
    draft_thank_you,
    kind_label,
    second_chance_warning,
    too_early_warning,
)
from interview_journal.core.model import (
    FOLLOW_UP_KINDS,
    FollowUp,
    Interview,
    Issue,
    Positive,
    Profile,
)
from interview_journal.core.sample import generate_sample
from interview_journal.core.taxonomy import SINCE
from interview_journal.store import Journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.composer import ComposerScreen
from interview_journal.tui.screens.confirm import ConfirmScreen
from interview_journal.tui.screens.follow_ups import FollowUpsScreen

from .conftest import TODAY, add_acme, screen_lines, until
from .dialog_host import DialogHost, MemoryJournal

ACME = Interview(
    company="Acme",
    role="Backend Engineer",
    date=dt.date(2026, 11, 20),
    interviewers=["Dana Lee", "Sam Ortiz"],
)
RAPPORT = Positive(text="Good rapport with the hiring manager")
NEW_POINT = "a prototype of the caching layer we discussed, built since"


def flat(text: str) -> str:
    return " ".join(text.split())


# -- drafts -------------------------------------------------------------------------------------

ALEX = Profile(
    name="Alex Kim",
    strengths=["Calm under pressure", "Python data pipelines", "mentoring"],
    achievements=["Cut the nightly batch from 6 hours to 40 minutes", "Led the move to Postgres"],
)
BRAIN_DUMP = "Late, flustered; I think Dana hated me. Blanked on the cache question."
FEEDBACK = "Strong on SQL, but the system design answer lacked depth."


def issue(problem: str, should_have: str = "", category: str | None = None, **more: Any) -> Issue:
    return Issue(problem=problem, should_have=should_have, category=category, **more)


LATE = issue(
    "Arrived 10 minutes late: traffic on the ring road",
    "Leave 45 minutes early and check the trains",
    "punctuality",
    severity=2,
    action="Plan the route the day before",
)
NEWS = issue(
    "Had no clue about the new EU data act",
    "Read the trade press the week before",
    "industry-knowledge",
    severity=3,
    action="Subscribe to the newsletter",
)
RAMBLED = issue("Babbled about my thesis for ten minutes", category="rambling", severity=3)
SECRET_ISSUES = [LATE, NEWS, RAMBLED]
PRIVATE = [BRAIN_DUMP, FEEDBACK] + [
    text for i in SECRET_ISSUES for text in (i.problem, i.should_have, i.action) if text
]
KNOWN = dataclasses.replace(ACME, notes=BRAIN_DUMP, feedback=FEEDBACK)


def every_draft(
    interview: Interview, positives: list[Positive], issues: list[Issue], profile: Profile | None
) -> dict[str, str]:
    return {
        kind: draft(kind, interview, positives, issues=issues, profile=profile, new_point=NEW_POINT)
        for kind in FOLLOW_UP_KINDS
    }


def words_in(text: str) -> int:
    return len(text.split())


def test_the_thank_you_thanks_every_interviewer_for_the_day_and_role_in_the_first_person() -> None:
    three = dataclasses.replace(KNOWN, interviewers=["Dana Lee", "Sam Ortiz", " Kim  Wu "])
    text = draft("thank-you", three, [RAPPORT, Positive(text="Calm answer on salary")])
    assert text.startswith("Dear Dana Lee,\n")
    assert "Thank you too, Sam Ortiz and Kim Wu, for your time" in flat(text)
    assert "Friday 20 November" in text and "Backend Engineer role at Acme" in flat(text)
    assert "good rapport with the hiring manager." in flat(text)  # lower-cased to fit a sentence
    assert "salary" not in text  # one highlight, not a list
    assert "I would" in text and " the candidate" not in text  # the user's voice
    two = draft("thank-you", KNOWN, [])
    assert "Thank you too, Sam Ortiz, for your time" in flat(two)
    one = draft("thank-you", dataclasses.replace(KNOWN, interviewers=["Dana Lee"]), [])
    assert "Thank you too" not in one


def test_the_first_word_of_a_positive_keeps_its_case_when_it_is_a_name_or_an_acronym() -> None:
    named = draft_thank_you(ACME, [Positive(text="Dana laughed at my joke")])
    assert "stood out for me: Dana laughed at my joke." in flat(named)
    acronym = draft_thank_you(ACME, [Positive(text="API design answer was clear.")])
    assert "API design answer was clear." in flat(acronym)
    mine = draft_thank_you(ACME, [Positive(text="I stayed calm under pressure!")])
    assert "I stayed calm under pressure!" in flat(mine)


def test_without_interviewers_positives_or_profile_the_thank_you_is_still_a_letter() -> None:
    nobody = Interview(company="Globex", role="", date=dt.date(2026, 11, 20))
    text = draft_thank_you(nobody, [], sender="Alex Kim")
    assert text.startswith("Dear hiring team,\n")
    assert "the role at Globex" in flat(text)
    assert "stood out" not in text
    assert "I would bring real energy" in flat(text)  # fit said without a profile
    assert text.rstrip().endswith("Kind regards,\nAlex Kim")


def test_the_thank_you_reiterates_fit_from_the_profile_and_is_signed_with_its_name() -> None:
    text = flat(draft("thank-you", ACME, [RAPPORT], profile=ALEX))
    assert "What I would bring to the work: Calm under pressure and Python data pipelines." in text
    assert "mentoring" not in text  # two strengths, not the whole list
    assert "proud of that speaks to it: Cut the nightly batch from 6 hours to 40 minutes." in text
    assert "Postgres" not in text  # one achievement
    assert "energy and care" not in text  # the profile says it instead
    assert text.endswith("Kind regards, Alex Kim")
    # A name given for the draft wins over the profile's.
    assert draft("other", ACME, [], profile=ALEX, sender="A. Kim").rstrip().endswith("\nA. Kim")


def test_a_positive_or_strength_that_says_sorry_is_passed_over() -> None:
    sorry = Profile(strengths=["Sorry-free honesty", "Clear writing"])
    text = draft("thank-you", ACME, [Positive(text="Said sorry only once"), RAPPORT], profile=sorry)
    assert not apologises(text)
    assert "good rapport with the hiring manager" in text
    assert "What I would bring to the work: Clear writing." in flat(text)


def test_the_clarification_comes_from_the_top_solved_issue_by_its_category() -> None:
    since_news = SINCE["industry-knowledge"]
    since_late = SINCE["punctuality"]
    assert since_news and since_late
    # The solved issue of highest severity (the unsolved RAMBLED, severity 3, does not count).
    text = draft("thank-you", KNOWN, [RAPPORT], issues=[LATE, RAMBLED, NEWS])
    assert since_news in flat(text)
    assert since_late not in flat(text)  # at most one
    assert flat(text).count("Since ") == 1
    # On a tie of severity, the first listed.
    tie = dataclasses.replace(LATE, severity=3)
    assert since_late in flat(draft("thank-you", KNOWN, [], issues=[tie, NEWS]))
    # Nothing solved: no clarification at all.
    assert "Since " not in draft("thank-you", KNOWN, [RAPPORT], issues=[RAMBLED])
    assert "Since " not in draft("thank-you", KNOWN, [RAPPORT])


def test_an_indefensible_top_issue_gets_no_clarification_and_a_custom_one_a_general_one() -> None:
    fib = issue("Said I led the project", "Say what I did myself", "honesty", severity=3)
    assert "Since " not in draft("thank-you", KNOWN, [], issues=[fib, LATE])
    custom = issue("Salary talk went badly", "Give a range", "salary-talk", severity=3)
    text = flat(draft("thank-you", KNOWN, [], issues=[custom]))
    assert GENERIC_SINCE and GENERIC_SINCE in text
    # Not sorted, and its words suggest no category: the general sentence too.
    uncategorised = issue("The video call dropped twice", "Test the link the day before", None)
    assert GENERIC_SINCE in flat(draft("thank-you", KNOWN, [], issues=[uncategorised]))


def test_an_issue_not_yet_sorted_gets_the_sentence_of_the_category_its_words_suggest() -> None:
    froze = issue("Froze on the caching question", "Talk it through out loud", None)
    assert froze.category is None
    text = flat(draft("thank-you", KNOWN, [], issues=[froze]))
    assert SINCE["blanked"] and flat(SINCE["blanked"]) in text
    assert "caching" not in text and "out loud" not in text


def test_an_issue_linked_to_a_question_clarifies_about_that_question() -> None:
    linked = dataclasses.replace(NEWS, question_uuid="q-1")
    text = flat(
        draft("thank-you", KNOWN, [], issues=[linked], questions={"q-1": "Why  this company?"})
    )
    assert 'your question "Why this company?", and I would welcome' in text
    assert SINCE["industry-knowledge"] not in text  # one clarification, not two
    # Without the wording at hand, the category says it.
    assert SINCE["industry-knowledge"] in flat(draft("thank-you", KNOWN, [], issues=[linked]))


def test_the_feedback_request_asks_what_would_have_made_the_answers_stronger() -> None:
    text = flat(draft_feedback_request(ACME))
    assert text.startswith("Dear Dana Lee,")
    assert "what would have made my answers stronger?" in text
    assert "I remain very interested" in text
    assert "decision" not in text and "future roles" not in text


def test_after_a_rejection_the_feedback_request_thanks_and_asks_for_future_roles() -> None:
    text = flat(draft("feedback-request", dataclasses.replace(ACME, outcome="rejected"), []))
    assert "Thank you for letting me know your decision" in text
    assert "what would have made my answers stronger?" in text
    assert "considered for future roles" in text
    assert "I remain very interested" not in text


def test_the_reference_heads_up_is_to_the_reference_and_says_what_to_stress() -> None:
    text = draft("reference", KNOWN, [RAPPORT], profile=ALEX)
    assert text.startswith("Hi,\n")
    assert "Dana" not in text and "Sam Ortiz" not in text  # not a letter to the interviewer
    assert "[" not in text  # no markup-like blank to fill
    assert "interviewed with Acme for the Backend Engineer role" in flat(text)
    assert "Friday 20 November" in text
    assert "- Calm under pressure\n- Python data pipelines\n- Cut the nightly batch" in text
    assert "Thank you for vouching for me" in text
    assert text.rstrip().endswith("Best wishes,\nAlex Kim")
    # Without a profile, what went well; without either, a general ask.
    assert "rapport" not in text  # the profile says what to stress
    from_positive = flat(draft("reference", KNOWN, [RAPPORT]))
    assert "What came across best in the interview: good rapport with the hiring" in from_positive
    general = flat(draft("reference", KNOWN, []))
    assert "the work we did together" in general


def test_the_rejection_reply_is_gracious_and_keeps_the_door_open() -> None:
    text = flat(draft("rejection-reply", dataclasses.replace(ACME, outcome="rejected"), []))
    assert text.startswith("Dear Dana Lee,")
    assert "Thank you for letting me know your decision" in text
    assert "future roles" in text and "paths cross again" in text
    assert "but" not in text.split()  # no argument


def test_the_thank_you_for_an_offer_is_warm_and_commits_to_nothing() -> None:
    text = flat(draft("acceptance", dataclasses.replace(ACME, outcome="offer"), []))
    assert "Thank you very much for the offer for the Backend Engineer role at Acme." in text
    assert "delighted" in text and "confirm the next steps" in text
    assert "accept" not in text.lower()  # glad to receive it, not a yes


def test_the_second_chance_is_built_around_the_new_point_and_refused_without_one() -> None:
    text = flat(draft_second_chance(ACME, NEW_POINT + "\n"))
    assert f"show you: {NEW_POINT}." in text
    assert "second conversation" in text
    for blank in ("", "   ", " . \n", ":"):
        with pytest.raises(DraftRefused, match="worth asking for only with something new"):
            draft("second-chance-request", ACME, [RAPPORT], new_point=blank)


def test_the_second_chance_warning_is_for_a_blank_point_only() -> None:
    assert second_chance_warning("") == SECOND_CHANCE_WARNING
    assert second_chance_warning("  \n ") == SECOND_CHANCE_WARNING
    assert SECOND_CHANCE_WARNING.startswith("A second conversation is worth asking for only with")
    assert second_chance_warning(NEW_POINT) is None


def test_new_kinds_have_their_own_labels() -> None:
    assert kind_label("rejection-reply") == "Rejection reply"
    assert kind_label("acceptance") == "Thanks for the offer"
    assert kind_label("reference") == "Reference heads-up"
    assert set(DRAFT_KINDS.values()) <= set(FOLLOW_UP_KINDS)


@pytest.mark.parametrize("kind", FOLLOW_UP_KINDS)
def test_every_kind_is_short_private_free_apology_free_and_names_the_role(kind: str) -> None:
    text = draft(kind, KNOWN, [RAPPORT], issues=SECRET_ISSUES, profile=ALEX, new_point=NEW_POINT)
    assert words_in(text) < 200
    assert APOLOGY.search(text) is None
    for private in PRIVATE:
        assert private not in text, private
    for word in ("Leave 45", "trade press", "newsletter", "flustered", "lacked depth"):
        assert word not in text
    assert "Backend Engineer" in text and "Acme" in text
    assert text.startswith("Hi,\n" if kind == "reference" else "Dear Dana Lee,\n")
    assert text.rstrip().endswith("\nAlex Kim")


def test_the_demo_journal_drafts_stay_brief_private_and_right_for_every_interview() -> None:
    records = generate_sample(30, today=TODAY)
    clarified = []
    for record in records:
        interview = record.interview
        assert interview.notes.strip()  # each has a brain dump to keep out
        private = [interview.notes, interview.feedback] + [
            text for i in record.issues for text in (i.problem, i.should_have, i.action) if text
        ]
        drafts = every_draft(interview, record.positives, record.issues, ALEX)
        for kind, text in drafts.items():
            assert words_in(text) < 200, (kind, interview.company)
            assert not apologises(text), (kind, interview.company)
            for secret in private:
                if secret.strip():
                    assert secret not in text, (kind, secret)
        thanks = drafts["thank-you"]
        for name in interview.interviewers:
            assert name in thanks
        expected = clarification(record.issues)
        solved = [i for i in record.issues if i.solved]
        if not solved:
            assert expected is None
        sentences = [s for s in SINCE.values() if s] + [GENERIC_SINCE]
        found = [s for s in set(sentences) if s and s in flat(thanks)]
        assert found == ([expected] if expected else []), interview.company
        clarified.append(expected is not None)
    assert any(clarified) and not all(clarified)  # the demo has interviews of both sorts


words = st.text(min_size=1, max_size=40) | st.sampled_from(
    ["[bold]Dana[/bold]", "[red]x", "O'Brien", "Zoë Ñandú", "$variable", "a\nb", "[/]", "🙈 🎉"]
)
secret = (st.text(min_size=1, max_size=30) | st.sampled_from(["[bold]x[/]", "🙈", "sorry"])).map(
    lambda s: f"PRIVATE ⟂{s}⟂"
)


@given(
    interviewer=words,
    role=words,
    company=words,
    positive=words,
    strength=words,
    point=st.text(max_size=60),
    notes=secret,
    problem=secret,
    should_have=secret,
    action=secret,
    category=st.sampled_from([None, "salary-talk", *SINCE]),
)
def test_no_draft_ever_apologises_or_pastes_private_text_and_each_keeps_what_was_typed(
    interviewer: str,
    role: str,
    company: str,
    positive: str,
    strength: str,
    point: str,
    notes: str,
    problem: str,
    should_have: str,
    action: str,
    category: str | None,
) -> None:
    for typed in (interviewer, role, company, positive, point):
        assume(not apologises(typed))
    assume(flat(interviewer) and flat(role) and flat(positive).rstrip(".!?,;:").strip())
    interview = Interview(
        company=company, role=role, interviewers=[interviewer], notes=notes, feedback=notes
    )
    issues = [Issue(problem=problem, should_have=should_have, category=category, action=action)]
    profile = Profile(name="Alex", strengths=[strength], achievements=[strength])
    for kind in FOLLOW_UP_KINDS:
        try:
            text = draft(
                kind, interview, [Positive(text=positive)], issues=issues, profile=profile,
                new_point=point,
            )  # fmt: skip
        except DraftRefused:
            assert kind == "second-chance-request"
            assert not any(character.isalnum() for character in point)
            continue
        assert not apologises(text), kind
        assert "PRIVATE" not in text, kind
        greeting = "Hi," if kind == "reference" else f"Dear {flat(interviewer)},"
        assert text.startswith(greeting + "\n"), kind
        assert flat(role) in flat(text), kind
        if kind == "thank-you":
            core = flat(positive).rstrip(",;:")
            assert core[1:].casefold() in flat(text).casefold()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm sorry for being late", True),
        ("Please accept my apology", True),
        ("I apologise", True),
        ("apologized twice", True),
        ("APOLOGIES", True),
        ("Apologizing", True),
        ("sorrys", False),
        ("Sorrento was lovely", False),
        ("Thank you for your time", False),
    ],
)
def test_apologises(text: str, expected: bool) -> None:
    assert apologises(text) is expected


# -- the screens, in a harness ------------------------------------------------------------------


@asynccontextmanager
async def driving(
    make_screen: Callable[[], Screen[Any]], journal: MemoryJournal | None = None
) -> AsyncIterator[tuple[DialogHost, Pilot]]:
    app = DialogHost(make_screen, journal)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        yield app, pilot


def visible_text(app: App[Any]) -> str:
    return "\n".join(screen_lines(app))


def notifications(app: App[Any]) -> str:
    """What the toasts on screen say, as the user reads it: the screen's text with its line
    breaks and runs of spaces made single spaces (a toast wraps its message)."""
    return " ".join(" ".join(line.strip("▌▐ ") for line in screen_lines(app)).split())


def follow_ups_screen(
    desk: MemoryJournal, interview: Interview = ACME
) -> Callable[[], Screen[Any]]:
    return lambda: FollowUpsScreen(
        interview, list(desk.by_uuid.values()), Material([RAPPORT]), TODAY
    )


def option_texts(options: OptionList) -> list[str]:
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_list_shows_due_overdue_and_done_on_one_line_each() -> None:
    late = FollowUp(kind="thank-you", due=TODAY - dt.timedelta(days=6))
    done = FollowUp(kind="second-chance-request", due=TODAY, done=dt.date(2026, 11, 26))
    desk = MemoryJournal([late, done])
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        options = app.screen.query_one("#follow-ups", OptionList)
        first, second = option_texts(options)
        assert "Thank-you note" in first and "due Sat 21 Nov (6 days ago)" in first
        assert "overdue" in first
        assert "Second-chance request" in second and "done Thu 26 Nov" in second
        assert "overdue" not in second
        shown = visible_text(app)
        # Each on one screen line: the due date and its state are not wrapped apart.
        assert any("Thank-you note" in line and "overdue" in line for line in shown.splitlines())
        assert any(
            "Second-chance request" in line and "done Thu 26 Nov" in line
            for line in shown.splitlines()
        )
        assert "Thank them within a day" in shown  # the hint


async def test_space_toggles_done_and_d_deletes_after_asking() -> None:
    first = FollowUp(kind="thank-you", due=TODAY)
    second = FollowUp(kind="feedback-request", due=TODAY + dt.timedelta(days=3))
    desk = MemoryJournal([first, second])
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        options = app.screen.query_one("#follow-ups", OptionList)
        await pilot.press("space")
        await pilot.pause()
        assert desk.by_uuid[first.uuid].done == TODAY
        assert "done Fri 27 Nov" in option_texts(options)[0]
        await pilot.press("space")
        await pilot.pause()
        assert desk.by_uuid[first.uuid].done is None

        await pilot.press("j", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert desk.deleted == []
        await pilot.press("d", "y")
        await pilot.pause()
        assert desk.deleted == [second.uuid]
        assert options.option_count == 1
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_a_refusing_desk_is_shown_and_nothing_typed_is_lost() -> None:
    desk = MemoryJournal([FollowUp(kind="thank-you", due=TODAY)])
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        desk.refuse = "The journal is read-only."
        await pilot.press("b", "ctrl+s")  # a new feedback request, refused: still open
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        assert "Not saved: The journal is read-only." in flat(visible_text(app))
        assert len(desk.by_uuid) == 1
        await pilot.press("escape", "y")  # left after asking: nothing kept
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        assert len(desk.by_uuid) == 1

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        editor = app.screen.query_one("#draft", TextArea)
        editor.text = "My own words [bold]kept[/]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Back in the composer, with the text, and closing it now asks first.
        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.query_one("#draft", TextArea).text == "My own words [bold]kept[/]"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        desk.refuse = None
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        [saved] = desk.by_uuid.values()
        assert saved.text == "My own words [bold]kept[/]"


async def test_a_adds_a_thank_you_and_opens_the_composer_on_its_draft() -> None:
    desk = MemoryJournal()
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        assert "No follow-ups yet" in visible_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        assert "Thank-you note to Dana Lee" in visible_text(app)
        text = app.screen.query_one("#draft", TextArea).text
        assert text.startswith("Dear Dana Lee,")
        assert "good rapport with the hiring manager" in text
        await pilot.press("ctrl+y")  # no clipboard tool here: said honestly
        await until(pilot, lambda: "Sent to the terminal to copy" in notifications(app))
        assert app.clipboard == text
        assert "Copied" not in notifications(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        [saved] = desk.by_uuid.values()
        assert saved.kind == "thank-you" and saved.done == TODAY and saved.text == text


async def test_the_second_chance_asks_first_and_drafts_only_with_something_new() -> None:
    desk = MemoryJournal()
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        await pilot.press("s")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        assert "What new would you bring to a second conversation?" in visible_text(app)
        assert not composer.query_one("#draft").display
        assert not composer.query_one("#warning").display
        await pilot.press("enter")  # nothing new typed: no draft, and why
        await pilot.pause()
        assert composer.query_one("#warning").display
        assert "No draft yet: a second conversation is worth asking for" in visible_text(app)
        editor = composer.query_one("#draft", TextArea)
        assert not editor.display
        assert composer.query_one("#new-point", Input).has_focus

        # Typing the point and pressing enter drafts around it; the warning goes.
        await pilot.press(*"a working demo")
        await pilot.press("enter")
        await pilot.pause()
        assert "show you: a working demo." in flat(editor.text)
        assert not composer.query_one("#warning").display
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = desk.by_uuid.values()
    assert saved.kind == "second-chance-request" and "a working demo" in saved.text
    assert saved.done is None


async def test_redraft_and_close_ask_before_replacing_the_users_words() -> None:
    follow_up = FollowUp(kind="feedback-request", due=TODAY, text="Hello Dana, my own text")
    desk = MemoryJournal([follow_up])
    async with driving(
        lambda: ComposerScreen(follow_up, ACME, Material([RAPPORT]), today=TODAY)
    ) as (
        app,
        pilot,
    ):
        editor = app.screen.query_one("#draft", TextArea)
        assert editor.text == "Hello Dana, my own text"  # the saved text, not a new draft
        await pilot.press("ctrl+r")  # a letter kept before: asked, even if untouched here
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert editor.text.startswith("Dear Dana Lee,")
        await pilot.press("x")  # the cursor waits at the end
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert editor.text.endswith("x")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [None]
    del desk


async def test_an_apology_typed_into_the_note_gets_a_gentle_warning() -> None:
    follow_up = FollowUp(kind="thank-you", due=TODAY)
    async with driving(
        lambda: ComposerScreen(follow_up, ACME, Material([RAPPORT]), today=TODAY)
    ) as (
        app,
        pilot,
    ):
        screen = app.screen
        assert not screen.query_one("#apology").display
        screen.query_one("#draft", TextArea).insert("I am so sorry. ")
        await pilot.pause()
        assert screen.query_one("#apology").display
        await pilot.press("ctrl+s")  # a warning, not a wall
        await pilot.pause()
    [result] = app.results
    assert result.text.startswith("Dear Dana Lee,") and result.text.endswith("I am so sorry. ")


async def test_markup_in_names_shows_as_typed() -> None:
    odd = dataclasses.replace(ACME, company="[bold]Acme[/]", interviewers=["[red]Dana"])
    follow_up = FollowUp(kind="thank-you", due=TODAY)
    async with driving(lambda: ComposerScreen(follow_up, odd, Material(), today=TODAY)) as (
        app,
        pilot,
    ):
        shown = visible_text(app)
        assert "Thank-you note to [red]Dana" in shown
        assert "[bold]Acme[/]" in shown
        assert app.screen.query_one("#draft", TextArea).text.startswith("Dear [red]Dana,")


# -- the real app -------------------------------------------------------------------------------


def make_app(journal: Journal) -> JournalApp:
    return JournalApp(journal=journal, today=lambda: TODAY)


async def test_f_a_writes_a_thank_you_and_the_journal_keeps_it(journal: Journal) -> None:
    interview = add_acme(journal)
    before = {f.uuid for f in journal.follow_ups(interview.uuid)}
    app = make_app(journal)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        editor = app.screen.query_one("#draft", TextArea)
        assert "good rapport with Dana" in editor.text
        await pilot.press(*"Alex", "ctrl+s")  # signed where the cursor waits
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        # The thank-you every interview gets, written: not a second one beside it.
        [new] = journal.follow_ups(interview.uuid)
        assert {new.uuid} == before
        assert new.kind == "thank-you"
        assert new.due == dt.date(2026, 11, 21)
        assert new.text.startswith("Dear Dana Lee,")
        assert new.text.endswith("Kind regards,\nAlex")
        assert not apologises(new.text)

        await pilot.press("space")  # it is highlighted: mark it done
        await pilot.pause()
        assert journal.follow_ups(interview.uuid)[-1].done == TODAY
        await pilot.press("d", "y")
        await pilot.pause()
        assert journal.follow_ups(interview.uuid) == []
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FollowUpsScreen)


async def test_a_thank_you_drafted_before_the_interview_says_to_keep_it_for_after() -> None:
    upcoming = dataclasses.replace(ACME, date=TODAY + dt.timedelta(days=9))
    follow_up = FollowUp(kind="thank-you", due=upcoming.date + dt.timedelta(days=1))
    async with driving(lambda: ComposerScreen(follow_up, upcoming, Material(), today=TODAY)) as (
        app,
        _,
    ):
        said = app.screen.query_one("#said").said  # on the line under the letter, not a toast
        assert not app.screen.query("Toast")
    assert "keep it for after" in said
    assert too_early_warning(ACME, TODAY) is None  # after the interview: nothing to say
