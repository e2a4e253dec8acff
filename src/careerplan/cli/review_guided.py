"""The guided review at the terminal: one goal at a time, its status and S.M.A.R.T. letters
shown, questions with defaults on Enter. Answers are kept in memory until the last question,
so stopping half way (Ctrl-C, end of input) saves nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import typer

from careerplan.cli.output import console
from careerplan.cli.prompts import ask
from careerplan.cli.render import smart_legend, smart_summary, warnings
from careerplan.cli.render_review import day, standing_label
from careerplan.cli.review_input import decision
from careerplan.cli.text import escape
from careerplan.domain.entities import Decision, Goal, Measure
from careerplan.domain.errors import InvalidInput
from careerplan.domain.rules import MAX_NOTE, clean_optional, clean_text
from careerplan.services.reviews import (
    EntryInput,
    ReviewDraft,
    ReviewInput,
    ReviewItem,
    clean_target,
)
from careerplan.services.smart import wording_weakened


def _percent(text: str) -> float:
    try:
        value = float(text.rstrip("%").replace(",", "."))
    except ValueError:
        raise InvalidInput(f"'{text}' is not a number; give a percentage from 0 to 100.") from None
    if not 0 <= value <= 100:
        raise InvalidInput(f"Give a percentage from 0 to 100, not {text}.")
    return value


def _confidence(text: str) -> int:
    if text not in {"1", "2", "3", "4", "5"}:
        raise InvalidInput("Give a whole number from 1 (not at all) to 5 (certain).")
    return int(text)


def _value(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise InvalidInput(f"'{text}' is not a number.") from None


def _amount(measure: Measure, value: float) -> str:
    return f"{value:g}{' ' + measure.unit if measure.unit else ''}"


def _new_target(measure: Measure) -> float | None:
    """Asked only of a goal with a measure, after `adjust`: new words may name a new number."""
    return ask(
        f"  New target (Enter keeps {_amount(measure, measure.target)})",
        "",
        lambda text: clean_target(_value(text)) if text else None,
    )


def _optional_day(today: date) -> Callable[[str], date | None]:
    from careerplan.domain.dates import parse_date

    return lambda text: parse_date(text, today) if text else None


def _show(item: ReviewItem, number: int, count: int) -> None:
    out = console()
    goal = item.goal
    facts = [goal.horizon.label] if goal.horizon else []
    if goal.due:
        facts.append(f"due {goal.due.isoformat()}")
    out.print()
    out.print(
        f"[bold]{number}/{count} · goal {goal.id}[/]: {escape(goal.text)}"
        + (f" ({', '.join(facts)})" if facts else "")
    )
    out.print(f"  Status: {standing_label(item.standing)} ({escape(item.standing.reason)})")
    if item.latest is not None and item.latest.confidence is not None:
        out.print(f"  Last confidence: {item.latest.confidence}/5")
    if item.report:
        smart_summary(item.report, legend=False)


def _wording(text: str) -> str:
    """New wording as a goal holds it, or "" to keep the old (too long is said at once)."""
    return clean_text(text, field="text") if text else ""


def _note(what: str) -> Callable[[str], str]:
    return lambda text: clean_optional(text, what, MAX_NOTE)


# The S.M.A.R.T. report a goal would have with a new wording (a stored report's JSON).
Check = Callable[[Goal, str], dict[str, object]]


def _new_wording(goal: Goal, check: Check | None) -> str | None:
    """New wording, checked on the spot: its letters and reasons are shown, and wording that
    meets fewer criteria than the old is kept only when the person says so."""
    while True:
        text = ask("  New wording (Enter keeps it)", "", _wording)
        if not text or check is None:
            return text or None
        report = check(goal, text)
        smart_summary(report, legend=False)
        weaker = wording_weakened(goal.smart_report, report)
        if weaker is None:
            return text
        warnings([weaker])
        if typer.confirm("  Keep this wording anyway?", default=False):
            return text


def _ask_goal(item: ReviewItem, today: date, check: Check | None = None) -> EntryInput:
    goal = item.goal
    last = item.latest
    progress = ask(
        "  Progress %", f"{last.progress:g}" if last and last.progress is not None else
        str(item.progress_percent), _percent,
    )  # fmt: skip
    confidence = ask(
        "  Confidence 1-5", str(last.confidence if last and last.confidence else 3), _confidence
    )
    measure_current = None
    if goal.measure is not None:
        m = goal.measure
        now = "" if m.current is None else f"{m.current:g}"
        value = ask(
            f"  Current {m.metric} (target {_amount(m, m.target)})",
            now,
            lambda text: _value(text) if text else None,
        )
        if value is not None and value != m.current:
            measure_current = value
    chosen = ask("  Decision (keep, adjust, drop, done)", "keep", lambda t: decision(t, "Decision"))
    text = due = target = None
    if chosen is Decision.ADJUST:
        text = _new_wording(goal, check)
        due = ask(
            "  New due date (Enter keeps " + (goal.due.isoformat() if goal.due else "none") + ")",
            "",
            _optional_day(today),
        )
        if goal.measure is not None:
            target = _new_target(goal.measure)
    note = ask("  Note", "", _note("note"))
    return EntryInput(
        goal_id=goal.id or 0,
        progress=progress,
        confidence=confidence,
        decision=chosen,
        note=note,
        version=goal.version,
        text=text,
        due=due,
        measure_current=measure_current,
        target=target,
    )


def ask_review(draft: ReviewDraft, check: Check | None = None) -> ReviewInput | None:
    """Walk through the draft; None when the person chose not to save at the end. With
    `check`, new wording is checked as it is given."""
    out = console()
    count = len(draft.items)
    out.print(
        f"[bold]{draft.cadence.value.capitalize()} review, {day(draft.today)}[/]: "
        + (f"{count} active goal{'s' if count != 1 else ''}." if count else "no active goals.")
        + " Press Enter to keep the value in brackets."
    )
    if any(item.report for item in draft.items):
        smart_legend()  # once, for the letters shown with each goal below
    entries = []
    for number, item in enumerate(draft.items, start=1):
        _show(item, number, count)
        entries.append(_ask_goal(item, draft.today, check))
    out.print()
    went_well = ask("What went well?", "", _note("answer to what went well"))
    in_the_way = ask("What got in the way?", "", _note("answer to what got in the way"))
    if not typer.confirm("Save this review?", default=True):
        return None
    return ReviewInput(entries, went_well, in_the_way)
