"""A new person: a short first form, then (only when someone similar is already here) the possible matches.

The form asks what comes first at intake (DOMAIN.md sections 2 and 8): the name the person wants to be called,
other names, pronouns, languages, a date of birth or an age group, and how it is safe to reach them. Continue (or
Enter) checks it and looks for possible matches on the task runner; with none the person is saved at once, and
the window opens them at Details for the rest. With some, the list shows just enough to tell people apart and
asks: "Open this person" or "This is someone new". Escape cancels, and nothing is saved.

Accessible names are kept stable for tests and screen readers: "New person", "Name they want to be called
(required)", "Other names", "Pronouns", "Languages", "Date of birth", "Age group", "Safe to call", "Safe to text",
"Safe to leave a voicemail", "Safe to send mail", "Safe times to make contact", "Continue", "Cancel",
"Possible matches", "Open this person", "This is someone new", "Back to the form" (in English; in another language,
their translations).
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.core.i18n import ngettext
from app.core.intake import IntakeService, NewPerson, PossibleMatch
from app.errors import ValidationError
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.person.fields import NOT_ASKED, column_of, heading_label, row_of, wrapped_label
from app.ui.person.forms import FieldSet, FieldSpec, message_of
from app.ui.person.header import badge_style
from app.ui.qt import (
    QCoreApplication,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.rows import add_row

if TYPE_CHECKING:
    from app.core.workspace import Workspace
    from app.ui.tasks import TaskRunner

_CONTEXT = "NewPersonDialog"  # the field words are translated in the dialog's context (translated_specs)
WHO: tuple[FieldSpec, ...] = (
    FieldSpec("preferred_name", "text",
              QT_TRANSLATE_NOOP("NewPersonDialog", "Name they want to be called"),
              QT_TRANSLATE_NOOP("NewPersonDialog", "The name they use, in their own spelling"), required=True),
    FieldSpec("other_names", "list",
              QT_TRANSLATE_NOOP("NewPersonDialog", "Other names"),
              QT_TRANSLATE_NOOP("NewPersonDialog", "Names they have used, separated by commas")),
    FieldSpec("pronouns", "text",
              QT_TRANSLATE_NOOP("NewPersonDialog", "Pronouns"),
              QT_TRANSLATE_NOOP("NewPersonDialog", "For example she/her, he/him, they/them")),
    FieldSpec("languages", "list",
              QT_TRANSLATE_NOOP("NewPersonDialog", "Languages"),
              QT_TRANSLATE_NOOP("NewPersonDialog", "For example Spanish, English")),
    FieldSpec("date_of_birth", "date", QT_TRANSLATE_NOOP("NewPersonDialog", "Date of birth")),
    FieldSpec("age_group", "choice",
              QT_TRANSLATE_NOOP("NewPersonDialog", "Age group"),
              QT_TRANSLATE_NOOP("NewPersonDialog", "If there is no date of birth"),
              choices=("adult", "minor", "unknown"), empty=None),
)  # fmt: skip
REACHING: tuple[FieldSpec, ...] = (
    FieldSpec("safe_to_call", "bool", QT_TRANSLATE_NOOP("NewPersonDialog", "Safe to call")),
    FieldSpec("safe_to_text", "bool", QT_TRANSLATE_NOOP("NewPersonDialog", "Safe to text")),
    FieldSpec("safe_to_leave_message", "bool", QT_TRANSLATE_NOOP("NewPersonDialog", "Safe to leave a voicemail")),
    FieldSpec("safe_to_send_mail", "bool", QT_TRANSLATE_NOOP("NewPersonDialog", "Safe to send mail")),
    FieldSpec("safe_times", "text",
              QT_TRANSLATE_NOOP("NewPersonDialog", "Safe times to make contact"),
              QT_TRANSLATE_NOOP("NewPersonDialog", "For example weekdays after 6 pm")),
)  # fmt: skip


def regime_words(regime: str) -> tuple[str, str]:
    """The badge and what it means, for the vault's regime (every record made here takes it)."""
    translate = QCoreApplication.translate
    if regime == "prosecution":
        return (
            translate("NewPersonDialog", "Prosecution"),
            translate("NewPersonDialog", "Part of the prosecution's file: not confidential from the prosecution team."),
        )
    return (
        translate("NewPersonDialog", "Advocacy · privileged"),
        translate(
            "NewPersonDialog",
            "Kept under a community advocate's confidentiality, and privileged: it never reaches the prosecution.",
        ),
    )


def translated_specs(specs: tuple[FieldSpec, ...]) -> tuple[FieldSpec, ...]:
    """The specs with their label and hint in the app's language (the field names stay as they are)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate(_CONTEXT, text) if text else text

    return tuple(replace(spec, label=tr(spec.label), hint=tr(spec.hint)) for spec in specs)


class NewPersonDialog(QDialog):
    """Add a person. ``created`` carries the new person's id; ``open_existing`` the id of a match chosen instead."""

    created = Signal(str)
    open_existing = Signal(str)

    def __init__(self, ws: Workspace, runner: TaskRunner, *, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._intake = IntakeService(ws)
        self._runner = runner
        self._busy = False
        self._checked: NewPerson | None = None
        self.setWindowTitle(self.tr("New person"))
        self.setAccessibleName(self.tr("New person"))
        self.setModal(True)

        self.pages = QStackedWidget(self)
        self.form_page = self._build_form(ws.identity.regime)
        self.match_page = self._build_matches()
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.match_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(self.pages)
        self._show_page(self.form_page)

        self.fields.load({"preferred_name": name.strip(), "age_group": "unknown"})
        name_field = self.fields.widgets["preferred_name"]
        name_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setFocusProxy(name_field)
        if parent is not None:
            # Most of the window, so the form rarely needs to scroll; never more than the screen holds.
            self.resize(min(760, max(560, int(parent.width() * 0.62))), int(parent.height() * 0.9))

    # --- building ---------------------------------------------------------------------------------------------

    def _build_form(self, regime: str) -> QWidget:
        page = QWidget(self)
        self.scroll_area = QScrollArea(page)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("New person form"))
        body = QWidget(self.scroll_area)
        self.scroll_area.setWidget(body)

        title = heading_label(self.tr("A new person"), body, scale=1.3)
        intro = wrapped_label(
            self.tr(
                "Start with the name they want to be called. Everything else can wait: "
                "leave what you do not know, and add more on Details later."
            ),
            body,
        )
        badge_text, badge_tip = regime_words(regime)
        self.badge = QLabel(badge_text, body)
        self.badge.setObjectName("regime-badge")
        self.badge.setStyleSheet(badge_style())
        self.badge.setAccessibleName(self.tr("Confidentiality"))
        self.badge.setAccessibleDescription(badge_tip)
        self.badge.setToolTip(badge_tip)
        badge_line = QHBoxLayout()
        badge_line.setSpacing(10)
        badge_line.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        badge_line.addWidget(wrapped_label(badge_tip, body), 1)

        self.fields = FieldSet()
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.addWidget(heading_label(self.tr("Who they are"), body), 0, 0, 1, 2)
        row = self.fields.add_rows(translated_specs(WHO), grid, body, first_row=1)
        grid.addWidget(heading_label(self.tr("Reaching them safely"), body), row, 0, 1, 2)
        explain = wrapped_label(
            self.tr("“{not_asked}” is not “no”: ask before using a way nobody has checked.").format(
                not_asked=QCoreApplication.translate("fields", NOT_ASKED)
            ),
            body,
        )
        grid.addWidget(explain, row + 1, 0, 1, 2)
        self.fields.add_rows(translated_specs(REACHING), grid, body, first_row=row + 2)

        column_of(body, title, intro, badge_line, grid, 1, margins=(2, 2, 14, 8), spacing=10)

        self.form_status = wrapped_label("", page)
        self.form_status.setAccessibleName(self.tr("New person status"))
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Close without saving (Escape)"))
        self.cancel_button.setAutoDefault(False)
        self.continue_button = QPushButton(self.tr("Continue"), page)
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setToolTip(self.tr("Check for anyone already here with this name, then save (Enter)"))
        self.cancel_button.clicked.connect(self.reject)
        self.continue_button.clicked.connect(self.continue_)

        buttons = row_of((self.form_status, 1), self.cancel_button, self.continue_button)
        column_of(page, (self.scroll_area, 1), buttons, margins=(0, 0, 0, 0))

        order = [*self.fields.widgets.values(), self.cancel_button, self.continue_button]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        return page

    def _build_matches(self) -> QWidget:
        page = QWidget(self)
        self.match_title = heading_label(self.tr("Is this someone already here?"), page, scale=1.3)
        self.match_intro = wrapped_label("", page)
        self.match_list = QListWidget(page)
        self.match_list.setAccessibleName(self.tr("Possible matches"))
        self.match_list.setAccessibleDescription(self.tr("Use the arrow keys to move, and Enter to open the person."))
        self.match_list.setWordWrap(True)
        self.match_list.setSpacing(4)
        self.match_list.setAlternatingRowColors(True)
        self.match_list.itemActivated.connect(lambda _item: self._open_chosen())

        self.back_button = QPushButton(self.tr("Back to the form"), page)
        self.back_button.setAccessibleName(self.tr("Back to the form"))
        self.back_button.setAutoDefault(False)
        self.new_button = QPushButton(self.tr("This is someone new"), page)
        self.new_button.setAccessibleName(self.tr("This is someone new"))
        self.new_button.setToolTip(self.tr("Save the new person as typed"))
        self.new_button.setAutoDefault(False)
        self.open_button = QPushButton(self.tr("Open this person"), page)
        self.open_button.setAccessibleName(self.tr("Open this person"))
        self.open_button.setToolTip(self.tr("Open the person chosen in the list instead of adding someone (Enter)"))
        self.back_button.clicked.connect(self._back_to_form)
        self.new_button.clicked.connect(self._save_new)
        self.open_button.clicked.connect(self._open_chosen)

        self.match_status = wrapped_label("", page)
        self.match_status.setAccessibleName(self.tr("Possible matches status"))
        buttons = row_of(self.back_button, 1, self.new_button, self.open_button)
        column_of(
            page,
            self.match_title,
            self.match_intro,
            (self.match_list, 1),
            self.match_status,
            buttons,
            margins=(0, 0, 0, 0),
            spacing=10,
        )
        for a, b in itertools.pairwise([self.match_list, self.open_button, self.new_button, self.back_button]):
            QWidget.setTabOrder(a, b)
        return page

    # --- unsaved typing across a lock ---------------------------------------------------------------------------

    def draft(self) -> dict[str, Any]:
        """Exactly what is typed, and where, to keep inside the vault while it is locked (slot ``new-person``)."""
        return {"fields": self.fields.state(), "focus": self.fields.focused_field()}

    def restore_draft(self, state: dict[str, Any]) -> None:
        """Put back what :meth:`draft` kept; the keyboard goes back to the field it was in."""
        self.fields.restore(state.get("fields") or {})
        focus = self.fields.widgets.get(str(state.get("focus") or "preferred_name"))
        if focus is not None:
            self.setFocusProxy(focus)
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form_status.setText(self.tr("Your unsaved typing is back."))

    # --- what was typed ---------------------------------------------------------------------------------------

    def new_person(self) -> NewPerson:
        values: dict[str, Any] = self.fields.values()
        return NewPerson(
            preferred_name=values["preferred_name"] or "",
            other_names=tuple(values["other_names"]),
            pronouns=values["pronouns"],
            languages=tuple(values["languages"]),
            date_of_birth=values["date_of_birth"],
            age_group=values["age_group"],
            safe_to_call=values["safe_to_call"],
            safe_to_text=values["safe_to_text"],
            safe_to_leave_message=values["safe_to_leave_message"],
            safe_to_send_mail=values["safe_to_send_mail"],
            safe_times=values["safe_times"],
        )

    # --- the steps --------------------------------------------------------------------------------------------

    def continue_(self) -> None:
        """Check the form and look for possible matches (on the worker); save at once when there are none."""
        if self._busy:
            return
        new = self.new_person()
        intake = self._intake
        self._set_busy(True, self.tr("Checking whether they are already here…"))

        def work() -> tuple[NewPerson, list[PossibleMatch], str | None]:
            intake.check(new)  # a problem stops here, before anything is saved
            matches = intake.possible_matches(new)
            return new, matches, (None if matches else intake.create(new))

        self._runner.run(work, on_done=self._checked_done, on_error=self._failed)

    def _checked_done(self, result: tuple[NewPerson, list[PossibleMatch], str | None]) -> None:
        new, matches, person_id = result
        self._set_busy(False, "")
        if person_id is not None:
            self._finish_created(person_id)
            return
        self._checked = new
        self._show_matches(new, matches)

    def _show_matches(self, new: NewPerson, matches: list[PossibleMatch]) -> None:
        self.match_list.clear()
        for match in matches:
            item = add_row(self.match_list, f"{match.preferred_name}\n{match.describe()}", match.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{match.preferred_name}. {match.describe()}")
        count = len(matches)
        if new.date_of_birth:
            intro = ngettext(
                "Someone here has a name like “{name}” or the same date of birth. If the person you are with is "
                "this person, open their record instead of starting a second one. If not, they are someone new.",
                "{n} people here have a name like “{name}” or the same date of birth. If the person you are with "
                "is one of them, open their record instead of starting a second one. If not, they are someone new.",
                count,
            )
        else:
            intro = ngettext(
                "Someone here has a name like “{name}”. If the person you are with is this person, open their "
                "record instead of starting a second one. If not, they are someone new.",
                "{n} people here have a name like “{name}”. If the person you are with is one of them, open their "
                "record instead of starting a second one. If not, they are someone new.",
                count,
            )
        self.match_intro.setText(intro.format(n=count, name=new.preferred_name.strip()))
        self.match_status.setText("")
        self._show_page(self.match_page)
        self.match_list.setCurrentRow(0)
        self.match_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_chosen(self) -> None:
        item = self.match_list.currentItem()
        if item is None or self._busy:
            return
        person_id = str(item.data(Qt.ItemDataRole.UserRole))
        self._close_back_to_window()
        self.open_existing.emit(person_id)

    def _save_new(self) -> None:
        if self._busy or self._checked is None:
            return
        new, intake = self._checked, self._intake
        self._set_busy(True, self.tr("Saving…"))
        self._runner.run(lambda: intake.create(new), on_done=self._saved, on_error=self._failed)

    def _saved(self, person_id: str) -> None:
        self._set_busy(False, "")
        self._finish_created(person_id)

    def _finish_created(self, person_id: str) -> None:
        self._close_back_to_window()
        self.created.emit(person_id)

    def _close_back_to_window(self) -> None:
        """Close, and give the keyboard back to the window, where the person is about to open."""
        self.accept()
        window = self.parentWidget()
        if window is not None:
            window.activateWindow()

    def _show_page(self, page: QWidget) -> None:
        """Enter presses the page's main button: Continue on the form, self.tr("Open this person") on the matches."""
        self.pages.setCurrentWidget(page)
        (self.continue_button if page is self.form_page else self.open_button).setDefault(True)

    def _back_to_form(self) -> None:
        self._show_page(self.form_page)
        self.fields.widgets["preferred_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False, "")
        if self.pages.currentWidget() is not self.form_page:
            self._back_to_form()
        if isinstance(exc, ValidationError) and self.fields.show_error(exc):
            return  # shown beside its field, which has the keyboard; everything typed is still there
        self.form_status.setText(message_of(exc))

    def _set_busy(self, busy: bool, message: str) -> None:
        self._busy = busy
        for button in (self.continue_button, self.new_button, self.open_button):
            button.setEnabled(not busy)
        status = self.form_status if self.pages.currentWidget() is self.form_page else self.match_status
        status.setText(message)
        if not busy:
            self.fields.clear_errors()
