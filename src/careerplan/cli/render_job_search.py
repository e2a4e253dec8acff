"""Rendering of the job search: the skills inventory, kept résumés, applications with their
scores, and the "What I'm looking for" card's hint."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from careerplan.cli import serialize
from careerplan.cli.output import console, error_console

if TYPE_CHECKING:
    from careerplan.domain.job_search import Application, Resume, Skill
    from careerplan.domain.looking_for import LookingFor
    from careerplan.services.tailoring import DreamCheck, Scored, Tailoring

EVIDENCE_WORDS = {"resume": "résumé", "goal": "goal", "job": "job", "said": "said"}
# The card's headings, and the `vision edit` flags that fill them.
CARD_FLAGS = {
    "Industries": ("--industry",),
    "Organisation": ("--organisation-type", "--organisation-size"),
    "Culture": ("--culture",),
    "Location": ("--location",),
    "Pay": ("--pay-range",),
}


# Skills ---------------------------------------------------------------------------------------


def skills_table(skills: list[Skill]) -> None:
    from rich.table import Table

    from careerplan.domain.job_search import level_words

    out = console()
    if not skills:
        out.print(
            'No skills yet. Add one with `careerplan skills add "Budgeting" --level 4`, or '
            "seed them from your job (`careerplan skills seed --from job`), your completed "
            "goals (`--from goals`) or a résumé (`careerplan resume import FILE`)."
        )
        return
    table = Table(show_edge=False, pad_edge=False)
    for column in ("ID", "Skill", "Level", "Evidence", "Shown by", "Confirmed"):
        table.add_column(column, overflow="fold")
    for skill in skills:
        table.add_row(
            str(skill.id),
            escape(skill.label),
            level_words(skill.level),
            EVIDENCE_WORDS[skill.evidence.value],
            escape(skill.shown_by),
            "✓" if skill.confirmed else "to confirm",
        )
    out.print(table)
    waiting = sum(1 for skill in skills if not skill.confirmed)
    if waiting:
        out.print(
            f"{waiting} to confirm: `careerplan skills confirm ID...` (or `--all`), or change "
            "one with `careerplan skills set ID --level N`."
        )


def skill_line(skill: Skill) -> str:
    from careerplan.domain.job_search import level_words

    shown = f" ← {escape(skill.shown_by)}" if skill.shown_by else ""
    return f"  {skill.id}  {escape(skill.label)} ({level_words(skill.level)}){shown}"


# Résumés ---------------------------------------------------------------------------------------


def resume_view(shown: Resume | None, kept: list[Resume]) -> None:
    out = console()
    if shown is None:
        out.print("No résumé kept yet. Import one with `careerplan resume import FILE`.")
        return
    when = f", imported {shown.imported_at.date().isoformat()}" if shown.imported_at else ""
    out.print(f"[bold]Résumé {shown.id}: {escape(shown.name)}[/]{when}")
    out.print()
    out.print(escape(shown.text), soft_wrap=True)
    out.print()
    out.print(f"Kept résumés ({len(kept)}):")
    for resume in kept:
        mark = "→" if resume.id == shown.id else " "
        day = resume.imported_at.date().isoformat() if resume.imported_at else ""
        out.print(f" {mark} {resume.id}  {escape(resume.name)}  {day}")


# Applications: scores ---------------------------------------------------------------------------


def scores(scored: Scored, has_dream: bool) -> None:
    """Qualified now, toward the dream job, the quadrant, and the requirements three ways."""
    out = console()
    if scored.fit is None:
        out.print(f"Not scored yet. {escape(scored.problem)}")
        if scored.nothing_to_score:
            out.print(
                "Import your résumé with `careerplan resume import FILE`, or add skills with "
                "`careerplan skills add`."
            )
        return
    found = scored.fit.fit
    verdict = "yes" if scored.qualified_now else "not yet (60 is qualified)"
    out.print(f"Qualified now: {found.qualified}/100, {verdict}.")
    dream = scored.fit.dream
    if dream is not None:
        out.print(
            f"Toward your dream job: {dream.toward}/100 (the job read as "
            f"{escape(dream.job_title)}, {dream.job_code})."
        )
        out.print(f"Quadrant: {dream.quadrant(scored.qualified_now)}.")
    elif has_dream:
        out.print(
            "Toward your dream job: not measured: the posting's title was not read as an "
            "occupation (give one with `--title`)."
        )
    else:
        out.print(
            "Toward your dream job: not measured: your plan names no dream occupation "
            "(choose one with `careerplan explore choose CODE`)."
        )
    _tailoring(scored.rows)
    if found.deal_breakers:
        out.print("A must-have you do not meet keeps the score below 60.")


def _tailoring(rows: list[Tailoring]) -> None:
    out = console()
    shown = [row for row in rows if row.status == "shown"]
    show = [row for row in rows if row.status == "show"]
    gaps = [row for row in rows if row.status == "gap"]
    if shown:
        out.print("Your résumé shows:")
        for row in shown:
            where = f"  [dim]← {escape(row.line)}[/]" if row.line else ""
            out.print(f"  ✓ {escape(row.requirement.text)}{where}")
    if show:
        out.print("You have it: show it on your résumé, in the posting's words:")
        for row in show:
            line = f"  + {escape(row.requirement.text)}"
            if row.line:
                line += f"  [dim]← add a line such as: {escape(row.line)}[/]"
            out.print(line)
    if gaps:
        out.print("The real gaps:")
        for row in gaps:
            mark, kind = ("✗", "must-have") if row.requirement.must else ("·", "nice to have")
            out.print(f"  {mark} {escape(row.requirement.why or row.requirement.text)} ({kind})")


# Applications: lists and details ------------------------------------------------------------------


def follow_up_words(application: Application, today: date) -> str:
    if application.follow_up is None:
        return ""
    day = application.follow_up.isoformat()
    return f"{day} (due)" if application.follow_up <= today else day


def applications_table(
    rows: list[tuple[Application, Scored]], today: date, stage: str | None
) -> None:
    from rich.table import Table

    out = console()
    if not rows:
        if stage is not None:
            out.print(f"No applications at the stage {stage}. See all with `careerplan jobs list`.")
            return
        out.print("No applications yet. Save a posting with `careerplan jobs add posting.html`.")
        return
    table = Table(show_edge=False, pad_edge=False)
    for column in ("ID", "Title", "Organisation", "Stage", "Follow-up", "Qualified", "Toward"):
        table.add_column(column, overflow="fold")
    for application, scored in rows:
        qualified = toward = "—"
        if scored.fit is not None:
            fit = scored.fit.fit
            qualified = f"{fit.qualified} {'yes' if scored.qualified_now else 'not yet'}"
            dream = scored.fit.dream
            toward = str(dream.toward) if dream is not None else "—"
        table.add_row(
            str(application.id),
            escape(application.title),
            escape(application.organisation),
            application.stage.label,
            follow_up_words(application, today),
            qualified,
            toward,
        )
    out.print(table)


def saved_line(application: Application) -> str:
    at = f" at {escape(application.organisation)}" if application.organisation else ""
    return f"{escape(application.title)}{at} ({application.stage.label})"


def follow_up_sentence(application: Application) -> str:
    if application.follow_up is not None:
        return f"Follow up on {application.follow_up.isoformat()}."
    if application.stage.closed:
        return "No follow-up: it has ended."
    return (
        f"No follow-up set; set one with `careerplan jobs edit {application.id} --follow-up DATE`."
    )


def application_view(
    application: Application,
    contacts: dict[int, str],
    resume: Resume | None,
    scored: Scored,
    has_dream: bool,
    today: date,
) -> None:
    out = console()
    out.print(f"[bold]Application {application.id}: {saved_line(application)}[/]")
    facts = []
    if application.occupation_code:
        facts.append(f"Occupation: {application.occupation_code}")
    if application.follow_up is not None:
        facts.append(f"Follow-up: {follow_up_words(application, today)}")
    if resume is not None:
        facts.append(f"Résumé: {resume.id} ({escape(resume.name)})")
    if application.contact_ids:
        named = ", ".join(
            f"{escape(contacts.get(i, '(removed)'))} ({i})" for i in application.contact_ids
        )
        facts.append(f"Contacts: {named}")
    if application.notes:
        facts.append(f"Notes: {escape(application.notes)}")
    facts.append(f"Version: {application.version}")
    out.print("\n".join(facts))
    out.print("History:")
    for change in application.history:
        note = f": {escape(change.note)}" if change.note else ""
        out.print(f"  {change.on.isoformat()}  {change.stage.label}{note}")
    scores(scored, has_dream)
    out.print("Posting:")
    out.print(escape(application.posting), soft_wrap=True)


def application_json(
    application: Application,
    contacts: dict[int, str] | None,
    scored: Scored,
    *,
    with_posting: bool = True,
) -> dict[str, Any]:
    """As the API gives an application: its record, `scores`, `qualified_now`, `tailoring`
    and `unscored`."""
    return serialize.application(application, contacts, with_posting=with_posting) | dict(
        scored.to_dict()
    )


# The résumé against the dream job ---------------------------------------------------------------


def dream_view(check: DreamCheck) -> None:
    out = console()
    out.print(f"[bold]Your résumé against {escape(check.dream_title)} ({check.dream_code})[/]")
    if not check.has_resume:
        out.print("No résumé kept yet: `careerplan resume import FILE`.")
    out.print("What your résumé proves:")
    for need in check.proves:
        out.print(f"  ✓ {escape(need.name)}  [dim]← {escape(need.line)}[/]")
    for esco, line in check.esco_shown:
        out.print(f"  ✓ {escape(esco.label)} (ESCO)  [dim]← {escape(line)}[/]")
    if not (check.proves or check.esco_shown):
        out.print("  nothing yet, in the words the dream job uses")
    unshown = [n.name for n in check.unshown] + [s.label for s in check.other_unshown]
    unshown += [e.label for e in check.esco_unshown]
    if unshown:
        out.print("What you have and your résumé does not show (add a line for each):")
        for name in unshown:
            out.print(f"  + {escape(name)}")
    if check.gaps:
        out.print("The real gaps (make one a goal: `careerplan resume dream --add-goal NAME`):")
        for need in check.gaps:
            planned = " [dim](in your plan)[/]" if check.is_planned(need) else ""
            out.print(f"  ✗ {escape(need.name)}: level {need.needed} asked{planned}")
    if check.esco_missing:
        out.print(
            "Also asked, in ESCO's words: " + escape("; ".join(e.label for e in check.esco_missing))
        )
    if check.gates:
        out.print("The gates on the way, which a résumé shows once they are passed:")
        for gate in check.gates:
            out.print(f"  {gate.kind}: {escape(gate.name)}")
        out.print("`careerplan plan propose` makes them goals, in order.")


# The card ----------------------------------------------------------------------------------------


def card_hint(card: LookingFor) -> None:
    """Name the card's empty lines and the flags that fill them (on standard error, so the
    card's text on standard output stays ready to share)."""
    empty = card.empty_fields()
    if not empty:
        return
    flags = " ".join(f'{flag} "…"' for h in empty for flag in CARD_FLAGS.get(h, ()))
    error_console().print(
        f"The card says nothing yet of: {', '.join(empty)}. Fill them with "
        f"`careerplan vision edit {flags}`.",
        markup=False,
    )
