"""What the job search's records read and write through the API: skills, résumés, applications
and the "What I'm looking for" card."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from careerplan.domain.job_search import MAX_LEVEL, Evidence, Stage
from careerplan.domain.rules import MAX_DOCUMENT
from careerplan.web.api.job_search import JobFitOut
from careerplan.web.api.schemas import MAX_LINKS, In, Out
from careerplan.web.api.types import Day, Ident, Moment, Name, Note, ShortText, Version, storable

Level = Annotated[
    int,
    Field(
        ge=0,
        le=MAX_LEVEL,
        strict=True,
        description="O*NET's scale: 0 (not yet) to 7 (expert: among the best at it).",
    ),
]
Document = Annotated[str, Field(min_length=1, max_length=MAX_DOCUMENT), storable]

# Skills


class SkillIn(In):
    label: Name
    level: Level | None = None
    evidence: Evidence = Field(Evidence.SAID, description="What shows it: resume, goal, job, said.")
    shown_by: Note = Field("", description="The words that show it (a résumé line, say).")


class SkillPatch(In):
    """Only the fields sent change; `level` sent as null clears it. An edit confirms the skill
    unless `confirmed` says otherwise."""

    version: Version
    level: Level | None = None
    evidence: Evidence | None = None
    shown_by: Note | None = None
    confirmed: bool | None = Field(None, strict=True)


class SkillOut(Out):
    id: int
    label: str
    level: int | None
    level_words: str = Field(description="The level in words a person uses of themselves.")
    evidence: Evidence
    shown_by: str
    noted_on: date | None
    confirmed: bool = Field(description="false until the person has confirmed or edited it.")
    uri: str | None = Field(description="The ESCO skill it is, when known.")
    element: str | None = Field(description="The O*NET skill or knowledge area it is, by name.")
    version: int


class SeedIn(In):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    source: Literal["job", "goals"] = Field(
        alias="from", description="job: the skills of today's job; goals: of completed goals."
    )


class SeededOut(Out):
    added: list[SkillOut] = Field(description="The skills added, each waiting to be confirmed.")


# Résumés


class ResumeIn(In):
    name: ShortText = Field("", description="What to call it (default: résumé).")
    text: Document


class ResumeRefOut(Out):
    id: int
    name: str
    imported_at: Moment | None


class SectionOut(Out):
    kind: str = Field(description="experience, education, skills, … or other.")
    heading: str
    items: list[str]


class ShownSkillOut(Out):
    label: str
    uri: str
    line: str = Field(description="The résumé's line that shows it.")
    section: str


class ResumeOut(ResumeRefOut):
    text: str
    sections: list[SectionOut]
    skills: list[ShownSkillOut] = Field(description="The ESCO skills the résumé shows.")


class ImportedOut(Out):
    resume: ResumeOut
    added: list[SkillOut] = Field(
        description="The skills found that were not in the inventory yet, added unconfirmed."
    )


# Applications


class ApplicationIn(In):
    posting: Document
    title: Name | None = Field(None, description="Default: the posting's first line.")
    organisation: ShortText = ""
    stage: Stage = Stage.SAVED
    notes: Note = ""
    contact_ids: list[Ident] = Field(
        default_factory=list, max_length=MAX_LINKS, description="Resources that are people."
    )


class ApplicationPatch(In):
    """Only the fields sent change; `follow_up` sent as null clears it."""

    version: Version
    title: Name | None = None
    organisation: ShortText | None = None
    notes: Note | None = None
    follow_up: Day | None = None
    resume_id: Ident | None = Field(None, description="The résumé sent with it.")
    contact_ids: list[Ident] | None = Field(None, max_length=MAX_LINKS)


class StageIn(In):
    stage: Stage
    on: Day | None = Field(None, description="The day it happened (default: today).")
    note: Note = ""
    version: Version | None = None


class StageChangeOut(Out):
    stage: Stage
    on: date
    note: str


class ApplicationRowOut(Out):
    id: int
    title: str
    organisation: str
    occupation_code: str | None
    resume_id: int | None
    stage: Stage
    follow_up: date | None = Field(description="When to ask after it; none once it has ended.")
    applied_on: date | None
    notes: str
    history: list[StageChangeOut]
    contact_ids: list[int]
    created_at: Moment | None
    updated_at: Moment | None
    version: int


class TailoringOut(Out):
    requirement: str
    must: bool
    status: Literal["shown", "show", "gap"] = Field(
        description="shown: the résumé says it (on `line`); show: the person has it but the "
        "résumé does not say it (`line` is one to add); gap: neither."
    )
    line: str
    skill: str | None = Field(description="The skill of the inventory that has it, for `show`.")


class ApplicationOut(ApplicationRowOut):
    posting: str
    scores: JobFitOut | None = Field(
        description="The résumé against the posting, and the job toward the dream job; null "
        "when it cannot be scored (`unscored` says why)."
    )
    qualified_now: bool | None = Field(None, description="Whether `qualified` reaches 60.")
    tailoring: list[TailoringOut] = Field(
        default_factory=list,
        description="Each requirement, and what to do about it on the résumé.",
    )
    unscored: str | None = Field(
        None, description="Why there are no scores: no requirements found, no résumé yet."
    )


# The résumé against the dream job


class NeedOut(Out):
    name: str
    kind: str = Field(description="skill or knowledge (O*NET's), or skill for one of the inventory")
    needed: int | None = Field(None, description="The level the dream job asks, 0-7.")
    level: int | None = Field(None, description="The person's level, when their skills hold it.")
    line: str = Field("", description="The résumé's line that shows it.")
    goal: str | None = Field(None, description="The goal a real gap becomes.")
    planned: bool | None = Field(None, description="Whether that goal is in the plan already.")
    evidence: Evidence | None = None


class EscoNeedOut(Out):
    label: str
    uri: str
    share: float = Field(description="Of the ESCO occupations mapped here, how many hold it.")
    line: str = ""


class EscoCheckOut(Out):
    shown: list[EscoNeedOut]
    unshown: list[EscoNeedOut]
    missing: list[EscoNeedOut]


class OccupationRefOut(Out):
    code: str
    title: str


class GateOut(Out):
    kind: str = Field(description="programme, exam, licence, certification, degree...")
    name: str
    why: str


class DreamCheckOut(Out):
    dream: OccupationRefOut
    has_resume: bool
    proves: list[NeedOut] = Field(description="The dream job's top skills the résumé shows.")
    unshown: list[NeedOut] = Field(description="What the person has and the résumé does not show.")
    gaps: list[NeedOut] = Field(description="Real gaps: POST one's name to make it a goal.")
    esco: EscoCheckOut = Field(description="The same, for the dream job's ESCO skills.")
    gates: list[GateOut] = Field(
        description="The route's gates in order (a degree, an exam, a licence): a résumé shows "
        "them once passed."
    )


class GapGoalIn(In):
    name: Name = Field(description="The name of one of the real gaps, as `gaps` gives it.")


class GapGoalOut(Out):
    goal_id: int
    text: str


# The card


class CardOut(Out):
    name: str
    dream_job: str
    roles: str
    industry: str
    organisation: str
    culture: str
    location: str
    pay_range: str
    skills: list[str] = Field(description="The strongest skills something other than words shows.")
    text: str = Field(description="The card as plain text, to paste into a message.")
