"""row-level security on PostgreSQL: a role that sees only the rows of the owner named for the
transaction (storage/row_wall.py); nothing changes on SQLite

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

from careerplan.storage.row_wall import wall_statement

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ROLE = "careerplan_owner"
# Every table of a person's plan (storage/whole_plan.py's PLAN_TABLES), written out: a migration
# states the schema of its time, not of whatever the code says later.
PLAN_TABLES = (
    "application_contacts", "application_stages", "applications", "resumes", "skills",
    "review_entries", "reviews", "proposal_acceptances", "resource_links", "resources",
    "action_completions", "checkins", "actions", "goals", "explorations", "preferences",
    "visions", "profiles",
)  # fmt: skip


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # The role is shared by every database of the server; creating it may race another
    # migration, and a user who may not create roles goes without the wall (see row_wall.py).
    op.execute(
        f"""
        DO $$
        BEGIN
            BEGIN
                CREATE ROLE {ROLE} NOLOGIN;
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN NULL;
                WHEN insufficient_privilege THEN
                    RAISE NOTICE 'careerplan: no row-level wall (cannot create role {ROLE})';
                    RETURN;
            END;
            BEGIN
                EXECUTE format('GRANT {ROLE} TO %I', current_user);
            EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN NULL;
            END;
        END $$;
        """
    )
    walls = [(table, "owner_id", "SELECT, INSERT, UPDATE, DELETE") for table in PLAN_TABLES]
    # The person's own row: the unit of work reads and moves its plan revision.
    walls.append(("users", "id", "SELECT, UPDATE"))
    op.execute(wall_statement(walls))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in (*PLAN_TABLES, "users"):
        op.execute(f"DROP POLICY IF EXISTS owner_rows ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
