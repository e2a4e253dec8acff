"""profiles: the person's highest education and its field, which routes to a dream job start from

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added columns only (no table copy on SQLite): existing profiles have no education yet,
    # which the proposal treats as unknown and asks about.
    op.add_column("profiles", sa.Column("education", sa.String(40), nullable=True))
    op.add_column(
        "profiles",
        sa.Column("education_field", sa.String(200), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.drop_column("education_field")
        batch.drop_column("education")
