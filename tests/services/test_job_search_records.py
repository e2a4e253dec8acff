"""The job search's records: skills, résumés and applications, kept on both databases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.conftest import TODAY

from careerplan.domain.entities import Category, ResourceKind
from careerplan.domain.errors import InvalidInput, NotFound, StaleEdit
from careerplan.domain.job_search import FOLLOW_UP_DAYS, Evidence, Stage
from careerplan.services.applications import (
    add_application,
    edit_application,
    import_resume,
    move_application,
    remove_application,
)
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.resources import add_resource
from careerplan.services.skills_inventory import (
    add_skill,
    remove_skill,
    seed_from_job,
    set_skill,
    skill_set,
)
from careerplan.services.vision import edit_vision
from careerplan.services.workspace import Workspace

RESUME = """Ana Lima
Product manager

Experience
Product manager, Acme (2019-2026)
- Led a team of 6 engineers and designers
- Wrote SQL reports on churn

Skills
Python
Project management
"""

POSTING = """Registered Nurse
Requirements
- Current RN licence
- 2 years of experience in acute care
"""


def test_a_skill_named_by_the_person_is_confirmed_and_linked(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        skill = add_skill(uow, clock, "  Critical Thinking ", level=5)
        other = add_skill(uow, clock, "python (computer programming)")
    assert (skill.label, skill.level, skill.confirmed, skill.element) == (
        "Critical Thinking",
        5,
        True,
        "Critical Thinking",
    )
    assert other.uri is not None
    assert other.uri.startswith("http://data.europa.eu/esco/skill/")
    assert skill.noted_on == TODAY


def test_the_same_skill_twice_is_refused_whatever_its_case(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        add_skill(uow, clock, "Budgeting")
    with pytest.raises(InvalidInput, match="already in your skills"), story.unit() as uow:
        add_skill(uow, clock, "BUDGETING ")
    with story.unit() as uow:
        assert [s.label for s in uow.skills.all()] == ["Budgeting"]


@pytest.mark.parametrize("level", [-1, 8, 2.5, True])
def test_a_level_outside_the_scale_is_refused(
    story: Workspace, clock: FixedClock, level: object
) -> None:
    with pytest.raises(InvalidInput, match="0 to 7"), story.unit() as uow:
        add_skill(uow, clock, "Budgeting", level=level)  # type: ignore[arg-type]
    with story.unit() as uow:
        assert uow.skills.all() == []


def test_seeding_from_the_job_proposes_its_skills_unconfirmed(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        added = seed_from_job(uow, clock)
        again = seed_from_job(uow, clock)
    assert len(added) >= 10
    assert again == []
    assert all(not s.confirmed and s.evidence is Evidence.JOB and s.element for s in added)
    assert all(s.level is not None and 0 <= s.level <= 7 for s in added)


def test_an_edit_confirms_and_a_stale_edit_is_refused(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        skill = seed_from_job(uow, clock)[0]
    assert skill.id is not None
    with story.unit() as uow:
        edited = set_skill(uow, clock, skill.id, level=6, expected_version=skill.version)
    assert (edited.level, edited.confirmed, edited.version) == (6, True, 2)
    with pytest.raises(StaleEdit), story.unit() as uow:
        set_skill(uow, clock, skill.id, level=2, expected_version=1)
    with story.unit() as uow:
        remove_skill(uow, skill.id)
    with pytest.raises(NotFound), story.unit() as uow:
        uow.skills.get(skill.id)


def test_the_inventory_levels_replace_the_jobs_in_the_gap_to_the_dream_job(
    story: Workspace, clock: FixedClock
) -> None:
    from careerplan.catalog import open_catalog
    from careerplan.services.proposal import plan_gap

    with story.unit() as uow:
        edit_vision(uow, clock, {"dream_occupation_code": "11-1021.00"})
        before = {g.name: g for g in plan_gap(uow)[0].skill_gaps}
        assert skill_set(uow.skills.all(), open_catalog(), "11-2021.00") is None
        judgment = "Staffing Organizational Units"
        assert judgment in before
        add_skill(uow, clock, judgment, level=7)
        add_skill(uow, clock, "Coaching and Developing Others", level=0)
        after = {g.name: g for g in plan_gap(uow)[0].skill_gaps}
    assert judgment not in after
    coaching = "Coaching and Developing Others"
    assert after[coaching].level == 0
    assert before[coaching].level > 0


def test_without_a_current_job_the_inventory_alone_measures_the_gap(
    story: Workspace, clock: FixedClock
) -> None:
    from careerplan.services.proposal import plan_gap
    from careerplan.services.vision import edit_profile

    with story.unit() as uow:
        edit_profile(uow, {"current_job_title": ""})
        edit_vision(uow, clock, {"dream_occupation_code": "11-1021.00"})
        add_skill(uow, clock, "Speaking", level=6)
        gap, notes = plan_gap(uow)
    gaps = {g.name: g for g in gap.skill_gaps}
    assert "Speaking" not in gaps
    assert all(g.level == 0 for g in gaps.values())
    assert not any("estimates" in note.what for note in notes)


def test_a_resume_is_kept_and_its_skills_wait_for_confirmation(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        imported = import_resume(uow, clock, RESUME, "ana.md")
    assert imported.resume.id is not None
    assert imported.added
    assert all(
        s.evidence is Evidence.RESUME and not s.confirmed and s.shown_by for s in imported.added
    )
    with story.unit() as uow:
        latest = uow.resumes.latest()
    assert latest is not None
    assert (latest.id, latest.name, latest.text) == (imported.resume.id, "ana.md", RESUME.strip())


def test_an_application_moves_through_stages_with_a_dated_history(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        resume = import_resume(uow, clock, RESUME, "ana.md").resume
        sam = add_resource(uow, ResourceKind.PERSON, "Sam")
        saved = add_application(
            uow, clock, POSTING, organisation="St Mary's", contact_ids=[sam.id or 0]
        )
    assert (saved.title, saved.stage, saved.follow_up, saved.resume_id) == (
        "Registered Nurse",
        Stage.SAVED,
        None,
        resume.id,
    )
    assert saved.occupation_code == "29-1141.00"
    assert saved.id is not None
    with story.unit() as uow:
        # Sent ten days before it was saved here: dated when it was sent.
        sent = TODAY - timedelta(days=10)
        applied = move_application(uow, clock, saved.id, Stage.APPLIED, on=sent)
    assert applied.follow_up == sent + timedelta(days=FOLLOW_UP_DAYS)
    with story.unit() as uow:
        move_application(uow, clock, saved.id, Stage.REJECTED, note="Filled internally")
        kept = uow.applications.get(saved.id)
    assert [(c.stage, c.on) for c in kept.history] == [
        (Stage.SAVED, TODAY),
        (Stage.APPLIED, sent),
        (Stage.REJECTED, TODAY),
    ]
    assert kept.applied_on == sent
    assert kept.follow_up is None
    assert kept.contact_ids == [sam.id]
    with pytest.raises(InvalidInput, match="cannot be dated before"), story.unit() as uow:
        move_application(uow, clock, saved.id, Stage.OFFER, on=sent)
    with pytest.raises(InvalidInput, match="after today"), story.unit() as uow:
        move_application(uow, clock, saved.id, Stage.OFFER, on=TODAY + timedelta(days=1))


def test_a_contact_must_be_a_person(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        course = add_resource(uow, ResourceKind.COURSE, "NCLEX prep")
    with pytest.raises(InvalidInput, match="not a person"), story.unit() as uow:
        add_application(uow, clock, POSTING, contact_ids=[course.id or 0])
    with story.unit() as uow:
        assert uow.applications.all() == []


def test_a_goal_of_applying_counts_applications_by_itself(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        goal = add_goal(
            uow,
            clock,
            text="Apply for 10 RN roles by March",
            parent_id=1,
            category=Category.EXPERIENCE,
            metric="applications sent",
            target=10,
        ).goal
        first = add_application(uow, clock, POSTING, stage=Stage.APPLIED)
        add_application(uow, clock, POSTING)
        second = add_application(uow, clock, POSTING)
        assert second.id is not None
        assert goal.id is not None
        move_application(uow, clock, second.id, Stage.APPLIED)
        assert uow.goals.get(goal.id).measure.current == 2  # type: ignore[union-attr]
        remove_application(uow, first.id or 0)
        assert uow.goals.get(goal.id).measure.current == 1  # type: ignore[union-attr]


def test_edits_keep_the_follow_up_the_person_sets(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        saved = add_application(uow, clock, POSTING, stage=Stage.APPLIED)
        edited = edit_application(
            uow, clock, saved.id or 0, follow_up=date(2027, 1, 4), notes="Call HR"
        )
    assert (edited.follow_up, edited.notes) == (date(2027, 1, 4), "Call HR")
    with story.unit() as uow:
        assert uow.applications.follow_ups(date(2027, 1, 4))[0].id == saved.id
        assert uow.applications.follow_ups(date(2027, 1, 3)) == []


@pytest.mark.parametrize("label", ["line one\nline two", "tab\there", "evil\u202etxt.exe"])
def test_a_skill_name_is_one_line_of_plain_text(
    story: Workspace, clock: FixedClock, label: str
) -> None:
    with pytest.raises(InvalidInput, match="one line of plain text"), story.unit() as uow:
        add_skill(uow, clock, label)
    with story.unit() as uow:
        assert add_skill(uow, clock, "Nursing 👩\u200d⚕️").label == "Nursing 👩\u200d⚕️"


def test_the_card_puts_what_a_resume_or_a_goal_shows_before_the_jobs_profile() -> None:
    from careerplan.domain.job_search import Skill
    from careerplan.services.skills_inventory import proven

    skills = [
        Skill("Medicine and Dentistry", 5, Evidence.JOB, confirmed=True),
        Skill("SQL", None, Evidence.RESUME, confirmed=True),
        Skill("Budgeting", 4, Evidence.GOAL, confirmed=True),
        Skill("Juggling", 7, Evidence.SAID, confirmed=True),
        Skill("Python", 6, Evidence.RESUME, confirmed=False),
    ]
    assert [s.label for s in proven(skills)] == ["Budgeting", "SQL", "Medicine and Dentistry"]
