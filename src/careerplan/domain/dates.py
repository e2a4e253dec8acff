"""Dates as people type them: ISO dates and short relative forms such as `+6m` or `+2w`."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from careerplan.domain.bounds import LAST_DAY, day_problem
from careerplan.domain.errors import InvalidInput

_RELATIVE = re.compile(r"^\+\s*(\d{1,4})\s*([dwmy])$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NAMED = {"today": 0, "tomorrow": 1, "yesterday": -1}


def add_months(start: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1m = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def parse_date(text: str, today: date) -> date:
    """Read `2027-06-30`, `+6m`, `+2w`, `+10d`, `+1y`, `today` or `tomorrow`, within the dates
    a plan holds (domain/bounds.py).

    Raises InvalidInput naming the accepted forms, and the reason when an ISO date does not exist.
    """
    day = _read_date(text, today)
    problem = day_problem(day)
    if problem is not None:
        raise InvalidInput(f"'{text.strip()}' is {day.isoformat()}, too far away: {problem}.")
    return day


def _read_date(text: str, today: date) -> date:
    cleaned = text.strip().lower()
    if cleaned in _NAMED:
        return today + timedelta(days=_NAMED[cleaned])
    relative = _RELATIVE.match(cleaned)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2)
        try:
            if unit == "d":
                return today + timedelta(days=amount)
            if unit == "w":
                return today + timedelta(weeks=amount)
            if unit == "m":
                return add_months(today, amount)
            return add_months(today, 12 * amount)
        except (ValueError, OverflowError):
            # `+9999y` from 2026 lands past year 9999, the last one a date can hold.
            raise InvalidInput(
                f"'{text}' is too far ahead: dates run to {LAST_DAY.isoformat()}. "
                "Choose a nearer date."
            ) from None
    iso = _ISO.match(cleaned)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        if not 1 <= month <= 12:
            raise InvalidInput(f"'{text}' is not a date: there is no month {month}.")
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise InvalidInput(
                f"'{text}' is not a date: {calendar.month_name[month]} {year} has {last} days."
            )
        return date(year, month, day)
    raise InvalidInput(
        f"'{text}' is not a date I can read. Use an ISO date like 2027-06-30, "
        "or a relative form like +6m, +2w, +10d, +1y, today, tomorrow."
    )


def end_of_month(day: date) -> date:
    """The last day of `day`'s month: deadlines read better at a month's end."""
    following = add_months(day.replace(day=1), 1)
    return following - timedelta(days=1)
