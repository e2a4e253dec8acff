"""`careerplan smart check`: the S.M.A.R.T. check of one goal, or of a JSONL stream of goals.

    careerplan smart check "TEXT" [--parent "TEXT"] [--today YYYY-MM-DD] [--hours-per-week N]
                                  [--json]
    careerplan smart check --jsonl FILE      (FILE may be `-` for standard input)

When there is a plan, the check uses its profile (hours a week, education) and settings, as
`goal add` does, so both give a goal the same verdicts; `--hours-per-week` overrides the hours.

In JSONL mode each input line is an object with `text` and optional `parent_goal`,
`reference_date` (YYYY-MM-DD) and `id`; each output line is that goal's report (with `line`,
and `id` when given), in input order. A line that cannot be checked (not UTF-8, not JSON, not an
object, no `text`, a field of the wrong type) gives `{"line": N, "error": "..."}` and the rest
carry on; the exit code is 0 once every line has an answer.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerplan.cli.hints import said
from careerplan.domain.errors import InvalidInput

if TYPE_CHECKING:
    from rich.console import Console

    from careerplan.domain.entities import Profile
    from careerplan.domain.smart import AnalysisContext, SmartReport

app = typer.Typer(
    help="Check goals against the five S.M.A.R.T. criteria and propose better wording.",
    rich_markup_mode=None,
    no_args_is_help=True,
)

_NAMES = {
    "specific": "Specific",
    "measurable": "Measurable",
    "attainable": "Attainable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}


@app.command("check")
def check(
    text: Annotated[
        str | None, typer.Argument(help="The goal to check; `-` reads standard input.")
    ] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="The longer-term goal this one serves.")
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="Reference date, YYYY-MM-DD (default: today).")
    ] = None,
    hours_per_week: Annotated[
        float | None,
        typer.Option(
            "--hours-per-week",
            help="Hours a week you can give (default: the plan's, else 10).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    jsonl: Annotated[
        str | None,
        typer.Option("--jsonl", help="Check every line of this JSONL file (`-`: stdin)."),
    ] = None,
) -> None:
    """Check a goal: verdicts with reasons, deadline, repeat rule, suggestions, rewrite."""
    from careerplan.cli.context import clock, read_text, smart_settings
    from careerplan.domain.smart import analyse
    from careerplan.services.smart import plan_context

    if (text is None) == (jsonl is None):
        raise InvalidInput('Give either a goal text or --jsonl FILE (not both): smart check "…"')
    if hours_per_week is not None and not 0 < hours_per_week <= 168:
        raise InvalidInput("--hours-per-week must be more than 0 and at most 168.")
    reference = _day(today, "--today") if today else clock().today()
    context = plan_context(_profile(), smart_settings(), hours_per_week=hours_per_week)
    if jsonl is not None:
        if as_json or parent is not None:
            raise InvalidInput(
                "--json and --parent do not apply to --jsonl; put parent_goal in each line."
            )
        from careerplan.cli.jsonl import run

        run(jsonl, lambda raw, number: check_line(raw, number, reference, context))
        return
    goal = read_text(text or "")
    if not goal.strip():
        raise InvalidInput('The goal text is empty: smart check "Pass the PMP exam by June 2027"')
    report = analyse(goal, parent, today=reference, context=context)
    if as_json:
        from careerplan.cli.output import print_json

        print_json(report.to_json())
        return
    from careerplan.cli.output import console

    render(report, console(), goal=goal)


def _profile() -> Profile | None:
    """The plan's profile, or None when there is no plan; checking words never creates one."""
    from careerplan.cli.context import existing_plan

    with existing_plan() as plan:  # a read: the quick reader on SQLite, no write lock
        return plan.profiles.get() if plan is not None else None


def _day(value: str, what: str) -> date:
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{what} must be a date written YYYY-MM-DD, not {value!r}.") from None


def check_line(
    raw: bytes, number: int, today: date, context: AnalysisContext | None = None
) -> dict[str, Any]:
    """The report for one JSONL line, or an error object naming what is wrong with it."""
    from careerplan.cli.jsonl import answer_at, error_at, ident_of, object_of
    from careerplan.domain.smart import analyse

    parsed = object_of(raw, number, "`text`")
    if "error" in parsed:
        return parsed
    item: dict[str, Any] = parsed["item"]
    ident = ident_of(item)

    def error(message: str) -> dict[str, Any]:
        return error_at(number, message, ident)

    text = item.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else "not a string"
        return error(f"`text` is {what}.")
    parent = item.get("parent_goal")
    if parent is not None and not isinstance(parent, str):
        return error("`parent_goal` must be a string or null.")
    reference = item.get("reference_date")
    day = today
    if reference is not None:
        if not isinstance(reference, str):
            return error("`reference_date` must be a string YYYY-MM-DD.")
        try:
            day = _day(reference, "`reference_date`")
        except InvalidInput as problem:
            return error(said(problem))
    report = analyse(text, parent, today=day, context=context).to_json()
    return answer_at(number, ident, report)


# A goal is a sentence or two: the echo of a longer text shows its start, and says so.
ECHOED = 300


def _shown(goal: str) -> str:
    from careerplan.domain.rules import MAX_TEXT

    if len(goal) <= ECHOED:
        return goal
    note = f" (the first {ECHOED} of {len(goal):,} characters"
    if len(goal) > MAX_TEXT:
        note += f"; a goal holds up to {MAX_TEXT:,}, so shorten it before adding it"
    return goal[:ECHOED] + "…" + note + ")"


def render(report: SmartReport, out: Console, *, goal: str | None = None) -> None:
    """The report for people: five letters, reasons and evidence, schedule, suggestions."""
    from rich.markup import escape
    from rich.table import Table

    from careerplan.cli.render import smart_legend, smart_letters
    from careerplan.domain.smart import CRITERIA

    if goal is not None:
        out.print(f"[bold]{escape(_shown(goal.strip()))}[/]")
    verdicts = {name: report.verdict(name).ok for name in CRITERIA}
    out.print(f"S.M.A.R.T. [bold]{smart_letters(verdicts)}[/]  score {report.score}/5")
    if not report.supported:
        out.print(f"[yellow]{escape(report.specific.reason)}[/]")
        for suggestion in report.suggestions:
            out.print(f"  • {escape(suggestion)}")
        smart_legend(out)
        return
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    for name in CRITERIA:
        verdict = report.verdict(name)
        mark = {True: "[green]pass[/]", False: "[red]fail[/]", None: "[yellow]  ? [/]"}[verdict.ok]
        line = escape(verdict.reason)
        if verdict.evidence:
            shown = ", ".join(f"“{span.text}”" for span in verdict.evidence)
            line += f"\n[dim]evidence: {escape(shown)}[/]"
        table.add_row(mark, _NAMES[name], line)
    out.print(table)
    if report.deadline:
        window = report.deadline_window
        span = f" (period {window.start} to {window.end})" if window else ""
        out.print(f"Deadline: {report.deadline.isoformat()}{span}")
    if report.recurrence:
        out.print(f"Repeats: {report.recurrence}")
    if report.measure:
        m = report.measure
        out.print(f"Measure: {m.kind} “{escape(m.text.text)}”")
    if report.suggestions:
        out.print("Suggestions:")
        for suggestion in report.suggestions:
            out.print(f"  • {escape(suggestion)}")
    if report.rewrite:
        out.print(f"Rewrite: {escape(report.rewrite)}")
    for note in report.notes:
        out.print(f"[dim]{escape(note)}[/]")
    smart_legend(out)
