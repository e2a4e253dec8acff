"""`careerplan db ...`: where the plan lives and its schema version."""

from typing import Annotated

import typer

from careerplan.cli.apps import sub_app
from careerplan.cli.output import console, print_json

app = sub_app("The database: where it is, its schema version, upgrades.")


@app.command("info")
def info(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Show which database is used, its schema revision and how much it holds."""
    from dataclasses import asdict

    from careerplan.cli.context import workspace
    from careerplan.services.database import database_info

    details = database_info(workspace())
    if as_json:
        print_json(asdict(details))
        return
    out = console()
    out.print(f"Database: {details.url}")
    if details.path:
        out.print(f"File:     {details.path}")
    out.print(f"Schema:   revision {details.revision} (this version's latest: {details.head})")
    out.print("Holds:    " + ", ".join(f"{n} {k}" for k, n in details.counts.items()))


@app.command("upgrade")
def upgrade() -> None:
    """Apply pending schema migrations (they also apply themselves on every start)."""
    from careerplan.config import Settings
    from careerplan.services.database import upgrade_database

    before, after = upgrade_database(Settings.from_env())
    if before == after:
        console().print(f"Already up to date (revision {after}).")
    else:
        console().print(f"Upgraded from {before or 'an empty database'} to revision {after}.")
