from __future__ import annotations

import pytest

from careerplan.catalog import Catalog, bridges, skills_of, transfer, transfer_between
from careerplan.domain.errors import DomainRefusal, InvalidInput

from .conftest import NURSING_ASSISTANTS, REGISTERED_NURSES, SALES_REPRESENTATIVES


def test_an_occupation_transfers_fully_to_itself(catalog: Catalog) -> None:
    fit = transfer_between(REGISTERED_NURSES, REGISTERED_NURSES, catalog)
    assert fit.score == 100.0
    assert fit.gaps == []
    assert fit.strengths


def test_gaps_are_ranked_by_importance_weighted_level_difference(catalog: Catalog) -> None:
    fit = transfer_between(NURSING_ASSISTANTS, REGISTERED_NURSES, catalog)
    assert 0 < fit.score < 100
    weighted = [g.weighted for g in fit.gaps]
    assert weighted == sorted(weighted, reverse=True)
    assert fit.gaps[0].needed > fit.gaps[0].level


def test_adjusting_a_skill_closes_its_gap(catalog: Catalog) -> None:
    before = transfer_between(NURSING_ASSISTANTS, REGISTERED_NURSES, catalog)
    biggest = before.gaps[0]
    person = skills_of(NURSING_ASSISTANTS, {biggest.name: 7.0}, catalog)
    after = transfer(person, REGISTERED_NURSES, catalog)
    assert after.score > before.score
    assert biggest.name not in [g.name for g in after.gaps]


@pytest.mark.parametrize(
    ("adjust", "message"),
    [({"Juggling": 3.0}, "not an O\\*NET skill"), ({"Speaking": 9.0}, "between 0 and 7")],
)
def test_bad_adjustments_are_refused(
    catalog: Catalog, adjust: dict[str, float], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        skills_of(NURSING_ASSISTANTS, adjust, catalog)


def test_sales_experience_bridges_into_healthcare_sales(catalog: Catalog) -> None:
    found = bridges(SALES_REPRESENTATIVES, "healthcare", limit=10, catalog=catalog)
    codes = [b.code for b in found]
    assert "41-4011.00" in codes  # Sales Representatives, Technical and Scientific Products
    assert SALES_REPRESENTATIVES not in codes
    assert all(b.reasons for b in found)


@pytest.mark.parametrize(
    ("field", "expected"),
    [("video games", "15-1255.01"), ("renewable energy", "47-2231.00"), ("games", "15-1255.01")],
)
def test_plain_field_words_find_their_occupations(
    catalog: Catalog, field: str, expected: str
) -> None:
    found = bridges("15-1252.00" if "game" in field else "47-2111.00", field, 10, catalog)
    assert expected in [b.code for b in found]


def test_a_field_with_no_occupations_suggests_broader_words(catalog: Catalog) -> None:
    with pytest.raises(DomainRefusal, match=r"No occupations found .* Try broader words"):
        bridges(SALES_REPRESENTATIVES, "quidditch", catalog=catalog)


def test_an_empty_field_is_refused(catalog: Catalog) -> None:
    with pytest.raises(InvalidInput, match="Name a field"):
        bridges(SALES_REPRESENTATIVES, "  ", catalog=catalog)


def test_the_persons_own_skills_change_what_a_bridge_says_they_carry(catalog: Catalog) -> None:
    from careerplan.catalog import SkillSet

    job = bridges(SALES_REPRESENTATIVES, "healthcare", 10, catalog)
    nothing = SkillSet({}, "inventory")
    own = bridges(SALES_REPRESENTATIVES, "healthcare", 10, catalog, person=nothing)
    assert [b.reasons for b in own] != [b.reasons for b in job]
    assert not any("Uses what you already do" in " ".join(b.reasons) for b in own)
    assert any("Uses what you already do" in " ".join(b.reasons) for b in job)


def test_a_path_says_what_its_first_step_builds_from_the_persons_own_skills(
    catalog: Catalog,
) -> None:
    from careerplan.catalog import SkillSet, career_paths

    (job,) = career_paths(NURSING_ASSISTANTS, REGISTERED_NURSES, 1, catalog)
    every = {e: 7.0 for e in catalog.elements()}
    (own,) = career_paths(
        NURSING_ASSISTANTS, REGISTERED_NURSES, 1, catalog, person=SkillSet(every, "inventory")
    )
    assert [s.code for s in own.steps] == [s.code for s in job.steps]
    assert job.steps[1].builds
    assert own.steps[1].builds == []
