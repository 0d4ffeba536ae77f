"""Caseload support: the outbox knows each change's person, drafts survive a lock, the caseload order is indexed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

- ``outbox.person_id``: "has unsynced changes" becomes one indexed lookup. Existing entries are filled in from
  their records (the record types are listed here as they were at this revision: migrations are frozen).
- ``draft``: form contents saved into the vault when it locks, put back after unlock.
- ``ix_person_caseload``: the default caseload order (lower-cased name, then id) without sorting the table.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_TABLES = (
    "person", "justice_contact", "encounter", "checklist_response", "screening", "identification_decision",
    "safety_plan", "safety_plan_item", "safe_contact", "provider", "referral", "referral_event", "consent",
    "relief_case", "relief_charge", "relief_petition", "relief_deadline", "note_entry", "disclosure",
)


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_outbox_person_id"), ["person_id"], unique=False)
    for table in RECORD_TABLES:
        op.execute(
            sa.text(
                f"UPDATE outbox SET person_id = (SELECT t.person_id FROM {table} t WHERE t.id = outbox.record_id) "
                "WHERE outbox.record_type = :type AND outbox.person_id IS NULL"
            ).bindparams(type=table)
        )
    op.create_table(
        "draft",
        sa.Column("slot", sa.String(length=200), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_draft")),
    )
    op.create_index(
        "ix_person_caseload", "person", ["deleted", sa.text("lower(preferred_name)"), "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_person_caseload", table_name="person")
    op.drop_table("draft")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_person_id"))
        batch_op.drop_column("person_id")
