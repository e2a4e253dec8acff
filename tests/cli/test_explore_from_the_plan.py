"""One job today everywhere: bridge and path start from the plan's current occupation (recorded,
or read from the job title given at init, which is said), and a reflection adds to saved answers."""

from __future__ import annotations

import json

import pytest
from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace

ANSWERS = ",".join(["2"] * 6 + ["5"] * 4 + ["2"] * 50)


def test_bridge_without_a_plan_or_from_says_how_to_give_one(cli: Invoke) -> None:
    ran = cli("explore", "bridge", "--field", "healthcare")
    assert ran.exit_code == 2
    assert "--from CODE, or record your job today with `careerplan explore current CODE`" in (
        ran.stderr
    )


def test_bridge_reads_the_job_title_from_init_and_says_how_it_read_it(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli("explore", "bridge", "--field", "healthcare", "--json")
    assert ran.exit_code == 0, ran.stderr
    assert "read as Marketing Managers (11-2021.00)" in ran.stderr
    given = cli("explore", "bridge", "--field", "healthcare", "--from", "11-2021.00", "--json")
    assert json.loads(ran.stdout) == json.loads(given.stdout)


def test_bridge_and_path_start_from_the_recorded_job_without_a_word(
    cli: Invoke, story: Workspace
) -> None:
    assert cli("explore", "current", "13-1111.00").exit_code == 0
    ran = cli("explore", "bridge", "--field", "healthcare", "--json")
    assert (ran.exit_code, ran.stderr) == (0, "")
    given = cli("explore", "bridge", "--field", "healthcare", "--from", "13-1111.00", "--json")
    assert json.loads(ran.stdout) == json.loads(given.stdout)
    assert cli("explore", "choose", "11-1011.00").exit_code == 0
    path = json.loads(cli("explore", "path", "--json").stdout)["paths"][0]["steps"]
    assert (path[0]["code"], path[-1]["code"]) == ("13-1111.00", "11-1011.00")


def test_path_without_a_dream_occupation_asks_for_one(cli: Invoke, story: Workspace) -> None:
    ran = cli("explore", "path", "--from", "13-1111.00")
    assert ran.exit_code == 2
    assert "choose your dream job with `careerplan explore choose CODE`" in ran.stderr


def test_a_reflection_adds_to_the_saved_answers_instead_of_replacing_them(
    cli: Invoke, story: Workspace
) -> None:
    assert cli("explore", "quiz", "--answers", ANSWERS).exit_code == 0
    reflection = "I loved drawing comics and painting murals."
    both = cli("explore", "matches", "--reflection", reflection, "--json")
    given = cli("explore", "matches", "--answers", ANSWERS, "--reflection", reflection, "--json")
    flat = ",".join(["3"] * 60)  # answers that say nothing: the reflection decides
    other = cli("explore", "matches", "--answers", flat, "--reflection", reflection, "--json")
    assert json.loads(both.stdout) == json.loads(given.stdout)
    assert json.loads(both.stdout) != json.loads(other.stdout)


def test_init_in_a_script_says_how_it_read_the_job_today(cli: Invoke) -> None:
    ran = cli("init", "--name", "Ana", "--current-job", "Product manager", "--dream-job", "COO")
    assert ran.exit_code == 0, ran.stderr
    assert "Read your job today as Marketing Managers (11-2021.00);" in " ".join(ran.stdout.split())
    profile = json.loads(cli("vision", "show", "--json").stdout)["profile"]
    assert profile["current_occupation_code"] is None  # not recorded without a yes


@pytest.mark.parametrize(("answer", "recorded"), [("y", "11-2021.00"), ("n", None)])
def test_init_in_a_terminal_asks_before_recording_the_job_today(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, answer: str, recorded: str | None
) -> None:
    from careerplan.cli import plan

    monkeypatch.setattr(plan, "_interactive", lambda: True)
    flags = ["--name", "Ana", "--current-job", "Product manager", "--dream-job", "COO"]
    flags += ["--target-date", "+3y", "--hours", "5", "--education", "bachelor's"]
    flags += ["--education-field", "Business"]
    # The vision questions left out are asked (Enter skips each), then the job today.
    questions = len(plan._TEXT_FIELDS)
    ran = cli("init", *flags, input="\n" * questions + f"{answer}\n")
    assert ran.exit_code == 0, ran.stderr
    assert "Is your job today Marketing Managers (11-2021.00)?" in ran.stdout
    profile = json.loads(cli("vision", "show", "--json").stdout)["profile"]
    assert profile["current_occupation_code"] == recorded


def test_bridge_and_path_from_the_plan_count_the_persons_own_skills(
    cli: Invoke, story: Workspace
) -> None:
    from tests.conftest import NOW

    from careerplan.services.clock import FixedClock
    from careerplan.services.skills_inventory import add_skill

    assert cli("explore", "current", "11-2021.00").exit_code == 0
    job = json.loads(cli("explore", "bridge", "--field", "healthcare", "--json").stdout)
    with story.unit() as uow:
        add_skill(uow, FixedClock(NOW), "Speaking", level=0)
        add_skill(uow, FixedClock(NOW), "Active Listening", level=0)
    own = cli("explore", "bridge", "--field", "healthcare", "--json")
    assert own.exit_code == 0, own.stderr
    assert "Counting the levels of your own skills" in own.stderr
    assert json.loads(own.stdout) != job
    given = cli("explore", "bridge", "--field", "healthcare", "--from", "11-2021.00", "--json")
    assert json.loads(given.stdout) == job
    path = cli("explore", "path", "--to", "11-1021.00", "--json")
    assert path.exit_code == 0, path.stderr
    assert "Counting the levels of your own skills" in path.stderr
