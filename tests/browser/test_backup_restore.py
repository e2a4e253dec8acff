"""Back up and restore in a real browser: download the plan from the backup page, let the plan
move on, then restore the file with "replace": the preview says what would go, the confirm
brings the plan back as it was in the file."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from careerplan.config import Settings
from careerplan.domain.entities import Horizon
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.vision import init_plan
from careerplan.services.workspace import Workspace, open_workspace
from tests.browser.fixed_clock import NOW, TODAY

pytestmark = pytest.mark.browser

Shot = Callable[[Page, str], Path]
PMP = "Complete my PMP certification within the next 12 months"
LATER_GOAL = "Speak at 2 product meetups by June 2027"


def _live_database(folder: Path) -> Workspace:
    """The live server's own database (a SQLite file in its data folder)."""
    data = folder / "data"
    return open_workspace(
        Settings(data_dir=data, database_url=f"sqlite:///{data / 'careerplan.sqlite3'}")
    )


def test_a_backup_downloaded_from_the_page_is_restored_over_the_plan_with_replace(
    page: Page, screenshot: Shot, tmp_path: Path
) -> None:
    clock = FixedClock(NOW)
    workspace = _live_database(tmp_path)
    try:
        with workspace.unit() as uow:
            init_plan(
                uow, clock, name="Ana", current_job_title="Product manager", hours_per_week=5,
                dream_job_title="COO of a high-tech startup",
                vision_fields={"target_date": TODAY + timedelta(days=1500)},
            )  # fmt: skip
            add_goal(uow, clock, text=PMP, parent_id=1, horizon=Horizon.TWELVE_MONTHS)

        page.goto("/")
        page.get_by_role("contentinfo").get_by_role("link", name="back up and restore").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Back up and restore")
        with page.expect_download() as downloading:
            page.get_by_role("link", name="Download a backup").click()
        backup = tmp_path / "backup.json"
        downloading.value.save_as(backup)
        assert json.loads(backup.read_bytes())["format"] == "careerplan-backup"

        # The plan moves on after the backup: a goal that the restore will take away again.
        with workspace.unit() as uow:
            add_goal(uow, clock, text=LATER_GOAL, parent_id=1, horizon=Horizon.TWO_YEARS)

        page.get_by_label("Backup file").set_input_files(backup)
        page.get_by_label("Replace this plan with the backup").check()
        page.get_by_role("button", name="Preview the restore").click()
        expect(page.get_by_role("heading", name="Preview: nothing has changed yet")).to_be_visible()
        goals = page.get_by_role("row", name="goals")
        expect(goals.get_by_role("cell")).to_have_text(["2", "2", "3", "0"])
        screenshot(page, "preview")
        with workspace.unit() as uow:
            assert len(uow.goals.all()) == 3  # the preview changed nothing

        page.get_by_role("button", name="Replace my plan with this backup").click()
        expect(page.get_by_role("heading", level=2)).to_have_text(
            "Your plan was replaced with the backup"
        )
        expect(page.get_by_role("row", name="goals").get_by_role("cell")).to_have_text(
            ["2", "2", "3", "0"]
        )
        screenshot(page, "restored")

        page.get_by_role("link", name="See your plan on the dashboard").click()
        expect(page.get_by_text(PMP).first).to_be_visible()
        expect(page.get_by_text(LATER_GOAL)).to_have_count(0)
        with workspace.unit() as uow:
            assert sorted(goal.text for goal in uow.goals.all()) == [
                PMP,
                "Work as COO of a high-tech startup",
            ]
    finally:
        workspace.close()
