"""Calendar periods the deadline extractor names: months, quarters, halves, seasons, years.

A period is a `(start, end)` pair of dates, both inclusive. Fiscal years are named by the
calendar year in which they end (FY2027 with an October start runs 2026-10-01..2027-09-30),
the convention of the US federal government and most companies that report that way.
Seasons are meteorological (northern hemisphere): spring is March-May, summer June-August,
autumn September-November, winter December-February.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

Period = tuple[date, date]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
ORDINALS["4th"] = 4
ORDINALS["last"] = 4
ORDINALS["final"] = 4


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month(year: int, m: int) -> Period:
    return date(year, m, 1), month_end(year, m)


def span_months(start: date, months: int) -> Period:
    """`months` whole months from the first day of `start`'s month."""
    end = start + relativedelta(months=months) - timedelta(days=1)
    return start, end


def year_period(year: int, fiscal_start: int = 1) -> Period:
    if fiscal_start == 1:
        return date(year, 1, 1), date(year, 12, 31)
    return span_months(date(year - 1, fiscal_start, 1), 12)


def fiscal_year_of(day: date, fiscal_start: int) -> int:
    """The name (ending year) of the fiscal year containing `day`."""
    if fiscal_start == 1:
        return day.year
    return day.year + 1 if day.month >= fiscal_start else day.year


def quarter(year: int, q: int, fiscal_start: int = 1) -> Period:
    first = year_period(year, fiscal_start)[0]
    return span_months(first + relativedelta(months=3 * (q - 1)), 3)


def half(year: int, h: int, fiscal_start: int = 1) -> Period:
    first = year_period(year, fiscal_start)[0]
    return span_months(first + relativedelta(months=6 * (h - 1)), 6)


def quarter_containing(day: date, fiscal_start: int = 1) -> tuple[int, int]:
    """(fiscal year, quarter number) of `day`."""
    fy = fiscal_year_of(day, fiscal_start)
    offset = (day.month - fiscal_start) % 12
    return fy, offset // 3 + 1


def next_quarter(year: int, q: int) -> tuple[int, int]:
    return (year, q + 1) if q < 4 else (year + 1, 1)


def season(name: str, year: int) -> Period:
    """The season that starts in `year` (winter 2026 is December 2026 to February 2027)."""
    return span_months(date(year, SEASON_START[name], 1), 3)


def upcoming_season(name: str, today: date, *, strictly_next: bool) -> Period:
    """This season if we are in it (unless `strictly_next`), else the next one to start."""
    for year in (today.year - 1, today.year, today.year + 1):
        start, end = season(name, year)
        if start <= today <= end and not strictly_next:
            return start, end
        if start > today:
            return start, end
    return season(name, today.year + 1)


def upcoming_month(m: int, today: date, *, strictly_next: bool = False) -> Period:
    """The named month this year if it has not ended, else next year's."""
    year = (
        today.year
        if (m > today.month or (m == today.month and not strictly_next))
        else today.year + 1
    )
    return month(year, m)


def upcoming_weekday(weekday: int, today: date, *, next_week: bool) -> date:
    """ "Friday" is the coming Friday (today if it is Friday); "next Friday" is next week's."""
    if next_week:
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return monday + timedelta(days=weekday)
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def holiday(name: str, year: int) -> date | None:
    if name in {"christmas", "xmas", "christmas day"}:
        return date(year, 12, 25)
    if name == "christmas eve":
        return date(year, 12, 24)
    if name in {"new year's eve", "new years eve", "nye"}:
        return date(year, 12, 31)
    if name in {"new year", "new year's", "new years", "new year's day", "new years day"}:
        return date(year + 1, 1, 1)
    if name == "easter":
        return easter(year)
    if name == "thanksgiving":
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return None


def upcoming_holiday(name: str, today: date) -> date | None:
    """The next time the holiday falls on or after `today`."""
    for year in (today.year, today.year + 1):
        day = holiday(name, year)
        if day is not None and day >= today:
            return day
    return None


def valid_day(year: int, m: int, d: int) -> date | None:
    try:
        return date(year, m, d)
    except ValueError:
        return None
