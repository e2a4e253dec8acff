from __future__ import annotations

import pytest

from careerplan.catalog import Catalog, read_reflection, recommend
from careerplan.domain.errors import InvalidInput


@pytest.mark.parametrize(
    ("text", "area", "words"),
    [
        ("I designed my own word games and crossword puzzles", "A", ["designed", "word"]),
        ("I designed my own word games and crossword puzzles", "I", ["crossword", "puzzles"]),
        ("pickup basketball", "R", ["pickup", "basketball"]),
        ("I played teacher to my stuffed animals", "S", ["teacher", "stuffed", "animals"]),
        ("I love to fix bikes and repair engines", "R", ["fix", "bikes", "repair", "engines"]),
    ],
)
def test_reflections_point_to_themes_with_their_words(
    catalog: Catalog, text: str, area: str, words: list[str]
) -> None:
    reading = read_reflection(text, catalog)
    assert reading.evidence[area] == words
    assert reading.profile.scores[area] > 0


def test_the_strongest_theme_scores_one(catalog: Catalog) -> None:
    reading = read_reflection("I played teacher to my stuffed animals", catalog)
    assert reading.profile.top(1) == ["S"]
    assert reading.profile.scores["S"] == 1.0


def test_text_without_themes_gives_an_empty_profile(catalog: Catalog) -> None:
    reading = read_reflection("hmm", catalog)
    assert reading.evidence == {}
    assert reading.profile.scores == dict.fromkeys("RIASEC", 0.0)


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "reflection is empty"), ("   \n", "reflection is empty"), ("a" * 100_000, "100,000")],
)
def test_empty_or_huge_reflections_are_refused(catalog: Catalog, text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        read_reflection(text, catalog)


def test_a_reflection_adds_to_the_answers(catalog: Catalog) -> None:
    neutral = [3] * 60
    alone = recommend(answers=neutral, catalog=catalog).profile
    both = recommend(answers=neutral, reflection="pickup basketball", catalog=catalog).profile
    assert both.scores["R"] > alone.scores["R"]
    assert both.sources == ("answers", "reflection")


def test_matches_need_answers_or_a_reflection(catalog: Catalog) -> None:
    with pytest.raises(InvalidInput, match="60 answers, a reflection, or both"):
        recommend(catalog=catalog)
