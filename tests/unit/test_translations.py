"""Spanish for the screens translated so far: every string they show has a Spanish translation, in our words.

``COVERED`` lists the UI modules whose strings are all translated; extend it as more screens are translated (issue
19). The check runs ``pyside6-lupdate`` over those modules afresh, so a ``tr()`` string added to one of them and
not yet in ``app/ui/i18n/offramp_es.ts`` fails here too, as does one in the .ts without a finished translation.
Strings of the core's catalogue (``_``, ``N_``, ``ngettext``) used by those modules must be in the compiled Spanish
``offramp.mo``. The Spanish texts follow DOMAIN.md section 8 in Spanish (the survivor's copy's banned words).
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.unit.test_copy_language import BANNED_ES

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "app" / "ui"
TS = UI / "i18n" / "offramp_es.ts"
QM = UI / "i18n" / "offramp_es.qm"
PO = ROOT / "app" / "core" / "locale" / "es" / "LC_MESSAGES" / "offramp.po"
MO = PO.with_suffix(".mo")

#: The UI modules translated into Spanish, whole (paths under app/ui). Add a module here once all of its strings
#: go through tr() and have Spanish in the .ts (run `make translations`, translate, run it again).
COVERED: tuple[str, ...] = (
    "unlock.py",
    "first_run.py",
    "quick_unlock.py",
    "recover_dialog.py",
    "main_window.py",
    "caseload.py",
    "settings_dialog.py",
    "about.py",
    "errors.py",
    "new_person.py",
    "person/fields.py",
    "person/forms.py",
    "person/workspace.py",
    "person/header.py",
    "person/tables.py",
    "person/placeholders.py",
    "person/details.py",
    "person/notes.py",
    "person/prompt.py",
    "person/safety.py",
    "person/session_form.py",
    "person/screening.py",
    "person/interviews.py",
    "person/referrals.py",
    "person/share.py",
    "person/record_form.py",
    "person/section_pages.py",
    "person/relief.py",
    "person/justice.py",
    "person/received.py",
    "person/certifications.py",
    "dashboard.py",
    "person_list.py",
    "followups.py",
    "certification_register.py",
    "received.py",
    "providers.py",
    "templates_dialog.py",
    "not_accepted.py",
    "office_parts.py",
    "clipboard.py",
    "drafts.py",
    "file_dialogs.py",
    "tasks.py",
    "app.py",
    "sync_dialogs.py",
)
#: Contexts (classes) translated whole in modules not yet covered: the parts of the main window other modules add.
COVERED_CONTEXTS: tuple[str, ...] = ("SyncControls",)  # app/ui/sync_dialogs.py: the Office menu, Sync now, banner
#: Modules outside app/ui whose core-catalogue strings (N_, _, ngettext) the covered screens show.
CORE_COVERED: tuple[str, ...] = (
    "app/core/settings.py",
    "app/core/timeline.py",
    "app/core/passphrase.py",
    "app/core/intake.py",  # the possible-match lines of the new-person form
    # The person's referrals and releases: the choice words, where a release stands, why a referral is stopped.
    "app/core/referrals.py",
    "app/core/consent.py",
    "app/core/sharing.py",  # what may be shared with the prosecution, and why not
    "app/core/certifications.py",  # certification requests: forms, who asked, decisions, deadlines
    "app/core/charging.py",  # charging decisions (prosecution vaults): decisions and what informed them
    "app/core/relief.py",  # record relief: statuses, deadlines, outcomes, the rules' words around the rules
    # The quarterly report, its CSV and the funder export (with the VOCA categories they print).
    "app/reports/dates.py",
    "app/reports/periods.py",
    "app/reports/measures.py",
    "app/reports/quarterly.py",
    "app/reports/funder.py",
    "app/reports/suppression.py",
    "app/content/taxonomy.py",
    # The interview or screening PDF for the case file.
    "app/reports/session_pdf.py",
    "app/reports/sessions.py",
    "app/reports/recovery_sheet.py",
    # The prosecution's disclosure review and the page footer every report shares.
    "app/core/disclosure_review.py",
    "app/reports/disclosure_review.py",
    "app/reports/pdf.py",
    # Unlocking and keeping the vault: wrong passphrase or PIN, damaged key file or database, lock, disk, backups.
    "app/errors.py",
    "app/core/vault_access.py",
    "app/storage/backup.py",
    "app/storage/engine.py",
    "app/storage/keyfile.py",
    "app/storage/lock.py",
    "app/storage/migrate.py",
    "app/storage/quick_unlock.py",
    "app/storage/recovery.py",
    "app/storage/repair.py",
    "app/storage/strength.py",
    "app/storage/vault.py",
    # Sync now and enrolment: progress, refusals (the office's own sentences too), the summary's lines.
    "app/sync/client.py",
    "app/sync/enrol.py",
    "app/sync/run.py",
    "app/core/not_accepted.py",
    # What forms, imports and sessions refuse, and why.
    "app/core/records.py",
    "app/core/record_shapes.py",
    "app/core/providers.py",
    "app/core/templates.py",
    "app/core/safety.py",
    "app/core/sessions.py",
    "app/core/screening_prompts.py",
    "app/core/office_policy.py",
    # Conflicts to decide, the models' field labels, content files' problems and record relief's time limits.
    "app/core/conflicts.py",
    "app/models/records.py",
    "app/content/templates.py",
    "app/content/relief_rules.py",
    "app/content/charge_rules.py",
    "app/content/rule_files.py",
    "app/protocol/certs.py",  # a mistyped fingerprint when enrolling (said in the app's language by app/sync/enrol.py)
    "app/core/received.py",  # linking a share from an advocate (prosecution vaults)
)
#: Words spelled the same in Spanish: translated when the catalogue holds them, even though the text is unchanged.
SAME_IN_SPANISH: frozenset[str] = frozenset(
    {
        "Total", "{relief}: {limit}; {hearing}.", "{what}: {why}.", "no", "No", "{title}. {prompt}",
        "{reason} {follow_up}", "{kind}: {field}", "{day}, {time}", "{where}: {problem}",
    }
)

PLACEHOLDER = re.compile(r"\{\w*\}|%L?n|%\d")


def _lupdate() -> Path:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        pytest.fail("pyside6-lupdate is not installed (it comes with PySide6)")
    return Path(found)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)  # noqa: S314 - our own catalogue and what lupdate wrote from our sources
    return {
        (ctx.findtext("name") or "", message.findtext("source") or ""): message
        for ctx in tree.iter("context")
        for message in ctx.iter("message")
    }


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (
        translation is not None
        and translation.get("type") not in {"unfinished", "vanished", "obsolete"}
        and all(form.strip() for form in _forms(message))
    )


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds in the covered modules now, whatever the committed .ts says."""
    out = tmp_path_factory.mktemp("lupdate") / "covered.ts"
    sources = [str(UI / name) for name in COVERED]
    subprocess.run([str(_lupdate()), *sources, "-ts", str(out)], check=True, capture_output=True, timeout=120)
    return _messages(out)


def test_every_string_of_the_covered_screens_has_spanish(fresh: dict[tuple[str, str], ET.Element]) -> None:
    assert len(fresh) > 250, "lupdate read the covered modules"
    committed = _messages(TS)
    contexts = {key: message for key, message in committed.items() if key[0] in COVERED_CONTEXTS}
    assert len(contexts) >= 8, "the covered contexts are in the catalogue"
    fresh = {**fresh, **contexts}
    missing = [f"{context}: {source!r}" for (context, source) in fresh if (context, source) not in committed]
    assert missing == [], "not in offramp_es.ts yet: run `make translations`, then translate"
    untranslated = [f"{c}: {s!r}" for (c, s) in fresh if not _finished(committed[(c, s)])]
    assert untranslated == [], "no Spanish yet in app/ui/i18n/offramp_es.ts"


def test_the_check_catches_a_string_without_spanish(tmp_path: Path) -> None:
    module = tmp_path / "screen.py"
    module.write_text('class Screen(QWidget):\n    def f(self):\n        self.tr("A sentence nobody translated")\n')
    out = tmp_path / "screen.ts"
    subprocess.run([str(_lupdate()), str(module), "-ts", str(out)], check=True, capture_output=True, timeout=60)
    found = _messages(out)
    assert ("Screen", "A sentence nobody translated") in found
    assert ("Screen", "A sentence nobody translated") not in _messages(TS)


def test_translations_keep_placeholders_and_mnemonics() -> None:
    wrong = []
    for (context, source), message in _messages(TS).items():
        if not _finished(message):
            continue
        for form in _forms(message):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(form)) and "%n" not in source:
                wrong.append(f"{context}: {source!r} -> {form!r} (placeholders)")
            if re.search(r"&[^&\s]", source) and not re.search(r"&[^&\s]", form):
                wrong.append(f"{context}: {source!r} -> {form!r} (the & of the keyboard shortcut)")
    assert wrong == []


def test_the_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    lrelease = _lupdate().with_name("pyside6-lrelease")
    out = tmp_path / "es.qm"
    subprocess.run(
        [str(lrelease), "-nounfinished", str(TS), "-qm", str(out)], check=True, capture_output=True, timeout=60
    )
    assert out.read_bytes() == QM.read_bytes(), "run `make translations`: offramp_es.qm is older than the .ts"


def _core_strings(path: Path) -> list[tuple[str, str | None]]:
    """(singular, plural or None) of every _(), N_() and ngettext() called with literal text in ``path``."""
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        args = node.args
        literal = [a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if node.func.id in {"_", "N_"} and len(literal) == 1:
            found.append((literal[0], None))
        elif node.func.id == "ngettext" and len(literal) == 2:
            found.append((literal[0], literal[1]))
    return found


def test_the_core_catalogue_has_spanish_for_what_the_covered_screens_show() -> None:
    with MO.open("rb") as fh:
        spanish = gettext.GNUTranslations(fh)
    paths = [UI / name for name in COVERED] + [ROOT / name for name in CORE_COVERED]
    strings = [s for path in paths for s in _core_strings(path)]
    assert len(strings) >= 20, "the scan finds the settings' labels and the plurals"
    missing = []
    for singular, plural in strings:
        if plural is None:
            ok = spanish.gettext(singular) != singular or (
                singular in SAME_IN_SPANISH and singular in spanish._catalog  # type: ignore[attr-defined]
            )
        else:
            ok = spanish.ngettext(singular, plural, 1) != singular and spanish.ngettext(singular, plural, 2) != plural
        if not ok:
            missing.append(singular)
    assert missing == [], "no Spanish in app/core/locale/es/LC_MESSAGES/offramp.po (or the .mo is not compiled)"


def test_the_spanish_follows_the_language_rules() -> None:
    texts = [form for message in _messages(TS).values() if _finished(message) for form in _forms(message)]
    po = PO.read_text(encoding="utf-8")
    texts += re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', po, flags=re.MULTILINE)
    assert len(texts) > 250
    offending = [text for text in texts if BANNED_ES.search(text)]
    assert offending == [], "DOMAIN.md section 8 in Spanish: 'persona', never 'víctima', 'prostituta', 'ilegal'..."
    # Formal address: "usted", never "tú" forms in the instructions.
    informal = [t for t in texts if re.search(r"\b(tú|tienes|puedes|escribe tu|elige|pulsa)\b", t, re.IGNORECASE)]
    assert informal == []
