"""Rendering of the vision and the daily agenda."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from careerplan.cli.output import console, print_json, say
from careerplan.cli.text import escape
from careerplan.domain.follow_ups import follow_up_text

if TYPE_CHECKING:
    from careerplan.domain.entities import Action, Goal, Profile, Vision
    from careerplan.domain.job_search import Application
    from careerplan.services.review_status import PlanStatus
    from careerplan.services.today import Agenda

_VISION_LINES = (
    ("target_roles", "Roles"),
    ("industry", "Industry"),
    ("organisation_type", "Organisation"),
    ("organisation_size", "Organisation size"),
    ("culture", "Culture"),
    ("location", "Location"),
    ("pay_range", "Pay range"),
    ("life_difference", "How life differs"),
    ("workplace", "Workplace"),
    ("dress", "Dress"),
    ("daily_work", "Daily work"),
    ("feelings", "Feelings"),
    ("success_definition", "Success means"),
)


def vision_panel(profile: Profile | None, vision: Vision, today: date) -> None:
    lines = []
    if profile:
        job = f", today {escape(profile.current_job_title)}" if profile.current_job_title else ""
        lines.append(f"[bold]{escape(profile.name)}[/]{job}; {profile.hours_per_week:g} h/week")
        if profile.education:
            field = f" in {escape(profile.education_field)}" if profile.education_field else ""
            lines.append(f"Education: {profile.education.label}{field}")
    lines.append(f"Dream job: [bold]{escape(vision.dream_job_title)}[/]")
    if vision.dream_occupation_code:
        lines.append(f"Occupation: {vision.dream_occupation_code}")
    if vision.target_date:
        days = (vision.target_date - today).days
        lines.append(f"Target date: {vision.target_date.isoformat()} ({days} days left)")
    for name, label in _VISION_LINES:
        value = getattr(vision, name)
        if value:
            lines.append(f"{label}: {escape(value)}")
    if vision.commitment:
        lines.append(f"\n[italic]“{escape(vision.commitment)}”[/]")
    from rich.panel import Panel

    console().print(Panel("\n".join(lines), title=f"Vision (version {vision.version})"))


def welcome() -> None:
    from rich.panel import Panel

    console().print(
        Panel(
            "Welcome to careerplan. There is no plan here yet.\n\n"
            "Start by writing down your dream job:\n"
            "  [bold]careerplan init[/]   (asks a few questions)\n"
            "or in one line:\n"
            "  careerplan init --name Ana --dream-job 'COO of a tech startup' --target-date +5y\n\n"
            "Then break it down with `careerplan goal add`, and come back to "
            "`careerplan today` every day.",
            title="careerplan",
        )
    )


def agenda_view(agenda: Agenda, as_json: bool, status: PlanStatus | None = None) -> None:
    if as_json:
        from careerplan.cli import serialize
        from careerplan.cli.render_review import status_json

        print_json(
            {
                **(status_json(status) if status else {}),
                "today": agenda.today.isoformat(),
                "vision": serialize.vision(agenda.vision) if agenda.vision else None,
                "days_left": agenda.days_left,
                "overdue": {
                    "goals": [serialize.goal(g) for g in agenda.overdue_goals],
                    "actions": [serialize.action(a) for a in agenda.overdue_actions],
                },
                "this_week": {
                    "goals": [serialize.goal(g) for g in agenda.goals_this_week],
                    "actions": [serialize.action(a) for a in agenda.actions_this_week],
                },
                "repeats_due": [serialize.action(r.action, r.state) for r in agenda.repeats_due],
                "follow_ups": {
                    "overdue": [_follow_up_json(a) for a in agenda.overdue_follow_ups],
                    "this_week": [_follow_up_json(a) for a in agenda.follow_ups_this_week],
                },
            }
        )
        return
    vision = agenda.vision
    if vision is None:
        say("No plan yet. Run `careerplan init` to write down your dream job.")
        return
    header = f"[bold]{escape(vision.dream_job_title)}[/]"
    if vision.target_date is not None and agenda.days_left is not None:
        when = vision.target_date.isoformat()
        left = (
            f"{agenda.days_left} days left"
            if agenda.days_left >= 0
            else f"{-agenda.days_left} days past the target date"
        )
        header += f" by {when} ({left})"
    say(header)
    if vision.commitment:
        say(f"[italic]“{escape(vision.commitment)}”[/]")
    say()
    if status is not None:
        from careerplan.cli.render_review import attention_lines, review_line

        say(review_line(status))
        lines = attention_lines(status.attention)
        if lines:
            say("\n".join(lines))
    if agenda.is_clear:
        say('Nothing due this week. Add actions with `careerplan action add GOAL_ID "..."`.')
        return
    _section(
        "Overdue", agenda.overdue_goals, agenda.overdue_actions, "red", agenda.overdue_follow_ups
    )
    _section(
        "Due this week",
        agenda.goals_this_week,
        agenda.actions_this_week,
        "yellow",
        agenda.follow_ups_this_week,
    )
    if agenda.repeats_due:
        lines = ["[bold]Repeats due[/]"]
        for row in agenda.repeats_due[:SECTION_LIMIT]:
            state = row.state
            assert state is not None
            assert state.current is not None
            streak = f", streak {state.streak}" if state.streak else ""
            lines.append(
                f"  action {row.action.id}: {escape(row.action.text)} "
                f"(since {state.current.isoformat()}{streak})"
            )
        hidden = len(agenda.repeats_due) - SECTION_LIMIT
        if hidden > 0:
            lines.append(f"  … and {hidden} more: see `careerplan action list --open`")
        say("\n".join(lines))


# A daily view lists at most this many items per section; the rest is counted, not printed.
SECTION_LIMIT = 15


def _follow_up_json(application: Application) -> dict[str, object]:
    return {
        "id": application.id,
        "text": follow_up_text(application),
        "title": application.title,
        "organisation": application.organisation,
        "stage": application.stage.value,
        "follow_up": application.follow_up.isoformat() if application.follow_up else None,
    }


def _section(
    title: str,
    goals: list[Goal],
    actions: list[Action],
    style: str,
    follow_ups: list[Application],
) -> None:
    if not goals and not actions and not follow_ups:
        return
    lines = [f"[bold {style}]{title}[/]"]
    items = [("goal", g.id, g.text, g.due) for g in goals]
    items += [("action", a.id, a.text, a.due) for a in actions]
    items += [("application", a.id, follow_up_text(a), a.follow_up) for a in follow_ups]
    for kind, ident, text, due in items[:SECTION_LIMIT]:
        when = f" (due {due.isoformat()})" if due else ""
        lines.append(f"  {kind} {ident}: {escape(text)}{when}")
    hidden = len(items) - SECTION_LIMIT
    if hidden > 0:
        lines.append(
            f"  … and {hidden} more: see `careerplan goal list` and `careerplan action list`"
        )
    say("\n".join(lines))
