"""Reading HTML forms: typed values, and per-field messages that keep what the person typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from fastapi import Request

from careerplan.domain.errors import CareerplanError, InvalidInput
from careerplan.web.hints import for_page

T = TypeVar("T")


class FormErrors(Exception):
    """One or more fields are wrong; `errors` maps field name to a message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class Form:
    """The submitted values (as typed) and any problems found while reading them."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.errors: dict[str, str] = {}

    @classmethod
    async def read(cls, request: Request) -> Form:
        data = await request.form()
        return cls({k: v for k, v in data.items() if isinstance(v, str) and k != "csrf_token"})

    def text(self, name: str) -> str:
        return self.values.get(name, "").strip()

    def optional(self, name: str) -> str | None:
        return self.text(name) or None

    def check(self, name: str, reader: Callable[[str], T]) -> T | None:
        """Apply `reader` to the field; record its InvalidInput message against the field."""
        try:
            return reader(self.values.get(name, ""))
        except InvalidInput as error:
            self.errors[name] = for_page(error)
            return None

    def refuse(self, error: CareerplanError, usual_field: str) -> None:
        """Show a service's refusal against the field it names (`usual_field` when it names
        none), worded for a page."""
        self.errors[error.field or usual_field] = for_page(error)

    def day(self, name: str, today: date) -> date | None:
        from careerplan.domain.dates import parse_date

        raw = self.text(name)
        if not raw:
            return None
        return self.check(name, lambda text: parse_date(text, today))

    def number(
        self, name: str, *, minimum: float | None = None, maximum: float | None = None
    ) -> float | None:
        raw = self.text(name)
        if not raw:
            return None
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            self.errors[name] = f"'{raw}' is not a number."
            return None
        if minimum is not None and value < minimum:
            self.errors[name] = f"Use a number of at least {minimum:g}."
            return None
        if maximum is not None and value > maximum:
            self.errors[name] = f"Use a number of at most {maximum:g}."
            return None
        return value

    def integer(self, name: str) -> int | None:
        raw = self.text(name)
        if not raw:
            return None
        if not raw.lstrip("-").isdigit():
            self.errors[name] = f"'{raw}' is not a whole number."
            return None
        return int(raw)

    def repeat(self) -> str | None:
        """The repeat rule the form's choices build (None: it does not repeat); a problem is
        recorded against the field it concerns. Words in the custom box count when the choice
        was left at "Does not repeat": without scripts the box is always shown, and typing in it
        says what was meant."""
        from careerplan.domain.repeat_choices import WEEKDAYS, Kind, RepeatChoice, build, read_kind

        custom = self.values.get("repeat", "")
        try:
            kind = read_kind(self.values.get("repeat_choice", ""))
            if kind is Kind.NONE and custom.strip():
                kind = Kind.CUSTOM
            ticked = tuple(
                code for code, _ in WEEKDAYS if self.values.get(f"repeat_{code.lower()}")
            )
            return build(RepeatChoice(kind, ticked, self.text("repeat_day"), custom))
        except InvalidInput as error:
            self.refuse(error, "repeat")
            return None

    def raise_if_errors(self) -> None:
        if self.errors:
            raise FormErrors(self.errors)

    def context(self) -> dict[str, Any]:
        return {"values": self.values, "errors": self.errors}
