"""The README's walkthrough runs as written, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from tests.cli.conftest import Invoke

README = Path(__file__).resolve().parents[2] / "README.md"


def walkthrough_commands() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Walkthrough", 1)[1]
    block = section.split("```console", 1)[1].split("```", 1)[0]
    commands = []
    for line in block.splitlines():
        if line.startswith("$ careerplan "):
            commands.append(shlex.split(line[len("$ careerplan ") :]))
    return commands


def test_the_readme_has_a_walkthrough_of_at_least_fifteen_commands() -> None:
    assert len(walkthrough_commands()) >= 15


def test_the_walkthrough_runs_as_written_and_builds_the_coo_plan(cli: Invoke) -> None:
    for args in walkthrough_commands():
        ran = cli(*args)
        assert ran.exit_code == 0, f"careerplan {shlex.join(args)} failed:\n{ran.stderr}"
        assert "Traceback" not in ran.stdout + ran.stderr

    tree = json.loads(cli("goal", "tree", "--json").stdout)
    assert [root["text"] for root in tree] == ["Work as COO of a high-tech startup"]
    under_dream = [child["text"] for child in tree[0]["children"]]
    assert under_dream[:2] == [
        "Obtain a management position leading a team of at least 5 people",
        "Work in a startup to gain industry experience",
    ]
    # The two accepted proposals join them under the dream job.
    proposal = json.loads(cli("plan", "propose", "--json").stdout)
    accepted = [goal["text"] for goal in proposal["goals"] if goal["accepted_goal_id"]]
    assert len(accepted) == 2
    assert sorted(under_dream[2:]) == sorted(accepted)
    vision = json.loads(cli("vision", "show", "--json").stdout)["vision"]
    assert (vision["dream_job_title"], vision["dream_occupation_code"]) == (
        "COO of a high-tech startup",
        "11-1011.00",
    )
    pmp = json.loads(cli("goal", "show", "4", "--json").stdout)
    assert pmp["smart"]["score"] == 5
    assert pmp["measure"]["current"] == 0
    assert pmp["checkins"][0]["confidence"] == 4
    resources = json.loads(cli("resource", "list", "--goal", "2", "--json").stdout)
    assert {r["kind"] for r in resources} == {"person", "programme"}
    actions = json.loads(cli("action", "list", "--json").stdout)
    meetup = next(a for a in actions if a["text"] == "Go to the local startup meetup")
    assert meetup["repeat_state"]["done_this_time"] is True
    assert meetup["completions"] == [{"done_on": "2026-11-25", "note": "Met two founders"}]
