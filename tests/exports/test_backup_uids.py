"""The backup carries each goal's and action's uid (its calendar identity), reads files from
before uids existed, and refuses a uid that is malformed or used twice."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from careerplan.domain.errors import InvalidInput
from careerplan.exports.backup import parse_backup, render
from careerplan.exports.snapshot import PlanSnapshot
from tests.exports.test_backup_file import scattered

FIRST = "6f1c7b0e-0d5e-4c8a-9d6b-2a3f4e5d6c7b"
SECOND = "0b9e8f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b"


def with_uids() -> PlanSnapshot:
    """The scattered plan with a uid on every goal and action, as a stored plan has."""
    snapshot = scattered()
    snapshot.goals = [
        replace(goal, uid=f"00000000-0000-4000-8000-{goal.id:012d}") for goal in snapshot.goals
    ]
    snapshot.actions = [
        replace(action, uid=f"00000000-0000-4000-a000-{action.id:012d}")
        for action in snapshot.actions
    ]
    return snapshot


def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(render(with_uids()))
    return loaded


def refusal(change: Callable[[dict[str, Any]], object]) -> str:
    found = document()
    change(found)
    with pytest.raises(InvalidInput) as refused:
        parse_backup(json.dumps(found, indent=2, sort_keys=True).encode())
    return str(refused.value)


def test_each_goal_and_action_is_written_with_its_uid() -> None:
    found = document()
    # Records in the file's order (goals 7, 10, 42; actions 5, 30), each with its own uid.
    assert [goal["uid"] for goal in found["goals"]] == [
        "00000000-0000-4000-8000-000000000007",
        "00000000-0000-4000-8000-000000000010",
        "00000000-0000-4000-8000-000000000042",
    ]
    assert [action["uid"] for action in found["actions"]] == [
        "00000000-0000-4000-a000-000000000005",
        "00000000-0000-4000-a000-000000000030",
    ]


def test_uids_read_back_and_write_the_same_bytes() -> None:
    data = render(with_uids())
    backup = parse_backup(data)
    assert backup.goals[0].uid == "00000000-0000-4000-8000-000000000007"
    assert render(backup.snapshot()) == data


def test_a_file_from_before_uids_reads_with_no_uid_on_any_record() -> None:
    found = document()
    for record in (*found["goals"], *found["actions"]):
        del record["uid"]
    backup = parse_backup(json.dumps(found).encode())
    assert [goal.uid for goal in backup.goals] == [None, None, None]
    assert [action.uid for action in backup.actions] == [None, None]
    assert backup.format_version == 1


def test_a_null_uid_reads_as_none() -> None:
    found = document()
    found["goals"][1]["uid"] = None
    assert parse_backup(json.dumps(found).encode()).goals[1].uid is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("goal-1", "the text 'goal-1'"),
        (FIRST.upper(), f"the text {FIRST.upper()!r}"),
        (FIRST + "0", f"the text '{FIRST}0'"),
        (" " + FIRST, f"the text ' {FIRST}'"),
        (12, "the number 12"),
        ([FIRST], "a list of 1"),
    ],
)
def test_a_malformed_uid_is_refused_by_its_path(value: object, shown: str) -> None:
    def change(found: dict[str, Any]) -> None:
        found["actions"][1]["uid"] = value

    assert refusal(change).endswith(
        f"actions[1].uid should be a uid like 6f1c7b0e-0d5e-4c8a-9d6b-2a3f4e5d6c7b, not {shown}."
    )


def test_two_goals_with_one_uid_are_refused() -> None:
    def change(found: dict[str, Any]) -> None:
        found["goals"][0]["uid"] = FIRST
        found["goals"][2]["uid"] = FIRST

    message = refusal(change)
    assert message.startswith("The backup is not valid: on line ")
    assert message.endswith(
        f"goals[2].uid is '{FIRST}' again; goals[0] has it, and no two goals may share a uid."
    )


def test_two_actions_with_one_uid_are_refused() -> None:
    def change(found: dict[str, Any]) -> None:
        found["actions"][0]["uid"] = SECOND
        found["actions"][1]["uid"] = SECOND

    assert refusal(change).endswith(
        f"actions[1].uid is '{SECOND}' again; actions[0] has it, and no two actions may share "
        "a uid."
    )


def test_a_goal_and_an_action_may_share_a_uid_since_their_calendar_uids_differ() -> None:
    found = document()
    found["goals"][0]["uid"] = found["actions"][0]["uid"] = FIRST
    backup = parse_backup(json.dumps(found).encode())
    assert backup.goals[0].uid == backup.actions[0].uid == FIRST
