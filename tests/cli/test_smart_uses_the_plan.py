"""`smart check` judges a goal with the plan's profile, as `goal add` does: one verdict."""

from __future__ import annotations

import json

from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace

GOAL = "Earn an ADN by March 2030"


def _attainable_from_goal_add(cli: Invoke) -> dict[str, object]:
    added = json.loads(cli("goal", "add", GOAL, "--parent", "1", "--json").stdout)
    return added["goal"]["smart"]["criteria"]["attainable"]


def test_smart_check_and_goal_add_give_one_goal_the_same_attainable_verdict(
    cli: Invoke, story: Workspace
) -> None:
    checked = json.loads(cli("smart", "check", GOAL, "--json").stdout)["criteria"]["attainable"]
    added = _attainable_from_goal_add(cli)
    assert checked["reason"] == added["reason"]
    assert checked["ok"] is added["ok"] is False
    # The plan's 5 hours a week, not the default 10, carry the part-time programme.
    assert "at 5 hours a week" in str(checked["reason"])


def test_hours_given_on_the_command_line_override_the_plans(cli: Invoke, story: Workspace) -> None:
    checked = cli("smart", "check", GOAL, "--hours-per-week", "40", "--json")
    assert json.loads(checked.stdout)["attainable"] is True


def test_without_a_plan_the_check_uses_the_usual_hours_and_creates_nothing(cli: Invoke) -> None:
    checked = json.loads(cli("smart", "check", GOAL, "--json").stdout)["criteria"]["attainable"]
    assert "at 10 hours a week" in str(checked["reason"])
    assert cli("vision", "show").exit_code != 0
