"""The credential check as the analyser runs it: find the credential a goal names, judge the
time the goal allows for it (`durations`), and word a realistic version of the goal.

The rewrite keeps the person's words and changes only the time: "within 6 months" becomes
"within 4 years", "by March 2027" becomes "by November 2030". Where the window is too short for
the credential but long enough to start on it, a first step that fits is proposed too
("Enrol in an ADN programme by 31 March 2027").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from careerplan.domain.education import Education
from careerplan.domain.smart import credential_reading, durations, programmes
from careerplan.domain.smart import credential_words as vocab
from careerplan.domain.smart.credential_terms import CredentialKnowledge, Mention
from careerplan.domain.smart.credential_words import MONTH_DAYS
from careerplan.domain.smart.numbers import parse_number
from careerplan.domain.smart.periods import month_end
from careerplan.domain.smart.report import Verdict
from careerplan.domain.smart.text import Span, Text


@dataclass(frozen=True, slots=True)
class Checked:
    verdict: Verdict | None  # None: the credential gives no basis; the other rules decide
    notes: tuple[str, ...] = ()
    retimed: str | None = None  # the goal's words with a time that fits the credential
    step: str | None = None  # a first step that fits the time the goal allows


def check(
    text: Text,
    knowledge: CredentialKnowledge,
    *,
    today: date,
    due: date | None,
    deadline: tuple[int, int] | None,
    hours: float | None,
    education: Education | None,
    parent: str | None = None,
) -> Checked | None:
    """The credential check of `text`, or None when it names no curated credential. A goal
    that speaks of a credential without naming it ("Get licensed within 6 months") is read as
    about the first one its parent goal names ("Become a registered nurse")."""
    amount = vocab.EXPERIENCE_GOAL.search(text.norm)
    if amount and due is not None:
        return _time_on_the_job(text, amount, due, today)
    mentions = knowledge.mentions(text.norm, Text.of(parent).norm if parent else "")
    if not mentions and not (parent and _UNNAMED.search(text.norm)):
        return None  # most goals: nothing more to read
    due_months = (due - today).days / MONTH_DAYS if due else None
    reading = credential_reading.read(text.norm, mentions, due_months)
    if reading.target is None and parent:
        reading = _from_parent(text.norm, mentions, parent, knowledge, due_months) or reading
    if reading.target is None:
        return None
    person = durations.Person(hours=hours, education=education)
    target = reading.target
    said = f"“{text.span(target.start, target.end).text}”" if target.end > target.start else None
    judgement = durations.judge(reading, knowledge, person, said)
    if judgement is None:
        return None
    evidence: list[Span] = []
    if reading.target.end > reading.target.start:
        evidence.append(text.span(reading.target.start, reading.target.end))
    if reading.window_span:
        evidence.append(text.span(*reading.window_span))
    verdict = judgement.verdict
    verdict = Verdict(verdict.ok, verdict.reason, tuple(evidence))
    retimed = step = None
    if verdict.ok is False and judgement.needed is not None and reading.window is not None:
        retimed = _retimed(text, reading, judgement.needed, deadline, today)
        if judgement.step and reading.anchor is None and reading.window >= 0.5:
            end = _after(today, reading.window)
            step = f"{judgement.step} by {end.day} {end:%B %Y}."
    return Checked(verdict, judgement.notes, retimed, step)


_UNNAMED = re.compile(
    r"\b(?:licen[cs]ed|licen[cs]e|licensure|certified|certification|certificate|credential"
    r"|registered|registration|exam|examination|sections|board[\s-]certified|qualified)\b"
)


def _time_on_the_job(text: Text, amount: re.Match[str], due: date, today: date) -> Checked | None:
    """ "Build 5 years of experience by 2028": years on the job take those years."""
    months = (parse_number(amount["n"]) or 0.0) * vocab.UNIT_MONTHS[amount["unit"].rstrip("s")]
    allowed = (due - today).days / MONTH_DAYS
    if allowed + 0.5 >= months:
        return None  # the time fits; the other rules decide
    said = text.span(amount.start("n"), amount.end("unit"))
    reason = (
        f"{programmes.say_months(months).capitalize()} of experience take that long on the job;"
        f" the goal allows {programmes.say_months(max(allowed, 0.0))}."
    )
    return Checked(Verdict(False, reason, (said,)))


def _from_parent(
    norm: str,
    mentions: tuple[Mention, ...],
    parent: str,
    knowledge: CredentialKnowledge,
    due_months: float | None,
) -> credential_reading.Reading | None:
    unnamed = _UNNAMED.search(norm)
    if unnamed is None or any(
        m.start <= unnamed.start() < m.end and credential_reading.people_met(norm, m)
        for m in mentions
    ):
        return None  # the word is part of the job of someone met ("Shadow a registered nurse")
    named = knowledge.mentions(Text.of(parent).norm)
    if not named:
        return None
    # The credential stands where the goal speaks of it, or before everything else when that
    # is inside a qualifying phrase ("Instruct students with only a private certificate").
    at = unnamed.start() if not any(m.start <= unnamed.start() for m in mentions) else 0
    own = Mention(named[0].credential, at, at)
    found = credential_reading.read(norm, tuple(sorted((own, *mentions), key=_start)), due_months)
    return found if found.target is own else None


def _start(mention: Mention) -> int:
    return mention.start


def _retimed(
    text: Text,
    reading: credential_reading.Reading,
    needed: float,
    deadline: tuple[int, int] | None,
    today: date,
) -> str | None:
    words = text.original.strip().rstrip(".!; ")
    if reading.window_span is not None:
        span = text.span(*reading.window_span)
        if reading.window_span == _whole_word_span(text, reading.window_span):
            return f"{text.original[: span.start]}{_say_up(needed)}{text.original[span.end :]}"
    if reading.anchor is not None:
        return None  # the time counts from an event the words name; say so, not a date
    end = _after(today, needed)
    if deadline is not None:
        span = text.span(*deadline)
        return f"{text.original[: span.start]}by {end:%B %Y}{text.original[span.end :]}"
    return f"{words}, by {end:%B %Y}."


def _whole_word_span(text: Text, span: tuple[int, int]) -> tuple[int, int]:
    """`span` when it holds a number and a unit ("6 months"), which can be replaced as such."""
    words = text.norm[span[0] : span[1]].split()
    return span if len(words) >= 2 and words[-1].rstrip("s") in _UNITS else (-1, -1)


_UNITS = {"day", "week", "month", "year", "semester", "weekend"}


def _say_up(months: float) -> str:
    """The time a credential needs, rounded up to a figure a person would write."""
    if months >= 24:
        return programmes.say_months(math.ceil(months / 6) * 6)
    if months >= 2:
        return programmes.say_months(math.ceil(months))
    return programmes.say_months(math.ceil(months * 4.345) / 4.345)


def _after(today: date, months: float) -> date:
    """The month end `months` after `today`."""
    day = today + timedelta(days=math.ceil(months * MONTH_DAYS))
    return month_end(day.year, day.month)
