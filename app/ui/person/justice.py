"""Justice contacts: each justice-system matter the person is part of, in any role, with its charges.

A list on one side, the editor on the other (stacked when the window is narrow). A charge's statutory name stays in
this docket data and never labels the person (DOMAIN.md section 8). Unsaved typing survives a lock under
``justice:<person id>:<record id or new>``; small hidden "ports" hold every such slot once loaded, so a draft finds
its way back even when another matter is open.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from typing import Any

from app.core.record_shapes import readable_structured
from app.core.records import columns_of
from app.core.timeline import choice_label
from app.models import ChargeLevel, JusticeContact
from app.ui import clipboard
from app.ui.person.data import delete_justice, save_justice
from app.ui.person.fields import (
    ChoiceBox,
    ConfirmBar,
    ErrorLine,
    column_of,
    plain_button,
    restore_widget_state,
    row_of,
    widget_content,
    widget_state,
)
from app.ui.person.forms import FieldSet, FieldSpec, message_of, spec_from_column
from app.ui.person.host import PersonHost
from app.ui.qt import (
    QAbstractItemView,
    QAction,
    QApplication,
    QBoxLayout,
    QFont,
    QFrame,
    QGridLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QResizeEvent,
    QScrollArea,
    QSizePolicy,
    Qt,
    QWidget,
    Signal,
)

_INFO = {name: col.info for name, col in columns_of(JusticeContact).items()}

JUSTICE_FIELDS: tuple[FieldSpec, ...] = (
    spec_from_column("role", _INFO["role"], empty="Choose the person's role"),
    spec_from_column("court", _INFO["court"]),
    spec_from_column("county", _INFO["county"]),
    spec_from_column("state", _INFO["state"]),
    spec_from_column("docket_number", _INFO["docket_number"]),
    spec_from_column("arrest_date", _INFO["arrest_date"]),
    spec_from_column("arresting_agency", _INFO["arresting_agency"]),
    spec_from_column("case_status", _INFO["case_status"]),
    spec_from_column("disposition", _INFO["disposition"]),
    spec_from_column("disposition_date", _INFO["disposition_date"]),
)
LEVELS = tuple(level.value for level in ChargeLevel)
SIDE_BY_SIDE_EM = 80


# --- charges ----------------------------------------------------------------------------------------------------


class _ChargeRow:
    def __init__(self, editor: ChargesEditor, number: int) -> None:
        parent = editor
        self.offence = QLineEdit(parent)
        self.offence.setPlaceholderText("Offense, as on the docket")
        self.statute = QLineEdit(parent)
        self.statute.setPlaceholderText("Statute")
        self.level = ChoiceBox("level", LEVELS, parent=parent)
        self.remove = plain_button("Remove", parent=parent)
        self.remove.clicked.connect(lambda: editor.remove_row(self))
        self.renumber(number)

    def renumber(self, number: int) -> None:
        self.offence.setAccessibleName(f"Charge {number}: offense")
        self.statute.setAccessibleName(f"Charge {number}: statute")
        self.level.setAccessibleName(f"Charge {number}: level")
        self.remove.setAccessibleName(f"Remove charge {number}")

    @property
    def widgets(self) -> tuple[QWidget, ...]:
        return (self.offence, self.statute, self.level, self.remove)

    def value(self) -> dict[str, Any]:
        return {
            "offence": self.offence.text().strip(),
            "statute": self.statute.text().strip(),
            "level": self.level.value(),
        }

    def set_value(self, charge: dict[str, Any]) -> None:
        self.offence.setText(str(charge.get("offence") or ""))
        self.statute.setText(str(charge.get("statute") or ""))
        self.offence.setCursorPosition(0)
        self.statute.setCursorPosition(0)
        level = charge.get("level")
        self.level.set_value(level if level in LEVELS else None)

    def dispose(self) -> None:
        for widget in self.widgets:
            if isinstance(widget, QLineEdit):
                widget.setText("")
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


class ChargesEditor(QWidget):
    """The charges of one matter as a small table: offence, statute, level, and a Remove button per row."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_ChargeRow] = []
        self._loaded: list[dict[str, Any]] = []
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.grid.setContentsMargins(0, 0, 0, 0)
        #: The column headings, each tied to the first row's field (every field also has its own accessible name).
        self.headings = [QLabel(text, self) for text in ("Offense", "Statute", "Level")]
        for col, heading in enumerate(self.headings):
            self.grid.addWidget(heading, 0, col)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.empty = QLabel("No charges recorded.", self)
        self.add_button = plain_button("Add a charge", "Add a charge", self)
        self.add_button.clicked.connect(self._add_clicked)
        self.error = ErrorLine(self)
        layout = column_of(self, self.grid, self.empty, self.error, margins=(0, 0, 0, 0), spacing=6)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.offence.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_row(self, charge: dict[str, Any] | None = None) -> _ChargeRow:
        row = _ChargeRow(self, len(self.rows) + 1)
        if charge:
            row.set_value(charge)
        self.rows.append(row)
        self._place()
        for widget in (row.offence, row.statute):
            widget.textChanged.connect(lambda _t: self.changed.emit())
        row.level.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.changed.emit()
        return row

    def remove_row(self, row: _ChargeRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        row.dispose()
        self._place()
        self.changed.emit()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].offence.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.renumber(number)
            for col, widget in enumerate(row.widgets):
                self.grid.addWidget(widget, number, col)
                widget.show()
        previous: QWidget | None = None
        for row in self.rows:
            for widget in row.widgets:
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.add_button)
        self.empty.setVisible(not self.rows)
        for heading, widget in zip(self.headings, self.rows[0].widgets if self.rows else (), strict=False):
            heading.setBuddy(widget)

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.dispose()
        self.rows = []
        self._place()

    def load(self, charges: Sequence[dict[str, Any]] | None) -> None:
        self._clear_rows()
        # What arrived malformed (a record pulled from the office) is left out and flagged, never a failing slot;
        # the stored charges stay as they are unless the person edits these.
        shown, problem = readable_structured("justice_contact", "charges", charges)
        self._loaded = [dict(c) for c in shown]
        for charge in self._loaded:
            self.add_row(charge)
        self.error.clear_message()
        if problem is not None:
            self.error.show_message(problem)

    def value(self) -> list[dict[str, Any]]:
        return [v for v in (row.value() for row in self.rows) if v["offence"] or v["statute"] or v["level"]]

    def content(self) -> list[Any]:
        return [[widget_content(row.offence), widget_content(row.statute), widget_content(row.level)]
                for row in self.rows]  # fmt: skip

    def baseline(self) -> list[Any]:
        return [[str(c.get("offence") or ""), str(c.get("statute") or ""),
                 c.get("level") if c.get("level") in LEVELS else None] for c in self._loaded]  # fmt: skip

    def differs(self) -> bool:
        return self.content() != self.baseline()

    def state(self) -> list[dict[str, Any]]:
        return [
            {"offence": widget_state(r.offence), "statute": widget_state(r.statute), "level": widget_state(r.level)}
            for r in self.rows
        ]

    def restore(self, state: Sequence[dict[str, Any]]) -> None:
        self._clear_rows()
        for item in state:
            row = self.add_row()
            restore_widget_state(row.offence, item.get("offence"))
            restore_widget_state(row.statute, item.get("statute"))
            restore_widget_state(row.level, item.get("level"))

    def accept(self) -> None:
        self._loaded = self.value()

    def clear(self) -> None:
        self._loaded = []
        self._clear_rows()
        self.error.clear_message()


# --- the editor ---------------------------------------------------------------------------------------------------


class JusticeEditor(QWidget):
    """One justice contact: its fields and charges, Save, Undo, Delete. Implements ``DraftAware``."""

    #: Saved; carries the record id (new records get theirs here).
    saved = Signal(str)
    deleted = Signal(str)

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self._record_id: str | None = None
        self._open = False  # showing a record or a new one (False only before loading and after clear)
        self._busy = False
        self._focus_before: QWidget | None = None
        self.fields = FieldSet()

        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName("Justice contact form")
        body = QWidget(self.scroll_area)
        self.scroll_area.setWidget(body)

        self.copy_button = plain_button("Copy", "Copy the docket number", body)
        self.copy_button.setToolTip("Copy the docket number; it is cleared from the clipboard after a short while")
        self.copy_button.clicked.connect(self._copy_docket)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        next_row = self.fields.add_rows(JUSTICE_FIELDS, grid, body, beside={"docket_number": self.copy_button})
        self.charges = ChargesEditor(body)
        charges_label = QLabel("Charges", body)
        heading = QFont(charges_label.font())
        heading.setWeight(QFont.Weight.DemiBold)
        charges_label.setFont(heading)
        charges_label.setContentsMargins(0, 8, 0, 0)
        grid.addWidget(charges_label, next_row, 0, 1, 2)
        grid.addWidget(self.charges, next_row + 1, 0, 1, 2)
        column_of(body, grid, 1, margins=(2, 2, 14, 14))

        self.confirm = ConfirmBar("Delete it", "Keep it", self)
        self.confirm.confirmed.connect(self._delete_confirmed)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName("Justice contact status")
        self.delete_button = plain_button("Delete…", "Delete this justice contact", self)
        self.revert_button = plain_button("Undo changes", "Undo the changes to this justice contact", self)
        self.save_button = plain_button("Save", "Save this justice contact", self)
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.delete_button.clicked.connect(self._ask_delete)
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)

        actions = row_of(self.delete_button, (self.status, 1), self.revert_button, self.save_button, spacing=10)

        column_of(self, self.title, (self.scroll_area, 1), self.confirm, actions, margins=(0, 0, 0, 0), spacing=8)

        save = QAction("Save this justice contact", self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

        order: list[QWidget] = []
        for name, widget in self.fields.widgets.items():
            order.append(widget)
            if name == "docket_number":
                order.append(self.copy_button)
        order += [self.charges.add_button, self.delete_button, self.revert_button, self.save_button]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.fields.connect_changes(self._update_buttons)
        self.charges.changed.connect(self._update_buttons)
        self.fields.widgets["docket_number"].textChanged.connect(lambda _t: self._update_buttons())  # type: ignore[attr-defined]
        self.setFocusProxy(self.fields.widgets["role"])
        self._update_buttons()

    # --- what it shows ---------------------------------------------------------------------------------------------

    @property
    def record_id(self) -> str | None:
        return self._record_id

    def set_person(self, person_id: str | None) -> None:
        self._person_id = person_id

    def open_record(self, record: dict[str, Any] | None) -> None:
        """Show a saved matter, or an empty form for a new one (``None``)."""
        same = self._open and record is not None and record.get("id") == self._record_id
        focus = QApplication.focusWidget()
        cursor = focus.cursorPosition() if same and isinstance(focus, QLineEdit) and self.isAncestorOf(focus) else None
        self._open = self._person_id is not None
        self._record_id = record.get("id") if record else None
        self.fields.load(record or {})
        if cursor is not None and isinstance(focus, QLineEdit):  # read again after a save: typing carries on there
            focus.setCursorPosition(min(cursor, len(focus.text())))
        self.charges.load((record or {}).get("charges") or [])
        self.confirm.dismiss()
        self.title.setText("Justice contact" if record else "New justice contact")
        if not same:  # the same matter read again after a save keeps its "Saved."
            self.status.setText("")
        self._update_buttons()

    def clear(self) -> None:
        self._person_id = None
        self._record_id = None
        self._open = False
        self._busy = False
        self.fields.clear()
        self.charges.clear()
        self.confirm.dismiss()
        self.title.setText("")
        self.status.setText("")
        self._update_buttons()

    def is_dirty(self) -> bool:
        return self._open and (self.fields.differs() or self.charges.differs())

    # --- DraftAware --------------------------------------------------------------------------------------------

    def draft_slot(self) -> str | None:
        if not self._open or self._person_id is None:
            return None
        return f"justice:{self._person_id}:{self._record_id or 'new'}"

    def has_draft(self) -> bool:
        return self.is_dirty()

    def draft_state(self) -> dict[str, Any]:
        return {
            "record_id": self._record_id,
            "fields": self.fields.state(),
            "charges": self.charges.state(),
            "focus": self.fields.focused_field(),
        }

    def restore_draft(self, state: dict[str, Any]) -> None:
        self.fields.restore(state.get("fields") or {})
        self.charges.restore(state.get("charges") or [])
        self._update_buttons()

    # --- saving and deleting ------------------------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        if self._record_id is None:
            values = {k: v for k, v in self.fields.values().items() if v not in (None, "", [])}
            values["charges"] = self.charges.value()
            return values
        changes = self.fields.changes()
        if self.charges.differs():
            changes["charges"] = self.charges.value()
        return changes

    def save(self) -> None:
        person_id, record_id = self._person_id, self._record_id
        if person_id is None or not self._open or self._busy:
            return
        if not self.is_dirty() and record_id is not None:
            self.status.setText("Nothing has changed, so there is nothing to save.")
            return
        values = self._values()
        self.fields.clear_errors()
        self.charges.error.clear_message()
        # The fields are disabled while saving, which sends the keyboard elsewhere: it comes back here after.
        focus = QApplication.focusWidget()
        self._focus_before = focus if focus is not None and self.isAncestorOf(focus) else None
        self._set_busy(True, "Saving…")
        if not self._host.run(lambda ws: save_justice(ws, person_id, record_id, values), self._saved, self._failed):
            self._set_busy(False, "")

    def revert(self) -> None:
        if not self._open:
            return
        self.fields.reset()
        self.charges.load(self.charges._loaded)
        self.status.setText("Changes undone.")
        self._update_buttons()

    def _saved(self, record_id: str) -> None:
        self._record_id = record_id
        self.fields.accept()
        self.charges.accept()
        self.title.setText("Justice contact")
        self._set_busy(False, "Saved.")
        self._return_focus()
        self.saved.emit(record_id)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()  # enabled again first, so the field with the problem can take the keyboard
        field = self.fields.show_error(exc)
        if field is None and getattr(exc, "field", None) == "charges":
            self.charges.error.show_message(message_of(exc))
            field = "charges"
        self._set_busy(False, "Nothing was saved. " + ("Please look at the field marked in red." if field
                                                          else message_of(exc)))  # fmt: skip
        if field is None or field == "charges":
            self._return_focus()
        else:
            self._focus_before = None

    def _return_focus(self) -> None:
        widget, self._focus_before = self._focus_before, None
        if widget is not None and widget.isVisible() and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask_delete(self) -> None:
        if self._record_id is None or self._busy:
            return
        self.confirm.ask(
            "Delete this justice contact? It disappears from this person's record here, and from the office's "
            "copy at the next sync. The history keeps a line saying it was deleted."
        )

    def _delete_confirmed(self) -> None:
        record_id = self._record_id
        if record_id is None:
            return
        self._set_busy(True, "Deleting…")
        if not self._host.run(lambda ws: delete_justice(ws, record_id), lambda _r: self._deleted(record_id),
                              self._failed):  # fmt: skip
            self._set_busy(False, "")

    def _deleted(self, record_id: str) -> None:
        self._busy = False
        self.open_record(None)
        self.status.setText("Deleted.")
        self.deleted.emit(record_id)

    def _copy_docket(self) -> None:
        text = self.fields.widgets["docket_number"].text().strip()  # type: ignore[attr-defined]
        if not text:
            return
        clipboard.copy_sensitive(text)
        seconds = clipboard.guard().clear_after_seconds
        self.status.setText(f"Docket number copied. It will be cleared from the clipboard in {seconds} seconds.")

    def _set_busy(self, busy: bool, message: str) -> None:
        self._busy = busy
        self.status.setText(message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        new = self._open and self._record_id is None
        self.save_button.setEnabled(self._open and (dirty or new) and not self._busy)
        self.revert_button.setEnabled(dirty and not self._busy)
        self.delete_button.setEnabled(self._open and self._record_id is not None and not self._busy)
        self.delete_button.setVisible(self._record_id is not None)
        docket = self.fields.widgets["docket_number"].text().strip()  # type: ignore[attr-defined]
        self.copy_button.setEnabled(bool(docket))
        for widget in [*self.fields.widgets.values(), self.charges]:
            widget.setEnabled(self._open and not self._busy)
        if dirty and self.status.text() in ("Saved.", "Changes undone.", "Deleted."):
            self.status.setText("")


class _DraftPort(QWidget):
    """Invisible holder of one justice draft slot: hands a restored draft to the editor, opening that matter."""

    def __init__(self, slot: str, deliver: Callable[[dict[str, Any]], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._slot = slot
        self._deliver = deliver
        self.setFixedSize(0, 0)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def draft_slot(self) -> str | None:
        return self._slot

    def has_draft(self) -> bool:
        return False  # the editor itself reports what it holds

    def draft_state(self) -> dict[str, Any]:
        return {}

    def restore_draft(self, state: dict[str, Any]) -> None:
        self._deliver(state)


# --- the section ----------------------------------------------------------------------------------------------------


class JusticeSection(QWidget):
    """The person's justice-system matters: the list, and the editor for the one chosen."""

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self._records: list[dict[str, Any]] = []
        self._ports: list[_DraftPort] = []
        self._pending_row: int | None = None
        self._show_first = False  # after a delete, open the first matter left

        self.list_panel = QWidget(self)
        self.matters = QListWidget(self.list_panel)
        self.matters.setAccessibleName("Justice contacts")
        self.matters.setAccessibleDescription("Justice-system matters this person is part of. Choose one to edit it.")
        self.matters.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matters.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matters.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.matters.setWordWrap(False)
        self.matters.setUniformItemSizes(True)
        self.matters.setAlternatingRowColors(True)
        self.matters.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.empty = QLabel("No justice contacts recorded for this person.", self.list_panel)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.add_button = plain_button("Add a justice contact", "Add a justice contact", self.list_panel)
        self.add_button.clicked.connect(self._add_clicked)
        self.switch_confirm = ConfirmBar("Discard changes", "Keep editing", self.list_panel)
        self.switch_confirm.confirmed.connect(self._switch_confirmed)
        self.switch_confirm.cancelled.connect(self._switch_cancelled)
        list_layout = column_of(
            self.list_panel, (self.matters, 1), self.empty, self.switch_confirm, margins=(0, 0, 0, 0), spacing=8
        )
        list_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.editor = JusticeEditor(host, self)
        self.editor.saved.connect(lambda _id: self._host.record_changed("justice"))
        self.editor.deleted.connect(self._deleted)

        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.split.setContentsMargins(0, 0, 0, 0)
        self.split.setSpacing(24)
        self.split.addWidget(self.list_panel, 2)
        self.split.addWidget(self.editor, 3)
        self.list_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self.matters.currentRowChanged.connect(self._row_chosen)
        QWidget.setTabOrder(self.matters, self.add_button)
        QWidget.setTabOrder(self.add_button, self.editor.fields.widgets["role"])
        self.setFocusProxy(self.matters)

    # --- loading ------------------------------------------------------------------------------------------------

    def load(self, person_id: str, records: list[dict[str, Any]]) -> None:
        """Show the person's matters; the editor keeps unsaved typing, otherwise shows the chosen matter again."""
        same_person = person_id == self._person_id
        self._person_id = person_id
        self._records = records
        self.editor.set_person(person_id)
        self.matters.blockSignals(True)
        self.matters.clear()
        for matter in records:
            item = QListWidgetItem(self._row(matter), self.matters)
            item.setData(Qt.ItemDataRole.UserRole, matter["id"])
            item.setToolTip(self._row(matter))
        self.matters.blockSignals(False)
        self.empty.setVisible(not records)
        self._fit_list()
        self._make_ports(person_id, records)
        keep = self.editor.record_id if same_person else None
        if same_person and self.editor.is_dirty():
            self._select(keep)
            return
        record = next((r for r in records if r["id"] == keep), None) if keep else None
        staying_new = same_person and self.editor.record_id is None and self.editor.draft_slot() is not None
        if record is None and (self._show_first or not staying_new):
            record = records[0] if records else None
        self._show_first = False
        self.editor.open_record(record)
        self._select(record["id"] if record else None)

    def _deleted(self, _record_id: str) -> None:
        self._show_first = True
        self._host.record_changed("justice")

    @staticmethod
    def _row(record: dict[str, Any]) -> str:
        """Two lines: role and where the matter stands; then the docket number and the court."""
        status = choice_label("disposition", record.get("disposition")) or choice_label(
            "case_status", record.get("case_status")
        )
        first = " · ".join(p for p in (choice_label("role", record.get("role")), status) if p)
        docket = record.get("docket_number")
        second = " · ".join(p for p in (f"Docket {docket}" if docket else "", record.get("court") or "") if p)
        return f"{first}\n{second or 'No docket number yet'}"

    def _record_id(self, row: int) -> str | None:
        item = self.matters.item(row)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _make_ports(self, person_id: str, records: list[dict[str, Any]]) -> None:
        for port in self._ports:
            port.setParent(None)
            port.deleteLater()
        self._ports = [
            _DraftPort(f"justice:{person_id}:{key}", functools.partial(self._deliver, key), self)
            for key in [*(r["id"] for r in records), "new"]
        ]

    def _deliver(self, key: str, state: dict[str, Any]) -> None:
        """A draft saved at the last lock comes back: open its matter (or a new one), then put the typing back."""
        record = None if key == "new" else next((r for r in self._records if r["id"] == key), None)
        if key != "new" and record is None:
            return
        self.editor.open_record(record)
        self._select(record["id"] if record else None)
        self.editor.restore_draft(state)

    def _select(self, record_id: str | None) -> None:
        self.matters.blockSignals(True)
        try:
            for row in range(self.matters.count()):
                if self._record_id(row) == record_id:
                    self.matters.setCurrentRow(row)
                    break
            else:
                self.matters.setCurrentRow(-1)
                self.matters.clearSelection()
        finally:
            self.matters.blockSignals(False)

    def clear(self) -> None:
        self._person_id = None
        self._records = []
        for port in self._ports:
            port.setParent(None)
            port.deleteLater()
        self._ports = []
        self.matters.clear()
        self.empty.hide()
        self.switch_confirm.dismiss()
        self.editor.clear()

    # --- choosing -----------------------------------------------------------------------------------------------

    def _row_chosen(self, row: int) -> None:
        if row < 0:
            return
        record_id = self._record_id(row)
        if record_id == self.editor.record_id:
            return
        if self.editor.is_dirty():
            self._pending_row = row
            self._select(self.editor.record_id)
            self.switch_confirm.ask("This justice contact has changes that are not saved. Discard them?")
            return
        self._open_row(row)

    def _open_row(self, row: int) -> None:
        record_id = self._record_id(row)
        record = next((r for r in self._records if r["id"] == record_id), None)
        self.editor.open_record(record)
        self._select(record_id)

    def _add_clicked(self) -> None:
        if self.editor.is_dirty():
            self._pending_row = -1
            self.switch_confirm.ask("This justice contact has changes that are not saved. Discard them?")
            return
        self._start_new()

    def _start_new(self) -> None:
        self.editor.open_record(None)
        self._select(None)
        self.editor.fields.widgets["role"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _switch_confirmed(self) -> None:
        row, self._pending_row = self._pending_row, None
        if row is None:
            return
        if row < 0:
            self._start_new()
        else:
            self._open_row(row)

    def _switch_cancelled(self) -> None:
        self._pending_row = None
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- layout ---------------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() >= SIDE_BY_SIDE_EM * self.fontMetrics().horizontalAdvance("M")
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.split.direction() != direction:
            self.split.setDirection(direction)
            self.split.setStretch(0, 2 if wide else 0)  # stacked, the list keeps to its own height
        self._fit_list()

    def _fit_list(self) -> None:
        """Stacked (narrow window or large text), the list takes at most two matters' height: the editor needs room."""
        if self.split.direction() == QBoxLayout.Direction.LeftToRight:
            self.matters.setMaximumHeight(16_777_215)
            return
        count = self.matters.count()
        row = self.matters.sizeHintForRow(0) if count else self.matters.fontMetrics().lineSpacing() * 2 + 12
        shown = min(max(self.matters.count(), 1), 2)
        self.matters.setMaximumHeight(row * shown + 2 * self.matters.frameWidth() + 4)


__all__ = ["ChargesEditor", "JusticeEditor", "JusticeSection"]
