"""Rendering of the job search: the skills inventory, kept résumés, applications with their
scores, and the "What I'm looking for" card's hint."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from careerplan.cli import serialize
from careerplan.cli.output import console, error_console

if TYPE_CHECKING:
    from careerplan.catalog.job_fit import Requirement
    from careerplan.domain.job_search import Application, Resume, Skill
    from careerplan.domain.looking_for import LookingFor
    from careerplan.services.clock import Clock
    from careerplan.services.job_search import PostingFit
    from careerplan.storage.unit_of_work import UnitOfWork

EVIDENCE_WORDS = {"resume": "résumé", "goal": "goal", "job": "job", "said": "said"}
NO_RESUME = (
    "There is no résumé and no confirmed skill to score it against: import your résumé with "
    "`careerplan resume import FILE`, or add skills with `careerplan skills add`."
)
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


@dataclass(frozen=True, slots=True)
class Scored:
    """An application's scores, with the requirements split three ways: those the résumé
    itself meets, those only the skills list meets (show them on the résumé), and the gaps."""

    posting: PostingFit
    has_dream: bool
    on_resume: list[int] = field(default_factory=list)
    # Requirements the person has (their confirmed skills say so) that the résumé does not show,
    # each with the skill that has it when one is found.
    to_show: list[tuple[int, Skill | None]] = field(default_factory=list)

    @property
    def qualified_now(self) -> bool:
        from careerplan.catalog.job_fit import QUALIFIED

        return self.posting.fit.qualified >= QUALIFIED

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = self.posting.to_dict()
        requirements = self.posting.fit.requirements
        return {
            "qualified": body.pop("qualified"),
            "qualified_now": self.qualified_now,
            **body,
            "on_resume": [requirements[i].text for i in self.on_resume],
            "show_on_resume": [
                {
                    "requirement": requirements[i].text,
                    "skill": skill.label if skill else None,
                    "shown_by": skill.shown_by if skill else None,
                }
                for i, skill in self.to_show
            ],
        }


def score_application(
    uow: UnitOfWork, clock: Clock, application: Application
) -> tuple[Scored | None, str]:
    """The application's scores, or None and why it cannot be scored yet."""
    from careerplan.catalog.job_fit import fit
    from careerplan.cli.hints import said
    from careerplan.domain.errors import InvalidInput
    from careerplan.services.applications import resume_text_for, score

    resume = (
        uow.resumes.get(application.resume_id)
        if application.resume_id is not None
        else uow.resumes.latest()
    )
    if not resume_text_for(uow, resume).strip():
        return None, NO_RESUME
    try:
        scored = score(uow, clock, application)
    except InvalidInput as problem:
        return None, said(problem)
    alone = None
    if resume is not None and resume.text.strip():
        try:
            alone = fit(application.posting, resume.text, clock.today())
        except InvalidInput:
            alone = None
    requirements = scored.fit.requirements
    by_resume = (
        [r.met for r in alone.requirements]
        if alone is not None and len(alone.requirements) == len(requirements)
        else [False] * len(requirements)
    )
    confirmed = [skill for skill in uow.skills.all() if skill.confirmed]
    on_resume = [i for i, r in enumerate(requirements) if r.met and by_resume[i]]
    to_show = [
        (i, _skill_for(r, confirmed))
        for i, r in enumerate(requirements)
        if r.met and not by_resume[i]
    ]
    vision = uow.visions.get()
    has_dream = vision is not None and bool(vision.dream_occupation_code)
    return Scored(scored, has_dream, on_resume, to_show), ""


def _skill_for(requirement: Requirement, skills: list[Skill]) -> Skill | None:
    """The confirmed skill whose words the requirement shares most."""
    from careerplan.catalog.meaning import stems

    wanted = set(stems(requirement.text))
    best, most = None, 0
    for skill in skills:
        shared = len(wanted & set(stems(skill.label)))
        if shared > most:
            best, most = skill, shared
    return best


def scores(scored: Scored | None, why_not: str) -> None:
    """Qualified now, toward the dream job, the quadrant, and the requirements three ways."""
    out = console()
    if scored is None:
        out.print(f"Not scored yet. {escape(why_not)}")
        return
    found = scored.posting.fit
    verdict = "yes" if scored.qualified_now else "not yet (60 is qualified)"
    out.print(f"Qualified now: {found.qualified}/100, {verdict}.")
    dream = scored.posting.dream
    if dream is not None:
        out.print(
            f"Toward your dream job: {dream.toward}/100 (the job read as "
            f"{escape(dream.job_title)}, {dream.job_code})."
        )
        out.print(f"Quadrant: {dream.quadrant(scored.qualified_now)}.")
    elif scored.has_dream:
        out.print(
            "Toward your dream job: not measured: the posting's title was not read as an "
            "occupation (give one with `--title`)."
        )
    else:
        out.print(
            "Toward your dream job: not measured: your plan names no dream occupation "
            "(choose one with `careerplan explore choose CODE`)."
        )
    requirements = found.requirements
    if scored.on_resume:
        out.print("Your résumé shows:")
        for i in scored.on_resume:
            out.print(f"  ✓ {escape(requirements[i].text)}")
    if scored.to_show:
        out.print("You have it: show it on your résumé, in the posting's words:")
        for i, skill in scored.to_show:
            line = f"  + {escape(requirements[i].text)}"
            if skill is not None:
                shown = f", shown by: {escape(skill.shown_by)}" if skill.shown_by else ""
                line += f"  [dim]← your skill “{escape(skill.label)}”{shown}[/]"
            out.print(line)
    gaps = [r for r in requirements if not r.met]
    if gaps:
        out.print("The real gaps:")
        for r in gaps:
            mark, kind = ("✗", "must-have") if r.must else ("·", "nice to have")
            out.print(f"  {mark} {escape(r.why or r.text)} ({kind})")
        if found.deal_breakers:
            out.print("A must-have you do not meet keeps the score below 60.")


# Applications: lists and details ------------------------------------------------------------------


def follow_up_words(application: Application, today: date) -> str:
    if application.follow_up is None:
        return ""
    day = application.follow_up.isoformat()
    return f"{day} (due)" if application.follow_up <= today else day


def applications_table(
    rows: list[tuple[Application, Scored | None]], today: date, stage: str | None
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
        if scored is not None:
            fit = scored.posting.fit
            qualified = f"{fit.qualified} {'yes' if scored.qualified_now else 'not yet'}"
            dream = scored.posting.dream
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
    scored: Scored | None,
    why_not: str,
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
    scores(scored, why_not)
    out.print("Posting:")
    out.print(escape(application.posting), soft_wrap=True)


def application_json(
    application: Application,
    contacts: dict[int, str] | None,
    scored: Scored | None,
    why_not: str,
    *,
    with_posting: bool = True,
) -> dict[str, Any]:
    return serialize.application(application, contacts, with_posting=with_posting) | {
        "fit": scored.to_dict() if scored is not None else None,
        "not_scored": why_not or None,
    }


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
