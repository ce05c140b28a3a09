"""A generated journal: the demo's story and the benchmark's bulk.

`generate_sample()` writes the journal of one job seeker (Sam, a data person looking for an analyst
or engineering role) over the year before `today`, plus one or two interviews still to come. The
story the trends screen tells on it (DESIGN §8):

- rambling is *recurring*: nerves make Sam's answers wander all year long;
- blanking on common questions is *improving*: frequent at first, rare later, yet still there once
  in the last three interviews;
- punctuality and company research are *fixed*: several early interviews, none since;
- attire, a phone distraction, an exaggeration and an "other" mistake each happen *once*;
- the rest (left-out experience, listening, first impression ...) come and go.

The most recent interview was just brain-dumped (its issues are neither categorised nor solved),
the one before is assessed but not yet solved, and both still wait for their thank-you note.

With a large `count` the same function makes the benchmark journal: several years of interviews
with about five issues each. Everything comes from `random.Random(seed)`, uuids included, so the
same seed and `today` always give the same journal. The bulk mode is a few lines (more issues
per interview, fillers drawn freely) and stays here rather than in benchmarks/: the product's own
`interview-journal demo --interviews 10000 --out FILE` makes the benchmark journal
(benchmarks/run.py calls it), so the benchmark measures what a user can make.

The words (companies, mistakes, notes, thank-you notes ...) are data: sample.json, read by
core/sample_texts.py when a sample is first made. Standard library only; no I/O but that file.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid as uuid_module
from pathlib import Path

from .model import (
    NEGATIVE_FEELINGS,
    POSITIVE_FEELINGS,
    FollowUp,
    Interview,
    InterviewRecord,
    Issue,
    Positive,
    Profile,
    Question,
    Story,
)
from .sample_texts import sample_texts

__all__ = ["STORY", "generate_sample", "sample_profile", "sample_questions"]

# The categories the demo's trends are built around, by the label they should get (DESIGN §8).
STORY: dict[str, tuple[str, ...]] = {
    "recurring": ("rambling",),
    "improving": ("blanked",),
    "fixed": ("punctuality", "company-research"),
    "once": ("honesty", "attire", "phone-distraction", "other"),
}

# Categories that come and go at random around the story, with their weights.
_FILLERS: tuple[tuple[str, int], ...] = (
    ("relevant-experience", 4),
    ("listening", 3),
    ("first-impression", 2),
    ("industry-knowledge", 2),
    ("resume-consistency", 1),
)

_INDEFENSIBLE = ("attire", "company-research", "phone-distraction", "honesty")

# Above this many interviews the journal is a benchmark: about five issues per interview.
_BULK = 1000

_PERSON = "Sam"


# Where a stage leads when the candidate advances.
_NEXT_STAGES: dict[str, tuple[str, ...]] = {
    "screen": ("phone", "video", "technical"),
    "phone": ("video", "technical"),
    "video": ("technical", "panel"),
    "technical": ("onsite", "panel"),
    "panel": ("final",),
    "onsite": ("final",),
}
_FIRST_STAGES = ("screen", "phone", "video", "technical", "panel", "onsite", "informational")
_FIRST_STAGE_WEIGHTS = (30, 20, 22, 10, 5, 5, 4)
_LATER_STAGES = ("onsite", "panel", "final")


def _new_uuid(rng: random.Random) -> str:
    return str(uuid_module.UUID(int=rng.getrandbits(128), version=4))


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


class _Sampler:
    """Draws texts of a pool in shuffled rounds, so the journal does not repeat itself early."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self._rng = rng
        self._size = size
        self._deck: list[int] = []

    def draw(self) -> int:
        if not self._deck:
            self._deck = list(range(self._size))
            self._rng.shuffle(self._deck)
        return self._deck.pop()


class _Journal:
    def __init__(self, rng: random.Random, today: dt.date, count: int) -> None:
        self.rng = rng
        self.today = today
        self.count = count
        self.bulk = count > _BULK
        self.texts = sample_texts()
        self.issue_texts = {
            slug: _Sampler(rng, len(texts)) for slug, texts in self.texts.issue_texts.items()
        }
        self.pipeline: list[tuple[str, str, str]] = []
        self.advanced: list[tuple[str, str]] = []  # (company, role) of each interview advanced

    # -- the calendar ----------------------------------------------------------------------

    def past_dates(self, past: int) -> list[dt.date]:
        if past <= 0:
            return []
        rng = self.rng
        span = 365 * min(5, 1 + self.count // 2000)
        last = rng.randint(2, 4)  # the interview that just happened
        pool = range(last + 1, span + 1)
        if past - 1 <= len(pool):
            offsets = rng.sample(pool, past - 1)
        else:
            offsets = rng.choices(pool, k=past - 1)
        offsets.sort(reverse=True)
        offsets.append(last)
        return [self.today - dt.timedelta(days=offset) for offset in offsets]

    def upcoming_dates(self, upcoming: int) -> list[dt.date]:
        offsets = sorted(self.rng.sample(range(2, 11), upcoming))
        return [self.today + dt.timedelta(days=offset) for offset in offsets]

    # -- people and places -------------------------------------------------------------------

    def person(self) -> str:
        return f"{self.rng.choice(self.texts.first_names)} {self.rng.choice(self.texts.last_names)}"

    def interviewers(self, stage: str) -> list[str]:
        size = {"panel": 3, "onsite": 2, "final": 2}.get(stage, 1)
        names: list[str] = []
        while len(names) < size:
            name = self.person()
            if name not in names:
                names.append(name)
        return names

    def company_role_stage(self, forced_stage: str | None = None) -> tuple[str, str, str]:
        rng = self.rng
        if self.pipeline and rng.random() < 0.6:
            company, role, stage = self.pipeline.pop(0)
        else:
            company, role = rng.choice(self.texts.companies), rng.choice(self.texts.roles)
            stage = rng.choices(_FIRST_STAGES, _FIRST_STAGE_WEIGHTS)[0]
        return company, role, forced_stage or stage

    def interview_time(self) -> dt.time | None:
        if self.rng.random() < 0.15:
            return None
        return dt.time(self.rng.randint(9, 16), self.rng.choice((0, 0, 15, 30, 30, 45)))

    def slots(self, company: str, role: str, interviewers: list[str]) -> dict[str, str]:
        rng = self.rng
        return {
            "company": company,
            "role": role,
            "name": interviewers[0].split()[0],
            "project": rng.choice(self.texts.projects),
            "question": rng.choice(self.texts.questions),
            "topic": rng.choice(self.texts.topics),
            "minutes": str(rng.choice((5, 10, 12, 15, 20))),
            "me": _PERSON,
        }

    # -- the story ---------------------------------------------------------------------------

    @staticmethod
    def story_categories(i: int, past: int) -> list[str]:
        """The categories the trend story puts on past interview `i` of `past` (seed-free)."""
        t = i / max(1, past - 1)
        found: list[str] = []
        if i % 3 != 1 or t > 0.85:
            found.append("rambling")
        if (t < 0.4 and i % 4 != 3) or (0.4 <= t < 0.85 and i % 6 == 0) or i == past - 2:
            found.append("blanked")
        if t < 0.35 and i % 2 == 0:
            found.append("punctuality")
        if t < 0.3 and i % 3 == 2:
            found.append("company-research")
        for slug, at in zip(STORY["once"], (0.2, 0.45, 0.6, 0.75), strict=True):
            if past >= 8 and i == round(at * (past - 1)):
                found.append(slug)
        return found

    def issue_total(self, t: float, story: int) -> int:
        rng = self.rng
        if self.bulk:
            target = rng.randint(3, 7)
        elif t < 0.33:
            target = rng.choices((1, 2, 3, 4), (1, 3, 4, 2))[0]
        elif t < 0.66:
            target = rng.choices((1, 2, 3, 4), (2, 4, 3, 1))[0]
        else:
            target = rng.choices((1, 2, 3, 4), (4, 4, 2, 0))[0]
        total = max(target, story, 1)
        return total if self.bulk else min(total, 4)

    def fillers(self, k: int, taken: list[str]) -> list[str]:
        if k <= 0:
            return []
        pool = [(slug, weight) for slug, weight in _FILLERS if slug not in taken]
        if self.bulk or k > len(pool):
            slugs, weights = zip(*_FILLERS, strict=True)
            return self.rng.choices(slugs, weights, k=k)
        chosen: list[str] = []
        for _ in range(k):
            slugs, weights = zip(*pool, strict=True)
            slug = self.rng.choices(slugs, weights)[0]
            chosen.append(slug)
            pool = [(s, w) for s, w in pool if s != slug]
        return chosen

    def issues(self, i: int, past: int, t: float, slots: dict[str, str], owner: str) -> list[Issue]:
        rng = self.rng
        categories = self.story_categories(i, past)
        total = self.issue_total(t, len(categories))
        if i == past - 1:
            total = max(total, 2)  # the fresh brain dump lists a few things
        categories = categories[:total]
        categories += self.fillers(total - len(categories), categories)
        rng.shuffle(categories)
        issues: list[Issue] = []
        for slug in categories:
            texts = self.texts.issue_texts[slug]
            # The once-only mistakes show their most telling text (markup, emoji) in the demo.
            index = 0 if slug in ("phone-distraction", "other") else self.issue_texts[slug].draw()
            problem, should_have, action = texts[index]
            if slug in _INDEFENSIBLE:
                severity = rng.choice((2, 3, 3))
            else:
                severity = rng.choices((1, 2, 3), (3, 5, 2))[0]
            issues.append(
                Issue(
                    problem=problem.format_map(slots),
                    should_have=should_have.format_map(slots),
                    category=slug,
                    severity=severity,
                    action=action.format_map(slots) if action and rng.random() < 0.75 else "",
                    interview_uuid=owner,
                    uuid=_new_uuid(rng),
                )
            )
        if i == past - 1:
            # Just brain-dumped: nothing categorised or solved yet.
            for issue in issues:
                issue.category, issue.should_have, issue.action = None, "", ""
        elif i == past - 2 and issues:
            # Assessed, but the last mistake still waits for its solution.
            issues[-1].should_have, issues[-1].action = "", ""
        return issues

    def outcome(self, stage: str, t: float, days_ago: int) -> str:
        rng = self.rng
        if days_ago < 10 or (days_ago < 25 and rng.random() < 0.5):
            return "pending"
        if stage == "informational":
            return rng.choice(("advanced", "no-response"))
        if t < 0.5:
            weights = (20, 0, 45, 5, 30)
        else:
            offer = 15 if t > 0.75 and stage in _LATER_STAGES else 0
            weights = (35, offer, 30, 5, 20)
        outcome = rng.choices(
            ("advanced", "offer", "rejected", "withdrawn", "no-response"), weights
        )
        if outcome[0] == "advanced" and stage not in _NEXT_STAGES:
            return "offer" if t > 0.75 else "rejected"
        return outcome[0]

    def feelings(self, t: float, outcome: str) -> list[str]:
        rng = self.rng
        # The mood of the day decides the first feeling; the others mostly follow it.
        upbeat = rng.random() < 0.1 + 0.75 * t + (0.3 if outcome == "offer" else 0.0)
        found: list[str] = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            positive = upbeat if not found or rng.random() < 0.8 else not upbeat
            feeling = rng.choice(POSITIVE_FEELINGS if positive else NEGATIVE_FEELINGS)
            if feeling not in found:
                found.append(feeling)
        return found

    def notes(
        self, feelings: list[str], stage: str, issues: list[Issue], slots: dict[str, str]
    ) -> str:
        rng = self.rng
        upbeat = bool(feelings) and feelings[0] in POSITIVE_FEELINGS
        parts = [
            rng.choice(self.texts.openers_high if upbeat else self.texts.openers_low),
            self.texts.stage_lines[stage].format_map(slots),
        ]
        slugs = [issue.category for issue in issues if issue.category]
        if slugs:
            parts.append(self.texts.hints[slugs[0]])
        elif issues:
            parts.append(issues[0].problem)
        parts.append(rng.choice(self.texts.closers_high if upbeat else self.texts.closers_low))
        return " ".join(parts)

    def positives(self, t: float, slots: dict[str, str], owner: str) -> list[Positive]:
        rng = self.rng
        size = rng.choices((1, 2, 3), (5, 3, 1) if t < 0.5 else (1, 3, 3))[0]
        return [
            Positive(
                text=self.texts.positives[index].format_map(slots),
                interview_uuid=owner,
                uuid=_new_uuid(rng),
            )
            for index in rng.sample(range(len(self.texts.positives)), size)
        ]

    def follow_ups(
        self, i: int, past: int, date: dt.date, outcome: str, slots: dict[str, str], owner: str
    ) -> list[FollowUp]:
        rng = self.rng
        found: list[FollowUp] = []
        # Most get a thank-you; the one before the three latest shows a solved, unthanked step.
        if i >= past - 3 or (i != past - 4 and rng.random() < 0.88):
            due = date + dt.timedelta(days=1)
            done = None if i >= past - 2 else min(due, self.today)
            text = rng.choice(self.texts.thank_you).format_map(slots)
            found.append(
                FollowUp("thank-you", due, done, text, interview_uuid=owner, uuid=_new_uuid(rng))
            )
        if outcome == "rejected" and rng.random() < 0.35:
            due = date + dt.timedelta(days=rng.randint(7, 14))
            done = due if due <= self.today - dt.timedelta(days=3) else None
            text = rng.choice(self.texts.feedback_request).format_map(slots)
            found.append(
                FollowUp(
                    "feedback-request", due, done, text, interview_uuid=owner, uuid=_new_uuid(rng)
                )
            )
        elif outcome == "rejected" and rng.random() < 0.06:
            due = date + dt.timedelta(days=3)
            done = due if due <= self.today else None
            found.append(
                FollowUp(
                    "second-chance-request",
                    due,
                    done,
                    self.texts.second_chance.format_map(slots),
                    "Only worth it because I now have a real answer to add.",
                    interview_uuid=owner,
                    uuid=_new_uuid(rng),
                )
            )
        return found

    # -- records ---------------------------------------------------------------------------

    def past_record(
        self, i: int, past: int, date: dt.date, offer_at: int | None
    ) -> InterviewRecord:
        rng = self.rng
        t = i / max(1, past - 1)
        days_ago = (self.today - date).days
        company, role, stage = self.company_role_stage("final" if i == offer_at else None)
        interviewers = self.interviewers(stage)
        owner = _new_uuid(rng)
        slots = self.slots(company, role, interviewers)
        outcome = "offer" if i == offer_at else self.outcome(stage, t, days_ago)
        if outcome == "advanced":
            self.advanced.append((company, role))
        elif outcome != "pending":  # ended there: no next round to brief for
            self.advanced = [(c, r) for c, r in self.advanced if c != company]
        if outcome == "advanced" and stage in _NEXT_STAGES:
            self.pipeline.append((company, role, rng.choice(_NEXT_STAGES[stage])))
            del self.pipeline[:-6]
        issues = self.issues(i, past, t, slots, owner)
        feelings = self.feelings(t, outcome)
        rating = None
        if rng.random() >= 0.08:
            rating = _clamp(1.4 + 3.0 * t + rng.uniform(-1, 1) - 0.25 * (len(issues) - 2), 1, 5)
        interview = Interview(
            company=company,
            role=role,
            date=date,
            time=self.interview_time(),
            stage=stage,
            interviewers=interviewers,
            outcome=outcome,
            rating=rating,
            feelings=feelings,
            notes=self.notes(feelings, stage, issues, slots),
            # Moved on from most that are two months old; the latest few are still being worked.
            closed=i < past - 4 and days_ago > 60 and rng.random() < 0.9,
            uuid=owner,
        )
        positives = self.positives(t, slots, owner)
        follow_ups = self.follow_ups(i, past, date, outcome, slots, owner)
        if any(f.kind == "feedback-request" and f.done for f in follow_ups):
            # They answered. Chosen by position, not drawn: the rest of the sample stays as it was.
            given = self.texts.feedback_given
            interview.feedback = given[i % len(given)].format_map(slots)
        return InterviewRecord(interview, issues, positives, follow_ups)

    def upcoming_record(self, date: dt.date, first: bool) -> InterviewRecord:
        rng = self.rng
        if first and self.pipeline:
            company, role, stage = self.pipeline.pop()
        else:
            company, role = rng.choice(self.texts.companies), rng.choice(self.texts.roles)
            stage = rng.choice(("video", "technical", "onsite") if first else ("screen", "phone"))
            if first and self.advanced:
                # The next round where the user last went through: its briefing has a history
                # to tell. Not drawn, so the rest of the sample is the same as it was.
                company, role = self.advanced[-1]
        interviewers = self.interviewers(stage)
        slots = self.slots(company, role, interviewers)
        prep = [line.format_map(slots) for line in rng.sample(self.texts.prep_lines, 3)]
        line = self.texts.upcoming_lines.get(stage, self.texts.stage_lines[stage]).format_map(slots)
        notes = f"{line} Prep: {' '.join(prep)}"
        interview = Interview(
            company=company,
            role=role,
            date=date,
            time=dt.time(rng.choice((9, 10, 11, 14, 15)), rng.choice((0, 30))),
            stage=stage,
            interviewers=interviewers,
            outcome="pending",
            rating=None,
            feelings=[],
            notes=notes,
            closed=False,
            uuid=_new_uuid(rng),
            **self.texts.preparation(stage, slots, worksheet=first),
        )
        return InterviewRecord(interview)


def generate_sample(
    count: int = 30, *, today: dt.date | None = None, seed: int = 7
) -> list[InterviewRecord]:
    """A deterministic sample journal of `count` interviews, ordered by date.

    All but one or two lie before `today` (the demo spans a year, a large count several years);
    the rest are upcoming, 2 to 10 days ahead. The same `count`, `today` and `seed` always give
    the same records, uuids included. Above 1,000 interviews each carries about five issues (the
    benchmark journal); below, one to four.
    """
    if count <= 0:
        return []
    today = today or dt.date.today()
    journal = _Journal(random.Random(seed), today, count)
    upcoming = 2 if count >= 10 else 1 if count >= 2 else 0
    past = count - upcoming
    dates = journal.past_dates(past)
    # The latest interview decided long enough ago, late in the year, became an offer.
    decided = [i for i, date in enumerate(dates) if (today - date).days >= 14]
    offer_at = decided[-1] if decided and decided[-1] >= 0.6 * past and past >= 8 else None
    records = [journal.past_record(i, past, date, offer_at) for i, date in enumerate(dates)]
    for n, date in enumerate(journal.upcoming_dates(upcoming)):
        records.append(journal.upcoming_record(date, first=n == 0))
    return records


SAMPLE_ANSWERS = Path(__file__).with_name("sample_answers.json")


def sample_profile(path: Path = SAMPLE_ANSWERS) -> Profile:
    """The demo user's profile (sample_answers.json): the letters' drafts are signed with it."""
    data = json.loads(path.read_text(encoding="utf-8"))["profile"]
    return Profile(data["name"], list(data["strengths"]), list(data["achievements"]))


def sample_questions(path: Path = SAMPLE_ANSWERS) -> list[Question]:
    """The bank's questions the demo journal has answers to, each with those answers (kept as
    data in sample_answers.json beside this module): Practice has something to show. Raises
    ValueError naming a key that is not a question of the bank, or an answer not as written."""
    from .questions import BANK

    bank = {question.key: question for question in BANK}
    data = json.loads(path.read_text(encoding="utf-8"))
    questions = []
    for key, answers in data["answers"].items():
        if key not in bank:
            raise ValueError(f"{path.name}: answers.{key}: no such question in the bank")
        stories = []
        for position, answer in enumerate(answers):
            if not isinstance(answer, dict) or not str(answer.get("text", "")).strip():
                raise ValueError(f"{path.name}: answers.{key}[{position}]: needs a text")
            stories.append(Story(**answer, question_uuid=bank[key].uuid, position=position))
        asked = bank[key]
        questions.append(
            Question(text=asked.text, group=asked.group, key=key, uuid=asked.uuid, stories=stories)
        )
    return questions
