"""How a person's résumé meets a posting and their dream job, beyond the scores: which of the
posting's requirements the résumé shows (and on which line), which the person has but the
résumé does not show, and which are real gaps; the same for the dream job's top skills and
knowledge, where a real gap becomes a goal in one click. Only `add_gap_goal` writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careerplan.domain.entities import GoalStatus, Horizon
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.domain.job_search import Evidence, Skill, skill_key

if TYPE_CHECKING:
    from careerplan.catalog.job_fit import Fit, Requirement
    from careerplan.catalog.occupation_skills import EscoNeed
    from careerplan.domain.entities import Goal
    from careerplan.domain.job_search import Application, Resume
    from careerplan.domain.route import Gate
    from careerplan.services.clock import Clock
    from careerplan.services.job_search import PostingFit
    from careerplan.storage.unit_of_work import UnitOfWork

# Why an application has no scores yet, when nothing has been given to score it against.
NO_RESUME = "There is no résumé to score it against yet: import one, or confirm some skills."


# Scores


@dataclass(frozen=True, slots=True)
class Scored:
    """An application's scores, or why it has none, and with `tailored` what to do about each
    requirement."""

    fit: PostingFit | None
    problem: str = ""
    rows: list[Tailoring] = field(default_factory=list)
    # Nothing to score it against yet (no résumé, no confirmed skill): each surface says how
    # to give one.
    nothing_to_score: bool = False

    @property
    def qualified_now(self) -> bool:
        from careerplan.catalog.job_fit import QUALIFIED

        return self.fit is not None and self.fit.fit.qualified >= QUALIFIED

    def to_dict(self) -> dict[str, object]:
        return {
            "scores": None if self.fit is None else self.fit.to_dict(),
            "qualified_now": self.qualified_now if self.fit is not None else None,
            "tailoring": [row.to_dict() for row in self.rows],
            "unscored": self.problem or None,
        }


def scored(
    uow: UnitOfWork, clock: Clock, application: Application, *, tailored: bool = False
) -> Scored:
    """The application's scores, or why there are none: nothing to score it against yet, or a
    posting without requirements to read. With `tailored`, each requirement's tailoring too."""
    from careerplan.services.applications import resume_text_for, score

    if not resume_text_for(uow, resume_for(uow, application)).strip():
        return Scored(None, NO_RESUME, nothing_to_score=True)
    try:
        found = score(uow, clock, application)
    except InvalidInput as error:
        return Scored(None, error.what)
    rows = tailoring(uow, clock, application, found.fit) if tailored else []
    return Scored(found, rows=rows)


# Tailoring


@dataclass(frozen=True, slots=True)
class Tailoring:
    """One requirement of a posting, and what to do about it: `shown` (the résumé says it, on
    `line`), `show` (the person has it, from their skills, but the résumé does not say it:
    `line` is what to add) or `gap` (neither)."""

    requirement: Requirement
    status: str
    line: str = ""
    skill: Skill | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "requirement": self.requirement.text,
            "must": self.requirement.must,
            "status": self.status,
            "line": self.line,
            "skill": None if self.skill is None else self.skill.label,
        }


def resume_for(uow: UnitOfWork, application: Application) -> Resume | None:
    if application.resume_id is not None:
        return uow.resumes.get(application.resume_id)
    return uow.resumes.latest()


def _lines(resume: Resume | None) -> list[str]:
    """The résumé's lines as a person would quote them: no list markers, no blank lines."""
    from careerplan.catalog.documents import MARKER

    text = resume.text if resume is not None else ""
    found = (MARKER.sub("", line).strip() for line in text.splitlines())
    return [line for line in found if line]


def tailoring(
    uow: UnitOfWork, clock: Clock, application: Application, found: Fit
) -> list[Tailoring]:
    """For each requirement the scores judged: where the résumé shows it, the skill to add a
    line for, or a real gap."""
    from careerplan.catalog.job_fit import fit

    resume = resume_for(uow, application)
    lines = _lines(resume)
    confirmed = [skill for skill in uow.skills.all() if skill.confirmed]
    today = clock.today()

    def meets(requirement: str, text: str) -> bool:
        try:
            judged = fit(f"Requirements\n- {requirement}", text, today)
        except InvalidInput:
            return False
        return bool(judged.requirements) and judged.requirements[0].met

    rows = []
    for requirement in found.requirements:
        if not requirement.met:
            rows.append(Tailoring(requirement, "gap"))
            continue
        line = next((line for line in lines if meets(requirement.text, line)), None)
        if line is not None:
            rows.append(Tailoring(requirement, "shown", line))
            continue
        skill = next((s for s in confirmed if meets(requirement.text, s.label)), None)
        if skill is not None:
            rows.append(Tailoring(requirement, "show", _line_for(skill), skill))
        elif resume is not None and meets(requirement.text, resume.text):
            rows.append(Tailoring(requirement, "shown", ""))
        else:
            rows.append(Tailoring(requirement, "show", ""))
    return rows


def _line_for(skill: Skill) -> str:
    """A line the résumé could carry for a skill the person has: its name, and what shows it
    when that is the person's own words (a completed goal, or what they said)."""
    if skill.evidence in (Evidence.GOAL, Evidence.SAID) and skill.shown_by:
        return f"{skill.label}: {skill.shown_by}"
    return skill.label


# The résumé against the dream job


@dataclass(frozen=True, slots=True)
class Need:
    """One of the dream job's top skills or knowledge areas, and what the person has of it."""

    name: str
    kind: str  # skill or knowledge
    needed: int  # O*NET's level for the dream job, 0-7
    skill: Skill | None = None  # the inventory's, when it holds it
    line: str = ""  # the résumé's line that shows it

    @property
    def goal_text(self) -> str:
        what = self.name if self.kind == "skill" else f"knowledge of {self.name}"
        return f"Build my {what} to level {self.needed}"


@dataclass(slots=True)
class DreamCheck:
    dream_title: str
    dream_code: str
    has_resume: bool
    proves: list[Need] = field(default_factory=list)
    unshown: list[Need] = field(default_factory=list)
    other_unshown: list[Skill] = field(default_factory=list)
    gaps: list[Need] = field(default_factory=list)
    # Goal texts already in the plan, so a gap's button is not offered twice.
    planned: set[str] = field(default_factory=set)
    # The dream job's ESCO skills (through the crosswalk): those the résumé shows, with the
    # line, those the person has and the résumé does not show, and those neither holds.
    esco_shown: list[tuple[EscoNeed, str]] = field(default_factory=list)
    esco_unshown: list[EscoNeed] = field(default_factory=list)
    esco_missing: list[EscoNeed] = field(default_factory=list)
    # The route's gates (a degree, an exam, a licence) in order: a résumé shows none of them
    # until they are passed, and the proposed plan makes them goals.
    gates: list[Gate] = field(default_factory=list)

    def is_planned(self, need: Need) -> bool:
        return skill_key(need.goal_text) in self.planned

    def to_dict(self) -> dict[str, object]:
        def need(n: Need) -> dict[str, object]:
            return {
                "name": n.name, "kind": n.kind, "needed": n.needed,
                "level": None if n.skill is None else n.skill.level, "line": n.line,
                "goal": n.goal_text, "planned": self.is_planned(n),
            }  # fmt: skip

        return {
            "dream": {"code": self.dream_code, "title": self.dream_title},
            "has_resume": self.has_resume,
            "proves": [need(n) for n in self.proves],
            "unshown": [need(n) for n in self.unshown]
            + [{"name": s.label, "kind": "skill", "evidence": s.evidence.value}
               for s in self.other_unshown],
            "gaps": [need(n) for n in self.gaps],
            "gates": [{"kind": g.kind, "name": g.name, "why": g.why} for g in self.gates],
            "esco": {
                "shown": [{**e.to_dict(), "line": line} for e, line in self.esco_shown],
                "unshown": [e.to_dict() for e in self.esco_unshown],
                "missing": [e.to_dict() for e in self.esco_missing],
            },
        }  # fmt: skip


def against_dream(uow: UnitOfWork, clock: Clock) -> DreamCheck | None:
    """What the résumé proves of the dream job's top skills and knowledge, what the person has
    and the résumé does not show, and the real gaps. None without a dream occupation."""
    from careerplan.catalog import open_catalog
    from careerplan.catalog.meaning import stems
    from careerplan.catalog.requirements import requirements
    from careerplan.services.route import my_route

    vision = uow.visions.get()
    if vision is None or not vision.dream_occupation_code:
        return None
    dream = requirements(vision.dream_occupation_code, catalog=open_catalog())
    resume = uow.resumes.latest()
    lines = _lines(resume)
    skills = uow.skills.all()
    confirmed = [s for s in skills if s.confirmed]
    # Every skill the inventory holds, confirmed or waiting to be: one seeded from the job is
    # the person's until they say otherwise.
    by_name = {skill_key(s.element or s.label): s for s in skills}
    by_name |= {skill_key(s.label): s for s in skills}

    def shown_on(name: str) -> str:
        """The résumé line that names the skill: every word of an O*NET name ("Active
        Listening"), not one of them ("active")."""
        wanted = set(stems(name))
        return next((line for line in lines if wanted <= set(stems(line))), "")

    check = DreamCheck(dream.title, dream.code, resume is not None)
    check.planned = {skill_key(g.text) for g in uow.goals.all() if g.status is GoalStatus.ACTIVE}
    for kind, rated in (("skill", dream.skills), ("knowledge", dream.knowledge)):
        for r in rated:
            needed = round(r.level)
            held = by_name.get(skill_key(r.name))
            line = shown_on(r.name)
            if held is not None and held.evidence is Evidence.RESUME and not line:
                line = held.shown_by
            need = Need(r.name, kind, needed, held, line)
            if line:
                check.proves.append(need)
            elif held is not None and (held.level is None or held.level >= needed):
                check.unshown.append(need)
            else:
                check.gaps.append(need)
    counted = {id(n.skill) for n in (*check.proves, *check.unshown) if n.skill is not None}
    resume_words = skill_key(resume.text) if resume else ""
    check.other_unshown = [
        s
        for s in confirmed
        if id(s) not in counted
        and s.evidence is not Evidence.RESUME
        and skill_key(s.label) not in resume_words
    ]
    _esco(check, dream.esco, resume, confirmed)
    check.gates = [
        gate
        for gate in my_route(uow, dream.code).gates
        if gate.kind not in ("experience", "entry job", "prerequisite")
    ]
    return check


def _esco(
    check: DreamCheck, needs: list[EscoNeed], resume: Resume | None, confirmed: list[Skill]
) -> None:
    """Sort the dream job's ESCO skills by what the résumé shows (by ESCO link) and what the
    person's confirmed skills hold."""
    from careerplan.catalog.resume import read_resume

    shown = {s.uri: s.line for s in read_resume(resume.text).skills} if resume else {}
    held = {s.uri for s in confirmed if s.uri}
    for need in needs:
        if need.uri in shown:
            check.esco_shown.append((need, shown[need.uri]))
        elif need.uri in held:
            check.esco_unshown.append(need)
        else:
            check.esco_missing.append(need)


def add_gap_goal(uow: UnitOfWork, clock: Clock, name: str) -> Goal:
    """The goal "Build my <skill> to level N" under the dream goal, for one of the dream job's
    real gaps (named as the check names it)."""
    from careerplan.domain.entities import Category
    from careerplan.services.goals import add_goal

    check = against_dream(uow, clock)
    if check is None:
        raise DomainRefusal(
            "Choose your dream job from the catalogue first: its gaps come from what it asks.",
            hint=Hint(Remedy.CHOOSE_DREAM_JOB),
        )
    need = next((n for n in check.gaps if skill_key(n.name) == skill_key(name)), None)
    if need is None:
        raise InvalidInput(f"“{name}” is not one of your dream job's gaps.", field="name")
    parent_id = uow.goals.dream_goal_id()
    if check.is_planned(need):
        raise InvalidInput(f"“{need.goal_text}” is already a goal in your plan.", field="name")
    return add_goal(
        uow,
        clock,
        text=need.goal_text,
        parent_id=parent_id,
        horizon=Horizon.TWELVE_MONTHS,
        category=Category.SKILLS if need.kind == "skill" else Category.EDUCATION,
    ).goal
