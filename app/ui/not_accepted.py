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
from app.ui.palette import box_style
from app.ui.person.fields import ConfirmBar
from app.ui.qt import (
    QDialog,
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.rows import add_row
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.not_accepted import Item
    from app.core.workspace import Workspace


def _calm() -> str:
    return box_style("QLabel", "calm", padding="10px 12px")


def _why() -> str:
    return box_style("QLabel", "warn", padding="10px 12px")


def _label(text: str, parent: QWidget, *, name: str, style: str = "", scale: float = 1.0) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # it may hold what a person typed
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    label.setAccessibleName(name)
    if scale != 1.0:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
    if style:
        label.setStyleSheet(style)
    return label


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    button.setAutoDefault(False)
    button.setMinimumHeight(max(36, button.fontMetrics().height() * 2))
    button.setMinimumWidth(button.fontMetrics().averageCharWidth() * 14)
    return button


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
        outer.addWidget(_label(self.tr("Not accepted by the office"), self, name=self.tr("Heading"), scale=1.35))
        outer.addWidget(
            _label(
                self.tr(
                    "The office could not take these, usually because something changed at the office while you "
                    "were working offline. Nothing you wrote is lost: it is kept here, on this computer only, "
                    "until you discard it."
                ),
                self,
                name=self.tr("About this list"),
            )
        )
        middle = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Work not accepted by the office"))
        self.list.setMaximumWidth(self.fontMetrics().averageCharWidth() * 38)
        self.list.setStyleSheet("QListWidget::item { padding: 9px 8px; }")
        self.list.currentRowChanged.connect(self._show)
        middle.addWidget(self.list)
        self.detail_area = QScrollArea(self)
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QFrame.Shape.NoFrame)
        middle.addWidget(self.detail_area, 1)
        outer.addLayout(middle, 1)
        self.confirm = ConfirmBar(self.tr("Discard it"), self.tr("Keep it"), self)
        self.confirm.confirmed.connect(self._discard_confirmed)
        self.confirm.cancelled.connect(self._kept)
        outer.addWidget(self.confirm)
        self.status = _label("", self, name=self.tr("What happened"), style=_calm())
        self.status.hide()
        outer.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = _button(self.tr("Close"), self.tr("Close"), self)
        self.discard_button = _button(self.tr("Discard…"), self.tr("Discard this item"), self)
        self.copy_button = _button(self.tr("Copy what I wrote"), self.tr("Copy what I wrote"), self)
        self.copy_button.setDefault(True)
        for b in (self.close_button, self.discard_button, self.copy_button):
            row.addWidget(b)
        outer.addLayout(row)
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
        self.list.clear()
        for item in found:
            add_row(self.list, f"{item.title}\n{item.at.astimezone():%d %b %Y, %H:%M}")
        if found:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        else:
            self._empty()

    def current(self) -> Item | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _empty(self) -> None:
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(
            _label(self.tr("Nothing here: the office took everything you sent."), page, name=self.tr("Nothing here"))
        )
        col.addStretch(1)
        self.detail_area.setWidget(page)
        self.copy_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self.close_button.setFocus()

    def _show(self, row: int) -> None:
        if row < 0 or row >= len(self.items):
            return
        item = self.items[row]
        self.confirm.dismiss()
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(10)
        col.addWidget(_label(item.title, page, name=self.tr("Item"), scale=1.2))
        col.addWidget(_label(self.tr("Why: {why}").format(why=item.why), page, name=self.tr("Why"), style=_why()))
        col.addWidget(
            _label(
                self.tr("What you can do: {what}").format(what=item.what_to_do),
                page,
                name=self.tr("What you can do"),
                style=_calm(),
            )
        )
        col.addWidget(_label(self.tr("What you wrote"), page, name=self.tr("What you wrote"), scale=1.05))
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
        self.list.takeItem(row)
        self._say(self.tr("Discarded."))
        self.changed.emit()
        if self.items:
            self.list.setCurrentRow(min(row, len(self.items) - 1))
            self.list.setFocus()
        else:
            self._empty()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(_calm())
        self.status.show()

    def _failed(self, exc: BaseException) -> None:
        self.discard_button.setEnabled(self.current() is not None)
        fallback = self.tr("That did not work, and nothing was changed. Please try again.")
        self.status.setText(human_message(exc, fallback))
        self.status.setStyleSheet(_why())
        self.status.show()
