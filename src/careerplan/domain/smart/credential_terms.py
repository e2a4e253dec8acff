"""What the analyser may be told about credentials: where a goal names one, and the records.

The analyser never reads the catalogue. A `CredentialKnowledge` (the catalogue's curated table of
US entry credentials, in the catalog layer) finds the credentials, programmes and exams a goal's
words name; the rules in `durations` then judge the time the goal gives itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from careerplan.domain.credentials import Credential


@dataclass(frozen=True, slots=True)
class Mention:
    """Words of the goal (`start`-`end` in its normalised text) that name a credential.

    `programmes` holds the indices of the programmes the words name ("BSN" names one of the
    RN licence's programmes); empty when they name the credential as a whole ("RN licence").
    `exam` is true when they name its exam ("NCLEX-RN").
    """

    credential: Credential
    start: int
    end: int
    programmes: tuple[int, ...] = ()
    exam: bool = False


class CredentialKnowledge(Protocol):
    def mentions(self, norm: str, context: str = "") -> tuple[Mention, ...]:
        """The credentials named in `norm` (a goal's lower-cased text), in reading order,
        without overlaps. `context` (the parent goal's words) tells apart an abbreviation
        several credentials share ("CDA" beside "dental assistant")."""
        ...

    def credential(self, key: str) -> Credential | None:
        """The record with this key (a programme's required credential), if there is one."""
        ...
