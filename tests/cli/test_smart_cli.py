"""`careerplan smart check`: one goal for people or as JSON, and JSONL streams for scripts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careerplan.cli.main import app
from careerplan.cli.smart import check_line

GOAL = "Pass the AWS Certified Solutions Architect - Associate exam by 15/03/2027."
PARENT = "Become a cloud solutions architect"


@dataclass
class Ran:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines()]


def run(*args: str, input: str | bytes | None = None) -> Ran:
    result = CliRunner().invoke(app, ["smart", "check", *args], input=input, env={"COLUMNS": "100"})
    return Ran(result.exit_code, result.stdout, result.stderr)


def test_it_prints_the_five_letters_reasons_and_schedule() -> None:
    ran = run(GOAL, "--parent", PARENT, "--today", "2026-11-25")
    assert ran.exit_code == 0
    lines = ran.stdout.splitlines()
    assert lines[0] == GOAL
    assert lines[1] == "S.M.A.R.T. SMART  score 5/5"
    assert any(
        line.startswith(" pass  Time-bound  Due 2027-03-15 (“by 15/03/2027”).") for line in lines
    )
    assert "Deadline: 2027-03-15 (period 2027-03-15 to 2027-03-15)" in lines


def test_it_prints_suggestions_and_a_rewrite_for_a_vague_goal() -> None:
    ran = run("Improve my communication skills.", "--today", "2026-11-25")
    assert ran.exit_code == 0
    assert "S.M.A.R.T. sm??t  score 0/5" in ran.stdout
    assert "Suggestions:" in ran.stdout
    text = " ".join(ran.stdout.split())
    assert (
        "Rewrite: Improve my communication skills [what exactly: a named course, project or "
        "document], measured by [number] [what you will count], by [date]."
    ) in text


def test_a_goal_in_another_language_is_named_as_unsupported() -> None:
    ran = run("Je veux améliorer mon anglais.", "--today", "2026-11-25")
    assert ran.exit_code == 0
    assert ran.stdout.splitlines() == [
        "Je veux améliorer mon anglais.",
        "S.M.A.R.T. sm??t  score 0/5",
        "The goal seems to be written in French; only English is analysed.",
        "  • Write the goal in English to have it checked.",
        "S.M.A.R.T.: a capital letter is met, a small letter is not, ? is not judged yet.",
    ]


def test_json_output_has_the_documented_keys() -> None:
    data = run(GOAL, "--parent", PARENT, "--today", "2026-11-25", "--json").json()
    assert {k: data[k] for k in ("specific", "measurable", "attainable", "relevant",
                                 "time_bound", "deadline", "recurrence", "score")} == {
        "specific": True, "measurable": True, "attainable": True, "relevant": True,
        "time_bound": True, "deadline": "2027-03-15", "recurrence": None, "score": 5,
    }  # fmt: skip
    assert data["deadline_window"] == {"start": "2027-03-15", "end": "2027-03-15"}
    assert set(data["criteria"]) == {
        "specific",
        "measurable",
        "attainable",
        "relevant",
        "time_bound",
    }


def test_hours_per_week_change_the_attainable_verdict() -> None:
    goal = "Complete the ITIL 4 Foundation certification by end of this month."
    tight = run(goal, "--today", "2026-11-25", "--json").json()
    roomy = run(goal, "--today", "2026-11-25", "--hours-per-week", "30", "--json").json()
    assert (tight["attainable"], roomy["attainable"]) == (None, True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Give either a goal text or --jsonl FILE"),
        (("x", "--jsonl", "-"), "Give either a goal text or --jsonl FILE"),
        (("x", "--today", "25/11/2026"), "--today must be a date written YYYY-MM-DD"),
        (("x", "--hours-per-week", "0"), "--hours-per-week must be more than 0"),
        (("   ",), "The goal text is empty"),
        (("--jsonl", "missing-file.jsonl"), "Cannot read missing-file.jsonl"),
    ],
)
def test_bad_usage_is_refused_with_exit_code_two(args: tuple[str, ...], message: str) -> None:
    ran = run(*args)
    assert ran.exit_code == 2
    assert message in " ".join(ran.stderr.split())


def test_jsonl_reports_each_line_in_order_and_carries_on_after_bad_ones(tmp_path: Path) -> None:
    source = tmp_path / "goals.jsonl"
    source.write_bytes(
        b'{"id": "a", "text": "Read 20 novels in 2027.", "reference_date": "2026-11-25"}\n'
        b"not json\n"
        b'{"text": 5}\n'
        b"\xff\xfe\n"
        b'{"id": 7, "parent_goal": "Become a nurse manager"}\n'
        b'["text"]\n'
        b'{"text": "Go to the gym twice a week.", "parent_goal": 3}\n'
        b'{"text": "Call a mentor every Monday.", "reference_date": "soon"}\n'
        b"\n"
        b'{"text": "Run weekly 1:1s with my direct reports", '
        b'"parent_goal": "Become an engineering manager"}\n'
    )
    lines = run("--jsonl", str(source)).lines()
    assert [line.get("error") for line in lines] == [
        None,
        "The line is not valid JSON: Expecting value.",
        "`text` is not a string.",
        "The line is not valid UTF-8.",
        "`text` is missing.",
        "The line must be a JSON object with `text`.",
        "`parent_goal` must be a string or null.",
        "`reference_date` must be a date written YYYY-MM-DD, not 'soon'.",
        "The line is empty; expected a JSON object with `text`.",
        None,
    ]
    assert [line["line"] for line in lines] == list(range(1, 11))
    assert (lines[0]["id"], lines[0]["deadline"]) == ("a", "2027-12-31")
    assert lines[4]["id"] == 7
    assert (lines[9]["recurrence"], lines[9]["relevant"]) == ("FREQ=WEEKLY", True)


def test_jsonl_accepts_windows_line_ends_and_a_byte_order_mark(tmp_path: Path) -> None:
    source = tmp_path / "goals.jsonl"
    source.write_bytes(
        b'\xef\xbb\xbf{"text": "Pass the PMP exam by Q3 2027."}\r\n'
        b'{"text": "Read 2 books in 2027."}\r\n'
    )
    lines = run("--jsonl", str(source), "--today", "2026-11-25").lines()
    assert [line["deadline"] for line in lines] == ["2027-09-30", "2027-12-31"]


def test_jsonl_reads_standard_input_with_a_dash() -> None:
    ran = run(
        "--jsonl", "-", "--today", "2026-11-25", input='{"text": "Pass the PMP exam by Q3 2027."}\n'
    )
    assert ran.exit_code == 0
    assert [line["deadline"] for line in ran.lines()] == ["2027-09-30"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(
    st.binary(max_size=60),
    st.text(max_size=60).map(lambda t: t.encode()),
    st.builds(lambda t: json.dumps({"text": t}).encode(), st.text(max_size=80)),
    st.builds(lambda v: json.dumps({"text": v}).encode(),
              st.one_of(st.integers(), st.none(), st.booleans(), st.lists(st.integers()))),
), max_size=8))  # fmt: skip
def test_any_jsonl_line_gets_a_report_or_an_error_object(lines: list[bytes]) -> None:
    from datetime import date

    for number, raw in enumerate(lines, start=1):
        single = raw.split(b"\n")[0]
        out = check_line(single, number, date(2026, 11, 25))
        assert out["line"] == number
        assert ("error" in out) != ("score" in out)


def test_a_long_text_is_echoed_by_its_start_and_the_cut_is_said() -> None:
    long = "Pass the PMP exam by June 2027 " + "and more details " * 600
    ran = run(long, "--today", "2026-11-25")
    assert ran.exit_code == 0
    first = ran.stdout.split("S.M.A.R.T.")[0]
    said = " ".join(first.split())
    assert f"(the first 300 of {len(long.strip()):,} characters; a goal holds up to 1,000" in said
    assert len(first) < 1_000
