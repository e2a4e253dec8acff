from __future__ import annotations

import pytest

from careerplan.catalog import Catalog, career_paths
from careerplan.domain.errors import DomainRefusal, InvalidInput

from .conftest import NURSING_ASSISTANTS, ORTHOPTISTS, REGISTERED_NURSES, SOFTWARE_DEVELOPERS


def test_a_path_starts_here_and_ends_at_the_dream_job(catalog: Catalog) -> None:
    (best,) = career_paths(NURSING_ASSISTANTS, REGISTERED_NURSES, 1, catalog)
    assert best.steps[0].code == NURSING_ASSISTANTS
    assert best.steps[-1].code == REGISTERED_NURSES
    assert best.steps[-1].builds  # each step says what it builds


def test_alternatives_are_distinct_and_cheapest_first(catalog: Catalog) -> None:
    paths = career_paths("43-4051.00", SOFTWARE_DEVELOPERS, 3, catalog)
    assert len(paths) == 3
    assert len({tuple(s.code for s in p.steps) for p in paths}) == 3
    assert [p.score for p in paths] == sorted((p.score for p in paths), reverse=True)
    for path in paths:
        codes = [s.code for s in path.steps]
        assert len(codes) == len(set(codes))  # no loops


def test_the_same_occupation_is_a_path_of_one_step(catalog: Catalog) -> None:
    (only,) = career_paths(REGISTERED_NURSES, REGISTERED_NURSES, 3, catalog)
    assert [s.code for s in only.steps] == [REGISTERED_NURSES]
    assert only.score == 100.0


def test_no_path_says_so_and_shows_the_closest_reachable(catalog: Catalog) -> None:
    with pytest.raises(DomainRefusal, match=r"No path from .* Closest reachable: \d\d-\d{4}"):
        career_paths(SOFTWARE_DEVELOPERS, ORTHOPTISTS, 3, catalog)


@pytest.mark.parametrize("k", [0, 11])
def test_the_number_of_alternatives_is_bounded(catalog: Catalog, k: int) -> None:
    with pytest.raises(InvalidInput, match="1 to 10 alternatives"):
        career_paths(NURSING_ASSISTANTS, REGISTERED_NURSES, k, catalog)


def test_paths_serialise_to_the_documented_shape(catalog: Catalog) -> None:
    (best,) = career_paths(NURSING_ASSISTANTS, REGISTERED_NURSES, 1, catalog)
    data = best.to_dict()
    assert set(data) == {"steps", "score"}
    assert data["steps"][0] == {  # type: ignore[index]
        "code": NURSING_ASSISTANTS,
        "title": "Nursing Assistants",
        "builds": [],
        "why": "",
    }


def test_a_path_to_a_licensed_job_passes_through_no_management_job_and_nothing_harder(
    catalog: Catalog,
) -> None:
    """From wholesale sales to registered nursing: no purchasing or health services manager on
    the way, and no step asking more preparation or education than nursing itself."""
    paths = career_paths("41-4012.00", REGISTERED_NURSES, 3, catalog)
    steps = [step.code for path in paths for step in path.steps[1:-1]]
    assert steps
    assert not [code for code in steps if code.startswith("11-")]
    nurse = catalog.occupations[REGISTERED_NURSES]
    assert all((catalog.occupations[code].job_zone or 0) <= (nurse.job_zone or 0) for code in steps)


def test_the_stepping_stones_counsellors_name_come_first_and_say_why(catalog: Catalog) -> None:
    (best,) = career_paths("41-4012.00", REGISTERED_NURSES, 1, catalog)
    middle = best.steps[1:-1]
    assert [step.code for step in middle] in (["29-2061.00"], ["31-1131.00"])
    assert middle[0].why


def test_a_management_job_may_lead_to_a_management_job(catalog: Catalog) -> None:
    paths = career_paths("11-2021.00", "11-1011.00", 3, catalog)
    assert any(step.code.startswith("11-") for path in paths for step in path.steps[1:-1])
