"""The first slice of the desktop app, driven as a person would: unlock, see the caseload, search, scroll, lock.

Every test runs against a real SQLCipher vault (KDF at the floor) holding 300 fictional people.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.errors import VaultInUse
from app.storage.kdf import KdfParams
from app.storage.vault import LOCK_NAME, Vault
from app.ui.app import use_readable_font
from app.ui.caseload import PAGE_SIZE, CaseloadModel
from app.ui.main_window import MainWindow
from app.ui.qt import QAbstractButton, QAbstractItemView, QApplication, QLineEdit, Qt, QWidget
from app.ui.tasks import TaskRunner
from app.ui.unlock import retry_wait

PASSPHRASE = "a long passphrase"
FIRST_NAMES = [
    "Amani", "Bexley", "Corin", "Dalia", "Emeric", "Farrah", "Gideon", "Halina", "Ilario", "Jessamy",
    "Kasimir", "Linnea", "Marisol", "Nikodem", "Oriana", "Perrin", "Quilla", "Rafferty", "Saoirse", "Tobiah",
    "Ulla", "Vesna", "Wrenna", "Xiomara", "Yannick", "Zelie", "Anouk", "Brannoc", "Cosima", "Dorian",
]
SURNAMES = [
    "Example", "Sample", "Fictional", "Placeholder", "Testperson", "Madeup", "Notreal", "Demo", "Pretend", "Mock",
]
PEOPLE = len(FIRST_NAMES) * len(SURNAMES)  # 300


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    """Text must render as text, not boxes, for the screenshots to mean anything."""


@pytest.fixture(scope="module")
def vault_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One vault of 300 fictional people, made once; each test gets its own copy."""
    folder = tmp_path_factory.mktemp("template") / "vault"
    unlocked, _code = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        ws = Workspace(unlocked)
        for i, first in enumerate(FIRST_NAMES):
            for j, last in enumerate(SURNAMES):
                ws.records.create(
                    "person",
                    {
                        "preferred_name": f"{first} {last}",
                        "pronouns": ["she/her", "he/him", "they/them", None][(i + j) % 4],
                        "languages": [["English"], ["Spanish", "English"], ["Tagalog"], ["Arabic", "French"]][j % 4],
                        "is_demo": True,
                    },
                )
    finally:
        unlocked.lock()
    return folder


@pytest.fixture
def vault_dir(vault_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    shutil.copytree(vault_template, folder, ignore=shutil.ignore_patterns(LOCK_NAME))
    return folder


@pytest.fixture
def window(qtbot, vault_dir: Path) -> Iterator[MainWindow]:
    use_readable_font(QApplication.instance())  # as app.main does, so the screenshots show the real size
    win = MainWindow(Vault(vault_dir))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.close()


def unlock(qtbot, win: MainWindow, passphrase: str = PASSPHRASE) -> None:
    field = win.unlock_page.passphrase
    field.setFocus()
    qtbot.keyClicks(field, passphrase)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def wait_for_caseload(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=10_000)
    qtbot.waitUntil(lambda: win.caseload_page.count_label.text() == f"{PEOPLE} people", timeout=10_000)


def vault_is_free(folder: Path) -> bool:
    """True when nothing in this process holds the vault open (so it can be unlocked again)."""
    try:
        Vault(folder).unlock(PASSPHRASE).lock()
    except VaultInUse:
        return False
    return True


def save_shot(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    assert widget.grab().save(str(path)), f"could not save {path}"


# --- (a) wrong passphrase --------------------------------------------------------------------------------------


def test_wrong_passphrase_shows_a_human_message_and_stays_locked(qtbot, window: MainWindow, vault_dir: Path,
                                                                 tmp_path: Path) -> None:
    page = window.unlock_page
    unlock(qtbot, window, "not the passphrase")
    qtbot.waitUntil(lambda: "does not open this vault" in page.status.text(), timeout=10_000)

    assert "Caps Lock" in page.status.text()
    assert "Traceback" not in page.status.text()
    assert page.passphrase.text() == ""
    assert QApplication.focusWidget() is page.passphrase  # cleared and ready for another try
    assert window.pages.currentWidget() is page
    assert not window.is_unlocked
    # The growing wait: the button says so and cannot be pressed until it has passed.
    assert not page.unlock_button.isEnabled()
    assert page.unlock_button.text() == "Try again in 1 s"
    assert page.unlock_button.accessibleName() == "Unlock"
    save_shot(window, tmp_path / "unlock-wrong-passphrase.png")
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=3_000)
    assert page.unlock_button.text() == "Unlock"
    # Nothing in this process holds the vault: it is really still locked.
    assert vault_is_free(vault_dir)


def test_the_wait_grows_and_is_capped() -> None:
    assert [retry_wait(n) for n in range(8)] == [0, 1, 2, 4, 8, 16, 30, 30]


def test_no_vault_opens_the_first_run_setup(qtbot, tmp_path: Path) -> None:
    win = MainWindow(Vault(tmp_path / "empty"))
    qtbot.addWidget(win)
    win.show()
    assert win.first_run_page is not None and win.pages.currentWidget() is win.first_run_page
    assert win.vault_status.text() == "No vault in this folder yet"
    # Behind it, the unlock page says plainly that there is no vault (if the folder empties while running).
    text = win.unlock_page.status.text()
    assert text.startswith("There is no vault in this folder.")
    assert "offramp vault create" in text
    save_shot(win, tmp_path / "no-vault.png")
    win.close()


def test_once_a_vault_appears_the_empty_status_is_no_longer_a_tab_stop(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "later"
    win = MainWindow(Vault(folder))
    qtbot.addWidget(win)
    page = win.unlock_page
    page.refresh()
    # With no vault, the command to make one can be selected from the keyboard...
    assert page.status.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    unlocked, _code = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    unlocked.lock()
    page.refresh()
    # ...and once the vault is there the status is empty, and Tab no longer stops on it.
    assert page.status.text() == ""
    assert not page.status.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    win.close()


def test_demo_mode_gives_the_passphrase(qtbot, vault_dir: Path, tmp_path: Path) -> None:
    win = MainWindow(Vault(vault_dir), demo=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.unlock_page.demo_hint.isVisible()
    assert win.unlock_page.demo_hint.text() == "Demo vault: the passphrase is offramp demo"
    save_shot(win, tmp_path / "unlock-demo.png")


def test_a_vault_open_elsewhere_is_explained(qtbot, window: MainWindow, vault_dir: Path) -> None:
    other = Vault(vault_dir).unlock(PASSPHRASE)
    try:
        unlock(qtbot, window)
        qtbot.waitUntil(lambda: "already open" in window.unlock_page.status.text(), timeout=10_000)
        assert not window.is_unlocked
        assert window.unlock_page.unlock_button.isEnabled()  # not a wrong passphrase: no waiting
    finally:
        other.lock()


# --- (b) right passphrase --------------------------------------------------------------------------------------


def test_right_passphrase_and_enter_open_the_caseload(qtbot, window: MainWindow, vault_dir: Path,
                                                      tmp_path: Path) -> None:
    save_shot(window, tmp_path / "unlock.png")
    unlock(qtbot, window)
    wait_for_caseload(qtbot, window)

    assert window.is_unlocked
    assert window.unlock_page.passphrase.text() == ""
    model = window.caseload_page.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    first = model.index(0, CaseloadModel.NAME).data()
    assert first == "Amani Demo"  # sorted by name
    assert model.index(0, CaseloadModel.UNSYNCED).data() == "Yes"  # never synced
    assert not vault_is_free(vault_dir)  # this window holds it
    assert window.vault_status.text() == "Vault encrypted on this computer"
    save_shot(window, tmp_path / "caseload.png")


# --- (c) search ------------------------------------------------------------------------------------------------


def test_typing_in_the_search_box_filters(qtbot, window: MainWindow, tmp_path: Path) -> None:
    unlock(qtbot, window)
    wait_for_caseload(qtbot, window)
    page = window.caseload_page

    qtbot.keyClicks(page.search, "Maris")
    qtbot.waitUntil(lambda: page.count_label.text() == "10 people found", timeout=10_000)
    assert page.model.rowCount() == 10
    names = {page.model.index(r, 0).data() for r in range(10)}
    assert all(name.startswith("Marisol ") for name in names)

    qtbot.keyClicks(page.search, "ol Pla")
    qtbot.waitUntil(lambda: page.count_label.text() == "1 person found", timeout=10_000)
    assert page.model.index(0, 0).data() == "Marisol Placeholder"
    save_shot(window, tmp_path / "caseload-search.png")

    page.search.selectAll()
    qtbot.keyClicks(page.search, "zzz")
    qtbot.waitUntil(lambda: page.count_label.text() == "No one matches that search", timeout=10_000)

    qtbot.keyClick(page.search, Qt.Key.Key_Escape)  # Escape clears the search
    qtbot.waitUntil(lambda: page.count_label.text() == f"{PEOPLE} people", timeout=10_000)


def test_stale_search_results_are_ignored(qtbot, window: MainWindow) -> None:
    unlock(qtbot, window)
    wait_for_caseload(qtbot, window)
    model = window.caseload_page.model
    model.set_query("Zelie")
    model.set_query("Quilla Mock")  # the first query's page is still on its way; only this one may land
    qtbot.waitUntil(lambda: model.total == 1, timeout=10_000)
    with qtbot.assertNotEmitted(model.total_changed, wait=200):
        pass
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Quilla Mock"


# --- (d) lazy loading ------------------------------------------------------------------------------------------


def test_rows_load_a_page_at_a_time(qtbot, window: MainWindow) -> None:
    unlock(qtbot, window)
    wait_for_caseload(qtbot, window)
    model = window.caseload_page.model

    assert model.rowCount() == PAGE_SIZE == 200
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == PEOPLE, timeout=10_000)
    assert not model.canFetchMore()

    # Scrolling to the end of the view asks for more by itself.
    model.set_query("")
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=10_000)
    window.caseload_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == PEOPLE, timeout=10_000)


def test_row_heights_are_fixed(window: MainWindow) -> None:
    from app.ui.qt import QHeaderView

    rows = window.caseload_page.table.verticalHeader()
    assert rows.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed


# --- (e) lock --------------------------------------------------------------------------------------------------


def test_ctrl_l_locks_and_returns_to_the_unlock_page(qtbot, window: MainWindow, vault_dir: Path,
                                                     tmp_path: Path) -> None:
    unlock(qtbot, window)
    wait_for_caseload(qtbot, window)
    page = window.caseload_page
    qtbot.keyClicks(page.search, "Vesna")
    qtbot.waitUntil(lambda: page.count_label.text() == "10 people found", timeout=10_000)

    qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert window.pages.currentWidget() is window.unlock_page
    assert not window.is_unlocked
    assert page.model.rowCount() == 0  # nothing personal left in the model
    assert page.search.text() == ""
    assert window.unlock_page.status.text().startswith("Locked at ")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    assert vault_is_free(vault_dir)
    save_shot(window, tmp_path / "locked.png")

    # And it opens again.
    unlock(qtbot, window)
    wait_for_caseload(qtbot, window)


def test_closing_the_window_locks_the_vault(qtbot, window: MainWindow, vault_dir: Path) -> None:
    unlock(qtbot, window)
    wait_for_caseload(qtbot, window)
    window.close()
    assert vault_is_free(vault_dir)


# --- (f) accessibility -----------------------------------------------------------------------------------------


def interactive_widgets(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in (QAbstractButton, QLineEdit, QAbstractItemView):
        found.extend(root.findChildren(kind))
    return found


def test_every_interactive_widget_has_an_accessible_name(qtbot, window: MainWindow) -> None:
    unlock_widgets = interactive_widgets(window.unlock_page)
    caseload_widgets = interactive_widgets(window.caseload_page)
    assert len(unlock_widgets) >= 2  # the field and the button
    assert len(caseload_widgets) >= 3  # search, table, lock
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}" for w in unlock_widgets + caseload_widgets if not w.accessibleName()
    ]
    assert unnamed == []


def test_the_caseload_works_from_the_keyboard(qtbot, window: MainWindow) -> None:
    unlock(qtbot, window)
    wait_for_caseload(qtbot, window)
    page = window.caseload_page
    assert QApplication.focusWidget() is page.search
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # into the list
    assert QApplication.focusWidget() is page.table
    assert page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # back to search
    assert QApplication.focusWidget() is page.search


# --- the task runner on its own ----------------------------------------------------------------------------------


def test_task_runner_delivers_on_the_main_thread_and_reports_busy(qtbot) -> None:
    import threading

    runner = TaskRunner()
    seen: dict[str, object] = {}
    try:
        with qtbot.waitSignal(runner.busy_changed, timeout=5_000) as blocker:
            runner.run(lambda: threading.current_thread().name, on_done=lambda r: seen.update(worker=r))
        assert blocker.args == [True]
        assert runner.busy
        qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
        assert str(seen["worker"]).startswith("offramp-vault")

        def boom() -> None:
            raise ValueError("no")

        runner.run(boom, on_done=lambda r: seen.update(done=True), on_error=lambda e: seen.update(error=e))
        qtbot.waitUntil(lambda: "error" in seen, timeout=5_000)
        assert isinstance(seen["error"], ValueError)
        assert "done" not in seen
    finally:
        runner.shutdown()
