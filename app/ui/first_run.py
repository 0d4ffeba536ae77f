"""First run: make the vault, step by step, in plain words.

Welcome → choose a passphrase (typed twice, with a strength meter) → type it once more from memory → the vault is
created and opened again with that passphrase (on the task runner) → the recovery code, shown once, with "Save as
PDF…" and "Print…" → type back two groups of it → choose when Offramp locks itself → :attr:`FirstRunPage.finished`.

The practice comes before anything is created, so "I can't remember it" costs nothing: Back leads to choosing a new
one. The practised passphrase is then the one the new vault is really unlocked with (``unlock`` after the
creation is locked), so what was practised is proven to open the file on disk.
"""

from __future__ import annotations

import logging
import secrets
from datetime import date
from pathlib import Path

from app.core import vault_access as va
from app.core.passphrase import Strength, assess
from app.core.settings import IDLE_LOCK_SECONDS, LOCK_CHOICES, Settings
from app.core.vault_access import KdfParams, NewVault, UnlockedVault, Vault
from app.errors import WeakPassphrase
from app.reports.recovery_sheet import recovery_sheet_html, recovery_sheet_pdf
from app.ui.errors import human_message
from app.ui.file_dialogs import save_file_name
from app.ui.qt import (
    QApplication,
    QCheckBox,
    QClipboard,
    QComboBox,
    QDialog,
    QFont,
    QFontDatabase,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QPrintDialog,
    QPrinter,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QShowEvent,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QTextDocument,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.settings_dialog import duration_words
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: The file name offered when saving the sheet: nothing about the person or the office.
DEFAULT_PDF_NAME = "Offramp recovery code.pdf"
#: How many groups of the code are typed back to show it was written down.
GROUPS_TO_CHECK = 2

#: The text column takes all the width it may have (up to its maximum); the margins on either side share the rest.
_COLUMN_STRETCH = 1000

_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def make_printer() -> QPrinter:
    """The printer the print dialog configures (tests replace this with a PDF-file printer)."""
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def normalise_group(text: str) -> str:
    """A typed group as the code spells it: case, spaces and dashes ignored; O, I, L read as 0, 1, 1."""
    return "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CONFUSABLE)


class FirstRunPage(QWidget):
    """Sets up a new vault. Emits :attr:`finished` with the open :class:`UnlockedVault` after the last step.

    ``kdf_params`` None calibrates Argon2id to this computer (the product); tests pass ``KdfParams.floor()``.
    If the window closes before the end, call :meth:`discard` so a vault this page opened is locked.
    """

    #: The UnlockedVault, at the end. None only in the rare case that the new vault was created but did not open
    #: again; the vault exists then and the unlock page should be shown.
    finished = Signal(object)

    WELCOME, PASSPHRASE, PRACTICE, CREATING, CODE, CHECK, LOCK_TIME = range(7)
    STEP_COUNT = 7

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        settings: Settings,
        *,
        kdf_params: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self._settings = settings
        self._kdf_params = kdf_params
        self._chosen: str | None = None  # the passphrase between "choose" and the vault's creation, never longer
        self._unlocked: UnlockedVault | None = None
        self._code: str | None = None
        self._created_on: date | None = None
        self._check_indexes: tuple[int, ...] = ()
        self._working = False
        self._create_failed = False
        self._discarded = False  # the window closed mid-setup: anything that opens later is locked at once

        fm = self.fontMetrics()
        self._field_height = fm.height() + 16
        # The text column grows with the font, so 200 % text keeps the same line lengths instead of crowding.
        self._column_width = max(460, fm.averageCharWidth() * 72)

        self.step_label = QLabel(self)
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._build_welcome())
        self.steps.addWidget(self._build_passphrase())
        self.steps.addWidget(self._build_practice())
        self.steps.addWidget(self._build_creating())
        self.steps.addWidget(self._build_code())
        self.steps.addWidget(self._build_check())
        self.steps.addWidget(self._build_lock_time())

        self.back_button = self._button(self.tr("Back"))
        self.next_button = self._button(self.tr("Next"))
        self.next_button.setDefault(True)
        keep = self.back_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.back_button.setSizePolicy(keep)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        button_row = QWidget(self)
        button_row.setLayout(buttons)
        button_row.setMaximumWidth(self._column_width)
        buttons.setContentsMargins(0, 0, 0, 0)

        header = QHBoxLayout()
        header.addStretch(1)
        self.step_label.setMaximumWidth(self._column_width)
        self.step_label.setMinimumWidth(min(self._column_width, 320))
        header.addWidget(self.step_label, _COLUMN_STRETCH)
        header.addStretch(1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(button_row, _COLUMN_STRETCH)
        footer.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.setSpacing(12)
        outer.addLayout(header)
        outer.addWidget(self.steps, 1)
        outer.addLayout(footer)

        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)

        self._passphrase_changed()
        self._show_step(self.WELCOME)

    # --- building blocks ---------------------------------------------------------------------------------------

    def _button(self, text: str, parent: QWidget | None = None) -> QPushButton:
        button = QPushButton(text, parent or self)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(True)  # Enter on a focused button presses that button, not "Next"
        button.setMinimumHeight(self._field_height)
        self._fit_width(button)
        return button

    def _fit_width(self, button: QPushButton) -> None:
        """Room around the words, at any text size (the style's own padding is a few fixed pixels)."""
        fm = button.fontMetrics()
        button.setMinimumWidth(fm.horizontalAdvance(button.text().replace("&", "")) + 4 * fm.averageCharWidth())

    def _line_edit(self, name: str, parent: QWidget, *, secret: bool) -> QLineEdit:
        field = QLineEdit(parent)
        field.setAccessibleName(name)
        field.setMinimumHeight(self._field_height)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setInputMethodHints(
                Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText
                | Qt.InputMethodHint.ImhSensitiveData
            )
        else:
            field.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhSensitiveData)
        return field

    def _text(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = label.sizePolicy()  # keep its height-for-width flag: a fresh policy would clip wrapped text
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        label.setSizePolicy(policy)
        return label

    def _status(self, parent: QWidget) -> QLabel:
        label = self._text("", parent)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setMinimumHeight(2 * self.fontMetrics().lineSpacing())
        return label

    def _step(self, title: str) -> tuple[QWidget, QWidget, QVBoxLayout]:
        """A step: a scrollable, centred column of at most ``_column_width`` with a large title."""
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName(title)
        canvas = QWidget()
        row = QHBoxLayout(canvas)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        column = QWidget(canvas)
        column.setMaximumWidth(self._column_width)
        column.setMinimumWidth(min(self._column_width, 320))
        row.addWidget(column, _COLUMN_STRETCH)
        row.addStretch(1)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 8, 0, 8)
        box.setSpacing(10)
        heading = QLabel(title, column)
        heading.setWordWrap(True)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        box.addWidget(heading)
        box.addSpacing(4)
        scroll.setWidget(canvas)
        return scroll, column, box

    # --- (a) welcome -------------------------------------------------------------------------------------------

    def _build_welcome(self) -> QWidget:
        page, parent, box = self._step(self.tr("Welcome to Offramp"))
        self.welcome_text = self._text(
            self.tr(
                "Offramp keeps your notes, contacts, safety plans and deadlines for the people you work with. "
                "Everything stays on this computer, in a vault that is encrypted and opens only with your "
                "passphrase.\n\n"
                "Setting it up takes a few minutes: you will choose a passphrase and write down a recovery code, "
                "so please have a pen and paper ready."
            ),
            parent,
        )
        box.addWidget(self.welcome_text)
        box.addStretch(1)
        return page

    # --- (b) choose a passphrase -------------------------------------------------------------------------------

    def _build_passphrase(self) -> QWidget:
        page, parent, box = self._step(self.tr("Choose a passphrase"))
        box.addWidget(
            self._text(
                self.tr(
                    "A few unrelated words are easy to remember and hard to guess; avoid names, dates and "
                    "anything about you. No one can reset this passphrase, not IT staff and not the makers of "
                    "Offramp. Only the recovery code you will get in a moment opens the vault without it."
                ),
                parent,
            )
        )
        box.addSpacing(6)
        first_label = QLabel(self.tr("&Passphrase"), parent)
        self.passphrase = self._line_edit(self.tr("Passphrase"), parent, secret=True)
        first_label.setBuddy(self.passphrase)
        second_label = QLabel(self.tr("Type it &again"), parent)
        self.passphrase_again = self._line_edit(self.tr("Type the passphrase again"), parent, secret=True)
        second_label.setBuddy(self.passphrase_again)
        self.show_passphrase = QCheckBox(self.tr("&Show the passphrase"), parent)
        self.show_passphrase.setAccessibleName(self.tr("Show the passphrase"))

        self.strength_bar = QProgressBar(parent)
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(max(8, self.fontMetrics().height() // 2))
        self.strength_bar.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_label = self._text("", parent)
        self.match_label = self._text("", parent)

        first_row = QHBoxLayout()
        first_row.addWidget(first_label)
        first_row.addStretch(1)
        first_row.addWidget(self.show_passphrase)
        box.addLayout(first_row)
        box.addWidget(self.passphrase)
        box.addWidget(self.strength_bar)
        box.addWidget(self.strength_label)
        box.addSpacing(4)
        box.addWidget(second_label)
        box.addWidget(self.passphrase_again)
        box.addWidget(self.match_label)
        box.addStretch(1)

        self.passphrase.textChanged.connect(self._passphrase_changed)
        self.passphrase_again.textChanged.connect(self._passphrase_changed)
        self.show_passphrase.toggled.connect(self._toggle_shown)
        return page

    def _toggle_shown(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (self.passphrase, self.passphrase_again, self.practice_field):
            field.setEchoMode(mode)
        for box in (self.show_passphrase, self.show_practice):
            box.blockSignals(True)
            box.setChecked(shown)
            box.blockSignals(False)

    def _passphrase_changed(self) -> None:
        first = self.passphrase.text()
        again = self.passphrase_again.text()
        strength = assess(first)
        self._show_strength(strength, typed=bool(first))
        if not again:
            self.match_label.setText("")
        elif first == again:
            note = self.tr("Both match.")
            if first != first.strip():
                note += " " + self.tr("It starts or ends with a space; that space is part of the passphrase.")
            self.match_label.setText(note)
        elif first.startswith(again):
            self.match_label.setText("")  # still typing
        else:
            self.match_label.setText(self.tr("The two do not match yet."))
        self._update_buttons()

    def _show_strength(self, strength: Strength, *, typed: bool) -> None:
        self.strength_bar.setValue(strength.score)
        if not typed:
            text = self.tr("Strength: nothing typed yet.")
        else:
            text = self.tr("Strength: {label}. {hint}").format(
                label=strength.label, hint=strength.hint
            )
        self.strength_label.setText(text)
        self.strength_bar.setAccessibleDescription(text)

    def passphrase_ready(self) -> bool:
        first = self.passphrase.text()
        if first != self.passphrase_again.text():
            return False
        try:
            va.check_new_passphrase(first)
        except WeakPassphrase:
            return False
        return True

    # --- (c) practice, from memory -----------------------------------------------------------------------------

    def _build_practice(self) -> QWidget:
        page, parent, box = self._step(self.tr("Type it once more, from memory"))
        box.addWidget(
            self._text(
                self.tr(
                    "This is practice for the lock screen you will see every day. Type your passphrase once more "
                    "without looking at anything. Nothing has been created yet, so if it does not come back to "
                    "you, you can go back and choose another."
                ),
                parent,
            )
        )
        box.addSpacing(6)
        label = QLabel(self.tr("&Passphrase"), parent)
        self.practice_field = self._line_edit(self.tr("Passphrase, from memory"), parent, secret=True)
        label.setBuddy(self.practice_field)
        self.show_practice = QCheckBox(self.tr("&Show the passphrase"), parent)
        self.show_practice.setAccessibleName(self.tr("Show the passphrase"))
        self.practice_status = self._status(parent)
        label_row = QHBoxLayout()
        label_row.addWidget(label)
        label_row.addStretch(1)
        label_row.addWidget(self.show_practice)
        box.addLayout(label_row)
        box.addWidget(self.practice_field)
        box.addWidget(self.practice_status)
        box.addStretch(1)
        self.show_practice.toggled.connect(self._toggle_shown)
        self.practice_field.textChanged.connect(lambda _text: self._update_buttons())
        return page

    def _check_practice(self) -> None:
        typed = self.practice_field.text()
        if not typed:
            self.practice_status.setText(self.tr("Please type your passphrase first."))
            return
        if typed != self._chosen:
            self.practice_field.clear()
            self.practice_status.setText(
                self.tr(
                    "That is not quite the passphrase you chose. Take your time and try again, or press Back "
                    "to choose one that is easier to remember."
                )
            )
            self.practice_field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.practice_field.clear()
        self._start_creating()

    # --- (d) creating ------------------------------------------------------------------------------------------

    def _build_creating(self) -> QWidget:
        page, parent, box = self._step(self.tr("Creating your vault"))
        box.addWidget(
            self._text(
                self.tr(
                    "This takes a few seconds. Offramp measures this computer so that anyone trying to guess "
                    "your passphrase would have to go very slowly."
                ),
                parent,
            )
        )
        self.busy = QProgressBar(parent)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setAccessibleName(self.tr("Creating the vault"))
        keep = self.busy.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.busy.setSizePolicy(keep)
        self.creating_status = self._status(parent)
        box.addSpacing(6)
        box.addWidget(self.busy)
        box.addWidget(self.creating_status)
        box.addStretch(1)
        return page

    def _start_creating(self) -> None:
        passphrase = self._chosen
        assert passphrase is not None
        self._show_step(self.CREATING)
        self._set_working(True)
        self._create_failed = False
        self.creating_status.setText(self.tr("Creating the encrypted vault…"))
        vault, params = self._vault, self._kdf_params
        self._runner.run(
            lambda: va.create_vault(vault, passphrase, kdf_params=params),
            on_done=self._created,
            on_error=self._creation_failed,
            on_dropped=lambda result: result[0].lock(),
        )

    def _created(self, result: NewVault) -> None:
        first_open, code = result
        if self._discarded:
            self._runner.run(first_open.lock)
            return
        self._code = code
        self._created_on = date.today()
        passphrase = self._chosen
        self._chosen = None
        assert passphrase is not None
        self.creating_status.setText(self.tr("Checking that your passphrase opens it…"))
        vault = self._vault

        def lock_and_open_again() -> UnlockedVault:
            first_open.lock()
            return va.unlock(vault, passphrase)

        self._runner.run(
            lock_and_open_again, on_done=self._reopened, on_error=self._reopen_failed, on_dropped=_lock_quietly
        )

    def _reopened(self, unlocked: UnlockedVault) -> None:
        if self._discarded:
            self._runner.run(unlocked.lock)
            return
        self._unlocked = unlocked
        self._set_working(False)
        self.creating_status.setText("")
        self._show_code()
        self._show_step(self.CODE)

    def _creation_failed(self, exc: BaseException) -> None:
        self._set_working(False)
        self._chosen = None
        self._create_failed = True
        self.creating_status.setText(
            self.tr("The vault could not be created. {reason} Press Back to try again.").format(
                reason=_reason(exc, self.tr("Something unexpected went wrong."))
            )
        )
        self._update_buttons()
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reopen_failed(self, exc: BaseException) -> None:
        # Created, but it did not open again. The recovery code is still the way in: it must be written down.
        self._set_working(False)
        self.creating_status.setText(
            self.tr(
                "Your vault was created, but opening it again did not work. {reason} Your recovery code is on "
                "the next page; please write it down before going on."
            ).format(reason=_reason(exc, ""))
        )
        self._show_code()
        self._update_buttons()
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- (e) the recovery code ---------------------------------------------------------------------------------

    def _build_code(self) -> QWidget:
        page, parent, box = self._step(self.tr("Your recovery code"))
        box.addWidget(
            self._text(
                self.tr(
                    "If you ever forget your passphrase, this code is the only way into your vault. It is shown "
                    "only this once. Please write it down now, or save or print it, and keep it away from this "
                    "computer, for example in a locked drawer."
                ),
                parent,
            )
        )
        grid_frame = QFrame(parent)
        grid_frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid_frame.setAccessibleName(self.tr("Recovery code"))
        mono = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        mono.setPointSizeF(self.font().pointSizeF() * 2.0)
        mono.setWeight(QFont.Weight.Bold)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.group_labels: list[QLabel] = []
        self._group_numbers: list[QLabel] = []
        for i in range(va.RECOVERY_CODE_GROUPS):
            number = QLabel(self.tr("Group {n}").format(n=i + 1), grid_frame)
            number.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            group = QLabel("", grid_frame)
            group.setFont(mono)
            group.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            group.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            group.setMinimumWidth(group.fontMetrics().horizontalAdvance("W" * 5))  # never squeezed into clipping
            group.setAccessibleName(self.tr("Group {n}").format(n=i + 1))
            self._group_numbers.append(number)
            self.group_labels.append(group)
        # Four groups to a row while they fit the column with a clear gap between them; two when the text is large.
        code_metrics = self.group_labels[0].fontMetrics()
        group_width = code_metrics.horizontalAdvance("W" * 5)
        gap = max(20, code_metrics.horizontalAdvance("W") * 6 // 5)
        margin = 16
        per_row = 4 if 4 * group_width + 3 * gap + 2 * margin + 4 <= self._column_width else 2
        grid = QGridLayout(grid_frame)
        grid.setContentsMargins(margin, 12, margin, 12)
        grid.setHorizontalSpacing(gap)
        grid.setVerticalSpacing(2)
        for i, (number, group) in enumerate(zip(self._group_numbers, self.group_labels, strict=True)):
            r, c = divmod(i, per_row)
            grid.addWidget(number, 2 * r, c)
            grid.addWidget(group, 2 * r + 1, c)
            if r > 0:
                grid.setRowMinimumHeight(2 * r, 2 * self.fontMetrics().lineSpacing())
        self.groups_per_row = per_row
        grid_row = QHBoxLayout()
        grid_row.addWidget(grid_frame)
        grid_row.addStretch(1)
        box.addSpacing(4)
        box.addLayout(grid_row)
        box.addSpacing(8)

        self.save_button = self._button(self.tr("&Save as PDF…"), parent)
        self.print_button = self._button(self.tr("&Print…"), parent)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        box.addLayout(actions)
        self.file_warning = self._text(
            self.tr("A saved file is best kept off this computer, for example on a USB stick in that drawer."),
            parent,
        )
        box.addWidget(self.file_warning)
        self.code_status = self._status(parent)
        box.addWidget(self.code_status)
        box.addStretch(1)

        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_code)
        return page

    def _show_code(self) -> None:
        code = self._code
        if code is None:
            return
        for i, label in enumerate(self.group_labels):
            label.setText(va.recovery_code_group(code, i))
        groups = range(va.RECOVERY_CODE_GROUPS)
        self._check_indexes = tuple(sorted(secrets.SystemRandom().sample(groups, GROUPS_TO_CHECK)))
        for n, (label, field) in enumerate(zip(self.check_labels, self.check_fields, strict=True)):
            name = self.tr("Group {n}").format(n=self._check_indexes[n] + 1)
            label.setText(name)
            field.setAccessibleName(name)
            field.clear()

    def save_pdf(self) -> None:
        code, created = self._code, self._created_on
        if code is None or created is None:
            return
        path, _filter = save_file_name(
            self,
            self.tr("Save the recovery code"),
            str(Path.home() / DEFAULT_PDF_NAME),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            va.save_file(target, recovery_sheet_pdf(code, created=created))
        except OSError as exc:
            log.warning("saving the recovery sheet failed: %s", type(exc).__name__)
            self.code_status.setText(
                self.tr("The file could not be saved there. Please choose another place, such as a USB stick.")
            )
            return
        self.code_status.setText(
            self.tr("Saved as “{name}”. Please move it off this computer when you can.").format(name=target.name)
        )

    def print_code(self) -> None:
        code, created = self._code, self._created_on
        if code is None or created is None:
            return
        printer = make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery code"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setHtml(recovery_sheet_html(code, created=created))
        document.print_(printer)
        document.clear()
        self.code_status.setText(self.tr("Sent to the printer. Please collect the page straight away."))

    # --- (f) check it was written down -------------------------------------------------------------------------

    def _build_check(self) -> QWidget:
        page, parent, box = self._step(self.tr("Check your copy"))
        box.addWidget(
            self._text(
                self.tr(
                    "To make sure the code was written down correctly, please type two of its groups from your "
                    "copy. Capital or small letters and spaces do not matter."
                ),
                parent,
            )
        )
        box.addSpacing(6)
        self.check_labels: list[QLabel] = []
        self.check_fields: list[QLineEdit] = []
        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        group_width = self.fontMetrics().horizontalAdvance("W") * 14
        for n in range(GROUPS_TO_CHECK):
            label = QLabel(self.tr("Group"), parent)
            field = self._line_edit(self.tr("Group"), parent, secret=False)
            field.setMaxLength(20)
            field.setMaximumWidth(group_width)
            field.textChanged.connect(lambda _text: self._update_buttons())
            label.setBuddy(field)
            form.addWidget(label, n, 0)
            form.addWidget(field, n, 1)
            self.check_labels.append(label)
            self.check_fields.append(field)
        form.setColumnStretch(2, 1)
        box.addLayout(form)
        self.check_status = self._status(parent)
        box.addWidget(self.check_status)
        box.addStretch(1)
        return page

    def _check_groups(self) -> None:
        code = self._code
        if code is None:
            return
        wrong = [
            (index, field)
            for index, field in zip(self._check_indexes, self.check_fields, strict=True)
            if normalise_group(field.text()) != va.recovery_code_group(code, index)
        ]
        if not wrong:
            self.check_status.setText("")
            self._show_step(self.LOCK_TIME)
            return
        if len(wrong) == 1:
            message = self.tr("Group {n} does not match the code.").format(n=wrong[0][0] + 1)
        else:
            message = self.tr("Those groups do not match the code.")
        self.check_status.setText(
            message + " " + self.tr("That happens. Press Back to look at the code again and compare it with your copy.")
        )
        for _index, field in wrong:
            field.clear()
        wrong[0][1].setFocus(Qt.FocusReason.OtherFocusReason)

    # --- (g) idle lock time ------------------------------------------------------------------------------------

    def _build_lock_time(self) -> QWidget:
        page, parent, box = self._step(self.tr("When should Offramp lock itself?"))
        box.addWidget(
            self._text(
                self.tr(
                    "When you step away, Offramp locks the vault so no one else can read it, and keeps anything "
                    "you were typing. You open it again with your passphrase. “Immediately” locks as soon as you "
                    "switch to another window."
                ),
                parent,
            )
        )
        box.addSpacing(6)
        label = QLabel(self.tr("&Lock after I have been away for"), parent)
        self.lock_choice = QComboBox(parent)
        self.lock_choice.setAccessibleName(self.tr("Lock after I have been away for"))
        self.lock_choice.view().setAccessibleName(self.tr("Lock time choices"))
        self.lock_choice.setMinimumHeight(self._field_height)
        self.lock_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.lock_choice)
        for seconds in LOCK_CHOICES:
            self.lock_choice.addItem(self.lock_time_text(seconds), seconds)
        current = self._settings.get(IDLE_LOCK_SECONDS)
        self.lock_choice.setCurrentIndex(max(0, self.lock_choice.findData(current)))
        row = QHBoxLayout()
        row.addWidget(self.lock_choice)
        row.addStretch(1)
        self.lock_status = self._status(parent)
        box.addWidget(label)
        box.addLayout(row)
        box.addWidget(self.lock_status)
        box.addStretch(1)
        return page

    def lock_time_text(self, seconds: int) -> str:
        return duration_words(seconds)  # the settings' words, plurals through the catalogue

    def _finish(self) -> None:
        seconds = int(self.lock_choice.currentData())
        try:
            self._settings.set(IDLE_LOCK_SECONDS, seconds)
        except (OSError, ValueError) as exc:
            # The vault is made; an unwritable settings folder must not stop that. The default (5 minutes) holds.
            log.warning("saving the lock time failed: %s", type(exc).__name__)
        unlocked = self._unlocked
        self._unlocked = None
        self._forget_code()
        self.finished.emit(unlocked)

    # --- navigation --------------------------------------------------------------------------------------------

    @property
    def current_step(self) -> int:
        return self.steps.currentIndex()

    def go_next(self) -> None:
        if self._working or not self.next_button.isEnabled() or self.next_button.isHidden():
            return
        step = self.current_step
        if step == self.WELCOME:
            self._show_step(self.PASSPHRASE)
        elif step == self.PASSPHRASE:
            if not self.passphrase_ready():
                return
            self._chosen = self.passphrase.text()
            self.passphrase.clear()
            self.passphrase_again.clear()
            self.practice_status.setText("")
            self._show_step(self.PRACTICE)
        elif step == self.PRACTICE:
            self._check_practice()
        elif step == self.CREATING:
            self._show_step(self.CODE)  # only after a vault that did not open again: on to the code
        elif step == self.CODE:
            self._show_step(self.CHECK)
        elif step == self.CHECK:
            self._check_groups()
        elif step == self.LOCK_TIME:
            self._finish()

    def go_back(self) -> None:
        if self._working or not self.back_button.isEnabled() or self.back_button.isHidden():
            return
        step = self.current_step
        if step == self.PASSPHRASE:
            self._show_step(self.WELCOME)
        elif step == self.PRACTICE:
            self._chosen = None  # choosing again, from scratch
            self.practice_field.clear()
            self._show_step(self.PASSPHRASE)
        elif step == self.CREATING and self._create_failed:
            self._show_step(self.PASSPHRASE)
        elif step == self.CHECK:
            self.check_status.setText("")
            self._show_step(self.CODE)
        elif step == self.LOCK_TIME:
            self._show_step(self.CHECK)

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.step_label.setText(self.tr("Step {n} of {total}").format(n=step + 1, total=self.STEP_COUNT))
        self._update_buttons()
        self._focus_step()

    def _focus_step(self) -> None:
        target: QWidget = {
            self.WELCOME: self.next_button,
            self.PASSPHRASE: self.passphrase,
            self.PRACTICE: self.practice_field,
            self.CREATING: self.next_button,
            self.CODE: self.next_button,  # Enter goes on; Save and Print are a Tab (or Alt+S, Alt+P) away
            self.CHECK: self.check_fields[0],
            self.LOCK_TIME: self.lock_choice,
        }[self.current_step]
        if target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_working(self, working: bool) -> None:
        self._working = working
        self.busy.setVisible(working)
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.current_step
        back_shown = step in (self.PASSPHRASE, self.PRACTICE, self.CHECK, self.LOCK_TIME) or (
            step == self.CREATING and self._create_failed
        )
        self.back_button.setVisible(back_shown)
        self.back_button.setEnabled(back_shown and not self._working)
        next_text = {
            self.WELCOME: self.tr("Get started"),
            self.PRACTICE: self.tr("Create my vault"),
            self.CREATING: self.tr("See my recovery code"),
            self.CHECK: self.tr("Check"),
            self.LOCK_TIME: self.tr("Finish"),
        }.get(step, self.tr("Next"))
        self.next_button.setText(next_text)
        self.next_button.setAccessibleName(next_text)
        self._fit_width(self.next_button)
        if step == self.PASSPHRASE:
            ready = self.passphrase_ready()
        elif step == self.PRACTICE:
            ready = bool(self.practice_field.text())
        elif step == self.CREATING:
            ready = not self._working and not self._create_failed and self._code is not None
        elif step == self.CHECK:
            ready = all(field.text().strip() for field in self.check_fields)
        else:
            ready = True
        next_shown = step != self.CREATING or ready
        self.next_button.setVisible(next_shown)
        self.next_button.setEnabled(ready and not self._working)

    # --- keyboard ----------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Fields and check boxes pass Enter and Escape up to here; focused buttons handle Enter themselves.
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.go_next()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and plain:
            self.go_back()
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._focus_step()

    # --- forgetting --------------------------------------------------------------------------------------------

    def _forget_code(self) -> None:
        code = self._code
        self._code = None
        self._created_on = None
        self._check_indexes = ()
        for label in self.group_labels:
            label.setText("")
        for field in self.check_fields:
            field.clear()
        self.code_status.setText("")
        if code is not None:
            _clear_clipboard_if_code(code)

    def discard(self) -> None:
        """Forget the code and lock any vault this page opened (the window is closing mid-setup).

        A vault already created stays on disk and opens with the chosen passphrase.
        """
        self._discarded = True
        self._chosen = None
        self._forget_code()
        for field in (self.passphrase, self.passphrase_again, self.practice_field):
            field.clear()
        unlocked, self._unlocked = self._unlocked, None
        if unlocked is None:
            return
        if self._runner.closed:
            unlocked.lock()
        else:
            self._runner.wait(unlocked.lock)


def _reason(exc: BaseException, fallback: str) -> str:
    return human_message(exc, fallback)


def _lock_quietly(unlocked: UnlockedVault) -> None:
    unlocked.lock()


def _clear_clipboard_if_code(code: str) -> None:
    """The groups are selectable: if any of the code was copied (or selected, on X11), it goes with the page."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    clipboard = QApplication.clipboard()
    whole = normalise_group(code)
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    for mode in modes:
        held = normalise_group(clipboard.text(mode))
        if len(held) >= 3 and held in whole:
            clipboard.clear(mode)
