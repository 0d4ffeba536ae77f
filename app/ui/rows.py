"""Rows of a list made by Qt itself, never in Python.

A row made in Python (``QListWidgetItem(text, widget)``, or one built then ``addItem``-ed) is a binding object that
PySide must release when ``clear()`` or the list's destruction deletes it. In long runs of window tests that release
crashed Python: a segmentation fault in shiboken's ``BindingManager::releaseWrapper`` under ``QListWidget::clear()``,
while a background task's result refilled a list. A row Qt makes (``addItem(text)``) is plain C++: deleting it never
calls into the binding. The item handed back is a borrowed view for setting the row's data and looks now; Qt owns it.
"""

from __future__ import annotations

from typing import Any

from app.ui.qt import QListWidget, QListWidgetItem, Qt


def add_row(widget: QListWidget, text: str, key: Any = None, *, at: int | None = None) -> QListWidgetItem:
    """Append (or insert ``at`` a row number) a row Qt makes itself, holding ``key`` (UserRole) when given."""
    if at is None:
        widget.addItem(text)
        item = widget.item(widget.count() - 1)
    else:
        widget.insertItem(at, text)
        item = widget.item(at)
    assert item is not None
    if key is not None:
        item.setData(Qt.ItemDataRole.UserRole, key)
    return item
