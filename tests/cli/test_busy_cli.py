"""The command line tells a person the plan is busy (exit 75, nothing saved) when another
writer holds it past the wait."""

from __future__ import annotations

from tests.busy_plan import goal_count, someone_else_writing
from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace


def test_the_command_line_says_the_plan_is_busy_with_exit_75(
    impatient: Workspace, cli: Invoke
) -> None:
    with someone_else_writing(impatient):
        ran = cli("goal", "add", "Lead a team", "--parent", "1")
    assert ran.exit_code == 75
    assert ran.stderr == (
        "Error: The plan is busy: another careerplan is saving a change (or the database could "
        "not be reached). Nothing was saved; try again in a moment.\n"
    )
    assert goal_count(impatient) == 1
