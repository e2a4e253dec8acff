"""Properties over any input: a report always comes back, serialisable, with sane spans."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplan.domain.smart import CRITERIA, analyse

TODAY = date(2026, 11, 25)
_VOCABULARY = (
    "by the end of Q3 2027 every other week twice a month 20% 4.6/5 €1,500 per within next 12 "
    "months before June mid-2027 15/03/2027 pass PMP exam Monday weekly 1:1 top 10 2 hours "
    "version 3.2 be a better nurse fiscal FY27 H1 spring this Friday today -"
)
WORDS = st.sampled_from(_VOCABULARY.split(" "))


def _check(text: str, parent: str | None) -> None:
    report = analyse(text, parent, today=TODAY)
    data = json.loads(json.dumps(report.to_json()))
    assert 0 <= data["score"] <= 5
    for name in CRITERIA:
        for span in data["criteria"][name]["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=10_000), st.one_of(st.none(), st.text(max_size=200)))
def test_any_unicode_text_gets_a_report(text: str, parent: str | None) -> None:
    _check(text, parent)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_any_mix_of_date_and_figure_words_gets_a_consistent_report(text: str) -> None:
    _check(text, "Become a project manager")


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=20).map(" ".join), st.dates())
def test_any_reference_date_gets_a_report_with_the_deadline_inside_its_window(
    text: str, today: date
) -> None:
    report = analyse(text, "Become a manager by 2030", today=today)
    assert 0 <= report.score <= 5
    # A deadline always comes with the period it was read from, and only then.
    assert (report.deadline is None) == (report.deadline_window is None)
    if report.deadline is not None and report.deadline_window is not None:
        assert report.deadline_window.start <= report.deadline <= report.deadline_window.end
