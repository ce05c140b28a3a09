"""Drafts of the follow-up messages, written from what the journal knows about an interview.

The method behind them (DESIGN §1, "get back in the saddle"): thank the interviewer graciously,
restate qualifications, enthusiasm and fit, explain briefly and never apologise, ask for feedback,
let references vouch, ask for a second conversation only with something new to bring, and be
gracious about a rejection. Every draft is a short starting point (under 200 words) in the user's
own voice, which the user edits.

What a draft never holds: an apology (no template says sorry; words the user typed that say sorry
are passed over, and the composer checks the finished text with `apologises` too), the brain dump
(`interview.notes`), the private wording of an issue (what went wrong, what should have been done,
the action) or the company's feedback. A thank-you's brief clarification comes instead from the
issue's category: the "since" sentence of taxonomy.json (data), or a sentence about the question
the issue is linked to.

Pure functions of their arguments: no I/O, no Textual.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .model import Interview, Issue, Positive, Profile
from .taxonomy import SINCE, suggest_category

APOLOGY = re.compile(r"\b(sorry|apolog(y|ies|ise|ize|ised|ized|ising|izing))\b", re.IGNORECASE)

KIND_LABELS = {
    "thank-you": "Thank-you note",
    "feedback-request": "Feedback request",
    "second-chance-request": "Second-chance request",
    "reference": "Reference heads-up",
    "rejection-reply": "Rejection reply",
    "acceptance": "Thanks for the offer",
    "other": "Follow-up",
}

SECOND_CHANCE_QUESTION = "What new would you bring to a second conversation?"

SECOND_CHANCE_WARNING = (
    "A second conversation is worth asking for only with something new to say: a project, a "
    "fact you have since looked into, a better answer. Without one, think twice before sending."
)

NOTHING_NEW = (
    "No draft yet: a second conversation is worth asking for only with something new to bring "
    "(a project, something you have since looked into, a better answer). Say what it is first."
)
"""Why a second-chance request with nothing new is not drafted (`DraftRefused`)."""

GENERIC_SINCE = SINCE.get("other")
"""The clarification for an issue of the user's own category, or of none: the "other" one."""


def apologises(text: str) -> bool:
    """True when the text says sorry or apologises in any form the method rules out."""
    return APOLOGY.search(text) is not None


def kind_label(kind: str) -> str:
    """How a kind of follow-up is named on screen: "thank-you" → "Thank-you note"."""
    return KIND_LABELS.get(kind, kind.replace("-", " ").capitalize() or "Follow-up")


def too_early_warning(interview: Interview, today: dt.date) -> str | None:
    """Said when a follow-up is drafted for an interview that has not happened yet."""
    if not interview.upcoming(today):
        return None
    return (
        f"This interview is on {interview.date:%a %d %b}: the draft speaks of it as past, "
        "so keep it for after."
    )


def second_chance_warning(new_point: str) -> str | None:
    """The warning shown when a second-chance request has nothing new in it, else None."""
    return SECOND_CHANCE_WARNING if not new_point.strip() else None


class DraftRefused(ValueError):
    """A draft that cannot be written, with the reason in plain words (a second chance with
    nothing new to add)."""


# -- the drafts ---------------------------------------------------------------------------------


def draft_thank_you(
    interview: Interview,
    positives: Sequence[Positive],
    *,
    issues: Sequence[Issue] = (),
    profile: Profile | None = None,
    questions: Mapping[str, str] | None = None,
    sender: str = "",
) -> str:
    """A short, gracious thank-you: thanks every interviewer by name for the day and the role,
    recalls one thing that went well, says why the user fits (from the profile when there is
    one), and adds at most one brief "since then I have ..." about the top solved issue
    (`clarification`). Never an apology."""
    opening = (
        f"Thank you for taking the time to speak with me on {_day(interview)} "
        f"about {_the_role(interview)}{_at(interview)}."
    )
    if highlight := _highlight(positives, interview):
        opening += " I especially enjoyed our conversation, and one moment stood out for me: "
        opening += highlight
    paragraphs = [opening]
    if others := _interviewers(interview)[1:]:
        paragraphs.append(f"Thank you too, {_joined(others)}, for your time and your questions.")
    paragraphs.append(_fit(interview, profile))
    if sentence := clarification(issues, questions):
        paragraphs.append(sentence)
    paragraphs.append(
        "Thank you again for your time and consideration. I look forward to hearing from you."
    )
    return _letter(interview, paragraphs, sender)


def draft_feedback_request(interview: Interview, *, sender: str = "") -> str:
    """A request for feedback: what would have made the answers stronger. After a rejection it
    also thanks them for letting the user know and asks to be kept in mind for future roles."""
    rejected = interview.outcome == "rejected"
    ask = (
        "I am keen to keep improving, and I would value your honest view: what would have made "
        "my answers stronger? Even a few lines would help me a great deal."
    )
    if rejected:
        paragraphs = [
            _thanks_for_the_decision(interview),
            ask,
            f"I enjoyed learning about the work{_of(interview)}, and I would be glad to be "
            "considered for future roles.",
        ]
    else:
        paragraphs = [
            _thanks_again(interview),
            ask,
            f"I remain very interested in the role{_at(interview)}, and grateful for your time.",
        ]
    return _letter(interview, paragraphs, sender)


def draft_second_chance(interview: Interview, new_point: str, *, sender: str = "") -> str:
    """A request for a second conversation, built around what new the user would bring.

    Raises DraftRefused with `NOTHING_NEW` when `new_point` says nothing (blank, or no letter or
    digit): without something new, a second conversation is not worth asking for.
    """
    point = _sentence(new_point)
    if not any(character.isalnum() for character in point):  # blank, or only punctuation
        raise DraftRefused(NOTHING_NEW)
    paragraphs = [
        _thanks_again(interview),
        "Since we spoke I have kept thinking about the role, and there is something new I would "
        f"like to show you: {point} I think it speaks directly to what the team needs.",
        "If you are open to it, I would welcome a short second conversation, in person or by "
        "phone. I know your time is precious and the decision is yours; either way, thank you "
        "for considering it.",
    ]
    return _letter(interview, paragraphs, sender)


def draft_reference(
    interview: Interview,
    positives: Sequence[Positive] = (),
    *,
    profile: Profile | None = None,
    sender: str = "",
) -> str:
    """A heads-up to one of the user's references (not to the interviewer): which company and
    role, when, what would help most to stress, and thanks for vouching."""
    company = _clean(interview.company)
    where = f"with {company} " if company else ""
    points = _strengths(profile)[:2] + [a.rstrip(".") for a in _achievements(profile)[:1]]
    if points:
        stress = "If they do, it would help most if you could speak to:\n" + "\n".join(
            f"- {point}" for point in points
        )
    elif highlight := _highlight(positives, interview):
        stress = (
            f"What came across best in the interview: {highlight} If they do call, anything "
            "that backs that up would help most."
        )
    else:
        stress = (
            "If they do, it would help most to hear about the work we did together and how I "
            "go about it."
        )
    paragraphs = [
        f"A quick heads-up: on {_day(interview)} I interviewed {where}for "
        f"{_the_role(interview)}, and they may be in touch with you for a reference.",
        stress,
        "Thank you for vouching for me; it means a lot. I will let you know how it goes.",
    ]
    return _letter(interview, paragraphs, sender, greeting="Hi,", closing="Best wishes,")


def draft_rejection_reply(interview: Interview, *, sender: str = "") -> str:
    """A gracious reply to a rejection: thanks for the decision and the time, no argument, and
    the door kept open."""
    paragraphs = [
        _thanks_for_the_decision(interview),
        f"I enjoyed our conversations and learning about the work{_of(interview)}. I would be "
        "glad to be considered for future roles, and I hope our paths cross again.",
        "I wish you and the team all the best.",
    ]
    return _letter(interview, paragraphs, sender)


def draft_acceptance(interview: Interview, *, sender: str = "") -> str:
    """A warm thank-you for an offer: glad to receive it, and the details to follow. It commits
    the user to nothing they have not decided."""
    paragraphs = [
        f"Thank you very much for the offer for {_the_role(interview)}{_at(interview)}. I am "
        "delighted to receive it, and excited at the thought of working with you and the team.",
        "I will go through the details and come back to you shortly to confirm the next steps. "
        "In the meantime, please let me know if you need anything from me.",
        "Thank you again for your time throughout the process.",
    ]
    return _letter(interview, paragraphs, sender)


def draft_other(interview: Interview, *, sender: str = "") -> str:
    """A short neutral starter for any other follow-up."""
    paragraphs = [
        _thanks_again(interview),
    ]
    return _letter(interview, paragraphs, sender)


DRAFT_KINDS = {
    "thank-you": "thank-you",
    "feedback": "feedback-request",
    "reference": "reference",
    "rejection-reply": "rejection-reply",
    "second-chance": "second-chance-request",
    "acceptance": "acceptance",
}
"""The kinds `interview-journal draft` takes, and the follow-up kind each writes."""


@dataclass(frozen=True, slots=True)
class Material:
    """What a letter's draft draws on besides the interview: what went well, the issues (for a
    thank-you's one "since then"), the profile, and the wording of the questions the issues
    were asked (by the question's uuid)."""

    positives: Sequence[Positive] = ()
    issues: Sequence[Issue] = ()
    profile: Profile | None = None
    questions: Mapping[str, str] = field(default_factory=dict)


def draft_from(kind: str, interview: Interview, material: Material, new_point: str = "") -> str:
    """`draft` with what `material` holds."""
    return draft(
        kind,
        interview,
        material.positives,
        issues=material.issues,
        profile=material.profile,
        questions=material.questions,
        new_point=new_point,
    )


def draft(
    kind: str,
    interview: Interview,
    positives: Sequence[Positive],
    *,
    issues: Sequence[Issue] = (),
    profile: Profile | None = None,
    new_point: str = "",
    sender: str = "",
    questions: Mapping[str, str] | None = None,
) -> str:
    """The draft for a kind of follow-up (`FOLLOW_UP_KINDS`); `other`, and any kind this module
    does not know, gets a short neutral starter. Signed with `sender`, else the profile's name.

    `questions` (optional) maps a question's uuid to its wording, for a thank-you whose top
    solved issue is linked to a question. Raises DraftRefused for a second-chance request with
    a blank `new_point`.
    """
    sender = sender or (profile.name if profile else "")
    if kind == "thank-you":
        return draft_thank_you(
            interview, positives, issues=issues, profile=profile, questions=questions, sender=sender
        )
    if kind == "feedback-request":
        return draft_feedback_request(interview, sender=sender)
    if kind == "second-chance-request":
        return draft_second_chance(interview, new_point, sender=sender)
    if kind == "reference":
        return draft_reference(interview, positives, profile=profile, sender=sender)
    if kind == "rejection-reply":
        return draft_rejection_reply(interview, sender=sender)
    if kind == "acceptance":
        return draft_acceptance(interview, sender=sender)
    return draft_other(interview, sender=sender)


def top_solved_issue(issues: Sequence[Issue]) -> Issue | None:
    """The solved issue (its "should have done" written) of highest severity, the first listed
    on a tie; None when none is solved."""
    solved = [issue for issue in issues if issue.solved]
    return max(solved, key=lambda issue: issue.severity) if solved else None


def clarification(
    issues: Sequence[Issue], questions: Mapping[str, str] | None = None
) -> str | None:
    """The one brief "since then I have ..." a thank-you may add, from the top solved issue: about
    the question it is linked to when its wording is known, else its category's sentence
    (taxonomy.json); a category of the user's own, or none, gets a general one. None when no
    issue is solved, or when the top one is of a category a letter had better leave alone (the
    indefensible ones). Never the words the user wrote about the issue."""
    issue = top_solved_issue(issues)
    if issue is None:
        return None
    # Not sorted yet: the category its words suggest (the words pick a sentence, never
    # appear in it), as the editor suggests it.
    slug = issue.category or suggest_category(issue.problem)
    if slug in SINCE and SINCE[slug] is None:
        return None
    question = _clean((questions or {}).get(issue.question_uuid or "", ""))
    if question and not apologises(question):
        return (
            f'Since we spoke I have thought more about your question "{question}", and I would '
            "welcome the chance to give you a fuller answer."
        )
    return SINCE.get(slug or "") or GENERIC_SINCE


# -- pieces -------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """One line, single spaces: whatever was typed, it reads as part of a sentence."""
    return " ".join(text.split())


def _interviewers(interview: Interview) -> list[str]:
    return [name for name in (_clean(n) for n in interview.interviewers) if name]


def _greeting(interview: Interview) -> str:
    names = _interviewers(interview)
    return f"Dear {names[0]}," if names else "Dear hiring team,"


def _letter(
    interview: Interview,
    paragraphs: list[str],
    sender: str,
    *,
    greeting: str = "",
    closing: str = "Kind regards,",
) -> str:
    if name := _clean(sender):
        closing += "\n" + name
    return "\n\n".join([greeting or _greeting(interview), *paragraphs, closing]) + "\n"


def _joined(names: Sequence[str]) -> str:
    """ "Sam", "Sam and Kim", "Sam, Kim and Lee"."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _day(interview: Interview) -> str:
    date = interview.date
    return f"{date:%A} {date.day} {date:%B}"


def _the_role(interview: Interview) -> str:
    role = _clean(interview.role)
    if not role:
        return "the role"
    if role.lower().endswith((" role", " position", " job")):
        return f"the {role}"
    return f"the {role} role"


def _at(interview: Interview) -> str:
    company = _clean(interview.company)
    return f" at {company}" if company else ""


def _thanks_again(interview: Interview) -> str:
    """How every follow-up after the thank-you opens."""
    return f"Thank you again for speaking with me about {_the_role(interview)}{_at(interview)}."


def _to(interview: Interview) -> str:
    company = _clean(interview.company)
    return f" to {company}" if company else " to the team"


def _of(interview: Interview) -> str:
    company = _clean(interview.company)
    return f" at {company}" if company else " of the team"


def _thanks_for_the_decision(interview: Interview) -> str:
    return (
        f"Thank you for letting me know your decision about {_the_role(interview)}"
        f"{_at(interview)}, and for the time you gave me."
    )


def _typed(texts: Sequence[str]) -> list[str]:
    """What the user typed in a list, cleaned, the blank and the apologetic left out."""
    return [
        text for text in (_clean(t).rstrip(",;:") for t in texts) if text and not apologises(text)
    ]


def _strengths(profile: Profile | None) -> list[str]:
    return [s.rstrip(".!?;,: ") for s in _typed(profile.strengths)] if profile else []


def _achievements(profile: Profile | None) -> list[str]:
    return _typed(profile.achievements) if profile else []


def _fit(interview: Interview, profile: Profile | None) -> str:
    """Why the user fits, in their own voice: one or two strengths and an achievement from the
    profile, or a general sentence without one."""
    fit = f"Our conversation confirmed how much I would like to contribute{_to(interview)}."
    # As typed after a colon: a strength may start with a name ("Python"), kept capitalised.
    strengths = _strengths(profile)[:2]
    achievements = _achievements(profile)[:1]
    if strengths:
        fit += f" What I would bring to the work: {_joined(strengths)}."
    if achievements:
        fit += (
            f" Something I am particularly proud of that speaks to it: {_sentence(achievements[0])}"
        )
    if not (strengths or achievements):
        fit += (
            " My experience fits what the team needs, and I would bring real energy and care "
            "to the work."
        )
    return fit


def _sentence(text: str) -> str:
    """The text as the end of a sentence: cleaned, and ending in a full stop unless it has one."""
    text = _clean(text).rstrip(",;:")
    if not text:
        return ""
    return text if text.endswith((".", "!", "?")) else text + "."


def _highlight(positives: Sequence[Positive], interview: Interview) -> str:
    """The first thing that went well, as the end of a sentence: "good rapport with Dana."

    One that says sorry is passed over: a thank-you never apologises.
    """
    for positive in positives:
        phrase = _sentence(positive.text)
        if phrase.rstrip(".!?").strip() and not apologises(phrase):
            return _lower_first_word(phrase, interview)
    return ""


def _lower_first_word(phrase: str, interview: Interview) -> str:
    """Lower-case a capitalised first word ("Good rapport" → "good rapport"), but keep names,
    acronyms and "I" as written ("Dana was kind", "API design", "I stayed calm")."""
    first = phrase.split(" ", 1)[0].rstrip(".!?,;:")
    keep = {
        word.lower()
        for text in [interview.company, interview.role, *interview.interviewers]
        for word in re.findall(r"\w+", text)
    }
    if (
        len(first) > 1
        and "A" <= first[0] <= "Z"
        and first[1:].isalpha()
        and first[1:].islower()
        and first.lower() not in keep
    ):
        return first[0].lower() + phrase[1:]
    return phrase
