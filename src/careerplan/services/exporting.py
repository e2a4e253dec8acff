"""`careerplan export`: read the whole plan once and hand it to the format's renderer."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from careerplan.domain.errors import InvalidInput
from careerplan.exports.snapshot import PlanSnapshot
from careerplan.services.clock import Clock
from careerplan.storage.schema_head import HEAD

if TYPE_CHECKING:
    from careerplan.services.workspace import Workspace
    from careerplan.storage.unit_of_work import UnitOfWork


class Renderer(Protocol):
    def __call__(self, snapshot: PlanSnapshot) -> bytes: ...


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    media_type: str
    suffix: str
    # "module:function"; imported only when used, so PDF's heavy imports stay off other paths.
    renderer: str
    description: str

    @property
    def is_text(self) -> bool:
        return self.media_type != "application/pdf"

    def render(self, snapshot: PlanSnapshot) -> bytes:
        module, function = self.renderer.split(":")
        renderer: Renderer = getattr(importlib.import_module(module), function)
        return renderer(snapshot)


FORMATS: dict[str, ExportFormat] = {
    format.name: format
    for format in (
        ExportFormat(
            "markdown",
            "text/markdown; charset=utf-8",
            ".md",
            "careerplan.exports.markdown:render",
            "the whole written plan, for notes and wikis",
        ),
        ExportFormat(
            "pdf",
            "application/pdf",
            ".pdf",
            "careerplan.exports.pdf:render_plan",
            "the plan, printable",
        ),
        ExportFormat(
            "card",
            "application/pdf",
            ".pdf",
            "careerplan.exports.pdf:render_card",
            "the one-page commitment card, printable",
        ),
        ExportFormat(
            "ics",
            "text/calendar; charset=utf-8",
            ".ics",
            "careerplan.exports.ical:render",
            "deadlines, repeating actions and reviews, with alarms, for a calendar",
        ),
        ExportFormat(
            "json",
            "application/json",
            ".json",
            "careerplan.exports.backup:render",
            "a complete backup, to restore later or on another computer",
        ),
        ExportFormat(
            "csv",
            "text/csv; charset=utf-8",
            ".csv",
            "careerplan.exports.spreadsheet:render",
            "goals and actions, for spreadsheets",
        ),
    )
}


def export_format(name: str) -> ExportFormat:
    found = FORMATS.get(name.strip().lower())
    if found is None:
        choices = ", ".join(FORMATS)
        raise InvalidInput(f"There is no export format {name!r}. Choose one of: {choices}.")
    return found


def load_snapshot(uow: UnitOfWork, clock: Clock) -> PlanSnapshot:
    """The whole plan as one consistent read (one transaction)."""
    return PlanSnapshot(
        exported_at=clock.now(),
        schema_revision=HEAD,
        today=clock.today(),
        owner_id=uow.owner_id,
        profile=uow.profiles.get(),
        vision=uow.visions.get(),
        exploration=uow.explorations.get(),
        preferences=uow.preferences.get(),
        goals=uow.goals.all(),
        actions=uow.actions.all(),
        resources=uow.resources.all(),
        checkins=uow.checkins.all(),
        reviews=uow.reviews.all(),
        accepted_proposals=uow.proposals.accepted(),
        accepted_on=uow.proposals.accepted_on(),
        skills=uow.skills.all(),
        resumes=uow.resumes.all(),
        applications=uow.applications.all(),
    )


def export_plan(workspace: Workspace, clock: Clock, format_name: str) -> bytes:
    chosen = export_format(format_name)
    with workspace.unit() as uow:
        snapshot = load_snapshot(uow, clock)
    return chosen.render(snapshot)
