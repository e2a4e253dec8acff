"""Every entity comes back from the database as it was saved, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from careerplan.domain.entities import (
    Action,
    Category,
    CheckIn,
    Completion,
    Goal,
    GoalStatus,
    Horizon,
    Measure,
    Profile,
    Resource,
    ResourceKind,
    Vision,
)
from careerplan.services.workspace import Workspace

CREATED = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def _as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive UTC, PostgreSQL an aware time; both mean the same instant."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _goal(**changes: object) -> Goal:
    values: dict[str, object] = {
        "text": "Complete my PMP certification — within 12 months",
        "horizon": Horizon.TWELVE_MONTHS,
        "category": Category.EDUCATION,
        "measure": Measure("exam score", target=80.0, unit="%", baseline=10.0, current=42.5),
        "due": date(2027, 11, 25),
        "repeat": "FREQ=MONTHLY",
        "status": GoalStatus.ACTIVE,
        "smart_report": {
            "specific": True,
            "time_bound": False,
            "criteria": {"time_bound": {"ok": False, "reason": "no date — «add one»"}},
            "suggestions": ["Say by when."],
        },
        "created_at": CREATED,
        "updated_at": CREATED,
    }
    values.update(changes)
    return Goal(**values)  # type: ignore[arg-type]


def test_a_profile_and_a_vision_round_trip(workspace: Workspace) -> None:
    profile = Profile(name="Ana", current_job_title="Product manager", hours_per_week=4.5)
    vision = Vision(
        dream_job_title="COO of a high-tech startup",
        dream_occupation_code="11-1021",
        industry="Software",
        culture="Fast, candid, kind",
        feelings="Proud — and a bit tired",
        target_date=date(2031, 11, 25),
        commitment="I will be COO by 2031.",
    )
    with workspace.unit() as uow:
        uow.profiles.save(profile)
        uow.visions.save(vision)
    with workspace.unit() as uow:
        assert uow.profiles.get() == profile
        assert uow.visions.get() == vision
    assert (profile.version, vision.version) == (1, 1)


def test_a_goal_with_a_measure_and_a_smart_report_round_trips(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        parent = uow.goals.add(_goal(text="Work as COO", horizon=Horizon.LONG, measure=None))
        child = uow.goals.add(_goal(parent_id=parent.id))
    with workspace.unit() as uow:
        loaded = uow.goals.get(child.id or 0)
    assert _as_utc(loaded.created_at) == CREATED
    loaded.created_at = loaded.updated_at = CREATED
    assert loaded == child
    assert loaded.measure == Measure("exam score", 80.0, "%", 10.0, 42.5)
    assert loaded.smart_report == child.smart_report


def test_a_goal_without_optional_parts_comes_back_with_none(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        goal = uow.goals.add(
            _goal(horizon=None, measure=None, due=None, repeat=None, smart_report=None)
        )
    with workspace.unit() as uow:
        loaded = uow.goals.get(goal.id or 0)
    assert (loaded.horizon, loaded.measure, loaded.due, loaded.repeat, loaded.smart_report) == (
        None,
        None,
        None,
        None,
        None,
    )


def test_saving_a_goal_bumps_its_version_and_keeps_the_change(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        goal = uow.goals.add(_goal())
        goal.status = GoalStatus.DONE
        goal.measure = None
        uow.goals.save(goal)
    with workspace.unit() as uow:
        loaded = uow.goals.get(goal.id or 0)
    assert (loaded.version, loaded.status, loaded.measure) == (2, GoalStatus.DONE, None)


def test_an_action_and_its_completions_round_trip_in_date_order(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        goal = uow.goals.add(_goal())
        assert goal.id is not None
        action = uow.actions.add(
            Action(
                goal_id=goal.id, text="Networking event", repeat="FREQ=MONTHLY", created_at=CREATED
            )
        )
        assert action.id is not None
        for day, note in [(date(2026, 11, 20), "second"), (date(2026, 10, 20), "first")]:
            uow.actions.add_completion(Completion(action.id, day, note))
    with workspace.unit() as uow:
        loaded = uow.actions.get(action.id)
        by_goal = uow.actions.all(goal.id)
    assert [(c.done_on, c.note) for c in loaded.completions] == [
        (date(2026, 10, 20), "first"),
        (date(2026, 11, 20), "second"),
    ]
    assert (loaded.text, loaded.repeat, loaded.done, loaded.version) == (
        "Networking event",
        "FREQ=MONTHLY",
        False,
        1,
    )
    assert [a.id for a in by_goal] == [action.id]
    assert by_goal[0].completions == loaded.completions


def test_a_resource_and_its_links_round_trip(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        goal = uow.goals.add(_goal())
        assert goal.id is not None
        action = uow.actions.add(Action(goal_id=goal.id, text="Ask Sam", created_at=CREATED))
        resource = uow.resources.add(
            Resource(ResourceKind.PERSON, "Sam (mentor)", "sam@example.org", "COO at Acme")
        )
        assert resource.id is not None
        assert uow.resources.link(resource.id, goal_id=goal.id) is True
        assert uow.resources.link(resource.id, goal_id=goal.id) is False
        assert uow.resources.link(resource.id, action_id=action.id) is True
    with workspace.unit() as uow:
        loaded = uow.resources.get(resource.id)
        assert uow.resources.all() == [loaded]
        assert uow.resources.unlink(resource.id, goal_id=goal.id) is True
        assert uow.resources.unlink(resource.id, goal_id=goal.id) is False
    assert (loaded.kind, loaded.name, loaded.contact, loaded.notes) == (
        ResourceKind.PERSON,
        "Sam (mentor)",
        "sam@example.org",
        "COO at Acme",
    )
    assert (loaded.goal_ids, loaded.action_ids) == ([goal.id], [action.id])


def test_check_ins_round_trip_in_date_order(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        goal = uow.goals.add(_goal())
        assert goal.id is not None
        later = uow.checkins.add(
            CheckIn(goal.id, date(2026, 11, 20), 50.0, "mock exam", 4), CREATED
        )
        earlier = uow.checkins.add(
            CheckIn(goal.id, date(2026, 10, 1), None, "started", None), CREATED
        )
    with workspace.unit() as uow:
        assert uow.checkins.for_goal(goal.id) == [earlier, later]
        assert uow.checkins.all(since=date(2026, 11, 1)) == [later]
