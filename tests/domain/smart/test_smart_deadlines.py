"""The deadline a goal states: the end of the named period, latest when several, never a figure."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.smart import AnalysisContext, analyse

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Pass the PMP exam by Q3 2027.", "2027-09-30"),
        ("Lose 10 kg by June 2027.", "2027-06-30"),
        ("Complete my PMP certification within the next 12 months.", "2027-11-25"),
        ("Ship the reporting feature by the end of next quarter.", "2027-03-31"),
        ("Get promoted to senior staff nurse by mid-2027.", "2027-06-30"),
        ("Shadow the charge nurse twice before my performance review in March.", "2027-03-31"),
        ("Move into a product management role over the next two years.", "2028-11-25"),
        ("Pass the AWS exam by 15/03/2027.", "2027-03-15"),
        ("Finish the SQL course in 6 weeks.", "2027-01-06"),
        ("Send my portfolio to five studios by next Friday.", "2026-12-04"),
        ("Draft the business plan by Friday.", "2026-11-27"),
        ("Double the team's pipeline by this Friday.", "2026-11-27"),
        ("Complete the Google Data Analytics certificate by 2028.", "2028-12-31"),
        ("Learn Photoshop basics by the end of January.", "2027-01-31"),
        ("Complete the ITIL 4 Foundation certification by end of this month.", "2026-11-30"),
        ("Read 20 novels this year.", "2026-12-31"),
        ("Publish two articles by the end of the year.", "2026-12-31"),
        ("Lead two projects before the end of 2027.", "2027-12-31"),
        ("Run my first paid workshop in three months.", "2027-02-25"),
        ("Become the go-to Excel person within a year.", "2027-11-25"),
        ("Learn Python by next summer.", "2027-08-31"),
        ("Learn 5 songs this winter.", "2027-02-28"),
        ("Before Christmas, ask 3 colleagues for recommendations.", "2026-12-24"),
        ("Email the coordinator today.", "2026-11-25"),
        ("Book the exam tomorrow.", "2026-11-26"),
        ("Submit the application by December 15.", "2026-12-15"),
        ("Submit the application by 31 January 2027.", "2027-01-31"),
        ("Publish three dashboards by April 30, 2027.", "2027-04-30"),
        ("Submit the thesis by 2027-05-14.", "2027-05-14"),
        ("Pass the state exam in May 2027.", "2027-05-31"),
        ("Sit two papers in the March 2027 session and the last in September 2027.", "2027-09-30"),
        ("Finish Security+ by the end of February and apply to 10 jobs in March.", "2027-03-31"),
        ("Get an offer for a junior UX role within 9 months.", "2027-08-25"),
        ("Reach B2 level in German within 18 months.", "2028-05-25"),
        ("Land a summer internship at a security firm by May.", "2027-05-31"),
        ("Finish the course by the end of next month.", "2026-12-31"),
        ("Update my CV next week.", "2026-12-06"),
        ("Finish the draft by H1 2027.", "2027-06-30"),
        ("Finish the draft in the first half of 2027.", "2027-06-30"),
        ("Close 5 deals in the fourth quarter of 2027.", "2027-12-31"),
        ("Earn the certificate by early March 2027.", "2027-03-11"),
        ("Finish the proposal before June 2027.", "2027-05-31"),
        ("complte my pmp certifcation within the nxt 12 months", "2027-11-25"),
        ("get promted to senoir nurse by end of 2027", "2027-12-31"),
    ],
)
def test_it_finds_the_end_of_the_named_period(text: str, deadline: str) -> None:
    report = analyse(text, today=TODAY)
    assert report.deadline == date.fromisoformat(deadline)
    assert report.time_bound.ok is True


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Pass the PMP exam by Q3 2027.", "2027-07-01", "2027-09-30"),
        ("Lose 10 kg by June 2027.", "2027-06-01", "2027-06-30"),
        ("Finish the course within the next 12 months.", "2026-11-25", "2027-11-25"),
        ("Read 20 fantasy novels in 2027.", "2027-01-01", "2027-12-31"),
        ("Pass the exam by 15/03/2027.", "2027-03-15", "2027-03-15"),
        ("Learn 5 songs this winter.", "2026-12-01", "2027-02-28"),
    ],
)
def test_it_gives_the_whole_named_period_as_the_window(text: str, start: str, end: str) -> None:
    window = analyse(text, today=TODAY).to_json()["deadline_window"]
    assert window == {"start": start, "end": end}


@pytest.mark.parametrize(
    "text",
    [
        "Increase my monthly sales by 20%.",
        "Raise my CSAT score to 4.6/5.",
        "Hold a 1:1 with each direct report.",
        "Sign 3 clients paying at least €1,500 per month each.",
        "Ship version 3.2 of the mobile app.",
        "Finish in the top 10 of the company hackathon.",
        "Practise Spanish for 2 hours.",
        "Draft a 5-year business plan for my bakery.",
        "Get promoted to senior staff nurse (Band 6).",
        "Complete the ITIL 4 Foundation certification.",
        "Be a good manager one day.",
        "Sit the PM and TX papers.",
        "Save $2,027 for a course.",
        "Get more involved over the next little while.",
        "Land a summer internship at a security firm.",
        "I may apply for the role.",
        "Score 8/10 on the mock exam.",
    ],
)
def test_figures_that_are_not_times_are_never_dates(text: str) -> None:
    assert analyse(text, today=TODAY).deadline is None


def test_a_start_is_not_a_deadline() -> None:
    report = analyse("Lead the team stand-up starting in January.", today=TODAY)
    assert report.deadline is None
    assert report.time_bound.ok is False
    assert (
        report.time_bound.reason
        == "“starting in January” says when it starts, not when it is done."
    )


def test_an_event_without_a_date_makes_a_goal_time_bound_with_no_deadline() -> None:
    report = analyse("Publish a paper before my tenure review.", today=TODAY)
    assert report.deadline is None
    assert report.time_bound.ok is True
    assert [span.text for span in report.time_bound.evidence] == ["before my tenure review"]


@pytest.mark.parametrize(
    ("text", "fiscal_start", "deadline"),
    [
        ("Close the audit by Q1 FY2027.", 10, "2026-12-31"),
        ("Close the audit by FY2027.", 10, "2027-09-30"),
        ("Close the audit by the end of next quarter.", 4, "2027-03-31"),
        ("Close the audit by the end of this fiscal year.", 4, "2027-03-31"),
        ("Close the audit by Q3.", 1, "2027-09-30"),
        ("Close the audit by Q3.", 7, "2027-03-31"),
    ],
)
def test_quarters_follow_the_fiscal_year_start_setting(
    text: str, fiscal_start: int, deadline: str
) -> None:
    context = AnalysisContext(fiscal_year_start=fiscal_start)
    assert analyse(text, today=TODAY, context=context).deadline == date.fromisoformat(deadline)


@pytest.mark.parametrize(("day_first", "deadline"), [(True, "2027-04-03"), (False, "2027-03-04")])
def test_slashed_dates_follow_the_day_first_setting(day_first: bool, deadline: str) -> None:
    context = AnalysisContext(day_first=day_first)
    report = analyse("Pass the exam by 03/04/2027.", today=TODAY, context=context)
    assert report.deadline == date.fromisoformat(deadline)


def test_an_impossible_day_first_date_is_read_month_first() -> None:
    report = analyse("Pass the exam by 03/15/2027.", today=TODAY)
    assert report.deadline == date(2027, 3, 15)


def test_a_month_without_a_year_is_its_next_occurrence() -> None:
    assert analyse("Apply to 10 jobs by March.", today=date(2027, 4, 2)).deadline == date(
        2028, 3, 31
    )
    assert analyse("Apply to 10 jobs by March.", today=date(2027, 3, 2)).deadline == date(
        2027, 3, 31
    )


def test_before_a_weekday_said_on_that_weekday_means_next_week() -> None:
    report = analyse("Send the draft before Monday.", today=date(2026, 11, 30))
    assert report.deadline == date(2026, 12, 6)
