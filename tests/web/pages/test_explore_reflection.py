"""The reflection exercise: the article's prompts, saved text, and the words behind each theme."""

from __future__ import annotations

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser

PLAY = (
    "I designed my own word games and crossword puzzles. After school it was pickup basketball, "
    "and at home I played teacher to my stuffed animals."
)


def saved_reflection(workspace: Workspace) -> str:
    from careerplan.services.explore import get_exploration

    with workspace.unit() as uow:
        return get_exploration(uow).reflection


def test_the_page_asks_the_articles_prompts(browser: Browser) -> None:
    html = browser.get("/explore/reflection").text
    for words in (
        "moments in your childhood when you felt the most at ease",
        "musical instrument",
        "art supplies",
        "pickup games of basketball",
        "teacher, with your stuffed animals",
        "word games or crossword puzzles",
        "recent passion",
    ):
        assert words in html
    assert '<label for="reflection">' in html
    assert "Save a reflection to see which of your words point" in html


def test_a_saved_reflection_shows_which_words_pointed_to_which_theme(
    browser: Browser, workspace: Workspace
) -> None:
    response = browser.post(
        "/explore/reflection", {"reflection": PLAY, "interest_field": "healthcare"}
    )
    assert (response.status_code, response.headers["location"]) == (
        303,
        "/explore/reflection?saved=1",
    )
    html = browser.get("/explore/reflection?saved=1").text
    assert "Saved. Your matches now use it." in html
    assert '<span class="evidence">crossword</span>' in html
    assert '<span class="evidence">basketball</span>' in html
    assert '<span class="evidence">teacher</span>' in html
    assert "<dt>Social" in html
    assert saved_reflection(workspace) == PLAY
    assert "Themes: " in browser.get("/explore").text
    matches = browser.get("/explore/matches").text
    assert "From your reflection." in matches


def test_an_empty_reflection_is_refused_and_the_saved_one_stays(
    browser: Browser, workspace: Workspace
) -> None:
    browser.post("/explore/reflection", {"reflection": PLAY})
    response = browser.post("/explore/reflection", {"reflection": "   "})
    assert response.status_code == 422
    assert (
        "The reflection is empty: write a few sentences about what you loved doing as a child "
        "and what you enjoy now."
    ) in response.text
    assert saved_reflection(workspace) == PLAY


def test_a_100_kb_reflection_is_refused_naming_the_limit_and_keeps_the_text(
    browser: Browser, workspace: Workspace
) -> None:
    browser.post("/explore/reflection", {"reflection": PLAY})
    huge = ("I loved building forts. " * 4200)[:100_000]
    response = browser.post("/explore/reflection", {"reflection": huge})
    assert response.status_code == 422
    assert "The reflection is 100,000 characters long; the limit is 10,000." in response.text
    assert huge.strip() in response.text  # what was typed is still in the box
    assert 'aria-invalid="true" aria-describedby="reflection-error"' in response.text
    assert saved_reflection(workspace) == PLAY


def test_a_reflection_just_over_the_limit_names_it(browser: Browser) -> None:
    response = browser.post("/explore/reflection", {"reflection": "drawing " * 1300})
    assert response.status_code == 422
    assert "The reflection is 10,399 characters long; the limit is 10,000." in response.text
