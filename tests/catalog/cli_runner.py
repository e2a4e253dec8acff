"""Running catalogue commands in-process; they need no plan database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from typer.testing import CliRunner

from careerplan.cli.main import app

ANSWERS = ",".join(["1", "1", "2", "2", "3", "3", "5", "5", "2", "2", "1", "1"] * 5)


@dataclass
class Ran:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run(*args: str, input: str | None = None) -> Ran:
    result = CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "120"})
    return Ran(result.exit_code, result.stdout, result.stderr)
