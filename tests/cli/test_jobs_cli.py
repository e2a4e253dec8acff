"""`careerplan jobs fit --jsonl`: postings and résumés scored in bulk, a bad line answered with
an error while the rest carry on."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from careerplan.cli.main import app

POSTING = "Requirements\n- SQL\n- 2 years as a data analyst\n"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["jobs", "fit", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def test_every_line_gets_its_fit_in_order(tmp_path: Path) -> None:
    source = tmp_path / "pairs.jsonl"
    lines = [
        {"posting": POSTING, "resume": "Skills\n- SQL\nData Analyst (2020 - 2023)", "id": 1},
        {"posting": POSTING, "resume": "Skills\n- Excel\nData Analyst (2022 - 2023)"},
    ]
    source.write_text(
        "\n".join(
            [json.dumps(lines[0]), "{", json.dumps({"posting": POSTING}), json.dumps(lines[1])]
        )
        + "\n"
    )
    code, out, _ = run("--jsonl", str(source))
    assert code == 0
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["line"] for a in answers] == [1, 2, 3, 4]
    good, bad = answers[0], answers[3]
    assert good["id"] == 1
    assert good["qualified"] == 100
    assert good["toward_dream"] is None
    assert good["missing"] == []
    assert good["deal_breakers"] == []
    assert bad["missing"] == ["SQL", "2 years as data analyst (the résumé shows 1)"]
    assert bad["deal_breakers"] == ["SQL", "2 years as a data analyst"]
    assert bad["qualified"] < 60
    assert answers[1]["error"].startswith("The line is not valid JSON")
    assert answers[2]["error"] == "`resume` is missing."


def test_standard_input_and_a_missing_option() -> None:
    pair = json.dumps({"posting": POSTING, "resume": "SQL"})
    code, out, _ = run("--jsonl", "-", input=pair + "\n")
    assert code == 0
    assert json.loads(out)["requirements"][0] == {
        "text": "SQL", "kind": "skill", "must": True, "met": True, "why": "",
    }  # fmt: skip
    assert run()[0] == 2


def test_a_posting_page_and_a_resume_file_are_compared_for_people(tmp_path: Path) -> None:
    posting = tmp_path / "job.html"
    posting.write_text(
        "<html><body><h2>Requirements</h2><ul><li>SQL</li><li>Tableau is a plus</li>"
        "<li>2 years as a data analyst</li></ul><script>track()</script></body></html>"
    )
    resume = tmp_path / "cv.md"
    resume.write_text("## Skills\n- SQL\n## Experience\n- Data analyst (2020 - 2021)\n")
    code, out, _ = run("--posting", str(posting), "--resume", str(resume))
    assert code == 0
    # SQL met (2 of 5), Tableau not (0 of 1), one of the two years (half of the most a
    # requirement not met earns: 0.5 of 2 × 0.5), scaled below 60 for the deal-breaker.
    assert "Qualified: 30/100 (not qualified yet)." in out
    assert "✓ SQL" in out
    assert "· Tableau is a plus (nice to have)" in out
    assert "✗ 2 years as a data analyst" in out
    assert "gaps to close: Tableau; 2 years as data analyst (the résumé shows 1)." in " ".join(
        out.split()
    )
    code, out, _ = run("--posting", str(posting), "--resume", str(resume), "--json")
    assert json.loads(out)["qualified"] == 30


def test_the_pair_options_are_checked(tmp_path: Path) -> None:
    code, _, err = run("--posting", str(tmp_path / "job.txt"))
    assert code == 2
    assert "Give --posting FILE and --resume FILE" in err
    code, _, err = run("--posting", "-", "--resume", "-")
    assert code == 2
    assert "Only one of --posting and --resume" in err
    code, _, err = run("--jsonl", "-", "--posting", "x")
    assert code == 2
