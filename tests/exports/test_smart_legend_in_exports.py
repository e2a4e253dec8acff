"""Every export writes the S.M.A.R.T. letters in the one notation and explains them with the same
legend, so a printed or exported plan reads without colour."""

from __future__ import annotations

from careerplan.exports import ical, markdown, pdf, spreadsheet
from tests.exports import plans
from tests.exports.readers import pdf_text

LEGEND = "S.M.A.R.T.: a capital letter is met, a small letter is not, ? is not judged yet."


def test_the_markdown_says_the_legend_once_above_the_goals() -> None:
    text = markdown.render(plans.ana()).decode()
    assert text.count(LEGEND) == 1
    assert "## Goals\n\n" + LEGEND + "\n\n### " in text
    assert "- S.M.A.R.T.: SmA?t" in text  # Learn Spanish: the failing letters are small


def test_the_markdown_of_a_plan_without_goals_has_no_legend() -> None:
    text = markdown.render(plans.ana(goals=[], actions=[], resources=[], reviews=[])).decode()
    assert LEGEND not in text


def test_a_calendar_event_carries_the_legend_under_its_letters() -> None:
    text = ical.render(plans.ana()).decode()
    unfolded = text.replace("\r\n ", "")
    assert "S.M.A.R.T.: SMA?T\\n" + LEGEND.replace(",", "\\,") in unfolded


def test_the_spreadsheet_writes_the_same_letters() -> None:
    rows = {
        row["text"]: row["smart"] for row in spreadsheet.rows(plans.ana()) if row["type"] == "goal"
    }
    assert rows["Learn Spanish"] == "SmA?t"
    assert rows["Complete my PMP certification within the next 12 months"] == "SMA?T"


def test_the_printed_plan_says_the_same_legend() -> None:
    text = " ".join(pdf_text(pdf.render_plan(plans.ana())).split())
    assert text.count(LEGEND) == 1
    assert "Learn Spanish S.M.A.R.T. SmA?t" in text
