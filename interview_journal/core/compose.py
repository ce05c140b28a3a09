"""Drafts of the follow-up messages, written from what the journal knows about an interview.

The method behind them (DESIGN §1, "get back in the saddle"): thank the interviewer graciously,
restate qualifications, enthusiasm and fit, explain briefly and never apologise, ask for feedback,
and ask for a second conversation only with something new to bring. Every draft is a starting
point the user edits. No template says sorry; the words the user typed (names, what went well, the
new point) are theirs, so the composer checks the finished text with `apologises` as well.

Pure functions of their arguments: no I/O, no Textual.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from .model import Interview, Issue, Positive, Profile

APOLOGY = re.compile(r"\b(sorry|apolog(y|ies|ise|ize|ised|ized|ising|izing))\b", re.IGNORECASE)

KIND_LABELS = {
    "thank-you": "Thank-you note",
    "feedback-request": "Feedback request",
    "second-chance-request": "Second-chance request",
    "reference": "Reference offer",
    "other": "Follow-up",
}

SECOND_CHANCE_QUESTION = "What new would you bring to a second conversation?"

SECOND_CHANCE_WARNING = (
    "A second conversation is worth asking for only with something new to say: a project, a "
    "fact you have since looked into, a better answer. Without one, think twice before sending."
)


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


# -- the drafts ---------------------------------------------------------------------------------


def draft_thank_you(
    interview: Interview, positives: Sequence[Positive], *, sender: str = ""
) -> str:
    """A short, gracious thank-you: names the interviewer, the role and one thing that went well,
    restates fit and enthusiasm, explains briefly, and never apologises."""
    opening = (
        f"Thank you for taking the time to speak with me on {_day(interview)} "
        f"about {_the_role(interview)}{_at(interview)}."
    )
    highlight = _highlight(positives, interview)
    if highlight:
        opening += " I especially enjoyed our conversation, and one moment stood out for me: "
        opening += highlight
    paragraphs = [
        opening,
        "Speaking with you confirmed how much I would like to contribute"
        f"{_to(interview)}. My experience fits what the team needs, and I would bring real "
        "energy and care to the work.",
        "Looking back, there are a couple of answers I would now give more fully; I would be "
        "glad to follow up on any of them if that would help.",
        _pass_on_thanks(interview) + "Thank you again for your time and consideration.",
    ]
    return _letter(interview, paragraphs, sender)


def draft_feedback_request(interview: Interview, *, sender: str = "") -> str:
    """A request for honest feedback: short, open, and gracious whatever the decision."""
    paragraphs = [
        _thanks_again(interview),
        "I am keen to keep improving, and I would value your view of how I came across. "
        "Whatever the decision, a few lines on what I could do better would help me a great "
        "deal.",
        f"I remain very interested in the role{_at(interview)}, and grateful for your time.",
    ]
    return _letter(interview, paragraphs, sender)


def draft_second_chance(interview: Interview, new_point: str, *, sender: str = "") -> str:
    """A request for a second conversation, built around what new the user would bring.

    With a blank `new_point` it is still a usable draft, but `second_chance_warning` says why
    it is worth finding something new before sending it.
    """
    point = _sentence(new_point)
    if point:
        news = (
            "Since we spoke I have kept thinking about the role, and there is something I did "
            f"not get to show you: {point} I think it speaks directly to what the team needs."
        )
    else:
        news = (
            "Since we spoke I have kept thinking about the role, and there is more I would like "
            "to show you about how I would contribute."
        )
    paragraphs = [
        _thanks_again(interview),
        news,
        "If you are open to it, I would welcome a short second conversation, in person or by "
        "phone. I know your time is limited and the decision is yours; either way, thank you "
        "for considering it.",
    ]
    return _letter(interview, paragraphs, sender)


def draft_reference_offer(interview: Interview, *, sender: str = "") -> str:
    """An offer of references who can vouch for the user's work."""
    paragraphs = [
        _thanks_again(interview),
        "If it would help your decision, I would be glad to put you in touch with people I have "
        "worked with, who can speak to my work first-hand. Just let me know and I will send "
        "their details.",
    ]
    return _letter(interview, paragraphs, sender)


def draft_other(interview: Interview, *, sender: str = "") -> str:
    """A short neutral starter for any other follow-up."""
    paragraphs = [
        _thanks_again(interview),
    ]
    return _letter(interview, paragraphs, sender)


class DraftRefused(ValueError):
    """A draft that cannot be written, with the reason in plain words (a second chance with
    nothing new to add)."""


DRAFT_KINDS = {
    "thank-you": "thank-you",
    "feedback": "feedback-request",
    "reference": "reference",
    "rejection-reply": "rejection-reply",
    "second-chance": "second-chance-request",
    "acceptance": "acceptance",
}
"""The kinds `interview-journal draft` takes, and the follow-up kind each writes."""


def draft(
    kind: str,
    interview: Interview,
    positives: Sequence[Positive],
    *,
    issues: Sequence[Issue] = (),
    profile: Profile | None = None,
    new_point: str = "",
    sender: str = "",
) -> str:
    """The draft for a kind of follow-up (`FOLLOW_UP_KINDS`); `other`, and any kind this module
    does not know, gets a short neutral starter."""
    sender = sender or (profile.name if profile else "")
    if kind == "thank-you":
        return draft_thank_you(interview, positives, sender=sender)
    if kind == "feedback-request":
        return draft_feedback_request(interview, sender=sender)
    if kind == "second-chance-request":
        return draft_second_chance(interview, new_point, sender=sender)
    if kind == "reference":
        return draft_reference_offer(interview, sender=sender)
    return draft_other(interview, sender=sender)


# -- pieces -------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """One line, single spaces: whatever was typed, it reads as part of a sentence."""
    return " ".join(text.split())


def _interviewers(interview: Interview) -> list[str]:
    return [name for name in (_clean(n) for n in interview.interviewers) if name]


def _greeting(interview: Interview) -> str:
    names = _interviewers(interview)
    return f"Dear {names[0]}," if names else "Dear hiring team,"


def _letter(interview: Interview, paragraphs: list[str], sender: str) -> str:
    closing = "Kind regards,"
    if name := _clean(sender):
        closing += "\n" + name
    return "\n\n".join([_greeting(interview), *paragraphs, closing]) + "\n"


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


def _pass_on_thanks(interview: Interview) -> str:
    others = _interviewers(interview)[1:]
    if not others:
        return ""
    names = ", ".join(others[:-1]) + " and " + others[-1] if len(others) > 1 else others[0]
    return f"Please pass my thanks on to {names} as well. "


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
