"""Read-only tables of the workspace: the timeline (Overview) and the audit trail (History).

One small model holds rows of text; ``set_rows`` and ``clear`` reset it in one step, so locking empties every table
at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from app.core.i18n import ngettext
from app.core.timeline import HistoryRow, TimelineEntry, split_timeline
from app.ui.person.fields import format_date, format_datetime, name_buttons
from app.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QCoreApplication,
    QFont,
    QHeaderView,
    QLabel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


class TextRowsModel(QAbstractTableModel):
    """Rows of plain text. ``strong`` rows are shown in bold (upcoming dates)."""

    RecordIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self._ids: list[str | None] = []
        self._strong: set[int] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.FontRole and index.row() in self._strong:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # wrapped rows read from the top
        if role == self.RecordIdRole:
            return self._ids[index.row()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_rows(
        self, rows: Sequence[tuple[str, ...]], ids: Sequence[str | None] | None = None, strong: set[int] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._ids = list(ids) if ids is not None else [None] * len(self._rows)
        self._strong = set(strong or ())
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_text(self, row: int) -> tuple[str, ...]:
        return self._rows[row]

    def record_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None


def make_table(
    model: QAbstractTableModel, name: str, description: str, parent: QWidget, *, wrap: bool = False
) -> QTableView:
    """A calm, keyboard-friendly read-only table.

    Rows have a fixed height, unless ``wrap``: then long text wraps onto more lines instead of being cut short. Only
    for small tables (one person's timeline or history): measuring rows is what makes big tables slow.
    """
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setAccessibleDescription(description)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(wrap)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)
    table.setCornerButtonEnabled(False)
    rows = table.verticalHeader()
    rows.setDefaultSectionSize(table.fontMetrics().height() + 14)
    rows.setMinimumSectionSize(table.fontMetrics().height() + 14)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Fixed)
    rows.hide()
    columns = table.horizontalHeader()
    columns.setHighlightSections(False)
    columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    columns.setAccessibleName(QCoreApplication.translate("tables", "{table} column headings").format(table=name))
    table.setStyleSheet("QTableView::item { padding: 5px 8px; }QHeaderView::section { padding: 4px 8px 4px 11px; }")
    name_buttons(table, QCoreApplication.translate("tables", "{table} select all").format(table=name))
    return table


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class OverviewSection(QWidget):
    """The person's story by date, upcoming dates first and in bold."""

    WHEN, WHAT, DETAIL = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TextRowsModel((self.tr("Date"), self.tr("What"), self.tr("Details")), self)
        self.summary = _hint("", self)
        self.summary.setAccessibleName(self.tr("Overview summary"))
        self.table = make_table(
            self.model,
            self.tr("Timeline"),
            self.tr(
                "Dated events from this person's records. What is coming up is at the top, in bold, soonest first; "
                "then what has happened, newest first."
            ),
            self,
            wrap=True,
        )
        # Widths follow the text, so at a large text size the details never fall off the right edge.
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(self.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(self.WHAT, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(self.DETAIL, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def show_entries(self, entries: Sequence[TimelineEntry], today: dt.date) -> None:
        # Coming up first, soonest first, so what is overdue leads; then what has happened, newest first.
        ahead, past = split_timeline(list(entries), today)
        rows: list[tuple[str, ...]] = []
        strong = set(range(len(ahead)))
        overdue = 0
        for entry in ahead:
            when = format_date(entry.when)
            if entry.overdue(today):
                overdue += 1
                days_late = (today - entry.when).days
                when = ngettext("{date} (overdue, {n} day late)", "{date} (overdue, {n} days late)", days_late).format(
                    date=when, n=days_late
                )
            elif entry.when == today:
                when = self.tr("{date} (due today)").format(date=when)
            else:
                when = self.tr("{date} (coming up)").format(date=when)
            # The note under the date: on one line "9 mar 2025 (vencida, 636 días de retraso)" took the column's
            # whole width at twice the text size, and the table scrolled sideways for what and why.
            date = format_date(entry.when)
            when = when.replace(f"{date} ", f"{date}\n", 1)
            rows.append((when, entry.title, entry.detail))
        rows += [(format_date(e.when), e.title, e.detail) for e in past]
        self.model.set_rows(rows, [e.record_id for e in (*ahead, *past)], strong)
        if not entries:
            self.summary.setText(self.tr("Nothing dated in this person's records yet."))
        elif ahead:
            self.summary.setText(self._ahead_words(len(ahead), overdue))
        else:
            self.summary.setText(self.tr("What has happened, newest first. Nothing is coming up."))

    def _ahead_words(self, ahead: int, overdue: int) -> str:
        """How many dates are coming up and how many of them are overdue, in whole sentences."""
        if ahead == 1:
            text = (
                self.tr(
                    "1 date is coming up, and it is overdue (in bold at the top). Below it, what has happened, "
                    "newest first."
                )
                if overdue
                else self.tr("1 date is coming up (in bold at the top). Below it, what has happened, newest first.")
            )
            return text
        if overdue == 0:
            text = ngettext(
                "{n} date is coming up (in bold at the top, soonest first). Below them, what has happened, "
                "newest first.",
                "{n} dates are coming up (in bold at the top, soonest first). Below them, what has happened, "
                "newest first.",
                ahead,
            )
        else:
            text = ngettext(
                "{n} dates are coming up, {late} of them overdue (in bold at the top, soonest first). Below them, "
                "what has happened, newest first.",
                "{n} dates are coming up, {late} of them overdue (in bold at the top, soonest first). Below them, "
                "what has happened, newest first.",
                overdue,
            )
        return text.format(n=ahead, late=overdue)

    def clear(self) -> None:
        self.model.clear()
        self.summary.setText("")


class HistorySection(QWidget):
    """Who did what to this person's records, and when: the audit trail in words. Values are never shown here."""

    WHEN, ACTION, WHO, DEVICE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TextRowsModel((self.tr("When"), self.tr("What was done"), self.tr("Who"), self.tr("Where")), self)
        self.intro = _hint(
            self.tr(
                "Every change to this person's records, and each time they were opened, newest first. "
                "Only what was done is kept here, never what was written."
            ),
            self,
        )
        self.table = make_table(
            self.model, self.tr("History"), self.tr("The audit trail for this person, newest first."), self, wrap=True
        )
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(self.ACTION, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def show_rows(self, rows: Sequence[HistoryRow]) -> None:
        self.model.set_rows(
            [(format_datetime(r.when), r.action, self._word(r.who), self._word(r.device)) for r in rows],
            [r.record_id for r in rows],
        )

    def _word(self, text: str) -> str:
        """The core's own words for people and devices ("You", "This computer") in the app's language."""
        words = {"You": self.tr("You"), "Someone": self.tr("Someone"), "This computer": self.tr("This computer")}
        return words.get(text, text)

    def clear(self) -> None:
        self.model.clear()
