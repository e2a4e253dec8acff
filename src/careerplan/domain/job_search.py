"""The job search of step 5: the person's own skills, the résumés they import, and the
applications they track, with the rules that need no database."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

# O*NET rates a skill's level from 0 to 7 against behavioural anchors; these say the same in
# words a person would use of themselves.
LEVEL_WORDS: dict[int, str] = {
    0: "not yet",
    1: "know what it is",
    2: "can do simple tasks with help",
    3: "can do everyday tasks on my own",
    4: "handle most situations well",
    5: "handle hard cases; others ask me",
    6: "advanced: I teach or lead others in it",
    7: "expert: among the best at it",
}
MAX_LEVEL = 7
# An application asks after itself this long after it was sent, unless the person says otherwise.
FOLLOW_UP_DAYS = 7
MAX_SKILLS = 2_000
MAX_APPLICATIONS = 5_000


def skill_key(label: str) -> str:
    """A skill's label as careerplan compares it: case and spacing do not make another skill."""
    return " ".join(label.casefold().split())


def level_words(level: int | None) -> str:
    return "level not set" if level is None else f"{level} · {LEVEL_WORDS[level]}"


class Evidence(enum.StrEnum):
    """What shows that the person has a skill."""

    RESUME = "resume"
    GOAL = "goal"
    JOB = "job"
    SAID = "said"

    @property
    def label(self) -> str:
        return {
            "resume": "a line of my résumé",
            "goal": "a goal or action I completed",
            "job": "the job I do now",
            "said": "I said so",
        }[self.value]


class Stage(enum.StrEnum):
    SAVED = "saved"
    APPLIED = "applied"
    NO_RESPONSE = "no-response"
    RESPONSE = "response"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")

    @property
    def closed(self) -> bool:
        """No follow-up is owed once an application has ended."""
        return self in _CLOSED

    @property
    def sent(self) -> bool:
        """Whether the application has gone out (it counts towards a goal of applying)."""
        return self is not Stage.SAVED and self is not Stage.EXPIRED


_CLOSED = frozenset({Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN, Stage.EXPIRED})


@dataclass(slots=True)
class Skill:
    """One of the person's own skills. `uri` links it to ESCO, `element` to an O*NET skill,
    knowledge area or work activity (by name), when either is known."""

    label: str
    level: int | None = None
    evidence: Evidence = Evidence.SAID
    # The words that show it: a résumé line, a completed goal's text, the job's title.
    shown_by: str = ""
    noted_on: date | None = None
    confirmed: bool = False
    uri: str | None = None
    element: str | None = None
    id: int | None = None
    version: int = 1


@dataclass(slots=True)
class Resume:
    """An imported résumé, kept whole: an application records the one that was sent."""

    name: str
    text: str
    imported_at: datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class StageChange:
    stage: Stage
    on: date
    note: str = ""


@dataclass(slots=True)
class Application:
    title: str
    posting: str = ""
    organisation: str = ""
    occupation_code: str | None = None
    resume_id: int | None = None
    stage: Stage = Stage.SAVED
    follow_up: date | None = None
    notes: str = ""
    history: list[StageChange] = field(default_factory=list)
    contact_ids: list[int] = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None
    version: int = 1
    uid: str | None = None  # as a goal's: kept through backups and restores

    @property
    def applied_on(self) -> date | None:
        """The first day it was sent."""
        return next((change.on for change in self.history if change.stage.sent), None)


def follow_up_after(stage: Stage, on: date, current: date | None) -> date | None:
    """The follow-up an application gets on moving to `stage` on `on`: a week after it is sent,
    none once it has ended, and otherwise the one it had."""
    if stage.closed:
        return None
    if stage is Stage.APPLIED:
        return on + timedelta(days=FOLLOW_UP_DAYS)
    return current


_APPLYING = re.compile(r"\bappl(?:y|ies|ied|ying|ications?)\b", re.IGNORECASE)


def counts_applications(metric: str) -> bool:
    """Whether a goal's measure counts applications sent ("applications", "roles applied for")."""
    return bool(_APPLYING.search(metric))


def applications_sent(applications: Iterable[Application], since: date | None) -> int:
    """How many applications went out on or after `since` (all of them without it)."""
    return sum(
        1
        for application in applications
        if (sent := application.applied_on) is not None and (since is None or sent >= since)
    )
