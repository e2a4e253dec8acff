"""sharing a plan: invitations and members with a role, read-only links, private goals, comment
threads and an audit log; on PostgreSQL the owner-scoped ones go behind the row-level wall

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from careerplan.storage.row_wall import wall_statement

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

NEW_TABLES = ("shares", "share_links", "private_goals", "comments", "audit_events")


def _owner(table: str) -> list[Any]:
    return [
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f(f"fk_{table}_owner_id_users"), ondelete="CASCADE"
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner("shares"),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("invited_email", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("invite_hash", sa.String(length=64), nullable=True),
        sa.Column("invite_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "role IN ('viewer', 'commenter', 'editor')", name=op.f("ck_shares_role")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["users.id"], name=op.f("fk_shares_member_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shares")),
        sa.UniqueConstraint("invite_hash", name=op.f("uq_shares_invite_hash")),
    )
    op.create_index(op.f("ix_shares_owner_id"), "shares", ["owner_id"])
    op.create_index(op.f("ix_shares_member_id"), "shares", ["member_id"])

    op.create_table(
        "share_links",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner("share_links"),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_share_links_token_hash")),
    )
    op.create_index(op.f("ix_share_links_owner_id"), "share_links", ["owner_id"])

    op.create_table(
        "private_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner("private_goals"),
        sa.Column("goal_uid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_private_goals")),
        sa.UniqueConstraint("owner_id", "goal_uid", name="uq_private_goals_owner_uid"),
    )
    op.create_index(op.f("ix_private_goals_owner_id"), "private_goals", ["owner_id"])

    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner("comments"),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("subject_kind", sa.String(length=10), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "subject_kind IN ('goal', 'action', 'review')", name=op.f("ck_comments_subject_kind")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_comments_author_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    op.create_index(op.f("ix_comments_owner_id"), "comments", ["owner_id"])
    op.create_index(op.f("ix_comments_author_id"), "comments", ["author_id"])
    op.create_index("ix_comments_subject", "comments", ["owner_id", "subject_kind", "subject_id"])

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner("audit_events"),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_audit_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index(op.f("ix_audit_events_owner_id"), "audit_events", ["owner_id"])
    op.create_index(op.f("ix_audit_events_actor_id"), "audit_events", ["actor_id"])
    op.create_index("ix_audit_events_owner_at", "audit_events", ["owner_id", "at"])

    if op.get_bind().dialect.name == "postgresql":
        # As migration 0010 does for the plan's tables (storage/row_wall.py); the grant on the
        # schema's sequences takes in the new tables' ids, which the role inserts.
        walls = [(table, "owner_id", "SELECT, INSERT, UPDATE, DELETE") for table in NEW_TABLES]
        op.execute(wall_statement(walls))


def downgrade() -> None:
    for table in reversed(NEW_TABLES):
        op.drop_table(table)
