"""Is the goal attainable in the time it gives itself, with the hours the person has?

Not attainable: a deadline already past; unbounded scope ("everything"); a multiplied
company-level result in weeks; preparation effort (see `effort`) beyond what even full-time
study fits in the window, or calendar time a programme cannot be compressed below.
Undecided (`None`): the text gives no basis (vague goals with no time frame), the effort fits
only with full-time study ("depends on what you already know"), or the result depends on
other people's decisions (a promotion, a role, a rank, a metric with no target).
Attainable: the effort fits the weekly hours, or the goal is a concrete personal action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from careerplan.domain.smart import effort
from careerplan.domain.smart.numbers import parse_number
from careerplan.domain.smart.report import Measure, Verdict
from careerplan.domain.smart.text import Text

DEFAULT_HOURS_PER_WEEK = 10.0
FULL_TIME_HOURS = 40.0
SLACK = 1.25

_UNBOUNDED = re.compile(
    r"\b(?:everything|all\s+aspects|every\s+(?:single\s+)?(?:skill|technology|language|tool)"
    r"|best\s+in\s+the\s+world|world'?s\s+best|master\s+all)\b"
)
_ORG_SCALE = re.compile(r"\b(?:company|company's|organisation'?s?|organization'?s?|firm'?s?)\b")
_ROLE_CHANGE = re.compile(
    r"\bpromot(?:ed|ion)\b|\b(?:move|moving|transition|step|switch)\s+(?:in)?to\b|\bbecome\s+"
    r"\w|\bget\s+hired\b|\bas\s+(?:a\s+|an\s+)?(?:deputy|senior|lead|head|acting)\b"
)
_TOP_EXEC = re.compile(r"\b(?:ceo|cfo|cto|coo|chief|vice\s+president|vp|president|partner)\b")
_OPEN_METRIC = re.compile(
    r"^\W*(?:i\s+will\s+|i\s+want\s+to\s+)?(?:increase|grow|cut|reduce|improve|boost|raise"
    r"|lower|decrease|drive)\b"
)
_BEING = re.compile(r"\b(?:be|become|being|becoming)\s+(?:known|seen|recogni[sz]ed|respected)\b")
_HOURS_PER_WEEK = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|[a-z]+)\s+hours?\s+(?:a|per|each|every)\s+week\b"
)
_MONEY_GOAL = re.compile(r"\b(?:save|saving|raise|fund|earn|invest)\b")
_LANGUAGE = re.compile(
    r"\b(?P<level>[abc][12])\b[^.;]{0,30}?\b(?P<lang>"
    + "|".join(effort.LANGUAGE_FACTOR)
    + r")\b|\b(?P<lang2>"
    + "|".join(effort.LANGUAGE_FACTOR)
    + r")\b[^.;]{0,30}?\b(?P<level2>[abc][12])\b"
)
_CEFR = re.compile(r"\b[abc][12]\b")
_COUNT_WORD = re.compile(
    r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|all\s+(?:three|four|five))\s+"
    r"(?:[\w-]+\s+){0,3}?(?=(?:certifications|exams|levels|papers|credentials)\b)"
)


@dataclass(frozen=True, slots=True)
class Inputs:
    today: date
    deadline: date | None
    recurring: bool
    specific: bool
    quantities: tuple[Measure, ...]
    hours_per_week: float | None
    event_only: bool
    # The credential check's verdict (`credential_check`), when the goal names a curated
    # credential: it knows programme lengths, so the rough degree lengths below stand aside.
    credential: Verdict | None = None


def _weeks(inputs: Inputs) -> float | None:
    if inputs.deadline is None:
        return None
    return max((inputs.deadline - inputs.today).days, 0) / 7 + 1 / 7


def _hours_per_week(norm: str, given: float | None) -> float:
    m = _HOURS_PER_WEEK.search(norm)
    if m:
        stated = parse_number(m["n"])
        if stated and 0 < stated <= 80:
            return stated
    return given if given and given > 0 else DEFAULT_HOURS_PER_WEEK


# Enrolling in or applying to a programme is a step towards the credential, not the credential:
# "enrol in a part-time master's by June" takes weeks, not the programme's two years.
_ONLY_STARTS = re.compile(
    r"\b(?:enrol+(?:s|ed|ing)?|apply|applying|applied|register|sign\s+up|be\s+accepted|"
    r"get\s+accepted|gain\s+a\s+place|start(?:s|ing)?|begin|shortlist|research)\b"
)


def _credential_effort(norm: str, lengths: bool = True) -> tuple[float, float, str] | None:
    """(hours, minimum weeks, description) for the credentials the goal names; with
    `lengths` false, only those measured in study hours (not programme lengths)."""
    for pattern, item in effort.CREDENTIALS:
        if not lengths and not item.hours:
            continue
        found = pattern.search(norm)
        if not found:
            continue
        starts = _ONLY_STARTS.search(norm)
        if item.min_weeks and not item.hours and starts and starts.start() < found.start():
            return None
        count = 1.0
        m = _COUNT_WORD.search(norm)
        if m:
            count = parse_number(m["n"].replace("all ", "")) or 1.0
        min_weeks = item.min_weeks
        if item.name in effort.PART_TIME_MIN_WEEKS and effort.PART_TIME.search(norm):
            min_weeks = effort.PART_TIME_MIN_WEEKS[item.name]
        min_weeks = max(min_weeks, (count - 1) * item.weeks_between)
        label = item.name if count == 1 else f"{count:g} × {item.name}"
        return item.hours * count, min_weeks, label
    lang = _LANGUAGE.search(norm) if _CEFR.search(norm) else None
    if lang:
        level = (lang["level"] or lang["level2"] or "").lower()
        name = (lang["lang"] or lang["lang2"] or "").lower()
        hours = effort.CEFR_HOURS[level] * effort.LANGUAGE_FACTOR[name]
        return hours, 0.0, f"{level.upper()} {name.title()}"
    return None


def _item_effort(quantities: tuple[Measure, ...]) -> tuple[float, str] | None:
    for q in quantities:
        if q.kind == "duration" and q.unit and q.value and q.unit.startswith(("hour", "hr")):
            return q.value, q.text.text
        if q.kind != "count" or not q.unit or not q.value:
            continue
        for item, hours in effort.PER_ITEM_HOURS.items():
            if q.unit.endswith((item, item + "s")):
                return q.value * hours, q.text.text
    return None


def _fits(hours: float, weeks: float, per_week: float, what: str) -> Verdict:
    available = weeks * per_week
    if hours <= available * SLACK:
        return Verdict(
            True,
            f"{what} takes about {hours:.0f} hours; {weeks:.0f} weeks at {per_week:g} hours a "
            f"week gives {available:.0f}.",
        )
    if hours <= weeks * FULL_TIME_HOURS:
        return Verdict(
            None,
            f"{what} takes about {hours:.0f} hours but {weeks:.1f} weeks at {per_week:g} hours a "
            f"week gives {available:.0f}: it fits only with near full-time study or prior work.",
        )
    return Verdict(
        False,
        f"{what} takes about {hours:.0f} hours; even full-time study for {weeks:.1f} weeks "
        f"gives {weeks * FULL_TIME_HOURS:.0f}.",
    )


def _study_effort(norm: str, weeks: float | None, per_week: float, lengths: bool) -> Verdict | None:
    credential = _credential_effort(norm, lengths)
    if not credential:
        return None
    hours, min_weeks, what = credential
    if weeks is None:
        if min_weeks:
            return Verdict(None, f"{what} takes at least {min_weeks:.0f} weeks; set a date.")
        return Verdict(
            True,
            f"{what} takes about {hours:.0f} hours of preparation: achievable with steady study.",
        )
    if weeks < min_weeks:
        return Verdict(
            False,
            f"{what} takes at least {min_weeks:.0f} weeks of calendar time; the goal allows "
            f"{weeks:.0f}.",
        )
    if hours:
        return _fits(hours, weeks, per_week, what)
    return None


def assess(text: Text, inputs: Inputs) -> Verdict:
    norm = text.norm
    weeks = _weeks(inputs)
    if inputs.deadline is not None and inputs.deadline < inputs.today:
        return Verdict(False, f"The deadline {inputs.deadline.isoformat()} has already passed.")
    unbounded = _UNBOUNDED.search(norm)
    if unbounded:
        span = text.span(unbounded.start(), unbounded.end())
        return Verdict(False, f"“{span.text}” has no limit, so it can never be finished.", (span,))
    multiplier = next((q for q in inputs.quantities if q.kind == "multiplier"), None)
    if multiplier and weeks is not None and weeks < 13:
        scale = " at company scale" if _ORG_SCALE.search(norm) else ""
        return Verdict(
            False,
            f"“{multiplier.text.text}”{scale} in {weeks:.1f} weeks is far beyond what one person "
            "can move that quickly.",
            (multiplier.text,),
        )
    per_week = _hours_per_week(norm, inputs.hours_per_week)
    checked = inputs.credential
    if checked is not None and checked.ok is not True:
        return checked
    studied = _study_effort(norm, weeks, per_week, lengths=checked is None)
    if checked is not None:
        # The credential's programme fits; its exam's study hours may still not.
        return studied if studied is not None and studied.ok is not True else checked
    if studied is not None:
        return studied
    if _TOP_EXEC.search(norm) and _ROLE_CHANGE.search(norm) and weeks is not None and weeks < 52:
        return Verdict(
            False,
            "Top executive roles usually ask for five years or more of "
            "related experience; a year or less is too short a jump.",
        )
    if _ROLE_CHANGE.search(norm) or any(q.kind == "rank" for q in inputs.quantities):
        return Verdict(
            None,
            "It depends on other people's decisions (a promotion, a role, a "
            "ranking), not on your effort alone.",
        )
    if _MONEY_GOAL.search(norm) and any(q.kind == "money" for q in inputs.quantities):
        return Verdict(
            None, "Whether the sum is within reach depends on income the goal does not state."
        )
    item = _item_effort(inputs.quantities)
    if item and weeks is not None:
        return _fits(item[0], weeks, per_week, f"“{item[1]}”")
    if not inputs.quantities and (_OPEN_METRIC.search(norm) or _BEING.search(norm)):
        return Verdict(None, "With no target it cannot be judged achievable or not.")
    if not inputs.specific:
        if weeks is not None or inputs.recurring:
            return Verdict(True, "A modest personal step within the time it gives itself.")
        return Verdict(None, "The goal is too vague to judge whether it is achievable.")
    if inputs.event_only:
        return Verdict(None, "The date of the event it is tied to is not known.")
    if inputs.recurring:
        return Verdict(True, "A regular, bounded commitment that one person can keep.")
    return Verdict(
        True,
        "A concrete action within one person's control; nothing in it exceeds the time it allows.",
    )
