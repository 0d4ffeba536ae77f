"""The disclosure review appears in the person workspace for the prosecution regime only, and gathers there."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.person import PersonWorkspace
from app.ui.person.workspace import ALL_KEYS
from app.ui.qt import Qt


def _workspace(folder: Path, regime: str) -> Workspace:
    unlocked, _ = Vault(folder).create("a long test passphrase", kdf_params=KdfParams.floor(), regime=regime)
    return Workspace(unlocked)


@pytest.mark.parametrize("regime", ["prosecution", "advocacy"])
def test_the_disclosure_review_is_the_prosecutions(qtbot, runner, tmp_path: Path, regime: str) -> None:  # type: ignore[no-untyped-def]
    ws = _workspace(tmp_path / "vault", regime)
    try:
        pid = ws.records.create("person", {"preferred_name": "Eli Fictional"}).id
        ws.records.create(
            "benefit", {"kind": "relocation", "given_on": "2026-10-01", "description": "Two weeks in a motel."},
            person_id=pid,
        )  # fmt: skip
        page = PersonWorkspace(runner)
        qtbot.addWidget(page)
        page.show()
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.open(ws, pid, "disclosure")
        listed = [page.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.nav.count())]
        if regime == "advocacy":
            assert "disclosure" not in listed and page.section == "overview"
            page.show_section("disclosure")
            assert page.section == "overview"
            return
        assert listed[-2:] == ["disclosure", "certifications"]
        assert listed.index("disclosure") == ALL_KEYS.index("disclosure")
        assert page.section == "disclosure"
        page.disclosure.gather()
        qtbot.waitUntil(lambda: page.disclosure.entries.count() > 0, timeout=10_000)
        texts = [page.disclosure.entries.item(i).text() for i in range(page.disclosure.entries.count())]
        assert any("Two weeks in a motel." in t for t in texts)
        page.clear()
        assert page.disclosure.entries.count() == 0
    finally:
        ws.lock()
