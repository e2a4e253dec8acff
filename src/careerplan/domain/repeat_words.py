"""A repeat rule (RFC 5545 RRULE) said in words, for documents people read: the written plan and
the printed one. Rules with parts this does not know are left to the caller to show as they are.

    >>> describe("FREQ=WEEKLY;BYDAY=MO,TH")
    'every week on Monday and Thursday'
    >>> describe("FREQ=MONTHLY;INTERVAL=3;BYDAY=1SU")
    'every 3 months on the first Sunday'
    >>> describe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
    'every weekday'
    >>> describe("FREQ=MONTHLY;INTERVAL=3")
    'every quarter'
    >>> describe("FREQ=YEARLY;BYMONTH=3") is None
    True
"""

from __future__ import annotations

import re
from datetime import date

_UNITS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
_DAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
_WORKING_WEEK = ("MO", "TU", "WE", "TH", "FR")
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_DAY_PART = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_KNOWN = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"}


def describe(rule: str) -> str | None:
    """The rule in words, or None when it uses parts (or values) this does not put into words."""
    text = rule.strip().upper().removeprefix("RRULE:")
    parts: dict[str, str] = {}
    for part in text.split(";"):
        name, equals, value = part.partition("=")
        if not equals or not value or name not in _KNOWN or name in parts:
            return None
        parts[name] = value
    unit = _UNITS.get(parts.get("FREQ", ""))
    interval = parts.get("INTERVAL", "1")
    if unit is None or not interval.isdigit() or int(interval) < 1:
        return None
    every = f"every {unit}" if int(interval) == 1 else f"every {int(interval)} {unit}s"
    on = _on(parts)
    if on is None:
        return None
    ending = _ending(parts)
    if ending is None:
        return None
    # The two shortcuts the repeat choices on the forms offer, said as they are offered.
    if every == "every week" and on == " on " + _and([_DAYS[code] for code in _WORKING_WEEK]):
        every, on = "every weekday", ""
    elif every == "every 3 months" and not on:
        every = "every quarter"
    return every + on + ending


def _on(parts: dict[str, str]) -> str | None:
    """' on Monday', ' on the 15th', ' on the last Friday', or '' when the rule names no day."""
    if "BYDAY" in parts and "BYMONTHDAY" in parts:
        return None
    if "BYMONTHDAY" in parts:
        days = [_month_day(value) for value in parts["BYMONTHDAY"].split(",")]
        if any(day is None for day in days):
            return None
        return " on the " + _and([day for day in days if day is not None])
    if "BYDAY" not in parts:
        return ""
    names: list[str] = []
    for value in parts["BYDAY"].split(","):
        found = _DAY_PART.match(value)
        if found is None:
            return None
        position, day = found.group(1), _DAYS[found.group(2)]
        if position is None:
            names.append(day)
        elif int(position) in _ORDINALS:
            names.append(f"the {_ORDINALS[int(position)]} {day}")
        else:
            return None
    return " on " + _and(names)


def _month_day(value: str) -> str | None:
    number = int(value) if value.lstrip("-").isdigit() else 0
    if number == -1:
        return "last day"
    if not 1 <= number <= 31:
        return None
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _ending(parts: dict[str, str]) -> str | None:
    if "COUNT" in parts and "UNTIL" in parts:
        return None
    if "COUNT" in parts:
        count = parts["COUNT"]
        if not count.isdigit() or int(count) < 1:
            return None
        return ", once" if int(count) == 1 else f", {int(count)} times"
    if "UNTIL" in parts:
        digits = parts["UNTIL"][:8]
        try:
            until = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        except ValueError:
            return None
        return f", until {until.day} {until:%B %Y}"
    return ""


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
