"""Repeats typed in words become the RRULE stored; words that say no repeat are refused with
examples, and whatever a rule is shown as in words reads back to that rule."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplan.domain.errors import InvalidInput
from careerplan.domain.recurrence import read_rule
from careerplan.domain.repeat_phrases import parse
from careerplan.domain.repeat_words import describe

EXAMPLES = (
    "'every weekday', 'every Tuesday', 'every other Friday', 'every week on Monday and "
    "Thursday', 'every month on the 1st' or 'every quarter'"
)


@pytest.mark.parametrize(
    ("words", "rule"),
    [
        ("every day", "FREQ=DAILY"),
        ("Daily", "FREQ=DAILY"),
        ("every 2 days", "FREQ=DAILY;INTERVAL=2"),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("every working day", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("Monday to Friday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("weekends", "FREQ=WEEKLY;BYDAY=SA,SU"),
        ("weekly", "FREQ=WEEKLY"),
        ("every week on Monday and Thursday", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("every week on Thursday, Monday", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("every Tuesday", "FREQ=WEEKLY;BYDAY=TU"),
        ("each tue", "FREQ=WEEKLY;BYDAY=TU"),
        ("Mondays and Thursdays", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("on Mondays & Wednesdays.", "FREQ=WEEKLY;BYDAY=MO,WE"),
        ("every other Friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
        ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
        ("every two weeks on Friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
        ("fortnightly", "FREQ=WEEKLY;INTERVAL=2"),
        ("every fortnight on Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("monthly", "FREQ=MONTHLY"),
        ("every month on the 1st", "FREQ=MONTHLY;BYMONTHDAY=1"),
        ("every month on the 1st and 15th", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
        ("on the 15th of every month", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("every month on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        ("every month on the last Friday", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("the first Monday of every month", "FREQ=MONTHLY;BYDAY=1MO"),
        ("every first Monday", "FREQ=MONTHLY;BYDAY=1MO"),
        ("every quarter", "FREQ=MONTHLY;INTERVAL=3"),
        ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
        ("every 3 months", "FREQ=MONTHLY;INTERVAL=3"),
        ("every other month on the 1st", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1"),
        ("yearly", "FREQ=YEARLY"),
        ("every year", "FREQ=YEARLY"),
        ("repeats every day", "FREQ=DAILY"),
        ("every week, 5 times", "FREQ=WEEKLY;COUNT=5"),
        ("every day, once", "FREQ=DAILY;COUNT=1"),
        ("every week until 31 December 2027", "FREQ=WEEKLY;UNTIL=20271231"),
        ("every Monday, until 2027-03-01", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270301"),
    ],
)
def test_it_reads_common_repeats_in_words(words: str, rule: str) -> None:
    assert parse(words) == rule


def _unreadable(shown: str) -> str:
    return (
        f"'{shown}' is not a repeat careerplan can read. Say it in words, such as {EXAMPLES}, "
        "or as an RFC 5545 rule, such as FREQ=WEEKLY;BYDAY=MO."
    )


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("", f"The repeat is empty. Say how often, such as {EXAMPLES}."),
        ("  .  ", f"The repeat is empty. Say how often, such as {EXAMPLES}."),
        ("every blue moon", _unreadable("every blue moon")),
        ("Friday", _unreadable("Friday")),  # one Friday, perhaps: not a repeat
        ("the first Monday", _unreadable("the first Monday")),
        ("every day on Monday", _unreadable("every day on Monday")),
        (
            "every month on the 1st and the last Friday",
            _unreadable("every month on the 1st and the last Friday"),
        ),
        ("every month on the 32nd", _unreadable("every month on the 32nd")),
        ("毎週月曜日", _unreadable("毎週月曜日")),
        (
            "every 0 weeks",
            "'every 0 weeks' needs a whole number from 1 to 999, such as 'every 2 weeks'.",
        ),
        (
            "every 99999999999999999999 days",
            "'every 99999999999999999999 days' needs a whole number from 1 to 999, such as "
            "'every 2 weeks'.",
        ),
        (
            "every week until 0001-01-01",
            "The end date '0001-01-01' cannot be read: write it like 'until 31 December 2027' or "
            "'until 2027-12-31'.",
        ),
        (
            "every week until Friday",
            "The end date 'friday' cannot be read: write it like 'until 31 December 2027' or "
            "'until 2027-12-31'.",
        ),
        (
            "every week until 31 February 2027",
            "The end date '31 february 2027' cannot be read: write it like "
            "'until 31 December 2027' or 'until 2027-12-31'.",
        ),
        (
            "every day\x00",
            "The repeat cannot be read: it contains a NUL character, which no text can hold.",
        ),
        (
            "every " * 40,
            f"The repeat is 239 characters; say it in at most 200, such as {EXAMPLES}.",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "nonsense",
        "a-bare-day",
        "a-bare-nth-day",
        "day-on-weekday",
        "month-day-and-nth-day",
        "no-32nd",
        "unicode",
        "zero",
        "a-gap-no-plan-has",
        "until-year-one",
        "until-a-weekday",
        "until-no-such-date",
        "nul",
        "huge",
    ],
)
def test_it_refuses_words_that_say_no_repeat_with_examples(words: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse(words)
    assert (refused.value.what, refused.value.field) == (message, "repeat")


def test_a_long_unreadable_phrase_is_quoted_shortened() -> None:
    words = "every " + "blue " * 30 + "moon"
    with pytest.raises(InvalidInput) as refused:
        parse(words)
    assert refused.value.what.startswith(f"'{words[:57]}…' is not a repeat careerplan can read.")


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("every other Friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
        ("rrule:freq=weekly;byday=mo", "FREQ=WEEKLY;BYDAY=MO"),
        ("FREQ=YEARLY;BYMONTH=3", "FREQ=YEARLY;BYMONTH=3"),
    ],
)
def test_the_one_seam_takes_a_rule_or_words(given: str, stored: str) -> None:
    assert read_rule(given) == stored


def test_a_rule_that_fails_says_words_work_too() -> None:
    with pytest.raises(InvalidInput) as refused:
        read_rule("FREQ=HOURLY")
    assert refused.value.what == (
        "'FREQ=HOURLY' repeats more often than daily; careerplan plans in days. Use FREQ=DAILY, "
        "WEEKLY, MONTHLY or YEARLY. Words work too, such as 'every other Friday'."
    )
    assert refused.value.field == "repeat"


_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_days = st.lists(st.sampled_from(_CODES), min_size=1, max_size=7, unique=True).map(
    lambda days: ",".join(sorted(days, key=_CODES.index))
)
_nth_days = st.lists(
    st.tuples(st.sampled_from([1, 2, 3, 4, 5, -1]), st.sampled_from(_CODES)),
    min_size=1,
    max_size=3,
    unique=True,
).map(lambda days: ",".join(f"{n}{day}" for n, day in days))
_days_a_plan_holds = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))
# Days every month has, or the last: words refuse a 29th to a 31st, which RFC 5545 would skip in
# the months without it (a rule typed as RRULE may still hold one; it is shown, not re-read).
_month_days = st.lists(
    st.one_of(st.integers(1, 28), st.just(-1)), min_size=1, max_size=4, unique=True
).map(lambda days: ",".join(map(str, days)))


@st.composite
def _rules(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}"]
    interval = draw(st.integers(1, 24))
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if freq == "WEEKLY":
        parts += draw(st.sampled_from([[], [f"BYDAY={draw(_days)}"]]))
    if freq == "MONTHLY":
        on = draw(st.sampled_from(["", "BYDAY", "BYMONTHDAY"]))
        if on == "BYDAY":
            parts.append(f"BYDAY={draw(_nth_days)}")
        elif on == "BYMONTHDAY":
            parts.append(f"BYMONTHDAY={draw(_month_days)}")
    ending = draw(st.sampled_from(["", "COUNT", "UNTIL"]))
    if ending == "COUNT":
        parts.append(f"COUNT={draw(st.integers(1, 500))}")
    elif ending == "UNTIL":
        parts.append(f"UNTIL={draw(_days_a_plan_holds).strftime('%Y%m%d')}")
    return ";".join(parts)


@settings(max_examples=300, deadline=None)
@given(_rules())
def test_every_rule_said_in_words_reads_back_to_the_same_rule(rule: str) -> None:
    words = describe(rule)
    assert words is not None
    assert parse(words) == rule


@pytest.mark.parametrize("said", ["every month on the 31st", "every month on the 1st and the 30th"])
def test_a_month_day_some_months_lack_is_refused_with_the_way_to_say_the_end(said: str) -> None:
    with pytest.raises(InvalidInput, match="say 'every month on the last day'"):
        parse(said)
