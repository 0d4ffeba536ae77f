"""A damaged middle page is named, and the way out offered, instead of failing person by person (issue 16, item
10). Real SQLCipher vaults: a few bytes flipped in pages the unlock's quick check does not read."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core.workspace import Workspace
from app.demo.people import generate
from app.errors import DatabaseDamaged
from app.models import RECORD_TYPES
from app.storage.engine import PAGE_SIZE
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def damage_middle_pages(vault: Vault, count: int = 3) -> list[int]:
    """Flip one byte in ``count`` pages in the middle of the file (1-based page numbers, as SQLite counts)."""
    pages = vault.db_path.stat().st_size // PAGE_SIZE
    hit = list(range(pages // 2, pages // 2 + count))
    with open(vault.db_path, "r+b") as fh:
        for page in hit:
            fh.seek(page * PAGE_SIZE + 200)
            byte = fh.read(1)
            fh.seek(page * PAGE_SIZE + 200)
            fh.write(bytes([byte[0] ^ 0xFF]))
    return [p + 1 for p in hit]


@pytest.fixture
def damaged(tmp_path: Path) -> Vault:
    vault = Vault(tmp_path / "vault")
    unlocked, _ = vault.create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    generate(Workspace(unlocked), persons=120, seed=3)
    unlocked.lock()
    damage_middle_pages(vault)
    return vault


def read_everything(unlocked) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace(unlocked)
    for cls in RECORD_TYPES.values():
        with ws.session() as s:
            s.scalars(sa.select(cls)).all()


def test_damage_met_while_open_is_named_at_the_next_unlock(damaged: Vault) -> None:
    unlocked = damaged.unlock(TEST_PASSPHRASE)  # the quick check reads page 1 and the page count: it opens
    with pytest.raises(DatabaseDamaged):
        read_everything(unlocked)
    unlocked.lock()
    assert damaged.damage_suspected
    with pytest.raises(DatabaseDamaged) as named:
        damaged.unlock(TEST_PASSPHRASE)  # now every page is verified
    assert "3 damaged parts found" in named.value.message
    assert "Restore the vault from its latest backup" in named.value.message
