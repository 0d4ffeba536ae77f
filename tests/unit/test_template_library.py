"""Office templates in a real vault: checked whole before storing, frozen once used, and the offramp command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.content.templates import TemplateError, bundled_templates
from app.core.workspace import Workspace
from app.models import TemplateVersion
from tests.conftest import TEST_PASSPHRASE

BUNDLED = Path(__file__).resolve().parents[2] / "app" / "content" / "bundled" / "example-indicator-screening.toml"


def office_template(version: str = "3", title: str = "Office screening") -> str:
    """The bundled example made into an office's own template (its own id and version)."""
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace('id = "example-indicator-screening"', 'id = "demo-office-screening"', 1)
    text = text.replace('version = "1"', f'version = "{version}"', 1)
    lines = text.splitlines()
    lines = [f'title = "{title}"' if line.startswith("title = ") else line for line in lines]
    return "\n".join(lines) + "\n"


def _stored(ws: Workspace) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.count()).select_from(TemplateVersion)) or 0)


def test_an_office_template_is_imported_then_listed_and_read_back_as_given(workspace: Workspace) -> None:
    result = workspace.templates.import_text(office_template(), name="office.toml")
    assert (result.template_id, result.version, result.outcome) == ("demo-office-screening", "3", "added")
    assert workspace.templates.import_text(office_template(), name="office.toml").outcome == "unchanged"
    ids = [(t.id, t.version) for t in workspace.templates.available()]
    assert ids[: len(bundled_templates())] == [(t.id, t.version) for t in bundled_templates()]
    assert ("demo-office-screening", "3") in ids
    assert workspace.templates.get("demo-office-screening", "3").title == "Office screening"
    assert any(e.action == "template_imported" for e in workspace.history())


def test_a_malformed_file_is_refused_whole_with_its_line_and_nothing_is_stored(workspace: Workspace) -> None:
    broken = office_template().replace('answer_type = "indicator"', 'answer_type = "maybe"', 1)
    with pytest.raises(TemplateError) as err:
        workspace.templates.import_text(broken, name="office.toml")
    assert "office.toml" in err.value.message and "Line " in err.value.message and "answer_type" in err.value.message
    assert _stored(workspace) == 0


def test_a_used_version_is_frozen_and_an_unused_one_may_be_replaced(workspace: Workspace) -> None:
    ws = workspace
    ws.templates.import_text(office_template(title="First wording"), name="office.toml")
    assert ws.templates.import_text(office_template(title="Better wording"), name="office.toml").outcome == "replaced"
    person = ws.records.create("person", {"preferred_name": "Template Person"})
    ws.records.create(
        "screening",
        {"template_id": "demo-office-screening", "template_version": "3", "answers": {}},
        person_id=person.id,
    )
    with pytest.raises(TemplateError) as err:
        ws.templates.import_text(office_template(title="Changed again"), name="office.toml")
    assert "already used by records" in err.value.message and "new version number" in err.value.message
    assert ws.templates.get("demo-office-screening", "3").title == "Better wording"
    assert (
        ws.templates.import_text(office_template(version="4", title="Changed again"), name="o.toml").outcome == "added"
    )


def test_a_bundled_version_cannot_be_replaced_by_an_import(workspace: Workspace) -> None:
    with pytest.raises(TemplateError) as err:
        workspace.templates.import_text(BUNDLED.read_text(encoding="utf-8"), name="copy.toml")
    assert "comes with Offramp" in err.value.message
    assert _stored(workspace) == 0


def test_the_offramp_command_imports_and_refuses_with_one_sentence(new_vault, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unlocked, _ = new_vault
    data_dir = unlocked.vault.data_dir
    unlocked.lock()
    pw = tmp_path / "pw"
    pw.write_text(TEST_PASSPHRASE + "\n")
    good, bad = tmp_path / "office.toml", tmp_path / "bad.toml"
    good.write_text(office_template(), encoding="utf-8")
    bad.write_text("id = [unclosed\n", encoding="utf-8")

    def offramp(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", "templates", *args, "--data-dir", str(data_dir), "--passphrase-file",
             str(pw)],
            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120, check=False,
        )  # fmt: skip

    imported = offramp("import", str(good))
    assert imported.returncode == 0 and "Imported 'Office screening'" in imported.stdout, imported.stderr
    refused = offramp("import", str(bad))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "bad.toml" in refused.stderr and "Line 1" in refused.stderr
    listed = offramp("list")
    assert listed.returncode == 0 and "demo-office-screening  version 3" in listed.stdout
