"""The settings dialog, made from the declarations in :mod:`app.core.settings` (each setting declared once).

A setting with choices gets a combo box in plain words ("Immediately", "5 minutes"), a yes/no setting a check box,
a number a spin box; each shows its label and help. Settings set by the office (quick unlock allowed, the survivor's
copy, the unsynced reminder, the office's time zone) are not editable here: for a vault enrolled with an office
they are shown read-only under "Set by your office", with the office's values and one sentence saying why; the
idle lock offers only times up to the office's longest. When quick unlock cannot be used (office policy, no
working keyring) its check box is disabled and the reason is written beneath it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.core import settings as declared
from app.core import vault_access as va
from app.core.i18n import LANGUAGES, SYSTEM, _, ngettext
from app.core.settings import Setting, Settings
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.person.fields import heading_label
from app.ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLocale,
    QScrollArea,
    QShowEvent,
    QSizePolicy,
    QSpinBox,
    Qt,
    QTime,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.style import grow_to_fit_wrapped_text, readable_checkbox

#: Set by the office, not by the person at this computer: shown through their effect, never as a control.
OFFICE_POLICY = frozenset(
    {
        declared.QUICK_UNLOCK_ALLOWED_BY_OFFICE.key,
        declared.SURVIVOR_COPY_ALLOWED_BY_OFFICE.key,
        declared.UNSYNCED_WARNING_DAYS.key,
    }
)
#: Sensible bounds for number settings (the declarations give a type and a default, not a range).
INT_RANGES: dict[str, tuple[int, int]] = {declared.CLIPBOARD_CLEAR_SECONDS.key: (5, 600)}
DEFAULT_INT_RANGE = (0, 86_400)
OFFICE_FORBIDS = QT_TRANSLATE_NOOP(
    "SettingsDialog", "Your office has turned quick unlock off, so the passphrase is always needed."
)
OFFICE_SETS = QT_TRANSLATE_NOOP(
    "SettingsDialog", "Your office sets these for every computer enrolled with it, so they cannot be changed here."
)
OFFICE_IDLE_LIMIT = QT_TRANSLATE_NOOP(
    "SettingsDialog", "Your office asks that the vault lock after at most {limit}; you may choose a shorter time."
)
OFFICE_ZONE = QT_TRANSLATE_NOOP(
    "SettingsDialog", "A release's first and last days are counted in the office's time zone: {zone}."
)


def duration_words(seconds: int) -> str:
    """0 → 'Immediately', 60 → '1 minute', 300 → '5 minutes', 3600 → '1 hour' (in the app's language)."""
    if seconds == 0:
        return QCoreApplication.translate("SettingsDialog", "Immediately")
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("{n} hour", "{n} hours", hours).format(n=hours)
    if seconds % 60 == 0:
        minutes = seconds // 60
        return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)
    return ngettext("{n} second", "{n} seconds", seconds).format(n=seconds)


def hour_words(hour: int) -> str:
    """An hour of the day as this computer writes times (23 → '23:00' or '11:00 PM')."""
    return QLocale().toString(QTime(hour, 0), QLocale.FormatType.ShortFormat)


def language_words(code: str) -> str:
    """'system' → 'System default'; a language by its own name ('Español'), which is how people look for it."""
    if code == SYSTEM:
        return QCoreApplication.translate("SettingsDialog", "System default")
    return LANGUAGES.get(code, code)


#: How each setting's choices read, by key; anything else shows its value.
CHOICE_WORDS: dict[str, Callable[[Any], str]] = {
    declared.IDLE_LOCK_SECONDS.key: duration_words,
    declared.DAY_ENDS_AT_HOUR.key: hour_words,
    declared.LANGUAGE.key: language_words,
}


def choice_text(setting: Setting[Any], value: Any) -> str:
    words = CHOICE_WORDS.get(setting.key)
    return words(value) if words is not None else str(value)


class SettingsDialog(QDialog):
    """Edits ``settings`` in place when OK is pressed. Emits :attr:`saved` with the keys that changed.

    ``keyring_problem`` says why this computer has no working keyring (None when it has one); tests swap it.
    When quick unlock is switched off here, the caller should also call ``vault_access.forget_quick_unlock``.
    """

    saved = Signal(list)

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        keyring_problem: Callable[[], str | None] = va.keyring_problem,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.editors: dict[str, QWidget] = {}
        self.quick_unlock_reason = self._quick_unlock_reason(keyring_problem)
        fm = self.fontMetrics()
        self.setMinimumWidth(max(520, fm.averageCharWidth() * 70))
        field_height = fm.height() + 14

        # The settings scroll (at 200 % text they need more than a 1280×800 screen); OK and Cancel stay in view.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 20)
        self.body_scroll = QScrollArea(self)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setAccessibleName(self.tr("Settings"))
        self.body_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the settings; it scrolls to each
        body = QWidget(self.body_scroll)
        box = QVBoxLayout(body)
        box.setContentsMargins(24, 20, 24, 0)
        box.setSpacing(6)
        box.addWidget(heading_label(self.tr("Settings"), self, 1.4))
        box.addSpacing(6)

        for setting in declared.ALL:
            if setting.key in OFFICE_POLICY:
                continue
            editor = self._editor_for(setting, field_height)
            self.editors[setting.key] = editor
            self._add_editor(box, setting, editor)
            if setting.key == declared.QUICK_UNLOCK_ENABLED.key:  # why it cannot be used comes first
                self.quick_unlock_note = self._note(self.quick_unlock_reason or "")
                self.quick_unlock_note.setObjectName("quick-unlock-reason")
                self.quick_unlock_note.setVisible(self.quick_unlock_reason is not None)
                box.addWidget(self.quick_unlock_note)
            if setting.help:
                box.addWidget(self._note(_(setting.help)))
            if setting.key == declared.IDLE_LOCK_SECONDS.key and settings.set_by_office(setting):
                assert settings.office is not None
                limit = duration_words(settings.office.idle_lock_max_seconds).lower()
                self.idle_limit_note = self._note(self.tr(OFFICE_IDLE_LIMIT).format(limit=limit))
                self.idle_limit_note.setObjectName("office-idle-limit")
                box.addWidget(self.idle_limit_note)
            box.addSpacing(10)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setAccessibleName(self.tr("OK"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        for button in (self.ok_button, self.cancel_button):
            button.setMinimumHeight(field_height)
            button.setMinimumWidth(fm.horizontalAdvance(button.text()) + 48)
        self.office_editors: dict[str, QWidget] = {}
        if settings.office is not None:
            self._office_section(box, field_height)
        box.addStretch(1)
        self.body_scroll.setWidget(body)
        outer.addWidget(self.body_scroll, 1)
        buttons_row = QHBoxLayout()
        buttons_row.setContentsMargins(24, 0, 24, 0)
        buttons_row.addWidget(self.buttons)
        outer.addLayout(buttons_row)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # A check box does not wrap: the dialog is at least as wide as the longest, in any language.
        checks = [e for e in (*self.editors.values(), *self.office_editors.values()) if isinstance(e, QCheckBox)]
        if checks:
            margins = box.contentsMargins()
            widest = max(check.sizeHint().width() for check in checks) + margins.left() + margins.right()
            self.setMinimumWidth(
                max(self.minimumWidth(), widest + self.body_scroll.verticalScrollBar().sizeHint().width())
            )
        self._fit(parent, body)

        quick = self.editors.get(declared.QUICK_UNLOCK_ENABLED.key)
        if isinstance(quick, QCheckBox):
            if self.quick_unlock_reason is not None:
                quick.setEnabled(False)
                quick.setChecked(False)  # shown as it works now; the stored wish is kept for a computer that can
            quick.toggled.connect(self._quick_unlock_toggled)
            self._quick_unlock_toggled(quick.isChecked())

    def _fit(self, parent: QWidget | None, body: QWidget) -> None:
        """As tall as the settings, but never taller than the window it opens over (or the screen): then they
        scroll."""
        window = parent.window() if parent is not None else None
        screen = self.screen()
        limit = int(window.height() * 0.95) if window is not None else 0
        if screen is not None:
            available = int(screen.availableGeometry().height() * 0.9)
            limit = min(limit, available) if limit else available
        width = max(self.minimumWidth(), body.sizeHint().width())
        # The settings' height at the width they will have (wrapped notes included), then OK and Cancel below.
        inner = body.layout()
        bar = self.body_scroll.verticalScrollBar().sizeHint().width()
        tall = max(body.sizeHint().height(), body.minimumSizeHint().height())
        if inner is not None and inner.hasHeightForWidth():
            tall = max(tall, inner.totalHeightForWidth(width - bar))
        outer = self.layout()
        spacing = outer.spacing() if outer is not None else 6
        want = tall + spacing + self.buttons.sizeHint().height() + 20 + 4
        self.resize(width, min(want, limit) if limit else want)

    # --- building --------------------------------------------------------------------------------------------------

    def _office_section(self, box: QVBoxLayout, field_height: int) -> None:
        """The office's policy, read-only: what it is and, in one sentence, why it cannot be changed here."""
        office = self._settings.office
        assert office is not None
        box.addWidget(heading_label(self.tr("Set by your office"), self, 1.0))
        self.office_note = self._note(self.tr(OFFICE_SETS))
        self.office_note.setObjectName("office-sets")
        box.addWidget(self.office_note)
        for setting in declared.ALL:
            if setting.key not in OFFICE_POLICY:
                continue
            editor = self._editor_for(setting, field_height)
            editor.setEnabled(False)  # the office's value, shown as it is in force
            editor.setAccessibleDescription(self.tr(OFFICE_SETS))
            self.office_editors[setting.key] = editor
            self._add_editor(box, setting, editor)
        zone = office.time_zone or self.tr("UTC (your office has not chosen one)")
        self.office_zone = self._note(self.tr(OFFICE_ZONE).format(zone=zone))
        self.office_zone.setObjectName("office-time-zone")
        box.addWidget(self.office_zone)
        box.addSpacing(10)

    def _quick_unlock_reason(self, keyring_problem: Callable[[], str | None]) -> str | None:
        if not self._settings.get(declared.QUICK_UNLOCK_ALLOWED_BY_OFFICE):
            return self.tr(OFFICE_FORBIDS)
        problem = keyring_problem()
        return None if problem is None else _(problem)

    def _add_editor(self, box: QVBoxLayout, setting: Setting[Any], editor: QWidget) -> None:
        """A check box says its own name; any other editor has its name above it, at its own width."""
        if isinstance(editor, QCheckBox):
            box.addWidget(editor)
            return
        label = QLabel(_(setting.label), self)
        label.setWordWrap(True)
        label.setBuddy(editor)
        box.addWidget(label)
        row = QHBoxLayout()
        row.addWidget(editor)
        row.addStretch(1)
        box.addLayout(row)

    def _note(self, text: str) -> QLabel:
        note = QLabel(text, self)
        note.setWordWrap(True)
        note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        note.setIndent(4)
        font = QFont(note.font())
        font.setPointSizeF(font.pointSizeF() * 0.92)
        note.setFont(font)
        return note

    def _editor_for(self, setting: Setting[Any], field_height: int) -> QWidget:
        value = self._settings.get(setting)
        name = _(setting.label)
        editor: QWidget
        if setting.type is bool:
            check = QCheckBox(name, self)
            check.setChecked(bool(value))
            editor = readable_checkbox(check)
        elif setting.choices is not None:
            combo = QComboBox(self)
            choices = setting.choices
            if setting.key == declared.IDLE_LOCK_SECONDS.key and self._settings.office is not None:
                longest = self._settings.office.idle_lock_max_seconds  # a person may lock sooner, never later
                choices = tuple(c for c in choices if c <= longest)
            for choice in choices:
                combo.addItem(choice_text(setting, choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.setMinimumHeight(field_height)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            editor = combo
        elif setting.type is int:
            spin = QSpinBox(self)
            low, high = INT_RANGES.get(setting.key, DEFAULT_INT_RANGE)
            spin.setRange(low, high)
            spin.setValue(int(value))
            spin.setMinimumHeight(field_height)
            spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000000") + 40)
            editor = spin
        else:
            raise TypeError(f"no editor for a {setting.type.__name__} setting ({setting.key})")
        editor.setAccessibleName(name)
        editor.setObjectName(setting.key)
        return editor

    def _quick_unlock_toggled(self, on: bool) -> None:
        day_end = self.editors.get(declared.DAY_ENDS_AT_HOUR.key)
        if day_end is not None:
            day_end.setEnabled(on and self.quick_unlock_reason is None)

    def showEvent(self, event: QShowEvent) -> None:
        grow_to_fit_wrapped_text(self)
        super().showEvent(event)

    # --- values ------------------------------------------------------------------------------------------------

    def value_of(self, setting: Setting[Any]) -> Any:
        editor = self.editors[setting.key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            return editor.value()
        raise TypeError(setting.key)

    def accept(self) -> None:
        changed: list[str] = []
        for setting in declared.ALL:
            editor = self.editors.get(setting.key)
            if editor is None or not editor.isEnabled():
                continue  # office policy, or unavailable here: the stored value stays as it is
            value = self.value_of(setting)
            if value != self._settings.get(setting):
                self._settings.set(setting, value)
                changed.append(setting.key)
        super().accept()
        self.saved.emit(changed)


__all__ = ["SettingsDialog", "choice_text", "duration_words", "hour_words", "language_words"]
