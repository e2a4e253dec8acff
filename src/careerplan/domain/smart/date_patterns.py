"""The periods a goal can name, one compiled pattern and one resolver per shape.

Each resolver turns a match (and the few words before it) into a `(start, end)` period, or
None when the words are not a time after all ("I may", "a summer internship", "our Q3
results"). `deadlines` decides which part of the period is the deadline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from dateutil.relativedelta import relativedelta

from careerplan.domain.smart import periods as p
from careerplan.domain.smart.numbers import NUMBER, parse_number
from careerplan.domain.smart.periods import Period


@dataclass(frozen=True, slots=True)
class Options:
    today: date
    fiscal_year_start: int = 1
    day_first: bool = True


_MONTH = "|".join(sorted(p.MONTHS, key=len, reverse=True))
_DAY = "|".join(sorted(p.WEEKDAYS, key=len, reverse=True))
_UNIT = r"days?|weeks?|fortnights?|months?|quarters?|years?"

_TEMPORAL_LEAD = {"by", "in", "until", "till", "til", "before", "of", "during", "through"}
_TEMPORAL_LEAD |= {"throughout", "for", "end", "within", "this", "next", "coming", "due", "on"}
_TEMPORAL_LEAD |= {"early", "late", "mid", "around", "than", "the", "to", "into", "over"}
_TEMPORAL_LEAD |= {"prior", "ahead", "deadline", "target", "date"}


class Groups(Protocol):
    """What a resolver reads from a match: its named groups."""

    def __getitem__(self, key: str, /) -> str | None: ...


Resolver = Callable[["re.Match[str]", Options, list[str]], Period | None]


def _year(token: str | None, fallback: int) -> int:
    if not token:
        return fallback
    digits = token.strip("'").replace("fy", "").strip()
    value = int(digits)
    return 2000 + value if value < 100 else value


def _day_of_month(day: int, today: date) -> Period | None:
    """ "by the 3rd": the next 3rd of a month, this month's if it is still to come."""
    for step in range(3):
        first = date(today.year, today.month, 1) + relativedelta(months=step)
        found = p.valid_day(first.year, first.month, day)
        if found and found >= today:
            return found, found
    return None


def _academic_year(rel: str, today: date) -> Period:
    """An academic year runs from 1 September to 31 July (the UK pattern; US years end in May
    or June, inside the same window)."""
    start_year = today.year if today.month >= 9 else today.year - 1
    if today.month == 8 or rel == "next":
        start_year += 1
    return date(start_year, 9, 1), date(start_year + 1, 7, 31)


def _iso(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    day = p.valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return (day, day) if day else None


def _numeric(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    a, b = int(m["a"]), int(m["b"])
    year = _year(m["y"], o.today.year) if m["y"] else None
    first, second = (b, a) if o.day_first else (a, b)
    for mm, dd in ((first, second), (second, first)):
        if year is None:
            if not lead or lead[-1] not in {"by", "on", "before", "until", "till", "due"}:
                return None
            day = p.valid_day(o.today.year, mm, dd)
            if day and day < o.today:
                day = p.valid_day(o.today.year + 1, mm, dd)
        else:
            day = p.valid_day(year, mm, dd)
        if day:
            return day, day
    return None


def _day_month(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    month = p.MONTHS[m["mon"]]
    if m["y"]:
        day = p.valid_day(int(m["y"]), month, int(m["d"]))
    else:
        day = p.valid_day(o.today.year, month, int(m["d"]))
        if day and day < o.today:
            day = p.valid_day(o.today.year + 1, month, int(m["d"]))
    return (day, day) if day else None


def _month_year(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    return p.month(_year(m["y"], o.today.year), p.MONTHS[m["mon"]])


def _month(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    name = m["mon"]
    needs_lead = len(name) <= 4 and name not in {"june", "july"}
    if (name == "march" or needs_lead) and (
        not lead or lead[-1] not in _TEMPORAL_LEAD | {"mid", "early", "late"}
    ):
        return None
    if _labels_a_thing(m, lead):
        return None
    if m["ry"]:
        return p.month(o.today.year + (m["ry"] == "next"), p.MONTHS[name])
    strictly_next = bool(lead) and lead[-1] == "next"
    return p.upcoming_month(p.MONTHS[name], o.today, strictly_next=strictly_next)


# "our Q3 results", "the March report": a period used as a label, not a time to finish by.
_LABEL = (
    r"(?P<label>\s+(?:results|report|reports|numbers|figures|targets?|goals|okrs|review|planning"
    r"|plan|budget|forecast|earnings|roadmap|newsletter|issue|edition|release|update|board))?"
)
_LABEL_LEAD = {"our", "my", "their", "his", "her", "its", "the", "a", "this", "last", "your"}


def _labels_a_thing(m: re.Match[str], lead: list[str]) -> bool:
    return bool(m["label"]) and bool(lead) and lead[-1] in _LABEL_LEAD


def _unit_end(m: Groups, o: Options, lead: list[str]) -> Period | None:
    """The end of the current period: "year-end", "month end", "EOY"."""
    word = m["u"] or "year"
    unit = {"eoy": "year", "eom": "month", "eoq": "quarter", "eow": "week"}.get(word, word)
    today = o.today
    if unit == "week":
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return p.month(today.year, today.month)
    if unit == "quarter":
        year, q = p.quarter_containing(today, o.fiscal_year_start)
        return p.quarter(year, q, o.fiscal_year_start)
    fiscal = o.fiscal_year_start if lead[-1:] == ["fiscal"] else 1
    return p.year_period(p.fiscal_year_of(today, fiscal), fiscal)


def _quarter(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    fs = o.fiscal_year_start
    q = int(m["q"]) if m["q"] else p.ORDINALS[m["o"]]
    if _labels_a_thing(m, lead):
        return None
    year = m["y"] or m.groupdict().get("y0")
    if year:
        return p.quarter(_year(year, o.today.year), q, fs)
    if m["ry"]:
        return p.quarter(p.fiscal_year_of(o.today, fs) + (m["ry"] == "next"), q, fs)
    year, _ = p.quarter_containing(o.today, fs)
    candidate = p.quarter(year, q, fs)
    return candidate if candidate[1] >= o.today else p.quarter(year + 1, q, fs)


def _half(m: Groups, o: Options, lead: list[str]) -> Period | None:
    h = int(m["h"]) if m["h"] else (1 if m["o"] in {"first", "1st"} else 2)
    if m["y"]:
        return p.half(_year(m["y"], o.today.year), h, o.fiscal_year_start)
    year = p.fiscal_year_of(o.today, o.fiscal_year_start) + (1 if m["rel"] == "next" else 0)
    period = p.half(year, h, o.fiscal_year_start)
    if not m["rel"] and period[1] < o.today:
        period = p.half(year + 1, h, o.fiscal_year_start)
    return period


def _mid(m: Groups, o: Options, lead: list[str]) -> Period | None:
    year = _year(m["y"], o.today.year) + (1 if m["rel"] == "next" else 0)
    return date(year, 6, 1), date(year, 6, 30)


def _year_named(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    value = int(m["y"])
    if not 2000 <= value <= 2100 and not m["fy"]:
        return None
    if _labels_a_thing(m, lead):
        return None
    if not m["fy"] and not (lead and lead[-1] in _TEMPORAL_LEAD) and not m["tail"]:
        return None
    fiscal = o.fiscal_year_start if m["fy"] else 1
    return p.year_period(_year(m["y"], o.today.year), fiscal)


def _relative(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    if m["rel"] == "the" and not (lead and lead[-1] in {"of", "by", "before", "until", "till"}):
        return None
    period = _relative_period(m, o, lead)
    if period is not None and m["ends"]:
        # "before the year ends" means by its last day.
        end = period[1] + timedelta(days=1 if lead[-1:] == ["before"] else 0)
        return end, end
    return period


def _relative_period(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    rel, unit = m["rel"], m["unit"]
    step = 1 if rel in {"next", "following", "coming"} else 0
    today = o.today
    if unit == "week" or unit == "weekend":
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * step)
        return (
            (monday + timedelta(days=5), monday + timedelta(days=6))
            if unit == "weekend"
            else (
                monday,
                monday + timedelta(days=6),
            )
        )
    if unit == "fortnight":
        return today, today + timedelta(days=14)
    if unit == "month":
        first = date(today.year, today.month, 1) + relativedelta(months=step)
        return p.month(first.year, first.month)
    if unit == "quarter":
        year, q = p.quarter_containing(today, o.fiscal_year_start)
        if step:
            year, q = p.next_quarter(year, q)
        return p.quarter(year, q, o.fiscal_year_start)
    if unit == "semester":
        return None
    fiscal = o.fiscal_year_start if (m["fis"] or (lead and lead[-1] == "fiscal")) else 1
    return p.year_period(p.fiscal_year_of(today, fiscal) + step, fiscal)


def _day_word(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    word = m["w"]
    day = o.today + timedelta(days=1) if word == "tomorrow" else o.today
    return day, day


def _duration(m: Groups, o: Options, lead: list[str]) -> Period | None:
    raw = m["n"]
    if raw is not None:
        raw = re.split(r"\s*(?:-|\bto\b|\bor\b)\s*", raw)[-1]  # "2-3 months": the upper end
    vague = raw is not None and ("few" in raw or "several" in raw)
    n = 1.0 if raw is None else (3.0 if vague else parse_number(raw))
    if n is None or n <= 0 or n > 100:
        return None
    unit = (m["unit"] or "day").rstrip("s")
    if m["prep"] == "for" and not m["next"]:
        return None
    whole = int(n)
    if unit == "day":
        end = o.today + timedelta(days=whole)
    elif unit == "week":
        end = o.today + timedelta(days=round(7 * n))
    elif unit == "fortnight":
        end = o.today + timedelta(days=round(14 * n))
    elif unit == "month":
        end = o.today + relativedelta(months=whole, days=round(30 * (n - whole)))
    elif unit == "quarter":
        end = o.today + relativedelta(months=round(3 * n))
    else:
        end = o.today + relativedelta(years=whole, months=round(12 * (n - whole)))
    return o.today, end


def _season(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    name = m["s"]
    if m["y"]:
        year = int(m["y"])
        return p.season(name, year - 1 if name == "winter" and lead[-1:] == ["of"] else year)
    allowed = _TEMPORAL_LEAD - {"to", "on", "for"}
    if not lead or lead[-1] not in allowed:
        return None
    if m["noun"]:
        return None  # "a summer internship", "the winter term": an adjective, not a time
    return p.upcoming_season(name, o.today, strictly_next=lead[-1] == "next")


def _holiday(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    name = re.sub(r"\s+", " ", m["h"])
    day = p.upcoming_holiday(name.replace("xmas", "christmas"), o.today)
    return (day, day) if day else None


_WEEKDAY_LEAD = {"by", "before", "until", "till", "on", "this", "next", "coming", "due", "eod"}
_WEEKDAY_LEAD |= {"cob", "eow", "end"}


def _weekday(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    if m["plural"]:
        return None  # "Mondays", "Thursday evenings": a repeat, not a deadline
    if not lead or lead[-1] not in _WEEKDAY_LEAD:
        return None
    day = p.upcoming_weekday(p.WEEKDAYS[m["d"]], o.today, next_week=lead[-1] == "next")
    if day == o.today and lead[-1] == "before":
        day += timedelta(days=7)  # "before Monday", said on a Monday, is next Monday
    return day, day


_NOUN_AFTER_SEASON = (
    r"(?P<noun>\s+(?:internship|intern|school|job|term|semester|session|course|programme|program"
    r"|camp|holiday|holidays|break|placement|role|season|sale|sales|collection|menu|festival))?"
)
PATTERNS: tuple[tuple[str, re.Pattern[str], Resolver], ...] = (
    ("calendar", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), _iso),
    (
        "calendar",
        re.compile(r"(?<![\d/.])\b(?P<m>0?[1-9]|1[0-2])/(?P<y>20\d{2})\b(?![/.]\d)"),
        lambda m, o, lead: p.month(int(m["y"]), int(m["m"])),
    ),
    (
        "calendar",
        re.compile(
            r"\b(?:by|on|before|until|till)\s+the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
            rf"(?!\s+(?:of\s+)?(?:{_MONTH})\b)"
        ),
        lambda m, o, lead: _day_of_month(int(m["d"]), o.today),
    ),
    (
        "calendar",
        re.compile(r"\b(?P<rel>this|next|the|current)\s+(?:academic|school)\s+year\b"),
        lambda m, o, lead: _academic_year(m["rel"], o.today),
    ),
    (
        "calendar",
        re.compile(
            r"(?<![\d.,/])\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})(?:[/.-](?P<y>\d{4}|\d{2}))?\b"
            r"(?![/.,]?\d)"
        ),
        _numeric,
    ),
    (
        "calendar",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b\.?"
            r"(?:,?\s+(?P<y>\d{4})\b)?"
        ),
        _day_month,
    ),
    (
        "calendar",
        re.compile(
            rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d:%])"
            r"(?!\s*(?:hours?|hrs?|minutes?|mins?|percent|%|days?|weeks?|months?|years?))"
            r"(?:,?\s+(?P<y>\d{4})\b)?"
        ),
        _day_month,
    ),
    (
        "calendar",
        re.compile(rf"\b(?P<mon>{_MONTH})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}}|'\d{{2}})\b"),
        _month_year,
    ),
    (
        "calendar",
        re.compile(rf"\b(?P<mon>{_MONTH})\b(?:\s+(?:of\s+)?(?P<ry>this|next)\s+year)?" + _LABEL),
        _month,
    ),
    (
        "calendar",
        re.compile(
            r"\b(?:(?P<y0>20\d{2})\s+)?(?:fiscal\s+|fy\s?)?q(?P<q>[1-4])(?P<o>)\b"
            r"(?:\s*,?\s*(?:of\s+)?(?:fiscal\s+year\s+|fy\s?)?(?P<y>20\d{2}|'?\d{2})\b)?"
            r"(?:\s+(?:of\s+)?(?P<ry>this|next)\s+year)?" + _LABEL
        ),
        _quarter,
    ),
    (
        "calendar",
        re.compile(
            r"\b(?P<q>)(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+"
            r"(?:fiscal\s+)?quarter\b(?:\s+of\s+(?:the\s+)?(?:fiscal\s+year\s+|fy\s?)?"
            r"(?P<y>20\d{2}))?(?:\s+(?:of\s+)?(?P<ry>this|next)\s+year)?" + _LABEL
        ),
        _quarter,
    ),
    (
        "calendar",
        re.compile(
            r"\bh(?P<h>[12])(?P<o>)(?P<rel>)\b(?:\s*(?P<y>20\d{2}))?|\b(?P<o2>first|second|1st|2nd)"
            r"\s+half\s+of\s+(?:the\s+year|(?P<y2>20\d{2})|(?P<rel2>this|next)\s+year)"
        ),
        lambda m, o, lead: _half_any(m, o, lead),
    ),
    (
        "calendar",
        re.compile(
            r"\bmid[-\s]?(?P<y>20\d{2})(?P<rel>)\b|\bmid[-\s]?year\b(?P<y2>)(?P<rel2>)"
            r"|\bmiddle\s+of\s+(?:(?P<y3>20\d{2})|the\s+year|(?P<rel3>this|next)\s+year)"
        ),
        lambda m, o, lead: _mid_any(m, o, lead),
    ),
    (
        "calendar",
        re.compile(
            r"\b(?P<fy>fiscal\s+year\s+|fy\s?'?)?(?P<y>20\d{2}|(?<=fy)\d{2}|(?<=fy\s)\d{2}"
            r"|(?<=fy')\d{2})\b(?![-/]\d)(?P<tail>(?=\s*[.,;:!?)]|\s*$))?" + _LABEL
        ),
        _year_named,
    ),
    (
        "calendar",
        re.compile(
            r"\b(?P<rel>this|next|the|coming|following|current)\s+(?P<fis>fiscal\s+|financial\s+)?"
            r"(?P<unit>week|weekend|fortnight|month|quarter|year)\b(?!-)"
            r"(?P<ends>\s+(?:ends|is\s+over|closes|finishes|runs\s+out))?"
        ),
        _relative,
    ),
    (
        "calendar",
        re.compile(r"\b(?P<u>year|month|quarter|week)[-\s]end\b|\b(?P<u2>eoy|eom|eoq|eow)\b"),
        lambda m, o, lead: _unit_end(_Named(m, {"u": ("u", "u2")}), o, lead),
    ),
    (
        "calendar",
        re.compile(r"\b(?P<w>today|tonight|tomorrow|end\s+of\s+(?:the\s+)?day|eod)\b"),
        _day_word,
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<prep>within|in|over|during|for|inside\s+of|inside)\s+(?:the\s+)?"
            r"(?P<next>next\s+|coming\s+|following\s+|upcoming\s+)?"
            rf"(?P<n>{NUMBER}(?:\s*(?:-|to|or)\s*{NUMBER})?|a|an|few|several|a\s+few)\s+"
            rf"(?P<unit>{_UNIT})\b(?!-)"
            rf"|\b(?P<prep2>)(?P<next2>next|coming|following)\s+"
            rf"(?P<n2>{NUMBER}(?:\s*(?:-|to|or)\s*{NUMBER})?)\s+"
            rf"(?P<unit2>{_UNIT})\b"
            rf"|\b(?P<n3>{NUMBER}|a|an)\s+(?P<unit3>{_UNIT})\s+from\s+(?:now|today)\b"
            r"|\b(?P<prep4>within|in|over|during|for)\s+the\s+(?P<next4>next|coming)\s+"
            r"(?P<unit4>week|month|quarter|year|fortnight)\b"
        ),
        lambda m, o, lead: _duration_any(m, o, lead),
    ),
    (
        "calendar",
        re.compile(
            r"\b(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>20\d{2})\b)?"
            + _NOUN_AFTER_SEASON
        ),
        _season,
    ),
    (
        "calendar",
        re.compile(
            r"\b(?P<h>christmas\s+eve|christmas\s+day|christmas|xmas|new\s+year'?s?\s+eve"
            r"|new\s+year'?s?\s+day|new\s+year'?s?|easter|thanksgiving)\b"
        ),
        _holiday,
    ),
    (
        "calendar",
        re.compile(
            rf"\b(?P<d>{_DAY})\b(?P<plural>s\b|\s+(?:mornings|evenings|nights|afternoons)\b)?"
        ),
        _weekday,
    ),
)


class _Named:
    """A view of a match whose alternative branches use numbered group names."""

    def __init__(self, m: re.Match[str], names: dict[str, tuple[str, ...]]) -> None:
        self._m = m
        self._names = names

    def __getitem__(self, key: str) -> str | None:
        for name in self._names.get(key, (key,)):
            value = self._m.groupdict().get(name)
            if value:
                return value
        return None


def _half_any(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    view = _Named(m, {"o": ("o", "o2"), "y": ("y", "y2"), "rel": ("rel", "rel2")})
    return _half(view, o, lead)


def _mid_any(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    view = _Named(m, {"y": ("y", "y2", "y3"), "rel": ("rel", "rel2", "rel3")})
    return _mid(view, o, lead)


def _duration_any(m: re.Match[str], o: Options, lead: list[str]) -> Period | None:
    view = _Named(
        m,
        {
            "prep": ("prep", "prep2", "prep4"),
            "next": ("next", "next2", "next4"),
            "n": ("n", "n2", "n3"),
            "unit": ("unit", "unit2", "unit3", "unit4"),
        },
    )
    if m["n2"] or m["n3"] or m["unit4"]:
        return _duration(_ForFree(view), o, lead)
    return _duration(view, o, lead)


class _ForFree:
    """The shapes "next 6 months" and "6 months from now" need no "for the next"."""

    def __init__(self, view: _Named) -> None:
        self._view = view

    def __getitem__(self, key: str) -> str | None:
        if key == "prep":
            return "within"
        return self._view[key]
