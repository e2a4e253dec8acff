"""The bounds every value in a plan keeps, whichever way it comes in: the command line, a page
form, the API or a restored backup. Each surface checks with these, so a value one of them
accepts is one every other part (the databases, the calendar, the backup) can hold.

- Dates run from 1900 to 2999: calendars and the iCalendar format stop short of year 9999, and no
  career plan needs a day outside these.
- Numbers are finite and within a trillion either way: infinity or NaN would make a backup that
  JSON cannot carry, and SQLite stores NaN as NULL.
- Ids run from 1 to 2,147,483,647, the largest id column PostgreSQL holds here; a larger one
  cannot name a record, so it is "not found", never an error of the database.
- Text has no NUL characters (PostgreSQL refuses them) and no lone surrogates (no database can
  encode them).
"""

from __future__ import annotations

import math
from datetime import date

from careerplan.domain.errors import InvalidInput

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
MAX_ID = 2_147_483_647
MAX_MAGNITUDE = 1e12


def day_problem(day: date) -> str | None:
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return f"dates run from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"


def check_day(day: date, what: str = "The date", field: str | None = None) -> date:
    problem = day_problem(day)
    if problem is not None:
        raise InvalidInput(f"{what} is {day.isoformat()}; {problem}.", field=field)
    return day


def number_problem(value: float) -> str | None:
    if not math.isfinite(value):
        return "use a finite number"
    if abs(value) > MAX_MAGNITUDE:
        return "use a number within a trillion either way"
    return None


def check_number(value: float, what: str = "The number", field: str | None = None) -> float:
    problem = number_problem(value)
    if problem is not None:
        raise InvalidInput(f"{what} is {value:g}; {problem}.", field=field)
    return value


def could_be_an_id(ident: int) -> bool:
    """Whether any record could have this id (beyond the range, none could)."""
    return 1 <= ident <= MAX_ID


def text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "it contains a NUL character, which no text can hold"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"character {error.start + 1} is half of a character pair (a lone surrogate)"
    return None


def check_text(text: str, what: str = "The text", field: str | None = None) -> str:
    problem = text_problem(text)
    if problem is not None:
        raise InvalidInput(f"{what} cannot be saved: {problem}.", field=field)
    return text
