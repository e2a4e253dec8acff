"""A proposed plan: planned back from the chosen dream job, accepted goal by goal."""

from __future__ import annotations

import pytest

from careerplan.domain.entities import Horizon
from careerplan.domain.errors import Advice, DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.services.clock import FixedClock
from careerplan.services.explore import choose_dream_job, set_current_occupation
from careerplan.services.proposal import accept_proposals, propose_plan
from careerplan.services.workspace import Workspace

CHIEF_EXECUTIVES = "11-1011.00"
MARKETING_MANAGERS = "11-2021.00"


@pytest.fixture
def chosen(story: Workspace, clock: FixedClock) -> Workspace:
    with story.unit() as uow:
        choose_dream_job(uow, clock, CHIEF_EXECUTIVES)
        set_current_occupation(uow, MARKETING_MANAGERS)
    return story


def test_it_refuses_to_propose_before_a_dream_job_is_chosen(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow, pytest.raises(DomainRefusal) as refused:
        propose_plan(uow, clock)
    # “COO of a high-tech startup” names no occupation closely enough to suggest one.
    assert (refused.value.what, refused.value.hint) == (
        "Choose your dream job from the catalogue first, so the proposal can plan back from "
        "what it asks.",
        Hint(Remedy.CHOOSE_DREAM_JOB, ""),
    )


def test_proposing_changes_nothing_in_the_plan(chosen: Workspace, clock: FixedClock) -> None:
    before = chosen.revision()
    with chosen.unit() as uow:
        result = propose_plan(uow, clock)
    assert chosen.revision() == before
    assert result.dream_title == "Chief Executive"
    assert result.current_title == "Marketing Manager"
    assert result.proposal.target_date.isoformat() == "2031-11-25"
    assert len(result.items) >= 6
    assert [item.accepted for item in result.items] == [False] * len(result.items)


def test_every_proposed_goal_is_smart_and_on_its_horizon(
    chosen: Workspace, clock: FixedClock
) -> None:
    with chosen.unit() as uow:
        result = propose_plan(uow, clock)
    assert len(result.items) >= 6
    for item in result.items:
        assert item.report.letters == "SMART", (item.goal.text, item.report.to_json())
        assert item.goal.actions, item.goal.key
        assert item.goal.resources, item.goal.key
    horizons = {item.goal.horizon for item in result.items}
    assert {Horizon.SIX_MONTHS, Horizon.TWELVE_MONTHS, Horizon.TWO_YEARS} <= horizons


def test_accepting_adds_the_goals_under_the_dream_job_with_first_actions(
    chosen: Workspace, clock: FixedClock
) -> None:
    with chosen.unit() as uow:
        proposed = propose_plan(uow, clock).items
        goals_before = uow.goals.count()
    with chosen.unit() as uow:
        accepted = accept_proposals(uow, clock, ["1", proposed[2].goal.key])
    assert [done.item.number for done in accepted] == [1, 3]
    with chosen.unit() as uow:
        assert uow.goals.count() == goals_before + 2
        for done in accepted:
            goal = uow.goals.get(done.goal.id or 0)
            assert goal.parent_id == 1
            assert goal.due == done.item.goal.due
            assert goal.horizon is done.item.goal.horizon
            assert goal.smart_report is not None
            actions = uow.actions.all(goal.id)
            assert [a.text for a in actions] == [a.text for a in done.item.goal.actions]
        again = propose_plan(uow, clock)
    assert [item.accepted_goal_id is not None for item in again.items][:3] == [True, False, True]


def test_a_goal_cannot_be_accepted_twice(chosen: Workspace, clock: FixedClock) -> None:
    with chosen.unit() as uow:
        accept_proposals(uow, clock, ["2"])
    with chosen.unit() as uow, pytest.raises(DomainRefusal, match="already goal"):
        accept_proposals(uow, clock, ["2"])


def test_an_unknown_reference_adds_nothing(chosen: Workspace, clock: FixedClock) -> None:
    with chosen.unit() as uow:
        before = uow.goals.count()
    with pytest.raises(InvalidInput, match="no proposed goal '99'"), chosen.unit() as uow:
        accept_proposals(uow, clock, ["1", "99"])
    with chosen.unit() as uow:
        assert uow.goals.count() == before
        assert uow.proposals.accepted() == {}


def test_accept_all_takes_what_is_left_and_then_refuses(
    chosen: Workspace, clock: FixedClock
) -> None:
    with chosen.unit() as uow:
        total = len(propose_plan(uow, clock).items)
        accept_proposals(uow, clock, ["1"])
    with chosen.unit() as uow:
        assert len(accept_proposals(uow, clock, ["all"])) == total - 1
    with chosen.unit() as uow, pytest.raises(DomainRefusal, match="already in your plan"):
        accept_proposals(uow, clock, ["all"])


def test_deleting_an_accepted_goal_offers_it_again(chosen: Workspace, clock: FixedClock) -> None:
    from careerplan.services.deletion import delete_goal

    with chosen.unit() as uow:
        (done,) = accept_proposals(uow, clock, ["1"])
    with chosen.unit() as uow:
        delete_goal(uow, done.goal.id or 0)
    with chosen.unit() as uow:
        assert not propose_plan(uow, clock).items[0].accepted


def test_a_current_job_read_from_its_title_is_said_out_loud(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        choose_dream_job(uow, clock, CHIEF_EXECUTIVES)
        result = propose_plan(uow, clock)
    assert result.current_title == "Marketing Manager"
    assert result.notes == [
        Advice(
            "Your current job “Product manager” was read as Marketing Managers; if that is "
            "wrong, say which it is.",
            Hint(Remedy.SET_CURRENT_JOB),
        ),
        # Ana said nothing of her education: the route starts from what her job usually asks.
        Advice(
            "Your highest education is not recorded, so the route assumes a bachelor's degree, "
            "what a Marketing Manager usually holds; say what you hold for a route that fits it.",
            Hint(Remedy.EDIT_VISION),
        ),
    ]


def test_a_dream_job_in_the_current_occupation_keeps_to_network_and_search(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        choose_dream_job(uow, clock, CHIEF_EXECUTIVES)
        set_current_occupation(uow, CHIEF_EXECUTIVES)
        result = propose_plan(uow, clock)
    assert [note.what for note in result.notes] == [
        "Your highest education is not recorded, so the route assumes a bachelor's degree, "
        "what a Chief Executive usually holds; say what you hold for a route that fits it.",
        "You already work as Chief Executives: there is no skill gap to close, so the proposal "
        "keeps to the network and the move into the role you want.",
    ]
    categories = {item.goal.category.value for item in result.items}
    assert categories == {"network", "job-search"}


def test_a_goal_accepted_elsewhere_a_moment_earlier_is_refused_cleanly(
    chosen: Workspace, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerplan.storage.reviews import ProposalRepository

    with chosen.unit() as uow:
        accept_proposals(uow, clock, ["1"])
        goals_before = uow.goals.count()
    # The other tab read the proposal before this acceptance was committed.
    monkeypatch.setattr(ProposalRepository, "accepted", lambda self: {})
    # The refusal leaves the unit of work, which rolls back the goal it had added.
    with pytest.raises(DomainRefusal, match="accepted a moment ago"), chosen.unit() as uow:
        accept_proposals(uow, clock, ["1"])
    monkeypatch.undo()
    with chosen.unit() as uow:
        assert uow.goals.count() == goals_before
        assert len(uow.proposals.accepted()) == 1
