"""Errors the domain and services raise; the CLI and web turn them into exit codes and responses.

An error is data: what went wrong (`what`, worded for any surface), the input it concerns
(`field`, when one does) and what the person can do next (`hint`, a `Remedy`). The command line,
the pages and the API each word a remedy their own way (a command to run, a page to open, a
request to send), so no message names a command that a page could not run, and no code has to
read a message to learn which field it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Remedy(StrEnum):
    """What the person can do about a refusal or a note; each surface words it."""

    START_PLAN = "start_plan"  # write the dream job down: there is no plan yet
    EDIT_VISION = "edit_vision"  # the vision holds what they tried to change
    EDIT_EXISTING_PLAN = "edit_existing_plan"  # a plan is there already: change it instead
    SET_TARGET_DATE = "set_target_date"  # a target date of their own
    CHOOSE_DREAM_JOB = "choose_dream_job"  # subject: the occupation code, when one is likely
    SET_CURRENT_JOB = "set_current_job"  # the occupation they work in today
    LIST_GOALS = "list_goals"
    LIST_ACTIONS = "list_actions"
    LIST_RESOURCES = "list_resources"
    LIST_REVIEWS = "list_reviews"
    REOPEN_GOAL = "reopen_goal"  # subject: the goal's id
    SET_MEASURE = "set_measure"  # subject: the goal's id
    SEE_PROPOSAL = "see_proposal"  # the numbered list of proposed goals
    HOLD_REVIEW = "hold_review"
    SET_DIGEST_ADDRESS = "set_digest_address"
    MAKE_BACKUP = "make_backup"  # the file given is not a backup
    RESTORE_ON_SERVER = "restore_on_server"  # too large for a page upload
    REPLACE_OR_MERGE = "replace_or_merge"  # the plan has data: say how to restore over it
    CHOOSE_FOR_LATE_GOALS = "choose_for_late_goals"  # subject: the goals' numbers, "5 9"
    CHANGE_SKILL = "change_skill"  # subject: the skill's id in the inventory
    GIVE_JOB_TITLE = "give_job_title"  # a posting that does not start with its title


@dataclass(frozen=True, slots=True)
class Hint:
    """A remedy, and what it applies to (an occupation code, a goal id) when it needs one."""

    remedy: Remedy
    subject: str = ""


class CareerplanError(Exception):
    """Base class: a refusal that says what went wrong, where, and what to do about it."""

    exit_code = 1

    def __init__(self, what: str, *, field: str | None = None, hint: Hint | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.field = field
        self.hint = hint


class DomainRefusal(CareerplanError):
    """The request is well-formed but breaks a rule of the plan (exit code 1)."""


class NotFound(DomainRefusal):
    def __init__(
        self, kind: str, ident: object, suggestion: str = "", hint: Hint | None = None
    ) -> None:
        what = f"No {kind} with id {ident}."
        if suggestion:
            what += f" {suggestion}"
        super().__init__(what, hint=hint)
        self.kind = kind
        self.ident = ident


class NotAllowed(DomainRefusal):
    """The person may see the record, but their part in it does not let them do this (a
    viewer proposing a change, say): a 403 on the web."""


class StaleEdit(DomainRefusal):
    """Someone else changed the record since it was read; nothing was overwritten."""

    def __init__(self, kind: str, ident: object, expected: int, actual: int | None) -> None:
        now = f"version {actual}" if actual is not None else "deleted"
        super().__init__(
            f"The {kind} {ident} was changed by someone else (you edited version {expected}, "
            f"it is now {now}). Nothing was saved: show it again and repeat your edit."
        )
        self.expected = expected
        self.actual = actual


class InvalidInput(CareerplanError):
    """The input itself is malformed (exit code 2, like a usage error)."""

    exit_code = 2


class StorageProblem(CareerplanError):
    """The database or data folder cannot be used as it is."""

    exit_code = 1


@dataclass(frozen=True, slots=True)
class Advice:
    """A note that goes with a result rather than a refusal (what a proposal had to assume,
    say), with the remedy the surface words."""

    what: str
    hint: Hint | None = None
