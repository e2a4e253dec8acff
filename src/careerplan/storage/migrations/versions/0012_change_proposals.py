"""change_proposals: changes an editor proposes to a plan shared with them, for its owner to
accept or decline; on PostgreSQL behind the row-level wall like the other sharing tables

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from careerplan.storage.row_wall import wall_statement

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False, server_default=""),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("goal_text", sa.Text(), nullable=False),
        sa.Column("goal_due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "kind IN ('edit_goal', 'add_action')", name=op.f("ck_change_proposals_kind")
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'accepted', 'declined', 'withdrawn')",
            name=op.f("ck_change_proposals_status"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_change_proposals_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_change_proposals_author_id_users"),
            ondelete="CASCADE",
        ),
        # A deleted goal leaves its proposals for the owner to decline, pointing nowhere.
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_change_proposals_goal_id_goals"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_proposals")),
    )
    op.create_index(op.f("ix_change_proposals_owner_id"), "change_proposals", ["owner_id"])
    op.create_index(op.f("ix_change_proposals_author_id"), "change_proposals", ["author_id"])
    op.create_index(op.f("ix_change_proposals_goal_id"), "change_proposals", ["goal_id"])

    if op.get_bind().dialect.name == "postgresql":
        # As migration 0011 does for the other sharing tables (storage/row_wall.py).
        op.execute(
            wall_statement([("change_proposals", "owner_id", "SELECT, INSERT, UPDATE, DELETE")])
        )


def downgrade() -> None:
    op.drop_table("change_proposals")
