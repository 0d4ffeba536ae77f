""""Consider a screening": a calm banner at the top of the person's page, for the worker, never about the person.

It shows one offer at a time (the latest arrest first, from ``app.core.screening_prompts``) with the reason in plain
words, and two buttons: "Start a screening" (the workspace opens the Screening section at its start button) and
"Not now…", which asks for a short reason and records it (a record and an audit event), so the prompt for that
matter is not offered again. Everything runs through the host's task runner; :meth:`clear` forgets it all at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.i18n import ngettext
from app.core.screening_prompts import MAX_REASON, PromptOffer, ScreeningPromptService
from app.ui.errors import human_message
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import box_style, labels_in, text_style
from app.ui.person.fields import ErrorLine, column_of, format_date, heading_label, plain_button, row_of, wrapped_label
from app.ui.person.host import PersonHost
from app.ui.qt import QFrame, QKeyEvent, QLabel, QLineEdit, Qt, QWidget, Signal

if TYPE_CHECKING:
    from app.core.workspace import Workspace

NOTED = QT_TRANSLATE_NOOP("ScreeningPromptBanner", "Noted. The prompt will not be offered again for this matter.")


class _ReasonField(QLineEdit):
    """The reason: Enter saves, Escape puts the question away (and does not leave the person's page)."""

    submitted = Signal()
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ScreeningPromptBanner(QFrame):
    """Hidden unless a justice matter of the person on screen calls for "Consider a screening"."""

    #: "Start a screening": the workspace shows the Screening section, ready to start.
    start_requested = Signal()
    #: The worker closed the "Noted" message: the keyboard goes back to the page.
    closed = Signal()

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._person_id: str | None = None
        self._offer: PromptOffer | None = None
        self._others = 0
        self.setObjectName("screening-prompt")
        self.setStyleSheet(box_style("#screening-prompt", "calm", radius=8) + labels_in("#screening-prompt", "calm"))
        self.setAccessibleName(self.tr("Consider a screening"))

        self.title = heading_label(self.tr("Consider a screening"), self)
        self.reason_text = wrapped_label("", self)
        self.matter_text = wrapped_label("", self, text_style("muted"))
        self.start_button = plain_button(self.tr("Start a screening"), parent=self)
        self.start_button.setAccessibleDescription(self.tr("Opens the Screening section, ready to start one."))
        self.not_now_button = plain_button(self.tr("Not now…"), self.tr("Not now"), self)
        self.not_now_button.setAccessibleDescription(
            self.tr("Asks for a short reason; the prompt is then not offered again.")
        )
        self.start_button.clicked.connect(self.start_requested)
        self.not_now_button.clicked.connect(self.ask_reason)

        # "Not now": a short reason, kept with the matter.
        self.reason_label = QLabel(self.tr("Why not now? A few words, kept with this matter:"), self)
        self.reason_label.setWordWrap(True)
        self.reason = _ReasonField(self)
        self.reason.setAccessibleName(self.tr("Why not now"))
        self.reason.setPlaceholderText(self.tr("For example: in court today, the advocate will screen next week"))
        self.reason.setMaxLength(MAX_REASON)
        self.reason_label.setBuddy(self.reason)
        self.save_button = plain_button(self.tr("Save the reason"), parent=self)
        self.cancel_button = plain_button(self.tr("Cancel"), self.tr("Cancel, keep the prompt"), self)
        self.reason.submitted.connect(self.save_reason)
        self.reason.cancelled.connect(self.put_away_reason)
        self.save_button.clicked.connect(self.save_reason)
        self.cancel_button.clicked.connect(self.put_away_reason)
        self.error = ErrorLine(self)
        self.noted = wrapped_label("", self)
        self.noted.setAccessibleName(self.tr("Prompt answered"))
        self.close_button = plain_button(self.tr("Close"), self.tr("Close this message"), self)
        self.close_button.clicked.connect(self._close_note)
        self.noted_row = QWidget(self)
        self.noted_row.setLayout(row_of((self.noted, 1), self.close_button, margins=(0, 0, 0, 0), spacing=10))
        self.noted_row.hide()

        self.buttons = QWidget(self)
        row = row_of(self.start_button, self.not_now_button, 1, margins=(0, 0, 0, 0), spacing=10)
        self.buttons.setLayout(row)
        self.reason_row = QWidget(self)
        self.reason_row.setLayout(column_of(
            None, self.reason_label,
            row_of((self.reason, 1), self.save_button, self.cancel_button, margins=(0, 0, 0, 0), spacing=10),
            margins=(0, 0, 0, 0), spacing=6,
        ))  # fmt: skip
        self.reason_row.hide()
        column_of(self, self.title, self.reason_text, self.matter_text, self.buttons, self.reason_row, self.error,
                  self.noted_row, margins=(16, 12, 16, 12), spacing=8)  # fmt: skip
        self.hide()

    # --- the workspace's calls ---------------------------------------------------------------------------------------

    def load(self, person_id: str) -> None:
        """Read the offers for the person (on the worker); a new person forgets the last one's answer."""
        if person_id != self._person_id:
            self.clear()
        self._person_id = person_id

        def work(ws: Workspace) -> tuple[str, list[PromptOffer]]:
            return person_id, ScreeningPromptService(ws).offers(person_id)

        self.host.run(work, self._arrived, lambda _exc: None)  # a prompt that cannot be read is simply not shown

    def clear(self) -> None:
        self._person_id = None
        self._offer = None
        self._others = 0
        self.reason_text.clear()
        self.matter_text.clear()
        self.reason.clear()
        self.reason_row.hide()
        self.error.clear_message()
        self.noted.clear()
        self.noted_row.hide()
        self.hide()

    def has_draft(self) -> bool:
        return self.reason_row.isVisible() and bool(self.reason.text().strip())

    @property
    def offer(self) -> PromptOffer | None:
        return self._offer

    def focus_widgets(self) -> list[QWidget]:
        """The banner's keyboard stops, in Tab order."""
        return [self.start_button, self.not_now_button, self.reason, self.save_button, self.cancel_button,
                self.close_button]  # fmt: skip

    # --- behaviour -------------------------------------------------------------------------------------------------

    def _arrived(self, result: tuple[str, list[PromptOffer]]) -> None:
        person_id, offers = result
        if person_id != self._person_id:
            return
        offer = offers[0] if offers else None
        if offer is not None and self._offer is not None and offer.justice_contact_id == self._offer.justice_contact_id:
            self._others = len(offers) - 1
            self._show_matter(offer)
            return  # the same question is still open: keep any reason being typed
        self._offer = offer
        self._others = len(offers) - 1 if offers else 0
        self.reason.clear()
        self.reason_row.hide()
        self.error.clear_message()
        noted = not self.noted_row.isHidden()
        if offer is None:
            self.title.hide()
            self.reason_text.hide()
            self.matter_text.hide()
            self.buttons.hide()
            self.setVisible(noted)
            return
        focus_was_on_note = self.close_button.hasFocus()
        self.noted_row.hide()
        self.title.show()
        self.reason_text.setText(offer.text)
        self.reason_text.setAccessibleName(offer.text)
        self.reason_text.show()
        self._show_matter(offer)
        self.buttons.show()
        self.show()
        if focus_was_on_note:  # the next matter's prompt took the place of "Noted"
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_matter(self, offer: PromptOffer) -> None:
        parts = []
        if offer.docket_number:
            parts.append(self.tr("docket {number}").format(number=offer.docket_number))
        if offer.arrest_date:
            parts.append(self.tr("arrested on {date}").format(date=format_date(offer.arrest_date)))
        where = ", ".join(parts)
        text = self.tr("About the matter: {matter}.").format(matter=where) if where else ""
        if self._others:
            more = ngettext(
                "The same prompt is waiting on {n} other matter.",
                "The same prompt is waiting on {n} other matters.",
                self._others,
            ).format(n=self._others)
            text = f"{text} {more}" if text else more
        self.matter_text.setText(text)
        self.matter_text.setVisible(bool(text))

    def _close_note(self) -> None:
        self.noted_row.hide()
        if self._offer is None:
            self.hide()
        self.closed.emit()

    def ask_reason(self) -> None:
        self.noted_row.hide()
        self.error.clear_message()
        self.reason_row.show()
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def put_away_reason(self) -> None:
        self.reason.clear()
        self.error.clear_message()
        self.reason_row.hide()
        self.not_now_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_reason(self) -> None:
        offer, reason = self._offer, self.reason.text().strip()
        if offer is None:
            return
        if not reason:
            self.error.show_message(self.tr("Please say in a few words why not now."))
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.save_button.setEnabled(False)
        matter = offer.justice_contact_id

        def work(ws: Workspace) -> str:
            return ScreeningPromptService(ws).dismiss(matter, reason)

        def done(_record_id: str) -> None:
            self.save_button.setEnabled(True)
            self.reason.clear()
            self.reason_row.hide()
            self._offer = None
            self.noted.setText(self.tr(NOTED))
            self.noted_row.show()
            self.title.hide()
            self.reason_text.hide()
            self.matter_text.hide()
            self.buttons.hide()
            self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.host.record_changed("prompt")  # the next offer, if any, arrives with the person's data

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.error.show_message(human_message(exc, self.tr("The reason could not be saved. Please try again.")))

        self.host.run(work, done, failed)


__all__ = ["NOTED", "ScreeningPromptBanner"]
