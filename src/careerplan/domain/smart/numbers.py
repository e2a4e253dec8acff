"""Numbers written in digits or words, and the figures that must never be read as dates.

`protected_figures` finds percentages, money, scores, ratios, versions, ranks, durations,
levels and similar figures. The deadline and recurrence extractors skip anything inside them,
which is what keeps "by 20%", "4.6/5", "a 1:1", "€1,500 per month", "version 3.2", "top 10"
and "2 hours" from turning into dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "a": 1, "an": 1, "single": 1, "dozen": 12, "couple": 2, "pair": 2, "half": 0.5,
}  # fmt: skip

_WORD_NUMBER = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|dozen"
    r"|a\s+hundred|hundred|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+pair\s+of"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS}|{_WORD_NUMBER})"
NUMBER_RE = re.compile(rf"\b{NUMBER}\b")


def parse_number(token: str) -> float | None:
    """`"1,500"` → 1500.0, `"twenty-one"` → 21.0, `"a couple of"` → 2.0; None if not a number."""
    token = token.strip().lower()
    if not token:
        return None
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    words = [w for w in re.split(r"[\s-]+", token) if w not in {"of"}]
    if words and words[0] in {"a", "an"} and len(words) > 1:
        words = words[1:]
    total = 0.0
    for word in words:
        value = UNITS_WORDS.get(word)
        if value is None:
            return None
        total = total * value if word in {"hundred", "thousand"} and total else total + value
    return total if words else None


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str
    start: int
    end: int
    value: float | None
    unit: str | None


_CURRENCY = r"[€$£¥₹]"
_FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("money", re.compile(rf"{_CURRENCY}\s?(?P<n>{DIGITS})(?:\s?(?P<u>k|m|bn|million|thousand))?")),
    (
        "money",
        re.compile(
            rf"\b(?P<n>{DIGITS})\s?(?P<u>k|m|bn)?\s?(?:eur|euros?|usd|dollars?|gbp|pounds?|chf)\b"
        ),
    ),
    ("percentage", re.compile(rf"\b(?P<n>{NUMBER})\s?(?P<u>%|percent|per\s?cent|pp\b)")),
    # A score out of a scale: "4.6/5", "8/10", "90/100" (a date has a second slash).
    ("score", re.compile(r"\b(?P<n>\d+(?:\.\d+)?)\s?/\s?(?P<u>5|10|100|7|9)\b(?![/.]\d)")),
    ("score", re.compile(r"\b(?P<n>\d+(?:\.\d+)?)\s?(?P<u>out\s+of\s+\d+|stars?)\b")),
    # "1:1", "1-on-1", "one-on-one", times of day "9:30".
    ("meeting", re.compile(r"\b\d{1,2}\s?:\s?\d{1,2}s?\b|\b(?:1|one)-(?:on|to)-(?:1|one)s?\b")),
    ("version", re.compile(r"\b(?:version|v|release|rev)\.?\s?\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+\b")),
    ("rank", re.compile(rf"\b(?:top|best)\s+(?P<n>{NUMBER})(?P<u>\s?%)?")),
    (
        "duration",
        re.compile(
            rf"\b(?P<n>{NUMBER})\s?(?P<u>hours?|hrs?|h|minutes?|mins?|seconds?|secs?)\b(?!-)"
        ),
    ),
    # A compound adjective: "5-year plan", "two-day course", "12-week programme".
    ("compound", re.compile(rf"\b{NUMBER}-(?:day|week|month|year|quarter|hour|minute)s?-?\w*")),
    (
        "level",
        re.compile(
            r"\b(?:level|band|grade|tier|stage|phase|step|part|paper|unit|module|section|chapter"
            r"|round|itil|python|java|windows|ios|android|web|psm|csm|pmp|aws|class)"
            r"\s+(?P<n>\d+|i{1,3}|iv|v)\b"
        ),
    ),
    ("level", re.compile(r"\b[abc][12]\b")),
    (
        "measure",
        re.compile(
            rf"\b(?P<n>{DIGITS})\s?(?P<u>kg|kilos?|lbs?|pounds|km|miles?|k\b|words|pages|steps"
            r"|followers|subscribers|users|customers|clients|points)"
        ),
    ),
)


def protected_figures(norm: str) -> list[Figure]:
    """Every figure in `norm` that is a quantity of something other than time."""
    out: list[Figure] = []
    for kind, pattern in _FIGURES:
        for m in pattern.finditer(norm):
            groups = m.groupdict()
            number = groups.get("n")
            unit = groups.get("u")
            value = parse_number(number) if number else None
            out.append(Figure(kind, m.start(), m.end(), value, unit.strip() if unit else None))
    return out


def overlaps(start: int, end: int, figures: list[Figure]) -> bool:
    return any(f.start < end and start < f.end for f in figures)
