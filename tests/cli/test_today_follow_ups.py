"""`careerplan today` lists the follow-ups of open applications beside the goals and actions due,
and says the same read through the quick SQLite reader as through a unit of work."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.cli.conftest import Invoke
from tests.services.follow_up_plan import add_applications

from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.storage.quick_read import QuickReader


def test_today_lists_overdue_and_this_weeks_follow_ups(
    cli: Invoke, story: Workspace, clock: FixedClock
) -> None:
    ids = add_applications(story, clock)
    lines = cli("today").stdout.splitlines()
    overdue, this_week = lines.index("Overdue"), lines.index("Due this week")
    assert lines[overdue + 1 : this_week] == [
        f"  application {ids['Head of Operations']}: Follow up: Head of Operations at Fintech "
        "Ltd (due 2026-11-20)"
    ]
    assert lines[this_week + 1 : this_week + 3] == [
        f"  application {ids['COO']}: Follow up: COO at Acme «Labs» (due 2026-11-27)",
        f"  application {ids['Chief of Staff']}: Follow up: Chief of Staff (due 2026-12-01)",
    ]
    assert not any("VP Operations" in line or "Operations Lead" in line for line in lines)


def _json_today(cli: Invoke) -> Any:
    ran = cli("today", "--json")
    assert ran.exit_code == 0, ran.stderr
    return json.loads(ran.stdout)


def test_today_json_through_the_quick_reader_and_a_unit_of_work_agree(
    cli: Invoke,
    story: Workspace,
    clock: FixedClock,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = add_applications(story, clock)
    opened: list[bool] = []
    real_open = QuickReader.open

    def watched(cls: type[QuickReader], *args: Any) -> QuickReader | None:
        found = real_open(*args)
        opened.append(found is not None)
        return found

    monkeypatch.setattr(QuickReader, "open", classmethod(watched))
    quick = _json_today(cli)
    assert opened == ([True] if settings.is_sqlite else [])
    monkeypatch.setattr(QuickReader, "open", classmethod(lambda cls, *args: None))
    full = _json_today(cli)
    assert quick == full
    assert quick["follow_ups"]["overdue"] == [
        {
            "id": ids["Head of Operations"],
            "text": "Follow up: Head of Operations at Fintech Ltd",
            "title": "Head of Operations",
            "organisation": "Fintech Ltd",
            "stage": "applied",
            "follow_up": "2026-11-20",
        }
    ]
    assert [item["title"] for item in quick["follow_ups"]["this_week"]] == [
        "COO",
        "Chief of Staff",
    ]
    # The goals' and actions' keys are as they were.
    assert quick["overdue"] == {"goals": [], "actions": []}
