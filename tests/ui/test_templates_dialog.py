"""Importing an office's template from the app: a good file is listed and usable for a new screening; a malformed
one is refused whole, each problem shown with its line, and nothing is stored."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from pathlib import Path

from app.core.workspace import Workspace
from app.ui.tasks import TaskRunner
from app.ui.templates_dialog import TemplatesDialog
from tests.ui.helpers import assert_all_named
from tests.unit.test_template_library import office_template


def _idle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(10)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    qtbot.wait(10)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def test_a_template_is_imported_from_the_app_and_a_broken_one_is_refused_whole(
    qtbot, runner: TaskRunner, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = TemplatesDialog(workspace, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, runner)
    before = dialog.list.count()
    assert before == 2  # the two that ship with Offramp

    broken = tmp_path / "broken.toml"
    broken.write_text(
        office_template()
        .replace('answer_type = "indicator"', 'answer_type = "maybe"', 1)
        .replace('id = "hurt"', 'id = "Hurt Twice!"', 1),
        encoding="utf-8",
    )
    dialog.import_file(broken)
    _idle(qtbot, runner)
    assert "Nothing was imported" in dialog.error.text()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert len(problems) >= 2 and all(p.startswith("Line ") for p in problems)
    assert any("answer_type" in p for p in problems) and any("Hurt Twice!" in p or ".id" in p for p in problems)
    assert len(workspace.templates.available()) == 2

    good = tmp_path / "office.toml"
    good.write_text(office_template(), encoding="utf-8")
    dialog.import_file(good)
    _idle(qtbot, runner)
    assert "Imported “Office screening” (version 3)" in dialog.status.text()
    assert not dialog.problems.isVisible()
    assert dialog.list.count() == before + 1
    assert {t.id for t in workspace.sessions.templates("screening")} == {
        "example-indicator-screening", "demo-office-screening"
    }  # fmt: skip

    binary = tmp_path / "photo.toml"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    dialog.import_file(binary)
    _idle(qtbot, runner)
    assert "not a text template" in dialog.error.text()
    assert_all_named(dialog)
