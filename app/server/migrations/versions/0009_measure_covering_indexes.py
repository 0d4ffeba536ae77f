"""Covering indexes for the outcome measures: a period's contacts (``encounter``) and service steps
(``referral_event``), and a referral's steps, are read off the index alone. Each replaces the single-column index it
starts with, so the count of indexes to keep up on every insert stays the same.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COVERS = (
    ("encounter", "ix_encounter_occurred_at_cover", ["occurred_at", "deleted", "status", "kind", "person_id"]),
    (
        "referral_event",
        "ix_referral_event_occurred_on_cover",
        ["occurred_on", "kind", "deleted", "referral_id", "person_id"],
    ),
    ("referral_event", "ix_referral_event_referral_cover", ["referral_id", "kind", "deleted", "occurred_on"]),
)
REPLACED = (
    ("encounter", "ix_encounter_occurred_at", ["occurred_at"]),
    ("referral_event", "ix_referral_event_occurred_on", ["occurred_on"]),
    ("referral_event", "ix_referral_event_referral_id", ["referral_id"]),
)


def upgrade() -> None:
    for table, name, columns in COVERS:
        op.create_index(name, table, columns, unique=False)
    for table, name, _columns in REPLACED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for table, name, columns in REPLACED:
        op.create_index(name, table, columns, unique=False)
    for table, name, _columns in COVERS:
        op.drop_index(name, table_name=table)
