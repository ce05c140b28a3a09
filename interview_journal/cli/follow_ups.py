"""The letters after an interview: the profile they are signed with (`profile`) and a draft
of one, printed to be pasted into an email (`draft`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .common import UserError, opened, plain_errors

if TYPE_CHECKING:
    from ..core.model import Profile

KINDS = ("thank-you", "feedback", "reference", "rejection-reply", "second-chance", "acceptance")
"""The kinds `draft` takes, as core/compose.py's DRAFT_KINDS names them (tests keep the two
the same): written out here so that the help is made without loading the drafts."""


@click.command()
@click.option("--name", help="The name your letters are signed with.")
@click.option(
    "--strength",
    "strengths",
    multiple=True,
    help="Something you are good at, in a line (repeat; replaces the list; '' empties it).",
)
@click.option(
    "--achievement",
    "achievements",
    multiple=True,
    help="Something you have done that you are proud of (repeat; replaces the list).",
)
@click.option("--clear", is_flag=True, help="Forget the profile (then set what is given).")
@click.pass_context
def profile(
    ctx: click.Context,
    name: str | None,
    strengths: tuple[str, ...],
    achievements: tuple[str, ...],
    clear: bool,
) -> None:
    """Who you are, for your letters: your name and a few strengths and achievements.

    With no option, print the profile. It is kept in the journal, so an export carries it.
    """
    from ..core.model import Profile
    from ..core.validate import prepare_profile

    changing = clear or name is not None or bool(strengths) or bool(achievements)
    if not changing:
        with opened(ctx) as journal, plain_errors():
            click.echo(_described(journal.profile()))
        return
    with plain_errors():  # what was typed is checked before the journal is opened
        given = prepare_profile(
            Profile(name=name or "", strengths=list(strengths), achievements=list(achievements))
        )
        with opened(ctx, create=True) as journal:
            kept = Profile() if clear else journal.profile()
            if name is not None:
                kept.name = given.name
            if strengths:
                kept.strengths = given.strengths
            if achievements:
                kept.achievements = given.achievements
            kept = journal.set_profile(kept)
    click.echo(("Profile saved.\n" if kept != Profile() else "") + _described(kept))


def _described(profile: Profile) -> str:
    from ..core.model import Profile

    if profile == Profile():
        return (
            "No profile yet: your drafts are not signed and draw only on the interview. "
            "Set one with:\n"
            "  interview-journal profile --name 'Your Name' --strength 'what you are good at' "
            "--achievement 'what you have done'"
        )
    lines = [f"Name: {profile.name or '(none: drafts are not signed)'}"]
    for title, items in (("Strengths", profile.strengths), ("Achievements", profile.achievements)):
        lines.append(f"{title}:" if items else f"{title}: (none)")
        lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines)


@click.command()
@click.argument("kind", metavar="KIND")
@click.argument("interview", required=False)
@click.option(
    "--new",
    "new_point",
    default="",
    help="For a second chance: the new thing you would bring (a project, a fact, a better "
    "answer). Without one, no second-chance draft is written.",
)
@click.pass_context
def draft(ctx: click.Context, kind: str, interview: str | None, new_point: str) -> None:
    """Print a draft follow-up for an interview, to edit and send.

    KIND: thank-you, feedback, reference, rejection-reply, second-chance or acceptance.

    INTERVIEW: a company name (your newest interview with it), an id or the first
    characters of it (`interview-journal list --json` shows them). Without it, your newest
    interview: the latest one that has happened (today's counts), or the next one if none has.

    The draft uses the interview (the role, the interviewers, what went well, what you would
    now do better) and your profile (`interview-journal profile`); never your notes.
    """
    if kind not in KINDS:
        raise UserError(f"no draft of kind {kind!r}: choose one of {', '.join(KINDS)}.")
    if kind == "second-chance" and not new_point.strip():
        raise UserError(
            "a second chance is worth asking for only with something new to bring: "
            "say what with --new TEXT (a project, a fact you have looked into, a better answer)."
        )
    from ..core import compose

    with opened(ctx) as journal, plain_errors():
        chosen = journal.find_interview(interview, journal.clock.today())
        material = journal.letter_material(chosen.uuid)
    try:
        text = compose.draft_from(compose.DRAFT_KINDS[kind], chosen, material, new_point)
    except compose.DraftRefused as error:
        raise UserError(str(error)) from None
    click.echo(text, nl=not text.endswith("\n"))
