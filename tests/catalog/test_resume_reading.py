"""A résumé's sections, and the ESCO skills it shows with the line that shows each."""

from __future__ import annotations

import pytest

from careerplan.catalog import Catalog
from careerplan.catalog.resume import read_resume
from careerplan.domain.errors import InvalidInput

RESUME = """Jane Doe

Skills
- Python
- R
- Data visualisation

Experience
- Data Analyst, Acme (2019 - present): ran the R and D budget reviews, wrote SQL reports
"""


def test_skills_are_shown_with_their_lines_and_sections(catalog: Catalog) -> None:
    reading = read_resume(RESUME, catalog)
    found = {s.label: (s.line, s.section) for s in reading.skills}
    assert found["Python (computer programming)"] == ("Python", "Skills")
    assert found["R"] == ("R", "Skills")
    assert found["SQL"][1] == "Experience"
    assert found["SQL"][0].endswith("wrote SQL reports")
    assert [s.kind for s in reading.sections] == ["other", "skills", "experience"]


def test_a_one_letter_name_outside_a_skills_section_is_not_a_skill(catalog: Catalog) -> None:
    reading = read_resume(RESUME.replace("- R\n", ""), catalog)
    assert "R" not in {s.label for s in reading.skills}  # "R and D" in the experience


def test_a_skills_item_that_names_no_label_is_linked_when_clear(catalog: Catalog) -> None:
    reading = read_resume(RESUME, catalog)
    assert any(s.line == "Data visualisation" for s in reading.skills)


def test_an_empty_resume_is_refused(catalog: Catalog) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        read_resume(" \n", catalog)
