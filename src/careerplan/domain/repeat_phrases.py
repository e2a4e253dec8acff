"""A repeat said in words, read into an RFC 5545 RRULE: what people type in a form's custom box,
after `--repeat` on the command line, or in the API's `repeat` field.

The reading is strict where the S.M.A.R.T. analyser's is loose. The analyser looks for a schedule
somewhere in a goal's sentence; here the whole text must be a repeat, so "every blue moon" is
refused rather than half read. The names of units, adverbs, weekdays and months are the
analyser's own tables, so both read "fortnightly" or "every quarter" the same way, and rules
are written in the analyser's order of parts (FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL).

Everything `repeat_words.describe` says is read back to the same rule, so a rule shown in words
can be edited in words; the one exception is a month day after the 28th, which a rule typed as
an RRULE may hold but words refuse, as some months lack it.

    >>> parse("every other Friday")
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR'
    >>> parse("every month on the last Friday")
    'FREQ=MONTHLY;BYDAY=-1FR'
    >>> parse("Weekdays")
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'
    >>> parse("quarterly")
    'FREQ=MONTHLY;INTERVAL=3'
"""

from __future__ import annotations

import re
from datetime import date

from careerplan.domain.bounds import text_problem
from careerplan.domain.errors import InvalidInput
from careerplan.domain.smart.numbers import NUMBER, parse_number
from careerplan.domain.smart.periods import MONTHS, WEEKDAYS
from careerplan.domain.smart.recurrence import ADVERB_FREQ, UNIT_FREQ, Rule

# Shown whenever words cannot be read, so the person sees what does work.
EXAMPLES = (
    "every weekday",
    "every Tuesday",
    "every other Friday",
    "every week on Monday and Thursday",
    "every month on the 1st",
    "every quarter",
)
# Long enough for any repeat worth saying; a paste of a whole paragraph is refused plainly.
MAX_PHRASE = 200
MAX_GAP = 999
SHORTEST_MONTH = 28

_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WORKING_WEEK = "MO,TU,WE,TH,FR"
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_NTH |= {"4th": 4, "fifth": 5, "5th": 5, "last": -1}

_DAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAY_LIST = rf"(?:{_DAY})s?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:{_DAY})s?)*"
_UNIT = "|".join(sorted(UNIT_FREQ, key=len, reverse=True))
_NTH_WORD = "|".join(sorted(_NTH, key=len, reverse=True))
_MONTH = r"\s+of\s+(?:every|the)\s+month"

_WORKING_DAYS = re.compile(
    r"(?:every\s+|on\s+)?(?:weekdays?|working\s+days?|workdays?|business\s+days?"
    r"|mondays?\s+to\s+fridays?)"
)
_WEEKENDS = re.compile(r"(?:every\s+|on\s+)?weekends?")
_EVERY_UNIT = re.compile(
    rf"every\s+(?:(?P<other>other|alternate)\s+|(?P<n>{NUMBER})\s+)?(?P<unit>{_UNIT})s?"
    r"(?:\s+on\s+(?P<on>.+))?"
)
_WEEKDAYS = re.compile(
    rf"(?P<lead>every\s+(?:(?P<other>other|alternate)\s+)?|on\s+)?(?P<days>{_DAY_LIST})"
)
_NTH_WEEKDAY = re.compile(
    rf"(?P<lead>every\s+|on\s+the\s+|the\s+)?(?P<nth>{_NTH_WORD})\s+(?P<day>{_DAY})"
    rf"(?P<month>{_MONTH})?"
)
_MONTH_DAYS = re.compile(rf"(?:on\s+)?the\s+(?P<days>.+?){_MONTH}")
_ENDING = re.compile(rf",?\s+(?:(?P<once>once)|(?P<count>{NUMBER})\s+times|until\s+(?P<until>.+))$")
_MONTH_DAY = re.compile(r"(?:the\s+)?(?:day\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)?")
_NTH_DAY_ITEM = re.compile(rf"(?:the\s+)?(?P<nth>{_NTH_WORD})\s+(?P<day>{_DAY})")
_DAY_MONTH_YEAR = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[a-z]+)\s+(?P<y>\d{4})")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")


def _refusal(message: str) -> InvalidInput:
    # The field is `repeat` on every surface: the custom box, `--repeat`, the API's field.
    return InvalidInput(message, field="repeat")


def examples() -> str:
    """The examples as a phrase: 'every weekday', 'every Tuesday', … or 'every quarter'."""
    quoted = [f"'{example}'" for example in EXAMPLES]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def unreadable(text: str) -> InvalidInput:
    """The refusal of words that are no repeat this reads; it says both forms that are taken."""
    shown = text.strip()
    shown = shown if len(shown) <= 60 else shown[:57] + "…"
    return _refusal(
        f"'{shown}' is not a repeat careerplan can read. Say it in words, such as "
        f"{examples()}, or as an RFC 5545 rule, such as FREQ=WEEKLY;BYDAY=MO."
    )


def parse(text: str) -> str:
    """The RRULE (without `RRULE:`) that the words say; InvalidInput when they say none."""
    problem = text_problem(text)
    if problem is not None:
        raise _refusal(f"The repeat cannot be read: {problem}.")
    said = _tidy(text)
    if not said:
        raise _refusal(f"The repeat is empty. Say how often, such as {examples()}.")
    if len(said) > MAX_PHRASE:
        raise _refusal(
            f"The repeat is {len(said)} characters; say it in at most {MAX_PHRASE}, "
            f"such as {examples()}."
        )
    body, count, until = _ending(said, text)
    rule = _body(body, text)
    if rule is None:
        raise unreadable(text)
    return rule.render(count=count, until=until)


def _tidy(text: str) -> str:
    said = " ".join(text.lower().replace("&", " and ").split()).rstrip(".")
    said = re.sub(r"\beach\b", "every", said)
    return re.sub(r"^(?:repeats|repeat|repeating)\s+", "", said)


def _ending(said: str, text: str) -> tuple[str, int | None, date | None]:
    """Split off ', 5 times', ', once' or ', until 31 December 2027'."""
    found = _ENDING.search(said)
    if found is None:
        return said, None, None
    body = said[: found.start()]
    if found["once"]:
        return body, 1, None
    if found["count"]:
        count = parse_number(found["count"])
        if count is None or count != int(count) or count < 1:
            raise unreadable(text)
        return body, int(count), None
    return body, None, _until(found["until"])


def _until(said: str) -> date:
    found = _DAY_MONTH_YEAR.fullmatch(said) or _ISO.fullmatch(said)
    month = None
    if found is not None:
        month = MONTHS.get(found["m"]) if not found["m"].isdigit() else int(found["m"])
    # The years a plan holds, as for every other date careerplan keeps.
    if found is not None and month is not None and 1900 <= int(found["y"]) <= 2999:
        try:
            return date(int(found["y"]), month, int(found["d"]))
        except ValueError:
            pass
    raise _refusal(
        f"The end date '{said}' cannot be read: write it like 'until 31 December 2027' "
        "or 'until 2027-12-31'."
    )


def _body(said: str, text: str) -> Rule | None:
    if said in ADVERB_FREQ:
        freq, interval = ADVERB_FREQ[said]
        return Rule(freq, interval, 0, 0)
    if _WORKING_DAYS.fullmatch(said):
        return Rule("WEEKLY", 1, 0, 0, byday=_WORKING_WEEK)
    if _WEEKENDS.fullmatch(said):
        return Rule("WEEKLY", 1, 0, 0, byday="SA,SU")
    if found := _EVERY_UNIT.fullmatch(said):
        return _every_unit(found, text)
    if found := _WEEKDAYS.fullmatch(said):
        plural = re.search(rf"(?:{_DAY})s\b", found["days"]) is not None
        # A bare "Friday" may be one Friday; it repeats when said "every Friday" or "Fridays".
        if not (found["lead"] or "").startswith("every") and not plural:
            return None
        return Rule("WEEKLY", 2 if found["other"] else 1, 0, 0, byday=_days(found["days"]))
    if found := _NTH_WEEKDAY.fullmatch(said):
        # "every first Monday" or "the first Monday of every month"; not "the first Monday".
        if not (found["month"] or (found["lead"] or "").startswith("every")):
            return None
        return Rule("MONTHLY", 1, 0, 0, byday=_nth_day(found["nth"], found["day"]))
    if found := _MONTH_DAYS.fullmatch(said):
        return _on_month(found["days"], Rule("MONTHLY", 1, 0, 0))
    return None


def _every_unit(found: re.Match[str], text: str) -> Rule | None:
    freq, step = UNIT_FREQ[found["unit"]]
    times = 2 if found["other"] else parse_number(found["n"]) if found["n"] else 1
    # A gap of more than MAX_GAP units is no plan's repeat, and keeps the rule small.
    if times is None or times != int(times) or not 1 <= times <= MAX_GAP:
        raise _refusal(
            f"'{text.strip()}' needs a whole number from 1 to {MAX_GAP}, such as 'every 2 weeks'."
        )
    rule = Rule(freq, step * int(times), 0, 0)
    on = found["on"]
    if on is None:
        return rule
    if freq == "WEEKLY":
        days = re.fullmatch(_DAY_LIST, on)
        return None if days is None else Rule(freq, rule.interval, 0, 0, byday=_days(on))
    if freq == "MONTHLY":
        return _on_month(on, rule)
    return None  # "every day on Monday", "every year on the 3rd": no reading is safe


def _on_month(said: str, rule: Rule) -> Rule | None:
    """'the 1st and 15th', 'the last day', 'the first Monday and the third Monday'."""
    items = [item for item in re.split(r",\s*and\s+|,\s*|\s+and\s+", said) if item]
    month_days: list[str] = []
    nth_days: list[str] = []
    for item in items:
        if item in {"the last day", "last day"}:
            month_days.append("-1")
        elif day := _MONTH_DAY.fullmatch(item):
            if not 1 <= int(day["n"]) <= 31:
                return None
            if int(day["n"]) > SHORTEST_MONTH:
                # As the form's choice says: RFC 5545 skips the months without that day, so
                # "on the 31st" would quietly not happen in five months of the year.
                raise _refusal(
                    f"Not every month has a {item.removeprefix('the ')}, and the repeat would "
                    "skip those months. For the end of the month, say 'every month on the "
                    "last day'."
                )
            month_days.append(str(int(day["n"])))
        elif nth := _NTH_DAY_ITEM.fullmatch(item):
            nth_days.append(_nth_day(nth["nth"], nth["day"]))
        else:
            return None
    if month_days and nth_days:
        return None  # RRULE would need both to hold on the same day, which nobody means
    if month_days:
        return Rule(rule.freq, rule.interval, 0, 0, bymonthday=",".join(dict.fromkeys(month_days)))
    return Rule(rule.freq, rule.interval, 0, 0, byday=",".join(dict.fromkeys(nth_days)))


def _days(said: str) -> str:
    """The weekdays named, in week order: 'thursday and monday' → 'MO,TH'."""
    names = re.findall(rf"(?:{_DAY})", said)
    return ",".join(_CODES[index] for index in sorted({WEEKDAYS[name] for name in names}))


def _nth_day(nth: str, day: str) -> str:
    return f"{_NTH[nth]}{_CODES[WEEKDAYS[day]]}"
