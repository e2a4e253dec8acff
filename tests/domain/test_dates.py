"""Dates as people type them: ISO dates, relative forms, and clear refusals."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.dates import add_months, parse_date
from careerplan.domain.errors import InvalidInput

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-06-30", date(2027, 6, 30)),
        ("  2027-06-30  ", date(2027, 6, 30)),
        ("2027-6-3", date(2027, 6, 3)),
        ("2028-02-29", date(2028, 2, 29)),
        ("+6m", date(2027, 5, 25)),
        ("+2w", date(2026, 12, 9)),
        ("+10d", date(2026, 12, 5)),
        ("+1y", date(2027, 11, 25)),
        ("+ 3M", date(2027, 2, 25)),
        ("+0d", TODAY),
        ("today", TODAY),
        ("Tomorrow", date(2026, 11, 26)),
        ("yesterday", date(2026, 11, 24)),
    ],
)
def test_it_reads_iso_relative_and_named_dates(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 10, 31), 1, date(2026, 11, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_adding_months_clamps_to_the_last_day_of_the_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_relative_months_from_the_31st_land_on_the_month_end() -> None:
    assert parse_date("+1m", date(2027, 1, 31)) == date(2027, 2, 28)
    assert parse_date("+1y", date(2028, 2, 29)) == date(2029, 2, 28)


def test_a_day_february_does_not_have_is_refused_naming_its_28_days() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_date("2027-02-30", TODAY)
    assert str(refused.value) == "'2027-02-30' is not a date: February 2027 has 28 days."


def test_a_leap_february_is_said_to_have_29_days() -> None:
    with pytest.raises(InvalidInput, match="February 2028 has 29 days"):
        parse_date("2028-02-30", TODAY)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-13-01", "'2027-13-01' is not a date: there is no month 13."),
        ("2027-00-10", "'2027-00-10' is not a date: there is no month 0."),
        ("2027-04-31", "'2027-04-31' is not a date: April 2027 has 30 days."),
        ("2027-04-00", "'2027-04-00' is not a date: April 2027 has 30 days."),
    ],
)
def test_impossible_iso_dates_are_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_date(text, TODAY)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    "text",
    ["", "   ", "soon", "next friday", "+6", "6m", "+6q", "-2w", "+12345d", "2027/06/30", "27-6-1"],
)
def test_garbage_is_refused_naming_the_accepted_forms(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_date(text, TODAY)
    assert str(refused.value) == (
        f"'{text}' is not a date I can read. Use an ISO date like 2027-06-30, "
        "or a relative form like +6m, +2w, +10d, +1y, today, tomorrow."
    )


def test_a_relative_date_past_the_year_9999_is_refused_not_crashed() -> None:
    assert parse_date("+9999m", TODAY) == date(2860, 2, 25)
    with pytest.raises(InvalidInput) as refused:
        parse_date("+9999y", TODAY)
    assert str(refused.value) == (
        "'+9999y' is too far ahead: dates run to 2999-12-31. Choose a nearer date."
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9999-12-31", "'9999-12-31' is 9999-12-31, too far away: dates run from 1900-01-01 to "
         "2999-12-31."),
        ("1899-12-31", "'1899-12-31' is 1899-12-31, too far away: dates run from 1900-01-01 to "
         "2999-12-31."),
        ("+999y", "'+999y' is 3025-11-25, too far away: dates run from 1900-01-01 to "
         "2999-12-31."),
    ],
)  # fmt: skip
def test_a_date_outside_the_years_a_plan_holds_is_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_date(text, TODAY)
    assert str(refused.value) == message


def test_the_first_and_last_days_a_plan_holds_are_read() -> None:
    assert parse_date("1900-01-01", TODAY) == date(1900, 1, 1)
    assert parse_date("2999-12-31", TODAY) == date(2999, 12, 31)
