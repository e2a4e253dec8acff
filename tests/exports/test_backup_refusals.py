"""Reading a backup refuses whatever is not one careerplan can restore whole, and says what is
wrong, where (JSON path) and on which line."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from careerplan.domain.errors import Hint, InvalidInput, Remedy
from careerplan.exports.backup import parse_backup, render
from tests.exports.test_backup_file import scattered

Document = dict[str, Any]


def refusal(data: bytes) -> str:
    with pytest.raises(InvalidInput) as refused:
        parse_backup(data)
    return str(refused.value)


def changed(change: Callable[[Document], object]) -> str:
    """The refusal of the canonical file with one change made to it."""
    found: Document = json.loads(render(scattered()))
    change(found)
    return refusal(json.dumps(found, indent=2, sort_keys=True).encode())


GOOD = render(scattered())


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "The file is empty, so it holds no backup."),
        (b"  \n", "The file is empty, so it holds no backup."),
        (b"\xff\xfe{\x00}", "This is not a careerplan backup: byte 0 is not UTF-8 text"),
        (GOOD[:1], "The backup stops in the middle (line 1, column 2)"),
        (GOOD[: len(GOOD) // 2], "the file looks cut off"),
        (GOOD[:-3], "the file looks cut off"),
        (GOOD.replace(b'"goals": [', b'"goals": [,', 1), "The backup is not valid JSON: line "),
        (b"type,id,text\r\ngoal,1,x\r\n", "The backup is not valid JSON: line 1, column 1"),
        (b"[1, 2]", "This is not a careerplan backup: the file holds a list of 2"),
        (b'"careerplan-backup"', "This is not a careerplan backup: the file holds the text"),
        (b'{"name": "Ana"}', 'it lacks the "format": "careerplan-backup" marker.'),
        (b'{"format": "x", "format": "y"}', "names the key 'format' twice"),
        (GOOD.replace(b": 55.5", b": NaN", 1), "it holds NaN, which JSON does not allow"),
    ],
    ids=[
        "empty",
        "blank",
        "utf16",
        "one-byte",
        "half",
        "no-end",
        "bad-json",
        "csv",
        "list",
        "string",
        "other-json",
        "repeated-key",
        "nan",
    ],
)
def test_what_is_not_a_backup_file_is_refused(data: bytes, expected: str) -> None:
    assert expected in refusal(data)


def test_another_format_is_named() -> None:
    message = changed(lambda d: d.update(format="someone-elses-backup"))
    assert message == (
        'This is not a careerplan backup: it lacks the "format": "careerplan-backup" marker '
        "(its format is the text 'someone-elses-backup')."
    )


def test_a_newer_format_asks_for_a_newer_careerplan() -> None:
    assert changed(lambda d: d.update(format_version=2)) == (
        "This backup is format version 2, written by a newer careerplan; this one reads "
        "version 1. Upgrade careerplan, then restore it."
    )


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Document], None]:
    def change(found: Document) -> None:
        target: Any = found
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _drop(path: tuple[Any, ...]) -> Callable[[Document], None]:
    def change(found: Document) -> None:
        target: Any = found
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_set(("format_version",), "1"), "format_version should be a whole number, not the"),
        (_set(("format_version",), 0), "format_version is 0; it must be 1 or more."),
        (_drop(("goals", 1, "text")), "goals[1] lacks 'text'."),
        (_drop(("preferences",)), "the top level lacks 'preferences'."),
        (_set(("goals", 1, "colour"), "red"), "goals[1].colour is not a field careerplan knows"),
        (_set(("goals", 0, "due"), 20261125), "goals[0].due should be a date like 2026-11-25"),
        (_set(("goals", 0, "due"), "2026-02-30"), "'2026-02-30', which is not a day of the"),
        (_set(("goals", 0, "text"), ""), "goals[0].text is empty; it needs some text."),
        (_set(("goals", 0, "text"), None), "goals[0].text is null, but it needs text."),
        (_set(("goals", 0, "text"), "x" * 1001), "is 1,001 characters long; the limit is 1,000."),
        (
            _set(("goals", 0, "text"), "a\x00b"),
            "goals[0].text cannot be restored: it contains a NUL character",
        ),
        (
            _set(("goals", 0, "status"), "finished"),
            "goals[0].status should be one of 'active', 'done', 'dropped', not the text",
        ),
        (_set(("goals", 0, "repeat"), "every day"), "goals[0].repeat is not valid: 'every day'"),
        (_set(("goals", 0, "smart_report"), {"a": 1}), "is not in the shape careerplan writes"),
        (_set(("goals", 0, "measure"), []), "goals[0].measure should be an object, not a list"),
        (_set(("goals", 0, "created_at"), "2026-11-02T08:00:00"), "a time without its zone"),
        (_set(("goals", 0, "created_at"), "yesterday"), "should be a time like 2026-11-25T09"),
        (_set(("goals", 0, "id"), 0), "goals[0].id should be a goal number (1 or more)"),
        (_set(("goals", 0, "id"), 2), "goals[1].id is 2 again; goal 2 is already goals[0]."),
        (_set(("goals", 0, "parent_id"), 9), "goals[0].parent_id refers to goal 9, which is"),
        (_set(("goals", 1, "parent_id"), 2), "goals[1].parent_id makes a loop (goal 2 → goal 2)"),
        (
            _set(("goals", 1, "parent_id"), 1),
            "makes a loop (goal 1 → goal 3 → goal 2 → goal 1); a goal cannot sit under itself.",
        ),
        (_set(("actions", 0, "goal_id"), 99), "actions[0].goal_id refers to goal 99, which is"),
        (_set(("actions", 0, "done"), 1), "actions[0].done should be true or false, not the"),
        (_set(("actions", 0, "completions", 0, "done_on"), None), "completions[0].done_on is"),
        (_set(("resources", 0, "goal_ids"), [1, 1]), "resources[0].goal_ids names the same goal"),
        (_set(("resources", 0, "action_ids"), [7]), "resources[0].action_ids[0] refers to action"),
        (_set(("resources", 0, "kind"), "guru"), "resources[0].kind should be one of 'person'"),
        (_set(("checkins", 1, "confidence"), 6), "checkins[1].confidence is 6; it must be from"),
        (_set(("checkins", 1, "confidence"), True), "confidence should be a whole number, not"),
        (_set(("checkins", 1, "confidence"), 4.5), "confidence should be a whole number, not"),
        (_set(("checkins", 0, "goal_id"), 4), "checkins[0].goal_id refers to goal 4, which is"),
        (_set(("reviews", 0, "entries", 0, "progress"), 101), "progress is 101.0; it must be"),
        (_set(("reviews", 0, "entries", 0, "goal_id"), 8), "entries[0].goal_id refers to goal"),
        (_set(("reviews", 0, "cadence"), "daily"), "reviews[0].cadence should be one of"),
        (_set(("accepted_proposals", 1, "key"), "a"), "accepted_proposals[1].key is 'a' again"),
        (_set(("accepted_proposals", 0, "goal_id"), 5), "accepted_proposals[0].goal_id refers"),
        (_set(("preferences", "review_weekday"), 7), "review_weekday is 7; it must be from 0"),
        (_set(("preferences", "calendar_token"), "t" * 65), "calendar_token is 65 characters"),
        (_set(("profile", "hours_per_week"), 0), "hours_per_week is 0.0; it must be more than 0"),
        (_set(("profile", "hours_per_week"), 81), "hours_per_week is 81.0; it must be 80 or less"),
        (_set(("profile", "name"), "   "), "profile.name is empty; it needs some text."),
        (_set(("exploration", "answers"), "36" * 30), "exploration.answers should be 60 digits"),
        (_set(("exploration", "answers"), "3" * 59), "exploration.answers should be 60 digits"),
        (_set(("exploration", "job_zone"), 6), "exploration.job_zone is 6; it must be from 1"),
        (_set(("goals",), {}), "goals should be a list, not an object."),
    ],
)
def test_a_damaged_record_is_refused_by_its_path(
    change: Callable[[Document], object], expected: str
) -> None:
    message = changed(change)
    assert message.startswith("The backup is not valid: ")
    assert expected in message


def test_the_message_names_the_line() -> None:
    found: Document = json.loads(GOOD)
    found["goals"][1]["text"] = "x" * 1001
    text = json.dumps(found, indent=2, sort_keys=True)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if '"xxx' in row)
    assert refusal(text.encode()) == (
        f"The backup is not valid: on line {line}, goals[1].text is 1,001 characters long; "
        "the limit is 1,000."
    )


def test_a_hand_edited_file_with_any_layout_is_read() -> None:
    found: Document = json.loads(GOOD)
    compact = json.dumps(found, separators=(",", ":"))
    assert len(parse_backup(compact.encode()).goals) == 3


@pytest.mark.parametrize(
    "data", [b"", b"[1, 2]", b'{"format": "someone-elses-backup"}'], ids=["empty", "list", "other"]
)
def test_a_file_that_is_no_backup_at_all_carries_the_remedy_of_making_one(data: bytes) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_backup(data)
    assert refused.value.hint == Hint(Remedy.MAKE_BACKUP)


def test_a_backup_with_a_wrong_value_carries_no_such_remedy() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_backup(json.dumps({**json.loads(GOOD), "format_version": "one"}).encode())
    assert refused.value.hint is None
