"""`careerplan plan propose|accept` and `careerplan explore current`."""

from __future__ import annotations

import json

from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace


def _choose(cli: Invoke) -> None:
    assert cli("explore", "choose", "11-1011.00").exit_code == 0
    chosen = cli("explore", "current", "11-2021.00")
    assert chosen.exit_code == 0
    assert "Your current occupation is Marketing Managers (11-2021.00)." in chosen.stdout


def test_propose_refuses_until_a_dream_job_is_chosen(cli: Invoke, story: Workspace) -> None:
    ran = cli("plan", "propose")
    assert ran.exit_code == 1
    assert "Choose your dream job from the catalogue first" in ran.stderr


def test_propose_prints_numbered_goals_and_how_to_accept(cli: Invoke, story: Workspace) -> None:
    _choose(cli)
    ran = cli("plan", "propose")
    assert ran.exit_code == 0
    lines = ran.stdout.splitlines()
    assert lines[0] == (
        "A plan to become a Chief Executive from a Marketing Manager by 25 November 2031, "
        "planned backwards:"
    )
    assert any(line.startswith(" 1. [6 months] ") for line in lines)
    assert "    SMART · " in ran.stdout
    assert (
        "First action: Ask one person who works as a Chief Executive for a 20-minute call "
        "(every month)" in ran.stdout
    )
    assert "Accept the goals you want: `careerplan plan accept 1 3 5` (or `all`)." in ran.stdout


def test_propose_json_matches_what_accept_adds(cli: Invoke, story: Workspace) -> None:
    _choose(cli)
    proposal = json.loads(cli("plan", "propose", "--json").stdout)
    assert proposal["dream_job"] == "Chief Executive"
    first = proposal["goals"][0]
    ran = cli("plan", "accept", "1")
    assert ran.exit_code == 0
    assert f"Added goal 4 (SMART): {first['text']}" in ran.stdout
    shown = json.loads(cli("goal", "show", "4", "--json").stdout)
    assert shown["text"] == first["text"]
    assert shown["due"] == first["due"]
    after = json.loads(cli("plan", "propose", "--json").stdout)
    assert after["goals"][0]["accepted_goal_id"] == 4
    again = cli("plan", "accept", "1")
    assert again.exit_code == 1
    assert "Proposed goal 1 is already goal 4 of your plan." in again.stderr


def test_an_unknown_number_is_a_usage_error_and_adds_nothing(cli: Invoke, story: Workspace) -> None:
    _choose(cli)
    ran = cli("plan", "accept", "2", "999")
    assert ran.exit_code == 2
    assert ran.stderr == (
        "Error: There is no proposed goal '999': they are numbered 1-9, and each has a key. "
        "Run `careerplan plan propose` to see them, and accept by number or key.\n"
    )
    listed = json.loads(cli("goal", "list", "--json").stdout)
    assert len(listed) == 3


def test_explore_current_refuses_an_unknown_code(cli: Invoke, story: Workspace) -> None:
    ran = cli("explore", "current", "99-9999.99")
    assert ran.exit_code == 1
    assert "99-9999.99" in ran.stderr
