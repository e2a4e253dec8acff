"""Step 1 read for meaning: the quiz leads, the person's own words add the activities they love,
reasons quote those words, and a field is understood as a field."""

from __future__ import annotations

import pytest

from careerplan.catalog import Catalog, bridges, items, recommend
from careerplan.catalog.interests import agreement
from careerplan.catalog.meaning import read_meaning, spoken_words
from careerplan.domain.education import Education

BASKETBALL = "I played basketball every day and organised the pickup games; I coach a 12U team"
NURSE = "Looked after my little brother when he was ill. I volunteer at a hospice."
RETAIL_SALESPERSONS = "41-2031.00"
COACHES = "27-2022.00"


def answers(catalog: Catalog, liked: dict[str, int]) -> list[int]:
    """Answers that like the given areas (5 or 4) and dislike the rest (2)."""
    return [liked.get(item.area, 2) for item in items(catalog)]


def test_a_negated_clause_gives_no_words_and_the_next_clause_does() -> None:
    said = [s.word for s in spoken_words("I was never good at drawing, but I loved fixing bikes")]
    assert "drawing" not in said
    assert {"fixing", "bikes"} <= set(said)
    assert [s.word for s in spoken_words("Not a people person.")] == []


def test_everyday_words_of_caring_read_as_caring_work(catalog: Catalog) -> None:
    meaning = read_meaning(NURSE, catalog)
    best = sorted(meaning.scores, key=lambda oid: -meaning.scores[oid])[:10]
    codes = {catalog.by_id[oid].code for oid in best}
    assert codes & {"29-1141.00", "31-1121.00", "31-1122.00", "29-2061.00", "31-1131.00"}


def test_the_basketball_loving_seller_gets_coaching_not_cashiers(catalog: Catalog) -> None:
    quiz = answers(catalog, {"S": 5, "E": 4, "R": 4})
    result = recommend(quiz, BASKETBALL, RETAIL_SALESPERSONS, catalog=catalog)
    codes = [m.code for m in result.matches]
    assert result.profile.code()[0] == "S"  # the quiz leads: not turned into CES
    assert COACHES in codes[:3]
    assert not {"41-2011.00", "41-2021.00", "39-3031.00"} & set(codes)  # cashiers, clerks, ushers
    coach = result.matches[codes.index(COACHES)]
    assert any(r.startswith("You wrote “I coach a 12U team”") for r in coach.reasons)
    assert any("(BLS)" in r and "median pay $" in r.lower() for r in coach.reasons)
    assert any(r.startswith("Keeps ") and "Retail Salespersons" in r for r in coach.reasons)


def test_words_never_overturn_a_clear_quiz(catalog: Catalog) -> None:
    quiz = answers(catalog, {"I": 5, "C": 4})
    with_words = recommend(quiz, BASKETBALL, catalog=catalog)
    alone = recommend(quiz, catalog=catalog)
    best = alone.matches[0].fit
    vector = with_words.profile.vector()
    for match in with_words.matches:
        riasec = catalog.occupations[match.code].riasec
        assert riasec is not None
        assert 50 * (agreement(vector, riasec) + 1) >= best - 30
    assert COACHES not in [m.code for m in with_words.matches]


def test_without_a_quiz_the_words_lead(catalog: Catalog) -> None:
    result = recommend(None, NURSE, catalog=catalog)
    assert result.reading is not None
    assert "S" in result.reading.evidence
    codes = {m.code for m in result.matches}
    assert codes & {"29-1141.00", "31-1121.00", "31-1122.00", "29-2061.00"}


def test_education_puts_jobs_within_its_reach_first(catalog: Catalog) -> None:
    quiz = answers(catalog, {"I": 5, "R": 4})

    def zones(level: Education) -> float:
        found = recommend(quiz, catalog=catalog, education=level).matches
        return sum(catalog.occupations[m.code].job_zone or 0 for m in found) / len(found)

    assert zones(Education.HIGH_SCHOOL) < zones(Education.DOCTORAL)


@pytest.mark.parametrize(
    ("field", "absent", "present"),
    [
        ("hospital", "41-2021.00", ("29-", "31-")),  # not the hospital's television rental clerk
        ("green energy", "51-6064.00", ("47-2231", "41-4011.07")),  # not textile winding
    ],
)
def test_a_field_is_read_as_a_field(
    catalog: Catalog, field: str, absent: str, present: tuple[str, ...]
) -> None:
    found = [b.code for b in bridges(RETAIL_SALESPERSONS, field, 10, catalog)]
    assert absent not in found
    assert any(code.startswith(present) for code in found)


def test_a_field_the_table_does_not_know_is_read_for_meaning(catalog: Catalog) -> None:
    found = {b.code: b for b in bridges(RETAIL_SALESPERSONS, "museums", 10, catalog)}
    curators = found.get("25-4012.00") or found.get("25-4013.00")  # or museum technicians
    assert curators is not None
    assert curators.reasons[0] == "Its work is about museums."


def test_the_best_described_jobs_lend_half_their_score_to_close_relations(
    catalog: Catalog,
) -> None:
    import sys

    recommend_module = sys.modules["careerplan.catalog.recommend"]
    meaning = read_meaning("I rebuilt aircraft engines at the airfield", catalog)
    best = max(meaning.scores, key=lambda oid: meaning.scores[oid])
    close = [oid for oid, tier, _ in catalog.related(catalog.by_id[best]) if tier == 1]
    assert close
    spread = recommend_module._with_neighbours(meaning, catalog)
    for oid in close:
        assert spread.scores[oid] >= 0.5 * meaning.scores[best] - 1e-9
        assert spread.scores[oid] >= meaning.scores.get(oid, 0.0)


def test_a_bridge_says_which_licence_it_asks_for_first_and_counts_it(catalog: Catalog) -> None:
    found = bridges("31-1131.00", "healthcare", 40, catalog)  # from nursing assistants
    licensed = [b for b in found if any(r.startswith("Asks first for: ") for r in b.reasons)]
    assert licensed
    nurse = next(b for b in found if b.code == "29-2061.00")  # LPN: its licence comes first
    assert "Asks first for: Licensed practical / vocational nurse (LPN/LVN) licence." in (
        nurse.reasons
    )
    # The licence a nursing assistant already holds is not asked for again.
    assert not any("nursing assistant" in r.lower() for r in nurse.reasons if "Asks" in r)
    scores = [b.score for b in found]
    assert scores == sorted(scores, reverse=True)


def test_the_jobs_most_like_todays_job_join_the_matches_with_a_reason(catalog: Catalog) -> None:
    hvac = catalog.occupation("49-9021.00")
    closest = {catalog.by_id[oid].code for oid, tier, _ in catalog.related(hvac) if tier == 1}
    assert len(closest) == 5
    quiz = answers(catalog, {"R": 5, "E": 4, "C": 4})
    without = {m.code for m in recommend(quiz, catalog=catalog).matches}
    result = recommend(quiz, None, hvac.code, catalog=catalog)
    lifted = [m for m in result.matches if m.code in closest]
    assert not closest & without  # the quiz alone does not put them in the top 10
    assert 1 <= len(lifted) <= 5  # experience adds short moves; it does not fill the list
    assert hvac.code not in {m.code for m in result.matches}
    for match in lifted:
        assert any(
            r.startswith(f"One of the jobs O*NET lists as most like {hvac.title}")
            for r in match.reasons
        )
    assert all(m.fit <= 100 for m in result.matches)


def test_closeness_to_todays_job_lifts_only_what_the_quiz_allows(catalog: Catalog) -> None:
    nurses = catalog.occupation("29-1141.00")  # their closest jobs are Social-Investigative
    quiz = answers(catalog, {"R": 5, "C": 5})  # a clear quiz far from them
    result = recommend(quiz, None, nurses.code, catalog=catalog)
    closest = {catalog.by_id[oid].code for oid, tier, _ in catalog.related(nurses) if tier == 1}
    assert closest
    assert not closest & {m.code for m in result.matches}
