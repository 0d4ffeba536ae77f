"""Errors as the person meets them, in one place.

- :func:`human_message` turns any exception into the one sentence the window shows: an :class:`OfframpError`
  carries its own (written for people, never holding data); anything else gets the caller's calm fallback, and its
  kind and where it was raised go to the log.
- :func:`install_error_handlers` catches what nobody else did: an exception escaping a slot or an event handler
  (``sys.excepthook``), or a thread (``threading.excepthook``), shows the calm "unexpected problem" dialog instead of
  vanishing into a terminal no one reads; Qt's own warnings go to the log.

What reaches the log is the error's type and file:line, never its message or a value: an exception's text can
quote a name, an address or what someone typed (DESIGN.md: no personal data in logs).
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import threading
from collections.abc import Callable
from pathlib import PurePath
from types import TracebackType
from typing import Any

from app.errors import OfframpError, storage_problem
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.qt import (
    QApplication,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFont,
    QLabel,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QVBoxLayout,
    QWidget,
    Signal,
    qInstallMessageHandler,
)

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

#: The app's words for a step that failed in a way nobody planned for.
UNEXPECTED = QT_TRANSLATE_NOOP(
    "errors",
    "Something unexpected went wrong. Nothing was changed. Please try again; if it keeps happening, "
    "ask your IT contact for help.",
)
UNEXPECTED_HEADING = QT_TRANSLATE_NOOP("errors", "Something unexpected went wrong")
#: For an error nobody caught: the step stopped, but what was saved before is in the vault.
UNEXPECTED_BODY = QT_TRANSLATE_NOOP(
    "errors",
    "Offramp stopped that step because of an unexpected problem. What you saved before is safe in the vault. "
    "Please try again; if it keeps happening, ask your IT contact for help.",
)


def translated(text: str) -> str:
    """One of this module's sentences (UNEXPECTED...) in the app's language."""
    return QCoreApplication.translate("errors", text)


def human_message(exc: BaseException, fallback: str) -> str:
    """The sentence to show for ``exc``: an OfframpError's own message, else ``fallback`` (and the log gets the
    unexpected error's type and where it was raised)."""
    if isinstance(exc, OfframpError):
        return exc.message
    problem = storage_problem(exc)  # a full disk or a read-only folder, wherever it was met: one human sentence
    if problem is not None:
        return problem.message
    log_unexpected(exc)
    return fallback


def where(tb: TracebackType | None) -> str:
    """``app/ui/caseload.py:221``: where the error was raised, and the last place in the app it passed through
    when that was in a library. File paths are cut to the package, so no home folder (a person's name) shows."""
    frames: list[tuple[str, int]] = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    if not frames:
        return "unknown place"
    raised = _short(*frames[-1])
    ours = [frame for frame in frames if _in_app(frame[0])]
    if ours and ours[-1] != frames[-1]:
        return f"{raised} (from {_short(*ours[-1])})"
    return raised


def _in_app(filename: str) -> bool:
    return "app" in PurePath(filename).parts[:-1]


def _short(filename: str, line: int) -> str:
    parts = PurePath(filename).parts
    if "app" in parts[:-1]:
        start = len(parts) - 1 - parts[::-1].index("app")
    elif "site-packages" in parts:
        start = parts.index("site-packages") + 1
    else:
        start = max(0, len(parts) - 2)
    return f"{'/'.join(parts[start:])}:{line}"


def log_unexpected(exc: BaseException, what: str = "unexpected error") -> None:
    """One log line: the error's type (and the types it came from) and file:line; never its text."""
    kinds = [type(exc).__name__]
    cause = exc.__cause__ if exc.__cause__ is not None else exc.__context__
    while cause is not None and len(kinds) < 4:
        kinds.append(type(cause).__name__)
        cause = cause.__cause__ if cause.__cause__ is not None else cause.__context__
    # Built here, not passed as arguments: the log's redaction replaces arguments by their types, and these two
    # facts are code, not data.
    log.error(f"{what}: {' <- '.join(kinds)} at {where(exc.__traceback__)}")


# --- the dialog ---------------------------------------------------------------------------------------------


class UnexpectedProblemDialog(QDialog):
    """Calm words, one button. Non-blocking: it opens over the window and the app carries on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unexpected_problem")
        self.setWindowTitle(self.tr("Offramp"))
        self.setModal(True)
        fm = self.fontMetrics()
        self.setMinimumWidth(max(420, fm.averageCharWidth() * 56))
        self.heading = QLabel(translated(UNEXPECTED_HEADING), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.body = QLabel(translated(UNEXPECTED_BODY), self)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("OK"))
        ok.setAccessibleName(self.tr("Close this message"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.setAccessibleName(translated(UNEXPECTED_HEADING))
        self.setAccessibleDescription(translated(UNEXPECTED_BODY))
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 20)
        box.setSpacing(12)
        box.addWidget(self.heading)
        box.addWidget(self.body)
        box.addStretch(1)  # any extra height goes above the button, not between the heading and its words
        box.addWidget(self.buttons)
        self.resize(self.minimumWidth(), box.totalHeightForWidth(self.minimumWidth()))  # no empty band


# --- catching what nobody caught ----------------------------------------------------------------------------


class ErrorHandlers(QObject):
    """Installed once by the app. ``happened`` is queued, so the dialog opens from the event loop, never inside
    the paint or slot that failed, and a thread's error reaches the window on the main thread."""

    happened = Signal()

    def __init__(self, app: QApplication, parent_window: Callable[[], QWidget | None] | None = None) -> None:
        """``parent_window`` gives the window the dialog opens over; when it gives None (the window was hidden by
        quick exit) the error is only logged."""
        super().__init__(app)
        self._app = app
        self._parent_window = parent_window
        self.dialog: UnexpectedProblemDialog | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._previous_qt_handler: Any = None
        self.happened.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> ErrorHandlers:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        self._previous_qt_handler = qInstallMessageHandler(qt_message)
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread_hook
        qInstallMessageHandler(self._previous_qt_handler)

    def excepthook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        log_unexpected(exc)
        with contextlib.suppress(RuntimeError):  # the app is already gone: nothing left to show on
            self.happened.emit()

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        exc = args.exc_value
        if exc.__traceback__ is None:
            exc = exc.with_traceback(args.exc_traceback)
        log_unexpected(exc, "unexpected error in a background thread")
        with contextlib.suppress(RuntimeError):
            self.happened.emit()

    def _show(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one at a time: a failing paint would otherwise stack up dialogs
        if self._parent_window is None:
            parent = self._app.activeWindow()
        else:
            parent = self._parent_window()
            if parent is None:
                return  # the window is hidden (quick exit): nothing may pop up and show Offramp is here
        if self.dialog is None or self.dialog.parent() is not parent:
            if self.dialog is not None:
                self.dialog.deleteLater()
            self.dialog = UnexpectedProblemDialog(parent)
        self.dialog.open()


def install_error_handlers(
    app: QApplication, parent_window: Callable[[], QWidget | None] | None = None
) -> ErrorHandlers:
    """Catch uncaught errors and Qt's messages for the running app; returns the handlers (``uninstall`` undoes)."""
    return ErrorHandlers(app, parent_window).install()


# --- Qt's own messages --------------------------------------------------------------------------------------

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
# "QFont::setPointSize: …", "QWidget::repaint: …": the function that spoke, which is code.
# Only a Qt class or a Class::function is kept: a bare word before a colon could be someone's name.
_SPEAKER = re.compile(r"^\s*((?:[A-Za-z_]\w*(?:::[A-Za-z_~]\w*)+|Q[A-Z]\w*)(?:\(\))?)\s*:")
_CATEGORY = re.compile(r"^[\w.\-]{1,64}$")


def qt_message_summary(message: str) -> str:
    """What of a Qt message may be logged: the function that spoke, never the rest. Qt quotes file paths, window
    titles and widget text in its warnings, and any of them could hold a name."""
    match = _SPEAKER.match(message or "")
    return f"{match.group(1)} (<{len(message)} characters>)" if match else f"<{len(message or '')} characters>"


def qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category if context.category and _CATEGORY.match(context.category) else "default"
    place = ""
    if context.file and context.line:
        place = f" at {_short(context.file, context.line)}"
    text = f"{category}: {qt_message_summary(message)}{place}"
    qt_log.log(_LEVELS.get(mode, logging.WARNING), text)


__all__ = [
    "UNEXPECTED",
    "ErrorHandlers",
    "UnexpectedProblemDialog",
    "human_message",
    "install_error_handlers",
    "log_unexpected",
    "qt_message_summary",
    "translated",
    "where",
]
