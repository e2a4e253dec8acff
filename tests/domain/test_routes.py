"""Routes to a dream job from the gates that guard it: the programme the person's education
allows first, then the exam and the licence; experience in years where experience is the gate;
the BLS's entry education where no credential is known; and a plain word when the hours a
week cannot carry the programme."""

from __future__ import annotations

from typing import Any

import pytest

from careerplan.domain.credentials import Credential, credential_from
from careerplan.domain.education import Education
from careerplan.domain.route import Person, Stone, Target, months_text, route_to


def _programme(
    name: str, months: float, part_time: float | None, requires: str, **more: Any
) -> dict[str, Any]:
    return {
        "name": name, "award": more.get("award", "bachelor's"), "full_time_months": months,
        "part_time_months": part_time, "hours_per_week_full_time": more.get("hours", 40),
        "requires": requires, "requires_credential": more.get("credential"),
        "for": more.get("suits", ""),
    }  # fmt: skip


def _credential(key: str, **fields: Any) -> Credential:
    record = {
        "key": key, "name": fields.get("name", key), "kind": fields.get("kind", "licence"),
        "occupations": ["29-1141.00"], "gates_entry": fields.get("gating", "required"),
        "authority": "State boards", "varies_by_state": True,
        "exam": fields.get("exam"), "prerequisites": fields.get("prerequisites", []),
        "programmes": fields.get("programmes", []),
        "experience_months": fields.get("experience_months", 0),
        "experience": fields.get("experience", ""),
        "cost_usd": {"low": 100, "high": 300, "covers": "fees"},
        "stepping_stones": [], "sources": ["Board rules"], "examples": [],
    }  # fmt: skip
    return credential_from(record)


RN = _credential(
    "rn-licence",
    name="Registered nurse (RN) licence",
    exam={"name": "NCLEX-RN", "by": "NCSBN", "fee_usd": 200},
    programmes=[
        _programme("Associate Degree in Nursing (ADN)", 24, 36, "high school", award="associate's"),
        _programme("Bachelor of Science in Nursing (BSN)", 48, 72, "high school"),
        _programme("Accelerated BSN", 16, None, "bachelor's", hours=50, suits="bachelor's holders"),
        _programme(
            "LPN-to-RN bridge", 15, 24, "postsecondary certificate", credential="lpn-licence"
        ),
    ],
)


def _nurse(
    education: Education | None, hours: float = 40, held: frozenset[str] = frozenset()
) -> list[str]:
    person = Person(education, "", hours, "41-4012.00", "Sales representative", held)
    target = Target("29-1141.00", "Registered Nurses", 3, "Bachelor's degree", None, None, (RN,))
    return [f"{g.kind}: {g.name}" for g in route_to(person, target).gates]


@pytest.mark.parametrize(
    ("education", "held", "programme"),
    [
        (Education.HIGH_SCHOOL, frozenset(), "Associate Degree in Nursing (ADN)"),
        (Education.BACHELOR, frozenset(), "Accelerated BSN"),
        (Education.CERTIFICATE, frozenset({"lpn-licence"}), "LPN-to-RN bridge"),
        (None, frozenset(), "Associate Degree in Nursing (ADN)"),
    ],
    ids=["high-school", "bachelors", "lpn", "not-said"],
)
def test_the_programme_is_the_one_the_persons_education_allows_first(
    education: Education | None, held: frozenset[str], programme: str
) -> None:
    assert _nurse(education, held=held) == [
        f"programme: {programme}",
        "exam: NCLEX-RN",
        "licence: Registered nurse (RN) licence",
        "entry job: Apply for Registered Nurses roles",
    ]


def test_a_licence_already_held_is_not_a_gate() -> None:
    person = Person(
        Education.BACHELOR, "", 10, "29-1141.00", "Registered Nurses", frozenset({"rn-licence"})
    )
    target = Target("29-1141.00", "Registered Nurses", 3, "Bachelor's degree", None, None, (RN,))
    assert [g.kind for g in route_to(person, target).gates] == ["entry job"]


def test_hours_that_cannot_carry_the_programme_are_said_with_the_ways_out() -> None:
    person = Person(Education.BACHELOR, "business", 6, "41-4012.00", "Sales representative")
    target = Target("29-1141.00", "Registered Nurses", 3, "Bachelor's degree", None, None, (RN,))
    stone = Stone("31-1131.00", "Nursing Assistants", "Patient care while studying.")
    route = route_to(person, target, [stone])
    assert route.hours_problem == (
        "Accelerated BSN takes about 50 hours a week part time (50 full time); 6 hours a week "
        "cannot carry it."
    )
    assert route.hours_options == [
        "Study full time: 16 months at about 50 hours a week.",
        "Set a later target date and raise the hours when life allows.",
        "Start closer: work as Nursing Assistants first (Patient care while studying).",
    ]


def test_a_part_time_programme_takes_its_part_time_length_at_part_time_hours() -> None:
    person = Person(Education.HIGH_SCHOOL, "", 30, None, "")
    target = Target("29-1141.00", "Registered Nurses", 3, "Bachelor's degree", None, None, (RN,))
    programme = route_to(person, target).gates[0]
    assert (programme.name, programme.months) == ("Associate Degree in Nursing (ADN)", 36)
    assert programme.options == [
        "Bachelor of Science in Nursing (BSN) (6 years at your hours)",
    ]


def test_programmes_out_of_reach_put_the_missing_degree_first() -> None:
    pharmacy = _credential(
        "pharmacist-licence",
        programmes=[_programme("PharmD", 48, None, "bachelor's", award="doctoral or professional")],
    )
    person = Person(Education.HIGH_SCHOOL, "", 40, None, "")
    target = Target(
        "29-1051.00", "Pharmacists", 5, "Doctoral or professional degree", None, None, (pharmacy,)
    )
    gates = route_to(person, target).gates
    assert [(g.kind, g.name, g.months) for g in gates[:2]] == [
        ("prerequisite", "Earn a bachelor's degree", 72.0),
        ("programme", "PharmD", 48.0),
    ]


def test_an_apprenticeship_is_a_job_so_spare_hours_do_not_limit_it() -> None:
    journeyman = _credential(
        "electrician-journeyman-licence",
        name="Journeyman electrician licence",
        exam={"name": "Journeyman electrician exam", "by": "State boards", "fee_usd": None},
        programmes=[
            _programme("Registered apprenticeship", 48, None, "high school", award="apprenticeship")
        ],
        experience_months=48,
        experience="About 4 years (8,000 hours) of supervised electrical work.",
    )
    person = Person(Education.HIGH_SCHOOL, "", 4, "41-2011.00", "Cashiers")
    target = Target(
        "47-2111.00",
        "Electricians",
        3,
        "High school diploma or equivalent",
        None,
        "Apprenticeship",
        (journeyman,),
    )
    route = route_to(person, target)
    assert [(g.kind, g.months) for g in route.gates] == [
        ("apprenticeship", 48.0),
        ("exam", 2),
        ("licence", 1),
        ("entry job", None),
    ]
    assert route.hours_problem == ""


def test_experience_that_gates_the_job_is_years_on_a_ladder_not_software() -> None:
    executive = _credential(
        "executive-experience",
        name="Executive experience",
        kind="experience",
        gating="usual",
        programmes=[
            _programme(
                "Progression through management roles", 120, None, "bachelor's", award="none"
            ),
            _programme("MBA or Executive MBA", 24, 36, "bachelor's", award="master's"),
        ],
        experience_months=120,
        experience="Years in management, including senior management.",
    )
    person = Person(Education.BACHELOR, "business", 5, "11-2021.00", "Marketing Managers")
    target = Target(
        "11-1011.00",
        "Chief Executives",
        5,
        "Bachelor's degree",
        "5 years or more",
        None,
        (executive,),
    )
    gates = route_to(person, target).gates
    assert [(g.kind, g.name, g.months) for g in gates] == [
        (
            "experience",
            "10 years of further experience: progression through management roles",
            120.0,
        ),
        ("entry job", "Apply for Chief Executives roles", None),
    ]
    # 5 hours a week cannot carry even a part-time MBA: it is offered at its full-time length.
    assert gates[0].options == ["MBA or Executive MBA (2 years full time)"]


def test_without_a_credential_the_bls_entry_education_experience_and_training_stand_in() -> None:
    person = Person(Education.HIGH_SCHOOL, "", 10, "43-4051.00", "Customer Service Representatives")
    target = Target(
        "13-1082.00",
        "Project Management Specialists",
        4,
        "Bachelor's degree",
        "Less than 5 years",
        "Internship/residency",
        (),
    )
    assert [(g.kind, g.name, g.months) for g in route_to(person, target).gates] == [
        ("degree", "Earn a bachelor's degree", 72.0),
        ("experience", "2 years of related work experience", 24.0),
        ("internship", "Complete an internship or residency", 12.0),
        ("entry job", "Apply for Project Management Specialists roles", None),
    ]


def test_an_optional_credential_helps_without_being_a_gate() -> None:
    pmp = _credential(
        "pmp",
        name="Project Management Professional (PMP)",
        kind="certification",
        gating="optional",
        exam={"name": "PMP exam", "by": "PMI", "fee_usd": 575},
        experience_months=36,
        experience="36 months leading projects.",
    )
    person = Person(Education.BACHELOR, "", 10, None, "")
    target = Target(
        "13-1082.00", "Project Management Specialists", 4, "Bachelor's degree", None, None, (pmp,)
    )
    route = route_to(person, target)
    assert [g.kind for g in route.gates] == ["entry job"]
    assert route.helps == [
        "Project Management Professional (PMP) (exam: PMP exam): not needed to start, but it "
        "helps; 36 months leading projects."
    ]


@pytest.mark.parametrize(
    ("months", "text"), [(1, "1 month"), (16, "16 months"), (24, "2 years"), (42, "3.5 years")]
)
def test_durations_read_as_people_say_them(months: float, text: str) -> None:
    assert months_text(months) == text


def test_what_a_programme_asks_before_admission_is_the_gate_before_it() -> None:
    absn = _programme("Accelerated BSN", 16, None, "bachelor's", hours=50)
    absn |= {"admission": ["anatomy and physiology", "microbiology"], "admission_months": 8}
    rn = _credential("rn", name="Registered nurse (RN) licence", programmes=[absn])
    target = Target("29-1141.00", "Registered Nurses", 3, "Bachelor's degree", None, None, (rn,))
    for field, hint in (("biology", " (your biology studies may cover some)."), ("", ".")):
        person = Person(Education.BACHELOR, field, 50, None, "")
        first, second, *_rest = route_to(person, target).gates
        assert (first.kind, first.months) == ("prerequisite", 8)
        assert first.name.endswith("Accelerated BSN: anatomy and physiology, microbiology")
        assert first.why == f"Accelerated BSN asks for them before it admits you{hint}"
        assert (second.kind, second.name) == ("programme", "Accelerated BSN")


def test_a_programme_that_asks_nothing_more_has_no_admission_gate() -> None:
    assert not [gate for gate in _nurse(Education.BACHELOR) if gate.startswith("prerequisite")]
