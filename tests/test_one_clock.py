"""One seam for time: only `services/clock.py` reads the wall clock. Everything else, code and
tests alike, is given a clock (the web app's, the command line's `context.clock()`, a service's
parameter), so the suite passes on any day and under a clock a year ahead."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEAM = ROOT / "src" / "careerplan" / "services" / "clock.py"
# Calls that read the calendar or the wall clock. Timers (perf_counter, monotonic) measure
# durations, not dates, and are allowed.
WALL_CLOCK = {
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("func", "now"),
    ("func", "current_date"),
    ("func", "current_timestamp"),
}


def wall_clock_reads(source: str) -> list[str]:
    """Each `owner.attribute(...)` call of WALL_CLOCK in `source`, as `owner.attribute:line`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
        if (name, node.func.attr) in WALL_CLOCK:
            found.append(f"{name}.{node.func.attr}:{node.lineno}")
    return found


@pytest.mark.parametrize(
    ("source", "reads"),
    [
        ("datetime.now(UTC)", ["datetime.now:1"]),
        ("x = 1\ndate.today()", ["date.today:2"]),
        ("datetime.datetime.now()", ["datetime.now:1"]),
        ("sqlalchemy.func.now()", ["func.now:1"]),
        ("time.perf_counter()", []),
        ("clock.today()", []),
    ],
)
def test_the_scan_finds_wall_clock_calls(source: str, reads: list[str]) -> None:
    assert wall_clock_reads(source) == reads


def test_only_the_clock_seam_reads_the_wall_clock() -> None:
    files = [
        path
        for folder in ("src", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != SEAM and path != Path(__file__).resolve()
    ]
    assert len(files) > 200, "the sources were not found"
    offenders = [
        f"{path.relative_to(ROOT)}: {read}"
        for path in files
        for read in wall_clock_reads(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert wall_clock_reads(SEAM.read_text(encoding="utf-8")) != []
