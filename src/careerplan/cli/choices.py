"""Reading the names people type for horizons, categories and resource kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerplan.domain.errors import InvalidInput

if TYPE_CHECKING:
    from careerplan.domain.entities import Category, Horizon, ResourceKind
    from careerplan.domain.job_search import Evidence, Stage

# Other names people use; the entity enums are imported only when a command runs.
_CATEGORY_ALIASES = {
    "certification": "education",
    "certifications": "education",
    "education-or-certification": "education",
    "jobsearch": "job-search",
    "networking": "network",
    "skill": "skills",
}
_KIND_ALIASES = {"tool": "course", "online": "course", "program": "programme", "people": "person"}


def _key(text: str) -> str:
    return text.strip().lower().replace("_", "-").replace(" ", "-")


def horizon(text: str | None) -> Horizon | None:
    from careerplan.domain.entities import Horizon

    if text is None:
        return None
    key = _key(text).replace("years", "y").replace("months", "m").replace("-", "")
    aliases = {"24m": "2y", "1y": "12m", "6mo": "6m", "12mo": "12m"}
    key = aliases.get(key, key)
    for choice in (Horizon.TWO_YEARS, Horizon.TWELVE_MONTHS, Horizon.SIX_MONTHS):
        if key == choice.value:
            return choice
    raise InvalidInput(f"'{text}' is not a horizon. Use 2y, 12m or 6m.")


def category(text: str | None) -> Category | None:
    from careerplan.domain.entities import Category

    if text is None:
        return None
    key = _CATEGORY_ALIASES.get(_key(text), _key(text))
    try:
        return Category(key)
    except ValueError:
        names = ", ".join(c.value for c in Category)
        raise InvalidInput(f"'{text}' is not a category. Use one of: {names}.") from None


def resource_kind(text: str) -> ResourceKind:
    from careerplan.domain.entities import ResourceKind

    key = _KIND_ALIASES.get(_key(text), _key(text))
    try:
        return ResourceKind(key)
    except ValueError:
        names = ", ".join(k.value for k in ResourceKind)
        raise InvalidInput(f"'{text}' is not a resource kind. Use one of: {names}.") from None


def stage(text: str) -> Stage:
    """An application's stage as typed: `no-response`, `No response` and `no_response` agree."""
    from careerplan.domain.job_search import Stage

    try:
        return Stage(_key(text))
    except ValueError:
        names = ", ".join(s.value for s in Stage)
        raise InvalidInput(f"'{text}' is not a stage. Use one of: {names}.") from None


_EVIDENCE_ALIASES = {"résumé": "resume", "cv": "resume", "goals": "goal", "work": "job"}


def evidence(text: str) -> Evidence:
    """What shows a skill: resume, goal, job or said."""
    from careerplan.domain.job_search import Evidence

    key = _EVIDENCE_ALIASES.get(_key(text), _key(text))
    try:
        return Evidence(key)
    except ValueError:
        names = ", ".join(e.value for e in Evidence)
        raise InvalidInput(f"'{text}' is not a kind of evidence. Use one of: {names}.") from None
