"""The S.M.A.R.T. letters read the same without colour: piped to a file, a failing letter is a
small letter, an undecided one is `?`, and the legend says so once."""

from __future__ import annotations

from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace

VAGUE = "Get better at networking"
LEGEND = "S.M.A.R.T.: a capital letter is met, a small letter is not, ? is not judged yet."


def test_goal_add_piped_shows_the_failing_letters_in_lower_case(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli("goal", "add", VAGUE, "--parent", "2")
    assert ran.exit_code == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert lines[:2] == [f"Added goal 4: {VAGUE}", "S.M.A.R.T.: sm?Rt"]
    assert lines[-1] == LEGEND
    assert lines.count(LEGEND) == 1
    assert "SMART" not in ran.stdout
    assert "\x1b[" not in ran.stdout  # no colour codes in a pipe: the case alone says it


def test_goal_tree_piped_marks_a_failing_goal_by_case_not_colour(
    cli: Invoke, story: Workspace
) -> None:
    cli("goal", "add", VAGUE, "--parent", "2")
    lines = cli("goal", "tree").stdout.splitlines()
    assert lines[-2:] == [
        f"        └── #4 {VAGUE}  0%  sm?Rt",
        LEGEND,
    ]
    assert [line.endswith("SMART") for line in lines[2:4]] == [True, True]  # goals 2 and 3 pass
    assert lines.count(LEGEND) == 1


def test_goal_list_piped_uses_the_same_letters_and_legend(cli: Invoke, story: Workspace) -> None:
    cli("goal", "add", VAGUE, "--parent", "2")
    lines = cli("goal", "list").stdout.splitlines()
    assert lines[-1] == LEGEND
    assert lines[-2].split()[0] == "4"
    assert lines[-2].endswith(" sm?Rt")


def test_goal_show_gives_the_letters_and_the_legend_once(cli: Invoke, story: Workspace) -> None:
    cli("goal", "add", VAGUE, "--parent", "2")
    out = cli("goal", "show", "4").stdout
    assert "S.M.A.R.T. sm?Rt  score 1/5" in out.splitlines()
    assert out.count(LEGEND) == 1


def test_a_goal_without_a_plan_of_its_own_gets_question_marks_when_checked() -> None:
    from typer.testing import CliRunner

    from careerplan.cli.main import app

    result = CliRunner().invoke(
        app,
        ["smart", "check", "Improve my communication skills.", "--today", "2026-11-25"],
        env={"COLUMNS": "100"},
    )
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "Improve my communication skills.",
        "S.M.A.R.T. sm??t  score 0/5",
    ]
    assert lines[-1] == LEGEND
    assert "\x1b[" not in result.stdout
