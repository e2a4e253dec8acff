"""How results look in a terminal (Rich) or as JSON. No business rules here."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from careerplan.cli import serialize
from careerplan.cli.output import console, print_json
from careerplan.cli.text import escape
from careerplan.domain.repeat_words import describe

if TYPE_CHECKING:
    from rich.console import Console

    from careerplan.domain.entities import Goal
    from careerplan.services.goals import GoalDetail, GoalResult, GoalRow

_STATUS_STYLE = {"active": "", "done": "green", "dropped": "dim strike"}
_VERDICT_STYLE = {True: "green", False: "red", None: "dim"}


def smart_letters(report: dict[str, Any] | None) -> str:
    """The five letters in the one notation, coloured as well: green capital (met), red small
    letter (not met), dim `?` (not judged). The case says it without the colour, so the letters
    read the same piped to a file or printed in black and white."""
    if not report:
        return ""
    from careerplan.domain.smart_notation import CRITERIA, NAMES, letter

    parts = []
    for name, key in zip(NAMES, CRITERIA, strict=True):
        verdict = report.get(key)
        parts.append(f"[{_VERDICT_STYLE.get(verdict, 'dim')}]{letter(name, verdict)}[/]")
    return "".join(parts)


def smart_plain(report: dict[str, Any] | None) -> str:
    """The same letters without colour, for tables and plain lines."""
    if not report:
        return ""
    from careerplan.domain.smart_notation import letters_of

    return letters_of(report)


def smart_legend(out: Console | None = None) -> None:
    """What the letters mean, said once under whatever shows them (on one line, however narrow
    the terminal, so it reads whole in a file)."""
    from careerplan.domain.smart_notation import LEGEND

    (out or console()).print(LEGEND, style="dim", markup=False, highlight=False, soft_wrap=True)


def _percent(value: float) -> str:
    return f"{round(value * 100):d}%"


def warnings(items: Sequence[str]) -> None:
    out = console()
    for item in items:
        out.print(f"[yellow]Note:[/] {escape(item)}")


def goal_result(result: GoalResult, verb: str, as_json: bool, *, report: bool = True) -> None:
    """One line for the goal, its notes, and (after a change of words or place) its check."""
    goal = result.goal
    if as_json:
        print_json({"goal": serialize.goal(goal), "warnings": result.warnings})
        return
    due = f", due {goal.due.isoformat()}" if goal.due else ""
    console().print(f"{verb} goal {goal.id}: {escape(goal.text)}{due}")
    warnings(result.warnings)
    if report and goal.smart_report:
        smart_summary(goal.smart_report)


def smart_summary(report: dict[str, Any], *, legend: bool = True) -> None:
    """The five letters with a reason for each failing one, and the proposed rewrite; then the
    legend, unless the caller says it once for many summaries."""
    out = console()
    from careerplan.domain.smart_notation import CRITERIA

    out.print(f"S.M.A.R.T.: {smart_letters(report)}")
    criteria = report.get("criteria") or {}
    for key in CRITERIA:
        entry = criteria.get(key) if isinstance(criteria, dict) else None
        if isinstance(entry, dict) and entry.get("ok") is False:
            out.print(
                f"  [red]✗ {key.replace('_', '-')}[/]: {escape(str(entry.get('reason', '')))}"
            )
    for suggestion in report.get("suggestions") or []:
        out.print(f"  → {escape(str(suggestion))}")
    if report.get("rewrite"):
        out.print(f"  Rewrite: {escape(str(report['rewrite']))}")
    if legend:
        smart_legend()


def _goal_label(goal: Goal, progress: float) -> str:
    style = _STATUS_STYLE[goal.status.value]
    text = escape(goal.text)
    if style:
        text = f"[{style}]{text}[/]"
    bits = [f"[bold]#{goal.id}[/] {text}"]
    if goal.horizon:
        bits.append(f"[cyan]{goal.horizon.label}[/]")
    if goal.due:
        bits.append(f"due {goal.due.isoformat()}")
    bits.append(_percent(progress))
    if goal.smart_report:
        bits.append(smart_letters(goal.smart_report))
    return "  ".join(bits)


def goal_table(rows: Sequence[GoalRow], as_json: bool) -> None:
    if as_json:
        print_json([serialize.goal(r.goal, r.progress, r.depth) for r in rows])
        return
    if not rows:
        console().print('No goals yet. Add one with `careerplan goal add "TEXT" --horizon 12m`.')
        return
    from careerplan.cli.columns import write_table

    table_rows = [
        [
            str(row.goal.id),
            "  " * row.depth + row.goal.text,
            row.goal.horizon.label if row.goal.horizon else "",
            row.goal.due.isoformat() if row.goal.due else "",
            row.goal.status.value,
            _percent(row.progress),
            smart_plain(row.goal.smart_report),
        ]
        for row in rows
    ]
    write_table(
        ("ID", "Goal", "Horizon", "Due", "Status", "Progress", "SMART"), table_rows, flexible=1
    )
    if any(row.goal.smart_report for row in rows):
        from careerplan.domain.smart_notation import LEGEND

        sys.stdout.write(LEGEND + "\n")


def goal_tree(rows: Sequence[GoalRow], as_json: bool) -> None:
    if as_json:
        print_json(_nested(rows))
        return
    out = console()
    if not rows:
        out.print("No goals yet. Start with `careerplan init`.")
        return
    from rich.tree import Tree

    root = Tree("[bold]Your plan[/]")
    nodes: dict[int | None, Any] = {}
    for row in rows:
        parent_node = nodes.get(row.goal.parent_id, root) if row.depth else root
        nodes[row.goal.id] = parent_node.add(_goal_label(row.goal, row.progress))
    out.print(root)
    if any(row.goal.smart_report for row in rows):
        smart_legend()


def _nested(rows: Sequence[GoalRow]) -> list[dict[str, Any]]:
    by_id: dict[int | None, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for row in rows:
        item = serialize.goal(row.goal, row.progress)
        item["children"] = []
        by_id[row.goal.id] = item
        parent = by_id.get(row.goal.parent_id) if row.depth else None
        (parent["children"] if parent else roots).append(item)
    return roots


def goal_detail(detail: GoalDetail, as_json: bool) -> None:
    goal = detail.goal
    if as_json:
        data = serialize.goal(goal, detail.progress)
        data["children"] = [serialize.goal(child) for child in detail.children]
        data["checkins"] = [serialize.checkin(c) for c in detail.checkins]
        data["warnings"] = detail.warnings
        print_json(data)
        return
    out = console()
    out.print(f"[bold]Goal {goal.id}[/] (version {goal.version}): {escape(goal.text)}")
    if detail.parent:
        out.print(f"Serves: #{detail.parent.id} {escape(detail.parent.text)}")
    facts = [
        ("Status", goal.status.value),
        ("Category", goal.category.value),
        ("Horizon", goal.horizon.label if goal.horizon else "—"),
        ("Due", goal.due.isoformat() if goal.due else "—"),
        ("Repeats", (describe(goal.repeat) or goal.repeat) if goal.repeat else "—"),
        ("Progress", _percent(detail.progress)),
    ]
    if goal.measure:
        m = goal.measure
        current = "not yet measured" if m.current is None else f"{m.current:g}"
        facts.append(
            ("Measure", f"{m.metric}: {current} of {m.target:g} {m.unit} (from {m.baseline:g})")
        )
    for name, value in facts:
        out.print(f"  {name + ':':<10} {escape(value)}")
    warnings(detail.warnings)
    from careerplan.domain.smart import SmartReport

    report = SmartReport.stored(goal.smart_report)
    if report is not None:
        from careerplan.cli.smart import render as render_report

        render_report(report, out)
    if detail.children:
        out.print("Sub-goals:")
        for child in detail.children:
            out.print(f"  #{child.id} {escape(child.text)} [{child.status.value}]")
    if detail.checkins:
        out.print("Check-ins:")
        for c in detail.checkins:
            value = f" value {c.value:g}" if c.value is not None else ""
            confidence = f" confidence {c.confidence}/5" if c.confidence else ""
            note = f" — {escape(c.note)}" if c.note else ""
            out.print(f"  {c.on.isoformat()}{value}{confidence}{note}")
