"""Attainable knows how long credentials take: the usual length, part-time forms, and a realistic
date or a first step when the goal allows too little time; and the job of someone the person
meets is not a credential they set out to earn."""

from __future__ import annotations

import re
from datetime import date

import pytest
from tests.conftest import unavailable

from careerplan.catalog.durations import CatalogCredentials
from careerplan.catalog.store import shipped_path
from careerplan.domain.education import Education
from careerplan.domain.smart import AnalysisContext, SmartReport, analyse

TODAY = date(2026, 12, 4)


@pytest.fixture(scope="module")
def knowledge() -> CatalogCredentials:
    if not shipped_path().exists():
        unavailable("the occupation catalogue is not built")
    return CatalogCredentials()


def check(
    goal: str,
    knowledge: CatalogCredentials,
    *,
    hours: float = 10,
    education: Education | None = None,
    parent: str | None = "Become a registered nurse",
) -> SmartReport:
    context = AnalysisContext(hours_per_week=hours, credentials=knowledge, education=education)
    return analyse(goal, parent, today=TODAY, context=context)


def test_a_bsn_in_six_months_fails_names_the_usual_length_and_a_realistic_date(
    knowledge: CatalogCredentials,
) -> None:
    report = check("Earn a Bachelor of Science in Nursing within 6 months", knowledge)
    assert report.attainable.ok is False
    assert "4 years full time" in report.attainable.reason
    assert "6 months" in report.attainable.reason
    assert report.rewrite is not None
    assert "within 6 months" not in report.rewrite
    assert re.search(r"within \d+(\.\d+)? years", report.rewrite)


def test_a_nursing_degree_by_march_fails_and_offers_a_first_step_that_fits(
    knowledge: CatalogCredentials,
) -> None:
    report = check("Get a nursing degree by March 2027", knowledge)
    assert report.attainable.ok is False
    assert any("Enrol" in suggestion for suggestion in report.suggestions)


def test_the_same_degree_over_enough_years_is_attainable(knowledge: CatalogCredentials) -> None:
    # Six years part time, at the 25 hours a week a part-time BSN asks.
    assert check("Earn a BSN by December 2032", knowledge, hours=25).attainable.ok is True


def test_the_hours_a_week_change_the_verdict(knowledge: CatalogCredentials) -> None:
    # An ADN: 2 years full time, 3 part time; 40 months is enough at full-time hours only.
    goal = "Earn an ADN by March 2030"
    assert check(goal, knowledge, hours=40).attainable.ok is True
    slow = check(goal, knowledge, hours=4)
    assert slow.attainable.ok is False
    assert "17.5 years part time at 4 hours a week" in slow.attainable.reason


def test_a_bachelors_opens_the_accelerated_route(knowledge: CatalogCredentials) -> None:
    goal = "Become a registered nurse by June 2028"
    assert check(goal, knowledge, hours=40, education=Education.BACHELOR).attainable.ok is True
    assert check(goal, knowledge, hours=40, education=Education.HIGH_SCHOOL).attainable.ok is False


@pytest.mark.parametrize(
    "goal",
    [
        "Shadow a registered nurse for 2 days by March 2027",
        "Interview 3 registered nurses about their work by May 2027",
        "Find 1 mentor close to the work of a Chief Executive and meet them once a month",
        "Ask a nurse how to become an RN by March 2027",
        "Have 6 conversations with people who work as a Registered Nurse by 30 June 2027",
    ],
)
def test_the_job_of_someone_met_is_not_a_credential_to_earn(
    goal: str, knowledge: CatalogCredentials
) -> None:
    assert check(goal, knowledge).attainable.ok is not False


def test_a_goal_that_meets_people_and_then_becomes_one_is_still_checked(
    knowledge: CatalogCredentials,
) -> None:
    report = check("Meet the entry requirements and become an RN by March 2027", knowledge)
    assert report.attainable.ok is False


def test_years_of_experience_take_those_years(knowledge: CatalogCredentials) -> None:
    short = check("Gain 2 years of nursing experience by March 2027", knowledge)
    assert short.attainable.ok is False
    assert "2 years of experience" in short.attainable.reason
    assert check("Gain 2 years of nursing experience by March 2029", knowledge).attainable.ok


def test_further_experience_towards_a_credential_is_judged_on_its_own_years(
    knowledge: CatalogCredentials,
) -> None:
    # How much of the chief executive's 10 years is held already is not in the words.
    goal = "Build 5 years of further experience: progression through management roles"
    parent = "Chief executive"
    assert check(f"{goal} by 25 December 2031", knowledge, parent=parent).attainable.ok
    assert check(f"{goal} by 25 December 2028", knowledge, parent=parent).attainable.ok is False
