"""Errors the domain and services raise; the CLI and web turn them into exit codes and responses."""

from __future__ import annotations


class CareerplanError(Exception):
    """Base class: a refusal with a message that names the problem and the fix."""

    exit_code = 1


class DomainRefusal(CareerplanError):
    """The request is well-formed but breaks a rule of the plan (exit code 1)."""


class NotFound(DomainRefusal):
    def __init__(self, kind: str, ident: object, hint: str = "") -> None:
        message = f"No {kind} with id {ident}."
        if hint:
            message += f" {hint}"
        super().__init__(message)
        self.kind = kind
        self.ident = ident
        self.hint = hint

    def without_command_hint(self) -> str:
        """The message without advice to run a command (pages and the API have their own ways)."""
        if "`careerplan " in self.hint:
            return f"No {self.kind} with id {self.ident}."
        return str(self)


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
