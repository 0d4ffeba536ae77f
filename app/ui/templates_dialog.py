"""Checklist and screening templates, and the charge rules: what this computer can use, and importing an office's own.

An import is checked whole: a file with problems is refused with each problem named by line and field, and nothing
is stored. A version already used by a record never changes (a new version number is needed). Work runs on the task
runner; the dialog closes with the vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.content.templates import TemplateError, in_language
from app.core.i18n import current_language
from app.errors import OfframpError
from app.ui.errors import human_message
from app.ui.file_dialogs import open_file_name
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.office_parts import scrolls_down
from app.ui.person.fields import ErrorLine, heading_label, plain_button
from app.ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    Qt,
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

_CONTEXT = "TemplatesDialog"
#: What an import did, as a whole sentence each (the title and version in place).
_OUTCOME = {
    "added": QT_TRANSLATE_NOOP("TemplatesDialog", "Imported “{title}” (version {version})."),
    "replaced": QT_TRANSLATE_NOOP(
        "TemplatesDialog", "Replaced the earlier, unused copy of “{title}” (version {version})."
    ),
    "unchanged": QT_TRANSLATE_NOOP("TemplatesDialog", "Already here, unchanged: “{title}” (version {version})."),
}
#: Why a file was refused before it was read as a template or as charge rules, a whole sentence for each kind.
_TOO_LARGE = {
    "template": QT_TRANSLATE_NOOP(
        "TemplatesDialog", "That file is too large to be a template. Please choose the .toml file."
    ),
    "rules": QT_TRANSLATE_NOOP(
        "TemplatesDialog", "That file is too large to be a charge rules file. Please choose the .toml file."
    ),
}
_NOT_TEXT = {
    "template": QT_TRANSLATE_NOOP("TemplatesDialog", "That file is not a text template. Please choose the .toml file."),
    "rules": QT_TRANSLATE_NOOP(
        "TemplatesDialog", "That file is not a text charge rules file. Please choose the .toml file."
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True)
class TemplateLine:
    kind: str
    title: str
    template_id: str
    version: str
    uses: int


def list_templates(ws: Workspace) -> list[TemplateLine]:
    """The templates on this computer, each titled in the app's language when a version in it ships with the app."""
    language = [current_language()]
    return [
        TemplateLine(t.kind, in_language(t, language).title, t.id, t.version, ws.templates.uses(t.id, t.version))
        for t in ws.templates.available()
    ]


def _read_text_file(path: Path, kind: str) -> str:
    """A content file's text (``kind``: "template" or "rules"); one that cannot be read or is not text is refused
    in plain words."""
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise OfframpError(_tr(_TOO_LARGE[kind]))
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise OfframpError(_tr(_NOT_TEXT[kind])) from None
    except OSError:
        raise OfframpError(
            _tr(
                QT_TRANSLATE_NOOP(
                    "TemplatesDialog", "That file could not be read. Please check it is still there and try again."
                )
            )
        ) from None


def import_template_file(ws: Workspace, path: Path) -> ImportResult:
    """Read and import one file; a file that cannot be read or is not text is refused in plain words."""
    return ws.templates.import_text(_read_text_file(path, "template"), name=path.name)


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

    return ChargeRulesLibrary(ws).import_text(_read_text_file(path, "rules"), name=path.name)


def _outcome(outcome: str, title: str, version: str) -> str:
    return _tr(_OUTCOME.get(outcome, _OUTCOME["added"])).format(title=title, version=version)


class TemplatesDialog(QDialog):
    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Checklist and screening templates"))
        self._ws = ws
        self._runner = runner
        heading = heading_label(self.tr("Checklist and screening templates"), self, 1.15)
        intro = QLabel(
            self.tr(
                "The example screening that comes with Offramp is only an example: import the validated tool your "
                "office is licensed to use. A version used by any record never changes; an edited template needs a "
                "new version number."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Templates on this computer"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap instead
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows as tall as their words at the list's width
        # Each template two or more lines: rows told apart by their shade and a little room, as the providers' are.
        self.list.setAlternatingRowColors(True)
        # No padding at the sides: Qt wraps a row at the list's width without it, and a padded row lost its last words.
        self.list.setStyleSheet("QListWidget::item { padding: 4px 0px; }")
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)  # two templates at least, any size
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Import result"))
        self.error = ErrorLine(self)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(self.tr("Problems found in the file"))
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap instead
        self.problems.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows as tall as their words at the list's width
        self.problems.hide()
        self.import_button = plain_button(self.tr("Import a template file…"), self.tr("Import a template file"), self)
        self.import_button.clicked.connect(self._choose)
        rules_heading = heading_label(self.tr("Charges that prompt “Consider a screening”"), self, 1.15)
        rules_intro = QLabel(
            self.tr(
                "When a person is the defendant on one of these charges, their page suggests a screening, once per "
                "matter. It is a prompt for you, never a label on the person. Import the office's own list: the "
                "same id with a new version replaces it, a new id adds to it."
            ),
            self,
        )
        rules_intro.setWordWrap(True)
        self.rules_list = QListWidget(self)
        self.rules_list.setAccessibleName(self.tr("Charge rules in force"))
        self.rules_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules_list.setWordWrap(True)
        self.rules_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap instead
        self.rules_list.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows as tall as their words at the list's width
        self.rules_list.setAlternatingRowColors(True)
        self.rules_list.setStyleSheet("QListWidget::item { padding: 4px 6px; }")
        self.rules_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.rules_button = plain_button(self.tr("Import charge rules…"), self.tr("Import charge rules"), self)
        self.rules_button.clicked.connect(self._choose_rules)
        close = plain_button(self.tr("Close"), parent=self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.rules_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        # Everything but the buttons scrolls down when it cannot fit (200 % text in a longer language): the
        # explanations keep all their lines instead of being squeezed under the lists.
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addWidget(self.list, 1)
        column.addWidget(rules_heading)
        column.addWidget(rules_intro)
        column.addWidget(self.rules_list)
        column.addWidget(self.status)
        column.addWidget(self.error)
        column.addWidget(self.problems)
        self.body_area = scrolls_down(body, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.body_area, 1)
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
            origin = self.tr("comes with Offramp") if line.bundled else self.tr("imported by the office")
            kinds = self.tr("1 kind of charge") if line.rules == 1 else self.tr("%n kinds of charge", "", line.rules)
            about = self.tr("{id} · version {version} · {kinds} · {origin}").format(
                id=line.rules_id, version=line.version, kinds=kinds, origin=origin
            )
            add_row(self.rules_list, f"{line.title}\n{about}")

    def _show(self, lines: list[TemplateLine]) -> None:
        self.list.clear()
        for line in lines:
            kind = self.tr("Interview checklist") if line.kind == "checklist" else self.tr("Screening")
            if not line.uses:
                used = self.tr("not used yet")
            elif line.uses == 1:
                used = self.tr("used by 1 record")
            else:
                used = self.tr("used by %n records", "", line.uses)
            about = self.tr("{kind} · {id} · version {version} · {used}").format(
                kind=kind, id=line.template_id, version=line.version, used=used
            )
            add_row(self.list, f"{line.title}\n{about}")

    def _choose(self) -> None:
        path, _filter = open_file_name(self, self.tr("Import a template"), "", self.tr("Templates (*.toml)"))
        if path:
            self.import_file(Path(path))

    def _choose_rules(self) -> None:
        path, _filter = open_file_name(self, self.tr("Import charge rules"), "", self.tr("Charge rules (*.toml)"))
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
        self.status.setText(_outcome(result.outcome, result.title, result.version))
        self.refresh()

    def _imported(self, result: ImportResult) -> None:
        self.import_button.setEnabled(True)
        self.rules_button.setEnabled(True)
        self.status.setText(_outcome(result.outcome, result.title, result.version))
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.rules_button.setEnabled(True)
        if isinstance(exc, TemplateError):
            count = len(exc.problems)
            if count == 1:
                message = self.tr("Nothing was imported. 1 problem to fix in the file:")
            elif count:
                message = self.tr("Nothing was imported. %n problems to fix in the file:", "", count)
            else:
                message = self.tr("Nothing was imported. {reason}").format(reason=exc.message)
            self.error.show_message(message)
            for problem in exc.problems:
                add_row(self.problems, str(problem))
            self.problems.setVisible(bool(exc.problems))
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.rules_button.setEnabled(True)
        self.error.show_message(human_message(exc, self.tr("That could not be done. Please try again.")))


__all__ = ["TemplatesDialog", "import_charge_rules_file", "import_template_file", "list_charge_rules", "list_templates"]
