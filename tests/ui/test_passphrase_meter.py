"""The recovery dialog judges the new passphrase as the person types, in zxcvbn's words, and refuses a weak one
with the same sentence the vault gives (issue 16, item 6). Offscreen Qt, a real vault."""

from __future__ import annotations

from pathlib import Path

from app.core.vault_access import Vault
from app.storage.kdf import KdfParams
from app.ui.recover_dialog import RecoverDialog, _check_new_passphrases
from app.ui.tasks import TaskRunner
from tests.conftest import TEST_PASSPHRASE


def test_the_recovery_dialog_shows_the_judgment_while_typing(qtbot, runner: TaskRunner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unlocked, _code = Vault(tmp_path).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    unlocked.lock()
    dialog = RecoverDialog(Vault(tmp_path), runner, kdf_params=KdfParams.floor())
    qtbot.addWidget(dialog)
    assert dialog.strength_label.text() == ""
    assert dialog.strength_label.accessibleName() == "Passphrase strength"
    dialog.new_passphrase.setText("password12")
    assert dialog.strength_label.text() == (
        "Strength: Very easy to guess. This is a very common password. "
        "Add another word or two. Uncommon words are better."
    )
    problem = _check_new_passphrases("Summer2024!", "Summer2024!")
    assert problem is not None and problem.startswith("That passphrase would be easy for someone else to guess")
    dialog.new_passphrase.setText("lantern orbit cactus meadow")
    assert dialog.strength_label.text().startswith("Strength: Very strong.")
    assert _check_new_passphrases("lantern orbit cactus meadow", "lantern orbit cactus meadow") is None
    dialog.new_passphrase.clear()
    assert dialog.strength_label.text() == ""
