"""`careerplan export`: the plan as Markdown, PDF, iCalendar, a JSON backup or CSV."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from careerplan.cli import context
from careerplan.domain.errors import InvalidInput, StorageProblem

FORMAT_HELP = (
    "markdown, pdf, card (the commitment card as PDF), ics, json (a backup) or csv. "
    "Default: markdown."
)


def export(
    format_name: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "markdown",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of standard output (a PDF always goes to a file: "
            "careerplan-plan.pdf in this folder unless you name one).",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Export the whole plan, for a calendar, a printer, a spreadsheet or a backup."""
    from careerplan.services.exporting import export_format, export_plan

    chosen = export_format(format_name)
    to_stdout = output is None or str(output) == "-"  # `-o -`: standard output, as is usual
    if to_stdout and not chosen.is_text:
        if output is not None:
            raise InvalidInput("A PDF goes to a file, not to standard output: name one with -o.")
        output = Path(f"careerplan-{'card' if chosen.name == 'card' else 'plan'}.pdf")
        to_stdout = False
    data = export_plan(context.workspace(), context.clock(), chosen.name)
    if to_stdout or output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    replaced = output.exists()
    _write_whole(output, data)
    what = "Replaced" if replaced else "Wrote"
    typer.echo(f"{what} {output} ({len(data):,} bytes, {chosen.description}).", err=True)


def _write_whole(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failed export never leaves half a file."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(f"Cannot write {path}: the folder {folder} does not exist.")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".careerplan-", suffix=".part")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        # mkstemp makes the file readable by its owner only; the export gets the permissions
        # any other program writing it would give (a calendar file served by a web server,
        # a plan shared with a mentor through a group folder).
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise StorageProblem(f"Cannot write {path}: {error.strerror or error}.") from None


def _mode_for(path: Path) -> int:
    """The file's own permissions when it exists (they were chosen), else the umask's."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
