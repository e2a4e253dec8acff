"""S.M.A.R.T. reports for goals: the analyser given what the plan knows (the parent goal, the
person's weekly hours, the catalogue's words for the dream occupation, dates set on the goal)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from careerplan.domain.entities import Goal
from careerplan.services.clock import Clock

if TYPE_CHECKING:
    from careerplan.domain.smart import AnalysisContext, OccupationKnowledge, SmartReport
    from careerplan.storage.unit_of_work import UnitOfWork


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


def _parent_text(uow: UnitOfWork, parent: Goal | None) -> str | None:
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


def context_for(
    uow: UnitOfWork,
    parent: Goal | None,
    settings: SmartSettings,
    *,
    due: date | None = None,
    repeat: str | None = None,
) -> AnalysisContext:
    from careerplan.domain.smart import AnalysisContext

    profile = uow.profiles.get()
    return AnalysisContext(
        hours_per_week=profile.hours_per_week if profile else None,
        fiscal_year_start=settings.fiscal_year_start,
        day_first=settings.day_first,
        parent_due=parent.due if parent else None,
        knowledge=_knowledge(),
        goal_due=due,
        goal_repeat=repeat,
    )


def check_text(
    uow: UnitOfWork,
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
        uow, parent, settings or SmartSettings(), due=goal.due, repeat=goal.repeat
    )
    return analyse(goal.text, _parent_text(uow, parent), today=clock.today(), context=context)


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
