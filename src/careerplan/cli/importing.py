"""`careerplan import FILE`: restore a JSON backup, or show what restoring it would change."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerplan.domain.errors import InvalidInput

if TYPE_CHECKING:
    from careerplan.services.restore import RestoreReport

# The largest file `import` reads: a plan of 60,000 goals backs up to far less. It is read no
# further than this, so a wrong file (a disk image, /dev/zero) is refused, not swallowed whole.
MAX_IMPORT_BYTES = 256 * 1024 * 1024


def import_backup(
    file: Annotated[
        str,
        typer.Argument(
            help="A backup made by `careerplan export --format json`; - reads standard input.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change, and change nothing.")
    ] = False,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Delete the plan that is here, then restore the backup."),
    ] = False,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="Keep the plan that is here and add the backup's goals, actions, resources, "
            "check-ins and reviews beside it (your profile, vision and preferences stay).",
        ),
    ] = False,
) -> None:
    """Restore a backup into this plan, in one go: all of it or, if anything fails, none."""
    from careerplan.cli.context import clock, workspace
    from careerplan.services.restore import RestoreMode, restore

    if replace and merge:
        raise InvalidInput("Choose one of --replace and --merge, not both.")
    mode = RestoreMode.REPLACE if replace else RestoreMode.MERGE if merge else RestoreMode.NEW
    report = restore(workspace(), clock(), _read(file), mode, dry_run)
    show(report, file)


def _read(file: str, limit: int = MAX_IMPORT_BYTES) -> bytes:
    if file == "-":
        stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
        if stream is None:  # a text stream (tests, some shells): as many characters at most
            return _within(sys.stdin.read(limit + 1).encode("utf-8"), "Standard input", limit)
        return _within(stream.read(limit + 1), "Standard input", limit)
    path = Path(file)
    try:
        with path.open("rb") as opened:
            return _within(opened.read(limit + 1), file, limit)
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {file}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{file} is a folder; name the backup file inside it.") from None
    except OSError as error:
        raise InvalidInput(f"Cannot read {file}: {error.strerror or error}.") from None


def _within(data: bytes, what: str, limit: int) -> bytes:
    if len(data) > limit:
        raise InvalidInput(
            f"{what} holds more than {_size(limit)}, more than any backup "
            "careerplan makes; nothing was read past that. Is it the right file?"
        )
    return data


def _size(count: int) -> str:
    mib = 1024 * 1024
    return f"{count // mib} MiB" if count >= mib else f"{count:,} bytes"


_DONE = {
    "new": "Restored the backup",
    "replace": "Replaced your plan with the backup",
    "merge": "Merged the backup into your plan",
}
_WOULD = {
    "new": "would restore the backup",
    "replace": "would replace your plan with the backup",
    "merge": "would merge the backup into your plan",
}


def show(report: RestoreReport, file: str) -> None:
    from rich.table import Table

    from careerplan.cli.output import console
    from careerplan.cli.text import escape

    made = report.exported_at.strftime("%Y-%m-%d %H:%M UTC")
    out = console()
    if report.dry_run:
        flag = "" if report.mode == "new" else f" --{report.mode}"
        out.print("Dry run: nothing was changed.")
        out.print(
            f"`careerplan import {escape(file)}{flag}` {_WOULD[report.mode]} made {made}:",
            soft_wrap=True,
        )
    else:
        out.print(f"{_DONE[report.mode]} made {made}.")
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("Records")
    for column in ("In backup", "Added", "Replaced", "Kept"):
        table.add_column(column, justify="right")
    for line in report.lines:
        counts = (line.in_backup, line.added, line.replaced, line.kept)
        table.add_row(line.what, *(str(count) for count in counts))
    out.print(table)
    for note in report.notes:
        out.print(f"[yellow]Note:[/] {escape(note)}", soft_wrap=True)
