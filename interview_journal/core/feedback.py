"""The feedback a company gave, turned into issues to work on (issue 13).

What they said is kept on the interview as they said it (`Interview.feedback`); each point of
it can become an issue in one step, for the user to sort into a category (the editor suggests
one from its words, as for any issue) and to answer with what they would do instead. Pure
functions: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Issue
from .sentences import is_praise, sentences

SHORTEST_POINT = 8
"""Characters a point needs to be worth an issue: "Thanks!" is not one."""
MOST_POINTS = 12
"""A bound on the issues one feedback makes: a long letter is not a list of mistakes."""


def feedback_points(text: str) -> list[str]:
    """The points of a feedback: each item of a list, each sentence of a paragraph; bullets
    and numbering taken off, each once, in order. Thanks, headings ("A few notes:") and praise
    ("Strong on the technical basics.") are not points to work on."""
    points: list[str] = []
    seen: set[str] = set()
    for point in sentences(text):
        key = point.casefold().rstrip(".!?")
        if (
            len(point) >= SHORTEST_POINT
            and key not in seen
            and not point.endswith(":")
            and not key.startswith(("thank", "many thanks"))
            and not is_praise(point)
        ):
            seen.add(key)
            points.append(point)
    return points[:MOST_POINTS]


def issues_from_feedback(text: str, interview_uuid: str, existing: Sequence[Issue]) -> list[Issue]:
    """An issue for each point of the feedback that is not already one of the interview's
    issues. No category: the user confirms the one the editor suggests, as for any issue."""
    known = {issue.problem.casefold().strip().rstrip(".!?") for issue in existing}
    return [
        Issue(problem=point, interview_uuid=interview_uuid)
        for point in feedback_points(text)
        if point.casefold().rstrip(".!?") not in known
    ]
