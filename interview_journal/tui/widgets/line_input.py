"""One-line inputs that keep every pasted line.

Textual's Input keeps only the first line of a paste and drops the rest without a word. A
`LineInput` joins the lines instead (with spaces, or what the field separates with: ", " for
names); an `EntryInput`, where enter adds what was typed to a list, hands a paste of several
lines over as several entries (`EntryInput.PastedLines`), and empties itself the moment enter
is pressed, so that what is typed next starts the next entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input


def pasted_lines(text: str) -> list[str]:
    """The non-empty lines of a paste, each stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class LineInput(Input):
    """An Input whose paste of several lines is joined with `joiner`, never cut."""

    def __init__(self, *args: object, joiner: str = " ", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.joiner = joiner

    def on_paste(self, event: events.Paste) -> None:
        lines = pasted_lines(event.text)
        if len(lines) < 2:
            return  # one line: Textual's own paste
        event.prevent_default()
        event.stop()
        self.paste_lines(lines)

    def paste_lines(self, lines: list[str]) -> None:
        self.put(self.joiner.join(lines))

    def put(self, text: str) -> None:
        """Put `text` at the cursor, over the selection if there is one."""
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)


class EntryInput(LineInput):
    """The box of a list: enter submits the line and empties the box at once; a paste of
    several lines is posted as `PastedLines`, one entry a line."""

    @dataclass
    class PastedLines(Message):
        """Several lines pasted: add each as an entry."""

        input: EntryInput
        lines: list[str]

        @property
        def control(self) -> EntryInput:
            return self.input

    def paste_lines(self, lines: list[str]) -> None:
        self.post_message(self.PastedLines(self, lines))

    async def action_submit(self) -> None:
        """Submit the line, and empty the box before the next key is read: the keys typed
        right after enter begin the next line (the list answers later; should it refuse the
        line, it puts it back)."""
        value = self.value
        validation = self.validate(value) if "submitted" in self.validate_on else None
        self.post_message(self.Submitted(self, value, validation))
        self.value = ""
