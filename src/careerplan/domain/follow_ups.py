"""An open application's follow-up: a dated thing to do, shown beside the plan's actions in the
day's view, the digest and the calendar."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerplan.domain.job_search import Application


def follow_up_text(application: Application) -> str:
    """'Follow up: Head of Operations at Fintech Ltd' (no 'at' without an organisation)."""
    where = f" at {application.organisation}" if application.organisation.strip() else ""
    return f"Follow up: {application.title}{where}"


def follow_ups_due(applications: Iterable[Application], until: date) -> list[Application]:
    """The open applications whose follow-up falls on or before `until`, soonest first; an
    application that has ended owes none, whatever date it still holds."""
    due = [
        application
        for application in applications
        if application.follow_up is not None
        and application.follow_up <= until
        and not application.stage.closed
    ]
    return sorted(due, key=lambda a: (a.follow_up or until, a.id or 0))
