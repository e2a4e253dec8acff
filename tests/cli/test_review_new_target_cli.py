"""`careerplan review`: adjusting a measured goal asks for a new target (Enter keeps it), a
review file may carry one, and a wrong target is asked again or refused with nothing saved."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.cli.conftest import Invoke
from tests.services.courses_goal import COURSES, add_courses_goal
from tests.web.pages.helpers import snapshot

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace

FORTY = "Complete 40 hours of project management courses by June 2027"
DEFAULTS = ("", "", "", "")  # progress, confidence, decision, note of a goal without a measure


def _answers(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _goal(cli: Invoke, goal_id: int) -> dict[str, Any]:
    goals = {g["id"]: g for g in json.loads(cli("goal", "list", "--json").stdout)}
    return goals[goal_id]


@pytest.fixture
def courses(story: Workspace, clock: FixedClock) -> Workspace:
    add_courses_goal(story, clock)
    return story


def test_the_guided_review_asks_a_measured_goal_for_a_new_target_on_adjust(
    cli: Invoke, courses: Workspace
) -> None:
    ran = cli(
        "review",
        input=_answers(
            *DEFAULTS, *DEFAULTS,  # goals 2 and 3
            "30", "4", "", "adjust", FORTY, "",  # goal 4: ..., hours done kept, wording, due
            "forty", "-5", "1e13", "40",  # the new target, asked until it reads
            "Fewer hours",
            "", "", "y",
        ),
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    assert "  Current hours (target 50 hours) [12]: " in ran.stdout
    assert ran.stdout.count("  New target (Enter keeps 50 hours): ") == 4
    assert "'forty' is not a number." in ran.stdout
    assert "The new target is a number from 0 to 1,000,000,000,000; got -5." in ran.stdout
    assert "got 1e+13." in ran.stdout
    goal = _goal(cli, 4)
    assert (goal["text"], goal["version"]) == (FORTY, 3)
    assert goal["measure"] == {
        "metric": "hours",
        "target": 40.0,
        "unit": "hours",
        "baseline": 0.0,
        "current": 12.0,
    }


def test_enter_keeps_the_target_and_goals_without_a_measure_are_not_asked(
    cli: Invoke, courses: Workspace
) -> None:
    ran = cli(
        "review",
        input=_answers(
            *DEFAULTS,
            "", "", "adjust", "", "", "",  # goal 3 (no measure): adjust, nothing changed
            "", "", "", "adjust", "", "2027-05-31", "", "",  # goal 4: a new date, target kept
            "", "", "y",
        ),
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    assert ran.stdout.count("New target") == 1  # goal 4's question only
    goal = _goal(cli, 4)
    assert (goal["text"], goal["due"], goal["measure"]["target"]) == (COURSES, "2027-05-31", 50)


def test_a_review_file_carries_a_new_target(cli: Invoke, courses: Workspace) -> None:
    document = {"entries": [{"goal_id": 4, "decision": "adjust", "text": FORTY, "target": 40}]}
    ran = cli("review", "--from-file", "-", input=json.dumps(document))
    assert ran.exit_code == 0, ran.stderr
    goal = _goal(cli, 4)
    assert (goal["text"], goal["measure"]["target"], goal["measure"]["current"]) == (FORTY, 40, 12)


def _adjust(goal_id: int, target: str) -> str:
    return f'{{"entries": [{{"goal_id": {goal_id}, "decision": "adjust", "target": {target}}}]}}'


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_adjust(3, "40"), "Goal 3 has no measure, so there is no target to change"),
        (_adjust(4, '"forty"'), 'entries[0].target must be a number; got "forty".'),
        (_adjust(4, "true"), "entries[0].target must be a number; got true."),
        (_adjust(4, "-1"), "Goal 4: the new target is a number from 0 to 1,000,000,000,000"),
        (_adjust(4, "NaN"), "got nan."),
        (_adjust(4, "1e999"), "got inf."),
        (_adjust(4, "1" + "0" * 400), "entries[0].target is too large a number."),
        (_adjust(4, "1" + "0" * 5000), "The review holds a number too long to read."),
        ('{"entries": [{"goal_id": 4, "target": 40}]}', "goes with the decision 'adjust'"),
    ],
)
def test_a_wrong_target_in_a_review_file_is_refused_and_saves_nothing(
    cli: Invoke, courses: Workspace, document: str, message: str
) -> None:
    before = snapshot(courses)
    ran = cli("review", "--from-file", "-", input=document)
    assert ran.exit_code == 2
    assert message in ran.stderr
    assert "Traceback" not in ran.stderr
    assert snapshot(courses) == before
