"""Repeat rules (RFC 5545 RRULE) checked and expanded with python-dateutil."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from careerplan.domain.bounds import text_problem
from careerplan.domain.errors import InvalidInput

MAX_RULE_LENGTH = 500
_FINER_THAN_A_DAY = {"HOURLY", "MINUTELY", "SECONDLY"}


def _bad_rule(message: str) -> InvalidInput:
    """A refusal of the repeat rule the person gave (its field is `repeat` on every surface)."""
    return InvalidInput(message, field="repeat")


def normalise_rule(text: str) -> str:
    """Return the rule without an `RRULE:` prefix, upper-cased; refuse what dateutil cannot read."""
    problem = text_problem(text)
    if problem is not None:
        raise _bad_rule(f"The repeat rule cannot be read: {problem}.")
    rule = text.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[len("RRULE:") :]
    rule = rule.upper()
    if not rule:
        raise _bad_rule("The repeat rule is empty. Example: FREQ=WEEKLY;BYDAY=MO")
    if len(rule) > MAX_RULE_LENGTH:
        raise _bad_rule(f"The repeat rule is {len(rule)} characters; the limit is 500.")
    if any(char.isspace() for char in rule):
        # Several lines would make a rule set (RRULE + EXDATE ...), which `_rule` cannot expand.
        raise _bad_rule(
            f"{text!r} is not one repeat rule: write a single line of NAME=VALUE parts "
            "joined by ';', e.g. FREQ=WEEKLY;BYDAY=MO."
        )
    if "FREQ=" not in rule:
        raise _bad_rule(
            f"'{text}' is not a repeat rule: it needs FREQ=, e.g. FREQ=MONTHLY or "
            "FREQ=WEEKLY;INTERVAL=2 (RFC 5545 RRULE)."
        )
    try:
        rrulestr(rule, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as error:
        raise _bad_rule(f"'{text}' is not a valid RFC 5545 repeat rule: {error}.") from None
    parts = dict(part.partition("=")[::2] for part in rule.split(";") if part)
    # Plans count days: a finer rule only repeats the same day, and expanding a few years of
    # seconds (or an INTERVAL of 0, which dateutil never finishes) would hang `today`.
    if parts.get("FREQ") in _FINER_THAN_A_DAY:
        raise _bad_rule(
            f"'{text}' repeats more often than daily; careerplan plans in days. "
            "Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."
        )
    interval = parts.get("INTERVAL", "1")
    if not interval.isdigit() or int(interval) < 1:
        raise _bad_rule(f"'{text}' needs an INTERVAL of 1 or more, e.g. FREQ=WEEKLY;INTERVAL=2.")
    return rule


def read_rule(text: str) -> str:
    """The rule a person gave, as an RRULE or in words ("every other Friday"), as the RRULE to
    store. Backups keep to `normalise_rule`: a file holds rules, never words."""
    said = text.strip()
    if "=" in said or said.upper().startswith("RRULE:"):
        try:
            return normalise_rule(text)
        except InvalidInput as error:
            # Someone who tried the rule form may not know words are taken as well.
            raise _bad_rule(f"{error.what} Words work too, such as 'every other Friday'.") from None
    # Imported here: the phrase reader brings the S.M.A.R.T. tables, which a daily view that
    # only expands stored rules does not need.
    from careerplan.domain.repeat_phrases import parse

    return normalise_rule(parse(text))


@lru_cache(maxsize=2048)
def _rule(rule: str, start: date) -> rrule:
    # Parsing a rule costs ~100 µs; a daily view asks about each repeating action three times.
    parsed = rrulestr(rule, dtstart=datetime.combine(start, time()), cache=True)
    assert isinstance(parsed, rrule)
    return parsed


def occurrences_between(rule: str, start: date, first: date, last: date) -> list[date]:
    """Dates the rule falls on between `first` and `last` inclusive, counting from `start`."""
    if last < first:
        return []
    hits = _rule(rule, start).between(
        datetime.combine(first, time()), datetime.combine(last, time()), inc=True
    )
    return [hit.date() for hit in hits]


def previous_occurrence(rule: str, start: date, on_or_before: date) -> date | None:
    hit = _rule(rule, start).before(datetime.combine(on_or_before, time()), inc=True)
    return hit.date() if hit else None


def next_occurrence(rule: str, start: date, on_or_after: date) -> date | None:
    hit = _rule(rule, start).after(datetime.combine(on_or_after, time()), inc=True)
    return hit.date() if hit else None
