""" "What I'm looking for": the one-page card a person hands their network (step 5 of the
article: be "clear about what you want in terms of roles, industries, and organizational
culture"), made from the vision and the skills the person can prove."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careerplan.services.skills_inventory import proven

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork

STRONGEST = 8  # proven skills on the card: a page, read in a minute


@dataclass(frozen=True, slots=True)
class LookingFor:
    name: str
    dream_job: str
    roles: str
    industry: str
    organisation: str  # type and size, as the person put them
    culture: str
    location: str
    pay_range: str
    skills: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str]]:
        """The card's lines that say something, as (heading, words)."""
        found = [
            ("Roles", self.roles or self.dream_job),
            ("Industries", self.industry),
            ("Organisation", self.organisation),
            ("Culture", self.culture),
            ("Location", self.location),
            ("Pay", self.pay_range),
        ]
        return [(heading, words) for heading, words in found if words]

    def empty_fields(self) -> list[str]:
        """What the card could say and does not yet, for a hint."""
        said = dict(self.rows())
        return [
            h for h in ("Industries", "Organisation", "Culture", "Location", "Pay") if h not in said
        ]

    def text(self) -> str:
        """The shareable version: plain text a person pastes into a message."""
        lines = [f"What I'm looking for — {self.name}" if self.name else "What I'm looking for", ""]
        lines += [f"{heading}: {words}" for heading, words in self.rows()]
        if self.skills:
            lines += ["", "What I bring: " + "; ".join(self.skills)]
        lines += ["", "If you know someone I should talk to, I would be glad of an introduction."]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "dream_job": self.dream_job,
            "roles": self.roles,
            "industry": self.industry,
            "organisation": self.organisation,
            "culture": self.culture,
            "location": self.location,
            "pay_range": self.pay_range,
            "skills": list(self.skills),
            "text": self.text(),
        }


def looking_for(uow: UnitOfWork) -> LookingFor:
    """The card, from the vision and the strongest skills something shows."""
    from careerplan.services.vision import require_vision

    vision = require_vision(uow)
    profile = uow.profiles.get()
    organisation = ", ".join(p for p in (vision.organisation_type, vision.organisation_size) if p)
    return LookingFor(
        name=profile.name if profile is not None else "",
        dream_job=vision.dream_job_title,
        roles=vision.target_roles,
        industry=vision.industry,
        organisation=organisation,
        culture=vision.culture,
        location=vision.location,
        pay_range=vision.pay_range,
        skills=[skill.label for skill in proven(uow.skills.all())[:STRONGEST]],
    )
