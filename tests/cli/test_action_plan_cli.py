"""`careerplan action add|list|done`, `resource add|list|link` and `checkin`."""

from __future__ import annotations

import json

from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace


def test_action_add_one_off_and_repeating(cli: Invoke, story: Workspace) -> None:
    ran = cli("action", "add", "3", "Book the exam", "--due", "+2w")
    assert (ran.exit_code, ran.stdout) == (
        0,
        "Added action 2 to goal 3: Book the exam, due 2026-12-09\n",
    )
    data = json.loads(
        cli("action", "add", "2", "Weekly 1:1", "--repeat", "freq=weekly", "--json").stdout
    )
    assert (data["id"], data["goal_id"], data["repeat"], data["done"]) == (
        3,
        2,
        "FREQ=WEEKLY",
        False,
    )


def test_action_done_logs_completions_and_the_streak(cli: Invoke, story: Workspace) -> None:
    ran = cli("action", "done", "1", "--note", "Product meetup")
    assert (ran.exit_code, ran.stdout) == (
        0,
        "Logged action 1: Attend one industry networking event. Streak: 1.\n",
    )
    data = json.loads(cli("action", "done", "1", "--on", "yesterday", "--json").stdout)
    assert data["completions"] == [
        {"done_on": "2026-11-24", "note": ""},
        {"done_on": "2026-11-25", "note": "Product meetup"},
    ]
    assert (data["done"], data["repeat_state"]["completions"], data["repeat_state"]["streak"]) == (
        False,
        2,
        1,
    )


def test_a_one_off_action_cannot_be_done_twice(cli: Invoke, story: Workspace) -> None:
    cli("action", "add", "3", "Book the exam")
    assert cli("action", "done", "2").exit_code == 0
    ran = cli("action", "done", "2")
    assert (ran.exit_code, ran.stderr) == (1, "Error: Action 2 is already done.\n")


def test_action_list_and_json(cli: Invoke, story: Workspace) -> None:
    cli("action", "add", "2", "Ask for a stretch project", "--due", "2026-12-15")
    lines = cli("action", "list").stdout.splitlines()
    assert [line.split("│")[0].strip() for line in lines[2:]] == ["1", "2"]
    assert "every month" in lines[2]
    assert "2026-12-15" in lines[3]
    rows = json.loads(cli("action", "list", "--goal", "2", "--json").stdout)
    assert [(r["id"], r["due"], r["repeat_state"]) for r in rows] == [(2, "2026-12-15", None)]


def test_action_list_on_an_empty_plan_says_how_to_add_one(
    cli: Invoke, workspace: Workspace
) -> None:
    assert cli("action", "list").stdout == (
        'No actions yet. Add one with `careerplan action add GOAL_ID "TEXT" --due +2w`.\n'
    )


def test_action_done_in_the_future_exits_2(cli: Invoke, story: Workspace) -> None:
    ran = cli("action", "done", "1", "--on", "tomorrow")
    assert (ran.exit_code, ran.stderr) == (
        2,
        "Error: 2026-11-26 is in the future; log a completion once it happened.\n",
    )


def test_resource_add_list_and_link(cli: Invoke, story: Workspace) -> None:
    ran = cli("resource", "add", "person", "Sam", "--contact", "sam@example.org", "--goal", "2")
    assert (ran.exit_code, ran.stdout) == (0, "Added resource 1: Sam (person)\n")
    assert (
        cli("resource", "link", "1", "--action", "1").stdout == "Linked resource 1 and action 1.\n"
    )
    assert cli("resource", "link", "1", "--action", "1").stdout == (
        "Linked resource 1 and action 1 (nothing to change).\n"
    )
    assert (
        cli("resource", "link", "1", "--goal", "2", "--remove").stdout
        == "Unlinked resource 1 and goal 2.\n"
    )
    rows = json.loads(cli("resource", "list", "--json").stdout)
    assert [(r["name"], r["contact"], r["goal_ids"], r["action_ids"]) for r in rows] == [
        ("Sam", "sam@example.org", [], [1])
    ]
    assert json.loads(cli("resource", "list", "--goal", "3", "--json").stdout)[0]["id"] == 1


def test_resource_kinds_take_the_articles_names(cli: Invoke, story: Workspace) -> None:
    kinds = [
        json.loads(cli("resource", "add", kind, "x", "--json").stdout)["kind"]
        for kind in ("online", "program", "other")
    ]
    assert kinds == ["course", "programme", "other"]
    ran = cli("resource", "add", "robot", "x")
    assert (ran.exit_code, ran.stderr) == (
        2,
        "Error: 'robot' is not a resource kind. Use one of: person, course, programme, other.\n",
    )


def test_resource_link_to_an_unknown_goal_exits_1_naming_goal_list(
    cli: Invoke, story: Workspace
) -> None:
    cli("resource", "add", "person", "Sam")
    ran = cli("resource", "link", "1", "--goal", "42")
    assert (ran.exit_code, ran.stderr) == (
        1,
        "Error: No goal with id 42. Run `careerplan goal list` to see your goals.\n",
    )


def test_checkin_moves_the_measure(cli: Invoke, story: Workspace) -> None:
    cli("goal", "edit", "2", "--metric", "people led", "--target", "5")
    ran = cli("checkin", "2", "--value", "2", "--confidence", "3")
    assert (ran.exit_code, ran.stdout) == (0, "Checked in on goal 2 for 2026-11-25.\n")
    goal = json.loads(cli("goal", "show", "2", "--json").stdout)
    assert (goal["measure"]["current"], goal["progress"]) == (2.0, 0.2)


def test_checkin_json_and_refusals(cli: Invoke, story: Workspace) -> None:
    entry = json.loads(
        cli("checkin", "3", "--note", "Mock exam", "--on", "2026-11-20", "--json").stdout
    )
    assert (entry["on"], entry["note"]) == ("2026-11-20", "Mock exam")
    bad = cli("checkin", "3", "--confidence", "7")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "Error: Confidence is from 1 (not at all) to 5 (certain); got 7.\n",
    )
    empty = cli("checkin", "3")
    assert (empty.exit_code, empty.stderr) == (
        2,
        "Error: A check-in needs a value, a note or a confidence (1-5).\n",
    )
