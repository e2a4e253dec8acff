"""Planning backwards from the dream job: dates, horizons and the too-soon warning."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplan.domain.entities import Category, Horizon
from careerplan.domain.errors import Advice, Hint, Remedy
from careerplan.domain.proposal import propose
from careerplan.domain.proposal_types import (
    FINAL_STRETCH_MONTHS,
    Gap,
    SkillGap,
    education_weeks,
    horizon_for,
    spoken,
)
from careerplan.domain.titles import one_of

TODAY = date(2026, 11, 25)

COO = Gap(
    dream_title="Chief Executives",
    target_date=date(2029, 11, 30),
    hours_per_week=5,
    current_title="Marketing Managers",
    current_zone=4,
    dream_zone=5,
    current_education="Bachelor's degree",
    dream_education="Bachelor's degree",
    dream_experience="5 years or more",
    skill_gaps=(
        SkillGap("Coaching and Developing Others", "work activity", 3.7, 5.9, 4.7),
        SkillGap("Personnel and Human Resources", "knowledge", 3.6, 5.8, 4.5),
        SkillGap("Judgment and Decision Making", "skill", 4.0, 5.4, 4.8),
        SkillGap("Negotiation", "skill", 4.0, 4.5, 3.0),
    ),
    technologies=("Microsoft Outlook", "Intuit QuickBooks", "SAP software", "Oracle Taleo"),
    stepping_stones=("Sales Managers",),
)


@pytest.mark.parametrize(
    ("title", "one"),
    [
        ("Chief Executives", "Chief Executive"),
        ("Registered Nurses", "Registered Nurse"),
        (
            "Secretaries and Administrative Assistants, Except Legal",
            "Secretary and Administrative Assistant, Except Legal",
        ),
        (
            "Purchasing Agents, Except Wholesale, Retail, and Farm Products",
            "Purchasing Agent, Except Wholesale, Retail, and Farm Products",
        ),
        ("Sales Managers", "Sales Manager"),
        ("Logisticians", "Logistician"),
        ("Actuaries", "Actuary"),
        ("Coaches and Scouts", "Coach and Scout"),
        ("Bus Drivers, School", "Bus Driver, School"),
        ("Surgeons, All Other", "Surgeon"),
    ],
)  # fmt: skip
def test_an_occupation_title_names_one_person(title: str, one: str) -> None:
    assert one_of(title) == one


@pytest.mark.parametrize(
    ("due", "horizon"),
    [
        (date(2027, 5, 25), Horizon.SIX_MONTHS),
        (date(2027, 5, 26), Horizon.TWELVE_MONTHS),
        (date(2027, 11, 25), Horizon.TWELVE_MONTHS),
        (date(2028, 11, 25), Horizon.TWO_YEARS),
        (date(2028, 11, 26), None),
    ],
)
def test_a_goal_sits_on_the_shortest_horizon_that_holds_its_date(
    due: date, horizon: Horizon | None
) -> None:
    assert horizon_for(due, TODAY) is horizon


@pytest.mark.parametrize(
    ("current", "needed", "weeks"),
    [
        ("High school diploma or equivalent", "Bachelor's degree", 200),
        ("Bachelor's degree", "Master's degree", 96),
        ("Master's degree", "Bachelor's degree", 0),
        ("Bachelor's degree", "Bachelor's degree", 0),
        (None, "Associate's degree", 104),
        ("Bachelor's degree", None, 0),
    ],
)
def test_education_weeks_count_only_a_step_up(
    current: str | None, needed: str | None, weeks: int
) -> None:
    assert education_weeks(current, needed) == weeks


def test_a_reachable_target_is_planned_back_from_without_a_warning() -> None:
    proposal = propose(COO, TODAY)
    assert proposal.warnings == []
    assert proposal.realistic_date is None
    assert proposal.target_date == date(2029, 11, 30)
    keys = [goal.key for goal in proposal.goals]
    assert len(keys) == len(set(keys))
    assert [goal.due for goal in proposal.goals] == sorted(goal.due for goal in proposal.goals)
    categories = {goal.category for goal in proposal.goals}
    assert categories == {
        Category.SKILLS,
        Category.EXPERIENCE,
        Category.NETWORK,
        Category.JOB_SEARCH,
    }
    # The largest gaps first, three of them; office tools everyone lists are left out.
    skills = [goal.key for goal in proposal.goals if goal.key.startswith("skill-")]
    assert len(skills) == 3
    assert "skill-negotiation" not in skills
    assert not any("outlook" in goal.key for goal in proposal.goals)
    assert "technology-intuit-quickbooks" in keys


def test_the_job_search_fills_the_final_stretch_before_the_target() -> None:
    proposal = propose(COO, TODAY)
    search = [goal for goal in proposal.goals if goal.category is Category.JOB_SEARCH]
    stretch_start = date(2029, 11, 30) - timedelta(days=31 * FINAL_STRETCH_MONTHS)
    assert search
    assert all(stretch_start <= goal.due <= date(2029, 11, 30) for goal in search)
    assert all(goal.horizon is None for goal in search)  # three years away: beyond 2 years


def test_learning_goals_take_longer_with_fewer_hours_a_week() -> None:
    def last_learning(hours: float) -> date:
        proposal = propose(replace(COO, hours_per_week=hours), TODAY)
        return max(goal.due for goal in proposal.goals if goal.category is Category.SKILLS)

    assert last_learning(2) > last_learning(5) > last_learning(15)


def test_a_target_too_soon_for_the_gap_gets_a_realistic_date() -> None:
    gap = replace(
        COO,
        target_date=date(2027, 6, 30),
        current_zone=2,
        dream_zone=4,
        current_education="High school diploma or equivalent",
    )
    proposal = propose(gap, TODAY)
    assert proposal.realistic_date is not None
    assert proposal.realistic_date > date(2027, 6, 30)
    assert proposal.target_date == proposal.realistic_date
    (warning,) = proposal.warnings
    assert warning.what.startswith("30 June 2027 is too soon for this gap at 5 hours a week")
    assert warning.hint == Hint(Remedy.SET_TARGET_DATE)
    education = [goal for goal in proposal.goals if goal.category is Category.EDUCATION]
    assert len(education) == 1
    assert "bachelor's degree" in education[0].text


def test_without_a_target_date_the_plan_aims_at_a_default_and_says_so() -> None:
    proposal = propose(replace(COO, target_date=None), TODAY)
    assert proposal.target_was_set is False
    assert proposal.target_date >= date(2029, 11, 30)
    assert proposal.warnings == [
        Advice(
            "The vision has no target date in the future; this plan aims at "
            f"{spoken(proposal.target_date)}.",
            Hint(Remedy.SET_TARGET_DATE),
        )
    ]


gaps = st.builds(
    SkillGap,
    name=st.sampled_from(["Negotiation", "Programming", "Économie", "Customer Service"]),
    kind=st.sampled_from(["skill", "knowledge", "work activity"]),
    level=st.floats(0, 5),
    needed=st.floats(5, 7),
    importance=st.floats(1, 5),
)


@settings(max_examples=60, deadline=None)
@given(
    hours=st.floats(0, 60),
    zones=st.tuples(st.integers(1, 5), st.integers(1, 5)),
    months=st.integers(-12, 120),
    skill_gaps=st.lists(gaps, max_size=6, unique_by=lambda g: g.name),
    stones=st.lists(st.sampled_from(["Sales Managers", "Medical Assistants"]), max_size=2),
)
def test_every_goal_falls_between_today_and_the_date_planned_for(
    hours: float,
    zones: tuple[int, int],
    months: int,
    skill_gaps: list[SkillGap],
    stones: list[str],
) -> None:
    gap = Gap(
        dream_title="Data Scientists",
        target_date=TODAY + timedelta(days=30 * months),
        hours_per_week=hours,
        current_zone=zones[0],
        dream_zone=zones[1],
        skill_gaps=tuple(skill_gaps),
        stepping_stones=tuple(stones),
    )
    proposal = propose(gap, TODAY)
    assert proposal.goals
    for goal in proposal.goals:
        assert TODAY < goal.due <= proposal.target_date
        assert goal.horizon is horizon_for(goal.due, TODAY)
        assert spoken(goal.due) in goal.text  # the date is in the words, so it reads as SMART


def test_only_what_starts_now_repeats_from_today() -> None:
    proposal = propose(COO, TODAY)
    skills = [goal for goal in proposal.goals if goal.key.startswith("skill-")]
    first, *later = sorted(skills, key=lambda goal: goal.due)
    assert [action.repeat for action in first.actions] == [None, "FREQ=WEEKLY"]
    assert len(later) == 2
    for goal in later:
        assert all(action.repeat is None for action in goal.actions)
        start = goal.actions[-1]
        assert start.text.startswith("Start ")
        assert start.due is not None
        assert TODAY < start.due < goal.due
    applications = next(g for g in proposal.goals if g.key == "job-search-applications")
    assert applications.actions[0].repeat is None
    assert applications.actions[0].due is not None
    assert applications.actions[0].due >= date(2029, 5, 30)
