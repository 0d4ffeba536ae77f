"""Checklist and screening templates, and the charge rules: what this computer can use, and importing an office's own.

An import is checked whole: a file with problems is refused with each problem named by line and field, and nothing
is stored. A version already used by a record never changes (a new version number is needed). Work runs on the task
runner; the dialog closes with the vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.content.templates import TemplateError
from app.errors import OfframpError
from app.ui.errors import human_message
from app.ui.file_dialogs import open_file_name
from app.ui.person.fields import ErrorLine, heading_label, plain_button
from app.ui.qt import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)
from app.ui.rows import add_row
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.screening_prompts import RulesImportResult
    from app.core.templates import ImportResult
    from app.core.workspace import Workspace

#: A template file larger than this is not a template.
MAX_TEMPLATE_BYTES = 2 * 1024 * 1024

_OUTCOME = {
    "added": "Imported",
    "replaced": "Replaced the earlier, unused copy of",
    "unchanged": "Already here, unchanged:",
}


@dataclass(frozen=True)
class TemplateLine:
    kind: str
    title: str
    template_id: str
    version: str
    uses: int


def list_templates(ws: Workspace) -> list[TemplateLine]:
    return [
        TemplateLine(t.kind, t.title, t.id, t.version, ws.templates.uses(t.id, t.version))
        for t in ws.templates.available()
    ]


def _read_text_file(path: Path, what: str) -> str:
    """A content file's text; one that cannot be read or is not text is refused in plain words."""
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise OfframpError(f"That file is too large to be {what}. Please choose the .toml file.")
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise OfframpError(f"That file is not a text {what.split(' ', 1)[-1]}. Please choose the .toml file.") from None
    except OSError:
        raise OfframpError("That file could not be read. Please check it is still there and try again.") from None


def import_template_file(ws: Workspace, path: Path) -> ImportResult:
    """Read and import one file; a file that cannot be read or is not text is refused in plain words."""
    return ws.templates.import_text(_read_text_file(path, "a template"), name=path.name)


@dataclass(frozen=True)
class RulesLine:
    title: str
    rules_id: str
    version: str
    rules: int
    bundled: bool


def list_charge_rules(ws: Workspace) -> list[RulesLine]:
    """The charge rule sets in force, each with how many kinds of charge it lists."""
    from app.content.charge_rules import bundled_charge_rules
    from app.core.screening_prompts import ChargeRulesLibrary

    bundled = {(b.id, b.version) for b in bundled_charge_rules()}
    return [
        RulesLine(r.title, r.id, r.version, len(r.rules), (r.id, r.version) in bundled)
        for r in ChargeRulesLibrary(ws).in_force().sets
    ]


def import_charge_rules_file(ws: Workspace, path: Path) -> RulesImportResult:
    """Read and import an office's charge rules; checked whole, nothing stored when there is a problem."""
    from app.core.screening_prompts import ChargeRulesLibrary

    return ChargeRulesLibrary(ws).import_text(_read_text_file(path, "a charge rules file"), name=path.name)


class TemplatesDialog(QDialog):
    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Checklist and screening templates")
        self._ws = ws
        self._runner = runner
        heading = heading_label("Checklist and screening templates", self, 1.15)
        intro = QLabel(
            "The example screening that comes with Offramp is only an example: import the validated tool your "
            "office is licensed to use. A version used by any record never changes; an edited template needs a new "
            "version number.",
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Templates on this computer")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)  # two templates at least, any size
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Import result")
        self.error = ErrorLine(self)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName("Problems found in the file")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.import_button = plain_button("Import a template file…", "Import a template file", self)
        self.import_button.clicked.connect(self._choose)
        rules_heading = heading_label("Charges that prompt “Consider a screening”", self, 1.15)
        rules_intro = QLabel(
            "When a person is the defendant on one of these charges, their page suggests a screening, once per "
            "matter. It is a prompt for you, never a label on the person. Import the office's own list: the same id "
            "with a new version replaces it, a new id adds to it.",
            self,
        )
        rules_intro.setWordWrap(True)
        self.rules_list = QListWidget(self)
        self.rules_list.setAccessibleName("Charge rules in force")
        self.rules_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules_list.setWordWrap(True)
        self.rules_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.rules_button = plain_button("Import charge rules…", "Import charge rules", self)
        self.rules_button.clicked.connect(self._choose_rules)
        close = plain_button("Close", parent=self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.rules_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(rules_heading)
        layout.addWidget(rules_intro)
        layout.addWidget(self.rules_list)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self._size_from(parent)
        self.refresh()

    def _size_from(self, parent: QWidget | None) -> None:
        """Wide enough that the two explanations take a few lines at the text size in use, as tall as most of the
        window it opens over: at 200 % text a fixed 760×640 cut their last lines off."""
        window = parent.window() if parent is not None else None
        chars = self.fontMetrics().horizontalAdvance("n") * 64
        if window is None or window is self:
            self.resize(max(760, chars), max(640, self.fontMetrics().lineSpacing() * 30))
            return
        width = min(window.width() - 40, max(760, chars))
        height = min(int(window.height() * 0.9), max(640, self.fontMetrics().lineSpacing() * 30))
        self.resize(max(width, 480), max(height, 400))

    def refresh(self) -> None:
        ws = self._ws
        self._runner.run(lambda: list_templates(ws), on_done=self._show, on_error=self._failed)
        self._runner.run(lambda: list_charge_rules(ws), on_done=self._show_rules, on_error=self._failed)

    def _show_rules(self, lines: list[RulesLine]) -> None:
        self.rules_list.clear()
        for line in lines:
            origin = "comes with Offramp" if line.bundled else "imported by the office"
            kinds = f"{line.rules} kind{'s' if line.rules != 1 else ''} of charge"
            add_row(self.rules_list, f"{line.title}\n{line.rules_id} · version {line.version} · {kinds} · {origin}")

    def _show(self, lines: list[TemplateLine]) -> None:
        self.list.clear()
        for line in lines:
            kind = "Interview checklist" if line.kind == "checklist" else "Screening"
            used = f"used by {line.uses} record{'s' if line.uses != 1 else ''}" if line.uses else "not used yet"
            add_row(self.list, f"{line.title}\n{kind} · {line.template_id} · version {line.version} · {used}")

    def _choose(self) -> None:
        path, _filter = open_file_name(self, "Import a template", "", "Templates (*.toml)")
        if path:
            self.import_file(Path(path))

    def _choose_rules(self) -> None:
        path, _filter = open_file_name(self, "Import charge rules", "", "Charge rules (*.toml)")
        if path:
            self.import_rules_file(Path(path))

    def _start_import(self) -> None:
        self.status.clear()
        self.error.clear_message()
        self.problems.clear()
        self.problems.hide()
        self.import_button.setEnabled(False)
        self.rules_button.setEnabled(False)

    def import_file(self, path: Path) -> None:
        ws = self._ws
        self._start_import()
        self._runner.run(lambda: import_template_file(ws, path), on_done=self._imported, on_error=self._refused)

    def import_rules_file(self, path: Path) -> None:
        ws = self._ws
        self._start_import()
        self._runner.run(
            lambda: import_charge_rules_file(ws, path), on_done=self._rules_imported, on_error=self._refused
        )

    def _rules_imported(self, result: RulesImportResult) -> None:
        self.import_button.setEnabled(True)
        self.rules_button.setEnabled(True)
        self.status.setText(f"{_OUTCOME.get(result.outcome, 'Imported')} “{result.title}” (version {result.version}).")
        self.refresh()

    def _imported(self, result: ImportResult) -> None:
        self.import_button.setEnabled(True)
        self.rules_button.setEnabled(True)
        self.status.setText(f"{_OUTCOME.get(result.outcome, 'Imported')} “{result.title}” (version {result.version}).")
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.rules_button.setEnabled(True)
        if isinstance(exc, TemplateError):
            self.error.show_message("Nothing was imported. " + (
                f"{len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''} to fix in the file:"
                if exc.problems else exc.message
            ))  # fmt: skip
            for problem in exc.problems:
                add_row(self.problems, str(problem))
            self.problems.setVisible(bool(exc.problems))
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.rules_button.setEnabled(True)
        self.error.show_message(human_message(exc, "That could not be done. Please try again."))


__all__ = ["TemplatesDialog", "import_charge_rules_file", "import_template_file", "list_charge_rules", "list_templates"]
