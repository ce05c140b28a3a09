"""A JSON object read a piece at a time, one of its arrays an item at a time.

An export of ten thousand interviews is a single JSON object; `json.loads` would hold the whole
text and every object of it at once (several times the file's size). Here the text comes in
pieces and each value is decoded by the standard library's own decoder as soon as it is whole,
so memory holds one item of the streamed array at a time, not the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

_SPACE = re.compile(r"[ \t\n\r]*")
_NEAR_THE_END = 64
"""A decoding error this close to the end of what has come may only mean "more is coming"."""


class StreamError(ValueError):
    """The text is not JSON; said as `json` says it, with the line and column."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(f"{message}: line {line} column {column}")
        self.msg, self.lineno, self.colno = message, line, column


class _Text:
    """The part of the text not consumed yet, and where it starts in the whole."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self.pieces = iter(pieces)
        self.text = ""
        self.pos = 0
        self.done = False
        self.line, self.column = 1, 1  # of text[0]

    def more(self) -> bool:
        """Take the next piece in, dropping what was consumed; False at the end."""
        piece = next(self.pieces, None)
        if piece is None:
            self.done = True
            return False
        gone = self.pos  # the characters consumed, counted where they are (not copied)
        newlines = self.text.count("\n", 0, gone)
        if newlines:
            self.line += newlines
            self.column = gone - self.text.rfind("\n", 0, gone)
        else:
            self.column += gone
        self.text = self.text[self.pos :] + piece
        self.pos = 0
        return True

    def error(self, message: str, index: int) -> StreamError:
        before = self.text[:index]
        newlines = before.count("\n")
        if newlines:
            return StreamError(message, self.line + newlines, index - before.rfind("\n"))
        return StreamError(message, self.line, self.column + index)

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]  # \s* always matches
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos : self.pos + 1]

    def take(self, char: str, expecting: str) -> None:
        if self.peek() != char:
            raise self.error(f"Expecting {expecting}", self.pos)
        self.pos += 1

    def value(self, decoder: json.JSONDecoder) -> object:
        """The next whole value. A value that ends where the text so far ends (a number, say)
        may go on in the next piece: it is taken only once something follows it."""
        self.peek()
        while True:
            try:
                value, end = decoder.raw_decode(self.text, self.pos)
                if end < len(self.text) or self.done:
                    self.pos = end
                    return value
            except json.JSONDecodeError as error:
                unfinished = error.msg.startswith("Unterminated string") or (
                    error.pos >= len(self.text) - _NEAR_THE_END
                )
                if self.done or not unfinished:
                    raise self.error(error.msg, error.pos) from None
            self.more()


def read_object(
    pieces: Iterable[str], streamed: str, decoder: json.JSONDecoder
) -> Iterator[tuple[str, object, object]]:
    """The members of the object the text holds, in order, as ("member", key, value); the
    array under `streamed` comes item by item, as ("item", index, value). A text that holds
    something other than an object comes whole, as ("whole", None, value). A key given twice
    at the top comes as ("again", key, None), where it is met."""
    text = _Text(pieces)
    if text.peek() != "{":
        whole = text.value(decoder)
        _end(text)
        yield ("whole", None, whole)
        return
    text.pos += 1
    seen: set[str] = set()
    if text.peek() == "}":
        text.pos += 1
        _end(text)
        return
    while True:
        if text.peek() != '"':
            raise text.error("Expecting property name enclosed in double quotes", text.pos)
        key = text.value(decoder)
        assert isinstance(key, str)
        text.take(":", "':' delimiter")
        if key in seen:
            yield ("again", key, None)
        seen.add(key)
        if key == streamed and text.peek() == "[":
            text.pos += 1
            yield from _items(text, decoder)
        else:
            yield ("member", key, text.value(decoder))
        if not _another(text, "}"):
            break
    _end(text)


def _items(text: _Text, decoder: json.JSONDecoder) -> Iterator[tuple[str, object, object]]:
    if text.peek() == "]":
        text.pos += 1
        return
    index = 0
    while True:
        yield ("item", index, text.value(decoder))
        index += 1
        if not _another(text, "]"):
            return


def _another(text: _Text, closing: str) -> bool:
    """After a member or an item: True at a comma (another comes), False at `closing`."""
    following = text.peek()
    text.pos += 1
    if following == closing:
        return False
    if following != ",":
        raise text.error("Expecting ',' delimiter", text.pos - 1)
    return True


def _end(text: _Text) -> None:
    if text.peek():
        raise text.error("Extra data", text.pos)
