"""The repeat schedule a goal states, as an RFC 5545 RRULE (without the `RRULE:` prefix).

Choices where English is looser than RRULE, so that a schedule is always concrete:
- "every quarter" is `FREQ=MONTHLY;INTERVAL=3`; "fortnightly" and "biweekly" are every other week.
- "N times a week" spreads the days from Monday: twice → MO,TH; three times → MO,WE,FR;
  four → MO,TU,TH,FR; five → weekdays; six → MO..SA; seven → daily.
- "twice a month" is the 1st and 15th; "N times a year" is every 12/N months when that divides.
- "2 requests per month" is monthly: the 2 is the quantity per occurrence, kept in the measure.
- A price or salary ("€1,500 per month") and an adjective on a noun that the goal does not act
  on ("in the monthly ops meeting", "my monthly sales") are not schedules.
- A bound "for the next N <unit>" of the same unit becomes `COUNT=N`; any other stated end
  (a deadline, "until June") becomes `UNTIL`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr

from careerplan.domain.smart.numbers import NUMBER, Figure, parse_number
from careerplan.domain.smart.periods import WEEKDAYS
from careerplan.domain.smart.text import words

_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_SPREAD = {2: "MO,TH", 3: "MO,WE,FR", 4: "MO,TU,TH,FR", 5: "MO,TU,WE,TH,FR", 6: "MO,TU,WE,TH,FR,SA"}
_DAY = "|".join(sorted((d for d in WEEKDAYS if len(d) > 3), key=len, reverse=True))
# Both tables are also read for the repeats people type (domain/repeat_phrases.py).
UNIT_FREQ = {
    "day": ("DAILY", 1), "morning": ("DAILY", 1), "evening": ("DAILY", 1), "night": ("DAILY", 1),
    "week": ("WEEKLY", 1), "fortnight": ("WEEKLY", 2), "month": ("MONTHLY", 1),
    "quarter": ("MONTHLY", 3), "year": ("YEARLY", 1), "semester": ("MONTHLY", 6),
}  # fmt: skip
ADVERB_FREQ = {
    "daily": ("DAILY", 1), "nightly": ("DAILY", 1), "weekly": ("WEEKLY", 1),
    "fortnightly": ("WEEKLY", 2), "biweekly": ("WEEKLY", 2), "bi-weekly": ("WEEKLY", 2),
    "monthly": ("MONTHLY", 1), "bimonthly": ("MONTHLY", 2), "bi-monthly": ("MONTHLY", 2),
    "quarterly": ("MONTHLY", 3), "annually": ("YEARLY", 1), "yearly": ("YEARLY", 1),
    "biannually": ("MONTHLY", 6),
}  # fmt: skip
_UNITS = r"days?|mornings?|evenings?|nights?|weeks?|fortnights?|months?|quarters?|years?|semesters?"

_EVERY = re.compile(
    r"\b(?:every|each)\s+(?:(?P<other>other|second|alternate)\s+|(?P<n>"
    + NUMBER
    + r")\s+|single\s+)?(?P<unit>weekdays?|working\s+days?|workdays?|business\s+days?|weekends?|"
    + _UNITS
    + r")\b"
)
_DAYS = re.compile(
    rf"\b(?:(?P<every>every|each|on)\s+)?(?P<first>{_DAY})(?P<plural>s)?\b"
    rf"(?P<rest>(?:\s*(?:,|and|&|or)\s*(?:{_DAY})s?\b){{0,6}})"
    r"(?P<part>\s+(?:mornings|evenings|nights|afternoons|lunchtimes)\b)?"
)
# "the first Monday of each month", "every 3rd Thursday", "the last Friday of every month".
_NTH_DAY = re.compile(
    r"\b(?:every|each|on\s+the|the)\s+(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)"
    rf"\s+(?P<day>{_DAY})\b(?P<month>\s+of\s+(?:each|every|the)\s+month)?"
)
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_NTH |= {"4th": 4, "last": -1}
_ADVERB = re.compile(
    r"\b(?P<adv>daily|nightly|weekly|fortnightly|bi-?weekly|monthly|bi-?monthly|quarterly"
    r"|annually|yearly|biannually)\b(?P<after>\s+\w+)?"
)
_TIMES = re.compile(
    rf"\b(?P<n>once|twice|thrice|(?:{NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+"
    r"(?P<unit>day|week|fortnight|month|quarter|year)\b"
)
_PER = re.compile(r"\b(?:per|a|an|each)\s+(?P<unit>day|week|fortnight|month|quarter|year)\b")
_RATE_TARGET = re.compile(rf"\b(?:to|from|at)\s+(?:{NUMBER})\s*(?:[a-z]+\s+)?$")
_COUNT_BOUND = re.compile(
    rf"\bfor\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+)?(?P<n>{NUMBER})\s+"
    rf"(?P<unit>{_UNITS})\b"
)
# An adjective like "weekly" counts as the goal's cadence only when the goal acts on the thing.
_ACTING_VERBS = words(
    """attend lead run host hold join write send publish present chair facilitate organise
    organize give do complete post record share submit deliver prepare book schedule set
    have take make teach update file produce"""
)
_MONEY_WORDS = words(
    """paying pay paid earn earning earns salary income rent revenue worth costing cost budget
    charge charging fee fees rate"""
)
_CONNECTORS = words(
    """and with to for on at in by from until about of or but so that which the my our"""
)


@dataclass(frozen=True, slots=True)
class Rule:
    freq: str
    interval: int
    start: int
    end: int
    byday: str | None = None
    bymonthday: str | None = None

    def render(self, count: int | None = None, until: date | None = None) -> str:
        parts = [f"FREQ={self.freq}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.byday:
            parts.append(f"BYDAY={self.byday}")
        if self.bymonthday:
            parts.append(f"BYMONTHDAY={self.bymonthday}")
        if count:
            parts.append(f"COUNT={count}")
        elif until:
            parts.append(f"UNTIL={until:%Y%m%d}")
        return ";".join(parts)


@dataclass(frozen=True, slots=True)
class Recurrence:
    rrule: str
    start: int
    end: int


def _unit(word: str) -> str:
    word = word.replace("working ", "").replace("business ", "")
    return word[:-1] if word.endswith("s") and word not in {"weekdays"} else word


def _days(first: str, rest: str) -> str:
    names = [first, *re.findall(rf"{_DAY}", rest)]
    codes = sorted({WEEKDAYS[n] for n in names})
    return ",".join(_CODES[c] for c in codes)


def _candidates(norm: str, figures: list[Figure]) -> list[Rule]:
    rules: list[Rule] = []
    for m in _EVERY.finditer(norm):
        unit = _unit(m["unit"])
        if (unit in {"weekday", "day"} and "week" in m["unit"]) or unit == "workday":
            rules.append(Rule("WEEKLY", 1, m.start(), m.end(), byday="MO,TU,WE,TH,FR"))
            continue
        if unit == "weekend":
            rules.append(Rule("WEEKLY", 1, m.start(), m.end(), byday="SA,SU"))
            continue
        if m["unit"].startswith(("working", "business")):
            rules.append(Rule("WEEKLY", 1, m.start(), m.end(), byday="MO,TU,WE,TH,FR"))
            continue
        freq, step = UNIT_FREQ[unit]
        n = 2 if m["other"] else int(parse_number(m["n"]) or 1) if m["n"] else 1
        rules.append(Rule(freq, step * max(n, 1), m.start(), m.end()))
    for m in _NTH_DAY.finditer(norm):
        if not (m["month"] or m.group().startswith(("every", "each"))):
            continue
        code = _CODES[WEEKDAYS[m["day"]]]
        rules.append(Rule("MONTHLY", 1, m.start(), m.end(), byday=f"{_NTH[m['nth']]}{code}"))
    for m in _DAYS.finditer(norm):
        if not (m["every"] in {"every", "each"} or m["plural"] or m["part"]):
            continue
        if any(r.start <= m.start() < r.end for r in rules):
            continue
        byday = _days(m["first"], m["rest"] or "")
        rules.append(Rule("WEEKLY", 1, m.start(), m.end(), byday=byday))
    for m in _TIMES.finditer(norm):
        word = m["n"]
        n = {"once": 1, "twice": 2, "thrice": 3}.get(word) or int(
            parse_number(word.replace("times", "")) or 1
        )
        rules.append(_spread(n, m["unit"], m.start(), m.end()))
    for m in _PER.finditer(norm):
        if any(r.start <= m.start() < r.end for r in rules):
            continue
        before = norm[max(0, m.start() - 40) : m.start()]
        words = re.findall(r"[a-z€$£]+|\d[\d,.]*", before)
        if any(f.kind == "money" and m.start() - f.end <= 20 <= m.start() for f in figures) or (
            any(f.kind == "money" and 0 <= m.start() - f.end <= 12 for f in figures)
        ):
            continue
        if set(words[-4:]) & _MONEY_WORDS:
            continue
        if _RATE_TARGET.search(before):
            continue  # "increase my billable hours to 30 per week": a rate to reach
        # "2 requests per month", "10 hours a week", "one post a week": a number before it.
        if not re.search(rf"(?:\d|\b(?:{NUMBER})\b)[^.;]{{0,40}}$", before):
            continue
        freq, step = UNIT_FREQ[m["unit"]]
        rules.append(Rule(freq, step, m.start(), m.end()))
    for m in _ADVERB.finditer(norm):
        after = (m["after"] or "").strip()
        lead = re.findall(r"[a-z]+", norm[max(0, m.start() - 30) : m.start()])[-2:]
        acting = bool(lead) and (lead[-1] in _ACTING_VERBS or lead[-2:-1] == [] or False)
        if after and after not in _CONNECTORS:
            # "the weekly stand-up": counts only when the goal acts on it ("lead the weekly").
            verbs = [w for w in lead if w in _ACTING_VERBS]
            if not verbs:
                continue
        elif not after and not acting and lead[-1:] == ["the"]:
            continue
        freq, step = ADVERB_FREQ[m["adv"]]
        rules.append(Rule(freq, step, m.start(), m.end()))
    return rules


def _spread(n: int, unit: str, start: int, end: int) -> Rule:
    if unit == "day":
        return Rule("DAILY", 1, start, end)
    if unit == "week":
        if n >= 7:
            return Rule("DAILY", 1, start, end)
        return Rule("WEEKLY", 1, start, end, byday=_SPREAD.get(n))
    if unit == "fortnight":
        return Rule("WEEKLY", 2, start, end, byday=_SPREAD.get(n))
    if unit == "month":
        if n <= 1:
            return Rule("MONTHLY", 1, start, end)
        days = ",".join(str(1 + (28 * i) // n) for i in range(min(n, 28)))
        return Rule("MONTHLY", 1, start, end, bymonthday=days)
    months = 3 if unit == "quarter" else 12
    if n <= 1:
        return Rule("MONTHLY", months, start, end) if months == 3 else Rule("YEARLY", 1, start, end)
    if months % n == 0:
        return Rule("MONTHLY", months // n, start, end)
    return Rule("WEEKLY", max(1, round(52 * months / 12 / n)), start, end)


def _count(rule: Rule, norm: str, today: date) -> tuple[int | None, date | None]:
    """A `for the next N <unit>` bound: a COUNT when it is in the rule's own unit."""
    m = _COUNT_BOUND.search(norm)
    if not m:
        return None, None
    n = parse_number(m["n"])
    if not n or n > 1000:
        return None, None
    unit = _unit(m["unit"])
    same = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}.get(unit)
    if same == rule.freq and rule.interval == 1 and not rule.bymonthday:
        if rule.byday and "," in rule.byday:
            pass
        else:
            return int(n), None
    delta = {
        "day": relativedelta(days=int(n)),
        "week": relativedelta(weeks=int(n)),
        "fortnight": relativedelta(weeks=2 * int(n)),
        "month": relativedelta(months=int(n)),
        "quarter": relativedelta(months=3 * int(n)),
        "year": relativedelta(years=int(n)),
    }.get(unit)
    try:
        return None, (today + delta) if delta else None
    except (ValueError, OverflowError):
        return None, None


def extract(
    norm: str, today: date, figures: list[Figure], deadline: date | None
) -> Recurrence | None:
    """The goal's repeat rule, bounded by the text where it says so; None if it does not repeat."""
    rules = _candidates(norm, figures)
    if not rules:
        return None
    # A rule naming days is the most precise; otherwise the first one stated.
    rule = next((r for r in rules if r.byday), rules[0])
    # "every 3rd Thursday" or "the first Monday of each month" beats the "each month" in it.
    count, until = _count(rule, norm, today)
    if count is None and until is None and deadline is not None and deadline >= today:
        until = deadline
    text = rule.render(count=count, until=until)
    try:
        rrulestr(text, dtstart=datetime(today.year, today.month, today.day))
    except (ValueError, TypeError):
        return None
    return Recurrence(text, rule.start, rule.end)
