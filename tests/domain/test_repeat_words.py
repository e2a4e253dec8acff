"""Repeat rules said in words for the written and printed plan; unknown parts are not guessed."""

from __future__ import annotations

import pytest

from careerplan.domain.repeat_words import describe


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=DAILY", "every day"),
        ("FREQ=DAILY;INTERVAL=2", "every 2 days"),
        ("FREQ=WEEKLY", "every week"),
        ("RRULE:freq=weekly;byday=mo", "every week on Monday"),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", "every week on Monday, Wednesday and Friday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "every 2 weeks on Tuesday"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday"),
        ("FREQ=MONTHLY;INTERVAL=3", "every quarter"),
        ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", "every 3 months on the 1st"),
        ("FREQ=MONTHLY", "every month"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", "every month on the 1st"),
        ("FREQ=MONTHLY;BYMONTHDAY=22", "every month on the 22nd"),
        ("FREQ=MONTHLY;BYMONTHDAY=13", "every month on the 13th"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day"),
        ("FREQ=MONTHLY;BYDAY=1SU", "every month on the first Sunday"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday"),
        ("FREQ=MONTHLY;INTERVAL=3;BYDAY=1SU", "every 3 months on the first Sunday"),
        ("FREQ=YEARLY", "every year"),
        ("FREQ=WEEKLY;COUNT=1", "every week, once"),
        ("FREQ=DAILY;COUNT=10", "every day, 10 times"),
        ("FREQ=WEEKLY;UNTIL=20271231", "every week, until 31 December 2027"),
        ("FREQ=WEEKLY;UNTIL=20271231T235959Z", "every week, until 31 December 2027"),
    ],
)
def test_it_says_common_rules_in_words(rule: str, words: str) -> None:
    assert describe(rule) == words


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYMONTH=3",  # a part it does not put into words
        "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=HOURLY",
        "FREQ=WEEKLY;INTERVAL=0",
        "FREQ=WEEKLY;INTERVAL=x",
        "FREQ=MONTHLY;BYDAY=7SU",
        "FREQ=MONTHLY;BYMONTHDAY=40",
        "FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1",
        "FREQ=WEEKLY;COUNT=3;UNTIL=20270101",
        "FREQ=WEEKLY;UNTIL=20271340",
        "FREQ=WEEKLY;FREQ=DAILY",
        "BYDAY=MO",
        "",
        "not a rule",
    ],
)
def test_it_leaves_what_it_cannot_say_to_the_caller(rule: str) -> None:
    assert describe(rule) is None
