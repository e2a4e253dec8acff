"""Write `careerplan --help`'s text into src/careerplan/cli/help_text.py, which the command prints
without building the full application. Run it after changing a command's name or help; a test
fails until the kept text is the one the application prints.

    python scripts/write_cli_help.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "careerplan" / "cli" / "help_text.py"
# The full application's help, as it prints it in a terminal 80 columns wide or wider.
PRINT_HELP = "from careerplan.cli.root import app; app(['--help'], prog_name='careerplan')"


def full_help() -> str:
    env = dict(os.environ, COLUMNS="100")
    ran = subprocess.run(
        [sys.executable, "-c", PRINT_HELP], capture_output=True, text=True, env=env, check=True
    )
    return ran.stdout


def module_text(help_text: str) -> str:
    # JSON strings are Python strings, in the double quotes the formatter keeps.
    lines = "".join(
        f"    {json.dumps(line, ensure_ascii=False)}\n" for line in help_text.splitlines(True)
    )
    return (
        '"""`careerplan --help`, as the full application prints it 80 columns wide or wider.\n\n'
        "Written by scripts/write_cli_help.py; a test checks it against the application.\n"
        '"""\n\n'
        f"HELP = (\n{lines})\n"
    )


def main() -> None:
    TARGET.write_text(module_text(full_help()), encoding="utf-8")
    print(
        f"wrote {TARGET.relative_to(Path.cwd()) if TARGET.is_relative_to(Path.cwd()) else TARGET}"
    )


if __name__ == "__main__":
    main()
