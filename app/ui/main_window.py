"""The main window: the unlock page, then the caseload, and back to the unlock page when the vault locks."""

from __future__ import annotations

import logging

from app.core.workspace import Workspace
from app.errors import OfframpError
from app.storage.vault import UnlockedVault, Vault
from app.ui.caseload import CaseloadPage
from app.ui.qt import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QLabel,
    QMainWindow,
    QShowEvent,
    QSize,
    QStackedWidget,
    Qt,
    QWidget,
)
from app.ui.tasks import TaskRunner
from app.ui.unlock import UnlockPage

log = logging.getLogger(__name__)


def _open_workspace(unlocked: UnlockedVault) -> Workspace:
    ws = Workspace(unlocked)
    ws.log_event("unlocked")
    return ws


class MainWindow(QMainWindow):
    def __init__(
        self,
        vault: Vault,
        *,
        demo: bool = False,
        create_hint: str = "offramp vault create",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Offramp"))
        self.vault = vault
        self.runner = TaskRunner(self)
        self._unlocked: UnlockedVault | None = None
        self._workspace: Workspace | None = None
        self._session = 0  # bumped on each lock, so a workspace that opens after a lock is closed, not shown

        self.unlock_page = UnlockPage(vault, self.runner, demo=demo, create_hint=create_hint, parent=self)
        self.caseload_page = CaseloadPage(self.runner, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.unlock_page)
        self.pages.addWidget(self.caseload_page)
        self.setCentralWidget(self.pages)

        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setStatusTip(self.tr("Lock the vault; unlocking needs the passphrase again"))
        self.lock_action.setEnabled(False)
        self.lock_action.triggered.connect(self.lock)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        vault_menu = self.menuBar().addMenu(self.tr("&Vault"))
        vault_menu.addAction(self.lock_action)
        vault_menu.addSeparator()
        vault_menu.addAction(quit_action)
        self.addAction(self.lock_action)

        self.vault_status = QLabel(self)
        self.vault_status.setToolTip(str(vault.data_dir))
        self.vault_status.setContentsMargins(8, 2, 8, 2)
        self.statusBar().addPermanentWidget(self.vault_status)
        self._show_vault_status()
        self.statusBar().setSizeGripEnabled(False)

        self.unlock_page.unlocked.connect(self._on_unlocked)
        self.caseload_page.lock_requested.connect(self.lock)

        self.setMinimumSize(QSize(640, 480))
        self.resize(1000, 680)

    # --- state -------------------------------------------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self._unlocked is not None

    @property
    def workspace(self) -> Workspace | None:
        return self._workspace

    def _show_vault_status(self) -> None:
        if self.vault.exists():
            self.vault_status.setText(self.tr("Vault encrypted on this computer"))
        else:
            self.vault_status.setText(self.tr("No vault in this folder yet"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_vault_status()

    # --- unlocking ---------------------------------------------------------------------------------------------

    def _on_unlocked(self, unlocked: UnlockedVault) -> None:
        self._unlocked = unlocked
        self.lock_action.setEnabled(True)
        session = self._session
        self.runner.run(
            lambda: _open_workspace(unlocked),
            on_done=lambda ws: self._show_caseload(session, ws),
            on_error=lambda exc: self._workspace_failed(session, exc),
        )

    def _show_caseload(self, session: int, ws: Workspace) -> None:
        if session != self._session:
            return  # locked while it was opening; lock() has queued the vault's closing already
        self._workspace = ws
        self.caseload_page.show_people(ws.people)
        self.pages.setCurrentWidget(self.caseload_page)
        self.caseload_page.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _workspace_failed(self, session: int, exc: BaseException) -> None:
        if session != self._session:
            return
        self.lock()
        if isinstance(exc, OfframpError):
            self.unlock_page.status.setText(exc.message)
        else:
            log.error("opening the workspace failed: %s", type(exc).__name__)
            self.unlock_page.status.setText(
                self.tr("The vault opened but could not be read. It has been locked again; please try once more.")
            )

    # --- locking -----------------------------------------------------------------------------------------------

    def lock(self) -> None:
        """Hide everything at once, then close the vault after any query already running (on the worker)."""
        unlocked = self._unlocked
        if unlocked is None:
            return
        self._session += 1
        self._unlocked = None
        self._workspace = None
        self.lock_action.setEnabled(False)
        self.caseload_page.clear()
        self.pages.setCurrentWidget(self.unlock_page)
        self.unlock_page.show_locked()
        if not self.runner.closed:
            self.runner.run(unlocked.lock, on_error=self._lock_failed)
        else:
            unlocked.lock()

    def _lock_failed(self, exc: BaseException) -> None:
        log.error("locking failed: %s", type(exc).__name__)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window locks the vault, and waits for that before the window goes."""
        unlocked = self._unlocked
        self._session += 1
        self._unlocked = None
        self._workspace = None
        self.caseload_page.clear()
        if unlocked is not None:
            try:
                self.runner.wait(unlocked.lock)
            except Exception as exc:
                log.error("locking on close failed: %s", type(exc).__name__)
        self.runner.shutdown()
        super().closeEvent(event)
