"""Goals carry their S.M.A.R.T. report, kept fresh as they change."""

from __future__ import annotations

from datetime import date

from careerplan.domain.entities import Horizon
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, edit_goal, move_goal
from careerplan.services.smart import SmartSettings, check_text
from careerplan.services.workspace import Workspace


def test_a_new_goal_is_stored_with_its_report(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        goal = add_goal(
            uow, clock, text="Complete my PMP certification by Q3 2027", parent_id=2
        ).goal
    with story.unit() as uow:
        stored = uow.goals.get(goal.id or 0)
    assert stored.smart_report is not None
    assert stored.smart_report["score"] == 5
    assert stored.smart_report["deadline"] == "2027-09-30"
    assert stored.version == 1


def test_the_dream_job_itself_has_no_report(story: Workspace) -> None:
    with story.unit() as uow:
        assert uow.goals.get(1).smart_report is None


def test_words_give_the_due_date_and_the_repeat_when_none_was_set(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        dated = add_goal(uow, clock, text="Publish three articles by June 2027", parent_id=2)
        repeating = add_goal(
            uow, clock, text="Attend one industry networking event every other week", parent_id=2
        )
    assert dated.goal.due == date(2027, 6, 30)
    assert dated.warnings[0] == "Due date 2027-06-30 taken from the goal's words."
    assert repeating.goal.repeat == "FREQ=WEEKLY;INTERVAL=2"
    assert repeating.goal.due is None


def test_a_date_given_by_the_person_wins_over_the_words(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        result = add_goal(
            uow, clock, text="Publish three articles by June 2027", due=date(2027, 3, 31)
        )
    assert result.goal.due == date(2027, 3, 31)
    assert not any("taken from the goal's words" in w for w in result.warnings)


def test_a_horizon_date_makes_a_goal_without_dates_in_its_words_time_bound(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        goal = add_goal(
            uow,
            clock,
            text="Run three team retrospectives",
            parent_id=2,
            horizon=Horizon.SIX_MONTHS,
        ).goal
    assert goal.smart_report is not None
    assert goal.smart_report["time_bound"] is True
    assert goal.smart_report["criteria"]["time_bound"]["reason"] == (
        "Due 2027-05-25: the date is set on the goal, not in its words."
    )


def test_editing_the_words_checks_again_without_an_extra_version(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        result = edit_goal(uow, clock, 3, text="get better at projects", expected_version=1)
    report = result.goal.smart_report
    assert report is not None
    assert (report["specific"], report["measurable"]) == (False, False)
    assert result.goal.version == 2


def test_moving_a_goal_judges_relevance_against_the_new_parent(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        nurse = add_goal(uow, clock, text="Become a nurse manager on a surgical ward").goal
        bike = add_goal(uow, clock, text="Get my motorcycle licence by May 2027", parent_id=2).goal
        moved = move_goal(uow, clock, bike.id or 0, nurse.id)
    assert moved.goal.smart_report is not None
    assert moved.goal.smart_report["relevant"] is False


def test_the_fiscal_year_setting_reaches_the_analyser(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        calendar = check_text(uow, clock, "Ship the onboarding redesign by Q1 2027")
        fiscal = check_text(
            uow,
            clock,
            "Ship the onboarding redesign by Q1 2027",
            settings=SmartSettings(fiscal_year_start=7),
        )
    assert calendar.deadline == date(2027, 3, 31)
    assert fiscal.deadline == date(2026, 9, 30)


def test_a_measure_set_on_the_goal_makes_it_measurable_outside_its_words(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        bare = add_goal(uow, clock, text="Volunteer at the local hospital", parent_id=2).goal
        measured = add_goal(
            uow,
            clock,
            text="Volunteer at the local hospital",
            parent_id=2,
            metric="hours volunteered",
            target=30,
            unit="h",
        ).goal
    assert bare.smart_report is not None
    assert measured.smart_report is not None
    assert bare.smart_report["criteria"]["measurable"]["ok"] is False
    verdict = measured.smart_report["criteria"]["measurable"]
    assert verdict["ok"] is True
    assert verdict["reason"] == "Measured by hours volunteered, from 0 to 30 h, as set on the goal."


def test_vaguer_wording_is_saved_with_a_warning_that_names_what_it_lost(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        goal = add_goal(
            uow, clock, text="Complete my PMP certification by Q3 2027", parent_id=2
        ).goal
        result = edit_goal(uow, clock, goal.id or 0, text="Do some studying")
        clearer = edit_goal(
            uow, clock, goal.id or 0, text="Complete my PMP certification by Q3 2027"
        )
    assert result.goal.text == "Do some studying"
    lost = [w for w in result.warnings if w.startswith("The new wording checks as")]
    assert len(lost) == 1
    assert "where the old one was SMART." in lost[0]
    assert "No longer specific:" in lost[0]
    assert "No longer time-bound:" not in lost[0]
    assert not any(w.startswith("The new wording") for w in clearer.warnings)
