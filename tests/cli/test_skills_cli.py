"""`careerplan skills link`: one text for people, or a JSONL stream for scripts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from careerplan.cli.main import app


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["skills", "link", *args], input=input, env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_a_text_gives_a_table_of_skills() -> None:
    code, out, _ = run("SQL experience is a plus but not required", "-n", "3")
    assert code == 0
    assert "SQL" in out
    assert "score" in out


def test_json_lists_label_uri_and_score() -> None:
    code, out, _ = run("Solid understanding of Angular", "--json")
    assert code == 0
    found = json.loads(out)
    assert len(found) == 10
    assert set(found[0]) == {"label", "uri", "score"}
    assert found[0]["label"] == "Angular"


def test_jsonl_answers_every_line_in_order_and_carries_on_after_a_bad_one(tmp_path: Path) -> None:
    source = tmp_path / "lines.jsonl"
    source.write_bytes(
        b'{"text": "Experience with Java", "id": "a"}\n'
        b"not json\n"
        b'{"text": ""}\n'
        b'{"text": 7}\n'
        b"\xff\xfe\n"
        b'["text"]\n'
        b'{"text": "Knowledge of CSS and JavaScript"}\n'
    )
    code, out, _ = run("--jsonl", str(source))
    assert code == 0
    answers = lines(out)
    assert [a["line"] for a in answers] == [1, 2, 3, 4, 5, 6, 7]
    first, last = answers[0], answers[-1]
    assert first["id"] == "a"
    assert first["text"] == "Experience with Java"
    assert len(first["skills"]) >= 10
    assert first["skills"][0]["label"] == "Java (computer programming)"
    assert {"CSS", "JavaScript"} <= {s["label"] for s in last["skills"][:3]}
    errors = [a["error"] for a in answers[1:6]]
    assert errors[0].startswith("The line is not valid JSON")
    assert "empty" in errors[1]
    assert errors[2] == "`text` is not a string."
    assert errors[3] == "The line is not valid UTF-8."
    assert errors[4] == "The line must be a JSON object with `text`."


def test_jsonl_reads_standard_input() -> None:
    code, out, _ = run("--jsonl", "-", input='{"text": "Python scripting"}\n')
    assert code == 0
    assert lines(out)[0]["skills"][0]["label"] == "Python (computer programming)"


def test_text_and_jsonl_together_or_neither_are_refused(tmp_path: Path) -> None:
    assert run()[0] == 2
    code, _, err = run("SQL", "--jsonl", str(tmp_path / "x.jsonl"))
    assert code == 2
    assert "either a text or --jsonl" in err


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("--jsonl", str(tmp_path / "missing.jsonl"))
    assert code == 2
    assert "Cannot read" in err
