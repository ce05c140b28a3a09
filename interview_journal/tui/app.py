"""The Textual app. It is handed its journal (STYLE.md pattern 2): it never opens one itself."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import signal
import weakref
from collections.abc import Callable, Sequence
from typing import ClassVar, TypeVar

from rich.console import RenderableType
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget

from .. import startup
from ..settings import Settings
from ..store import CorruptJournal, Journal, JournalError
from .commands import JournalCommands
from .screens.journal import JournalScreen

T = TypeVar("T")

APP_BUSY_TIMEOUT = 1.0  # seconds a save waits for another program before it says so
KEYS_HELD_AT_MOST = 2.0  # seconds after the first frame, should the panes never be ready
WARM_UP_DELAY = 0.5  # seconds after the first frame before the charts are imported


def trends_screen() -> Screen:
    """The trends mode, imported when first opened: it brings textual-plotext with it."""
    from .screens.trends import TrendsScreen

    return TrendsScreen()


def review_screen() -> Screen:
    from .screens.review import ReviewScreen

    return ReviewScreen()


def _warm_up() -> None:
    import interview_journal.tui.screens.trends  # noqa: F401


class JournalApp(App[None]):
    """Interview Journal."""

    TITLE = "Interview Journal"
    CSS_PATH = "app.tcss"
    MODES: ClassVar[dict[str, Callable[[], Screen]]] = {
        "journal": JournalScreen,
        "trends": trends_screen,
        "review": review_screen,
    }
    DEFAULT_MODE = "journal"
    # One width class and one height class on every screen; app.tcss lays the screens out by them.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-tiny"),
        (76, "-narrow"),
        (110, "-wide"),
    ]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-low"),
        (22, "-short"),
        (34, "-tall"),
    ]
    COMMANDS = App.COMMANDS | {JournalCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("t", "switch_mode('trends')", "Trends", id="app.trends"),
        Binding("r", "switch_mode('review')", "Review", id="app.review"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        *,
        journal: Journal,
        settings: Settings | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__()
        self.journal = journal
        self.settings = settings or Settings(journal=journal.path)
        self.today = today
        self.leaving = False
        self._damage_said = False
        # Keys typed before the journal screen's panes are all mounted wait for them (an `i` or
        # a `tab` in the first instant would otherwise be lost, and the next letters be keys).
        self._held_keys: list[events.Key] | None = []
        self.started = asyncio.Event()  # set once they are released
        # Which widget each key in flight was sent to (see _refocused).
        self._sent_to: weakref.WeakKeyDictionary[events.Key, Widget | None] = (
            weakref.WeakKeyDictionary()
        )
        self.sub_title = str(journal.path) + ("  (read-only)" if journal.read_only else "")

    def on_mount(self) -> None:
        self._paint_whole_screen()
        # A write waits at most a second for another program: the app must never freeze. A
        # failed autosave keeps the text on screen and tries again a little later.
        self.journal.busy_timeout = APP_BUSY_TIMEOUT
        # Closing the terminal or being asked to stop saves what was typed, as quitting does.
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(getattr(signal, name), self._stop_on_signal)

    def _paint_whole_screen(self) -> None:
        """Make the first update after start-up paint every cell.

        Textual's start-up is one batch update, and nothing reaches the terminal during it.
        The journal screen lays itself out before start-up is over, so its first frame is
        dropped, and the updates after it only paint what changed since: the header and keys
        showed, and the interview list only with the next change of layout, 30-50 ms later.
        Marking the whole screen dirty makes the update that ends start-up a full one. (The
        compositor's dirty regions are Textual's own; Textual is pinned to a minor version,
        and if they are not there this does nothing.)
        """
        compositor = getattr(self.screen, "_compositor", None)
        dirty = getattr(compositor, "_dirty_regions", None)
        if isinstance(dirty, set):
            dirty.add(self.screen.region)

    def on_ready(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        self._announce_overdue()

    def _after_first_frame(self) -> None:
        """What the first frame does not show is done once it is out."""
        if self.leaving:
            return
        startup.end()
        # The keys are held until then, so the journal is still the screen on show.
        for screen in self.screen_stack:
            if isinstance(screen, JournalScreen):
                screen.show_detail()  # which releases the keys once its panes are ready
        self.set_timer(KEYS_HELD_AT_MOST, self.release_keys)  # whatever happens
        # Charts cost 0.2 s to import: pay it in the background while the user reads the list,
        # a moment later so that the two do not share the processor.
        self.set_timer(WARM_UP_DELAY, self._warm_up)

    def _warm_up(self) -> None:
        self.run_worker(_warm_up, thread=True, exit_on_error=False, group="warm-up")
        # Then SQLite's quick check, on a connection of its own in a thread: a journal damaged
        # anywhere is said at once, not at the first save.
        self.run_worker(self._check_soundness, thread=True, exit_on_error=False, group="check")

    def _check_soundness(self) -> None:
        from ..store.journal import damage_report

        damaged = damage_report(self.journal.path)
        if damaged and not self.leaving:
            self.call_from_thread(self.journal_damaged, list(damaged))

    def journal_damaged(self, tables: Sequence[str] = ()) -> None:
        """The journal is damaged: said once, plainly, and shown in the title. What can still
        be read is shown; every save is refused by the journal itself, the text kept."""
        if self._damage_said:
            return
        self._damage_said = True
        where = f" (in {', '.join(tables)})" if tables else ""
        self.sub_title = f"{self.journal.path}  (damaged: nothing can be saved)"
        self.notify(
            f"This journal is damaged{where}. What can still be read is shown, and nothing can "
            "be saved into it. Quit, then run: interview-journal rescue OUT.json (it saves "
            "every row that can be read), and import OUT.json into a new journal.",
            title="Damaged journal",
            severity="error",
            timeout=30,
            markup=False,
        )

    def reading(self, read: Callable[[], T], fallback: T) -> T:
        """What `read` gives, or `fallback` where the journal cannot be read: a damaged part is
        said once (journal_damaged) and the app goes on with what it can read; another failure
        is said as it comes. Nothing typed is lost either way."""
        try:
            return read()
        except CorruptJournal:
            self.journal_damaged()
        except JournalError as error:
            self.notify(str(error), title="Cannot read the journal", severity="error", markup=False)
        return fallback

    def _announce_overdue(self) -> None:
        """Follow-ups past their day, said once at the start: the thank-you note matters."""
        overdue = self.reading(lambda: self.journal.overdue_follow_ups(self.today()), [])
        if not overdue:
            return
        companies = self.reading(
            lambda: [self.journal.interview(f.interview_uuid).company for f in overdue[:3]], None
        )
        if companies is None:
            return
        said = [
            f"{f.kind.replace('-', ' ')} for {company}, due {f.due:%a %d %b}"
            for f, company in zip(overdue, companies, strict=False)
        ]
        if len(overdue) > 3:
            said.append(f"{len(overdue) - 3} more")
        count = f"{len(overdue)} follow-up{'s' if len(overdue) != 1 else ''} overdue"
        # On the journal's status line, not in a toast: a toast would cover the editor.
        from .widgets.status_line import StatusLine

        for line in self.screen.query(StatusLine):
            line.say(f"{count} (select the interview, press f): {'; '.join(said)}", "warning")

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.leaving = True
        super().exit(result, return_code, message)

    async def on_event(self, event: events.Event) -> None:
        if self.leaving and isinstance(event, events.InputEvent):
            return  # keys typed after q (t, r, ...) must not open screens on the way out
        if isinstance(event, events.Key):
            if self._held_keys is not None:
                self._held_keys.append(event)  # typed before the panes they act on were there
                return
            if self._refocused(event):
                return
            if not event.is_forwarded:
                self._sent_to[event] = self.focused
        await super().on_event(event)

    def _refocused(self, key: events.Key) -> bool:
        """A key on its way back from the widget it was sent to, after an earlier key moved the
        focus (`i` then `dy` in one burst): it is typed where the focus now is, as it would have
        been a moment later, rather than taken as a command (d: delete)."""
        if not key.is_forwarded or key not in self._sent_to:
            return False
        sent_to = self._sent_to.pop(key)
        focused = self.focused
        if (
            focused is None
            or focused is sent_to
            or not focused.check_consume_key(key.key, key.character)
        ):
            return False
        self.post_message(events.Key(key.key, key.character).set_sender(self))
        return True

    def release_keys(self) -> None:
        """Start-up is done: handle the keys typed during it, in order."""
        held, self._held_keys = self._held_keys, None
        for key in held or ():
            # Sent as from the app, as the terminal's keys are: a key sent from a screen would
            # stop bubbling at that screen, before the app looks at the bindings.
            self.post_message(events.Key(key.key, key.character).set_sender(self))
        self.started.set()

    def _stop_on_signal(self) -> None:
        self.save_drafts()
        for screen in self.screen_stack:  # the interview form, what went well
            save_now = getattr(screen, "save_now", None)
            if callable(save_now):
                save_now()
        self.exit(return_code=1)

    def open_in_journal(self, interview_uuid: str, issue_uuid: str | None = None) -> None:
        """Switch to the journal and select an interview (and one of its issues)."""
        self.switch_mode("journal")
        screen = self.screen
        if isinstance(screen, JournalScreen):
            screen.go_to(interview_uuid, issue_uuid)

    def save_drafts(self) -> bool:
        """Save what any screen still holds unsaved; False if something could not be saved."""
        # Leaving asks its own question: a save refused for a change made in another window
        # is not asked about here (that dialog would open under the question).
        return all(
            screen.save_draft(ask=False)
            for screen in self.screen_stack
            if isinstance(screen, JournalScreen)
        )

    async def action_quit(self) -> None:
        saved = self.save_drafts()
        # A dialog (the interview form, the composer, what went well) holding typed text that
        # is not saved yet: ctrl+q must not throw it away without asking.
        typing = any(getattr(screen, "unsaved_text", False) for screen in self.screen_stack)
        if saved and not typing:
            self.exit()
            return
        from .screens.confirm import ConfirmScreen

        question = (
            "Your last edit could not be saved (the reason is beside it).\n\n"
            "Quit anyway, and lose it?"
            if not saved
            else "What you typed here is not saved yet.\n\nQuit anyway, and lose it?"
        )
        self.push_screen(
            ConfirmScreen(question, confirm_label="Quit and lose it"),
            lambda really: really and self.exit(),
        )

    def action_help(self) -> None:
        """The keys of the screen on show (help.help_sections)."""
        from .screens.help import HelpScreen, help_sections

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(self.screen, self)))
