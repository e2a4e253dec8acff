"""What a prime candidate for an occupation has, and a person's gap to it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from careerplan.catalog.occupation_skills import EscoNeed, esco_needs
from careerplan.catalog.profile import Rated, Wages, profile
from careerplan.catalog.skills import SkillSet, Transfer, skills_of, transfer
from careerplan.catalog.store import Catalog, resolve

TOP = 6


@dataclass(frozen=True, slots=True)
class Requirements:
    code: str
    title: str
    job_zone: int | None
    job_zone_name: str | None
    education: str | None
    experience: str | None
    training: str | None
    skills: list[Rated]
    knowledge: list[Rated]
    technologies: list[str]
    hot_technologies: list[str]
    wages: Wages
    from_code: str | None = None
    from_title: str | None = None
    transfer: Transfer | None = None
    notes: list[str] = field(default_factory=list)
    # ESCO's finer detail, through the ESCO-O*NET crosswalk (empty where it maps nothing here).
    esco: list[EscoNeed] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "job_zone": self.job_zone,
            "job_zone_name": self.job_zone_name,
            "education": self.education,
            "experience": self.experience,
            "training": self.training,
            "skills": [vars_of(r) for r in self.skills],
            "knowledge": [vars_of(r) for r in self.knowledge],
            "technologies": self.technologies,
            "hot_technologies": self.hot_technologies,
            "esco_skills": [need.to_dict() for need in self.esco],
            "wages": {
                "p10": self.wages.p10, "p25": self.wages.p25, "median": self.wages.median,
                "p75": self.wages.p75, "p90": self.wages.p90,
            },
            "gap": None if self.transfer is None else {
                "from": {"code": self.from_code, "title": self.from_title},
                **self.transfer.to_dict(),
                "notes": self.notes,
            },
        }  # fmt: skip


def vars_of(rated: Rated) -> dict[str, object]:
    return {"name": rated.name, "importance": rated.importance, "level": rated.level}


def requirements(
    code: str,
    from_code: str | None = None,
    catalog: Catalog | None = None,
    adjust: Mapping[str, float] | None = None,
    person: SkillSet | None = None,
) -> Requirements:
    """The target's requirements summary; with `from_code`, the gap from that occupation, whose
    skill levels `adjust` changes by name (the person's own ratings, 0-7), or from `person`,
    the person's own skills, when they are known."""
    cat = resolve(catalog)
    target = profile(code, cat, top=TOP)
    education = target.education or target.onet_education
    experience = target.experience or target.onet_experience
    hot = [t.example for t in target.technology if t.hot][:10]
    technologies = [t.example for t in target.technology if not t.hot][: max(0, 10 - len(hot))]
    esco = esco_needs(target.code, cat)
    if from_code is None:
        return Requirements(
            target.code, target.title, target.job_zone, target.job_zone_name, education,
            experience, target.training, target.skills, target.knowledge, technologies, hot,
            target.wages, esco=esco,
        )  # fmt: skip
    current = profile(from_code, cat, top=TOP)
    fit = transfer(person or skills_of(current.code, adjust, cat), target.code, cat)
    notes: list[str] = []
    if current.job_zone and target.job_zone and target.job_zone > current.job_zone:
        notes.append(
            f"Preparation rises from job zone {current.job_zone} to {target.job_zone}: "
            f"{target.job_zone_name}."
        )
    if education and education != (current.education or current.onet_education):
        notes.append(f"Typical entry education: {education} (now: {current.education or 'n/a'}).")
    if experience and experience not in ("None", current.experience):
        notes.append(f"Related work experience usually asked: {experience}.")
    # Only what employers ask of this occupation in particular (O*NET's "in demand"): a
    # technology hot across all postings is no step towards this job.
    have = {t.example for t in current.technology}
    missing = [t.example for t in target.technology if t.in_demand and t.example not in have][:5]
    if missing:
        notes.append(f"Technologies to learn: {', '.join(missing)}.")
    return Requirements(
        target.code, target.title, target.job_zone, target.job_zone_name, education, experience,
        target.training, target.skills, target.knowledge, technologies, hot, target.wages,
        current.code, current.title, fit, notes, esco,
    )  # fmt: skip
