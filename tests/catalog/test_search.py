from __future__ import annotations

import pytest

from careerplan.catalog import Catalog, best_occupation, search_titles
from careerplan.catalog.search import clean
from careerplan.domain.errors import InvalidInput


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Sr. SWE II", "15-1252.00"),
        ("sofware developer", "15-1252.00"),
        ("RN - ICU nights", "29-1141"),
        ("Manager, Marketing", "11-2021.00"),
        ("nurse manager", "11-9111.00"),
        ("pharmacist tecnician", "29-2052.00"),
        ("cna", "31-1131.00"),
        ("Lead Barista (part time)", "35-3023"),
    ],
)
def test_messy_titles_find_their_occupation_first(catalog: Catalog, query: str, code: str) -> None:
    hits = search_titles(query, limit=5, catalog=catalog)
    assert hits[0].code.startswith(code)


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("Sr. SWE II", ["software", "engineer"]),
        ("RN - ICU nights", ["registered", "nurse", "icu"]),
        ("Lead", ["lead"]),
    ],
)
def test_cleaning_expands_abbreviations_and_drops_seniority(title: str, words: list[str]) -> None:
    assert clean(title) == words


def test_results_are_ranked_and_show_the_matched_title(catalog: Catalog) -> None:
    hits = search_titles("data scientist", limit=5, catalog=catalog)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[0].to_dict() == {
        "code": "15-2051.00",
        "title": "Data Scientists",
        "matched_title": "Data Scientists",
        "score": 1.0,
    }


def test_the_limit_caps_the_results(catalog: Catalog) -> None:
    assert len(search_titles("manager", limit=3, catalog=catalog)) == 3


def test_gibberish_finds_nothing(catalog: Catalog) -> None:
    assert search_titles("qqqq zzzzzz", catalog=catalog) == []
    assert best_occupation("qqqq zzzzzz", catalog=catalog) is None


@pytest.mark.parametrize(
    ("query", "limit", "message"),
    [
        ("x" * 201, 10, "A job title is at most 200 characters; this one has 201."),
        ("nurse", 0, "The limit must be at least 1, not 0."),
    ],
)
def test_oversized_queries_and_bad_limits_are_refused(
    catalog: Catalog, query: str, limit: int, message: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        search_titles(query, limit=limit, catalog=catalog)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("title", "words"),
    [("dishwasher PT", ["dishwasher"]), ("PT", ["physical", "therapist"])],
)
def test_schedule_short_forms_count_as_titles_only_when_alone(title: str, words: list[str]) -> None:
    assert clean(title) == words
