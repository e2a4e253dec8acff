"""How reviews and the plan's status look in a terminal, and as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerplan.cli.output import console
from careerplan.cli.text import escape

if TYPE_CHECKING:
    from datetime import date

    from careerplan.domain.entities import Goal, Preferences, Review
    from careerplan.domain.status import GoalStanding
    from careerplan.services.review_status import PlanStatus

STANDING_STYLE = {
    "done": "green",
    "on track": "green",
    "at risk": "yellow",
    "behind": "bold red",
    "no deadline": "dim",
}
# `today` lists this many goals needing attention; `review --status` lists them all.
ATTENTION_LIMIT = 5


def day(value: date) -> str:
    return value.strftime("%a %-d %b %Y")


def standing_json(standing: GoalStanding) -> dict[str, Any]:
    return {
        "status": standing.standing.value,
        "progress": round(standing.progress, 4),
        "expected": None if standing.expected is None else round(standing.expected, 4),
        "reason": standing.reason,
    }


def preferences_json(preferences: Preferences) -> dict[str, Any]:
    from careerplan.domain.status import WEEKDAYS

    return {
        "cadence": preferences.review_cadence.value,
        "weekday": WEEKDAYS[preferences.review_weekday],
        "reminder_days": preferences.reminder_days,
        "digest_email": preferences.digest_email,
        "version": preferences.version,
    }


def status_json(status: PlanStatus, *, everything: bool = False) -> dict[str, Any]:
    """The review rhythm and what needs attention; with `everything`, every goal's status."""
    data: dict[str, Any] = {
        "plan_status": status.plan.value,
        "review_schedule": {
            **preferences_json(status.preferences),
            "last": status.last_review.isoformat() if status.last_review else None,
            "next": status.next_review.isoformat(),
            "due": status.review_due,
        },
        "attention": [
            {
                "goal_id": goal.id,
                "text": goal.text,
                "due": goal.due.isoformat() if goal.due else None,
                **standing_json(standing),
            }
            for goal, standing in status.attention
        ],
    }
    if everything:
        data["goals"] = {str(ident): standing_json(s) for ident, s in status.standings.items()}
    return data


def review_line(status: PlanStatus) -> str:
    """`Next review: ...` or, when it is due, a line that says so and how to start."""
    cadence = status.preferences.review_cadence.value
    if not status.review_due:
        return f"Next review: {day(status.next_review)} ({cadence})."
    late = status.review_overdue_days
    when = "today" if late == 0 else f"since {day(status.next_review)}"
    return f"[bold yellow]Review due[/] {when} ({cadence}): run `careerplan review`."


def standing_label(standing: GoalStanding) -> str:
    style = STANDING_STYLE[standing.standing.value]
    return f"[{style}]{standing.standing.value}[/]"


def attention_lines(
    attention: list[tuple[Goal, GoalStanding]], limit: int | None = ATTENTION_LIMIT
) -> list[str]:
    if not attention:
        return []
    lines = ["[bold]Needs attention[/]"]
    shown = attention if limit is None else attention[:limit]
    for goal, standing in shown:
        lines.append(f"  goal {goal.id}: {escape(goal.text)} · {standing_label(standing)}")
        lines.append(f"    {escape(standing.reason)}")
    hidden = len(attention) - len(shown)
    if hidden > 0:
        lines.append(f"  … and {hidden} more: see `careerplan review --status`")
    return lines


def status_view(status: PlanStatus) -> None:
    out = console()
    plan = status.plan
    out.print(f"Plan status: [{STANDING_STYLE[plan.value]}]{plan.value}[/]")
    out.print(review_line(status))
    lines = attention_lines(status.attention, None)
    out.print("\n".join(lines) if lines else "Every goal with a due date is on track.")


def review_json(review: Review, texts: dict[int, str]) -> dict[str, Any]:
    return {
        "id": review.id,
        "held_on": review.held_on.isoformat(),
        "cadence": review.cadence.value,
        "went_well": review.went_well,
        "got_in_the_way": review.got_in_the_way,
        "entries": [
            {
                "goal_id": entry.goal_id,
                "goal": texts.get(entry.goal_id, ""),
                "progress": entry.progress,
                "confidence": entry.confidence,
                "decision": entry.decision.value,
                "note": entry.note,
            }
            for entry in review.entries
        ],
    }


def history_view(reviews: list[Review], texts: dict[int, str]) -> None:
    out = console()
    if not reviews:
        out.print("No reviews yet. Run `careerplan review` to hold the first one.")
        return
    for review in reviews:
        out.print(f"[bold]{day(review.held_on)}[/] · {review.cadence.value} review")
        for entry in review.entries:
            bits = [entry.decision.value]
            if entry.progress is not None:
                bits.append(f"{entry.progress:g}%")
            if entry.confidence is not None:
                bits.append(f"confidence {entry.confidence}/5")
            text = escape(texts.get(entry.goal_id, "(deleted goal)"))
            note = f" — {escape(entry.note)}" if entry.note else ""
            out.print(f"  goal {entry.goal_id}: {text} · {', '.join(bits)}{note}")
        if review.went_well:
            out.print(f"  Went well: {escape(review.went_well)}")
        if review.got_in_the_way:
            out.print(f"  Got in the way: {escape(review.got_in_the_way)}")
