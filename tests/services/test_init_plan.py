"""Starting a plan: profile, vision and the dream job as goal 1; once only."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.entities import GoalStatus, Horizon
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy, StaleEdit
from careerplan.services.clock import FixedClock
from careerplan.services.vision import edit_profile, edit_vision, init_plan
from careerplan.services.workspace import Workspace


def _init(workspace: Workspace, clock: FixedClock, **changes: object) -> object:
    values: dict[str, object] = {
        "name": "Ana",
        "current_job_title": "Product manager",
        "hours_per_week": 5,
        "dream_job_title": "COO of a high-tech startup",
        "vision_fields": {"target_date": date(2031, 11, 25)},
    }
    values.update(changes)
    with workspace.unit() as uow:
        return init_plan(uow, clock, **values)  # type: ignore[arg-type]


def test_it_writes_the_profile_the_vision_and_the_dream_job_as_goal_1(
    workspace: Workspace, clock: FixedClock
) -> None:
    setup = _init(
        workspace, clock, vision_fields={"target_date": date(2031, 11, 25), "dress": " Smart "}
    )
    with workspace.unit() as uow:
        profile, vision, goals = uow.profiles.get(), uow.visions.get(), uow.goals.all()
    assert profile is not None
    assert (profile.name, profile.current_job_title, profile.hours_per_week) == (
        "Ana",
        "Product manager",
        5,
    )
    assert vision is not None
    assert (vision.dream_job_title, vision.dress, vision.target_date) == (
        "COO of a high-tech startup",
        "Smart",
        date(2031, 11, 25),
    )
    assert [(g.id, g.text, g.horizon, g.due, g.status) for g in goals] == [
        (
            1,
            "Work as COO of a high-tech startup",
            Horizon.LONG,
            date(2031, 11, 25),
            GoalStatus.ACTIVE,
        )
    ]
    assert setup.warnings == []  # type: ignore[attr-defined]


def test_initialising_twice_is_refused_and_changes_nothing(
    story: Workspace, clock: FixedClock
) -> None:
    with pytest.raises(DomainRefusal) as refused:
        _init(story, clock, name="Someone else", dream_job_title="Astronaut")
    assert (refused.value.what, refused.value.hint) == (
        "A plan already exists here.",
        Hint(Remedy.EDIT_EXISTING_PLAN),
    )
    with story.unit() as uow:
        vision = uow.visions.get()
        assert vision is not None
        assert vision.dream_job_title == "COO of a high-tech startup"
        assert uow.goals.count() == 3


@pytest.mark.parametrize("target", [date(2026, 11, 25), date(2020, 1, 1)])
def test_a_target_date_not_in_the_future_is_allowed_but_flagged(
    workspace: Workspace, clock: FixedClock, target: date
) -> None:
    setup = _init(workspace, clock, vision_fields={"target_date": target})
    assert setup.warnings == [f"The target date {target.isoformat()} is not in the future."]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "  "}, "Give your name, so the plan is addressed to you."),
        ({"dream_job_title": ""}, "The dream job title is empty."),
        ({"hours_per_week": 0}, "Hours per week must be more than 0 and at most 80; got 0."),
        ({"hours_per_week": 100}, "Hours per week must be more than 0 and at most 80; got 100."),
        (
            {"vision_fields": {"target_date": "2031-11-25"}},
            "The target date must be a date.",
        ),
    ],
)
def test_bad_set_up_is_refused_and_leaves_no_half_plan(
    workspace: Workspace, clock: FixedClock, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        _init(workspace, clock, **changes)
    assert str(refused.value) == message
    with workspace.unit() as uow:
        assert (uow.profiles.get(), uow.visions.get(), uow.goals.count()) == (None, None, 0)


def test_editing_the_vision_keeps_the_dream_goal_in_step(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        vision = edit_vision(
            uow, clock, {"dream_job_title": "CEO of a startup", "target_date": date(2032, 6, 30)}
        )
        dream = uow.goals.get(1)
    assert vision.version == 2
    assert (dream.text, dream.due, dream.version) == (
        "Work as CEO of a startup",
        date(2032, 6, 30),
        2,
    )


def test_a_stale_vision_edit_is_refused_and_the_first_edit_is_kept(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        edit_vision(uow, clock, {"industry": "Fintech"}, expected_version=1)
    with pytest.raises(StaleEdit), story.unit() as uow:
        edit_vision(uow, clock, {"industry": "Biotech"}, expected_version=1)
    with story.unit() as uow:
        vision = uow.visions.get()
    assert vision is not None
    assert (vision.industry, vision.version) == ("Fintech", 2)


def test_unknown_vision_fields_are_refused(story: Workspace, clock: FixedClock) -> None:
    with (
        pytest.raises(InvalidInput, match=r"^Unknown vision field\(s\): salary\.$"),
        story.unit() as uow,
    ):
        edit_vision(uow, clock, {"salary": 1})


def test_the_profile_can_be_edited_within_its_limits(story: Workspace) -> None:
    with story.unit() as uow:
        profile = edit_profile(uow, {"hours_per_week": "7.5", "current_job_title": "Senior PM"})
    assert (profile.hours_per_week, profile.current_job_title, profile.version) == (
        7.5,
        "Senior PM",
        2,
    )
    with pytest.raises(InvalidInput, match=r"^Unknown profile field: age\.$"), story.unit() as uow:
        edit_profile(uow, {"age": 40})


def test_editing_before_init_says_to_run_init(workspace: Workspace, clock: FixedClock) -> None:
    with pytest.raises(DomainRefusal) as refused, workspace.unit() as uow:
        edit_vision(uow, clock, {"industry": "Software"})
    assert (refused.value.what, refused.value.hint) == (
        "There is no plan yet.",
        Hint(Remedy.START_PLAN),
    )
