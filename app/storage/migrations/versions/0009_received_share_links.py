"""Received shares on a prosecution vault: which of this vault's people each is about, and when it was withdrawn.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

``received_share_link`` is device-local (never synced, never on the office server): see
:class:`app.models.local.ReceivedShareLink` for why.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "received_share_link",
        sa.Column("disclosure_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("linked_by", sa.String(length=36), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("shared_on", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("withdrawn_at", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("disclosure_id", name=op.f("pk_received_share_link")),
    )
    op.create_index(op.f("ix_received_share_link_person_id"), "received_share_link", ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_received_share_link_person_id"), table_name="received_share_link")
    op.drop_table("received_share_link")
