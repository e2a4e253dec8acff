from __future__ import annotations

import pytest

from careerplan.catalog import Catalog, items, matches, parse_answers, score_answers
from careerplan.catalog.interests import InterestProfile, agreement, combine
from careerplan.domain.errors import DomainRefusal, InvalidInput

SOCIAL_LOVER = [1, 1, 2, 2, 3, 3, 5, 5, 2, 2, 1, 1] * 5  # R R I I A A S S E E C C, five rounds


def test_the_short_form_has_sixty_items_ten_per_area(catalog: Catalog) -> None:
    found = items(catalog)
    assert len(found) == 60
    assert [i.area for i in found[:12]] == list("RRIIAASSEECC")
    assert found[0].text == "Build kitchen cabinets"


def test_scores_sum_ten_answers_per_area_scaled_to_one(catalog: Catalog) -> None:
    profile = score_answers(SOCIAL_LOVER, catalog)
    assert profile.scores == {"R": 0.0, "I": 0.25, "A": 0.5, "S": 1.0, "E": 0.25, "C": 0.0}
    assert profile.code() == "SAI"


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([3] * 59, "got 59 answers"),
        ([3] * 61, "got 61 answers"),
        ([3] * 59 + [6], "Answer 60 is 6"),
        ([0] + [3] * 59, "Answer 1 is 0"),
    ],
)
def test_wrong_answers_are_refused(catalog: Catalog, answers: list[int], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        score_answers(answers, catalog)


@pytest.mark.parametrize(("text", "values"), [("5,4, 3", [5, 4, 3]), ("1 2;3", [1, 2, 3])])
def test_answers_parse_from_text(text: str, values: list[int]) -> None:
    assert parse_answers(text) == values


def test_answers_that_are_not_numbers_are_refused() -> None:
    with pytest.raises(InvalidInput, match="whole numbers from 1"):
        parse_answers("5,4,like")


def test_matches_agree_with_the_profile_and_say_why(catalog: Catalog) -> None:
    found = matches(score_answers(SOCIAL_LOVER, catalog), limit=10, catalog=catalog)
    assert len(found) == 10
    assert [m.fit for m in found] == sorted((m.fit for m in found), reverse=True)
    assert all("Social" in m.reasons[0] for m in found)


@pytest.mark.parametrize("zone", [1, 3, 5])
def test_matches_stay_within_the_chosen_job_zone(catalog: Catalog, zone: int) -> None:
    found = matches(score_answers(SOCIAL_LOVER, catalog), job_zone=zone, catalog=catalog)
    assert len(found) == 10
    assert {catalog.occupation(m.code).job_zone for m in found} == {zone}
    assert all(m.reasons[0].endswith(f"; job zone {zone}.") for m in found)


@pytest.mark.parametrize("zone", [0, 6])
def test_a_job_zone_outside_one_to_five_is_refused(catalog: Catalog, zone: int) -> None:
    with pytest.raises(InvalidInput, match="job zone is from 1"):
        matches(score_answers(SOCIAL_LOVER, catalog), job_zone=zone, catalog=catalog)


def test_an_empty_profile_is_refused(catalog: Catalog) -> None:
    with pytest.raises(DomainRefusal, match="interest profile is empty"):
        matches(InterestProfile(dict.fromkeys("RIASEC", 0.0)), catalog=catalog)


def test_agreement_is_one_for_the_same_shape_and_minus_one_for_the_opposite() -> None:
    assert agreement([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12]) == pytest.approx(1.0)
    assert agreement([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]) == pytest.approx(-1.0)


def test_combining_adds_the_second_profile_at_its_weight() -> None:
    first = InterestProfile({"R": 1.0}, ("answers",))
    second = InterestProfile({"S": 1.0}, ("reflection",))
    both = combine(first, second, weight=0.25)
    assert both.scores["R"] == 0.75
    assert both.scores["S"] == 0.25
    assert both.sources == ("answers", "reflection")
