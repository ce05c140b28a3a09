"""The exports for people and spreadsheets: Markdown to read, CSV to sort and filter."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..fields import Shape, in_sheet, per_record
from ..model import Category, Interview, InterviewRecord, Issue

# The user's text is escaped so that it reads as written and can never become structure: a note
# holding `## Fake` or `---` forges no heading or rule, and `<script>` is shown, never run.
# Escaped everywhere: what starts raw HTML, an entity, a link or image, code or emphasis (`_` only
# where it can start or end emphasis, so snake_case stays readable). At the start of a line, also
# what starts a heading, quote, list, rule, fence or table there. Ordinary text is left alone.
_MD_INLINE = re.compile(r"[\\`*\[<]|(?<!\w)_|_(?!\w)|&(?=#?\w+;)")
_MD_ENTITIES = {"<": "&lt;", "&": "&amp;"}
_MD_LINE_START = re.compile(r"[#>+\-=|~:]|\d{1,9}(?=[.)])")
_MD_CLOSING_HASHES = re.compile(r"(^|\s)(#+)$")  # `## Acme ##` would lose its last word


def _md_escape(text: str) -> str:
    """One line of the user's text as Markdown that shows it as written."""
    text = _MD_INLINE.sub(lambda found: _MD_ENTITIES.get(found[0], "\\" + found[0]), text.strip())
    start = _MD_LINE_START.match(text)
    if start:
        at = start.end() if start[0].isdigit() else 0  # `1.` becomes `1\.`
        text = text[:at] + "\\" + text[at:]
    return _MD_CLOSING_HASHES.sub(lambda found: found[1] + "\\" + found[2], text)


def _md_line(text: str) -> str:
    """The user's text as one Markdown line: newlines folded so a list item stays one item."""
    return _md_escape(" ".join(text.split()))


def _md_lines(text: str) -> list[str]:
    """The user's text as Markdown lines, each escaped; blank lines still part paragraphs."""
    return [_md_escape(line) for line in text.strip().splitlines()]


def to_markdown(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> str:
    return "".join(iter_markdown(categories, records))


def iter_markdown(
    categories: Iterable[Category], records: Iterable[InterviewRecord]
) -> Iterator[str]:
    """The Markdown export an interview at a time."""
    names = {category.slug: category.name for category in categories}
    pending = "# Interview Journal\n"
    for record in records:
        yield pending + "\n"
        pending = "\n".join(_md_block(record, names))
    yield pending.rstrip() + "\n"


def _md_block(record: InterviewRecord, names: dict[str, str]) -> list[str]:
    out: list[str] = []
    interview = record.interview
    when = interview.date.isoformat()
    if interview.time:
        when += " " + interview.time.strftime("%H:%M")
    title = interview.company + (f" — {interview.role}" if interview.role else "")
    out += [f"## {_md_line(title)}", ""]
    out.append(f"- **Date:** {when}")
    out.append(f"- **Stage:** {interview.stage}")
    if interview.interviewers:
        out.append(f"- **Interviewers:** {_md_line(', '.join(interview.interviewers))}")
    out.append(f"- **Outcome:** {interview.outcome}")
    if interview.rating is not None:
        out.append(f"- **Self-rating:** {interview.rating}/5")
    if interview.feelings:
        out.append(f"- **Feelings:** {', '.join(interview.feelings)}")
    if interview.closed:
        out.append("- **Moved on:** yes")
    out.append("")
    if interview.notes.strip():
        out += ["### Notes", "", *_md_lines(interview.notes), ""]
    if record.issues:
        out += ["### What went wrong → what I should have done", ""]
        for issue in record.issues:
            category = _md_line(names.get(issue.category or "", "uncategorised"))
            solution = _md_line(issue.should_have) or "_not written yet_"
            out.append(
                f"- {_md_line(issue.problem)} → {solution} "
                f"(*{category}*, severity {issue.severity})"
            )
            if issue.action.strip():
                out.append(f"  - Next step: {_md_line(issue.action)}")
        out.append("")
    if record.positives:
        out += ["### What went well", ""]
        out += [f"- {_md_line(positive.text)}" for positive in record.positives]
        out.append("")
    if record.follow_ups:
        out += ["### Follow-ups", ""]
        for follow_up in record.follow_ups:
            status = f"done {follow_up.done}" if follow_up.done else "not done"
            due = f", due {follow_up.due}" if follow_up.due else ""
            out.append(f"- {follow_up.kind}{due}: {status}")
            if follow_up.text.strip():
                out.append("")
                out += [f"  > {line}".rstrip() for line in _md_lines(follow_up.text)]
                out.append("")
        out.append("")
    return out


def _columns(cls: type, prefix: str) -> list[str]:
    """The sheet's columns of a record, as core/model.py describes its fields: its uuid as
    `{prefix}_uuid`, and a category's slug followed by its name."""
    columns = []
    for each in in_sheet(cls):
        if each.shape is Shape.UUID:
            columns.append(f"{prefix}_uuid")
        elif each.shape is Shape.SLUG:
            columns += [each.name, f"{each.name}_name"]
        else:
            columns.append(each.name)
    return columns


_INTERVIEW_COLUMNS = _columns(Interview, "interview")
_ISSUE_COLUMNS = _columns(Issue, "issue")
CSV_COLUMNS = (*_INTERVIEW_COLUMNS, *_ISSUE_COLUMNS)


# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets
# (OWASP, "CSV Injection"): `=HYPERLINK(...)` in a company name would become a live link.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """The user's text as a cell a spreadsheet shows and never runs: an apostrophe in front of
    what would start a formula. Our own dates, uuids and numbers never start with one."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _cells(record: Interview | Issue, names: dict[str, str]) -> list[object]:
    """The record's cells in the order of its columns; the user's text made safe (`_cell`)."""
    cells: list[object] = []
    for name, write in _sheet_writers(type(record)):
        value = getattr(record, name)
        if write is None:  # a category: its slug and its name
            cells += [value or "", _cell(names.get(value or "", ""))]
        else:
            cells.append(write(value))
    return cells


@per_record
def _sheet_writers(cls: type) -> tuple[tuple[str, Callable[[Any], object] | None], ...]:
    return tuple((each.name, _SHEET_WRITERS.get(each.shape, _as_is)) for each in in_sheet(cls))


def _as_is(value: object) -> object:  # a uuid, a choice, a number
    return "" if value is None else value


_SHEET_WRITERS: dict[Shape, Callable[[Any], object] | None] = {
    Shape.LINE: _cell,
    Shape.TEXT: _cell,
    Shape.LINES: lambda lines: _cell("; ".join(lines)),
    Shape.CHOICES: "; ".join,
    Shape.DATE: lambda day: day.isoformat() if day else "",
    Shape.TIME: lambda time: time.strftime("%H:%M") if time else "",
    Shape.FLAG: lambda flag: "yes" if flag else "no",
    Shape.SLUG: None,
}


def to_csv(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> str:
    """One row per issue, with its interview's columns; an interview without issues gets a row
    of its own with the issue columns empty, so no interview is missing from the sheet. The
    user's text is made safe to open in a spreadsheet (`_cell`)."""
    return "".join(iter_csv(categories, records))


def iter_csv(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> Iterator[str]:
    """The CSV export an interview at a time."""
    names = {category.slug: category.name for category in categories}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        head = _cells(record.interview, names)
        if not record.issues:
            writer.writerow(head + [""] * len(_ISSUE_COLUMNS))
        for issue in record.issues:
            writer.writerow(head + _cells(issue, names))
    yield buffer.getvalue()
