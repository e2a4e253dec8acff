"""Ana shares the story's plan with Cole, her coach; Ben has no share. What the sharing and
proposal tests of every layer agree on: who they are, one password, a cheap hasher, what Ana's
plan holds, and the words she keeps to herself."""

from __future__ import annotations

from dataclasses import dataclass

import argon2

from careerplan.domain.accounts import Identity
from careerplan.domain.sharing import Role
from careerplan.services.clock import FixedClock
from careerplan.services.reviews import EntryInput, ReviewInput, record_review
from careerplan.services.sharing import Sharing
from careerplan.services.workspace import Workspace

# A cheap hasher: sign-in is not under test here, and the default costs ~50 ms a hash.
FAST = argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"
ANA, COLE, BEN, DAN = "ana@example.org", "cole@example.org", "ben@example.org", "dan@example.org"
# Ana's plan as the story builds it.
DREAM, MANAGER, PMP = 1, 2, 3
DREAM_TEXT = "Work as COO of a high-tech startup"
MANAGER_TEXT = "Obtain a management position leading a team of at least 5 people"
PMP_TEXT = "Complete my PMP certification within the next 12 months"
NETWORKING = "Attend one industry networking event"
# What Cole proposes for her PMP goal.
NEW_WORDING = "Pass the PMP exam by 30 June 2027"
# Words only Ana may read: if one shows in what Cole sees, something leaked.
WENT_WELL = "WENTWELL-7c1e finished the mock exam"
IN_THE_WAY = "INTHEWAY-5b2d my manager left"
ENTRY_NOTE = "ENTRYNOTE-93af thinking of quitting"
SECRETS = (WENT_WELL, IN_THE_WAY, ENTRY_NOTE)


@dataclass
class People:
    ana: Identity
    cole: Identity
    ben: Identity


def share_with_cole(sharing: Sharing, people: People, role: Role = Role.COMMENTER) -> None:
    invitation = sharing.invite(people.ana, role, COLE)
    assert sharing.accept(invitation.code, people.cole) == ANA


def review_with_secrets(plan: Workspace, clock: FixedClock, confidence: int = 4) -> int:
    """A review today of `plan` with notes Ana keeps to herself; confidence 2 or less puts goal
    2 at risk, and so the plan."""
    with plan.unit() as uow:
        recorded = record_review(
            uow,
            clock,
            ReviewInput(
                entries=[
                    EntryInput(MANAGER, confidence=confidence, note=ENTRY_NOTE),
                    EntryInput(PMP, progress=10, note=ENTRY_NOTE),
                ],
                went_well=WENT_WELL,
                got_in_the_way=IN_THE_WAY,
            ),
        )
    assert recorded.review.id is not None
    return recorded.review.id
