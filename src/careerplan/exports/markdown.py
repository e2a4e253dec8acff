"""The whole written plan as Markdown, for notes apps and wikis: the vision, the goals by horizon
with their S.M.A.R.T. letters, actions and resources, the skills and applications of the job
search, and the recent reviews.

Everything a person wrote goes through `markdown_text`, so no goal or answer can change the
document's structure; what careerplan adds (headings, lists, labels) is the only Markdown in it.
"""

from __future__ import annotations

from careerplan.domain.entities import GoalStatus
from careerplan.domain.smart_notation import LEGEND
from careerplan.exports.markdown_text import block, inline
from careerplan.exports.outline import (
    GoalEntry,
    PlanOutline,
    ReviewSummary,
    day,
    measure_words,
    number,
    outline,
)
from careerplan.exports.snapshot import PlanSnapshot

GOAL_HEADING_LEVEL = 4  # under "## Goals" and "### In 2 years"


def render(snapshot: PlanSnapshot) -> bytes:
    plan = outline(snapshot)
    lines = [f"# {inline(plan.title)}", "", f"Exported {day(plan.exported_on)}.", ""]
    if plan.empty:
        lines += [
            "Nothing is written down yet. Start with your dream job: `careerplan init` on the "
            "command line, or the vision page of the web application.",
            "",
        ]
    else:
        lines += _vision(plan) + _profile(plan) + _goals(plan) + _resources(plan)
        lines += _skills(plan) + _applications(plan) + _reviews(plan)
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _facts(pairs: list[tuple[str, str]]) -> list[str]:
    """A list of `Label: value` items; the values are the person's words, escaped."""
    return [f"- {label}: {inline(value)}" for label, value in pairs if value] + [""]


def _paragraphs(text: str, prefix: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in block(text):
        lines += [prefix + line for line in paragraph.split("\n")]
        lines.append(prefix.rstrip())
    return [*lines[:-1], ""] if lines else []


def _vision(plan: PlanOutline) -> list[str]:
    vision = plan.vision
    if vision is None:
        return ["## Vision", "", "No vision written down yet.", ""]
    lines = ["## Vision", ""]
    lines += _facts(
        [
            ("Dream job", vision.dream_job_title),
            ("Target date", day(vision.target_date) if vision.target_date else ""),
            *plan.about_job,
        ]
    )
    for question, answer in plan.vision_answers:
        lines += [f"### {inline(question)}", "", *_paragraphs(answer)]
    if vision.commitment.strip():
        lines += ["### Commitment", "", *_paragraphs(vision.commitment, "> ")]
    return lines


def _profile(plan: PlanOutline) -> list[str]:
    profile = plan.profile
    if profile is None:
        return []
    return [
        "## Profile",
        "",
        *_facts(
            [
                ("Name", profile.name),
                ("Current job", profile.current_job_title),
                ("Hours a week for the plan", number(profile.hours_per_week)),
            ]
        ),
    ]


def _goals(plan: PlanOutline) -> list[str]:
    lines = ["## Goals", ""]
    if not plan.groups:
        return [*lines, "No goals yet.", ""]
    if any(entry.letters for group in plan.groups for entry in group.goals):
        lines += [inline(LEGEND), ""]
    for group in plan.groups:
        lines += [f"### {group.title}", ""]
        for entry in group.goals:
            lines += _goal(entry)
    return lines


def _goal(entry: GoalEntry) -> list[str]:
    goal = entry.goal
    status = goal.status.value
    if goal.status is GoalStatus.ACTIVE:
        status += f", {round(entry.progress * 100)}% done"
    facts = [
        ("S.M.A.R.T.", entry.letters or ""),
        ("Due", day(goal.due) if goal.due else ""),
        ("Repeats", entry.repeat or ""),
        ("Measure", measure_words(goal.measure) if goal.measure else ""),
        ("Status", status),
        ("Towards", entry.towards.text if entry.towards else ""),
    ]
    level = "#" * (GOAL_HEADING_LEVEL + entry.depth)
    lines = [f"{level} {inline(goal.text)}", "", *_facts(facts)]
    if entry.actions:
        lines += ["Actions:", ""]
        for line in entry.actions:
            action = line.action
            when = f"repeats {line.repeat}" if line.repeat else ""
            if not when and action.due:
                when = f"due {day(action.due)}"
            mark = "x" if action.done else " "
            lines.append(
                f"- [{mark}] {inline(action.text)}" + (f" ({inline(when)})" if when else "")
            )
        lines.append("")
    if entry.resources:
        helpers = "; ".join(
            f"{inline(resource.name)} ({resource.kind.label})" for resource in entry.resources
        )
        lines += [f"Helped by: {helpers}.", ""]
    return lines


def _resources(plan: PlanOutline) -> list[str]:
    if not plan.resource_groups:
        return []
    lines = ["## Resources", ""]
    for group in plan.resource_groups:
        lines += [f"### {group.title}", ""]
        for entry in group.entries:
            resource = entry.resource
            parts = [f"**{inline(resource.name)}**"]
            parts += [inline(text) for text in (resource.contact, resource.notes) if text.strip()]
            if entry.linked:
                parts.append("for " + "; ".join(inline(text) for text in entry.linked))
            lines.append("- " + " — ".join(parts))
        lines.append("")
    return lines


def _skills(plan: PlanOutline) -> list[str]:
    if not plan.skills:
        return []
    lines = ["## Skills", ""]
    for line in plan.skills:
        unconfirmed = "" if line.skill.confirmed else ", not confirmed yet"
        lines.append(
            f"- **{inline(line.skill.label)}** — {inline(line.level)} "
            f"(shown by {inline(line.evidence)}{unconfirmed})"
        )
    return [*lines, ""]


def _applications(plan: PlanOutline) -> list[str]:
    if not plan.applications:
        return []
    lines = ["## Applications", ""]
    for line in plan.applications:
        application = line.application
        where = f" at {inline(application.organisation)}" if application.organisation else ""
        facts = [application.stage.label]
        if line.follow_up is not None:
            facts.append(f"follow up {day(line.follow_up)}")
        lines.append(f"- **{inline(application.title)}**{where} — {', '.join(facts)}")
    return [*lines, ""]


def _reviews(plan: PlanOutline) -> list[str]:
    if not plan.reviews:
        return []
    lines = ["## Recent reviews", ""]
    for summary in plan.reviews:
        lines += _review(summary)
    return lines


def _review(summary: ReviewSummary) -> list[str]:
    review = summary.review
    lines = [f"### {day(review.held_on)} ({review.cadence.value} review)", ""]
    facts = [("Went well", review.went_well), ("Got in the way", review.got_in_the_way)]
    for goal_text, entry in summary.decisions:
        details = [entry.decision.value]
        if entry.progress is not None:
            details.append(f"{number(entry.progress)}%")
        if entry.confidence is not None:
            details.append(f"confidence {entry.confidence}/5")
        if entry.note.strip():
            details.append(entry.note)
        facts.append((inline(goal_text), ", ".join(details)))
    return lines + _facts([(label, value) for label, value in facts if value.strip()])
