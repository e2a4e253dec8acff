"""Linking a line of a résumé or a posting to ESCO skills."""

from __future__ import annotations

import pytest

from careerplan.catalog import Catalog
from careerplan.catalog.skill_links import grams, link_skills, phrases_of_label
from careerplan.domain.errors import InvalidInput


def labels(text: str, catalog: Catalog, limit: int = 10) -> list[str]:
    return [found.label for found in link_skills(text, limit, catalog)]


def test_named_languages_come_first_with_or_without_escos_brackets(catalog: Catalog) -> None:
    top = labels("Experience with Java C# or other backend language", catalog, 3)
    assert {"Java (computer programming)", "C#"} <= set(top)


def test_a_skill_described_in_other_words_is_found(catalog: Catalog) -> None:
    assert "debug software" in labels(
        "Ability to debug issues in a full stack environment", catalog, 5
    )
    assert "communication" in labels("Great technical communication skills", catalog, 5)


def test_scores_run_from_one_down_and_there_are_ten(catalog: Catalog) -> None:
    found = link_skills("Strong knowledge of CSS and JavaScript", 10, catalog)
    assert len(found) == 10
    scores = [f.score for f in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)
    assert all(f.uri.startswith("http://data.europa.eu/esco/skill/") for f in found)
    assert {"CSS", "JavaScript"} <= {f.label for f in found[:3]}


def test_one_and_two_letter_words_do_not_name_a_skill_by_themselves(catalog: Catalog) -> None:
    import sys

    links = sys.modules["careerplan.catalog.skill_links"]
    assert links._named("R and Go are great", catalog) == set()
    assert links._named("we use C# daily", catalog)  # a symbol makes it a name


def test_esco_brackets_are_optional_when_a_label_is_named() -> None:
    assert phrases_of_label("Java (computer programming)") == {"java computer programming", "java"}
    assert phrases_of_label("C++") == {"c++"}


def test_grams_are_taken_within_words_padded_with_spaces() -> None:
    assert grams("Go!") == {" go": 1, "go ": 1, " go ": 1}


@pytest.mark.parametrize(
    "text",
    [
        "Gestión de proyectos y liderazgo de equipos",  # another language: links, never fails
        "🙂 " * 50,
        "x" * 100_000,
        "SQL " * 20_000,
    ],
)
def test_odd_text_is_linked_without_failing(text: str, catalog: Catalog) -> None:
    found = link_skills(text, 10, catalog)
    assert len(found) <= 10
    assert all(0 < f.score <= 1 for f in found)


def test_empty_text_and_a_bad_limit_are_refused(catalog: Catalog) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        link_skills("   ", 10, catalog)
    with pytest.raises(InvalidInput, match="at least 1"):
        link_skills("SQL", 0, catalog)


def test_a_name_esco_keeps_as_an_alternative_label_finds_its_skill(catalog: Catalog) -> None:
    # ESCO has no skill called "HTML": it is an alternative label of "use markup languages".
    assert "use markup languages" in labels("Hands-on HTML", catalog, 3)


def test_a_word_few_skills_use_is_filled_up_with_escos_neighbours(catalog: Catalog) -> None:
    found = link_skills("HTML", 10, catalog)
    assert len(found) == 10
    first = found[0]
    assert first.label == "use markup languages"
    sid = catalog.query("SELECT id FROM esco_skill WHERE label = ?", (first.label,))[0][0]
    near = {
        label
        for (label,) in catalog.query(
            "SELECT label FROM esco_skill JOIN skill_near ON near_id = id WHERE skill_id = ?",
            (sid,),
        )
    }
    assert near & {f.label for f in found[1:]}
    assert all(f.score <= first.score for f in found)
