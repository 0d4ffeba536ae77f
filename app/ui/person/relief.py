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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.disclosure_review import DisclosureReview, gather_review
from app.core.relief import (
    ELIGIBILITY_WORDS,
    OUTCOME_WORDS,
    POSITION_WORDS,
    RELIEF_WORDS,
    CaseView,
    DeadlineRow,
    ReliefOverview,
    ReliefService,
    status_words,
)
from app.core.timeline import day_words
from app.core.vault_access import save_file
from app.models import ChargeOutcome, ReliefCharge, ReliefDeadline, ReliefPetition
from app.reports.disclosure_review import disclosure_review_pdf, suggested_file_name
from app.ui.file_dialogs import save_file_name
from app.ui.palette import box_style, list_selection_style, qcolor, text_style
from app.ui.person.fields import ChoiceBox, ErrorLine, column_of, heading_label, plain_button, wrapped_label
from app.ui.person.forms import FieldSpec, message_of, specs_of
from app.ui.person.host import PersonHost
from app.ui.person.record_form import RecordFormPage
from app.ui.person.section_pages import show_page, stacked_pages
from app.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QFont,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    Qt,
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
    offence={"hint": "As written on the docket"},
    disposition={"hint": "For example: convicted, plea, dismissed"},
    relief_sought={"empty": "Not chosen yet"},
)
PETITION_FIELDS = specs_of(
    ReliefPetition,
    "legal_basis representation filing_court filed_on prosecutor_position hearing_on records_corrected_on",
    legal_basis={"hint": "The statute or rule the petition relies on"},
)
DEADLINE_FIELDS = specs_of(
    ReliefDeadline, "kind due_on note", kind={"empty": None}, note={"hint": "What is due, in a few words"}
)
DECISION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("decided_on", "date", "Date of the decision", required=True),
    FieldSpec("order_reference", "text", "Order reference"),
)

#: The palette role of a deadline's text, by its state.
_STATE_COLOURS = {"overdue": "danger", "due_soon": "warning", "upcoming": "text", "done": "quiet"}


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
    height = sum(widget.sizeHintForRow(i) for i in range(rows)) if rows else 0
    if not rows:
        height = (widget.fontMetrics().lineSpacing() + 14) * empty_rows
    widget.setFixedHeight(height + 2 * widget.frameWidth() + 4)


def deadline_text(row: DeadlineRow) -> str:
    first = f"{row.when_words} · {row.title} · {day_words(row.due_on)}"
    return f"{first}\n{row.note}" if row.note else first


def charge_text(charge: dict[str, Any]) -> str:
    level = (charge.get("level") or "").replace("_", " ").capitalize() or "Level not recorded"
    parts = [level, charge.get("offence") or "Offense not recorded"]
    if charge.get("docket_number"):
        parts.append(f"Docket {charge['docket_number']}")
    if charge.get("disposition_date"):
        parts.append(f"Disposed {day_words(charge['disposition_date'])}")
    sought = RELIEF_WORDS.get(charge.get("relief_sought") or "", "Relief not chosen yet")
    eligibility = ELIGIBILITY_WORDS.get(charge.get("eligibility") or "unknown", "Not checked yet")
    outcome = OUTCOME_WORDS.get(charge.get("outcome") or "pending", "Pending")
    second = f"{sought} · Eligibility: {eligibility.lower()} · Outcome: {outcome.lower()}"
    return " · ".join(parts) + "\n" + second


def petition_text(petition: dict[str, Any]) -> str:
    relief = ", ".join(RELIEF_WORDS.get(t, t) for t in petition.get("relief_types") or []) or "Relief not chosen yet"
    filed = f"Filed {day_words(petition['filed_on'])}" if petition.get("filed_on") else "Not filed yet"
    court = petition.get("filing_court")
    first = " · ".join(p for p in (relief, filed, f"in {court}" if court else "") if p)
    position = POSITION_WORDS.get(petition.get("prosecutor_position") or "unknown", "Not known yet")
    hearing = f"Hearing {day_words(petition['hearing_on'])}" if petition.get("hearing_on") else "No hearing set"
    outcome = OUTCOME_WORDS.get(petition.get("outcome") or "pending", "Pending")
    return f"{first}\nProsecution: {position.lower()} · {hearing} · Outcome: {outcome.lower()}"


# --- the form page ----------------------------------------------------------------------------------------------


class FormPage(RecordFormPage):
    """One record's form: a title, the fields, optional extras (charges to include, outcomes), Save and Cancel."""

    def __init__(self, section: ReliefSection) -> None:
        super().__init__(section, section, form_name="Record relief form",
                         cancel_words="Cancel and go back to record relief")  # fmt: skip


# --- the section ------------------------------------------------------------------------------------------------


class ReliefSection(QWidget):
    """The person's record-relief work. Implements the workspace's self-loading section protocol."""

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._person_id: str | None = None
        self._overview: ReliefOverview | None = None
        self._case_id: str | None = None

        self.pages, self.main_scroll, self.main = stacked_pages(self, "Record relief")
        self.form = FormPage(self)
        self.pages.addWidget(self.form)

        m = self.main
        self.heading = _heading("Record relief", m, 1.15)
        self.message = QLabel(m)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Record relief message")

        # No case yet: what this is for, and how to start.
        self.start_panel = QWidget(m)
        self.start_text = _quiet(
            "Track the work to clear this person's record here: each arrest or conviction that may be vacated, "
            "expunged or sealed, the petitions and hearings, and the deadlines that must not be missed. Start "
            "with the jurisdiction whose rules apply.",
            self.start_panel,
        )
        self.jurisdiction = ChoiceBox("jurisdiction", [], empty=None, parent=self.start_panel)
        self.jurisdiction.setAccessibleName("Jurisdiction")
        self.start_button = plain_button("Start record relief", "Start record relief", self.start_panel)
        self.start_button.clicked.connect(self._start_case)
        start_row = QHBoxLayout()
        jurisdiction_label = QLabel("Jurisdiction", self.start_panel)
        jurisdiction_label.setBuddy(self.jurisdiction)
        start_row.addWidget(jurisdiction_label)
        start_row.addWidget(self.jurisdiction)
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        column_of(self.start_panel, self.start_text, start_row, margins=(0, 0, 0, 0))

        # The case: which one, its status, how to move it on.
        self.case_panel = QWidget(m)
        self.case_picker = ChoiceBox("case", [], empty=None, parent=self.case_panel)
        self.case_picker.setAccessibleName("Relief case")
        self.case_picker.currentIndexChanged.connect(self._case_chosen)
        self.status_label = QLabel(self.case_panel)
        self.status_label.setAccessibleName("Case status")
        font = QFont(self.status_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.05)
        self.status_label.setFont(font)
        self.next_status = ChoiceBox("status", [], empty="Choose the new status", parent=self.case_panel)
        self.next_status.setAccessibleName("New status")
        self.status_note = QLineEdit(self.case_panel)
        self.status_note.setAccessibleName("Note on the status change")
        self.status_note.setPlaceholderText("Note on the change (optional)")
        self.status_button = plain_button("Change status", "Change status", self.case_panel)
        self.status_button.clicked.connect(self._change_status)
        self.status_error = ErrorLine(self.case_panel)
        status_row = QHBoxLayout()
        status_row.setSpacing(8)
        next_status_label = QLabel("New status", self.case_panel)
        next_status_label.setBuddy(self.next_status)
        status_row.addWidget(next_status_label)
        status_row.addWidget(self.next_status)
        status_row.addWidget(self.status_note, 1)
        status_row.addWidget(self.status_button)
        case_top = QHBoxLayout()
        case_top.addWidget(self.status_label, 1)
        case_label = QLabel("Relief case", self.case_panel)
        case_label.setBuddy(self.case_picker)
        case_top.addWidget(case_label)
        case_top.addWidget(self.case_picker)
        column_of(self.case_panel, case_top, status_row, self.status_error, margins=(0, 0, 0, 0), spacing=6)

        self.rules_box = QLabel(m)
        self.rules_box.setObjectName("relief-rules")
        self.rules_box.setWordWrap(True)
        self.rules_box.setTextFormat(Qt.TextFormat.PlainText)
        self.rules_box.setAccessibleName("Jurisdiction rules, as guidance")
        self.rules_box.setStyleSheet(box_style("#relief-rules", "calm", padding="10px"))

        self.deadlines = _list("Deadlines", "Deadlines for this case, the one due soonest first.", m)
        self.deadlines_empty = _quiet("No deadlines yet.", m)
        self.add_deadline_button = plain_button("Add a deadline", "Add a deadline", m)
        self.done_button = plain_button("Mark done", "Mark the chosen deadline done", m)
        self.add_deadline_button.clicked.connect(self._add_deadline)
        self.done_button.clicked.connect(self._toggle_done)
        self.deadlines.currentRowChanged.connect(lambda _r: self._update_buttons())

        self.charges = _list("Charges", "Each arrest or conviction with the relief sought and its outcome.", m)
        self.charges_empty = _quiet("No charges yet. Add each arrest or conviction from the records you gather.", m)
        self.add_charge_button = plain_button("Add a charge", "Add a charge", m)
        self.edit_charge_button = plain_button("Change charge", "Change the chosen charge", m)
        self.add_charge_button.clicked.connect(self._add_charge)
        self.edit_charge_button.clicked.connect(self._edit_charge)
        self.charges.itemActivated.connect(lambda _i: self._edit_charge())
        self.charges.currentRowChanged.connect(lambda _r: self._update_buttons())

        self.petitions = _list("Petitions", "Petitions filed or being prepared, with the court's decision.", m)
        self.petitions_empty = _quiet("No petitions yet.", m)
        self.add_petition_button = plain_button("Add a petition", "Add a petition", m)
        self.edit_petition_button = plain_button("Change petition", "Change the chosen petition", m)
        self.decision_button = plain_button("Record the decision", "Record the decision on the chosen petition", m)
        self.add_petition_button.clicked.connect(self._add_petition)
        self.edit_petition_button.clicked.connect(self._edit_petition)
        self.decision_button.clicked.connect(self._record_decision)
        self.petitions.itemActivated.connect(lambda _i: self._edit_petition())
        self.petitions.currentRowChanged.connect(lambda _r: self._update_buttons())

        self.another_button = plain_button("Start another relief case", "Start another relief case", m)
        self.another_button.clicked.connect(self._show_start)

        def block(title: str, items: Sequence[QWidget], buttons: Sequence[QWidget]) -> QVBoxLayout:
            box = QVBoxLayout()
            box.setSpacing(6)
            box.addWidget(_heading(title, m))
            for item in items:
                box.addWidget(item)
            row = QHBoxLayout()
            row.setSpacing(8)
            for b in buttons:
                row.addWidget(b)
            row.addStretch(1)
            box.addLayout(row)
            return box

        self.case_body = QWidget(m)
        body = QVBoxLayout(self.case_body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(18)
        body.addLayout(block("Deadlines", [self.deadlines, self.deadlines_empty],
                             [self.add_deadline_button, self.done_button]))  # fmt: skip
        body.addLayout(block("Charges", [self.charges, self.charges_empty],
                             [self.add_charge_button, self.edit_charge_button]))  # fmt: skip
        body.addLayout(block("Petitions", [self.petitions, self.petitions_empty],
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
            self.heading.setText("Record relief")
            return
        rules = view.rules
        place = rules.title if rules else view.case["jurisdiction"]
        self.heading.setText(f"Record relief · {place}")
        represented = view.case.get("representation")
        status = f"Status: {status_words(view.case['status'])}"
        self.status_label.setText(status + (f" · Represented by {represented}" if represented else ""))
        self.next_status.blockSignals(True)
        self.next_status.clear()
        self.next_status.addItem("Choose the new status", None)
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

    def _update_buttons(self) -> None:
        view = self._view()
        deadline = self._chosen(self.deadlines, view.deadlines if view else [], attr=True)
        self.done_button.setEnabled(deadline is not None)
        self.done_button.setText("Not done yet" if deadline is not None and deadline.is_done else "Mark done")
        self.done_button.setAccessibleName(
            "Mark the chosen deadline not done" if deadline is not None and deadline.is_done
            else "Mark the chosen deadline done"
        )  # fmt: skip
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
            self.status_error.show_message("Please choose the new status first.")
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

        self.form.open("New deadline", DEADLINE_FIELDS, {"kind": "other"}, save)
        self._show_form()

    def _add_charge(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return

        def save(values: dict[str, Any]) -> Callable[[Workspace], Any]:
            chosen = {k: v for k, v in values.items() if v not in (None, "", [])}
            return lambda ws: ReliefService(ws).add_charge(case_id, chosen)

        self.form.open("New charge", CHARGE_FIELDS, {}, save)
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
        self.form.open("Charge", CHARGE_FIELDS, charge, save, changes_only=True,
                       extras=[guidance] if guidance else [])  # fmt: skip
        self._show_form()

    def _charge_boxes(self, view: CaseView, petition_id: str | None) -> tuple[QWidget, list[QCheckBox]]:
        panel = QWidget(self.form.body)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(_heading("Charges this petition asks relief for", panel, 1.0))
        boxes = []
        for charge in view.charges:
            text = charge_text(charge).split("\n")[0]
            box = readable_checkbox(QCheckBox(text, panel))
            box.setAccessibleName(f"Include: {text}")
            box.setProperty("charge_id", charge["id"])
            box.setChecked(petition_id is not None and charge.get("petition_id") == petition_id)
            layout.addWidget(box)
            boxes.append(box)
        if not boxes:
            layout.addWidget(_quiet("Add the charges first; then choose them here.", panel))
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

        self.form.open("New petition", PETITION_FIELDS, {}, save, extras=[panel])
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

        self.form.open("Petition", PETITION_FIELDS, petition, save, changes_only=True, extras=[panel])
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
        grid.addWidget(_heading("The outcome for each charge", panel, 1.0), 0, 0, 1, 2)
        outcomes: dict[str, ChoiceBox] = {}
        outcome_values = [o.value for o in ChargeOutcome if o != ChargeOutcome.PENDING]
        for row, charge in enumerate(linked, start=1):
            text = charge_text(charge).split("\n")[0]
            box = ChoiceBox("outcome", outcome_values, empty="Choose the outcome",
                            labels={v: OUTCOME_WORDS[v] for v in outcome_values}, parent=panel)  # fmt: skip
            box.setAccessibleName(f"Outcome: {text}")
            box.set_value(charge.get("outcome"))
            label = QLabel(text, panel)
            label.setWordWrap(True)
            label.setBuddy(box)
            grid.addWidget(label, row, 0)
            grid.addWidget(box, row, 1, Qt.AlignmentFlag.AlignLeft)
            outcomes[charge["id"]] = box
        if not linked:
            grid.addWidget(_quiet("Choose this petition's charges first (Change petition).", panel), 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        def save(values: dict[str, Any]) -> Callable[[Workspace], Any]:
            chosen = {cid: box.value() for cid, box in outcomes.items() if box.value() is not None}
            if len(chosen) < len(outcomes):
                raise ValueError("Please choose the outcome for each charge.")
            decided_on = values.get("decided_on")
            if decided_on is None:
                raise ValueError("Please give the date the court decided.")
            return lambda ws: ReliefService(ws).record_decision(
                petition_id, decided_on, chosen, order_reference=values.get("order_reference")
            )

        values = {"decided_on": petition.get("decided_on"), "order_reference": petition.get("order_reference")}
        self.form.open("The court's decision", DECISION_FIELDS, values, save, extras=[panel])
        self._show_form()


def rules_guidance(view: CaseView) -> str:
    """The jurisdiction's rules in plain words, labelled as an example when they are one."""
    rules = view.rules
    if rules is None:
        return (f"No rules for “{view.case['jurisdiction']}” are on this computer, so no deadlines are worked out. "
                "Enter deadlines by hand.")  # fmt: skip
    lines = []
    if rules.example:
        lines.append(f"EXAMPLE RULES · {rules.notice}")
    else:
        lines.append(f"{rules.label} · {rules.notice}")
    lines.append("")
    for relief in rules.reliefs:
        levels = ", ".join(rules_level(level) for level in relief.levels)
        hearing = "hearing required" if relief.hearing_required else "no hearing required"
        lines.append(f"{relief.title}: {levels}. {relief.time_limit.words()}; {hearing}. ({relief.citation})")
    lines.append("")
    lines.append(f"Source: {rules.source}")
    return "\n".join(lines)


def rules_level(level: str) -> str:
    return level.replace("_", " ")


def charge_options(view: CaseView, charge_id: str) -> str:
    options = view.options.get(charge_id) or []
    if view.rules is None:
        return "No rules for this jurisdiction are on this computer."
    if not options:
        return "The rules on this computer offer no relief for a charge at this level."
    label = "What the example rules offer for this charge" if view.rules.example else "What the rules offer"
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
        self.heading = _heading("Disclosure review", self, 1.15)
        self.intro = _quiet(
            "Statements, interview notes and benefits given to this person, in date order, each with the record it "
            "comes from. For the prosecution's review of what must be disclosed.",
            self,
        )
        self.gather_button = plain_button("Gather the review", "Gather the disclosure review", self)
        self.gather_button.clicked.connect(self.gather)
        self.entries = _list("Disclosure review entries", "Each statement, note or benefit, oldest first.", self)
        self.entries.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Disclosure review summary")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password for the PDF (optional)")
        self.password.setPlaceholderText("Password for the PDF (optional, at least 8 characters)")
        self.save_button = plain_button("Save as PDF…", "Save the disclosure review as a PDF", self)
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
            deleted = f" · deleted on {day_words(e.deleted_on)}" if e.deleted_on else ""
            text = f"{e.when_words} · {e.kind_words}{deleted}\n{e.text}\n{e.source}"
            add_row(self.entries, text, e.record_id)
        self.summary.setText(review.summary().rstrip(".") + ".")
        self.save_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.gather_button.setEnabled(True)
        self.error.show_message(message_of(exc))

    def _choose_file(self) -> None:
        if self._review is None:
            return
        path, _ = save_file_name(self, "Save the disclosure review", suggested_file_name(self._review),
                                              "PDF files (*.pdf)")  # fmt: skip
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
        self.host.run(work, lambda p: self.summary.setText(f"Saved as {Path(p).name}."), self._failed)


__all__ = ["DisclosureReviewPanel", "FormPage", "ReliefSection"]
