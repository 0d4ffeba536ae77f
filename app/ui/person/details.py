"""Details: every field of the person's own record, with Save and Undo. A problem shows next to its field and
nothing is saved until everything fits. Unsaved typing survives a lock (``person-details:<id>``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from typing import Any

from app.core.records import columns_of
from app.models import Person
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.person.data import save_person
from app.ui.person.fields import NOT_ASKED, column_of, plain_button, row_of
from app.ui.person.forms import FieldSet, FieldSpec, message_of, spec_from_column
from app.ui.person.host import PersonHost
from app.ui.qt import (
    QAction,
    QBoxLayout,
    QCoreApplication,
    QFont,
    QFrame,
    QGridLayout,
    QKeySequence,
    QLabel,
    QResizeEvent,
    QScrollArea,
    Qt,
    QWidget,
    Signal,
)

_INFO = {name: col.info for name, col in columns_of(Person).items()}

NAMES_AND_LANGUAGE: tuple[FieldSpec, ...] = (
    spec_from_column(
        "preferred_name", _INFO["preferred_name"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Preferred name"),
        hint=QT_TRANSLATE_NOOP("PersonDetailsForm", "The name they want to be called"),
    ),
    spec_from_column(
        "legal_name", _INFO["legal_name"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Legal name"),
        hint=QT_TRANSLATE_NOOP("PersonDetailsForm", "Only if it is needed, for example for court forms"),
    ),
    spec_from_column(
        "aliases", _INFO["aliases"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Other names"),
        hint=QT_TRANSLATE_NOOP("PersonDetailsForm", "Names they have used, separated by commas"),
    ),
    spec_from_column(
        "pronouns", _INFO["pronouns"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Pronouns"),
        hint=QT_TRANSLATE_NOOP("PersonDetailsForm", "For example she/her, he/him, they/them"),
    ),
    spec_from_column(
        "preferred_term", _INFO["preferred_term"], empty=NOT_ASKED,
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "How they want to be referred to"),
        hint=QT_TRANSLATE_NOOP("PersonDetailsForm", "Mirror the person's own word: person, survivor or victim"),
    ),
    spec_from_column(
        "languages", _INFO["languages"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Languages"),
        hint=QT_TRANSLATE_NOOP("PersonDetailsForm", "For example Spanish, English"),
    ),
    spec_from_column(
        "interpreter_needed", _INFO["interpreter_needed"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Interpreter needed"),
    ),
    spec_from_column(
        "date_of_birth", _INFO["date_of_birth"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Date of birth"),
    ),
    spec_from_column(
        "age_group", _INFO["age_group"], empty=None,
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Age group"),
    ),
)  # fmt: skip
SAFE_CONTACT: tuple[FieldSpec, ...] = (
    spec_from_column(
        "safe_to_call", _INFO["safe_to_call"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Safe to call"),
    ),
    spec_from_column(
        "safe_to_text", _INFO["safe_to_text"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Safe to text"),
    ),
    spec_from_column(
        "safe_to_leave_message", _INFO["safe_to_leave_message"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Safe to leave a voicemail"),
    ),
    spec_from_column(
        "safe_to_send_mail", _INFO["safe_to_send_mail"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Safe to send mail"),
    ),
    spec_from_column(
        "safe_times", _INFO["safe_times"],
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Safe times to make contact"),
        hint=QT_TRANSLATE_NOOP("PersonDetailsForm", "For example weekdays after 6 pm"),
    ),
    spec_from_column(
        "contact_notes", _INFO["contact_notes"], long=True,
        label=QT_TRANSLATE_NOOP("PersonDetailsForm", "Contact notes"),
        hint=QT_TRANSLATE_NOOP("PersonDetailsForm",
            "Anything else about reaching them safely, for example who "
            "else may see the phone"),
    ),
)  # fmt: skip


def translated(specs: tuple[FieldSpec, ...]) -> tuple[FieldSpec, ...]:
    """The specs with their label and hint in the app's language (the field names stay as they are)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("PersonDetailsForm", text) if text else text

    return tuple(replace(spec, label=tr(spec.label), hint=tr(spec.hint)) for spec in specs)


def age_group_from_birth(born: dt.date, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return "minor" if years < 18 else "adult"


def _with_age_from_birth(person: dict[str, Any]) -> dict[str, Any]:
    """A record with a date of birth but no age group shows the age group that date gives."""
    born = person.get("date_of_birth")
    if isinstance(born, dt.date) and person.get("age_group") in (None, "", "unknown"):
        return {**person, "age_group": age_group_from_birth(born)}
    return person


#: Below this width the two groups stack instead of standing side by side.
TWO_COLUMNS_EM = 70


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class PersonDetailsForm(QWidget):
    """Edit the person. Implements :class:`app.ui.drafts.DraftAware`."""

    #: The person's record was saved (the workspace reads it again).
    saved = Signal()

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self._busy = False
        self.fields = FieldSet()

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Person details"))
        body = QWidget(self.scroll_area)
        self.scroll_area.setWidget(body)

        self.demo_note = QLabel(self.tr("Fictional demo record: it is left out of every report."), body)
        self.demo_note.setWordWrap(True)
        self.demo_note.hide()

        self.names_group = QWidget(body)
        names = QGridLayout(self.names_group)
        names.setContentsMargins(0, 0, 0, 0)
        names.setHorizontalSpacing(14)
        names.setVerticalSpacing(8)
        names.addWidget(_heading(self.tr("Names and language"), self.names_group), 0, 0, 1, 2)
        self.fields.add_rows(translated(NAMES_AND_LANGUAGE), names, self.names_group, first_row=1)
        names.setRowStretch(len(NAMES_AND_LANGUAGE) + 1, 1)

        self.contact_group = QWidget(body)
        contact = QGridLayout(self.contact_group)
        contact.setContentsMargins(0, 0, 0, 0)
        contact.setHorizontalSpacing(14)
        contact.setVerticalSpacing(8)
        contact.addWidget(_heading(self.tr("Reaching them safely"), self.contact_group), 0, 0, 1, 2)
        explain = QLabel(
            self.tr("“{not_asked}” is not “no”: ask before using a way nobody has checked.").format(
                not_asked=QCoreApplication.translate("fields", NOT_ASKED)
            ),
            self.contact_group,
        )
        explain.setWordWrap(True)
        contact.addWidget(explain, 1, 0, 1, 2)
        self.fields.add_rows(translated(SAFE_CONTACT), contact, self.contact_group, first_row=2)
        contact.setRowStretch(len(SAFE_CONTACT) + 2, 1)

        self.groups = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.groups.setSpacing(36)
        self.groups.addWidget(self.names_group, 1)
        self.groups.addWidget(self.contact_group, 1)
        column_of(body, self.demo_note, self.groups, 1, margins=(2, 2, 14, 14), spacing=14)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Details status"))
        self.save_button = plain_button(self.tr("Save changes"), self.tr("Save the person's details"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.revert_button = plain_button(
            self.tr("Undo changes"), self.tr("Undo the changes to the person's details"), self
        )
        self.revert_button.setToolTip(self.tr("Put back what was last saved"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)

        actions = row_of((self.status, 1), self.revert_button, self.save_button, spacing=10)

        column_of(self, (self.scroll_area, 1), actions, margins=(0, 0, 0, 0), spacing=10)

        save = QAction(self.tr("Save the person's details"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

        order = [*self.fields.widgets.values(), self.revert_button, self.save_button]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.fields.widgets["preferred_name"])
        self.fields.connect_changes(self._update_buttons)
        # A date of birth typed in decides the age group, so "Not known" never stands beside it.
        self.fields.widgets["date_of_birth"].textEdited.connect(self._birth_edited)  # type: ignore[attr-defined]
        self._update_buttons()

    def _birth_edited(self, _text: str) -> None:
        born = self.fields.value("date_of_birth")
        if isinstance(born, dt.date):
            self.fields.widgets["age_group"].set_value(age_group_from_birth(born))  # type: ignore[attr-defined]

    # --- loading ---------------------------------------------------------------------------------------------

    def load(self, person: dict[str, Any]) -> None:
        """Show the person's record, unless the form holds unsaved typing for this same person."""
        same = person.get("id") == self._person_id
        if same and self.fields.differs():
            return
        self._person_id = person.get("id")
        self.fields.load(_with_age_from_birth(person))
        self.demo_note.setVisible(bool(person.get("is_demo")))
        if not same:
            self.status.setText("")
        self._update_buttons()

    def clear(self) -> None:
        self._person_id = None
        self._busy = False
        self.fields.clear()
        self.demo_note.hide()
        self.status.setText("")
        self._update_buttons()

    # --- DraftAware --------------------------------------------------------------------------------------------

    def draft_slot(self) -> str | None:
        return f"person-details:{self._person_id}" if self._person_id else None

    def has_draft(self) -> bool:
        return self._person_id is not None and self.fields.differs()

    def draft_state(self) -> dict[str, Any]:
        return {"fields": self.fields.state(), "focus": self.fields.focused_field()}

    def restore_draft(self, state: dict[str, Any]) -> None:
        self.fields.restore(state.get("fields") or {})
        self._update_buttons()
        focus = state.get("focus")
        if focus in self.fields.widgets and self.isVisible():
            self.fields.widgets[focus].setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving ------------------------------------------------------------------------------------------------

    def save(self) -> None:
        person_id = self._person_id
        if person_id is None or self._busy:
            return
        changes = self.fields.changes()
        if not changes:
            self.status.setText(self.tr("Nothing has changed, so there is nothing to save."))
            return
        self.fields.clear_errors()
        self._busy = True
        self.status.setText(self.tr("Saving…"))
        self._update_buttons()
        started = self._host.run(
            lambda ws: save_person(ws, person_id, changes), on_done=self._saved, on_error=self._failed
        )
        if not started:
            self._busy = False
            self._update_buttons()

    def revert(self) -> None:
        if self._person_id is None:
            return
        self.fields.reset()
        self.status.setText(self.tr("Changes undone."))
        self._update_buttons()

    def _saved(self, _result: object) -> None:
        self._busy = False
        # What is on screen is now what is stored: take it as the new "unchanged" and read the person again.
        self.fields.accept()
        self.status.setText(self.tr("Saved."))
        self._update_buttons()
        self.saved.emit()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        field = self.fields.show_error(exc)
        if field is not None:
            self.status.setText(self.tr("Nothing was saved. Please look at the field marked in red."))
        else:
            self.status.setText(self.tr("Nothing was saved. {reason}").format(reason=message_of(exc)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = self._person_id is not None and self.fields.differs()
        self.save_button.setEnabled(dirty and not self._busy)
        self.revert_button.setEnabled(dirty and not self._busy)
        if dirty and self.status.text() in (self.tr("Saved."), self.tr("Changes undone.")):
            self.status.setText("")

    # --- layout ------------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() >= TWO_COLUMNS_EM * self.fontMetrics().horizontalAdvance("M")
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.groups.direction() != direction:
            self.groups.setDirection(direction)
