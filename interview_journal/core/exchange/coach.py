"""One interview for a coach or a mentor (issue 15): its heading, what went wrong beside what I
should have done, what went well, the follow-ups sent; the brain dump only when asked for.

Only the record given is read: nothing of any other interview can reach the page. Markdown
escapes the user's text as the whole-journal export does (core/exchange/text.py); HTML escapes
everything, our own words included, and is a page of its own that runs nothing.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..model import Category, InterviewRecord, Issue
from .text import _md_line, _md_lines

NOT_YET = "not written yet"


def coach_title(record: InterviewRecord) -> str:
    """ "Acme — Backend Engineer" (the company alone when there is no role)."""
    interview = record.interview
    return interview.company + (f" — {interview.role}" if interview.role else "")


def _heading(record: InterviewRecord) -> list[tuple[str, str]]:
    """(label, value) pairs of the interview's heading, as plain text."""
    interview = record.interview
    when = interview.date.isoformat()
    if interview.time:
        when += " " + interview.time.strftime("%H:%M")
    return [
        ("Company", interview.company),
        ("Role", interview.role or "—"),
        ("Stage", interview.stage),
        ("Date", when),
        ("Outcome", interview.outcome),
    ]


def _category(issue: Issue, names: dict[str, str]) -> str:
    return names.get(issue.category or "", "uncategorised")


def _sent(record: InterviewRecord) -> list[tuple[str, str]]:
    """(kind, day sent) of the follow-ups that were sent, in the order they are kept."""
    return [
        (follow_up.kind, follow_up.done.isoformat())
        for follow_up in record.follow_ups
        if follow_up.done is not None
    ]


def coach_markdown(
    record: InterviewRecord, categories: Iterable[Category], *, with_notes: bool = False
) -> str:
    """The interview as Markdown to read or send: the user's text shown as written, never
    turned into headings, links or raw HTML."""
    names = {category.slug: category.name for category in categories}
    out = [f"# {_md_line(coach_title(record))}", ""]
    out += [f"- **{label}:** {_md_line(value)}" for label, value in _heading(record)]
    out.append("")
    out += ["## What went wrong, and what I should have done", ""]
    if not record.issues:
        out += ["Nothing written down yet.", ""]
    for number, issue in enumerate(record.issues, 1):
        out.append(f"{number}. **What went wrong:** {_md_line(issue.problem)}")
        should = _md_line(issue.should_have) or f"*{NOT_YET}*"
        out.append(f"   - **What I should have done:** {should}")
        if issue.action.strip():
            out.append(f"   - **Next step:** {_md_line(issue.action)}")
        out.append(
            f"   - **Category:** {_md_line(_category(issue, names))}, "
            f"severity {issue.severity} of 3"
        )
    if record.issues:
        out.append("")
    out += ["## What went well", ""]
    out += [f"- {_md_line(positive.text)}" for positive in record.positives] or [
        "Nothing written down yet."
    ]
    out.append("")
    out += ["## Follow-ups sent", ""]
    out += [f"- {kind}, sent {day}" for kind, day in _sent(record)] or ["None sent yet."]
    out.append("")
    notes = record.interview.notes.strip()
    if with_notes and notes:
        out += ["## My notes (the brain dump)", "", *_md_lines(notes), ""]
    return "\n".join(out).rstrip() + "\n"


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#222}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #ccc;padding:.4rem .6rem;vertical-align:top;text-align:left}"
    "th{background:#f3f3f3}dt{font-weight:bold;float:left;clear:left;width:6rem}"
    "dd{margin:0 0 .2rem 6.5rem}.quiet{color:#666;font-size:.9em}"
)


def _h(text: str) -> str:
    """Text escaped for HTML, its line breaks kept."""
    return "<br>\n".join(html.escape(line) for line in text.strip().splitlines())


def coach_html(
    record: InterviewRecord, categories: Iterable[Category], *, with_notes: bool = False
) -> str:
    """The interview as a small page of its own: no script, nothing fetched (its policy says
    so), every word escaped."""
    names = {category.slug: category.name for category in categories}
    title = _h(coach_title(record))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        "<dl>",
    ]
    out += [f"<dt>{_h(label)}</dt><dd>{_h(value)}</dd>" for label, value in _heading(record)]
    out += ["</dl>", "<h2>What went wrong, and what I should have done</h2>"]
    if record.issues:
        out += [
            "<table>",
            "<thead><tr><th>What went wrong</th><th>What I should have done</th></tr></thead>",
            "<tbody>",
        ]
        for issue in record.issues:
            should = _h(issue.should_have) or f'<span class="quiet">{_h(NOT_YET)}</span>'
            if issue.action.strip():
                should += f"<br>\n<strong>Next step:</strong> {_h(issue.action)}"
            about = f"{_h(_category(issue, names))}, severity {issue.severity} of 3"
            out.append(
                f'<tr><td>{_h(issue.problem)}<br>\n<span class="quiet">{about}</span></td>'
                f"<td>{should}</td></tr>"
            )
        out += ["</tbody>", "</table>"]
    else:
        out.append("<p>Nothing written down yet.</p>")
    out.append("<h2>What went well</h2>")
    if record.positives:
        out += ["<ul>", *(f"<li>{_h(each.text)}</li>" for each in record.positives), "</ul>"]
    else:
        out.append("<p>Nothing written down yet.</p>")
    out.append("<h2>Follow-ups sent</h2>")
    sent = _sent(record)
    if sent:
        out += ["<ul>", *(f"<li>{_h(kind)}, sent {_h(day)}</li>" for kind, day in sent), "</ul>"]
    else:
        out.append("<p>None sent yet.</p>")
    notes = record.interview.notes.strip()
    if with_notes and notes:
        paragraphs = [part for part in notes.split("\n\n") if part.strip()]
        out.append("<h2>My notes (the brain dump)</h2>")
        out += [f"<p>{_h(part)}</p>" for part in paragraphs]
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
