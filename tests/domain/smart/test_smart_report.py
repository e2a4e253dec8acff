"""The report's JSON shape, other languages, and the proposed rewrite."""

from __future__ import annotations

import json
from datetime import date

import pytest

from careerplan.domain.smart import AnalysisContext, SmartReport, analyse

TODAY = date(2026, 11, 25)


def test_the_json_report_has_the_documented_keys_and_types() -> None:
    data = analyse("Pass the PMP exam by Q3 2027.", "Become a project manager", today=TODAY)
    report = data.to_json()
    assert list(report) == [
        "specific", "measurable", "attainable", "relevant", "time_bound", "deadline",
        "deadline_window", "recurrence", "measure", "score", "criteria", "suggestions",
        "rewrite", "language", "supported", "notes",
    ]  # fmt: skip
    assert report["deadline"] == "2027-09-30"
    assert report["deadline_window"] == {"start": "2027-07-01", "end": "2027-09-30"}
    assert report["score"] == 5
    assert report["criteria"]["time_bound"] == {  # type: ignore[index]
        "ok": True,
        "reason": "Due 2027-09-30 (“by Q3 2027”).",
        "evidence": [{"text": "by Q3 2027", "start": 18, "end": 28}],
    }
    assert data.letters == "SMART"


def test_evidence_spans_point_into_the_original_text_despite_typos() -> None:
    text = "complte my pmp certifcation within the nxt 12 months"
    report = analyse(text, today=TODAY)
    for span in report.time_bound.evidence + report.measurable.evidence:
        assert text[span.start : span.end] == span.text
    assert report.time_bound.evidence[0].text == "within the nxt 12 months"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Je veux améliorer mon anglais.", "fr"),
        ("Quiero sacar la certificación PMP antes de junio de 2027.", "es"),
        ("Ich möchte bis Ende 2027 Teamleiter werden.", "de"),
        ("日本語の試験に合格する", "ja"),
        ("Получить сертификат PMP до июня", "ru"),
    ],
)
def test_other_languages_are_reported_as_unsupported(text: str, language: str) -> None:
    report = analyse(text, "Become a regional sales director", today=TODAY)
    assert (report.language, report.supported) == (language, False)
    assert report.deadline is None
    assert report.score == 0
    assert report.relevant.ok is None
    assert report.suggestions == ("Write the goal in English to have it checked.",)


def test_a_goal_mixing_english_and_spanish_is_analysed_as_english() -> None:
    text = "Finish mi curso de Excel avanzado by end of this month, y practicar pivot tables."
    report = analyse(text, today=TODAY)
    assert report.supported is True
    assert report.deadline == date(2026, 11, 30)


def test_the_rewrite_keeps_the_words_and_fills_the_gaps_visibly() -> None:
    report = analyse("Improve my communication skills.", today=TODAY)
    assert report.rewrite == (
        "Improve my communication skills [what exactly: a named course, project or document],"
        " measured by [number] [what you will count], by [date]."
    )
    assert len(report.suggestions) == 3


def test_the_rewrite_computes_a_deadline_halfway_to_the_parents_date() -> None:
    context = AnalysisContext(parent_due=date(2028, 11, 30))
    report = analyse(
        "Complete my PMP certification.", "Lead IT projects", today=TODAY, context=context
    )
    assert report.rewrite == "Complete my PMP certification, by 30 November 2027."
    assert report.suggestions == (
        "Add a deadline: 2027-11-30 leaves half the time to the parent goal's date "
        "(2028-11-30) for what comes next.",
    )


def test_the_parents_own_deadline_words_give_the_horizon() -> None:
    report = analyse("Update my resume.", "Land a cybersecurity job by June 2028", today=TODAY)
    assert report.rewrite == "Update my resume, by 30 September 2027."


def test_a_goal_that_passes_everything_has_no_rewrite() -> None:
    report = analyse(
        "Publish two articles on our engineering blog by the end of the year.",
        "Become a senior backend engineer",
        today=TODAY,
    )
    assert (report.score, report.rewrite, report.suggestions) == (5, None, ())


def test_an_empty_goal_fails_every_criterion_with_a_reason() -> None:
    report = analyse("   ", today=TODAY)
    assert report.score == 0
    assert report.specific.reason == "The goal is empty."


def test_only_the_first_thousand_characters_are_analysed() -> None:
    report = analyse("Publish two articles. " * 100 + "by Q3 2027", today=TODAY)
    assert report.deadline is None
    assert report.notes == ("Only the first 1,000 characters were analysed.",)


def test_a_fiscal_year_start_outside_one_to_twelve_is_refused() -> None:
    with pytest.raises(ValueError, match="fiscal_year_start"):
        analyse("x", today=TODAY, context=AnalysisContext(fiscal_year_start=13))


@pytest.mark.parametrize(
    "text",
    [
        "Pass the PMP exam by Q3 2027.",
        "File 2 requests per month for the next 6 months.",
        "Improve my communication skills.",
        "Je veux améliorer mon anglais.",
    ],
)
def test_a_stored_report_reads_back_unchanged(text: str) -> None:
    report = analyse(text, "Become a project manager", today=TODAY)
    stored = json.loads(json.dumps(report.to_json()))
    again = SmartReport.from_json(stored)
    assert again == report
    assert again.to_json() == report.to_json()
