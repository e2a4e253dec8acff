"""Field types shared by the API schemas: bounded text, numbers, ids and ISO dates.

The bounds are the plan's own (domain/bounds.py), the same the command line, the page forms and
a restore keep; here they refuse, as a 422 problem, what the databases would otherwise refuse
with an error (NUL characters and lone surrogates in text, integers past 32 bits, NaN) or what
no plan needs (dates outside 1900-2999, numbers past a trillion).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Query
from pydantic import AfterValidator, BeforeValidator, Field

from careerplan.domain.bounds import MAX_ID, MAX_MAGNITUDE, day_problem, text_problem
from careerplan.domain.rules import MAX_NAME, MAX_NOTE, MAX_TEXT


def _storable(value: str) -> str:
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(f"the text cannot be saved: {problem}")
    return value


def _iso_day(value: object) -> object:
    """Only `YYYY-MM-DD` strings (or dates): pydantic would also read numbers as timestamps."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        return value
    raise ValueError("a date is written YYYY-MM-DD")


def _in_range(value: date) -> date:
    problem = day_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _aware(value: datetime) -> datetime:
    # The plan stores UTC moments; SQLite hands them back without their zone.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


storable = AfterValidator(_storable)
"""Text either database can hold: no NUL characters, no lone surrogates."""

Day = Annotated[
    date,
    BeforeValidator(_iso_day),
    AfterValidator(_in_range),
    Field(
        description="An ISO date, YYYY-MM-DD, from 1900 to 2999.",
        json_schema_extra={"pattern": r"^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$"},
    ),
]
Moment = Annotated[datetime, AfterValidator(_aware), Field(description="A moment, in UTC.")]
GoalText = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), storable]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME), storable]
ShortText = Annotated[str, Field(max_length=MAX_NAME), storable]
Contact = Annotated[str, Field(max_length=500), storable]
Note = Annotated[str, Field(max_length=MAX_NOTE), storable]
Rule = Annotated[
    str,
    Field(
        min_length=1,
        max_length=500,
        description=(
            "How often: an RFC 5545 repeat rule, e.g. FREQ=WEEKLY;BYDAY=MO, or the same in "
            "words, e.g. 'every other Friday'. Responses always give the rule."
        ),
        examples=["FREQ=MONTHLY", "every other Friday"],
    ),
    storable,
]
OccupationCode = Annotated[
    str,
    Field(
        min_length=7,
        max_length=10,
        pattern=r"^\d\d-\d{4}(\.\d\d)?$",
        description="An O*NET-SOC code, e.g. 15-1252.00.",
        examples=["11-1021.00"],
    ),
]
Ident = Annotated[int, Field(ge=1, le=MAX_ID, strict=True)]
# `?version=N` on a DELETE: remove the record only if no one has changed it since.
RemoveIfVersion = Annotated[
    int | None,
    Query(ge=1, le=MAX_ID, description="Remove only if it is still at this version."),
]
Version = Annotated[
    int,
    Field(
        ge=1,
        le=MAX_ID,
        strict=True,
        description="The version you read; a newer one on the server is a 409.",
    ),
]
Number = Annotated[
    float, Field(ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE, allow_inf_nan=False, strict=True)
]
Hours = Annotated[float, Field(gt=0, le=80, allow_inf_nan=False, strict=True)]
Confidence = Annotated[
    int, Field(ge=1, le=5, strict=True, description="1 (not at all) to 5 (certain).")
]
