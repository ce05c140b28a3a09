"""`interview-journal`: the app with no command, and quick commands for the shell.

Each command imports what it needs when it runs, so that a quick command stays quick, and none of
them imports Textual; only opening the app does. Every failure a user can cause ends in one plain
line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import itertools
import json
import os
import sqlite3
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

import click

from .. import __version__
from ..core.text import counted

if TYPE_CHECKING:
    from ..core.model import InterviewRecord
    from ..settings import Settings
    from ..store import Journal


class UserError(click.ClickException):
    """A plain-words failure: printed as `Error: ...`, exit status 1."""


@contextmanager
def plain_errors(journal: object = "the journal") -> Iterator[None]:
    """Turn every error a user can cause into one line and exit 1."""
    from ..core.dates import DateParseError
    from ..core.validate import FormatError, InvalidValue
    from ..store.errors import JournalError, translate

    try:
        yield
    except (JournalError, InvalidValue, DateParseError, FormatError) as error:
        raise UserError(str(error)) from None
    except sqlite3.Error as error:  # one the store did not expect: still said plainly
        raise UserError(str(translate(error, journal))) from None


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


@contextmanager
def opened(ctx: click.Context, *, create: bool = False) -> Iterator[Journal]:
    """The journal, opened for one command. A journal named with --db that is not there is
    started only by the commands that write into it (add, import): a mistyped name for list or
    export is said, not created. The default journal is started by any command."""
    from ..store import open_journal

    path = _settings(ctx).journal
    with plain_errors(path):
        journal = open_journal(path, create=create or not ctx.obj["named"])
        try:
            yield journal
        finally:
            journal.close()


def _stdin() -> TextIO:
    """Standard input, or a plain error if the shell closed it (`<&-`)."""
    if sys.stdin is None:
        raise UserError("nothing to read: standard input is closed.")
    return sys.stdin


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def _import_pieces(file: Path) -> Iterator[str]:
    """The text of the file to import (`-`: standard input) in pieces, read with a bound, or one
    plain line saying why not. Only a regular file is opened for reading: a pipe or a device
    named as FILE could wait forever or never end (a program's output comes in as `-`). What
    can be told before reading (no such file, too large) is told before anything is read."""
    from ..core.exchange import MAX_FILE_BYTES

    if str(file) == "-":
        stream = _stdin().buffer
        with suppress(OSError, ValueError):  # no descriptor (a test's stream): read with a bound
            status = os.fstat(stream.fileno())
            if stat.S_ISREG(status.st_mode) and status.st_size > MAX_FILE_BYTES:
                raise UserError(_too_large("standard input", status.st_size))
        return _decoded(stream, "standard input", close=False)
    path = file.expanduser()
    _refuse_a_link_to_nothing(path)
    try:
        # O_NONBLOCK: opening a pipe that has no writer returns at once instead of waiting.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise UserError(f"{file}: no such file.") from None
    except IsADirectoryError:
        raise UserError(f"{file}: is a folder, not a file; nothing imported.") from None
    except OSError as error:
        raise UserError(f"{file}: cannot be read ({error.strerror}).") from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise UserError(f"{file}: is a folder, not a file; nothing imported.")
        raise UserError(
            f"{file}: not a regular file (a pipe or a device); nothing imported. "
            "To import what a program writes, pipe it in: … | interview-journal import -"
        )
    if status.st_size > MAX_FILE_BYTES:
        os.close(descriptor)
        raise UserError(_too_large(str(file), status.st_size))
    os.set_blocking(descriptor, True)
    return _decoded(os.fdopen(descriptor, "rb"), str(file), close=True)


def _decoded(stream: BinaryIO, name: str, *, close: bool) -> Iterator[str]:
    """`stream` as text, a megabyte at a time, refused plainly once it is longer than an import
    may be (an endless stream, `/dev/zero` or `yes |`, is never read without bound) or where
    it is not UTF-8."""
    from ..core.exchange import MAX_FILE_BYTES

    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    read = 0
    try:
        while True:
            try:
                chunk = stream.read(1 << 20)
            except OSError as error:
                raise UserError(f"{name}: cannot be read ({error.strerror}).") from None
            read += len(chunk)
            if read > MAX_FILE_BYTES:
                raise UserError(
                    f"{name}: more than {MAX_FILE_BYTES / 1_000_000:,.0f} MB; too large to "
                    "import; nothing imported."
                )
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                at = read - len(chunk) + error.start
                raise UserError(f"{name}: not UTF-8 text (byte {at}); nothing imported.") from None
            if text:
                yield text
            if not chunk:
                return
    finally:
        if close:
            stream.close()


def _too_large(name: str, size: int) -> str:
    from ..core.exchange import MAX_FILE_BYTES

    return (
        f"{name}: too large to import ({_megabytes(size)}; "
        f"at most {MAX_FILE_BYTES / 1_000_000:,.0f} MB); nothing imported."
    )


def _refuse_a_link_to_nothing(path: Path) -> None:
    """A link whose target is gone is said as such: opening or creating through it would fail
    as "no such file" or "already exists", neither of which says what is wrong."""
    if not path.is_symlink():
        return
    try:
        path.stat()
    except FileNotFoundError:
        message = f"{path}: is a link to {os.path.realpath(path)}, which is not there."
        raise UserError(message) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            message = f"{path}: is a link that leads back to itself (a loop of links)."
        else:
            message = f"{path}: is a link that cannot be followed ({error.strerror})."
        raise UserError(message) from None


def _journal_named(ctx: click.Context, name: str | None) -> Path | None:
    """The journal file named with --db (or the variable), refused in plain words if it names
    no file: SQLite takes `:memory:` and `file:` URIs too, and a journal kept there is lost or
    lands somewhere unexpected. Said before anything is opened."""
    if name is None:
        return None
    source = ctx.get_parameter_source("db_path")
    given = "INTERVIEW_JOURNAL_DB" if source is click.core.ParameterSource.ENVIRONMENT else "--db"
    if not name.strip():
        raise UserError(f"{given} is empty: name a journal file, or leave it out for the default.")
    if name == ":memory:":
        raise UserError(
            f"{given} :memory: is SQLite's in-memory database: what you save there is lost when "
            "the command ends. Name a journal file."
        )
    if name.startswith("file:"):
        raise UserError(
            f"{given} {name} is a SQLite URI, not a file name: name the journal file itself "
            f"(./{name} for a file named so)."
        )
    return Path(name)


def _read_notes() -> str:
    """The notes from standard input, read with the bound a field has: `-n - </dev/zero` is
    refused once there is more than a field can hold, never read without end."""
    from ..core.validate import MAX_TEXT

    try:
        notes = _stdin().read(MAX_TEXT + 1)
    except UnicodeDecodeError:
        raise UserError("standard input: not UTF-8 text; nothing added.") from None
    if len(notes) > MAX_TEXT:
        raise UserError(
            f"notes are too long: more than {MAX_TEXT:,} characters on standard input; "
            "nothing added."
        )
    return notes


def _write_private(path: Path, text: str | Iterable[str]) -> None:
    """Write a new file only its owner can read: exports hold the journal's words. The file is
    created, never opened if it is there (O_EXCL): FileExistsError then. `text` may come in
    pieces, written as they come: an export is never held whole."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.writelines([text] if isinstance(text, str) else text)
    except BaseException:
        path.unlink(missing_ok=True)  # no half-written export left behind
        raise


def _resolved(path: Path) -> Path:
    """The path with its links followed, as far as they lead (a loop of links stays as is)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _refuse_the_journal(path: Path, journal: Path) -> None:
    """Nothing is ever written onto the journal, nor onto a file SQLite keeps beside it (even
    one not there now: a `-journal` file made by us would be taken for SQLite's own), whatever
    name or link leads there."""
    given = journal.expanduser()
    sides = ("", "-wal", "-shm", "-journal")
    for base in dict.fromkeys([given, _resolved(given)]):
        for side in sides:
            other = base.with_name(base.name + side)
            same = _resolved(path) == _resolved(other) or (
                path.exists() and other.exists() and os.path.samefile(path, other)
            )
            if same:
                what = "a file SQLite keeps beside the journal" if side else "the journal itself"
                raise UserError(f"{path}: that is {what}; nothing written.")


def _output_file(name: str, journal: Path) -> Path:
    """Where an export or a backup is to be written, said plainly if it cannot be: a link to
    nothing, the journal or one of its files. Checked before the journal is opened."""
    path = Path(name).expanduser()
    _refuse_the_journal(path, journal)
    _refuse_a_link_to_nothing(path)
    return path


def _export_output(name: str | None, journal: Path) -> Path | None:
    """The file `export -o` writes, checked before the journal is opened; None for standard
    output (no -o, or `-o -`)."""
    if name is None or name == "-":
        return None
    if name.endswith(("/", os.sep)):
        raise UserError(f"{name}: names a folder; -o takes the name of a file to write.")
    _output_file(name, journal)
    return Path(name)


def _replace_private(path: Path, text: str | Iterable[str], journal: Path) -> None:
    """Replace the regular file at `path` with a new private one holding `text`: written beside
    it, then moved over it, so a failure leaves the old file as it was. Never the journal."""
    if not path.is_file():
        raise UserError(f"{path}: not a regular file; nothing written.")
    _refuse_the_journal(path, journal)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _write_private(temporary, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_export(
    output: Path | None, text: str | Iterable[str], journal: Path, *, force: bool
) -> None:
    """Write `text` to standard output (`output` None), to a new private file, or over a
    regular file with `force`; never the journal."""
    if output is None:
        for piece in [text] if isinstance(text, str) else text:
            click.echo(piece, nl=False)
        return
    target = output.expanduser()
    try:
        if force and target.exists():
            _replace_private(target, text, journal)
        else:
            _write_private(target, text)
    except FileExistsError:
        message = f"{output}: already exists; nothing written (--force replaces it)."
        raise UserError(message) from None
    except OSError as error:
        raise UserError(f"{output}: cannot write the export ({error.strerror}).") from None


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    # No dir_okay=False: click would answer a folder with a usage error (exit 2, four lines);
    # the store refuses it in one plain line instead.
    type=click.Path(),  # the name as given: Path() would read "" as "." (checked below)
    envvar="INTERVIEW_JOURNAL_DB",
    help="The journal file (default: journal.db in your user data folder).",
)
@click.version_option(__version__, "--version", "-V", prog_name="interview-journal")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None) -> None:
    """A keyboard-driven journal for learning from the interviews that went badly.

    With no command, opens the journal in the terminal.
    """
    from ..settings import Settings

    named = _journal_named(ctx, db_path)
    settings = Settings.from_environment(journal=named)
    _refuse_a_link_to_nothing(settings.journal)
    ctx.obj = {"settings": settings, "named": named is not None}
    if ctx.invoked_subcommand is None:
        with plain_errors():
            from ..store import open_journal

            journal = open_journal(settings.journal)
        _run_app(journal, settings)


def _run_app(journal: Journal, settings: Settings) -> None:
    from ..tui.app import JournalApp

    app = JournalApp(journal=journal, settings=settings)
    try:
        app.run()
    finally:
        journal.close()
    if app.return_code:
        sys.exit(app.return_code)


@cli.command()
@click.argument("company")
@click.argument("role", required=False, default="")
@click.option(
    "--date",
    "-d",
    "when",
    default="today",
    show_default=True,
    help="When: today, yesterday, 3 days ago, last friday, 2026-11-20, Nov 20 ...",
)
@click.option(
    "--stage",
    "-s",
    default="other",
    show_default=True,
    help="screen, phone, video, technical, onsite, panel, final, informational or other.",
)
@click.option(
    "--outcome",
    "-o",
    default="pending",
    show_default=True,
    help="pending, advanced, offer, rejected, withdrawn or no-response.",
)
@click.option("--rating", "-r", type=int, help="How it went, 1 (badly) to 5 (well).")
@click.option("--interviewer", "interviewers", multiple=True, help="Who interviewed you (repeat).")
@click.option(
    "--feeling",
    "feelings",
    multiple=True,
    help="disappointed, angry, self-doubt, embarrassed, discouraged, relieved, hopeful, "
    "confident (repeat).",
)
@click.option("--notes", "-n", default="", help="The brain dump; '-' reads it from stdin.")
@click.option(
    "--issue", "-i", "problems", multiple=True, help="Something that went wrong (repeat)."
)
@click.option(
    "--went-well", "-w", "positives", multiple=True, help="Something that went well (repeat)."
)
@click.pass_context
def add(
    ctx: click.Context,
    company: str,
    role: str,
    when: str,
    stage: str,
    outcome: str,
    rating: int | None,
    interviewers: tuple[str, ...],
    feelings: tuple[str, ...],
    notes: str,
    problems: tuple[str, ...],
    positives: tuple[str, ...],
) -> None:
    """Capture an interview from the shell while it is fresh."""
    from ..core.dates import describe_date, parse_when
    from ..core.model import Interview, Issue, Positive
    from ..core.taxonomy import suggest_category

    settings = _settings(ctx)
    if notes == "-":
        notes = _read_notes()
    with plain_errors():
        moment = parse_when(when, dayfirst=settings.dayfirst)
        interview = Interview(
            company=company,
            role=role,
            date=moment.date,
            time=moment.time,
            stage=stage,
            outcome=outcome,
            rating=rating,
            interviewers=list(interviewers),
            feelings=list(feelings),
            notes=notes,
        )
        issues = [Issue(problem=p, interview_uuid=interview.uuid) for p in problems]
        went_well = [Positive(text=t, interview_uuid=interview.uuid) for t in positives]
        from ..core.model import InterviewRecord, thank_you_for
        from ..core.validate import prepare_interview, prepare_issue, prepare_positive

        # Check what the user typed before the journal is opened: opening it writes. The
        # cleaned copies are kept: a control character typed is never echoed to the terminal.
        prepare_interview(interview)
        issues = [prepare_issue(issue) for issue in issues]
        went_well = [prepare_positive(positive) for positive in went_well]
        record = InterviewRecord(
            interview, issues=issues, positives=went_well, follow_ups=[thank_you_for(interview)]
        )
        with opened(ctx, create=True) as journal:
            journal.import_records([], [record])
            saved = journal.interview(interview.uuid)
    title = saved.company + (f" — {saved.role}" if saved.role else "")
    click.echo(
        f"Added {title}, {saved.date.isoformat()} ({describe_date(saved.date, dt.date.today())}), "
        f"with {len(issues)} issue{'s' if len(issues) != 1 else ''} [{saved.uuid[:8]}]."
    )
    for issue in issues:
        slug = suggest_category(issue.problem)
        if slug:
            click.echo(f"  “{issue.problem[:50]}” looks like {slug}: confirm it in the app.")


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def list_interviews(ctx: click.Context, as_json: bool) -> None:
    """List the interviews, newest first, with their step in the method."""
    with opened(ctx) as journal:
        summaries = journal.interview_summaries()
    if as_json:
        rows = [
            {
                "uuid": s.interview.uuid,
                "date": s.interview.date.isoformat(),
                "company": s.interview.company,
                "role": s.interview.role,
                "stage": s.interview.stage,
                "step": str(s.step),
                "outcome": s.interview.outcome,
                "issues": s.issues,
            }
            for s in summaries
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not summaries:
        click.echo(
            "No interviews yet. Add one with: interview-journal add COMPANY ROLE --date today"
        )
        return
    header = ("DATE", "COMPANY", "ROLE", "STAGE", "STEP", "OUTCOME", "ISSUES")
    lines = [
        (
            s.interview.date.isoformat(),
            _clip(s.interview.company, 28),
            _clip(s.interview.role, 28),
            s.interview.stage,
            str(s.step),
            s.interview.outcome,
            str(s.issues),
        )
        for s in summaries
    ]
    _table(header, lines)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command()
@click.option("--since", help="From this day on: 2026-01-01, 'Jan 1', '6 months ago' ...")
@click.option("--until", help="Up to this day (default: today; upcoming interviews never count).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (DESIGN §8) instead of a table.")
@click.pass_context
def stats(ctx: click.Context, since: str | None, until: str | None, as_json: bool) -> None:
    """Which mistakes keep coming back: the trends as a table."""
    from ..core import trends
    from ..core.dates import parse_date

    settings = _settings(ctx)
    today = dt.date.today()
    with plain_errors():
        start = parse_date(since, today=today, dayfirst=settings.dayfirst) if since else None
        end = parse_date(until, today=today, dayfirst=settings.dayfirst) if until else None
    if start and end and start > end:
        raise UserError(
            f"--since ({start.isoformat()}) is after --until ({end.isoformat()}): "
            "that period has no days."
        )
    with opened(ctx) as journal:
        sittings = journal.sittings(since=start, until=end)
        names = {category.slug: category.name for category in journal.categories()}
    overview = trends.overview(
        trends.in_period(sittings, today=today, since=start, until=end), names
    )
    if as_json:
        click.echo(json.dumps(trends.stats_json(overview), indent=2, ensure_ascii=False))
        return
    if not overview.interviews:
        click.echo("No interviews in that period yet: trends need interviews that have happened.")
        return
    click.echo(
        f"{overview.interviews} interview{'s' if overview.interviews != 1 else ''}, "
        f"{overview.issues} issue{'s' if overview.issues != 1 else ''}"
        + (f" ({overview.uncategorised} without a category)" if overview.uncategorised else "")
    )
    header = ("CATEGORY", "INTERVIEWS", "ISSUES", "FIRST SEEN", "LAST SEEN", "LABEL", "SINCE")
    rows = [
        (
            _clip(c.name, 40),
            str(c.interviews),
            str(c.issues),
            c.first_seen.isoformat(),
            c.last_seen.isoformat(),
            c.label,
            str(c.since_last_seen),
        )
        for c in overview.categories
    ]
    _table(header, rows)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = zip(row, widths, strict=True)
        click.echo("  ".join(cell.ljust(width) for cell, width in cells).rstrip())


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def brief(ctx: click.Context, as_json: bool) -> None:
    """Before the next interview: your own lessons, your open actions, a checklist for the day."""
    from ..core import review
    from ..store.briefing import load_briefing

    with opened(ctx) as journal, plain_errors():
        briefing = load_briefing(journal, journal.clock.today())
    if as_json:
        click.echo(json.dumps(review.briefing_json(briefing), indent=2, ensure_ascii=False))
        return
    lines: list[str] = []
    upcoming = briefing.upcoming
    if upcoming is None:
        lines.append("No upcoming interview in the journal: here is your general briefing.")
    else:
        days = briefing.days_until or 0
        when = upcoming.date.strftime("%a %d %b %Y").replace(" 0", " ")
        if upcoming.time:
            when += f" at {upcoming.time.strftime('%H:%M')}"
        title = upcoming.company + (f" — {upcoming.role}" if upcoming.role else "")
        lines.append(
            f"Your next interview: {title}, {when} (in {days} day{'s' if days != 1 else ''})."
        )
    lines.append("")
    if not briefing.focus:
        lines.append(
            "Nothing to go over yet: once your past interviews have issues with a category, "
            "your own lessons show up here."
        )
    else:
        lines.append("Keep in mind (your own lessons, the ones that keep coming back first):")
        for item in briefing.focus:
            facts = [item.label or "no trend yet"]
            if item.interviews:
                facts.append(f"{item.interviews} interview{'s' if item.interviews != 1 else ''}")
            if item.last_seen:
                facts.append(f"last {item.last_seen.isoformat()}")
            mark = " (indefensible)" if item.indefensible else ""
            lines.append(f"  {item.name} — {', '.join(facts)}{mark}")
            for answer in item.answers:
                lines.append(
                    f"    → {' '.join(answer.should_have.split())}"
                    f"  ({answer.company}, {answer.date.isoformat()})"
                )
            if not item.answers:
                lines.append("    (no answer written yet: what should you have done?)")
            for action in item.actions:
                lines.append(f"    to do: {action}")
    lines.append("")
    lines.append("On the day:")
    for check in briefing.checklist:
        mark = " (indefensible)" if check.indefensible else ""
        lines.append(f"  [ ] {check.text}{mark}")
    click.echo("\n".join(lines))


@cli.command()
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["json", "md", "csv"]),
    default="json",
    show_default=True,
    help="JSON (re-importable), Markdown (to read) or CSV (a sheet).",
)
@click.option(
    "--output",
    "-o",
    "output_name",
    type=click.Path(allow_dash=True),  # the name as given: a trailing slash is seen
    help="Write to this new file (created private, mode 0600) instead of stdout ('-').",
)
@click.option(
    "--force", is_flag=True, help="Replace the --output file if it is there (never the journal)."
)
@click.pass_context
def export(ctx: click.Context, fmt: str, output_name: str | None, force: bool) -> None:
    """Export the whole journal."""
    from .. import startup
    from ..core import exchange

    startup.end()  # each record's JSON leaves cycles behind: collect them as it goes
    output = _export_output(output_name, _settings(ctx).journal)
    writer = {"json": exchange.iter_json, "md": exchange.iter_markdown, "csv": exchange.iter_csv}
    exported = 0

    def records(journal: Journal) -> Iterator[InterviewRecord]:
        nonlocal exported
        for record in journal.iter_records():  # a few hundred at a time: memory stays small
            exported += 1
            yield record

    with opened(ctx) as journal:
        text = writer[fmt](journal.categories(), records(journal))
        if output is None:
            # A row that cannot be read is said before anything is written: what a pipe has
            # taken cannot be taken back. (A file is written beside, and only then named.)
            for _ in journal.iter_records():
                pass
        _write_export(output, text, _settings(ctx).journal, force=force)
    if output is None:
        return
    click.echo(f"Exported {counted(exported, 'interview')} to {output} ({fmt}).", err=True)


@cli.command("import")
@click.argument("file", type=click.Path(allow_dash=True, path_type=Path))
@click.pass_context
def import_file(ctx: click.Context, file: Path) -> None:
    """Import a JSON export: all of it, or nothing if any part is wrong.

    Rows are matched by their ids, so importing the same file again changes nothing.
    """
    from .. import startup
    from ..core import exchange
    from ..core.validate import InvalidValue

    startup.end()  # a large file is a lot of objects: collect as usual from here
    reading = exchange.Reading(_import_pieces(file))
    items = iter(reading)
    try:  # the file's head is read, and refused, before the journal is opened
        first = next(items, None)
    except exchange.FormatError as error:
        raise UserError(f"{file}: {error}; nothing imported.") from None
    items = itertools.chain([first] if first is not None else [], items)
    target = _settings(ctx).journal
    new = not target.exists()
    try:
        with opened(ctx, create=True) as journal, plain_errors():
            try:
                summary = journal.import_items(items, backup_first=True, checked=True)
            except (InvalidValue, exchange.FormatError) as error:
                raise UserError(f"{file}: {error}; nothing imported.") from None
    except UserError:
        if new:  # the journal this import made, left empty by its failure, is not left behind
            from ..store.journal import remove_if_empty

            remove_if_empty(target)
        raise
    warnings = reading.warnings
    for warning in warnings[:20]:
        click.echo(f"warning: {warning}", err=True)
    if len(warnings) > 20:
        click.echo(f"warning: ... and {len(warnings) - 20} more unknown fields, ignored", err=True)
    parts = []
    for label, counts in (
        ("interviews", summary.interviews),
        ("issues", summary.issues),
        ("what went well", summary.positives),
        ("follow-ups", summary.follow_ups),
        ("categories", summary.categories),
        ("review grades", summary.reviews),
    ):
        line = (
            f"{label}: {counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged"
        )
        if counts.kept:
            line += f", {counts.kept} kept (the journal's copy is newer, or the file's has no time)"
        parts.append(line)
    if summary.kept:
        more = summary.total_kept - len(summary.kept)
        parts.append(
            "kept as they are in the journal: "
            + ", ".join(summary.kept)
            + (f" and {more} more" if more else "")
        )
    click.echo(f"Imported {file}.\n  " + "\n  ".join(parts))
    if summary.backup:
        click.echo(f"The journal as it was before the import is backed up in {summary.backup}.")


@cli.command()
@click.argument("dest", required=False, type=click.Path())  # as given: a trailing slash is seen
@click.pass_context
def backup(ctx: click.Context, dest: str | None) -> None:
    """Copy the journal safely (while it is in use, too), and check the copy.

    DEST is a file or a folder; the default is the backups folder beside the journal's default home.
    """
    from .. import locations
    from ..store.journal import make_private_folder

    if dest is None:
        folder = locations.backups_folder()
        make_private_folder(folder)
    else:
        folder = _output_file(dest, _settings(ctx).journal)
        # `backup DEST/` asks for a copy inside a folder. One that is not there is refused, not
        # made, as cp does: a mistyped folder (or a drive not mounted) would otherwise take the
        # backup somewhere the user never looks.
        if dest.endswith(("/", os.sep)) and not folder.is_dir():
            if folder.exists():
                raise UserError(f"{dest}: not a folder; nothing backed up.")
            raise UserError(
                f"{dest}: no such folder; nothing backed up (make it first: mkdir -p {dest})."
            )
    with opened(ctx) as journal, plain_errors():
        target = journal.backup(folder)
    click.echo(f"Backed up to {target} (integrity check: ok).")


@cli.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the journal's integrity: SQLite's own checks, links, and the search index."""
    with opened(ctx) as journal:
        problems = journal.check()
        count = journal.count_interviews()
        version = journal.schema_version
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise UserError(f"{journal.path}: {counted(len(problems), 'problem')} found.")
    click.echo(f"{journal.path}: ok (schema {version}, {counted(count, 'interview')}).")


@cli.command()
@click.argument("out", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--force", is_flag=True, help="Replace OUT if it is there (never the journal).")
@click.pass_context
def rescue(ctx: click.Context, out: Path, force: bool) -> None:
    """Save every row that can still be read from a damaged journal into OUT (a JSON export).

    The journal is only read. Start a new journal from OUT with `--db NEW.db import OUT`.
    """
    from ..core import exchange
    from ..store.rescue import rescue as salvage

    journal = _settings(ctx).journal
    with plain_errors():
        if not journal.exists():
            raise UserError(f"{journal}: no journal there to rescue.")
        found = salvage(journal)
    text = exchange.iter_json(found.categories, found.records)
    _write_export(None if str(out) == "-" else out, text, journal, force=force)
    for table, label in (
        ("interviews", "interviews"),
        ("issues", "issues"),
        ("positives", "what went well"),
        ("follow_ups", "follow-ups"),
        ("reviews", "review grades"),
        ("categories", "categories"),
    ):
        lost = found.tables[table].lost
        said = "an unknown number" if lost is None else str(lost)
        click.echo(f"  {label}: {found.saved(table)} saved, {said} lost", err=True)
    if found.placeholders:
        click.echo(
            f"  {counted(found.placeholders, 'lost interview')} had issues, what went well or "
            "follow-ups that were saved: they are kept under “(interview lost in the damage)”",
            err=True,
        )
    where = "standard output" if str(out) == "-" else str(out)
    click.echo(
        f"Rescued what could be read into {where}. Make a new journal from it with: "
        f"interview-journal --db NEW.db import {out}",
        err=True,
    )


@cli.command()
@click.option(
    "--interviews",
    "count",
    type=click.IntRange(0, 100_000),
    default=30,
    show_default=True,
    help="How many interviews the sample holds.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the sample journal to this new file instead of opening the app.",
)
@click.option("--seed", type=int, default=7, hidden=True)
@click.pass_context
def demo(ctx: click.Context, count: int, out: Path | None, seed: int) -> None:
    """Open the app on a generated sample journal (never your own)."""
    import tempfile

    from .. import startup
    from ..core.sample import generate_sample
    from ..store import open_journal

    startup.end()  # a sample of 10,000 interviews is a lot of objects: collect as usual
    records = generate_sample(count, seed=seed)
    if out is not None:
        if out.exists():
            raise UserError(f"{out}: already exists; the sample goes into a new file.")
        with plain_errors():
            journal = open_journal(out)
            try:
                journal.import_records([], records)
            finally:
                journal.close()
        click.echo(f"Wrote a sample journal of {count} interviews to {out}.")
        return
    with tempfile.TemporaryDirectory(prefix="interview-journal-demo-") as folder:
        with plain_errors():
            journal = open_journal(Path(folder) / "demo.db")
            journal.import_records([], records)
        _run_app(journal, _settings(ctx))


def main() -> None:
    if sys.stdout is None:  # closed by the shell (`>&-`): what a command prints would be lost
        if sys.stderr is not None:
            sys.stderr.write("Error: cannot write the output (standard output is closed).\n")
        sys.exit(1)
    try:
        cli(prog_name="interview-journal")
    except OSError as error:  # stdout or stderr gone or full: say so, once, where we still can
        message = f"Error: cannot write the output ({error.strerror or error})."
        with suppress(OSError):
            sys.stderr.write(message + "\n")
        sys.exit(1)
