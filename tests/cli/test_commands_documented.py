"""Every command is in the README's command table: an undocumented command fails the build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from careerplan.cli.main import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _groups() -> dict[str, Any]:
    """Each top-level command by name (a group's `commands` holds its sub-commands)."""
    root: Any = typer.main.get_command(app)
    return {name: command for name, command in root.commands.items() if not command.hidden}


def test_every_top_level_command_is_in_the_readme() -> None:
    names = sorted(_groups())
    assert {"init", "goal", "action", "review", "export", "import", "serve", "db"} <= set(names)
    missing = [name for name in names if f"`careerplan {name}" not in README]
    assert missing == []


def test_every_sub_command_is_named_in_the_readme() -> None:
    missing = []
    checked: set[str] = set()
    for name, group in sorted(_groups().items()):
        for sub in getattr(group, "commands", {}):
            checked.add(f"{name} {sub}")
            documented = f"careerplan {name} {sub}" in README or any(
                f"`careerplan {name} " in line and sub in line for line in README.splitlines()
            )
            if not documented:
                missing.append(f"{name} {sub}")
    assert {"goal add", "goal reopen", "review settings", "calendar feed", "db upgrade"} <= checked
    assert missing == []
