"""The office's windows in Spanish (issue 19): the provider directory, the checklist and screening templates, and
enrolling and syncing this computer with the office (with what the office did not accept).

The translators are installed as the app installs them at start, then each window is built on a real vault over a
1280x800 window and compared with the English source strings of the catalogue (tests/ui/test_spanish_window.py):
none may show in English, at the usual text size and at twice it, and nothing scrolls sideways. Screenshots are
saved to look at.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.workspace import Workspace
from app.ui.qt import QAbstractButton, QAbstractItemView, QLabel, QScrollArea, Qt, QWidget
from app.ui.tasks import TaskRunner
from tests.ui import helpers
from tests.ui.test_spanish_window import english_in, english_sources


def _window(qtbot: Any) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    return window


def _sideways(root: QWidget) -> list[str]:
    return [area.accessibleName() or type(area).__name__ for area in root.findChildren(QScrollArea)
            if area.isVisible() and area.horizontalScrollBar().maximum() > 0]  # fmt: skip


def _cut_buttons(root: QWidget) -> list[str]:
    """Visible buttons narrower than their own words: text cut off at the edges."""
    buttons = [b for b in root.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    return [b.text() for b in buttons if b.width() < b.fontMetrics().horizontalAdvance(b.text().replace("&", ""))]


def _fits(qtbot: Any, dialog: QWidget) -> None:
    qtbot.waitUntil(lambda: _sideways(dialog) == [], timeout=3_000)  # once the layouts have settled
    lists = [v.accessibleName() for v in dialog.findChildren(QAbstractItemView)
             if v.isVisible() and v.horizontalScrollBar().maximum() > 0]  # fmt: skip
    assert lists == [], "rows wrap instead of scrolling sideways"
    assert dialog.width() <= 1280 and dialog.height() <= 800
    assert _cut_buttons(dialog) == []


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_the_provider_directory_in_spanish(
    qtbot: Any, language: str, text_size: float, workspace: Workspace, runner: TaskRunner
) -> None:
    from app.core.providers import ProviderService
    from app.ui.providers import ProviderDirectoryDialog

    service = ProviderService(workspace)
    alder = {"name": "Alder Demo Legal Aid", "categories": ["legal_record_relief"], "languages": ["Spanish"]}
    service.save(None, alder)
    service.save(None, {"name": "Birch Demo Health Centre", "categories": ["medical", "mental_health"]})
    sources = english_sources()
    assert {"Provider directory", "Kinds of help (required)", "Never a shelter's address"} <= sources
    window = _window(qtbot)
    dialog = ProviderDirectoryDialog(workspace, runner, window)
    qtbot.addWidget(dialog)
    dialog.show()
    helpers.settle(qtbot, runner)
    size = "200" if text_size > 1 else "100"

    assert dialog.windowTitle() == "Directorio de proveedores"
    assert dialog.status.text() == "2 proveedores en el directorio."
    assert dialog.form_title.text() == "Proveedor nuevo"
    assert dialog.fields["public_address"].placeholderText() == "Nunca la dirección de un refugio"
    kinds = [dialog.categories.item(i).text() for i in range(dialog.categories.count())]
    assert kinds and not [k for k in kinds if k in sources], kinds  # the kinds of help in Spanish too
    assert english_in(dialog, sources) == []
    _fits(qtbot, dialog)
    helpers.shot(dialog, f"provider-directory-es-{size}")

    # A provider chosen: its kinds of help in the list and in the editor, in Spanish.
    dialog.list.setCurrentRow(0)
    assert dialog.form_title.text() == dialog.list.item(0).text().split("\n")[0]
    assert dialog.list.item(0).text().split("\n")[1] not in sources
    assert english_in(dialog, sources) == []
    helpers.shot(dialog, f"provider-directory-chosen-es-{size}")

    # A new one saved, and the words that say so.
    dialog.start_new()
    dialog.fields["name"].setText("Hazel Demo Peer Circle")
    dialog.categories.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.save()
    helpers.settle(qtbot, runner)
    assert dialog.status.text() == "Guardado.", dialog.error.text()
    assert dialog.list.count() == 3
    assert english_in(dialog, sources) == []
    _fits(qtbot, dialog)
    dialog.reject()


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_the_templates_in_spanish(
    qtbot: Any, language: str, text_size: float, workspace: Workspace, runner: TaskRunner, tmp_path: Path
) -> None:
    from app.ui.templates_dialog import TemplatesDialog
    from tests.unit.test_template_library import office_template

    sources = english_sources()
    assert {"Checklist and screening templates", "not used yet"} <= sources
    window = _window(qtbot)
    dialog = TemplatesDialog(workspace, runner, window)
    qtbot.addWidget(dialog)
    dialog.show()
    helpers.settle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.list.count() == 2 and dialog.rules_list.count() > 0, timeout=10_000)
    size = "200" if text_size > 1 else "100"

    assert dialog.windowTitle() == "Plantillas de listas de entrevista y de evaluación"
    rows = [dialog.list.item(i).text().split("\n")[1] for i in range(dialog.list.count())]
    assert any(r.startswith("Lista de entrevista · ") for r in rows) and all("· versión " in r for r in rows), rows
    assert all(r.endswith("todavía sin usar") for r in rows), rows
    rules = dialog.rules_list.item(0).text().split("\n")[1]
    assert " tipos de cargo · viene con Offramp" in rules, rules
    assert english_in(dialog, sources) == []
    _fits(qtbot, dialog)
    helpers.shot(dialog, f"templates-es-{size}")

    # A file that is not text is refused in Spanish; the office's own template is imported.
    binary = tmp_path / "photo.toml"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    dialog.import_file(binary)
    helpers.settle(qtbot, runner)
    assert dialog.error.text() == ("Ese archivo no es una plantilla de texto. Elija el archivo .toml, por favor.")
    assert english_in(dialog, sources) == []
    helpers.shot(dialog, f"templates-refused-es-{size}")
    good = tmp_path / "office.toml"
    good.write_text(office_template(), encoding="utf-8")
    dialog.import_file(good)
    helpers.settle(qtbot, runner)
    assert dialog.status.text() == "Se importó «Office screening» (versión 3)."
    qtbot.waitUntil(lambda: dialog.list.count() == 3, timeout=10_000)
    assert english_in(dialog, sources) == []
    _fits(qtbot, dialog)
    helpers.shot(dialog, f"templates-imported-es-{size}")
    dialog.reject()


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_enrolling_and_syncing_in_spanish(
    qtbot: Any, language: str, text_size: float, new_vault: Any, workspace: Workspace, runner: TaskRunner
) -> None:
    from app.core.not_accepted import items, set_aside
    from app.core.timeline import day_words
    from app.sync.client import Report
    from app.sync.run import Summary
    from app.ui.not_accepted import NotAcceptedDialog
    from app.ui.sync_dialogs import EnrolDialog, SyncDialog

    sources = english_sources()
    assert {"Enroll this computer with your office", "Sync with the office"} <= sources
    window = _window(qtbot)
    size = "200" if text_size > 1 else "100"

    enrol = EnrolDialog(new_vault[0], runner, window)
    qtbot.addWidget(enrol)
    enrol.show()
    assert enrol.windowTitle() == "Inscribir este equipo"
    enrol.start()  # nothing typed: it asks for the server's address first
    assert enrol.status.text() == "Escriba la dirección del servidor que figura en la hoja, por favor."
    assert english_in(enrol, sources) == []
    _fits(qtbot, enrol)
    helpers.shot(enrol, f"enrol-es-{size}")
    enrol.reject()

    # Not enrolled yet: the sync window says what to do, in Spanish.
    sync = SyncDialog(workspace, runner, window)
    qtbot.addWidget(sync)
    sync.show()
    helpers.settle(qtbot, runner)
    assert sync.heading.text() == "Este equipo todavía no está inscrito"
    assert english_in(sync, sources) == []
    helpers.shot(sync, f"sync-not-enrolled-es-{size}")
    # What a sync's summary says, each count with its plural form.
    report = Report(sent=1, received=3, not_accepted={"n1": "note_entry", "p1": "person"}, waiting=2)
    sync._finished(Summary(report=report, needs_decision=1))
    text = sync.body.text()
    assert text.startswith("Enviado a la oficina: 1 cambio.\n\nRecibido de la oficina: 3 registros."), text
    assert "Necesita su decisión: 1 cambio que dos personas hicieron de forma distinta." in text
    assert "No aceptado por la oficina: su trabajo en 2 registros." in text
    assert "En espera aquí: 2 cambios a un registro cuyos vínculos la oficina todavía no tiene." in text
    assert sync.decide_button.text() == "Decidir ahora…"
    assert english_in(sync, sources) == []
    _fits(qtbot, sync)
    helpers.shot(sync, f"sync-summary-es-{size}")
    sync.reject()

    nothing = NotAcceptedDialog(workspace, runner, window)
    qtbot.addWidget(nothing)
    nothing.show()
    helpers.settle(qtbot, runner)
    assert nothing.windowTitle() == "No aceptado por la oficina"
    assert english_in(nothing, sources) == []
    helpers.shot(nothing, f"not-accepted-es-{size}")
    nothing.reject()

    # A note the office did not take: its day and time as every screen says them, in Spanish.
    with workspace.session() as s, s.begin():
        set_aside(s, record_type="note_entry", record_id="n1", person_id=None, patch={"body": "Llamó el martes."},
                  reason="person_deleted", local=None, new_record=True)  # fmt: skip
    kept = NotAcceptedDialog(workspace, runner, window)
    qtbot.addWidget(kept)
    kept.show()
    helpers.settle(qtbot, runner)
    at = items(workspace)[0].at.astimezone()
    assert kept.list.item(0).text().split("\n")[1] == f"{day_words(at.date())}, {at:%H:%M}"
    assert day_words(dt.date(2026, 12, 4)) == "4 dic 2026"
    assert english_in(kept, sources) == []
    _fits(qtbot, kept)
    helpers.shot(kept, f"not-accepted-item-es-{size}")
    kept.reject()


def _page(dialog: Any) -> QWidget:
    page = dialog.detail_area.widget()
    assert isinstance(page, QWidget)
    return page


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_the_changes_to_decide_in_spanish(
    qtbot: Any, language: str, text_size: float, workspace: Workspace, runner: TaskRunner
) -> None:
    from app.core.conflicts import Competing, Group
    from app.ui.sync_dialogs import MergeDialog

    sources = english_sources()
    assert {"Changes that need your decision", "Keep this version"} <= sources
    window = _window(qtbot)
    dialog = MergeDialog(workspace, runner, window)
    qtbot.addWidget(dialog)
    dialog.show()
    helpers.settle(qtbot, runner)
    size = "200" if text_size > 1 else "100"
    assert dialog.windowTitle() == "Cambios que necesitan una decisión"
    assert english_in(dialog, sources) == []
    helpers.shot(dialog, f"merge-nothing-es-{size}")

    # Two versions of a note's text (a proposed combination to accept or edit), and a record deleted on one computer.
    versions = [
        Competing("Prefiere que la llamen por la tarde.", "Ana Example", "d1", "2 dic 2026, 10:15", True),
        Competing("Prefiere mensajes de texto.", "Bo Example", "d2", "2 dic 2026, 11:40", False, decision=True),
    ]
    text = Group(["c1"], "note_entry", "r1", "p1", "Marisol Example", "text", "Text", "text", None,
                 versions[0].value, versions)  # fmt: skip
    gone = Group(["c2"], "note_entry", "r2", None, "", "", "", "record", None, None, [], whole_record=True)
    dialog._loaded([text, gone])
    shown = [w.text() for w in _page(dialog).findChildren(QLabel)]
    assert "Al principio era: (no hay nada escrito)" in shown, shown
    assert "Decisión de Bo Example, en otro equipo, 2 dic 2026, 11:40" in shown, shown
    assert "Ana Example, en este equipo, 2 dic 2026, 10:15" in shown, shown
    assert english_in(dialog, sources) == []
    _fits(qtbot, dialog)
    helpers.shot(dialog, f"merge-text-es-{size}")
    assert dialog.list.item(1).text().startswith("un registro\n"), dialog.list.item(1).text()
    dialog.list.setCurrentRow(1)
    assert _page(dialog).findChildren(QLabel)[0].text().startswith("Un registro: ")
    assert english_in(dialog, sources) == []
    helpers.shot(dialog, f"merge-deleted-es-{size}")
    dialog.reject()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A real office server process on loopback (as tests/ui/test_sync_ui.py's)."""
    from tests.sync.conftest import sqlite_office

    with sqlite_office(tmp_path_factory.mktemp("es-office"), [("Advocacy A", "advocacy")]) as the:
        yield the


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_enrolling_with_a_real_office_and_syncing_in_spanish(
    qtbot: Any, language: str, text_size: float, office: Any, tmp_path: Path, runner: TaskRunner
) -> None:
    from app.protocol import certs
    from app.storage.kdf import KdfParams
    from app.storage.vault import Vault
    from app.ui.sync_dialogs import EnrolDialog, SyncDialog
    from tests.conftest import TEST_PASSPHRASE

    sources = english_sources()
    size = "200" if text_size > 1 else "100"
    unlocked, _code = Vault(tmp_path / "laptop").create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        ws = Workspace(unlocked)
        for name in ("Avery Example", "Noor Example"):
            ws.records.create("person", {"preferred_name": name})
        window = _window(qtbot)
        enrol = EnrolDialog(unlocked, runner, window)
        qtbot.addWidget(enrol)
        enrol.show()
        username = office.user("Advocacy A", "advocate")
        enrol.server.setText(office.url)
        enrol.code.setText(office.code(username))
        enrol.fingerprint.setText(certs.fingerprint(office.ca_pem))
        enrol.passphrase.setText(TEST_PASSPHRASE)
        enrol.start()
        qtbot.waitUntil(lambda: enrol._done, timeout=30_000)
        said = enrol.status.text()
        assert said.startswith(f"Este equipo está inscrito en Riverside Office como {username} (Advocacy A).")
        assert "2 registros que ya están aquí irán a la oficina en su próxima sincronización." in said, said
        assert enrol.enrol_button.text() == "Listo"
        assert english_in(enrol, sources) == []
        _fits(qtbot, enrol)
        layout = enrol.layout()
        assert layout is not None and layout.totalHeightForWidth(enrol.width()) <= enrol.height()  # nothing cut off
        helpers.shot(enrol, f"enrol-done-es-{size}")
        enrol.accept()

        sync = SyncDialog(ws, runner, window, timeout=20)
        qtbot.addWidget(sync)
        sync.show()
        qtbot.waitUntil(lambda: sync.go_button.isVisible() and sync.go_button.isEnabled(), timeout=30_000)
        assert sync.heading.text() == "Todo listo para sincronizar con su oficina"
        assert sync.body.text().startswith(f"Servidor de la oficina: {office.url}\n\nPara enviar desde este equipo:")
        assert english_in(sync, sources) == []
        _fits(qtbot, sync)
        helpers.shot(sync, f"sync-preview-es-{size}")
        sync.start()
        qtbot.waitUntil(lambda: not sync.running, timeout=30_000)
        assert sync.heading.text() == "Sincronización terminada", sync.body.text()
        assert sync.body.text().startswith("Enviado a la oficina: 2 cambios."), sync.body.text()
        assert english_in(sync, sources) == []
        _fits(qtbot, sync)
        helpers.shot(sync, f"sync-done-es-{size}")
        sync.reject()
    finally:
        unlocked.lock()


@pytest.mark.parametrize("language", ["pseudo"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_the_office_windows_in_the_pseudo_locale(
    qtbot: Any, language: str, text_size: float, new_vault: Any, workspace: Workspace, runner: TaskRunner
) -> None:
    """Every word accented and a third longer: what a longer language would clip or push sideways shows here."""
    from app.ui.providers import ProviderDirectoryDialog
    from app.ui.sync_dialogs import EnrolDialog, MergeDialog
    from app.ui.templates_dialog import TemplatesDialog

    window = _window(qtbot)
    size = "200" if text_size > 1 else "100"
    for name, make in (
        ("provider-directory", lambda: ProviderDirectoryDialog(workspace, runner, window)),
        ("templates", lambda: TemplatesDialog(workspace, runner, window)),
        ("enrol", lambda: EnrolDialog(new_vault[0], runner, window)),
        ("merge", lambda: MergeDialog(workspace, runner, window)),
    ):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        helpers.settle(qtbot, runner)
        _fits(qtbot, dialog)
        helpers.shot(dialog, f"{name}-pseudo-{size}")
        dialog.reject()
