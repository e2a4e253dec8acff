"""The vision page asks for the highest education and its field, keeps what is chosen, and
refuses a level it does not know beside the field."""

from __future__ import annotations

from html import unescape

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import field_error


def _form(**changes: str) -> dict[str, str]:
    return {
        "name": "Ana", "current_job_title": "Product manager", "hours_per_week": "5",
        "dream_job_title": "COO of a high-tech startup", "version": "1", **changes,
    }  # fmt: skip


def test_the_education_chosen_is_kept_and_shown_again(browser: Browser, story: Workspace) -> None:
    response = browser.post("/vision", _form(education="master's", education_field="Engineering"))
    assert response.status_code == 303
    with story.unit() as uow:
        profile = uow.profiles.get()
    assert profile is not None
    assert (profile.education, profile.education_field) == ("master's", "Engineering")
    html = unescape(browser.get("/vision").text)
    assert "<option value=\"master's\" selected>A master's degree</option>" in html
    assert 'name="education_field" value="Engineering"' in html


def test_an_unknown_level_is_refused_beside_the_field(browser: Browser, story: Workspace) -> None:
    response = browser.post("/vision", _form(education="wizardry"))
    assert response.status_code == 422
    assert field_error(
        "education",
        "'wizardry' is not an education level. Choose one of: none, high school, some college, "
        "postsecondary certificate, associate's, bachelor's, master's, doctoral or professional.",
    ) in unescape(response.text)
