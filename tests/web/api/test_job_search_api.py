"""Skills in a line, and a résumé against a posting, through the API: nothing saved."""

from __future__ import annotations

from fastapi.testclient import TestClient

POSTING = "Requirements\n- SQL\n- 2 years as a data analyst\nNice to have\n- Tableau\n"


def test_a_line_is_linked_to_esco_skills(client: TestClient) -> None:
    response = client.post("/api/v1/skills/link", json={"text": "Experience with Java", "limit": 3})
    assert response.status_code == 200
    skills = response.json()["skills"]
    assert len(skills) == 3
    assert skills[0]["label"] == "Java (computer programming)"
    assert skills[0]["uri"].startswith("http://data.europa.eu/esco/skill/")


def test_a_resume_is_measured_against_a_posting(client: TestClient) -> None:
    resume = "Skills\n- Excel\nExperience\n- Data Analyst, Acme (2023 - 2024)\n"
    found = client.post("/api/v1/jobs/fit", json={"posting": POSTING, "resume": resume}).json()
    assert found["toward_dream"] is None
    assert found["deal_breakers"] == ["SQL", "2 years as a data analyst"]
    assert found["missing"] == ["SQL", "2 years as data analyst (the résumé shows 1)", "Tableau"]
    assert [r["must"] for r in found["requirements"]] == [True, True, False]
    # Only the part of the experience shown earns anything: 1 of 2 years, half-weighted.
    assert found["qualified"] == 6


def test_bad_bodies_are_refused_with_a_problem(client: TestClient) -> None:
    for path, body in [
        ("/api/v1/skills/link", {"text": ""}),
        ("/api/v1/skills/link", {"text": "SQL", "limit": 0}),
        ("/api/v1/skills/link", {"text": 5}),
        ("/api/v1/jobs/fit", {"posting": POSTING}),
        ("/api/v1/jobs/fit", {"posting": POSTING, "resume": "x" * 100_001}),
        ("/api/v1/jobs/fit", {"posting": "We are friendly.", "resume": "SQL"}),
    ]:
        response = client.post(path, json=body)
        assert response.status_code == 422, (path, body)
        assert response.headers["content-type"] == "application/problem+json"


def test_a_cross_site_request_is_refused(client: TestClient) -> None:
    response = client.post(
        "/api/v1/jobs/fit",
        json={"posting": POSTING, "resume": "SQL"},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403


def test_with_a_dream_job_in_the_plan_the_posting_lands_in_a_quadrant(client: TestClient) -> None:
    plan = {
        "name": "Rosa",
        "current_job_title": "Cashier",
        "vision": {"dream_job_title": "Registered nurse", "dream_occupation_code": "29-1141.00"},
    }
    assert client.post("/api/v1/plan", json=plan).status_code == 201
    posting = "Job title\nLicensed Practical Nurse\nRequirements\n- First aid\n"
    found = client.post(
        "/api/v1/jobs/fit", json={"posting": posting, "resume": "Skills\n- First aid\n"}
    ).json()
    assert found["qualified"] == 100
    assert found["job"] == {
        "code": "29-2061.00",
        "title": "Licensed Practical and Licensed Vocational Nurses",
    }
    assert 50 <= found["toward_dream"] < 100
    assert found["quadrant"].startswith("sweet spot")
