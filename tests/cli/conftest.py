"""Running the command line in-process against the test database, with the fixed clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from careerplan.cli import context
from careerplan.cli.main import app
from careerplan.config import Settings
from careerplan.services.clock import FixedClock


@dataclass
class Ran:
    exit_code: int
    stdout: str
    stderr: str


Invoke = Callable[..., Ran]


@pytest.fixture
def cli(settings: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Invoke]:
    monkeypatch.setenv("CAREERPLAN_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("CAREERPLAN_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("COLUMNS", "120")
    context.use_clock(clock)
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None) -> Ran:
        context.reset()
        result = runner.invoke(app, list(args), input=input)
        return Ran(result.exit_code, result.stdout, result.stderr)

    yield invoke
    context.reset()
    context.use_clock(None)
