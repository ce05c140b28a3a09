"""The questions to practise (`questions`): the bank's and your own, your answers to each, the
interviews where each came up, and when each is due for practice."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import click

from .common import UserError, clip, opened, plain_errors

if TYPE_CHECKING:
    from ..core.model import Asked, Question
    from ..core.questions import Group


@click.command()
@click.option("--group", "group_asked", help="Only this group: its key or its name.")
@click.option("--due", is_flag=True, help="Only the questions due for practice today.")
@click.option("--all", "everything", is_flag=True, help="Hidden questions too.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def questions(
    ctx: click.Context, group_asked: str | None, due: bool, everything: bool, as_json: bool
) -> None:
    """The questions to practise, by group: your answers, and where each was asked."""
    from ..core.questions import GROUPS

    group = _group(group_asked, GROUPS) if group_asked else None
    with opened(ctx) as journal, plain_errors():
        found = journal.questions(
            group=group.key if group else None, hidden=None if everything else False
        )
        asked = journal.questions_asked()
        now = journal.clock.now()
    dues = {question.uuid: _due(question) for question in found}
    if due:
        found = [q for q in found if (when := dues[q.uuid]) is not None and when <= now]
    if as_json:
        document = {
            "groups": [{"key": each.key, "name": each.name} for each in GROUPS],
            "questions": [_as_json(q, asked.get(q.uuid, []), dues[q.uuid]) for q in found],
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if not found:
        if due:
            click.echo("No question is due for practice today.")
        else:
            click.echo(
                "No questions" + (" in that group" if group else "") + " (--all shows hidden ones)."
            )
        return
    lines: list[str] = []
    names = {each.key: each.name for each in GROUPS}
    for key in [each.key for each in GROUPS]:
        of_group = [question for question in found if question.group == key]
        if not of_group:
            continue
        if lines:
            lines.append("")
        lines.append(f"{names[key]} ({key})")
        for question in of_group:
            lines += _as_text(question, asked.get(question.uuid, []), dues[question.uuid])
    came_up = sum(1 for question in found if asked.get(question.uuid))
    lines += [
        "",
        f"{len(found)} question{'s' if len(found) != 1 else ''}, {came_up} asked in your "
        "interviews." + ("" if everything else " Hidden ones are left out (--all shows them)."),
    ]
    click.echo("\n".join(lines))


def _group(asked: str, groups: tuple[Group, ...]) -> Group:
    """The group named by its key or its name (any case), or a plain error listing the keys."""
    wanted = asked.strip().casefold()
    for group in groups:
        if wanted in (group.key, group.name.casefold()):
            return group
    keys = ", ".join(group.key for group in groups)
    raise UserError(f"no group '{asked}': the groups are {keys}.")


def _due(question: Question) -> dt.datetime | None:
    from ..core.review import card_due

    return card_due(question.card) if question.card else None


def _day(moment: dt.datetime | None) -> str | None:
    return moment.astimezone().date().isoformat() if moment is not None else None


def _as_json(question: Question, asked: list[Asked], due: dt.datetime | None) -> dict:
    return {
        "uuid": question.uuid,
        "key": question.key,
        "group": question.group,
        "text": question.text,
        "hidden": question.hidden,
        "due": _day(due),
        "stories": [
            {
                "uuid": story.uuid,
                "text": story.text,
                "situation": story.situation,
                "task": story.task,
                "action": story.action,
                "result": story.result,
            }
            for story in question.stories
        ],
        "asked": [
            {
                "date": each.date.isoformat(),
                "company": each.company,
                "stage": each.stage,
                "went": each.went,
                "interview": each.interview_uuid,
                "text": each.text,
                "link": each.link,
                "story": each.story_uuid,
            }
            for each in asked
        ],
    }


def _as_text(question: Question, asked: list[Asked], due: dt.datetime | None) -> list[str]:
    marks = [mark for mark in ("hidden" if question.hidden else "", _own(question)) if mark]
    lines = [f"  - {question.text}" + (f"  ({', '.join(marks)})" if marks else "")]
    for story in question.stories:
        lines.append(f"      answer: {clip(' '.join(story.text.split()), 70)}")
    for each in asked:
        lines.append(
            f"      asked {each.date.isoformat()} at {clip(each.company, 30)} ({each.stage}): "
            f"went {each.went}"
        )
    if due is not None:
        lines.append(f"      due {_day(due)}")
    return lines


def _own(question: Question) -> str:
    return "" if question.builtin else "yours"
