"""`careerplan goal add|list|tree|show|edit|done|drop|move`."""

from __future__ import annotations

import json

from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace

LEGEND = "S.M.A.R.T.: a capital letter is met, a small letter is not, ? is not judged yet."


def test_goal_add_with_a_horizon_prints_the_due_date_and_the_check(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli("goal", "add", "Lead a cross-team launch", "--parent", "2", "--horizon", "6m")
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout.splitlines()[:3] == [
        "Added goal 4: Lead a cross-team launch, due 2027-05-25",
        "S.M.A.R.T.: SmART",
        "  ✗ measurable: It has no target number and no outcome you could check off as done.",
    ]
    assert ran.stdout.splitlines()[-1] == LEGEND


def test_goal_add_takes_the_deadline_and_repeat_from_the_words(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli("goal", "add", "Pass the PMP exam by Q3 2027", "--parent", "2")
    assert ran.stdout.splitlines()[:3] == [
        "Added goal 4: Pass the PMP exam by Q3 2027, due 2027-09-30",
        "Note: Due date 2027-09-30 taken from the goal's words.",
        "S.M.A.R.T.: SMART",
    ]
    monthly = json.loads(
        cli("goal", "add", "Attend one networking event per month", "--json").stdout
    )
    assert (monthly["goal"]["repeat"], monthly["goal"]["due"]) == ("FREQ=MONTHLY", None)
    assert monthly["warnings"] == ["Repeats every month: taken from the goal's words."]


def test_goal_add_json_parses_and_carries_the_measure(cli: Invoke, story: Workspace) -> None:
    ran = cli(
        "goal", "add", "Grow my network", "--parent", "2", "--due", "+2w",
        "--category", "networking", "--metric", "contacts", "--target", "20",
        "--repeat", "FREQ=WEEKLY", "--json",
    )  # fmt: skip
    data = json.loads(ran.stdout)
    assert data["warnings"] == []
    goal = data["goal"]
    assert (goal["id"], goal["parent_id"], goal["due"], goal["category"], goal["repeat"]) == (
        4,
        2,
        "2026-12-09",
        "network",
        "FREQ=WEEKLY",
    )
    assert goal["measure"] == {
        "metric": "contacts",
        "target": 20.0,
        "unit": "",
        "baseline": 0.0,
        "current": None,
    }


def test_goal_add_flags_a_past_due_date_but_saves_it(cli: Invoke, story: Workspace) -> None:
    ran = cli("goal", "add", "Update my CV", "--due", "2026-11-01")
    assert ran.exit_code == 0
    assert ran.stdout.splitlines()[:3] == [
        "Added goal 4: Update my CV, due 2026-11-01",
        "Note: The due date 2026-11-01 is already past.",
        "S.M.A.R.T.: SMa?T",
    ]


def test_goal_add_reads_utf8_text_from_stdin(cli: Invoke, story: Workspace) -> None:
    ran = cli("goal", "add", "-", "--json", input="Devenir directrice — «COO»\n".encode())
    assert json.loads(ran.stdout)["goal"]["text"] == "Devenir directrice — «COO»"


def test_goal_list_shows_the_tree_in_order(cli: Invoke, story: Workspace) -> None:
    lines = cli("goal", "list").stdout.splitlines()
    assert lines[-1] == LEGEND
    assert [line.split()[:2] for line in lines[2:-1]] == [
        ["1", "Work"],
        ["2", "Obtain"],
        ["3", "Complete"],
    ]
    assert "3       Complete my PMP certification within the next 12 months" in lines[4]


def test_goal_list_json(cli: Invoke, story: Workspace) -> None:
    rows = json.loads(cli("goal", "list", "--json").stdout)
    assert [(r["id"], r["depth"], r["progress"], r["status"]) for r in rows] == [
        (1, 0, 0.0, "active"),
        (2, 1, 0.0, "active"),
        (3, 2, 0.0, "active"),
    ]


def test_goal_list_active_hides_done_goals(cli: Invoke, story: Workspace) -> None:
    cli("goal", "done", "3")
    rows = json.loads(cli("goal", "list", "--active", "--json").stdout)
    assert [r["id"] for r in rows] == [1, 2]


def test_goal_tree_nests_children(cli: Invoke, story: Workspace) -> None:
    ran = cli("goal", "tree")
    assert ran.stdout.splitlines() == [
        "Your plan",
        "└── #1 Work as COO of a high-tech startup  long-term  due 2031-11-25  0%",
        "    └── #2 Obtain a management position leading a team of at least 5 people  2 years  "
        "due 2028-11-25  0%  SMART",
        "        └── #3 Complete my PMP certification within the next 12 months  12 months  "
        "due 2027-11-25  0%  SMART",
        LEGEND,
    ]
    tree = json.loads(cli("goal", "tree", "--json").stdout)
    assert [
        tree[0]["id"],
        tree[0]["children"][0]["id"],
        tree[0]["children"][0]["children"][0]["id"],
    ] == [1, 2, 3]


def test_goal_show_gives_the_version_and_the_facts(cli: Invoke, story: Workspace) -> None:
    ran = cli("goal", "show", "3")
    assert ran.stdout.splitlines()[:4] == [
        "Goal 3 (version 1): Complete my PMP certification within the next 12 months",
        "Serves: #2 Obtain a management position leading a team of at least 5 people",
        "  Status:    active",
        "  Category:  education",
    ]


def test_goal_show_json_includes_children_and_check_ins(cli: Invoke, story: Workspace) -> None:
    cli("checkin", "2", "--note", "Asked my manager", "--confidence", "4")
    data = json.loads(cli("goal", "show", "2", "--json").stdout)
    assert [child["id"] for child in data["children"]] == [3]
    assert data["checkins"] == [
        {
            "id": 1,
            "goal_id": 2,
            "on": "2026-11-25",
            "value": None,
            "note": "Asked my manager",
            "confidence": 4,
        }
    ]


def test_goal_edit_saves_and_bumps_the_version(cli: Invoke, story: Workspace) -> None:
    ran = cli(
        "goal",
        "edit",
        "3",
        "--text",
        "Pass the PMP exam",
        "--due",
        "2027-09-30",
        "--if-version",
        "1",
    )
    assert ran.exit_code == 0
    assert ran.stdout.splitlines()[0] == "Saved goal 3: Pass the PMP exam, due 2027-09-30"
    assert json.loads(cli("goal", "show", "3", "--json").stdout)["version"] == 2


def test_a_stale_goal_edit_exits_1_and_keeps_the_first_edit(cli: Invoke, story: Workspace) -> None:
    cli("goal", "edit", "3", "--text", "First", "--if-version", "1")
    ran = cli("goal", "edit", "3", "--text", "Second", "--if-version", "1")
    assert ran.exit_code == 1
    assert ran.stderr == (
        "Error: The goal 3 was changed by someone else (you edited version 1, it is now "
        "version 2). Nothing was saved: show it again and repeat your edit.\n"
    )
    assert json.loads(cli("goal", "show", "3", "--json").stdout)["text"] == "First"


def test_goal_done_and_drop(cli: Invoke, story: Workspace) -> None:
    done = cli("goal", "done", "2")
    assert done.stdout.splitlines() == [
        "Marked done goal 2: Obtain a management position leading a team of at least 5 people, "
        "due 2028-11-25",
        "Note: 1 sub-goal(s) are still active: 3.",
    ]
    dropped = json.loads(cli("goal", "drop", "3", "--json").stdout)
    assert dropped["goal"]["status"] == "dropped"


def test_goal_move_to_another_parent_and_to_the_top(cli: Invoke, story: Workspace) -> None:
    assert cli("goal", "move", "3", "--parent", "1").exit_code == 0
    assert (
        json.loads(cli("goal", "move", "2", "--top", "--json").stdout)["goal"]["parent_id"] is None
    )
    rows = json.loads(cli("goal", "list", "--json").stdout)
    assert {r["id"]: r["parent_id"] for r in rows} == {1: None, 2: None, 3: 1}


def test_goal_move_under_its_own_descendant_exits_1(cli: Invoke, story: Workspace) -> None:
    ran = cli("goal", "move", "2", "--parent", "3")
    assert ran.exit_code == 1
    assert ran.stderr == (
        "Error: Goal 3 sits under goal 2, so goal 2 cannot move under it (that would make a "
        "loop). Move goal 3 elsewhere first.\n"
    )


def test_goal_move_needs_exactly_one_destination(cli: Invoke, story: Workspace) -> None:
    for args in ((), ("--parent", "1", "--top")):
        ran = cli("goal", "move", "3", *args)
        assert (ran.exit_code, ran.stderr) == (
            2,
            "Error: Say where to move it: --parent ID or --top.\n",
        )
