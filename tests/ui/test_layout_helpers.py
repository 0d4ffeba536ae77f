"""row_of and column_of: the one way the screens lay out a row or a column, parts in order with their stretch."""

from __future__ import annotations

from app.ui.person.fields import column_of, row_of
from app.ui.qt import QLabel, QPushButton, QWidget


def test_a_column_is_set_on_its_parent_with_parts_in_order_stretch_margins_and_spacing(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    title, body, cancel, save = QLabel("Title", page), QLabel("Body", page), QPushButton("Cancel"), QPushButton("Save")
    buttons = row_of(1, cancel, save, spacing=4)
    layout = column_of(page, title, (body, 3), buttons, margins=(1, 2, 3, 4), spacing=7)

    assert page.layout() is layout
    assert [layout.itemAt(i).widget() for i in range(2)] == [title, body]
    assert layout.itemAt(2).layout() is buttons
    assert [layout.stretch(i) for i in range(3)] == [0, 3, 0]
    margins = layout.contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (1, 2, 3, 4)
    assert layout.spacing() == 7
    # The bare 1 is a stretch before the buttons, so they sit at the right.
    assert buttons.itemAt(0).spacerItem() is not None and buttons.stretch(0) == 1
    assert [buttons.itemAt(i).widget() for i in (1, 2)] == [cancel, save]
    assert buttons.spacing() == 4


def test_a_column_without_a_parent_is_left_for_the_caller_to_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("Alone")
    qtbot.addWidget(label)
    layout = column_of(None, label)
    assert layout.parentWidget() is None
    assert layout.count() == 1 and layout.itemAt(0).widget() is label
