"""The parts the office windows share (syncing, enrolling, deciding, and what the office did not accept): calm and
warning boxes, a large heading, selectable plain text, buttons big enough to find, and the frame of a window that
takes one item at a time (a list on the left, the chosen item on the right, a status line and the buttons).

Text is always plain (it may hold what a person typed) and selectable from the keyboard, so a sentence from the
office can be copied into a message to a colleague.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.ui.palette import box_style
from app.ui.qt import (
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from app.ui.rows import add_row


def scrolls_down(content: QWidget, parent: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls down when it cannot fit, never sideways (its words wrap), and is
    no Tab stop of its own: Tab goes to the controls inside, and the area scrolls to each."""
    area = QScrollArea(parent)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def calm_box() -> str:
    """A label's style for news that needs nothing from the person."""
    return box_style("QLabel", "calm", padding="10px 12px")


def warn_box() -> str:
    """A label's style for what stopped, or why the office did not take something."""
    return box_style("QLabel", "warn", padding="10px 12px")


def _emphasise(label: QLabel, scale: float) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)


def big_heading(text: str, parent: QWidget) -> QLabel:
    """A window's heading, named by its own words."""
    label = QLabel(text, parent)
    _emphasise(label, 1.35)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def selectable_text(
    text: str, parent: QWidget, *, name: str | None = None, style: str | None = None, scale: float = 1.0
) -> QLabel:
    """Plain text that wraps and can be selected; ``scale`` other than 1 makes it a semi-bold heading."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setAccessibleName(name)
    if scale != 1.0:
        _emphasise(label, scale)
    if style:
        label.setStyleSheet(style)
    return label


def big_button(text: str, name: str, parent: QWidget, *, default: bool = False) -> QPushButton:
    """A button at least two lines of text high and fourteen characters wide; ``default`` takes Enter."""
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    button.setMinimumHeight(max(36, button.fontMetrics().height() * 2))
    button.setMinimumWidth(button.fontMetrics().averageCharWidth() * 14)
    button.setDefault(default)
    button.setAutoDefault(default)
    return button


class ItemPanes:
    """The middle of a one-item-at-a-time window: the items (``list``, named ``list_name``) and the chosen one's
    page (``detail_area``), added to ``outer`` to take its spare height. The window connects
    ``list.currentRowChanged`` to what shows an item."""

    def __init__(self, parent: QWidget, outer: QVBoxLayout, list_name: str) -> None:
        middle = QHBoxLayout()
        self.list = QListWidget(parent)
        self.list.setAccessibleName(list_name)
        self.list.setMaximumWidth(parent.fontMetrics().averageCharWidth() * 38)
        # Wide enough for a day and time on one line: squeezed by the chosen item's page at 200 % text, a row's last
        # line lost its time under an ellipsis (the rows' padding is not counted where Qt wraps their words).
        self.list.setMinimumWidth(parent.fontMetrics().averageCharWidth() * 24)
        self.list.setStyleSheet("QListWidget::item { padding: 9px 8px; }")
        # A long title wraps instead of scrolling sideways (at 200 % text, or in a longer language).
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows as tall as their words at the list's width
        middle.addWidget(self.list)
        self.detail_area = QScrollArea(parent)
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QFrame.Shape.NoFrame)
        middle.addWidget(self.detail_area, 1)
        outer.addLayout(middle, 1)

    def fill(self, rows: Sequence[str]) -> bool:
        """Show ``rows`` (two lines each), the first chosen and focused; False when there are none."""
        self.list.clear()
        for text in rows:
            add_row(self.list, text)
        if rows:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        return bool(rows)

    def drop(self, row: int, left: int) -> bool:
        """Take ``row`` out of the list, ``left`` items remaining: the next one is chosen and focused; False when
        none is left."""
        self.list.takeItem(row)
        if left:
            self.list.setCurrentRow(min(row, left - 1))
            self.list.setFocus()
        return bool(left)

    @staticmethod
    def detail_page() -> tuple[QWidget, QVBoxLayout]:
        """A new, empty page for the chosen item (given to :attr:`detail_area` once filled)."""
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(10)
        return page, col

    def show_nothing(self, text: str, name: str) -> None:
        """The page when no item is left: one sentence, named ``name``."""
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(selectable_text(text, page, name=name))
        col.addStretch(1)
        self.detail_area.setWidget(page)


def button_row(outer: QVBoxLayout, *buttons: QPushButton) -> None:
    """The window's buttons, right-aligned, left to right."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    outer.addLayout(row)


def say(status: QLabel, text: str, *, problem: bool = False) -> None:
    """Show ``text`` in the status line, in a warning box when it is a ``problem``."""
    status.setText(text)
    status.setStyleSheet(warn_box() if problem else calm_box())
    status.show()


__all__ = [
    "ItemPanes",
    "big_button",
    "big_heading",
    "button_row",
    "calm_box",
    "say",
    "selectable_text",
    "warn_box",
]
