"""The Textual app. It is handed its journal (STYLE.md pattern 2): it never opens one itself."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import signal
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import NoScreen
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widget import Widget

from .. import startup
from ..core.clock import Clock
from ..settings import Settings
from ..store import Journal, JournalError
from ..store.settings import THEME_SETTING
from .commands import journal_commands
from .messages import JournalDamaged, JournalReady, OpenCategory, OpenInJournal, RunJournalAction
from .screens.journal import JournalScreen
from .widgets.status_line import tell

if TYPE_CHECKING:
    from .screens.practice import PracticeScreen
    from .screens.review import ReviewScreen
    from .screens.trends import TrendsScreen

APP_BUSY_TIMEOUT = 1.0  # seconds a save waits for another program before it says so
KEYS_HELD_AT_MOST = 2.0  # seconds after the first frame, should the panes never be ready
KEY_WAITS_AT_MOST = 1.0  # seconds a key waits for the one before it (a dialog opening on a
# busy machine takes a while), should that one be lost
WARM_UP_DELAY = 0.5  # seconds after the first frame before the charts are imported


def _warm_up() -> None:
    import interview_journal.tui.screens.trends  # noqa: F401


class CalendarClock(Clock):
    """A clock whose calendar day comes from `today` (a test's fixed day), its moments from
    another clock: the app's `today=` made into the journal's one clock."""

    def __init__(self, moments: Clock, today: Callable[[], dt.date]) -> None:
        self.moments = moments
        self._today = today

    def now(self) -> dt.datetime:
        return self.moments.now()

    def today(self) -> dt.date:
        return self._today()


def _as_typed(key: events.Key) -> list[events.Key]:
    """The keys the user pressed. A terminal sends alt+i as escape then i, so escape then i
    typed within the terminal's escape delay (0.1 s) reads as alt+i: the app binds no alt key,
    so it is taken as the two keys it was (escape out of the editor, then i: a new issue)."""
    character = key.character
    if not key.key.startswith("alt+") or character is None or len(character) != 1:
        return [key]
    if not character.isprintable():
        return [key]
    name = key.key.removeprefix("alt+")
    if name.startswith("shift+") and character.isalpha():
        name = character
    return [events.Key("escape", "\x1b"), events.Key(name, character)]


@dataclass(eq=False)
class _Flight:
    """A key on its way: where it was sent from, and when."""

    screen: Screen
    focused: Widget | None
    target: Widget
    began: float


class KeyHandled(Message):
    """Sent after a key to the widget the key went to: it reaches the app, bubbling the way
    the key itself does, once the key has been handled (typed, or run as a binding)."""

    def __init__(self, flight: _Flight) -> None:
        super().__init__()
        self.flight = flight


class JournalApp(App[None]):
    """Interview Journal."""

    TITLE = "Interview Journal"
    CSS_PATH = "app.tcss"
    DEFAULT_MODE = "journal"
    # One width class and one height class on every screen; app.tcss lays the screens out by them.
    HORIZONTAL_BREAKPOINTS = [
        (0, "-tiny"),
        (76, "-narrow"),
        (110, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [
        (0, "-low"),
        (22, "-short"),
        (34, "-tall"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("t", "switch_mode('trends')", "Trends", id="app.trends"),
        Binding("r", "review", "Review", id="app.review"),
        Binding("p", "switch_mode('practice')", "Practice", id="app.practice"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        *,
        journal: Journal,
        settings: Settings | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__()
        self.journal = journal
        if today is not None:  # one clock: the journal's, whose day is then `today`
            journal.clock = CalendarClock(journal.clock, today)
        self.settings = settings or Settings(journal=journal.path)
        # The palette's providers are read from the instance; ours is bound to this journal,
        # and offers Textual's own commands after the journal's (JournalCommands).
        self.COMMANDS = {journal_commands(journal)}  # type: ignore[misc]
        # The screens are handed what they need; they never reach back into the app. The
        # journal is the first screen (`get_default_screen`) and becomes a mode once mounted.
        self.add_mode("trends", self._trends_screen)
        self.add_mode("review", self._review_screen)
        self.add_mode("practice", self._practice_screen)
        self.leaving = False
        self.review_for: str | None = None  # the interview the review briefs for; None: next
        self._damage_said = False
        # Keys go one at a time: the next waits until the one before it has been handled and
        # the focus it moved to (a new dialog, the next field) is ready, so a burst lands where
        # the user meant. At start-up they wait for the journal's panes.
        self._keys: list[events.Key] = []
        self._keys_ready = False  # the journal's panes are mounted
        self._in_flight: _Flight | None = None
        self._in_flight_timer: Timer | None = None
        self.started = asyncio.Event()  # set once the keys typed during start-up are let go
        self.sub_title = ("encrypted: " if journal.encrypted else "") + str(journal.path)
        self.sub_title += "  (read-only)" if journal.read_only else ""
        self._apply_stored_theme()

    def _apply_stored_theme(self) -> None:
        """The theme last chosen in this journal, set before the first frame is drawn; a name
        no theme here has (a theme of a newer Textual, a hand-edited journal) is passed over."""
        try:
            stored = self.journal.setting(THEME_SETTING)
        except JournalError:  # a damaged journal: it is said once the frame is out
            return
        if stored and stored in self.available_themes:
            self.theme = stored

    def _remember_theme(self, theme: Theme) -> None:
        """Keep the theme just chosen in the journal, for the next run. A journal that cannot
        be written (read-only, damaged, busy) just does not remember: the theme still shows."""
        try:
            if self.journal.setting(THEME_SETTING) != theme.name:
                self.journal.set_setting(THEME_SETTING, theme.name)
        except JournalError:
            pass

    @property
    def clock(self) -> Clock:
        return self.journal.clock

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands for the palette, but its key panel: the palette's "Keys" is the
        help of the screen on show (`?`), one entry of that name, not two."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command

    def get_default_screen(self) -> JournalScreen:
        """The journal, the first screen on show. Not made by a mode's factory: for the first
        screen of a mode Textual parses the whole stylesheet again and lays the screen out once
        more after start-up, painting only what changed (the header and the keys, with the list
        a frame later). The default screen is laid out once, and its first frame is whole.
        `on_mount` then names it the "journal" mode. Checked in a real terminal by
        tests/e2e/test_terminal.py::test_the_first_frame_shows_the_list_not_just_the_header_and_keys."""
        return JournalScreen(self.journal, clock=self.clock, settings=self.settings)

    def _trends_screen(self) -> TrendsScreen:
        """The trends mode, imported when first opened: it brings textual-plotext with it."""
        from .screens.trends import TrendsScreen

        return TrendsScreen(self.journal, clock=self.clock)

    def _review_screen(self) -> ReviewScreen:
        from .screens.review import ReviewScreen

        return ReviewScreen(self.journal, clock=self.clock, chosen=lambda: self.review_for)

    def action_review(self) -> None:
        """Review: from the journal with an interview to come selected, the briefing for that
        one; otherwise for the next one."""
        screen = self.screen
        current = screen.current if isinstance(screen, JournalScreen) else None
        ahead = current is not None and current.interview.date >= self.clock.today()
        self.review_for = current.interview.uuid if current and ahead else None
        self.switch_mode("review")

    def _practice_screen(self) -> PracticeScreen:
        from .screens.practice import PracticeScreen

        return PracticeScreen(self.journal, clock=self.clock)

    def on_mount(self) -> None:
        # The journal screen is on show in the default mode, "journal": known as a mode from
        # now on, `switch_mode("journal")` comes back to it.
        self.add_mode("journal", self.get_default_screen)
        # Subscribed from here on: the stored theme, set at start, is not written back.
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # A write waits at most a second for another program: the app must never freeze. A
        # failed autosave keeps the text on screen and tries again a little later.
        self.journal.busy_timeout = APP_BUSY_TIMEOUT
        # Closing the terminal or being asked to stop saves what was typed, as quitting does.
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(getattr(signal, name), self._stop_on_signal)

    def on_ready(self) -> None:
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """What the first frame does not show is done once it is out."""
        if self.leaving:
            return
        startup.end()
        # The keys wait until then, so the journal is still the screen on show.
        for screen in self.screen_stack:
            if isinstance(screen, JournalScreen):
                screen.show_detail()  # which posts JournalReady once its panes are there
                screen.show_overdue()  # a quiet line, never a toast over the editor
        self.set_timer(KEYS_HELD_AT_MOST, self._start_keys)  # whatever happens
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
            self.post_message(JournalDamaged(list(damaged)))

    # -- what the screens tell the app ------------------------------------------------------

    def on_journal_damaged(self, message: JournalDamaged) -> None:
        """The journal is damaged: said once, plainly, and shown in the title. What can still
        be read is shown; every save is refused by the journal itself, the text kept."""
        message.stop()
        if self._damage_said:
            return
        self._damage_said = True
        tables = message.tables
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

    def on_journal_ready(self, message: JournalReady) -> None:
        message.stop()
        self._start_keys()

    def _journal_screen(self) -> JournalScreen | None:
        """The journal, brought on show (from trends, review or a dialog over them); None,
        said, while a dialog is open over it: the palette must not act beneath a form."""
        if self.current_mode != "journal":
            self.switch_mode("journal")
        if not isinstance(self.screen, JournalScreen):
            tell(self, "Finish or close the open dialog first.", "warning", "Not now")
            return None
        return self.screen

    def on_open_in_journal(self, message: OpenInJournal) -> None:
        """Switch to the journal and select an interview (and one of its issues)."""
        message.stop()
        screen = self._journal_screen()
        if screen is not None:
            screen.go_to(message.interview_uuid, message.issue_uuid)

    def on_open_category(self, message: OpenCategory) -> None:
        message.stop()
        screen = self._journal_screen()
        if screen is not None:
            screen.go_to_category(message.slug)

    def on_run_journal_action(self, message: RunJournalAction) -> None:
        message.stop()
        screen = self._journal_screen()
        if screen is not None:
            self.call_later(screen.run_action, message.action)

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.leaving = True
        super().exit(result, return_code, message)

    # -- keys, one at a time ----------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if self.leaving and isinstance(event, events.InputEvent):
            return  # keys typed after q (t, r, ...) must not open screens on the way out
        if isinstance(event, events.Key) and not event.is_forwarded:
            # From the terminal: it waits for the keys before it, and for start-up.
            self._keys.extend(_as_typed(event))
            self._next_key()
            return
        await super().on_event(event)

    def _next_key(self) -> None:
        """Send the next waiting key, if nothing is in the way."""
        if not self._keys_ready or self._in_flight is not None or not self._keys:
            return
        key = self._keys.pop(0)
        flight = _Flight(self.screen, self.focused, self.focused or self.screen, time.monotonic())
        self._in_flight = flight
        self._in_flight_timer = self.set_interval(0.02, partial(self._watch_flight, flight))
        self.call_later(self._send, key, flight)

    async def _send(self, key: events.Key, flight: _Flight) -> None:
        await super().on_event(key)  # Textual's own handling: priority bindings, or forwarded
        if self.screen is not flight.screen:  # a priority binding opened or closed a screen
            self.screen.call_later(self._key_done, flight)
            return
        # Behind the key, to the widget it went to: it reaches the app the way the key does.
        flight.target.post_message(KeyHandled(flight).set_sender(flight.target))

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        flight = message.flight
        if flight.screen is not self.screen or flight.focused is not self.focused:
            # The key moved the focus or opened a screen: the next key waits until the screen
            # on show has handled what is queued for it (a new dialog mounts first, and
            # focuses its first field then).
            self.screen.call_later(self._key_done, flight)
        else:
            self._key_done(flight)

    def _watch_flight(self, flight: _Flight) -> None:
        """The key closed the dialog it was typed in (escape, enter), so its KeyHandled went
        with it; or it was lost: the keys after it go on."""
        try:
            gone = flight.target.screen not in self.screen_stack
        except NoScreen:
            gone = True
        if gone:
            self.screen.call_later(self._key_done, flight)
        elif time.monotonic() - flight.began > KEY_WAITS_AT_MOST:
            self._key_done(flight)

    def _key_done(self, flight: _Flight) -> None:
        if self._in_flight is not flight:
            return  # done already (by its KeyHandled, or by the watch)
        if self._in_flight_timer is not None:
            self._in_flight_timer.stop()
            self._in_flight_timer = None
        self._in_flight = None
        self._next_key()

    def _start_keys(self) -> None:
        """Start-up is done: handle the keys typed during it, in order."""
        if not self._keys_ready:
            self._keys_ready = True
            self.started.set()
            self._next_key()

    def _stop_on_signal(self) -> None:
        self.save_drafts()
        for screen in self.screen_stack:  # the interview form, what went well
            save_now = getattr(screen, "save_now", None)
            if callable(save_now):
                save_now()
        self.exit(return_code=1)

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
        from .screens.export_progress import exporting

        writing = exporting(self)  # an export still being written in a worker
        if saved and not typing and not writing:
            self.exit()
            return
        from .screens.confirm import ConfirmScreen

        if not saved:
            question = "Your last edit could not be saved (the reason is beside it)."
        elif typing:
            question = "What you typed here is not saved yet."
        else:
            question = "The journal's export is still being written: quitting stops it."
        question += "\n\nQuit anyway, and lose it?"
        self.push_screen(
            ConfirmScreen(question, confirm_label="Quit and lose it"),
            self._quit_if,
        )

    def _quit_if(self, really: bool | None) -> None:
        if really:
            self.exit()

    def action_export_json(self) -> None:
        """The journal into a new JSON file beside it, in a worker, a bar showing how far."""
        from .screens.export_progress import export_journal

        export_journal(self, self.journal.path, self.clock.today())

    def action_help(self) -> None:
        """The keys of the screen on show (help.help_sections)."""
        from .screens.help import HelpScreen, help_sections

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(self.screen, self)))
