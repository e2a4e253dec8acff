"""Ana, Cole and Ben with accounts on the story's database, for the sharing and proposal tests
(tests/sharing_story.py says who they are)."""

from __future__ import annotations

import pytest
from tests.sharing_story import ANA, BEN, COLE, FAST, PASSWORD, People

from careerplan.domain.accounts import Identity
from careerplan.services.accounts import Accounts
from careerplan.services.clock import FixedClock
from careerplan.services.sharing import Sharing
from careerplan.services.workspace import Workspace


@pytest.fixture
def accounts(story: Workspace, clock: FixedClock) -> Accounts:
    return Accounts(story.engine, clock, hasher=FAST)


@pytest.fixture
def people(accounts: Accounts) -> People:
    # Ana's account takes the story's plan; Cole and Ben start with none.
    ana = accounts.add(ANA, PASSWORD, take_local_plan=True)
    return People(
        Identity(ana, ANA),
        Identity(accounts.add(COLE, PASSWORD), COLE),
        Identity(accounts.add(BEN, PASSWORD), BEN),
    )


@pytest.fixture
def sharing(story: Workspace, clock: FixedClock) -> Sharing:
    return Sharing(story, clock)
