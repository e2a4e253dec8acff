"""A plain, fast text table for long listings.

Rich's Table measures every cell for wrapping and takes seconds for a thousand rows; a plan listing
needs aligned columns and one line per row, with the widest text column cut to fit the terminal.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence


def terminal_width() -> int:
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size((100, 24)).columns


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, flexible: int, width: int
) -> list[str]:
    """Lines of an aligned table; column `flexible` is shortened (with …) to fit `width`."""
    widths = [len(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))
    gap = 2
    fixed = sum(w for i, w in enumerate(widths) if i != flexible) + gap * (len(widths) - 1)
    widths[flexible] = max(12, min(widths[flexible], width - fixed))

    def line(cells: Sequence[str]) -> str:
        out = []
        for index, cell in enumerate(cells):
            limit = widths[index]
            if len(cell) > limit:
                cell = cell[: limit - 1] + "…"
            out.append(cell.ljust(limit))
        return (" " * gap).join(out).rstrip()

    rule = (" " * gap).join("─" * w for w in widths)
    return [line(headers), rule, *(line(row) for row in rows)]


def write_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, flexible: int) -> None:
    lines = format_table(headers, rows, flexible=flexible, width=terminal_width())
    sys.stdout.write("\n".join(lines) + "\n")
