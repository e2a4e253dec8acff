"""One concrete suggestion per failed criterion, and a rewrite that keeps the person's words.

The rewrite only adds: what is missing is filled with a visible placeholder ("[number]") or a
computed value, such as a deadline halfway to the parent goal's due date, rounded to a month
end, so the sub-goal leaves room for what follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from careerplan.domain.smart.periods import month_end
from careerplan.domain.smart.report import Verdict

_OPEN_METRIC = re.compile(
    r"^\W*(?:i\s+(?:will|want\s+to)\s+)?(?P<verb>increase|grow|raise|boost|cut|reduce|lower"
    r"|decrease|improve|double)\b"
)
_TRAILING = re.compile(r"[\s.!;,]+$")


@dataclass(frozen=True, slots=True)
class Proposal:
    suggestions: tuple[str, ...]
    rewrite: str | None


def suggested_deadline(today: date, parent_due: date | None) -> date | None:
    """Halfway to the parent's due date, at a month end; None when the parent has no date."""
    if parent_due is None or parent_due <= today:
        return None
    middle = today + timedelta(days=max(1, (parent_due - today).days // 2))
    due = month_end(middle.year, middle.month)
    return min(due, parent_due)


def propose(
    original: str,
    norm: str,
    verdicts: dict[str, Verdict],
    *,
    today: date,
    parent: str | None,
    parent_due: date | None,
    retimed: str | None = None,
    step: str | None = None,
) -> Proposal:
    """`retimed` is the goal with a time that fits the credential it names, and `step` a
    first step that fits the time it allows, when the credential check failed it."""
    suggestions: list[str] = []
    additions: list[str] = []
    due = suggested_deadline(today, parent_due)
    if verdicts["specific"].ok is False:
        vague = verdicts["specific"].evidence
        what = f"Replace “{vague[0].text}” with" if vague else "Name"
        suggestions.append(
            f"{what} the concrete action and what it produces, e.g. a named course, "
            "a document or a project."
        )
        additions.append("[what exactly: a named course, project or document]")
    if verdicts["measurable"].ok is False:
        metric = _OPEN_METRIC.search(norm)
        if metric and metric["verb"] in {"cut", "reduce", "lower", "decrease"}:
            suggestions.append("Say how far it should fall, e.g. by [number]% or to [target].")
            additions.append("by [number]%")
        elif metric and verdicts["specific"].ok:
            suggestions.append("Say the target: from [current value] to [target value].")
            additions.append("to [target number]")
        else:
            suggestions.append(
                "Add a number or a checkable result, so you can tell when it is done."
            )
            additions.append(", measured by [number] [what you will count]")
    if verdicts["attainable"].ok is False and retimed:
        first = (
            f" Or set a first step that fits the time: “{_TRAILING.sub('', step)}”." if step else ""
        )
        suggestions.append(f"Allow the usual time: “{_TRAILING.sub('', retimed)}”.{first}")
    elif verdicts["attainable"].ok is False:
        suggestions.append(
            f"Make it achievable: {_lower_first(verdicts['attainable'].reason)} "
            "Allow more time or narrow the scope."
        )
    if verdicts["relevant"].ok is False and parent:
        suggestions.append(
            f"Say how it moves you towards “{parent.strip()}”, or keep it outside this plan."
        )
    if verdicts["time_bound"].ok is False:
        if due:
            suggestions.append(
                f"Add a deadline: {due.isoformat()} leaves half the time to the parent goal's "
                f"date ({parent_due.isoformat() if parent_due else ''}) for what comes next."
            )
            additions.append(f", by {due.day} {due:%B %Y}")
        else:
            suggestions.append("Add a deadline (by [date]) or a repeat (every [week]).")
            additions.append(", by [date]")
    if not additions and not retimed:
        return Proposal(tuple(suggestions), None)
    base = _TRAILING.sub("", (retimed or original).strip())
    text = base
    for part in additions:
        text += part if part.startswith(",") else f" {part}"
    return Proposal(tuple(suggestions), f"{text}.")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text
