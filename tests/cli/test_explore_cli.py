from __future__ import annotations

import pytest
from tests.catalog.cli_runner import ANSWERS, run


def test_quiz_scores_answers_given_on_the_command_line() -> None:
    ran = run("explore", "quiz", "--answers", ANSWERS, "--json")
    assert ran.exit_code == 0
    assert ran.json()["code"] == "SAI"


def test_quiz_asks_each_item_in_a_terminal() -> None:
    ran = run("explore", "quiz", input="\n".join(ANSWERS.split(",")) + "\n")
    assert ran.exit_code == 0
    assert " 1/60 Build kitchen cabinets" in ran.stdout
    assert "Your interest code: SAI" in ran.stdout


@pytest.mark.parametrize(
    ("answers", "message"),
    [("5,4,3", "got 3 answers"), (ANSWERS[:-1] + "7", "Answer 60 is 7"), ("a,b", "whole numbers")],
)
def test_quiz_refuses_bad_answers_with_exit_code_2(answers: str, message: str) -> None:
    ran = run("explore", "quiz", "--answers", answers)
    assert ran.exit_code == 2
    assert message in ran.stderr


def test_matches_list_code_title_fit_and_reasons() -> None:
    ran = run(
        "explore", "matches", "--answers", ANSWERS, "--job-zone", "3", "--limit", "5", "--json"
    )
    assert ran.exit_code == 0
    found = ran.json()
    assert len(found) == 5
    assert set(found[0]) == {"code", "title", "fit", "reasons"}
    assert all("job zone 3" in m["reasons"][0] for m in found)


def test_matches_from_a_reflection_and_current_occupation() -> None:
    ran = run(
        "explore", "matches", "--reflection", "I played teacher to my stuffed animals",
        "--current", "43-4051.00", "--limit", "3",
    )  # fmt: skip
    assert ran.exit_code == 0
    # Each word under the area of the occupations it describes: teaching is Social work, and
    # animal care Realistic.
    lines = ran.stdout.splitlines()
    assert "  Social: teacher" in lines
    assert "  Realistic: animals" in lines
    assert "Keeps " in ran.stdout


def test_matches_refuse_an_empty_reflection() -> None:
    ran = run("explore", "matches", "--reflection", " ")
    assert ran.exit_code == 2
    assert "reflection is empty" in ran.stderr


def test_bridge_lists_occupations_in_the_field_with_reasons() -> None:
    ran = run("explore", "bridge", "--from", "41-4012.00", "--field", "healthcare", "--json")
    assert ran.exit_code == 0
    found = ran.json()
    assert set(found[0]) == {"code", "title", "score", "reasons"}
    assert "41-4011.00" in [b["code"] for b in found]


def test_bridge_into_an_unknown_field_suggests_broader_words() -> None:
    ran = run("explore", "bridge", "--from", "41-4012.00", "--field", "quidditch")
    assert ran.exit_code == 1
    assert "Try broader words" in ran.stderr


def test_path_prints_paths_of_steps_with_what_each_builds() -> None:
    ran = run(
        "explore", "path", "--from", "31-1131.00", "--to", "29-1141.00", "--alternatives", "2",
        "--json",
    )  # fmt: skip
    assert ran.exit_code == 0
    paths = ran.json()["paths"]
    assert len(paths) == 2
    assert set(paths[0]) == {"steps", "score"}
    assert set(paths[0]["steps"][-1]) == {"code", "title", "builds", "why"}


def test_path_without_a_route_shows_the_closest_reachable() -> None:
    ran = run("explore", "path", "--from", "15-1252.00", "--to", "29-1299.02")
    assert ran.exit_code == 1
    assert "Closest reachable" in ran.stderr


def test_requirements_show_the_gap_from_the_current_occupation() -> None:
    ran = run("explore", "requirements", "29-1141.00", "--from", "31-1131.00")
    assert ran.exit_code == 0
    assert "What a prime candidate for Registered Nurses (29-1141.00) has" in ran.stdout
    assert "Your gap from Nursing Assistants (31-1131.00)" in ran.stdout


def test_requirements_print_json() -> None:
    data = run("explore", "requirements", "29-1141.00", "--json").json()
    assert data["education"] == "Bachelor's degree"
    assert data["gap"] is None


def test_quiz_asks_again_when_an_answer_is_out_of_range() -> None:
    ran = run("explore", "quiz", input="9\n" + "\n".join(ANSWERS.split(",")) + "\n")
    assert ran.exit_code == 0
    assert "Please answer with a number from 1 to 5." in ran.stdout
