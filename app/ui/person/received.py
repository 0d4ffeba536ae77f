"""Shared by the advocate: on a prosecution vault, the shares from the person's advocate linked to this person.

Each share says the release it came under ("Shared by the advocate under a release until 3 Mar 2027"), when and with
which team it was shared, what it covers, and the facts exactly as shared, read-only: they are the advocate's record.
When the release lapses or is withdrawn, the next Sync now takes the share off this computer, and the page says only
that it was withdrawn, when, and what kinds of information it held ("A share from the advocate (name, court dates)
was withdrawn on 5 Dec 2026. What it said is no longer on this computer.").

A prosecution section of the person workspace (``PROSECUTION_SECTIONS``); it reads its own records when the person
arrives, and :meth:`ReceivedSection.clear` drops them all at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.consent import kind_words
from app.core.i18n import _, ngettext
from app.core.received import ReceivedShare, ReceivedShares, WithdrawnShare
from app.core.timeline import day_words
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.person.fields import ErrorLine, column_of, heading_label, wrapped_label
from app.ui.person.forms import message_of
from app.ui.person.host import PersonHost
from app.ui.qt import QAbstractItemView, QListWidget, Qt, QWidget
from app.ui.rows import add_row

if TYPE_CHECKING:
    from app.core.workspace import Workspace

INTRO = QT_TRANSLATE_NOOP(
    "ReceivedSection",
    "Facts the person agreed, in writing, that their advocate could share with your team. They are the advocate's "
    "record, shown as shared and read-only. Each leaves this computer when the person's release ends or they "
    "withdraw it.",
)
NONE_YET = QT_TRANSLATE_NOOP(
    "ReceivedSection",
    "Nothing shared by an advocate is linked to this person. Shares that wait to be linked are under "
    "Person > Shared by advocates.",
)


@dataclass(frozen=True)
class PersonShares:
    person_id: str
    shares: list[ReceivedShare]
    withdrawn: list[WithdrawnShare]


def read_person_shares(ws: Workspace, person_id: str) -> PersonShares:
    service = ReceivedShares(ws)
    return PersonShares(person_id, service.for_person(person_id), service.withdrawn_for_person(person_id))


def release_words(share: ReceivedShare) -> str:
    """The release a share came under: "Shared by the advocate under a release until 3 Mar 2027", or, when this
    computer does not know the release's last day, under the person's release, said plainly."""
    if share.until is not None:
        return _("Shared by the advocate under a release until {day}").format(day=day_words(share.until))
    return _("Shared by the advocate under the person's release (its end date is not on this computer)")


def _kinds(kinds: list[str]) -> str:
    """The kinds of information a share holds, in the app's language: "name, court dates"."""
    return ", ".join(kind_words(k).lower() for k in kinds)


def share_entry(share: ReceivedShare) -> str:
    facts = "\n".join(f"    {line}" for line in share.facts)
    said = _("Shared on {day} with {recipient}. It covers {kinds}:").format(
        day=day_words(share.shared_on), recipient=share.recipient, kinds=_kinds(share.kinds)
    )
    return f"{release_words(share)}\n{said}\n{facts}"


def withdrawn_entry(gone: WithdrawnShare) -> str:
    return _(
        "A share from the advocate ({kinds}) was withdrawn on {day}. What it said is no longer on this computer."
    ).format(kinds=_kinds(gone.kinds), day=day_words(gone.withdrawn_on))


class ReceivedSection(QWidget):
    """The person's "Shared by the advocate" section (prosecution vaults only)."""

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._person_id: str | None = None
        self.heading = heading_label(self.tr("Shared by the advocate"), self, 1.15)
        self.intro = wrapped_label(self.tr(INTRO), self)
        self.summary = wrapped_label("", self)
        self.summary.setAccessibleName(self.tr("Shared by the advocate summary"))
        self.entries = QListWidget(self)
        self.entries.setAccessibleName(self.tr("Shares from the advocate"))
        self.entries.setAccessibleDescription(
            self.tr("Each share with its release and its facts, read-only; then any share that was withdrawn.")
        )
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.setWordWrap(True)
        self.entries.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.entries.setStyleSheet("QListWidget::item { padding: 8px 10px; }")
        self.error = ErrorLine(self)
        column_of(self, self.heading, self.intro, self.summary, (self.entries, 1), self.error, margins=(0, 0, 0, 0),
                  spacing=10)  # fmt: skip
        self.setFocusProxy(self.entries)
        self.clear()

    # --- SelfLoadingSection ------------------------------------------------------------------------------------

    def load(self, person_id: str) -> None:
        self._person_id = person_id
        self.host.run(lambda ws: read_person_shares(ws, person_id), self._arrived, self._failed)

    def clear(self) -> None:
        self._person_id = None
        self.entries.clear()
        self.summary.setText("")
        self.error.clear_message()

    def has_draft(self) -> bool:
        return False

    # --- showing -----------------------------------------------------------------------------------------------

    def _arrived(self, data: PersonShares) -> None:
        if data.person_id != self._person_id:
            return
        self.error.clear_message()
        self.entries.clear()
        for share in data.shares:
            item = add_row(self.entries, share_entry(share))
            item.setData(Qt.ItemDataRole.UserRole, share.disclosure_id)
        for gone in data.withdrawn:
            item = add_row(self.entries, withdrawn_entry(gone))
            item.setData(Qt.ItemDataRole.UserRole, gone.disclosure_id)
        self.summary.setText(self._summary(data))
        self.entries.setVisible(bool(data.shares or data.withdrawn))

    def _summary(self, data: PersonShares) -> str:
        if not data.shares and not data.withdrawn:
            return self.tr(NONE_YET)
        parts = []
        if data.shares:
            count = len(data.shares)
            parts.append(
                ngettext("{n} share from the advocate, read-only.", "{n} shares from the advocate, read-only.", count)
                .format(n=count)
            )  # fmt: skip
        if data.withdrawn:
            count = len(data.withdrawn)
            parts.append(
                ngettext("{n} share was withdrawn since.", "{n} shares were withdrawn since.", count).format(n=count)
            )
        return " ".join(parts)

    def _failed(self, exc: BaseException) -> None:
        self.error.show_message(message_of(exc))


__all__ = ["ReceivedSection", "read_person_shares", "release_words", "share_entry", "withdrawn_entry"]
