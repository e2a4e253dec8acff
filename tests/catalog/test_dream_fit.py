"""How far a posting's job goes toward the dream job, and the quadrant it lands in."""

from __future__ import annotations

from careerplan.catalog import Catalog
from careerplan.catalog.dream_fit import QUADRANTS, posting_title, toward_dream

REGISTERED_NURSES, CASHIERS = "29-1141.00", "41-2011.00"


def test_the_title_is_read_from_its_heading_or_the_first_short_line() -> None:
    assert posting_title("Job title\nRegistered Nurse\nRequirements\n- BLS") == "Registered Nurse"
    assert posting_title("Job Title: Licensed Practical Nurse\n- BLS") == "Licensed Practical Nurse"
    assert posting_title("Night Cashier\nRequirements\n- Till") == "Night Cashier"
    assert posting_title("") == ""


def test_jobs_nearer_the_dream_close_more_of_its_gap(catalog: Catalog) -> None:
    def toward(title: str) -> int:
        found = toward_dream(f"Job title\n{title}\n", REGISTERED_NURSES, CASHIERS, catalog)
        assert found is not None
        return found.toward

    scores = [toward(t) for t in ("Registered Nurse", "Licensed Practical Nurse",
                                  "Nursing Assistant", "Cashier")]  # fmt: skip
    assert scores[0] == 100
    assert scores == sorted(scores, reverse=True)
    assert scores[3] == 0  # the job today closes nothing of the gap above it
    assert len(set(scores)) == 4


def test_the_quadrant_combines_qualified_now_and_toward_the_dream(catalog: Catalog) -> None:
    nurse = toward_dream("Job title\nRegistered Nurse", REGISTERED_NURSES, CASHIERS, catalog)
    cashier = toward_dream("Job title\nCashier", REGISTERED_NURSES, CASHIERS, catalog)
    assert nurse is not None
    assert cashier is not None
    assert nurse.quadrant(True) == QUADRANTS[(True, True)]
    assert nurse.quadrant(False).startswith("stretch")
    assert cashier.quadrant(True).startswith("stepping stone")
    assert cashier.quadrant(False).startswith("off path")


def test_no_occupation_or_no_ratings_gives_no_answer(catalog: Catalog) -> None:
    assert toward_dream("Requirements\n- SQL", REGISTERED_NURSES, None, catalog) is None
    # Data Scientists (15-2051.00) is a newer occupation that O*NET has not rated yet.
    assert toward_dream("Job title\nStatistician", "15-2051.00", None, catalog) is None
