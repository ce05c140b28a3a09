"""The review: the briefing and the drill (core), and what the journal keeps for them (store)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from interview_journal.core import review
from interview_journal.core.clock import Clock, FixedClock
from interview_journal.core.model import Category, Interview, Issue
from interview_journal.core.review import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    Answer,
    DrillCard,
    briefing_json,
    build_briefing,
    checklist,
    grade,
    is_due,
    make_due,
    new_card,
    order_for_drill,
    summarize,
)
from interview_journal.core.taxonomy import BUILTIN_CATEGORIES
from interview_journal.core.trends import CategoryTrend, Overview
from interview_journal.core.validate import InvalidValue
from interview_journal.store import Journal, open_journal

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 27)


# -- the clock ------------------------------------------------------------------------------------


def test_the_real_clock_is_aware_utc() -> None:
    now = Clock().now()
    assert now.tzinfo is dt.UTC
    assert Clock().today() == dt.date.today()


def test_fixed_clock_stands_still_until_moved() -> None:
    clock = FixedClock(NOW)
    assert clock.now() == NOW == clock.now()
    assert clock.now().tzinfo is dt.UTC
    assert clock.today() == NOW.astimezone().date()
    assert clock.advance(days=2, hours=3) == NOW + dt.timedelta(days=2, hours=3)
    assert clock.now() == NOW + dt.timedelta(days=2, hours=3)


def test_fixed_clock_takes_naive_as_utc_and_converts_others() -> None:
    assert FixedClock(dt.datetime(2026, 1, 1, 9)).now() == dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    paris = dt.timezone(dt.timedelta(hours=1))
    moment = FixedClock(dt.datetime(2026, 1, 1, 10, tzinfo=paris)).now()
    assert moment.tzinfo is dt.UTC
    assert moment == dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)


# -- scheduling -----------------------------------------------------------------------------------


def test_a_new_card_is_due_now() -> None:
    card = new_card(NOW)
    assert review.card_due(card) == NOW
    assert is_due(card, NOW)
    assert not is_due(card, NOW - dt.timedelta(seconds=1))
    assert is_due(None, NOW)


def test_good_moves_the_card_out_and_again_brings_it_back() -> None:
    clock = FixedClock(NOW)
    card, due = grade(None, GOOD, clock.now())
    assert due > clock.now()
    assert not is_due(card, clock.now())
    # Good again once it is due: out by a day or more.
    clock.advance(minutes=10)
    card, due = grade(card, GOOD, clock.now())
    assert due >= clock.now() + dt.timedelta(days=1)
    clock.moment = due
    card, due = grade(card, GOOD, clock.now())
    assert due >= clock.now() + dt.timedelta(days=3)
    # Forgotten: back within the day (minutes, in fact).
    clock.moment = due
    card, again_due = grade(card, AGAIN, clock.now())
    assert clock.now() < again_due <= clock.now() + dt.timedelta(hours=1)
    assert json.loads(card)["last_review"] == clock.now().isoformat()


def test_again_on_a_new_card_is_due_within_minutes_and_easy_is_days_out() -> None:
    _, again = grade(None, AGAIN, NOW)
    assert NOW < again <= NOW + dt.timedelta(minutes=10)
    _, hard = grade(None, HARD, NOW)
    _, easy = grade(None, EASY, NOW)
    assert again <= hard < easy
    assert easy >= NOW + dt.timedelta(days=1)


def test_grading_is_deterministic() -> None:
    first = grade(None, GOOD, NOW)
    assert grade(None, GOOD, NOW) == first
    assert grade(first[0], GOOD, first[1]) == grade(first[0], GOOD, first[1])


@pytest.mark.parametrize("rating", [0, 5, -1, True, 2.5, "3"])
def test_a_grade_is_one_to_four(rating: object) -> None:
    with pytest.raises(ValueError, match="1 \\(again\\) to 4"):
        grade(None, rating, NOW)  # type: ignore[arg-type]


def test_times_must_be_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        grade(None, GOOD, dt.datetime(2026, 1, 1))
    other_zone = NOW.astimezone(dt.timezone(dt.timedelta(hours=-5)))
    card, due = grade(None, GOOD, other_zone)  # converted to UTC, which fsrs insists on
    assert due.tzinfo is dt.UTC
    assert (card, due) == grade(None, GOOD, NOW)


def test_make_due_brings_a_scheduled_card_forward_and_keeps_its_memory() -> None:
    card, _ = grade(None, GOOD, NOW)
    card, due = grade(card, GOOD, NOW + dt.timedelta(minutes=10))
    later = NOW + dt.timedelta(hours=1)
    assert not is_due(card, later)
    due_now = make_due(card, later)
    assert is_due(due_now, later)
    assert review.card_due(due_now) == later
    before, after = json.loads(card), json.loads(due_now)
    assert {k: v for k, v in before.items() if k != "due"} == {
        k: v for k, v in after.items() if k != "due"
    }
    # Already overdue: it keeps its (earlier) due time.
    assert make_due(card, due + dt.timedelta(days=1)) == card
    # Still a card fsrs can review.
    _, next_due = grade(due_now, GOOD, later)
    assert next_due > later


def drill_card(
    name: str,
    *,
    card: str | None = None,
    due: dt.datetime | None = None,
    category: str | None = "rambling",
    category_name: str = "Rambling / nerves / lost focus",
) -> DrillCard:
    return DrillCard(
        issue_uuid=name,
        interview_uuid="i-" + name,
        company="Acme",
        date=TODAY,
        category=category,
        category_name=category_name,
        problem=f"problem {name}",
        should_have=f"answer {name}",
        card=card,
        due=due,
    )


def scheduled(name: str, due: dt.datetime, **kwargs) -> DrillCard:
    card = json.dumps(json.loads(new_card(due)) | {"due": due.isoformat()})
    return drill_card(name, card=card, due=due, **kwargs)


def test_order_for_drill_due_first_most_overdue_first_then_new_then_later() -> None:
    hour = dt.timedelta(hours=1)
    cards = [
        scheduled("later-2", NOW + 5 * hour),
        drill_card("new-1"),
        scheduled("due-1", NOW - hour),
        scheduled("later-1", NOW + hour),
        drill_card("new-2"),
        scheduled("due-2", NOW - 3 * hour),
        scheduled("due-now", NOW),
    ]
    order = [card.issue_uuid for card in order_for_drill(cards, NOW)]
    assert order == ["due-2", "due-1", "due-now", "new-1", "new-2", "later-1", "later-2"]


def test_order_for_drill_reads_the_due_from_the_card_when_it_is_missing() -> None:
    card = json.dumps(json.loads(new_card(NOW)) | {"due": (NOW - dt.timedelta(days=1)).isoformat()})
    cards = [drill_card("new"), drill_card("due", card=card, due=None)]
    assert [c.issue_uuid for c in order_for_drill(cards, NOW)] == ["due", "new"]


def test_summarize_counts_and_names_the_weakest_category() -> None:
    rambling = drill_card("a")
    punctual = drill_card("b", category="punctuality", category_name="Late / timing")
    attire = drill_card("c", category="attire", category_name="Dressed inappropriately")
    results = [(rambling, GOOD), (punctual, AGAIN), (attire, HARD), (rambling, EASY)]
    summary = summarize(results, NOW + dt.timedelta(days=2))
    assert summary.reviewed == 4
    assert summary.again == 1
    assert summary.due_next == NOW + dt.timedelta(days=2)
    # One struggle each for attire and punctuality: the tie goes by name.
    assert summary.weakest == "Dressed inappropriately"
    summary = summarize([*results, (punctual, HARD)], None)
    assert summary.weakest == "Late / timing"
    assert summary.due_next is None


def test_summarize_with_nothing_hard() -> None:
    summary = summarize([(drill_card("a"), GOOD)], None)
    assert (summary.reviewed, summary.again, summary.weakest) == (1, 0, None)
    assert summarize([], None).reviewed == 0


# -- the briefing ---------------------------------------------------------------------------------


def trend(slug: str, label: str, interviews: int, last_seen: dt.date) -> CategoryTrend:
    names = {category.slug: category.name for category in BUILTIN_CATEGORIES}
    return CategoryTrend(
        slug=slug,
        name=names.get(slug, slug),
        interviews=interviews,
        issues=interviews,
        first_seen=dt.date(2026, 1, 1),
        last_seen=last_seen,
        label=label,
        since_last_seen=0,
    )


def answer(slug: str, day: dt.date, should_have: str, company: str = "Acme") -> Answer:
    return Answer(
        issue_uuid=f"{slug}-{day}-{should_have}",
        interview_uuid=f"i-{day}",
        date=day,
        company=company,
        problem=f"{slug} went wrong",
        should_have=should_have,
    )


def overview_of(*trends: CategoryTrend) -> Overview:
    return Overview(
        interviews=10,
        issues=sum(t.issues for t in trends),
        uncategorised=0,
        categories=list(trends),
    )


NOV = dt.date(2026, 11, 1)
UPCOMING = Interview(
    company="Globex", role="Data Analyst", date=dt.date(2026, 12, 2), time=dt.time(9, 30)
)


def test_focus_list_puts_recurring_and_improving_first() -> None:
    overview = overview_of(
        trend("blanked", "once", 1, NOV + dt.timedelta(days=20)),
        trend("punctuality", "recurring", 3, NOV),
        trend("rambling", "improving", 4, NOV - dt.timedelta(days=30)),
        trend("attire", "fixed", 2, NOV - dt.timedelta(days=60)),
        trend("listening", "recurring", 3, NOV + dt.timedelta(days=5)),
        trend("honesty", "once", 1, NOV - dt.timedelta(days=90)),
        trend("company-research", "fixed", 5, NOV - dt.timedelta(days=60)),
    )
    briefing = build_briefing(
        upcoming=UPCOMING,
        today=TODAY,
        overview=overview,
        answers={},
        actions={},
        categories=BUILTIN_CATEGORIES,
    )
    assert [item.slug for item in briefing.focus] == [
        "rambling",  # improving, 4 interviews
        "listening",  # recurring, 3, seen more recently than punctuality
        "punctuality",
        "blanked",  # the others: most recently seen first
        "company-research",  # same day as attire, but more interviews
        "attire",
        "honesty",
    ]
    by_slug = {item.slug: item for item in briefing.focus}
    assert by_slug["attire"].indefensible and by_slug["honesty"].indefensible
    assert not by_slug["rambling"].indefensible
    assert by_slug["rambling"].label == "improving"
    assert by_slug["rambling"].name == "Rambling / nerves / lost focus"
    assert briefing.upcoming is UPCOMING
    assert briefing.days_until == 5


def test_focus_list_is_cut_to_the_limit() -> None:
    trends = [trend(f"cat-{n}", "once", 1, NOV - dt.timedelta(days=n)) for n in range(12)]
    briefing = build_briefing(
        upcoming=None,
        today=TODAY,
        overview=overview_of(*trends),
        answers={},
        actions={},
        categories=[],
        limit=8,
    )
    assert [item.slug for item in briefing.focus] == [f"cat-{n}" for n in range(8)]
    assert briefing.upcoming is None and briefing.days_until is None


def test_answers_are_the_latest_non_empty_distinct_ones() -> None:
    answers = {
        "punctuality": [
            answer("punctuality", NOV, "Leave 45 minutes early"),
            answer("punctuality", NOV - dt.timedelta(days=40), "Plan the route"),
            answer("punctuality", NOV + dt.timedelta(days=10), "   "),
            answer("punctuality", NOV + dt.timedelta(days=9), "Check the trains the night before"),
            answer("punctuality", NOV - dt.timedelta(days=10), "leave 45  minutes EARLY"),
            answer("punctuality", NOV - dt.timedelta(days=80), "Too old to show"),
        ]
    }
    actions = {
        "punctuality": ["Book a taxi", "", "Plan the route the day before", "book a taxi", "x", "y"]
    }
    briefing = build_briefing(
        upcoming=None,
        today=TODAY,
        overview=overview_of(trend("punctuality", "recurring", 5, NOV + dt.timedelta(days=9))),
        answers=answers,
        actions=actions,
        categories=BUILTIN_CATEGORIES,
    )
    (item,) = briefing.focus
    assert [a.should_have for a in item.answers] == [
        "Check the trains the night before",
        "Leave 45 minutes early",
        "Plan the route",
    ]
    assert item.actions == ["Book a taxi", "Plan the route the day before", "x"]


def test_a_category_with_answers_but_no_trend_comes_last_without_a_label() -> None:
    briefing = build_briefing(
        upcoming=None,
        today=TODAY,
        overview=overview_of(trend("rambling", "once", 1, NOV)),
        answers={
            "attire": [answer("attire", NOV, "Ask what people wear")],
            "listening": [answer("listening", NOV, "  ")],
        },
        actions={},
        categories=BUILTIN_CATEGORIES,
    )
    assert [(item.slug, item.label) for item in briefing.focus] == [
        ("rambling", "once"),
        ("attire", None),
    ]
    assert briefing.focus[1].name == "Dressed inappropriately"
    assert briefing.focus[1].indefensible


def test_checklist_for_the_day() -> None:
    user_attire = Category("attire", "Clothes", indefensible=False)
    briefing = build_briefing(
        upcoming=UPCOMING,
        today=TODAY,
        overview=overview_of(),
        answers={},
        actions={},
        categories=[*BUILTIN_CATEGORIES[:8], user_attire, *BUILTIN_CATEGORIES[9:]],
    )
    assert briefing.checklist == []  # an interview to come has its stage's list instead
    assert briefing.stage_checklist and not any(
        c.key == "attire" and c.avoidable for c in briefing.stage_checklist
    )
    items = checklist([*BUILTIN_CATEGORIES[:8], user_attire, *BUILTIN_CATEGORIES[9:]], UPCOMING)
    assert [item.category for item in items] == [
        "punctuality",
        "company-research",
        "phone-distraction",
        "attire",
        "resume-consistency",
        None,
    ]
    # The journal's own categories decide what is indefensible.
    assert [item.indefensible for item in items] == [False, True, True, False, False, False]
    assert "Globex" in items[1].text
    assert all(item.text and item.text[-1] == "." for item in items)
    general = build_briefing(
        upcoming=None,
        today=TODAY,
        overview=overview_of(),
        answers={},
        actions={},
        categories=BUILTIN_CATEGORIES,
    )
    assert "the company" in general.checklist[1].text
    assert general.checklist[3].indefensible
    assert general.focus == []


def test_briefing_json() -> None:
    briefing = build_briefing(
        upcoming=UPCOMING,
        today=TODAY,
        overview=overview_of(trend("punctuality", "recurring", 3, NOV)),
        answers={"punctuality": [answer("punctuality", NOV, "Leave early", company="Initech")]},
        actions={"punctuality": ["Plan the route"]},
        categories=BUILTIN_CATEGORIES,
    )
    data = briefing_json(briefing)
    assert json.loads(json.dumps(data)) == data
    assert data["upcoming"] == {
        "uuid": UPCOMING.uuid,
        "company": "Globex",
        "role": "Data Analyst",
        "date": "2026-12-02",
        "time": "09:30",
        "days_until": 5,
        "stage": UPCOMING.stage,
        "location": "",
        "link": "",
    }
    assert data["focus"] == [
        {
            "slug": "punctuality",
            "name": "Late / timing",
            "label": "recurring",
            "interviews": 3,
            "last_seen": "2026-11-01",
            "indefensible": False,
            "answers": [
                {
                    "problem": "punctuality went wrong",
                    "should_have": "Leave early",
                    "company": "Initech",
                    "date": "2026-11-01",
                }
            ],
            "actions": ["Plan the route"],
        }
    ]
    assert data["checklist"] == []  # an interview to come: its stage's checklist instead
    assert {"key", "text", "done", "avoidable"} == set(data["stage_checklist"][0])
    general = briefing_json(
        build_briefing(
            upcoming=None,
            today=TODAY,
            overview=overview_of(),
            answers={},
            actions={},
            categories=BUILTIN_CATEGORIES,
        )
    )
    assert general["upcoming"] is None
    assert general["focus"] == []


# -- the store ------------------------------------------------------------------------------------


@pytest.fixture
def drill_journal(tmp_path: Path) -> Iterator[Journal]:
    journal = open_journal(tmp_path / "j.db")
    journal.clock = FixedClock(NOW)
    yield journal
    journal.close()


def interview(journal: Journal, company: str, day: dt.date, **kwargs) -> Interview:
    return journal.add_interview(Interview(company=company, role="Analyst", date=day, **kwargs))


def issue(
    journal: Journal,
    where: Interview,
    problem: str,
    should_have: str = "",
    category: str | None = None,
    action: str = "",
) -> Issue:
    return journal.add_issue(
        Issue(
            problem=problem,
            should_have=should_have,
            category=category,
            action=action,
            interview_uuid=where.uuid,
        )
    )


def review_rows(journal: Journal) -> list[tuple]:
    return journal.conn.execute(
        "SELECT i.uuid, r.rating, r.reviewed, r.due FROM reviews r "
        "JOIN issues i ON i.id = r.issue_id ORDER BY r.id"
    ).fetchall()


def card_of(journal: Journal, issue_uuid: str) -> str | None:
    return journal.conn.execute("SELECT card FROM issues WHERE uuid = ?", [issue_uuid]).fetchone()[
        0
    ]


def drill(journal: Journal, issue_uuid: str, rating: int) -> dt.datetime:
    """Grade a card as the drill does; returns its next due."""
    now = journal.clock.now()
    card, due = grade(card_of(journal, issue_uuid), rating, now)
    journal.record_review(issue_uuid, card, rating, now, due)
    return due


def learn(journal: Journal, issue_uuid: str) -> dt.datetime:
    """Good, then Good again ten minutes later: the card is days out."""
    clock = journal.clock
    assert isinstance(clock, FixedClock)
    drill(journal, issue_uuid, GOOD)
    clock.advance(minutes=10)
    due = drill(journal, issue_uuid, GOOD)
    assert due > clock.now() + dt.timedelta(days=1)
    return due


def test_a_journal_has_a_real_clock_by_default(tmp_path: Path) -> None:
    with open_journal(tmp_path / "j.db") as journal:
        assert type(journal.clock) is Clock


def test_record_review_stores_the_card_and_logs_the_review(drill_journal: Journal) -> None:
    acme = interview(drill_journal, "Acme", TODAY - dt.timedelta(days=3))
    late = issue(drill_journal, acme, "Late", "Leave 45 minutes early", "punctuality")
    due = drill(drill_journal, late.uuid, GOOD)
    stored = card_of(drill_journal, late.uuid)
    assert stored is not None
    assert review.card_due(stored) == due
    assert review_rows(drill_journal) == [(late.uuid, GOOD, NOW.isoformat(), due.isoformat())]
    # The issue itself is untouched, and a later edit keeps the card.
    assert drill_journal.issue(late.uuid) == replace(late, card=stored)
    drill_journal.update_issue(Issue(**{**_fields(late), "severity": 3}))
    assert card_of(drill_journal, late.uuid) == stored
    (card,) = drill_journal.drill_cards()
    assert card.card == stored and card.due == due


def _fields(item: Issue) -> dict:
    return {name: getattr(item, name) for name in Issue.__slots__}


def test_record_review_refuses_a_bad_grade_or_issue(drill_journal: Journal) -> None:
    acme = interview(drill_journal, "Acme", TODAY)
    late = issue(drill_journal, acme, "Late", "Leave early", "punctuality")
    card, due = grade(None, GOOD, NOW)
    with pytest.raises(InvalidValue):
        drill_journal.record_review(late.uuid, card, 5, NOW, due)
    from interview_journal.store.errors import NotFound

    with pytest.raises(NotFound):
        drill_journal.record_review("no-such-issue", card, GOOD, NOW, due)
    assert review_rows(drill_journal) == []
    assert card_of(drill_journal, late.uuid) is None


def test_a_repeated_real_mistake_makes_its_category_due(drill_journal: Journal) -> None:
    clock = drill_journal.clock
    assert isinstance(clock, FixedClock)
    acme = interview(drill_journal, "Acme", TODAY - dt.timedelta(days=30))
    late = issue(drill_journal, acme, "Late", "Leave 45 minutes early", "punctuality")
    late_too = issue(drill_journal, acme, "Got lost", "Walk the route first", "punctuality")
    ramble = issue(drill_journal, acme, "Babbled", "Answer in two minutes", "rambling")
    for item in (late, late_too, ramble):
        learn(drill_journal, item.uuid)
    clock.advance(days=1)
    assert not any(review.is_due(c.card, clock.now()) for c in drill_journal.drill_cards())
    # It happened again, for real.
    globex = interview(drill_journal, "Globex", clock.today())
    issue(drill_journal, globex, "Late again: missed the train", category="punctuality")
    due = {c.issue_uuid for c in drill_journal.drill_cards() if review.is_due(c.card, clock.now())}
    assert due == {late.uuid, late_too.uuid}
    assert review.card_due(card_of(drill_journal, late.uuid)) == clock.now()
    # Its memory is kept: only the due time moved.
    assert json.loads(card_of(drill_journal, late.uuid))["state"] == 2  # fsrs State.Review
    order = order_for_drill(drill_journal.drill_cards(), clock.now())
    assert [c.issue_uuid for c in order][:2] in (
        [late.uuid, late_too.uuid],
        [late_too.uuid, late.uuid],
    )
    assert order[-1].issue_uuid == ramble.uuid


def test_an_upcoming_interview_does_not_make_cards_due(drill_journal: Journal) -> None:
    acme = interview(drill_journal, "Acme", TODAY - dt.timedelta(days=30))
    late = issue(drill_journal, acme, "Late", "Leave 45 minutes early", "punctuality")
    learn(drill_journal, late.uuid)
    before = card_of(drill_journal, late.uuid)
    future = interview(drill_journal, "Globex", TODAY + dt.timedelta(days=3))
    noted = issue(drill_journal, future, "Worried I will be late", category="punctuality")
    assert card_of(drill_journal, late.uuid) == before
    # Nor does an uncategorised issue, nor another category, in a real interview.
    past = interview(drill_journal, "Initech", TODAY)
    plain = issue(drill_journal, past, "Something about timing")
    issue(drill_journal, past, "Rambled", category="rambling")
    assert card_of(drill_journal, late.uuid) == before
    # Editing an upcoming issue's category changes nothing either.
    drill_journal.update_issue(Issue(**{**_fields(noted), "category": "rambling"}))
    assert card_of(drill_journal, late.uuid) == before
    # But categorising the real one as punctuality is the mistake repeated.
    drill_journal.update_issue(Issue(**{**_fields(plain), "category": "punctuality"}))
    assert review.card_due(card_of(drill_journal, late.uuid)) == drill_journal.clock.now()


def test_editing_an_issue_without_changing_its_category_does_not_make_cards_due(
    drill_journal: Journal,
) -> None:
    acme = interview(drill_journal, "Acme", TODAY - dt.timedelta(days=30))
    late = issue(drill_journal, acme, "Late", "Leave 45 minutes early", "punctuality")
    again = issue(drill_journal, acme, "Late from lunch", "Set an alarm", "punctuality")
    learn(drill_journal, late.uuid)
    before = card_of(drill_journal, late.uuid)
    drill_journal.update_issue(Issue(**{**_fields(again), "should_have": "Set two alarms"}))
    assert card_of(drill_journal, late.uuid) == before
    # The issue's own card is never made due by itself.
    learn(drill_journal, again.uuid)
    own = card_of(drill_journal, again.uuid)
    drill_journal.update_issue(Issue(**{**_fields(again), "category": "rambling"}))
    assert card_of(drill_journal, again.uuid) == own


def test_upcoming_interview_is_the_soonest_after_today(drill_journal: Journal) -> None:
    assert drill_journal.upcoming_interview(TODAY) is None
    interview(drill_journal, "Past", TODAY - dt.timedelta(days=1))
    interview(drill_journal, "Today", TODAY, time=dt.time(23, 0))
    assert drill_journal.upcoming_interview(TODAY) is None
    interview(drill_journal, "Later", TODAY + dt.timedelta(days=9))
    soon = interview(drill_journal, "Soon", TODAY + dt.timedelta(days=2), time=dt.time(15, 0))
    interview(drill_journal, "Soon, afternoon", TODAY + dt.timedelta(days=2), time=dt.time(16, 0))
    found = drill_journal.upcoming_interview(TODAY)
    assert found is not None
    assert (found.uuid, found.company, found.time) == (soon.uuid, "Soon", dt.time(15, 0))


def test_briefing_sources_take_the_latest_non_empty_solutions(drill_journal: Journal) -> None:
    old = interview(drill_journal, "Old", TODAY - dt.timedelta(days=60))
    mid = interview(drill_journal, "Mid", TODAY - dt.timedelta(days=20))
    new = interview(drill_journal, "New", TODAY - dt.timedelta(days=2))
    future = interview(drill_journal, "Future", TODAY + dt.timedelta(days=2))
    issue(drill_journal, old, "Late", "Leave early", "punctuality", action="Plan the route")
    issue(drill_journal, mid, "Late", "Check the trains", "punctuality")
    issue(drill_journal, new, "Late", "", "punctuality", action="Buy a watch")
    issue(drill_journal, new, "Late", "   ", "punctuality")
    issue(drill_journal, new, "Froze", "Prepare three stories", "blanked")
    issue(drill_journal, new, "Uncategorised", "An answer")
    issue(drill_journal, future, "Might be late", "Leave very early", "punctuality")
    answers, actions = drill_journal.briefing_sources(TODAY)
    assert [(a.company, a.should_have) for a in answers["punctuality"]] == [
        ("Mid", "Check the trains"),
        ("Old", "Leave early"),
    ]
    assert answers["punctuality"][0].date == TODAY - dt.timedelta(days=20)
    assert answers["punctuality"][0].interview_uuid == mid.uuid
    assert [a.should_have for a in answers["blanked"]] == ["Prepare three stories"]
    assert set(answers) == {"punctuality", "blanked"}
    assert actions == {"punctuality": ["Buy a watch", "Plan the route"]}
    # Through the briefing: the latest non-empty answer first.
    from interview_journal.core import trends

    names = {c.slug: c.name for c in drill_journal.categories()}
    sittings = trends.in_period(drill_journal.sittings(until=TODAY), today=TODAY)
    briefing = build_briefing(
        upcoming=drill_journal.upcoming_interview(TODAY),
        today=TODAY,
        overview=trends.overview(sittings, names),
        answers=answers,
        actions=actions,
        categories=drill_journal.categories(),
    )
    assert briefing.upcoming is not None and briefing.upcoming.uuid == future.uuid
    assert briefing.days_until == 2
    assert [item.slug for item in briefing.focus] == ["punctuality", "blanked"]
    assert briefing.focus[0].label == "recurring"
    assert briefing.focus[0].answers[0].should_have == "Check the trains"


def test_drill_cards_are_the_solved_issues(drill_journal: Journal) -> None:
    acme = interview(drill_journal, "Acme", TODAY - dt.timedelta(days=5))
    solved = issue(drill_journal, acme, "Late", "Leave early", "punctuality")
    issue(drill_journal, acme, "Babbled", "  ", "rambling")
    loose = issue(drill_journal, acme, "Odd moment", "Laugh it off")
    cards = drill_journal.drill_cards()
    by_uuid = {card.issue_uuid: card for card in cards}
    assert set(by_uuid) == {solved.uuid, loose.uuid}
    card = by_uuid[solved.uuid]
    assert (card.company, card.date, card.category, card.category_name) == (
        "Acme",
        TODAY - dt.timedelta(days=5),
        "punctuality",
        "Late / timing",
    )
    assert (card.problem, card.should_have, card.card, card.due) == (
        "Late",
        "Leave early",
        None,
        None,
    )
    assert by_uuid[loose.uuid].category is None
    assert by_uuid[loose.uuid].category_name == "Uncategorised"
    # A card whose stored state is unreadable is drilled as new rather than failing.
    drill_journal.conn.execute("UPDATE issues SET card = 'not json' WHERE uuid = ?", [solved.uuid])
    assert {c.issue_uuid: c.card for c in drill_journal.drill_cards()}[solved.uuid] is None
