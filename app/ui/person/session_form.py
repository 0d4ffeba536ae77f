"""Filling in an interview checklist or a screening, one question at a time, from its template.

:class:`SessionsPanel` is the whole of the Interviews and Screening sections: the person's sessions, a start button
(behind the under-18 prompt when it applies), the form, and for a screening its result, the practitioner's
assessment and the identification decision.

The form shows one question in focus, with large answer buttons. Everything works from the keyboard: the number
keys choose an answer, N goes to the note, Page Down / Page Up (or Alt+Down / Alt+Up) move between questions, and the
outline on the left jumps anywhere. Every answer is saved into the vault as it is given; a note is saved a moment
after typing stops, and at once when the question changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.content.templates import Item, Template
from app.core.i18n import _, ngettext
from app.core.sessions import (
    ASSESSMENT_LABELS,
    IDENTIFICATION_LABELS,
    MINOR_PROMPT,
    MINOR_PROMPT_TITLE,
    STATUS_LABELS,
    TRAFFICKING_TYPE_LABELS,
    Decision,
    MinorPromptNeeded,
    ScreeningResult,
    SessionSummary,
    SessionView,
    label_for,
    missing_for_completion,
)
from app.ui.errors import human_message
from app.ui.file_dialogs import save_file_name
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import box_style, colour, labels_in, text_style
from app.ui.person.fields import (
    WIDEST_ROW,
    ChoiceBox,
    ErrorLine,
    column_of,
    format_date,
    format_datetime,
    heading_label,
    plain_button,
    row_of,
    wrapped_label,
)
from app.ui.person.host import PersonHost
from app.ui.qt import (
    QAbstractItemView,
    QAction,
    QBoxLayout,
    QButtonGroup,
    QCoreApplication,
    QEvent,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QRect,
    QScrollArea,
    QSize,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.rows import add_row

if TYPE_CHECKING:
    from app.core.workspace import Workspace

NOTE_SAVE_DELAY_MS = 700


def _muted() -> str:
    return text_style("quiet")


@dataclass(frozen=True)
class _Words:
    """What a panel calls things: an interview or a screening."""

    kind: str  # "checklist" or "screening"
    record_type: str
    section: str  # the workspace section key
    heading: str
    intro: str
    start: str
    empty: str
    back: str
    recorded: str  # the list's name for a screen reader


INTERVIEW_WORDS = _Words(
    "checklist",
    "checklist_response",
    "interviews",
    QT_TRANSLATE_NOOP("session_form", "Interviews"),
    QT_TRANSLATE_NOOP(
        "session_form",
        "The before, during and after checklist for each conversation. Every answer is saved as you go; a session "
        "can be left partial or stopped whenever the person wants.",
    ),
    QT_TRANSLATE_NOOP("session_form", "Start an interview checklist"),
    QT_TRANSLATE_NOOP("session_form", "No interviews recorded yet."),
    QT_TRANSLATE_NOOP("session_form", "All interviews"),
    QT_TRANSLATE_NOOP("session_form", "Interviews recorded"),
)
SCREENING_WORDS = _Words(
    "screening",
    "screening",
    "screening",
    QT_TRANSLATE_NOOP("session_form", "Screening"),
    QT_TRANSLATE_NOOP(
        "session_form",
        "A screening never decides anything about the person. It helps you see whether to talk more or offer help; "
        "every answer the person declines is recorded as declined, never as “no”.",
    ),
    QT_TRANSLATE_NOOP("session_form", "Start a screening"),
    QT_TRANSLATE_NOOP("session_form", "No screenings recorded yet."),
    QT_TRANSLATE_NOOP("session_form", "All screenings"),
    QT_TRANSLATE_NOOP("session_form", "Screenings recorded"),
)


def tr(text: str) -> str:
    """The session form's shared words (and a panel's :class:`_Words`) in the app's language."""
    return QCoreApplication.translate("session_form", text)


def core_words(text: str) -> str:
    """Words from the core's tables (answers, statuses, decisions) in the app's language; "" stays "" (the
    catalogue's empty message is its header)."""
    return _(text) if text else ""


def _heading(text: str, parent: QWidget, scale: float = 1.15) -> QLabel:
    label = heading_label(text, parent, scale)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _para(text: str, parent: QWidget, style: str = "") -> QLabel:
    return wrapped_label(text, parent, style)


def _message(exc: BaseException) -> str:
    fallback = QCoreApplication.translate(
        "session_form", "That could not be saved. Please try again; nothing you typed was lost."
    )
    return human_message(exc, fallback)


def keys_hint(answers: int) -> str:
    """The keys line under a question; the number keys named are exactly the answers on screen."""
    if answers <= 0:
        return QCoreApplication.translate(
            "session_form",
            "Type the answer · Alt+N note · Page Down next · Page Up previous",
        )
    if answers == 1:
        return QCoreApplication.translate(
            "session_form",
            "Keys: 1 chooses the answer · Alt+N note · Page Down next · Page Up previous",
        )
    return QCoreApplication.translate(
        "session_form",
        "Keys: 1–{last} choose an answer · Alt+N note · Page Down next · Page Up previous",
    ).format(last=answers)


def session_line(summary: SessionSummary) -> str:
    not_finished = QCoreApplication.translate("session_form", "Not finished")
    status = _(STATUS_LABELS[summary.status]) if summary.status in STATUS_LABELS else not_finished
    answered = QCoreApplication.translate(
        "session_form",
        "{answered} of {total} answered",
    ).format(answered=summary.answered, total=summary.total)
    return f"{format_datetime(summary.started_at)} · {summary.title} · {status} · {answered}"


# --- the minor prompt ----------------------------------------------------------------------------------------------


class MinorPrompt(QFrame):
    """Shown before any interview or screening of a person under 18; continuing records the acknowledgement."""

    acknowledged = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minor-prompt")
        self.setStyleSheet(box_style("#minor-prompt", "info", radius=8) + labels_in("#minor-prompt", "info"))
        title = _heading(_(MINOR_PROMPT_TITLE), self, 1.1)
        body = _para(_(MINOR_PROMPT), self)
        body.setAccessibleName(_(MINOR_PROMPT_TITLE))
        self.continue_button = plain_button(
            self.tr("I have read this — continue"), self.tr("I have read this, continue"), self
        )
        self.cancel_button = plain_button(self.tr("Not now"), parent=self)
        self.continue_button.clicked.connect(self.acknowledged)
        self.cancel_button.clicked.connect(self.declined)
        buttons = row_of(1, self.cancel_button, self.continue_button)
        column_of(self, title, body, buttons, margins=(16, 14, 16, 14), spacing=8)
        self.hide()

    def ask(self) -> None:
        self.show()
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)


# --- the list page -------------------------------------------------------------------------------------------------


class SessionListPage(QWidget):
    start_requested = Signal(str, str)  # template id, version
    open_requested = Signal(str)  # record id

    def __init__(self, words: _Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self._templates: list[Template] = []
        heading = _heading(tr(words.heading), self)
        intro = _para(tr(words.intro), self, _muted())
        intro.setMaximumWidth(intro.fontMetrics().horizontalAdvance("M") * 52)

        self.template_box = ChoiceBox("", [], empty=None, parent=self)
        self.template_box.setAccessibleName(self.tr("Template"))
        self.template_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.start_button = plain_button(tr(words.start), parent=self)
        self.start_button.setDefault(False)
        self.start_button.clicked.connect(self._start)
        start_row = QHBoxLayout()
        self.template_label = QLabel(self.tr("Template"), self)
        self.template_label.setBuddy(self.template_box)
        start_row.addWidget(self.template_label)
        start_row.addWidget(self.template_box, 1)
        start_row.addWidget(self.start_button)
        self._start_row = start_row
        start_row.addStretch(0)  # takes the box's room when there is no box (the button keeps its own size)

        self.minor_prompt = MinorPrompt(self)
        self.error = ErrorLine(self)

        self.list = QListWidget(self)
        # Its own words per kind: "{sessions} recorded" built from the heading read "Evaluación registradas" in Spanish.
        self.list.setAccessibleName(tr(words.recorded))
        self.list.setAccessibleDescription(self.tr("Press Enter to open one."))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long lines wrap instead
        self.list.setStyleSheet("QListWidget::item { padding: 8px 6px; }")
        self.list.itemActivated.connect(self._activated)
        self.empty = _para(tr(words.empty), self, _muted())

        self.decision_line = _para("", self)
        self.decision_line.hide()

        self._column = column_of(
            self,
            heading,
            intro,
            start_row,
            self.minor_prompt,
            self.error,
            self.decision_line,
            self.empty,
            (self.list, 1),
            margins=(0, 4, 0, 0),
            spacing=10,
        )
        self._column.addStretch(0)  # the room the list leaves while there is none: the page stays at the top

    def show_templates(self, templates: list[Template]) -> None:
        self._templates = templates
        current = self.template_box.value()
        self.template_box.blockSignals(True)
        self.template_box.clear()
        for template in templates:
            shown = self.tr("{title} (version {version})").format(title=template.title, version=template.version)
            self.template_box.addItem(shown, (template.id, template.version))
        if current is not None:
            self.template_box.set_value(current)
        self.template_box.blockSignals(False)
        # One template: nothing to choose, so no greyed-out box; the button says what starts.
        self.template_box.setVisible(len(templates) > 1)
        self.template_label.setVisible(len(templates) > 1)
        self._start_row.setStretch(self._start_row.count() - 1, 0 if len(templates) > 1 else 1)
        self.start_button.setEnabled(bool(templates))

    def show_sessions(self, sessions: list[SessionSummary]) -> None:
        selected = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.list.clear()
        for summary in sessions:
            item = add_row(self.list, session_line(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary.record_id)
            if summary.record_id == selected:
                self.list.setCurrentItem(item)
        self.empty.setVisible(not sessions)
        self.list.setVisible(bool(sessions))
        self._column.setStretch(self._column.count() - 1, 0 if sessions else 1)

    def show_decision(self, decision: Decision | None) -> None:
        if decision is None:
            self.decision_line.setText(self.tr("Identification: no decision recorded. Only a person decides this."))
        else:
            self.decision_line.setText(
                self.tr("Identification: {decision} — decided by {name} on {date}.").format(
                    decision=core_words(IDENTIFICATION_LABELS.get(decision.status, decision.status)),
                    name=decision.decided_by_name,
                    date=format_date(decision.decided_on),
                )
            )
        self.decision_line.show()

    def clear(self) -> None:
        self.list.clear()
        self.empty.show()
        self.list.hide()
        self._column.setStretch(self._column.count() - 1, 1)
        self.error.clear_message()
        self.minor_prompt.hide()
        self.decision_line.clear()
        self.decision_line.hide()

    def _start(self) -> None:
        value = self.template_box.value()
        if value is None and self._templates:
            value = (self._templates[0].id, self._templates[0].version)
        if value is not None:
            self.start_requested.emit(*value)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def focus_first(self) -> None:
        if self.list.isVisible() and self.list.count():
            if self.list.currentRow() < 0:
                self.list.setCurrentRow(0)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)


# --- one question --------------------------------------------------------------------------------------------------


class ButtonFlow(QLayout):
    """Buttons (the answers, the assessment's choices) as many on a line as fit, each line's buttons sharing its width.

    On one line they pushed the question off the side of the page at twice the text size (in Spanish, five answers
    need some 1,100 px); they now go on as many lines as the width needs, and fill one line as before when it fits.
    """

    def __init__(self, spacing: int = 8) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        return QSize(width, max((i.sizeHint().height() for i in shown), default=0))

    def minimumSize(self) -> QSize:
        shown = self._shown()
        return QSize(
            max((i.minimumSize().width() for i in shown), default=0),
            max((i.minimumSize().height() for i in shown), default=0),
        )

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            need = item.sizeHint().width()
            if lines and used + self.spacing() + need <= width:
                lines[-1].append(item)
                used += self.spacing() + need
            else:
                lines.append([item])
                used = need
        return lines

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        y = rect.y()
        for line in self._lines(rect.width()):
            height = max(i.sizeHint().height() for i in line)
            spare = rect.width() - sum(i.sizeHint().width() for i in line) - self.spacing() * (len(line) - 1)
            x = rect.x()
            for n, item in enumerate(line):
                share = max(0, spare) // len(line) + (1 if n < max(0, spare) % len(line) else 0)
                width = min(rect.width(), item.sizeHint().width() + share)
                if move:
                    item.setGeometry(QRect(x, y, width, height))
                x += width + self.spacing()
            y += height + self.spacing()
        return max(0, y - rect.y() - self.spacing())


class QuestionCard(QFrame):
    """The question in focus: its words, its help, large answer buttons and a note."""

    answered = Signal(str)  # the answer value
    note_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("question-card")
        self.setStyleSheet(box_style("#question-card", "card", radius=10, text=False))
        self.item: Item | None = None
        self.where = _para("", self, _muted())
        self.text = _para("", self)
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.text.setFont(font)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help = _para("", self, _muted())
        self.answers_row = ButtonFlow(spacing=8)
        # Not exclusive: an exclusive group cannot show "no answer yet"; set_checked keeps one checked at most.
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: list[QPushButton] = []
        self.text_answer = QPlainTextEdit(self)
        self.text_answer.setAccessibleName(self.tr("Answer"))
        self.text_answer.setTabChangesFocus(True)
        self.text_answer.setMaximumHeight(self.fontMetrics().height() * 5)
        self.text_answer.hide()
        self.note_label = QLabel(self.tr("&Note (optional)"), self)
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Note on this question"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Anything worth keeping, in the person's words where you can."))
        self.note.setMaximumHeight(self.fontMetrics().height() * 5)
        self.note_label.setBuddy(self.note)
        self.note.textChanged.connect(self._note_changed)
        self.text_answer.textChanged.connect(self._note_changed)
        self._loading = False

        layout = column_of(
            self,
            self.where,
            self.text,
            self.help,
            self.answers_row,
            self.text_answer,
            margins=(22, 18, 22, 18),
            spacing=12,
        )
        layout.addSpacing(4)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def show_item(self, item: Item, text: str, where: str, answer: str | None, note: str) -> None:
        self._loading = True
        self.item = item
        self.where.setText(where)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.help.setText(item.help or "")
        self.help.setVisible(bool(item.help))
        values = tuple(item.answers)
        labels = tuple(core_words(label_for(item, v)) if item.answer_type != "choice" else v for v in values)
        if labels != tuple(b.accessibleName() for b in self.buttons):
            self._make_buttons(item, values, labels)
        self.set_checked(answer)
        is_text = item.answer_type == "text"
        self.text_answer.setVisible(is_text)
        self.text_answer.setPlainText(answer or "" if is_text else "")
        self.note.setPlainText(note)
        self._loading = False

    def _make_buttons(self, item: Item, values: tuple[str, ...], labels: tuple[str, ...]) -> None:
        """The answer buttons, made again only when the set of answers changes (the focus stays put otherwise)."""
        had_focus = any(b.hasFocus() for b in self.buttons)
        for button in self.buttons:
            self.group.removeButton(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        height = round(self.fontMetrics().height() * 2.4)
        for index, (value, label) in enumerate(zip(values, labels, strict=True)):
            button = QPushButton(f"{index + 1}  {label}", self)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumHeight(height)
            button.setAccessibleName(label)
            button.setAccessibleDescription(self.tr("Press {key} to choose this answer.").format(key=index + 1))
            button.setProperty("answer", value)
            button.setStyleSheet(
                f"QPushButton {{ padding: 4px 14px; border: 1px solid {colour('control_border')}; border-radius: 8px;"
                f" background: {colour('control_bg')}; color: {colour('text')}; }}"
                f"QPushButton:checked {{ background: {colour('accent')}; color: {colour('accent_text')};"
                f" border-color: {colour('accent')}; }}"
                # The keyboard on an answer: a ring; on the chosen answer, whose fill is the ring's colour, an edge
                # in the text colour and the words underlined, so it never looks the same as chosen alone.
                f"QPushButton:focus {{ border: 2px solid {colour('focus')}; padding: 3px 13px; }}"
                f"QPushButton:checked:focus {{ border: 2px solid {colour('text')}; text-decoration: underline; }}"
                + ("QPushButton { font-style: italic; }" if value == "declined" else "")
            )
            button.clicked.connect(lambda _checked=False, v=value: self._clicked(v))
            self.group.addButton(button)
            self.answers_row.addWidget(button)
            button.show()  # a child added to a visible parent stays hidden (and unfocusable) until shown
            self.buttons.append(button)
        if had_focus and self.buttons:
            self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _clicked(self, value: str) -> None:
        self.set_checked(value)
        self.answered.emit(value)

    def clear(self) -> None:
        self._loading = True
        self.item = None
        self.note.clear()
        self.text_answer.clear()
        self.text.clear()
        self.help.clear()
        self.where.clear()
        for button in self.buttons:
            self.group.removeButton(button)
            button.deleteLater()
        self.buttons = []
        self._loading = False

    def choose(self, index: int) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].click()

    def set_checked(self, answer: str | None) -> None:
        for button in self.buttons:
            button.setChecked(button.property("answer") == answer)

    def focus_answers(self) -> None:
        target: QWidget = self.text_answer if self.text_answer.isVisible() else (
            next((b for b in self.buttons if b.isChecked()), self.buttons[0] if self.buttons else self.note)
        )  # fmt: skip
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _note_changed(self) -> None:
        if not self._loading:
            self.note_edited.emit()


# --- saving a PDF for the file -------------------------------------------------------------------------------------


class PdfBar(QFrame):
    """Inline (nothing modal left open if the vault locks): an optional password, then where to save."""

    save_requested = Signal(str, str)  # path, password ("" = none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf-bar")
        self.setStyleSheet(box_style("#pdf-bar", "calm", radius=8, text=False) + labels_in("#pdf-bar", "calm"))
        self.suggested = "session.pdf"
        explain = _para(
            self.tr(
                "The PDF leaves the encrypted vault. Without a password, anyone who can open the file can read it: "
                "set one unless the file goes straight into a protected case file."
            ),
            self,
        )
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("PDF password (optional)"))
        self.password.setPlaceholderText(self.tr("Password (optional, at least 8 characters)"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the PDF password"))
        self.repeat.setPlaceholderText(self.tr("Repeat the password"))
        self.error = ErrorLine(self)
        self.save_button = plain_button(self.tr("Choose where to save…"), self.tr("Choose where to save the PDF"), self)
        self.cancel_button = plain_button(self.tr("Cancel"), self.tr("Cancel saving a PDF"), self)
        self.save_button.clicked.connect(self._choose)
        self.cancel_button.clicked.connect(self.dismiss)
        fields = QHBoxLayout()
        fields.addWidget(self.password, 1)
        fields.addWidget(self.repeat, 1)
        buttons = row_of(1, self.cancel_button, self.save_button)
        column_of(self, explain, fields, self.error, buttons, margins=(14, 10, 14, 10))
        self.hide()

    def ask(self, suggested: str) -> None:
        self.suggested = suggested
        self.password.clear()
        self.repeat.clear()
        self.error.clear_message()
        self.show()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def dismiss(self) -> None:
        self.password.clear()
        self.repeat.clear()
        self.error.clear_message()
        self.hide()

    def checked_password(self) -> str | None:
        """The password, "" for none, or None (with the reason shown) when it cannot be used."""
        password, repeat = self.password.text(), self.repeat.text()
        if password != repeat:
            self.error.show_message(self.tr("The two passwords are not the same. Please type them again."))
            return None
        if password and len(password.strip()) < 8:
            self.error.show_message(self.tr("Please use a password of at least 8 characters, or leave both empty."))
            return None
        return password

    def save_to(self, path: str) -> None:
        password = self.checked_password()
        if password is not None and path:
            self.save_requested.emit(path, password)

    def _choose(self) -> None:
        if self.checked_password() is None:
            return
        path, _filter = save_file_name(self, self.tr("Save a PDF for the file"), self.suggested, "PDF (*.pdf)")
        self.save_to(path)


# --- the form ------------------------------------------------------------------------------------------------------


class SessionFormPage(QWidget):
    """One session being filled in. Talks to the vault through the panel's ``run``."""

    back_requested = Signal()
    result_requested = Signal()
    pdf_requested = Signal()
    finished = Signal()

    def __init__(self, panel: SessionsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.view: SessionView | None = None
        self._items: list[tuple[Item, str]] = []  # (item, where)
        self._index = 0
        self._pending_note = False
        self._saving = 0

        back = tr(panel.words.back)
        self.back_button = plain_button(self.tr("← {back}").format(back=back), back, self)
        self.back_button.clicked.connect(self.back_requested)
        self.title = _heading("", self, 1.1)
        self.status = _para("", self, _muted())
        self.saved = _para("", self, _muted())
        self.saved.setAccessibleName(self.tr("Saving"))
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.saved)

        self.outline = QListWidget(self)
        self.outline.setAccessibleName(self.tr("Questions"))
        self.outline.setAccessibleDescription(self.tr("Choose a question to go to it."))
        self.outline.setWordWrap(True)
        self.outline.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows wrap again at the list's new width
        # Up to 20 "M"s wide; it gives way (down to 10) when a longer language and large text leave less room.
        em = self.fontMetrics().horizontalAdvance("M")
        self.outline.setMinimumWidth(em * 10)
        self.outline.setMaximumWidth(em * 20)
        self.outline.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        # No padding at the sides: Qt wraps a row at the list's full width, and a padded heading lost its last words.
        self.outline.setStyleSheet("QListWidget::item { padding: 3px 0px; }")
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline.currentRowChanged.connect(self._outline_moved)

        self.card = QuestionCard(self)
        self.card.answered.connect(self._answered)
        self.card.note_edited.connect(self._note_edited)
        self.prev_button = plain_button(self.tr("Previous"), self.tr("Previous question"), self)
        self.next_button = plain_button(self.tr("Next"), self.tr("Next question"), self)
        self.prev_button.setToolTip(self.tr("Page Up"))
        self.next_button.setToolTip(self.tr("Page Down"))
        self.prev_button.clicked.connect(lambda: self.go(self._index - 1))
        self.next_button.clicked.connect(lambda: self.go(self._index + 1))
        self.position = _para("", self, _muted())
        self.hint = hint = _para("", self, _muted())
        self.hint.setAccessibleName(self.tr("Keys"))
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        # Centred in its own width, not by the row: aligned by the row, a wrapped "Question 1 of 24" got one line.
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.position, 1)
        nav.addWidget(self.next_button)

        self.finish_error = ErrorLine(self)
        self.complete_button = plain_button(self.tr("Mark complete"), parent=self)
        self.stopped_button = plain_button(self.tr("Stopped at the person's request"), parent=self)
        self.result_button = plain_button(self.tr("Result and assessment"), parent=self)
        self.pdf_button = plain_button(self.tr("Save a PDF for the file…"), self.tr("Save a PDF for the file"), self)
        self.complete_button.clicked.connect(lambda: self._finish("complete"))
        self.stopped_button.clicked.connect(lambda: self._finish("stopped_at_request"))
        self.result_button.clicked.connect(self.result_requested)
        self.pdf_button.clicked.connect(self.pdf_requested)
        finish_buttons = (self.pdf_button, self.result_button, self.stopped_button, self.complete_button)
        finish: QBoxLayout

        def width(*buttons: QPushButton) -> int:
            return sum(b.sizeHint().width() for b in buttons)

        if (
            width(self.pdf_button, self.result_button) > WIDEST_ROW
            or width(self.stopped_button, self.complete_button) > WIDEST_ROW
        ):
            # Large text in a longer language: one button a row, so none makes the page wider than the screen.
            finish = column_of(
                None,
                row_of(self.pdf_button, 1),
                row_of(self.result_button, 1),
                row_of(1, self.stopped_button),
                row_of(1, self.complete_button),
            )
        elif width(*finish_buttons) > WIDEST_ROW:
            # Large text: two rows, so the buttons never make the page wider than the screen.
            finish = column_of(
                None,
                row_of(self.pdf_button, self.result_button, 1),
                row_of(1, self.stopped_button, self.complete_button),
            )
        else:
            finish = row_of(self.pdf_button, self.result_button, 1, self.stopped_button, self.complete_button)

        right = column_of(None, (self.card, 1), nav, hint, spacing=10)
        body = row_of((self.outline, 2), (right, 5), spacing=16)

        layout = column_of(self, top, self.status, (body, 1), self.finish_error, margins=(0, 0, 0, 0), spacing=10)
        self.pdf_bar = PdfBar(self)
        layout.addWidget(self.pdf_bar)
        layout.addLayout(finish)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self._build_keys()

    def _build_keys(self) -> None:
        def add(keys: list[str], slot: Callable[..., None], name: str) -> None:
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        for n in range(1, 10):
            add([str(n)], lambda _checked=False, n=n: self.card.choose(n - 1), self.tr("Answer {n}").format(n=n))
        add(["PgDown", "Alt+Down"], lambda: self.go(self._index + 1), self.tr("Next question"))
        add(["PgUp", "Alt+Up"], lambda: self.go(self._index - 1), self.tr("Previous question"))

    # --- showing -----------------------------------------------------------------------------------------------

    def show_view(self, view: SessionView, *, keep_place: bool = False) -> None:
        same = self.view is not None and self.view.record_id == view.record_id
        self.view = view
        template = view.template
        title = self.tr("{title} · version {version}")
        self.title.setText(title.format(title=template.title, version=template.version))
        self._update_status()
        self.result_button.setVisible(template.kind == "screening")
        self._items = []
        self.outline.blockSignals(True)
        self.outline.clear()
        for section in template.sections:
            header = add_row(self.outline, section.title.upper())
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = QFont(self.outline.font())
            font.setWeight(QFont.Weight.DemiBold)
            header.setFont(font)
            for item in section.items:
                self._items.append((item, section.title))
                entry = add_row(self.outline, "")
                entry.setData(Qt.ItemDataRole.UserRole, len(self._items) - 1)
        self.outline.blockSignals(False)
        self._refresh_outline()
        if not (same and keep_place):
            first_open = next((i for i, (item, _w) in enumerate(self._items) if not view.answer(item.id)), 0)
            self._index = -1
            self.go(first_open)
        self.finish_error.clear_message()

    def _update_status(self) -> None:
        view = self.view
        if view is None:
            return
        answered = sum(1 for item, _w in self._items if view.answer(item.id)) if self._items else 0
        not_finished = QCoreApplication.translate("session_form", "Not finished")
        status = _(STATUS_LABELS[view.status]) if view.status in STATUS_LABELS else not_finished
        total = len(view.template.items())
        self.status.setText(
            self.tr("{status} · {answered} of {total} answered · every answer is saved as you go").format(
                status=status, answered=answered, total=total
            )
        )

    def _refresh_outline(self) -> None:
        view = self.view
        if view is None:
            return
        for row in range(self.outline.count()):
            entry = self.outline.item(row)
            index = entry.data(Qt.ItemDataRole.UserRole)
            if index is None:
                continue
            item, _where = self._items[int(index)]
            answer = view.answer(item.id)
            mark = "●" if answer else "○"
            if item.answer_type != "text":
                shown = core_words(label_for(item, answer))
            else:
                shown = self.tr("Answered") if answer else ""
            text = _short(item.text_for(view.regime), 34)
            entry.setText(f"{mark} {index + 1}. {text}" + (f" — {shown}" if shown else ""))
            entry.setToolTip(item.text_for(view.regime))
        self._update_status()

    def go(self, index: int) -> None:
        view = self.view
        if view is None or not self._items:
            return
        index = max(0, min(index, len(self._items) - 1))
        if index == self._index:
            return
        self.flush_note()
        self._index = index
        item, where = self._items[index]
        answer = view.answer(item.id)
        if item.required_for_completion:
            where = self.tr("{where} · needed to finish").format(where=where)
        self.card.show_item(item, item.text_for(view.regime), where, answer, view.note(item.id))
        self.position.setText(self.tr("Question {n} of {total}").format(n=index + 1, total=len(self._items)))
        self.hint.setText(keys_hint(len(self.card.buttons)))
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self._items) - 1)
        for row in range(self.outline.count()):
            if self.outline.item(row).data(Qt.ItemDataRole.UserRole) == index:
                self.outline.blockSignals(True)
                self.outline.setCurrentRow(row)
                self.outline.blockSignals(False)
                break
        if self.isVisible() and not self.outline.hasFocus():
            self.card.focus_answers()

    def _outline_moved(self, row: int) -> None:
        entry = self.outline.item(row)
        if entry is not None and entry.data(Qt.ItemDataRole.UserRole) is not None:
            self.go(int(entry.data(Qt.ItemDataRole.UserRole)))

    def current_item(self) -> Item | None:
        return self._items[self._index][0] if 0 <= self._index < len(self._items) else None

    # --- saving ------------------------------------------------------------------------------------------------

    def _answered(self, value: str) -> None:
        view, item = self.view, self.current_item()
        if view is None or item is None:
            return
        self._save(item.id, value, None)

    def _note_edited(self) -> None:
        self._pending_note = True
        self.saved.setText(self.tr("Typing…"))
        self._note_timer.start()

    def flush_note(self) -> None:
        """Save the note (and a free-text answer) of the question on screen now, if it changed."""
        self._note_timer.stop()
        if not self._pending_note:
            return
        self._pending_note = False
        item = self.current_item()
        if item is None:
            return
        answer = self.card.text_answer.toPlainText() if item.answer_type == "text" else None
        self._save(item.id, answer, self.card.note.toPlainText())

    def _save(self, item_id: str, answer: str | None, note: str | None) -> None:
        view = self.view
        if view is None:
            return
        record_type, record_id = view.record_type, view.record_id
        self._saving += 1
        self.saved.setText(self.tr("Saving…"))

        def work(ws: Workspace) -> SessionView:
            return ws.sessions.answer(record_type, record_id, item_id, answer, note)

        def done(new_view: SessionView) -> None:
            self._saving -= 1
            if self.view is None or self.view.record_id != new_view.record_id:
                return
            self.view = new_view
            self._refresh_outline()
            current = self.current_item()
            if current is not None and current.id == item_id and answer is not None and current.answer_type != "text":
                self.card.set_checked(new_view.answer(item_id))
            if self._saving == 0 and not self._pending_note:
                self.saved.setText(self.tr("Saved"))

        def failed(exc: BaseException) -> None:
            self._saving -= 1
            self.saved.setText(self.tr("Not saved"))
            self.finish_error.show_message(_message(exc))

        if not self.panel.host.run(work, done, failed):
            self._saving -= 1

    def has_draft(self) -> bool:
        return self._pending_note or self._saving > 0

    # --- finishing ---------------------------------------------------------------------------------------------

    def _finish(self, status: str) -> None:
        self.flush_note()
        view = self.view
        if view is None:
            return
        if status == "complete":
            missing = missing_for_completion(view)
            if missing:
                count = len(missing)
                self.finish_error.show_message(
                    ngettext(
                        "Not complete yet: please record the one item marked “needed to finish” (it may be "
                        "“declined” if the person chose not to). It is on screen now.",
                        "Not complete yet: please record the {n} items marked “needed to finish” (each may be "
                        "“declined” if the person chose not to). The first is on screen now.",
                        count,
                    ).format(n=count)
                )
                self.go(next(i for i, (item, _w) in enumerate(self._items) if item.id == missing[0].id))
                return
        record_type, record_id = view.record_type, view.record_id

        def work(ws: Workspace) -> SessionView:
            return ws.sessions.finish(record_type, record_id, status)

        def done(new_view: SessionView) -> None:
            self.view = new_view
            self._update_status()
            self.finish_error.clear_message()
            self.saved.setText(self.tr("Saved as {status}").format(status=_(STATUS_LABELS[status]).lower()))
            self.finished.emit()

        self.panel.host.run(work, done, lambda exc: self.finish_error.show_message(_message(exc)))

    def clear(self) -> None:
        self._note_timer.stop()
        self._pending_note = False
        self.view = None
        self._items = []
        self._index = 0
        self.outline.clear()
        self.card.clear()
        self.title.clear()
        self.status.clear()
        self.saved.clear()
        self.finish_error.clear_message()


# --- the screening result ------------------------------------------------------------------------------------------


class ResultPage(QWidget):
    """A screening's result, the practitioner's assessment and the identification decision (with history)."""

    back_requested = Signal()

    def __init__(self, panel: SessionsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.view: SessionView | None = None

        self.back_button = plain_button(self.tr("← Back to the answers"), self.tr("Back to the answers"), self)
        self.back_button.clicked.connect(self.back_requested)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("What the answers show"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # A radio group, as a screen reader and the keyboard expect: Tab reaches it, the arrow keys move the choice.
        self.assessment_box = QFrame(self)
        self.assessment_box.setAccessibleName(self.tr("Your assessment"))
        self.assessment_group = QButtonGroup(self)
        self.assessment_buttons: dict[str, QRadioButton] = {}
        assess_row = ButtonFlow(spacing=18)  # on as many lines as the width needs (762 px on one, in Spanish at 200%)
        self.assessment_box.setLayout(assess_row)
        for value, label in ASSESSMENT_LABELS.items():
            button = QRadioButton(_(label), self.assessment_box)
            button.setAccessibleName(_(label))
            button.setAccessibleDescription(self.tr("Your assessment. The arrow keys move between the choices."))
            button.setMinimumHeight(round(self.fontMetrics().height() * 2.0))
            button.setStyleSheet("QRadioButton:focus { outline: none; text-decoration: underline; }")
            self.assessment_group.addButton(button)
            button.toggled.connect(self._assessment_changed)
            button.installEventFilter(self)
            self.assessment_buttons[value] = button
            assess_row.addWidget(button)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for your assessment"))
        self.reason.setPlaceholderText(self.tr("What you saw and heard that led to this."))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(self.fontMetrics().height() * 4)
        self.reason.textChanged.connect(self._assessment_changed)
        self.save_assessment = plain_button(self.tr("Save my assessment"), parent=self)
        self.save_assessment.clicked.connect(self._save_assessment)
        self.assessment_error = ErrorLine(self)
        # A calm line beside the button once the vault holds it; cleared as soon as the choice or reason changes.
        self.assessment_saved = QLabel(self)
        self.assessment_saved.setAccessibleName(self.tr("Assessment saved"))
        self.assessment_saved.setWordWrap(True)
        self.assessment_saved.setStyleSheet(text_style("success"))
        self.assessment_saved.hide()
        self._showing = False

        self.decision_now = _para("", self)
        self.decision_status = ChoiceBox(
            "", [str(v) for v in IDENTIFICATION_LABELS], empty=QT_TRANSLATE_NOOP("fields", "Choose a decision"),
            labels={str(k): _(v) for k, v in IDENTIFICATION_LABELS.items()}, parent=self,
        )  # fmt: skip
        self.decision_status.setAccessibleName(self.tr("Identification decision"))
        self.decision_type = ChoiceBox(
            "", [str(v) for v in TRAFFICKING_TYPE_LABELS], empty=QT_TRANSLATE_NOOP("fields", "Type (when identified)"),
            labels={str(k): _(v) for k, v in TRAFFICKING_TYPE_LABELS.items()}, parent=self,
        )  # fmt: skip
        self.decision_type.setAccessibleName(self.tr("Type of trafficking or exploitation"))
        self.decider = QLineEdit(self)
        self.decider.setAccessibleName(self.tr("Your name"))
        self.decider.setPlaceholderText(self.tr("Your name"))
        self.decision_reason = QPlainTextEdit(self)
        self.decision_reason.setAccessibleName(self.tr("Reason for the decision"))
        self.decision_reason.setPlaceholderText(self.tr("The reason, in a sentence or two."))
        self.decision_reason.setTabChangesFocus(True)
        self.decision_reason.setMaximumHeight(self.fontMetrics().height() * 4)
        self.save_decision = plain_button(self.tr("Record this decision"), parent=self)
        self.save_decision.clicked.connect(self._save_decision)
        self.decision_error = ErrorLine(self)
        self.history = _para("", self, _muted())
        self.history.setAccessibleName(self.tr("Earlier decisions"))

        content = QWidget(self)
        col = column_of(
            content,
            _heading(self.tr("What the answers show"), content),
            self.summary,
            margins=(0, 0, 12, 0),
            spacing=10,
        )
        col.addSpacing(8)
        col.addWidget(_heading(self.tr("Your assessment"), content))
        col.addWidget(
            _para(
                self.tr("Your own reading of this screening, with a reason. It is not an identification decision."),
                content,
                _muted(),
            )
        )
        col.addWidget(self.assessment_box)
        col.addWidget(self.reason)
        col.addWidget(self.assessment_error)
        row = QHBoxLayout()
        row.addWidget(self.assessment_saved, 1)
        row.addWidget(self.save_assessment)
        col.addLayout(row)
        col.addSpacing(8)
        col.addWidget(_heading(self.tr("Identification decision"), content))
        col.addWidget(
            _para(
                self.tr(
                    "Made only by a named person, with a date and a reason. A later decision keeps this one in the "
                    "history."
                ),
                content,
                _muted(),
            )
        )
        col.addWidget(self.decision_now)
        pick = QGridLayout()
        status_label = QLabel(self.tr("Decision"), content)
        status_label.setBuddy(self.decision_status)
        type_label = QLabel(self.tr("Type"), content)
        type_label.setBuddy(self.decision_type)
        side_by_side = self.decision_status.sizeHint().width() + self.decision_type.sizeHint().width() + 24
        if side_by_side > WIDEST_ROW - 60:
            # Large text or a longer language: the type under the decision (side by side they took 832 px).
            for row_, widget in enumerate((status_label, self.decision_status, type_label, self.decision_type)):
                pick.addWidget(widget, row_, 0)
        else:
            pick.addWidget(status_label, 0, 0)
            pick.addWidget(type_label, 0, 1)
            pick.addWidget(self.decision_status, 1, 0)
            pick.addWidget(self.decision_type, 1, 1)
            pick.setColumnStretch(0, 2)
            pick.setColumnStretch(1, 1)
        col.addLayout(pick)
        name_label = QLabel(self.tr("Your &name"), content)
        name_label.setBuddy(self.decider)
        col.addWidget(name_label)
        col.addWidget(self.decider)
        reason_label = QLabel(self.tr("&Reason"), content)
        reason_label.setBuddy(self.decision_reason)
        col.addWidget(reason_label)
        col.addWidget(self.decision_reason)
        col.addWidget(self.decision_error)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(self.save_decision)
        col.addLayout(row2)
        col.addWidget(self.history)
        col.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Result and decision"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.content = content

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(scroll, 1)

    def show_result(self, view: SessionView, result: ScreeningResult, decisions: list[Decision], decider: str) -> None:
        self.view = view
        self.summary.setText(result_html(view, result))
        self._showing = True
        self.set_assessment(view.assessment)
        self.reason.setPlainText(view.assessment_reason or "")
        self._showing = False
        self.assessment_saved.hide()
        self.show_decisions(decisions)
        if not self.decider.text():
            self.decider.setText(decider)
        self.assessment_error.clear_message()
        self.decision_error.clear_message()

    def set_assessment(self, value: str | None) -> None:
        """Check one choice, or none ("not assessed yet", which an exclusive group cannot show by itself)."""
        self.assessment_group.setExclusive(False)
        for other, button in self.assessment_buttons.items():
            button.setChecked(other == value)
        self.assessment_group.setExclusive(True)

    def assessment(self) -> str | None:
        return next((v for v, b in self.assessment_buttons.items() if b.isChecked()), None)

    def focus_assessment(self) -> None:
        buttons = list(self.assessment_buttons.values())
        next((b for b in buttons if b.isChecked()), buttons[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys move the choice itself (Qt moves only the focus while nothing is chosen yet)."""
        buttons = list(self.assessment_buttons.values())
        if watched in buttons and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}.get(
                Qt.Key(event.key())
            )
            if step is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                target = buttons[(buttons.index(watched) + step) % len(buttons)]
                target.setChecked(True)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _assessment_changed(self) -> None:
        if not self._showing:
            self.assessment_saved.hide()

    def show_decisions(self, decisions: list[Decision]) -> None:
        if decisions:
            now = decisions[0]
            decision = core_words(IDENTIFICATION_LABELS.get(now.status, now.status))
            if now.trafficking_type:
                decision = f"{decision} ({core_words(TRAFFICKING_TYPE_LABELS.get(now.trafficking_type, ''))})"
            self.decision_now.setText(
                self.tr("In force: {decision} — {name}, {date}. Reason: {reason}").format(
                    decision=decision, name=now.decided_by_name, date=format_date(now.decided_on), reason=now.reason
                )
            )
        else:
            self.decision_now.setText(self.tr("No decision recorded yet."))
        earlier = [
            f"{format_date(d.decided_on)} — {core_words(IDENTIFICATION_LABELS.get(d.status, d.status))}, "
            f"{d.decided_by_name}: {d.reason}"
            for d in decisions[1:]
        ]
        self.history.setText(self.tr("Earlier decisions:\n{decisions}").format(decisions="\n".join(earlier)) if earlier
                             else "")  # fmt: skip
        self.history.setVisible(bool(earlier))

    def _save_assessment(self) -> None:
        view = self.view
        checked = self.assessment()
        if view is None:
            return
        if checked is None:
            self.assessment_error.show_message(self.tr("Please choose indicators present, unclear or not indicated."))
            return
        reason = self.reason.toPlainText()
        record_id = view.record_id

        def done(new_view: SessionView) -> None:
            self.view = new_view
            self.assessment_error.clear_message()
            label = core_words(ASSESSMENT_LABELS.get(new_view.assessment or "", ""))
            self.assessment_saved.setText(self.tr("Your assessment is saved: {assessment}, with your reason.").format(
                assessment=label))  # fmt: skip
            self.assessment_saved.show()
            self.panel.host.record_changed(self.panel.words.section)

        self.panel.host.run(
            lambda ws: ws.sessions.assess(record_id, checked, reason),
            done,
            lambda exc: self.assessment_error.show_message(_message(exc)),
        )

    def _save_decision(self) -> None:
        view = self.view
        if view is None:
            return
        status = self.decision_status.value()
        if status is None:
            self.decision_error.show_message(self.tr("Please choose a decision."))
            return
        kind = self.decision_type.value()
        name, reason = self.decider.text(), self.decision_reason.toPlainText()
        person_id, screening_id = view.person_id, view.record_id

        def work(ws: Workspace) -> list[Decision]:
            ws.sessions.decide(
                person_id, status=status, reason=reason, decided_by_name=name, trafficking_type=kind,
                screening_id=screening_id,
            )  # fmt: skip
            return ws.sessions.decisions(person_id)

        def done(decisions: list[Decision]) -> None:
            self.show_decisions(decisions)
            self.decision_reason.clear()
            self.decision_status.set_value(None)
            self.decision_type.set_value(None)
            self.decision_error.clear_message()
            self.panel.host.record_changed(self.panel.words.section)

        self.panel.host.run(work, done, lambda exc: self.decision_error.show_message(_message(exc)))

    def clear(self) -> None:
        self.view = None
        self.summary.clear()
        self.reason.clear()
        self.decider.clear()
        self.decision_reason.clear()
        self.decision_now.clear()
        self.history.clear()
        self.set_assessment(None)
        self.assessment_saved.hide()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def result_html(view: SessionView, result: ScreeningResult) -> str:
    """The result as calm rich text: what was said "yes" to by domain, the counts, the rule and the next steps."""
    translate = QCoreApplication.translate
    intro = translate(
        "session_form", "A screening is not a determination. It helps decide whether to talk more or to offer help."
    )
    said_yes = translate("session_form", "Said “yes” to:")
    no_yes = translate("session_form", "No “yes” answers.")
    parts = [f"<p><i>{_esc(intro)}</i></p>"]
    for domain in result.domains:
        counts = []
        if domain.unsure:
            counts.append(ngettext("{n} unsure", "{n} unsure", domain.unsure).format(n=domain.unsure))
        if domain.declined:
            counts.append(
                ngettext("{n} declined to answer", "{n} declined to answer", domain.declined).format(n=domain.declined)
            )
        if domain.not_asked:
            counts.append(ngettext("{n} not asked", "{n} not asked", domain.not_asked).format(n=domain.not_asked))
        if domain.unanswered:
            counts.append(
                ngettext("{n} not answered yet", "{n} not answered yet", domain.unanswered).format(n=domain.unanswered)
            )
        said = (
            f"<p style='margin-left:12px'>{_esc(said_yes)}</p><ul>"
            + "".join(f"<li>{_esc(i.text_for(view.regime))}</li>" for i in domain.endorsed)
            + "</ul>"
            if domain.endorsed
            else f"<p style='margin-left:12px'>{_esc(no_yes)}</p>"
        )
        parts.append(f"<p><b>{_esc(domain.title)}</b>" + (f" — {', '.join(counts)}" if counts else "") + f"</p>{said}")
    parts.append(f"<p>{_esc(result.rule_note)}</p>")
    if result.next_steps:
        next_steps = translate("session_form", "Suggested next steps")
        steps = "".join(f"<li>{_esc(s)}</li>" for s in result.next_steps)
        parts.append(f"<p><b>{_esc(next_steps)}</b></p><ul>{steps}</ul>")
    else:
        none = translate("session_form", "No next steps are suggested by this template’s rules.")
        parts.append(f"<p>{_esc(none)}</p>")
    return "".join(parts)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,.;:") + "…"


# --- the panel -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Loaded:
    person_id: str
    templates: list[Template]
    sessions: list[SessionSummary]
    decision: Decision | None


class SessionsPanel(QStackedWidget):
    """The Interviews or the Screening section: list, start, form and (for screenings) the result."""

    def __init__(self, host: PersonHost, words: _Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.words = words
        self._person_id: str | None = None
        self._pending_start: tuple[str, str] | None = None
        self.list_page = SessionListPage(words, self)
        self.form = SessionFormPage(self, self)
        self.result = ResultPage(self, self)
        self.addWidget(self.list_page)
        self.addWidget(self.form)
        self.addWidget(self.result)
        self.list_page.start_requested.connect(self.start)
        self.list_page.open_requested.connect(self.open_session)
        self.list_page.minor_prompt.acknowledged.connect(self._minor_acknowledged)
        self.list_page.minor_prompt.declined.connect(self._minor_declined)
        self.form.back_requested.connect(self.show_list)
        self.form.result_requested.connect(self.show_result)
        self.form.finished.connect(lambda: self.host.record_changed(self.words.section))
        self.form.pdf_requested.connect(self._pdf)
        self.form.pdf_bar.save_requested.connect(self._save_pdf)
        self.result.back_requested.connect(lambda: self.setCurrentWidget(self.form))

    # --- SelfLoadingSection ------------------------------------------------------------------------------------

    def load(self, person_id: str) -> None:
        if person_id != self._person_id:
            self.clear()
        self._person_id = person_id
        kind = self.words.kind

        def work(ws: Workspace) -> _Loaded:
            decisions = ws.sessions.decisions(person_id) if kind == "screening" else []
            return _Loaded(
                person_id, ws.sessions.templates(kind), ws.sessions.list_for_person(person_id, kind),
                decisions[0] if decisions else None,
            )  # fmt: skip

        self.host.run(work, self._loaded, lambda exc: self.list_page.error.show_message(_message(exc)))

    def _loaded(self, data: _Loaded) -> None:
        if data.person_id != self._person_id:
            return
        self.list_page.show_templates(data.templates)
        self.list_page.show_sessions(data.sessions)
        if self.words.kind == "screening":
            self.list_page.show_decision(data.decision)

    def clear(self) -> None:
        self._person_id = None
        self._pending_start = None
        self.list_page.clear()
        self.form.clear()
        self.result.clear()
        self.setCurrentWidget(self.list_page)

    def has_draft(self) -> bool:
        return self.form.has_draft()

    # --- DraftAware: a note typed just before a lock is saved after the next unlock, not lost -------------------

    def draft_slot(self) -> str | None:
        return f"{self.words.section}:{self._person_id}" if self._person_id else None

    def draft_state(self) -> dict[str, Any]:
        view, item = self.form.view, self.form.current_item()
        if view is None or item is None:
            return {}
        text = self.form.card.text_answer.toPlainText() if item.answer_type == "text" else None
        return {"record_id": view.record_id, "item_id": item.id, "note": self.form.card.note.toPlainText(),
                "text": text}  # fmt: skip

    def restore_draft(self, state: dict[str, Any]) -> None:
        record_id, item_id = state.get("record_id"), state.get("item_id")
        if not isinstance(record_id, str) or not isinstance(item_id, str):
            return
        note = state.get("note") if isinstance(state.get("note"), str) else None
        text = state.get("text") if isinstance(state.get("text"), str) else None
        record_type = self.words.record_type

        def work(ws: Workspace) -> SessionView:
            return ws.sessions.answer(record_type, record_id, item_id, text, note)

        def done(view: SessionView) -> None:
            self._show_form(view)
            index = next((i for i, (item, _w) in enumerate(self.form._items) if item.id == item_id), None)
            if index is not None:
                self.form.go(index)

        self.host.run(work, done, lambda exc: self.list_page.error.show_message(_message(exc)))

    def setFocus(self, reason: Any = Qt.FocusReason.OtherFocusReason) -> None:
        page = self.currentWidget()
        if page is self.list_page:
            self.list_page.focus_first()
        elif page is self.form:
            self.form.card.focus_answers()
        else:
            self.result.back_button.setFocus(reason)

    # --- moving around -----------------------------------------------------------------------------------------

    def show_list(self) -> None:
        self.form.flush_note()
        self.setCurrentWidget(self.list_page)
        self.list_page.focus_first()

    def start(self, template_id: str, version: str, acknowledged: bool = False) -> None:
        person_id = self._person_id
        if person_id is None:
            return
        self.list_page.error.clear_message()
        record_type = self.words.record_type
        kind = self.words.kind

        def work(ws: Workspace) -> SessionView:
            record_id = ws.sessions.start(person_id, kind, template_id, version, minor_prompt_acknowledged=acknowledged)
            return ws.sessions.view(record_type, record_id)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, MinorPromptNeeded):
                self._pending_start = (template_id, version)
                self.list_page.minor_prompt.ask()
            else:
                self.list_page.error.show_message(_message(exc))

        self.host.run(work, self._opened_new, failed)

    def _opened_new(self, view: SessionView) -> None:
        self._show_form(view)
        self.host.record_changed(self.words.section)

    def _minor_acknowledged(self) -> None:
        self.list_page.minor_prompt.hide()
        pending, self._pending_start = self._pending_start, None
        if pending is not None:
            self.start(*pending, acknowledged=True)

    def _minor_declined(self) -> None:
        self._pending_start = None
        self.list_page.minor_prompt.hide()
        self.list_page.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_session(self, record_id: str) -> None:
        record_type = self.words.record_type
        self.host.run(
            lambda ws: ws.sessions.view(record_type, record_id),
            self._show_form,
            lambda exc: self.list_page.error.show_message(_message(exc)),
        )

    def _show_form(self, view: SessionView) -> None:
        self.form.show_view(view)
        self.setCurrentWidget(self.form)
        self.form.card.focus_answers()

    def show_result(self) -> None:
        self.form.flush_note()
        view = self.form.view
        if view is None:
            return
        record_id, person_id = view.record_id, view.person_id

        def work(ws: Workspace) -> tuple[SessionView, ScreeningResult, list[Decision], str]:
            fresh = ws.sessions.view("screening", record_id)
            minor = ws.sessions.needs_minor_prompt(person_id)
            return (fresh, ws.sessions.result(fresh, minor=minor), ws.sessions.decisions(person_id),
                    ws.sessions.last_decider_name())  # fmt: skip

        def done(data: tuple[SessionView, ScreeningResult, list[Decision], str]) -> None:
            self.result.show_result(*data)
            self.setCurrentWidget(self.result)
            self.result.focus_assessment()

        self.host.run(work, done, lambda exc: self.form.finish_error.show_message(_message(exc)))

    def _pdf(self) -> None:
        self.form.flush_note()
        view = self.form.view
        if view is None:
            return
        kind = "interview" if view.record_type == "checklist_response" else "screening"
        self.form.pdf_bar.ask(f"{kind}-{view.started_at.date().isoformat()}.pdf")

    def _save_pdf(self, path: str, password: str) -> None:
        view = self.form.view
        if view is None:
            return
        record_type, record_id = view.record_type, view.record_id
        bar = self.form.pdf_bar
        bar.save_button.setEnabled(False)

        def work(ws: Workspace) -> str:
            from app.reports.sessions import save_session_pdf

            return str(save_session_pdf(ws, record_type, record_id, Path(path), password=password or None))

        def done(saved: str) -> None:
            bar.save_button.setEnabled(True)
            bar.dismiss()
            if password:
                self.form.saved.setText(self.tr("PDF saved (protected with its password)"))
            else:
                self.form.saved.setText(self.tr("PDF saved (not protected by a password)"))

        def failed(exc: BaseException) -> None:
            bar.save_button.setEnabled(True)
            bar.error.show_message(
                human_message(exc, self.tr("The PDF could not be saved there. Please choose another folder."))
            )

        self.host.run(work, done, failed)
