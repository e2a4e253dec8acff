"""The deadline a goal states: the end of the named period, with the whole period as a window.

Each pattern in `date_patterns` finds a period ("June 2027", "Q3", "next quarter", "within
12 months", "this winter", "15/03/2027", "next Friday"); the words just before it ("before",
"by the end of", "early", "starting in") then decide which part of the period is the deadline,
or whether it is a start rather than a deadline. Where a goal names several, the latest one
wins, because the goal is done when its last part is. Every pattern is a plain alternation
without nested repetition, so matching is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from careerplan.domain.smart.date_patterns import PATTERNS, Options, Resolver
from careerplan.domain.smart.numbers import Figure, overlaps
from careerplan.domain.smart.periods import Period

__all__ = ["Deadline", "Found", "Options", "extract"]

_LEAD = re.compile(r"[a-z0-9']+")
# Words before a period that make it a start, not a deadline.
_START_WORDS = {"starting", "start", "starts", "from", "since", "after", "beginning", "begin"}
_START_WORDS |= {"commencing", "last", "past", "previous", "ago"}
_BEFORE_WORDS = {"before", "prior", "ahead", "antes"}


@dataclass(frozen=True, slots=True)
class Deadline:
    due: date
    window: Period
    start: int
    end: int
    kind: str  # calendar, relative or event


@dataclass(frozen=True, slots=True)
class Found:
    deadline: Deadline | None
    candidates: tuple[Deadline, ...]
    events: tuple[tuple[int, int], ...]  # "before my tenure review": a time frame, date unknown
    starts: tuple[tuple[int, int], ...]  # "starting in January": a start, not a deadline


def _lead(norm: str, start: int) -> list[str]:
    return _LEAD.findall(norm[max(0, start - 40) : start])[-4:]


_EVENT_NOUN = (
    r"(?P<ev>review|appraisal|evaluation|1:1|one-to-one|one-on-one|defen[cs]e|graduation"
    r"|interview|probation|renewal|meeting|exam|conference|panel|deadline|start\s+date"
    r"|retirement|cycle|viva|audit|inspection|launch|birthday|anniversary|wedding|trip|holiday"
    r"|vacation|leave|move|relocation|return|sabbatical|all-hands|offsite|kick-?off)s?\b"
    r"(?:\s+(?:meeting|session|call|review|day)s?\b)?"
)
_EVENT = re.compile(
    # "before my tenure review", "by the ICML deadline": a deadline word, then any named event.
    r"\b(?:before|by|ahead\s+of|prior\s+to|until)\s+(?:my|our|the|his|her|their)\s+"
    r"(?:[\w:'-]+\s+){0,3}?"
    + _EVENT_NOUN
    # "at the next all-hands meeting", "in our next 1:1": a coming event named as such.
    + r"|\b(?:at|in|during|for)\s+(?:my|our|the|his|her|their)\s+(?:next|upcoming|coming)\s+"
    r"(?:[\w:'-]+\s+){0,2}?"
    + _EVENT_NOUN.replace("?P<ev>", "?P<ev2>")
    # "before my 30th birthday", "at my annual appraisal".
    + r"|\b(?:at|in|during|for)\s+(?:my|our|the|his|her|their)\s+(?:annual|yearly|mid-year"
    r"|end-of-year|year-end|quarterly|final|performance|tenure|phd|probation|\d{1,3}(?:st|nd|rd|th))"
    r"\s+(?:[\w:'-]+\s+){0,1}?" + _EVENT_NOUN.replace("?P<ev>", "?P<ev3>")
)


_START_LEAD = re.compile(
    r"\b(?:starting|start|starts|from|since|after|beginning|begin|commencing|last|past|previous)"
    r"\s+(?:(?:in|on|at|the|of)\s+)?$"
)


def _is_start(lead: list[str]) -> bool:
    """ "starting in January", "from March", "last year": a start or a past, not a deadline."""
    if {"by", "before", "until", "till"} & set(lead[-4:]):
        return False  # "by the start of Q4" is a deadline at the start of the period
    if lead[-1:] and lead[-1] in _START_WORDS:
        return True
    return (
        len(lead) >= 2
        and lead[-2] in _START_WORDS - {"last", "past", "previous"}
        and (lead[-1] in {"in", "on", "at", "the", "of"})
    )


def _shape(period: Period, lead: list[str], today: date) -> tuple[date, Period]:
    """Pick the deadline inside `period` from the words before it."""
    start, end = period
    tail = " ".join(lead[-3:])
    if "end of" in tail or lead[-1:] in (["end"], ["until"], ["till"], ["through"]):
        return end, period
    if lead and (lead[-1] in _BEFORE_WORDS or tail.endswith(("prior to", "ahead of"))):
        length = end - start
        due = start - timedelta(days=1)
        return due, (min(max(today, due - length), due), due)
    if tail.endswith(("start of", "beginning of")):
        if start < today:  # "by the start of Q4" during Q4: the next one
            start = start.replace(year=start.year + 1)
        return start, (start, start)
    third = (end - start) // 3
    if lead[-1:] == ["early"]:
        return start + third, (start, start + third)
    if lead[-1:] == ["late"]:
        return end, (end - third, end)
    if lead[-1:] == ["mid"] and (end - start).days > 20:
        middle = start + (end - start) // 2
        return middle, (start + third, end - third)
    return end, period


def extract(norm: str, options: Options, figures: list[Figure]) -> Found:
    """All stated deadlines in `norm`, and the latest as the goal's deadline."""
    raw: list[tuple[int, int, str, re.Match[str], Resolver]] = []
    for kind, pattern, resolve in PATTERNS:
        for m in pattern.finditer(norm):
            raw.append((m.start(), m.end(), kind, m, resolve))
    # Longest first, so "15 march 2027" beats "march 2027" and "march".
    raw.sort(key=lambda item: (item[0] - item[1], item[0]))
    taken: list[tuple[int, int]] = []
    found: list[Deadline] = []
    starts: list[tuple[int, int]] = []
    for start, end, kind, m, resolve in raw:
        if any(a < end and start < b for a, b in taken):
            continue
        if overlaps(start, end, figures):
            continue
        lead = _lead(norm, start)
        try:
            period = resolve(m, options, lead)
        except (ValueError, OverflowError):
            continue  # a period beyond the calendar's range (year 10000)
        if period is None:
            if m.groupdict().get("label"):
                taken.append((start, end))  # "the 2027 Q1 roadmap": no part of it is a date
            continue
        taken.append((start, end))
        if kind == "calendar" and _is_start(lead):
            before = norm[max(0, start - 30) : start]
            lead_in = _START_LEAD.search(before)
            starts.append((start - (len(before) - lead_in.start()) if lead_in else start, end))
            continue
        if kind == "relative":
            found.append(Deadline(period[1], period, start, end, kind))
            continue
        try:
            due, window = _shape(period, lead, options.today)
        except (ValueError, OverflowError):
            continue
        found.append(Deadline(due, window, start, end, kind))
    events = tuple(
        (m.start(), m.end())
        for m in _EVENT.finditer(norm)
        if not any(d.start < m.end() and m.start() < d.end for d in found)
    )
    found.sort(key=lambda d: d.start)
    latest = max(found, key=lambda d: d.due, default=None)
    return Found(latest, tuple(found), events, tuple(starts))
