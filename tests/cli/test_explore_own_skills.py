"""`careerplan explore requirements --from CODE --skill NAME=LEVEL`: the person's own levels."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from careerplan.cli.main import app

SALES, DEVELOPER = "41-4012.00", "15-1252.00"


def gap(*extra: str) -> dict[str, object]:
    ran = CliRunner().invoke(
        app, ["explore", "requirements", DEVELOPER, "--from", SALES, "--json", *extra]
    )
    assert ran.exit_code == 0, ran.stderr
    found: dict[str, object] = json.loads(ran.stdout)["gap"]
    return found


def test_a_level_the_person_gives_closes_that_gap_and_raises_the_score() -> None:
    before = gap()
    after = gap("--skill", "Computers and Electronics=6.5")
    names_before = [g["name"] for g in before["gaps"]]  # type: ignore[index, union-attr]
    names_after = [g["name"] for g in after["gaps"]]  # type: ignore[index, union-attr]
    assert names_before[0] == "Computers and Electronics"
    assert "Computers and Electronics" not in names_after
    assert after["score"] > before["score"]  # type: ignore[operator]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", SALES, "--skill", "Juggling=6"], "'Juggling' is not an O*NET skill"),
        (["--from", SALES, "--skill", "Programming=x"], "is not NAME=LEVEL"),
        (["--from", SALES, "--skill", "Programming=9"], "A level is between 0 and 7"),
        (["--skill", "Programming=5"], "add --from CODE"),
    ],
)
def test_bad_skill_levels_are_refused_with_the_fix(args: list[str], message: str) -> None:
    ran = CliRunner().invoke(app, ["explore", "requirements", DEVELOPER, *args])
    assert ran.exit_code == 2
    assert message in ran.stderr
    assert "Traceback" not in ran.stderr
