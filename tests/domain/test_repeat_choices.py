"""The repeat choices on the forms build an RRULE, say it back in words, and an editor opens on
the choice that made the saved rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerplan.domain.errors import InvalidInput
from careerplan.domain.repeat_choices import WEEKDAYS, Kind, RepeatChoice, build, choice_for
from careerplan.domain.repeat_phrases import parse
from careerplan.domain.repeat_words import describe


@pytest.mark.parametrize(
    ("choice", "rule", "words"),
    [
        (RepeatChoice(), None, None),
        (RepeatChoice(Kind.DAILY), "FREQ=DAILY", "every day"),
        (RepeatChoice(Kind.WEEKDAYS), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        (
            RepeatChoice(Kind.WEEKLY, days=("TH", "MO")),
            "FREQ=WEEKLY;BYDAY=MO,TH",
            "every week on Monday and Thursday",
        ),
        (
            RepeatChoice(Kind.FORTNIGHTLY, days=("FR",)),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
            "every 2 weeks on Friday",
        ),
        (
            RepeatChoice(Kind.MONTHLY, day_of_month=" 1 "),
            "FREQ=MONTHLY;BYMONTHDAY=1",
            "every month on the 1st",
        ),
        (
            RepeatChoice(Kind.MONTHLY, day_of_month="22nd"),
            "FREQ=MONTHLY;BYMONTHDAY=22",
            "every month on the 22nd",
        ),
        (RepeatChoice(Kind.QUARTERLY), "FREQ=MONTHLY;INTERVAL=3", "every quarter"),
        (
            RepeatChoice(Kind.CUSTOM, custom="every other Friday"),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
            "every 2 weeks on Friday",
        ),
        (
            RepeatChoice(Kind.CUSTOM, custom="rrule:freq=yearly;bymonth=3"),
            "FREQ=YEARLY;BYMONTH=3",
            None,
        ),
        # Days ticked for another choice are left out of it.
        (RepeatChoice(Kind.DAILY, days=("MO",), day_of_month="3"), "FREQ=DAILY", "every day"),
    ],
)
def test_each_choice_builds_its_rule_and_says_it_in_words(
    choice: RepeatChoice, rule: str | None, words: str | None
) -> None:
    built = build(choice)
    assert built == rule
    assert (describe(built) if built else None) == words


@pytest.mark.parametrize(
    ("choice", "field", "message"),
    [
        (
            RepeatChoice(Kind.WEEKLY),
            "repeat_days",
            "Tick the day or days of the week it repeats on.",
        ),
        (
            RepeatChoice(Kind.FORTNIGHTLY, days=("XX",)),
            "repeat_days",
            "Tick the day or days of the week it repeats on.",
        ),
        (
            RepeatChoice(Kind.MONTHLY),
            "repeat_day",
            "Give a day: every month has those days. For the end of the month, choose Custom "
            "and write 'every month on the last day'.",
        ),
        (
            RepeatChoice(Kind.MONTHLY, day_of_month="31"),
            "repeat_day",
            "'31' is not a day from 1 to 28: every month has those days. For the end of the "
            "month, choose Custom and write 'every month on the last day'.",
        ),
        (
            RepeatChoice(Kind.MONTHLY, day_of_month="0"),
            "repeat_day",
            "'0' is not a day from 1 to 28: every month has those days. For the end of the "
            "month, choose Custom and write 'every month on the last day'.",
        ),
        (
            RepeatChoice(Kind.CUSTOM, custom="  "),
            "repeat",
            "Say how often it repeats, such as 'every other Friday', or choose from the list.",
        ),
    ],
    ids=["weekly-no-day", "unknown-day", "monthly-no-day", "day-31", "day-0", "custom-empty"],
)
def test_an_incomplete_choice_asks_for_what_is_missing(
    choice: RepeatChoice, field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        build(choice)
    assert (refused.value.field, refused.value.what) == (field, message)


def test_custom_words_it_cannot_read_are_refused_against_the_custom_box() -> None:
    with pytest.raises(InvalidInput) as refused:
        build(RepeatChoice(Kind.CUSTOM, custom="every blue moon"))
    assert refused.value.field == "repeat"
    assert refused.value.what.startswith("'every blue moon' is not a repeat careerplan can read.")


@pytest.mark.parametrize(
    ("rule", "choice"),
    [
        (None, RepeatChoice()),
        ("FREQ=DAILY", RepeatChoice(Kind.DAILY)),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", RepeatChoice(Kind.WEEKDAYS)),
        ("FREQ=WEEKLY;BYDAY=MO,TH", RepeatChoice(Kind.WEEKLY, days=("MO", "TH"))),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", RepeatChoice(Kind.FORTNIGHTLY, days=("FR",))),
        ("FREQ=MONTHLY;BYMONTHDAY=15", RepeatChoice(Kind.MONTHLY, day_of_month="15")),
        ("FREQ=MONTHLY;INTERVAL=3", RepeatChoice(Kind.QUARTERLY)),
        ("FREQ=MONTHLY", RepeatChoice(Kind.CUSTOM, custom="every month")),
        ("FREQ=MONTHLY;BYMONTHDAY=31", RepeatChoice(Kind.CUSTOM, custom="every month on the 31st")),
        (
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR",
            RepeatChoice(Kind.CUSTOM, custom="every 3 weeks on Friday"),
        ),
        (
            "FREQ=MONTHLY;BYDAY=-1FR",
            RepeatChoice(Kind.CUSTOM, custom="every month on the last Friday"),
        ),
        ("FREQ=YEARLY;BYMONTH=3", RepeatChoice(Kind.CUSTOM, custom="FREQ=YEARLY;BYMONTH=3")),
    ],
)
def test_a_saved_rule_opens_on_the_choice_that_makes_it(
    rule: str | None, choice: RepeatChoice
) -> None:
    assert choice_for(rule) == choice


_CODES = [code for code, _ in WEEKDAYS]
_choices = st.one_of(
    st.sampled_from([Kind.DAILY, Kind.WEEKDAYS, Kind.QUARTERLY]).map(RepeatChoice),
    st.builds(
        RepeatChoice,
        st.sampled_from([Kind.WEEKLY, Kind.FORTNIGHTLY]),
        st.lists(st.sampled_from(_CODES), min_size=1, unique=True).map(tuple),
    ),
    st.integers(1, 28).map(lambda day: RepeatChoice(Kind.MONTHLY, day_of_month=str(day))),
)


@given(_choices)
def test_every_choice_reads_back_from_its_words_and_reopens_as_the_same_rule(
    choice: RepeatChoice,
) -> None:
    rule = build(choice)
    assert rule is not None
    words = describe(rule)
    assert words is not None
    assert parse(words) == rule
    assert build(choice_for(rule)) == rule
