"""The house rules that a reader of the code relies on (issue 11): rooms of one job, and no
private Textual API (it breaks on the next release)."""

from __future__ import annotations

import ast
from pathlib import Path

import interview_journal

PACKAGE = Path(interview_journal.__file__).parent
MOST_LINES = 520  # "nothing over ~500 lines"


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
    """Private Textual names read, and Textual's private event handlers overridden (`_on_mount`
    in a widget replaces what Textual does there)."""

    def __init__(self, relative: str) -> None:
        self.relative = relative
        self.found: list[str] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name.startswith("_on_"):
            self.found.append(f"{self.relative}: def {node.name}")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in _TEXTUAL_PRIVATE:
            self.found.append(f"{self.relative}: .{node.attr}")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if node.value in _TEXTUAL_PRIVATE:  # getattr(x, "_compositor")
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


def test_no_private_textual_name_is_read() -> None:
    found = []
    for path in _modules():
        reads = _PrivateReads(str(path.relative_to(PACKAGE)))
        reads.visit(ast.parse(path.read_text(encoding="utf-8")))
        found += reads.found
    assert found == []


def test_the_check_for_private_names_sees_them() -> None:
    """The check above can fail: the first frame was once painted whole this way."""
    reads = _PrivateReads("elsewhere.py")
    reads.visit(
        ast.parse(
            "def paint(screen):\n"
            "    screen._compositor._dirty_regions.add(screen.region)\n"
            "    getattr(screen, '_compositor')\n"
            "class Pane:\n"
            "    def _on_mount(self, event): ...\n"
        )
    )
    assert reads.found == [
        "elsewhere.py: ._dirty_regions",
        "elsewhere.py: ._compositor",
        "elsewhere.py: '_compositor'",
        "elsewhere.py: def _on_mount",
    ]
