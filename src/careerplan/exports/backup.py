"""The JSON backup: one person's whole plan in a versioned file that `careerplan import` restores.

Writing is canonical, so the same plan always gives the same bytes: records in a fixed order
and numbered 1..n per kind (the file's own ids, with references remapped), keys sorted, dates
as ISO days, times in UTC with a `Z`, numbers as Python writes floats, UTF-8, a final newline.
Backup, restore, backup therefore differ only in `exported_at`.

Reading is strict: anything that is not a careerplan backup this version can restore whole is
refused with a message naming the problem, its JSON path and its line.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.exports.backup_checks import check_references
from careerplan.exports.backup_fields import Problem, Steps, describe, dotted
from careerplan.exports.backup_layout import (
    BACKUP,
    FORMAT,
    FORMAT_VERSION,
    AcceptedProposal,
    Backup,
)
from careerplan.exports.snapshot import PlanSnapshot

__all__ = ["FORMAT", "FORMAT_VERSION", "Backup", "parse_backup", "render"]


def _order(ident: int | None) -> int:
    return ident if ident is not None else 0


def as_backup(snapshot: PlanSnapshot) -> Backup:
    """The snapshot's records in the file's order (each kind by when it was made)."""
    actions = [
        replace(
            action, completions=sorted(action.completions, key=lambda c: (c.done_on, _order(c.id)))
        )
        for action in sorted(snapshot.actions, key=lambda a: _order(a.id))
    ]
    reviews = [
        replace(review, entries=sorted(review.entries, key=lambda e: _order(e.id)))
        for review in sorted(snapshot.reviews, key=lambda r: (r.held_on, _order(r.id)))
    ]
    proposals = [
        AcceptedProposal(
            key,
            goal_id,
            snapshot.accepted_on.get(key, snapshot.today),
        )
        for key, goal_id in sorted(snapshot.accepted_proposals.items())
    ]
    return Backup(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        schema=snapshot.schema_revision,
        exported_at=snapshot.exported_at,
        profile=snapshot.profile,
        vision=snapshot.vision,
        exploration=snapshot.exploration,
        preferences=snapshot.preferences,
        goals=sorted(snapshot.goals, key=lambda g: _order(g.id)),
        actions=actions,
        resources=sorted(snapshot.resources, key=lambda r: _order(r.id)),
        checkins=sorted(snapshot.checkins, key=lambda c: (c.on, _order(c.id))),
        reviews=reviews,
        accepted_proposals=proposals,
        skills=sorted(snapshot.skills, key=lambda s: _order(s.id)),
        resumes=sorted(snapshot.resumes, key=lambda r: _order(r.id)),
        applications=sorted(snapshot.applications, key=lambda a: _order(a.id)),
    )


def render(snapshot: PlanSnapshot) -> bytes:
    backup = as_backup(snapshot)
    refs = {
        "goal": {goal.id: n for n, goal in enumerate(backup.goals, 1) if goal.id is not None},
        "action": {a.id: n for n, a in enumerate(backup.actions, 1) if a.id is not None},
        "resource": {r.id: n for n, r in enumerate(backup.resources, 1) if r.id is not None},
        "résumé": {r.id: n for n, r in enumerate(backup.resumes, 1) if r.id is not None},
        "application": {a.id: n for n, a in enumerate(backup.applications, 1) if a.id is not None},
    }
    try:
        document = BACKUP.dump(backup, refs, ())
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    except Problem as problem:
        raise DomainRefusal(f"Cannot write the backup: {problem}") from None
    except ValueError as error:  # a number JSON cannot hold, deep in a stored S.M.A.R.T. report
        raise DomainRefusal(f"Cannot write the backup: {error}.") from None
    return (text + "\n").encode("utf-8")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, and back as it was after it.

    Reading a large backup makes millions of dicts and lists, none of them in a cycle, and the
    collector walks the whole growing heap again and again as they are made: paused, reading a
    plan of 20,000 goals takes a third less time. Anything there is to collect waits until the
    block ends (seconds at most)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_backup(data: bytes) -> Backup:
    """The backup in `data`, checked through; InvalidInput says what is wrong and where."""
    with collector_paused():
        return _parse(data)


def _parse(data: bytes) -> Backup:
    text = _decode(data)
    document = _load_json(text)
    _check_format(document)
    try:
        backup: Backup = BACKUP.load(document, ())
        check_references(backup)
    except Problem as problem:
        line = line_of(text, problem.steps)
        where = f"on line {line}, " if line else ""
        raise InvalidInput(
            f"The backup is not valid: {where}{dotted(problem.steps)} {problem.message}"
        ) from None
    return backup


# Not a backup at all: each surface says how to make one.
_MAKE_ONE = Hint(Remedy.MAKE_BACKUP)


def _decode(data: bytes) -> str:
    if not data or data.isspace():  # not strip(): that would copy a large file to look
        raise InvalidInput("The file is empty, so it holds no backup.", hint=_MAKE_ONE)
    try:
        # An editor may have added a byte order mark; it says nothing about the plan.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"This is not a careerplan backup: byte {error.start:,} is not UTF-8 text "
            "(a backup is a JSON text file; is it compressed, or another kind of file?)."
        ) from None


class _Repeated(ValueError):
    pass


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Called for every object in the file: building the dict at C speed and comparing sizes
    # costs a fraction of checking key by key, which only a file with a repeat then needs.
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Repeated(key)
            seen.add(key)
    return found


def _no_constants(name: str) -> Any:
    raise InvalidInput(f"The backup is not valid JSON: it holds {name}, which JSON does not allow.")


def _load_json(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_repeated_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        stripped = text.rstrip()
        # A backup is one object: when it opens but never closes, or a string runs out (a line
        # break inside one is an error of its own, so it ran out at the end), the file was cut.
        if stripped.lstrip().startswith("{") and (
            error.pos >= len(stripped)
            or error.msg.startswith("Unterminated string")
            or not stripped.endswith("}")
        ):
            raise InvalidInput(
                f"The backup stops in the middle (line {error.lineno}, column {error.colno}): "
                "the file looks cut off. Use a complete copy of it."
            ) from None
        raise InvalidInput(
            f"The backup is not valid JSON: line {error.lineno}, column {error.colno}: "
            f"{error.msg}. Was it edited by hand, or damaged?"
        ) from None
    except _Repeated as repeated:
        raise InvalidInput(
            f"The backup is not valid: an object names the key {repeated.args[0]!r} twice, "
            "so one of the two values would be lost."
        ) from None
    except RecursionError:
        raise InvalidInput("The backup is not valid: its JSON is nested far too deeply.") from None


def _check_format(document: Any) -> None:
    if not isinstance(document, dict):
        raise InvalidInput(
            f"This is not a careerplan backup: the file holds {describe(document)}, where a "
            f'backup holds an object marked "format": "{FORMAT}".',
            hint=_MAKE_ONE,
        )
    marker = document.get("format")
    if marker != FORMAT:
        found = f" (its format is {describe(marker)})" if "format" in document else ""
        raise InvalidInput(
            f'This is not a careerplan backup: it lacks the "format": "{FORMAT}" marker{found}.',
            hint=_MAKE_ONE,
        )
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidInput(
            "The backup is not valid: format_version should be a whole number, "
            f"not {describe(version)}."
        )
    if version > FORMAT_VERSION:
        raise InvalidInput(
            f"This backup is format version {version}, written by a newer careerplan; this one "
            f"reads version {FORMAT_VERSION}. Upgrade careerplan, then restore it."
        )


def line_of(text: str, steps: Steps) -> int | None:
    """The line where the value at `steps` starts (or the object that lacks it), found by
    stepping through the text and skipping whole values, so it is exact for any layout."""
    decoder = json.JSONDecoder()
    scan = json.decoder.scanstring  # type: ignore[attr-defined]
    position = _skip_space(text, 0)
    try:
        for step in steps:
            opening = "[" if isinstance(step, int) else "{"
            if text[position] != opening:
                break
            inner = _skip_space(text, position + 1)
            index = 0
            while text[inner] not in "]}":
                start = inner
                if isinstance(step, str):
                    key, inner = scan(text, inner + 1)
                    inner = _skip_space(text, _skip_space(text, inner) + 1)  # past the colon
                    if key == step:
                        position = inner
                        break
                elif index == step:
                    position = start
                    break
                _, inner = decoder.raw_decode(text, inner)
                inner = _skip_space(text, inner)
                if text[inner] == ",":
                    inner = _skip_space(text, inner + 1)
                index += 1
            else:
                break  # not there: the enclosing object is as near as we get
    except (IndexError, ValueError):
        return None
    return text.count("\n", 0, position) + 1


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position
