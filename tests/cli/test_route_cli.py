"""The route in the shell: `explore requirements` says how to get there, `plan propose` builds
on it, and `plan accept` asks what to do with goals due after the target date."""

from __future__ import annotations

import json

import pytest
from tests.cli.conftest import Invoke

NURSE, SALES = "29-1141.00", "41-4012.00"


def _nurse_plan(cli: Invoke, target: str = "2028-06-30", education: str = "high school") -> None:
    ran = cli(
        "init", "--name", "Sam", "--current-job", "Sales representative", "--hours", "6",
        "--education", education, "--dream-job", "Registered nurse", "--target-date", target,
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    assert cli("explore", "choose", NURSE).exit_code == 0
    assert cli("explore", "current", SALES).exit_code == 0


def test_requirements_say_how_to_get_there_in_order(cli: Invoke) -> None:
    ran = cli("explore", "requirements", NURSE, "--from", SALES)
    assert ran.exit_code == 0, ran.stderr
    route = ran.stdout[ran.stdout.index("How to get there (Registered Nurses):") :]
    programme = route.index("Programme: Associate Degree in Nursing (ADN)")
    exam = route.index("Exam: NCLEX-RN")
    licence = route.index("Licence: Registered nurse (RN) licence")
    assert programme < exam < licence < route.index("Entry job:")
    assert "Rules vary by state." in route
    assert "Nursing Assistants (31-1131.00)" in route
    assert "Licensed Practical and Licensed Vocational Nurses (29-2061.00)" in route


def test_requirements_json_carries_the_route(cli: Invoke) -> None:
    data = json.loads(cli("explore", "requirements", NURSE, "--json").stdout)
    kinds = [gate["kind"] for gate in data["route"]["gates"]]
    assert kinds == ["programme", "exam", "licence", "entry job"]
    stones = [stone["code"] for stone in data["route"]["stepping_stones"]]
    assert "31-1131.00" in stones


def test_requirements_for_a_job_without_a_licence_name_no_licence(cli: Invoke) -> None:
    data = json.loads(cli("explore", "requirements", "15-1252.00", "--json").stdout)
    assert "licence" not in [gate["kind"] for gate in data["route"]["gates"]]


def test_the_route_follows_the_education_in_the_profile(cli: Invoke) -> None:
    _nurse_plan(cli, education="bachelor's")
    gates = json.loads(cli("explore", "requirements", NURSE, "--json").stdout)["route"]["gates"]
    # The accelerated BSN for people with a degree, after the science courses it admits on.
    assert [gate["kind"] for gate in gates[:2]] == ["prerequisite", "programme"]
    assert "Accelerated BSN" in gates[0]["name"]
    assert "anatomy and physiology" in gates[0]["name"]
    assert gates[1]["name"] == "Accelerated BSN (ABSN)"


def test_the_proposal_is_built_on_the_route(cli: Invoke) -> None:
    _nurse_plan(cli)
    proposal = json.loads(cli("plan", "propose", "--json").stdout)
    texts = [goal["text"] for goal in proposal["goals"]]
    assert any(text.startswith("Pass the NCLEX-RN by") for text in texts)
    # Six hours a week cannot carry the programme: the date assumes full time, and says so.
    assert any(
        text.startswith("Complete the Associate Degree in Nursing (ADN) full time (2 years) by")
        for text in texts
    )
    # Each gate's goal names the one before it, so its check knows that part is planned.
    assert any(
        text.startswith("Get my Registered nurse (RN) licence by")
        and text.endswith(", after the NCLEX-RN")
        for text in texts
    )
    route_goals = [g for g in proposal["goals"] if g["key"].startswith("route-")]
    assert route_goals
    assert all(goal["smart"]["score"] == 5 for goal in route_goals), route_goals
    assert any("Registered nurse (RN) licence" in text for text in texts)
    assert not any("Apache Spark" in text or "Dentrix" in text for text in texts)
    assert proposal["route"]["gates"][0]["kind"] == "programme"


def test_goals_due_after_the_target_date_are_asked_about_and_nothing_is_added(
    cli: Invoke,
) -> None:
    _nurse_plan(cli)
    ran = cli("plan", "accept", "all")
    assert ran.exit_code == 1
    assert "would be due after your target date, 30 June 2028" in ran.stderr
    assert "`careerplan plan accept all --late move-target`" in ran.stderr
    assert json.loads(cli("goal", "list", "--json").stdout)[1:] == []


def test_move_target_moves_the_dream_jobs_date_to_the_last_goal(cli: Invoke) -> None:
    _nurse_plan(cli)
    ran = cli("plan", "accept", "all", "--late", "move-target")
    assert ran.exit_code == 0, ran.stderr
    goals = json.loads(cli("goal", "list", "--json").stdout)
    vision = json.loads(cli("vision", "show", "--json").stdout)["vision"]
    latest = max(goal["due"] for goal in goals[1:] if goal["due"])
    assert vision["target_date"] == latest > "2028-06-30"


def test_shorten_ends_every_goal_by_the_target_date(cli: Invoke) -> None:
    _nurse_plan(cli)
    assert cli("plan", "accept", "all", "--late", "shorten").exit_code == 0
    goals = json.loads(cli("goal", "list", "--json").stdout)
    assert len(goals) > 5
    assert all(goal["due"] <= "2028-06-30" for goal in goals[1:] if goal["due"])
    assert (
        json.loads(cli("vision", "show", "--json").stdout)["vision"]["target_date"] == "2028-06-30"
    )


@pytest.mark.parametrize("answer", ["later", ""])
def test_an_unknown_answer_is_a_usage_error(cli: Invoke, answer: str) -> None:
    _nurse_plan(cli)
    ran = cli("plan", "accept", "all", "--late", answer)
    assert ran.exit_code == 2
    assert "is not a choice for late goals: use move-target, shorten or keep" in ran.stderr


def test_in_a_terminal_it_asks_and_takes_the_answer(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerplan.cli import proposal

    _nurse_plan(cli)
    monkeypatch.setattr(proposal, "_interactive", lambda: True)
    ran = cli("plan", "accept", "all", input="x\ns\n")
    assert ran.exit_code == 0, ran.stderr
    assert ran.stdout.count("Move the target date, shorten them, or keep them?") == 2
    said = " ".join(ran.stdout.split())
    assert said.count("Answer m (move the target date), s (shorten them) or k (keep them).") == 1
    goals = json.loads(cli("goal", "list", "--json").stdout)
    assert all(goal["due"] <= "2028-06-30" for goal in goals[1:] if goal["due"])
