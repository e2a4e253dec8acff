"""A résumé measured against a posting's requirements: what is met, what is missing, and which
missing must-have is a deal-breaker."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.catalog import Catalog
from careerplan.catalog.documents import sections_of
from careerplan.catalog.job_fit import QUALIFIED, fit
from careerplan.domain.errors import InvalidInput

TODAY = date(2026, 12, 1)
POSTING = """Job title: Help Desk Administrator

Required Skills
- Good working knowledge of operating systems such as Windows
- Proficiency in SSL is demanded
- Conversant with Jboss, Linux, and Greenplum
- Jenkins for continuous integration is a plus

Required Experience
- A minimum of 3 years experience as a Help Desk Administrator

Education
- Bachelor's degree in information systems
"""
RESUME = """Skills
- Competent in Windows
- SSL certificates and TLS set-up
- Jboss, Linux and Greenplum administration
- Jenkins pipelines

Experience
- Help Desk Administrator (2019 - 2023)
- Desktop Support Analyst (2016 - 2019)

Education
Bachelor's degree in Information Systems Management
"""


def test_sections_are_read_from_markdown_plain_headings_and_colons() -> None:
    found = sections_of(
        "## Required Skills\n1. SQL\nEXPERIENCE\n- Clerk (2019 - 2021)\nJob Title: Nurse"
    )
    assert [(s.kind, s.items) for s in found] == [
        ("skills", ["SQL"]),
        ("experience", ["Clerk (2019 - 2021)"]),
        ("title", ["Nurse"]),
    ]


def test_a_resume_that_meets_everything_is_qualified(catalog: Catalog) -> None:
    found = fit(POSTING, RESUME, TODAY, catalog)
    assert found.qualified == 100
    assert found.missing == []
    assert found.deal_breakers == []
    kinds = [r.kind for r in found.requirements]
    assert kinds == ["skill", "skill", "skill", "skill", "experience", "degree"]
    assert [r.must for r in found.requirements] == [True, True, True, False, True, True]


def test_a_missing_skill_and_too_few_years_are_named_and_are_deal_breakers(
    catalog: Catalog,
) -> None:
    weaker = RESUME.replace("- SSL certificates and TLS set-up\n", "").replace(
        "2019 - 2023", "2021 - 2023"
    )
    found = fit(POSTING, weaker, TODAY, catalog)
    assert "SSL" in found.missing[0]
    assert "3 years as Help Desk Administrator (the résumé shows 2)" in found.missing
    assert len(found.deal_breakers) == 2
    assert found.qualified < QUALIFIED
    assert found.qualified < fit(POSTING, RESUME, TODAY, catalog).qualified


def test_one_item_of_a_list_missing_is_named_alone(catalog: Catalog) -> None:
    found = fit(POSTING, RESUME.replace(" and Greenplum", ""), TODAY, catalog)
    assert found.missing == ["Greenplum"]


def test_a_missing_nice_to_have_is_no_deal_breaker(catalog: Catalog) -> None:
    found = fit(POSTING, RESUME.replace("- Jenkins pipelines\n", ""), TODAY, catalog)
    assert found.deal_breakers == []
    assert QUALIFIED <= found.qualified < 100


def test_present_counts_up_to_today(catalog: Catalog) -> None:
    current = RESUME.replace("2019 - 2023", "2024 - present")
    assert fit(POSTING, current, date(2027, 6, 1), catalog).deal_breakers == []
    assert fit(POSTING, current, date(2026, 6, 1), catalog).deal_breakers != []


def test_a_lower_degree_does_not_meet_a_bachelors(catalog: Catalog) -> None:
    found = fit(POSTING, RESUME.replace("Bachelor's degree", "High school diploma"), TODAY, catalog)
    assert any(r.kind == "degree" and not r.met for r in found.requirements)


@pytest.mark.parametrize(
    ("posting", "resume", "message"),
    [
        ("", RESUME, "posting is empty"),
        (POSTING, "  ", "résumé is empty"),
        ("We are a friendly team in Lyon.", RESUME, "No requirements were found"),
    ],
)
def test_what_cannot_be_measured_is_refused_clearly(
    posting: str, resume: str, message: str, catalog: Catalog
) -> None:
    with pytest.raises(InvalidInput, match=message):
        fit(posting, resume, TODAY, catalog)


def test_huge_and_foreign_text_is_measured_without_failing(catalog: Catalog) -> None:
    posting = "Exigences\n- Maîtrise de SQL\nRequirements\n- SQL\n" + "- Python\n" * 20_000
    found = fit(posting, "Compétences\n- SQL, Python 🙂\n" * 1000, TODAY, catalog)
    assert 0 <= found.qualified <= 100


def test_a_product_the_requirement_names_must_be_named_by_the_resume(catalog: Catalog) -> None:
    posting = "Requirements\n- Proficient in Java and AngularJS\n"
    found = fit(posting, "Skills\n- Java, Spring, SQL\n", TODAY, catalog)
    assert found.missing == ["AngularJS"]
    both = fit(posting, "Skills\n- Java, AngularJS, SQL\n", TODAY, catalog)
    assert both.missing == []


def test_an_item_of_a_listing_line_is_read_as_a_skills_name(catalog: Catalog) -> None:
    posting = "Requirements\n- Extensive knowledge of the Spring framework for web services\n"
    listed = fit(posting, "Skills\n- Java, Spring, Hibernate, Kafka, Docker\n", TODAY, catalog)
    assert listed.missing == []


def test_of_two_resumes_that_fall_short_the_closer_scores_higher(catalog: Catalog) -> None:
    posting = "Requirements\n- 5 years as a data analyst\n- Tableau\n"
    four = fit(posting, "Experience\n- Data analyst (2021 - 2025)\n", TODAY, catalog)
    one = fit(posting, "Experience\n- Data analyst (2024 - 2025)\n", TODAY, catalog)
    assert four.deal_breakers == one.deal_breakers
    assert four.qualified > one.qualified > 0


def test_experience_in_a_setting_counts_the_years_of_every_job_there(catalog: Catalog) -> None:
    posting = "Requirements\n- 1 year of experience in a hospital setting\n"
    there = "Experience\nNursing assistant (2019 - 2023)\nSt Mary's Hospital, surgical ward\n"
    found = fit(posting, there, TODAY, catalog)
    assert found.missing == []
    elsewhere = fit(posting, "Experience\nCashier, Acme Foods (2019 - 2023)\n", TODAY, catalog)
    assert elsewhere.missing == ["1 year of experience in a hospital setting (the résumé shows 0)"]


def test_a_college_course_or_certificate_meets_a_high_school_requirement(
    catalog: Catalog,
) -> None:
    posting = "Education\n- High school diploma or GED\n"
    college = fit(posting, "Education\nCNA certificate, Columbus State College\n", TODAY, catalog)
    assert college.missing == []
    nothing = fit(posting, "Skills\n- Patient care\n", TODAY, catalog)
    assert nothing.deal_breakers == ["High school diploma or GED"]
