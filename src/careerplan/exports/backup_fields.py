"""The kinds of value a backup holds. Each kind writes a value one way only (so the same plan
always gives the same bytes) and reads it back strictly, naming what is wrong and where."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from careerplan.domain.bounds import day_problem, number_problem, text_problem
from careerplan.domain.errors import InvalidInput

# Where a value sits in the file: keys and list positions from the top, e.g. ("goals", 2, "text").
Steps = tuple[str | int, ...]
# Each kind's database ids mapped to the file's own numbers 1..n ("goal" -> {17: 1, 20: 2}).
Refs = Mapping[str, Mapping[int, int]]


def dotted(steps: Steps) -> str:
    """`goals[2].measure.target`: the JSON path people can find in the file."""
    out = ""
    for step in steps:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out or "the top level"


class Problem(Exception):
    """Something in the file is not what a careerplan backup holds."""

    def __init__(self, steps: Steps, message: str) -> None:
        super().__init__(f"{dotted(steps)} {message}")
        self.steps = steps
        self.message = message


def describe(value: object) -> str:
    """How a wrong value reads in a message: its JSON kind and a short sample."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        sample = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {sample!r}"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return "an object"


class Field:
    """One value of a record. `nullable` fields may be null; the others must hold a value.
    `optional` fields may also be missing (files written before the field existed), and read
    as null."""

    nullable = False
    optional = False

    def expected(self) -> str:
        return "a value"

    def write(self, value: Any, refs: Refs, steps: Steps) -> Any:
        return None if value is None else self.dump(value, refs, steps)

    def read(self, value: Any, steps: Steps) -> Any:
        if value is None:
            if self.nullable:
                return None
            raise Problem(steps, f"is null, but it needs {self.expected()}.")
        return self.load(value, steps)

    def dump(self, value: Any, refs: Refs, steps: Steps) -> Any:
        return value

    def load(self, value: Any, steps: Steps) -> Any:
        raise NotImplementedError

    def wrong(self, value: Any, steps: Steps) -> Problem:
        return Problem(steps, f"should be {self.expected()}, not {describe(value)}.")


@dataclass(frozen=True)
class Text(Field):
    limit: int
    required: bool = False
    nullable: bool = False

    def expected(self) -> str:
        return "text"

    def load(self, value: Any, steps: Steps) -> str:
        if not isinstance(value, str):
            raise self.wrong(value, steps)
        if self.required and not value.strip():
            raise Problem(steps, "is empty; it needs some text.")
        if len(value) > self.limit:
            raise Problem(steps, f"is {len(value):,} characters long; the limit is {self.limit:,}.")
        problem = text_problem(value)
        if problem is not None:
            # No database can store it, and no careerplan screen could have typed it.
            raise Problem(steps, f"cannot be restored: {problem}.")
        return value


@dataclass(frozen=True)
class Checked(Text):
    """Text that must also pass a domain check (a repeat rule, say)."""

    check: Callable[[str], object] = str

    def load(self, value: Any, steps: Steps) -> str:
        text = super().load(value, steps)
        try:
            self.check(text)
        except InvalidInput as error:
            raise Problem(steps, f"is not valid: {error}") from None
        return text


_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")


@dataclass(frozen=True)
class Uid(Field):
    """A record's lasting identity, a UUID as careerplan writes it (lower-case hex). Missing or
    null in files from before it existed: the restore then gives the record a new one."""

    nullable: bool = True
    optional: bool = True

    def expected(self) -> str:
        return "a uid like 6f1c7b0e-0d5e-4c8a-9d6b-2a3f4e5d6c7b"

    def load(self, value: Any, steps: Steps) -> str:
        if not isinstance(value, str) or not _UID.match(value):
            raise self.wrong(value, steps)
        return value


@dataclass(frozen=True)
class Number(Field):
    low: float | None = None
    high: float | None = None
    integer: bool = False
    nullable: bool = False
    above: float | None = None  # an exclusive lower bound

    def expected(self) -> str:
        return "a whole number" if self.integer else "a number"

    def dump(self, value: Any, refs: Refs, steps: Steps) -> Any:
        if self.integer:
            return int(value)
        number = float(value)
        if not math.isfinite(number):
            raise Problem(
                steps, f"is {number}, which JSON cannot hold; change it and export again."
            )
        return number

    def load(self, value: Any, steps: Steps) -> int | float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.wrong(value, steps)
        if self.integer and not isinstance(value, int):
            raise self.wrong(value, steps)
        try:
            number: int | float = value if self.integer else float(value)
        except OverflowError:
            raise Problem(steps, "is too large a number.") from None
        problem = None if self.integer else number_problem(number)
        if problem is not None:
            raise Problem(steps, f"is {number}; {problem}.")
        if self.above is not None and not number > self.above:
            raise Problem(steps, f"is {number}; it must be more than {self.above:g}.")
        if self.low is not None and number < self.low:
            raise Problem(steps, f"is {number}; {self._range()}.")
        if self.high is not None and number > self.high:
            raise Problem(steps, f"is {number}; {self._range()}.")
        return number

    def _range(self) -> str:
        if self.low is not None and self.high is not None:
            return f"it must be from {self.low:g} to {self.high:g}"
        if self.low is not None:
            return f"it must be {self.low:g} or more"
        return f"it must be {self.high:g} or less"


@dataclass(frozen=True)
class Flag(Field):
    def expected(self) -> str:
        return "true or false"

    def load(self, value: Any, steps: Steps) -> bool:
        if not isinstance(value, bool):
            raise self.wrong(value, steps)
        return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


@dataclass(frozen=True)
class Day(Field):
    nullable: bool = False

    def expected(self) -> str:
        return "a date like 2026-11-25"

    def dump(self, value: Any, refs: Refs, steps: Steps) -> str:
        return str(value.isoformat())

    def load(self, value: Any, steps: Steps) -> date:
        if not isinstance(value, str) or not _ISO_DAY.match(value):
            raise self.wrong(value, steps)
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise Problem(steps, f"is {value!r}, which is not a day of the calendar.") from None
        problem = day_problem(day)
        if problem is not None:
            raise Problem(steps, f"is {value}; {problem}.")
        return day


@dataclass(frozen=True)
class Moment(Field):
    """A time in UTC, written `2026-11-25T09:30:00Z` (microseconds only when there are some)."""

    nullable: bool = False

    def expected(self) -> str:
        return "a time like 2026-11-25T09:30:00Z"

    def dump(self, value: Any, refs: Refs, steps: Steps) -> str:
        # SQLite gives times back without a zone; careerplan only ever stores UTC.
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return str(moment.astimezone(UTC).replace(tzinfo=None).isoformat()) + "Z"

    def load(self, value: Any, steps: Steps) -> datetime:
        if not isinstance(value, str) or "T" not in value:
            raise self.wrong(value, steps)
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise self.wrong(value, steps) from None
        if moment.tzinfo is None:
            raise Problem(steps, f"is {value!r}, a time without its zone; end it with Z (UTC).")
        return moment.astimezone(UTC)


@dataclass(frozen=True)
class Choice(Field):
    kind: type[enum.StrEnum]
    nullable: bool = False

    def expected(self) -> str:
        return "one of " + ", ".join(repr(member.value) for member in self.kind)

    def dump(self, value: Any, refs: Refs, steps: Steps) -> str:
        return str(value.value)

    def load(self, value: Any, steps: Steps) -> enum.StrEnum:
        if not isinstance(value, str):
            raise self.wrong(value, steps)
        try:
            return self.kind(value)
        except ValueError:
            raise self.wrong(value, steps) from None


@dataclass(frozen=True)
class Ref(Field):
    """A record's number in the file, or a reference to one (`kind` names which list)."""

    kind: str
    nullable: bool = False

    def expected(self) -> str:
        return f"a {self.kind} number (1 or more)"

    def dump(self, value: Any, refs: Refs, steps: Steps) -> int:
        try:
            return refs[self.kind][value]
        except KeyError:
            raise Problem(
                steps, f"refers to {self.kind} {value}, which is not in the plan."
            ) from None

    def load(self, value: Any, steps: Steps) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.wrong(value, steps)
        return value


@dataclass(frozen=True)
class RefList(Field):
    """Several references, written in ascending order (their order means nothing)."""

    kind: str

    def expected(self) -> str:
        return "a list of numbers"

    def dump(self, value: Any, refs: Refs, steps: Steps) -> list[int]:
        one = Ref(self.kind)
        return sorted(one.dump(ident, refs, (*steps, n)) for n, ident in enumerate(value))

    def load(self, value: Any, steps: Steps) -> list[int]:
        if not isinstance(value, list):
            raise self.wrong(value, steps)
        one = Ref(self.kind)
        found = [one.read(item, (*steps, n)) for n, item in enumerate(value)]
        if len(set(found)) != len(found):
            raise Problem(steps, f"names the same {self.kind} twice.")
        return found


@dataclass(frozen=True)
class Digits(Field):
    """A fixed number of answers, one digit each: `0` unanswered, then 1 to `highest`."""

    count: int
    highest: int

    def expected(self) -> str:
        return f"{self.count} digits from 0 to {self.highest}"

    def dump(self, value: Any, refs: Refs, steps: Steps) -> str:
        return "".join(str(answer) for answer in value)

    def load(self, value: Any, steps: Steps) -> tuple[int, ...]:
        allowed = "".join(str(n) for n in range(self.highest + 1))
        if not isinstance(value, str) or len(value) != self.count or value.strip(allowed):
            raise self.wrong(value, steps)
        return tuple(int(digit) for digit in value)


@dataclass(frozen=True)
class Document(Field):
    """A JSON object kept as it is, checked by `check` (which raises on what it cannot read)."""

    check: Callable[[Mapping[str, Any]], object]
    nullable: bool = False

    def expected(self) -> str:
        return "an object"

    def load(self, value: Any, steps: Steps) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong(value, steps)
        try:
            self.check(value)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            raise Problem(steps, "is not in the shape careerplan writes it.") from None
        return value
