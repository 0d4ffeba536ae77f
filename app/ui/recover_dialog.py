"""The way out when a vault will not open: the recovery code, or the latest backup.

:class:`RecoverDialog` opens the vault with the printed recovery code and sets a new passphrase (``recover``).
:class:`RestoreDialog` lists the backups in ``<data folder>/backups`` newest first, puts the chosen one in place with
the passphrase or recovery code it was made with (``restore_backup``), says where the replaced files were kept, and
opens the vault. Both run the slow work on the task runner, disable their buttons meanwhile, and emit the open
:class:`UnlockedVault`. :class:`CalmDialog` is the small frame they share with the PIN dialog.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

from app.core import vault_access as va
from app.core.passphrase import assess
from app.core.vault_access import KdfParams, UnlockedVault, Vault
from app.errors import DatabaseDamaged, MalformedRecoveryCode, OfframpError
from app.ui.errors import UNEXPECTED, human_message, translated
from app.ui.file_dialogs import open_file_name
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.qt import (
    QAbstractItemView,
    QApplication,
    QCloseEvent,
    QCoreApplication,
    QDate,
    QDialog,
    QFont,
    QFontDatabase,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QLocale,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QShowEvent,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.rows import add_row
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def _lock_quietly(result: Any) -> None:
    unlocked = result[0] if isinstance(result, tuple) else result
    if isinstance(unlocked, UnlockedVault):
        unlocked.lock()


class CalmDialog(QDialog):
    """A plain dialog: a heading, some text, fields, a status line, a busy bar, and buttons at the bottom.

    While :attr:`working` is true, closing is refused (the task it started will finish and be handled) and the
    buttons the subclass registers with :meth:`_set_working` are disabled.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.working = False
        fm = self.fontMetrics()
        self._field_height = fm.height() + 16
        # The column grows with the text size, so 200 % text keeps the same line lengths instead of crowding.
        self.setMinimumWidth(max(480, fm.averageCharWidth() * 64))
        # The content scrolls when it is taller than the screen (big text on a small laptop); the status line and
        # the buttons stay in view below it.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.content = QWidget(self.scroll_area)
        self.box = QVBoxLayout(self.content)
        self.box.setContentsMargins(24, 20, 24, 4)
        self.box.setSpacing(8)
        self.scroll_area.setWidget(self.content)
        self.heading = QLabel(title, self)
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.box.addWidget(self.heading)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setAccessibleName(self.tr("Working"))
        keep = self.busy.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.busy.setSizePolicy(keep)
        self.busy.hide()
        self.status = self.text("")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(2 * fm.lineSpacing())
        self.footer = QWidget(self)
        self.footer_box = QVBoxLayout(self.footer)
        self.footer_box.setContentsMargins(24, 4, 24, 20)
        self.footer_box.setSpacing(8)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.footer)
        self._lockable: list[QWidget] = []

    def fit_to_screen(self) -> None:
        """As tall as the content needs, but never taller than the screen: then the content scrolls."""
        screen = self.screen() or QApplication.primaryScreen()
        available = screen.availableGeometry().height() if screen is not None else 800
        width = max(self.width(), self.minimumWidth())
        layout = self.content.layout()
        if layout is not None:
            layout.invalidate()  # widgets were just shown or hidden: measure what is there now
        wanted = layout.heightForWidth(width) if layout is not None and layout.hasHeightForWidth() else -1
        if wanted <= 0:
            wanted = self.content.sizeHint().height()
        footer = self.footer.sizeHint().height()
        room = max(160, available - footer - 48)  # 48: the window's title bar and a little air
        self.scroll_area.setMinimumHeight(min(wanted, room))
        outer = self.layout()
        if outer is not None:
            outer.activate()  # the window's minimum follows now, so it can also shrink
        self.resize(width, min(wanted, room) + footer)

    def showEvent(self, event: QShowEvent) -> None:
        self.fit_to_screen()
        super().showEvent(event)

    # --- building blocks -----------------------------------------------------------------------------------------

    def text(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Preferred, not Minimum: a wrapped label's size hint is measured at a narrow width and would reserve
        # empty lines; its height for the real width is what counts.
        return label

    def field(self, label_text: str, name: str, *, secret: bool, monospace: bool = False) -> QLineEdit:
        """A labelled line edit added to the column; ``label_text`` may carry an ``&`` mnemonic."""
        label = QLabel(label_text, self)
        label.setWordWrap(True)
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setMinimumHeight(self._field_height)
        hints = Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhSensitiveData
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            hints |= Qt.InputMethodHint.ImhHiddenText
        edit.setInputMethodHints(hints)
        if monospace:
            fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            fixed.setPointSizeF(edit.font().pointSizeF())  # the system's fixed font ignores the app's text size
            edit.setFont(fixed)
        label.setBuddy(edit)
        self.box.addWidget(label)
        self.box.addWidget(edit)
        edit.setProperty("label", label)
        return edit

    def button(self, text: str, name: str | None = None, *, link: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name or text.replace("&", "").rstrip("…").strip())
        button.setMinimumHeight(self._field_height)
        button.setAutoDefault(False)
        if not link:
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text.replace("&", "")) + 40)
        if link:
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("QPushButton { text-decoration: underline; text-align: left; padding: 2px 0; }")
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return button

    def add_footer(self, *buttons: QPushButton) -> QHBoxLayout:
        """Below the scrolling content: busy bar, status line, then the buttons right-aligned, the first default."""
        self.box.addStretch(1)
        self.footer_box.addWidget(self.busy)
        self.footer_box.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in reversed(buttons):
            button.setParent(self.footer)
            row.addWidget(button)
        if buttons:
            buttons[0].setDefault(True)
        self.footer_box.addLayout(row)
        return row

    @staticmethod
    def show_field(edit: QLineEdit, shown: bool) -> None:
        edit.setVisible(shown)
        label = edit.property("label")
        if isinstance(label, QLabel):
            label.setVisible(shown)

    # --- working -------------------------------------------------------------------------------------------------

    def _set_working(self, working: bool, *widgets: QWidget) -> None:
        self.working = working
        if widgets:
            self._lockable = list(widgets)
        for widget in self._lockable:
            widget.setEnabled(not working)
        self.busy.setVisible(working)

    def reject(self) -> None:
        if self.working:
            return  # the task will finish either way; its result must not be lost with the window
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.working:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.working and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def problem(self, exc: BaseException) -> str:
        return human_message(exc, translated(UNEXPECTED))


def _check_new_passphrases(first: str, second: str) -> str | None:
    """None when the two new passphrases can be used, else what to fix."""
    if not first:
        return QCoreApplication.translate("recover", "Please choose a new passphrase.")
    try:
        va.check_new_passphrase(first)
    except OfframpError as exc:
        return exc.message
    if first != second:
        return QCoreApplication.translate(
            "recover", "The two new passphrases are not the same. Please type them again."
        )
    return None


# --- the recovery code ---------------------------------------------------------------------------------------------


class RecoverDialog(CalmDialog):
    """Open the vault with the recovery code and choose a new passphrase. Emits :attr:`recovered`."""

    recovered = Signal(object)  # UnlockedVault

    def __init__(
        self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None, *, kdf_params: KdfParams | None = None
    ) -> None:
        super().__init__(self.tr("Open the vault with your recovery code"), parent)
        self._vault = vault
        self._runner = runner
        self._kdf_params = kdf_params
        self.box.addWidget(
            self.text(
                self.tr(
                    "Type the recovery code from the sheet you printed when this vault was made. "
                    "Spaces, dashes and small letters are fine. Then choose a new passphrase: "
                    "the old one stops working."
                )
            )
        )
        self.box.addSpacing(6)
        self.code = self.field(self.tr("Recovery &code"), self.tr("Recovery code"), secret=False, monospace=True)
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.box.addSpacing(6)
        self.new_passphrase = self.field(self.tr("&New passphrase"), self.tr("New passphrase"), secret=True)
        # zxcvbn's judgment as the person types, in the words the refusal would use (issue 16, item 6).
        self.strength_label = self.text("")
        self.strength_label.setAccessibleName(self.tr("Passphrase strength"))
        self.box.addWidget(self.strength_label)
        self.new_passphrase.textChanged.connect(self._show_strength)
        self.again = self.field(self.tr("New passphrase &again"), self.tr("New passphrase again"), secret=True)
        self.open_button = self.button(self.tr("Open the vault"))
        self.cancel_button = self.button(self.tr("Cancel"))
        self.add_footer(self.open_button, self.cancel_button)

        self.open_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        for edit in (self.code, self.new_passphrase, self.again):
            edit.returnPressed.connect(self.start)
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_strength(self, text: str) -> None:
        if not text:
            self.strength_label.setText("")
            return
        strength = assess(text)
        self.strength_label.setText(
            self.tr("Strength: {label}. {hint}").format(label=strength.label, hint=strength.hint)
        )

    def start(self) -> None:
        if self.working:
            return
        code = self.code.text()
        try:
            va.check_recovery_code(code)  # a mistyped group is named at once, before any slow work
        except MalformedRecoveryCode as exc:
            self.status.setText(exc.message)
            self.code.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        new, again = self.new_passphrase.text(), self.again.text()
        problem = _check_new_passphrases(new, again)
        if problem is not None:
            self.status.setText(self.tr(problem))
            self.new_passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.status.setText(self.tr("Opening the vault with the recovery code…"))
        self._set_working(True, self.code, self.new_passphrase, self.again, self.open_button, self.cancel_button)
        vault, params = self._vault, self._kdf_params
        self._runner.run(
            lambda: va.recover(vault, code, new, kdf_params=params),
            on_done=self._done,
            on_error=self._failed,
            on_dropped=_lock_quietly,
        )

    def _done(self, unlocked: UnlockedVault) -> None:
        self._set_working(False)
        for edit in (self.code, self.new_passphrase, self.again):
            edit.clear()
        self.status.setText("")
        self.recovered.emit(unlocked)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        message = self.problem(exc)
        if isinstance(exc, DatabaseDamaged):
            message += " " + self.tr("The recovery code cannot mend the database; a backup can.")
        self.status.setText(message)
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)


# --- backups -------------------------------------------------------------------------------------------------------

_STAMP = re.compile(r"^offramp-(?P<reason>.+)-(?P<stamp>\d{4}-\d\d-\d\dT\d{6}Z)" + re.escape(va.BACKUP_SUFFIX) + "$")
_REASONS = {
    "manual": QT_TRANSLATE_NOOP("recover", "Backup"),
    "before-update": QT_TRANSLATE_NOOP("recover", "Made before an update"),
}


def find_backups(folder: Path) -> list[Path]:
    """The backup files in ``folder``, newest first (by the time in the name, else by the file's time)."""
    try:
        files = [p for p in Path(folder).iterdir() if p.is_file() and p.name.endswith(va.BACKUP_SUFFIX)]
    except OSError:
        return []

    def made(path: Path) -> float:
        when = backup_time(path)
        if when is not None:
            return when.timestamp()
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    return sorted(files, key=made, reverse=True)


def backup_time(path: Path) -> dt.datetime | None:
    match = _STAMP.match(path.name)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match["stamp"], "%Y-%m-%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def describe_backup(path: Path) -> str:
    """'Backup — 4 March 2030, 14:05' in local time, from the file's name; its name when that says nothing."""
    match = _STAMP.match(path.name)
    when = backup_time(path)
    if match is None or when is None:
        return path.name
    local = when.astimezone()
    kind = QCoreApplication.translate("recover", _REASONS.get(match["reason"], _REASONS["manual"]))
    # The month in the app's language.
    day = QLocale().toString(QDate(local.year, local.month, local.day), "d MMMM yyyy")
    return f"{kind} — {day}, {local:%H:%M}"


class RestoreDialog(CalmDialog):
    """Put a backup in place of the vault and open it. Emits :attr:`restored` with the open vault."""

    restored = Signal(object)  # UnlockedVault

    def __init__(
        self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None, *, kdf_params: KdfParams | None = None
    ) -> None:
        super().__init__(self.tr("Restore the vault from a backup"), parent)
        self._vault = vault
        self._runner = runner
        self._kdf_params = kdf_params
        self._use_code = False
        self._opened: UnlockedVault | None = None
        self._replace_confirmed_for: Path | None = None  # another vault's backup the person said to put in place

        self.intro = self.text(
            self.tr(
                "Choose a backup. It takes the place of the vault on this computer; the vault's current files are "
                "moved into a folder beside it, never deleted."
            )
        )
        self.box.addWidget(self.intro)
        self.list_label = QLabel(self.tr("&Backups, newest first"), self)
        self.backups = QListWidget(self)
        self.backups.setAccessibleName(self.tr("Backups, newest first"))
        self.backups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        rows = 3  # more scroll; a fixed height keeps the fields below in view at large text sizes
        self.backups.setFixedHeight(rows * (self.fontMetrics().lineSpacing() + 6) + 2 * self.backups.frameWidth() + 4)
        self.list_label.setBuddy(self.backups)
        self.none_found = self.text("")
        self.choose_button = self.button(self.tr("Choose another file…"), self.tr("Choose another backup file"))
        self.box.addWidget(self.list_label)
        self.box.addWidget(self.backups)
        self.box.addWidget(self.none_found)
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.choose_button)
        choose_row.addStretch(1)
        self.box.addLayout(choose_row)
        self.box.addSpacing(6)

        self.passphrase = self.field(
            self.tr("&Passphrase the vault had when the backup was made"), self.tr("Passphrase"), secret=True
        )
        self.code = self.field(self.tr("Recovery &code"), self.tr("Recovery code"), secret=False, monospace=True)
        self.new_passphrase = self.field(self.tr("&New passphrase"), self.tr("New passphrase"), secret=True)
        self.again = self.field(self.tr("New passphrase &again"), self.tr("New passphrase again"), secret=True)
        self.switch_button = self.button(self.tr("Use my recovery code instead"), link=True)
        self.box.addWidget(self.switch_button)

        self.done_text = self.text("")
        self.done_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.done_text.hide()
        self.box.addWidget(self.done_text)

        self.restore_button = self.button(self.tr("Restore"), self.tr("Restore this backup"))
        self.cancel_button = self.button(self.tr("Cancel"))
        self.continue_button = self.button(self.tr("Open my vault"))
        self.continue_button.hide()
        self.add_footer(self.restore_button, self.cancel_button, self.continue_button)

        self.restore_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        self.continue_button.clicked.connect(self.accept)
        self.choose_button.clicked.connect(self.choose_file)
        self.backups.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.switch_button.clicked.connect(lambda: self.use_recovery_code(not self._use_code))
        for edit in (self.passphrase, self.code, self.new_passphrase, self.again):
            edit.returnPressed.connect(self.start)

        self.reload()
        self.use_recovery_code(False)
        self.backups.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the list ------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.backups.clear()
        found = find_backups(self._vault.backup_dir)
        for path in found:
            self._add_item(path)
        if found:
            self.backups.setCurrentRow(0)
            self.none_found.hide()
        else:
            self.none_found.setText(
                self.tr("No backups were found in {folder}. Choose the file if it is somewhere else.").format(
                    folder=self._vault.backup_dir
                )
            )
            self.none_found.show()

    def _add_item(self, path: Path, *, first: bool = False) -> QListWidgetItem:
        item = add_row(self.backups, describe_backup(path), str(path), at=0 if first else None)
        item.setToolTip(str(path))
        return item

    def choose_file(self) -> None:
        start = self._vault.backup_dir if self._vault.backup_dir.is_dir() else self._vault.data_dir
        chosen, _filter = open_file_name(
            self,
            self.tr("Choose an Offramp backup"),
            str(start),
            self.tr("Offramp backups (*{suffix});;All files (*)").format(suffix=va.BACKUP_SUFFIX),
        )
        if chosen:
            self.add_file(Path(chosen))

    def add_file(self, path: Path) -> None:
        """Put a file chosen elsewhere at the top of the list and select it."""
        for row in range(self.backups.count()):
            if self.backups.item(row).data(Qt.ItemDataRole.UserRole) == str(path):
                self.backups.setCurrentRow(row)
                return
        item = self._add_item(path, first=True)
        item.setText(f"{describe_backup(path)}  ({path.name})" if backup_time(path) else path.name)
        self.backups.setCurrentItem(item)
        self.none_found.hide()

    def selected_backup(self) -> Path | None:
        item = self.backups.currentItem()
        if item is None:
            return None
        return Path(str(item.data(Qt.ItemDataRole.UserRole)))

    # --- passphrase or recovery code -------------------------------------------------------------------------------

    def use_recovery_code(self, use: bool) -> None:
        self._use_code = use
        self.show_field(self.passphrase, not use)
        for edit in (self.code, self.new_passphrase, self.again):
            self.show_field(edit, use)
        self.switch_button.setText(
            self.tr("Use the passphrase instead") if use else self.tr("Use my recovery code instead")
        )
        self.switch_button.setAccessibleName(self.switch_button.text())
        self.status.setText("")
        if self.isVisible():
            self.fit_to_screen()
        (self.code if use else self.passphrase).setFocus(Qt.FocusReason.OtherFocusReason)

    # --- restoring -------------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self.working or self._opened is not None:
            return
        archive = self.selected_backup()
        if archive is None:
            self.status.setText(self.tr("Please choose a backup first."))
            return
        vault, params = self._vault, self._kdf_params
        use_code = self._use_code
        code, new, passphrase = self.code.text(), self.new_passphrase.text(), self.passphrase.text()
        if use_code:
            try:
                va.check_recovery_code(code)
            except MalformedRecoveryCode as exc:
                self.status.setText(exc.message)
                return
            problem = _check_new_passphrases(new, self.again.text())
            if problem is not None:
                self.status.setText(self.tr(problem))
                return
        elif not passphrase:
            self.status.setText(self.tr("Please type the passphrase the vault had when the backup was made."))
            return
        replace_other = self._confirm_other_vault(archive)
        if replace_other is None:
            return  # asked first: the backup is another vault's
        steps: dict[str, bool] = {"restored": False}

        def work() -> tuple[UnlockedVault, Path | None]:
            if use_code:
                moved = va.restore_backup(vault, archive, recovery_code=code, replace_other_vault=replace_other)
                steps["restored"] = True
                return va.recover(vault, code, new, kdf_params=params), moved
            moved = va.restore_backup(vault, archive, passphrase=passphrase, replace_other_vault=replace_other)
            steps["restored"] = True
            return va.unlock(vault, passphrase), moved

        self.status.setText(self.tr("Checking the backup and putting it in place…"))
        self._set_working(
            True,
            self.backups, self.choose_button, self.passphrase, self.code, self.new_passphrase, self.again,
            self.switch_button, self.restore_button, self.cancel_button,
        )
        self._runner.run(
            work,
            on_done=self._done,
            on_error=lambda exc: self._failed(exc, restored=steps["restored"]),
            on_dropped=_lock_quietly,
        )

    def _confirm_other_vault(self, archive: Path) -> bool | None:
        """False for this vault's own backup; for another vault's (same passphrase, another person or computer), the
        first press says whose each is and turns Restore into "Replace this vault" (None: not yet), the second
        press with the same backup chosen goes on (True)."""
        try:
            question = va.other_vault_question(self._vault, archive)
        except OfframpError:
            return False  # not a backup: the restore itself says so in its own words
        if question is None:
            return False
        if self._replace_confirmed_for == archive:
            return True
        self._replace_confirmed_for = archive
        self.status.setText(
            self.tr("{question} Choose “Replace this vault” to go on, or Cancel.").format(question=question)
        )
        self.restore_button.setText(self.tr("Replace this vault"))
        self.restore_button.setAccessibleName(self.tr("Replace this vault with the other vault's backup"))
        self.restore_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return None

    def _selection_changed(self) -> None:
        if self._replace_confirmed_for is not None:
            self._replace_confirmed_for = None
            self.restore_button.setText(self.tr("Restore"))
            self.restore_button.setAccessibleName(self.tr("Restore this backup"))
            self.status.setText("")

    def _done(self, result: tuple[UnlockedVault, Path | None]) -> None:
        self._set_working(False)
        unlocked, moved = result
        self._opened = unlocked
        for edit in (self.passphrase, self.code, self.new_passphrase, self.again):
            edit.clear()
        for widget in (
            self.intro, self.list_label, self.backups, self.none_found, self.choose_button, self.switch_button,
            self.restore_button, self.cancel_button,
        ):
            widget.hide()
        for edit in (self.passphrase, self.code, self.new_passphrase, self.again):
            self.show_field(edit, False)
        self.heading.setText(self.tr("The backup is back in place"))
        if moved is not None:
            text = self.tr(
                "The vault is open again. The files it replaced were kept, not deleted, in this folder:\n\n{folder}"
            ).format(folder=moved)
        else:
            text = self.tr("The vault is open again.")
        self.done_text.setText(text)
        self.done_text.show()
        self.status.setText("")
        self.continue_button.show()
        self.continue_button.setDefault(True)
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fit_to_screen()

    def _failed(self, exc: BaseException, *, restored: bool) -> None:
        self._set_working(False)
        message = self.problem(exc)
        if restored:
            message = self.tr("The backup was put in place, but the vault did not open: {problem}").format(
                problem=message
            )
        self.status.setText(message)

    def done(self, result: int) -> None:
        """However the dialog closes after the restore (button, Escape), the open vault is handed over."""
        opened, self._opened = self._opened, None
        super().done(result if opened is None else QDialog.DialogCode.Accepted.value)
        if opened is not None:
            self.restored.emit(opened)
