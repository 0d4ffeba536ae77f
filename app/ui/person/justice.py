"""Justice contacts: each justice-system matter the person is part of, in any role, with its charges.

A list on one side, the editor on the other (stacked when the window is narrow). A charge's statutory name stays in
this docket data and never labels the person (DOMAIN.md section 8). Unsaved typing survives a lock under
``justice:<person id>:<record id or new>``; small hidden "ports" hold every such slot once loaded, so a draft finds
its way back even when another matter is open.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from app.core.charging import DECISION_LABELS, ChargingRow, ChargingService, ChargingView, IdentificationRef
from app.core.i18n import N_, _, ngettext
from app.core.record_shapes import readable_structured
from app.core.timeline import choice_label
from app.models import ChargeLevel, JusticeContact
from app.ui import clipboard
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import edge_style, text_style
from app.ui.person.data import delete_justice, save_justice
from app.ui.person.fields import (
    WIDEST_ROW,
    ChoiceBox,
    ConfirmBar,
    DateField,
    ErrorLine,
    column_of,
    format_date,
    plain_button,
    restore_widget_state,
    row_of,
    widget_content,
    widget_state,
)
from app.ui.person.forms import FieldSet, FieldSpec, message_of, specs_of
from app.ui.person.host import PersonHost
from app.ui.qt import (
    QAbstractItemView,
    QAction,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QCoreApplication,
    QEvent,
    QFont,
    QFontMetrics,
    QFrame,
    QGridLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QResizeEvent,
    QScrollArea,
    QSizePolicy,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from app.ui.rows import add_row

JUSTICE_FIELDS = specs_of(
    JusticeContact,
    "role court county state docket_number arrest_date arresting_agency case_status disposition disposition_date",
    role={"label": QT_TRANSLATE_NOOP("JusticeEditor", "Role in the case"),
          "empty": QT_TRANSLATE_NOOP("fields", "Choose the person's role")},
    court={"label": QT_TRANSLATE_NOOP("JusticeEditor", "Court")},
    county={"label": QT_TRANSLATE_NOOP("JusticeEditor", "County")},
    state={"label": QT_TRANSLATE_NOOP("JusticeEditor", "State")},
    docket_number={"label": QT_TRANSLATE_NOOP("JusticeEditor", "Docket number")},
    arrest_date={"label": QT_TRANSLATE_NOOP("JusticeEditor", "Arrest date")},
    arresting_agency={"label": QT_TRANSLATE_NOOP("JusticeEditor", "Arresting agency")},
    case_status={"label": QT_TRANSLATE_NOOP("JusticeEditor", "Case status")},
    disposition={"label": QT_TRANSLATE_NOOP("JusticeEditor", "Disposition")},
    disposition_date={"label": QT_TRANSLATE_NOOP("JusticeEditor", "Disposition date")},
)  # fmt: skip
#: The choices' words (the core's catalogue), as the drop-downs and the list show them.
CHOICE_WORDS = (
    N_("Defendant"), N_("Witness"), N_("Complainant"), N_("Other"), N_("Open"), N_("Disposed"), N_("Unknown"),
    N_("Pending"), N_("Dismissed"), N_("Diverted"), N_("Acquitted"), N_("Convicted"),
    N_("Other outcome, no conviction"), N_("Felony"), N_("Misdemeanor"), N_("Violation"), N_("Juvenile"),
)  # fmt: skip
LEVELS = tuple(level.value for level in ChargeLevel)
SIDE_BY_SIDE_EM = 80


def _lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` broken between words into lines no wider than ``width`` (one line when it fits)."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def _choice(field: str, value: str | None) -> str:
    """A stored choice as people read it, in the app's language ("" when there is none)."""
    words = choice_label(field, value)
    return _(words) if words else ""


# --- charges ----------------------------------------------------------------------------------------------------


class _ChargeRow:
    def __init__(self, editor: ChargesEditor, number: int) -> None:
        parent = editor
        self.offence = QLineEdit(parent)
        self.offence.setPlaceholderText(QCoreApplication.translate("ChargesEditor", "Offense, as on the docket"))
        self.statute = QLineEdit(parent)
        self.statute.setPlaceholderText(QCoreApplication.translate("ChargesEditor", "Statute"))
        self.level = ChoiceBox("level", LEVELS, parent=parent)
        self.remove = plain_button(QCoreApplication.translate("ChargesEditor", "Remove"), parent=parent)
        self.remove.clicked.connect(lambda: editor.remove_row(self))
        self.renumber(number)

    def renumber(self, number: int) -> None:
        self.offence.setAccessibleName(
            QCoreApplication.translate("ChargesEditor", "Charge {number}: offense").format(number=number)
        )
        self.statute.setAccessibleName(
            QCoreApplication.translate("ChargesEditor", "Charge {number}: statute").format(number=number)
        )
        self.level.setAccessibleName(
            QCoreApplication.translate("ChargesEditor", "Charge {number}: level").format(number=number)
        )
        self.remove.setAccessibleName(
            QCoreApplication.translate("ChargesEditor", "Remove charge {number}").format(number=number)
        )

    @property
    def widgets(self) -> tuple[QWidget, ...]:
        return (self.offence, self.statute, self.level, self.remove)

    def value(self) -> dict[str, Any]:
        return {
            "offence": self.offence.text().strip(),
            "statute": self.statute.text().strip(),
            "level": self.level.value(),
        }

    def set_value(self, charge: dict[str, Any]) -> None:
        self.offence.setText(str(charge.get("offence") or ""))
        self.statute.setText(str(charge.get("statute") or ""))
        self.offence.setCursorPosition(0)
        self.statute.setCursorPosition(0)
        level = charge.get("level")
        self.level.set_value(level if level in LEVELS else None)

    def dispose(self) -> None:
        for widget in self.widgets:
            if isinstance(widget, QLineEdit):
                widget.setText("")
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


class ChargesEditor(QWidget):
    """The charges of one matter as a small table: offence, statute, level, and a Remove button per row."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_ChargeRow] = []
        self._loaded: list[dict[str, Any]] = []
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.grid.setContentsMargins(0, 0, 0, 0)
        #: The column headings, each tied to the first row's field (every field also has its own accessible name).
        self.headings = [QLabel(text, self) for text in (self.tr("Offense"), self.tr("Statute"), self.tr("Level"))]
        for col, heading in enumerate(self.headings):
            self.grid.addWidget(heading, 0, col)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        #: Each charge on two lines (offense and statute, then level and Remove) when one line would squeeze the
        #: fields below ten letters (at twice the text size they were 124 px wide); decided again on each resize.
        self.two_lines = False
        self.empty = QLabel(self.tr("No charges recorded."), self)
        self.add_button = plain_button(self.tr("Add a charge"), self.tr("Add a charge"), self)
        self.add_button.clicked.connect(self._add_clicked)
        self.error = ErrorLine(self)
        layout = column_of(self, self.grid, self.empty, self.error, margins=(0, 0, 0, 0), spacing=6)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.offence.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_row(self, charge: dict[str, Any] | None = None) -> _ChargeRow:
        row = _ChargeRow(self, len(self.rows) + 1)
        if charge:
            row.set_value(charge)
        self.rows.append(row)
        self._place()
        for widget in (row.offence, row.statute):
            widget.textChanged.connect(lambda _t: self.changed.emit())
        row.level.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.changed.emit()
        return row

    def remove_row(self, row: _ChargeRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        row.dispose()
        self._place()
        self.changed.emit()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].offence.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _one_line_width(self) -> int:
        """The least width a charge needs on one line with room for ten letters in each field."""
        if not self.rows:
            return 0
        field = self.fontMetrics().horizontalAdvance("n" * 10) + 12
        row = self.rows[0]
        return (
            2 * field + row.level.sizeHint().width() + row.remove.sizeHint().width() + 3 * self.grid.horizontalSpacing()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        two_lines = event.size().width() < self._one_line_width()
        if two_lines != self.two_lines:
            self.two_lines = two_lines
            self._place()
        super().resizeEvent(event)

    def _place(self) -> None:
        for row in self.rows:
            for widget in row.widgets:
                self.grid.removeWidget(widget)
        self.headings[2].setVisible(not self.two_lines)  # on two lines, the level's choice says what it is
        for number, row in enumerate(self.rows, start=1):
            row.renumber(number)
            for col, widget in enumerate(row.widgets):
                if self.two_lines:
                    line, column = 2 * number - 1 + col // 2, col % 2
                    if widget is row.remove:
                        self.grid.addWidget(widget, line, column, Qt.AlignmentFlag.AlignLeft)
                    else:
                        self.grid.addWidget(widget, line, column)
                else:
                    self.grid.addWidget(widget, number, col)
                widget.show()
        previous: QWidget | None = None
        for row in self.rows:
            for widget in row.widgets:
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.add_button)
        self.empty.setVisible(not self.rows)
        for heading, widget in zip(self.headings, self.rows[0].widgets if self.rows else (), strict=False):
            heading.setBuddy(widget)

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.dispose()
        self.rows = []
        self._place()

    def load(self, charges: Sequence[dict[str, Any]] | None) -> None:
        # What arrived malformed (a record pulled from the office) is left out and flagged, never a failing slot;
        # the stored charges stay as they are unless the person edits these.
        shown, problem = readable_structured("justice_contact", "charges", charges)
        loaded = [dict(c) for c in shown]
        if not (self.rows and self.content() == self._baseline_of(loaded)):
            self._clear_rows()
            for charge in loaded:
                self.add_row(charge)
        # else: the same charges read again after a save; the rows stay, and so do the keyboard and "Saved.".
        self._loaded = loaded
        self.error.clear_message()
        if problem is not None:
            self.error.show_message(problem)

    def value(self) -> list[dict[str, Any]]:
        return [v for v in (row.value() for row in self.rows) if v["offence"] or v["statute"] or v["level"]]

    def content(self) -> list[Any]:
        return [[widget_content(row.offence), widget_content(row.statute), widget_content(row.level)]
                for row in self.rows]  # fmt: skip

    def baseline(self) -> list[Any]:
        return self._baseline_of(self._loaded)

    @staticmethod
    def _baseline_of(charges: Sequence[dict[str, Any]]) -> list[Any]:
        return [[str(c.get("offence") or ""), str(c.get("statute") or ""),
                 c.get("level") if c.get("level") in LEVELS else None] for c in charges]  # fmt: skip

    def differs(self) -> bool:
        return self.content() != self.baseline()

    def state(self) -> list[dict[str, Any]]:
        return [
            {"offence": widget_state(r.offence), "statute": widget_state(r.statute), "level": widget_state(r.level)}
            for r in self.rows
        ]

    def restore(self, state: Sequence[dict[str, Any]]) -> None:
        self._clear_rows()
        for item in state:
            row = self.add_row()
            restore_widget_state(row.offence, item.get("offence"))
            restore_widget_state(row.statute, item.get("statute"))
            restore_widget_state(row.level, item.get("level"))

    def accept(self) -> None:
        self._loaded = self.value()

    def clear(self) -> None:
        self._loaded = []
        self._clear_rows()
        self.error.clear_message()


# --- charging decisions (prosecution vaults) ------------------------------------------------------------------------


def _informed_words(words: Sequence[str]) -> str:
    return _("Informed by: {what}.").format(what="; ".join(words) if words else _("nothing recorded"))


def _decision_text(row: ChargingRow) -> str:
    return _("{decision} — decided by {name} on {day}.\nReason: {reason}\n{informed}").format(
        decision=row.decision_words,
        name=row.decided_by_name,
        day=format_date(row.decided_on),
        reason=row.reason,
        informed=_informed_words(row.informed_by),
    )


class ChargingPanel(QFrame):
    """Under the chosen justice matter, on a prosecution vault only: the charging decision in force, its history, and
    a form that records a decision or revises the one shown. A decision about the charges, never about the person
    (DOMAIN.md section 8). What informed it is linked: the identification decision in force on the day decided is
    shown and linked by default (a check box unlinks it). It reads its own data on the worker; on an advocacy vault
    the core answers None and the panel stays hidden."""

    #: A charging decision was saved (the matter's own status then no longer speaks of the last save).
    decision_saved = Signal()

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self._matter_id: str | None = None
        self._view: ChargingView | None = None
        self._revising: ChargingRow | None = None
        self._generation = 0
        self._busy = False
        self._pending_form: dict[str, Any] | None = None
        self._reveal_when_read = False
        self._baseline: list[Any] = []
        self.setObjectName("chargingPanel")

        self.heading = QLabel(self.tr("Charging decisions"), self)
        font = QFont(self.heading.font())
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.intro = QLabel(
            self.tr(
                "A decision about the charges, made by a named person with a date and a reason. A later decision "
                "keeps the earlier one in the history."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(text_style("quiet"))
        self.current = self._text_label(self.tr("Charging decision in force"))
        self.history_heading = QLabel(self.tr("Earlier decisions"), self)
        self.history_heading.setFont(font)
        self.history = self._text_label(self.tr("Earlier charging decisions"))
        self.record_button = plain_button(
            self.tr("Record a charging decision…"), self.tr("Record a charging decision"), self
        )
        self.record_button.clicked.connect(lambda: self.open_form(revise=False))
        self.revise_button = plain_button(
            self.tr("Revise this decision…"), self.tr("Revise this charging decision"), self
        )
        self.revise_button.clicked.connect(lambda: self.open_form(revise=True))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Charging decision status"))

        # --- the form ---
        self.form = QFrame(self)
        self.form.setObjectName("chargingForm")
        self.form.setStyleSheet(edge_style("QFrame#chargingForm"))
        self.form_title = QLabel(self.form)
        self.form_title.setFont(font)
        self.form_title.setWordWrap(True)
        self.decision = ChoiceBox("decision", list(DECISION_LABELS), empty=self.tr("Choose a decision"),
                                  labels={k: _(v) for k, v in DECISION_LABELS.items()}, parent=self.form)  # fmt: skip
        self.decision.setAccessibleName(self.tr("Decision (required)"))
        self.decided_on = DateField(self.form)
        self.decided_on.setPlaceholderText("YYYY-MM-DD")
        self.decided_on.setAccessibleName(self.tr("Date decided (required)"))
        self.decided_on.textChanged.connect(lambda _t: self._show_in_force())
        self.decided_by = QLineEdit(self.form)
        self.decided_by.setAccessibleName(self.tr("Decided by (required)"))
        self.decided_by.setPlaceholderText(self.tr("The name of the person who decided"))
        self.reason = QPlainTextEdit(self.form)
        self.reason.setAccessibleName(self.tr("Reason (required)"))
        self.reason.setPlaceholderText(self.tr("The reason, in words."))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 16)
        self.informed_heading = QLabel(self.tr("What informed it"), self.form)
        self.informed_heading.setFont(font)
        self.identification = QCheckBox(self.form)
        self.identification.setAccessibleName(self.tr("Informed by the identification decision in force that day"))
        self.identification.setChecked(True)
        self.no_identification = QLabel(self.tr("No identification decision was in force on that day."), self.form)
        self.no_identification.setStyleSheet(text_style("quiet"))
        self.no_identification.setWordWrap(True)
        self.screening = ChoiceBox("screening", [], empty=self.tr("No screening"), parent=self.form)
        self.screening.setAccessibleName(self.tr("Screening that informed it"))
        self.account = QCheckBox(self.tr("The person's own account"), self.form)
        self.account.setAccessibleName(self.tr("Informed by the person's own account"))
        self.share = ChoiceBox("share", [], empty=self.tr("No input from the advocate"), parent=self.form)
        self.share.setAccessibleName(self.tr("The advocate's input, shared under a release"))
        for picker in (self.screening, self.share):  # the whole of a long choice, on hover
            picker.currentIndexChanged.connect(lambda _i, box=picker: box.setToolTip(box.currentText()))
        self.form_error = ErrorLine(self.form)
        self.cancel_button = plain_button(self.tr("Cancel"), self.tr("Cancel this charging decision"), self.form)
        self.cancel_button.clicked.connect(self.close_form)
        self.save_button = plain_button(self.tr("Save the decision"), self.tr("Save this charging decision"), self.form)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        labels = (
            (self.tr("&Decision (required)"), self.decision),
            (self.tr("Da&te decided (required)"), self.decided_on),
            (self.tr("Decided &by (required)"), self.decided_by),
            (self.tr("&Reason (required)"), self.reason),
        )
        grid_labels: list[QLabel] = []
        for row, (text, widget) in enumerate(labels):
            label = QLabel(text, self.form)
            grid_labels.append(label)
            label.setBuddy(widget)
            label.setWordWrap(True)  # a longer language's label takes two lines rather than widen the form
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 5, 0, 0)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignLeft if widget is not self.reason else
                           Qt.AlignmentFlag(0))  # fmt: skip
        grid.setColumnStretch(1, 1)
        screening_label = QLabel(self.tr("&Screening"), self.form)
        screening_label.setWordWrap(True)
        screening_label.setBuddy(self.screening)
        share_label = QLabel(self.tr("The &advocate's input"), self.form)
        share_label.setWordWrap(True)
        share_label.setBuddy(self.share)
        informed = QGridLayout()
        informed.setHorizontalSpacing(14)
        informed.setVerticalSpacing(6)
        informed.addWidget(self.identification, 0, 0, 1, 2)
        informed.addWidget(self.no_identification, 1, 0, 1, 2)
        informed.addWidget(screening_label, 2, 0)
        # The pickers take the row's width: a screening's title or a share's words read whole, not cut mid-word.
        informed.addWidget(self.screening, 2, 1)
        informed.addWidget(self.account, 3, 0, 1, 2)
        informed.addWidget(share_label, 4, 0)
        informed.addWidget(self.share, 4, 1)
        informed.setColumnStretch(1, 1)
        column_of(self.form, self.form_title, grid, self.informed_heading, informed, self.form_error,
                  row_of(1, self.cancel_button, self.save_button, spacing=10), margins=(12, 10, 12, 10),
                  spacing=8)  # fmt: skip
        self.form.hide()
        self.no_identification.setWordWrap(True)
        # At large text in a longer language a choice beside its label can pass what fits beside the side list:
        # the closed choices then show fewer characters (the open list still shows them whole).
        widest_label = max(label.minimumSizeHint().width() for label in (*grid_labels, screening_label, share_label))
        room = WIDEST_ROW - 60 - 24 - widest_label - 14  # the form's own margins, then the label and the spacing
        for box in (self.decision, self.screening, self.share):
            if box.minimumSizeHint().width() > room:
                box.setMinimumWidth(max(room, box.fontMetrics().averageCharWidth() * 12))

        column_of(self, self.heading, self.intro, self.current, self.history_heading, self.history,
                  row_of(self.record_button, self.revise_button, (self.status, 1), spacing=10), self.form,
                  margins=(0, 12, 0, 0), spacing=8)  # fmt: skip
        order: list[QWidget] = [self.record_button, self.revise_button, self.decision, self.decided_on,
                                self.decided_by, self.reason, self.identification, self.screening, self.account,
                                self.share, self.cancel_button, self.save_button]  # fmt: skip
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.hide()

    def _text_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)  # fmt: skip
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return label

    # --- what it shows ----------------------------------------------------------------------------------------

    @property
    def view(self) -> ChargingView | None:
        return self._view

    def show_matter(self, person_id: str | None, matter_id: str | None) -> None:
        """Show the charging decisions of a saved matter (or nothing for a new one), read on the worker."""
        if matter_id != self._matter_id or person_id != self._person_id:
            self._view = None  # another matter's decisions are not offered while this one's are read
            self.close_form()
            self.status.setText("")
        self._person_id, self._matter_id = person_id, matter_id
        if matter_id is None or person_id is None:
            self._generation += 1
            self.hide()
            return
        self.reload()

    def reload(self) -> None:
        matter_id = self._matter_id
        if matter_id is None:
            return
        self._generation += 1
        generation = self._generation

        def arrived(view: ChargingView | None) -> None:
            if generation == self._generation:
                self._arrived(view)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.status.setText(message_of(exc))

        self._host.run(lambda ws: ChargingService(ws).view(matter_id), arrived, failed)

    def _arrived(self, view: ChargingView | None) -> None:
        self._view = view
        if view is None:  # a vault that does not keep charging decisions: nothing of them shows
            self.hide()
            return
        current = view.current
        if current is None:
            self.current.setText(self.tr("No charging decision recorded for this matter yet."))
        else:
            self.current.setText(self.tr("In force: {decision}").format(decision=_decision_text(current)))
        earlier = [r for r in view.decisions if r is not current]
        self.history.setText("\n\n".join(_decision_text(r) for r in earlier))
        self.history.setVisible(bool(earlier))
        self.history_heading.setVisible(bool(earlier))
        self.record_button.setVisible(current is None)
        self.revise_button.setVisible(current is not None)
        self._fill_choices(view)
        self.show()
        if self._pending_form is not None:
            state, self._pending_form = self._pending_form, None
            self.restore_form(state)
        self._update_buttons()
        if self._reveal_when_read:  # just saved: the new decision and the way to revise it come into view
            self._reveal_when_read = False
            self._reveal(self.revise_button)
            self._reveal(self.current)  # after: the decision in force wins when both do not fit

    def _fill_choices(self, view: ChargingView) -> None:
        for box, options, empty in (
            (self.screening, [(o.record_id, o.words) for o in view.screenings], self.tr("No screening")),
            (self.share, [(o.disclosure_id, o.words) for o in view.shares], self.tr("No input from the advocate")),
        ):
            chosen = box.value()
            box.blockSignals(True)
            box.clear()
            box.addItem(empty, None)
            for value, words in options:
                box.addItem(words, value)
            box.set_value(chosen if chosen in {v for v, _w in options} else None)
            # A long screening title must not make the form wider than the section: the open list shows it whole.
            box.setMinimumContentsLength(min(max((len(w) for _v, w in options), default=len(empty)), 28))
            box.setToolTip(box.currentText())
            box.blockSignals(False)
        self.share.setEnabled(bool(view.shares))

    def _day(self) -> dt.date:
        value = self.decided_on.value()
        return value if isinstance(value, dt.date) else (self._view.today if self._view else dt.date.today())

    def in_force(self) -> IdentificationRef | None:
        """The identification decision in force on the day typed (today while the date is not a valid one)."""
        return self._view.in_force_on(self._day()) if self._view is not None else None

    def _show_in_force(self) -> None:
        ident = self.in_force()
        self.identification.setVisible(ident is not None)
        self.no_identification.setVisible(ident is None and self.form.isVisible())
        if ident is not None:
            # A check box does not wrap its words: at large text they are broken into lines that fit the form.
            room = WIDEST_ROW - 60 - 24 - self.identification.iconSize().width() - 16
            self.identification.setText(_lines(ident.words, self.identification.fontMetrics(), room))
            words = ident.words[:1].lower() + ident.words[1:]
            self.identification.setAccessibleName(self.tr("Informed by the {decision}").format(decision=words))

    # --- the form ---------------------------------------------------------------------------------------------

    def open_form(self, *, revise: bool) -> None:
        view = self._view
        if view is None or self._busy:
            return
        self._revising = view.current if revise else None
        if self._revising is not None:
            r = self._revising
            self.form_title.setText(
                self.tr("Revise the decision of {day} ({decision}). It stays in the history.").format(
                    day=format_date(r.decided_on), decision=r.decision_words
                )
            )
        else:
            self.form_title.setText(self.tr("Record a charging decision"))
        self.decision.set_value(None)
        self.decided_on.set_value(view.today)
        if not self.decided_by.text().strip():
            self.decided_by.setText(view.decider)
        self.reason.clear()
        self.identification.setChecked(True)
        self.screening.set_value(None)
        self.account.setChecked(False)
        self.share.set_value(None)
        self.form_error.clear_message()
        self.form.show()
        self._show_in_force()
        self._baseline = self._content()
        self.status.setText("")
        self._update_buttons()
        self.decision.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reveal(self.form)

    def _reveal(self, widget: QWidget) -> None:
        """Scroll the justice contact form so ``widget`` is in view (once the layout has placed it)."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            scroll = area

            def reveal() -> None:
                for _ in range(3):  # the form's new height ripples up one layout at a time
                    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
                if widget.isVisible():
                    scroll.ensureWidgetVisible(widget, 0, 24)

            QTimer.singleShot(0, reveal)

    def close_form(self) -> None:
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.form.isAncestorOf(focus)
        self.form.hide()
        self._revising = None
        self.reason.clear()
        self.form_error.clear_message()
        self._update_buttons()
        if had_focus:
            target = self.revise_button if self.revise_button.isVisible() else self.record_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def form_open(self) -> bool:
        return not self.form.isHidden()

    def owns_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.form_open and self.form.isAncestorOf(focus)

    def _content(self) -> list[Any]:
        return [self.decision.value(), self.decided_on.text().strip(), self.decided_by.text().strip(),
                self.reason.toPlainText().strip(), self.identification.isChecked(), self.screening.value(),
                self.account.isChecked(), self.share.value()]  # fmt: skip

    def is_dirty(self) -> bool:
        return self.form_open and self._content() != self._baseline

    def form_state(self) -> dict[str, Any]:
        return {"revises": self._revising.record_id if self._revising else None, "values": self._content()}

    def restore_form(self, state: dict[str, Any]) -> None:
        """Put back a form saved at the last lock (once this matter's decisions have been read again)."""
        view = self._view
        if view is None:
            self._pending_form = state
            return
        values = list(state.get("values") or [])
        if len(values) != 8:
            return
        revises = state.get("revises")
        self.open_form(revise=bool(revises) and view.current is not None and view.current.record_id == revises)
        decision, day, by, reason, ident, screening, account, share = values
        self.decision.set_value(decision if decision in DECISION_LABELS else None)
        self.decided_on.setText(str(day or ""))
        self.decided_by.setText(str(by or ""))
        self.reason.setPlainText(str(reason or ""))
        self.identification.setChecked(bool(ident))
        self.screening.set_value(screening if screening in {o.record_id for o in view.screenings} else None)
        self.account.setChecked(bool(account))
        self.share.set_value(share if share in {o.disclosure_id for o in view.shares} else None)
        self._update_buttons()

    def save(self) -> None:
        matter_id = self._matter_id
        if matter_id is None or not self.form_open or self._busy:
            return
        decision = self.decision.value()
        if decision is None:
            self.form_error.show_message(self.tr("Please choose a decision."))
            self.decision.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        ident = self.in_force() if self.identification.isChecked() else None
        values: dict[str, Any] = {
            "decision": decision,
            "decided_on": self.decided_on.value(),
            "decided_by_name": self.decided_by.text(),
            "reason": self.reason.toPlainText(),
            "identification_decision_id": ident.record_id if ident is not None else None,
            "screening_id": self.screening.value(),
            "persons_account": True if self.account.isChecked() else None,
            "disclosure_id": self.share.value(),
            "revises_id": self._revising.record_id if self._revising else None,
        }
        self._busy = True
        self.status.setText(self.tr("Saving…"))
        self._update_buttons()
        if not self._host.run(lambda ws: ChargingService(ws).record(matter_id, **values), self._saved, self._failed):
            self._busy = False
            self.status.setText("")
            self._update_buttons()

    def _saved(self, row: ChargingRow) -> None:
        self._busy = False
        self.close_form()
        self.status.setText(
            self.tr("Saved: {decision}, {day}.").format(decision=row.decision_words, day=format_date(row.decided_on))
        )
        target = self.revise_button
        target.show()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reveal_when_read = True
        self.reload()
        self.decision_saved.emit()
        self._host.record_changed("justice")

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.status.setText(self.tr("Nothing was saved."))
        self.form_error.show_message(message_of(exc))
        self._update_buttons()
        widget = {"decision": self.decision, "decided_on": self.decided_on, "decided_by_name": self.decided_by,
                  "reason": self.reason, "screening_id": self.screening, "disclosure_id": self.share,
                  "identification_decision_id": self.identification}.get(str(getattr(exc, "field", "")))  # fmt: skip
        if widget is not None and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        form = self.form_open
        for widget in (self.record_button, self.revise_button):
            widget.setEnabled(not form and not self._busy and self._view is not None)
        self.save_button.setEnabled(form and not self._busy)
        self.cancel_button.setEnabled(form and not self._busy)

    def clear(self) -> None:
        self._generation += 1
        self._person_id = self._matter_id = None
        self._view = None
        self._pending_form = None
        self._busy = False
        self.decided_by.clear()
        self.close_form()
        self.current.clear()
        self.history.clear()
        self.status.clear()
        self.screening.clear()
        self.share.clear()
        self.hide()


# --- the editor ---------------------------------------------------------------------------------------------------


class JusticeEditor(QWidget):
    """One justice contact: its fields and charges, Save, Undo, Delete. Implements ``DraftAware``."""

    #: Saved; carries the record id (new records get theirs here).
    saved = Signal(str)
    deleted = Signal(str)

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self._record_id: str | None = None
        self._open = False  # showing a record or a new one (False only before loading and after clear)
        self._busy = False
        self._focus_before: QWidget | None = None
        self.fields = FieldSet()

        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Justice contact form"))
        body = QWidget(self.scroll_area)
        self.scroll_area.setWidget(body)

        self.copy_button = plain_button(self.tr("Copy"), self.tr("Copy the docket number"), body)
        self.copy_button.setToolTip(
            self.tr("Copy the docket number; it is cleared from the clipboard after a short while")
        )
        self.copy_button.clicked.connect(self._copy_docket)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        next_row = self.fields.add_rows(self._specs(), grid, body, beside={"docket_number": self.copy_button})
        self._fit_choices()
        # "Declined" here is the prosecution's, not the person's choice (the catalogue's "Declined" is the person's).
        disposition = self.fields.widgets["disposition"]
        if isinstance(disposition, ChoiceBox):
            index = disposition.findData("declined")
            if index >= 0:
                disposition.setItemText(index, self.tr("Declined"))
        self.charges = ChargesEditor(body)
        charges_label = QLabel(self.tr("Charges"), body)
        heading = QFont(charges_label.font())
        heading.setWeight(QFont.Weight.DemiBold)
        charges_label.setFont(heading)
        charges_label.setContentsMargins(0, 8, 0, 0)
        grid.addWidget(charges_label, next_row, 0, 1, 2)
        grid.addWidget(self.charges, next_row + 1, 0, 1, 2)
        #: The matter's charging decisions (prosecution vaults only; hidden elsewhere and for a new matter).
        self.charging = ChargingPanel(host, body)
        self.charging.decision_saved.connect(self._decision_saved)
        grid.addWidget(self.charging, next_row + 2, 0, 1, 2)
        column_of(body, grid, 1, margins=(2, 2, 14, 14))

        self.confirm = ConfirmBar(self.tr("Delete it"), self.tr("Keep it"), self)
        self.confirm.confirmed.connect(self._delete_confirmed)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Justice contact status"))
        self.delete_button = plain_button(self.tr("Delete…"), self.tr("Delete this justice contact"), self)
        self.revert_button = plain_button(
            self.tr("Undo changes"), self.tr("Undo the changes to this justice contact"), self
        )
        self.save_button = plain_button(self.tr("Save"), self.tr("Save this justice contact"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.delete_button.clicked.connect(self._ask_delete)
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)

        actions = row_of(self.delete_button, (self.status, 1), self.revert_button, self.save_button, spacing=10)

        column_of(self, self.title, (self.scroll_area, 1), self.confirm, actions, margins=(0, 0, 0, 0), spacing=8)

        save = QAction(self.tr("Save this justice contact"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self._save_shortcut)
        self.addAction(save)

        order: list[QWidget] = []
        for name, widget in self.fields.widgets.items():
            order.append(widget)
            if name == "docket_number":
                order.append(self.copy_button)
        order += [self.charges.add_button, self.charging.record_button, self.charging.revise_button,
                  self.charging.decision, self.charging.decided_on, self.charging.decided_by, self.charging.reason,
                  self.charging.identification, self.charging.screening, self.charging.account, self.charging.share,
                  self.charging.cancel_button, self.charging.save_button, self.delete_button, self.revert_button,
                  self.save_button]  # fmt: skip
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.fields.connect_changes(self._update_buttons)
        self.charges.changed.connect(self._update_buttons)
        self.fields.widgets["docket_number"].textChanged.connect(lambda _t: self._update_buttons())  # type: ignore[attr-defined]
        self.setFocusProxy(self.fields.widgets["role"])
        self._update_buttons()

    # --- what it shows ---------------------------------------------------------------------------------------------

    @property
    def record_id(self) -> str | None:
        return self._record_id

    def set_person(self, person_id: str | None) -> None:
        self._person_id = person_id

    def open_record(self, record: dict[str, Any] | None) -> None:
        """Show a saved matter, or an empty form for a new one (``None``)."""
        same = self._open and record is not None and record.get("id") == self._record_id
        focus = QApplication.focusWidget()
        cursor = focus.cursorPosition() if same and isinstance(focus, QLineEdit) and self.isAncestorOf(focus) else None
        self._open = self._person_id is not None
        self._record_id = record.get("id") if record else None
        self.fields.load(record or {})
        if cursor is not None and isinstance(focus, QLineEdit):  # read again after a save: typing carries on there
            focus.setCursorPosition(min(cursor, len(focus.text())))
        self.charges.load((record or {}).get("charges") or [])
        self.confirm.dismiss()
        self.title.setText(self.tr("Justice contact") if record else self.tr("New justice contact"))
        self.charging.show_matter(self._person_id, self._record_id)
        if not same:  # the same matter read again after a save keeps its "Saved."
            self.status.setText("")
        self._update_buttons()

    def _decision_saved(self) -> None:
        """The status under the matter speaks of the matter: a charging decision saved since makes it stale."""
        self.status.setText("")

    def clear(self) -> None:
        self._person_id = None
        self._record_id = None
        self._open = False
        self._busy = False
        self.fields.clear()
        self.charges.clear()
        self.charging.clear()
        self.confirm.dismiss()
        self.title.setText("")
        self.status.setText("")
        self._update_buttons()

    def is_dirty(self) -> bool:
        return self._open and (self.fields.differs() or self.charges.differs())

    # --- DraftAware --------------------------------------------------------------------------------------------

    def draft_slot(self) -> str | None:
        if not self._open or self._person_id is None:
            return None
        return f"justice:{self._person_id}:{self._record_id or 'new'}"

    def has_draft(self) -> bool:
        return self.is_dirty() or self.charging.is_dirty()

    def draft_state(self) -> dict[str, Any]:
        return {
            "record_id": self._record_id,
            "fields": self.fields.state(),
            "charges": self.charges.state(),
            "focus": self.fields.focused_field(),
            "charging": self.charging.form_state() if self.charging.is_dirty() else None,
        }

    def restore_draft(self, state: dict[str, Any]) -> None:
        self.fields.restore(state.get("fields") or {})
        self.charges.restore(state.get("charges") or [])
        if state.get("charging") and self._record_id is not None:
            self.charging.restore_form(state["charging"])
        self._update_buttons()

    # --- saving and deleting ------------------------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        if self._record_id is None:
            values = {k: v for k, v in self.fields.values().items() if v not in (None, "", [])}
            values["charges"] = self.charges.value()
            return values
        changes = self.fields.changes()
        if self.charges.differs():
            changes["charges"] = self.charges.value()
        return changes

    def _save_shortcut(self) -> None:
        """Ctrl+S saves what the keyboard is in: the charging decision form, or the justice contact."""
        if self.charging.owns_focus():
            self.charging.save()
        else:
            self.save()

    def save(self) -> None:
        person_id, record_id = self._person_id, self._record_id
        if person_id is None or not self._open or self._busy:
            return
        if not self.is_dirty() and record_id is not None:
            self.status.setText(self.tr("Nothing has changed, so there is nothing to save."))
            return
        values = self._values()
        self.fields.clear_errors()
        self.charges.error.clear_message()
        # The fields are disabled while saving, which sends the keyboard elsewhere: it comes back here after.
        focus = QApplication.focusWidget()
        self._focus_before = focus if focus is not None and self.isAncestorOf(focus) else None
        self._set_busy(True, self.tr("Saving…"))
        if not self._host.run(lambda ws: save_justice(ws, person_id, record_id, values), self._saved, self._failed):
            self._set_busy(False, "")

    def revert(self) -> None:
        if not self._open:
            return
        self.fields.reset()
        self.charges.load(self.charges._loaded)
        self.status.setText(self.tr("Changes undone."))
        self._update_buttons()

    def _saved(self, record_id: str) -> None:
        self._record_id = record_id
        self.fields.accept()
        self.charges.accept()
        self.title.setText(self.tr("Justice contact"))
        self._set_busy(False, self.tr("Saved."))
        self._return_focus()
        self.saved.emit(record_id)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()  # enabled again first, so the field with the problem can take the keyboard
        field = self.fields.show_error(exc)
        if field is None and getattr(exc, "field", None) == "charges":
            self.charges.error.show_message(message_of(exc))
            field = "charges"
        reason = self.tr("Please look at the field marked in red.") if field else message_of(exc)
        self._set_busy(False, self.tr("Nothing was saved. {reason}").format(reason=reason))
        if field is None or field == "charges":
            self._return_focus()
        else:
            self._focus_before = None

    def _return_focus(self) -> None:
        widget, self._focus_before = self._focus_before, None
        if widget is not None and widget.isVisible() and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask_delete(self) -> None:
        if self._record_id is None or self._busy:
            return
        self.confirm.ask(
            self.tr(
                "Delete this justice contact? It disappears from this person's record here, and from the office's "
                "copy at the next sync. The history keeps a line saying it was deleted."
            )
        )

    def _delete_confirmed(self) -> None:
        record_id = self._record_id
        if record_id is None:
            return
        self._set_busy(True, self.tr("Deleting…"))
        if not self._host.run(lambda ws: delete_justice(ws, record_id), lambda _r: self._deleted(record_id),
                              self._failed):  # fmt: skip
            self._set_busy(False, "")

    def _deleted(self, record_id: str) -> None:
        self._busy = False
        self.open_record(None)
        self.status.setText(self.tr("Deleted."))
        self.deleted.emit(record_id)

    def _copy_docket(self) -> None:
        text = self.fields.widgets["docket_number"].text().strip()  # type: ignore[attr-defined]
        if not text:
            return
        clipboard.copy_sensitive(text)
        seconds = clipboard.guard().clear_after_seconds
        self.status.setText(
            ngettext(
                "Docket number copied. It will be cleared from the clipboard in {n} second.",
                "Docket number copied. It will be cleared from the clipboard in {n} seconds.",
                seconds,
            ).format(n=seconds)
        )

    def _set_busy(self, busy: bool, message: str) -> None:
        self._busy = busy
        self.status.setText(message)
        self._update_buttons()

    def _fit_choices(self) -> None:
        """At large text in a longer language, the widest label beside the widest choice can pass what fits beside
        the side list: the choices then show fewer characters closed (the open list still shows them whole)."""
        room = WIDEST_ROW - 60
        labels = [label.minimumSizeHint().width() for label in self.fields.labels.values()]
        boxes = [w for w in self.fields.widgets.values() if isinstance(w, ChoiceBox)]
        if not boxes or not labels:
            return
        over = max(labels) + 14 + max(b.minimumSizeHint().width() for b in boxes) - room
        if over <= 0:
            return
        for box in boxes:  # the layout may make a box this narrow (its size hint is cached at the longer length)
            box.setMinimumWidth(max(box.minimumSizeHint().width() - over, box.fontMetrics().averageCharWidth() * 12))

    def _specs(self) -> tuple[FieldSpec, ...]:
        """The matter's fields with their labels in the app's language."""
        return tuple(replace(spec, label=self.tr(spec.label)) for spec in JUSTICE_FIELDS)

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        new = self._open and self._record_id is None
        self.save_button.setEnabled(self._open and (dirty or new) and not self._busy)
        self.revert_button.setEnabled(dirty and not self._busy)
        self.delete_button.setEnabled(self._open and self._record_id is not None and not self._busy)
        self.delete_button.setVisible(self._record_id is not None)
        docket = self.fields.widgets["docket_number"].text().strip()  # type: ignore[attr-defined]
        self.copy_button.setEnabled(bool(docket))
        for widget in [*self.fields.widgets.values(), self.charges]:
            widget.setEnabled(self._open and not self._busy)
        if dirty and self.status.text() in (self.tr("Saved."), self.tr("Changes undone."), self.tr("Deleted.")):
            self.status.setText("")


class _DraftPort(QWidget):
    """Invisible holder of one justice draft slot: hands a restored draft to the editor, opening that matter."""

    def __init__(self, slot: str, deliver: Callable[[dict[str, Any]], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._slot = slot
        self._deliver = deliver
        self.setFixedSize(0, 0)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def draft_slot(self) -> str | None:
        return self._slot

    def has_draft(self) -> bool:
        return False  # the editor itself reports what it holds

    def draft_state(self) -> dict[str, Any]:
        return {}

    def restore_draft(self, state: dict[str, Any]) -> None:
        self._deliver(state)


# --- the section ----------------------------------------------------------------------------------------------------


class JusticeSection(QWidget):
    """The person's justice-system matters: the list, and the editor for the one chosen."""

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self._records: list[dict[str, Any]] = []
        self._ports: list[_DraftPort] = []
        self._pending_row: int | None = None
        self._show_first = False  # after a delete, open the first matter left

        self.list_panel = QWidget(self)
        self.matters = QListWidget(self.list_panel)
        self.matters.setAccessibleName(self.tr("Justice contacts"))
        self.matters.setAccessibleDescription(
            self.tr("Justice-system matters this person is part of. Choose one to edit it.")
        )
        self.matters.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Rows wrap at the list's width instead of ending in "…" (a docket and court at twice the text size); no
        # padding at the sides, which Qt leaves out when it measures a wrapped row (its last words were cut).
        self.matters.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matters.setWordWrap(True)
        self.matters.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.matters.setAlternatingRowColors(True)
        self.matters.setStyleSheet("QListWidget::item { padding: 6px 0px; }")
        self.empty = QLabel(self.tr("No justice contacts recorded for this person."), self.list_panel)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.add_button = plain_button(
            self.tr("Add a justice contact"), self.tr("Add a justice contact"), self.list_panel
        )
        self.add_button.clicked.connect(self._add_clicked)
        self.switch_confirm = ConfirmBar(self.tr("Discard changes"), self.tr("Keep editing"), self.list_panel)
        self.switch_confirm.confirmed.connect(self._switch_confirmed)
        self.switch_confirm.cancelled.connect(self._switch_cancelled)
        list_layout = column_of(
            self.list_panel, (self.matters, 1), self.empty, self.switch_confirm, margins=(0, 0, 0, 0), spacing=8
        )
        list_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.editor = JusticeEditor(host, self)
        self.editor.saved.connect(lambda _id: self._host.record_changed("justice"))
        self.editor.deleted.connect(self._deleted)

        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.split.setContentsMargins(0, 0, 0, 0)
        self.split.setSpacing(24)
        self.split.addWidget(self.list_panel, 2)
        self.split.addWidget(self.editor, 3)
        self.list_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self.matters.currentRowChanged.connect(self._row_chosen)
        QWidget.setTabOrder(self.matters, self.add_button)
        QWidget.setTabOrder(self.add_button, self.editor.fields.widgets["role"])
        self.setFocusProxy(self.matters)

    # --- loading ------------------------------------------------------------------------------------------------

    def load(self, person_id: str, records: list[dict[str, Any]]) -> None:
        """Show the person's matters; the editor keeps unsaved typing, otherwise shows the chosen matter again."""
        same_person = person_id == self._person_id
        self._person_id = person_id
        self._records = records
        self.editor.set_person(person_id)
        self.matters.blockSignals(True)
        self.matters.clear()
        for matter in records:
            item = add_row(self.matters, self._row(matter))
            item.setData(Qt.ItemDataRole.UserRole, matter["id"])
            item.setToolTip(self._row(matter))
        self.matters.blockSignals(False)
        self.empty.setVisible(not records)
        self._fit_list()
        self._make_ports(person_id, records)
        keep = self.editor.record_id if same_person else None
        if same_person and self.editor.is_dirty():
            self._select(keep)
            return
        record = next((r for r in records if r["id"] == keep), None) if keep else None
        staying_new = same_person and self.editor.record_id is None and self.editor.draft_slot() is not None
        if record is None and (self._show_first or not staying_new):
            record = records[0] if records else None
        self._show_first = False
        self.editor.open_record(record)
        self._select(record["id"] if record else None)

    def _deleted(self, _record_id: str) -> None:
        self._show_first = True
        self._host.record_changed("justice")

    @staticmethod
    def _row(record: dict[str, Any]) -> str:
        """Two lines: role and where the matter stands; then the docket number and the court."""
        if record.get("disposition") == "declined":  # the prosecution declined: the editor's word, not the person's
            status = QCoreApplication.translate("JusticeEditor", "Declined")
        else:
            status = _choice("disposition", record.get("disposition")) or _choice(
                "case_status", record.get("case_status")
            )
        first = " · ".join(p for p in (_choice("role", record.get("role")), status) if p)
        docket = record.get("docket_number")
        where = (_("Docket {number}").format(number=docket) if docket else "", record.get("court") or "")
        second = " · ".join(p for p in where if p)
        return f"{first}\n{second}" if second else f"{first}\n" + _("No docket number yet")

    def _record_id(self, row: int) -> str | None:
        item = self.matters.item(row)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _make_ports(self, person_id: str, records: list[dict[str, Any]]) -> None:
        for port in self._ports:
            port.setParent(None)
            port.deleteLater()
        self._ports = [
            _DraftPort(f"justice:{person_id}:{key}", functools.partial(self._deliver, key), self)
            for key in [*(r["id"] for r in records), "new"]
        ]

    def _deliver(self, key: str, state: dict[str, Any]) -> None:
        """A draft saved at the last lock comes back: open its matter (or a new one), then put the typing back."""
        record = None if key == "new" else next((r for r in self._records if r["id"] == key), None)
        if key != "new" and record is None:
            return
        self.editor.open_record(record)
        self._select(record["id"] if record else None)
        self.editor.restore_draft(state)

    def _select(self, record_id: str | None) -> None:
        self.matters.blockSignals(True)
        try:
            for row in range(self.matters.count()):
                if self._record_id(row) == record_id:
                    self.matters.setCurrentRow(row)
                    break
            else:
                self.matters.setCurrentRow(-1)
                self.matters.clearSelection()
        finally:
            self.matters.blockSignals(False)

    def clear(self) -> None:
        self._person_id = None
        self._records = []
        for port in self._ports:
            port.setParent(None)
            port.deleteLater()
        self._ports = []
        self.matters.clear()
        self.empty.hide()
        self.switch_confirm.dismiss()
        self.editor.clear()

    # --- choosing -----------------------------------------------------------------------------------------------

    def _row_chosen(self, row: int) -> None:
        if row < 0:
            return
        record_id = self._record_id(row)
        if record_id == self.editor.record_id:
            return
        if self.editor.has_draft():
            self._pending_row = row
            self._select(self.editor.record_id)
            self.switch_confirm.ask(self._unsaved_question())
            return
        self._open_row(row)

    def _open_row(self, row: int) -> None:
        record_id = self._record_id(row)
        record = next((r for r in self._records if r["id"] == record_id), None)
        self.editor.open_record(record)
        self._select(record_id)

    def _add_clicked(self) -> None:
        if self.editor.has_draft():
            self._pending_row = -1
            self.switch_confirm.ask(self._unsaved_question())
            return
        self._start_new()

    def _unsaved_question(self) -> str:
        if self.editor.is_dirty():
            return self.tr("This justice contact has changes that are not saved. Discard them?")
        return self.tr("The charging decision you started is not saved. Discard it?")

    def _start_new(self) -> None:
        self.editor.open_record(None)
        self._select(None)
        self.editor.fields.widgets["role"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _switch_confirmed(self) -> None:
        row, self._pending_row = self._pending_row, None
        if row is None:
            return
        if row < 0:
            self._start_new()
        else:
            self._open_row(row)

    def _switch_cancelled(self) -> None:
        self._pending_row = None
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- layout ---------------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() >= SIDE_BY_SIDE_EM * self.fontMetrics().horizontalAdvance("M")
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.split.direction() != direction:
            self.split.setDirection(direction)
            self.split.setStretch(0, 2 if wide else 0)  # stacked, the list keeps to its own height
        self._fit_list()

    def _fit_list(self) -> None:
        """Stacked (narrow window or large text), the list takes at most two matters' height: the editor needs room."""
        if self.split.direction() == QBoxLayout.Direction.LeftToRight:
            self.matters.setMaximumHeight(16_777_215)
            return
        count = self.matters.count()
        row = self.matters.sizeHintForRow(0) if count else self.matters.fontMetrics().lineSpacing() * 2 + 12
        shown = min(max(self.matters.count(), 1), 2)
        self.matters.setMaximumHeight(row * shown + 2 * self.matters.frameWidth() + 4)


__all__ = ["ChargesEditor", "ChargingPanel", "JusticeEditor", "JusticeSection"]
