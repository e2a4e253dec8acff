"""PostgreSQL's row-level security as a second wall between people's plans.

Every repository query already names its owner. On PostgreSQL each unit of work also takes the
role `careerplan_owner` for its transaction and says whose plan it is (`careerplan.owner_id`);
that role sees and changes only rows whose `owner_id` is the owner's, by the policies migration
0010 made. A query that forgot its owner then finds nothing of anyone else's.

The wall needs a role, which needs the CREATEROLE privilege once (at the migration). Where the
connecting user lacks it, the migration leaves the wall out and says so; the first wall still
holds. A table added to the plan later must get its grant and policy in its own migration: a
test fails for any owner-scoped table without them.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text

ROLE = "careerplan_owner"
OWNER_SETTING = "careerplan.owner_id"

_walled: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def has_wall(engine: Engine) -> bool:
    """Whether this database has the wall and this connection's user may take its role (asked
    once per engine)."""
    if engine.dialect.name != "postgresql":
        return False
    known = _walled.get(engine)
    if known is None:
        with engine.connect() as connection:
            known = bool(
                connection.execute(
                    text(
                        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :role) "
                        "AND pg_has_role(current_user, :role, 'MEMBER') "
                        "AND EXISTS (SELECT 1 FROM pg_policies "
                        "WHERE schemaname = current_schema() AND policyname = 'owner_rows')"
                    ),
                    {"role": ROLE},
                ).scalar()
            )
        _walled[engine] = known
    return known


def enter_wall(connection: Connection, owner_id: int) -> None:
    """For the rest of this transaction, act as `owner_id` behind the wall."""
    connection.execute(
        text("SELECT set_config('role', :role, true), set_config(:setting, :owner, true)"),
        {"role": ROLE, "setting": OWNER_SETTING, "owner": str(owner_id)},
    )


@contextmanager
def past_wall(connection: Connection) -> Iterator[None]:
    """Step out of the wall's role for a statement PostgreSQL will not run under row-level
    security (COPY), and back in after it, in the same transaction."""
    role = connection.execute(text("SELECT current_setting('role')")).scalar()
    if role != ROLE:
        yield
        return
    connection.execute(text("SELECT set_config('role', 'none', true)"))
    # Not in `finally`: a refused statement aborts the transaction, which then takes no more
    # statements, and its rollback undoes the change of role anyway.
    yield
    connection.execute(text("SELECT set_config('role', :role, true)"), {"role": ROLE})


# The owner named for the transaction, quoted for a string inside a DO block's format().
_OWNER_SQL = "NULLIF(current_setting(''careerplan.owner_id'', true), '''')::integer"


def wall_statement(walls: list[tuple[str, str, str]]) -> str:
    """One statement that puts `walls` (table, owner column, privileges) behind the wall, for
    the migrations that add tables to it (0010, 0011, 0012): a statement per table would cost
    every new database a round trip each. Policies bind only the role they name; the table's owner
    (the migrations' user) keeps its own access, which the accounts and the migrations need.
    Migrations already applied depend on what this makes: change it only by adding."""
    rows = ", ".join(f"('{table}', '{column}', '{grant}')" for table, column, grant in walls)
    return f"""
        DO $$
        DECLARE
            item record;
            walled boolean := EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}');
        BEGIN
            IF walled THEN
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO {ROLE}', current_schema());
                EXECUTE format(
                    'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO {ROLE}',
                    current_schema()
                );
            END IF;
            FOR item IN SELECT * FROM (VALUES {rows}) AS t (name, owner, privileges) LOOP
                EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', item.name);
                IF walled THEN
                    EXECUTE format('GRANT %s ON %I TO {ROLE}', item.privileges, item.name);
                    EXECUTE format(
                        'CREATE POLICY owner_rows ON %I TO {ROLE} USING (%I = {_OWNER_SQL}) '
                        'WITH CHECK (%I = {_OWNER_SQL})',
                        item.name, item.owner, item.owner
                    );
                END IF;
            END LOOP;
        END $$;
        """
