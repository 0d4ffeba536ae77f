"""A share with the prosecution carries the last day of the release it was made under (``disclosure.release_until``),
kept by the office as the advocate's computer sent it, and sent on to the prosecution team with the share.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Rebuilding a table on SQLite must not reflect the tables it points at: the person table's expression index
# cannot be reflected and would only warn.
_NO_FK_REFLECTION = {"resolve_fks": False}


def upgrade() -> None:
    with op.batch_alter_table("disclosure", schema=None, reflect_kwargs=_NO_FK_REFLECTION) as batch_op:
        batch_op.add_column(sa.Column("release_until", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("disclosure", schema=None, reflect_kwargs=_NO_FK_REFLECTION) as batch_op:
        batch_op.drop_column("release_until")
