"""More ways people write goals, beyond the labelled sets: the whole verdict at a glance."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.smart import analyse

TODAY = date(2026, 11, 25)
PARENT = "Become a senior product manager"


@pytest.mark.parametrize(
    ("text", "letters", "deadline", "measure"),
    [
        ("Finish my CIPD Level 5 by the end of Q2 next year.", "SMART", "2027-06-30", "outcome"),
        ("Get my first 1,000 newsletter subscribers by spring 2027.", "SMA?T", "2027-05-31",
         "count"),
        ("Pass Google Associate Cloud Engineer by 28 Feb.", "SMART", "2027-02-28", "outcome"),
        ("Write a 2,000-word essay on IFRS 17 by Monday.", "SMA?T", "2026-11-30", "outcome"),
        ("Raise NPS from 32 to 45 by year-end.", "SMA?T", "2026-12-31", "target"),
        ("Go from 5 to 8 direct reports by the start of Q4.", "SMART", "2027-10-01", "count"),
        ("Complete a 12-week bootcamp starting in February.", "SMARt", None, "outcome"),
        ("I want to earn my CSM by mid-January 2027.", "SMART", "2027-01-16", "outcome"),
        ("Improve my Excel skills by taking a course on pivot tables by March 1st.", "SM?RT",
         "2027-03-01", "outcome"),
        ("Read the first 3 chapters of Designing Data-Intensive Applications this weekend.",
         "SMART", "2026-11-29", "count"),
        ("Meet 10 hiring managers for coffee over the next quarter.", "SMART", "2027-02-25",
         "count"),
        ("Increase revenue per client by 15% YoY.", "SMA?t", None, "percentage"),
        ("Become CEO of my company by next summer.", "SMa?T", "2027-08-31", "outcome"),
        ("Present our Q3 results to the board.", "SMA?t", None, "outcome"),
        ("Earn a bachelor's degree in nursing within 12 months.", "SMaRT", "2027-11-25",
         "outcome"),
        ("Shadow a senior colleague once a month until Easter.", "SMART", "2027-03-28",
         "occurrences"),
        ("Send the proposal by EOD Friday.", "SMA?T", "2026-11-27", "outcome"),
        ("Submit the form by the 3rd.", "SMA?T", "2026-12-03", "outcome"),
        ("Complete my teaching qualification by the end of the academic year.", "SMART",
         "2027-07-31", "outcome"),
        ("Finish my MSc thesis by 12/2027.", "SMART", "2027-12-31", "outcome"),
        ("Launch the podcast by Dec '27.", "SMART", "2027-12-31", "outcome"),
        ("Pass the CKA by Q4'27.", "SMART", "2027-12-31", "outcome"),
        ("Ship the MVP in two weeks' time.", "SMART", "2026-12-09", "outcome"),
        ("Close 3 enterprise deals before the fiscal year ends.", "SMA?T", "2026-12-31",
         "count"),
        ("Interview 20 customers in the next 2-3 months.", "SMART", "2027-02-25", "count"),
        ("Call the recruiter at 3pm tomorrow.", "SMART", "2026-11-26", "outcome"),
    ],
)  # fmt: skip
def test_the_verdicts_on_other_phrasings(
    text: str, letters: str, deadline: str | None, measure: str
) -> None:
    report = analyse(text, PARENT, today=TODAY)
    assert report.letters == letters
    assert report.deadline == (date.fromisoformat(deadline) if deadline else None)
    assert report.measure is not None
    assert report.measure.kind == measure


@pytest.mark.parametrize(
    "text",
    ["Deliver the 2027 Q1 roadmap.", "Present our Q3 results to the board.",
     "Finish the report ASAP.", "Learn Kubernetes in the coming weeks."],
)  # fmt: skip
def test_labels_and_vague_times_give_no_deadline(text: str) -> None:
    assert analyse(text, PARENT, today=TODAY).deadline is None


def test_an_event_of_unknown_date_makes_it_time_bound() -> None:
    report = analyse("Run a half marathon by my 30th birthday.", PARENT, today=TODAY)
    assert (report.time_bound.ok, report.deadline) == (True, None)


@pytest.mark.parametrize(
    ("text", "kind", "metric"),
    [
        ("Hire a junior designer by Q2.", "outcome", "hire"),
        ("Migrate our billing service to Kubernetes.", "outcome", "change"),
        ("Finish writing my novel.", "outcome", "artefact"),
        ("Organise a charity bake sale next month.", "outcome", "event"),
        ("Reach conversational Italian (B1) by September.", "outcome", "level"),
        ("Increase my billable hours to 30 per week.", "rate", "hours"),
    ],
)
def test_more_checkable_results(text: str, kind: str, metric: str) -> None:
    report = analyse(text, PARENT, today=TODAY)
    assert report.measure is not None
    assert (report.measure.kind, report.measure.metric) == (kind, metric)


def test_a_rate_to_reach_is_not_a_repeat() -> None:
    assert analyse("Increase my billable hours to 30 per week.", today=TODAY).recurrence is None


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Submit two abstracts before the ICML deadline.", "before the ICML deadline"),
        ("Give a lightning talk at the next all-hands meeting.", "at the next all-hands meeting"),
        ("Ask for a raise in our next 1:1.", "in our next 1:1"),
    ],
)
def test_a_named_coming_event_is_a_time_frame(text: str, evidence: str) -> None:
    report = analyse(text, today=TODAY)
    assert (report.time_bound.ok, report.deadline) == (True, None)
    assert [span.text for span in report.time_bound.evidence] == [evidence]


def test_a_meeting_without_next_is_not_a_time_frame() -> None:
    assert analyse("Present at the team meeting.", today=TODAY).time_bound.ok is False


def test_word_forms_meet_in_the_relevance_check() -> None:
    report = analyse("Save 15% of my salary each month.", "Own a veterinary practice", today=TODAY)
    assert report.relevant.ok is True
    assert [span.text for span in report.relevant.evidence] == ["Save"]
