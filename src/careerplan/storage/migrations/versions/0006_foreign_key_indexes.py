"""indexes on the foreign keys deletes look up: goals.parent_id, resource_links.goal_id and
resource_links.action_id

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Deleting a goal sets its sub-goals' parent_id to NULL and deletes its resource links, and
# deleting an action deletes its links: each is a lookup by these columns, which no index led
# (ix_goals_owner_parent starts with owner_id), so emptying a plan read the goals table once per
# goal. Plain CREATE INDEX on both databases: no table is copied.
_INDEXES = (
    ("goals", "parent_id"),
    ("resource_links", "goal_id"),
    ("resource_links", "action_id"),
)


def upgrade() -> None:
    for table, column in _INDEXES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(_INDEXES):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
