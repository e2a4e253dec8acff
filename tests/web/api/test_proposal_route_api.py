"""The route in the proposal API: `GET /api/v1/plan/proposal` carries the gates to the dream job,
and accepting goals due after the target date asks what to do before anything is saved."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace
from tests.web.pages.helpers import snapshot

NURSE = "29-1141.00"
SALES = "41-4012.00"
LPN = "29-2061.00"
NURSING_ASSISTANTS = "31-1131.00"
TARGET = date(2028, 6, 30)
ASK_AGAIN = 'Send them again with "late": "move-target", "shorten" or "keep".'


def spoken(day: date) -> str:
    """A date as the proposal's words write it: "30 June 2028"."""
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def nurse(client: TestClient) -> TestClient:
    """Sam, a sales representative with a high school diploma and 6 hours a week, whose dream
    job is registered nurse by 30 June 2028: too soon for the whole route, so its last goals
    fall after the target date. Set up through the API, as a script would."""
    created = client.post(
        "/api/v1/plan",
        json={
            "name": "Sam",
            "current_job_title": "Sales representative",
            "hours_per_week": 6,
            "education": "high school",
            "vision": {"dream_job_title": "Registered nurse", "target_date": TARGET.isoformat()},
        },
    )
    assert created.status_code == 201, created.text
    plan = created.json()
    vision = client.patch(
        "/api/v1/vision",
        json={"version": plan["vision"]["version"], "dream_occupation_code": NURSE},
    )
    assert vision.status_code == 200, vision.text
    profile = client.patch(
        "/api/v1/profile",
        json={"version": plan["profile"]["version"], "current_occupation_code": SALES},
    )
    assert profile.status_code == 200, profile.text
    return client


def proposal(client: TestClient) -> dict[str, Any]:
    response = client.get("/api/v1/plan/proposal")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def late_and_on_time(body: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The proposed goals due after the target date, and those due by it."""
    goals = body["goals"]
    late = [goal for goal in goals if date.fromisoformat(goal["due"]) > TARGET]
    on_time = [goal for goal in goals if date.fromisoformat(goal["due"]) <= TARGET]
    assert len(late) >= 2, [(goal["number"], goal["due"]) for goal in goals]
    assert on_time, [(goal["number"], goal["due"]) for goal in goals]
    return late, on_time


def profile_version(client: TestClient) -> int:
    version: int = client.get("/api/v1/profile").json()["version"]
    return version


def test_the_proposal_carries_the_route_to_the_dream_job(nurse: TestClient) -> None:
    body = proposal(nurse)
    route = body["route"]
    assert route["target"] == {"code": NURSE, "title": "Registered Nurses"}
    gates = route["gates"]
    assert [(gate["kind"], gate["name"]) for gate in gates] == [
        ("programme", "Associate Degree in Nursing (ADN)"),
        ("exam", "NCLEX-RN"),
        ("licence", "Registered nurse (RN) licence"),
        ("entry job", "Apply for Registered Nurses roles"),
    ]
    programme, exam, licence, entry = gates
    # 6 hours a week cannot carry the ADN part time: it is sized at its full-time length.
    assert programme["months"] == 24
    assert programme["varies_by_state"] is True
    assert programme["cost"].startswith("$6,000-$120,000 (")
    assert any(
        option.startswith("Bachelor of Science in Nursing (BSN) (4 years full time")
        for option in programme["options"]
    ), programme["options"]
    assert (exam["months"], exam["cost"], exam["varies_by_state"]) == (2, "$200", False)
    assert "National Council of State Boards of Nursing" in exam["why"]
    assert (licence["months"], licence["varies_by_state"]) == (1, True)
    assert "passing the NCLEX-RN" in licence["why"]
    assert (entry["months"], entry["options"], entry["cost"]) == (None, [], "")
    assert route["months"] == sum(gate["months"] or 0 for gate in gates)
    stones = [stone["code"] for stone in route["stepping_stones"]]
    assert stones[:2] == [NURSING_ASSISTANTS, LPN]
    assert all(stone["why"] for stone in route["stepping_stones"])
    assert route["hours_problem"] == (
        "Associate Degree in Nursing (ADN) takes about 26.7 hours a week part time "
        "(40 full time); 6 hours a week cannot carry it."
    )
    assert route["hours_options"][0] == "Give it 26.7 hours a week: 3 years part time."
    assert "NCSBN: NCLEX-RN examination" in route["sources"]


def test_the_goals_follow_the_route_in_its_order(nurse: TestClient) -> None:
    goals = proposal(nurse)["goals"]

    def due_of(words: str) -> str:
        (due,) = [goal["due"] for goal in goals if words in goal["text"]]
        return str(due)

    enrol = due_of("Enrol in the Associate Degree in Nursing (ADN)")
    complete = due_of("Complete the Associate Degree in Nursing (ADN)")
    exam = due_of("Pass the NCLEX-RN")
    licence = due_of("Get my Registered nurse (RN) licence")
    assert enrol < complete < exam < licence


def test_the_route_starts_from_the_education_in_the_profile(nurse: TestClient) -> None:
    changed = nurse.patch(
        "/api/v1/profile", json={"version": profile_version(nurse), "education": "bachelor's"}
    )
    assert changed.status_code == 200, changed.text
    gates = proposal(nurse)["route"]["gates"]
    assert [gate["kind"] for gate in gates] == [
        "prerequisite",
        "programme",
        "exam",
        "licence",
        "entry job",
    ]
    assert gates[0]["name"].startswith(
        "Complete the admission requirements for Accelerated BSN (ABSN): anatomy and physiology"
    )
    assert (gates[1]["name"], gates[1]["months"]) == ("Accelerated BSN (ABSN)", 16)
    assert any(
        option.startswith("Associate Degree in Nursing (ADN)") for option in gates[1]["options"]
    ), gates[1]["options"]


def test_in_the_dream_occupation_already_only_the_move_into_the_role_is_left(
    nurse: TestClient,
) -> None:
    changed = nurse.patch(
        "/api/v1/profile",
        json={"version": profile_version(nurse), "current_occupation_code": NURSE},
    )
    assert changed.status_code == 200, changed.text
    route = proposal(nurse)["route"]
    assert [(gate["kind"], gate["name"]) for gate in route["gates"]] == [
        ("entry job", "Apply for Registered Nurses roles")
    ]
    assert route["stepping_stones"] == []


def test_late_goals_are_refused_and_listed_until_the_person_chooses(
    nurse: TestClient, workspace: Workspace
) -> None:
    late, _ = late_and_on_time(proposal(nurse))
    asked = late[:2]
    before = snapshot(workspace)
    response = nurse.post(
        "/api/v1/plan/proposal/accept", json={"goals": [str(goal["number"]) for goal in asked]}
    )
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    listed = ", ".join(
        f"{goal['number']} (due {spoken(date.fromisoformat(goal['due']))})" for goal in asked
    )
    latest = max(date.fromisoformat(goal["due"]) for goal in asked)
    problem = response.json()
    assert problem["detail"] == (
        f"Proposed goals {listed} would be due after your target date, 30 June 2028: move the "
        f"target date to {spoken(latest)}, end them by the target date instead, or keep them as "
        f"proposed. {ASK_AGAIN}"
    )
    assert problem["hint"] == {
        "remedy": "choose_for_late_goals",
        "subject": " ".join(str(goal["number"]) for goal in asked),
        "text": ASK_AGAIN,
    }
    assert snapshot(workspace) == before
    assert [goal["accepted_goal_id"] for goal in proposal(nurse)["goals"]] == [None] * len(
        proposal(nurse)["goals"]
    )


def test_one_late_goal_is_named_in_the_singular(nurse: TestClient) -> None:
    late, _ = late_and_on_time(proposal(nurse))
    response = nurse.post("/api/v1/plan/proposal/accept", json={"goals": [late[0]["key"]]})
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert detail.startswith(f"Proposed goal {late[0]['number']} (due ")
    assert "end it by the target date instead, or keep it as proposed." in detail


def test_a_late_goal_among_others_holds_back_all_of_them(
    nurse: TestClient, workspace: Workspace
) -> None:
    late, on_time = late_and_on_time(proposal(nurse))
    before = snapshot(workspace)
    response = nurse.post(
        "/api/v1/plan/proposal/accept", json={"goals": [on_time[0]["key"], late[0]["key"]]}
    )
    assert response.status_code == 409
    assert response.json()["hint"]["remedy"] == "choose_for_late_goals"
    # The goal due in time is not added on its own either.
    assert snapshot(workspace) == before


def test_goals_due_by_the_target_date_are_added_without_a_question(nurse: TestClient) -> None:
    _, on_time = late_and_on_time(proposal(nurse))
    response = nurse.post(
        "/api/v1/plan/proposal/accept", json={"goals": [goal["key"] for goal in on_time]}
    )
    assert response.status_code == 201, response.text
    assert [item["number"] for item in response.json()] == [goal["number"] for goal in on_time]
    assert nurse.get("/api/v1/vision").json()["target_date"] == TARGET.isoformat()


def test_an_answer_that_is_not_a_choice_is_invalid_and_saves_nothing(
    nurse: TestClient, workspace: Workspace
) -> None:
    late, _ = late_and_on_time(proposal(nurse))
    before = snapshot(workspace)
    response = nurse.post(
        "/api/v1/plan/proposal/accept", json={"goals": [late[0]["key"]], "late": "later"}
    )
    assert response.status_code == 422
    assert "late" in response.text
    assert snapshot(workspace) == before


def _accept(client: TestClient, goals: list[dict[str, Any]], late: str) -> dict[int, Any]:
    """Accept `goals` with the answer `late`; the plan's goals they became, by proposed number."""
    response = client.post(
        "/api/v1/plan/proposal/accept",
        json={"goals": [goal["key"] for goal in goals], "late": late},
    )
    assert response.status_code == 201, response.text
    accepted = response.json()
    assert [item["number"] for item in accepted] == [goal["number"] for goal in goals]
    return {
        item["number"]: {
            **client.get(f"/api/v1/goals/{item['goal_id']}").json(),
            "warnings": item["warnings"],
        }
        for item in accepted
    }


def test_move_target_moves_the_target_date_to_the_last_late_goal(nurse: TestClient) -> None:
    late, on_time = late_and_on_time(proposal(nurse))
    chosen = [on_time[0], *late[:2]]
    added = _accept(nurse, chosen, "move-target")
    latest = max(goal["due"] for goal in late[:2])
    assert nurse.get("/api/v1/vision").json()["target_date"] == latest
    # The dream job's goal follows the vision's date.
    assert nurse.get("/api/v1/goals/1").json()["due"] == latest
    for goal in chosen:
        saved = added[goal["number"]]
        assert (saved["text"], saved["due"], saved["parent_id"]) == (goal["text"], goal["due"], 1)
        assert not [w for w in saved["warnings"] if "target date" in w], saved["warnings"]
    accepted = {goal["key"]: goal["accepted_goal_id"] for goal in proposal(nurse)["goals"]}
    assert {goal["key"]: accepted.get(goal["key"]) for goal in chosen} == {
        goal["key"]: added[goal["number"]]["id"] for goal in chosen
    }


def test_shorten_ends_the_late_goals_by_the_target_date(nurse: TestClient) -> None:
    late, on_time = late_and_on_time(proposal(nurse))
    chosen = [on_time[0], *late[:2]]
    added = _accept(nurse, chosen, "shorten")
    assert nurse.get("/api/v1/vision").json()["target_date"] == TARGET.isoformat()
    kept = added[on_time[0]["number"]]
    assert (kept["text"], kept["due"]) == (on_time[0]["text"], on_time[0]["due"])
    for goal in late[:2]:
        saved = added[goal["number"]]
        old = spoken(date.fromisoformat(goal["due"]))
        # The words carry the date too, so both move.
        assert old in goal["text"]
        assert saved["text"] == goal["text"].replace(old, "30 June 2028")
        assert saved["due"] == TARGET.isoformat()
        # Due within two years of today (25 Nov 2026) now, so on that horizon.
        assert (goal["horizon"], saved["horizon"]) == (None, "2y")
        assert saved["warnings"] == []
    assert (
        proposal(nurse)["goals"][late[0]["number"] - 1]["accepted_goal_id"]
        == (added[late[0]["number"]]["id"])
    )


def test_keep_adds_the_late_goals_as_proposed_and_says_they_are_late(nurse: TestClient) -> None:
    late, _ = late_and_on_time(proposal(nurse))
    added = _accept(nurse, late[:2], "keep")
    assert nurse.get("/api/v1/vision").json()["target_date"] == TARGET.isoformat()
    for goal in late[:2]:
        saved = added[goal["number"]]
        assert (saved["text"], saved["due"]) == (goal["text"], goal["due"])
        assert (
            f"It is due {goal['due']}, after the dream job's target date 2028-06-30."
            in saved["warnings"]
        )


def test_shortened_goals_have_no_first_action_due_after_them(nurse: TestClient) -> None:
    late, _ = late_and_on_time(proposal(nurse))
    added = _accept(nurse, late, "shorten")
    for goal in added.values():
        actions = nurse.get("/api/v1/actions", params={"goal_id": goal["id"]}).json()
        assert actions
        late_actions = [a for a in actions if a["due"] is not None and a["due"] > goal["due"]]
        assert late_actions == [], (goal["text"], late_actions)
        # A date in an action's words moves with the goal too ("... until 31 October 2029").
        assert not any("2029" in a["text"] for a in actions), actions
