"""The review's reads cut in SQL give what reading everything and choosing in Python gave."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_journal.core import review
from interview_journal.core.clock import FixedClock
from interview_journal.core.model import Interview, Issue
from interview_journal.core.sample import generate_sample
from interview_journal.store import Journal, open_journal
from interview_journal.store import review_state as review_state_module
from interview_journal.store.briefing import load_briefing
from interview_journal.store.reads import drill_page, load_review

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


@contextmanager
def new_journal() -> Iterator[Journal]:
    with tempfile.TemporaryDirectory() as folder:
        journal = open_journal(Path(folder) / "j.db")
        journal.clock = FixedClock(NOW)
        try:
            yield journal
        finally:
            journal.close()


# -- the drill ------------------------------------------------------------------------------------


def _due(minutes: float, spelling: str) -> str:
    moment = NOW + dt.timedelta(minutes=minutes)
    if spelling == "utc":
        return moment.isoformat()
    if spelling == "micro":
        return (moment + dt.timedelta(microseconds=7)).isoformat()
    if spelling == "zeros":
        return moment.strftime("%Y-%m-%dT%H:%M:%S.000000+00:00")
    if spelling == "paris":
        return moment.astimezone(dt.timezone(dt.timedelta(hours=1))).isoformat()
    if spelling == "z":
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.replace(tzinfo=None).isoformat()  # naive: read as UTC


CARDS = st.one_of(
    st.none(),
    st.builds(
        lambda minutes, spelling: json.dumps({"state": 2, "due": _due(minutes, spelling)}),
        st.sampled_from([-600, -1, 0, 1, 600, 60 * 24 * 40]),
        st.sampled_from(["utc", "micro", "zeros", "paris", "z", "naive"]),
    ),
    st.sampled_from(
        [
            "not json",
            '{"due": 5}',
            '{"state": 1}',
            "[]",
            '{"due": "2026-02-30T00:00:00+00:00"}',  # no such day
            '{"due": "2026-11-27T24:00:00+00:00"}',
            '{"due": "2024-02-29T11:00:00+00:00"}',  # a leap day: due
            '{"due": "2026-11-27T11:00:00+00:00", "stability": NaN}',  # Python reads it
        ]
    ),
)
ISSUES = st.lists(
    st.tuples(st.sampled_from(["answer", "", "   ", "\n"]), CARDS), min_size=0, max_size=4
)
INTERVIEWS = st.lists(
    st.tuples(
        st.sampled_from([-30, -2, 0, 3]),  # days from today: several on one day
        st.sampled_from([None, dt.time(9, 0), dt.time(14, 30)]),
        ISSUES,
    ),
    min_size=1,
    max_size=6,
)


def fill(journal: Journal, interviews: list) -> None:
    for days, time, issues in interviews:
        interview = journal.add_interview(
            Interview(company="Acme", date=TODAY + dt.timedelta(days=days), time=time)
        )
        for answer, card in issues:
            issue = journal.add_issue(
                Issue(problem="p", should_have=answer, interview_uuid=interview.uuid)
            )
            journal.conn.execute("UPDATE issues SET card = ? WHERE uuid = ?", [card, issue.uuid])


def expected_drill(journal: Journal) -> tuple[list[review.DrillCard], dt.datetime | None]:
    """The drill as it was read before: every card, ordered and filtered in Python."""
    cards = journal.drill_cards()
    due = [c for c in review.order_for_drill(cards, NOW) if review.is_due(c.card, NOW)]
    due_ids = {c.issue_uuid for c in due}
    later = (c.due for c in cards if c.due is not None and c.issue_uuid not in due_ids)
    return due, min(later, default=None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interviews=INTERVIEWS, page=st.integers(1, 4))
def test_the_drill_read_a_page_at_a_time_is_the_drill_ordered_in_python(
    interviews: list, page: int
) -> None:
    with new_journal() as journal:
        fill(journal, interviews)
        expected, next_due = expected_drill(journal)
        data = load_review(journal, page=page)
        assert (data.due_count, data.next_due, data.now) == (len(expected), next_due, NOW)
        read = list(data.due)
        assert read == expected[:page]
        while True:
            more = drill_page(journal, data.now, [c.issue_uuid for c in read], page=page)
            if not more:
                break
            assert len(more) <= page
            read += more
        assert read == expected


def test_the_next_page_follows_the_cards_graded_meanwhile() -> None:
    """The screen grades a page, then reads the next as of the moment the drill was read:
    the graded cards are no longer due then, and the next page starts where it stopped."""
    with new_journal() as journal:
        fill(journal, [(-days, None, [("answer", None)] * 3) for days in range(1, 5)])
        expected, _ = expected_drill(journal)
        data = load_review(journal, page=5)
        assert data.due_count == 12
        clock = journal.clock
        assert isinstance(clock, FixedClock)
        for card in data.due:
            clock.advance(minutes=1)
            state, due = review.grade(card.card, review.GOOD, clock.now())
            journal.record_review(card.issue_uuid, state, review.GOOD, clock.now(), due)
        shown = [c.issue_uuid for c in data.due]
        assert drill_page(journal, data.now, shown, page=5) == expected[5:10]
        assert drill_page(journal, data.now, [], page=5) == expected[5:10]  # graded: not due


# -- the briefing ---------------------------------------------------------------------------------


def every_source(
    journal: Journal, today: dt.date
) -> tuple[dict[str, list[review.Answer]], dict[str, list[str]]]:
    """What the briefing drew on before: every answer and action, the latest first."""
    rows = journal.conn.execute(
        """
        SELECT c.uuid, i.uuid, i.date, i.company, c.problem, c.should_have, c.category, c.action
        FROM issues c JOIN interviews i ON i.id = c.interview_id
        WHERE i.date <= ? AND c.category IS NOT NULL
            AND (trim(c.should_have) != '' OR trim(c.action) != '')
        ORDER BY i.date DESC, coalesce(i.time, '') DESC, i.id DESC, c.id DESC
        """,
        [today.isoformat()],
    ).fetchall()
    answers: dict[str, list[review.Answer]] = defaultdict(list)
    actions: dict[str, list[str]] = defaultdict(list)
    for issue_uuid, interview_uuid, date, company, problem, should_have, slug, action in rows:
        if should_have.strip():
            day = dt.date.fromisoformat(date)
            answer = review.Answer(issue_uuid, interview_uuid, day, company, problem, should_have)
            answers[slug].append(answer)
        if action.strip():
            actions[slug].append(action)
    return dict(answers), dict(actions)


def assert_same_briefing(journal: Journal, today: dt.date) -> None:
    answers, actions = journal.briefing_sources(today)
    all_answers, all_actions = every_source(journal, today)
    assert set(answers) == set(all_answers)
    assert set(actions) == set(all_actions)
    for slug, every in all_answers.items():
        assert review.best_answers(answers[slug]) == review.best_answers(every)
    for slug, every in all_actions.items():
        assert review.open_actions(actions[slug]) == review.open_actions(every)
    briefing = load_briefing(journal, today)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Journal, "briefing_sources", every_source)
        assert briefing == load_briefing(journal, today)


@pytest.mark.parametrize("count", [30, 1500])
def test_the_briefing_is_the_one_every_source_gives_on_the_sample_journal(count: int) -> None:
    """30: the sample `interview-journal demo` opens; 1,500: one the size of the benchmark's,
    whose answers and actions repeat (the briefing then reads one issue per text)."""
    with new_journal() as journal:
        journal.import_records([], generate_sample(count, today=TODAY, seed=7))
        for today in (TODAY, TODAY - dt.timedelta(days=90)):
            assert_same_briefing(journal, today)


TEXTS = st.sampled_from(
    ["Leave early", "leave early", "  Leave early ", "Leave\nearly", "LEAVE  EARLY", "Straße",
     "STRASSE", "strasse", "Check trains", "", "  ", "\t", "Plan", "plan", "Breathe"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    issues=st.lists(
        st.tuples(
            st.sampled_from([-40, -10, -1, 0, 5]),  # days from today: 5 has not happened
            st.sampled_from(["punctuality", "rambling", None]),
            TEXTS,
            TEXTS,
        ),
        max_size=25,
    ),
    reads=st.sampled_from([1, 2, 12]),
)
def test_the_briefing_sources_choose_as_every_source_does(issues: list, reads: int) -> None:
    """Repeats that differ in case (ASCII or not) and in spaces: told apart exactly, whether
    the first issues read are enough or not."""
    with new_journal() as journal, pytest.MonkeyPatch.context() as patch:
        patch.setattr(review_state_module, "SOURCES_READ", reads)
        interviews = {
            days: journal.add_interview(
                Interview(company=f"Co{days}", date=TODAY + dt.timedelta(days=days))
            )
            for days in {days for days, *_ in issues}
        }
        for days, slug, answer, action in issues:
            journal.add_issue(
                Issue(
                    problem="p",
                    should_have=answer,
                    action=action,
                    category=slug,
                    interview_uuid=interviews[days].uuid,
                )
            )
        assert_same_briefing(journal, TODAY)


def test_the_reviews_walks_newest_first_follow_the_index_on_dates() -> None:
    """The briefing's and the drill's walks over the latest interviews stop after a page by
    following the index on the interviews' dates: a plan that scans every interview instead
    (SQLite 3.53 chose one for these joins) reads the whole journal on every visit."""
    with new_journal() as journal:
        journal.import_records([], generate_sample(40, today=TODAY))
        statements: list[str] = []
        journal.conn.set_trace_callback(statements.append)
        load_review(journal)
        journal.conn.set_trace_callback(None)
        walks = [sql for sql in statements if "CROSS JOIN issues c ON c.interview_id" in sql]
        assert len(walks) >= 2  # the briefing's sources, and the drill's new cards
        for sql in walks:
            plan = " | ".join(row[3] for row in journal.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "INDEX interviews_by_date" in plan, plan
            assert "SCAN i" not in plan.split(" | "), plan  # every interview, in no order
