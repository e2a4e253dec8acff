from __future__ import annotations

import pytest
from tests.catalog.cli_runner import run


def test_search_prints_json_with_code_title_matched_title_and_score() -> None:
    ran = run("occupations", "search", "Sr. SWE II", "--limit", "3", "--json")
    assert ran.exit_code == 0
    hits = ran.json()
    assert len(hits) == 3
    assert hits[0] == {
        "code": "15-1252.00",
        "title": "Software Developers",
        "matched_title": "Software Engineer",
        "score": 1.0,
    }


def test_search_prints_a_table_by_default() -> None:
    ran = run("occupations", "search", "sofware developer", "--limit", "2")
    assert ran.exit_code == 0
    assert "15-1252.00" in ran.stdout
    assert "Software Developers" in ran.stdout


def test_search_without_matches_says_so() -> None:
    ran = run("occupations", "search", "qqqq zzzzzz")
    assert ran.exit_code == 0
    assert "No occupation matches 'qqqq zzzzzz'" in ran.stdout


def test_show_prints_the_occupation_page() -> None:
    ran = run("occupations", "show", "29-1141.00")
    assert ran.exit_code == 0
    for text in ("Registered Nurses (29-1141.00)", "Tasks", "Wages: median $97,550", "Outlook"):
        assert text in ran.stdout


def test_show_prints_json() -> None:
    data = run("occupations", "show", "15-1252", "--json").json()
    assert data["code"] == "15-1252.00"
    assert data["wages"]["median"] == 135980
    assert {"tasks", "skills", "knowledge", "abilities", "technology", "related"} <= set(data)


@pytest.mark.parametrize(
    ("code", "exit_code", "message"),
    [
        ("15-1259.00", 1, "Nearest codes: 15-125"),
        ("nurse", 2, "is not an occupation code"),
    ],
)
def test_show_refuses_unknown_and_malformed_codes(code: str, exit_code: int, message: str) -> None:
    ran = run("occupations", "show", code)
    assert ran.exit_code == exit_code
    assert message in ran.stderr
