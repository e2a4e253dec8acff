"""Specific, measurable, relevant and attainable: verdicts, reasons and evidence."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.smart import AnalysisContext, analyse

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    "text",
    [
        "Be successful in my career.",
        "be a better nurse",
        "Get better at public speaking.",
        "Learn more about machine learning.",
        "Learn to code.",
        "Improve my communication skills.",
        "Grow my personal brand online.",
        "Take on more responsibility at work.",
        "Become an expert in everything related to data.",
        "Get involved in a quality improvement project by the summer.",
        "Contribute to open source.",
        "Start saving for my own practice.",
        "Network more.",
        "Spend more time learning about cloud computing when I can.",
        "Learn Photoshop basics by the end of January.",
        "get beter at leadrship and comunication",
    ],
)
def test_vague_goals_are_not_specific(text: str) -> None:
    assert analyse(text, today=TODAY).specific.ok is False


@pytest.mark.parametrize(
    "text",
    [
        "Complete my PMP certification.",
        "Learn Python by next summer.",
        "Increase my LinkedIn followers.",
        "Cut my team's average first-response time.",
        "Ask for more feedback from my supervisor.",
        "Lose 10 kg by June 2027.",
        "Hold a 1:1 every other week with each of my three direct reports.",
        "Ship version 3.2 of our mobile app by 31 May 2027.",
    ],
)
def test_concrete_goals_are_specific(text: str) -> None:
    assert analyse(text, today=TODAY).specific.ok is True


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("Lose 10 kg by June 2027.", "count", 10, "kg"),
        ("Sign 3 retainer clients within 6 months.", "count", 3, "retainer clients"),
        ("Publish two articles on our blog.", "count", 2, "articles"),
        ("Increase my monthly sales by 20%.", "percentage", 20, "%"),
        ("Raise my CSAT from 4.2/5 to 4.6/5.", "score", 4.6, "5"),
        ("Save €20,000 for a deposit.", "money", 20000, None),
        ("Finish in the top 10 of the hackathon.", "rank", 10, None),
        ("Double the whole company's annual revenue.", "multiplier", 2, "x"),
        ("Read twenty-one books.", "count", 21, "books"),
        ("Earn 15 AWS certifications.", "count", 15, "aws certifications"),
        ("Increase my billable hours to 30 per week.", "rate", 30, "per week"),
    ],
)
def test_it_reads_the_target_quantity(text: str, kind: str, value: float, unit: str) -> None:
    measure = analyse(text, today=TODAY).to_json()["measure"]
    assert isinstance(measure, dict)
    assert (measure["kind"], measure["value"], measure["unit"]) == (kind, value, unit)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Pass the ACCA Strategic Business Leader exam.", "pass"),
        ("Complete my PMP certification.", "credential"),
        ("Get promoted to team lead.", "promotion"),
        ("Get an offer for a junior UX designer role.", "offer"),
        ("Move into a product management role.", "role"),
        ("Publish my first research paper.", "artefact"),
        ("Run my first paid UX research workshop for a client.", "event"),
        ("Email the training coordinator to ask about budget for the course.", "action"),
        ("Reach B2 in German.", "level"),
    ],
)
def test_checkable_outcomes_are_measurable(text: str, metric: str) -> None:
    report = analyse(text, today=TODAY)
    assert report.measurable.ok is True
    assert report.measure is not None
    assert (report.measure.kind, report.measure.metric) == ("outcome", metric)


@pytest.mark.parametrize(
    "text",
    [
        "Increase my LinkedIn followers.",
        "Learn Python by next summer.",
        "Publish papers in good journals.",
        "Ask for more feedback from my supervisor.",
        "I will meet with my manager regularly to discuss my career path.",
        "Be a good manager one day.",
    ],
)
def test_goals_without_a_target_or_outcome_are_not_measurable(text: str) -> None:
    assert analyse(text, today=TODAY).measurable.ok is False


@pytest.mark.parametrize(
    ("text", "parent", "relevant"),
    [
        ("Hold weekly 1:1s with my direct reports.", "Become an engineering manager", True),
        ("Get my motorcycle licence.", "Become a nurse manager", False),
        ("Lose 10 kg by June 2027.", "Become a school principal", False),
        ("Bake one sourdough loaf every Saturday.", "Become a senior backend engineer", False),
        ("Bake one sourdough loaf every Saturday.", "Open my own bakery", True),
        (
            "Learn Photoshop basics.",
            "Move from truck driving into fleet dispatch management",
            False,
        ),
        ("Learn Python by next summer.", "Move into a senior data scientist role", True),
        ("Update my resume.", "Become a marine biologist", True),
        ("Improve patient outcomes.", "Become a nurse manager on a surgical ward", True),
        ("Paint the fence.", "Become a marine biologist", None),
        ("Paint the fence.", None, None),
    ],
)
def test_relevance_to_the_parent_goal(text: str, parent: str | None, relevant: bool | None) -> None:
    assert analyse(text, parent, today=TODAY).relevant.ok is relevant


class FakeCatalogue:
    def terms_for(self, parent_text: str) -> frozenset[str] | None:
        return frozenset({"sonar", "marine mammals"}) if "biologist" in parent_text else None


def test_occupation_knowledge_links_a_goal_with_no_word_in_common() -> None:
    context = AnalysisContext(knowledge=FakeCatalogue())
    report = analyse(
        "Survey marine mammals twice a month.", "Become a biologist", today=TODAY, context=context
    )
    assert report.relevant.ok is True
    assert [span.text for span in report.relevant.evidence] == ["marine mammals"]


@pytest.mark.parametrize(
    ("text", "today", "attainable"),
    [
        ("Earn 15 AWS certifications by the end of this month.", TODAY, False),
        ("Double the whole company's annual revenue by this Friday.", TODAY, False),
        ("Become an expert in everything related to data.", TODAY, False),
        ("Pass all three CFA levels by June 2027.", TODAY, False),
        ("Reach C1 in Japanese by next March.", TODAY, False),
        ("Earn an MBA by the end of next year while working full time.", TODAY, False),
        ("Pass the CPA exam by the end of next month.", TODAY, False),
        ("Submit my application by 15 January 2027.", date(2027, 3, 10), False),
        ("Complete my PMP certification within the next 12 months.", TODAY, True),
        ("Reach B2 level in German within 18 months.", TODAY, True),
        ("Complete the ITIL 4 Foundation certification by end of this month.", TODAY, None),
        ("Get promoted to senior staff nurse by mid-2027.", TODAY, None),
        ("Improve my communication skills.", TODAY, None),
        ("Publish two articles on our engineering blog by the end of the year.", TODAY, True),
        # Enrolling takes weeks; completing takes the programme's length.
        ("Enrol in a part-time master's degree in nursing by 31 March 2027.", TODAY, True),
        ("Apply to 3 part-time MBA programmes by the end of January 2027.", TODAY, True),
        ("Earn a part-time master's degree in nursing by 31 March 2027.", TODAY, False),
    ],
)
def test_attainability_from_effort_and_time(
    text: str, today: date, attainable: bool | None
) -> None:
    assert analyse(text, today=today).attainable.ok is attainable


def test_more_weekly_hours_make_a_tight_goal_attainable() -> None:
    text = "Complete the ITIL 4 Foundation certification by end of this month."
    context = AnalysisContext(hours_per_week=30)
    report = analyse(text, today=TODAY, context=context)
    assert report.attainable.ok is True
    assert report.attainable.reason == (
        "ITIL/PRINCE2 Foundation takes about 20 hours; 1 weeks at 30 hours a week gives 26."
    )


def test_a_past_deadline_is_named() -> None:
    report = analyse("Pass the exam by 15 January 2027.", today=date(2027, 3, 10))
    assert report.attainable.reason == "The deadline 2027-01-15 has already passed."
