"""Goals and actions as CSV, for a spreadsheet: one row per goal, each followed by its actions.

Encoding: UTF-8 with a byte order mark. Excel opens a .csv in the computer's legacy code page
unless the file starts with a BOM, so "Café" and "€" would arrive garbled; LibreOffice, Numbers,
Google Sheets and Python's `utf-8-sig` all read the BOM and drop it. Rows end in CRLF, as
RFC 4180 asks; text with line breaks stays in one quoted cell.

Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula
(and some treat a leading tab or carriage return the same way), so a goal written
"=HYPERLINK(...)" could act when the file is opened. Such text gets a leading apostrophe, which
spreadsheets show as plain text; numbers the export writes itself are left as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from careerplan.domain.entities import Action, Goal
from careerplan.domain.rules import depth_first
from careerplan.exports.snapshot import PlanSnapshot

COLUMNS = (
    "type",
    "id",
    "parent_id",
    "goal_id",
    "text",
    "horizon",
    "category",
    "status",
    "due",
    "repeat",
    "metric",
    "unit",
    "baseline",
    "target",
    "current",
    "smart",
    "progress_percent",
    "done",
    "completions",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text a spreadsheet shows as written, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def render(snapshot: PlanSnapshot) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(snapshot):
        writer.writerow(row.get(column, "") for column in COLUMNS)
    return buffer.getvalue().encode("utf-8-sig")


def rows(snapshot: PlanSnapshot) -> Iterator[dict[str, str]]:
    """Goals in tree order (the dream job first), each followed by its actions."""
    progress = snapshot.progress()
    in_tree = [goal for _, goal in depth_first(snapshot.goals)]
    # A goal the tree walk cannot reach (a damaged parent chain) still gets its row.
    placed = {id(goal) for goal in in_tree}
    ordered = in_tree + [goal for goal in snapshot.goals if id(goal) not in placed]
    for goal in ordered:
        yield _goal_row(goal, progress.get(goal.id or 0))
        for action in sorted(snapshot.actions_of(goal.id or 0), key=lambda a: a.id or 0):
            yield _action_row(action)


def _goal_row(goal: Goal, progress: float | None) -> dict[str, str]:
    row = {
        "type": "goal",
        "id": _number(goal.id),
        "parent_id": _number(goal.parent_id),
        "text": safe_cell(goal.text),
        "horizon": goal.horizon.value if goal.horizon else "",
        "category": goal.category.value,
        "status": goal.status.value,
        "due": goal.due.isoformat() if goal.due else "",
        "repeat": safe_cell(goal.repeat or ""),
        "smart": smart_letters(goal.smart_report),
        "progress_percent": "" if progress is None else str(round(progress * 100)),
    }
    if goal.measure is not None:
        measure = goal.measure
        row.update(
            metric=safe_cell(measure.metric),
            unit=safe_cell(measure.unit),
            baseline=_number(measure.baseline),
            target=_number(measure.target),
            current=_number(measure.current),
        )
    return row


def _action_row(action: Action) -> dict[str, str]:
    return {
        "type": "action",
        "id": _number(action.id),
        "goal_id": _number(action.goal_id),
        "text": safe_cell(action.text),
        "due": action.due.isoformat() if action.due else "",
        "repeat": safe_cell(action.repeat or ""),
        "done": "yes" if action.done else "no",
        "completions": str(len(action.completions)),
    }


def smart_letters(report: dict[str, Any] | None) -> str:
    """The letters in the notation every surface uses (`domain.smart_notation`: a failed
    letter in lower case, an undecided one as `?`); empty when the goal was never checked or its
    report cannot be read. A CSV holds data only, so the legend is not written into it."""
    from careerplan.domain.smart.report import SmartReport

    stored = SmartReport.stored(report)
    return stored.letters if stored else ""


def _number(value: float | int | None) -> str:
    """Whole numbers without `.0`, so a spreadsheet shows 5, not 5.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
