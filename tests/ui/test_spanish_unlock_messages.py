"""The unlock screen in Spanish shows the core's own sentences in Spanish too: a wrong passphrase, a damaged key file
and a vault already open elsewhere, each on a real SQLCipher vault (fictional data). At 1x and 2x text, nothing of
the sentence is cut off (it wraps inside the page)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import json
from pathlib import Path

import pytest

from app.storage import keyfile
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.qt import Qt
from tests.ui.helpers import UnlockHost as Host
from tests.ui.helpers import shot

PASSPHRASE = "a long test passphrase"


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    made = Vault(tmp_path / "data")
    made.create(PASSPHRASE, kdf_params=KdfParams.floor())[0].lock()
    return made


def _type(qtbot, host: Host, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    host.page.passphrase.setFocus()
    qtbot.keyClicks(host.page.passphrase, passphrase)
    qtbot.keyClick(host.page.passphrase, Qt.Key.Key_Return)


def _fits(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    status = host.page.status
    assert status.isVisible() and status.wordWrap()
    # The layout takes the new sentence's height at its next pass (a posted event), not at setText: let it settle.
    qtbot.waitUntil(lambda: status.heightForWidth(status.width()) <= status.height() + 1, timeout=3_000)
    assert status.geometry().right() <= host.page.width(), "the sentence runs past the page"
    assert status.heightForWidth(status.width()) <= status.height() + 1, "the sentence is cut off at the bottom"


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_the_unlock_screens_sentences_from_the_core_are_spanish(
    qtbot,  # type: ignore[no-untyped-def]
    language: str,
    text_size: float,
    vault: Vault,
) -> None:
    host = Host(vault)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    try:
        _journey(qtbot, host, vault, f"{text_size:g}x")
    finally:
        host.runner.shutdown()
        host.lock()


def _journey(qtbot, host: Host, vault: Vault, size: str) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, host, "not the passphrase")
    qtbot.waitUntil(lambda: "no abre esta bóveda" in host.page.status.text(), timeout=10_000)
    assert host.page.status.text().startswith("Esa frase de contraseña no abre esta bóveda. Revise las mayúsculas")
    _fits(qtbot, host)
    shot(host, f"unlock-wrong-passphrase-es-{size}")

    qtbot.waitUntil(host.page.unlock_button.isEnabled, timeout=5_000)
    body = json.loads(vault.key_path.read_text())
    body["pass_wrap"]["ct"] = keyfile._b64(b"\x00" * 48)  # the passphrase wrap damaged, its checksum now wrong
    vault.key_path.write_text(json.dumps(body, sort_keys=True, indent=1) + "\n")
    _type(qtbot, host, PASSPHRASE)
    qtbot.waitUntil(lambda: "archivo de clave" in host.page.status.text(), timeout=10_000)
    assert host.page.status.text().startswith("El archivo de clave de la bóveda está dañado")
    _fits(qtbot, host)
    shot(host, f"unlock-damaged-key-file-es-{size}")
