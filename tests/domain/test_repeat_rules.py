"""Repeat rules: what is accepted, what is refused, and the dates they fall on."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.errors import InvalidInput
from careerplan.domain.recurrence import (
    next_occurrence,
    normalise_rule,
    occurrences_between,
    previous_occurrence,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO"),
        ("freq=monthly", "FREQ=MONTHLY"),
        ("RRULE:FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=2"),
        ("  rrule:freq=yearly;bymonth=3  ", "FREQ=YEARLY;BYMONTH=3"),
        ("FREQ=DAILY;COUNT=10", "FREQ=DAILY;COUNT=10"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ],
)
def test_it_accepts_and_normalises_rfc_5545_rules(text: str, expected: str) -> None:
    assert normalise_rule(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The repeat rule is empty. Example: FREQ=WEEKLY;BYDAY=MO"),
        ("RRULE:", "The repeat rule is empty. Example: FREQ=WEEKLY;BYDAY=MO"),
        (
            "every monday",
            "'every monday' is not one repeat rule: write a single line of NAME=VALUE parts "
            "joined by ';', e.g. FREQ=WEEKLY;BYDAY=MO.",
        ),
        (
            "BYDAY=MO",
            "'BYDAY=MO' is not a repeat rule: it needs FREQ=, e.g. FREQ=MONTHLY or "
            "FREQ=WEEKLY;INTERVAL=2 (RFC 5545 RRULE).",
        ),
        (
            "FREQ=SOMETIMES",
            "'FREQ=SOMETIMES' is not a valid RFC 5545 repeat rule: invalid 'FREQ': SOMETIMES.",
        ),
        (
            "FREQ=WEEKLY;BYDAY=XX",
            "'FREQ=WEEKLY;BYDAY=XX' is not a valid RFC 5545 repeat rule: invalid 'BYDAY': XX.",
        ),
        (
            "FREQ=HOURLY",
            "'FREQ=HOURLY' repeats more often than daily; careerplan plans in days. "
            "Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.",
        ),
        (
            "FREQ=DAILY;INTERVAL=0",
            "'FREQ=DAILY;INTERVAL=0' needs an INTERVAL of 1 or more, e.g. FREQ=WEEKLY;INTERVAL=2.",
        ),
        (
            "FREQ=DAILY\nEXDATE:20270101",
            "'FREQ=DAILY\\nEXDATE:20270101' is not one repeat rule: write a single line of "
            "NAME=VALUE parts joined by ';', e.g. FREQ=WEEKLY;BYDAY=MO.",
        ),
    ],
)
def test_it_refuses_what_is_not_one_daily_or_coarser_rule(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        normalise_rule(text)
    assert str(refused.value) == message


@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY"])
def test_rules_finer_than_a_day_are_refused_because_they_would_hang_today(freq: str) -> None:
    with pytest.raises(InvalidInput, match="repeats more often than daily"):
        normalise_rule(f"FREQ={freq}")


def test_a_rule_over_500_characters_is_refused_naming_the_limit() -> None:
    rule = "FREQ=WEEKLY;BYDAY=" + ",".join(["MO"] * 200)
    with pytest.raises(InvalidInput) as refused:
        normalise_rule(rule)
    assert str(refused.value) == f"The repeat rule is {len(rule)} characters; the limit is 500."


def test_weekly_mondays_fall_on_the_mondays_in_the_range() -> None:
    hits = occurrences_between(
        "FREQ=WEEKLY;BYDAY=MO", date(2026, 11, 25), date(2026, 11, 25), date(2026, 12, 31)
    )
    assert hits == [
        date(2026, 11, 30),
        date(2026, 12, 7),
        date(2026, 12, 14),
        date(2026, 12, 21),
        date(2026, 12, 28),
    ]


def test_a_monthly_rule_from_the_31st_skips_shorter_months_as_rfc_5545_says() -> None:
    hits = occurrences_between(
        "FREQ=MONTHLY", date(2027, 1, 31), date(2027, 1, 1), date(2027, 6, 30)
    )
    assert hits == [date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31)]


def test_the_range_is_inclusive_and_empty_when_reversed() -> None:
    start = date(2026, 11, 1)
    assert occurrences_between("FREQ=DAILY", start, date(2026, 11, 3), date(2026, 11, 4)) == [
        date(2026, 11, 3),
        date(2026, 11, 4),
    ]
    assert occurrences_between("FREQ=DAILY", start, date(2026, 11, 4), date(2026, 11, 3)) == []


@pytest.mark.parametrize(
    ("rule", "on", "previous", "following"),
    [
        ("FREQ=MONTHLY", date(2026, 12, 10), date(2026, 11, 25), date(2026, 12, 25)),
        ("FREQ=MONTHLY", date(2026, 12, 25), date(2026, 12, 25), date(2026, 12, 25)),
        ("FREQ=MONTHLY", date(2026, 11, 24), None, date(2026, 11, 25)),
        ("FREQ=MONTHLY;COUNT=2", date(2027, 3, 1), date(2026, 12, 25), None),
        ("FREQ=WEEKLY;INTERVAL=2", date(2026, 12, 1), date(2026, 11, 25), date(2026, 12, 9)),
    ],
)
def test_previous_and_next_occurrences_include_the_day_itself(
    rule: str, on: date, previous: date | None, following: date | None
) -> None:
    start = date(2026, 11, 25)
    assert previous_occurrence(rule, start, on) == previous
    assert next_occurrence(rule, start, on) == following
