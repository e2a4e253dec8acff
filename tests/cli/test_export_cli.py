"""`careerplan export --format markdown|ics|pdf|card`, each read back with a real reader."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from markdown_it import MarkdownIt
from tests.cli.conftest import Invoke
from tests.exports.readers import pdf_text

from careerplan.services.workspace import Workspace


def headings(markdown: str) -> list[str]:
    tokens = MarkdownIt().parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


@pytest.mark.parametrize(
    "args", [("export",), ("export", "--format", "markdown"), ("export", "-f", "MARKDOWN")]
)
def test_markdown_goes_to_standard_output(
    cli: Invoke, story: Workspace, args: tuple[str, ...]
) -> None:
    ran = cli(*args)
    assert (ran.exit_code, ran.stderr) == (0, "")
    found = headings(ran.stdout)
    assert found[0] == "Career plan of Ana"
    assert "Complete my PMP certification within the next 12 months" in found


def test_the_calendar_goes_to_standard_output_and_keeps_its_uids(
    cli: Invoke, story: Workspace
) -> None:
    first = cli("export", "--format", "ics")
    assert first.exit_code == 0
    cli("goal", "add", "Give a talk at a meetup", "--due", "2027-04-01")
    second = cli("export", "--format", "ics")

    def uids(text: str) -> set[str]:
        calendar = icalendar.Calendar.from_ical(text)
        return {str(event["UID"]) for event in calendar.walk("VEVENT")}

    with story.unit() as uow:
        added = f"goal-{uow.goals.get(4).uid}@careerplan"
    assert uids(second.stdout) == uids(first.stdout) | {added}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pdf", "Obtain a management position leading a team of at least 5 people"),
        ("card", "I will be COO of a startup by 2031."),
    ],
)
def test_a_pdf_is_written_to_the_named_file(
    cli: Invoke, story: Workspace, tmp_path: Path, name: str, expected: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"{name}.pdf"
    ran = cli("export", "--format", name, "--output", str(target))
    assert ran.exit_code == 0
    assert ran.stdout == ""
    assert ran.stderr.startswith(f"Wrote {target} (")
    assert expected in pdf_text(target.read_bytes())
    assert [p.name for p in folder.iterdir()] == [target.name]  # no partial file left behind


def test_a_pdf_with_no_file_named_goes_to_the_current_folder(
    cli: Invoke, story: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    ran = cli("export", "--format", "pdf")
    assert ran.exit_code == 0
    assert ran.stderr.startswith("Wrote careerplan-plan.pdf (")
    assert "Career plan of Ana" in pdf_text((tmp_path / "careerplan-plan.pdf").read_bytes())
    again = cli("export", "--format", "pdf")
    assert again.stderr.startswith("Replaced careerplan-plan.pdf (")


def test_a_dash_as_the_output_means_standard_output(
    cli: Invoke, story: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    ran = cli("export", "--format", "markdown", "--output", "-")
    assert ran.exit_code == 0
    assert headings(ran.stdout)[0] == "Career plan of Ana"
    assert list(folder.iterdir()) == []
    pdf = cli("export", "--format", "pdf", "-o", "-")
    assert pdf.exit_code == 2
    assert "A PDF goes to a file, not to standard output" in pdf.stderr
    assert list(folder.iterdir()) == []


def test_an_unknown_format_is_refused_clearly(cli: Invoke, story: Workspace) -> None:
    ran = cli("export", "--format", "docx")
    assert ran.exit_code == 2
    assert "There is no export format 'docx'. Choose one of: markdown, pdf" in ran.stderr
    assert ran.stdout == ""


def test_a_missing_folder_is_refused_and_nothing_is_written(
    cli: Invoke, story: Workspace, tmp_path: Path
) -> None:
    ran = cli("export", "--format", "pdf", "--output", str(tmp_path / "nope" / "plan.pdf"))
    assert ran.exit_code == 2
    assert "does not exist" in ran.stderr
    assert not (tmp_path / "nope").exists()
