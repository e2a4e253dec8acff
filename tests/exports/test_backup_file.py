"""The JSON backup file on its own: canonical bytes (dense numbers, remapped references, sorted
keys, UTC times), read back to the same bytes, and every kind of damage refused by name."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from careerplan.domain.entities import (
    Action,
    CheckIn,
    Completion,
    Exploration,
    Goal,
    Horizon,
    Measure,
    Preferences,
    Profile,
    Resource,
    ResourceKind,
    Review,
    ReviewCadence,
    ReviewEntry,
)
from careerplan.domain.errors import DomainRefusal
from careerplan.exports.backup import line_of, parse_backup, render
from careerplan.exports.snapshot import PlanSnapshot
from careerplan.storage.schema_head import HEAD
from tests.exports import plans

MADE = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def _goal(ident: int, text: str, parent: int | None = None, **fields: Any) -> Goal:
    return Goal(text, parent_id=parent, id=ident, created_at=MADE, updated_at=MADE, **fields)


def scattered() -> PlanSnapshot:
    """Ids with gaps, a child made before its parent, and lists out of order."""
    return PlanSnapshot(
        exported_at=datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
        schema_revision=HEAD,
        today=date(2026, 11, 25),
        profile=Profile(name="María", current_job_title="PM", hours_per_week=5, id=3),
        preferences=Preferences(calendar_token="tok", id=2),
        exploration=Exploration(answers=(3,) * 60, job_zone=4, updated_at=MADE, id=5),
        goals=[
            _goal(42, "Lead a team of 5 by 2028", 10, horizon=Horizon.TWO_YEARS),
            _goal(10, "Work as COO", horizon=Horizon.LONG),
            _goal(7, "Pass the exam with 80%\nsecond line", 42, measure=Measure("score", 80)),
        ],
        actions=[
            Action(42, "Ask for a team", id=30, created_at=MADE),
            Action(
                7,
                "Study",
                repeat="FREQ=WEEKLY",
                id=5,
                created_at=MADE,
                completions=[
                    Completion(5, date(2026, 11, 2), "two", id=9),
                    Completion(5, date(2026, 11, 1), "one", id=3),
                ],
            ),
        ],
        resources=[
            Resource(ResourceKind.PERSON, "Maria", goal_ids=[42, 7], action_ids=[30, 5], id=8)
        ],
        checkins=[
            CheckIn(7, date(2026, 11, 20), 55.5, confidence=4, id=2, created_at=MADE),
            CheckIn(42, date(2026, 11, 10), None, "note", id=6, created_at=MADE),
        ],
        reviews=[
            Review(
                date(2026, 11, 22),
                ReviewCadence.WEEKLY,
                entries=[ReviewEntry(42, id=12), ReviewEntry(7, progress=40, id=11)],
                created_at=MADE,
                id=4,
            )
        ],
        accepted_proposals={"b": 7, "a": 42},
        accepted_on={"b": date(2026, 11, 3), "a": date(2026, 11, 4)},
    )


def document(snapshot: PlanSnapshot | None = None) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(render(snapshot or scattered()))
    return loaded


def test_records_are_numbered_one_to_n_and_references_follow() -> None:
    found = document()
    assert [(g["id"], g["parent_id"], g["text"][:4]) for g in found["goals"]] == [
        (1, 3, "Pass"),  # was 7, under 42
        (2, None, "Work"),  # was 10
        (3, 2, "Lead"),  # was 42, under 10
    ]
    assert [(a["id"], a["goal_id"], a["text"]) for a in found["actions"]] == [
        (1, 1, "Study"),
        (2, 3, "Ask for a team"),
    ]
    assert [c["note"] for c in found["actions"][0]["completions"]] == ["one", "two"]
    assert found["resources"][0]["goal_ids"] == [1, 3]
    assert found["resources"][0]["action_ids"] == [1, 2]
    assert [(c["on"], c["goal_id"]) for c in found["checkins"]] == [
        ("2026-11-10", 3),
        ("2026-11-20", 1),
    ]
    assert [e["goal_id"] for e in found["reviews"][0]["entries"]] == [1, 3]
    assert found["accepted_proposals"] == [
        {"accepted_on": "2026-11-04", "goal_id": 3, "key": "a"},
        {"accepted_on": "2026-11-03", "goal_id": 1, "key": "b"},
    ]


def test_the_file_is_marked_versioned_and_says_its_schema() -> None:
    found = document()
    assert found["format"] == "careerplan-backup"
    assert found["format_version"] == 1
    assert found["schema"] == HEAD
    assert found["exported_at"] == "2026-11-25T09:30:00Z"


def test_the_file_records_the_schema_revision_the_snapshot_was_read_at() -> None:
    assert document(replace(scattered(), schema_revision="0003"))["schema"] == "0003"


def test_the_same_plan_in_any_order_gives_the_same_bytes() -> None:
    shuffled = scattered()
    for name in ("goals", "actions", "checkins"):
        items = list(getattr(shuffled, name))
        random.Random(7).shuffle(items)
        setattr(shuffled, name, items)
    assert render(shuffled) == render(scattered())


def test_the_file_is_sorted_indented_utf8_with_a_final_newline() -> None:
    data = render(scattered())
    text = data.decode("utf-8")
    assert text.endswith("}\n")
    assert "María" in text  # unicode as itself, not \u escapes
    assert "Pass the exam with 80%\\nsecond line" in text
    canonical = json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=2)
    assert text == canonical + "\n"


@pytest.mark.parametrize(
    ("moment", "written"),
    [
        (datetime(2026, 11, 25, 9, 30, tzinfo=UTC), "2026-11-25T09:30:00Z"),
        (
            datetime(2026, 11, 25, 11, 30, tzinfo=timezone(timedelta(hours=2))),
            "2026-11-25T09:30:00Z",
        ),
        (datetime(2026, 11, 25, 9, 30), "2026-11-25T09:30:00Z"),  # SQLite's zoneless UTC
        (datetime(2026, 11, 25, 9, 30, 0, 120, tzinfo=UTC), "2026-11-25T09:30:00.000120Z"),
    ],
)
def test_times_are_written_in_utc_with_a_z(moment: datetime, written: str) -> None:
    snapshot = scattered()
    snapshot.goals[0].created_at = moment
    assert document(snapshot)["goals"][2]["created_at"] == written


def test_numbers_keep_one_form_whatever_they_were_given_as() -> None:
    found = document()
    assert found["profile"]["hours_per_week"] == 5.0
    assert json.dumps(found["profile"]["hours_per_week"]) == "5.0"
    assert found["goals"][0]["measure"] == {
        "baseline": 0.0,
        "current": None,
        "metric": "score",
        "target": 80.0,
        "unit": "",
    }
    assert found["checkins"][1]["confidence"] == 4


@pytest.mark.parametrize("snapshot", [scattered, plans.empty], ids=["scattered", "empty"])
def test_reading_a_backup_back_writes_the_same_bytes(
    snapshot: Callable[[], PlanSnapshot],
) -> None:
    data = render(snapshot())
    assert render(parse_backup(data).snapshot()) == data


def test_the_story_plan_reads_back_to_the_same_bytes() -> None:
    ana = plans.ana()
    ana.reviews = [replace(review, created_at=MADE) for review in ana.reviews]
    data = render(ana)
    assert render(parse_backup(data).snapshot()) == data


def test_a_number_json_cannot_hold_is_refused_on_export() -> None:
    snapshot = scattered()
    snapshot.goals[2].measure = Measure("score", float("inf"))
    with pytest.raises(DomainRefusal) as refused:
        render(snapshot)
    assert str(refused.value) == (
        "Cannot write the backup: goals[0].measure.target is inf, which JSON cannot hold; "
        "change it and export again."
    )


def test_a_byte_order_mark_from_an_editor_is_accepted() -> None:
    data = render(scattered())
    assert parse_backup(b"\xef\xbb\xbf" + data).goals[0].text.startswith("Pass")


def test_the_line_of_a_problem_is_where_its_value_starts() -> None:
    text = render(scattered()).decode()
    lines = text.splitlines()
    line = line_of(text, ("goals", 1, "text"))
    assert line is not None
    assert lines[line - 1].strip() == '"text": "Work as COO",'
    line = line_of(text, ("actions", 0, "completions", 1))
    assert line is not None
    assert lines[line - 1].strip() == "{"
    assert lines[line].strip() == '"done_on": "2026-11-02",'
    goals = lines.index('  "goals": [') + 1
    assert line_of(text, ("goals",)) == goals
    assert line_of(text, ("goals", 9)) == goals  # not there: the list
