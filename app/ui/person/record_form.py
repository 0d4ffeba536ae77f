"""One record's form page, shared by the sections that edit a record in place of their main page.

A title, an optional note, the fields in a scrolling grid, optional extra panels, the form's status and error, and
Cancel / Save (Ctrl+S saves). Record relief and certifications open it afresh for each record.

Each opening builds the fields in a new container widget and lets the old container go whole with ``deleteLater``:
items are never taken out of a live grid one by one, which left Qt's layout items and their Python wrappers
disagreeing about who owned what (a stale wrapper met later under the same address).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from app.ui.palette import text_style
from app.ui.person.fields import (
    WIDEST_ROW,
    ChoiceBox,
    ErrorLine,
    choice_chars,
    column_of,
    heading_label,
    plain_button,
    row_of,
    wrapped_label,
)
from app.ui.person.forms import FieldSet, FieldSpec, message_of
from app.ui.qt import (
    QAction,
    QCheckBox,
    QFrame,
    QGridLayout,
    QKeySequence,
    QLabel,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.core.workspace import Workspace
    from app.ui.person.host import PersonHost

#: What Save turns the typed values into: the work to run on the workspace.
SaveWork = Callable[[dict[str, Any]], Callable[["Workspace"], Any]]


def _label_choices(box: QWidget, labels: dict[str, str]) -> None:
    if isinstance(box, ChoiceBox):
        for i in range(box.count()):
            value = box.itemData(i)
            if value in labels:
                box.setItemText(i, labels[value])
        longest = max((len(box.itemText(i)) for i in range(box.count())), default=8)
        box.setMinimumContentsLength(choice_chars(box, longest))


class FormOwner(Protocol):
    """The section a form page belongs to."""

    host: PersonHost

    def show_main(self) -> None: ...

    def saved(self, result: Any = None) -> None: ...


class RecordFormPage(QWidget):
    """One record's form: built afresh by :meth:`open`, saved off the UI thread through the section's host."""

    def __init__(self, section: FormOwner, parent: QWidget, *, form_name: str, cancel_words: str) -> None:
        super().__init__(parent)
        self._section = section
        self._save: SaveWork | None = None
        self._changes_only = False
        self.fields = FieldSet()
        self.extra_widgets: list[QWidget] = []
        self.title = heading_label("", self, 1.15)
        self.note = wrapped_label("", self, text_style("quiet"))
        self.note.setVisible(False)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(form_name)
        self.body = QWidget(self.scroll_area)
        self.scroll_area.setWidget(self.body)
        self.holder, self.grid = self._new_holder()
        self.extras = QVBoxLayout()
        self.extras.setSpacing(6)
        self._body_layout = column_of(self.body, self.holder, self.extras, 1, margins=(2, 2, 14, 14))
        self.error = ErrorLine(self)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Form status"))
        self.cancel_button = plain_button(self.tr("Cancel"), cancel_words, self)
        self.save_button = plain_button(self.tr("Save"), self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button.clicked.connect(section.show_main)
        self.save_button.clicked.connect(self.save)
        actions = row_of((self.status, 1), self.cancel_button, self.save_button)
        column_of(self, self.title, self.note, (self.scroll_area, 1), self.error, actions, margins=(0, 0, 0, 0),
                  spacing=8)  # fmt: skip
        save = QAction(self.tr("Save"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

    def _new_holder(self) -> tuple[QWidget, QGridLayout]:
        holder = QWidget(self.body)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        return holder, grid

    def open(
        self,
        title: str,
        specs: Sequence[FieldSpec],
        values: dict[str, Any],
        save: SaveWork,
        *,
        note: str = "",
        changes_only: bool = False,
        extras: Sequence[QWidget] = (),
        labels: dict[str, dict[str, str]] | None = None,
    ) -> None:
        """Build the form afresh for one record; ``save`` turns the typed values into the work to run.

        ``labels`` words a drop-down's choices for people (field name → value → words)."""
        self._reset()
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.fields.add_rows(specs, self.grid, self.holder)
        for name, words in (labels or {}).items():
            _label_choices(self.fields.widgets[name], words)
        self.fields.load(values)
        self._fit_choices()
        for widget in extras:
            self.extras.addWidget(widget)
            self.extra_widgets.append(widget)
        self._save = save
        self._changes_only = changes_only
        order = [*self.fields.widgets.values(), *self._focusable_extras(), self.cancel_button, self.save_button]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        first = next(iter(self.fields.widgets.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def _fit_choices(self) -> None:
        """At large text in a longer language the widest label beside the widest choice can pass what fits beside the
        side list: the choices may then be narrower, showing fewer characters closed (the open list shows them all)."""
        labels = [label.minimumSizeHint().width() for label in self.fields.labels.values()]
        boxes = [w for w in self.fields.widgets.values() if isinstance(w, ChoiceBox)]
        if not labels or not boxes:
            return
        room = WIDEST_ROW - 60 - max(labels) - self.grid.horizontalSpacing() - 16  # the body's own margins
        for box in boxes:
            if box.minimumSizeHint().width() > room:
                box.setMinimumWidth(max(room, box.fontMetrics().averageCharWidth() * 12))

    def _focusable_extras(self) -> list[QWidget]:
        out: list[QWidget] = []
        for widget in self.extra_widgets:
            if isinstance(widget, QCheckBox | ChoiceBox):
                out.append(widget)
            out.extend(w for w in widget.findChildren(QWidget) if isinstance(w, QCheckBox | ChoiceBox))
        return out

    def show_rows(self, names: Sequence[str], shown: bool) -> None:
        """Show or hide fields with their labels and error lines."""
        for name in names:
            for part in (self.fields.labels, self.fields.widgets, self.fields.errors):
                widget = part.get(name)
                if widget is not None:
                    widget.setVisible(shown)

    def _reset(self) -> None:
        old = self.holder
        self._body_layout.removeWidget(old)
        old.hide()
        old.deleteLater()
        self.holder, self.grid = self._new_holder()
        self._body_layout.insertWidget(0, self.holder)
        for widget in self.extra_widgets:
            self.extras.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.fields = FieldSet()
        self.extra_widgets = []
        self.error.clear_message()
        self.status.setText("")
        self.save_button.setEnabled(True)
        self._save = None
        self._changes_only = False

    def is_dirty(self) -> bool:
        return self._save is not None and self.fields.differs()

    def save(self) -> None:
        if self._save is None or not self.save_button.isEnabled():
            return
        values = self.fields.changes() if self._changes_only else self.fields.values()
        try:
            work = self._save(values)
        except ValueError as exc:
            self.error.show_message(str(exc))
            return
        self.fields.clear_errors()
        self.error.clear_message()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        if not self._section.host.run(work, self._saved, self._failed):
            self.save_button.setEnabled(True)
            self.status.setText("")

    def _saved(self, result: Any) -> None:
        self._save = None
        self._section.saved(result)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Nothing was saved."))
        if self.fields.show_error(exc) is None:
            self.error.show_message(message_of(exc))

    def clear(self) -> None:
        self._reset()
        self.title.setText("")
        self.note.setText("")
        self.note.setVisible(False)


__all__ = ["FormOwner", "RecordFormPage", "SaveWork"]
