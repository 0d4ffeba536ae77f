"""The person's safety plan: their answers about the plan, each part with their own choice and words, the people they
trust with their code words, and a discreet copy they can take with them.

The plan belongs to the person (DOMAIN.md section 3). Every part shows three large choices — chosen, declined, not
now — their words and details; Save records a new dated revision and the part's history says what it was before.
Nothing is overwritten. Place fields warn, in one plain sentence, about a street address or a code word.
Reading and saving run on the vault worker through ``host.run``; typing in a part that is not saved yet is kept per
part while moving between parts, and ``has_draft`` is true until it is saved.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import office_policy
from app.core.i18n import _
from app.core.safety import (
    CHOICE_LABELS,
    COMPONENTS,
    DANGER_LABELS,
    LEAVING_LABELS,
    PLACE_COMPONENTS,
    PLAN_CHOICE_LABELS,
    ComponentView,
    ContactInfo,
    PlanView,
    SafetyService,
    place_warnings,
)
from app.core.settings import Settings
from app.core.vault_access import save_file
from app.models import PlanComponent
from app.reports.survivor_copy import copy_allowed, make_copy
from app.ui.file_dialogs import save_file_name
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import box_style, colour, text_style
from app.ui.person.fields import (
    NOT_ASKED,
    NOT_RECORDED,
    WIDEST_ROW,
    ChoiceBox,
    DateField,
    ErrorLine,
    column_of,
    format_date,
    heading_label,
    plain_button,
    row_of,
    text_value,
    wrapped_label,
)
from app.ui.person.forms import message_of
from app.ui.person.host import PersonHost
from app.ui.qt import (
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from app.ui.rows import add_row
from app.ui.style import readable_checkbox

if TYPE_CHECKING:
    from app.core.workspace import Workspace
    from app.protocol.office_policy import OfficePolicy

UNPROTECTED_FILE_WARNING = QT_TRANSLATE_NOOP(
    "SafetyPlanSection",
    "Without a password, anyone who can use this computer, or finds the file, can read it. A password the person "
    "knows keeps it closed.",
)
CODE_WORDS_HINT = QT_TRANSLATE_NOOP("SafetyPlanSection", "Print the code words too")
CODE_WORDS_NOTE = QT_TRANSLATE_NOOP("SafetyPlanSection", "Only if the person wants to carry them: paper can be found.")
REVIEW_DUE = QT_TRANSLATE_NOOP("SafetyPlanSection", "Review due")
CHOICES = tuple(CHOICE_LABELS)


def _labels(labels: dict[str, str]) -> dict[str, str]:
    """The core's choice words (marked for its catalogue) in the app's language."""
    return {key: _(words) for key, words in labels.items()}


def _heading(text: str, parent: QWidget, scale: float = 1.1) -> QLabel:
    return heading_label(text, parent, scale)


def _plain(parent: QWidget, name: str, *, quiet: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    if quiet:
        label.setStyleSheet(text_style("quiet"))
    return label


def _long_editor(parent: QWidget, name: str, lines: int = 3) -> QPlainTextEdit:
    editor = QPlainTextEdit(parent)
    editor.setAccessibleName(name)
    editor.setTabChangesFocus(True)
    editor.setFixedHeight(editor.fontMetrics().lineSpacing() * lines + 16)
    return editor


def _warning_line(parent: QWidget, name: str) -> QLabel:
    label = _plain(parent, name)
    # Margins, not CSS padding: a wrapped label measures its height without the style sheet's padding and clips.
    label.setObjectName("warning")
    label.setStyleSheet(box_style("#warning", "warn"))
    label.setContentsMargins(10, 8, 10, 8)
    label.hide()
    return label


# --- the plan's own answers -------------------------------------------------------------------------------------


class PlanForm(QWidget):
    """Whether the person wants to plan, "Do you feel in danger?", leaving, and the dates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ChoiceBox("survivor_choice", tuple(PLAN_CHOICE_LABELS), labels=_labels(PLAN_CHOICE_LABELS),
                                empty=NOT_ASKED, parent=self)  # fmt: skip
        self.choice.setAccessibleName(self.tr("Does the person want to plan"))
        self.danger = ChoiceBox("danger_now", tuple(DANGER_LABELS), labels=_labels(DANGER_LABELS), empty=NOT_RECORDED,
                                parent=self)  # fmt: skip
        self.danger.setAccessibleName(self.tr("Do you feel in danger?"))
        self.leaving = ChoiceBox("leaving_intent", tuple(LEAVING_LABELS), labels=_labels(LEAVING_LABELS),
                                 empty=NOT_RECORDED, parent=self)  # fmt: skip
        self.leaving.setAccessibleName(self.tr("Leaving"))
        self.leaving.setToolTip(self.tr("“Not ready to leave” is a complete plan."))
        self.offered = DateField(self)
        self.offered.setAccessibleName(self.tr("Offered on"))
        self.review = DateField(self)
        self.review.setAccessibleName(self.tr("Review due"))
        self.error = ErrorLine(self)
        self.save_button = plain_button(self.tr("Save the plan"), self.tr("Save the plan"), self)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        pairs = (
            (self.tr("The person wants to plan"), self.choice),
            (self.tr("Do you feel in danger?"), self.danger),
            (self.tr("Leaving"), self.leaving),
            (self.tr("Offered on"), self.offered),
            (self.tr("Review due"), self.review),
        )
        labels = [QLabel(text, self) for text, _widget in pairs]
        widest = max(
            max(label.sizeHint().width(), w.sizeHint().width()) for label, (_t, w) in zip(labels, pairs, strict=True)
        )
        # Three across where they fit; at large text two, or one in a longer language, so the form never needs
        # sideways scrolling.
        columns = 3 if 3 * widest + 24 <= WIDEST_ROW else 2 if 2 * widest + 12 <= WIDEST_ROW else 1
        for index, (label, (_text, widget)) in enumerate(zip(labels, pairs, strict=True)):
            label.setBuddy(widget)
            row, col = divmod(index, columns)
            grid.addWidget(label, row * 2, col)
            grid.addWidget(widget, row * 2 + 1, col, Qt.AlignmentFlag.AlignLeft)
        last_row = (len(pairs) - 1) // columns * 2 + 1
        grid.addWidget(self.save_button, last_row, columns - 1, Qt.AlignmentFlag.AlignRight)
        column_of(self, grid, self.error, margins=(0, 0, 0, 0), spacing=4)
        for a, b in itertools.pairwise([self.choice, self.danger, self.leaving, self.offered, self.review,
                                        self.save_button]):  # fmt: skip
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.choice)
        self._baseline: dict[str, Any] = {}
        self.load(None)

    def load(self, values: dict[str, Any] | None) -> None:
        values = values or {}
        self.choice.set_value(values.get("survivor_choice"))
        self.danger.set_value(values.get("danger_now"))
        self.leaving.set_value(values.get("leaving_intent"))
        self.offered.set_value(values.get("offered_on") or (None if values else dt.date.today()))
        self.review.set_value(values.get("review_due"))
        self.error.clear_message()
        self._baseline = self.values()

    def values(self) -> dict[str, Any]:
        return {
            "survivor_choice": self.choice.value(),
            "danger_now": self.danger.value(),
            "leaving_intent": self.leaving.value(),
            "offered_on": self.offered.value(),
            "review_due": self.review.value(),
        }

    def changes(self) -> dict[str, Any]:
        now = self.values()
        return {k: v for k, v in now.items() if v != self._baseline.get(k)}

    def is_dirty(self) -> bool:
        return bool(self.changes())


# --- safe contacts --------------------------------------------------------------------------------------------


class ContactsEditor(QWidget):
    """The people the person trusts: a list, and the chosen one's name, number and code words."""

    FIELDS: tuple[tuple[str, str], ...] = (
        ("name", QT_TRANSLATE_NOOP("ContactsEditor", "Name or nickname")),
        ("relationship", QT_TRANSLATE_NOOP("ContactsEditor", "Relationship")),
        ("phone", QT_TRANSLATE_NOOP("ContactsEditor", "Phone")),
        ("safe_word", QT_TRANSLATE_NOOP("ContactsEditor", "Word for “safe to talk”")),
        ("unsafe_word", QT_TRANSLATE_NOOP("ContactsEditor", "Word for “not safe”")),
        ("action_on_unsafe", QT_TRANSLATE_NOOP("ContactsEditor", "What they do if not safe")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contacts: list[ContactInfo] = []
        self.current_id: str | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Safe contacts"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setFixedHeight(self.list.fontMetrics().lineSpacing() * 4 + 12)
        self.edits: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for index, (key, words) in enumerate(self.FIELDS):
            text = self.tr(words)
            edit = QLineEdit(self)
            field = self.tr("name") if key == "name" else text.lower()
            edit.setAccessibleName(self.tr("Contact: {field}").format(field=field))
            label = QLabel(text, self)
            label.setBuddy(edit)
            grid.addWidget(label, index, 0)
            grid.addWidget(edit, index, 1)
            self.edits[key] = edit
        grid.setColumnStretch(1, 1)
        self.edits["action_on_unsafe"].setPlaceholderText(self.tr("for example: call 911, come and collect me"))
        self.error = ErrorLine(self)
        self.new_button = plain_button(self.tr("New contact"), self.tr("New safe contact"), self)
        self.remove_button = plain_button(self.tr("Remove"), self.tr("Remove this safe contact"), self)
        self.save_button = plain_button(self.tr("Save contact"), self.tr("Save this safe contact"), self)
        buttons = row_of(self.new_button, self.remove_button, 1, self.save_button)
        column_of(self, self.list, grid, self.error, buttons, margins=(0, 0, 0, 0), spacing=6)
        order = [self.list, *self.edits.values(), self.new_button, self.remove_button, self.save_button]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.list.currentRowChanged.connect(self._row_changed)
        self.new_button.clicked.connect(self.start_new)
        self._baseline: dict[str, Any] = {}
        self._show(None)

    def load(self, contacts: tuple[ContactInfo, ...]) -> None:
        keep = self.current_id
        dirty = self.is_dirty()
        self.contacts = list(contacts)
        self.list.blockSignals(True)
        self.list.clear()
        for contact in self.contacts:
            shown = contact.name + (f" ({contact.relationship})" if contact.relationship else "")
            add_row(self.list, shown, contact.id)
        self.list.blockSignals(False)
        if dirty:
            return
        found = next((c for c in self.contacts if c.id == keep), None)
        self._show(found)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.contacts):
            self._show(self.contacts[row])

    def _show(self, contact: ContactInfo | None) -> None:
        self.current_id = contact.id if contact else None
        values = contact.values() if contact else {}
        for key, edit in self.edits.items():
            edit.setText(values.get(key) or "")
            edit.setCursorPosition(0)
        self.remove_button.setEnabled(contact is not None)
        self.error.clear_message()
        self._baseline = self.values()
        if contact is not None:
            for row in range(self.list.count()):
                if self.list.item(row).data(Qt.ItemDataRole.UserRole) == contact.id:
                    self.list.blockSignals(True)
                    self.list.setCurrentRow(row)
                    self.list.blockSignals(False)

    def start_new(self) -> None:
        self.list.clearSelection()
        self._show(None)
        self.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, Any]:
        return {key: (edit.text().strip() or None) for key, edit in self.edits.items()}

    def is_dirty(self) -> bool:
        return self.values() != self._baseline

    def accept(self) -> None:
        self._baseline = self.values()

    def clear(self) -> None:
        self.contacts = []
        self.list.clear()
        self._show(None)


# --- one part of the plan -------------------------------------------------------------------------------------


class ComponentEditor(QWidget):
    """One part: three large choices, the person's words, details, warnings, Save, and what it was before."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: str | None = None
        self.title = _heading("", self)
        self.prompt = _plain(self, self.tr("What this part covers"), quiet=True)
        self.current = _plain(self, self.tr("Recorded choice"))

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.radios: dict[str, QRadioButton] = {}
        choices = QHBoxLayout()
        choices.setSpacing(10)
        for value in CHOICES:
            radio = QRadioButton(_(CHOICE_LABELS[value]), self)
            radio.setAccessibleName(self.tr("The person's choice: {choice}").format(choice=_(CHOICE_LABELS[value])))
            # Chosen: the selection's fill and a 2 px edge; the keyboard here: a thicker ring in the focus colour.
            radio.setStyleSheet(
                f"QRadioButton {{ padding: 8px 16px; border: 1px solid {colour('control_border')};"
                " border-radius: 6px; }"
                f"QRadioButton:checked {{ background: {colour('selected_bg')}; color: {colour('selected_text')};"
                f" border: 2px solid {colour('accent')}; }}"
                f"QRadioButton:focus {{ border: 3px solid {colour('focus')}; padding: 7px 15px; }}"
            )
            font = QFont(radio.font())
            font.setPointSizeF(font.pointSizeF() * 1.1)
            radio.setFont(font)
            radio.setMinimumWidth(radio.sizeHint().width() + 8)  # room for the thicker border when it is chosen
            self.group.addButton(radio)
            self.radios[value] = radio
            choices.addWidget(radio)
        choices.addStretch(1)

        self.words_label = QLabel(self.tr("In the person's own words"), self)
        self.words = _long_editor(self, self.tr("In the person's own words"))
        self.words_label.setBuddy(self.words)
        self.details_label = QLabel(self.tr("Details"), self)
        self.details = _long_editor(self, self.tr("Details"))
        self.details_label.setBuddy(self.details)
        self.warnings = _warning_line(self, self.tr("Warning about this place"))
        self.error = ErrorLine(self)
        self.status = _plain(self, self.tr("Part status"), quiet=True)
        self.save_button = plain_button(self.tr("Save"), self.tr("Save this part"), self)
        self.save_button.setToolTip(
            self.tr("Records a new dated revision; what was there before stays in the history.")
        )
        self.history_title = _heading(self.tr("Earlier"), self, 1.0)
        self.history = _plain(self, self.tr("Earlier choices for this part"))
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.save_button)
        layout = column_of(self, self.title, self.prompt, self.current, margins=(0, 0, 0, 0), spacing=6)
        layout.addSpacing(4)
        layout.addLayout(choices)
        layout.addSpacing(4)
        layout.addWidget(self.words_label)
        layout.addWidget(self.words)
        layout.addWidget(self.details_label)
        layout.addWidget(self.details)
        layout.addWidget(self.warnings)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        self.contacts_title = _heading(self.tr("People the person trusts"), self, 1.0)
        self.contacts = ContactsEditor(self)
        layout.addSpacing(6)
        layout.addWidget(self.contacts_title)
        layout.addWidget(self.contacts)
        layout.addSpacing(6)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history)
        order = [*self.radios.values(), self.words, self.details, self.save_button, self.contacts]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.radios[CHOICES[0]])

    def choice(self) -> str | None:
        for value, radio in self.radios.items():
            if radio.isChecked():
                return value
        return None

    def set_choice(self, value: str | None) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot go back to "nothing chosen" otherwise
        for key, radio in self.radios.items():
            radio.setChecked(key == value)
        self.group.setExclusive(True)

    def state(self) -> tuple[str | None, str | None, str | None]:
        return (self.choice(), text_value(self.words), text_value(self.details))

    def show_part(self, view: ComponentView, state: tuple[str | None, str | None, str | None] | None) -> None:
        """Show a part; ``state`` is unsaved typing to put back (else the newest revision)."""
        self.key = view.key
        self.title.setText(_(view.info.title))
        self.prompt.setText(_(view.info.prompt))
        current = view.current
        if current is None:
            self.current.setText(self.tr("Nothing recorded yet."))
        else:
            self.current.setText(
                self.tr("Recorded on {date}: {choice}.").format(
                    date=format_date(current.day), choice=_(current.choice_label)
                )
            )
        saved = (current.survivor_choice, current.survivor_words, current.details) if current else (None, None, None)
        choice, words, details = state or saved
        self.set_choice(choice)
        self.words.setPlainText(words or "")
        self.details.setPlainText(details or "")
        places = view.key in PLACE_COMPONENTS
        # Only the person's places reach their copy; other details are the advocate's own notes, and say so.
        self.details_label.setText(self.tr("Places, by a name or code (one a line)")
                                   if view.key == PlanComponent.SAFE_PLACES
                                   else self.tr("Your notes (not on the person's copy)"))  # fmt: skip
        self.details.setAccessibleName(self.details_label.text())
        self.details.setPlaceholderText(self.tr("For example: my aunt's place, the blue cafe") if places else "")
        is_contacts = view.key == PlanComponent.SAFE_CONTACTS
        self.contacts_title.setVisible(is_contacts)
        self.contacts.setVisible(is_contacts)
        lines = []
        revisions = view.revisions
        for newer, older in itertools.pairwise(revisions):
            if older.survivor_words:
                line = self.tr("Changed on {date}: was {choice} — “{words}”")
            else:
                line = self.tr("Changed on {date}: was {choice}")
            lines.append(line.format(date=format_date(newer.day), choice=_(older.choice_label),
                                     words=older.survivor_words))  # fmt: skip
        if revisions:
            first = revisions[-1]
            lines.append(self.tr("First recorded on {date}: {choice}").format(
                date=format_date(first.day), choice=_(first.choice_label)))  # fmt: skip
        self.history.setText("\n".join(lines))
        self.history_title.setVisible(len(revisions) > 1)
        self.history.setVisible(len(revisions) > 1)
        self.error.clear_message()
        self.status.setText("")

    def clear(self) -> None:
        self.key = None
        self.title.setText("")
        self.prompt.setText("")
        self.current.setText("")
        self.set_choice(None)
        self.words.setPlainText("")
        self.details.setPlainText("")
        self.history.setText("")
        self.warnings.hide()
        self.warnings.setText("")
        self.error.clear_message()
        self.status.setText("")
        self.contacts.clear()


# --- the section ----------------------------------------------------------------------------------------------


class SafetyPlanSection(QWidget):
    """The person's safety plan. Implements the workspace's ``SelfLoadingSection``."""

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self._view: PlanView | None = None
        #: Unsaved typing per part (component key -> (choice, words, details)).
        self._drafts: dict[str, tuple[str | None, str | None, str | None]] = {}
        self._busy = False
        self._showing: str | None = None
        self.settings = Settings()

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Safety plan"))
        body = QWidget(self.scroll_area)
        self.scroll_area.setWidget(body)

        self.heading = _heading(self.tr("Safety plan"), body, 1.15)
        self.review_badge = QLabel(self.tr(REVIEW_DUE), body)
        self.review_badge.setAccessibleName(self.tr(REVIEW_DUE))
        self.review_badge.setStyleSheet(box_style("QLabel", "warn", padding="2px 10px"))
        self.review_badge.hide()
        self.summary = _plain(body, self.tr("Plan summary"), quiet=True)
        top = row_of(self.heading, self.review_badge, 1)

        self.plan_form = PlanForm(body)
        self.plan_history = _plain(body, self.tr("Changes to the plan"), quiet=True)

        self.parts = QListWidget(body)
        self.parts.setAccessibleName(self.tr("Parts of the plan"))
        self.parts.setAccessibleDescription(
            self.tr("Choose a part with the arrow keys; Tab moves to the person's choice.")
        )
        self.parts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.parts.setSpacing(1)
        for info in COMPONENTS:
            item = add_row(self.parts, _(info.title))
            item.setData(Qt.ItemDataRole.UserRole, info.key)
        # As wide as the longest part's title with a short choice beside it; a longer line wraps (never cut short).
        widest = f"{_('Safe contacts and code words')} · {_(CHOICE_LABELS[CHOICES[-1]])}"
        self.parts.setFixedWidth(self.parts.fontMetrics().horizontalAdvance(widest) + 40)
        self.parts.setWordWrap(True)
        self.parts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # a long part's name wraps
        row_height = self.parts.fontMetrics().lineSpacing() + 14  # the item padding below, plus spacing
        self.parts.setMinimumHeight(row_height * len(COMPONENTS) + 2 * self.parts.frameWidth() + 4)
        self.parts.setStyleSheet("QListWidget::item { padding: 4px 0px; }")  # Qt measures wrapped rows unpadded
        self.editor = ComponentEditor(body)

        split = QHBoxLayout()
        split.setSpacing(18)
        if self.parts.sizeHint().width() + self.editor.minimumSizeHint().width() + 18 > WIDEST_ROW:
            # Large text: the list of parts above the editor, so the plan never scrolls sideways; as wide as the room
            # there is (a longer line wraps).
            split.setDirection(QHBoxLayout.Direction.TopToBottom)
            self.parts.setMinimumWidth(self.parts.fontMetrics().horizontalAdvance("M") * 12)
            self.parts.setMaximumWidth(16777215)  # Qt's QWIDGETSIZE_MAX: no fixed width any more
        split.addWidget(self.parts, 0, Qt.AlignmentFlag.AlignTop)
        split.addWidget(self.editor, 1)

        # The person's copy.
        self.copy_title = _heading(self.tr("The person's copy"), body, 1.0)
        self.copy_about = _plain(body, self.tr("About the person's copy"), quiet=True)
        self.copy_about.setText(self._copy_words())
        self.code_words = readable_checkbox(QCheckBox(self.tr(CODE_WORDS_HINT), body))
        self.code_words.setAccessibleName(self.tr(CODE_WORDS_HINT))
        self.code_words.setAccessibleDescription(self.tr(CODE_WORDS_NOTE))
        self.code_words_note = wrapped_label(self.tr(CODE_WORDS_NOTE), body)
        self.password = QLineEdit(body)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password for the copy"))
        self.password.setPlaceholderText(self.tr("Password (at least 8 characters), or leave empty"))
        self.password_label = QLabel(self.tr("Password"), body)
        self.password_label.setBuddy(self.password)
        self.copy_warning = _warning_line(body, self.tr("About saving without a password"))
        self.copy_button = plain_button(self.tr("Make the person's copy…"), self.tr("Make the person's copy"), body)
        self.copy_status = _plain(body, self.tr("Copy status"))
        self.copy_error = ErrorLine(body)
        pw: QBoxLayout
        field_room = self.password.fontMetrics().horizontalAdvance("n" * 16)
        if (
            self.password_label.sizeHint().width() + field_room + self.copy_button.sizeHint().width() + 16
            > WIDEST_ROW - 60
        ):
            # Large text or a longer language: the button under the field (beside it, the field was 119 px wide).
            pw = column_of(
                None, row_of(self.password_label, (self.password, 1)), row_of(self.copy_button, 1), spacing=6
            )
        else:
            pw = row_of(self.password_label, (self.password, 1), self.copy_button)

        layout = column_of(
            body, top, self.summary, self.plan_form, self.plan_history, margins=(2, 2, 14, 14), spacing=8
        )
        layout.addSpacing(6)
        layout.addLayout(split)
        layout.addSpacing(10)
        layout.addWidget(self.copy_title)
        layout.addWidget(self.copy_about)
        layout.addWidget(self.code_words)
        layout.addWidget(self.code_words_note)
        layout.addLayout(pw)
        layout.addWidget(self.copy_warning)
        layout.addWidget(self.copy_error)
        layout.addWidget(self.copy_status)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        order = [self.plan_form.save_button, self.parts, *self.editor.radios.values(), self.editor.words,
                 self.editor.details, self.editor.save_button, self.editor.contacts.list,
                 *self.editor.contacts.edits.values(), self.editor.contacts.new_button,
                 self.editor.contacts.remove_button, self.editor.contacts.save_button, self.code_words,
                 self.password, self.copy_button]  # fmt: skip
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.plan_form)

        self.plan_form.save_button.clicked.connect(self.save_plan)
        self.parts.currentRowChanged.connect(self._part_chosen)
        self.editor.save_button.clicked.connect(self.save_part)
        self.editor.words.textChanged.connect(self._part_edited)
        self.editor.details.textChanged.connect(self._part_edited)
        self.editor.group.buttonToggled.connect(lambda _b, _on: self._part_edited())
        self.editor.contacts.save_button.clicked.connect(self.save_contact)
        self.editor.contacts.remove_button.clicked.connect(self.remove_contact)
        self.password.textChanged.connect(lambda _t: self._update_copy())
        self.copy_button.clicked.connect(self._choose_file)
        self.clear()

    # --- SelfLoadingSection -----------------------------------------------------------------------------------

    def load(self, person_id: str) -> None:
        if person_id != self._person_id:
            self.clear()
            self._person_id = person_id
        self.settings.reload()
        self._update_copy()
        # The office's policy from the vault, over the settings file (making the copy checks it again there).
        self._host.run(office_policy.load, self._office_policy_arrived, lambda _exc: None)
        self._host.run(
            lambda ws: SafetyService(ws).view(person_id),
            on_done=lambda view: self._arrived(person_id, view),
            on_error=lambda exc: self.summary.setText(message_of(exc)),
        )

    def _office_policy_arrived(self, policy: OfficePolicy | None) -> None:
        self.settings.use_office_policy(policy)
        self._update_copy()

    def clear(self) -> None:
        self._person_id = None
        self._view = None
        self._drafts = {}
        self._busy = False
        self._showing = None
        self.plan_form.load(None)
        self.plan_history.setText("")
        self.plan_history.hide()
        self.summary.setText("")
        self.review_badge.hide()
        self.parts.blockSignals(True)
        self.parts.setCurrentRow(-1)
        for row, info in enumerate(COMPONENTS):
            self.parts.item(row).setText(_(info.title))
        self.parts.blockSignals(False)
        self.editor.clear()
        self.editor.setEnabled(False)
        self.code_words.setChecked(False)
        self.password.setText("")
        self.copy_status.setText("")
        self.copy_error.clear_message()
        self._update_copy()

    def has_draft(self) -> bool:
        if self._person_id is None:
            return False
        self._keep_part_draft()
        return self.plan_form.is_dirty() or bool(self._drafts) or self.editor.contacts.is_dirty()

    # --- DraftAware: unsaved typing survives a lock -------------------------------------------------------------

    def draft_slot(self) -> str | None:
        return f"safety:{self._person_id}" if self._person_id else None

    def draft_state(self) -> dict[str, Any]:
        self._keep_part_draft()
        form = self.plan_form
        contacts = self.editor.contacts
        return {
            "plan": {
                "survivor_choice": form.choice.value(),
                "danger_now": form.danger.value(),
                "leaving_intent": form.leaving.value(),
                "offered_on": form.offered.text(),
                "review_due": form.review.text(),
            }
            if form.is_dirty()
            else None,
            "parts": {key: list(state) for key, state in self._drafts.items()},
            "part": self._showing,
            "contact": {"id": contacts.current_id, "values": contacts.values()} if contacts.is_dirty() else None,
        }

    def restore_draft(self, state: dict[str, Any]) -> None:
        plan = state.get("plan")
        if isinstance(plan, dict):
            form = self.plan_form
            form.choice.set_value(plan.get("survivor_choice"))
            form.danger.set_value(plan.get("danger_now"))
            form.leaving.set_value(plan.get("leaving_intent"))
            form.offered.setText(str(plan.get("offered_on") or ""))
            form.review.setText(str(plan.get("review_due") or ""))
        parts = state.get("parts") or {}
        keys = [c.key for c in COMPONENTS]
        self._drafts = {
            key: (value[0], value[1], value[2])
            for key, value in parts.items()
            if key in keys and isinstance(value, list) and len(value) == 3
        }
        part = state.get("part")
        if part in keys:
            self.parts.blockSignals(True)
            self.parts.setCurrentRow(keys.index(part))
            self.parts.blockSignals(False)
        if self._view is not None or self._drafts:
            self.editor.setEnabled(True)
            self._show_part(max(self.parts.currentRow(), 0))
            self._label_parts()
        contact = state.get("contact")
        if isinstance(contact, dict):
            contacts = self.editor.contacts
            contacts.current_id = contact.get("id")
            for key, edit in contacts.edits.items():
                edit.setText(str((contact.get("values") or {}).get(key) or ""))

    # --- showing ------------------------------------------------------------------------------------------------

    def _arrived(self, person_id: str, view: PlanView | None) -> None:
        if person_id != self._person_id:
            return
        self._keep_part_draft()
        self._view = view
        if not self.plan_form.is_dirty():
            self.plan_form.load(view.plan.values() if view else None)
        self.review_badge.setVisible(bool(view and view.review_due_now))
        if view is None:
            self.summary.setText(
                self.tr(
                    "No plan yet. The plan belongs to the person: record whether they want to plan, and go at their "
                    "pace. “Not ready to leave” is a complete plan."
                )
            )
        elif view.complete:
            self.summary.setText(self.tr("Every part has the person's answer. The plan is complete."))
        else:
            self.summary.setText(
                self.tr("Still to talk about, when the person is ready: {parts}.").format(parts=", ".join(view.missing))
            )
        if view and view.review_due_now and view.plan.review_due:
            self.summary.setText(
                self.tr("Review due since {date}. {summary}").format(
                    date=format_date(view.plan.review_due), summary=self.summary.text()
                )
            )
        notes = view.notes if view else ()
        self.plan_history.setText("\n".join(n.text for n in notes))
        self.plan_history.setVisible(bool(notes))
        self._label_parts()
        self.editor.setEnabled(True)
        if self.parts.currentRow() < 0:
            self.parts.blockSignals(True)
            self.parts.setCurrentRow(0)
            self.parts.blockSignals(False)
        self._show_part(self.parts.currentRow())
        self.editor.contacts.load(view.contacts if view else ())
        self._update_copy()

    def _label_parts(self) -> None:
        for row, info in enumerate(COMPONENTS):
            current = self._view.component(info.key).current if self._view else None
            words = [_(info.title)]
            if current:
                words.append(_(current.choice_label))
            if info.key in self._drafts:
                words.append(self.tr("unsaved"))
            self.parts.item(row).setText(" · ".join(words))

    def _component_view(self, key: str) -> ComponentView:
        if self._view is not None:
            return self._view.component(key)
        info = next(c for c in COMPONENTS if c.key == key)
        return ComponentView(info, None, ())

    def _show_part(self, row: int) -> None:
        if not 0 <= row < len(COMPONENTS):
            return
        key = COMPONENTS[row].key
        self._showing = None  # typing signals while loading are not edits
        self.editor.show_part(self._component_view(key), self._drafts.get(key))
        self._showing = key
        self._check_warnings()

    def _part_chosen(self, row: int) -> None:
        self._keep_part_draft()
        self._show_part(row)
        self._label_parts()

    def _saved_state(self, key: str) -> tuple[str | None, str | None, str | None]:
        current = self._component_view(key).current
        return (current.survivor_choice, current.survivor_words, current.details) if current else (None, None, None)

    def _keep_part_draft(self) -> None:
        key = self._showing
        if key is None:
            return
        state = self.editor.state()
        if state != self._saved_state(key):
            self._drafts[key] = state
        else:
            self._drafts.pop(key, None)

    def _part_edited(self) -> None:
        if self._showing is None:
            return
        self._keep_part_draft()
        self._check_warnings()

    def _check_warnings(self) -> None:
        key = self.editor.key
        if key not in PLACE_COMPONENTS:
            self.editor.warnings.hide()
            return
        words = self._view.code_words if self._view else []
        found: list[str] = []
        for text in (self.editor.words.toPlainText(), self.editor.details.toPlainText()):
            found += [w for w in place_warnings(text, words) if w not in found]
        self.editor.warnings.setText("\n\n".join(found))
        self.editor.warnings.setVisible(bool(found))

    # --- saving -------------------------------------------------------------------------------------------------

    def _start(self, work: Any, on_done: Any, on_error: Any) -> None:
        if self._busy or self._person_id is None:
            return
        self._busy = True

        def done(result: Any) -> None:
            self._busy = False
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._busy = False
            on_error(exc)

        if not self._host.run(work, done, failed):
            self._busy = False

    def save_plan(self) -> None:
        person_id = self._person_id
        if person_id is None:
            return
        has_plan = self._view is not None
        changes = self.plan_form.changes() if has_plan else self.plan_form.values()
        plan_id = self._view.plan.id if self._view else None

        def work(ws: Workspace) -> None:
            service = SafetyService(ws)
            if plan_id is None:
                service.open_plan(person_id, {k: v for k, v in changes.items() if v is not None})
            elif changes:
                service.update_plan(plan_id, changes)

        def done(_result: Any) -> None:
            self.plan_form.load(self.plan_form.values())
            self.summary.setText(self.tr("The plan is saved."))
            self._host.record_changed("safety")

        def failed(exc: BaseException) -> None:
            self.plan_form.error.show_message(message_of(exc))

        self._start(work, done, failed)

    def save_part(self) -> None:
        person_id, key = self._person_id, self.editor.key
        if person_id is None or key is None:
            return
        choice, words, details = self.editor.state()
        if choice is None:
            self.editor.error.show_message(
                self.tr("Please record the person's choice first: chosen, declined or not now.")
            )
            self.editor.radios[CHOICES[0]].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        plan_id = self._view.plan.id if self._view else None

        def work(ws: Workspace) -> None:
            service = SafetyService(ws)
            pid = plan_id or service.open_plan(person_id).id
            service.record_item(pid, key, choice=choice, words=words, details=details)

        def done(_result: Any) -> None:
            self._drafts.pop(key, None)
            self._showing = None  # the refresh shows the saved revision
            self.editor.status.setText(self.tr("Saved. The earlier answer stays in the history."))
            self._host.record_changed("safety")

        def failed(exc: BaseException) -> None:
            self.editor.error.show_message(message_of(exc))

        self._start(work, done, failed)

    def save_contact(self) -> None:
        person_id = self._person_id
        contacts = self.editor.contacts
        if person_id is None:
            return
        values, contact_id = contacts.values(), contacts.current_id
        plan_id = self._view.plan.id if self._view else None

        def work(ws: Workspace) -> ContactInfo:
            service = SafetyService(ws)
            if contact_id is not None:
                return service.update_contact(contact_id, values)
            pid = plan_id or service.open_plan(person_id).id
            return service.add_contact(pid, values)

        def done(contact: ContactInfo) -> None:
            contacts.current_id = contact.id
            contacts.accept()
            self._host.record_changed("safety")

        def failed(exc: BaseException) -> None:
            contacts.error.show_message(message_of(exc))

        self._start(work, done, failed)

    def remove_contact(self) -> None:
        contact_id = self.editor.contacts.current_id
        if contact_id is None:
            return

        def done(_result: Any) -> None:
            self.editor.contacts.current_id = None
            self.editor.contacts.start_new()
            self._host.record_changed("safety")

        self._start(
            lambda ws: SafetyService(ws).remove_contact(contact_id),
            done,
            lambda exc: self.editor.contacts.error.show_message(message_of(exc)),
        )

    # --- the person's copy --------------------------------------------------------------------------------------

    def _update_copy(self) -> None:
        allowed = copy_allowed(self.settings)
        ready = allowed and self._person_id is not None and self._view is not None
        for widget in (self.code_words, self.password, self.copy_button):
            widget.setEnabled(ready)
        if not allowed:
            self.copy_status.setText("")
            # The report's own sentence (NOT_ALLOWED), in the app's language.
            not_allowed = self.tr(
                "Your office has turned off printing and saving the person's copy. You can go through the plan "
                "together on screen instead."
            )
            self.copy_button.setToolTip(not_allowed)
            self.copy_about.setText(not_allowed)
            self.copy_warning.hide()
            return
        self.copy_button.setToolTip("")
        self.copy_about.setText(self._copy_words())
        self.copy_warning.setText(self.tr(UNPROTECTED_FILE_WARNING))
        self.copy_warning.setVisible(ready and not self.password.text())

    def _copy_words(self) -> str:
        return self.tr(
            "A plain page in the person's words, with only the parts they chose: no office name, no title, no case "
            "details, no legal name, and none of your own notes."
        )

    def _choose_file(self) -> None:
        if not copy_allowed(self.settings):
            return
        path, _filter = save_file_name(self, self.tr("Save the person's copy"), "notes.pdf", "PDF (*.pdf)")
        if path:
            self.save_copy(Path(path))

    def save_copy(self, path: Path) -> None:
        """Make the copy and write it to ``path`` (on the worker; the file is written whole or not at all)."""
        person_id = self._person_id
        if person_id is None:
            return
        settings = self.settings
        include = self.code_words.isChecked()
        password = self.password.text() or None
        self.copy_error.clear_message()
        self.copy_status.setText(self.tr("Making the copy…"))

        def work(ws: Workspace) -> None:
            pdf = make_copy(ws, person_id, settings, include_code_words=include, password=password)
            save_file(path, pdf)

        def done(_result: Any) -> None:
            self.password.setText("")
            if password:
                self.copy_status.setText(self.tr("The copy is saved (protected with the password)."))
            else:
                self.copy_status.setText(
                    self.tr("The copy is saved (not protected: anyone with the file can read it).")
                )

        def failed(exc: BaseException) -> None:
            self.copy_status.setText("")
            self.copy_error.show_message(message_of(exc))

        self._start(work, done, failed)


__all__ = ["SafetyPlanSection"]
