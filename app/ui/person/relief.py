"""Record relief for one person: the case and its status, the deadlines (soonest on top), each charge with the relief
sought and its outcome, the petitions, and the jurisdiction's rules shown as guidance.

One page lists everything; adding or changing a record swaps in a plain form (Save with Ctrl+S, or Cancel), so one
thing is in focus at a time. All reading and writing runs on the worker through ``host.run``. The rules come from
data files (``app.content.relief_rules``); the bundled ones are an example and say so on screen.

:class:`DisclosureReviewPanel` is the prosecution's disclosure review for the same person, kept here as its own
widget for the person workspace to show to the prosecution regime only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.disclosure_review import DisclosureReview, gather_review
from app.core.i18n import N_, _
from app.core.relief import (
    OUTCOME_WORDS,
    CaseView,
    DeadlineRow,
    ReliefOverview,
    ReliefService,
    eligibility_words,
    outcome_words,
    position_words,
    relief_words,
    status_words,
)
from app.core.timeline import day_words
from app.core.vault_access import save_file
from app.models import ChargeOutcome, ReliefCharge, ReliefDeadline, ReliefPetition
from app.reports.disclosure_review import disclosure_review_pdf, suggested_file_name
from app.ui.file_dialogs import save_file_name
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import box_style, list_selection_style, qcolor, text_style
from app.ui.person.fields import (
    MAX_CHOICE_PX,
    WIDEST_ROW,
    ChoiceBox,
    ErrorLine,
    column_of,
    heading_label,
    plain_button,
    row_of,
    wrapped_label,
)
from app.ui.person.forms import FieldSpec, message_of, specs_of
from app.ui.person.host import PersonHost
from app.ui.person.record_form import RecordFormPage
from app.ui.person.section_pages import show_page, stacked_pages
from app.ui.qt import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QCoreApplication,
    QFont,
    QFontMetrics,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QResizeEvent,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from app.ui.rows import add_row
from app.ui.style import readable_checkbox

if TYPE_CHECKING:
    from app.core.workspace import Workspace

CHARGE_FIELDS = specs_of(
    ReliefCharge,
    # The offense column keeps its first (British) spelling in the stored records and the protocol: named, not typed.
    f"{ReliefCharge.offence.key} statute level arrest_date arresting_agency court county state docket_number "
    "disposition disposition_date sentence_status relief_sought eligibility",
    offence={"label": QT_TRANSLATE_NOOP("ReliefSection", "Offense"),
             "hint": QT_TRANSLATE_NOOP("ReliefSection", "As written on the docket")},
    disposition={"hint": QT_TRANSLATE_NOOP("ReliefSection", "For example: convicted, plea, dismissed")},
    relief_sought={"empty": QT_TRANSLATE_NOOP("fields", "Not chosen yet")},
)  # fmt: skip
PETITION_FIELDS = specs_of(
    ReliefPetition,
    "legal_basis representation filing_court filed_on prosecutor_position hearing_on records_corrected_on",
    legal_basis={"hint": QT_TRANSLATE_NOOP("ReliefSection", "The statute or rule the petition relies on")},
)
DEADLINE_FIELDS = specs_of(
    ReliefDeadline,
    "kind due_on note",
    kind={"empty": None},
    note={"hint": QT_TRANSLATE_NOOP("ReliefSection", "What is due, in a few words")},
)
DECISION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("decided_on", "date", QT_TRANSLATE_NOOP("ReliefSection", "Date of the decision"), required=True),
    FieldSpec("order_reference", "text", QT_TRANSLATE_NOOP("ReliefSection", "Order reference")),
)
#: The forms' field labels (the columns' own words), for the catalogue: shown through the section's tr().
FIELD_WORDS = (
    QT_TRANSLATE_NOOP("ReliefSection", "Statute"),
    QT_TRANSLATE_NOOP("ReliefSection", "Level"),
    QT_TRANSLATE_NOOP("ReliefSection", "Arrest date"),
    QT_TRANSLATE_NOOP("ReliefSection", "Arresting agency"),
    QT_TRANSLATE_NOOP("ReliefSection", "Court"),
    QT_TRANSLATE_NOOP("ReliefSection", "County"),
    QT_TRANSLATE_NOOP("ReliefSection", "State"),
    QT_TRANSLATE_NOOP("ReliefSection", "Docket number"),
    QT_TRANSLATE_NOOP("ReliefSection", "Disposition"),
    QT_TRANSLATE_NOOP("ReliefSection", "Date of conviction or disposition"),
    QT_TRANSLATE_NOOP("ReliefSection", "Sentence status"),
    QT_TRANSLATE_NOOP("ReliefSection", "Relief sought"),
    QT_TRANSLATE_NOOP("ReliefSection", "Eligibility"),
    QT_TRANSLATE_NOOP("ReliefSection", "Legal basis"),
    QT_TRANSLATE_NOOP("ReliefSection", "Representation"),
    QT_TRANSLATE_NOOP("ReliefSection", "Filing court"),
    QT_TRANSLATE_NOOP("ReliefSection", "Filed on"),
    QT_TRANSLATE_NOOP("ReliefSection", "Prosecutor's position"),
    QT_TRANSLATE_NOOP("ReliefSection", "Hearing date"),
    QT_TRANSLATE_NOOP("ReliefSection", "Records confirmed corrected on"),
    QT_TRANSLATE_NOOP("ReliefSection", "Kind of deadline"),
    QT_TRANSLATE_NOOP("ReliefSection", "Due on"),
    QT_TRANSLATE_NOOP("ReliefSection", "Note"),
)
#: The forms' choices as people read them (the stored value is the key), in the words the English form always showed.
LEVEL_WORDS = {
    "felony": N_("Felony"),
    "misdemeanor": N_("Misdemeanor"),
    "violation": N_("Violation"),
    "juvenile": N_("Juvenile"),
    "other": N_("Other"),
}
SOUGHT_WORDS = {
    "vacatur": N_("Vacatur"),
    "expungement": N_("Expungement"),
    "sealing": N_("Sealing"),
    "other": N_("Other"),
}
ELIGIBLE_WORDS = {"unknown": N_("Unknown"), "eligible": N_("Eligible"), "not_eligible": N_("Not eligible")}
POSITION_CHOICES = {
    "consents": N_("Consents"),
    "no_objection": N_("No objection"),
    "opposes": N_("Opposes"),
    "unknown": N_("Unknown"),
}
KIND_WORDS = {
    "filing_limit": N_("Filing limit"),
    "response": N_("Response"),
    "hearing": N_("Hearing"),
    "appeal": N_("Appeal"),
    "other": N_("Other"),
}

#: The palette role of a deadline's text, by its state.
_STATE_COLOURS = {"overdue": "danger", "due_soon": "warning", "upcoming": "text", "done": "quiet"}


#: The widest a row of this section lays itself out before it takes another line: what is left beside the side list
#: at 1280 pixels when the language's section names are long (Spanish) and the text is twice its size.
_ROOM = WIDEST_ROW - 60


def _button_rows(buttons: Sequence[QWidget]) -> QVBoxLayout:
    """The buttons left to right, starting a new row where the next would pass :data:`_ROOM`."""
    rows = QVBoxLayout()
    rows.setSpacing(6)
    line: list[QWidget] = []
    width = 0
    for button in buttons:
        needed = button.sizeHint().width() + (8 if line else 0)
        if line and width + needed > _ROOM:
            rows.addLayout(row_of(*line, 1, spacing=8))
            line, width = [], 0
            needed = button.sizeHint().width()
        line.append(button)
        width += needed
    if line:
        rows.addLayout(row_of(*line, 1, spacing=8))
    return rows


def _labels(words: dict[str, str]) -> dict[str, str]:
    """Choice words (marked for the core's catalogue) in the app's language."""
    return {key: _(text) for key, text in words.items()}


def _list_style() -> str:
    """A chosen row is a quiet tint, not a block of colour: three lists are on screen and only one has the keyboard."""
    return "QListWidget::item { padding: 7px 8px; }" + list_selection_style()


def _heading(text: str, parent: QWidget, scale: float = 1.05) -> QLabel:
    return heading_label(text, parent, scale)


def _quiet(text: str, parent: QWidget) -> QLabel:
    return wrapped_label(text, parent, text_style("quiet"))


def _list(name: str, description: str, parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setWordWrap(True)
    widget.setAlternatingRowColors(True)
    widget.setStyleSheet(_list_style())
    return widget


def _fit(widget: QListWidget, empty_rows: int = 1) -> None:
    """Show every row: the page scrolls, not each list."""
    rows = widget.count()
    # Each row as tall as its words wrapped to the list's width (the row's own size hint does not wrap them, so at
    # large text a row of two lines was cut off), and never less than that hint.
    wrap = max(widget.viewport().width() - 20, 60)
    height = 0
    for i in range(rows):
        item = widget.item(i)
        font = item.font() if item.data(Qt.ItemDataRole.FontRole) is not None else widget.font()
        words = QFontMetrics(font).boundingRect(0, 0, wrap, 100_000, Qt.TextFlag.TextWordWrap, item.text())
        height += max(widget.sizeHintForRow(i), words.height() + 16)
    if not rows:
        height = (widget.fontMetrics().lineSpacing() + 14) * empty_rows
    widget.setFixedHeight(height + 2 * widget.frameWidth() + 4)


def deadline_text(row: DeadlineRow) -> str:
    first = f"{row.when_words} · {row.title} · {day_words(row.due_on)}"
    return f"{first}\n{row.note}" if row.note else first


def _level(level: str | None) -> str:
    if not level:
        return _("Level not recorded")
    words = LEVEL_WORDS.get(level)
    return _(words) if words else level.replace("_", " ").capitalize()


def charge_text(charge: dict[str, Any]) -> str:
    parts = [_level(charge.get("level")), charge.get("offence") or _("Offense not recorded")]
    if charge.get("docket_number"):
        parts.append(_("Docket {number}").format(number=charge["docket_number"]))
    if charge.get("disposition_date"):
        parts.append(_("Disposed {day}").format(day=day_words(charge["disposition_date"])))
    sought = relief_words(charge.get("relief_sought")) or _("Relief not chosen yet")
    second = _("{relief} · Eligibility: {eligibility} · Outcome: {outcome}").format(
        relief=sought,
        eligibility=eligibility_words(charge.get("eligibility")).lower(),
        outcome=outcome_words(charge.get("outcome")).lower(),
    )
    return " · ".join(parts) + "\n" + second


def petition_text(petition: dict[str, Any]) -> str:
    relief = ", ".join(relief_words(t) for t in petition.get("relief_types") or []) or _("Relief not chosen yet")
    filed = (
        _("Filed {day}").format(day=day_words(petition["filed_on"])) if petition.get("filed_on") else _("Not filed yet")
    )
    court = petition.get("filing_court")
    first = " · ".join(p for p in (relief, filed, _("in {court}").format(court=court) if court else "") if p)
    hearing = (
        _("Hearing {day}").format(day=day_words(petition["hearing_on"]))
        if petition.get("hearing_on")
        else _("No hearing set")
    )
    second = _("Prosecution: {position} · {hearing} · Outcome: {outcome}").format(
        position=position_words(petition.get("prosecutor_position")).lower(),
        hearing=hearing,
        outcome=outcome_words(petition.get("outcome")).lower(),
    )
    return f"{first}\n{second}"


# --- the form page ----------------------------------------------------------------------------------------------


class FormPage(RecordFormPage):
    """One record's form: a title, the fields, optional extras (charges to include, outcomes), Save and Cancel."""

    def __init__(self, section: ReliefSection) -> None:
        super().__init__(
            section,
            section,
            form_name=QCoreApplication.translate("ReliefSection", "Record relief form"),
            cancel_words=QCoreApplication.translate("ReliefSection", "Cancel and go back to record relief"),
        )


# --- the section ------------------------------------------------------------------------------------------------


class ReliefSection(QWidget):
    """The person's record-relief work. Implements the workspace's self-loading section protocol."""

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._person_id: str | None = None
        self._overview: ReliefOverview | None = None
        self._case_id: str | None = None

        self.pages, self.main_scroll, self.main = stacked_pages(self, self.tr("Record relief"))
        self.form = FormPage(self)
        self.pages.addWidget(self.form)

        m = self.main
        self.heading = _heading(self.tr("Record relief"), m, 1.15)
        self.heading.setWordWrap(True)  # "Record relief · <the jurisdiction>" took 815 px at twice the text size
        self.message = QLabel(m)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Record relief message"))

        # No case yet: what this is for, and how to start.
        self.start_panel = QWidget(m)
        self.start_text = _quiet(
            self.tr(
                "Track the work to clear this person's record here: each arrest or conviction that may be vacated, "
                "expunged or sealed, the petitions and hearings, and the deadlines that must not be missed. Start "
                "with the jurisdiction whose rules apply."
            ),
            self.start_panel,
        )
        self.jurisdiction = ChoiceBox("jurisdiction", [], empty=None, parent=self.start_panel)
        self.jurisdiction.setAccessibleName(self.tr("Jurisdiction"))
        self.start_button = plain_button(
            self.tr("Start record relief"), self.tr("Start record relief"), self.start_panel
        )
        self.start_button.clicked.connect(self._start_case)
        jurisdiction_label = QLabel(self.tr("Jurisdiction"), self.start_panel)
        jurisdiction_label.setBuddy(self.jurisdiction)
        # The choice is filled later: counted at twenty letters (a state's name), at most what a choice shows.
        choice = min(MAX_CHOICE_PX, self.jurisdiction.fontMetrics().horizontalAdvance("x" * 20))
        start_row: QBoxLayout
        if jurisdiction_label.sizeHint().width() + choice + self.start_button.sizeHint().width() + 16 > _ROOM:
            # Large text or a longer language: the button under the choice (on one line the row took 883 px).
            start_row = column_of(
                None,
                row_of(jurisdiction_label, self.jurisdiction, 1, spacing=8),
                row_of(self.start_button, 1),
                spacing=6,
            )
        else:
            start_row = row_of(jurisdiction_label, self.jurisdiction, self.start_button, 1, spacing=8)
        column_of(self.start_panel, self.start_text, start_row, margins=(0, 0, 0, 0))

        # The case: which one, its status, how to move it on.
        self.case_panel = QWidget(m)
        self.case_picker = ChoiceBox("case", [], empty=None, parent=self.case_panel)
        self.case_picker.setAccessibleName(self.tr("Relief case"))
        self.case_picker.currentIndexChanged.connect(self._case_chosen)
        self.status_label = QLabel(self.case_panel)
        self.status_label.setWordWrap(True)  # "Status: ... · Represented by ..." wraps rather than widen the page
        self.status_label.setAccessibleName(self.tr("Case status"))
        font = QFont(self.status_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.05)
        self.status_label.setFont(font)
        self.next_status = ChoiceBox("status", [], empty=self.tr("Choose the new status"), parent=self.case_panel)
        self.next_status.setAccessibleName(self.tr("New status"))
        self.status_note = QLineEdit(self.case_panel)
        self.status_note.setAccessibleName(self.tr("Note on the status change"))
        self.status_note.setPlaceholderText(self.tr("Note on the change (optional)"))
        self.status_button = plain_button(self.tr("Change status"), self.tr("Change status"), self.case_panel)
        self.status_button.clicked.connect(self._change_status)
        self.status_error = ErrorLine(self.case_panel)
        next_status_label = QLabel(self.tr("New status"), self.case_panel)
        next_status_label.setBuddy(self.next_status)
        status_parts = (next_status_label, self.next_status, self.status_note, self.status_button)
        status_row: QBoxLayout
        if sum(w.sizeHint().width() for w in status_parts) + 24 > _ROOM:
            # Large text or a longer language: the choice on one line, the note and the button under it.
            status_row = column_of(
                None,
                row_of(next_status_label, self.next_status, 1, spacing=8),
                row_of((self.status_note, 1), self.status_button, spacing=8),
                spacing=6,
            )
        else:
            status_row = row_of(next_status_label, self.next_status, (self.status_note, 1), self.status_button,
                                spacing=8)  # fmt: skip
        case_top = QHBoxLayout()
        case_top.addWidget(self.status_label, 1)
        self.case_label = QLabel(self.tr("Relief case"), self.case_panel)
        self.case_label.setBuddy(self.case_picker)
        case_top.addWidget(self.case_label)
        case_top.addWidget(self.case_picker)
        column_of(self.case_panel, case_top, status_row, self.status_error, margins=(0, 0, 0, 0), spacing=6)

        self.rules_box = QLabel(m)
        self.rules_box.setObjectName("relief-rules")
        self.rules_box.setWordWrap(True)
        self.rules_box.setTextFormat(Qt.TextFormat.PlainText)
        self.rules_box.setAccessibleName(self.tr("Jurisdiction rules, as guidance"))
        self.rules_box.setStyleSheet(box_style("#relief-rules", "calm", padding="10px"))

        self.deadlines = _list(self.tr("Deadlines"), self.tr("Deadlines for this case, the one due soonest first."), m)
        self.deadlines_empty = _quiet(self.tr("No deadlines yet."), m)
        self.add_deadline_button = plain_button(self.tr("Add a deadline"), self.tr("Add a deadline"), m)
        self.done_button = plain_button(self.tr("Mark done"), self.tr("Mark the chosen deadline done"), m)
        self.add_deadline_button.clicked.connect(self._add_deadline)
        self.done_button.clicked.connect(self._toggle_done)
        self.deadlines.currentRowChanged.connect(lambda _r: self._update_buttons())

        self.charges = _list(
            self.tr("Charges"), self.tr("Each arrest or conviction with the relief sought and its outcome."), m
        )
        self.charges_empty = _quiet(
            self.tr("No charges yet. Add each arrest or conviction from the records you gather."), m
        )
        self.add_charge_button = plain_button(self.tr("Add a charge"), self.tr("Add a charge"), m)
        self.edit_charge_button = plain_button(self.tr("Change charge"), self.tr("Change the chosen charge"), m)
        self.add_charge_button.clicked.connect(self._add_charge)
        self.edit_charge_button.clicked.connect(self._edit_charge)
        self.charges.itemActivated.connect(lambda _i: self._edit_charge())
        self.charges.currentRowChanged.connect(lambda _r: self._update_buttons())

        self.petitions = _list(
            self.tr("Petitions"), self.tr("Petitions filed or being prepared, with the court's decision."), m
        )
        self.petitions_empty = _quiet(self.tr("No petitions yet."), m)
        self.add_petition_button = plain_button(self.tr("Add a petition"), self.tr("Add a petition"), m)
        self.edit_petition_button = plain_button(self.tr("Change petition"), self.tr("Change the chosen petition"), m)
        self.decision_button = plain_button(
            self.tr("Record the decision"), self.tr("Record the decision on the chosen petition"), m
        )
        self.add_petition_button.clicked.connect(self._add_petition)
        self.edit_petition_button.clicked.connect(self._edit_petition)
        self.decision_button.clicked.connect(self._record_decision)
        self.petitions.itemActivated.connect(lambda _i: self._edit_petition())
        self.petitions.currentRowChanged.connect(lambda _r: self._update_buttons())

        self.another_button = plain_button(
            self.tr("Start another relief case"), self.tr("Start another relief case"), m
        )
        self.another_button.clicked.connect(self._show_start)

        def block(title: str, items: Sequence[QWidget], buttons: Sequence[QWidget]) -> QVBoxLayout:
            box = QVBoxLayout()
            box.setSpacing(6)
            box.addWidget(_heading(title, m))
            for item in items:
                box.addWidget(item)
            box.addLayout(_button_rows(buttons))
            return box

        self.case_body = QWidget(m)
        body = QVBoxLayout(self.case_body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(18)
        body.addLayout(block(self.tr("Deadlines"), [self.deadlines, self.deadlines_empty],
                             [self.add_deadline_button, self.done_button]))  # fmt: skip
        body.addLayout(block(self.tr("Charges"), [self.charges, self.charges_empty],
                             [self.add_charge_button, self.edit_charge_button]))  # fmt: skip
        body.addLayout(block(self.tr("Petitions"), [self.petitions, self.petitions_empty],
                             [self.add_petition_button, self.edit_petition_button, self.decision_button]))  # fmt: skip
        body.addWidget(self.rules_box)
        body.addWidget(self.another_button, 0, Qt.AlignmentFlag.AlignLeft)

        column_of(
            m,
            self.heading,
            self.message,
            self.start_panel,
            self.case_panel,
            self.case_body,
            1,
            margins=(0, 0, 14, 14),
            spacing=12,
        )
        self.setFocusProxy(self.main_scroll)
        self.clear()

    # --- the self-loading section protocol -----------------------------------------------------------------------

    def load(self, person_id: str) -> None:
        if person_id != self._person_id:
            self.clear()
        self._person_id = person_id
        if self.pages.currentWidget() is self.form and self.form.is_dirty():
            return  # typing in progress stays; the list refreshes when the form closes
        self.host.run(lambda ws: ReliefService(ws).overview(person_id), self._arrived, self._load_failed)

    def clear(self) -> None:
        self._person_id = None
        self._overview = None
        self._case_id = None
        self.form.clear()
        self.pages.setCurrentWidget(self.main_scroll)
        for widget in (self.deadlines, self.charges, self.petitions):
            widget.clear()
        self.case_picker.clear()
        self.next_status.clear()
        self.jurisdiction.clear()
        self.status_note.setText("")
        self.status_label.setText("")
        self.rules_box.setText("")
        self.message.setText("")
        self.message.hide()
        self.status_error.clear_message()
        self.start_panel.hide()
        self.case_panel.hide()
        self.case_body.hide()

    def has_draft(self) -> bool:
        return self.pages.currentWidget() is self.form and self.form.is_dirty()

    # --- showing ----------------------------------------------------------------------------------------------------

    def _arrived(self, overview: ReliefOverview) -> None:
        if overview.person_id != self._person_id:
            return
        self._overview = overview
        self.jurisdiction.blockSignals(True)
        self.jurisdiction.clear()
        for code, title in overview.jurisdictions:
            self.jurisdiction.addItem(title, code)
        self.jurisdiction.blockSignals(False)
        ids = [c.id for c in overview.cases]
        if self._case_id not in ids:
            self._case_id = ids[0] if ids else None
        self.case_picker.blockSignals(True)
        self.case_picker.clear()
        for view in overview.cases:
            rules = view.rules.title if view.rules else view.case["jurisdiction"]
            self.case_picker.addItem(f"{rules} · {status_words(view.case['status'])}", view.id)
        self.case_picker.set_value(self._case_id)
        self.case_picker.setVisible(len(ids) > 1)
        self.case_label.setVisible(len(ids) > 1)  # its label goes with it, not left alone beside the status
        self.case_picker.blockSignals(False)
        self._show_case()

    def _load_failed(self, exc: BaseException) -> None:
        self.message.setText(message_of(exc))
        self.message.show()

    def _view(self) -> CaseView | None:
        if self._overview is None:
            return None
        return next((c for c in self._overview.cases if c.id == self._case_id), None)

    def _show_start(self) -> None:
        self.start_panel.show()
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_case(self) -> None:
        view = self._view()
        has_case = view is not None
        self.start_panel.setVisible(not has_case)
        self.case_panel.setVisible(has_case)
        self.case_body.setVisible(has_case)
        if view is None:
            self.heading.setText(self.tr("Record relief"))
            return
        rules = view.rules
        place = rules.title if rules else view.case["jurisdiction"]
        self.heading.setText(self.tr("Record relief · {place}").format(place=place))
        represented = view.case.get("representation")
        status = self.tr("Status: {status}").format(status=status_words(view.case["status"]))
        if represented:
            status = self.tr("{status} · Represented by {who}").format(status=status, who=represented)
        self.status_label.setText(status)
        self.next_status.blockSignals(True)
        self.next_status.clear()
        self.next_status.addItem(self.tr("Choose the new status"), None)
        for s in view.next_statuses:
            self.next_status.addItem(status_words(s), s)
        self.next_status.blockSignals(False)
        self.status_error.clear_message()

        # Refilled with their signals held: a "current row changed" from a list half-way through clear() reached
        # _update_buttons while its items were being deleted (a rare crash under load). Buttons update once, below.
        lists = (self.deadlines, self.charges, self.petitions)
        for widget in lists:
            widget.blockSignals(True)
        try:
            self._fill_lists(view)
        finally:
            for widget in lists:
                widget.blockSignals(False)
        self.rules_box.setText(rules_guidance(view))
        self._update_buttons()

    def _fill_lists(self, view: Any) -> None:
        self.deadlines.clear()
        for row in view.deadlines:
            item = add_row(self.deadlines, deadline_text(row), row.id)
            item.setForeground(qcolor(_STATE_COLOURS[row.state]))
            if row.state in ("overdue", "due_soon"):
                bold = QFont(self.deadlines.font())
                bold.setWeight(QFont.Weight.DemiBold)
                item.setFont(bold)
        self.charges.clear()
        for charge in view.charges:
            add_row(self.charges, charge_text(charge), charge["id"])
        self.petitions.clear()
        for petition in view.petitions:
            add_row(self.petitions, petition_text(petition), petition["id"])
        for widget, empty in ((self.deadlines, self.deadlines_empty), (self.charges, self.charges_empty),
                              (self.petitions, self.petitions_empty)):  # fmt: skip
            widget.setVisible(widget.count() > 0)
            empty.setVisible(widget.count() == 0)
            if widget.count():
                widget.setCurrentRow(0)
            _fit(widget)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rows wrap to the new width: each list is made as tall as its rows again (at large text a row that
        wrapped to two lines was cut off, the list keeping the height it had before the page had its width)."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self._refit)

    def _refit(self) -> None:
        for widget in (self.deadlines, self.charges, self.petitions):
            if widget.isVisible():
                _fit(widget)

    def _update_buttons(self) -> None:
        view = self._view()
        deadline = self._chosen(self.deadlines, view.deadlines if view else [], attr=True)
        self.done_button.setEnabled(deadline is not None)
        done = deadline is not None and deadline.is_done
        self.done_button.setText(self.tr("Not done yet") if done else self.tr("Mark done"))
        self.done_button.setAccessibleName(
            self.tr("Mark the chosen deadline not done") if done else self.tr("Mark the chosen deadline done")
        )
        self.edit_charge_button.setEnabled(self.charges.currentRow() >= 0)
        self.edit_petition_button.setEnabled(self.petitions.currentRow() >= 0)
        self.decision_button.setEnabled(self.petitions.currentRow() >= 0)

    @staticmethod
    def _chosen(widget: QListWidget, rows: Sequence[Any], *, attr: bool = False) -> Any:
        item = widget.currentItem()
        if item is None:
            return None
        key = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in rows if (r.id if attr else r["id"]) == key), None)

    def _case_chosen(self, _index: int) -> None:
        self._case_id = self.case_picker.value()
        self._show_case()

    def show_main(self) -> None:
        self.form.clear()
        self.pages.setCurrentWidget(self.main_scroll)
        self.main_scroll.setFocus(Qt.FocusReason.OtherFocusReason)

    def saved(self, _result: Any = None) -> None:
        """A form saved: back to the list, and read the person again (timeline, caseload, this section)."""
        self.show_main()
        self.host.record_changed("relief")

    def _run(self, work: Callable[[Workspace], Any], on_error: Callable[[BaseException], None]) -> None:
        self.host.run(work, lambda _r: self.host.record_changed("relief"), on_error)

    def _specs(self, specs: Sequence[FieldSpec]) -> tuple[FieldSpec, ...]:
        """The form's labels and hints in the app's language (the columns' words are in FIELD_WORDS)."""
        return tuple(replace(s, label=self.tr(s.label), hint=self.tr(s.hint) if s.hint else "") for s in specs)

    @staticmethod
    def _charge_labels() -> dict[str, dict[str, str]]:
        return {"level": _labels(LEVEL_WORDS), "relief_sought": _labels(SOUGHT_WORDS),
                "eligibility": _labels(ELIGIBLE_WORDS)}  # fmt: skip

    @staticmethod
    def _petition_labels() -> dict[str, dict[str, str]]:
        return {"prosecutor_position": _labels(POSITION_CHOICES)}

    def _show_form(self) -> None:
        show_page(self.pages, self.form)

    # --- actions --------------------------------------------------------------------------------------------------

    def _start_case(self) -> None:
        person_id, code = self._person_id, self.jurisdiction.value()
        if person_id is None:
            return

        def failed(exc: BaseException) -> None:
            self.message.setText(message_of(exc))
            self.message.show()

        self._case_id = None
        self._run(lambda ws: ReliefService(ws).open_case(person_id, code or ""), failed)

    def _change_status(self) -> None:
        case_id, status, note = self._case_id, self.next_status.value(), self.status_note.text().strip() or None
        if case_id is None:
            return
        if status is None:
            self.status_error.show_message(self.tr("Please choose the new status first."))
            self.next_status.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.status_error.clear_message()
        self.status_note.setText("")
        self._run(lambda ws: ReliefService(ws).change_status(case_id, status, note=note),
                  lambda exc: self.status_error.show_message(message_of(exc)))  # fmt: skip

    def _toggle_done(self) -> None:
        view = self._view()
        deadline = self._chosen(self.deadlines, view.deadlines if view else [], attr=True)
        if deadline is None:
            return
        deadline_id, done = deadline.id, deadline.is_done

        def work(ws: Workspace) -> None:
            svc = ReliefService(ws)
            svc.reopen_deadline(deadline_id) if done else svc.mark_done(deadline_id)

        self._run(work, lambda exc: self.status_error.show_message(message_of(exc)))

    def _add_deadline(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return

        def save(values: dict[str, Any]) -> Callable[[Workspace], Any]:
            return lambda ws: ReliefService(ws).add_deadline(case_id, values.get("kind"), values.get("due_on"),
                                                             values.get("note"))  # fmt: skip

        self.form.open(self.tr("New deadline"), self._specs(DEADLINE_FIELDS), {"kind": "other"}, save,
                       labels={"kind": _labels(KIND_WORDS)})  # fmt: skip
        self._show_form()

    def _add_charge(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return

        def save(values: dict[str, Any]) -> Callable[[Workspace], Any]:
            chosen = {k: v for k, v in values.items() if v not in (None, "", [])}
            return lambda ws: ReliefService(ws).add_charge(case_id, chosen)

        self.form.open(self.tr("New charge"), self._specs(CHARGE_FIELDS), {}, save, labels=self._charge_labels())
        self._show_form()

    def _edit_charge(self) -> None:
        view = self._view()
        charge = self._chosen(self.charges, view.charges if view else [])
        if charge is None:
            return
        charge_id = charge["id"]

        def save(changes: dict[str, Any]) -> Callable[[Workspace], Any]:
            return lambda ws: ReliefService(ws).update_charge(charge_id, changes)

        guidance = _quiet(charge_options(view, charge_id), self.form.body) if view else None
        self.form.open(self.tr("Charge"), self._specs(CHARGE_FIELDS), charge, save, changes_only=True,
                       extras=[guidance] if guidance else [], labels=self._charge_labels())  # fmt: skip
        self._show_form()

    def _charge_boxes(self, view: CaseView, petition_id: str | None) -> tuple[QWidget, list[QCheckBox]]:
        panel = QWidget(self.form.body)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(_heading(self.tr("Charges this petition asks relief for"), panel, 1.0))
        boxes = []
        for charge in view.charges:
            text = charge_text(charge).split("\n")[0]
            box = readable_checkbox(QCheckBox(text, panel))
            box.setAccessibleName(self.tr("Include: {charge}").format(charge=text))
            box.setProperty("charge_id", charge["id"])
            box.setChecked(petition_id is not None and charge.get("petition_id") == petition_id)
            layout.addWidget(box)
            boxes.append(box)
        if not boxes:
            layout.addWidget(_quiet(self.tr("Add the charges first; then choose them here."), panel))
        return panel, boxes

    def _add_petition(self) -> None:
        view = self._view()
        if view is None:
            return
        case_id = view.id
        panel, boxes = self._charge_boxes(view, None)

        def save(values: dict[str, Any]) -> Callable[[Workspace], Any]:
            chosen = {k: v for k, v in values.items() if v not in (None, "", [])}
            ids = [str(b.property("charge_id")) for b in boxes if b.isChecked()]
            return lambda ws: ReliefService(ws).add_petition(case_id, chosen, ids)

        self.form.open(self.tr("New petition"), self._specs(PETITION_FIELDS), {}, save, extras=[panel],
                       labels=self._petition_labels())  # fmt: skip
        self._show_form()

    def _edit_petition(self) -> None:
        view = self._view()
        petition = self._chosen(self.petitions, view.petitions if view else [])
        if view is None or petition is None:
            return
        petition_id = petition["id"]
        panel, boxes = self._charge_boxes(view, petition_id)

        def save(changes: dict[str, Any]) -> Callable[[Workspace], Any]:
            ids = [str(b.property("charge_id")) for b in boxes if b.isChecked()]
            return lambda ws: ReliefService(ws).update_petition(petition_id, changes, ids)

        self.form.open(self.tr("Petition"), self._specs(PETITION_FIELDS), petition, save, changes_only=True,
                       extras=[panel], labels=self._petition_labels())  # fmt: skip
        self._show_form()

    def _record_decision(self) -> None:
        view = self._view()
        petition = self._chosen(self.petitions, view.petitions if view else [])
        if view is None or petition is None:
            return
        petition_id = petition["id"]
        linked = [c for c in view.charges if c.get("petition_id") == petition_id]
        panel = QWidget(self.form.body)
        grid = QGridLayout(panel)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.addWidget(_heading(self.tr("The outcome for each charge"), panel, 1.0), 0, 0, 1, 2)
        outcomes: dict[str, ChoiceBox] = {}
        outcome_values = [o.value for o in ChargeOutcome if o != ChargeOutcome.PENDING]
        for row, charge in enumerate(linked, start=1):
            text = charge_text(charge).split("\n")[0]
            box = ChoiceBox("outcome", outcome_values, empty=self.tr("Choose the outcome"),
                            labels={v: _(OUTCOME_WORDS[v]) for v in outcome_values}, parent=panel)  # fmt: skip
            box.setAccessibleName(self.tr("Outcome: {charge}").format(charge=text))
            box.set_value(charge.get("outcome"))
            label = QLabel(text, panel)
            label.setWordWrap(True)
            label.setBuddy(box)
            grid.addWidget(label, row, 0)
            grid.addWidget(box, row, 1, Qt.AlignmentFlag.AlignLeft)
            outcomes[charge["id"]] = box
        if not linked:
            grid.addWidget(
                _quiet(self.tr("Choose this petition's charges first (Change petition)."), panel), 1, 0, 1, 2
            )
        grid.setColumnStretch(0, 1)

        def save(values: dict[str, Any]) -> Callable[[Workspace], Any]:
            chosen = {cid: box.value() for cid, box in outcomes.items() if box.value() is not None}
            if len(chosen) < len(outcomes):
                raise ValueError(self.tr("Please choose the outcome for each charge."))
            decided_on = values.get("decided_on")
            if decided_on is None:
                raise ValueError(self.tr("Please give the date the court decided."))
            return lambda ws: ReliefService(ws).record_decision(
                petition_id, decided_on, chosen, order_reference=values.get("order_reference")
            )

        values = {"decided_on": petition.get("decided_on"), "order_reference": petition.get("order_reference")}
        self.form.open(self.tr("The court's decision"), self._specs(DECISION_FIELDS), values, save, extras=[panel])
        self._show_form()


def rules_guidance(view: CaseView) -> str:
    """The jurisdiction's rules in plain words, labelled as an example when they are one."""
    rules = view.rules
    if rules is None:
        return _(
            "No rules for “{jurisdiction}” are on this computer, so no deadlines are worked out. Enter deadlines by "
            "hand."
        ).format(jurisdiction=view.case["jurisdiction"])
    lines = []
    if rules.example:
        lines.append(_("EXAMPLE RULES · {notice}").format(notice=rules.notice))
    else:
        lines.append(f"{rules.label} · {rules.notice}")
    lines.append("")
    for relief in rules.reliefs:
        levels = ", ".join(rules_level(level) for level in relief.levels)
        hearing = _("hearing required") if relief.hearing_required else _("no hearing required")
        lines.append(f"{relief.title}: {levels}. {relief.time_limit.words()}; {hearing}. ({relief.citation})")
    lines.append("")
    lines.append(_("Source: {source}").format(source=rules.source))
    return "\n".join(lines)


def rules_level(level: str) -> str:
    """A level of offence as the rules box lists it ("misdemeanor, felony"), in the app's language."""
    words = LEVEL_WORDS.get(level)
    return _(words).lower() if words else level.replace("_", " ")


def charge_options(view: CaseView, charge_id: str) -> str:
    options = view.options.get(charge_id) or []
    if view.rules is None:
        return _("No rules for this jurisdiction are on this computer.")
    if not options:
        return _("The rules on this computer offer no relief for a charge at this level.")
    label = _("What the example rules offer for this charge") if view.rules.example else _("What the rules offer")
    return label + ":\n" + "\n".join(f"• {o.words}" for o in options)


# --- the disclosure review (prosecution only) ------------------------------------------------------------------------


class DisclosureReviewPanel(QWidget):
    """The prosecution's disclosure review for the open person: gather, read in date order, save as a PDF.

    The person workspace shows it to the prosecution regime only; in any other regime the core refuses, and the
    panel says why in one plain sentence.
    """

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._review: DisclosureReview | None = None
        self.heading = _heading(self.tr("Disclosure review"), self, 1.15)
        self.intro = _quiet(
            self.tr(
                "Statements, interview notes and benefits given to this person, in date order, each with the record "
                "it comes from. For the prosecution's review of what must be disclosed."
            ),
            self,
        )
        self.gather_button = plain_button(self.tr("Gather the review"), self.tr("Gather the disclosure review"), self)
        self.gather_button.clicked.connect(self.gather)
        self.entries = _list(
            self.tr("Disclosure review entries"), self.tr("Each statement, note or benefit, oldest first."), self
        )
        self.entries.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Disclosure review summary"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password for the PDF (optional)"))
        self.password.setPlaceholderText(self.tr("Password for the PDF (optional, at least 8 characters)"))
        self.save_button = plain_button(self.tr("Save as PDF…"), self.tr("Save the disclosure review as a PDF"), self)
        self.save_button.clicked.connect(self._choose_file)
        self.error = ErrorLine(self)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.save_button)
        layout = column_of(self, self.heading, self.intro, margins=(0, 0, 0, 0), spacing=10)
        layout.addWidget(self.gather_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.entries, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.clear()

    def clear(self) -> None:
        self._review = None
        self.entries.clear()
        self.summary.setText("")
        self.password.setText("")
        self.error.clear_message()
        self.save_button.setEnabled(False)

    def gather(self) -> None:
        person_id = self.host.person_id
        if person_id is None:
            return
        self.error.clear_message()
        self.gather_button.setEnabled(False)
        self.host.run(lambda ws: gather_review(ws, person_id), self._gathered, self._failed)

    def _gathered(self, review: DisclosureReview) -> None:
        self._review = review
        self.gather_button.setEnabled(True)
        self.entries.clear()
        for e in review.entries:
            first = f"{e.when_words} · {e.kind_words}"
            if e.deleted_on:
                first = self.tr("{entry} · deleted on {day}").format(entry=first, day=day_words(e.deleted_on))
            text = f"{first}\n{e.text}\n{e.source}"
            add_row(self.entries, text, e.record_id)
        self.summary.setText(review.summary().rstrip(".") + ".")
        self.save_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.gather_button.setEnabled(True)
        self.error.show_message(message_of(exc))

    def _choose_file(self) -> None:
        if self._review is None:
            return
        path, _filter = save_file_name(self, self.tr("Save the disclosure review"),
                                       suggested_file_name(self._review), self.tr("PDF files (*.pdf)"))  # fmt: skip
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Write the review (gathered again, so it is current) to ``path``, protected when a password is typed."""
        person_id, password = self.host.person_id, self.password.text() or None
        if person_id is None:
            return

        def work(ws: Workspace) -> Path:
            pdf = disclosure_review_pdf(gather_review(ws, person_id), password=password)
            save_file(path, pdf)
            ws.log_event("export", record_type="person", record_id=person_id, person_id=person_id)
            return path

        self.error.clear_message()
        self.host.run(
            work, lambda p: self.summary.setText(self.tr("Saved as {name}.").format(name=Path(p).name)), self._failed
        )


__all__ = ["DisclosureReviewPanel", "FormPage", "ReliefSection"]
