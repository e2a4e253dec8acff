"""S.M.A.R.T. reports for goals: the analyser given what the plan knows (the parent goal, the
person's weekly hours and education, the catalogue's words for the dream occupation and its
curated credentials, dates set on the goal).

Every surface builds the analyser's context here, from the same profile, so `smart check`,
`goal add`, the /smart page and the API give one goal the same verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from careerplan.domain.entities import Goal, Measure
from careerplan.services.clock import Clock

if TYPE_CHECKING:
    from careerplan.domain.entities import Profile
    from careerplan.domain.smart import (
        AnalysisContext,
        CredentialKnowledge,
        OccupationKnowledge,
        SmartReport,
    )
    from careerplan.services.reads import SmartReads
    from careerplan.storage.unit_of_work import UnitOfWork


class ProfileReads(Protocol):
    def get(self) -> Profile | None: ...


@dataclass(frozen=True, slots=True)
class SmartSettings:
    fiscal_year_start: int = 1
    day_first: bool = True


@cache
def _knowledge() -> OccupationKnowledge | None:
    """The catalogue's vocabulary for relevance; None when the catalogue cannot be opened."""
    from careerplan.domain.errors import StorageProblem

    try:
        from careerplan.catalog.smart_knowledge import CatalogKnowledge

        return CatalogKnowledge()
    except StorageProblem:
        return None


@cache
def _credentials() -> CredentialKnowledge | None:
    """The catalogue's curated credentials for the attainable check; None when the catalogue
    cannot be opened (the check then judges without them)."""
    from careerplan.catalog.store import shipped_path

    if not shipped_path().exists():
        return None
    from careerplan.catalog.durations import CatalogCredentials

    return CatalogCredentials()


def _parent_text(uow: SmartReads, parent: Goal | None) -> str | None:
    """The parent's words; for the dream job, its occupation's title too, so the catalogue
    recognises "COO of a high-tech startup" as the chief executives' family."""
    if parent is None:
        return None
    vision = uow.visions.get()
    if parent.parent_id is None and vision and vision.dream_occupation_code:
        from careerplan.catalog import open_catalog
        from careerplan.domain.errors import CareerplanError

        try:
            title = open_catalog().occupation(vision.dream_occupation_code).title
        except CareerplanError:
            return parent.text
        return f"{parent.text} ({title})"
    return parent.text


def plan_context(
    profile: Profile | None,
    settings: SmartSettings,
    *,
    hours_per_week: float | None = None,
    parent: Goal | None = None,
    due: date | None = None,
    repeat: str | None = None,
    measure: Measure | None = None,
) -> AnalysisContext:
    """The analyser's context from the person's profile (None: there is no plan yet):
    their hours a week (unless `hours_per_week` overrides them) and education, the settings,
    the catalogue's knowledge, and what the goal and its parent carry outside their words."""
    from careerplan.domain.smart import AnalysisContext

    hours = hours_per_week
    if hours is None and profile is not None:
        hours = profile.hours_per_week
    return AnalysisContext(
        hours_per_week=hours,
        fiscal_year_start=settings.fiscal_year_start,
        day_first=settings.day_first,
        parent_due=parent.due if parent else None,
        knowledge=_knowledge(),
        goal_due=due,
        goal_repeat=repeat,
        goal_measure=measure_words(measure) if measure is not None else None,
        education=profile.education if profile else None,
        credentials=_credentials(),
    )


def context_for(
    uow: SmartReads,
    parent: Goal | None,
    settings: SmartSettings,
    *,
    due: date | None = None,
    repeat: str | None = None,
    measure: Measure | None = None,
) -> AnalysisContext:
    return plan_context(
        uow.profiles.get(), settings, parent=parent, due=due, repeat=repeat, measure=measure
    )


def measure_words(measure: Measure) -> str:
    """A goal's measure as the analyser's reason names it: "hours, from 0 to 30"."""
    unit = f" {measure.unit}" if measure.unit else ""
    return f"{measure.metric}, from {measure.baseline:g} to {measure.target:g}{unit}"


def check_words(
    profiles: ProfileReads | None,
    clock: Clock,
    text: str,
    parent: str | None = None,
    *,
    today: date | None = None,
    hours_per_week: float | None = None,
    settings: SmartSettings | None = None,
) -> SmartReport:
    """Check wording against a parent goal's words rather than a saved goal (`smart check`,
    the API), with the plan's profile when there is a plan (`profiles` None: there is none)."""
    from careerplan.domain.smart import analyse

    profile = profiles.get() if profiles is not None else None
    context = plan_context(profile, settings or SmartSettings(), hours_per_week=hours_per_week)
    return analyse(text, parent, today=today or clock.today(), context=context)


def check_text(
    uow: SmartReads,
    clock: Clock,
    text: str,
    *,
    parent_id: int | None = None,
    settings: SmartSettings | None = None,
) -> SmartReport:
    """Check wording before it is saved (the page checks as the person types)."""
    from careerplan.domain.smart import analyse

    parent = uow.goals.get(parent_id) if parent_id is not None else None
    context = context_for(uow, parent, settings or SmartSettings())
    return analyse(text, _parent_text(uow, parent), today=clock.today(), context=context)


def report_for_goal(
    uow: UnitOfWork, clock: Clock, goal: Goal, settings: SmartSettings | None = None
) -> SmartReport:
    """The report for a goal as it stands, dates set on the goal included."""
    from careerplan.domain.smart import analyse

    parent = uow.goals.get(goal.parent_id) if goal.parent_id is not None else None
    context = context_for(
        uow,
        parent,
        settings or SmartSettings(),
        due=goal.due,
        repeat=goal.repeat,
        measure=goal.measure,
    )
    return analyse(goal.text, _parent_text(uow, parent), today=clock.today(), context=context)


def check_new_wording(
    uow: UnitOfWork, clock: Clock, goal: Goal, text: str, settings: SmartSettings | None = None
) -> SmartReport:
    """The report the goal would have with `text` as its wording, its dates, measure and parent
    kept: a review shows it before the new wording is saved."""
    from dataclasses import replace

    return report_for_goal(uow, clock, replace(goal, text=text), settings)


def attach_report(
    uow: UnitOfWork, clock: Clock, goal: Goal, settings: SmartSettings | None = None
) -> None:
    """Put the goal's latest report on it, to be saved with the goal's own change (so a check
    never costs a version). The dream job itself, the top of the tree, has no report."""
    if goal.parent_id is None and goal.horizon is not None and goal.horizon.value == "long":
        goal.smart_report = None
        return
    goal.smart_report = report_for_goal(uow, clock, goal, settings).to_json()


def settings_from(fiscal_year_start: int, day_first: bool) -> SmartSettings:
    return SmartSettings(fiscal_year_start=fiscal_year_start, day_first=day_first)


def wording_weakened(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str | None:
    """A warning when a goal's new wording meets criteria its old wording met no longer (a
    review that makes a goal vaguer is allowed, but said), or None."""
    from careerplan.domain.smart import CRITERIA, SmartReport
    from careerplan.domain.smart.compare import criterion_words, lost

    old, new = SmartReport.stored(before), SmartReport.stored(after)
    if old is None or new is None:
        return None  # nothing to compare with (a report an older version stored, say)
    gone = lost(
        {name: old.verdict(name) for name in CRITERIA},
        {name: new.verdict(name) for name in CRITERIA},
    )
    if not gone:
        return None
    reasons = " ".join(f"No longer {criterion_words(name)}: {reason}" for name, reason in gone)
    return (
        f"The new wording checks as S.M.A.R.T. {new.letters}, where the old one was "
        f"{old.letters}. {reasons}"
    )
