"""The repeat choices a form offers, and the RRULE built behind them.

People choose how often (`Kind`), tick weekdays, give a day of the month, or write their own
repeat in words or as a rule (`custom`). Two choices are refused rather than guessed:

- "Every week on…" or "Every 2 weeks on…" with no day ticked asks for a day. A rule without
  days would fall on the weekday the goal or action happened to be saved, which the person
  never saw on the form.
- "Every month on day…" takes days 1 to 28, the days every month has; a 30th would skip
  February. The last day of the month is one custom phrase away ("every month on the last day").

    >>> build(RepeatChoice(Kind.FORTNIGHTLY, days=("FR",)))
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR'
    >>> choice_for("FREQ=MONTHLY;BYMONTHDAY=15")
    RepeatChoice(kind=<Kind.MONTHLY: 'monthly'>, days=(), day_of_month='15', custom='')
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from careerplan.domain.errors import InvalidInput
from careerplan.domain.recurrence import read_rule
from careerplan.domain.repeat_words import describe

WEEKDAYS = (
    ("MO", "Monday"),
    ("TU", "Tuesday"),
    ("WE", "Wednesday"),
    ("TH", "Thursday"),
    ("FR", "Friday"),
    ("SA", "Saturday"),
    ("SU", "Sunday"),
)
_CODES = tuple(code for code, _ in WEEKDAYS)
_WORKING_WEEK = "MO,TU,WE,TH,FR"
LAST_MONTH_DAY = 28


class Kind(StrEnum):
    NONE = ""
    DAILY = "daily"
    WEEKDAYS = "weekdays"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Kind.NONE: "Does not repeat",
    Kind.DAILY: "Every day",
    Kind.WEEKDAYS: "Every weekday",
    Kind.WEEKLY: "Every week on…",
    Kind.FORTNIGHTLY: "Every 2 weeks on…",
    Kind.MONTHLY: "Every month on day…",
    Kind.QUARTERLY: "Every quarter",
    Kind.CUSTOM: "Custom",
}
_FIXED = {
    Kind.DAILY: "FREQ=DAILY",
    Kind.WEEKDAYS: f"FREQ=WEEKLY;BYDAY={_WORKING_WEEK}",
    Kind.QUARTERLY: "FREQ=MONTHLY;INTERVAL=3",
}


@dataclass(frozen=True, slots=True)
class RepeatChoice:
    """What a form holds: the kind, the weekdays ticked (codes such as "MO"), the day of the
    month and the custom text, each as given."""

    kind: Kind = Kind.NONE
    days: tuple[str, ...] = ()
    day_of_month: str = ""
    custom: str = ""


def read_kind(value: str) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        raise InvalidInput(
            "Choose how often it repeats from the list.", field="repeat_choice"
        ) from None


def build(choice: RepeatChoice) -> str | None:
    """The RRULE the choice describes; None when it does not repeat."""
    if choice.kind is Kind.NONE:
        return None
    if choice.kind in _FIXED:
        return _FIXED[choice.kind]
    if choice.kind in {Kind.WEEKLY, Kind.FORTNIGHTLY}:
        days = [code for code in _CODES if code in choice.days]
        if not days:
            raise InvalidInput(
                "Tick the day or days of the week it repeats on.", field="repeat_days"
            )
        every = "FREQ=WEEKLY" if choice.kind is Kind.WEEKLY else "FREQ=WEEKLY;INTERVAL=2"
        return f"{every};BYDAY={','.join(days)}"
    if choice.kind is Kind.MONTHLY:
        return f"FREQ=MONTHLY;BYMONTHDAY={_day_of_month(choice.day_of_month)}"
    if not choice.custom.strip():
        raise InvalidInput(
            "Say how often it repeats, such as 'every other Friday', or choose from the list.",
            field="repeat",
        )
    return read_rule(choice.custom)


def _day_of_month(text: str) -> int:
    said = text.strip().lower().removesuffix("st").removesuffix("nd").removesuffix("rd")
    said = said.removesuffix("th")
    if said.isdigit() and 1 <= int(said) <= LAST_MONTH_DAY:
        return int(said)
    given = f"'{text.strip()}' is not a day from 1 to 28" if text.strip() else "Give a day"
    raise InvalidInput(
        f"{given}: every month has those days. For the end of the month, choose Custom and "
        "write 'every month on the last day'.",
        field="repeat_day",
    )


def choice_for(rule: str | None) -> RepeatChoice:
    """The choice that makes `rule`, so an editor opens on what is saved; a rule no choice
    makes is shown as custom, in words when it can be said in them."""
    if not rule:
        return RepeatChoice()
    for kind, fixed in _FIXED.items():
        if rule == fixed:
            return RepeatChoice(kind)
    parts = dict(part.partition("=")[::2] for part in rule.split(";"))
    days = parts.get("BYDAY", "").split(",")
    plain_days = all(day in _CODES for day in days)
    if parts.keys() == {"FREQ", "BYDAY"} and parts["FREQ"] == "WEEKLY" and plain_days:
        return RepeatChoice(Kind.WEEKLY, days=tuple(days))
    fortnight = parts.keys() == {"FREQ", "INTERVAL", "BYDAY"} and parts["INTERVAL"] == "2"
    if fortnight and parts["FREQ"] == "WEEKLY" and plain_days:
        return RepeatChoice(Kind.FORTNIGHTLY, days=tuple(days))
    month_day = parts.get("BYMONTHDAY", "")
    on_a_day = month_day.isdigit() and 1 <= int(month_day) <= LAST_MONTH_DAY
    if parts.keys() == {"FREQ", "BYMONTHDAY"} and parts["FREQ"] == "MONTHLY" and on_a_day:
        return RepeatChoice(Kind.MONTHLY, day_of_month=month_day)
    return RepeatChoice(Kind.CUSTOM, custom=describe(rule) or rule)
