"""The provider directory: adding and editing, CSV import that names every bad row and imports nothing until the
file is clean, export that imports again unchanged, and the ``offramp providers`` command. Real SQLCipher vaults;
every provider is fictional."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.core.providers import CSV_COLUMNS, ProviderImportError, ProviderService
from app.core.workspace import Workspace
from app.errors import ValidationError
from app.models import OutboxEntry, Provider
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE

CLEAN = (
    "name,categories,languages,serves,phone,email,website,public_address,notes\r\n"
    "Alder Demo Legal Aid,legal_record_relief; legal_civil,English; Spanish,Adults,555-0100,"
    'intake@example.org,https://example.org/alder,"1 Demo Street, Demo Town",A fictional provider\r\n'
    "Birch Demo Clinic,medical;dental,English,Anyone,,clinic@example.org,,,\r\n"
    "\r\n"
    'Hazelmark Demo Shelter,emergency_shelter,"English, Tagalog",Women and children,,,,,\r\n'
)

BAD = (
    "name,categories,email\n"
    "Alder Demo Legal Aid,legal_record_relief,intake@example.org\n"  # row 2: fine
    ",medical,clinic@example.org\n"  # row 3: no name
    "Birch Demo Clinic,food_bank,clinic@example.org\n"  # row 4: unknown category
    "Willow Demo Centre,mental_health,not-an-email\n"  # row 5: bad email
    "alder demo legal aid,legal_civil,\n"  # row 6: duplicate of row 2
    "Quillfern Demo Hub,,\n"  # row 7: no category
)


def count(ws: Workspace) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.count()).select_from(Provider)) or 0)


def test_add_and_edit_a_provider_through_the_record_service(workspace: Workspace) -> None:
    service = ProviderService(workspace)
    pid = service.save(None, {"name": "Alder Demo Legal Aid", "categories": ["legal_record_relief"],
                              "email": "intake@example.org"})  # fmt: skip
    service.save(pid, {"languages": ["Spanish"]})
    row = service.get(pid)
    assert row.languages == ["Spanish"] and row.taxonomy_version == "2026.1"
    assert [r.name for r in service.list("spanish")] == ["Alder Demo Legal Aid"]
    assert service.list("nothing-like-this") == []
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.record_id == pid)) == 2
    with pytest.raises(ValidationError) as caught:
        service.save(None, {"name": "Birch Demo Clinic", "categories": ["food_bank"]})
    assert caught.value.field == "categories" and "food_bank" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        service.save(None, {"name": "alder demo legal aid", "categories": ["medical"]})
    assert caught.value.field == "name"


def test_a_file_with_bad_rows_imports_nothing_and_names_each_row(workspace: Workspace) -> None:
    with pytest.raises(ProviderImportError) as caught:
        ProviderService(workspace).import_bytes(BAD.encode())
    found = {(p.row, p.column): p.reason for p in caught.value.problems}
    assert found[(3, "name")] == "the provider's name is missing"
    assert "'food_bank' is not a service category" in found[(4, "categories")]
    assert "does not look like an email address" in found[(5, "email")]
    assert "already on row 2" in found[(6, "name")]
    assert "no service category" in found[(7, "categories")]
    assert {p.row for p in caught.value.problems} == {3, 4, 5, 6, 7}
    assert "Nothing was imported" in caught.value.message and "row 3, 4, 5, 6, 7" in caught.value.message
    assert count(workspace) == 0


def test_a_clean_file_imports_every_row_in_one_go(workspace: Workspace) -> None:
    summary = ProviderService(workspace).import_bytes(("\ufeff" + CLEAN).encode())
    assert (summary.added, summary.updated) == (3, 0)
    rows = {r.name: r for r in ProviderService(workspace).list()}
    assert rows["Alder Demo Legal Aid"].categories == ["legal_record_relief", "legal_civil"]
    assert rows["Alder Demo Legal Aid"].public_address == "1 Demo Street, Demo Town"
    assert rows["Hazelmark Demo Shelter"].languages == ["English, Tagalog"]
    # Importing the same names again (without their ids) would make duplicates: refused, nothing changes.
    with pytest.raises(ProviderImportError) as caught:
        ProviderService(workspace).import_bytes(CLEAN.encode())
    assert {p.row for p in caught.value.problems} == {2, 3, 5}
    assert count(workspace) == 3


def test_export_round_trips(workspace: Workspace, tmp_path: Path) -> None:
    service = ProviderService(workspace)
    service.import_bytes(CLEAN.encode())
    out = tmp_path / "providers.csv"
    assert service.export_csv(out) == 3
    first = out.read_bytes()
    assert first.decode().splitlines()[0] == ",".join(CSV_COLUMNS)
    # Into the same directory: rows carry their ids, so nothing is added or changed.
    again = service.import_csv(out)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    # An edit made in the spreadsheet updates that provider.
    out.write_bytes(first.replace(b"Women and children", b"Everyone"))
    assert service.import_csv(out).updated == 1
    assert {r.serves for r in service.list("hazelmark")} == {"Everyone"}
    # Into another vault: the same providers, the same fields.
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    unlocked, _ = Vault(other_dir).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        other = ProviderService(Workspace(unlocked))
        assert other.import_csv(out).added == 3
        strip = lambda rows: [r.values() for r in rows]  # noqa: E731
        assert strip(other.list()) == strip(service.list())
    finally:
        unlocked.lock()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00binary spreadsheet", "not a CSV file saved as UTF-8"),
        ("name,categories\nCaf\u00e9 Demo,medical\n".encode("cp1252"), "not a CSV file saved as UTF-8"),
        (b"", "empty"),
        (b"title,kind\nAlder,medical\n", "no 'name' or 'categories' column"),
    ],
)
def test_a_file_that_is_not_a_provider_csv_is_refused_plainly(workspace: Workspace, data: bytes, words: str) -> None:
    with pytest.raises(ProviderImportError) as caught:
        ProviderService(workspace).import_bytes(data)
    assert words in caught.value.message
    assert count(workspace) == 0


def test_cli_import_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "vault"
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE + "\n")
    base = ["--data-dir", str(data_dir), "--passphrase-file", str(secret)]
    assert main(["vault", "create", *base, "--fast-kdf"]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD)
    capsys.readouterr()
    assert main(["providers", "import", str(bad), *base]) == 1
    err = capsys.readouterr().err
    assert "Row 4: 'food_bank' is not a service category" in err and "Nothing was imported" in err
    good = tmp_path / "good.csv"
    good.write_text(CLEAN)
    assert main(["providers", "import", str(good), *base]) == 0
    assert "3 added" in capsys.readouterr().out
    out = tmp_path / "out.csv"
    assert main(["providers", "export", str(out), *base]) == 0
    assert out.read_text().count("Demo") >= 3
