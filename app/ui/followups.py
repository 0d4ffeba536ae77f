"""The caseload-wide "follow-ups due" view: every open referral whose follow-up date is today or earlier, oldest
first, with the person's name; Enter opens that person at their referrals.

It reads through the task runner and closes with the vault (the main window closes every dialog on lock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.referrals import FollowUpRow, ReferralService
from app.ui.person.fields import column_of, format_date, plain_button, row_of
from app.ui.person.forms import message_of
from app.ui.qt import (
    QAbstractItemView,
    QDialog,
    QFont,
    QKeyEvent,
    QLabel,
    QListWidget,
    Qt,
    QWidget,
    Signal,
)
from app.ui.rows import add_row
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.workspace import Workspace


def _when(row: FollowUpRow) -> str:
    if row.days_late <= 0:
        return "Due today"
    return f"Due {format_date(row.due)} ({row.days_late} day{'s' if row.days_late != 1 else ''} ago)"


class _List(QListWidget):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)


class FollowUpsDialog(QDialog):
    """Emits :attr:`open_requested` (person id) when a follow-up is chosen, then closes."""

    open_requested = Signal(str)

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Follow-ups due")
        self._ws = ws
        self._runner = runner
        self._rows: list[FollowUpRow] = []
        self._gone = False

        heading = QLabel("Follow-ups due", self)
        font = QFont(heading.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self.summary = QLabel("Reading…", self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Follow-ups summary")
        self.list = _List(self)
        self.list.setAccessibleName("Follow-ups due")
        self.list.setAccessibleDescription("Referrals to follow up. Press Enter to open the person.")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setStyleSheet("QListWidget::item { padding: 8px 10px; }")
        self.list.activated_row.connect(self._open_row)
        self.list.itemDoubleClicked.connect(lambda item: self._open_row(self.list.row(item)))
        self.open_button = plain_button("Open the person", "Open the chosen person", self)
        self.open_button.clicked.connect(lambda: self._open_row(self.list.currentRow()))
        self.close_button = plain_button("Close", "Close follow-ups", self)
        self.close_button.clicked.connect(self.reject)
        buttons = row_of(1, self.close_button, self.open_button)
        column_of(self, heading, self.summary, (self.list, 1), buttons, margins=(24, 20, 24, 16), spacing=10)
        self.finished.connect(self._finished)
        self.resize(760, 520)
        self.refresh()

    def refresh(self) -> None:
        ws = self._ws
        self._runner.run(lambda: ReferralService(ws).follow_ups_due(), self._arrived, self._failed)

    def _finished(self, _result: int) -> None:
        self._gone = True
        self._rows = []
        self.list.clear()

    def _arrived(self, rows: list[FollowUpRow]) -> None:
        if self._gone:
            return
        self._rows = rows
        self.list.clear()
        for row in rows:
            who = row.person_name
            what = " · ".join(p for p in (row.category_title, row.provider_name) if p)
            add_row(self.list, f"{who} — {_when(row)}\n{what}")
        if rows:
            self.summary.setText(
                f"{len(rows)} referral{'s' if len(rows) != 1 else ''} to follow up. "
                "Choose one and press Enter to open the person."
            )
            self.list.setCurrentRow(0)
        else:
            self.summary.setText("Nothing to follow up today.")
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


__all__ = ["FollowUpsDialog"]
