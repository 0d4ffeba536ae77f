"""The window in the app's language: Qt Linguist catalogues and the translators installed at start.

Every string a screen shows goes through ``self.tr()`` (or ``QCoreApplication.translate(context, ...)``, or
:func:`QT_TRANSLATE_NOOP` for a constant translated where it is shown). ``make translations`` runs
``pyside6-lupdate`` over ``app/ui`` into ``offramp_<lang>.ts`` beside this file, where the translations are written,
and ``pyside6-lrelease`` into ``offramp_<lang>.qm``, which ships with the app. Plurals go through the core's
catalogue (:func:`app.core.i18n.ngettext`), so English needs no catalogue of its own.

:func:`install` is called once, before the first window: it loads Offramp's catalogue and Qt's own (the standard
buttons, the file dialogs) for the chosen language, tells the core's catalogue the same language, and for
``pseudo`` installs a translator that accents and pads every source string (:func:`app.core.i18n.pseudo`).
"""

from __future__ import annotations

from pathlib import Path

from app.core import i18n as core_i18n
from app.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

HERE = Path(__file__).resolve().parent
#: The languages with a compiled catalogue of the window's text (English is the source text itself).
CATALOGUE = "offramp_{language}.qm"
#: The locale for dates and numbers when the language chosen is not the system's: the US variant (a US office).
REGIONAL = {"es": "es_US"}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue under ``context``; translate it where it is shown, with that context."""
    return text


class PseudoTranslator(QTranslator):
    """Every string accented and padded by about a third: clipped layouts and untranslated text both show."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return core_i18n.pseudo(source_text)

    def isEmpty(self) -> bool:
        return False


def catalogue_path(language: str) -> Path:
    return HERE / CATALOGUE.format(language=language)


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Use ``language`` (a code of :data:`app.core.i18n.LANGUAGES`, or ``pseudo``) for the window and the core.

    Returns the translators installed (the application keeps them; the caller may keep them alive too).
    """
    core_i18n.set_language(language)
    installed: list[QTranslator] = []
    if language == core_i18n.PSEUDO:
        pseudo = PseudoTranslator(app)
        app.installTranslator(pseudo)
        return [pseudo]
    if language == core_i18n.DEFAULT or language not in core_i18n.LANGUAGES:
        return installed
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    ours = QTranslator(app)
    if ours.load(str(catalogue_path(language))):
        app.installTranslator(ours)
        installed.append(ours)
    # Dates, numbers and the standard dialogs follow the language chosen, when it is not the system's already.
    if QLocale.system().language() != QLocale(language).language():
        QLocale.setDefault(QLocale(REGIONAL.get(language, language)))
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Back to English (what :func:`install` did, undone; for tests that switch the language)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
    core_i18n.set_language(core_i18n.DEFAULT)


__all__ = ["QT_TRANSLATE_NOOP", "PseudoTranslator", "catalogue_path", "install", "uninstall"]
