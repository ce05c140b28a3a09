"""What a decision changes in the follow-ups (issue 13: the outcome drives them).

A rejection calls for a gracious reply and a request for feedback, and ends any hope of a
second conversation; an offer calls for a thank-you. Closing an interview (moving on) is not an
outcome: the store keeps a closed interview's follow-ups from ever being overdue.

Pure functions of their arguments: no I/O, no Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .model import FollowUp, Interview, follow_up_for

CALLS_FOR = {
    "rejected": ("rejection-reply", "feedback-request"),
    "offer": ("acceptance",),
}
"""The follow-ups a decision calls for, in the order they are listed."""

BELONGS = {"rejection-reply": "rejected", "acceptance": "offer"}
"""The letters that answer one outcome: pointless, while unsent, once it is another."""
ENDS = {"rejected": ("second-chance-request",), "offer": ("second-chance-request",)}
"""The follow-ups a decision makes pointless while they are unsent."""


@dataclass(slots=True)
class OutcomeFollowUps:
    """What a new outcome does to an interview's follow-ups: those to add, the unsent ones it
    makes pointless with nothing written (to delete), and those with a letter written, kept
    without a due date (never overdue, the letter not lost)."""

    add: list[FollowUp] = field(default_factory=list)
    delete: list[FollowUp] = field(default_factory=list)
    set_aside: list[FollowUp] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.add or self.delete or self.set_aside)


def follow_ups_for_outcome(
    interview: Interview, before: str, follow_ups: Sequence[FollowUp], today: dt.date
) -> OutcomeFollowUps:
    """The change to `follow_ups` when the interview's outcome moves from `before` to
    `interview.outcome`; nothing when it did not move. A follow-up the outcome calls for is
    added only when no unsent one of its kind is there already."""
    change = OutcomeFollowUps()
    after = interview.outcome
    if after == before:
        return change
    waiting = {f.kind for f in follow_ups if f.done is None}
    change.add = [
        follow_up_for(interview, kind, today)
        for kind in CALLS_FOR.get(after, ())
        if kind not in waiting
    ]
    for follow_up in follow_ups:
        answers = BELONGS.get(follow_up.kind, after)  # a rejection reply answers "rejected"
        if follow_up.done is None and (follow_up.kind in ENDS.get(after, ()) or answers != after):
            if follow_up.text.strip():
                change.set_aside.append(replace(follow_up, due=None))
            else:
                change.delete.append(follow_up)
    return change


def describe(change: OutcomeFollowUps, outcome: str) -> str:
    """One line for the user on what the decision did to the follow-ups, or "" for nothing;
    what to do first, as it may be cut at 80 columns: "Rejected: rejection reply and feedback
    request added to follow-ups (f); second-chance request set aside."."""
    if not change:
        return ""
    from .compose import kind_label

    parts = []
    if change.add:
        names = " and ".join(kind_label(f.kind).lower() for f in change.add)
        parts.append(f"{names} added to follow-ups (f)")
    gone = change.delete + change.set_aside
    if gone:
        parts.append(f"{kind_label(gone[0].kind).lower()} set aside")
    return f"{outcome.capitalize()}: " + "; ".join(parts) + "."
