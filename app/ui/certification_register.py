"""The office-wide certification register (prosecution vaults): every open U- or T-visa certification request in the
vault, oldest received first, with the person's name, the form, the day it was received and the office's deadline
to decide (an overdue one says so in words, not only in colour). Enter or a double click opens the person at their
Certifications section.

It reads through the task runner and closes with the vault (the main window closes every dialog on lock).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.core.certifications import CertificationRow, CertificationService
from app.core.timeline import day_words
from app.ui.palette import list_selection_style, qcolor
from app.ui.person.fields import column_of, heading_label, plain_button, row_of, wrapped_label
from app.ui.person.forms import message_of
from app.ui.qt import (
    QAbstractItemView,
    QDialog,
    QFont,
    QKeyEvent,
    QListWidget,
    Qt,
    QWidget,
    Signal,
)
from app.ui.rows import add_row
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.workspace import Workspace


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def due_words(row: CertificationRow, today: dt.date) -> str:
    """ "Due 4 Apr 2027 (in 20 days)", "Due today", "Overdue: was due 4 Apr 2027, 5 days ago"."""
    if row.due_on is None:
        return "No office deadline recorded"
    if row.due_on < today:
        return f"Overdue: was due {day_words(row.due_on)}, {_days((today - row.due_on).days)} ago"
    if row.due_on == today:
        return f"Due today, {day_words(row.due_on)}"
    return f"Due {day_words(row.due_on)} (in {_days((row.due_on - today).days)})"


def register_text(row: CertificationRow, today: dt.date) -> str:
    return f"{row.person_name} — {row.form_words}\nReceived {day_words(row.received_on)} · {due_words(row, today)}"


def _read(ws: Workspace) -> tuple[list[CertificationRow], dt.date]:
    svc = CertificationService(ws)
    return svc.open_requests(), svc.today()


class _List(QListWidget):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)


class CertificationRegisterDialog(QDialog):
    """Emits :attr:`open_requested` (person id) when a request is chosen, then closes."""

    open_requested = Signal(str)

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Certification register")
        self._ws = ws
        self._runner = runner
        self._rows: list[CertificationRow] = []
        self._gone = False

        heading = heading_label("Certification requests still open", self, 1.15)
        intro = wrapped_label(
            "Every U- and T-visa certification request this office has not decided yet, oldest first, with the "
            "office's own deadline to decide.",
            self,
        )
        self.summary = wrapped_label("Reading…", self)
        self.summary.setAccessibleName("Certification register summary")
        self.list = _List(self)
        self.list.setAccessibleName("Open certification requests")
        self.list.setAccessibleDescription("Oldest first. Press Enter to open the person at Certifications.")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setStyleSheet("QListWidget::item { padding: 8px 10px; }" + list_selection_style())
        self.list.activated_row.connect(self._open_row)
        self.list.itemDoubleClicked.connect(lambda item: self._open_row(self.list.row(item)))
        self.open_button = plain_button("Open the person", "Open the chosen person at Certifications", self)
        self.open_button.clicked.connect(lambda: self._open_row(self.list.currentRow()))
        self.close_button = plain_button("Close", "Close the certification register", self)
        self.close_button.clicked.connect(self.reject)
        buttons = row_of(1, self.close_button, self.open_button)
        column_of(self, heading, intro, self.summary, (self.list, 1), buttons, margins=(24, 20, 24, 16), spacing=10)
        self.finished.connect(self._finished)
        self.resize(780, 540)
        self.refresh()

    def refresh(self) -> None:
        ws = self._ws
        self._runner.run(lambda: _read(ws), self._arrived, self._failed)

    def _finished(self, _result: int) -> None:
        self._gone = True
        self._rows = []
        self.list.clear()

    def _arrived(self, result: tuple[list[CertificationRow], dt.date]) -> None:
        if self._gone:
            return
        rows, today = result
        self._rows = rows
        self.list.clear()
        for row in rows:
            item = add_row(self.list, register_text(row, today))
            if row.overdue(today):
                item.setForeground(qcolor("danger"))
                bold = QFont(self.list.font())
                bold.setWeight(QFont.Weight.DemiBold)
                item.setFont(bold)
        if rows:
            late = sum(1 for r in rows if r.overdue(today))
            count = f"{len(rows)} open request{'s' if len(rows) != 1 else ''}"
            overdue = f", {late} past the office's deadline" if late else ""
            self.summary.setText(f"{count}{overdue}. Choose one and press Enter to open the person.")
            self.list.setCurrentRow(0)
        else:
            self.summary.setText("No certification request is waiting for a decision.")
        self.open_button.setEnabled(bool(rows))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        if not self._gone:
            self.summary.setText(message_of(exc))

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            person_id = self._rows[row].person_id
            self.accept()
            self.open_requested.emit(person_id)


__all__ = ["CertificationRegisterDialog", "due_words", "register_text"]
