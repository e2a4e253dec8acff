"""The command line in a process of its own, reading the suite's fixed clock:
`python -m tests.cli.fixed_clock_cli goal list` is `careerplan goal list` on 25 November 2026."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.conftest import NOW

from careerplan.cli import context
from careerplan.cli.main import run
from careerplan.services.clock import FixedClock

PROJECT = Path(__file__).resolve().parents[2]


def command(*args: str) -> list[str]:
    """The argument list that runs `careerplan *args` on the fixed clock."""
    return [sys.executable, "-m", "tests.cli.fixed_clock_cli", *args]


def environment(variables: dict[str, str]) -> dict[str, str]:
    """`variables` plus what the child needs to import this module."""
    return {
        **variables,
        "PYTHONPATH": os.pathsep.join([str(PROJECT), variables.get("PYTHONPATH", "")]),
    }


if __name__ == "__main__":
    context.use_clock(FixedClock(NOW))
    run(sys.argv[1:])
