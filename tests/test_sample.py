"""The generated sample journal: deterministic, valid, and telling the intended trend story."""

from __future__ import annotations

import ast
import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from interview_journal.core import sample as sample_module
from interview_journal.core import sample_texts as sample_texts_module
from interview_journal.core.model import (
    FEELINGS,
    FOLLOW_UP_KINDS,
    NEGATIVE_FEELINGS,
    OUTCOMES,
    POSITIVE_FEELINGS,
    STAGES,
    InterviewRecord,
    Step,
    derive_step,
)
from interview_journal.core.sample import STORY, generate_sample
from interview_journal.core.sample_texts import SAMPLE_TEXTS, sample_texts
from interview_journal.core.taxonomy import BUILTIN_SLUGS

TODAY = dt.date(2026, 5, 1)


@pytest.fixture(scope="module")
def demo() -> list[InterviewRecord]:
    return generate_sample(30, today=TODAY)


@pytest.fixture(scope="module")
def thousand() -> list[InterviewRecord]:
    return generate_sample(1000, today=TODAY)


@pytest.fixture(scope="module")
def bench() -> list[InterviewRecord]:
    return generate_sample(10_000, today=TODAY)


def past_of(records: list[InterviewRecord], today: dt.date = TODAY) -> list[InterviewRecord]:
    return [record for record in records if record.interview.date <= today]


def trend_labels(past: list[InterviewRecord]) -> dict[str, str]:
    """The labels of DESIGN §8, computed independently over past interviews in date order."""
    ordered = sorted(past, key=lambda record: record.interview.date)
    total = len(ordered)
    older = (total + 1) // 2  # the older half takes the middle one
    seen: dict[str, list[int]] = {}
    for index, record in enumerate(ordered):
        for slug in {issue.category for issue in record.issues if issue.category}:
            seen.setdefault(slug, []).append(index)
    labels = {}
    for slug, indices in seen.items():
        if len(indices) == 1:
            labels[slug] = "once"
        elif not any(index >= total - 3 for index in indices):
            labels[slug] = "fixed"
        else:
            old_share = sum(index < older for index in indices) / older
            new_share = sum(index >= older for index in indices) / (total - older)
            labels[slug] = "improving" if new_share < old_share else "recurring"
    return labels


def interviews_with(past: list[InterviewRecord], slug: str) -> list[int]:
    return [
        index
        for index, record in enumerate(past)
        if any(issue.category == slug for issue in record.issues)
    ]


def assert_valid(records: list[InterviewRecord], today: dt.date = TODAY) -> None:
    uuids: list[str] = []
    for record in records:
        interview = record.interview
        assert interview.company and interview.role
        assert interview.stage in STAGES
        assert interview.outcome in OUTCOMES
        assert interview.rating is None or 1 <= interview.rating <= 5
        assert all(feeling in FEELINGS for feeling in interview.feelings)
        assert len(set(interview.feelings)) == len(interview.feelings)
        assert interview.interviewers and all(" " in name for name in interview.interviewers)
        assert interview.notes.strip()
        assert interview.created == interview.updated == ""
        uuids.append(interview.uuid)
        for issue in record.issues:
            assert issue.interview_uuid == interview.uuid
            assert issue.severity in (1, 2, 3)
            assert issue.category is None or issue.category in BUILTIN_SLUGS
            assert issue.problem.strip()
            assert issue.created == issue.updated == ""
            uuids.append(issue.uuid)
        for positive in record.positives:
            assert positive.interview_uuid == interview.uuid
            assert positive.text.strip()
            uuids.append(positive.uuid)
        for follow_up in record.follow_ups:
            assert follow_up.interview_uuid == interview.uuid
            assert follow_up.kind in FOLLOW_UP_KINDS
            assert follow_up.due is not None and follow_up.due > interview.date
            assert follow_up.done is None or interview.date < follow_up.done <= today
            assert follow_up.text.strip()
            uuids.append(follow_up.uuid)
    assert len(uuids) == len(set(uuids))
    assert all(len(value) == 36 and value[14] == "4" for value in uuids)


# -- determinism and shape ---------------------------------------------------------------------


def test_same_seed_and_today_give_identical_journals(demo):
    assert generate_sample(30, today=TODAY) == demo
    assert generate_sample(30, today=TODAY, seed=7) == demo


def test_another_seed_gives_another_journal(demo):
    other = generate_sample(30, today=TODAY, seed=8)
    assert other != demo
    assert {r.interview.uuid for r in other}.isdisjoint(r.interview.uuid for r in demo)


def test_default_today_is_the_real_today():
    records = generate_sample(12)
    assert sum(record.interview.date > dt.date.today() for record in records) == 2


@pytest.mark.parametrize("count", [30, 1000])
def test_count_of_interviews(count, demo, thousand):
    records = demo if count == 30 else thousand
    assert len(records) == count


@pytest.mark.parametrize("count", [0, -3])
def test_no_interviews(count):
    assert generate_sample(count, today=TODAY) == []


@pytest.mark.parametrize("count", [1, 2, 3, 5, 9, 10])
def test_small_journals_are_valid(count):
    records = generate_sample(count, today=TODAY)
    assert len(records) == count
    assert_valid(records)
    dates = [record.interview.date for record in records]
    assert dates == sorted(dates)


def test_dates_ascend_and_span_the_year(demo):
    dates = [record.interview.date for record in demo]
    assert dates == sorted(dates)
    past = [date for date in dates if date <= TODAY]
    assert len(past) == 28
    assert len(set(past)) == len(past)
    assert min(past) >= TODAY - dt.timedelta(days=365)
    assert min(past) <= TODAY - dt.timedelta(days=200)  # spread over the year, not one month
    assert max(past) <= TODAY - dt.timedelta(days=2)


def test_upcoming_interviews(demo):
    upcoming = [record for record in demo if record.interview.date > TODAY]
    assert len(upcoming) == 2
    assert demo[-2:] == upcoming
    for record in upcoming:
        interview = record.interview
        assert TODAY + dt.timedelta(days=2) <= interview.date <= TODAY + dt.timedelta(days=10)
        assert interview.outcome == "pending"
        assert interview.rating is None
        assert not interview.closed
        assert record.issues == [] and record.positives == [] and record.follow_ups == []
        assert "Prep:" in interview.notes


@pytest.mark.parametrize("fixture", ["demo", "thousand"])
def test_all_field_values_valid(fixture, request):
    assert_valid(request.getfixturevalue(fixture))


# -- the demo's content ------------------------------------------------------------------------


def test_demo_issue_and_positive_counts(demo):
    for record in past_of(demo):
        assert 1 <= len(record.issues) <= 4
        assert 1 <= len(record.positives) <= 3
        assert len({p.text for p in record.positives}) == len(record.positives)


def test_some_issues_are_unsolved_and_uncategorized(demo):
    issues = [issue for record in demo for issue in record.issues]
    unsolved = [issue for issue in issues if not issue.solved]
    assert 2 <= len(unsolved) <= 8
    assert any(issue.category is None for issue in unsolved)
    # Only the most recent ones wait for work; everything older is categorised and solved.
    past = past_of(demo)
    for record in past[:-2]:
        assert all(issue.category and issue.solved for issue in record.issues)
    assert all(issue.category is None and not issue.solved for issue in past[-1].issues)
    assert len(past[-1].issues) >= 2


@pytest.mark.parametrize("seed", [7, 1, 2, 3, 42])
def test_interviews_stand_at_different_steps(seed):
    steps = Counter()
    for record in past_of(generate_sample(30, today=TODAY, seed=seed)):
        steps[
            derive_step(
                closed=record.interview.closed,
                issues=len(record.issues),
                uncategorized=sum(issue.category is None for issue in record.issues),
                unsolved=sum(not issue.solved for issue in record.issues),
                thanked=any(f.kind == "thank-you" and f.done for f in record.follow_ups),
            )
        ] += 1
    assert set(steps) == set(Step)
    assert steps[Step.CLOSED] >= 10


def test_outcomes_rating_and_feelings_move_over_time(demo):
    past = past_of(demo)
    outcomes = Counter(record.interview.outcome for record in past)
    assert outcomes["rejected"] + outcomes["no-response"] + outcomes["advanced"] >= 18
    assert outcomes["offer"] >= 1
    offers = [i for i, r in enumerate(past) if r.interview.outcome == "offer"]
    assert min(offers) >= len(past) // 2  # offers come near the end
    assert past[-1].interview.outcome == "pending"
    third = len(past) // 3

    def mean_rating(records):
        ratings = [r.interview.rating for r in records if r.interview.rating is not None]
        return sum(ratings) / len(ratings)

    assert mean_rating(past[-third:]) > mean_rating(past[:third]) + 1

    def positive_share(records):
        feelings = [f for r in records for f in r.interview.feelings]
        return sum(f in POSITIVE_FEELINGS for f in feelings) / len(feelings)

    assert positive_share(past[:third]) < 0.4 < positive_share(past[-third:])
    assert any(f in NEGATIVE_FEELINGS for r in past[:3] for f in r.interview.feelings)


def test_closed_mostly_when_older_than_two_months(demo):
    past = past_of(demo)
    old = [r for r in past if (TODAY - r.interview.date).days > 60]
    recent = [r for r in past if (TODAY - r.interview.date).days <= 60]
    assert sum(r.interview.closed for r in old) >= 0.75 * len(old)
    assert not any(r.interview.closed for r in recent)


def test_follow_ups(demo):
    past = past_of(demo)
    thanked = [r for r in past if any(f.kind == "thank-you" for f in r.follow_ups)]
    assert len(thanked) >= 0.8 * len(past)
    for record in thanked:
        thank_you = next(f for f in record.follow_ups if f.kind == "thank-you")
        assert thank_you.due == record.interview.date + dt.timedelta(days=1)
        assert record.interview.company in thank_you.text
    for follow_up in (f for r in past for f in r.follow_ups):
        assert "sorry" not in follow_up.text.lower() and "apolog" not in follow_up.text.lower()
    overdue = [f for r in past for f in r.follow_ups if f.kind == "thank-you" and f.overdue(TODAY)]
    assert len(overdue) == 2
    assert all(f.interview_uuid in {r.interview.uuid for r in past[-3:]} for f in overdue)
    done = [f for r in past for f in r.follow_ups if f.kind == "thank-you" and f.done]
    assert all(f.done == f.due for f in done)
    kinds = Counter(f.kind for r in past for f in r.follow_ups)
    assert kinds["feedback-request"] >= 1


def test_some_companies_answered_the_feedback_request(demo):
    """The demo shows feedback received (F) where a feedback request was sent, and only there;
    each can be made into issues."""
    from interview_journal.core.feedback import feedback_points

    past = past_of(demo)
    answered = [r for r in past if r.interview.feedback]
    assert len(answered) >= 2
    for record in answered:
        assert any(f.kind == "feedback-request" and f.done for f in record.follow_ups)
        assert "{" not in record.interview.feedback
        assert len(feedback_points(record.interview.feedback)) >= 2
    assert not past[-1].interview.feedback  # the newest, selected first, has had no answer yet


def test_texts_are_varied_and_include_what_users_type(demo):
    issues = [issue for record in demo for issue in record.issues]
    problems = [issue.problem for issue in issues]
    assert any("[bold]" in text for text in problems)
    assert any(any(ord(char) >= 0x1F300 for char in text) for text in problems)
    by_category: dict[str, set[str]] = {}
    for issue in issues:
        by_category.setdefault(issue.category or "", set()).add(issue.problem)
    assert len(by_category["rambling"]) >= 6
    assert len(set(problems)) >= 0.7 * len(problems)
    assert all("{" not in text and "}" not in text for text in problems)
    for slug, texts in sample_texts().issue_texts.items():
        assert slug in BUILTIN_SLUGS
        assert len(texts) >= 4, slug
        assert len({problem for problem, _, _ in texts}) == len(texts)
        assert all(problem and should_have for problem, should_have, _ in texts)
    actions = [issue.action for issue in issues if issue.action]
    assert len(actions) >= len(issues) // 3


# -- the trend story (DESIGN §8) ---------------------------------------------------------------


@pytest.mark.parametrize("seed", [7, 1, 2, 3, 42])
def test_trend_labels_tell_the_story(seed):
    records = generate_sample(30, today=TODAY, seed=seed)
    labels = trend_labels(past_of(records))
    for label, slugs in STORY.items():
        for slug in slugs:
            assert labels[slug] == label, (slug, labels)


def test_story_by_hand(demo):
    past = past_of(demo)
    last_three = set(range(len(past) - 3, len(past)))
    older_half = (len(past) + 1) // 2

    (recurring,) = STORY["recurring"]
    seen = interviews_with(past, recurring)
    assert seen[0] < 3 and last_three & set(seen)
    assert sum(i >= older_half for i in seen) >= sum(i < older_half for i in seen)

    (improving,) = STORY["improving"]
    seen = interviews_with(past, improving)
    early, late = [i for i in seen if i < older_half], [i for i in seen if i >= older_half]
    assert len(early) >= 6 and 1 <= len(late) <= 3
    assert last_three & set(seen)

    for fixed in STORY["fixed"]:
        seen = interviews_with(past, fixed)
        assert len(seen) >= 2
        assert not last_three & set(seen)
        assert max(seen) < older_half

    for once in STORY["once"]:
        assert len(interviews_with(past, once)) == 1


# -- the benchmark journal ---------------------------------------------------------------------


def test_benchmark_journal(bench):
    assert len(bench) == 10_000
    past = past_of(bench)
    issues = sum(len(record.issues) for record in bench)
    assert 4.5 <= issues / len(bench) <= 5.5
    dates = [record.interview.date for record in bench]
    assert dates == sorted(dates)
    assert min(dates) <= TODAY - dt.timedelta(days=3 * 365)
    assert len(past) == 9_998
    first = bench[0]
    assert all(issue.interview_uuid == first.interview.uuid for issue in first.issues)
    assert len({record.interview.uuid for record in bench}) == 10_000


def test_demo_issue_counts_do_not_scale(thousand):
    assert all(1 <= len(record.issues) <= 4 for record in past_of(thousand))


# -- purity ------------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [sample_module, sample_texts_module])
def test_module_uses_only_the_standard_library_and_the_model(module):
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # the bank of questions (the demo's answers are to its questions) imports only
                # the standard library, and rapidfuzz only when it matches
                assert node.module in ("model", "sample_texts", "questions")
                continue
            names = [(node.module or "").split(".")[0]]
        else:
            continue
        assert all(name in sys.stdlib_module_names or name == "__future__" for name in names)


# -- the texts, kept as data -------------------------------------------------------------------


def test_the_texts_load_and_validate():
    texts = sample_texts()
    assert SAMPLE_TEXTS.name == "sample.json"
    assert SAMPLE_TEXTS.parent == Path(sample_module.__file__).parent  # shipped in the package
    assert len(texts.companies) >= 20 and len(texts.roles) >= 5
    assert set(texts.issue_texts) <= set(BUILTIN_SLUGS)
    assert set(texts.hints) <= set(BUILTIN_SLUGS)
    assert set(STORY["once"]) <= set(texts.issue_texts)
    assert set(texts.stage_lines) == set(STAGES)
    assert set(texts.upcoming_lines) <= set(STAGES)
    # every "{...}" names a value the generator fills in
    slots = {"company", "role", "name", "project", "question", "topic", "minutes", "me"}
    every = [
        *texts.positives,
        *texts.stage_lines.values(),
        *texts.upcoming_lines.values(),
        *texts.prep_lines,
        *texts.thank_you,
        *texts.feedback_request,
        texts.second_chance,
        *(text for entries in texts.issue_texts.values() for entry in entries for text in entry),
    ]
    for text in every:
        text.format_map(dict.fromkeys(slots, "x"))  # KeyError on a slot nobody fills


def test_the_texts_are_read_only_when_a_sample_is_made():
    code = (
        "import sys\n"
        "from interview_journal.core import sample, sample_texts\n"
        "assert sample_texts.sample_texts.cache_info().currsize == 0\n"
        "sample.generate_sample(3)\n"
        "assert sample_texts.sample_texts.cache_info().currsize == 1\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data.pop("roles"), "missing ['roles']"),
        (lambda data: data.update(colours=["red"]), "unknown ['colours']"),
        (lambda data: data.update(roles="Data Analyst"), "roles: must be a list of texts"),
        (lambda data: data.update(roles=[]), "roles: must be a list of texts, not empty"),
        (lambda data: data["companies"].insert(1, 7), "companies[1]: must be a text"),
        (lambda data: data.update(second_chance=None), "second_chance: must be a text"),
        (lambda data: data["hints"].update(rambling=1), "hints.rambling: must be a text"),
        (
            lambda data: data["issue_texts"]["rambling"].insert(0, ["Rambled", ""]),
            "issue_texts.rambling[0]: must be [problem, should have, action]",
        ),
    ],
)
def test_a_broken_texts_file_is_refused_with_what_is_wrong(tmp_path, change, message):
    data = json.loads(SAMPLE_TEXTS.read_text(encoding="utf-8"))
    change(data)
    broken = tmp_path / "sample.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        sample_texts(broken)
    assert str(caught.value).startswith(f"sample.json: {message}"), str(caught.value)


def test_the_next_upcoming_interview_is_prepared_and_says_where_it_is(demo):
    """The demo's briefing and worksheet have something to show: the next interview has its
    worksheet filled in and its link (or address); the one after is left for the user."""
    first, second = (record.interview for record in demo[-2:])
    assert first.prep_why and first.prep_questions and first.prep_logistics
    assert first.link.startswith("https://") or first.location
    assert "{" not in first.prep_why + first.prep_people + first.link + first.location
    assert not (second.prep_why or second.prep_questions)
