"""The `careerplan` command's entry point.

The commands a person runs many times a day (`goal list`, `today`, `--help`) are answered by
`careerplan.cli.fast`, without importing Typer and Click, whenever it can answer exactly as the full
application would; everything else goes to the full application in `careerplan.cli.root`, which
this module does not import until it is needed.
"""

from __future__ import annotations

import sys
from typing import Any

# What other modules and the tests import from here; they live in `root` and load on first use.
_FROM_ROOT = frozenset({"app", "BUSY_EXIT_CODE", "CareerplanGroup"})


def run(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    args = argv if argv is not None else sys.argv[1:]
    from careerplan.cli.fast import answer

    if answer(args):
        return
    from careerplan.cli.root import app

    app(args=args, prog_name="careerplan")


def __getattr__(name: str) -> Any:
    if name in _FROM_ROOT:
        from careerplan.cli import root

        return getattr(root, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
