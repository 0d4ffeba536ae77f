"""What the UI tests share: finding widgets by accessible name as a screen reader would, the start-up font, a real
vault to work in, the person's workspace on screen, waiting for background work, and saving screenshots.

The fixtures built on these (``runner``, ``ws``, ``page``) are in tests/ui/conftest.py; ``shots`` is in
tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from app.core.settings import Settings
    from app.core.workspace import Workspace
    from app.storage.vault import UnlockedVault, Vault
    from app.ui.person import PersonWorkspace
    from app.ui.tasks import TaskRunner

PASSPHRASE = "a long test passphrase"

#: This test's ``shots`` folder, made on first use; tests/ui/conftest.py sets it for every test.
current_shots: Callable[[], Path] | None = None


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

    # The parts of a compound control (a combo box's popup list, a spin box's line edit), found from the compounds
    # down rather than from each part up: walking parentWidget() up through a combo box's private popup container
    # once met a stale binding of another type at its address (an AttributeError on a QWidgetItem).
    parts = {
        id(part)
        for kind in (QComboBox, QAbstractSpinBox)
        for compound in root.findChildren(kind)
        for part in compound.findChildren(QWidget)
    }
    return [w for w in found if id(w) not in parts]


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


def press(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Give ``widget`` the keyboard and press Space, as a person without a mouse does."""
    widget.setFocus()
    assert widget.isEnabled(), widget.accessibleName()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


# --- a vault, the person's workspace, background work --------------------------------------------------------------


@contextmanager
def new_workspace(folder: Path, *, regime: str = "advocacy", passphrase: str = PASSPHRASE) -> Iterator[Workspace]:
    """A new, real SQLCipher vault in ``folder`` (at the test-only KDF floor), open for the block, locked after."""
    from app.core.workspace import Workspace
    from app.storage.kdf import KdfParams
    from app.storage.vault import Vault

    unlocked, _ = Vault(folder).create(passphrase, kdf_params=KdfParams.floor(), regime=regime)
    try:
        yield Workspace(unlocked)
    finally:
        unlocked.lock()


def show_person_workspace(qtbot, runner: TaskRunner, *, size: tuple[int, int] = (1100, 750)) -> PersonWorkspace:  # type: ignore[no-untyped-def]
    """The person's workspace in a shown, active window at a laptop's size, with the app's start-up font."""
    from app.ui.person import PersonWorkspace

    use_readable_font()
    page = PersonWorkspace(runner)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def settle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    """Let a save, the refresh it starts, and a section's own read reach the screen."""
    for _ in range(3):
        qtbot.wait(20)
        qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def open_section(qtbot, page: PersonWorkspace, ws: Workspace, pid: str, runner: TaskRunner, key: str) -> None:  # type: ignore[no-untyped-def]
    """Open the person at section ``key`` and wait until the section has read its records."""
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.open(ws, pid, key)
    settle(qtbot, runner)


# --- the unlock page ----------------------------------------------------------------------------------------------


class UnlockHost(QWidget):
    """The unlock page alone in a 1280×800 window, as the main window holds it: it keeps every vault the page hands
    over, and can lock them again and show the page locked."""

    def __init__(self, vault: Vault, settings: Settings | None = None) -> None:
        from app.storage.kdf import KdfParams
        from app.ui.qt import QVBoxLayout
        from app.ui.tasks import TaskRunner
        from app.ui.unlock import UnlockPage

        super().__init__()
        self.runner = TaskRunner()
        self.settings = settings
        self.page = UnlockPage(vault, self.runner, parent=self)
        self.page.new_passphrase_kdf = KdfParams.floor()  # a new passphrase chosen in a test: the test-only floor
        self.opened: list[UnlockedVault] = []
        self.page.unlocked.connect(self.opened.append)
        QVBoxLayout(self).addWidget(self.page)
        self.resize(1280, 800)

    def lock(self) -> None:
        for unlocked in self.opened:
            unlocked.lock()
        self.opened.clear()
        self.activateWindow()  # as the main window is, once a dialog over it has closed
        self.page.show_locked()


# --- screenshots ----------------------------------------------------------------------------------------------------


def shot(widget: QWidget, name: str) -> Path:
    """Save what ``widget`` shows as ``<name>.png`` in this test's ``shots`` folder, once the layouts have settled."""
    assert current_shots is not None, "shot() is for tests under tests/ui (their conftest gives the folder)"
    for _ in range(5):  # layout requests ripple out one level per pass: let the screen settle as a person sees it
        QApplication.processEvents()
    path = current_shots() / f"{name}.png"
    assert widget.grab().save(str(path)), name
    return path
