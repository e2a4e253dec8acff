"""The repeat rule a goal states, as an RRULE python-dateutil accepts."""

from __future__ import annotations

from datetime import date, datetime
from itertools import islice

import pytest
from dateutil.rrule import rrulestr

from careerplan.domain.smart import analyse

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "rrule"),
    [
        ("File 2 FOI requests per month.", "FREQ=MONTHLY"),
        ("Hold a 1:1 every other week with each report.", "FREQ=WEEKLY;INTERVAL=2"),
        ("Mentor two junior analysts every quarter.", "FREQ=MONTHLY;INTERVAL=3"),
        ("Practise Spanish for 2 hours every weekday.", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("Publish one blog post every Monday.", "FREQ=WEEKLY;BYDAY=MO"),
        ("Go to the gym twice a week.", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("Write three times a week.", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
        ("Ask my charge nurse for written feedback every 2 months.", "FREQ=MONTHLY;INTERVAL=2"),
        ("Practise knife cuts for 20 minutes daily.", "FREQ=DAILY"),
        ("Send a progress note weekly.", "FREQ=WEEKLY"),
        ("Review my budget annually.", "FREQ=YEARLY"),
        ("Call a mentor every Monday and Thursday.", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("Take a pottery class on Thursday evenings.", "FREQ=WEEKLY;BYDAY=TH"),
        ("Bake one sourdough loaf every Saturday.", "FREQ=WEEKLY;BYDAY=SA"),
        ("Donate blood every 12 weeks.", "FREQ=WEEKLY;INTERVAL=12"),
        ("Every week, study something new about supply chains.", "FREQ=WEEKLY"),
        ("Check in with my sponsor fortnightly.", "FREQ=WEEKLY;INTERVAL=2"),
        ("Present at a meetup twice a year.", "FREQ=MONTHLY;INTERVAL=6"),
        ("Meet my mentor twice a month.", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
        ("Lead the weekly stand-up for my team.", "FREQ=WEEKLY"),
        ("Run weekly 1:1s with my direct reports.", "FREQ=WEEKLY"),
        ("Review one pull request each day.", "FREQ=DAILY"),
        ("Post on LinkedIn every weekend.", "FREQ=WEEKLY;BYDAY=SA,SU"),
        ("Host a lunch-and-learn every 3rd Thursday.", "FREQ=MONTHLY;BYDAY=3TH"),
        ("Present at the first Monday of each month.", "FREQ=MONTHLY;BYDAY=1MO"),
        ("Publish a newsletter on the last Friday of every month.", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("Hold biweekly retros with my team.", "FREQ=WEEKLY;INTERVAL=2"),
        ("Write 1000 words a day.", "FREQ=DAILY"),
    ],
)
def test_it_extracts_the_repeat_rule(text: str, rrule: str) -> None:
    report = analyse(text, today=TODAY)
    assert report.recurrence == rrule
    assert report.time_bound.ok is True


@pytest.mark.parametrize(
    ("text", "rrule"),
    [
        ("File 2 requests per month for the next 6 months.", "FREQ=MONTHLY;COUNT=6"),
        ("Write 500 words every day for the next 30 days.", "FREQ=DAILY;COUNT=30"),
        (
            "Call one colleague every Tuesday for the next 10 weeks.",
            "FREQ=WEEKLY;BYDAY=TU;COUNT=10",
        ),
        ("Attend two events per month until the end of June 2027.", "FREQ=MONTHLY;UNTIL=20270630"),
        ("Read one book each month in 2027.", "FREQ=MONTHLY;UNTIL=20271231"),
        ("Study weekly for the next 6 months.", "FREQ=WEEKLY;UNTIL=20270525"),
        (
            "Sit the last paper in September 2027, studying about 10 hours a week.",
            "FREQ=WEEKLY;UNTIL=20270930",
        ),
    ],
)
def test_a_stated_bound_becomes_count_or_until(text: str, rrule: str) -> None:
    assert analyse(text, today=TODAY).recurrence == rrule


@pytest.mark.parametrize(
    "text",
    [
        "Sign 3 retainer clients paying at least €1,500 per month each.",
        "Build a dashboard my manager can use in the monthly ops meeting.",
        "Increase my monthly sales by 20%.",
        "Negotiate a salary of £4,000 a month.",
        "I will meet with my manager regularly.",
        "Apply to 10 jobs by next Friday.",
        "Be a good manager one day.",
    ],
)
def test_prices_adjectives_and_vague_words_are_not_repeats(text: str) -> None:
    assert analyse(text, today=TODAY).recurrence is None


@pytest.mark.parametrize(
    ("text", "rrule", "first_days"),
    [
        ("every other week", "FREQ=WEEKLY;INTERVAL=2",
         ["2026-11-25", "2026-12-09", "2026-12-23"]),
        ("twice a month", "FREQ=MONTHLY;BYMONTHDAY=1,15",
         ["2026-12-01", "2026-12-15", "2027-01-01"]),
        ("every weekday for the next 10 weeks", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20270203",
         ["2026-11-25", "2026-11-26", "2026-11-27"]),
        ("three times a year", "FREQ=MONTHLY;INTERVAL=4",
         ["2026-11-25", "2027-03-25", "2027-07-25"]),
        ("every 3 quarters", "FREQ=MONTHLY;INTERVAL=9",
         ["2026-11-25", "2027-08-25", "2028-05-25"]),
        ("every Monday, Wednesday and Friday", "FREQ=WEEKLY;BYDAY=MO,WE,FR",
         ["2026-11-25", "2026-11-27", "2026-11-30"]),
    ],
)  # fmt: skip
def test_every_rule_parses_with_dateutil(text: str, rrule: str, first_days: list[str]) -> None:
    rule = analyse(f"Call a recruiter {text}.", today=TODAY).recurrence
    assert rule == rrule
    days = islice(rrulestr(rule, dtstart=datetime(2026, 11, 25)), 3)  # a Wednesday
    assert [day.date().isoformat() for day in days] == first_days
