"""What the UI tests share: finding widgets by accessible name as a screen reader would, and the start-up font."""

from __future__ import annotations

from app.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    Qt,
    QWidget,
)


def use_readable_font() -> None:
    """The font the app sets at start-up (app.ui.app.use_readable_font), so screenshots show the real size."""
    from app.ui.app import use_readable_font as apply

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply(app)


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """What a person can focus and use; the inner parts of a combo or spin box are named through their owner."""
    found: list[QWidget] = []
    for kind in (QAbstractButton, QLineEdit, QAbstractItemView, QComboBox, QAbstractSpinBox):
        found.extend(root.findChildren(kind))
    if isinstance(root, QAbstractButton | QLineEdit):
        found.append(root)

    def inside_compound(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QComboBox | QAbstractSpinBox):
                return True
            parent = parent.parentWidget()
        return False

    return [w for w in found if not inside_compound(w)]


def assert_all_named(root: QWidget) -> None:
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in interactive_widgets(root) if not w.accessibleName()]
    assert unnamed == []


def button(root: QWidget, name: str) -> QAbstractButton:
    found = [b for b in root.findChildren(QAbstractButton) if b.accessibleName() == name and b.isVisible()]
    assert len(found) == 1, f"expected one visible button named {name!r}, found {len(found)}"
    return found[0]


def click(qtbot, root: QWidget, name: str) -> None:  # type: ignore[no-untyped-def]
    target = button(root, name)
    assert target.isEnabled(), f"{name!r} is disabled"
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)


def field(root: QWidget, name: str) -> QLineEdit:
    found = [e for e in root.findChildren(QLineEdit) if e.accessibleName() == name and e.isVisible()]
    assert len(found) == 1, f"expected one visible field named {name!r}, found {len(found)}"
    return found[0]
