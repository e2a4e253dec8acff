"""The plan and the commitment card as PDF, read back with `pdftotext`."""

from __future__ import annotations

from dataclasses import replace

import pytest

from careerplan.exports import pdf
from tests.exports import plans
from tests.exports.readers import pdf_text

UNICODE_GOAL = "Führungsrolle übernehmen — Ελληνικά, Русский, ½ €"
MARKUP_GOAL = "<b>not bold</b> & <img src='http://example.com/x.png'> {{ 7 * 7 }}"


@pytest.fixture(scope="module")
def plan_text() -> str:
    snapshot = plans.ana()
    snapshot.goals += [
        plans.goal(6, UNICODE_GOAL, plans.Horizon.SIX_MONTHS, 4),
        plans.goal(7, MARKUP_GOAL, None),
    ]
    return pdf_text(pdf.render_plan(snapshot))


def test_the_printed_plan_has_every_goal_in_order_of_horizon(plan_text: str) -> None:
    order = [
        "Career plan of Ana",
        "Vision",
        "Dream job COO of a high-tech startup",
        "I will be COO of a startup by 2031.",
        "Goals",
        "The dream job (long term)",
        "In 2 years",
        "Obtain a management position leading a team of at least 5 people",
        "In 12 months",
        "Complete my PMP certification within the next 12 months",
        "In 6 months",
        "Pass the PMP practice exam with 80% by May 2027",
        UNICODE_GOAL,
        "Other goals",
        "Learn Spanish",
        "Resources",
        "Maria Lopez — maria@example.com",
        "Recent reviews",
    ]
    positions = [plan_text.find(text) for text in order]
    assert -1 not in positions, [text for text, at in zip(order, positions, strict=True) if at < 0]
    assert positions == sorted(positions)


def test_the_printed_plan_shows_actions_measures_and_repeats_in_words(plan_text: str) -> None:
    assert "Attend one industry networking event (repeats every month)" in plan_text
    assert "Book the practice exam (due 1 Mar 2027)" in plan_text
    assert (
        "S.M.A.R.T. SMA?t · due 25 Nov 2028 · measure: people led: from 0 to 5 people, now 2 · "
        "active, 20% done · towards: COO of a high-tech startup"
    ) in plan_text
    assert "Learn Spanish S.M.A.R.T. SmA?t · due 1 Jun 2027 · dropped" in plan_text
    assert "Page 1 of" in plan_text


def test_markup_in_a_goal_is_printed_as_written(plan_text: str) -> None:
    assert MARKUP_GOAL in plan_text


def test_the_card_carries_the_commitment_the_dream_job_and_the_signature_line() -> None:
    text = pdf_text(pdf.render_card(plans.ana()))
    assert text.startswith("25 Nov 2026 I will be COO of a startup by 2031.")
    assert "Dream job: COO of a high-tech startup (technology)" in text
    assert "By: 25 Nov 2031" in text
    assert "Signed: Ana" in text
    assert "Back to the vision" not in text  # the page's own links are not printed


def test_a_card_without_a_written_commitment_says_what_the_person_will_be() -> None:
    snapshot = plans.ana()
    assert snapshot.vision is not None
    snapshot.vision = replace(snapshot.vision, commitment="", dream_job_title="Дизайнер")
    assert "I will work as Дизайнер." in pdf_text(pdf.render_card(snapshot))


def test_an_empty_plan_prints_where_to_start() -> None:
    assert "Nothing is written down yet." in pdf_text(pdf.render_plan(plans.empty()))
    assert "Nothing to print yet." in pdf_text(pdf.render_card(plans.empty()))


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/style.css",
        "http://127.0.0.1:8000/static/style.css",
        "file:///etc/passwd",
        "https://careerplan.invalid/static/../../exports/pdf.py",
        "https://careerplan.invalid/static/",
        "https://careerplan.invalid/static/missing.css",
        "https://careerplan.invalid/vision",
        "data:text/css,body{}",
    ],
)
def test_the_renderer_may_fetch_nothing_but_our_static_files(url: str) -> None:
    fetcher = pdf.static_only_fetcher()
    with pytest.raises(ValueError, match="load nothing from"):
        fetcher.fetch(url)


def test_our_stylesheets_are_answered_from_the_package() -> None:
    response = pdf.static_only_fetcher().fetch(pdf.STATIC_PREFIX + "print.css?v=1")
    assert response.content_type == "text/css"
    assert b"@page" in response.read()
