"""A vault-wide list of people's rows that opens the person: the frame the follow-ups view and the certification
register share, and the list where Enter does the list's main thing (also the received shares' lists).

The dialog reads through the task runner and closes with the vault (the main window closes every dialog on lock):
once closed it forgets what it showed and ignores a late answer. Enter, a double click or "Open the person" on a row
emits :attr:`PersonListDialog.open_requested` (person id), then the dialog closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.ui.palette import list_selection_style
from app.ui.person.fields import column_of, heading_label, plain_button, row_of, wrapped_label
from app.ui.person.forms import message_of
from app.ui.qt import QAbstractItemView, QDialog, QKeyEvent, QListWidget, Qt, QWidget, Signal
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.workspace import Workspace


class EnterList(QListWidget):
    """A list where Enter on the current row emits :attr:`activated_row` (the list's main thing)."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)


class PersonListDialog(QDialog):
    """The frame: heading, intro, summary, the list, Close and Open the person. A subclass says what it is called
    (the class attributes below), what to read (:meth:`read`, run on the worker) and how the answer shows
    (:meth:`show_rows`, which fills :attr:`list` and returns the rows, each with a ``person_id``, in its order)."""

    open_requested = Signal(str)

    #: The window's title, its heading and the optional sentence under it.
    title = ""
    heading = ""
    intro = ""
    #: The accessible names and descriptions of the summary line, the list and the two buttons.
    summary_name = ""
    list_name = ""
    list_description = ""
    open_description = ""
    close_description = ""
    initial_size = (760, 520)

    def own(self, text: str) -> str:
        """One of the class attributes above in the app's language: a subclass marks its words with
        ``QT_TRANSLATE_NOOP("<its class name>", ...)``, and ``tr`` looks them up under that class first."""
        return self.tr(text) if text else ""

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.own(self.title))
        self._ws = ws
        self._runner = runner
        self._rows: Sequence[Any] = []
        self._gone = False

        heading = heading_label(self.own(self.heading), self, 1.15)
        intro = [wrapped_label(self.own(self.intro), self)] if self.intro else []
        self.summary = wrapped_label(self.tr("Reading…"), self)
        self.summary.setAccessibleName(self.own(self.summary_name))
        self.list = EnterList(self)
        self.list.setAccessibleName(self.own(self.list_name))
        self.list.setAccessibleDescription(self.own(self.list_description))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # words wrap instead
        self.list.setStyleSheet("QListWidget::item { padding: 8px 10px; }" + list_selection_style())
        self.list.activated_row.connect(self._open_row)
        self.list.itemDoubleClicked.connect(lambda item: self._open_row(self.list.row(item)))
        self.open_button = plain_button(self.tr("Open the person"), self.own(self.open_description), self)
        self.open_button.clicked.connect(lambda: self._open_row(self.list.currentRow()))
        self.close_button = plain_button(self.tr("Close"), self.own(self.close_description), self)
        self.close_button.clicked.connect(self.reject)
        buttons = row_of(1, self.close_button, self.open_button)
        column_of(self, heading, *intro, self.summary, (self.list, 1), buttons, margins=(24, 20, 24, 16), spacing=10)
        self.finished.connect(self._finished)
        self._fit_size(parent)
        self.refresh()

    def _fit_size(self, parent: QWidget | None) -> None:
        """The initial size, larger as the text is larger (twice the text, up to twice the room), never beyond the
        window it opens over (or the screen): at 200 % text the rows' words wrapped into a narrow strip."""
        width, height = self.initial_size
        scale = min(2.0, max(1.0, self.font().pointSizeF() / 10.0))
        window = parent.window() if parent is not None else None
        screen = self.screen()
        room = window.size() if window is not None else screen.availableSize() if screen is not None else None
        width, height = int(width * scale), int(height * scale)
        if room is not None:
            width, height = min(width, max(room.width() - 40, 480)), min(height, max(room.height() - 40, 360))
        self.resize(width, height)

    # --- what a subclass says ---------------------------------------------------------------------------------

    def read(self, ws: Workspace) -> Any:
        """The rows to show, read on the worker (it must not touch widgets)."""
        raise NotImplementedError

    def show_rows(self, result: Any) -> Sequence[Any]:
        """Fill :attr:`list` (already cleared) and set :attr:`summary` from ``result``; return the rows shown."""
        raise NotImplementedError

    # --- the frame --------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        ws, read = self._ws, self.read
        self._runner.run(lambda: read(ws), self._arrived, self._failed)

    def _finished(self, _result: int) -> None:
        self._gone = True
        self._rows = []
        self.list.clear()

    def _arrived(self, result: Any) -> None:
        if self._gone:
            return
        self.list.clear()
        self._rows = self.show_rows(result)
        if self._rows:
            self.list.setCurrentRow(0)
        self.open_button.setEnabled(bool(self._rows))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        if not self._gone:
            self.summary.setText(message_of(exc))

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            person_id = self._rows[row].person_id
            self.accept()
            self.open_requested.emit(person_id)


__all__ = ["EnterList", "PersonListDialog"]
