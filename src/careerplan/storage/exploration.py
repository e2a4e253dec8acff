"""The exploration of step 1: one row per person, saved as they answer."""

from __future__ import annotations

from sqlalchemy import select

from careerplan.domain.entities import INTEREST_ITEMS, Exploration
from careerplan.storage import tables
from careerplan.storage.repositories import _Repository


def _encode(answers: tuple[int, ...]) -> str:
    return "".join(str(answer) for answer in answers).ljust(INTEREST_ITEMS, "0")


def _decode(text: str) -> tuple[int, ...]:
    digits = [int(ch) if ch in "012345" else 0 for ch in text[:INTEREST_ITEMS]]
    return tuple(digits + [0] * (INTEREST_ITEMS - len(digits)))


class ExplorationRepository(_Repository):
    table = tables.explorations
    kind = "exploration"

    def get(self) -> Exploration | None:
        row = self.connection.execute(select(self.table).where(self._mine())).mappings().first()
        if row is None:
            return None
        return Exploration(
            answers=_decode(row["answers"]),
            reflection=row["reflection"],
            job_zone=row["job_zone"],
            interest_field=row["interest_field"],
            updated_at=row["updated_at"],
            id=row["id"],
            version=row["version"],
        )

    def save(self, exploration: Exploration) -> Exploration:
        values = {
            "answers": _encode(exploration.answers),
            "reflection": exploration.reflection,
            "job_zone": exploration.job_zone,
            "interest_field": exploration.interest_field,
            "updated_at": exploration.updated_at,
        }
        if exploration.id is None:
            exploration.id = self._insert(values)
            exploration.version = 1
        else:
            exploration.version = self._versioned_update(
                exploration.id, exploration.version, values
            )
        return exploration
