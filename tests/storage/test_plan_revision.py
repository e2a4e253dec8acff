"""The plan revision moves with every change, and only then; cached pages follow it."""

from __future__ import annotations

import pytest
from tests.web.conftest import local_client

from careerplan.config import Settings
from careerplan.domain.errors import NotFound
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.vision import edit_vision
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.web.app import create_app


def revision(workspace: Workspace) -> int:
    with workspace.unit() as uow:
        return uow.revision()


def test_reading_leaves_the_revision_alone(story: Workspace) -> None:
    before = revision(story)
    with story.unit() as uow:
        uow.goals.all()
        uow.actions.all()
    assert revision(story) == before


def test_each_committed_change_moves_the_revision_once(story: Workspace, clock: FixedClock) -> None:
    before = revision(story)
    with story.unit() as uow:
        add_goal(uow, clock, text="Shadow our COO for a week by March 2027", parent_id=2)
        add_goal(uow, clock, text="Read two books on operations by June 2027", parent_id=2)
    assert revision(story) == before + 1


def test_a_refused_change_leaves_the_revision_alone(story: Workspace, clock: FixedClock) -> None:
    before = revision(story)

    def write_then_fail() -> None:
        with story.unit() as uow:
            add_goal(uow, clock, text="Written, then refused", parent_id=2)
            uow.goals.get(999)

    with pytest.raises(NotFound) as refused:
        write_then_fail()
    assert (refused.value.kind, refused.value.ident) == ("goal", 999)
    assert revision(story) == before


def test_the_cached_dashboard_shows_a_change_made_by_another_process(
    story: Workspace, settings: Settings, clock: FixedClock
) -> None:
    with local_client(create_app(workspace=story, clock=clock)) as client:
        assert "COO of a high-tech startup" in client.get("/").text
        elsewhere = open_workspace(settings)  # another worker or the command line
        with elsewhere.unit() as uow:
            edit_vision(uow, clock, {"dream_job_title": "Chief Operating Officer at a fintech"})
        elsewhere.close()
        page = client.get("/").text
    assert "Chief Operating Officer at a fintech" in page
    assert "COO of a high-tech startup" not in page


def test_a_cached_page_carries_each_browser_its_own_csrf_token(
    story: Workspace, clock: FixedClock
) -> None:
    app = create_app(workspace=story, clock=clock)
    with local_client(app) as first, local_client(app) as second:
        one, two = first.get("/"), second.get("/")
        token_one, token_two = one.cookies["careerplan_csrf"], two.cookies["careerplan_csrf"]
    assert token_one != token_two
    assert token_one in one.text
    assert token_two in two.text
    assert token_one not in two.text
