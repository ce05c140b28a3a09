"""The question bank (data) and telling which question an issue quotes (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_journal.core.questions import (
    BANK,
    DATA,
    GROUPS,
    BankError,
    Matcher,
    builtin_uuid,
    load_bank,
    quoted,
)

REQUIRED_GROUPS = {
    "about-you",
    "motivation",
    "behavioural",
    "strengths",
    "role",
    "awkward",
    "to-ask",
}


def bank_matcher() -> Matcher[str]:
    return Matcher((question.key, (question.text, *question.also)) for question in BANK)


def test_the_bank_holds_forty_questions_in_the_groups_the_method_needs() -> None:
    assert {group.key for group in GROUPS} >= REQUIRED_GROUPS
    asked = [question for question in BANK if question.group != "to-ask"]
    assert len(asked) >= 40
    assert len([question for question in BANK if question.group == "to-ask"]) >= 5
    assert all(question.text.endswith(("?", ".")) for question in BANK)
    assert len({question.text.lower() for question in BANK}) == len(BANK)


def test_a_builtin_question_has_the_same_uuid_in_every_journal() -> None:
    first = BANK[0]
    assert first.uuid == builtin_uuid(first.key) == builtin_uuid(str(first.key))
    assert len({question.uuid for question in BANK}) == len(BANK)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d["questions"][0].update(group="nowhere"), "questions[0].group"),
        (lambda d: d["questions"][1].update(key=d["questions"][0]["key"]), "given twice"),
        (lambda d: d["questions"][2].update(text="  "), "questions[2].text"),
        (lambda d: d["questions"][3].update(key="Not A Key"), "questions[3]"),
        (lambda d: d["questions"][4].update(also="one string"), "questions[4].also"),
    ],
)
def test_a_broken_bank_file_is_refused_with_where(tmp_path: Path, change, said: str) -> None:  # noqa: ANN001
    data = json.loads(DATA.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "questions.json"
    path.write_text(json.dumps(data))
    with pytest.raises(BankError, match=said.replace("[", r"\[").replace("]", r"\]")):
        load_bank(path)


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("Blanked on 'tell me about a time you failed'.", ["tell me about a time you failed"]),
        (
            'Rambled on "Why do you want to work here?" for five minutes',
            ["Why do you want to work here?"],
        ),
        ("Froze at “what’s your biggest weakness”", ["what’s your biggest weakness"]),
        ("They asked why I'm leaving and I badmouthed my boss.", ["why I'm leaving"]),
        (
            "When asked about my salary expectations, I named a number far too low",
            ["about my salary expectations"],
        ),
        ("Couldn't answer 'why I'd leave' well", ["why I'd leave"]),
        ("I don't know why I didn't prepare; it's the second time", []),
        ("Got to Acme 20 minutes late: the train stopped.", []),
    ],
)
def test_quoted_finds_what_the_interviewer_asked(text: str, quotes: list[str]) -> None:
    assert quoted(text) == quotes


@pytest.mark.parametrize(
    ("quote", "key"),
    [
        ("Tell me about yourself", "tell-me-about-yourself"),
        ("tell me about a time you failed", "time-you-failed"),
        ("why I'm leaving", "why-leaving"),
        ("why I left my last job", "why-leaving"),
        ("what I knew about them", "what-do-you-know-about-us"),
        ("what's your biggest weakness", "biggest-weakness"),
        ("what my weaknesses are", "biggest-weakness"),
        ("Why this company?", "why-this-company"),
        ("How do you prioritise competing requests?", "how-do-you-prioritise"),
        ("Describe a project you're proud of", "project-walkthrough"),
        ("where I see myself in five years", "five-years"),
        ("what my salary expectations were", "salary-expectations"),
        ("about the gap in my CV", "gap-in-cv"),
        ("Walk me through a difficult bug you fixed", "difficult-problem"),
        ("why they should hire me", "why-should-we-hire-you"),
        ("about a conflict with my manager", "disagreed-with-colleague"),
    ],
)
def test_a_quote_in_other_words_finds_its_question(quote: str, key: str) -> None:
    found = bank_matcher().best(quote)
    assert found is not None and found[0] == key, found


@pytest.mark.parametrize(
    "quote",
    [
        "about supply-chain data",
        "to repeat myself twice",
        "how AI tools are changing analytics work",
        "for one example",
        "about the new data-privacy rules",
        "how I would test the pipeline",
        "about similar work",
        "what time is it",
    ],
)
def test_a_quote_of_no_question_of_the_bank_matches_none(quote: str) -> None:
    """Offered to the user as a new question instead."""
    assert bank_matcher().best(quote) is None


def test_a_user_question_is_matched_by_its_own_words() -> None:
    matcher = Matcher([("mine", ["How would you design a parcel-tracking system?"])])
    assert matcher.best("how I would design a parcel tracking system") is not None
    assert Matcher([]).best("anything at all") is None
