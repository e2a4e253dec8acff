"""The job search's pages: skills, the résumé (and against the dream job), applications and the
card, on both databases; bad files are a message on the page and save nothing."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from httpx2 import Response

from careerplan.services.workspace import Workspace
from careerplan.web.security import CSRF_COOKIE
from tests.web.api.test_job_search_records_api import POSTING, RESUME
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot


def _upload(browser: Browser, url: str, data: dict[str, str], file: bytes, name: str) -> Response:
    if CSRF_COOKIE not in browser.client.cookies:
        browser.get("/")
    form = {**data, "csrf_token": browser.client.cookies[CSRF_COOKIE]}
    response = browser.client.post(
        url, data=form, files={"file": (name, file, "application/octet-stream")}
    )
    assert response.status_code < 500, response.text
    return response


def _dream(story: Workspace) -> None:
    from careerplan.services.clock import FixedClock
    from careerplan.services.vision import edit_vision
    from tests.conftest import NOW

    with story.unit() as uow:
        edit_vision(uow, FixedClock(NOW), {"dream_occupation_code": "11-1011.00"})


def test_the_empty_pages_explain_and_are_linked_from_every_page(
    browser: Browser, story: Workspace
) -> None:
    skills = browser.get("/skills").text
    assert "No skills yet." in skills
    assert "Seed from my job" in skills
    assert "From completed goals" in skills
    jobs = browser.get("/jobs").text
    assert "No applications yet." in jobs
    assert 'href="/resume"' in jobs
    resume = browser.get("/resume").text
    assert "Choose your dream job from the catalogue" in resume
    footer = browser.get("/about").text
    for link in ("/jobs", "/resume", "/skills", "/card", "/jobs/fit"):
        assert f'href="{link}"' in footer


def test_skills_are_seeded_confirmed_added_and_removed(browser: Browser, story: Workspace) -> None:
    seeded = browser.post("/skills/seed", {"from": "job"})
    assert seeded.status_code == 303
    html = browser.get(seeded.headers["location"]).text
    assert "skill(s) added from your job" in html
    assert "to confirm" in html
    first = re.search(r'action="/skills/(\d+)".*?name="version" value="(\d+)"', html, re.S)
    assert first is not None
    ident, version = first.groups()
    confirmed = browser.post(f"/skills/{ident}", {"version": version, "level": "5"})
    assert confirmed.status_code == 303
    with story.unit() as uow:
        skill = uow.skills.get(int(ident))
    assert (skill.level, skill.confirmed) == (5, True)
    stale = browser.post(f"/skills/{ident}", {"version": version, "level": "2"})
    assert stale.status_code == 409
    assert "changed by someone else" in stale.text

    added = browser.post("/skills", {"label": "Budgeting", "level": "4", "evidence": "said"})
    assert added.status_code == 303
    again = browser.post("/skills", {"label": "budgeting", "level": "", "evidence": "said"})
    assert again.status_code == 422
    assert re.search(
        r"already in your skills \(number \d+\)\. Change its level on this page instead\.",
        again.text,
    )
    assert "careerplan skills" not in again.text
    with story.unit() as uow:
        budgeting = next(s for s in uow.skills.all() if s.label == "Budgeting")
    removed = browser.post(f"/skills/{budgeting.id}/remove", {"version": "1"})
    assert removed.status_code == 303
    assert "Budgeting" not in browser.get("/skills").text


def test_seeding_from_no_job_says_where_to_name_it(browser: Browser, story: Workspace) -> None:
    with story.unit() as uow:
        profile = uow.profiles.get()
        assert profile is not None
        profile.current_job_title = ""
        uow.profiles.save(profile)
    refused = browser.post("/skills/seed", {"from": "job"})
    assert refused.status_code == 409
    assert "names no current job" in refused.text
    assert "careerplan vision" not in refused.text


def test_a_pasted_resume_is_kept_and_its_skills_linked_to_confirm(
    browser: Browser, story: Workspace
) -> None:
    imported = browser.post("/resume", {"text": RESUME, "name": "Ana 2026"})
    assert imported.status_code == 303
    html = browser.get(imported.headers["location"]).text
    assert "Résumé imported." in html
    assert "confirm them on your skills page" in html
    assert "What “Ana 2026” shows" in html
    assert "“Wrote SQL reports on churn”" in html
    assert 'href="/skills#skill-' in html


def test_the_resume_against_the_dream_job_and_a_gap_made_a_goal(
    browser: Browser, story: Workspace
) -> None:
    _dream(story)
    browser.post("/resume", {"text": RESUME})
    html = browser.get("/resume").text
    assert "Chief Executives" in html
    assert "What your résumé proves" in html
    assert "What you have and your résumé does not show" in html
    assert "The real gaps" in html
    assert "Add as a goal" in html
    gap = re.search(r'name="name" value="([^"]+)"', html)
    assert gap is not None
    added = browser.post("/resume/goals", {"name": gap.group(1)})
    assert added.status_code == 303
    with story.unit() as uow:
        goal = uow.goals.all()[-1]
    assert goal.text.startswith("Build my ")
    assert goal.parent_id == 1
    html = browser.get("/resume").text
    assert "Goal added under your dream job" in browser.get(added.headers["location"]).text
    twice = browser.post("/resume/goals", {"name": gap.group(1)})
    assert twice.status_code == 422
    assert "already a goal in your plan" in twice.text


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>" + b"\0" * (45 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"", "empty.txt", "is empty"),
        (b"%PDF-1.4\n1 0 obj <</Encrypt 2 0 R>> garbage", "locked.pdf", "PDF"),
        (_bomb(), "bomb.docx", "decompression bomb"),
    ],
)
def test_a_bad_resume_file_is_a_message_and_saves_nothing(
    browser: Browser, story: Workspace, data: bytes, name: str, words: str
) -> None:
    before = snapshot(story)
    response = _upload(browser, "/resume", {"text": ""}, data, name)
    assert response.status_code == 422
    text = response.text
    assert 'class="notice bad" role="alert"' in text
    assert words in text
    assert snapshot(story) == before


def test_a_fifty_megabyte_upload_is_a_page_that_says_so(browser: Browser, story: Workspace) -> None:
    before = snapshot(story)
    for url in ("/resume", "/jobs"):
        response = _upload(browser, url, {}, b"%PDF-" + b"0" * (50 * 1024 * 1024), "big.pdf")
        assert response.status_code == 413
        assert "That file is too large to read: the limit is 10 MB" in response.text
    assert snapshot(story) == before


def test_nothing_chosen_or_pasted_is_a_message(browser: Browser, story: Workspace) -> None:
    for url, words in (("/resume", "résumé&#39;s text"), ("/jobs", "posting&#39;s text")):
        response = browser.post(url, {})
        assert response.status_code == 422
        assert f"Choose a file or paste the {words}." in response.text


def test_a_posting_is_saved_scored_tailored_and_moved_to_applied(
    browser: Browser, story: Workspace
) -> None:
    _dream(story)
    browser.post("/resume", {"text": RESUME})
    browser.post("/skills", {"label": "Budgeting", "level": "4", "evidence": "job"})
    saved = browser.post("/jobs", {"posting": POSTING, "organisation": "Globex"})
    assert saved.status_code == 303
    path = saved.headers["location"]
    html = browser.get(path).text
    assert "Operations Manager" in html
    assert "Qualified:" in html
    assert "Toward your dream job:" in html
    assert "your résumé shows it (“Wrote SQL reports on churn”)" in html
    assert "you have it: show it on your résumé</strong>, here is the line: “Budgeting”" in html
    assert "a real gap" in html  # Tableau
    version = re.search(r'name="version" value="(\d+)"', html)
    assert version is not None
    moved = browser.post(f"{path}/stage", {"stage": "applied", "version": version.group(1)})
    assert moved.status_code == 303
    html = browser.get(moved.headers["location"]).text
    assert "Moved to applied." in html
    assert "follow up 2 Dec 2026" in html
    stale = browser.post(f"{path}/stage", {"stage": "offer", "version": version.group(1)})
    assert stale.status_code == 409
    assert "changed by someone else" in stale.text
    edited = browser.post(
        f"{path}/edit",
        {
            "version": "2",
            "title": "Operations Manager",
            "organisation": "Globex",
            "follow_up": "",
            "notes": "Call Maria",
        },
    )
    assert edited.status_code == 303
    listed = browser.get("/jobs").text
    assert "Globex" in listed
    assert "applied" in listed
    assert "/100" in listed
    removed = browser.post(f"{path}/remove", {"version": "3"})
    assert removed.status_code == 303
    assert browser.get(path).status_code == 404


def test_a_posting_without_a_title_asks_for_one(browser: Browser, story: Workspace) -> None:
    before = snapshot(story)
    posting = "We are a friendly team looking for someone great to join us right now.\n"
    response = browser.post("/jobs", {"posting": posting + POSTING})
    assert response.status_code == 422
    assert "does not start with a job title. Give one in the “Job title” field." in (response.text)
    assert "--title" not in response.text
    assert snapshot(story) == before


def test_the_card_and_the_vision_fields(browser: Browser, story: Workspace) -> None:
    vision = browser.get("/vision").text
    for field in ("target_roles", "organisation_size", "pay_range"):
        assert f'name="{field}"' in vision
    with story.unit() as uow:
        current = uow.visions.get()
        assert current is not None
        form = {
            "version": str(current.version),
            "name": "Ana",
            "dream_job_title": current.dream_job_title,
            "target_roles": "COO, VP of Operations",
            "organisation_size": "20-200 people",
            "pay_range": "150,000-180,000",
        }
    assert browser.post("/vision", form).status_code == 303
    html = browser.get("/card").text
    assert "<dt>Roles</dt><dd>COO, VP of Operations</dd>" in html
    assert "<dt>Pay</dt><dd>150,000-180,000</dd>" in html
    assert '<textarea id="card-text" rows="12" readonly>What I&#39;m looking for — Ana' in html
    assert 'href="/card.pdf"' in html
    pdf = browser.get("/card.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")


def test_the_card_without_a_plan_says_where_to_start(browser: Browser) -> None:
    html = browser.get("/card").text
    assert "Nothing to show yet." in html
    assert browser.get("/card.pdf").status_code == 409


def test_pasted_text_no_database_can_hold_is_a_message(browser: Browser, story: Workspace) -> None:
    before = snapshot(story)
    response = browser.post("/resume", {"text": "Skills\n\x00SQL"})
    assert response.status_code == 422
    assert "NUL character" in response.text
    assert snapshot(story) == before
