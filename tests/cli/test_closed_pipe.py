"""A reader that stops early (`careerplan ... | head`) ends the command quietly, not as a bug."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli.fixed_clock_cli import command, environment


def test_a_closed_pipe_is_not_an_internal_error(tmp_path: Path) -> None:
    goals = "".join(
        json.dumps({"id": n, "text": f"Publish {n} articles by June 2027"}) + "\n"
        for n in range(400)
    )
    process = subprocess.Popen(
        command("smart", "check", "--jsonl", "-"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment({"CAREERPLAN_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}),
    )
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.write(goals.encode())
    process.stdin.close()
    first = process.stdout.readline()
    process.stdout.close()  # like `head -1`: read one line, then go away
    assert process.stderr is not None
    stderr = process.stderr.read().decode()
    process.stderr.close()
    process.wait(timeout=60)
    assert json.loads(first)["id"] == 0
    assert "Internal error" not in stderr
    assert "Traceback" not in stderr
    assert process.returncode == 0
