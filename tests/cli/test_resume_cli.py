"""`careerplan resume read FILE`: what is read from a résumé file, before anything is kept."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner
from weasyprint import HTML

from careerplan.cli.main import app
from careerplan.services.documents import MAX_BYTES

HTML_RESUME = """<html><body><h1>Sam Lee</h1><h2>Skills</h2><ul><li>Python</li><li>SQL</li>
</ul><h2>Experience</h2><p>Analyst, Acme (2020 - 2024)</p></body></html>"""


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["resume", "read", *args], input=input, env={"COLUMNS": "120"})
    return result.exit_code, result.stdout, result.stderr


def test_a_pdf_resume_is_read_into_sections_and_skills(tmp_path: Path) -> None:
    file = tmp_path / "cv.pdf"
    file.write_bytes(HTML(string=HTML_RESUME).write_pdf())
    code, out, _ = run(str(file), "--json")
    assert code == 0
    found = json.loads(out)
    assert (found["kind"], found["pages"]) == ("pdf", 1)
    assert [s["heading"] for s in found["sections"]] == ["", "Skills", "Experience"]
    shown = {s["label"]: s["line"] for s in found["skills"]}
    assert shown["Python (computer programming)"] == "Python"
    assert shown["SQL"] == "SQL"


def test_text_from_standard_input_prints_skills_with_their_lines() -> None:
    code, out, _ = run("-", input=b"Skills\n- SQL\n")
    assert code == 0
    assert "Read as TEXT." in out
    assert "SQL  ← SQL" in out


def test_a_missing_file_and_a_file_over_the_limit_are_refused(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope.pdf"))
    assert code == 2
    assert "Cannot read" in err
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    code, _, err = run(str(big))
    assert code == 2
    assert "the limit is 10 MB" in err


def test_a_resume_that_names_no_skill_says_how_to_list_them() -> None:
    code, out, _ = run("-", input=b"I have worked hard all my life.\n")
    assert code == 0
    assert "No ESCO skill is named" in out
