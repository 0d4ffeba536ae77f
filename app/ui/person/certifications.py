"""Certifications (prosecution only): the person's U- and T-visa certification requests, their deadlines, the
office's decision on each, and one click to put a signed certification into the disclosure review.

One page lists the requests (open ones first, oldest first); recording a request or a decision swaps in a plain
form (Save with Ctrl+S, or Cancel), as record relief does. Everything runs on the worker through ``host.run``.
Words follow DOMAIN.md section 8: a request the office does not sign is "declined", with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from app.core.certifications import (
    REQUESTER_WORDS,
    CertificationRow,
    CertificationService,
)
from app.core.i18n import N_, _
from app.core.timeline import day_words
from app.models import CertificationDecision, CertificationForm, CertificationRequester
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import list_selection_style, qcolor, text_style
from app.ui.person.fields import (
    WIDEST_ROW,
    ChoiceBox,
    ErrorLine,
    column_of,
    heading_label,
    plain_button,
    row_of,
    wrapped_label,
)
from app.ui.person.forms import FieldSpec, message_of
from app.ui.person.host import PersonHost
from app.ui.person.record_form import RecordFormPage
from app.ui.person.section_pages import show_page, stacked_pages
from app.ui.qt import (
    QAbstractItemView,
    QBoxLayout,
    QCoreApplication,
    QFont,
    QListWidget,
    QResizeEvent,
    Qt,
    QTimer,
    QWidget,
)
from app.ui.rows import add_row

if TYPE_CHECKING:
    from app.core.workspace import Workspace

INTRO = QT_TRANSLATE_NOOP(
    "CertificationsSection",
    "Requests that this office, as a certifying agency, sign a U-visa supplement (Form I-918 Supplement B) or a "
    "T-visa declaration (Form I-914 Supplement B) for this person. Signing is the office's decision. USCIS accepts "
    "a signed I-918 Supplement B for 6 months.",
)

RECEIVE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("received_on", "date", QT_TRANSLATE_NOOP("CertificationsSection", "Request received on"), required=True),
    FieldSpec(
        "form",
        "choice",
        QT_TRANSLATE_NOOP("CertificationsSection", "Form"),
        required=True,
        choices=tuple(f.value for f in CertificationForm),
        empty=QT_TRANSLATE_NOOP("fields", "Choose the form"),
    ),
    FieldSpec(
        "requested_by",
        "choice",
        QT_TRANSLATE_NOOP("CertificationsSection", "Requested by"),
        choices=tuple(r.value for r in CertificationRequester),
    ),
    FieldSpec(
        "requester_name",
        "text",
        QT_TRANSLATE_NOOP("CertificationsSection", "Requester's name or organization"),
        hint=QT_TRANSLATE_NOOP("CertificationsSection", "For example, the legal aid office"),
    ),
    FieldSpec(
        "justice_contact_id",
        "choice",
        QT_TRANSLATE_NOOP("CertificationsSection", "Case it relates to"),
        empty=QT_TRANSLATE_NOOP("fields", "No justice matter chosen"),
    ),
    FieldSpec(
        "helpfulness_facts",
        "long",
        QT_TRANSLATE_NOOP("CertificationsSection", "Helpfulness facts reviewed"),
        hint=QT_TRANSLATE_NOOP(
            "CertificationsSection", "What the person did to help the investigation or prosecution, as reviewed"
        ),
    ),
)
DECISION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "decision",
        "choice",
        QT_TRANSLATE_NOOP("CertificationsSection", "Decision"),
        required=True,
        choices=tuple(d.value for d in CertificationDecision),
        empty=QT_TRANSLATE_NOOP("fields", "Choose the decision"),
    ),
    FieldSpec("decided_on", "date", QT_TRANSLATE_NOOP("CertificationsSection", "Date of the decision"), required=True),
    FieldSpec(
        "decided_by_name",
        "text",
        QT_TRANSLATE_NOOP("CertificationsSection", "Decided by"),
        required=True,
        hint=QT_TRANSLATE_NOOP("CertificationsSection", "The name of the person who decided"),
    ),
    FieldSpec(
        "signed_by_name",
        "text",
        QT_TRANSLATE_NOOP("CertificationsSection", "Signed by"),
        hint=QT_TRANSLATE_NOOP("CertificationsSection", "The certifying official who signed"),
    ),
    FieldSpec("signed_on", "date", QT_TRANSLATE_NOOP("CertificationsSection", "Signed on")),
    FieldSpec(
        "decision_reason",
        "long",
        QT_TRANSLATE_NOOP("CertificationsSection", "Reason"),
        hint=QT_TRANSLATE_NOOP("CertificationsSection", "Needed when the request is declined"),
    ),
)
#: The decision form's fields that only a certification needs.
SIGNED_FIELDS = ("signed_by_name", "signed_on")


@dataclass(frozen=True)
class CertificationsView:
    person_id: str
    today: dt.date
    rows: list[CertificationRow]
    matters: list[tuple[str, str]]


def read_view(ws: Workspace, person_id: str) -> CertificationsView:
    """The person's requests, with the office's today and their justice matters (none outside prosecution)."""
    svc = CertificationService(ws)
    if ws.identity.regime != "prosecution":
        return CertificationsView(person_id, svc.today(), [], [])
    return CertificationsView(person_id, svc.today(), svc.register(person_id), svc.matters(person_id))


def request_text(row: CertificationRow, today: dt.date) -> str:
    """Short lines: the form and when it came, where it stands, its deadline, who asked, and about which case."""
    status = row.status_words()
    if row.benefit_id:
        status = _("{status} · In the disclosure review").format(status=status)
    lines = [
        _("{form} · received {day}").format(form=row.form_words, day=day_words(row.received_on)),
        status,
        row.deadline_words(today),
        _("Requested by: {who}").format(who=row.requester_words),
        _("Case: {matter}").format(matter=row.matter) if row.matter else "",
    ]
    return "\n".join(line for line in lines if line)


#: The office's decisions in the drop-down (in the section's words: "Declined" is the office's, not the person's).
DECISION_CHOICES = {
    "certified": QT_TRANSLATE_NOOP("CertificationsSection", "Certified"),
    "declined": QT_TRANSLATE_NOOP("CertificationsSection", "Declined"),
    "withdrawn": QT_TRANSLATE_NOOP("CertificationsSection", "Withdrawn"),
}
#: The forms in the drop-down, short enough to read whole in a closed choice box.
FORM_CHOICES = {
    "i918_supplement_b": N_("U visa: I-918 Supplement B"),
    "i914_supplement_b": N_("T visa: I-914 Supplement B"),
}


def _labels(words: dict[str, str]) -> dict[str, str]:
    """Choice words (marked for the core's catalogue) in the app's language."""
    return {key: _(text) for key, text in words.items()}


class CertificationFormPage(RecordFormPage):
    """One form: a title, a note, the fields, Save and Cancel (Ctrl+S saves)."""

    def __init__(self, section: CertificationsSection) -> None:
        super().__init__(
            section,
            section,
            form_name=QCoreApplication.translate("CertificationsSection", "Certification form"),
            cancel_words=QCoreApplication.translate("CertificationsSection", "Cancel and go back to certifications"),
        )


class CertificationsSection(QWidget):
    """The person's certification requests. Implements the workspace's self-loading section protocol."""

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._person_id: str | None = None
        self._view: CertificationsView | None = None
        self._chosen_id: str | None = None
        #: The form on show ("receive" or "decide", and the request decided), for unsaved typing kept over a lock.
        self._form_kind: str | None = None
        self._form_request: str | None = None
        #: Unsaved typing handed back after an unlock, waiting for the person's requests to arrive.
        self._pending_draft: dict[str, Any] | None = None

        self.pages, self.main_scroll, self.main = stacked_pages(self, self.tr("Certifications"))
        self.form = CertificationFormPage(self)
        self.pages.addWidget(self.form)

        m = self.main
        self.heading = heading_label(self.tr("Certifications"), m, 1.15)
        self.intro = wrapped_label(self.tr(INTRO), m, text_style("quiet"))
        self.requests = QListWidget(m)
        self.requests.setAccessibleName(self.tr("Certification requests"))
        self.requests.setAccessibleDescription(
            self.tr("Open requests first, oldest first, then the decided ones. Each says its deadline.")
        )
        self.requests.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.requests.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.requests.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.requests.setWordWrap(True)
        self.requests.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.requests.setAlternatingRowColors(True)
        self.requests.setStyleSheet("QListWidget::item { padding: 7px 8px; }" + list_selection_style())
        self.requests.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.empty = wrapped_label(
            self.tr("No certification request is recorded for this person."), m, text_style("quiet")
        )
        self.receive_button = plain_button(
            self.tr("Record a request received…"), self.tr("Record a certification request received"), m
        )
        self.decide_button = plain_button(
            self.tr("Record the decision…"), self.tr("Record the decision on the chosen request"), m
        )
        self.benefit_button = plain_button(
            self.tr("Add it to the disclosure review"),
            self.tr("Add the chosen certification to the disclosure review"),
            m,
        )
        self.receive_button.clicked.connect(self._receive)
        self.decide_button.clicked.connect(self._decide)
        self.benefit_button.clicked.connect(self._add_benefit)
        self.message = wrapped_label("", m)
        self.message.setAccessibleName(self.tr("Certifications message"))
        self.error = ErrorLine(m)
        actions = (self.receive_button, self.decide_button, self.benefit_button)
        buttons: QBoxLayout
        if sum(b.sizeHint().width() for b in actions) > WIDEST_ROW:
            # Large text: one button a row, so they never make the section scroll sideways.
            buttons = column_of(None, *(row_of(b, 1) for b in actions), spacing=8)
        else:
            buttons = row_of(*actions, 1, spacing=8)
        column_of(m, self.heading, self.intro, self.requests, self.empty, buttons, self.message, self.error, 1,
                  margins=(0, 0, 0, 0), spacing=10)  # fmt: skip
        QWidget.setTabOrder(self.requests, self.receive_button)
        QWidget.setTabOrder(self.receive_button, self.decide_button)
        QWidget.setTabOrder(self.decide_button, self.benefit_button)
        self.setFocusProxy(self.requests)
        self.clear()

    # --- the self-loading protocol ------------------------------------------------------------------------------

    def load(self, person_id: str) -> None:
        if person_id != self._person_id:
            self.clear()
        self._person_id = person_id
        self.host.run(lambda ws: read_view(ws, person_id), self._arrived, self._load_failed)

    def clear(self) -> None:
        self._person_id = None
        self._view = None
        self._chosen_id = None
        self._form_kind = self._form_request = None
        self._pending_draft = None
        self.form.clear()
        self.pages.setCurrentWidget(self.main_scroll)
        self.requests.clear()
        self.requests.hide()
        self.empty.hide()
        self.message.setText("")
        self.message.hide()
        self.error.clear_message()
        self._update_buttons()

    def has_draft(self) -> bool:
        return self.pages.currentWidget() is self.form and self.form.is_dirty()

    def _specs(self, specs: tuple[FieldSpec, ...]) -> tuple[FieldSpec, ...]:
        """The form's labels and hints in the app's language."""
        return tuple(replace(s, label=self.tr(s.label), hint=self.tr(s.hint) if s.hint else "") for s in specs)

    # --- unsaved typing over a lock (app.ui.drafts.DraftAware) ------------------------------------------------------

    def draft_slot(self) -> str | None:
        """One slot per person, reported whenever a person is here, so typing comes back before any form is open."""
        return f"certification:{self._person_id}" if self._person_id else None

    def draft_state(self) -> dict[str, Any]:
        return {"kind": self._form_kind, "request_id": self._form_request, "fields": self.form.fields.state()}

    def restore_draft(self, state: dict[str, Any]) -> None:
        self._pending_draft = dict(state)
        if self._view is not None and self._view.person_id == self._person_id:
            self._reopen_draft()

    def _reopen_draft(self) -> None:
        state, self._pending_draft = self._pending_draft, None
        if not state or self._view is None:
            return
        if state.get("kind") == "receive":
            self._receive()
        elif state.get("kind") == "decide":
            row = next((r for r in self._view.rows if r.id == state.get("request_id") and r.is_open), None)
            if row is None:
                return  # decided meanwhile (a sync): the typing has nothing left to decide
            self._chosen_id = row.id
            self.requests.setCurrentRow(self._view.rows.index(row))
            self._decide()
        else:
            return
        self.form.fields.restore(state.get("fields") or {})

    # --- showing ----------------------------------------------------------------------------------------------

    def _arrived(self, view: CertificationsView) -> None:
        if view.person_id != self._person_id:
            return
        self._view = view
        self.requests.blockSignals(True)
        try:
            self.requests.clear()
            chosen = 0
            for index, row in enumerate(view.rows):
                item = add_row(self.requests, request_text(row, view.today))
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if row.overdue(view.today):
                    item.setForeground(qcolor("danger"))
                    bold = QFont(self.requests.font())
                    bold.setWeight(QFont.Weight.DemiBold)
                    item.setFont(bold)
                elif not row.is_open:
                    item.setForeground(qcolor("text"))
                if row.id == self._chosen_id:
                    chosen = index
            if view.rows:
                self.requests.setCurrentRow(chosen)
        finally:
            self.requests.blockSignals(False)
        self.requests.setVisible(bool(view.rows))
        self.empty.setVisible(not view.rows)
        self._fit()
        QTimer.singleShot(0, self._fit)  # once the list has its width, wrapped rows know their height
        self._update_buttons()
        if self._pending_draft is not None:
            self._reopen_draft()

    def _fit(self) -> None:
        """Show every request whole: the page scrolls, not the list."""
        self.requests.doItemsLayout()
        height = sum(self.requests.visualItemRect(self.requests.item(i)).height() for i in range(self.requests.count()))
        self.requests.setFixedHeight(height + 2 * self.requests.frameWidth() + 6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.requests.count():
            QTimer.singleShot(0, self._fit)

    def _load_failed(self, exc: BaseException) -> None:
        self.error.show_message(message_of(exc))

    def chosen(self) -> CertificationRow | None:
        item = self.requests.currentItem()
        if item is None or self._view is None:
            return None
        key = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in self._view.rows if r.id == key), None)

    def _update_buttons(self) -> None:
        row = self.chosen()
        self._chosen_id = row.id if row is not None else self._chosen_id
        self.receive_button.setEnabled(self._view is not None)
        self.decide_button.setEnabled(row is not None and row.is_open)
        can_add = row is not None and row.is_certified and row.signed_on is not None and row.benefit_id is None
        self.benefit_button.setEnabled(can_add)

    def show_main(self) -> None:
        self._form_kind = self._form_request = None
        self.form.clear()
        self.pages.setCurrentWidget(self.main_scroll)
        self.requests.setFocus(Qt.FocusReason.OtherFocusReason)

    def saved(self, result: Any = None) -> None:
        """A form saved: back to the list (a new request chosen), and read the person again (the Overview's
        deadlines, this list)."""
        if isinstance(result, str):
            self._chosen_id = result
        self.show_main()
        self.host.record_changed("certifications")

    def _say(self, text: str) -> None:
        self.error.clear_message()
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_form(self) -> None:
        self._say("")
        show_page(self.pages, self.form)

    # --- actions ------------------------------------------------------------------------------------------------

    def _receive(self) -> None:
        person_id, view = self._person_id, self._view
        if person_id is None or view is None:
            return

        def save(values: dict[str, Any]) -> Callable[[Workspace], Any]:
            return lambda ws: CertificationService(ws).receive(
                person_id,
                received_on=values.get("received_on"),
                form=values.get("form"),
                requested_by=values.get("requested_by"),
                requester_name=values.get("requester_name"),
                justice_contact_id=values.get("justice_contact_id"),
                helpfulness_facts=values.get("helpfulness_facts"),
            )

        matters = dict(view.matters)
        specs = tuple(
            FieldSpec(s.name, s.kind, s.label, s.hint, s.required, tuple(matters), s.empty)
            if s.name == "justice_contact_id" else s
            for s in self._specs(RECEIVE_FIELDS)
        )  # fmt: skip
        first_matter = view.matters[0][0] if len(view.matters) == 1 else None
        self.form.open(
            self.tr("A certification request received"),
            specs,
            {"received_on": view.today, "justice_contact_id": first_matter},
            save,
            note=self.tr(
                "The office's deadline to decide is set from the day it was received, by the office's policy."
            ),
            labels={
                "form": _labels(FORM_CHOICES),
                "requested_by": _labels(REQUESTER_WORDS),
                "justice_contact_id": matters,
            },
        )
        self._form_kind, self._form_request = "receive", None
        self._show_form()

    def _decide(self) -> None:
        row, view = self.chosen(), self._view
        if row is None or view is None or not row.is_open:
            return
        request_id = row.id

        def save(values: dict[str, Any]) -> Callable[[Workspace], Any]:
            certified = values.get("decision") == CertificationDecision.CERTIFIED

            def work(ws: Workspace) -> None:
                CertificationService(ws).decide(
                    request_id,
                    values.get("decision"),
                    decided_on=values.get("decided_on"),
                    decided_by_name=values.get("decided_by_name"),
                    reason=values.get("decision_reason"),
                    signed_by_name=values.get("signed_by_name") if certified else None,
                    signed_on=values.get("signed_on") if certified else None,
                )

            return work

        self.form.open(
            self.tr("The office's decision"),
            self._specs(DECISION_FIELDS),
            {"decided_on": view.today, "signed_on": view.today},
            save,
            note=self.tr(
                "{form}, received {day}. A decision is named and dated; a request that is declined needs the reason."
            ).format(form=row.form_words, day=day_words(row.received_on)),
            labels={"decision": {key: self.tr(words) for key, words in DECISION_CHOICES.items()}},
        )
        box = self.form.fields.widgets["decision"]
        assert isinstance(box, ChoiceBox)

        def follow(_index: int = 0) -> None:
            self.form.show_rows(SIGNED_FIELDS, box.value() == CertificationDecision.CERTIFIED)
            self.form.fields.clear_errors()  # a problem with the other decision is no longer the question
            self.form.error.clear_message()
            self.form.status.setText("")

        box.currentIndexChanged.connect(follow)
        follow()
        self._form_kind, self._form_request = "decide", request_id
        self._show_form()

    def _add_benefit(self) -> None:
        row = self.chosen()
        if row is None or not row.is_certified or row.benefit_id is not None:
            return
        request_id = row.id
        self.benefit_button.setEnabled(False)

        def done(_benefit_id: Any) -> None:
            self._say(self.tr("Added to the disclosure review as a benefit given: an immigration certification."))
            self.host.record_changed("certifications")

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            self.error.show_message(message_of(exc))

        self.host.run(lambda ws: CertificationService(ws).add_benefit(request_id), done, failed)


__all__ = ["CertificationsSection", "CertificationsView", "read_view", "request_text"]
