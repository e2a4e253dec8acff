"""S.M.A.R.T. analysis of a goal: verdicts with reasons and evidence, the deadline, the repeat
rule, the measure, and a proposed rewrite. Pure: no I/O and no clock (`today` is passed in).

    >>> from datetime import date
    >>> report = analyse("Pass the PMP exam by Q3 2027", today=date(2026, 11, 25))
    >>> report.deadline, report.letters
    (datetime.date(2027, 9, 30), 'SMA?T')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from careerplan.domain.education import Education
from careerplan.domain.smart import (
    attainable,
    credential_check,
    deadlines,
    measure,
    recurrence,
    relevance,
    rewrite,
    specific,
)
from careerplan.domain.smart.credential_terms import CredentialKnowledge, Mention
from careerplan.domain.smart.language import detect
from careerplan.domain.smart.numbers import protected_figures
from careerplan.domain.smart.relevance import OccupationKnowledge
from careerplan.domain.smart.report import CRITERIA, Measure, SmartReport, Verdict, Window
from careerplan.domain.smart.text import MAX_CHARS, Text

__all__ = [
    "CRITERIA",
    "AnalysisContext",
    "CredentialKnowledge",
    "Measure",
    "Mention",
    "OccupationKnowledge",
    "SmartReport",
    "Verdict",
    "Window",
    "analyse",
]


@dataclass(frozen=True, slots=True)
class AnalysisContext:
    """What the analyser may know beyond the goal's words.

    - `hours_per_week`: time the person can give to their goals (default 10).
    - `education`: the person's highest education, when known; it decides whether faster forms
      of a programme (an accelerated BSN for bachelor's holders) are open to them.
    - `fiscal_year_start`: month (1-12) a fiscal year starts; with a value other than 1,
      "Q3", "next quarter" and "FY2027" are fiscal (FY named by the year it ends in).
    - `day_first`: read 03/04/2027 as 3 April (True) or March 4 (False).
    - `parent_due`: the parent goal's target date, used to propose a deadline.
    - `knowledge`: the occupation catalogue's terms for the parent goal's occupation.
    - `goal_due` / `goal_repeat`: a due date or repeat rule the goal already carries outside
      its words (set in a form or from its horizon). The goal is then time-bound even when its
      text names no date; the text's own deadline, when it has one, still wins.
    - `goal_measure`: the measure the goal carries outside its words, in words ("hours, from
      0 to 30"). The goal is then measurable even when its text names no amount: the number
      that says when it is done is on the goal.
    - `credentials`: the curated credentials (names, programmes, their lengths), so a goal to
      earn one is checked against the time the goal allows.
    """

    hours_per_week: float | None = None
    fiscal_year_start: int = 1
    day_first: bool = True
    parent_due: date | None = None
    knowledge: OccupationKnowledge | None = None
    goal_due: date | None = None
    goal_repeat: str | None = None
    goal_measure: str | None = None
    education: Education | None = None
    credentials: CredentialKnowledge | None = None


def analyse(
    text: str,
    parent: str | None = None,
    *,
    today: date,
    context: AnalysisContext | None = None,
) -> SmartReport:
    """Check `text` against the five criteria, relative to `parent` when given."""
    ctx = context or AnalysisContext()
    if not 1 <= ctx.fiscal_year_start <= 12:
        raise ValueError("fiscal_year_start must be a month number from 1 to 12")
    notes: list[str] = []
    if len(text) > MAX_CHARS:
        notes.append(f"Only the first {MAX_CHARS:,} characters were analysed.")
    if not text.strip():
        return _refusal("The goal is empty.", "Write the goal as one sentence.", "en", True, notes)
    language = detect(text)
    if not language.supported:
        reason = f"The goal seems to be written in {language.name}; only English is analysed."
        return _refusal(
            reason,
            "Write the goal in English to have it checked.",
            language.code,
            False,
            notes,
        )
    t = Text.of(text)
    figures = protected_figures(t.norm)
    options = deadlines.Options(today, ctx.fiscal_year_start, ctx.day_first)
    found = deadlines.extract(t.norm, options, figures)
    due = found.deadline.due if found.deadline else None
    repeat = recurrence.extract(t.norm, today, figures, due)
    taken = [(d.start, d.end) for d in found.candidates] + list(found.events) + list(found.starts)
    repeat_span = t.span(repeat.start, repeat.end) if repeat else None
    if repeat:
        taken.append((repeat.start, repeat.end))
    measured = measure.assess(t, figures, taken, repeat_span)
    measurable = measured.verdict
    if measurable.ok is not True and ctx.goal_measure:
        measurable = Verdict(True, f"Measured by {ctx.goal_measure}, as set on the goal.")
    outcome = measured.measure if measured.measure and measured.measure.kind == "outcome" else None
    spec = specific.assess(t, measured.quantities, outcome, repeat_span)
    time_bound = _time_bound(t, found, repeat, repeat_span)
    if time_bound.ok is not True and (ctx.goal_due or ctx.goal_repeat):
        time_bound = _scheduled_outside_words(ctx.goal_due, ctx.goal_repeat)
        due = due or ctx.goal_due
    relevant = relevance.assess(t, parent, ctx.knowledge, measured.credential)
    checked = None
    if ctx.credentials is not None:
        checked = credential_check.check(
            t,
            ctx.credentials,
            today=today,
            due=due,
            deadline=_deadline_span(t, found.deadline) if found.deadline else None,
            hours=ctx.hours_per_week,
            education=ctx.education,
            parent=parent,
        )
        if checked is not None:
            notes.extend(checked.notes)
    attain = attainable.assess(
        t,
        attainable.Inputs(
            today=today,
            deadline=due,
            recurring=repeat is not None,
            specific=spec.verdict.ok is True,
            quantities=measured.quantities,
            hours_per_week=ctx.hours_per_week,
            event_only=due is None and bool(found.events),
            credential=checked.verdict if checked else None,
        ),
    )
    verdicts = {
        "specific": spec.verdict,
        "measurable": measurable,
        "attainable": attain,
        "relevant": relevant,
        "time_bound": time_bound,
    }
    parent_due = ctx.parent_due
    if parent_due is None and parent:
        parent_due = _parent_due(parent, options)
    proposal = rewrite.propose(
        text,
        t.norm,
        verdicts,
        today=today,
        parent=parent,
        parent_due=parent_due,
        retimed=checked.retimed if checked and attain is checked.verdict else None,
        step=checked.step if checked and attain is checked.verdict else None,
    )
    window = found.deadline.window if found.deadline else None
    return SmartReport(
        specific=spec.verdict,
        measurable=measurable,
        attainable=attain,
        relevant=relevant,
        time_bound=time_bound,
        deadline=due,
        deadline_window=Window(*window) if window else None,
        recurrence=repeat.rrule if repeat else None,
        measure=measured.measure,
        suggestions=proposal.suggestions,
        rewrite=proposal.rewrite,
        language="en",
        supported=True,
        notes=tuple(notes),
    )


# The words that introduce a deadline belong in its evidence: "by Q3 2027", "before June".
_DEADLINE_LEAD = re.compile(
    r"\b(?:(?:by|before|until|till|in|during|through|on|ahead\s+of|prior\s+to)\s+)?"
    r"(?:(?:the\s+)?end\s+of\s+)?(?:the\s+)?$"
)


@lru_cache(maxsize=1024)
def _parent_due(parent: str, options: deadlines.Options) -> date | None:
    """The deadline the parent goal's own words state, if any."""
    norm = Text.of(parent).norm
    found = deadlines.extract(norm, options, protected_figures(norm))
    return found.deadline.due if found.deadline else None


def _deadline_span(t: Text, deadline: deadlines.Deadline) -> tuple[int, int]:
    """The deadline's words with the words that introduce it ("within 6 months")."""
    lead = _DEADLINE_LEAD.search(t.norm, max(0, deadline.start - 24), deadline.start)
    return (lead.start() if lead else deadline.start, deadline.end)


def _time_bound(
    t: Text,
    found: deadlines.Found,
    repeat: recurrence.Recurrence | None,
    repeat_span: object,
) -> Verdict:
    if found.deadline is not None:
        d = found.deadline
        span = t.span(*_deadline_span(t, d))
        return Verdict(True, f"Due {d.due.isoformat()} (“{span.text}”).", (span,))
    if repeat is not None:
        span = t.span(repeat.start, repeat.end)
        return Verdict(
            True, f"It repeats (“{span.text}”): each occurrence is its own deadline.", (span,)
        )
    if found.events:
        span = t.span(*found.events[0])
        return Verdict(
            True,
            f"It is tied to an event (“{span.text}”); give its date to get a deadline.",
            (span,),
        )
    if found.starts:
        span = t.span(*found.starts[0])
        return Verdict(False, f"“{span.text}” says when it starts, not when it is done.", (span,))
    return Verdict(False, "It names no date, period or repeat.")


def _scheduled_outside_words(due: date | None, repeat: str | None) -> Verdict:
    if due is not None:
        return Verdict(
            True, f"Due {due.isoformat()}: the date is set on the goal, not in its words."
        )
    return Verdict(True, f"It repeats ({repeat}), as set on the goal.")


def _refusal(
    reason: str, suggestion: str, language: str, supported: bool, notes: list[str]
) -> SmartReport:
    failed = Verdict(False, reason)
    undecided = Verdict(None, reason)
    return SmartReport(
        specific=failed,
        measurable=failed,
        attainable=undecided,
        relevant=undecided,
        time_bound=failed,
        suggestions=(suggestion,),
        rewrite=None,
        language=language,
        supported=supported,
        notes=tuple(notes),
    )
