"""The commands read the day from the one clock seam, whatever the real date: a plan written on
a day long past and on a day far ahead shows that day's dates, never the wall clock's."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from tests.cli.conftest import Invoke

from careerplan.services.clock import FixedClock


@dataclass(frozen=True)
class Day:
    """A fixed day and the dates a plan written on it must show (worked out by hand)."""

    moment: datetime
    iso: str
    spoken: str
    target: str  # +5y
    days_left: int
    booked: str  # +3m
    next_review: str  # the coming Sunday
    next_repeat: str  # a week on
    review_after_one: str  # the Sunday nearest a week after a review held on the day
    tomorrow: str


DAYS = [
    Day(
        moment=datetime(2001, 3, 1, 10, 0, tzinfo=UTC),
        iso="2001-03-01",
        spoken="Thu 1 Mar 2001",
        target="2006-03-01",
        days_left=1826,  # five years with one 29 February (2004)
        booked="2001-06-01",
        next_review="Sun 4 Mar 2001",
        next_repeat="2001-03-08",
        review_after_one="Sun 11 Mar 2001",
        tomorrow="2001-03-02",
    ),
    Day(
        moment=datetime(2040, 10, 15, 23, 30, tzinfo=UTC),
        iso="2040-10-15",
        spoken="Mon 15 Oct 2040",
        target="2045-10-15",
        days_left=1826,  # five years with one 29 February (2044)
        booked="2041-01-15",
        next_review="Sun 21 Oct 2040",
        next_repeat="2040-10-22",
        review_after_one="Sun 21 Oct 2040",
        tomorrow="2040-10-16",
    ),
]


@pytest.fixture(params=DAYS, ids=[day.iso for day in DAYS])
def day(request: pytest.FixtureRequest) -> Day:
    chosen: Day = request.param
    return chosen


@pytest.fixture
def clock(day: Day) -> FixedClock:
    """Overrides the suite's clock: every command in these tests runs on `day`."""
    return FixedClock(day.moment)


@pytest.fixture
def planned(cli: Invoke) -> Invoke:
    """A plan written through the command line on the fixed day, all dates relative."""
    steps: list[list[str]] = [
        ["init", "--name", "Ana", "--dream-job", "COO of a high-tech startup"],
        ["goal", "add", "Complete my PMP certification within the next 12 months", "--parent", "1"],
        ["action", "add", "2", "Book the PMP exam", "--due", "+3m"],
        ["action", "add", "2", "Go to the local startup meetup", "--repeat", "FREQ=WEEKLY"],
    ]
    steps[0] += ["--target-date", "+5y", "--commitment", "I will be COO."]
    steps[1] += ["--horizon", "12m", "--metric", "exams passed", "--target", "1"]
    for step in steps:
        ran = cli(*step)
        assert (ran.exit_code, ran.stderr) == (0, ""), step
    return cli


def test_vision_show_counts_the_days_left_from_the_fixed_day(planned: Invoke, day: Day) -> None:
    shown = planned("vision", "show").stdout
    assert f"Target date: {day.target} ({day.days_left} days left)" in shown


def test_today_shows_the_target_the_next_review_and_the_repeat_due(
    planned: Invoke, day: Day
) -> None:
    assert planned("today").stdout.splitlines() == [
        f"COO of a high-tech startup by {day.target} ({day.days_left} days left)",
        "“I will be COO.”",
        "",
        f"Next review: {day.next_review} (weekly).",
        "Repeats due",
        f"  action 2: Go to the local startup meetup (since {day.iso})",
    ]


def test_action_done_logs_the_fixed_day_and_refuses_the_day_after(
    planned: Invoke, day: Day
) -> None:
    assert planned("action", "done", "2").exit_code == 0
    actions = json.loads(planned("action", "list", "--json").stdout)
    assert actions[0]["due"] == day.booked
    assert actions[1]["completions"] == [{"done_on": day.iso, "note": ""}]
    assert actions[1]["repeat_state"]["next"] == day.next_repeat

    later = planned("action", "done", "1", "--on", "+1d")
    assert later.exit_code == 2
    assert later.stderr == (
        f"Error: {day.tomorrow} is in the future; log a completion once it happened.\n"
    )


def test_checkin_is_recorded_on_the_fixed_day(planned: Invoke, day: Day) -> None:
    ran = planned("checkin", "2", "--value", "1")
    assert ran.stdout == f"Checked in on goal 2 for {day.iso}.\n"
    goal = json.loads(planned("goal", "show", "2", "--json").stdout)
    assert [check["on"] for check in goal["checkins"]] == [day.iso]


def test_the_guided_review_is_held_and_dated_on_the_fixed_day(planned: Invoke, day: Day) -> None:
    ran = planned("review", input="\n" * 10)
    assert ran.exit_code == 0
    assert ran.stdout.startswith(f"Weekly review, {day.spoken}: 1 active goal.")
    assert ran.stdout.endswith(f"Next review: {day.review_after_one} (weekly).\n")
    history = planned("review", "--history").stdout.splitlines()
    assert history[0] == f"{day.spoken} · weekly review"


def test_the_digest_is_for_the_fixed_day(planned: Invoke, day: Day) -> None:
    lines = planned("digest").stdout.splitlines()
    assert lines[:6] == [
        "Hello Ana,",
        f"here is your careerplan digest for {day.spoken}.",
        "",
        f"Dream job: COO of a high-tech startup by {day.target}",
        "Plan status: on track",
        f"Next review: {day.next_review} (weekly)",
    ]
