"""The S.M.A.R.T. check through the API, relative to the app's clock."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_it_checks_a_goal_relative_to_today(client: TestClient) -> None:
    response = client.post("/api/v1/smart/check", json={"text": "Pass the PMP exam by Q3 2027"})
    assert response.status_code == 200
    report = response.json()
    assert (report["deadline"], report["time_bound"]) == ("2027-09-30", True)
    assert set(report["criteria"]) == {
        "specific",
        "measurable",
        "attainable",
        "relevant",
        "time_bound",
    }


def test_it_reads_next_month_from_the_given_day(client: TestClient) -> None:
    report = client.post(
        "/api/v1/smart/check",
        json={"text": "Finish the PMP course by the end of next month", "today": "2027-01-10"},
    ).json()
    assert report["deadline"] == "2027-02-28"


@pytest.mark.parametrize(
    "body",
    [{"text": ""}, {"text": "x" * 10_001}, {"text": "Pass", "hours_per_week": 0}, {"goal": "x"}],
)
def test_a_bad_check_request_is_a_422_problem(client: TestClient, body: dict[str, object]) -> None:
    response = client.post("/api/v1/smart/check", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_it_uses_the_plans_hours_a_week_as_adding_a_goal_does(
    client: TestClient, story: object
) -> None:
    goal = "Earn an ADN by March 2030"
    checked = client.post("/api/v1/smart/check", json={"text": goal}).json()
    assert checked["attainable"] is False
    assert "at 5 hours a week" in checked["criteria"]["attainable"]["reason"]
    faster = client.post("/api/v1/smart/check", json={"text": goal, "hours_per_week": 40}).json()
    assert faster["attainable"] is True
