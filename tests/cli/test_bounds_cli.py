"""The command line refuses the values no plan holds (tests/bad_values.py), with exit 1 or 2 and
the plan unchanged: never an internal error (exit 70)."""

from __future__ import annotations

from hypothesis import given
from tests.bad_values import HYPOTHESIS, bad_days, bad_ids, bad_number_texts, bad_texts, snapshot
from tests.cli.conftest import Invoke

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace


def _refused_by_the_command_line(cli: Invoke, *args: str) -> None:
    ran = cli(*args)
    assert ran.exit_code in {1, 2}, (args, ran.exit_code, ran.stderr)
    assert ran.stderr.startswith("Error: "), ran.stderr
    assert "Internal error" not in ran.stderr


@given(day=bad_days)
@HYPOTHESIS
def test_the_command_line_refuses_days_out_of_range(
    cli: Invoke, story: Workspace, clock: FixedClock, day: str
) -> None:
    before = snapshot(story, clock)
    _refused_by_the_command_line(cli, "goal", "add", "Lead a team", "--due", day)
    _refused_by_the_command_line(cli, "action", "add", "3", "Book the exam", "--due", day)
    assert snapshot(story, clock) == before


@given(value=bad_number_texts)
@HYPOTHESIS
def test_the_command_line_refuses_numbers_that_are_not_finite_or_too_large(
    cli: Invoke, story: Workspace, clock: FixedClock, value: str
) -> None:
    before = snapshot(story, clock)
    _refused_by_the_command_line(cli, "checkin", "3", "--value", value)
    _refused_by_the_command_line(cli, "goal", "edit", "3", "--target", value, "--metric", "exams")
    assert snapshot(story, clock) == before


@given(ident=bad_ids)
@HYPOTHESIS
def test_the_command_line_says_an_impossible_id_is_not_found(
    cli: Invoke, story: Workspace, ident: int
) -> None:
    for args in (("goal", "show", str(ident)), ("action", "done", str(ident))):
        ran = cli(*args)
        assert (ran.exit_code, ran.stderr.split(".")[0]) == (
            1,
            f"Error: No {args[0]} with id {ident}",
        )


@given(text=bad_texts)
@HYPOTHESIS
def test_the_command_line_refuses_text_no_database_can_hold(
    cli: Invoke, story: Workspace, clock: FixedClock, text: str
) -> None:
    before = snapshot(story, clock)
    _refused_by_the_command_line(cli, "goal", "add", text, "--parent", "1")
    _refused_by_the_command_line(cli, "resource", "add", "person", text)
    assert snapshot(story, clock) == before
