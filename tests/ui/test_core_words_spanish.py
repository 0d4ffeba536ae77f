"""The core's words on two screens in Spanish, from a real vault: a change to decide (its title, the field's name, who
and when) and a change the office did not accept (its title and the field's name). Screenshots are saved for a
person to look at. All data is fictional."""

from __future__ import annotations

from typing import Any

import pytest

from app.core import conflicts, not_accepted
from app.core.workspace import Workspace
from app.ui.qt import QLabel
from app.ui.tasks import TaskRunner
from tests.ui import helpers

STAMP = "2026-12-02T15:40:00+00:00"


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_a_change_to_decide_and_one_not_accepted_speak_spanish(
    qtbot: Any, language: str, workspace: Workspace, runner: TaskRunner
) -> None:
    from app.ui.not_accepted import NotAcceptedDialog
    from app.ui.sync_dialogs import MergeDialog

    person = workspace.records.create("person", {"preferred_name": "Marisol Ejemplo", "pronouns": "ella"}).id
    conflicts.keep(workspace, [{
        "id": "c-1", "record_id": person, "record_type": "person", "person_id": person, "field": "pronouns",
        "values": [
            {"side": "base", "value": "ella"},
            {"side": "a", "value": "ella/elle", "user": "Ana Ejemplo", "device": "Portátil A", "when": STAMP},
            {"side": "b", "value": "elle", "user": None, "device": None, "when": None},
        ],
    }])  # fmt: skip
    merge = MergeDialog(workspace, runner)
    qtbot.addWidget(merge)
    merge.resize(1280, 800)
    merge.show()
    qtbot.waitUntil(lambda: merge.list.count() == 1, timeout=10_000)
    helpers.settle(qtbot, runner)
    merge.list.setCurrentRow(0)
    page = merge.detail_area.widget()
    assert page is not None
    shown = [w.text() for w in page.findChildren(QLabel)]
    assert any("Persona: Pronombres" in t for t in shown), shown
    assert any(t.startswith("alguien de la oficina, ") and "en un momento que no quedó registrado" in t for t in shown)
    assert any(t.startswith("Ana Ejemplo, ") and "2 dic 2026, " in t for t in shown), shown
    helpers.shot(merge, "conflict-core-words-es")
    merge.reject()

    with workspace.session() as s, s.begin():
        not_accepted.set_aside(s, record_type="note_entry", record_id="note-1", person_id=person,
                               patch={"body": "Prefiere mensajes de texto."}, reason="person_deleted", local=None,
                               new_record=False)  # fmt: skip
    dialog = NotAcceptedDialog(workspace, runner)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    helpers.settle(qtbot, runner)
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    assert any("Cambios en una nota sobre Marisol Ejemplo" in t for t in texts), texts
    helpers.shot(dialog, "not-accepted-core-words-es")
    dialog.reject()
