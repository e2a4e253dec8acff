"""`careerplan card`: "What I'm looking for" as text to share, JSON or a PDF, with a hint naming
what it does not say yet."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke
from tests.exports.readers import pdf_text

from careerplan.services.workspace import Workspace


def _said(text: str) -> str:
    return " ".join(text.split())


def _fill(cli: Invoke) -> None:
    ran = cli(
        "vision", "edit", "--target-roles", "Head of Operations, COO",
        "--industry", "Climate tech", "--organisation-type", "Start-up",
        "--organisation-size", "50-200 people", "--culture", "Candid and kind",
        "--location", "Lisboa or remote", "--pay-range", "€90,000-€120,000",
    )  # fmt: skip
    assert (ran.exit_code, ran.stderr) == (0, "")


def test_the_card_is_plain_text_and_the_hint_names_the_empty_lines(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli("card")
    assert ran.exit_code == 0
    assert ran.stdout == (
        "What I'm looking for — Ana\n\n"
        "Roles: COO of a high-tech startup\n\n"
        "If you know someone I should talk to, I would be glad of an introduction.\n"
    )
    hint = _said(ran.stderr)
    assert "The card says nothing yet of: Industries, Organisation, Culture, Location, Pay." in hint
    assert (
        'careerplan vision edit --industry "…" --organisation-type "…" --organisation-size "…" '
        '--culture "…" --location "…" --pay-range "…"'
    ) in hint


def test_a_full_card_with_proven_skills_has_no_hint(cli: Invoke, story: Workspace) -> None:
    _fill(cli)
    cli("skills", "add", "Budgeting", "--level", "5", "--evidence", "job")
    cli("skills", "add", "Juggling", "--level", "7")  # only my word: not on the card
    ran = cli("card")
    assert ran.stderr == ""
    assert ran.stdout.splitlines() == [
        "What I'm looking for — Ana",
        "",
        "Roles: Head of Operations, COO",
        "Industries: Climate tech",
        "Organisation: Start-up, 50-200 people",
        "Culture: Candid and kind",
        "Location: Lisboa or remote",
        "Pay: €90,000-€120,000",
        "",
        "What I bring: Budgeting",
        "",
        "If you know someone I should talk to, I would be glad of an introduction.",
    ]


def test_the_json_of_the_card(cli: Invoke, story: Workspace) -> None:
    cli("vision", "edit", "--pay-range", "£70k")
    data = json.loads(cli("card", "--json").stdout)
    assert data == {
        "name": "Ana",
        "dream_job": "COO of a high-tech startup",
        "roles": "",
        "industry": "",
        "organisation": "",
        "culture": "",
        "location": "",
        "pay_range": "£70k",
        "skills": [],
        "text": data["text"],
        "empty_fields": ["Industries", "Organisation", "Culture", "Location"],
    }
    assert "Pay: £70k" in data["text"]


def test_the_card_as_a_pdf(cli: Invoke, story: Workspace, tmp_path: Path) -> None:
    _fill(cli)
    cli("vision", "edit", "--culture", "<b>not bold</b> & {{ 7 * 7 }}")
    cli("skills", "add", "Budgeting", "--level", "5", "--evidence", "goal")
    target = tmp_path / "card.pdf"
    ran = cli("card", "--pdf", str(target))
    assert ran.exit_code == 0, ran.stderr
    assert ran.stdout == ""
    assert "Wrote" in ran.stderr
    text = pdf_text(target.read_bytes())
    for words in (
        "What I'm looking for",
        "Ana",
        "Roles: Head of Operations, COO",
        "Industries: Climate tech",
        "Organisation: Start-up, 50-200 people",
        "Culture: <b>not bold</b> & {{ 7 * 7 }}",
        "Location: Lisboa or remote",
        "Pay: €90,000-€120,000",
        "What I bring: Budgeting",
        "glad of an introduction",
    ):
        assert words in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".careerplan-")] == []


def test_bad_requests_and_no_plan(cli: Invoke, tmp_path: Path) -> None:
    ran = cli("card")
    assert ran.exit_code == 1
    assert "There is no plan yet." in ran.stderr
    assert "careerplan init" in ran.stderr
    cli("init", "--name", "Bo", "--dream-job", "Pilot")
    assert cli("card", "--json", "--pdf", str(tmp_path / "x.pdf")).exit_code == 2
    ran = cli("card", "--pdf", str(tmp_path / "missing" / "card.pdf"))
    assert ran.exit_code == 2
    assert "does not exist" in ran.stderr


def test_vision_edit_and_init_take_the_cards_fields(cli: Invoke) -> None:
    ran = cli(
        "init", "--name", "Bo", "--dream-job", "Pilot", "--target-roles", "First officer",
        "--organisation-size", "Große Airline", "--pay-range", "¥8m", "--json",
    )  # fmt: skip
    vision = json.loads(ran.stdout)["vision"]
    assert (vision["target_roles"], vision["organisation_size"], vision["pay_range"]) == (
        "First officer",
        "Große Airline",
        "¥8m",
    )
    shown = _said(cli("vision", "show").stdout)
    for words in ("Roles: First officer", "Organisation size: Große Airline", "Pay range: ¥8m"):
        assert words in shown
    cli("vision", "edit", "--pay-range", "¥9m")
    assert "Pay range: ¥9m" in cli("vision", "show").stdout
    ran = cli("vision", "edit", "--pay-range", "x" * 500)
    assert ran.exit_code == 2
