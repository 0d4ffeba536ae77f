"""Nothing personal in plaintext on disk: a canary in every text field of every record type is found nowhere.

The canary goes through the real path a person's typing takes (RecordService create and update, a note, a search,
a backup, a migration backup), and every file under the data folder and every new file under the temp folder is
scanned for it in the encodings a leak would take: UTF-8, UTF-16, and base64 for the binary scan.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from app.core.records import columns_of
from app.core.workspace import Workspace
from app.models import RECORD_TYPES
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE

CANARY = "Qx7CanaryZw"
PARENTS = {  # record types that need another record first, and which field links them
    "safety_plan_item": ("safety_plan", "plan_id"),
    "referral_event": ("referral", "referral_id"),
    "relief_charge": ("relief_case", "case_id"),
    "relief_petition": ("relief_case", "case_id"),
    "relief_deadline": ("relief_case", "case_id"),
    "checklist_response": ("encounter", "encounter_id"),
    "charging_decision": ("justice_contact", "justice_contact_id"),
    "screening_prompt": ("justice_contact", "justice_contact_id"),
}


def _value_for(col: Any, n: int) -> Any:
    kind = col.info.get("kind")
    if kind == "text":
        text = f"{CANARY}{n}"
        limit = col.info.get("max_length")
        return text[:limit] if limit else f"{text} and more words {CANARY}"
    if kind == "list":
        return [f"{CANARY}{n}"]
    if kind == "json":
        if col.key == "charges":  # a list of charges (app/core/record_shapes.py), the canary in the offense
            return [{"offence": f"{CANARY}{n}", "statute": f"{CANARY}{n}"}]
        return {"item-1": {"answer": "yes", "note": f"{CANARY}{n}"}}
    if kind == "blob":
        return f"%PDF-1.4 scan of a signed release {CANARY}".encode()
    if kind == "choice":
        return col.info["choices"][0]
    if kind == "date":
        return dt.date(2026, 1, 2) if "expire" not in col.key else dt.date(2027, 1, 2)
    if kind == "datetime":
        return dt.datetime(2026, 1, 2, 10, 30, tzinfo=dt.UTC)
    if kind == "bool":
        return True
    if kind == "int":
        return 3
    return None


def _fill_everything(ws: Workspace) -> dict[str, str]:
    made: dict[str, str] = {}
    person = ws.records.create(
        "person", {k: _value_for(c, 0) for k, c in columns_of(RECORD_TYPES["person"]).items() if k != "date_of_birth"}
    )
    made["person"] = person.id
    order = ["provider", "consent", "encounter", "safety_plan", "referral", "relief_case", "justice_contact"]
    order += [t for t in sorted(RECORD_TYPES) if t not in order and t != "person"]
    for i, record_type in enumerate(order, start=1):
        cls = RECORD_TYPES[record_type]
        values = {}
        for key, col in columns_of(cls).items():
            if col.info.get("kind") == "ref":
                continue
            values[key] = _value_for(col, i)
        if record_type in PARENTS:
            parent_type, field = PARENTS[record_type]
            values[field] = made[parent_type]
        if record_type == "safety_plan_item":
            values["revises_id"] = None
        if record_type in ("referral", "consent"):
            values["provider_id" if record_type == "referral" else "recipient_provider_id"] = made["provider"]
        rec = ws.records.create(record_type, values, person_id=None if not cls.PERSONAL else person.id)
        made[record_type] = rec.id
    # An edit: the outbox patch and the audit trail see the change.
    ws.records.update("person", person.id, {"contact_notes": f"changed {CANARY} again"})
    ws.people.search(CANARY[:5])
    return made


def _leaks(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError:
        return []
    needles = {
        "utf-8": CANARY.encode(),
        "utf-16": CANARY.encode("utf-16-le"),
        "base64": base64.b64encode(f"scan of a signed release {CANARY}".encode())[:20],
        "lower": CANARY.lower().encode(),
    }
    return [name for name, needle in needles.items() if needle in data]


def _all_files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_canary_in_every_text_field_is_found_in_no_file(tmp_path: Path) -> None:
    temp_root = Path(tempfile.gettempdir())
    before_temp = _all_files(temp_root) - _all_files(tmp_path)
    data_dir = tmp_path / "data"
    vault = Vault(data_dir)
    # A prosecution vault: it may hold every record type (charging decisions and certification requests are kept by
    # the prosecution only).
    unlocked, _code = vault.create(TEST_PASSPHRASE, kdf_params=KdfParams.floor(), regime="prosecution")
    ws = Workspace(unlocked)
    made = _fill_everything(ws)
    assert set(made) == set(RECORD_TYPES), "every record type got a canary"

    # While the vault is open the WAL and shared-memory files hold the newest pages: scan them now.
    open_files = _all_files(data_dir)
    assert any(p.name.endswith("-wal") for p in open_files)
    leaks = {str(p): _leaks(p) for p in open_files if _leaks(p)}
    assert not leaks, f"plaintext while open: {leaks}"

    (data_dir / "backups").mkdir(exist_ok=True)
    unlocked.backup(data_dir / "backups")
    unlocked.lock()
    # Unlock again (and once after a pretend older schema would back up first), then lock.
    Vault(data_dir).unlock(TEST_PASSPHRASE, full_check=True).lock()

    scanned = _all_files(data_dir)
    assert {"vault.db", "vault.key"} <= {p.name for p in scanned}
    assert any(p.suffix == ".offramp-backup" for p in scanned)
    leaks = {str(p): _leaks(p) for p in scanned if _leaks(p)}
    assert not leaks, f"plaintext in the data folder: {leaks}"

    new_temp = _all_files(temp_root) - before_temp
    leaks = {str(p): _leaks(p) for p in new_temp if _leaks(p)}
    assert not leaks, f"plaintext in the temp folder: {leaks}"


def test_the_canary_scan_can_fail(tmp_path: Path) -> None:
    """The scanner itself finds a canary where there is one (so the test above is not vacuous)."""
    leaky = tmp_path / "leak.txt"
    leaky.write_text(f"note: {CANARY}7", encoding="utf-16-le")
    assert _leaks(leaky) == ["utf-16"]
    plain = tmp_path / "plain.db"
    import sqlite3  # the unencrypted driver, only to show what a leak looks like

    conn = sqlite3.connect(plain)
    conn.execute("create table t(x)")
    conn.execute("insert into t values (?)", (CANARY,))
    conn.commit()
    conn.close()
    assert "utf-8" in _leaks(plain)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_vault_files_are_private(new_vault) -> None:  # type: ignore[no-untyped-def]
    unlocked, _ = new_vault
    data_dir = unlocked.vault.data_dir
    assert data_dir.stat().st_mode & 0o077 == 0
    Workspace(unlocked).records.create("person", {"preferred_name": "Private Files"})
    for path in data_dir.iterdir():
        assert path.stat().st_mode & 0o077 == 0, path.name
