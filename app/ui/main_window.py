"""The main window: unlock, caseload, a person's workspace, and every way the vault locks again.

Locking (the Lock button, Ctrl+L, the idle timer, the screen locking or the machine sleeping, quick exit) always
goes the same way: collect unsaved typing from every form, hide every piece of data on screen at once, then on the
vault worker save the drafts into the vault and close it. After the next unlock the window returns to the same
person and section and puts the drafts back. The window title never names a person.
"""

from __future__ import annotations

import gc
import importlib
import logging
from typing import TYPE_CHECKING, Any

from app.core.settings import IDLE_LOCK_SECONDS, LOCK_ON_SCREEN_LOCK, QUICK_UNLOCK_ENABLED, Settings
from app.core.vault_access import UnlockedVault, Vault
from app.errors import DatabaseDamaged, StorageFull, storage_problem
from app.ui import clipboard
from app.ui.drafts import collect_drafts, restore_drafts
from app.ui.errors import human_message
from app.ui.qt import (
    QAction,
    QCloseEvent,
    QDBusConnection,
    QDialog,
    QKeySequence,
    QLabel,
    QMainWindow,
    QShowEvent,
    QSize,
    QStackedWidget,
    Qt,
    QTimer,
    QToolBar,
    QWidget,
    Signal,
)
from app.ui.tasks import TaskRunner
from app.ui.unlock import UnlockPage
from app.ui.watchers import DoubleEscape, IdleWatcher, SafetyKeys, ScreenLockWatcher

if TYPE_CHECKING:
    from app.core.vault_access import KdfParams
    from app.core.workspace import Workspace
    from app.protocol.office_policy import OfficePolicy
    from app.ui.caseload import CaseloadPage
    from app.ui.first_run import FirstRunPage
    from app.ui.new_person import NewPersonDialog
    from app.ui.person import PersonWorkspace

log = logging.getLogger(__name__)

QUICK_EXIT_SHORTCUT = "Ctrl+Shift+X"
PLACE_SLOT = "place"  # where the person was (app.core.drafts.PLACE_SLOT), kept here so start-up stays light
NEW_PERSON_SLOT = "new-person"  # the new-person form's unsaved typing, kept in the vault while it is locked

# What the unlock screen does not need, loaded once the window is up so the first paint is fast and the pages are
# ready by the time the passphrase has been typed. The vault's modules load on its one worker; the interface's load
# on the main thread, one per turn of the event loop: Qt classes are made by the Qt bindings, which must not do that
# on a worker thread while the main thread builds widgets (a rare crash on a fresh start).
BACKGROUND_MODULES = ("app.core.workspace", "app.storage.engine", "app.storage.migrate")
#: The interface's modules start loading this long after the event loop starts, once the unlock screen is painted.
INTERFACE_PRELOAD_AFTER_MS = 200
INTERFACE_MODULES = (
    "app.ui.caseload",
    "app.ui.person.workspace",
    "app.ui.quick_unlock",
    "app.ui.settings_dialog",
    "app.ui.about",
)


def _preload(names: tuple[str, ...] = BACKGROUND_MODULES) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # the real import later reports it properly
            log.error("preloading a module failed: %s", type(exc).__name__)


def _preload_interface(names: tuple[str, ...] = INTERFACE_MODULES) -> None:
    """Import the interface's modules on the main thread, one per turn of the event loop."""
    if names:
        _preload(names[:1])
        QTimer.singleShot(0, lambda: _preload_interface(names[1:]))


def _open_workspace(unlocked: UnlockedVault) -> tuple[Workspace, dict[str, dict[str, Any]], OfficePolicy | None]:
    from app.core import office_policy
    from app.core.workspace import Workspace

    ws = Workspace(unlocked)
    ws.log_event("unlocked")
    policy = office_policy.load(ws)  # from the vault, never the settings file: the office's word stands
    if policy is not None and not policy.quick_unlock_allowed:
        _forget_quick_unlock(unlocked)  # a PIN set before the office turned quick unlock off works no more
    return ws, ws.drafts.load_all(), policy


def office_policy_of(ws: Workspace) -> OfficePolicy | None:
    """On the worker: the office policy kept in the vault (None for a vault with no office)."""
    from app.core import office_policy

    return office_policy.load(ws)


def _forget_quick_unlock(vault: Vault | UnlockedVault) -> None:
    from app.core.vault_access import forget_quick_unlock

    try:
        forget_quick_unlock(vault)
    except Exception as exc:
        log.error("forgetting quick unlock failed: %s", type(exc).__name__)


def _save_and_lock(
    unlocked: UnlockedVault, ws: Workspace | None, drafts: dict[str, dict[str, Any]]
) -> tuple[dict[str, dict[str, Any]], BaseException | None]:
    """On the worker: drafts into the vault first (locking never loses typing), then close it, whatever happens.

    Returns the drafts that could not be saved (a full disk): the window keeps them in memory until the next
    unlock puts them back in their forms, where they are saved again.
    """
    unsaved: dict[str, dict[str, Any]] = {}
    why: BaseException | None = None
    try:
        if ws is not None and drafts:
            ws.drafts.save_all(drafts)
    except Exception as exc:
        log.error("saving drafts before locking failed: %s", type(exc).__name__)
        unsaved, why = drafts, exc
    finally:
        unlocked.lock()
    return unsaved, why


class MainWindow(QMainWindow):
    #: Quick exit has hidden the window and the vault is closed; the app connects this to quitting.
    quick_exited = Signal()

    def __init__(
        self,
        vault: Vault,
        *,
        demo: bool = False,
        create_hint: str = "offramp vault create",
        settings: Settings | None = None,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
        kdf_params: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``kdf_params`` None calibrates Argon2id for new passphrases (the product); tests pass the floor."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Offramp"))  # never a person's name: the title shows in taskbars and switchers
        self.vault = vault
        self.settings = settings if settings is not None else Settings()
        self.runner = TaskRunner(self)
        self._unlocked: UnlockedVault | None = None
        self._workspace: Workspace | None = None
        self._pending_drafts: dict[str, dict[str, Any]] = {}
        #: Typing the lock could not save (a full disk): kept here, in memory only, until the next unlock.
        self._unsaved_drafts: dict[str, dict[str, Any]] = {}
        self._new_person_dialog: NewPersonDialog | None = None
        self._focus_section_on_load: str | None = None  # after an unlock that returns to a person
        self._session = 0  # bumped on each lock, so a workspace that opens after a lock is closed, not shown
        self._quitting = False

        self.unlock_page = UnlockPage(vault, self.runner, demo=demo, create_hint=create_hint, parent=self)
        self.unlock_page.new_passphrase_kdf = kdf_params
        self._caseload_page: CaseloadPage | None = None
        self._person_page: PersonWorkspace | None = None
        self.first_run_page: FirstRunPage | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.unlock_page)
        if not vault.exists():
            # No vault yet: the first-run setup makes one, then the window carries on as after an unlock.
            from app.ui.first_run import FirstRunPage

            self.first_run_page = FirstRunPage(vault, self.runner, self.settings, kdf_params=kdf_params, parent=self)
            self.first_run_page.finished.connect(self._first_run_finished)
            # The vault exists from the "creating" step on: the status bar follows each step, not only the end.
            self.first_run_page.steps.currentChanged.connect(lambda _step: self._show_vault_status())
            self.pages.addWidget(self.first_run_page)
            self.pages.setCurrentWidget(self.first_run_page)
        self.setCentralWidget(self.pages)

        self._build_actions()
        from app.ui.sync_dialogs import SyncControls

        self.sync_controls = SyncControls(self)  # Office menu, Sync now, the not-synced banner

        self.vault_status = QLabel(self)
        self.vault_status.setToolTip(str(vault.data_dir))
        self.vault_status.setContentsMargins(8, 2, 8, 2)
        self.statusBar().addPermanentWidget(self.vault_status)
        self._show_vault_status()
        self.statusBar().setSizeGripEnabled(False)

        self.unlock_page.unlocked.connect(self._on_unlocked)
        self.runner.damage_met.connect(self._damage_met)

        # Ways the vault locks by itself.
        self.idle = IdleWatcher(self.settings.get(IDLE_LOCK_SECONDS), self)
        self.idle.idle.connect(self._idle_lock)
        self.double_escape = DoubleEscape(parent=self, home=self)  # both presses in this window
        self.double_escape.triggered.connect(self.quick_exit)
        self.screen_lock: ScreenLockWatcher | None = None
        self._buses = (session_bus, system_bus)
        # Connecting to D-Bus can take a moment: after the first paint.
        QTimer.singleShot(0, self._watch_screen_lock)
        # On the vault's one worker, first in line: from a thread of its own, these imports raced the unlock's own
        # (SQLAlchemy half-imported) and an unlock failed now and then with "an unexpected problem".
        self.runner.run(_preload)
        # After the first paint, not before it: importing the caseload's modules takes the main thread for a moment,
        # and queued at once it ran before the unlock screen was painted, adding that moment to every start.
        QTimer.singleShot(INTERFACE_PRELOAD_AFTER_MS, _preload_interface)

        self.setMinimumSize(QSize(640, 480))
        self.resize(1100, 720)

    def _watch_screen_lock(self) -> None:
        if self.screen_lock is None:
            session_bus, system_bus = self._buses
            self.screen_lock = ScreenLockWatcher(self, session_bus=session_bus, system_bus=system_bus)
            self.screen_lock.locked.connect(self._screen_locked)

    # --- pages made on first use ---------------------------------------------------------------------------------

    @property
    def caseload_page(self) -> CaseloadPage:
        if self._caseload_page is None:
            from app.ui.caseload import CaseloadPage

            self._caseload_page = CaseloadPage(self.runner, self)
            self._caseload_page.open_requested.connect(self.open_person)
            self._caseload_page.new_person_requested.connect(self.new_person)
            self.pages.addWidget(self._caseload_page)
        return self._caseload_page

    @property
    def person_page(self) -> PersonWorkspace:
        if self._person_page is None:
            from app.ui.person import PersonWorkspace

            self._person_page = PersonWorkspace(self.runner, self)
            self._person_page.back_requested.connect(self.show_caseload)
            self._person_page.loaded.connect(self._person_loaded)
            self.pages.addWidget(self._person_page)
        return self._person_page

    def _clear_data_pages(self) -> None:
        if self._person_page is not None:
            self._person_page.clear()
        if self._caseload_page is not None:
            self._caseload_page.clear()

    def _build_actions(self) -> None:
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setStatusTip(self.tr("Lock the vault; unlocking needs the passphrase again"))
        self.lock_action.setEnabled(False)
        self.lock_action.triggered.connect(self.lock)

        self.quick_exit_action = QAction(self.tr("Quick e&xit"), self)
        self.quick_exit_action.setShortcut(QKeySequence(QUICK_EXIT_SHORTCUT))
        self.quick_exit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quick_exit_action.setToolTip(
            self.tr("Quick exit: hide Offramp at once and lock it (Ctrl+Shift+X, or press Escape twice)")
        )
        self.quick_exit_action.triggered.connect(self.quick_exit)

        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.about_action = QAction(self.tr("&About Offramp"), self)
        self.about_action.triggered.connect(self.open_about)
        self.providers_action = QAction(self.tr("&Provider directory…"), self, shortcut=QKeySequence("Ctrl+Shift+P"))
        self.providers_action.triggered.connect(lambda: self._open_with_vault("providers"))
        self.follow_ups_action = QAction(self.tr("&Follow-ups due…"), self, shortcut=QKeySequence("Ctrl+Shift+F"))
        self.follow_ups_action.triggered.connect(lambda: self._open_with_vault("follow_ups"))
        self.measures_action = QAction(self.tr("Outcome &measures…"), self, shortcut=QKeySequence("Ctrl+Shift+M"))
        self.measures_action.triggered.connect(lambda: self._open_with_vault("measures"))
        self.templates_action = QAction(self.tr("&Templates…"), self)
        self.templates_action.triggered.connect(lambda: self._open_with_vault("templates"))

        vault_menu = self.menuBar().addMenu(self.tr("&Vault"))
        vault_menu.addAction(self.lock_action)
        vault_menu.addAction(self.quick_exit_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.providers_action)
        vault_menu.addAction(self.follow_ups_action)
        vault_menu.addAction(self.measures_action)
        vault_menu.addAction(self.templates_action)
        vault_menu.addAction(self.settings_action)
        vault_menu.addSeparator()
        vault_menu.addAction(quit_action)
        # A new person (app/ui/new_person.py): Person menu, the People toolbar, Ctrl+N; only with the vault open.
        self.new_person_action = QAction(self.tr("&New person…"), self)
        self.new_person_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_person_action.setStatusTip(self.tr("Add someone new, after checking they are not already here"))
        self.new_person_action.setEnabled(False)
        self.new_person_action.triggered.connect(lambda: self.new_person())
        self.lock_action.enabledChanged.connect(self.new_person_action.setEnabled)  # open vault, and only then
        self.person_menu = self.menuBar().addMenu(self.tr("&Person"))
        self.person_menu.addAction(self.new_person_action)
        # The office-wide certification register (app/ui/certification_register.py): a prosecution vault only.
        self.certifications_action = QAction(self.tr("Certification &register…"), self)
        self.certifications_action.setStatusTip(self.tr("Every U- and T-visa certification request still open"))
        self.certifications_action.setVisible(False)
        self.certifications_action.triggered.connect(lambda: self._open_with_vault("certifications"))
        self.person_menu.addAction(self.certifications_action)
        # Shares received from advocates (app/ui/received.py): a prosecution vault only, with the count waiting.
        self.received_action = QAction(self.tr("Shared by &advocates…"), self)
        self.received_action.setStatusTip(self.tr("Facts advocates shared with your team, to link to your people"))
        self.received_action.setVisible(False)
        self.received_action.triggered.connect(self.open_received)
        self.person_menu.addAction(self.received_action)
        self.addAction(self.new_person_action)
        help_menu = self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self.addAction(self.lock_action)
        self.addAction(self.quick_exit_action)
        # Inside a modal dialog Qt holds these shortcuts back: lock and quick exit must work there too.
        self.safety_keys = SafetyKeys([self.lock_action, self.quick_exit_action], self)

        self.toolbar = QToolBar(self.tr("Safety"), self)
        self.toolbar.setObjectName("safety-toolbar")
        self.toolbar.setAccessibleName(self.tr("Safety tools"))
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.quick_exit_action)
        self.toolbar.addAction(self.lock_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.people_toolbar = QToolBar(self.tr("People"), self)
        self.people_toolbar.setObjectName("people-toolbar")
        self.people_toolbar.setAccessibleName(self.tr("People tools"))
        self.people_toolbar.setMovable(False)
        self.people_toolbar.setFloatable(False)
        self.people_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.people_toolbar.addAction(self.new_person_action)
        self.people_toolbar.addAction(self.received_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.people_toolbar)
        new_button = self.people_toolbar.widgetForAction(self.new_person_action)
        if new_button is not None:
            new_button.setAccessibleName(self.tr("New person"))
            new_button.setToolTip(self.tr("Add a new person (Ctrl+N)"))
        for action in (self.quick_exit_action, self.lock_action):
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", ""))

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

    def _first_run_finished(self, unlocked: UnlockedVault | None) -> None:
        page, self.first_run_page = self.first_run_page, None
        if page is not None:
            self.pages.removeWidget(page)
            page.deleteLater()
        self.unlock_page.refresh()
        self._show_vault_status()
        if unlocked is None:  # made, but it did not open again: the unlock page takes it from here
            self.pages.setCurrentWidget(self.unlock_page)
            return
        self._on_unlocked(unlocked)

    def _on_unlocked(self, unlocked: UnlockedVault) -> None:
        by_passphrase = getattr(self.unlock_page, "mode", "passphrase") == "passphrase"
        self._unlocked = unlocked
        self.lock_action.setEnabled(True)
        session = self._session
        self.runner.run(
            lambda: _open_workspace(unlocked),
            on_done=lambda result: self._workspace_ready(session, *result, offer_pin=by_passphrase),
            on_error=lambda exc: self._workspace_failed(session, exc),
        )

    def _workspace_ready(
        self,
        session: int,
        ws: Workspace,
        drafts: dict[str, dict[str, Any]],
        policy: OfficePolicy | None = None,
        *,
        offer_pin: bool = False,
    ) -> None:
        if session != self._session:
            return  # locked while it was opening; lock() has queued the vault's closing already
        self._workspace = ws
        self.settings.use_office_policy(policy)
        if offer_pin and self._unlocked is not None:  # only now is the office's word on quick unlock known
            from app.ui.quick_unlock import offer_quick_unlock

            self._quick_unlock_dialog = offer_quick_unlock(self, self.runner, self._unlocked, self.settings)
        self.idle.set_seconds(self.settings.get(IDLE_LOCK_SECONDS))
        self.idle.arm()
        self.caseload_page.show_people(ws.people)
        self.sync_controls.unlocked(ws)
        self.certifications_action.setVisible(ws.identity.regime == "prosecution")
        self.refresh_received_count()
        gc.freeze()  # what is alive now lives all session: keep full collections from stalling typing later
        if self._unsaved_drafts:  # what the last lock could not save (a full disk) goes back in its forms too
            drafts = {**drafts, **self._unsaved_drafts}
            self._unsaved_drafts = {}
        place = drafts.pop(PLACE_SLOT, None)
        new_person_typing = drafts.pop(NEW_PERSON_SLOT, None)
        self._pending_drafts = drafts
        if place:
            self.runner.run(lambda: ws.drafts.forget({PLACE_SLOT}))
        if place and place.get("person_id"):
            section = str(place.get("section") or "overview")
            self._focus_section_on_load = section  # the keyboard goes back into it, not the hidden caseload search
            self.open_person(str(place["person_id"]), section)
        else:
            self.show_caseload()
        if new_person_typing:  # the new-person form was open at the lock: it comes back as it was
            self.runner.run(lambda: ws.drafts.forget({NEW_PERSON_SLOT}))
            self.new_person(typing=new_person_typing)

    def _workspace_failed(self, session: int, exc: BaseException) -> None:
        if session != self._session:
            return
        self.lock()
        self.unlock_page.status.setText(
            human_message(
                exc, self.tr("The vault opened but could not be read. It has been locked again; please try once more.")
            )
        )

    # --- moving around -----------------------------------------------------------------------------------------

    def show_caseload(self) -> None:
        if self._workspace is None:
            return
        self.person_page.clear()
        self.pages.setCurrentWidget(self.caseload_page)
        self.caseload_page.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_person(self, person_id: str, section: str = "overview") -> None:
        if self._workspace is None:
            return
        self.pages.setCurrentWidget(self.person_page)
        self.person_page.open(self._workspace, person_id, section)

    def refresh_after_sync(self) -> None:
        """After Sync now (or a decision on the merge screen): the caseload and the open person are read again,
        so nothing on screen is older than the vault (the safe-contact rules above all)."""
        ws = self._workspace
        if ws is None:
            return
        self.runner.run(lambda: office_policy_of(ws), on_done=self._office_policy_arrived)
        self.caseload_page.show_people(ws.people)
        self.refresh_received_count()
        page = self._person_page
        if page is not None and self.pages.currentWidget() is page:
            page.reload()

    def _office_policy_arrived(self, policy: OfficePolicy | None) -> None:
        """The office's policy as the last sync brought it: in force at once (the idle lock included)."""
        if self._workspace is None:
            return
        self.settings.use_office_policy(policy)
        self.idle.set_seconds(self.settings.get(IDLE_LOCK_SECONDS))

    def _person_loaded(self) -> None:
        """Drafts saved at the last lock go back into the forms they came from, and the keyboard into the section."""
        section, self._focus_section_on_load = self._focus_section_on_load, None
        if section is not None and self.pages.currentWidget() is self.person_page:
            self.person_page.show_section(section, focus=True)
        if not self._pending_drafts or self._workspace is None:
            return
        placed = restore_drafts(self.person_page, self._pending_drafts)
        for slot in placed:
            self._pending_drafts.pop(slot, None)
        if placed:
            ws = self._workspace
            self.runner.run(lambda: ws.drafts.forget(placed))
            self.statusBar().showMessage(self.tr("Your unsaved typing is back where you left it."), 8000)

    # --- locking -----------------------------------------------------------------------------------------------

    def _collect_drafts(self) -> dict[str, dict[str, Any]]:
        drafts: dict[str, dict[str, Any]] = {}
        page = self._person_page
        if page is not None and self.pages.currentWidget() is page:
            drafts = collect_drafts(page)
            location = page.location()
            if location is not None:
                drafts[PLACE_SLOT] = {"person_id": location[0], "section": location[1]}
        dialog = self._new_person_dialog
        if dialog is not None and dialog.isVisible():
            drafts[NEW_PERSON_SLOT] = dialog.draft()
        # Drafts that found no form last time are kept until they do.
        for slot, state in self._pending_drafts.items():
            drafts.setdefault(slot, state)
        return drafts

    def lock(self) -> None:
        """Hide everything at once, then (on the worker) save drafts into the vault and close it."""
        unlocked = self._unlocked
        if unlocked is None:
            return
        drafts = self._collect_drafts()
        ws = self._workspace
        self._close_dialogs()
        self._session += 1
        self._unlocked = None
        self._workspace = None
        self._pending_drafts = {}
        self.idle.disarm()
        self.lock_action.setEnabled(False)
        self.certifications_action.setVisible(False)
        self.received_action.setVisible(False)
        self.sync_controls.locked()
        self._clear_data_pages()
        # The unlock froze what was alive then; whatever of this session is now garbage in cycles (records read,
        # rows shown) must be collectable again, or it would stay in memory for the life of the process.
        gc.unfreeze()
        clipboard.guard().clear_ours()  # a copied docket number does not outlast the lock
        self.pages.setCurrentWidget(self.unlock_page)
        self.unlock_page.show_locked()
        if not self.runner.closed:
            self.runner.run(
                lambda: _save_and_lock(unlocked, ws, drafts), on_done=self._keep_unsaved, on_error=self._lock_failed
            )
        else:
            self._keep_unsaved(_save_and_lock(unlocked, ws, drafts))

    def _keep_unsaved(self, outcome: tuple[dict[str, dict[str, Any]], BaseException | None]) -> None:
        """The lock could not save this typing (a full disk): keep it in memory for the next unlock, and say so."""
        unsaved, why = outcome
        if not unsaved:
            return
        self._unsaved_drafts.update(unsaved)
        if isinstance(why, DatabaseDamaged):
            return  # the unlock page already says the database is damaged, with the way out
        if isinstance(storage_problem(why), StorageFull):
            text = self.tr(
                "The disk is full, so what you were typing could not be saved into the vault. Offramp keeps it "
                "until you unlock again and puts it back; free some space on this computer before closing Offramp."
            )
        else:
            text = self.tr(
                "What you were typing could not be saved into the vault. Offramp keeps it until you unlock again "
                "and puts it back; please do not close Offramp before that."
            )
        self.unlock_page.status.setText(text)

    def _damage_met(self, exc: BaseException) -> None:
        """Work on the open vault met a damaged part of its database (issue 16, item 10): rather than failing person
        by person, lock, name the damage and offer the latest backup, as the unlock screen does."""
        if not self.is_unlocked:
            return
        self.lock()
        self.unlock_page.show_damage(exc)

    def _idle_lock(self) -> None:
        if self.is_unlocked:
            self.lock()
            self.unlock_page.status.setText(self.tr("Locked because no one was using Offramp for a while."))

    def _screen_locked(self) -> None:
        if self.is_unlocked and self.settings.get(LOCK_ON_SCREEN_LOCK):
            self.lock()
            self.unlock_page.status.setText(self.tr("Locked because the computer's screen locked."))

    def quick_exit(self) -> None:
        """Hide the window now, clear what we copied, lock the vault, and quit once it is closed."""
        if self._quitting:
            return
        self._quitting = True
        self.hide()
        clipboard.guard().clear_ours()
        vault = self.vault
        if not self.runner.closed:
            self.runner.run(lambda: _forget_quick_unlock(vault))
        self.lock()
        if self.runner.closed:
            self.quick_exited.emit()
        else:
            self.runner.run(lambda: None, on_done=lambda _r: self._finish_quick_exit())

    def _finish_quick_exit(self) -> None:
        self.close()
        self.quick_exited.emit()

    # --- dialogs ---------------------------------------------------------------------------------------------

    def open_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.saved.connect(self._settings_saved)
        dialog.open()

    def _settings_saved(self, keys: list[str]) -> None:
        self.idle.set_seconds(self.settings.get(IDLE_LOCK_SECONDS))
        if QUICK_UNLOCK_ENABLED.key in keys and not self.settings.get(QUICK_UNLOCK_ENABLED):
            vault = self.vault
            self.runner.run(lambda: _forget_quick_unlock(vault))

    def _open_with_vault(self, which: str) -> None:
        """The provider directory or the follow-ups view; both need an open vault and close when it locks."""
        if self._workspace is None:
            return
        from app.ui.followups import FollowUpsDialog
        from app.ui.providers import ProviderDirectoryDialog

        if which == "providers":
            ProviderDirectoryDialog(self._workspace, self.runner, self).open()
            return
        if which == "measures":
            from app.ui.dashboard import DashboardDialog

            board = DashboardDialog(self._workspace, self.runner, self)
            board.open_requested.connect(lambda person_id: self.open_person(person_id))
            board.open()
            return
        if which == "templates":
            from app.ui.templates_dialog import TemplatesDialog

            TemplatesDialog(self._workspace, self.runner, self).open()
            return
        if which == "certifications":
            if self._workspace.identity.regime != "prosecution":
                return
            from app.ui.certification_register import CertificationRegisterDialog

            register = CertificationRegisterDialog(self._workspace, self.runner, self)
            register.open_requested.connect(lambda person_id: self.open_person(person_id, "certifications"))
            register.open()
            return
        dialog = FollowUpsDialog(self._workspace, self.runner, self)
        dialog.open_requested.connect(lambda person_id: self.open_person(person_id, "referrals"))
        dialog.open()

    def new_person(self, name: str = "", *, typing: dict[str, Any] | None = None) -> None:
        """The short first form for someone new; ``name`` pre-fills it (from a search that found no one), ``typing``
        puts back what was typed before a lock."""
        if self._workspace is None:
            return
        from app.ui.new_person import NewPersonDialog

        dialog = NewPersonDialog(self._workspace, self.runner, name=name, parent=self)
        dialog.created.connect(self._person_created)
        dialog.open_existing.connect(lambda person_id: self.open_person(person_id))
        # Lock and quick exit must work from inside the form too (a modal dialog otherwise swallows their keys).
        dialog.addActions([self.lock_action, self.quick_exit_action])
        self._new_person_dialog = dialog
        dialog.finished.connect(lambda _result: self._new_person_closed(dialog))
        dialog.open()
        if typing:
            dialog.restore_draft(typing)

    def _new_person_closed(self, dialog: NewPersonDialog) -> None:
        if self._new_person_dialog is dialog:
            self._new_person_dialog = None
        dialog.deleteLater()

    def _person_created(self, person_id: str) -> None:
        """The new person opens at Details, with the keyboard in it; the caseload will list them."""
        if self._workspace is None:
            return
        self.caseload_page.reload()
        self._focus_section_on_load = "details"
        self.open_person(person_id, "details")

    # --- shares received from advocates (a prosecution vault) --------------------------------------------------

    def refresh_received_count(self) -> None:
        """Show "Shared by advocates (n)" in the Person menu and the People toolbar, on a prosecution vault only."""
        ws = self._workspace
        if ws is None or ws.identity.regime != "prosecution":
            self.received_action.setVisible(False)
            return
        from app.core.received import ReceivedShares

        session = self._session
        self.runner.run(lambda: ReceivedShares(ws).count(), on_done=lambda n: self._received_count(session, n))

    def _received_count(self, session: int, count: int) -> None:
        if session != self._session or self._workspace is None:
            return
        # The words of app.ui.received.inbox_words, in the app's language.
        if count:
            self.received_action.setText(self.tr("Shared by &advocates (%1)…").replace("%1", str(count)))
        else:
            self.received_action.setText(self.tr("Shared by &advocates…"))
        self.received_action.setVisible(True)
        button = self.people_toolbar.widgetForAction(self.received_action)
        if button is not None:
            if count:
                name = self.tr("Shared by advocates, %1 waiting").replace("%1", str(count))
                tip = self.tr("Facts advocates shared with your team, %1 waiting").replace("%1", str(count))
            else:
                name = self.tr("Shared by advocates, none waiting")
                tip = self.tr("Facts advocates shared with your team, none waiting")
            button.setAccessibleName(name)
            button.setToolTip(tip)

    def open_received(self) -> None:
        """The shares received from advocates that wait to be linked to one of the prosecution's people."""
        ws = self._workspace
        if ws is None or ws.identity.regime != "prosecution":
            return
        from app.ui.received import ReceivedSharesDialog

        dialog = ReceivedSharesDialog(ws, self.runner, self)
        dialog.linked.connect(lambda _share, person_id: self._share_linked(person_id))
        dialog.open_requested.connect(lambda person_id: self.open_person(person_id, "received"))
        dialog.new_person_requested.connect(self._new_person_for_share)
        dialog.addActions([self.lock_action, self.quick_exit_action])
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def _share_linked(self, person_id: str) -> None:
        """A share linked from the inbox: the count, and the person's page when it is the one open (read again, so
        "Open their page" shows the share)."""
        self.refresh_received_count()
        page = self._person_page
        if page is not None and (page.location() or ("", ""))[0] == person_id:
            page.reload()

    def _new_person_for_share(self, name: str, disclosure_id: str) -> None:
        """The New person form, the shared name filled in; whoever it makes (or the match chosen instead) is the
        person the share is about."""
        self.new_person(name)
        dialog = self._new_person_dialog
        if dialog is None:
            return
        dialog.created.connect(lambda person_id: self._link_share(disclosure_id, person_id))
        dialog.open_existing.connect(lambda person_id: self._link_share(disclosure_id, person_id))

    def _link_share(self, disclosure_id: str, person_id: str) -> None:
        ws = self._workspace
        if ws is None:
            return
        from app.core.received import ReceivedShares

        def done(_result: object) -> None:
            self.refresh_received_count()
            page = self._person_page
            if page is not None and (page.location() or ("", ""))[0] == person_id:
                page.reload()
                page.show_section("received", focus=True)
            self.statusBar().showMessage(self.tr("The share is linked: it shows under Shared by the advocate."), 8000)

        def failed(exc: BaseException) -> None:
            self.statusBar().showMessage(human_message(exc, self.tr("The share could not be linked.")), 12000)

        self.runner.run(lambda: ReceivedShares(ws).link(disclosure_id, person_id), on_done=done, on_error=failed)

    def open_about(self) -> None:
        from app.ui.about import AboutDialog

        AboutDialog(self.vault.data_dir, self).open()

    def _close_dialogs(self) -> None:
        """Nothing stays open over a locked vault (a PIN offer, settings)."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    def _lock_failed(self, exc: BaseException) -> None:
        log.error("locking failed: %s", type(exc).__name__)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window saves drafts and locks the vault, and waits for that before the window goes."""
        unlocked = self._unlocked
        drafts = self._collect_drafts() if unlocked is not None else {}
        ws = self._workspace
        self._close_dialogs()
        if self.first_run_page is not None:
            self.first_run_page.discard()
        self._session += 1
        self._unlocked = None
        self._workspace = None
        self.idle.disarm()
        self._clear_data_pages()
        if unlocked is not None:
            try:
                self.runner.wait(lambda: _save_and_lock(unlocked, ws, drafts))
            except Exception as exc:
                log.error("locking on close failed: %s", type(exc).__name__)
        self.runner.shutdown()
        super().closeEvent(event)
