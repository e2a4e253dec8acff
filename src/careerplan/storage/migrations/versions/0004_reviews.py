"""preferences, reviews and accepted proposals

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "preferences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("review_cadence", sa.String(length=10), nullable=False),
        sa.Column("review_weekday", sa.Integer(), nullable=False),
        sa.Column("reminder_days", sa.Integer(), nullable=False),
        sa.Column("calendar_token", sa.String(length=64), nullable=True),
        sa.Column("digest_email", sa.String(length=320), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "review_cadence IN ('weekly', 'monthly', 'quarterly')",
            name=op.f("ck_preferences_review_cadence"),
        ),
        sa.CheckConstraint(
            "reminder_days BETWEEN 0 AND 30", name=op.f("ck_preferences_reminder_days")
        ),
        sa.CheckConstraint(
            "review_weekday BETWEEN 0 AND 6", name=op.f("ck_preferences_review_weekday")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_preferences_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preferences")),
        sa.UniqueConstraint("calendar_token", name=op.f("uq_preferences_calendar_token")),
        sa.UniqueConstraint("owner_id", name="uq_preferences_owner_id"),
    )
    with op.batch_alter_table("preferences", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_preferences_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("cadence", sa.String(length=10), nullable=False),
        sa.Column("went_well", sa.Text(), nullable=False),
        sa.Column("got_in_the_way", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "cadence IN ('weekly', 'monthly', 'quarterly')", name=op.f("ck_reviews_cadence")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_reviews_owner_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "proposal_acceptances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("proposal_key", sa.String(length=120), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_proposal_acceptances_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_proposal_acceptances_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_acceptances")),
        sa.UniqueConstraint("owner_id", "proposal_key", name="uq_proposal_acceptances_key"),
    )
    with op.batch_alter_table("proposal_acceptances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proposal_acceptances_goal_id"), ["goal_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proposal_acceptances_owner_id"), ["owner_id"], unique=False
        )

    op.create_table(
        "review_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("progress", sa.Float(), nullable=True),
        sa.Column("confidence", sa.Integer(), nullable=True),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "decision IN ('keep', 'adjust', 'drop', 'done')",
            name=op.f("ck_review_entries_decision"),
        ),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence BETWEEN 1 AND 5)",
            name=op.f("ck_review_entries_confidence"),
        ),
        sa.CheckConstraint(
            "progress IS NULL OR (progress BETWEEN 0 AND 100)",
            name=op.f("ck_review_entries_progress"),
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_review_entries_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_review_entries_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_entries_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_entries")),
    )
    with op.batch_alter_table("review_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_entries_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_entries_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_review_entries_review_id"), ["review_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("review_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_entries_review_id"))
        batch_op.drop_index(batch_op.f("ix_review_entries_owner_id"))
        batch_op.drop_index(batch_op.f("ix_review_entries_goal_id"))

    op.drop_table("review_entries")
    with op.batch_alter_table("proposal_acceptances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_acceptances_owner_id"))
        batch_op.drop_index(batch_op.f("ix_proposal_acceptances_goal_id"))

    op.drop_table("proposal_acceptances")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_owner_id"))

    op.drop_table("reviews")
    with op.batch_alter_table("preferences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_preferences_owner_id"))

    op.drop_table("preferences")
