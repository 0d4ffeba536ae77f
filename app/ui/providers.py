"""The provider directory: the office's list of providers, searchable, with add and edit, and CSV import (every bad
row shown by number and reason; nothing imported until the file is clean) and export.

Providers are not about any one person. Work runs on the task runner; the dialog closes with the vault.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.content.taxonomy import current_taxonomy
from app.core.providers import ProviderImportError, ProviderRow, ProviderService
from app.core.referrals import category_words
from app.errors import ValidationError
from app.ui.file_dialogs import open_file_name, save_file_name
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.office_parts import scrolls_down
from app.ui.palette import colour
from app.ui.person.fields import ErrorLine, ListField, column_of, heading_label, plain_button, row_of
from app.ui.person.forms import message_of
from app.ui.qt import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    Qt,
    QWidget,
)
from app.ui.rows import add_row
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: Each field's name, label and hint, in English: shown through the catalogue under the dialog's context.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "Name (required)"), ""),
    (
        "languages",
        QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "Languages"),
        QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "Separate with commas"),
    ),
    (
        "serves",
        QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "Who they serve"),
        QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "For example: adults of any gender"),
    ),
    ("phone", QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "Phone"), ""),
    ("email", QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "Email"), ""),
    ("website", QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "Website"), "https://"),
    (
        "public_address",
        QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "Public office address"),
        QT_TRANSLATE_NOOP("ProviderDirectoryDialog", "Never a shelter's address"),
    ),
)


class ProviderDirectoryDialog(QDialog):
    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Provider directory"))
        self._ws = ws
        self._runner = runner
        self._rows: list[ProviderRow] = []
        self._editing: str | None = None
        self._gone = False

        heading = heading_label(self.tr("Provider directory"), self, 1.15)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Search providers"))
        self.search.setPlaceholderText(self.tr("Search by name, who they serve, language or kind of help"))
        self.search.textChanged.connect(lambda _t: self._show_rows())
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Providers"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        # A long kind of help wraps instead of scrolling sideways (at 200 % text, or in a longer language).
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows as tall as their words at the list's width
        self.list.currentRowChanged.connect(self._row_chosen)
        self.add_button = plain_button(self.tr("Add a provider"), self.tr("Add a provider"), self)
        self.import_button = plain_button(self.tr("Import CSV…"), self.tr("Import providers from a CSV file"), self)
        self.export_button = plain_button(self.tr("Export CSV…"), self.tr("Export providers to a CSV file"), self)
        self.add_button.clicked.connect(self.start_new)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)

        # The editor.
        self.form_title = heading_label("", self, 1.15)
        self.fields: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        pairs: list[tuple[QLabel, QWidget]] = []
        for name, label, hint in FIELDS:
            widget = ListField(self) if name == "languages" else QLineEdit(self)
            label, hint = self.tr(label), self.tr(hint) if hint and "://" not in hint else hint  # not "https://"
            widget.setAccessibleName(label)
            widget.setPlaceholderText(hint)
            text = QLabel(label, self)
            text.setBuddy(widget)
            pairs.append((text, widget))
            self.fields[name] = widget
        self.categories = QListWidget(self)
        self.categories.setAccessibleName(self.tr("Kinds of help (space ticks one)"))
        self.categories.setAccessibleDescription(
            self.tr("Tick each kind of help this provider offers with the space bar.")
        )
        for category in current_taxonomy().offered():
            item = add_row(self.categories, category_words(category.title))
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.categories.setWordWrap(True)
        self.categories.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.categories.setMinimumHeight(self.categories.fontMetrics().lineSpacing() * 6)
        categories_label = QLabel(self.tr("Kinds of help (required)"), self)
        categories_label.setBuddy(self.categories)
        pairs.append((categories_label, self.categories))
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        notes_label = QLabel(self.tr("Notes"), self)
        notes_label.setBuddy(self.notes)
        pairs.append((notes_label, self.notes))
        self.error = ErrorLine(self)
        self.save_button = plain_button(self.tr("Save the provider"), self.tr("Save the provider"), self)
        self.save_button.clicked.connect(self.save)

        self.status = QLabel(self.tr("Reading…"), self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Directory status"))
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(self.tr("Rows to fix before importing"))
        self.problems.setStyleSheet(f"QListWidget {{ color: {colour('danger')}; }}")
        self.problems.hide()
        self.close_button = plain_button(self.tr("Close"), self.tr("Close the provider directory"), self)
        self.close_button.clicked.connect(self.reject)

        # Sized from the window it opens over; at 200 % text the list's three buttons take two rows and the
        # editor scrolls, so the fields keep room for what is typed and the dialog fits a 1280×800 screen.
        window = parent.window() if parent is not None else None
        width = min(1100, window.width() - 40) if window is not None else 1100
        height = min(750, int(window.height() * 0.95)) if window is not None else 750
        # Each label beside its field where that leaves the field room; at large text, above it.
        beside = max(text.sizeHint().width() for text, _w in pairs) <= (width - 72) * 5 // 9 // 3
        for row, (text, field) in enumerate(pairs):
            if beside:
                grid.addWidget(text, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(field, row, 1)
            else:
                grid.addWidget(text, 2 * row, 0, 1, 2)
                grid.addWidget(field, 2 * row + 1, 0, 1, 2)
        left = column_of(None, self.search, (self.list, 1), spacing=8)
        side = (self.add_button, self.import_button, self.export_button)
        if sum(b.sizeHint().width() for b in side) + 16 <= (width - 72) * 4 // 9:
            left.addLayout(row_of(*side, 1))
        else:
            left.addLayout(row_of(self.add_button, 1))
            left.addLayout(row_of(self.import_button, self.export_button, 1))
        editor = QWidget(self)
        right = column_of(editor, self.form_title, grid, self.error, margins=(0, 0, 8, 0), spacing=8)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addStretch(1)
        self.editor_scroll = scrolls_down(editor, self)  # Tab goes to the fields; it scrolls to each
        self.editor_scroll.setAccessibleName(self.tr("Provider details"))
        body = row_of((left, 4), (self.editor_scroll, 5), spacing=24)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        column_of(self, heading, (body, 1), self.problems, bottom, margins=(24, 20, 24, 16), spacing=10)
        order: list[QWidget] = [
            self.search,
            self.list,
            self.add_button,
            self.import_button,
            self.export_button,
            *self.fields.values(),
            self.categories,
            self.notes,
            self.save_button,
            self.close_button,
        ]
        for first, then in itertools.pairwise(order):
            QWidget.setTabOrder(first, then)
        self.finished.connect(self._finished)
        self.resize(max(width, 640), max(height, 480))
        self.start_new()
        self.refresh()

    # --- reading -------------------------------------------------------------------------------------------------

    def _work(self, fn: Any, done: Any, failed: Any = None) -> None:
        ws = self._ws

        def on_done(result: Any) -> None:
            if not self._gone:
                done(result)

        def on_error(exc: BaseException) -> None:
            if not self._gone:
                (failed or self._failed)(exc)

        self._runner.run(lambda: fn(ProviderService(ws)), on_done, on_error)

    def refresh(self, select: str | None = None) -> None:
        def arrived(rows: list[ProviderRow]) -> None:
            self._rows = rows
            self._show_rows(select)
            if self.status.text() == self.tr("Reading…"):
                self.status.setText(
                    self.tr("1 provider in the directory.")
                    if len(rows) == 1
                    else self.tr("%n providers in the directory.", "", len(rows))
                )

        self._work(lambda service: service.list(), arrived)

    def _show_rows(self, select: str | None = None) -> None:
        words = self.search.text().strip().lower().split()
        titles = {c.id: category_words(c.title) for c in current_taxonomy().categories}
        self.list.blockSignals(True)
        self.list.clear()
        for row in self._rows:
            kinds = ", ".join(titles.get(c, c) for c in row.categories)
            text = f"{row.name}\n{kinds}"
            hay = " ".join([text, row.serves or "", *row.languages]).lower()
            if words and not all(w in hay for w in words):
                continue
            item = add_row(self.list, text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if row.id == (select or self._editing):
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _finished(self, _result: int) -> None:
        self._gone = True
        self._rows = []
        self.list.clear()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_of(exc))

    # --- editing -------------------------------------------------------------------------------------------------

    def _row_chosen(self, index: int) -> None:
        item = self.list.item(index)
        row = next((r for r in self._rows if item is not None and r.id == item.data(Qt.ItemDataRole.UserRole)), None)
        if row is not None:
            self._fill(row)

    def _fill(self, row: ProviderRow | None) -> None:
        self._editing = row.id if row else None
        self.form_title.setText(row.name if row else self.tr("New provider"))
        for name, widget in self.fields.items():
            value = getattr(row, name) if row else None
            if isinstance(widget, ListField):
                widget.set_value(value or [])
            else:
                widget.setText(value or "")
            widget.setCursorPosition(0)
        chosen = set(row.categories) if row else set()
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.notes.setPlainText(row.notes or "" if row else "")
        self.error.clear_message()

    def start_new(self) -> None:
        self.list.clearSelection()
        self._fill(None)
        self.fields["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.fields.items():
            out[name] = widget.value() if isinstance(widget, ListField) else (widget.text().strip() or None)
        out["categories"] = [
            self.categories.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.categories.count())
            if self.categories.item(i).checkState() == Qt.CheckState.Checked
        ]
        out["notes"] = self.notes.toPlainText().strip() or None
        return out

    def save(self) -> None:
        values, editing = self.values(), self._editing
        self.save_button.setEnabled(False)

        def done(provider_id: str) -> None:
            self.save_button.setEnabled(True)
            self._editing = provider_id
            self.form_title.setText(str(values["name"]))
            self.status.setText(self.tr("Saved."))
            self.refresh(select=provider_id)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.error.show_message(message_of(exc))
            field = exc.field if isinstance(exc, ValidationError) else None
            target = self.categories if field == "categories" else self.fields.get(field or "")
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

        self._work(lambda service: service.save(editing, values), done, failed)

    # --- CSV -----------------------------------------------------------------------------------------------------

    def _choose_import(self) -> None:
        path, _ = open_file_name(self, self.tr("Import providers"), "", self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        self.status.setText(self.tr("Checking every row…"))
        self.problems.clear()
        self.problems.hide()

        def done(summary: Any) -> None:
            self.status.setText(
                self.tr("Imported: {added} added, {updated} updated, {unchanged} unchanged.").format(
                    added=summary.added, updated=summary.updated, unchanged=summary.unchanged
                )
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.status.setText(message_of(exc))
            if isinstance(exc, ProviderImportError) and exc.problems:
                for problem in exc.problems:
                    add_row(self.problems, str(problem))
                lines = min(len(exc.problems), 6)
                self.problems.setFixedHeight(self.problems.sizeHintForRow(0) * lines + 8)
                self.problems.show()
                self.problems.setFocus(Qt.FocusReason.OtherFocusReason)

        self._work(lambda service: service.import_csv(path), done, failed)

    def _choose_export(self) -> None:
        path, _ = save_file_name(
            self, self.tr("Export providers"), self.tr("providers.csv"), self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_file(path)

    def export_file(self, path: str) -> None:
        def done(count: int) -> None:
            name = Path(path).name
            self.status.setText(
                self.tr("Exported 1 provider to {file}.").format(file=name)
                if count == 1
                else self.tr("Exported %n providers to {file}.", "", count).format(file=name)
            )

        self._work(lambda service: service.export_csv(path), done)


__all__ = ["ProviderDirectoryDialog"]
