"""The job search's records through the API: skills, résumés, applications and the card, on
both databases; bad files and stale versions refused, nothing half-saved."""

from __future__ import annotations

import io
import zipfile

import pytest
from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace
from tests.web.pages.helpers import snapshot

RESUME = """Ana Lima
Product manager

Experience
Product manager, Acme (2019-2026)
- Led a team of 6 engineers and designers
- Wrote SQL reports on churn

Skills
Python
Project management
"""

POSTING = """Operations Manager
Requirements
- SQL
- Budgeting
- 3 years of experience as a product manager
Nice to have
- Tableau
"""


def _import(client: TestClient) -> dict[str, object]:
    response = client.post("/api/v1/resumes", json={"name": "Ana 2026", "text": RESUME})
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def test_skills_are_added_listed_changed_on_their_version_and_removed(
    client: TestClient, story: Workspace
) -> None:
    created = client.post(
        "/api/v1/skills", json={"label": "Budgeting", "level": 4, "shown_by": "Ran the budget"}
    )
    assert created.status_code == 201, created.text
    skill = created.json()
    assert created.headers["location"] == f"/api/v1/skills/{skill['id']}"
    assert (skill["label"], skill["level"], skill["confirmed"], skill["evidence"]) == (
        "Budgeting",
        4,
        True,
        "said",
    )
    assert skill["level_words"] == "4 · handle most situations well"
    twice = client.post("/api/v1/skills", json={"label": "budgeting "})
    assert twice.status_code == 422
    assert f"PATCH /api/v1/skills/{skill['id']}" in twice.json()["detail"]
    assert "careerplan" not in twice.json()["detail"]

    path = f"/api/v1/skills/{skill['id']}"
    changed = client.patch(path, json={"version": 1, "level": None, "evidence": "job"})
    assert changed.status_code == 200
    assert (changed.json()["level"], changed.json()["version"]) == (None, 2)
    stale = client.patch(path, json={"version": 1, "level": 6})
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert [s["label"] for s in client.get("/api/v1/skills").json()] == ["Budgeting"]
    assert client.delete(path, params={"version": 1}).status_code == 409
    assert client.delete(path, params={"version": 2}).status_code == 204
    assert client.patch(path, json={"version": 2}).status_code == 404
    assert client.get("/api/v1/skills").json() == []


@pytest.mark.parametrize(
    "body",
    [{"label": "SQL", "level": 8}, {"label": "SQL", "level": "4"}, {"label": ""}, {"x": 1}],
)
def test_a_bad_skill_is_a_422(client: TestClient, story: Workspace, body: object) -> None:
    response = client.post("/api/v1/skills", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_seeding_from_the_job_adds_skills_to_confirm(client: TestClient, story: Workspace) -> None:
    seeded = client.post("/api/v1/skills/seed", json={"from": "job"})
    assert seeded.status_code == 200, seeded.text
    added = seeded.json()["added"]
    assert len(added) >= 10
    assert not any(skill["confirmed"] for skill in added)
    assert client.post("/api/v1/skills/seed", json={"from": "job"}).json() == {"added": []}
    assert client.post("/api/v1/skills/seed", json={"from": "goals"}).status_code == 200
    assert client.post("/api/v1/skills/seed", json={"from": "cv"}).status_code == 422


def test_seeding_from_no_job_is_refused_in_the_apis_words(client: TestClient) -> None:
    client.post(
        "/api/v1/plan",
        json={"name": "Bo", "vision": {"dream_job_title": "Nurse"}},
    )
    refused = client.post("/api/v1/skills/seed", json={"from": "job"})
    assert refused.status_code == 409
    assert "PATCH /api/v1/profile" in refused.json()["detail"]


def test_a_resume_as_json_is_kept_and_its_skills_added_unconfirmed(
    client: TestClient, story: Workspace
) -> None:
    imported = _import(client)
    resume = imported["resume"]
    assert isinstance(resume, dict)
    assert resume["name"] == "Ana 2026"
    assert resume["text"] == RESUME.strip()
    assert {"SQL", "project management"} <= {s["label"] for s in resume["skills"]}
    assert any(s["kind"] == "skills" for s in resume["sections"])
    added = imported["added"]
    assert isinstance(added, list)
    assert added
    assert not any(s["confirmed"] for s in added)
    listed = client.get("/api/v1/resumes").json()
    assert [(r["id"], r["name"]) for r in listed] == [(resume["id"], "Ana 2026")]
    shown = client.get(f"/api/v1/resumes/{resume['id']}").json()
    assert shown["skills"] == resume["skills"]
    assert client.get("/api/v1/resumes/99").status_code == 404


def test_a_resume_file_is_read(client: TestClient, story: Workspace) -> None:
    files = {"file": ("ana.md", RESUME.encode(), "text/markdown")}
    response = client.post("/api/v1/resumes", files=files)
    assert response.status_code == 201, response.text
    assert response.json()["resume"]["name"] == "ana.md"


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>" + b"\0" * (45 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (b"%PDF-1.4\n%garbage that is no PDF at all", "damaged PDF"),
        (b"PK\x03\x04 not a zip", "damaged DOCX"),
        (b"\xff\xfe\x00\x00binary", "neither a PDF"),
    ],
)
def test_a_bad_file_is_a_422_and_nothing_is_saved(
    client: TestClient, story: Workspace, data: bytes, words: str
) -> None:
    before = snapshot(story)
    response = client.post("/api/v1/resumes", files={"file": ("cv.pdf", data, "application/pdf")})
    assert response.status_code == 422, response.text
    assert words in response.json()["detail"]
    assert snapshot(story) == before


def test_a_zip_bomb_and_a_huge_upload_are_refused_unread(
    client: TestClient, story: Workspace
) -> None:
    before = snapshot(story)
    bomb = client.post("/api/v1/resumes", files={"file": ("cv.docx", _bomb(), "x/y")})
    assert bomb.status_code == 422
    assert "decompression bomb" in bomb.json()["detail"]
    huge = client.post(
        "/api/v1/resumes", files={"file": ("cv.pdf", b"%PDF-" + b"0" * (50 * 1024 * 1024), "x")}
    )
    assert huge.status_code == 413
    assert snapshot(story) == before


def test_a_resume_body_that_is_not_json_or_not_a_resume_is_refused(
    client: TestClient, story: Workspace
) -> None:
    unreadable = client.post(
        "/api/v1/resumes", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert unreadable.status_code == 400
    wrong = client.post("/api/v1/resumes", json={"text": "", "colour": "red"})
    assert wrong.status_code == 422
    assert {tuple(e["location"]) for e in wrong.json()["errors"]} == {
        ("body", "text"),
        ("body", "colour"),
    }
    no_file = client.post("/api/v1/resumes", files={"name": (None, "x")})
    assert no_file.status_code == 422


def test_an_application_is_scored_moved_edited_and_removed(
    client: TestClient, story: Workspace
) -> None:
    _import(client)
    client.patch("/api/v1/vision", json={"version": 1, "dream_occupation_code": "11-1011.00"})
    created = client.post(
        "/api/v1/applications", json={"posting": POSTING, "organisation": "Globex"}
    )
    assert created.status_code == 201, created.text
    application = created.json()
    path = created.headers["location"]
    assert (application["title"], application["stage"], application["organisation"]) == (
        "Operations Manager",
        "saved",
        "Globex",
    )
    scores = application["scores"]
    assert scores["job"] == {"code": "11-1021.00", "title": "General and Operations Managers"}
    assert isinstance(scores["qualified"], int)
    assert isinstance(scores["toward_dream"], int)
    assert scores["quadrant"]
    assert [r["text"] for r in scores["requirements"]][:2] == ["SQL", "Budgeting"]
    tailoring = application["tailoring"]
    assert [row["requirement"] for row in tailoring] == [r["text"] for r in scores["requirements"]]
    assert {row["status"] for row in tailoring} <= {"shown", "show", "gap"}
    gaps = [row["requirement"] for row in tailoring if row["status"] == "gap"]
    assert gaps == [r["text"] for r in scores["requirements"] if not r["met"]]
    assert application["qualified_now"] is (scores["qualified"] >= 60)

    moved = client.post(f"{path}/stage", json={"stage": "applied", "note": "Sent", "version": 1})
    assert moved.status_code == 200, moved.text
    body = moved.json()
    assert (body["stage"], body["applied_on"], body["follow_up"]) == (
        "applied",
        "2026-11-25",
        "2026-12-02",
    )
    assert [h["stage"] for h in body["history"]] == ["saved", "applied"]
    stale = client.post(f"{path}/stage", json={"stage": "interviewing", "version": 1})
    assert stale.status_code == 409
    backdated = client.post(f"{path}/stage", json={"stage": "response", "on": "2026-01-01"})
    assert backdated.status_code == 422

    edited = client.patch(path, json={"version": 2, "follow_up": None, "notes": "Call Maria"})
    assert edited.status_code == 200
    assert (edited.json()["follow_up"], edited.json()["notes"]) == (None, "Call Maria")
    assert client.patch(path, json={"version": 2, "notes": "x"}).status_code == 409
    listed = client.get("/api/v1/applications").json()
    assert [a["id"] for a in listed] == [application["id"]]
    assert "scores" not in listed[0]
    assert client.get(path).json()["scores"]["qualified"] == scores["qualified"]
    assert client.delete(path, params={"version": 1}).status_code == 409
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404


def test_an_application_without_a_resume_says_why_it_has_no_scores(
    client: TestClient, story: Workspace
) -> None:
    created = client.post("/api/v1/applications", json={"posting": POSTING})
    assert created.status_code == 201
    assert created.json()["scores"] is None
    assert created.json()["tailoring"] == []
    assert "no résumé" in created.json()["unscored"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"posting": "We are a friendly team looking for someone great to join us now."}, "title"),
        ({"posting": POSTING, "stage": "hired"}, "stage"),
        ({"posting": POSTING, "contact_ids": [0]}, "contact_ids"),
        ({"posting": ""}, "posting"),
    ],
)
def test_a_bad_application_is_a_422_and_nothing_is_saved(
    client: TestClient, story: Workspace, body: object, words: str
) -> None:
    before = snapshot(story)
    response = client.post("/api/v1/applications", json=body)
    assert response.status_code == 422, response.text
    assert words in response.text
    assert "--title" not in response.text
    assert snapshot(story) == before


def test_the_card_and_the_visions_new_fields(client: TestClient, story: Workspace) -> None:
    changed = client.patch(
        "/api/v1/vision",
        json={
            "version": 1,
            "target_roles": "COO, VP of Operations",
            "organisation_size": "20-200 people",
            "pay_range": "150,000-180,000",
        },
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["pay_range"] == "150,000-180,000"
    assert client.get("/api/v1/vision").json()["target_roles"] == "COO, VP of Operations"
    card = client.get("/api/v1/card").json()
    assert card["roles"] == "COO, VP of Operations"
    assert card["organisation"] == "20-200 people"
    assert "Pay: 150,000-180,000" in card["text"]
    assert card["text"].startswith("What I'm looking for — Ana")


def test_the_card_without_a_plan_is_a_409(client: TestClient) -> None:
    response = client.get("/api/v1/card")
    assert response.status_code == 409
    assert "POST /api/v1/plan" in response.json()["detail"]


def test_a_file_whose_text_holds_nul_characters_is_kept_without_them(
    client: TestClient, story: Workspace
) -> None:
    data = RESUME.encode() + b"x" * 5000 + b"\x00\nTableau\n"
    response = client.post("/api/v1/resumes", files={"file": ("cv\x00.txt", data, "text/plain")})
    assert response.status_code == 201, response.text
    assert "\x00" not in response.json()["resume"]["text"]


def test_a_name_sent_with_a_file_keeps_to_the_limit(client: TestClient, story: Workspace) -> None:
    response = client.post(
        "/api/v1/resumes",
        data={"name": "x" * 201},
        files={"file": ("cv.txt", RESUME.encode(), "text/plain")},
    )
    assert response.status_code == 422
    assert response.json()["field"] == "name"


NURSE_RESUME = """Skills
- Active listening
- Implement nursing care
Experience
Nursing assistant, St Mary (2020 - 2025)
"""


def test_the_resume_against_the_dream_job_and_a_gap_made_a_goal(
    client: TestClient, story: Workspace
) -> None:
    assert client.get("/api/v1/dream-check").status_code == 409
    client.patch("/api/v1/vision", json={"version": 1, "dream_occupation_code": "29-1141.00"})
    client.post("/api/v1/resumes", json={"name": "cv", "text": NURSE_RESUME})
    check = client.get("/api/v1/dream-check").json()
    assert check["dream"] == {"code": "29-1141.00", "title": "Registered Nurses"}
    assert [n["name"] for n in check["proves"]] == ["Active Listening"]
    assert check["proves"][0]["line"] == "Active listening"
    assert "implement nursing care" in [e["label"] for e in check["esco"]["shown"]]
    shown = {e["label"] for e in check["esco"]["shown"]}
    assert shown.isdisjoint(e["label"] for e in check["esco"]["missing"])
    gap = next(n for n in check["gaps"] if n["name"] == "Psychology")
    assert (gap["goal"], gap["planned"]) == ("Build my knowledge of Psychology to level 6", False)
    made = client.post("/api/v1/dream-check/goals", json={"name": "Psychology"})
    assert made.status_code == 201, made.text
    assert made.json()["text"] == "Build my knowledge of Psychology to level 6"
    again = client.get("/api/v1/dream-check").json()
    assert next(n for n in again["gaps"] if n["name"] == "Psychology")["planned"] is True
    twice = client.post("/api/v1/dream-check/goals", json={"name": "Psychology"})
    assert twice.status_code == 422
    unknown = client.post("/api/v1/dream-check/goals", json={"name": "Juggling"})
    assert unknown.status_code == 422
