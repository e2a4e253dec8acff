from __future__ import annotations

from tests.catalog.cli_runner import run


def test_about_credits_onet_the_interest_profiler_bls_and_the_entry_gates() -> None:
    ran = run("about")
    assert ran.exit_code == 0
    text = " ".join(ran.stdout.split())
    assert "O*NET 30.1 Database" in text
    assert "CC BY 4.0" in text
    assert "USDOL/ETA has not approved, endorsed, or tested these modifications" in text
    assert "Interest Profiler" in text
    assert "Source: U.S. Bureau of Labor Statistics" in text
    assert "Entry gates: careerplan's curated table of US licences" in text


def test_about_prints_json() -> None:
    data = run("about", "--json").json()
    assert list(data["notices"]) == [
        "onet",
        "modified",
        "interest_profiler",
        "bls",
        "esco",
        "gates",
    ]
