"""Per-device deliveries: which record each device holds at which revision (reconciliation, exposure reports),
and the pending deliveries of a served pull page until the device confirms it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "delivery",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "record_id", name=op.f("pk_delivery")),
    )
    op.create_table(
        "delivery_pending",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("page_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", "page_id", "record_id", name=op.f("pk_delivery_pending")),
    )


def downgrade() -> None:
    op.drop_table("delivery_pending")
    op.drop_table("delivery")
