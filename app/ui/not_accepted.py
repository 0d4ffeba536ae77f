"""Not accepted by the office: work the office could not take, kept on this computer for its author.

Reached from Office → Not accepted by the office… and from the sync summary when a sync set something aside. Each
item says, in plain words, why the office did not take it and what the person can do: copy what they wrote (to
the clipboard, cleared after a while like everything Offramp copies), ask the owner or a colleague, and discard it
when done. Discarding asks first, in an inline bar (nothing modal stays open if the vault locks); Cancel is the
choice under Enter. The copies live in the vault (:mod:`app.core.not_accepted`), never in a plain file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.errors import human_message
from app.ui.office_parts import ItemPanes, big_button, button_row, calm_box, say, selectable_text, warn_box
from app.ui.person.fields import ConfirmBar, format_datetime
from app.ui.qt import (
    QDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.not_accepted import Item
    from app.core.workspace import Workspace


class NotAcceptedDialog(QDialog):
    """The list of work the office did not accept, one item at a time with its reason and what to do."""

    changed = Signal()

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.items: list[Item] = []
        self.setWindowTitle(self.tr("Not accepted by the office"))
        self.setAccessibleName(self.tr("Not accepted by the office"))
        self.resize(1000, 620)
        outer = QVBoxLayout(self)
        outer.addWidget(
            selectable_text(self.tr("Not accepted by the office"), self, name=self.tr("Heading"), scale=1.35)
        )
        outer.addWidget(
            selectable_text(
                self.tr(
                    "The office could not take these, usually because something changed at the office while you "
                    "were working offline. Nothing you wrote is lost: it is kept here, on this computer only, "
                    "until you discard it."
                ),
                self,
                name=self.tr("About this list"),
            )
        )
        self.panes = ItemPanes(self, outer, self.tr("Work not accepted by the office"))
        self.list, self.detail_area = self.panes.list, self.panes.detail_area
        self.list.currentRowChanged.connect(self._show)
        self.confirm = ConfirmBar(self.tr("Discard it"), self.tr("Keep it"), self)
        self.confirm.confirmed.connect(self._discard_confirmed)
        self.confirm.cancelled.connect(self._kept)
        outer.addWidget(self.confirm)
        self.status = selectable_text("", self, name=self.tr("What happened"), style=calm_box())
        self.status.hide()
        outer.addWidget(self.status)
        self.close_button = big_button(self.tr("Close"), self.tr("Close"), self)
        self.discard_button = big_button(self.tr("Discard…"), self.tr("Discard this item"), self)
        self.copy_button = big_button(self.tr("Copy what I wrote"), self.tr("Copy what I wrote"), self)
        self.copy_button.setDefault(True)
        button_row(outer, self.close_button, self.discard_button, self.copy_button)
        self.close_button.clicked.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.discard_button.clicked.connect(self.discard)
        self.load()

    # --- the list -------------------------------------------------------------------------------------------------

    def load(self) -> None:
        from app.core.not_accepted import items

        ws = self.ws
        self.runner.run(lambda: items(ws), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, found: list[Item]) -> None:
        self.items = found
        # The day as every screen says it, in the app's language ("4 Mar 2026, 14:05"; "4 mar 2026, 14:05").
        if not self.panes.fill([f"{item.title}\n{format_datetime(item.at.astimezone())}" for item in found]):
            self._empty()

    def current(self) -> Item | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _empty(self) -> None:
        self.panes.show_nothing(self.tr("Nothing here: the office took everything you sent."), self.tr("Nothing here"))
        self.copy_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self.close_button.setFocus()

    def _show(self, row: int) -> None:
        if row < 0 or row >= len(self.items):
            return
        item = self.items[row]
        self.confirm.dismiss()
        page, col = self.panes.detail_page()
        col.addWidget(selectable_text(item.title, page, name=self.tr("Item"), scale=1.2))
        col.addWidget(
            selectable_text(self.tr("Why: {why}").format(why=item.why), page, name=self.tr("Why"), style=warn_box())
        )
        col.addWidget(
            selectable_text(
                self.tr("What you can do: {what}").format(what=item.what_to_do),
                page,
                name=self.tr("What you can do"),
                style=calm_box(),
            )
        )
        col.addWidget(selectable_text(self.tr("What you wrote"), page, name=self.tr("What you wrote"), scale=1.05))
        text = QPlainTextEdit(page)
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("What you wrote"))
        text.setTabChangesFocus(True)
        text.setPlainText(item.text)
        text.setMinimumHeight(text.fontMetrics().height() * 8)
        col.addWidget(text, 1)
        self.detail_area.setWidget(page)
        self.copy_button.setEnabled(True)
        self.discard_button.setEnabled(True)

    # --- copy and discard -------------------------------------------------------------------------------------

    def copy(self) -> None:
        from app.ui.clipboard import copy_sensitive

        item = self.current()
        if item is None:
            return
        copy_sensitive(item.text)
        self._say(
            self.tr("Copied. Paste it where it belongs within a few seconds: Offramp clears the clipboard soon after.")
        )

    def discard(self) -> None:
        item = self.current()
        if item is None:
            return
        self.confirm.ask(
            self.tr(
                "Discard “{title}” from this computer? What you wrote cannot be brought back here afterwards. "
                "Copy it first if you may still need it."
            ).format(title=item.title)
        )

    def _kept(self) -> None:
        self.discard_button.setFocus()

    def _discard_confirmed(self) -> None:
        from app.core.not_accepted import discard

        item = self.current()
        if item is None:
            return
        ws, item_id = self.ws, item.id
        self.discard_button.setEnabled(False)
        self.runner.run(lambda: discard(ws, item_id), on_done=lambda _r: self._discarded(), on_error=self._failed)

    def _discarded(self) -> None:
        row = self.list.currentRow()
        del self.items[row]
        self._say(self.tr("Discarded."))
        self.changed.emit()
        if not self.panes.drop(row, len(self.items)):
            self._empty()

    def _say(self, text: str) -> None:
        say(self.status, text)

    def _failed(self, exc: BaseException) -> None:
        self.discard_button.setEnabled(self.current() is not None)
        fallback = self.tr("That did not work, and nothing was changed. Please try again.")
        say(self.status, human_message(exc, fallback), problem=True)
