"""Two real processes edit the same goal from the same version: one wins, the other is refused
with exit 1, and the winner's edit is what the database holds. Both read the suite's fixed clock."""

from __future__ import annotations

import json
import os
import subprocess

from tests.cli.fixed_clock_cli import command, environment

from careerplan.config import Settings
from careerplan.services.workspace import Workspace

STALE = "was changed by someone else (you edited version 1, it is now version 2)"


def _env(settings: Settings) -> dict[str, str]:
    return environment(
        {
            **os.environ,
            "CAREERPLAN_DATABASE_URL": settings.database_url,
            "CAREERPLAN_DATA_DIR": str(settings.data_dir),
            "COLUMNS": "120",
        }
    )


def _edit(settings: Settings, text: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command("goal", "edit", "3", "--text", text, "--if-version", "1"),
        env=_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stored_text(settings: Settings) -> tuple[str, int]:
    shown = subprocess.run(
        command("goal", "show", "3", "--json"),
        env=_env(settings),
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(shown.stdout)
    return data["text"], data["version"]


def test_the_second_process_is_refused_and_the_first_edit_is_kept(
    story: Workspace, settings: Settings
) -> None:
    first = _edit(settings, "Pass the PMP exam by June")
    first_out, first_err = first.communicate(timeout=60)
    second = _edit(settings, "Pass the PMP exam by May")
    second_out, second_err = second.communicate(timeout=60)
    assert (first.returncode, first_err) == (0, "")
    assert first_out.splitlines()[:2] == [
        "Saved goal 3: Pass the PMP exam by June, due 2027-06-30",
        "Note: Due date 2027-06-30 taken from the goal's words.",
    ]
    assert (second.returncode, second_out) == (1, "")
    assert STALE in second_err
    assert "Traceback" not in second_err
    assert _stored_text(settings) == ("Pass the PMP exam by June", 2)


def test_two_processes_racing_cannot_both_win(story: Workspace, settings: Settings) -> None:
    texts = ["Edit from process A", "Edit from process B"]
    running = [_edit(settings, text) for text in texts]
    outputs = [p.communicate(timeout=60) for p in running]
    results = [(p.returncode, out, err) for p, (out, err) in zip(running, outputs, strict=True)]
    codes = sorted(code for code, _out, _err in results)
    assert codes == [0, 1]
    winner = next(text for text, (code, _o, _e) in zip(texts, results, strict=True) if code == 0)
    loser_err = next(err for code, _out, err in results if code == 1)
    assert STALE in loser_err
    assert _stored_text(settings) == (winner, 2)
