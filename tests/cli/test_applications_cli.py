"""`careerplan resume import|show` and `careerplan jobs add|list|show|move|edit|remove`: the
résumés kept and the applications tracked, each scored against them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke
from tests.conftest import TODAY

from careerplan.services.workspace import Workspace

RESUME = """Ana Lima
Skills
- SQL
- Python
Experience
Data analyst (2020 - 2023)
"""
POSTING = """Data Analyst
Requirements
- SQL
- Tableau
- Power BI
- 2 years as a data analyst
Preferred
- Python is a plus
"""


def _said(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    resume = tmp_path / "cv.md"
    resume.write_text(RESUME, encoding="utf-8")
    posting = tmp_path / "job.txt"
    posting.write_text(POSTING, encoding="utf-8")
    return {"resume": resume, "posting": posting}


def _applications(cli: Invoke) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads(cli("jobs", "list", "--json").stdout)
    return data


# Résumés -----------------------------------------------------------------------------------------


def test_a_resume_imported_is_kept_and_its_skills_wait_to_be_confirmed(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    ran = cli("resume", "import", str(files["resume"]))
    assert (ran.exit_code, ran.stderr) == (0, "")
    said = _said(ran.stdout)
    assert said.startswith("Kept résumé 1: cv.md (read as TEXT).")
    assert "Sections: (top) (1), Skills (2), Experience (1)" in said
    assert "SQL ← SQL" in said
    assert "Python (computer programming) ← Python" in said
    assert "Added 2 to your skills to confirm" in said
    skills = json.loads(cli("skills", "list", "--json").stdout)
    assert [(s["label"], s["evidence"], s["shown_by"], s["confirmed"]) for s in skills] == [
        ("SQL", "resume", "SQL", False),
        ("Python (computer programming)", "resume", "Python", False),
    ]
    again = json.loads(cli("resume", "import", str(files["resume"]), "--json").stdout)
    assert again["resume"] == {
        "id": 2,
        "name": "cv.md",
        "imported_at": again["resume"]["imported_at"],
    }
    assert (again["kind"], again["pages"], again["added"]) == ("text", None, [])
    assert [s["label"] for s in again["skills"]] == ["SQL", "Python (computer programming)"]
    assert "(2 already in your skills)" in _said(
        cli("resume", "import", str(files["resume"])).stdout
    )


def test_resume_show_prints_the_latest_and_lists_them_all(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    ran = cli("resume", "show")
    assert ran.exit_code == 0
    assert "No résumé kept yet" in ran.stdout
    assert json.loads(cli("resume", "show", "--json").stdout) == {"resume": None, "resumes": []}
    cli("resume", "import", str(files["resume"]))
    cli("resume", "import", "-", "--name", "Ünïcode CV", input=b"Skills\n- Tableau\n")
    ran = cli("resume", "show")
    assert ran.stdout.startswith(f"Résumé 2: Ünïcode CV, imported {TODAY.isoformat()}\n")
    assert "- Tableau" in ran.stdout
    assert "Kept résumés (2):" in ran.stdout
    shown = json.loads(cli("resume", "show", "1", "--json").stdout)
    assert shown["resume"]["text"] == RESUME.strip()
    assert [(r["id"], r["name"]) for r in shown["resumes"]] == [(1, "cv.md"), (2, "Ünïcode CV")]
    assert "text" not in shown["resumes"][0]
    ran = cli("resume", "show", "7")
    assert ran.exit_code == 1
    assert "No résumé with id 7." in ran.stderr


def test_an_empty_or_huge_resume_is_refused_and_nothing_is_kept(
    cli: Invoke, story: Workspace, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    ran = cli("resume", "import", str(empty))
    assert ran.exit_code == 2
    assert "is empty" in ran.stderr
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    ran = cli("resume", "import", str(huge))
    assert ran.exit_code == 2
    assert "50.0 MB; the limit is 10 MB" in ran.stderr
    assert cli("resume", "import", str(tmp_path / "nope.pdf")).exit_code == 2
    assert json.loads(cli("resume", "show", "--json").stdout)["resumes"] == []


# Adding and scoring -----------------------------------------------------------------------------


def test_a_posting_saved_is_scored_three_ways(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    cli("resume", "import", str(files["resume"]))
    cli("skills", "add", "Tableau", "--shown-by", "Built the churn dashboards")
    ran = cli("jobs", "add", str(files["posting"]), "--organisation", "Acme")
    assert (ran.exit_code, ran.stderr) == (0, "")
    said = _said(ran.stdout)
    assert said.startswith("Saved application 1: Data Analyst at Acme (saved).")
    assert "Qualified now: " in said
    assert "not yet (60 is qualified)" in said
    assert "your plan names no dream occupation" in said
    assert (
        "Your résumé shows: ✓ SQL ← SQL ✓ 2 years as a data analyst ← Data analyst (2020 - 2023) "
        "✓ Python is a plus ← Python"
    ) in said
    assert (
        "You have it: show it on your résumé, in the posting's words: + Tableau ← add a line "
        "such as: Tableau: Built the churn dashboards"
    ) in said
    assert "The real gaps: ✗ Power BI (must-have)" in said
    assert "keeps the score below 60" in said


def test_the_json_of_a_saved_posting(cli: Invoke, story: Workspace, files: dict[str, Path]) -> None:
    cli("resume", "import", str(files["resume"]))
    cli("skills", "add", "Tableau")
    data = json.loads(cli("jobs", "add", str(files["posting"]), "--json").stdout)
    assert set(data) == {
        "id", "title", "organisation", "occupation_code", "resume_id", "stage", "follow_up",
        "applied_on", "notes", "history", "contacts", "created_at", "updated_at", "version",
        "posting", "scores", "qualified_now", "tailoring", "unscored",
    }  # fmt: skip
    assert (data["id"], data["title"], data["stage"], data["resume_id"]) == (
        1,
        "Data Analyst",
        "saved",
        1,
    )
    assert data["history"] == [{"stage": "saved", "on": TODAY.isoformat(), "note": ""}]
    assert data["unscored"] is None
    assert data["qualified_now"] is False
    fit = data["scores"]
    assert 0 <= fit["qualified"] < 60
    assert (fit["toward_dream"], fit["job"], fit["quadrant"]) == (None, None, None)
    by_status = {
        status: [row["requirement"] for row in data["tailoring"] if row["status"] == status]
        for status in ("shown", "show", "gap")
    }
    assert by_status == {
        "shown": ["SQL", "2 years as a data analyst", "Python is a plus"],
        "show": ["Tableau"],
        "gap": ["Power BI"],
    }
    assert data["tailoring"][1] == {
        "requirement": "Tableau", "must": True, "status": "show", "line": "Tableau",
        "skill": "Tableau",
    }  # fmt: skip
    assert fit["deal_breakers"] == ["Power BI"]
    assert [r["text"] for r in fit["requirements"]][:2] == ["SQL", "Tableau"]


def test_toward_the_dream_job_and_the_quadrant_once_the_plan_names_one(
    cli: Invoke, story: Workspace, tmp_path: Path
) -> None:
    assert cli("explore", "current", "41-2011.00").exit_code == 0
    assert cli("explore", "choose", "29-1141.00").exit_code == 0
    cli("resume", "import", "-", input=b"Skills\n- First aid\n")
    posting = tmp_path / "nurse.txt"
    posting.write_text("Job title: Licensed Practical Nurse\nRequirements\n- First aid\n")
    ran = cli("jobs", "add", str(posting))
    said = _said(ran.stdout)
    assert "Qualified now: 100/100, yes." in said
    assert "Toward your dream job: 80/100 (the job read as Licensed Practical" in said
    assert "Quadrant: sweet spot: qualified now, and it builds toward the dream job." in said
    row = _applications(cli)[0]
    assert row["scores"]["toward_dream"] == 80  # type: ignore[index]
    assert "80" in cli("jobs", "list").stdout


def test_without_a_resume_or_skills_it_is_saved_and_says_how_to_score_it(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    ran = cli("jobs", "add", str(files["posting"]))
    assert ran.exit_code == 0
    assert "Not scored yet." in ran.stdout
    assert "careerplan resume import FILE" in _said(ran.stdout)
    (row,) = _applications(cli)
    assert row["scores"] is None
    assert "résumé" in str(row["unscored"])
    assert "—" in cli("jobs", "list").stdout


def test_a_posting_without_requirements_is_saved_unscored(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    cli("resume", "import", str(files["resume"]))
    ran = cli("jobs", "add", "-", input="Barista\nWe are a friendly café.\n".encode())
    assert ran.exit_code == 0
    assert "Not scored yet. No requirements were found in the posting" in _said(ran.stdout)


def test_a_posting_from_a_web_page_and_from_standard_input(
    cli: Invoke, story: Workspace, tmp_path: Path
) -> None:
    cli("resume", "import", "-", input=b"Skills\n- SQL\n")
    page = tmp_path / "job.html"
    page.write_text(
        "<html><body><h1>Data Engineer</h1><h2>Requirements</h2><ul><li>SQL</li></ul>"
        "<script>track()</script></body></html>"
    )
    first = json.loads(cli("jobs", "add", str(page), "--json").stdout)
    assert first["title"] == "Data Engineer"
    assert "track()" not in first["posting"]
    second = json.loads(
        cli(
            "jobs", "add", "-", "--title", "Ingénieure données",
            "--organisation", "Société Générale", "--json", input=b"Requirements\n- SQL\n",
        ).stdout
    )  # fmt: skip
    assert (second["title"], second["organisation"]) == ("Ingénieure données", "Société Générale")
    assert second["scores"]["qualified"] == 100
    listed = _said(cli("jobs", "list").stdout)
    assert "Ingénieure données" in listed
    assert "100 yes" in listed


def test_bad_postings_are_refused_and_nothing_is_saved(
    cli: Invoke, story: Workspace, tmp_path: Path, files: dict[str, Path]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    ran = cli("jobs", "add", str(empty))
    assert (ran.exit_code, "is empty" in ran.stderr) == (2, True)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    ran = cli("jobs", "add", str(huge))
    assert ran.exit_code == 2
    assert "the limit is 10 MB" in ran.stderr
    untitled = tmp_path / "untitled.txt"
    untitled.write_text("Requirements\n- SQL\n")
    ran = cli("jobs", "add", str(untitled))
    assert ran.exit_code == 2
    assert "does not start with a job title. Give one with `careerplan jobs add FILE --title" in (
        ran.stderr
    )
    ran = cli("jobs", "add", str(files["posting"]), "--stage", "ghosted")
    assert ran.exit_code == 2
    assert _said(ran.stderr) == (
        "Error: 'ghosted' is not a stage. Use one of: saved, applied, no-response, response, "
        "interviewing, offer, accepted, rejected, withdrawn, expired."
    )
    ran = cli("jobs", "add", str(files["posting"]), "--contact", "42")
    assert ran.exit_code == 1
    assert "No resource with id 42" in ran.stderr
    cli("resource", "add", "course", "SQL for analysts")
    ran = cli("jobs", "add", str(files["posting"]), "--contact", "1")
    assert ran.exit_code == 2
    assert "not a person" in ran.stderr
    assert _applications(cli) == []


# Listing, showing, moving, editing ------------------------------------------------------------


def test_list_is_empty_then_filters_by_stage(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    ran = cli("jobs", "list")
    assert ran.exit_code == 0
    assert "No applications yet." in ran.stdout
    assert _applications(cli) == []
    cli("jobs", "add", str(files["posting"]), "--organisation", "Acme")
    cli("jobs", "add", str(files["posting"]), "--stage", "No Response", "--organisation", "Beta")
    listed = _said(cli("jobs", "list").stdout)
    for words in ("Acme", "Beta", "no response"):
        assert words in listed
    only = json.loads(cli("jobs", "list", "--stage", "no-response", "--json").stdout)
    assert [(a["id"], a["stage"]) for a in only] == [(2, "no-response")]
    assert "posting" not in only[0]
    assert "No applications at the stage offer" in cli("jobs", "list", "--stage", "offer").stdout
    assert cli("jobs", "list", "--stage", "nope").exit_code == 2


def test_moving_dates_the_history_and_sets_the_follow_up(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    cli("jobs", "add", str(files["posting"]))
    # Sent before it was saved here: dated when it was sent, with the follow-up a week on.
    ran = cli("jobs", "move", "1", "applied", "--on", "2026-11-10", "--note", "Sent by email")
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert _said(ran.stdout) == (
        "Application 1 (Data Analyst) moved to applied on 2026-11-10. Follow up on 2026-11-17."
    )
    assert "2026-11-17 (due)" in cli("jobs", "list").stdout
    ran = cli("jobs", "move", "1", "interviewing", "--on", "2026-11-20")
    assert "Follow up on 2026-11-17." in ran.stdout
    ran = cli("jobs", "move", "1", "response", "--on", "2026-11-15")
    assert ran.exit_code == 2
    assert "cannot be dated before it" in ran.stderr
    ran = cli("jobs", "move", "1", "offer", "--on", "2026-11-26")
    assert ran.exit_code == 2
    assert "2026-11-26 is after today" in ran.stderr
    ran = cli("jobs", "move", "1", "rejected")
    assert "No follow-up: it has ended." in ran.stdout
    ran = cli("jobs", "move", "1", "hired")
    assert ran.exit_code == 2
    assert "Use one of: saved, applied" in ran.stderr
    shown = json.loads(cli("jobs", "show", "1", "--json").stdout)
    assert shown["history"] == [
        {"stage": "saved", "on": "2026-11-25", "note": ""},
        {"stage": "applied", "on": "2026-11-10", "note": "Sent by email"},
        {"stage": "interviewing", "on": "2026-11-20", "note": ""},
        {"stage": "rejected", "on": "2026-11-25", "note": ""},
    ]
    assert (shown["stage"], shown["follow_up"], shown["applied_on"]) == (
        "rejected",
        None,
        "2026-11-10",
    )


def test_a_follow_up_that_is_due_is_marked(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    cli("jobs", "add", str(files["posting"]), "--stage", "applied")
    assert "2026-12-02" in cli("jobs", "list").stdout
    cli("jobs", "edit", "1", "--follow-up", "2026-11-20")
    assert "2026-11-20 (due)" in cli("jobs", "list").stdout


def test_show_has_everything_with_contacts_by_name(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    cli("resume", "import", str(files["resume"]))
    cli("resource", "add", "person", "Zoë Ng", "--contact", "zoe@example.org")
    cli("jobs", "add", str(files["posting"]), "--contact", "1", "--notes", "Ask Zoë first")
    ran = cli("jobs", "show", "1")
    assert (ran.exit_code, ran.stderr) == (0, "")
    said = _said(ran.stdout)
    data = json.loads(cli("jobs", "show", "1", "--json").stdout)
    assert data["occupation_code"] is not None
    for words in (
        "Application 1: Data Analyst (saved)",
        f"Occupation: {data['occupation_code']}",
        "Résumé: 1 (cv.md)",
        "Contacts: Zoë Ng (1)",
        "Notes: Ask Zoë first",
        "Version: 1",
        f"History: {TODAY.isoformat()} saved",
        "Qualified now:",
        "✗ Power BI (must-have)",
        "Posting: Data Analyst Requirements - SQL",
    ):
        assert words in said
    assert data["contacts"] == [{"id": 1, "name": "Zoë Ng"}]
    assert data["posting"] == POSTING.strip()
    why = {r["text"]: r["why"] for r in data["scores"]["requirements"]}
    assert why["Power BI"] == "Power BI"
    ran = cli("jobs", "show", "9")
    assert ran.exit_code == 1
    assert "No application with id 9." in ran.stderr


def test_edit_changes_what_it_is_given_and_refuses_nothing_to_change(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    cli("resource", "add", "person", "Sam")
    cli("resource", "add", "person", "Kit")
    cli("jobs", "add", str(files["posting"]), "--contact", "1")
    ran = cli(
        "jobs", "edit", "1", "--follow-up", "2026-12-10", "--notes", "Call on Monday",
        "--title", "Senior Data Analyst", "--organisation", "Acme — Paris", "--contact", "2",
        "--contact", "1",
    )  # fmt: skip
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert _said(ran.stdout) == (
        "Application 1 (Senior Data Analyst) updated. Follow up on 2026-12-10."
    )
    data = json.loads(cli("jobs", "show", "1", "--json").stdout)
    assert (data["title"], data["organisation"], data["notes"], data["follow_up"]) == (
        "Senior Data Analyst",
        "Acme — Paris",
        "Call on Monday",
        "2026-12-10",
    )
    assert [c["name"] for c in data["contacts"]] == ["Kit", "Sam"]
    ran = cli("jobs", "edit", "1", "--no-follow-up", "--no-contacts", "--json")
    edited = json.loads(ran.stdout)
    assert (edited["follow_up"], edited["contacts"]) == (None, [])
    assert "No follow-up set" in cli("jobs", "edit", "1", "--notes", "").stdout
    for args in (
        (),
        ("--follow-up", "2026-12-10", "--no-follow-up"),
        ("--follow-up", "someday"),
        ("--title", "   "),
    ):
        ran = cli("jobs", "edit", "1", *args)
        assert ran.exit_code == 2, args
    ran = cli("jobs", "edit", "1", "--notes", "x", "--if-version", "1")
    assert ran.exit_code == 1
    assert "changed by someone else" in ran.stderr
    assert json.loads(cli("jobs", "show", "1", "--json").stdout)["title"] == "Senior Data Analyst"


def test_remove_and_unknown_ids(cli: Invoke, story: Workspace, files: dict[str, Path]) -> None:
    cli("jobs", "add", str(files["posting"]), "--organisation", "Acme")
    ran = cli("jobs", "remove", "1")
    assert ran.stdout == "Removed application 1: Data Analyst at Acme (saved).\n"
    for args in (("remove", "1"), ("move", "1", "applied"), ("edit", "1", "--notes", "x")):
        ran = cli("jobs", *args)
        assert ran.exit_code == 1, args
        assert "No application with id 1." in ran.stderr
    assert _applications(cli) == []


def test_applying_counts_toward_a_goal_of_applying(
    cli: Invoke, story: Workspace, files: dict[str, Path]
) -> None:
    cli("goal", "add", "Send 10 applications", "--parent", "2", "--metric", "applications sent",
        "--target", "10")  # fmt: skip
    cli("jobs", "add", str(files["posting"]))
    cli("jobs", "move", "1", "applied")
    goal = json.loads(cli("goal", "show", "4", "--json").stdout)
    assert goal["measure"]["current"] == 1.0


def test_the_resume_against_the_dream_job_on_the_command_line(
    cli: Invoke, story: Workspace
) -> None:
    assert cli("resume", "dream").exit_code == 1
    assert cli("explore", "choose", "29-1141.00").exit_code == 0
    cli("resume", "import", "-", input=b"Skills\n- Active listening\n- Implement nursing care\n")
    ran = cli("resume", "dream")
    said = _said(ran.stdout)
    assert "What your résumé proves: ✓ Active Listening ← Active listening" in said
    assert "✓ implement nursing care (ESCO) ← Implement nursing care" in said
    assert "✗ Psychology: level 6 asked" in said
    added = cli("resume", "dream", "--add-goal", "Psychology", "--json")
    assert added.exit_code == 0, added.stderr
    data = json.loads(added.stdout)
    assert data["added_goal"] is not None
    gap = next(n for n in data["gaps"] if n["name"] == "Psychology")
    assert gap["planned"] is True
    twice = cli("resume", "dream", "--add-goal", "Psychology")
    assert twice.exit_code == 2
    assert "already a goal in your plan" in twice.stderr
