"""Refusals counted per source and five-minute window (bad signatures, enrolment tries) instead of one audit row each,
and read by enrolment's rate limit.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "refusal_count",
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=80), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("action", "reason", "source", "window_start", name=op.f("pk_refusal_count")),
    )
    op.create_index(op.f("ix_refusal_count_window_start"), "refusal_count", ["window_start"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_refusal_count_window_start"), table_name="refusal_count")
    op.drop_table("refusal_count")
