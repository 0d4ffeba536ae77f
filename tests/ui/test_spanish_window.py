"""The real window in Spanish (issue 19): the translated screens show no English sentence from the catalogue.

The translators are installed as the app installs them at start (app.ui.i18n.install), then the window is built
on a real vault: the unlock page, the caseload after unlocking, the menus and toolbar, settings, about and the
new-person form; and, on an empty folder, every step of the first run. Every text a person sees or a screen reader
says (labels, buttons, placeholders, choices, menu items, headings, window titles, accessible names, tooltips)
is compared with the English source strings of the catalogue: none may show in English. Screenshots in Spanish
and in the pseudo-locale (accented, a third longer) are saved for a person to look at.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import ast
import gettext
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core import i18n as core_i18n
from app.core.settings import Settings
from app.core.workspace import Workspace
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui import i18n
from app.ui.about import AboutDialog
from app.ui.main_window import MainWindow
from app.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    Qt,
    QToolBar,
    QWidget,
)
from app.ui.settings_dialog import SettingsDialog
from tests.ui import helpers
from tests.unit.test_translations import COVERED, COVERED_CONTEXTS, PO, TS, UI

PASSPHRASE = "a long passphrase"
NAMES = ["Marisol Example", "Tobiah Sample", "Linnea Fictional", "Dorian Placeholder"]


def english_sources() -> set[str]:
    """The English strings of the covered screens that Spanish says differently (without '&' shortcuts)."""
    tree = ET.parse(TS)  # noqa: S314 - the project's own catalogue
    found: set[str] = set()
    covered = {f"../{name}" for name in COVERED}
    messages = [(ctx.findtext("name"), message) for ctx in tree.iter("context") for message in ctx.iter("message")]
    for context, message in messages:
        in_module = any(loc.get("filename") in covered for loc in message.iter("location"))
        if not in_module and context not in COVERED_CONTEXTS:
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        spanish = "".join(translation.itertext()) if translation is not None else ""
        if _plain(source) != _plain(spanish):
            found.add(_plain(source))
    return found | source_literals() | core_sources()


def core_sources() -> set[str]:
    """The English of the core's catalogue (setting labels, strength words, plurals) that Spanish says differently."""
    with PO.with_suffix(".mo").open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    found = set()
    for key, spanish in catalogue._catalog.items():  # type: ignore[attr-defined]
        english = key[0] if isinstance(key, tuple) else key
        if english and english != spanish and "{" not in english:
            found.add(english)
    return found


#: Words that are the same in Spanish (names, and what Spanish borrows).
SAME_IN_SPANISH = {"Offramp", "PIN", "No", "Python", "Qt", "PySide6", "SQLCipher", "SQLite", "English", "Español"}


def source_literals() -> set[str]:
    """Every string literal of the covered modules that reads as words: a screen showing one has English on it,
    even if it never reached the catalogue (a literal not passed through tr())."""
    found: set[str] = set()
    for name in COVERED:
        tree = ast.parse((UI / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = _plain(node.value)
                if re.fullmatch(r"[A-Z][a-z]+(?:[ ,.'’-]+\w+)*[.…?!]?", text) and text not in SAME_IN_SPANISH:
                    found.add(text)
    return found


def _plain(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).strip()


def visible_texts(root: QWidget) -> list[str]:
    """What ``root`` and its visible children show or say, one entry per text."""
    texts: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() and not isinstance(widget, QMenu):
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
            texts += [a.text() for a in widget.actions()] + [a.statusTip() for a in widget.actions()]
        elif isinstance(widget, QToolBar):
            texts += [a.text() for a in widget.actions()] + [a.toolTip() for a in widget.actions()]
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QListWidget) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
                for c in range(model.columnCount())
            ]
    return [_plain(re.sub(r"<[^>]+>", "", t)) for t in texts if t and t.strip()]


def english_in(root: QWidget, sources: set[str]) -> list[str]:
    """Texts of ``root`` that are an English source string, or hold one of its whole sentences."""
    sentences = {s for s in sources if len(s) > 24 and "{" not in s and "%" not in s}
    found = []
    for text in visible_texts(root):
        if text in sources or any(sentence in text for sentence in sentences):
            found.append(text)
    return sorted(set(found))


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    unlocked, _code = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        ws = Workspace(unlocked)
        for name in NAMES:
            ws.records.create("person", {"preferred_name": name, "languages": ["Spanish"], "is_demo": True})
    finally:
        unlocked.lock()
    return folder


def _window(qtbot, folder: Path, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    helpers.use_readable_font()
    win = MainWindow(Vault(folder), settings=Settings(tmp_path / "config"))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def _open_dialog(qtbot, win: MainWindow, open_it: Callable[[], None]) -> QDialog:  # type: ignore[no-untyped-def]
    before = {id(d) for d in win.findChildren(QDialog) if d.isVisible()}
    open_it()
    qtbot.waitUntil(lambda: any(d.isVisible() and id(d) not in before for d in win.findChildren(QDialog)))
    return next(d for d in win.findChildren(QDialog) if d.isVisible() and id(d) not in before)


def _all_menus(win: MainWindow) -> list[QMenu]:
    return [a.menu() for a in win.menuBar().actions() if a.menu() is not None]


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_the_translated_screens_show_no_english(qtbot, language: str, vault_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sources = english_sources()
    assert {"Unlock", "Add a new person", "Settings", "Cancel"} <= sources  # the comparison has English to find
    win = _window(qtbot, vault_dir, tmp_path)
    try:
        page = win.unlock_page
        assert page.unlock_button.text() == "Desbloquear"
        assert english_in(win, sources) == [], "the unlock page"
        helpers.shot(win, f"unlock-{language}")

        page.passphrase.setText(PASSPHRASE)
        page.try_unlock()
        qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=15_000)
        qtbot.waitUntil(lambda: win.caseload_page.count_label.text() == "4 personas", timeout=15_000)
        assert english_in(win, sources) == [], "the caseload"
        for menu in _all_menus(win):
            assert english_in(menu, sources) == [], menu.title()
        assert [menu.title() for menu in _all_menus(win)] == ["&Bóveda", "P&ersona", "&Oficina", "A&yuda"]
        helpers.shot(win, f"caseload-{language}")

        settings = _open_dialog(qtbot, win, win.open_settings)
        assert isinstance(settings, SettingsDialog)
        assert english_in(settings, sources) == [], "settings"
        language_box = settings.editors["language"]
        assert isinstance(language_box, QComboBox)
        assert [language_box.itemText(i) for i in range(3)] == ["El del sistema", "English", "Español"]
        assert any(t == "Idioma" for t in visible_texts(settings))
        helpers.shot(settings, f"settings-{language}")
        settings.reject()

        about = _open_dialog(qtbot, win, win.open_about)
        assert isinstance(about, AboutDialog)
        assert english_in(about, sources) == [], "about"
        about.reject()

        form = _open_dialog(qtbot, win, win.new_person)
        assert english_in(form, sources) == [], "the new-person form"
        assert "Aún sin preguntar" in visible_texts(form)
        helpers.shot(form, f"new-person-{language}")
        form.reject()
    finally:
        win.close()


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_the_first_run_in_spanish(qtbot, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sources = english_sources()
    win = _window(qtbot, tmp_path / "empty", tmp_path)
    try:
        first = win.first_run_page
        assert first is not None
        assert english_in(win, sources) == [], "the first run's welcome"
        helpers.shot(win, f"first-run-{language}")
        first.next_button.click()  # to "Choose a passphrase"
        qtbot.waitUntil(lambda: first.steps.currentIndex() == 1)
        assert english_in(win, sources) == [], "choosing a passphrase"
    finally:
        win.close()


def test_the_check_finds_english_when_no_translator_is_installed(qtbot, vault_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sources = english_sources()
    win = _window(qtbot, vault_dir, tmp_path)
    try:
        assert core_i18n.current_language() == "en"
        assert "Unlock" in english_in(win, sources)  # in English, the comparison does see English
    finally:
        win.close()


@pytest.mark.parametrize("language", ["pseudo"], indirect=True)
def test_pseudo_locale_screenshots(qtbot, language: str, vault_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, vault_dir, tmp_path)
    try:
        assert win.unlock_page.unlock_button.text() == core_i18n.pseudo("Unlock")
        helpers.shot(win, "unlock-pseudo")
        win.unlock_page.passphrase.setText(PASSPHRASE)
        win.unlock_page.try_unlock()
        qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=15_000)
        qtbot.waitUntil(lambda: win.caseload_page.model.total == len(NAMES), timeout=15_000)
        helpers.shot(win, "caseload-pseudo")
        form = _open_dialog(qtbot, win, win.new_person)
        helpers.shot(form, "new-person-pseudo")
        form.reject()
    finally:
        win.close()


@pytest.mark.parametrize("language", ["pseudo"], indirect=True)
def test_settings_check_boxes_are_whole_in_a_longer_language(qtbot, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.qt import QCheckBox

    dialog = SettingsDialog(Settings(tmp_path / "config"), keyring_problem=lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    helpers.shot(dialog, "settings-pseudo")
    for check in dialog.findChildren(QCheckBox):
        assert check.width() >= check.sizeHint().width(), check.text()
    dialog.reject()


@pytest.mark.parametrize("language", ["es", "pseudo"], indirect=True)
def test_every_step_of_the_first_run(qtbot, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Welcome, passphrase, practice, creating, the recovery code, the check and the lock time, in Spanish (no
    English on any step) and in the pseudo-locale (screenshots only)."""
    from app.storage import recovery
    from app.ui.first_run import FirstRunPage
    from app.ui.tasks import TaskRunner

    passphrase = "linterna órbita cactus pradera"
    sources = english_sources()
    helpers.use_readable_font()
    runner = TaskRunner()
    page = FirstRunPage(Vault(tmp_path / "new"), runner, Settings(tmp_path / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)

    def step(name: str) -> None:
        if language == "es":
            assert english_in(page, sources) == [], name
        helpers.shot(page, f"first-run-{name}-{language}")

    try:
        step("1-welcome")
        page.next_button.click()
        assert page.current_step == page.PASSPHRASE
        page.passphrase.setText(passphrase)
        page.passphrase_again.setText(passphrase)
        step("2-passphrase")
        page.next_button.click()
        assert page.current_step == page.PRACTICE
        page.practice_field.setText(passphrase)
        step("3-practice")
        page.next_button.click()
        qtbot.waitUntil(lambda: page.current_step == page.CODE, timeout=20_000)
        code = "-".join(label.text() for label in page.group_labels)
        step("4-code")
        page.next_button.click()
        assert page.current_step == page.CHECK
        for field, label in zip(page.check_fields, page.check_labels, strict=True):
            number = int(re.sub(r"\D", "", label.text()))
            field.setText(recovery.group_of(code, number - 1))
        step("5-check")
        page.next_button.click()
        assert page.current_step == page.LOCK_TIME
        if language == "es":
            assert page.lock_choice.currentText() == "5 minutos"
        step("6-lock-time")
        with qtbot.waitSignal(page.finished, timeout=5_000) as finished:
            page.next_button.click()
        finished.args[0].lock()
    finally:
        page.discard()
        runner.shutdown()


def test_the_language_setting_applies_at_start_and_the_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.settings import LANGUAGE
    from app.ui import app as app_module
    from app.ui.qt import QCoreApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.delenv("OFFRAMP_LANGUAGE", raising=False)
    settings = Settings()  # the platform's folder, which the tests' conftest points at a temporary home
    settings.set(LANGUAGE, "es")
    try:
        assert app_module.use_chosen_language(app) == "es"
        assert QCoreApplication.translate("MainWindow", "&Lock") == "&Bloquear"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # Qt's own words too
        assert core_i18n.current_language() == "es"
        i18n.uninstall(app, app_module._TRANSLATORS)
        app_module._TRANSLATORS.clear()
        assert QCoreApplication.translate("MainWindow", "&Lock") == "&Lock"

        monkeypatch.setenv("OFFRAMP_LANGUAGE", "pseudo")
        assert app_module.use_chosen_language(app) == "pseudo"
        assert QCoreApplication.translate("MainWindow", "&Lock") == core_i18n.pseudo("&Lock")
    finally:
        i18n.uninstall(app, app_module._TRANSLATORS)
        app_module._TRANSLATORS.clear()
        settings.set(LANGUAGE, "system")
