"""Shared by advocates: on a prosecution vault, the shares received from advocates that wait to be linked.

A share arrives from the office at Sync now without its person (it is about the advocate's person, whom this vault
does not hold). Here the prosecutor reads it, read-only, and says which of their people it is about: a person found
with the caseload's search, or a new person ("Add a new person", the shared name filled in). From then on it shows
on that person's page, under "Shared by the advocate".

Everything is read and written through the task runner; the dialog closes with the vault (the main window closes
every dialog on lock) and forgets what it showed.

Accessible names (in English) are kept stable for tests and screen readers: "Shared by advocates", "Shares waiting",
"What was shared", "Find the person", "People found", "This is about this person", "Add a new person",
"Open their page", "Close".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.i18n import _, ngettext
from app.core.people import PersonRow
from app.core.received import ReceivedShare, ReceivedShares
from app.core.timeline import day_words
from app.ui.person.fields import (
    ErrorLine,
    column_of,
    heading_label,
    name_buttons,
    plain_button,
    row_of,
    wrapped_label,
)
from app.ui.person.forms import message_of
from app.ui.person.received import release_words
from app.ui.person_list import EnterList
from app.ui.qt import (
    QAbstractItemView,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from app.ui.rows import add_row
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.workspace import Workspace


def share_summary(share: ReceivedShare) -> str:
    """One share in two lines: who it names and when, then what kinds of information it holds."""
    who = share.name or _("No name shared")
    when = _("Shared on {day}; covers {kinds}").format(day=day_words(share.shared_on), kinds=share.kinds_words)
    return f"{who}\n{when}"


def inbox_words(count: int) -> str:
    """The toolbar's and the menu's words for the shares waiting."""
    if count == 0:
        return _("Shared by advocates")
    return _("Shared by advocates ({count})").format(count=count)


class ReceivedSharesDialog(QDialog):
    """The inbox. ``linked`` (share id, person id) after a link; ``new_person_requested`` (shared name, share id)
    asks the window for its New person form, the name filled in (the window links the share to whoever it makes);
    ``open_requested`` (person id) asks for the person's page, at their shares."""

    linked = Signal(str, str)
    new_person_requested = Signal(str, str)
    open_requested = Signal(str)

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shared by advocates"))
        self.setAccessibleName(self.tr("Shared by advocates"))
        self._ws = ws
        self._runner = runner
        self._shares: list[ReceivedShare] = []
        self._people: list[PersonRow] = []
        self._last_linked: str | None = None
        self._filled = ""  # the shared name this dialog put in the search, not the prosecutor
        self._gone = False

        heading = heading_label(self.tr("Shared by advocates"), self, 1.15)
        intro = wrapped_label(
            self.tr(
                "Facts an advocate shared with your team, with the person's written consent. Say which of your people "
                "each one is about, and it shows on their page. A share leaves this computer when the person's "
                "release ends or they withdraw it."
            ),
            self,
        )
        intro.setAccessibleName(self.tr("About shares from advocates"))
        self.summary = wrapped_label(self.tr("Reading…"), self)
        self.summary.setAccessibleName(self.tr("Shares summary"))

        self.release = wrapped_label("", self)
        self.release.setAccessibleName(self.tr("The release it was shared under"))
        self.facts = QPlainTextEdit(self)
        self.facts.setReadOnly(True)
        self.facts.setTabChangesFocus(True)
        self.facts.setAccessibleName(self.tr("What was shared"))
        self.facts.setAccessibleDescription(
            self.tr("The facts exactly as the advocate shared them. They cannot be changed.")
        )
        self.facts.setMinimumHeight(self.facts.fontMetrics().lineSpacing() * 3)

        about = heading_label(self.tr("This is about…"), self)
        self._search_soon = QTimer(self)
        self._search_soon.setSingleShot(True)
        self._search_soon.setInterval(150)
        self._search_soon.timeout.connect(self._find)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Find the person"))
        self.search.setPlaceholderText(self.tr("Type a name or another name they use"))
        self.search.setClearButtonEnabled(True)
        name_buttons(self.search, self.tr("Clear the search"))
        self.search.textChanged.connect(lambda _text: self._search_soon.start())
        self.inbox = EnterList(self)
        self.inbox.setAccessibleName(self.tr("Shares waiting"))
        self.inbox.setAccessibleDescription(self.tr("Shares not yet linked to one of your people, newest first."))
        self.inbox.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.inbox.setAlternatingRowColors(True)
        self.inbox.setWordWrap(True)
        self.inbox.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inbox.setStyleSheet("QListWidget::item { padding: 8px 10px; }")
        self.inbox.currentRowChanged.connect(self._chosen)
        self.inbox.activated_row.connect(lambda _row: self.search.setFocus(Qt.FocusReason.TabFocusReason))

        self.people = EnterList(self)
        self.people.setAccessibleName(self.tr("People found"))
        self.people.setAccessibleDescription(self.tr("Your people whose names match. Press Enter to link the share."))
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.activated_row.connect(lambda _row: self.link_chosen())
        self.people.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.no_one = wrapped_label("", self)
        self.no_one.setAccessibleName(self.tr("No one found"))
        self.no_one.hide()
        self.link_button = plain_button(self.tr("This is about this person"), None, self)
        self.link_button.clicked.connect(self.link_chosen)
        self.new_button = plain_button(self.tr("Add a new person…"), self.tr("Add a new person"), self)
        self.new_button.setToolTip(self.tr("Opens the New person form with the shared name filled in"))
        self.new_button.clicked.connect(self._add_new)

        self.error = ErrorLine(self)
        self.status = wrapped_label("", self)
        self.status.setAccessibleName(self.tr("What happened"))
        self.open_button = plain_button(self.tr("Open their page"), None, self)
        self.open_button.clicked.connect(self._open_last)
        self.open_button.setEnabled(False)
        self.close_button = plain_button(self.tr("Close"), None, self)
        self.close_button.clicked.connect(self.reject)

        left = column_of(None, self.summary, (self.inbox, 1), spacing=8)
        right = column_of(
            None, self.release, (self.facts, 2), about, self.search, (self.people, 1), self.no_one,
            row_of(self.link_button, self.new_button, 1, spacing=8), spacing=8,
        )  # fmt: skip
        body = row_of((left, 2), (right, 3), spacing=16)
        buttons = row_of(self.status, 1, self.open_button, self.close_button, spacing=8)
        column_of(self, heading, intro, (body, 1), self.error, buttons, margins=(24, 20, 24, 16), spacing=10)
        for first, second in (
            (self.inbox, self.facts), (self.facts, self.search), (self.search, self.people),
            (self.people, self.link_button), (self.link_button, self.new_button), (self.new_button, self.open_button),
            (self.open_button, self.close_button),
        ):  # fmt: skip
            QWidget.setTabOrder(first, second)
        self.finished.connect(self._finished)
        if parent is not None:  # most of the window: the facts are what this dialog is for
            self.resize(min(parent.width() - 40, max(760, int(parent.width() * 0.85))), max(560, parent.height() - 40))
        else:
            self.resize(960, 640)
        self._update_buttons()
        self.refresh()

    # --- reading ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        ws = self._ws
        self._runner.run(lambda: ReceivedShares(ws).inbox(), self._arrived, self._failed)

    def _arrived(self, shares: list[ReceivedShare]) -> None:
        if self._gone:
            return
        keep = self.current_share()
        self._shares = shares
        self.inbox.blockSignals(True)
        self.inbox.clear()
        for share in shares:
            item = add_row(self.inbox, share_summary(share))
            item.setData(Qt.ItemDataRole.UserRole, share.disclosure_id)
        self.inbox.blockSignals(False)
        if shares:
            count = len(shares)
            self.summary.setText(
                ngettext(
                    "{n} share waiting. Choose one, read it, then say who it is about.",
                    "{n} shares waiting. Choose one, read it, then say who it is about.",
                    count,
                ).format(n=count)
            )
            ids = [s.disclosure_id for s in shares]
            row = ids.index(keep.disclosure_id) if keep is not None and keep.disclosure_id in ids else 0
            self.inbox.setCurrentRow(row)
            self._chosen(row)
            self.inbox.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.summary.setText(self.tr("No shares wait to be linked. New ones arrive with Sync now."))
            self._chosen(-1)
            self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        if not self._gone:
            self.error.show_message(message_of(exc))
            self._update_buttons()

    def current_share(self) -> ReceivedShare | None:
        row = self.inbox.currentRow()
        return self._shares[row] if 0 <= row < len(self._shares) else None

    def _chosen(self, row: int) -> None:
        share = self._shares[row] if 0 <= row < len(self._shares) else None
        if share is None:
            self.release.setText("")
            self.facts.setPlainText("")
        else:
            self.release.setText(
                self.tr("{release}. Shared on {day} with {team}; it covers {kinds}.").format(
                    release=release_words(share),
                    day=day_words(share.shared_on),
                    team=share.recipient,
                    kinds=share.kinds_words,
                )
            )
            self.facts.setPlainText("\n".join(share.facts))
            typed = self.search.text().strip()
            if share.name and (not typed or typed == self._filled):
                # The likeliest person first (the search runs as for typing); what the prosecutor typed stays.
                self._filled = share.name
                self.search.setText(share.name)
        self.error.clear_message()
        self._update_buttons()

    def _find(self) -> None:
        if self._gone:
            return
        ws, typed = self._ws, self.search.text().strip()
        if not typed:
            self._people_arrived([])
            return
        self._runner.run(lambda: ws.people.search(typed, limit=50), self._people_arrived, self._failed)

    def _people_arrived(self, rows: list[PersonRow]) -> None:
        if self._gone:
            return
        self._people = rows
        self.people.clear()
        for row in rows:
            extra = " · ".join(p for p in (row.pronouns, ", ".join(row.languages)) if p)
            add_row(self.people, f"{row.preferred_name}{f' ({extra})' if extra else ''}")
        if rows:
            self.people.setCurrentRow(0)
        typed = self.search.text().strip()
        self.no_one.setText(
            self.tr("No one here is called {name}. If the share is about someone new, press Add a new person.").format(
                name=typed
            )
            if typed and not rows
            else ""
        )
        self.no_one.setVisible(bool(typed and not rows))
        self._update_buttons()

    def _update_buttons(self) -> None:
        share = self.current_share()
        self.link_button.setEnabled(share is not None and 0 <= self.people.currentRow() < len(self._people))
        self.new_button.setEnabled(share is not None)
        self.search.setEnabled(share is not None)
        self.people.setEnabled(share is not None)

    # --- linking ---------------------------------------------------------------------------------------------

    def link_chosen(self) -> None:
        share = self.current_share()
        row = self.people.currentRow()
        if share is None or not 0 <= row < len(self._people):
            return
        self.link_to(share.disclosure_id, self._people[row].id, self._people[row].preferred_name)

    def link_to(self, disclosure_id: str, person_id: str, name: str) -> None:
        ws = self._ws
        self.error.clear_message()
        self.link_button.setEnabled(False)

        def done(_result: object) -> None:
            if self._gone:
                return
            self._last_linked = person_id
            self.open_button.setEnabled(True)
            self.status.setText(
                self.tr("Linked to {name}. It shows on their page, under Shared by the advocate.").format(name=name)
            )
            self.search.clear()
            self.linked.emit(disclosure_id, person_id)
            self.refresh()

        self._runner.run(lambda: ReceivedShares(ws).link(disclosure_id, person_id), done, self._failed)

    def _add_new(self) -> None:
        share = self.current_share()
        if share is None:
            return
        self.accept()
        self.new_person_requested.emit(share.name, share.disclosure_id)

    def _open_last(self) -> None:
        if self._last_linked is not None:
            person_id = self._last_linked
            self.accept()
            self.open_requested.emit(person_id)

    def _finished(self, _result: int) -> None:
        self._gone = True
        self._shares = []
        self._people = []
        self.inbox.clear()
        self.people.clear()
        self.facts.setPlainText("")
        self.release.setText("")
        self.search.clear()


__all__ = ["ReceivedSharesDialog", "inbox_words", "share_summary"]
