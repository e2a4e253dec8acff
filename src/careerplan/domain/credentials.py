"""Entry gates as data: licences, certifications, exams, programmes and required experience.

The records come from a curated table (scripts/data/credentials.json), each with where its facts
come from and example goals; the catalogue build checks every record with `credential_from`
and ships them. Pure: no catalogue, database or clock.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from careerplan.domain.education import Education

# The BLS's names for typical entry education (Employment Projections), as the profile's levels.
BLS_EDUCATION = {
    "No formal educational credential": Education.NONE,
    "High school diploma or equivalent": Education.HIGH_SCHOOL,
    "Some college, no degree": Education.SOME_COLLEGE,
    "Postsecondary nondegree award": Education.CERTIFICATE,
    "Associate's degree": Education.ASSOCIATE,
    "Bachelor's degree": Education.BACHELOR,
    "Master's degree": Education.MASTER,
    "Doctoral or professional degree": Education.DOCTORAL,
}


def education_from(text: str) -> Education:
    """The level a person types (`bachelor's`, `bachelors`, `BA`, `phd`...), or InvalidInput."""
    from careerplan.domain.errors import InvalidInput

    cleaned = " ".join(text.strip().lower().replace("’", "'").split())
    for level in Education:
        if cleaned == level.value:
            return level
    found = _SPOKEN.get(cleaned.replace("'", "").replace(".", ""))
    if found is None:
        choices = ", ".join(level.value for level in Education)
        raise InvalidInput(
            f"'{text.strip()}' is not an education level. Choose one of: {choices}.",
            field="education",
        )
    return found


_SPOKEN = {
    "no diploma": Education.NONE, "no": Education.NONE,
    "high school diploma": Education.HIGH_SCHOOL, "highschool": Education.HIGH_SCHOOL,
    "ged": Education.HIGH_SCHOOL, "hs": Education.HIGH_SCHOOL,
    "college": Education.SOME_COLLEGE, "some college no degree": Education.SOME_COLLEGE,
    "certificate": Education.CERTIFICATE, "diploma": Education.CERTIFICATE,
    "associates": Education.ASSOCIATE, "associate": Education.ASSOCIATE,
    "associates degree": Education.ASSOCIATE, "associate degree": Education.ASSOCIATE,
    "bachelors": Education.BACHELOR, "bachelor": Education.BACHELOR,
    "bachelors degree": Education.BACHELOR, "ba": Education.BACHELOR, "bs": Education.BACHELOR,
    "bsc": Education.BACHELOR, "masters": Education.MASTER, "master": Education.MASTER,
    "masters degree": Education.MASTER, "ma": Education.MASTER, "ms": Education.MASTER,
    "msc": Education.MASTER, "mba": Education.MASTER, "phd": Education.DOCTORAL,
    "doctorate": Education.DOCTORAL, "doctoral": Education.DOCTORAL, "md": Education.DOCTORAL,
    "jd": Education.DOCTORAL, "professional degree": Education.DOCTORAL,
}  # fmt: skip


class GateKind(StrEnum):
    LICENCE = "licence"
    CERTIFICATION = "certification"
    REGISTRATION = "registration"
    EXAM = "exam"
    EXPERIENCE = "experience"
    APPRENTICESHIP = "apprenticeship"
    DEGREE = "degree"


class Gating(StrEnum):
    """How firmly a credential gates entry."""

    REQUIRED = "required"  # needed to work in the job anywhere in the US
    MOST_STATES = "most states"
    USUAL = "usual"  # most employers ask for it
    OPTIONAL = "optional"  # helps, not needed


@dataclass(frozen=True, slots=True)
class Programme:
    name: str
    award: str  # an Education value, "apprenticeship", "training" or "none"
    full_time_months: float
    part_time_months: float | None
    hours_per_week_full_time: float
    requires: Education
    requires_credential: str | None
    suits: str
    # What admission asks beyond the education level: courses ("anatomy and physiology"),
    # an entrance test, a driving licence; and the months it takes to complete them part time.
    admission: tuple[str, ...] = ()
    admission_months: float | None = None

    def months_at(self, hours_per_week: float) -> float | None:
        """How long it takes at `hours_per_week`: its part-time length when those hours carry
        part-time study (half the full-time load or more), the full-time length at full-time
        hours; None when the hours cannot carry it at all."""
        if hours_per_week >= self.hours_per_week_full_time * 0.9:
            return self.full_time_months
        if self.part_time_months is not None and hours_per_week >= self.part_time_hours:
            return self.part_time_months
        return None

    @property
    def part_time_hours(self) -> float:
        """The weekly hours a part-time form takes: the full-time load spread over its length."""
        if self.part_time_months is None:
            return self.hours_per_week_full_time
        share = self.full_time_months / max(self.part_time_months, self.full_time_months)
        return round(self.hours_per_week_full_time * share, 1)


@dataclass(frozen=True, slots=True)
class Exam:
    name: str
    by: str
    fee_usd: float | None


@dataclass(frozen=True, slots=True)
class SteppingStone:
    code: str
    why: str


@dataclass(frozen=True, slots=True)
class CredentialExample:
    """A goal a person might write, and whether the usual durations make it attainable."""

    goal: str
    attainable: bool
    why: str


@dataclass(frozen=True, slots=True)
class Credential:
    key: str
    name: str
    kind: GateKind
    occupations: tuple[str, ...]
    gating: Gating
    authority: str
    varies_by_state: bool
    exam: Exam | None
    prerequisites: tuple[str, ...]
    programmes: tuple[Programme, ...]
    experience_months: int
    experience: str
    cost_low: float | None
    cost_high: float | None
    cost_covers: str
    stepping_stones: tuple[SteppingStone, ...]
    sources: tuple[str, ...]
    examples: tuple[CredentialExample, ...]

    @property
    def gates_entry(self) -> bool:
        return self.gating in (Gating.REQUIRED, Gating.MOST_STATES)

    @property
    def own_names(self) -> frozenset[str]:
        """What people call it: the short names in brackets ("CPA", "PMP") and its exam's."""
        names = {n for n in re.findall(r"\(([^)]+)\)", self.name) if len(n.split()) <= 4}
        if self.exam is not None:
            names.add(self.exam.name)
        return frozenset(names)

    def named_in(self, text: str, acronyms: bool = False) -> bool:
        """Whether `text` names this credential by one of its own names (or, with `acronyms`,
        by any capitalised abbreviation in its full name: "CPA" in "... for CPA licensure")."""
        names = set(self.own_names)
        if acronyms:
            names.update(re.findall(r"\b[A-Z][A-Z0-9]+\b", self.name))
        return any(
            re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)
            for name in names
        )


class RecordProblem(ValueError):
    """A record of the curated table is not in the shape the product reads."""


def credential_from(record: Mapping[str, Any]) -> Credential:
    """The credential a record of the curated table describes; RecordProblem naming the key
    and field when it is malformed."""
    key = str(record.get("key", "?"))
    try:
        exam = record["exam"]
        cost = record["cost_usd"]
        return Credential(
            key=_text(record["key"]),
            name=_text(record["name"]),
            kind=GateKind(record["kind"]),
            occupations=tuple(_text(code) for code in record["occupations"]),
            gating=Gating(record["gates_entry"]),
            authority=_text(record["authority"]),
            varies_by_state=_flag(record["varies_by_state"]),
            exam=None if exam is None else Exam(
                _text(exam["name"]), _text(exam["by"]), _number(exam["fee_usd"], nullable=True)
            ),
            prerequisites=tuple(_text(item) for item in record["prerequisites"]),
            programmes=tuple(_programme(item) for item in record["programmes"]),
            experience_months=int(_number(record["experience_months"]) or 0),
            experience=str(record["experience"]),
            cost_low=_number(cost["low"], nullable=True),
            cost_high=_number(cost["high"], nullable=True),
            cost_covers=str(cost["covers"]),
            stepping_stones=tuple(
                SteppingStone(_text(item["code"]), _text(item["why"]))
                for item in record["stepping_stones"]
            ),
            sources=tuple(_text(item) for item in record["sources"]),
            examples=tuple(
                CredentialExample(_text(item["goal"]), _flag(item["attainable"]), str(item["why"]))
                for item in record["examples"]
            ),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError) as error:
        raise RecordProblem(f"credential {key!r}: {error}") from None


def _programme(item: Mapping[str, Any]) -> Programme:
    part_time = _number(item["part_time_months"], nullable=True)
    return Programme(
        name=_text(item["name"]),
        award=_text(item["award"]),
        full_time_months=_number(item["full_time_months"]) or 0.0,
        part_time_months=part_time,
        hours_per_week_full_time=_number(item["hours_per_week_full_time"]) or 40.0,
        requires=Education(item["requires"]),
        requires_credential=item["requires_credential"],
        suits=str(item["for"]),
        # Admission is optional in the table: most programmes ask no more than the level.
        admission=tuple(_text(course) for course in item.get("admission", ())),
        admission_months=_number(item.get("admission_months"), nullable=True),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected text, found {value!r}")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, found {value!r}")
    return value


def _number(value: Any, nullable: bool = False) -> float | None:
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, found {value!r}")
    return float(value)
