"""A form's fields as one set: build label / field / error rows from the model's column info, load a record, tell
what changed, show a problem next to the field it is about, and keep or restore exactly what is on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.records import columns_of
from app.errors import ValidationError
from app.models.base import Envelope
from app.ui.errors import human_message
from app.ui.person.fields import (
    NOT_ASKED,
    ChoiceBox,
    DateField,
    ErrorLine,
    ListField,
    YesNoBox,
    clear_widget,
    restore_widget_state,
    text_value,
    widget_content,
    widget_state,
)
from app.ui.qt import (
    QApplication,
    QComboBox,
    QCoreApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # text | long | list | date | bool | choice
    label: str
    hint: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    empty: str | None = "Not recorded"


def spec_from_column(name: str, info: Mapping[str, Any], *, hint: str = "", empty: str | None = "Not recorded",
                     label: str | None = None, long: bool = False) -> FieldSpec:  # fmt: skip
    kind = str(info.get("kind"))
    if kind == "text" and long:
        kind = "long"
    return FieldSpec(
        name=name,
        kind=kind,
        label=label or str(info.get("label") or name.replace("_", " ").capitalize()),
        hint=hint,
        required=bool(info.get("required")),
        choices=tuple(info.get("choices") or ()),
        empty=empty,
    )


def specs_of(model: type[Envelope], names: str, **options: Mapping[str, Any]) -> tuple[FieldSpec, ...]:
    """The specs of ``model``'s columns ``names`` (space-separated, in the form's order), each from the column's
    own label, kind and choices; ``options`` gives a field its :func:`spec_from_column` keywords (hint, empty...)."""
    info = {name: col.info for name, col in columns_of(model).items()}
    return tuple(spec_from_column(name, info[name], **options.get(name, {})) for name in names.split())


class FieldSet:
    """The widgets of one form, keyed by field name."""

    def __init__(self) -> None:
        self.specs: dict[str, FieldSpec] = {}
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLine] = {}
        self.labels: dict[str, QLabel] = {}
        self._loaded: dict[str, Any] = {}
        self._baseline: dict[str, Any] = {}

    # --- building ------------------------------------------------------------------------------------------

    def make_widget(self, spec: FieldSpec, parent: QWidget) -> QWidget:
        widget: QWidget
        if spec.kind == "bool":
            widget = YesNoBox(parent)
        elif spec.kind == "choice":
            widget = ChoiceBox(spec.name, spec.choices, empty=spec.empty, parent=parent)
        elif spec.kind == "date":
            widget = DateField(parent)
        elif spec.kind == "list":
            widget = ListField(parent)
        elif spec.kind == "long":
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)  # Tab moves on, as in every other field
            editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 4 + 16)
            widget = editor
        else:
            widget = QLineEdit(parent)
        if spec.hint and isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setPlaceholderText(spec.hint)
        accessible = spec.label + (QCoreApplication.translate("fields", " (required)") if spec.required else "")
        widget.setAccessibleName(accessible)
        if spec.hint:
            widget.setAccessibleDescription(spec.hint)
        return widget

    def add_rows(
        self,
        specs: Iterable[FieldSpec],
        grid: QGridLayout,
        parent: QWidget,
        first_row: int = 0,
        beside: Mapping[str, QWidget] | None = None,
    ) -> int:
        """Label in column 0; the field and its error line under it in column 1. Returns the next free row.

        ``beside`` puts a widget (a Copy button) to the right of a field.
        """
        row = first_row
        for spec in specs:
            widget = self.make_widget(spec, parent)
            label = QLabel(widget.accessibleName(), parent)  # the label, and "(required)" when it is
            label.setBuddy(widget)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 5, 0, 0)
            error = ErrorLine(parent)
            cell = QVBoxLayout()
            cell.setSpacing(3)
            cell.setContentsMargins(0, 0, 0, 0)
            extra = (beside or {}).get(spec.name)
            if extra is not None:
                line = QHBoxLayout()
                line.setSpacing(8)
                line.addWidget(widget, 1)
                line.addWidget(extra)
                cell.addLayout(line)
            elif isinstance(widget, QComboBox):
                cell.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            else:
                cell.addWidget(widget)
            cell.addWidget(error)
            grid.addWidget(label, row, 0)
            grid.addLayout(cell, row, 1)
            self.specs[spec.name] = spec
            self.widgets[spec.name] = widget
            self.errors[spec.name] = error
            self.labels[spec.name] = label
            row += 1
        grid.setColumnStretch(1, 1)
        return row

    def connect_changes(self, slot: Callable[[], None]) -> None:
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _t: slot())
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(slot)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i: slot())

    # --- values --------------------------------------------------------------------------------------------

    def load(self, values: Mapping[str, Any]) -> None:
        """Show a record's values; what is shown now is what "unchanged" means."""
        self._loaded = {name: values.get(name) for name in self.widgets}
        for name, widget in self.widgets.items():
            value = values.get(name)
            if isinstance(widget, ChoiceBox | DateField | ListField):
                widget.set_value(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(0)  # show the start of a long value, not its end
        self.clear_errors()
        self._baseline = self.snapshot()

    def reset(self) -> None:
        """Put back the loaded record's values (undo every change)."""
        self.load(dict(self._loaded))

    def accept(self) -> None:
        """What is on screen has been saved: it is the new "unchanged"."""
        self._loaded = {**self._loaded, **self.values()}
        self.clear_errors()
        self._baseline = self.snapshot()

    def snapshot(self) -> dict[str, Any]:
        return {name: widget_content(widget) for name, widget in self.widgets.items()}

    def differs(self) -> bool:
        return self.snapshot() != self._baseline

    def value(self, name: str) -> Any:
        widget = self.widgets[name]
        if isinstance(widget, ChoiceBox | DateField | ListField):
            return widget.value()
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            return text_value(widget)
        raise TypeError(type(widget).__name__)

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.widgets}

    def changes(self) -> dict[str, Any]:
        """Fields whose value differs from the loaded record (dates not yet valid are handed on as typed)."""
        out = {}
        for name in self.widgets:
            value = self.value(name)
            loaded = self._loaded.get(name)
            if isinstance(loaded, list) or self.specs[name].kind == "list":
                if list(value or []) != list(loaded or []):
                    out[name] = value
            elif isinstance(loaded, dt.datetime):
                if value != loaded:
                    out[name] = value
            elif value != loaded:
                out[name] = value
        return out

    def loaded(self, name: str) -> Any:
        return self._loaded.get(name)

    # --- exactly what is on screen ----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {name: widget_state(widget) for name, widget in self.widgets.items()}

    def restore(self, state: Mapping[str, Any]) -> None:
        for name, widget_state_ in state.items():
            widget = self.widgets.get(name)
            if widget is not None:
                restore_widget_state(widget, widget_state_)

    def focused_field(self) -> str | None:
        focus = QApplication.focusWidget()
        for name, widget in self.widgets.items():
            if widget is focus:
                return name
        return None

    def clear(self) -> None:
        """Forget the record: every field empty, nothing loaded."""
        for widget in self.widgets.values():
            clear_widget(widget)
        self.clear_errors()
        self._loaded = {}
        self._baseline = self.snapshot()

    # --- problems ------------------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()

    def show_error(self, exc: BaseException) -> str | None:
        """Put a problem next to its field; returns the field, or None when it belongs to no field here."""
        self.clear_errors()
        field = exc.field if isinstance(exc, ValidationError) else None
        if field and field in self.errors:
            self.errors[field].show_message(message_of(exc))
            widget = self.widgets[field]
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return field
        return None


def message_of(exc: BaseException) -> str:
    return human_message(
        exc, "That could not be saved. Please try again; if it keeps happening, lock and unlock the vault."
    )


__all__ = ["NOT_ASKED", "FieldSet", "FieldSpec", "message_of", "spec_from_column"]
