"""`careerplan jobs fit` with a plan: how far the posting's job goes toward the dream job."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace


def test_a_posting_is_placed_between_today_and_the_dream_job(
    cli: Invoke, story: Workspace, tmp_path: Path
) -> None:
    assert cli("explore", "current", "41-2011.00").exit_code == 0  # a cashier today
    assert cli("explore", "choose", "29-1141.00").exit_code == 0  # a registered nurse one day
    posting = tmp_path / "job.txt"
    posting.write_text("Job title: Licensed Practical Nurse\nRequirements\n- First aid\n")
    resume = tmp_path / "cv.txt"
    resume.write_text("Skills\n- First aid\n")
    ran = cli("jobs", "fit", "--posting", str(posting), "--resume", str(resume))
    assert ran.exit_code == 0, ran.stderr
    said = " ".join(ran.stdout.split())
    assert "Qualified: 100/100 (qualified now)." in said
    assert "read as Licensed Practical and Licensed Vocational Nurses (29-2061.00)" in said
    assert "A sweet spot: qualified now, and it builds toward the dream job." in said
    found = json.loads(cli("jobs", "fit", "--posting", str(posting), "--resume", str(resume),
                           "--json").stdout)  # fmt: skip
    assert found["job"]["code"] == "29-2061.00"
    assert found["toward_dream"] == 80


def test_without_a_plan_nothing_is_created(cli: Invoke, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"posting": "Requirements\n- SQL", "resume": "SQL"}) + "\n")
    found = json.loads(cli("jobs", "fit", "--jsonl", str(pairs)).stdout)
    assert (found["toward_dream"], found["job"], found["quadrant"]) == (None, None, None)
    assert cli("vision", "show").exit_code != 0  # still no plan
