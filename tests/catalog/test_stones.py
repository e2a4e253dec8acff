"""Stepping stones: the jobs people take on the way to a dream job."""

from __future__ import annotations

from careerplan.catalog import Catalog
from careerplan.catalog.paths import entry_rank
from careerplan.catalog.stones import stepping_stones

REGISTERED_NURSES = "29-1141.00"
NURSING_ASSISTANTS = "31-1131.00"
ELECTRICIANS = "47-2111.00"
CHIEF_EXECUTIVES = "11-1011.00"
GENERAL_MANAGERS = "11-1021.00"


def test_the_stones_counsellors_name_come_first_with_their_reason(catalog: Catalog) -> None:
    stones = stepping_stones(REGISTERED_NURSES, catalog=catalog)
    assert stones[0].code == NURSING_ASSISTANTS
    assert "nursing assistant" in stones[0].why.lower()


def test_the_current_job_and_the_dream_job_are_never_a_stone(catalog: Catalog) -> None:
    stones = stepping_stones(REGISTERED_NURSES, NURSING_ASSISTANTS, catalog)
    codes = [stone.code for stone in stones]
    assert NURSING_ASSISTANTS not in codes
    assert REGISTERED_NURSES not in codes
    assert codes  # the rest are still offered


def test_the_related_stones_ask_no_more_and_say_what_they_build(catalog: Catalog) -> None:
    stones = stepping_stones(ELECTRICIANS, catalog=catalog, limit=6)
    electricians = catalog.occupations[ELECTRICIANS]
    ranks = entry_rank(catalog)
    for stone in stones:
        occupation = catalog.occupations[stone.code]
        assert (occupation.job_zone or 0) <= (electricians.job_zone or 0)
        assert ranks.get(occupation.id, 0) <= ranks[electricians.id]
        assert not stone.code.startswith("11-")
        assert stone.why.endswith(".")
    related = [s for s in stones if s.why.startswith("A related job")]
    assert related
    assert all("an Electrician needs" in s.why for s in related)


def test_a_management_dream_job_may_have_management_stones(catalog: Catalog) -> None:
    stones = stepping_stones(CHIEF_EXECUTIVES, catalog=catalog)
    assert GENERAL_MANAGERS in [stone.code for stone in stones]


def test_the_limit_is_kept(catalog: Catalog) -> None:
    assert len(stepping_stones(REGISTERED_NURSES, catalog=catalog, limit=1)) == 1
    assert stepping_stones(REGISTERED_NURSES, catalog=catalog, limit=0) == []
