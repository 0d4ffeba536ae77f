"""``python -m app --self-test``: a packaged build proves it works on this machine without touching any vault.

Opens an encrypted in-memory database with a random key (write, read, full-text search), imports every module the
desktop app and its command line may load later (``CLIENT_MODULES``: a frozen build that left one out would fail
only when a person reached that screen, or ran ``offramp-cli sync``), prints the SQLCipher and Qt versions, renders
the main window offscreen on a temporary empty folder, and exits 0; any failure prints one line and exits 1. No file
outside a temporary folder is written, and that folder is removed.
"""

from __future__ import annotations

import importlib
import os
import secrets
import sys
import tempfile
from pathlib import Path

#: Every ``app`` module the desktop client (the window and ``offramp-cli``) can load, many of them only lazily (a
#: dialog, a report, a sync). tests/unit/test_self_test.py walks the package tree and fails when a client module is
#: missing here or when this names one of ``NOT_IN_THE_APP``; installer/offramp.spec bundles exactly these.
CLIENT_MODULES: tuple[str, ...] = (
    "app",
    "app.__main__",
    "app.cli",
    "app.command_line",
    "app.errors",
    "app.memory",
    "app.self_test",
    # bundled content
    "app.content",
    "app.content.charge_rules",
    "app.content.relief_rules",
    "app.content.rule_files",
    "app.content.taxonomy",
    "app.content.templates",
    # fictional demo people (offramp demo, and the dashboard's demo period)
    "app.demo",
    "app.demo.people",
    # the core
    "app.core",
    "app.core.certifications",
    "app.core.charging",
    "app.core.conflicts",
    "app.core.consent",
    "app.core.disclosure_review",
    "app.core.drafts",
    "app.core.hlc",
    "app.core.i18n",
    "app.core.intake",
    "app.core.logs",
    "app.core.not_accepted",
    "app.core.office_policy",
    "app.core.passphrase",
    "app.core.people",
    "app.core.providers",
    "app.core.record_shapes",
    "app.core.received",
    "app.core.records",
    "app.core.referrals",
    "app.core.relief",
    "app.core.row_copy",
    "app.core.safety",
    "app.core.screening_prompts",
    "app.core.sessions",
    "app.core.settings",
    "app.core.sharing",
    "app.core.templates",
    "app.core.timeline",
    "app.core.vault_access",
    "app.core.workspace",
    # the records' tables
    "app.models",
    "app.models.base",
    "app.models.local",
    "app.models.migrating",
    "app.models.records",
    # what both sides speak
    "app.protocol",
    "app.protocol.certs",
    "app.protocol.codec",
    "app.protocol.merge",
    "app.protocol.office_policy",
    "app.protocol.schemas",
    "app.protocol.signing",
    # printed and exported documents
    "app.reports",
    "app.reports.copy_text",
    "app.reports.csv_cells",
    "app.reports.dates",
    "app.reports.disclosure_review",
    "app.reports.fonts",
    "app.reports.funder",
    "app.reports.measures",
    "app.reports.pdf",
    "app.reports.periods",
    "app.reports.protect",
    "app.reports.quarterly",
    "app.reports.recovery_sheet",
    "app.reports.session_pdf",
    "app.reports.sessions",
    "app.reports.suppression",
    "app.reports.survivor_copy",
    "app.reports.tagging",
    # the vault on disk
    "app.storage",
    "app.storage.atomic",
    "app.storage.backup",
    "app.storage.engine",
    "app.storage.kdf",
    "app.storage.keyfile",
    "app.storage.lock",
    "app.storage.migrate",
    "app.storage.quick_unlock",
    "app.storage.recovery",
    "app.storage.repair",
    "app.storage.strength",
    "app.storage.vault",
    "app.storage.versions",
    # the sync client
    "app.sync",
    "app.sync.client",
    "app.sync.enrol",
    "app.sync.run",
    "app.sync.state",
    # the window
    "app.ui",
    "app.ui.about",
    "app.ui.app",
    "app.ui.caseload",
    "app.ui.certification_register",
    "app.ui.clear_edges",
    "app.ui.clipboard",
    "app.ui.collector",
    "app.ui.dashboard",
    "app.ui.drafts",
    "app.ui.errors",
    "app.ui.file_dialogs",
    "app.ui.first_run",
    "app.ui.focus_ring",
    "app.ui.followups",
    "app.ui.i18n",
    "app.ui.main_window",
    "app.ui.new_person",
    "app.ui.not_accepted",
    "app.ui.office_parts",
    "app.ui.palette",
    "app.ui.person",
    "app.ui.person.certifications",
    "app.ui.person.data",
    "app.ui.person.details",
    "app.ui.person.fields",
    "app.ui.person.forms",
    "app.ui.person.header",
    "app.ui.person.host",
    "app.ui.person.interviews",
    "app.ui.person.justice",
    "app.ui.person.notes",
    "app.ui.person.placeholders",
    "app.ui.person.prompt",
    "app.ui.person.received",
    "app.ui.person.referrals",
    "app.ui.person.record_form",
    "app.ui.person.relief",
    "app.ui.person.safety",
    "app.ui.person.screening",
    "app.ui.person.section_pages",
    "app.ui.person.session_form",
    "app.ui.person.share",
    "app.ui.person.tables",
    "app.ui.person.workspace",
    "app.ui.person_list",
    "app.ui.providers",
    "app.ui.qt",
    "app.ui.quick_unlock",
    "app.ui.received",
    "app.ui.recover_dialog",
    "app.ui.rows",
    "app.ui.settings_dialog",
    "app.ui.style",
    "app.ui.sync_dialogs",
    "app.ui.tasks",
    "app.ui.templates_dialog",
    "app.ui.unlock",
    "app.ui.watchers",
)

#: What the desktop bundle leaves out: the office server (a package: everything under it) and the demo's modules
#: that start a local office server from the project (``make run``), which need the server code.
NOT_IN_THE_APP: tuple[str, ...] = ("app.server", "app.demo.office", "app.demo.run")


def is_client_module(name: str) -> bool:
    return not any(name == outside or name.startswith(outside + ".") for outside in NOT_IN_THE_APP)


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        sqlcipher = _check_database()
        modules = _check_modules()
        scripts = _check_pdf_fonts()
        qt = _check_window()
        languages = _check_translations()
    except Exception as exc:  # one plain line; the type only, never data
        print(f"Offramp self-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    from app import __version__

    print(
        f"Offramp {__version__} self-test passed: SQLCipher {sqlcipher}, {modules} modules, {scripts}, {qt}, "
        f"{languages}"
    )
    return 0


def _check_database() -> str:
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
        version = conn.execute("PRAGMA cipher_version").fetchone()[0]
        if not version:
            raise RuntimeError("this SQLite has no encryption")
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(name, tokenize = 'unicode61 remove_diacritics 2')")
        conn.execute("INSERT INTO t(name) VALUES ('Self Test Person')")
        hits = conn.execute("SELECT count(*) FROM t WHERE t MATCH '\"self\"*'").fetchone()[0]
        if hits != 1:
            raise RuntimeError("full-text search does not work")
    finally:
        conn.close()
    return str(version)


def _check_modules() -> int:
    """Import every client module now, so a build that lacks one fails here and not in front of a person."""
    for name in CLIENT_MODULES:
        try:
            importlib.import_module(name)
        except ImportError as exc:  # the module's name is code, never data
            raise RuntimeError(f"the module {name} is missing ({type(exc).__name__})") from exc
    return len(CLIENT_MODULES)


def _check_pdf_fonts() -> str:
    """Print a name in each script the PDFs support and read it back, so a build that lacks the fonts (package data)
    or the shaper fails here and not on the paper handed to a person."""
    import io

    from pypdf import PdfReader
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from app.reports import fonts
    from app.reports.pdf import Document

    names = ("Nguyễn", "Иван", "محمد", "שרה", "प्रिया", "王小明")
    style = ParagraphStyle("check", fontName=fonts.REGULAR, fontSize=10)
    pdf = Document(title="", side_margin=72, top_margin=72).render(
        [Paragraph(fonts.style_markup(name, style), style) for name in names]
    )
    lines = [line.strip() for line in PdfReader(io.BytesIO(pdf)).pages[0].extract_text().splitlines()]
    if lines != list(names):
        raise RuntimeError("the PDF fonts do not print every script")
    return f"PDF fonts for {len(names)} scripts"


def _check_window() -> str:
    from app.storage.vault import Vault
    from app.ui.main_window import MainWindow
    from app.ui.qt import PYSIDE6_VERSION, QApplication, qVersion

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["offramp-self-test"])
    with tempfile.TemporaryDirectory(prefix="offramp-self-test-") as folder:
        window = MainWindow(Vault(Path(folder) / "no-vault-here"))
        window.resize(800, 600)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        app.processEvents()
        if image.isNull() or image.width() < 100:
            raise RuntimeError("the window did not render")
    return f"Qt {qVersion()}, PySide6 {PYSIDE6_VERSION}"


def _check_translations() -> str:
    """Load each language's catalogues (the window's .qm, Qt's own, the core's .mo), so a build that lacks one (package
    data) fails here and not on the screen of a person who chose that language."""
    import gettext

    from app.core import i18n as core_i18n
    from app.ui.i18n import catalogue_path
    from app.ui.qt import QLibraryInfo, QTranslator

    checked = []
    for language in core_i18n.LANGUAGES:
        if language == core_i18n.DEFAULT:
            continue
        ours, qt_own = QTranslator(), QTranslator()
        if not ours.load(str(catalogue_path(language))) or ours.translate("MainWindow", "&Lock") in ("", "&Lock"):
            raise RuntimeError(f"the window's {language} catalog is missing")
        if not qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            raise RuntimeError(f"Qt's own {language} catalog is missing")
        core = gettext.translation(core_i18n.DOMAIN, localedir=core_i18n.LOCALE_DIR, languages=[language])
        if core.gettext("Language") == "Language":
            raise RuntimeError(f"the core's {language} catalog is missing")
        checked.append(language)
    return f"translations: {', '.join(checked)}"


if __name__ == "__main__":
    sys.exit(run())
