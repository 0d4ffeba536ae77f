"""Checklist and screening templates: what this computer can use, and importing an office's own.

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
from app.ui.person.fields import ErrorLine, plain_button
from app.ui.qt import (
    QAbstractItemView,
    QDialog,
    QFont,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
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


def import_template_file(ws: Workspace, path: Path) -> ImportResult:
    """Read and import one file; a file that cannot be read or is not text is refused in plain words."""
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise OfframpError("That file is too large to be a template. Please choose the template's .toml file.")
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise OfframpError("That file is not a text template. Please choose the template's .toml file.") from None
    except OSError:
        raise OfframpError("That file could not be read. Please check it is still there and try again.") from None
    return ws.templates.import_text(text, name=path.name)


class TemplatesDialog(QDialog):
    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Checklist and screening templates")
        self._ws = ws
        self._runner = runner
        heading = QLabel("Checklist and screening templates", self)
        font = QFont(heading.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
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
        close = plain_button("Close", parent=self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self.resize(760, 520)
        self.refresh()

    def refresh(self) -> None:
        ws = self._ws
        self._runner.run(lambda: list_templates(ws), on_done=self._show, on_error=self._failed)

    def _show(self, lines: list[TemplateLine]) -> None:
        self.list.clear()
        for line in lines:
            kind = "Interview checklist" if line.kind == "checklist" else "Screening"
            used = f"used by {line.uses} record{'s' if line.uses != 1 else ''}" if line.uses else "not used yet"
            QListWidgetItem(f"{line.title}\n{kind} · {line.template_id} · version {line.version} · {used}", self.list)

    def _choose(self) -> None:
        path, _filter = open_file_name(self, "Import a template", "", "Templates (*.toml)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        ws = self._ws
        self.status.clear()
        self.error.clear_message()
        self.problems.clear()
        self.problems.hide()
        self.import_button.setEnabled(False)
        self._runner.run(lambda: import_template_file(ws, path), on_done=self._imported, on_error=self._refused)

    def _imported(self, result: ImportResult) -> None:
        self.import_button.setEnabled(True)
        self.status.setText(f"{_OUTCOME.get(result.outcome, 'Imported')} “{result.title}” (version {result.version}).")
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        if isinstance(exc, TemplateError):
            self.error.show_message("Nothing was imported. " + (
                f"{len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''} to fix in the file:"
                if exc.problems else exc.message
            ))  # fmt: skip
            for problem in exc.problems:
                QListWidgetItem(str(problem), self.problems)
            self.problems.setVisible(bool(exc.problems))
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.error.show_message(human_message(exc, "That could not be done. Please try again."))


__all__ = ["TemplatesDialog", "import_template_file", "list_templates"]
