"""Schema migrations on real SQLCipher files (and on PostgreSQL for the office server's copy of the models)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext

from app.core.workspace import Workspace
from app.models import Base
from app.storage import migrate
from app.storage.engine import make_engine
from app.storage.kdf import KdfParams
from app.storage.migrate import include_object
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE

FIRST = "0001"


def _seed_first_revision_rows(engine: sa.Engine, people: int = 30) -> None:
    """Rows as the first revision stored them: is_demo left NULL, children hanging off people with CASCADE."""
    env = dict(
        schema_version=1, owner_user_id="u1", regime="advocacy", visibility="my_team", privileged=True,
        deleted=False, created_at="2025-01-01 00:00:00", edited_hlc="0000000000001.00000.dev", edited_by="u1",
        edited_device="d1", extra="{}",
    )
    with engine.begin() as conn:
        for i in range(people):
            pid = f"00000000-0000-7000-8000-{i:012d}"
            conn.execute(
                sa.text(
                    "INSERT INTO person (id, type, person_id, preferred_name, aliases, languages, age_group, is_demo, "
                    "schema_version, owner_user_id, regime, visibility, privileged, deleted, created_at, edited_hlc, "
                    "edited_by, edited_device, extra) VALUES (:id, 'person', :id, :name, :aliases, '[]', 'unknown', "
                    "NULL, :schema_version, :owner_user_id, :regime, :visibility, :privileged, :deleted, :created_at, "
                    ":edited_hlc, :edited_by, :edited_device, :extra)"
                ),
                dict(env, id=pid, name=f"Old Person {i}", aliases=f'["Nickname{i}"]'),
            )
            for _ in range(2):
                conn.execute(
                    sa.text(
                        "INSERT INTO note_entry (id, type, person_id, body, schema_version, owner_user_id, regime, "
                        "visibility, privileged, deleted, created_at, edited_hlc, edited_by, edited_device, extra) "
                        "VALUES (:id, 'note_entry', :pid, 'old note', :schema_version, :owner_user_id, :regime, "
                        ":visibility, :privileged, :deleted, :created_at, :edited_hlc, :edited_by, :edited_device, "
                        ":extra)"
                    ),
                    dict(env, id=(note_id := str(uuid.uuid4())), pid=pid),
                )
            conn.execute(
                sa.text(
                    "INSERT INTO outbox (mutation_id, record_id, record_type, schema_version, patch, deleted, "
                    "edited_hlc, created_at) VALUES (:m, :r, 'note_entry', 1, '{}', 0, :h, :c)"
                ),
                dict(m=str(uuid.uuid4()), r=note_id, h=env["edited_hlc"], c=env["created_at"]),
            )


def _counts(engine: sa.Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        people = conn.scalar(sa.text("SELECT count(*) FROM person"))
        notes = conn.scalar(sa.text("SELECT count(*) FROM note_entry"))
    return int(people or 0), int(notes or 0)


def _first_revision_vault(tmp_path: Path) -> tuple[Vault, bytearray]:
    vault = Vault(tmp_path / "data")
    unlocked, _ = vault.create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    dk = bytearray(unlocked._data_key())
    unlocked.lock()
    engine = make_engine(vault.db_path, dk)
    migrate.downgrade(engine, FIRST)
    assert migrate.current_revision(engine) == FIRST
    _seed_first_revision_rows(engine)
    engine.dispose()
    return vault, dk


def test_a_first_revision_vault_upgrades_to_head_with_its_rows_intact(tmp_path: Path) -> None:
    vault, dk = _first_revision_vault(tmp_path)

    unlocked = vault.unlock(TEST_PASSPHRASE)  # upgrades, after an encrypted backup
    assert migrate.current_revision(unlocked.engine) == migrate.head_revision()
    assert _counts(unlocked.engine) == (30, 60), "batch mode must not cascade-delete child rows"
    with unlocked.engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM person WHERE is_demo IS NULL")) == 0
        assert conn.execute(sa.text("PRAGMA foreign_key_check")).fetchall() == []
        unlinked = conn.scalar(sa.text("SELECT count(*) FROM outbox WHERE person_id IS NULL"))
        linked = conn.scalar(sa.text("SELECT count(DISTINCT person_id) FROM outbox"))
        assert (unlinked, linked) == (0, 30), "0003 links earlier outbox entries to their person"
    ws = Workspace(unlocked)
    assert [r.preferred_name for r in ws.people.search("nickname7")] == ["Old Person 7"], "FTS built from old rows"
    new = ws.records.create("person", {"preferred_name": "Brand New"})
    assert [r.id for r in ws.people.search("brand")] == [new.id], "FTS triggers work after the rebuild"
    unlocked.lock()

    backups = list((vault.data_dir / "backups").iterdir())
    assert len(backups) == 1 and backups[0].name.startswith("offramp-before-update-")
    # The backup holds the old layout and opens with the same passphrase.
    from app.storage.backup import restore_backup

    restore_backup(backups[0], tmp_path / "restored", passphrase=TEST_PASSPHRASE)
    old = make_engine(tmp_path / "restored" / "vault.db", dk)
    assert migrate.current_revision(old) == FIRST
    assert _counts(old) == (30, 60)
    old.dispose()


def test_the_cascade_trap_is_real_without_our_guard(tmp_path: Path) -> None:
    """Negative control: the same upgrade with foreign keys ON loses every child row (what migrate prevents)."""
    vault, dk = _first_revision_vault(tmp_path)
    engine = make_engine(vault.db_path, dk)  # its connect listener turns foreign_keys ON
    with engine.connect() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        with conn.begin():
            command.upgrade(cfg, "head")
    people, notes = _counts(engine)
    engine.dispose()
    assert people == 30
    assert notes == 0, "if this ever keeps the rows, the guard in app.storage.migrate may no longer be needed"


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_models_match_the_migrated_schema(new_vault) -> None:  # type: ignore[no-untyped-def]
    unlocked, _ = new_vault
    with unlocked.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object}
        )
        diffs = compare_metadata(ctx, Base.metadata)
    assert diffs == [], "a model changed without a migration: add an Alembic revision"


@pytest.mark.postgres
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrations_run_on_postgresql_and_match_the_models(pg_database: str) -> None:
    engine = sa.create_engine(pg_database)
    try:
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": include_object})
            assert compare_metadata(ctx, Base.metadata) == []
        migrate.downgrade(engine, FIRST)
        migrate.upgrade(engine)
    finally:
        engine.dispose()


def test_a_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault, _dk = _first_revision_vault(tmp_path)
    before = vault.db_path.read_bytes()

    def broken(cfg: Config, target: str) -> None:  # a revision that fails half-way through
        cfg.attributes["connection"].exec_driver_sql("UPDATE person SET preferred_name = 'half-done'")
        raise RuntimeError("simulated failure half-way")

    monkeypatch.setattr(command, "upgrade", broken)
    with pytest.raises(RuntimeError):
        vault.unlock(TEST_PASSPHRASE)
    monkeypatch.undo()
    unlocked = vault.unlock(TEST_PASSPHRASE)
    with unlocked.engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM person WHERE preferred_name = 'half-done'")) == 0
    unlocked.lock()
    assert os.path.exists(vault.db_path) and before[:16] == vault.db_path.read_bytes()[:16]
