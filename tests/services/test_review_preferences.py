"""The review rhythm and the digest address: defaults, changes, and refusals that keep what
was saved."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.entities import ReviewCadence
from careerplan.domain.errors import InvalidInput, StaleEdit
from careerplan.services.clock import FixedClock
from careerplan.services.review_status import plan_status
from careerplan.services.reviews import clean_email, set_preferences
from careerplan.services.workspace import Workspace


def test_a_new_plan_reviews_weekly_on_sunday(workspace: Workspace, clock: FixedClock) -> None:
    with workspace.unit() as uow:
        status = plan_status(uow, clock.today())
    preferences = status.preferences
    assert (preferences.review_cadence, preferences.review_weekday) == (ReviewCadence.WEEKLY, 6)
    assert (preferences.reminder_days, preferences.digest_email, preferences.version) == (1, "", 1)
    assert status.next_review == date(2026, 11, 29)


def test_changes_are_saved_and_move_the_next_review(
    workspace: Workspace, clock: FixedClock
) -> None:
    with workspace.unit() as uow:
        saved = set_preferences(
            uow,
            cadence=ReviewCadence.MONTHLY,
            weekday=4,
            reminder_days=2,
            email=" ana@example.org ",
        )
    assert saved.version == 1
    with workspace.unit() as uow:
        set_preferences(uow, weekday=0, expected_version=1)
    with workspace.unit() as uow:
        status = plan_status(uow, clock.today())
    preferences = status.preferences
    assert (
        preferences.review_cadence,
        preferences.review_weekday,
        preferences.reminder_days,
        preferences.digest_email,
        preferences.version,
    ) == (ReviewCadence.MONTHLY, 0, 2, "ana@example.org", 2)
    assert status.next_review == date(2026, 11, 30)  # no review yet: the next Monday


def test_an_empty_address_stops_the_digest(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        set_preferences(uow, email="ana@example.org")
    with workspace.unit() as uow:
        assert set_preferences(uow, email="  ").digest_email == ""


@pytest.mark.parametrize(
    "address",
    [
        "ana",
        "ana@",
        "@example.org",
        "ana@example",
        "ana@@example.org",
        "ana smith@example.org",
        "ana@example..org",
        "ana@example.org\nBcc: eve@example.org",
        "Ana <ana@example.org>",
        "ana,bob@example.org",
        "ana\x00@example.org",
        "ana\ud800@example.org",
        "a" * 250 + "@example.org",
    ],
)
def test_an_address_that_is_not_one_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput, match=r"is not an e-mail address\. Write it as name@example"):
        clean_email(address)


@pytest.mark.parametrize(
    "address", ["ana@example.org", "ana.silva+career@mail.example.co.uk", "josé@exämple.org"]
)
def test_ordinary_addresses_are_accepted(address: str) -> None:
    assert clean_email(address) == address


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weekday": 7}, "The weekday is 0 (Monday) to 6 (Sunday); got 7."),
        ({"reminder_days": -1}, "Remind 0 to 30 days before a review; got -1."),
        ({"reminder_days": 31}, "got 31"),
        ({"email": "not an address"}, "'not an address' is not an e-mail address"),
    ],
)
def test_settings_out_of_range_are_refused_and_nothing_changes(
    workspace: Workspace, changes: dict[str, object], message: str
) -> None:
    with workspace.unit() as uow:
        set_preferences(uow, cadence=ReviewCadence.QUARTERLY)
    with pytest.raises(InvalidInput) as refused, workspace.unit() as uow:
        set_preferences(uow, cadence=ReviewCadence.WEEKLY, **changes)  # type: ignore[arg-type]
    assert message in str(refused.value)
    with workspace.unit() as uow:
        assert uow.preferences.get().review_cadence is ReviewCadence.QUARTERLY


def test_a_change_made_on_stale_settings_is_refused(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        set_preferences(uow, weekday=2)
    with workspace.unit() as uow:
        set_preferences(uow, weekday=3, expected_version=1)
    with pytest.raises(StaleEdit) as refused, workspace.unit() as uow:
        set_preferences(uow, weekday=5, expected_version=1)
    assert str(refused.value) == (
        "Your review settings were changed elsewhere (you edited version 1, they are now "
        "version 2). Nothing was saved: show them again and repeat your change."
    )
    with workspace.unit() as uow:
        assert uow.preferences.get().review_weekday == 3
