"""Running Alembic on a keyed vault: foreign keys off outside the transaction, a check before commit (the runner,
shared with the office server's database, is :class:`app.models.migrating.Migrations`, which says why).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app.core.i18n import _
from app.errors import MigrationFailed
from app.models.migrating import Migrations

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# FTS5 virtual tables and their shadow tables are managed by hand in the revisions.
FTS_PREFIXES = ("person_fts",)
# Expression indexes, which SQLite's reflection cannot read back; written by hand in their revisions.
EXPRESSION_INDEXES = frozenset({"ix_person_caseload"})


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """What Alembic's comparison looks at: everything but the hand-made full-text index."""
    if type_ == "index" and name in EXPRESSION_INDEXES:
        return False
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIXES))


def _broken(count: int) -> MigrationFailed:
    return MigrationFailed(
        _(
            "Updating the vault's layout would have broken links between records, so nothing was changed. Please "
            "report this to your IT contact."
        ),
        detail=f"{count} foreign key problems",
    )


MIGRATIONS = Migrations(MIGRATIONS_DIR, _broken)
alembic_config = MIGRATIONS.config
head_revision = MIGRATIONS.head
current_revision = MIGRATIONS.current
#: Bring the schema to a target ("head" by default) / step it back; see :class:`Migrations`.
upgrade = MIGRATIONS.upgrade
downgrade = MIGRATIONS.downgrade


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()
