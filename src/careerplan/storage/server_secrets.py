"""Secrets shared by every process that serves one database, kept in it."""

from __future__ import annotations

import secrets

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from careerplan.storage import tables


def server_secret(engine: Engine, name: str) -> bytes:
    """The secret called `name`, made on first use. Two processes starting together may both
    try to make it: the second insert is refused and that process reads the first one's."""
    table = tables.server_secrets
    query = select(table.c.value).where(table.c.name == name)
    with engine.connect() as connection:
        found = connection.execute(query).scalar()
    if found is None:
        try:
            with engine.begin() as connection:
                connection.execute(insert(table).values(name=name, value=secrets.token_hex(32)))
        except IntegrityError:
            pass
        with engine.connect() as connection:
            found = connection.execute(query).scalar_one()
    return bytes.fromhex(found)
