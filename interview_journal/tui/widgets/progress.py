"""The trends screen's progress panel: what has stopped coming back, said in a few lines."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...core.progress import Progress
from ...core.text import counted

NOTHING_YET = "Progress shows here as mistakes stop coming back."
MOST_NAMED = 3
"""The fixed mistakes named; the others are counted (the panel is a few lines)."""


def progress_text(progress: Progress) -> Text:
    """The panel's lines: each fact only when there is something to say."""
    lines: list[Text] = []
    if progress.since_avoidable == 0:
        lines.append(
            Text(
                "Your latest interview had an avoidable mistake: the day-of checklist in the "
                "briefing (r) guards against it next time."
            )
        )
    elif progress.since_avoidable is not None:
        lines.append(
            Text(f"{counted(progress.since_avoidable, 'interview')} since an avoidable mistake.")
        )
    if progress.fixed:
        line = Text("Fixed", style="bold")
        fewest = min(fixed.since for fixed in progress.fixed)
        line.append(f", not seen in your last {counted(fewest, 'interview')}: ")
        names = [fixed.name for fixed in progress.fixed[:MOST_NAMED]]
        more = len(progress.fixed) - len(names)
        line.append(", ".join(names) + (f" and {more} more" if more else "") + ".")
        lines.append(line)
    if progress.year_ago:
        line = Text("A year ago: ", style="bold")
        line.append(f"{', '.join(progress.year_ago)}. Not once in the last six months.")
        lines.append(line)
    if not lines:
        return Text(NOTHING_YET, style="dim")
    return Text("\n").join(lines)


class ProgressPanel(Static):
    """A few lines of momentum above the tables (core/progress)."""

    def show(self, progress: Progress) -> None:
        self.update(progress_text(progress))
