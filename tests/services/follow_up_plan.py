"""Ana's applications around the story's day (Wednesday 25 November 2026): follow-ups that are
overdue, due this week, due on the week's last day and due after it, one on an application that
has ended, and one application saved with none."""

from __future__ import annotations

from datetime import date, timedelta

from careerplan.domain.job_search import Application, Stage, StageChange
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace

OVERDUE = date(2026, 11, 20)
THIS_WEEK = date(2026, 11, 27)
LAST_DAY = date(2026, 11, 25) + timedelta(days=6)  # the week's and the digest's last day
AFTER = LAST_DAY + timedelta(days=1)
SENT = StageChange(Stage.APPLIED, date(2026, 11, 13))
ENDED = StageChange(Stage.REJECTED, date(2026, 11, 18))


def _sent(title: str, organisation: str, follow_up: date) -> Application:
    return Application(
        title, organisation=organisation, stage=Stage.APPLIED, follow_up=follow_up, history=[SENT]
    )


def add_applications(workspace: Workspace, clock: FixedClock) -> dict[str, int]:
    """The applications' ids by title."""
    records = [
        _sent("Head of Operations", "Fintech Ltd", OVERDUE),
        _sent("COO", "Acme «Labs»", THIS_WEEK),
        _sent("Chief of Staff", "", LAST_DAY),
        _sent("VP Operations", "Later Inc", AFTER),
        # Ended: the date it still holds owes nothing.
        Application(
            "Operations Lead",
            organisation="Gone",
            stage=Stage.REJECTED,
            follow_up=THIS_WEEK,
            history=[SENT, ENDED],
        ),
        Application(
            "Programme Manager",
            organisation="Saved Co",
            history=[StageChange(Stage.SAVED, date(2026, 11, 10))],
        ),
    ]
    ids: dict[str, int] = {}
    with workspace.unit() as uow:
        for application in records:
            application.created_at = application.updated_at = clock.now()
            uow.applications.add(application)
            assert application.id is not None
            ids[application.title] = application.id
    return ids
