"""explorations: interest answers, reflection, field of interest

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "explorations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.String(length=60), nullable=False),
        sa.Column("reflection", sa.Text(), nullable=False),
        sa.Column("job_zone", sa.Integer(), nullable=True),
        sa.Column("interest_field", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "job_zone IS NULL OR (job_zone BETWEEN 1 AND 5)", name=op.f("ck_explorations_job_zone")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_explorations_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_explorations")),
        sa.UniqueConstraint("owner_id", name="uq_explorations_owner_id"),
    )
    with op.batch_alter_table("explorations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_explorations_owner_id"), ["owner_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("explorations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_explorations_owner_id"))

    op.drop_table("explorations")
