"""The interview list widget, driven by keys and the mouse over a journal on a temporary file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.style import Style
from textual.app import App, ComposeResult

from interview_journal.core.model import Interview, InterviewSummary
from interview_journal.core.sample import generate_sample
from interview_journal.store import Journal, open_journal
from interview_journal.tui.widgets.interview_list import (
    HEADER,
    PAGE_SIZE,
    InterviewList,
    format_row,
)

from .conftest import TODAY

SIZE = (100, 12)  # 11 rows under the header


class JournalSource:
    """The journal as the list sees it, counting the pages it is asked for."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.pages: list[int] = []

    def count(self) -> int:
        return self.journal.count_interviews()

    def page(self, offset: int, limit: int) -> Sequence[InterviewSummary]:
        self.pages.append(offset)
        return self.journal.interview_summaries(limit=limit, offset=offset)

    def position(self, uuid: str) -> int | None:
        return self.journal.interview_position(uuid)


class ListApp(App[None]):
    """Only the list, and a record of what it announced."""

    def __init__(self, source: JournalSource) -> None:
        super().__init__()
        self.source = source
        self.highlighted: list[InterviewSummary | None] = []
        self.selected: list[InterviewSummary] = []

    def compose(self) -> ComposeResult:
        yield InterviewList(self.source)

    def on_interview_list_highlighted(self, message: InterviewList.Highlighted) -> None:
        self.highlighted.append(message.summary)

    def on_interview_list_selected(self, message: InterviewList.Selected) -> None:
        self.selected.append(message.summary)


def fill(journal: Journal, count: int) -> None:
    journal.import_records([], generate_sample(count, today=TODAY))


def lines(widget: InterviewList) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


def uuid_of(summary: InterviewSummary | None) -> str | None:
    return summary.interview.uuid if summary else None


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """2,000 interviews, built once: the import is the slow part of these tests."""
    journal = open_journal(Path(tmp_path_factory.mktemp("big")) / "journal.db")
    fill(journal, 2_000)
    yield journal
    journal.close()


async def test_rows_newest_first_with_their_cells(journal: Journal) -> None:
    fill(journal, 30)
    expected = journal.interview_summaries()
    app = ListApp(JournalSource(journal))
    async with app.run_test(size=(160, 12)):  # wide enough that no cell is cut
        widget = app.query_one(InterviewList)
        header, *rows = lines(widget)
        assert header.split() == ["Date", "Company", "Role", "Step", "Outcome"]
        assert len(rows) == 11
        dates = [row.split()[0] for row in rows]
        assert dates == sorted(dates, reverse=True)
        for row, summary in zip(rows, expected, strict=False):
            interview = summary.interview
            assert row.startswith(f" {interview.date.isoformat()} {interview.company}")
            assert interview.role in row
            assert f" {summary.step} " in row
            assert row.rstrip().endswith(interview.outcome)
        assert widget.row_count == 30
        assert uuid_of(widget.highlighted) == expected[0].interview.uuid
        assert [uuid_of(s) for s in app.highlighted] == [expected[0].interview.uuid]


async def test_text_is_literal_and_wide_characters_keep_alignment(journal: Journal) -> None:
    fill(journal, 5)
    day = TODAY - dt.timedelta(days=1)
    journal.add_interview(Interview(company="[bold]Globex[/]", role="[red]SRE", date=day))
    journal.add_interview(
        Interview(company="日本語の会社 🚀🚀🚀 " * 4, role="🎉 Staff 工程师", date=day)
    )
    journal.add_interview(Interview(company="Tab\there", role="new\nline", date=day))
    app = ListApp(JournalSource(journal))
    async with app.run_test(size=SIZE):
        widget = app.query_one(InterviewList)
        rendered = [widget.render_line(y) for y in range(widget.size.height)]
        assert {strip.cell_length for strip in rendered} == {widget.size.width}
        texts = [strip.text for strip in rendered]
        assert {cell_len(text) for text in texts} == {widget.size.width}
        assert any("[bold]Globex[/]" in text and "[red]SRE" in text for text in texts)
        assert any("…" in text and "🚀" in text for text in texts)
        assert not any("\t" in text or "\n" in text for text in texts)
        # The Step column starts at the same cell on every row, wide characters or not.
        step_cells = set()
        for text in texts[1:]:
            if not text.strip():
                continue
            step = next(
                s
                for s in ("captured", "assessed", "solved", "followed up", "closed")
                if f" {s} " in text
            )
            step_cells.add(cell_len(text[: text.rindex(f" {step} ")]))
        assert len(step_cells) == 1


async def test_keys_move_the_cursor_and_announce_each_row(journal: Journal) -> None:
    fill(journal, 30)
    expected = [s.interview.uuid for s in journal.interview_summaries()]
    app = ListApp(JournalSource(journal))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(InterviewList)
        assert widget.has_focus
        moves = [
            ("j", 1),
            ("down", 2),
            ("k", 1),
            ("up", 0),
            ("up", 0),  # stays on the first row
            ("pagedown", 11),
            ("pagedown", 22),
            ("pageup", 11),
            ("end", 29),
            ("down", 29),  # stays on the last row
            ("home", 0),
        ]
        for key, index in moves:
            await pilot.press(key)
            assert widget.cursor == index, key
            assert uuid_of(widget.highlighted) == expected[index]
        announced = [uuid_of(s) for s in app.highlighted]
        moved = [expected[i] for i in (0, 1, 2, 1, 0, 11, 22, 11, 29, 0)]
        assert announced == moved
        # The cursor row is always on screen, under the header.
        await pilot.press("end")
        assert widget.scroll_offset.y == 30 - 11
        assert expected[29] == uuid_of(widget.highlighted)
        last = widget.highlighted
        assert last is not None and last.interview.company in lines(widget)[-1]


async def test_enter_and_mouse(journal: Journal) -> None:
    fill(journal, 30)
    expected = [s.interview.uuid for s in journal.interview_summaries()]
    app = ListApp(JournalSource(journal))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(InterviewList)
        await pilot.press("j", "enter")
        assert [uuid_of(s) for s in app.selected] == [expected[1]]
        widget.blur()
        await pilot.pause()
        assert await pilot.click(InterviewList, offset=(5, 4))  # line 4 is row 3
        assert widget.has_focus
        assert widget.cursor == 3
        assert uuid_of(app.highlighted[-1]) == expected[3]
        assert len(app.selected) == 1
        await pilot.click(InterviewList, offset=(5, 0))  # the header moves nothing
        assert widget.cursor == 3
        await pilot.double_click(InterviewList, offset=(5, 6))
        assert widget.cursor == 5
        assert [uuid_of(s) for s in app.selected] == [expected[1], expected[5]]


async def test_many_interviews_are_paged_and_cached(big_journal: Journal) -> None:
    source = JournalSource(big_journal)
    app = ListApp(source)
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(InterviewList)
        assert widget.row_count == 2_000
        await pilot.press(*["down"] * 50)
        assert widget.cursor == 50
        assert len(source.pages) <= 2
        assert len(set(source.pages)) == len(source.pages)  # no page fetched twice
        await pilot.press("end")
        last = big_journal.interview_summaries(limit=1, offset=1_999)[0]
        assert widget.cursor == 1_999
        assert uuid_of(widget.highlighted) == last.interview.uuid
        assert last.interview.company in lines(widget)[-1]
        await pilot.press("home")
        first = big_journal.interview_summaries(limit=1)[0]
        assert widget.cursor == 0 and widget.scroll_offset.y == 0
        assert uuid_of(widget.highlighted) == first.interview.uuid
        # Every page but the first and the last was skipped over, never fetched.
        assert set(source.pages) <= {0, (1_999 // PAGE_SIZE) * PAGE_SIZE}


async def test_select_uuid_scrolls_the_interview_into_view(big_journal: Journal) -> None:
    app = ListApp(JournalSource(big_journal))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(InterviewList)
        target = big_journal.interview_summaries(limit=1, offset=1_234)[0].interview
        assert widget.select_uuid(target.uuid)
        await pilot.pause()
        assert widget.cursor == 1_234
        top = widget.scroll_offset.y
        assert top <= 1_234 < top + 11
        assert target.company in lines(widget)[1_234 - top + 1]
        assert uuid_of(app.highlighted[-1]) == target.uuid
        assert not widget.select_uuid("no-such-interview")
        assert widget.cursor == 1_234


async def test_reload_keeps_the_cursor_on_the_same_interview(journal: Journal) -> None:
    fill(journal, 30)
    app = ListApp(JournalSource(journal))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(InterviewList)
        await pilot.press("j", "j", "j")
        kept = widget.highlighted
        assert kept is not None
        journal.add_interview(Interview(company="Newest", date=TODAY + dt.timedelta(days=60)))
        widget.reload(keep=kept.interview.uuid)
        await pilot.pause()
        assert widget.row_count == 31
        assert widget.cursor == 4
        assert uuid_of(widget.highlighted) == kept.interview.uuid
        assert uuid_of(app.highlighted[-1]) == kept.interview.uuid
        assert "Newest" in lines(widget)[1]
        # Without `keep` (or when it is gone) the index stays, clamped to the rows left.
        await pilot.press("end")
        last = widget.highlighted
        assert last is not None
        journal.delete_interview(last.interview.uuid)
        widget.reload(keep=last.interview.uuid)
        await pilot.pause()
        assert widget.row_count == 30
        assert widget.cursor == 29
        assert uuid_of(app.highlighted[-1]) == uuid_of(widget.highlighted)


async def test_set_source_starts_over(journal: Journal, big_journal: Journal) -> None:
    fill(journal, 30)
    app = ListApp(JournalSource(journal))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(InterviewList)
        await pilot.press("end")
        widget.set_source(JournalSource(big_journal))
        await pilot.pause()
        assert widget.row_count == 2_000
        assert widget.cursor == 0 and widget.scroll_offset.y == 0
        first = big_journal.interview_summaries(limit=1)[0]
        assert uuid_of(app.highlighted[-1]) == first.interview.uuid


async def test_an_empty_journal_shows_only_the_header(journal: Journal) -> None:
    app = ListApp(JournalSource(journal))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(InterviewList)
        await pilot.press("down", "end", "enter")
        header, *rows = lines(widget)
        assert header.split() == ["Date", "Company", "Role", "Step", "Outcome"]
        assert not any(row.strip() for row in rows)
        assert widget.row_count == 0
        assert widget.highlighted is None
        assert app.highlighted == [None]
        assert app.selected == []


async def test_upcoming_closed_and_cursor_rows_have_their_styles(journal: Journal) -> None:
    today = dt.date.today()  # the widget compares with the real date
    records = generate_sample(30, today=today)
    records[-3].interview.closed = True  # the newest interview that already happened
    journal.import_records([], records)
    summaries = journal.interview_summaries()
    upcoming = [s.interview.upcoming(today) for s in summaries]
    closed = next(i for i, s in enumerate(summaries) if s.interview.closed)
    assert upcoming[:2] == [True, True] and closed < 11
    app = ListApp(JournalSource(journal))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(InterviewList)

        def style_of(y: int) -> Style:
            style = next(iter(widget.render_line(y))).style
            assert style is not None
            return style

        def component(name: str) -> Style:
            return widget.get_component_rich_style(f"interview-list--{name}")

        plain = 1 + next(i for i, up in enumerate(upcoming) if not up and i != closed)
        assert style_of(0).bgcolor == component("header").bgcolor
        assert style_of(2).color == component("upcoming").color
        assert style_of(closed + 1).color == component("closed").color
        assert style_of(plain).color not in {component("upcoming").color, None}
        focused = style_of(1)
        assert focused.bgcolor == component("cursor").bgcolor
        widget.blur()
        await pilot.pause()
        blurred = style_of(1)
        assert blurred.bgcolor == component("cursor").bgcolor != focused.bgcolor


@pytest.mark.parametrize(
    ("width", "shown"),
    [
        (120, ["Date", "Company", "Role", "Step", "Outcome"]),
        (55, ["Date", "Company", "Step", "Outcome"]),
        (40, ["Date", "Company", "Outcome"]),
        (33, ["Date", "Company"]),  # the list's width in an 80-column terminal
    ],
)
def test_a_narrow_list_drops_role_step_and_outcome_before_the_company(
    width: int, shown: list[str]
) -> None:
    header = format_row(HEADER, width, width)
    assert header.split() == shown
    assert len(header) == width
    row = format_row(("2026-11-20", "Acme", "Engineer", "captured", "pending"), width, width)
    assert "Acme" in row and len(row) == width
