"""The person's "Referrals & consent" section: the releases they gave (with where each stands and a warning when one
ends within 30 days), the referrals offered to them with their decision, steps and follow-up, and forms to record
both by keyboard.

Making a referral passes the gate in :mod:`app.core.referrals`; when it is stopped the reason shows here in plain
words, with the supervisor override (a name and a reason) when the block allows one. The words never make a release
a condition of help: declining a referral is a choice, and help goes on without a release.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.content.taxonomy import current_taxonomy
from app.core.consent import DATA_KINDS, METHOD_WORDS, ConsentRow, ConsentService, kind_words
from app.core.i18n import _, ngettext
from app.core.providers import ProviderRow, ProviderService
from app.core.referrals import (
    CONTACT_WORDS,
    DECISION_WORDS,
    EVENT_WORDS,
    OUTCOME_WORDS,
    Block,
    Gate,
    ReferralBlocked,
    ReferralRow,
    ReferralService,
    category_words,
    contact_concern,
)
from app.core.sharing import SharingService
from app.errors import ValidationError
from app.models import ProviderContact, ReferralDecision, ReferralEventKind
from app.ui.file_dialogs import open_file_name
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import box_style, edge_style, labels_in, qcolor, text_style
from app.ui.person.fields import (
    WIDEST_ROW,
    ChoiceBox,
    DateField,
    ErrorLine,
    ListField,
    column_of,
    format_date,
    heading_label,
    plain_button,
    row_of,
    wrapped_label,
)
from app.ui.person.forms import message_of
from app.ui.person.host import PersonHost
from app.ui.person.share import ShareDialog
from app.ui.qt import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QScrollArea,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from app.ui.rows import add_row
from app.ui.style import readable_checkbox

if TYPE_CHECKING:
    from app.core.workspace import Workspace

INTRO = QT_TRANSLATE_NOOP(
    "ReferralsSection",
    "Offering a referral is an offer: accepting, declining or “not now” are all the person's choice. A release "
    "lets you share their information with one recipient; help never depends on signing one.",
)
OTHER_RECIPIENT = "__other__"


def _labels(words: dict[str, str]) -> dict[str, str]:
    """The core's choice words (marked for its catalogue) in the app's language."""
    return {key: _(text) for key, text in words.items()}


def _words(words: dict[str, str], key: str | None) -> str:
    """One of the core's words for ``key`` in the app's language; "" when there is none."""
    text = words.get(key or "")
    return _(text) if text else ""


def _warn_style() -> str:
    return text_style("warning", bold=True)


def _stop_frame() -> str:
    return box_style("#gate", "warn") + labels_in("#gate", "warn")


@dataclass(frozen=True)
class ReferralsData:
    person_id: str
    consents: list[ConsentRow] = field(default_factory=list)
    referrals: list[ReferralRow] = field(default_factory=list)
    providers: list[ProviderRow] = field(default_factory=list)
    #: The person's safe-contact flags, so a way of contact they said is unsafe is named as soon as it is chosen.
    contact_flags: dict[str, bool | None] = field(default_factory=dict)
    #: Shares with the prosecution are made from an advocate's vault only: elsewhere the button is not shown.
    advocacy: bool = True


def load_referrals(ws: Workspace, person_id: str) -> ReferralsData:
    referrals = ReferralService(ws)
    return ReferralsData(
        person_id=person_id,
        consents=ConsentService(ws).list_for_person(person_id),
        referrals=referrals.list_for_person(person_id),
        providers=ProviderService(ws).list(),
        contact_flags=referrals.contact_flags(person_id),
        advocacy=ws.identity.regime == "advocacy",
    )


def _heading(text: str, parent: QWidget, scale: float = 1.05) -> QLabel:
    return heading_label(text, parent, scale)


def _wrapped(text: str, parent: QWidget) -> QLabel:
    return wrapped_label(text, parent)


def _list(name: str, description: str, parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setAlternatingRowColors(True)
    widget.setWordWrap(True)
    # Rows wrap at the list's width instead of running past its edge (a release's line at twice the text size);
    # no padding at the sides, which Qt leaves out when it measures a wrapped row (its last words were cut).
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setResizeMode(QListWidget.ResizeMode.Adjust)
    widget.setStyleSheet("QListWidget::item { padding: 6px 0px; }")
    return widget


class _Form(QFrame):
    """A small inline form: labelled rows, an error line, and Save / Cancel. Hidden until asked for."""

    def __init__(self, title: str, save_text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("form")
        self.setStyleSheet(edge_style("#form"))
        self.title = _heading(title, self, 1.0)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self.error = ErrorLine(self)
        self.cancel_button = plain_button(self.tr("Cancel"), self.tr("Cancel: {form}").format(form=title.lower()), self)
        self.save_button = plain_button(save_text, save_text, self)
        self.save_button.setDefault(False)
        buttons = row_of(1, self.cancel_button, self.save_button)
        column_of(self, self.title, self.grid, self.error, buttons, margins=(14, 12, 14, 12), spacing=8)
        self.fields: dict[str, QWidget] = {}
        self.hide()

    def row(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        text = QLabel(label, self)
        text.setWordWrap(True)  # a long label wraps at large text sizes rather than push the form past the window
        text.setBuddy(widget)
        widget.setAccessibleName(label)
        if hint:
            widget.setAccessibleDescription(hint)
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(hint)
        r = self.grid.rowCount()
        self.grid.addWidget(text, r, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(widget, r, 1)
        self.fields[name] = widget
        return widget

    def chain(self) -> None:
        order = [*self.fields.values(), self.cancel_button, self.save_button]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

    def typed(self) -> bool:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit) and widget.text().strip() and not widget.property("prefilled"):
                return True
        return False

    def show_problem(self, exc: BaseException) -> None:
        self.error.show_message(message_of(exc))
        name = exc.field if isinstance(exc, ValidationError) else None
        widget = self.fields.get(name or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


class ReferralsSection(QWidget):
    """Implements ``SelfLoadingSection``: ``load(person_id)``, ``clear()``, ``has_draft()``."""

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self._data: ReferralsData | None = None
        self._scan_path: str | None = None
        self._busy = False

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setAccessibleName(self.tr("Referrals and consent"))
        body = QWidget(scroll)
        scroll.setWidget(body)
        self.body = body
        self.scroll_area = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.intro = _wrapped(self.tr(INTRO), body)
        self.intro.setStyleSheet(text_style("quiet"))
        self.status = _wrapped("", body)
        self.status.setAccessibleName(self.tr("Referrals status"))
        self.warning = _wrapped("", body)
        self.warning.setAccessibleName(self.tr("Releases ending soon"))
        self.warning.setStyleSheet(_warn_style())
        self.warning.hide()

        # --- releases ---
        self.consents = _list(
            self.tr("Releases"), self.tr("Releases of information the person gave, and where each stands."), body
        )
        self.consents_empty = _wrapped(self.tr("No releases recorded. None is needed to offer help."), body)
        self.add_consent_button = plain_button(self.tr("Record a release"), self.tr("Record a release"), body)
        self.withdraw_button = plain_button(
            self.tr("Withdraw the chosen release…"), self.tr("Withdraw the chosen release"), body
        )
        self.add_consent_button.clicked.connect(self.start_consent)
        self.share_button = plain_button(
            self.tr("Share with the prosecution…"), self.tr("Share with the prosecution"), body
        )
        self.share_button.setToolTip(
            self.tr("Share facts the person agreed to, under their release to a prosecution team")
        )
        self.share_button.clicked.connect(self.start_share)
        self.withdraw_button.clicked.connect(self._start_withdraw)
        self.consents.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.consent_form = self._build_consent_form(body)
        self.withdraw_form = self._build_withdraw_form(body)

        # --- referrals ---
        self.referrals = _list(
            self.tr("Referrals"), self.tr("Referrals offered to the person, with their decision and follow-up."), body
        )
        self.referrals_empty = _wrapped(self.tr("No referrals offered yet."), body)
        self.add_referral_button = plain_button(self.tr("Offer a referral"), self.tr("Offer a referral"), body)
        self.add_referral_button.clicked.connect(self.start_referral)
        self.referral_form = self._build_referral_form(body)
        self.detail = _wrapped("", body)
        self.detail.setAccessibleName(self.tr("Chosen referral"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.make_button = plain_button(self.tr("Make the referral"), self.tr("Make the referral"), body)
        self.make_button.setToolTip(self.tr("Checks the person's release and safe ways to reach them, then records it"))
        self.step_kind = ChoiceBox(
            "step",
            [k.value for k in ReferralEventKind if k is not ReferralEventKind.MADE],
            empty=self.tr("Choose a step"),
            labels=_labels(EVENT_WORDS),
            parent=body,
        )
        self.step_kind.setAccessibleName(self.tr("Next step"))
        self.step_date = DateField(body)
        self.step_date.setAccessibleName(self.tr("Date of the step"))
        self.step_button = plain_button(self.tr("Add the step"), self.tr("Add the step"), body)
        self.decision_box = ChoiceBox(
            "decision", [d.value for d in ReferralDecision], empty=None, labels=_labels(DECISION_WORDS), parent=body
        )
        self.decision_box.setAccessibleName(self.tr("The person's decision"))
        self.decision_button = plain_button(self.tr("Save the decision"), self.tr("Save the person's decision"), body)
        # The way to connect stays open to change until the referral is made (say, after the gate stopped a call
        # the person said is unsafe); once made, it is what the provider was given.
        self.contact_box = ChoiceBox(
            "provider_contact",
            [c.value for c in ProviderContact],
            empty=self.tr("Not decided yet"),
            labels=_labels(CONTACT_WORDS),
            parent=body,
        )
        self.contact_box.setAccessibleName(self.tr("How they connect"))
        self.contact_button = plain_button(self.tr("Save the way to connect"), self.tr("Save the way to connect"), body)
        self.contact_button.clicked.connect(self._save_contact)
        self.saved_contact_warning = self._contact_warning_line(
            body, self.tr("About the chosen referral's way to connect")
        )
        self.contact_box.currentIndexChanged.connect(
            lambda _i: self._warn_contact(self.contact_box, self.saved_contact_warning)
        )
        self.make_button.clicked.connect(self.make_referral)
        self.step_button.clicked.connect(self._add_step)
        self.decision_button.clicked.connect(self._save_decision)
        self.referrals.currentRowChanged.connect(lambda _r: self._show_detail())
        self.gate = self._build_gate(body)

        self.steps_row = QWidget(body)
        steps = QGridLayout(self.steps_row)
        steps.setContentsMargins(0, 0, 0, 0)
        steps.setHorizontalSpacing(8)
        steps.setVerticalSpacing(6)
        decision_label = QLabel(self.tr("Decision"), self.steps_row)
        decision_label.setBuddy(self.decision_box)
        step_label = QLabel(self.tr("Next step"), self.steps_row)
        step_label.setBuddy(self.step_kind)
        contact_label = QLabel(self.tr("How they connect"), self.steps_row)
        contact_label.setBuddy(self.contact_box)
        step_line = row_of(self.step_date, self.step_button, 1, spacing=8)
        lines = (
            (decision_label, self.decision_box, self.decision_button),
            (step_label, self.step_kind, step_line),
            (contact_label, self.contact_box, self.contact_button),
        )
        widths = [
            max(part.sizeHint().width() for part in column)
            for column in zip(*((label, box, action) for label, box, action in lines), strict=True)
        ]
        # One row each when it fits; else the action under its choice; at large text, everything one under the other.
        # (The action goes under its choice, in the choice's column: that column is as wide as the wider of the two.)
        stacked = widths[0] + max(widths[1], widths[2]) + 8 > WIDEST_ROW - 60
        under = stacked or sum(widths) + 16 > WIDEST_ROW
        for n, (label, box, action) in enumerate(lines):
            if stacked:
                row = n * 3
                steps.addWidget(label, row, 0, 1, 3)
                steps.addWidget(box, row + 1, 0, 1, 3)
                places = (row + 2, 0, 1, 3)
            elif under:
                steps.addWidget(label, n * 2, 0)
                steps.addWidget(box, n * 2, 1)
                places = (n * 2 + 1, 1, 1, 2)
            else:
                steps.addWidget(label, n, 0)
                steps.addWidget(box, n, 1)
                places = (n, 2, 1, 1)
            row, column, rows, columns = places
            if isinstance(action, QWidget):
                steps.addWidget(action, row, column, rows, columns, Qt.AlignmentFlag.AlignLeft)
            elif isinstance(action, QLayout):
                steps.addLayout(action, row, column, rows, columns)
        steps.addWidget(self.saved_contact_warning, steps.rowCount(), 0 if stacked else 1, 1, 3)
        steps.setColumnStretch(3, 1)
        self.detail.setStyleSheet(text_style("text"))

        consent_row = (self.add_consent_button, self.withdraw_button, self.share_button)
        consent_buttons: QBoxLayout
        pair = self.add_consent_button.sizeHint().width() + self.share_button.sizeHint().width() + 8
        if pair > WIDEST_ROW - 60:
            # Large text in a longer language: one button a row (the side list beside it is wider too).
            consent_buttons = column_of(None, *(row_of(button, 1) for button in consent_row))
        elif sum(b.sizeHint().width() for b in consent_row) > WIDEST_ROW:
            # Large text: two rows, so the buttons never make the section scroll sideways.
            consent_buttons = column_of(
                None, row_of(self.add_consent_button, self.share_button, 1), row_of(self.withdraw_button, 1)
            )
        else:
            consent_buttons = row_of(self.add_consent_button, self.withdraw_button, self.share_button, 1)
        referral_buttons = row_of(self.add_referral_button, self.make_button, 1)

        layout = column_of(
            body,
            _heading(self.tr("Referrals & consent"), body, 1.15),
            self.intro,
            self.warning,
            self.status,
            _heading(self.tr("Referrals"), body),
            self.referrals,
            self.referrals_empty,
            referral_buttons,
            self.gate,
            self.detail,
            self.steps_row,
            self.referral_form,
            margins=(0, 0, 14, 14),
            spacing=10,
        )
        layout.addSpacing(8)
        layout.addWidget(_heading(self.tr("Releases the person gave"), body))
        layout.addWidget(self.consents)
        layout.addWidget(self.consents_empty)
        layout.addLayout(consent_buttons)
        layout.addWidget(self.withdraw_form)
        layout.addWidget(self.consent_form)
        layout.addStretch(1)
        for lst in (self.consents, self.referrals):
            lst.setMinimumHeight(lst.fontMetrics().lineSpacing() * 5)
            lst.setMaximumHeight(lst.fontMetrics().lineSpacing() * 9)
        order = [
            self.referrals,
            self.add_referral_button,
            self.make_button,
            self.decision_box,
            self.decision_button,
            self.step_kind,
            self.step_date,
            self.step_button,
            self.contact_box,
            self.contact_button,
            self.consents,
            self.add_consent_button,
            self.withdraw_button,
            self.share_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.referrals)
        self._update_buttons()

    # --- building the forms -------------------------------------------------------------------------------------

    def _build_consent_form(self, parent: QWidget) -> _Form:
        form = _Form(self.tr("Record a release"), self.tr("Save the release"), parent)
        self.recipient_box = ChoiceBox("recipient", [], empty=None, parent=form)
        form.row("recipient_provider_id", self.tr("Recipient"), self.recipient_box)
        form.row("recipient", self.tr("Recipient's name, if not in the directory"), QLineEdit(form))
        covered = ListField(form)
        form.row(
            "data_covered",
            self.tr("Information covered"),
            covered,
            self.tr("Separate with commas: {examples}").format(examples=", ".join(_(kind) for kind in DATA_KINDS[:3])),
        )
        form.row("purpose", self.tr("Purpose"), QLineEdit(form), self.tr("For example: referral for legal help"))
        form.row("starts_on", self.tr("Starts on"), DateField(form))
        form.row("expires_on", self.tr("Ends on"), DateField(form))
        method = ChoiceBox(
            "method",
            list(METHOD_WORDS),
            empty=self.tr("Choose how it was given"),
            labels=_labels(METHOD_WORDS),
            parent=form,
        )
        form.row("method", self.tr("How the person gave it"), method)
        form.row("witness_name", self.tr("Witness (when given aloud)"), QLineEdit(form))
        self.scan_button = plain_button(self.tr("Attach a scan…"), self.tr("Attach a scanned release"), form)
        self.scan_button.clicked.connect(self._choose_scan)
        form.row("scan", self.tr("Scanned release (kept encrypted)"), self.scan_button)
        self.recipient_box.currentIndexChanged.connect(lambda _i: self._recipient_changed())
        form.chain()
        form.cancel_button.clicked.connect(lambda: self._close_form(form, self.add_consent_button))
        form.save_button.clicked.connect(self._save_consent)
        return form

    def _build_withdraw_form(self, parent: QWidget) -> _Form:
        form = _Form(self.tr("Withdraw a release"), self.tr("Withdraw it"), parent)
        form.row("revoked_on", self.tr("Withdrawn on"), DateField(form))
        form.row("revocation_note", self.tr("Note (optional)"), QLineEdit(form))
        # What withdrawing means for shares with the prosecution made under this release, said before it is done.
        self.lapse_note = _wrapped("", form)
        self.lapse_note.setAccessibleName(self.tr("Shares that will lapse"))
        self.lapse_note.setStyleSheet(_warn_style())
        self.lapse_note.hide()
        form.grid.addWidget(self.lapse_note, form.grid.rowCount(), 0, 1, 2)
        form.chain()
        form.cancel_button.clicked.connect(lambda: self._close_form(form, self.withdraw_button))
        form.save_button.clicked.connect(self._save_withdraw)
        return form

    def _build_referral_form(self, parent: QWidget) -> _Form:
        form = _Form(self.tr("Offer a referral"), self.tr("Save the referral"), parent)
        categories = current_taxonomy().offered()
        self.category_box = ChoiceBox(
            "category",
            [c.id for c in categories],
            empty=self.tr("Choose the kind of help"),
            labels={c.id: category_words(c.title) for c in categories},
            parent=form,
        )
        form.row("category", self.tr("Kind of help"), self.category_box)
        self.provider_box = ChoiceBox("provider", [], empty=self.tr("No provider chosen yet"), parent=form)
        form.row("provider_id", self.tr("Provider"), self.provider_box)
        form.row("offered_on", self.tr("Date offered"), DateField(form))
        # Starts empty: the decision is the person's, and nothing should be recorded for them by default.
        decision = ChoiceBox(
            "decision",
            [d.value for d in ReferralDecision],
            empty=self.tr("Choose the person's decision"),
            labels=_labels(DECISION_WORDS),
            parent=form,
        )
        form.row("decision", self.tr("The person's decision"), decision)
        contact = ChoiceBox(
            "provider_contact",
            [c.value for c in ProviderContact],
            empty=self.tr("Not decided yet"),
            labels=_labels(CONTACT_WORDS),
            parent=form,
        )
        form.row("provider_contact", self.tr("How they connect"), contact)
        # Said at once, under the choice: a way the person said is unsafe is named before anything is saved.
        self.contact_warning = self._contact_warning_line(form, self.tr("About this way to connect"))
        form.grid.addWidget(self.contact_warning, form.grid.rowCount(), 1)
        contact.currentIndexChanged.connect(lambda _i: self._warn_contact(contact, self.contact_warning))
        # Short words beside the box (a check box never wraps: at 200 % text the long sentence pushed the form past
        # the window); the whole sentence is its description.
        shares = readable_checkbox(QCheckBox(self.tr("Shared with the provider"), form))
        shares.setChecked(True)
        form.row(
            "shares_identifying",
            self.tr("Identifying information"),
            shares,
            hint=self.tr("Whether the referral shares the person's name or other identifying information"),
        )
        form.row("follow_up_due", self.tr("Follow-up due"), DateField(form))
        self.category_box.currentIndexChanged.connect(lambda _i: self._fill_providers())
        form.chain()
        form.cancel_button.clicked.connect(lambda: self._close_form(form, self.add_referral_button))
        form.save_button.clicked.connect(self._save_referral)
        return form

    @staticmethod
    def _contact_warning_line(parent: QWidget, name: str) -> QLabel:
        label = _wrapped("", parent)
        label.setAccessibleName(name)
        label.setStyleSheet(_warn_style())
        label.hide()
        return label

    def _warn_contact(self, box: ChoiceBox, label: QLabel) -> None:
        """The person's own rule about the chosen way to connect, in words, as soon as it is chosen."""
        concern = contact_concern(box.value(), self._data.contact_flags if self._data else {})
        if concern is None:
            label.setText("")
            label.hide()
            return
        label.setText(self.tr("⚠ {warning}").format(warning=concern.words))
        label.show()

    def _build_gate(self, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        frame.setObjectName("gate")
        self.gate_text = _wrapped("", frame)
        self.gate_text.setAccessibleName(self.tr("Why the referral was not made"))
        self.gate_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.override_box = QWidget(frame)
        self.override_by = QLineEdit(self.override_box)
        self.override_by.setAccessibleName(self.tr("Supervisor who approved the override"))
        self.override_by.setPlaceholderText(self.tr("Supervisor's name"))
        self.override_reason = QLineEdit(self.override_box)
        self.override_reason.setAccessibleName(self.tr("Reason for the override"))
        self.override_reason.setPlaceholderText(self.tr("Why it must be shared without a release, in a sentence"))
        self.override_button = plain_button(
            self.tr("Make it with this override"), self.tr("Make the referral with this override"), self.override_box
        )
        self.override_button.clicked.connect(self._make_with_override)
        self.override_error = ErrorLine(self.override_box)
        grid = QGridLayout(self.override_box)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(
            _wrapped(
                self.tr("A supervisor may approve sharing anyway, with a reason that is recorded:"), self.override_box
            ),
            0,
            0,
            1,
            2,
        )
        grid.addWidget(QLabel(self.tr("Approved by"), self.override_box), 1, 0)
        grid.addWidget(self.override_by, 1, 1)
        grid.addWidget(QLabel(self.tr("Reason"), self.override_box), 2, 0)
        grid.addWidget(self.override_reason, 2, 1)
        grid.addWidget(self.override_error, 3, 0, 1, 2)
        grid.addWidget(self.override_button, 4, 1, Qt.AlignmentFlag.AlignRight)
        self.gate_close = plain_button(self.tr("Close"), self.tr("Close this message"), frame)
        self.gate_close.clicked.connect(self._hide_gate)
        layout = column_of(frame, self.gate_text, self.override_box, margins=(14, 12, 14, 12))
        layout.addWidget(self.gate_close, 0, Qt.AlignmentFlag.AlignRight)
        QWidget.setTabOrder(self.override_by, self.override_reason)
        QWidget.setTabOrder(self.override_reason, self.override_button)
        QWidget.setTabOrder(self.override_button, self.gate_close)
        frame.hide()
        return frame

    # --- SelfLoadingSection --------------------------------------------------------------------------------------

    def load(self, person_id: str) -> None:
        if person_id != self._person_id:
            self.clear()
        self._person_id = person_id
        self._host.run(lambda ws: load_referrals(ws, person_id), self._arrived, self._failed)

    def clear(self) -> None:
        self._person_id = None
        self._data = None
        self._scan_path = None
        self._busy = False
        self.consents.clear()
        self.referrals.clear()
        self.detail.setText("")
        self.status.setText("")
        self.warning.setText("")
        self.warning.hide()
        for form in (self.consent_form, self.withdraw_form, self.referral_form):
            self._reset_form(form)
            form.hide()
        self._hide_gate()
        self.recipient_box.clear()
        self.provider_box.clear()
        self._update_buttons()

    def has_draft(self) -> bool:
        return any(f.isVisible() and f.typed() for f in (self.consent_form, self.referral_form, self.withdraw_form))

    # --- showing ---------------------------------------------------------------------------------------------------

    def _arrived(self, data: ReferralsData) -> None:
        if data.person_id != self._person_id:
            return
        keep_consent = self._current_id(self.consents)
        keep_referral = self._current_id(self.referrals)
        self._data = data
        self.share_button.setVisible(data.advocacy)
        self.consents.blockSignals(True)
        self.consents.clear()
        for c in data.consents:
            text = self.tr("{recipient} · {state}\nCovers {covered} · For {purpose}").format(
                recipient=c.recipient,
                state=c.state.words,
                covered=", ".join(kind_words(kind) for kind in c.data_covered).lower(),
                purpose=c.purpose,
            )
            item = add_row(self.consents, self.tr("⚠ {warning}").format(warning=text) if c.state.warning else text)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            if not c.state.usable:
                item.setForeground(qcolor("quiet"))
        self.consents.blockSignals(False)
        self.referrals.blockSignals(True)
        self.referrals.clear()
        lines = [self._referral_line(r) for r in data.referrals]
        for n, (r, line) in enumerate(zip(data.referrals, lines, strict=True)):
            twins = [i for i, other in enumerate(lines) if other == line]
            if len(twins) > 1:  # the same help, provider and day, said the same way: number them
                line = self.tr("{line} · offer {n} of {count} that day").format(
                    line=line, n=twins.index(n) + 1, count=len(twins)
                )
            item = add_row(self.referrals, line)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
        self.referrals.blockSignals(False)
        self._select(self.consents, keep_consent)
        self._select(self.referrals, keep_referral or (data.referrals[0].id if data.referrals else None))
        self.consents_empty.setVisible(not data.consents)
        self.referrals_empty.setVisible(not data.referrals)
        expiring = [c for c in data.consents if c.state.warning]
        self.warning.setText(
            ngettext(
                "⚠ {n} release ends within 30 days. Ask the person whether they want to renew it.",
                "⚠ {n} releases end within 30 days. Ask the person whether they want to renew it.",
                len(expiring),
            ).format(n=len(expiring))
            if expiring
            else ""
        )
        self.warning.setVisible(bool(expiring))
        self._fill_recipients()
        self._fill_providers()
        self._show_detail()

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet("")
        self.status.setText(message_of(exc))
        self._busy = False
        self._update_buttons()

    def _referral_line(self, r: ReferralRow) -> str:
        # The kind of help and the dates come first, so two referrals to one provider never read the same.
        first = " · ".join(p for p in (r.category_title, r.provider_name or self.tr("No provider chosen")) if p)
        made = next((e.occurred_on for e in r.events if e.kind == "made"), None)
        parts = [
            self.tr("Offered {date}").format(date=format_date(r.offered_on)),
            self.tr("Made {date}").format(date=format_date(made)) if made else "",
            _words(DECISION_WORDS, r.decision),
            _words(CONTACT_WORDS, r.provider_contact),
        ]
        if r.follow_up_due and r.is_open:
            late = r.follow_up_due <= dt.date.today()
            due = self.tr("⚠ Follow-up due {date}") if late else self.tr("Follow-up due {date}")
            parts.append(due.format(date=format_date(r.follow_up_due)))
        if r.outcome and r.outcome != "open":
            parts.append(_words(OUTCOME_WORDS, r.outcome) or r.outcome)
        return first + "\n" + " · ".join(p for p in parts if p)

    def _show_detail(self) -> None:
        r = self._current_referral()
        if r is None:
            self.detail.setText("")
        else:
            lines = [_words(CONTACT_WORDS, r.provider_contact) or self.tr("How they connect: not decided yet")]
            lines.append(
                self.tr("Shares identifying information")
                if r.shares_identifying
                else self.tr("Shares nothing identifying")
            )
            if r.override_reason:
                lines.append(self.tr("Shared by supervisor override: {reason}").format(reason=r.override_reason))
            steps = [
                (self.tr("{date}: {step} ({note})") if e.note else self.tr("{date}: {step}")).format(
                    date=format_date(e.occurred_on), step=e.words, note=e.note
                )
                for e in r.events
            ]
            lines.append(self.tr("Steps: {steps}").format(steps="; ".join(steps) if steps else self.tr("none yet")))
            self.detail.setText("\n".join(lines))
            self.decision_box.set_value(r.decision or ReferralDecision.PENDING.value)
            self.contact_box.set_value(r.provider_contact)
        self._update_buttons()

    def _fill_recipients(self) -> None:
        current = self.recipient_box.value()
        self.recipient_box.blockSignals(True)
        self.recipient_box.clear()
        self.recipient_box.addItem(self.tr("Someone not in the directory"), OTHER_RECIPIENT)
        for p in self._data.providers if self._data else []:
            self.recipient_box.addItem(p.name, p.id)
        self.recipient_box.set_value(current if current else OTHER_RECIPIENT)
        self.recipient_box.blockSignals(False)
        self._recipient_changed()

    def _fill_providers(self) -> None:
        category = self.category_box.value()
        current = self.provider_box.value()
        self.provider_box.clear()
        self.provider_box.addItem(self.tr("No provider chosen yet"), None)
        for p in self._data.providers if self._data else []:
            if category is None or category in p.categories:
                self.provider_box.addItem(p.name, p.id)
        self.provider_box.set_value(current)

    def _recipient_changed(self) -> None:
        other = self.recipient_box.value() in (None, OTHER_RECIPIENT)
        self.consent_form.fields["recipient"].setEnabled(other)

    @staticmethod
    def _current_id(widget: QListWidget) -> str | None:
        item = widget.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    @staticmethod
    def _select(widget: QListWidget, record_id: str | None) -> None:
        for row in range(widget.count()):
            if widget.item(row).data(Qt.ItemDataRole.UserRole) == record_id:
                widget.setCurrentRow(row)
                return

    def _current_referral(self) -> ReferralRow | None:
        rid = self._current_id(self.referrals)
        return next((r for r in (self._data.referrals if self._data else []) if r.id == rid), None)

    def _update_buttons(self) -> None:
        ready = self._person_id is not None and self._data is not None and not self._busy
        r = self._current_referral()
        for b in (self.add_consent_button, self.add_referral_button, self.share_button):
            b.setEnabled(ready)
        consent = self._current_id(self.consents)
        row = next((c for c in (self._data.consents if self._data else []) if c.id == consent), None)
        self.withdraw_button.setEnabled(ready and row is not None and row.revoked_on is None)
        can_make = ready and r is not None and r.decision == "accepted" and not r.made and r.is_open
        self.make_button.setEnabled(can_make)
        self.make_button.setToolTip("" if can_make else self.tr("A referral is made once the person has accepted it"))
        for w in (self.step_kind, self.step_date, self.step_button, self.decision_box, self.decision_button):
            w.setEnabled(ready and r is not None)
        can_change_contact = ready and r is not None and not r.made and r.is_open
        for w in (self.contact_box, self.contact_button):
            w.setEnabled(can_change_contact)
        self.contact_button.setToolTip(
            ""
            if can_change_contact or r is None
            else self.tr("The referral is made: the way to connect stays as it was sent")
        )
        self.steps_row.setVisible(r is not None)

    # --- forms --------------------------------------------------------------------------------------------------

    def _reset_form(self, form: _Form) -> None:
        form.error.clear_message()
        for widget in form.fields.values():
            if isinstance(widget, QLineEdit):
                widget.setText("")
                widget.setProperty("prefilled", False)
            elif isinstance(widget, ChoiceBox):
                widget.setCurrentIndex(0)
        if form is self.consent_form:
            self._scan_path = None
            self.scan_button.setText(self.tr("Attach a scan…"))
        if form is self.referral_form:
            self.contact_warning.setText("")
            self.contact_warning.hide()

    def _open_form(self, form: _Form, first: QWidget) -> None:
        self._reset_form(form)
        form.show()
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        # After the layout has made room for the form: scroll so all of it shows.
        QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(form, 0, 0))

    def _close_form(self, form: _Form, back_to: QWidget) -> None:
        self._reset_form(form)
        form.hide()
        back_to.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_consent(self) -> None:
        self._open_form(self.consent_form, self.recipient_box)
        today = dt.date.today()
        for name, value in (("starts_on", today), ("expires_on", today + dt.timedelta(days=365))):
            widget = self.consent_form.fields[name]
            assert isinstance(widget, DateField)
            widget.set_value(value)
            widget.setProperty("prefilled", True)
        self.recipient_box.set_value(OTHER_RECIPIENT)
        self._recipient_changed()

    def start_referral(self) -> None:
        self._open_form(self.referral_form, self.category_box)
        today = dt.date.today()
        for name, value in (("offered_on", today), ("follow_up_due", today + dt.timedelta(days=14))):
            widget = self.referral_form.fields[name]
            assert isinstance(widget, DateField)
            widget.set_value(value)
            widget.setProperty("prefilled", True)
        self._fill_providers()

    def _start_withdraw(self) -> None:
        self._open_form(self.withdraw_form, self.withdraw_form.fields["revoked_on"])
        widget = self.withdraw_form.fields["revoked_on"]
        assert isinstance(widget, DateField)
        widget.set_value(dt.date.today())
        widget.setProperty("prefilled", True)
        self._show_lapse(self._current_id(self.consents))

    def _show_lapse(self, consent_id: str | None) -> None:
        self.lapse_note.setText("")
        self.lapse_note.hide()
        if consent_id is None:
            return

        def done(words: str | None) -> None:
            if words and self.withdraw_form.isVisible():
                self.lapse_note.setText(words)
                self.lapse_note.show()

        self._host.run(lambda ws: SharingService(ws).lapse_words(consent_id), done, lambda _exc: None)

    def start_share(self) -> None:
        """Open the share dialog; what it shared is said in the section's status line."""
        person_id = self._person_id
        if person_id is None:
            return
        dialog = ShareDialog(self._host, person_id, self)
        self.share_dialog: ShareDialog | None = dialog
        dialog.finished.connect(lambda _r: self._shared(dialog))
        dialog.open()

    def _shared(self, dialog: ShareDialog) -> None:
        self.share_dialog = None
        dialog.deleteLater()  # the person's facts do not linger in a hidden dialog (closing on lock included)
        if dialog.shared_text:
            self.status.setStyleSheet("")
            self.status.setText(dialog.shared_text)
            self._host.record_changed("referrals")
        self.share_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose_scan(self) -> None:
        path, _ = open_file_name(
            self, self.tr("Choose the scanned release"), "", self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)")
        )
        if path:
            self._scan_path = path
            self.scan_button.setText(self.tr("Scan chosen: it will be stored encrypted in the vault"))

    def _values(self, form: _Form) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in form.fields.items():
            if isinstance(widget, ChoiceBox | DateField | ListField):
                out[name] = widget.value()
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text().strip() or None
        return out

    def _run(self, form: _Form | None, work: Any, done_text: str) -> None:
        person_id = self._person_id
        if person_id is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saving…"))

        def done(_result: Any) -> None:
            self._busy = False
            if form is not None:
                self._reset_form(form)
                form.hide()
            self.status.setText(done_text)
            self._host.record_changed("referrals")

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.status.setText(self.tr("Nothing was saved. {reason}").format(reason=message_of(exc)))
            if form is not None:
                form.show_problem(exc)
            self._update_buttons()

        if not self._host.run(work, done, failed):
            self._busy = False
            self._update_buttons()

    def _save_consent(self) -> None:
        values = self._values(self.consent_form)
        values.pop("scan", None)
        if values.get("recipient_provider_id") == OTHER_RECIPIENT:
            values["recipient_provider_id"] = None
        else:
            values.pop("recipient", None)
        person_id, scan = self._person_id, self._scan_path
        if person_id is None:
            return
        self._run(
            self.consent_form,
            lambda ws: ConsentService(ws).record(person_id, values, scan_path=scan),
            self.tr("Release saved."),
        )
        self.add_consent_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_withdraw(self) -> None:
        consent_id = self._current_id(self.consents)
        if consent_id is None:
            return
        values = self._values(self.withdraw_form)
        lapse = self.lapse_note.text()
        self._run(
            self.withdraw_form,
            lambda ws: ConsentService(ws).revoke(consent_id, values["revoked_on"], values["revocation_note"]),
            (
                self.tr("The release is withdrawn. Nothing more will be shared under it. {lapse}").format(lapse=lapse)
                if lapse
                else self.tr("The release is withdrawn. Nothing more will be shared under it.")
            ),
        )

    def _save_referral(self) -> None:
        values = self._values(self.referral_form)
        if values.get("decision") is None:
            self.referral_form.show_problem(
                ValidationError(
                    self.tr(
                        "Please choose the person's decision. If they have not decided yet, choose “{pending}”."
                    ).format(pending=_(DECISION_WORDS[ReferralDecision.PENDING.value])),
                    field="decision",
                )
            )
            return
        person_id = self._person_id
        if person_id is None:
            return
        self._run(
            self.referral_form, lambda ws: ReferralService(ws).save(person_id, None, values), self.tr("Referral saved.")
        )
        self.referrals.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_decision(self) -> None:
        r = self._current_referral()
        if r is None or self._person_id is None:
            return
        decision, person_id = self.decision_box.value(), self._person_id
        self._run(
            None,
            lambda ws: ReferralService(ws).save(person_id, r.id, {"decision": decision}),
            self.tr("The person's decision is saved."),
        )

    def _save_contact(self) -> None:
        r = self._current_referral()
        if r is None or self._person_id is None:
            return
        contact, person_id = self.contact_box.value(), self._person_id
        self._hide_gate()
        self._run(
            None,
            lambda ws: ReferralService(ws).save(person_id, r.id, {"provider_contact": contact}),
            self.tr("The way to connect is saved. You can make the referral now."),
        )

    def _add_step(self) -> None:
        r = self._current_referral()
        kind = self.step_kind.value()
        if r is None:
            return
        if kind is None:
            self.status.setText(self.tr("Choose the step first."))
            self.step_kind.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        day = self.step_date.value() or dt.date.today()
        self._run(None, lambda ws: ReferralService(ws).add_event(r.id, kind, day), self.tr("Step added."))  # type: ignore[arg-type]
        self.step_kind.setCurrentIndex(0)
        self.step_date.setText("")

    # --- making a referral --------------------------------------------------------------------------------------

    def make_referral(self, *, override: tuple[str, str] | None = None) -> None:
        r = self._current_referral()
        if r is None or self._busy:
            return
        rid = r.id
        reason, by = override if override else (None, None)
        self._busy = True
        self._update_buttons()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Checking the release and the safe ways to reach the person…"))

        def work(ws: Workspace) -> Gate:
            return ReferralService(ws).make(rid, override_reason=reason, approved_by=by)

        if not self._host.run(work, self._made, self._not_made):
            self._busy = False
            self._update_buttons()

    def _made(self, gate: Gate) -> None:
        self._busy = False
        self._hide_gate()
        done = self.tr("The referral is made and recorded.")
        if not gate.allowed:
            done = self.tr("The referral is made under the supervisor's override, which is recorded.")
        self.status.setText(" ".join([done, *gate.warnings]))
        self.status.setStyleSheet(_warn_style() if gate.warnings else "")
        self._host.record_changed("referrals")

    def _not_made(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(exc, ReferralBlocked):
            gate = exc.gate
            self.status.setText(self.tr("The referral was not made. The reason is below."))
            lines = [
                self.tr("Not made yet. {reason}").format(reason=gate.reasons[0]),
                *gate.reasons[1:],
                *gate.warnings,
            ]
            self.gate_text.setText("\n\n".join(lines))
            self.gate.setStyleSheet(_stop_frame())
            self.override_box.setVisible(gate.overridable)
            self.gate.show()
            self.override_error.clear_message()
            if Block.CONTACT_UNSAFE in gate.blocks:
                # The way forward is another way to connect: it is right below, ready to change.
                self.gate_text.setText(
                    "\n\n".join(
                        [
                            *lines,
                            self.tr("Change “{field}” below, then make it.").format(field=self.tr("How they connect")),
                        ]
                    )
                )
                self.contact_box.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                (self.override_by if gate.overridable else self.gate_close).setFocus(Qt.FocusReason.OtherFocusReason)
            self._host.record_changed("referrals")  # the stopped disclosure shows in the history
            return
        if (
            self.gate.isVisible()
            and isinstance(exc, ValidationError)
            and exc.field in ("override_reason", "approved_by")
        ):
            self.override_error.show_message(message_of(exc))
            (self.override_reason if exc.field == "override_reason" else self.override_by).setFocus()
            self.status.setText("")
            return
        self.status.setText(self.tr("The referral was not made. {reason}").format(reason=message_of(exc)))

    def _make_with_override(self) -> None:
        self.make_referral(override=(self.override_reason.text(), self.override_by.text()))

    def _hide_gate(self) -> None:
        self.gate.hide()
        self.override_by.setText("")
        self.override_reason.setText("")
        self.override_error.clear_message()
        self.gate_text.setText("")


__all__ = ["ReferralsData", "ReferralsSection", "load_referrals"]
