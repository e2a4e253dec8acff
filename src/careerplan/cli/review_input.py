"""A review for scripts: read from a JSON document or from `--entry` flags, with a message that
names the field when something is the wrong type."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from careerplan.domain.entities import Decision
from careerplan.domain.errors import InvalidInput
from careerplan.services.reviews import EntryInput, ReviewInput

EXAMPLE = (
    '{"went_well": "...", "got_in_the_way": "...", "entries": [{"goal_id": 3, "progress": 40, '
    '"confidence": 4, "decision": "keep", "note": "..."}]}'
)
ENTRY_KEYS = {
    "goal_id",
    "progress",
    "confidence",
    "decision",
    "note",
    "version",
    "text",
    "due",
    "measure_current",
    "target",
}
REVIEW_KEYS = {"held_on", "went_well", "got_in_the_way", "entries"}


def _number(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInput(f"{where} must be a number; got {json.dumps(value)}.")
    try:
        return float(value)
    except OverflowError:  # a whole number with hundreds of digits
        raise InvalidInput(f"{where} is too large a number.") from None


def _whole(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{where} must be a whole number; got {json.dumps(value)}.")
    return value


def _text(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{where} must be text; got {json.dumps(value)}.")
    # JSON can spell what no database stores: NUL characters and lone surrogates.
    if "\x00" in value or any("\ud800" <= char <= "\udfff" for char in value):
        raise InvalidInput(f"{where} holds a NUL character or broken Unicode; remove it.")
    return value


def _day(value: Any, where: str) -> date | None:
    text = _text(value, where)
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{where} must be a date such as 2027-06-30; got {text!r}.") from None


def decision(text: str, where: str) -> Decision:
    try:
        return Decision(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"{where}: '{text}' is not a decision; use keep, adjust, drop or done."
        ) from None


def _unknown(data: dict[str, Any], known: set[str], where: str) -> None:
    extra = sorted(set(data) - known)
    if extra:
        raise InvalidInput(
            f"{where} has unknown field(s) {', '.join(extra)}; known: {', '.join(sorted(known))}."
        )


def _entry(data: Any, number: int) -> EntryInput:
    where = f"entries[{number}]"
    if not isinstance(data, dict):
        raise InvalidInput(f'{where} must be an object like {{"goal_id": 3, "progress": 40}}.')
    _unknown(data, ENTRY_KEYS, where)
    goal_id = _whole(data.get("goal_id"), f"{where}.goal_id")
    if goal_id is None:
        raise InvalidInput(f"{where} needs a goal_id.")
    return EntryInput(
        goal_id=goal_id,
        progress=_number(data.get("progress"), f"{where}.progress"),
        confidence=_whole(data.get("confidence"), f"{where}.confidence"),
        decision=decision(_text(data.get("decision"), f"{where}.decision") or "keep", where),
        note=_text(data.get("note"), f"{where}.note") or "",
        version=_whole(data.get("version"), f"{where}.version"),
        text=_text(data.get("text"), f"{where}.text"),
        due=_day(data.get("due"), f"{where}.due"),
        measure_current=_number(data.get("measure_current"), f"{where}.measure_current"),
        target=_number(data.get("target"), f"{where}.target"),
    )


def from_json(text: str) -> ReviewInput:
    """A review from a JSON document (see EXAMPLE)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"The review is not valid JSON ({error.msg} at line {error.lineno}, column "
            f"{error.colno}). Example: {EXAMPLE}"
        ) from None
    except ValueError:  # Python refuses to read a whole number of thousands of digits
        raise InvalidInput("The review holds a number too long to read.") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"The review must be a JSON object. Example: {EXAMPLE}")
    _unknown(data, REVIEW_KEYS, "The review")
    entries = data.get("entries", [])
    if not isinstance(entries, list):
        raise InvalidInput("entries must be a list of objects, one per goal.")
    return ReviewInput(
        entries=[_entry(item, number) for number, item in enumerate(entries)],
        went_well=_text(data.get("went_well"), "went_well") or "",
        got_in_the_way=_text(data.get("got_in_the_way"), "got_in_the_way") or "",
        held_on=_day(data.get("held_on"), "held_on"),
    )


def from_flag(text: str) -> EntryInput:
    """`GOAL:PROGRESS[:CONFIDENCE[:DECISION]]`, e.g. `3:40:4:keep`; parts may be left empty."""
    parts = text.split(":")
    usage = f"--entry '{text}' is not GOAL:PROGRESS[:CONFIDENCE[:DECISION]], e.g. 3:40:4:keep."
    if not 2 <= len(parts) <= 4:
        raise InvalidInput(usage)
    parts += [""] * (4 - len(parts))
    goal, progress, confidence, chosen = (part.strip() for part in parts)
    try:
        return EntryInput(
            goal_id=int(goal),
            progress=float(progress) if progress else None,
            confidence=int(confidence) if confidence else None,
            decision=decision(chosen, f"--entry '{text}'") if chosen else Decision.KEEP,
        )
    except ValueError:
        raise InvalidInput(usage) from None
