"""More ways people write goals, beyond the labelled sets: the whole verdict at a glance."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.smart import analyse

TODAY = date(2026, 11, 25)
PARENT = "Become a senior product manager"


@pytest.mark.parametrize(
    ("text", "letters", "deadline", "measure"),
    [
        ("Finish my CIPD Level 5 by the end of Q2 next year.", "SMA?T", "2027-06-30", "outcome"),
        ("Get my first 1,000 newsletter subscribers by spring 2027.", "SMA?T", "2027-05-31",
         "count"),
        ("Pass Google Associate Cloud Engineer by 28 Feb.", "SMA?T", "2027-02-28", "outcome"),
        ("Write a 2,000-word essay on IFRS 17 by Monday.", "SMA?T", "2026-11-30", "outcome"),
        ("Raise NPS from 32 to 45 by year-end.", "SMA?T", "2026-12-31", "target"),
        ("Go from 5 to 8 direct reports by the start of Q4.", "SMART", "2027-10-01", "count"),
        ("Complete a 12-week bootcamp starting in February.", "SMA?t", None, "outcome"),
        ("I want to earn my CSM by mid-January 2027.", "SMA?T", "2027-01-16", "outcome"),
        ("Improve my Excel skills by taking a course on pivot tables by March 1st.", "SM?RT",
         "2027-03-01", "outcome"),
        ("Read the first 3 chapters of Designing Data-Intensive Applications this weekend.",
         "SMART", "2026-11-29", "count"),
        ("Meet 10 hiring managers for coffee over the next quarter.", "SMART", "2027-02-25",
         "count"),
        ("Increase revenue per client by 15% YoY.", "SMA?t", None, "percentage"),
        ("Become CEO of my company by next summer.", "SMa?T", "2027-08-31", "outcome"),
        ("Present our Q3 results to the board.", "SMA?t", None, "outcome"),
        ("Earn a bachelor's degree in nursing within 12 months.", "SMaRT", "2027-11-25",
         "outcome"),
        ("Shadow a senior colleague once a month until Easter.", "SMART", "2027-03-28",
         "occurrences"),
    ],
)  # fmt: skip
def test_the_verdicts_on_other_phrasings(
    text: str, letters: str, deadline: str | None, measure: str
) -> None:
    report = analyse(text, PARENT, today=TODAY)
    assert report.letters == letters
    assert report.deadline == (date.fromisoformat(deadline) if deadline else None)
    assert report.measure is not None
    assert report.measure.kind == measure
