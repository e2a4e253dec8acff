"""A posting scored for the person: qualified now (their résumé against its requirements), and
how far the job goes toward the dream job of their plan, which together place it in a
quadrant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from careerplan.catalog import Catalog
    from careerplan.catalog.dream_fit import DreamFit
    from careerplan.catalog.job_fit import Fit
    from careerplan.services.reads import ProfileReads, VisionReads


class PlanReads(Protocol):
    """What scoring a posting reads from a plan (a unit of work or the quick reader)."""

    @property
    def visions(self) -> VisionReads: ...

    @property
    def profiles(self) -> ProfileReads: ...


@dataclass(frozen=True, slots=True)
class PostingFit:
    fit: Fit
    dream: DreamFit | None

    def to_dict(self) -> dict[str, object]:
        from careerplan.catalog.job_fit import QUALIFIED

        body = self.fit.to_dict()
        head: dict[str, object] = {"qualified": body.pop("qualified")}
        head["toward_dream"] = None if self.dream is None else self.dream.toward
        head["job"] = (
            None
            if self.dream is None
            else {"code": self.dream.job_code, "title": self.dream.job_title}
        )
        head["quadrant"] = (
            None if self.dream is None else self.dream.quadrant(self.fit.qualified >= QUALIFIED)
        )
        return head | body


def dream_and_current(plan: PlanReads | None, catalog: Catalog) -> tuple[str | None, str | None]:
    """The dream occupation the vision names, and the occupation of today's job."""
    from careerplan.services.route import current_occupation

    if plan is None:
        return None, None
    vision = plan.visions.get()
    dream = vision.dream_occupation_code if vision is not None else None
    current, _ = current_occupation(plan.profiles.get(), catalog)
    return dream, current


def score_posting(
    posting: str, resume: str, today: date, plan: PlanReads | None, catalog: Catalog | None = None
) -> PostingFit:
    """The résumé against the posting, and the job toward the plan's dream job (when the plan
    names one)."""
    from careerplan.catalog import open_catalog
    from careerplan.catalog.dream_fit import toward_dream
    from careerplan.catalog.job_fit import fit

    cat = catalog or open_catalog()
    found = fit(posting, resume, today, cat)
    dream, current = dream_and_current(plan, cat)
    return PostingFit(found, toward_dream(posting, dream, current, cat) if dream else None)
