"""Small form pieces the person workspace shares: choice boxes with human labels, yes / no / not asked, dates
with an empty state, comma-separated lists, a field's error line, an inline confirmation, and date formats.

Each editable piece can report its value (what the record stores) and its *state* (what is on screen, including
the cursor), so forms can tell whether anything changed and put unsaved typing back exactly after a lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from app.core.i18n import _
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import box_style, labels_in, text_style
from app.ui.qt import (
    QAbstractButton,
    QBoxLayout,
    QComboBox,
    QCoreApplication,
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    Qt,
    QTextCursor,
    QVBoxLayout,
    QWidget,
    Signal,
)

NOT_RECORDED = QT_TRANSLATE_NOOP("fields", "Not recorded")
NOT_ASKED = QT_TRANSLATE_NOOP("fields", "Not asked yet")


def tr(text: str) -> str:
    """One of these shared pieces' words in the app's language."""
    return QCoreApplication.translate("fields", text)


# --- dates -------------------------------------------------------------------------------------------------------


def format_date(value: dt.date | None) -> str:
    """A date as people read it: "4 Mar 2026"."""
    from app.core.timeline import day_words  # the timeline brings the models: not on the unlock screen's path

    return "" if value is None else day_words(value)


def format_datetime(value: dt.datetime | None) -> str:
    """A local time as people read it: "4 Mar 2026, 14:05"."""
    if value is None:
        return ""
    return f"{format_date(value.date())}, {value:%H:%M}"


# --- choices -----------------------------------------------------------------------------------------------------


#: The widest (in pixels) a row of buttons or a form's columns lay themselves out: what fits beside the section list
#: on a 1280-pixel-wide screen. Beyond it (large text) they take more rows instead of scrolling sideways.
WIDEST_ROW = 760

#: How many characters of a choice a closed drop-down shows before it shortens the text with an ellipsis.
MAX_CHOICE_CHARS = 28
#: ... and at most this many pixels of letters: at twice the text size 28 characters of Spanish took 554 px, and a
#: form of such choices no longer fitted beside the section list (it scrolled sideways, or cut the choices).
MAX_CHOICE_PX = 320


def choice_chars(box: QWidget, longest: int) -> int:
    """How many characters ``box`` is sized to show: its longest choice, up to the limits above in its font."""
    return max(8, min(longest, MAX_CHOICE_CHARS, MAX_CHOICE_PX // max(1, box.fontMetrics().horizontalAdvance("x"))))


class ChoiceBox(QComboBox):
    """A choice with human labels; ``value()`` is what the record stores (None for the empty choice)."""

    def __init__(
        self,
        field: str,
        values: Sequence[Any],
        *,
        empty: str | None = NOT_RECORDED,
        labels: dict[Any, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from app.core.timeline import choice_label  # as in format_date

        if empty is not None:
            self.addItem(tr(empty), None)
        for value in values:
            text = (labels or {}).get(value) or _(choice_label(field, str(value)))
            self.addItem(text, value)
        # Sized to its longest choice up to a point: one long choice must not make the whole form wider than the
        # screen at large text sizes (200% at 1280x800). The open list still shows every choice in full.
        longest = max((len(self.itemText(i)) for i in range(self.count())), default=8)
        self.setMinimumContentsLength(choice_chars(self, longest))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def showPopup(self) -> None:
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 2 * self.view().frameWidth() + 8)
        super().showPopup()

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        for i in range(self.count()):
            if self.itemData(i) == value and type(self.itemData(i)) is type(value):
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.view().setAccessibleName(name + " choices")  # the drop-down list is a widget of its own


class YesNoBox(ChoiceBox):
    """Yes, no, or not asked yet: "not asked" is not "no" (a safe-contact flag nobody asked about is unknown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        yes, no = QCoreApplication.translate("fields", "Yes"), QCoreApplication.translate("fields", "No")
        super().__init__("", [True, False], empty=NOT_ASKED, labels={True: yes, False: no}, parent=parent)


# --- text --------------------------------------------------------------------------------------------------------


class DateField(QLineEdit):
    """A date typed as YYYY-MM-DD, or left empty. The core checks it and names the field when it is not a date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        hint = QCoreApplication.translate("fields", "YYYY-MM-DD, or leave empty")
        self.setPlaceholderText(hint)
        self.setMaxLength(10)
        width = self.fontMetrics().horizontalAdvance(hint) + 24
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + self.fontMetrics().horizontalAdvance("MMMM"))

    def set_value(self, value: dt.date | None) -> None:
        self.setText(value.isoformat() if isinstance(value, dt.date) else (value or ""))

    def value(self) -> dt.date | str | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text  # handed on as typed, so the core's message names this field


class ListField(QLineEdit):
    """A short list typed with commas between the items ("Spanish, English")."""

    def set_value(self, values: Sequence[str] | None) -> None:
        self.setText(", ".join(values or ()))

    def value(self) -> list[str]:
        return [part.strip() for part in self.text().split(",") if part.strip()]


def text_value(widget: QLineEdit | QPlainTextEdit) -> str | None:
    text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    if isinstance(widget, QLineEdit):
        text = text.strip()
    return text if text.strip() else None


# --- state: what is on screen, exactly -----------------------------------------------------------------------------


def widget_state(widget: QWidget) -> Any:
    """What a field shows, as JSON-able values (text and cursor for typing; the stored value for a choice)."""
    if isinstance(widget, QLineEdit):
        return {"text": widget.text(), "cursor": widget.cursorPosition()}
    if isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        return {"text": widget.toPlainText(), "cursor": cursor.position(), "anchor": cursor.anchor()}
    if isinstance(widget, ChoiceBox):
        return {"value": widget.value()}
    raise TypeError(type(widget).__name__)


def widget_content(widget: QWidget) -> Any:
    """The part of :func:`widget_state` that counts as a change (the cursor moving is not one)."""
    state = widget_state(widget)
    return state.get("text", state.get("value"))


def restore_widget_state(widget: QWidget, state: Any) -> None:
    if not isinstance(state, dict):
        return
    if isinstance(widget, QLineEdit):
        widget.setText(str(state.get("text", "")))
        widget.setCursorPosition(int(state.get("cursor", len(widget.text()))))
    elif isinstance(widget, QPlainTextEdit):
        text = str(state.get("text", ""))
        widget.setPlainText(text)
        end = len(text)
        cursor = widget.textCursor()
        position = min(max(int(state.get("cursor", end)), 0), end)
        anchor = min(max(int(state.get("anchor", position)), 0), end)
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
    elif isinstance(widget, ChoiceBox):
        widget.set_value(state.get("value"))


def clear_widget(widget: QWidget) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText("")
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("")
    elif isinstance(widget, ChoiceBox):
        widget.setCurrentIndex(0)


# --- messages ----------------------------------------------------------------------------------------------------


class ErrorLine(QLabel):
    """A field's problem in one plain sentence, right under it; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(text_style("danger", bold=True))
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class ConfirmBar(QFrame):
    """An inline question with two buttons, instead of a dialog: nothing modal is left open if the vault locks."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, confirm_text: str, cancel_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirm-bar")
        self.setStyleSheet(box_style("#confirm-bar", "warn") + labels_in("#confirm-bar", "warn"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.confirm_button = QPushButton(confirm_text, self)
        self.confirm_button.setAccessibleName(confirm_text)
        self.confirm_button.setAutoDefault(False)
        self.cancel_button = QPushButton(cancel_text, self)
        self.cancel_button.setAccessibleName(cancel_text)
        self.cancel_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self._confirm)
        self.cancel_button.clicked.connect(self._cancel)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.hide()

    def ask(self, message: str) -> None:
        self.message.setText(message)
        self.show()
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)  # the safe choice is the one under Enter

    def dismiss(self) -> None:
        self.message.setText("")
        self.hide()

    def _confirm(self) -> None:
        self.dismiss()
        self.confirmed.emit()

    def _cancel(self) -> None:
        self.dismiss()
        self.cancelled.emit()


def heading_label(text: str, parent: QWidget, scale: float = 1.05) -> QLabel:
    """A section or panel heading: semi-bold, a little larger than the text around it."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def wrapped_label(text: str, parent: QWidget, style: str = "") -> QLabel:
    """Plain text that wraps (never read as rich text: it may hold what a person typed)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


def plain_button(text: str, accessible: str | None = None, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(accessible or text.replace("&", ""))
    button.setAutoDefault(False)
    return button


def name_buttons(root: QWidget, name: str) -> None:
    """Give Qt's own inner buttons (a line edit's clear button, a table's corner) an accessible name."""
    for button in root.findChildren(QAbstractButton):
        if not button.accessibleName():
            button.setAccessibleName(name)


#: What goes into a row or a column: a widget or a layout, either with its stretch factor, or a bare int for a
#: stretch of that much empty space.
LayoutPart = QWidget | QLayout | int | tuple[QWidget | QLayout, int]


def _fill(
    layout: QBoxLayout, parts: Sequence[LayoutPart], margins: tuple[int, int, int, int] | None, spacing: int | None
) -> None:
    if margins is not None:
        layout.setContentsMargins(*margins)
    if spacing is not None:
        layout.setSpacing(spacing)
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, int):
            layout.addStretch(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)


def column_of(
    parent: QWidget | None,
    *parts: LayoutPart,
    margins: tuple[int, int, int, int] | None = None,
    spacing: int | None = None,
) -> QVBoxLayout:
    """One vertical layout (set on ``parent`` when given) holding ``parts`` top to bottom."""
    layout = QVBoxLayout(parent) if parent is not None else QVBoxLayout()
    _fill(layout, parts, margins, spacing)
    return layout


def row_of(
    *parts: LayoutPart, margins: tuple[int, int, int, int] | None = None, spacing: int | None = None
) -> QHBoxLayout:
    """One horizontal layout holding ``parts`` left to right (a bare int is a stretch, as before the buttons)."""
    layout = QHBoxLayout()
    _fill(layout, parts, margins, spacing)
    return layout
