"""The house rules that a reader of the code relies on (issue 11): rooms of one job, and no
private Textual API but the one pinned workaround (tests/test_first_frame.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import interview_journal

PACKAGE = Path(interview_journal.__file__).parent
MOST_LINES = 520  # "nothing over ~500 lines"
PINNED = {("tui/app.py", "paint_whole_first_frame")}
"""Where a private Textual name may be read: the one function pinned to Textual's version."""


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_mixes_jobs_by_length() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in _modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}


def test_nothing_imports_a_private_textual_module() -> None:
    private = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] in {"textual", "textual_plotext"} and any(
                    part.startswith("_") for part in parts[1:]
                ):
                    private.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert private == []


class _PrivateReads(ast.NodeVisitor):
    """Private Textual names read (outside the pinned function), and Textual's private event
    handlers overridden (`_on_mount` in a widget replaces what Textual does there)."""

    def __init__(self, relative: str) -> None:
        self.relative = relative
        self.within: list[str] = []
        self.found: list[str] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name.startswith("_on_"):
            self.found.append(f"{self.relative}: def {node.name}")
        self.within.append(node.name)
        self.generic_visit(node)
        self.within.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def _pinned(self) -> bool:
        return any((self.relative, name) in PINNED for name in self.within)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in _TEXTUAL_PRIVATE and not self._pinned():
            self.found.append(f"{self.relative}: .{node.attr}")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if node.value in _TEXTUAL_PRIVATE and not self._pinned():  # getattr(x, "_compositor")
            self.found.append(f"{self.relative}: {node.value!r}")


_TEXTUAL_PRIVATE = {
    "_compositor",
    "_dirty_regions",
    "_bindings",
    "_notifications",
    "_nodes",
    "_driver",
    "_screen_stack",
    "_refresh_layout",
    "_get_style",
}


def test_no_private_textual_name_is_read_but_the_pinned_one() -> None:
    found = []
    for path in _modules():
        reads = _PrivateReads(str(path.relative_to(PACKAGE)))
        reads.visit(ast.parse(path.read_text(encoding="utf-8")))
        found += reads.found
    assert found == []


def test_the_check_for_private_names_sees_them() -> None:
    """The check above can fail: the pinned function's own reads are found once unpinned."""
    reads = _PrivateReads("elsewhere.py")
    reads.visit(ast.parse((PACKAGE / "tui/app.py").read_text(encoding="utf-8")))
    assert "elsewhere.py: '_dirty_regions'" in reads.found
