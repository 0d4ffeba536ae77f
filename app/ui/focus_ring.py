"""A ring in the palette's focus colour around whatever has the keyboard, everywhere in the app.

One ring for the whole application, drawn just outside the focused control (in its parent, on top), so it looks the
same on a button, a field, a choice, a spin box, a check box or a list, and never changes the control's own look or
size: edges set on a choice or a spin box in a style sheet would make Qt draw their arrows itself, small and plain.
The ring is a child of the control's window, cut to what the scroll areas and panels around the control show of it,
and moves with it.
"""

from __future__ import annotations

import contextlib

from app.ui import palette
from app.ui.qt import (
    QAbstractSpinBox,
    QApplication,
    QColor,
    QComboBox,
    QEvent,
    QMenu,
    QMenuBar,
    QObject,
    QPainter,
    QPen,
    Qt,
    QWidget,
)


def _owner(widget: QWidget) -> QWidget:
    """The control a person sees: the choice or spin box around an inner line edit."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return parent
        parent = parent.parentWidget()
    return widget


class FocusRing(QWidget):
    """The ring in one window: a child of the window, over everything in it, never taking the mouse or the keyboard."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def place_around(self, target: QWidget) -> None:
        """Around ``target``, cut to what its scroll areas and panels show of it (and to the window)."""
        window = self.parentWidget()
        assert window is not None
        margin = palette.active().focus_width + 1
        top_left = target.mapTo(window, target.rect().topLeft())
        area = target.rect().translated(top_left).adjusted(-margin, -margin, margin, margin)
        ancestor = target.parentWidget()
        while ancestor is not None and ancestor is not window:
            area = area.intersected(ancestor.rect().translated(ancestor.mapTo(window, ancestor.rect().topLeft())))
            ancestor = ancestor.parentWidget()
        area = area.intersected(window.rect())
        if area.isEmpty() or not target.isVisible():
            self.hide()
            return
        self.setGeometry(area)
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, _event: object) -> None:
        width = palette.active().focus_width
        painter = QPainter(self)
        pen = QPen(QColor(palette.colour("focus")))
        pen.setWidth(width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width // 2
        painter.drawRect(self.rect().adjusted(half, half, -(width - half), -(width - half)))
        painter.end()


class _Follower(QObject):
    """Moves the ring to whatever takes the keyboard, and with it when it or a panel around it moves."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.target: QWidget | None = None
        self.watched: list[QWidget] = []
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self.follow)

    def _unwatch(self) -> None:
        for widget in self.watched:
            with contextlib.suppress(RuntimeError):  # a panel already deleted (a dialog closed) needs nothing
                widget.removeEventFilter(self)
        self.watched = []

    def follow(self, old: QWidget | None, now: QWidget | None) -> None:
        try:
            self._follow(now)
        except RuntimeError:  # a widget deleted while focus moved (a dialog closing): no ring, never an error
            self.target = None
            self._unwatch()

    def _follow(self, now: QWidget | None) -> None:
        self._unwatch()
        if self.ring is not None:
            self.ring.hide()
        self.target = None
        if now is None or isinstance(now, QMenu | QMenuBar | FocusRing) or now.isWindow():
            return
        target = _owner(now)
        window = target.window()
        if target is window:
            return
        ring = window.findChild(FocusRing, "focus-ring", Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None:
            ring = FocusRing(window)
            ring.destroyed.connect(self._ring_gone)
        self.ring = ring
        self.target = target
        widget: QWidget | None = target
        while widget is not None and widget is not window:
            widget.installEventFilter(self)
            self.watched.append(widget)
            widget = widget.parentWidget()
        ring.place_around(target)

    def _ring_gone(self) -> None:
        self.ring = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _MOVES and self.target is not None and self.ring is not None:
            try:
                self.ring.place_around(self.target)
            except RuntimeError:  # the control or its window is being deleted
                self.target = None
        return False


_MOVES = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)
_follower: _Follower | None = None


def install(app: QApplication) -> None:
    """Show the ring around whatever has the keyboard from now on (once per application)."""
    global _follower  # one for the one application
    if _follower is None:
        _follower = _Follower(app)
    _follower.follow(None, app.focusWidget())
