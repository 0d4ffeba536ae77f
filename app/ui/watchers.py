"""What makes the vault lock by itself: the person stepping away, the screen locking, the machine going to sleep.

:class:`IdleWatcher` sees every key press and mouse use in the app and says ``idle`` once the chosen time has passed
without any (0 means "immediately": as soon as Offramp loses focus). :class:`ScreenLockWatcher` listens on D-Bus,
where the desktop offers it, for the screen saver or the login manager locking the session and for sleep.
"""

from __future__ import annotations

import logging
import time

from app.ui.qt import (
    SLOT,
    QAction,
    QApplication,
    QDBusConnection,
    QEvent,
    QKeyEvent,
    QKeySequence,
    QObject,
    Qt,
    QTimer,
    QWidget,
    Signal,
    Slot,
)

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seconds = seconds
        self._last_activity = time.monotonic()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._state_changed)  # type: ignore[attr-defined]

    @property
    def seconds(self) -> int:
        return self._seconds

    def set_seconds(self, seconds: int) -> None:
        self._seconds = max(0, seconds)

    def arm(self) -> None:
        """Start watching (the vault is open)."""
        self._armed = True
        self.touch()
        self._timer.start()

    def disarm(self) -> None:
        self._armed = False
        self._timer.stop()

    def touch(self) -> None:
        self._last_activity = time.monotonic()

    def idle_for(self) -> float:
        return time.monotonic() - self._last_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_activity = time.monotonic()
        return False

    def _check(self) -> None:
        if self._armed and self._seconds > 0 and self.idle_for() >= self._seconds:
            self._fire()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if not self._armed:
            return
        if state == Qt.ApplicationState.ApplicationSuspended or (
            self._seconds == 0 and state != Qt.ApplicationState.ApplicationActive
        ):
            self._fire()

    def _fire(self) -> None:
        self.disarm()
        self.idle.emit()


class ScreenLockWatcher(QObject):
    """Says ``locked`` when the desktop session locks or the machine prepares to sleep.

    Listens on the session bus for the freedesktop, GNOME and MATE screen savers' ``ActiveChanged(true)``, and on the
    system bus for logind's ``PrepareForSleep(true)`` and its session ``Lock`` signal. Where there is no bus (a
    headless machine, Windows, macOS) it stays silent; the idle timer still applies.
    """

    locked = Signal()

    SCREEN_SAVERS = (
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
        ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
        ("/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
    )

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
    ) -> None:
        super().__init__(parent)
        self.listening: list[str] = []
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        if session.isConnected():
            for path, interface in self.SCREEN_SAVERS:
                # PySide6 takes the SLOT() string here at run time; its type stubs only list bytes.
                if session.connect(
                    "", path, interface, "ActiveChanged", self, SLOT("_screen_saver(bool)")  # type: ignore[call-overload]
                ):
                    self.listening.append(interface)
        if system.isConnected():
            manager = ("/org/freedesktop/login1", "org.freedesktop.login1.Manager")
            if system.connect(  # type: ignore[call-overload]
                "org.freedesktop.login1", *manager, "PrepareForSleep", self, SLOT("_sleep(bool)")
            ):
                self.listening.append("login1.PrepareForSleep")
            if system.connect(  # type: ignore[call-overload]
                "org.freedesktop.login1", "", "org.freedesktop.login1.Session", "Lock", self, SLOT("_session_lock()")
            ):
                self.listening.append("login1.Lock")

    @Slot(bool)
    def _screen_saver(self, active: bool) -> None:
        if active:
            self.locked.emit()

    @Slot(bool)
    def _sleep(self, going: bool) -> None:
        if going:
            self.locked.emit()

    @Slot()
    def _session_lock(self) -> None:
        self.locked.emit()


class DoubleEscape(QObject):
    """Two presses of Escape within ``window_ms`` anywhere in the app: the one-handed quick exit.

    With ``home`` (the main window), both presses must land in it: an Escape that closes a dialog or a pop-up is
    that dialog's, and does not count towards a quick exit with the next press in the window.
    """

    triggered = Signal()

    def __init__(self, window_ms: int = 600, parent: QObject | None = None, home: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = window_ms / 1000
        self._last = 0.0
        self._home = home
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
            # The filter sees one key press at every widget it propagates through: count it once, at its target.
            target = QApplication.focusWidget() or QApplication.activeWindow()
            if event.isAutoRepeat() or watched is not target:  # type: ignore[attr-defined]
                return False
            if self._home is not None and (not isinstance(target, QWidget) or target.window() is not self._home):
                self._last = 0.0  # a dialog's Escape (it closes the dialog): the next press starts afresh
                return False
            now = time.monotonic()
            if now - self._last <= self._window:
                self._last = 0.0
                self.triggered.emit()
                return True
            self._last = now
        return False


class SafetyKeys(QObject):
    """Lock and quick exit reach the window from inside any dialog.

    Qt does not fire an application-wide shortcut of the main window while a modal dialog is open, so Ctrl+L and
    Ctrl+Shift+X would do nothing exactly when a person is in the middle of something. This filter sees the key press
    wherever it lands and, while a modal dialog is up, triggers the action itself (locking closes the dialogs).
    """

    def __init__(self, actions: list[QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or QApplication.activeModalWidget() is None:
            return False
        assert isinstance(event, QKeyEvent)
        if event.isAutoRepeat() or watched is not (QApplication.focusWidget() or QApplication.activeWindow()):
            return False
        pressed = QKeySequence(event.keyCombination())
        for action in self._actions:
            if action.isEnabled() and any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                                          for s in action.shortcuts()):
                action.trigger()
                return True
        return False
