"""The occupation catalogue seen through `OccupationKnowledge`."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import unavailable

from careerplan.catalog.smart_knowledge import CatalogKnowledge, title_in
from careerplan.catalog.store import shipped_path
from careerplan.domain.smart import AnalysisContext, analyse


@pytest.mark.parametrize(
    ("parent", "title"),
    [
        ("Grow into an engineering manager role", "engineering manager"),
        ("Become a nurse manager on a surgical ward", "nurse manager"),
        ("Land my first full-time job in cybersecurity", "cybersecurity"),
        ("Become head of marketing at a SaaS startup", "head of marketing"),
        ("Work as a data analyst in healthcare", "data analyst"),
        ("Earn tenure as a biology professor", "biology professor"),
        ("Move into a senior data scientist role", "senior data scientist"),
    ],
)
def test_it_finds_the_title_inside_a_parent_goal(parent: str, title: str) -> None:
    assert title_in(parent) == title


@pytest.fixture
def knowledge() -> CatalogKnowledge:
    """The shipped catalogue's knowledge. Without the built catalogue the test is skipped on a
    workstation and fails in CI, where it is built on purpose."""
    if not shipped_path().exists():
        unavailable("the occupation catalogue is not built")
    return CatalogKnowledge()


def test_the_catalogue_links_a_goal_the_lexicon_cannot(knowledge: CatalogKnowledge) -> None:
    goal = "Agree royalty terms with 3 distributors by March."
    parent = "Become head of marketing at a SaaS startup"
    plain = analyse(goal, parent, today=date(2026, 11, 25))
    informed = analyse(
        goal,
        parent,
        today=date(2026, 11, 25),
        context=AnalysisContext(knowledge=knowledge),
    )
    assert (plain.relevant.ok, informed.relevant.ok) == (None, True)


def test_an_unknown_title_gives_no_terms(knowledge: CatalogKnowledge) -> None:
    assert knowledge.terms_for("Become a qwxzv") is None


def test_the_chosen_occupation_named_after_the_persons_words_counts(
    knowledge: CatalogKnowledge,
) -> None:
    # The person's words alone name no occupation; the chosen one, in brackets, does.
    assert knowledge.terms_for("My dream job") is None
    terms = knowledge.terms_for("My dream job (Economists)")
    assert terms is not None
    assert {"economic", "python"} <= terms
    both = knowledge.terms_for("Become a data analyst (Economists)")
    analyst = knowledge.terms_for("Become a data analyst")
    assert both is not None
    assert analyst is not None
    assert terms | analyst == both
