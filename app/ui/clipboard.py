"""Copying with care: what Offramp puts on the clipboard is cleared after a while, and at once on quick exit.

Only text this module put there is cleared, and only if it is still there: a person who copied something else
since keeps it (after KeePassXC's clipboard handling).

Everything Offramp copies (a docket number here, or any text a person copies out of a field with Ctrl+C) is offered
as plain text only, never as HTML or a rich-text document, and carries ``x-kde-passwordManagerHint: secret``: the
hint KDE's Klipper and other clipboard managers honour by not keeping it in their history (on Windows, the formats
that keep it out of the clipboard history and the cloud clipboard). :func:`protect_copies` rewrites any copy the
app's own widgets make that way (issue 16, item 4).
"""

from __future__ import annotations

import sys

from app.ui.qt import QApplication, QClipboard, QMimeData, QObject, QTimer

DEFAULT_CLEAR_SECONDS = 20
#: The format clipboard managers read, and its value, that says "do not keep this in the history".
SECRET_HINT_FORMAT = "x-kde-passwordManagerHint"  # noqa: S105 - a format name, not a secret
SECRET_HINT = b"secret"
#: Windows' own "not in the history, not to the cloud" formats (a 32-bit zero each; the first one needs no value).
_WINDOWS_FORMATS = (
    ("ExcludeClipboardContentFromMonitorProcessing", b"\0\0\0\0"),
    ("CanIncludeInClipboardHistory", b"\0\0\0\0"),
    ("CanUploadToCloudClipboard", b"\0\0\0\0"),
)
#: Platforms whose clipboard lives in this process only (tests, headless): everything on it is ours.
_IN_PROCESS_PLATFORMS = frozenset({"offscreen", "minimal"})


def plain_secret_copy(text: str) -> QMimeData:
    """``text`` as the clipboard should hold it: text/plain and the hint, nothing else."""
    data = QMimeData()
    data.setText(text)
    data.setData(SECRET_HINT_FORMAT, SECRET_HINT)
    if sys.platform == "win32":
        for name, value in _WINDOWS_FORMATS:
            data.setData(f'application/x-qt-windows-mime;value="{name}"', value)
    return data


def _modes(clipboard: QClipboard) -> list[QClipboard.Mode]:
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    return modes


def _ours(clipboard: QClipboard, mode: QClipboard.Mode) -> bool:
    if QApplication.platformName() in _IN_PROCESS_PLATFORMS:
        return True
    if mode == QClipboard.Mode.Selection:
        return clipboard.ownsSelection()
    return clipboard.ownsClipboard()


def _make_plain(clipboard: QClipboard, mode: QClipboard.Mode) -> None:
    """If the app itself just put something on ``mode`` without the hint, offer it again as plain text + hint.
    What another program copied is never touched."""
    if not _ours(clipboard, mode):
        return
    data = clipboard.mimeData(mode)
    if data is None or data.hasFormat(SECRET_HINT_FORMAT) or not data.formats():
        return
    if not data.hasText():
        clipboard.clear(mode)  # an image or a rich document and no text: Offramp offers neither
        return
    clipboard.setMimeData(plain_secret_copy(data.text()), mode)


def protect_copies(app: QApplication) -> None:
    """From now on, whatever the app's widgets copy is plain text with the hint (see the module's note)."""
    clipboard = app.clipboard()
    if getattr(app, "_offramp_copies_protected", False):
        return
    app._offramp_copies_protected = True  # type: ignore[attr-defined]
    clipboard.dataChanged.connect(lambda: _make_plain(clipboard, QClipboard.Mode.Clipboard))
    if clipboard.supportsSelection():
        clipboard.selectionChanged.connect(lambda: _make_plain(clipboard, QClipboard.Mode.Selection))


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None, *, clear_after_seconds: int = DEFAULT_CLEAR_SECONDS) -> None:
        super().__init__(parent)
        self.clear_after_seconds = clear_after_seconds
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_ours)

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard (and the X11 selection), to be cleared after ``clear_after_seconds``."""
        clipboard = QApplication.clipboard()
        for mode in _modes(clipboard):
            clipboard.setMimeData(plain_secret_copy(text), mode)  # plain text and the hint only
        self._ours = text
        self._timer.start(max(1, self.clear_after_seconds) * 1000)

    def clear_ours(self) -> None:
        """Clear the clipboard if it still holds what we put there."""
        self._timer.stop()
        if self._ours is None:
            return
        clipboard = QApplication.clipboard()
        for mode in _modes(clipboard):
            if clipboard.text(mode) == self._ours:
                clipboard.clear(mode)
        self._ours = None


_guard: ClipboardGuard | None = None


def guard() -> ClipboardGuard:
    """The app's one clipboard guard (made on first use, owned by the QApplication)."""
    global _guard
    if _guard is None:
        _guard = ClipboardGuard(QApplication.instance())
    return _guard


def copy_sensitive(text: str) -> None:
    guard().copy(text)
