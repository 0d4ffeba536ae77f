"""Full-text search over names and aliases, and the demo flag made mandatory.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

``person.is_demo`` was nullable in 0001; measures must exclude demo people without guessing, so NULLs become false
and the column NOT NULL. SQLite cannot change nullability in place, so batch mode rebuilds ``person``: this is the
migration that would delete every child row through ON DELETE CASCADE if foreign keys were on while it runs
(app.storage.migrate turns them off and checks them before commit).

The FTS5 index is keyed by ``person.rowid`` and kept current by triggers; any later revision that rebuilds
``person`` must call :func:`create_person_search` again (a table rebuild drops its triggers and renumbers rowids).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMES = (
    "coalesce({r}.preferred_name, '') || ' ' || coalesce({r}.legal_name, '') || ' ' || "
    "coalesce((SELECT group_concat(value, ' ') FROM json_each({r}.aliases)), '')"
)


def drop_person_search() -> None:
    for trigger in ("person_fts_ai", "person_fts_ad", "person_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS person_fts")


def create_person_search() -> None:
    drop_person_search()
    op.execute(
        "CREATE VIRTUAL TABLE person_fts USING fts5("
        "names, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    op.execute(f"INSERT INTO person_fts(rowid, names) SELECT rowid, {NAMES.format(r='person')} FROM person")
    op.execute(
        "CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN "
        f"INSERT INTO person_fts(rowid, names) VALUES (new.rowid, {NAMES.format(r='new')}); END"
    )
    op.execute(
        "CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN "
        "DELETE FROM person_fts WHERE rowid = old.rowid; END"
    )
    op.execute(
        "CREATE TRIGGER person_fts_au AFTER UPDATE OF preferred_name, legal_name, aliases ON person BEGIN "
        "DELETE FROM person_fts WHERE rowid = old.rowid; "
        f"INSERT INTO person_fts(rowid, names) VALUES (new.rowid, {NAMES.format(r='new')}); END"
    )


def upgrade() -> None:
    op.execute(sa.text("UPDATE person SET is_demo = :no WHERE is_demo IS NULL").bindparams(no=False))
    _set_is_demo_nullable(False)
    if op.get_bind().dialect.name == "sqlite":
        create_person_search()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        drop_person_search()
    _set_is_demo_nullable(True)


def _set_is_demo_nullable(nullable: bool) -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite rebuilds the table; PostgreSQL alters the column in place.
        with op.batch_alter_table("person", recreate="always") as batch_op:
            batch_op.alter_column("is_demo", existing_type=sa.Boolean(), nullable=nullable)
    else:
        op.alter_column("person", "is_demo", existing_type=sa.Boolean(), nullable=nullable)
