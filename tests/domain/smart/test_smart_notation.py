"""One notation for the five S.M.A.R.T. verdicts: a capital letter met, a small letter not met,
`?` not judged, whatever shows the letters."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain import smart_notation as notation
from careerplan.domain.smart import CRITERIA, analyse
from careerplan.domain.smart.report import SmartReport


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        ((True, True, True, True, True), "SMART"),
        ((False, False, False, False, False), "smart"),
        ((None, None, None, None, None), "?????"),
        ((True, False, None, True, True), "Sm?RT"),
        ((False, True, True, None, False), "sMA?t"),
    ],
)
def test_the_case_alone_carries_each_verdict(
    verdicts: tuple[bool | None, ...], expected: str
) -> None:
    assert notation.letters(verdicts) == expected


def test_five_verdicts_are_needed_not_fewer() -> None:
    with pytest.raises(ValueError, match="shorter"):
        notation.letters([True, True])


def test_a_criterion_missing_from_a_stored_report_is_not_judged() -> None:
    assert notation.letters_of({"specific": True, "measurable": False}) == "Sm???"


def test_a_failing_goal_never_reads_as_smart() -> None:
    report = analyse("Get better at networking", None, today=date(2026, 11, 25))
    assert report.letters == "sm??t"
    assert report.letters != "SMART"


def test_the_report_and_its_stored_form_give_the_same_letters() -> None:
    report = analyse("Pass the PMP exam by June 2027", "Lead a team", today=date(2026, 11, 25))
    stored = report.to_json()
    assert notation.letters_of(stored) == report.letters
    assert SmartReport.from_json(stored).letters == report.letters


def test_the_criteria_are_named_in_one_place() -> None:
    assert CRITERIA is notation.CRITERIA


def test_the_legend_explains_every_symbol_the_letters_use() -> None:
    assert notation.LEGEND == (
        "S.M.A.R.T.: a capital letter is met, a small letter is not, ? is not judged yet."
    )
    assert notation.NOT_JUDGED in notation.LEGEND
