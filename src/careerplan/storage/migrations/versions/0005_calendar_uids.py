"""goals.uid and actions.uid: calendar identities that survive a backup and restore

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TABLES = ("goals", "actions")


def upgrade() -> None:
    # The column stays nullable and its uniqueness is an index, because on SQLite anything
    # more means copying the table, and dropping the old `goals` with foreign keys on deletes
    # every action, check-in and review entry under it (ON DELETE CASCADE). The repositories
    # give every new row a uid; this fills the rows already there.
    bind = op.get_bind()
    for name in _TABLES:
        with op.batch_alter_table(name, schema=None, recreate="never") as batch_op:
            batch_op.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
        table = sa.table(name, sa.column("id", sa.Integer()), sa.column("uid", sa.String()))
        for (ident,) in bind.execute(sa.select(table.c.id).order_by(table.c.id)).all():
            bind.execute(sa.update(table).where(table.c.id == ident).values(uid=str(uuid.uuid4())))
        with op.batch_alter_table(name, schema=None, recreate="never") as batch_op:
            batch_op.create_index(f"uq_{name}_owner_uid", ["owner_id", "uid"], unique=True)


def downgrade() -> None:
    for name in reversed(_TABLES):
        with op.batch_alter_table(name, schema=None, recreate="never") as batch_op:
            batch_op.drop_index(f"uq_{name}_owner_uid")
            batch_op.drop_column("uid")
