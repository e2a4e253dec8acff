"""The written plan, the printed plan and the spreadsheet show the progress the dashboard shows:
a goal with nothing measured takes the estimate of the latest review that covers it."""

from __future__ import annotations

import csv
import io
from datetime import date

from careerplan.domain.entities import Horizon, Measure, Review, ReviewCadence, ReviewEntry
from careerplan.exports import markdown, pdf, spreadsheet
from careerplan.exports.snapshot import PlanSnapshot
from tests.exports.plans import EXPORTED_AT, SCHEMA_REVISION, TODAY, goal
from tests.exports.readers import pdf_text


def _reviewed_plan() -> PlanSnapshot:
    return PlanSnapshot(
        exported_at=EXPORTED_AT,
        schema_revision=SCHEMA_REVISION,
        today=TODAY,
        owner_id=1,
        goals=[
            goal(1, "Work as a data scientist", Horizon.LONG, due=date(2029, 6, 30)),
            goal(2, "Finish the statistics course", Horizon.SIX_MONTHS, 1, date(2027, 3, 31)),
            goal(
                3,
                "Meet 6 data scientists by 2027-05-31",
                Horizon.TWELVE_MONTHS,
                1,
                date(2027, 5, 31),
                measure=Measure("conversations", target=6),
            ),
        ],
        reviews=[
            # Listed newest first, as nothing promises their order: the later review counts.
            Review(
                date(2026, 11, 22),
                ReviewCadence.WEEKLY,
                entries=[ReviewEntry(2, progress=40, id=3), ReviewEntry(3, progress=50, id=4)],
                id=2,
            ),
            Review(
                date(2026, 11, 15),
                ReviewCadence.WEEKLY,
                entries=[ReviewEntry(2, progress=10, id=1), ReviewEntry(3, progress=0, id=2)],
                id=1,
            ),
        ],
    )


def test_the_markdown_shows_the_latest_review_estimates() -> None:
    text = markdown.render(_reviewed_plan()).decode("utf-8")
    assert "- Status: active, 40% done" in text  # goal 2: no measure, no sub-goals
    assert "- Status: active, 50% done" in text  # goal 3: its measure has nothing recorded
    assert "- Status: active, 45% done" in text  # the dream job: the mean of the two


def test_the_spreadsheet_shows_the_latest_review_estimates() -> None:
    data = spreadsheet.render(_reviewed_plan()).decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(data)) if row["type"] == "goal"}
    assert {ident: row["progress_percent"] for ident, row in rows.items()} == {
        "1": "45",
        "2": "40",
        "3": "50",
    }


def test_the_printed_plan_shows_the_latest_review_estimates() -> None:
    text = pdf_text(pdf.render_plan(_reviewed_plan()))
    assert "active, 40% done" in text
    assert "active, 50% done" in text
