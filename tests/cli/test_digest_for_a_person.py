"""`careerplan digest --user EMAIL` on a server with accounts: that person's digest, with the
comments left on their plan."""

from __future__ import annotations

from tests.cli.conftest import Invoke
from tests.services.test_digest_comments import shared

from careerplan.domain.accounts import Identity
from careerplan.domain.change_proposals import ChangeKind
from careerplan.domain.sharing import CommentOn, Role
from careerplan.services.change_proposals import Proposals
from careerplan.services.clock import FixedClock
from careerplan.services.sharing import Sharing
from careerplan.services.workspace import Workspace

__all__ = ["shared"]  # the fixture, shared with the service tests


def test_the_command_builds_one_persons_digest(
    cli: Invoke, workspace: Workspace, clock: FixedClock, shared: tuple[Identity, Identity, int]
) -> None:
    ana, cole, goal_id = shared
    Sharing(workspace, clock).comment(ana.user_id, cole, CommentOn.GOAL, goal_id, "Keep going")
    ran = cli("digest", "--user", "ANA@example.org")
    assert ran.exit_code == 0, ran.stderr
    assert "cole@example.org" in ran.stdout
    assert "Keep going" in ran.stdout
    unknown = cli("digest", "--user", "nobody@example.org")
    assert unknown.exit_code == 1
    assert "nobody@example.org" in unknown.stderr


def test_the_command_says_how_many_proposed_changes_wait(
    cli: Invoke, workspace: Workspace, clock: FixedClock, shared: tuple[Identity, Identity, int]
) -> None:
    ana, cole, goal_id = shared
    sharing = Sharing(workspace, clock)
    sharing.revoke(ana, sharing.shares(ana.user_id)[0].id)
    sharing.accept(sharing.invite(ana, Role.EDITOR).code, cole)
    Proposals(workspace, clock).propose(
        ana.user_id, cole, goal_id, ChangeKind.ADD_ACTION, text="Ask two launch leads for advice"
    )
    ran = cli("digest", "--user", "ana@example.org")
    assert ran.exit_code == 0, ran.stderr
    assert "1 change proposed by the people you share your plan with waits for" in ran.stdout
    # Cole's own digest has nothing waiting on his plan.
    assert "Changes proposed" not in cli("digest", "--user", "cole@example.org").stdout
