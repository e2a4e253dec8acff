""" "What I'm looking for": the one-page card a person hands their network (step 5 of the
article: be "clear about what you want in terms of roles, industries, and organizational
culture"), made from the vision and the skills the person can prove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerplan.domain.looking_for import LookingFor
from careerplan.services.skills_inventory import proven

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork

STRONGEST = 8  # proven skills on the card: a page, read in a minute


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
