"""Step 5, revisit the plan: the guided review (one card per active goal), its stale-edit view,
the history of reviews, and the form for the review rhythm."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.domain.entities import Decision, ReviewCadence
from careerplan.domain.errors import DomainRefusal, InvalidInput, StaleEdit
from careerplan.domain.rules import MAX_NOTE, MAX_TEXT, clean_optional
from careerplan.domain.status import WEEKDAYS
from careerplan.services.reviews import MAX_REMINDER_DAYS, clean_target
from careerplan.web.deps import ClockDep, UnitsDep, smart_settings
from careerplan.web.forms import Form
from careerplan.web.hints import for_page
from careerplan.web.templating import render

router = APIRouter()

# How many past reviews the page lists; the CLI and the API give them all.
HISTORY_SHOWN = 20
CONFIDENCE = (
    (1, "1 · not at all"),
    (2, "2 · doubtful"),
    (3, "3 · unsure"),
    (4, "4 · fairly sure"),
    (5, "5 · certain"),
)
_VERSION_FIELD = re.compile(r"^g(\d{1,10})_version$")
# A review rewords a handful of goals; a longer list in the address is not one the page made.
MAX_CHECKED = 50


def _defaults(draft: Any) -> dict[str, str]:
    """The form as it opens: last answers where there are some, else the status's figures."""
    values: dict[str, str] = {}
    for item in draft.items:
        key, last = f"g{item.goal.id}", item.latest
        progress = last.progress if last and last.progress is not None else item.progress_percent
        values[f"{key}_progress"] = f"{progress:g}"
        values[f"{key}_confidence"] = str(last.confidence if last and last.confidence else 3)
        values[f"{key}_decision"] = "keep"
        values[f"{key}_version"] = str(item.goal.version)
        measure = item.goal.measure
        if measure is not None and measure.current is not None:
            values[f"{key}_measure"] = f"{measure.current:g}"
    return values


def _context(uow: Any, clock: ClockDep, extra: dict[str, Any]) -> dict[str, Any]:
    from careerplan.services.reviews import goal_texts, review_history, start_review

    draft = start_review(uow, clock)
    values = {**_defaults(draft), **extra.pop("answers", {})}
    known = {goal.id: goal for goal in uow.goals.all()}
    rechecked = [known[goal_id] for goal_id in extra.pop("checked", []) if goal_id in known]
    context: dict[str, Any] = {
        "vision": uow.visions.get(),
        "draft": draft,
        "status": draft.status,
        "history": review_history(uow)[:HISTORY_SHOWN],
        "texts": goal_texts(uow),
        "values": values,
        "errors": {},
        "settings_values": _settings_values(draft.status.preferences),
        "settings_errors": {},
        "decisions": list(Decision),
        "confidence": CONFIDENCE,
        "cadences": list(ReviewCadence),
        "weekdays": [(number, name.capitalize()) for number, name in enumerate(WEEKDAYS)],
        "today": clock.today(),
        "rechecked": rechecked,
    }
    context.update(extra)
    return context


def _settings_values(preferences: Any) -> dict[str, str]:
    return {
        "cadence": preferences.review_cadence.value,
        "weekday": str(preferences.review_weekday),
        "reminder_days": str(preferences.reminder_days),
        "digest_email": preferences.digest_email,
        "version": str(preferences.version),
    }


def _page(
    request: Request, units: UnitsDep, clock: ClockDep, extra: dict[str, Any], status: int = 200
) -> HTMLResponse:
    with units() as uow:
        context = _context(uow, clock, extra)
    return render(request, "review.html", context, status, step="review")


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    units: UnitsDep,
    clock: ClockDep,
    saved: str | None = None,
    again: bool = False,
    checked: str = "",
) -> HTMLResponse:
    """The review form, unless today's review is saved: then what it said, and a way to hold
    another (a second submission by mistake is a second review). `checked` names the goals the
    saved review reworded, shown with their new S.M.A.R.T. check."""
    parts = checked.split(",")[:MAX_CHECKED]
    ids = list(dict.fromkeys(int(part) for part in parts if part.isdigit()))
    return _page(request, units, clock, {"saved": saved, "again": again, "checked": ids})


def _percent(form: Form, name: str) -> float | None:
    value = form.number(name, minimum=0, maximum=100)
    if name in form.errors:
        form.errors[name] = "Give a percentage from 0 to 100."
    return value


def _read_entry(form: Form, goal_id: int, clock: ClockDep) -> Any:
    from careerplan.services.reviews import EntryInput

    key = f"g{goal_id}"
    confidence = form.integer(f"{key}_confidence")
    if confidence is not None and not 1 <= confidence <= 5:
        form.errors[f"{key}_confidence"] = "Choose a confidence from 1 to 5."
    try:
        decision = Decision(form.text(f"{key}_decision") or "keep")
    except ValueError:
        form.errors[f"{key}_decision"] = "Choose keep, adjust, drop or done."
        decision = Decision.KEEP
    text = form.check(f"{key}_text", lambda t: clean_optional(t, "new wording", MAX_TEXT))
    due = form.day(f"{key}_due", clock.today())
    target = _target(form, f"{key}_target")
    if decision is not Decision.ADJUST and (text or due or target is not None):
        form.errors[f"{key}_decision"] = (
            "New wording, a new due date or a new target goes with Adjust."
        )
    return EntryInput(
        goal_id=goal_id,
        progress=_percent(form, f"{key}_progress"),
        confidence=confidence,
        decision=decision,
        note=form.check(f"{key}_note", lambda t: clean_optional(t, "note", MAX_NOTE)) or "",
        version=form.integer(f"{key}_version"),
        text=text or None,
        due=due,
        measure_current=_measure(form, f"{key}_measure"),
        target=target,
    )


def _measure(form: Form, name: str) -> float | None:
    return form.number(name, minimum=-1e12, maximum=1e12)


def _target(form: Form, name: str) -> float | None:
    """A new target for the goal's measure; whether the goal has one is the service's call."""
    value = form.number(name)
    return None if value is None else form.check(name, lambda _: clean_target(value))


def _goal_ids(form: Form) -> list[int]:
    """The goals the form showed, in its order (each card carries its goal's version)."""
    found = (_VERSION_FIELD.match(name) for name in form.values)
    return [int(match.group(1)) for match in found if match]


@router.post("/review", response_model=None)
async def record_review_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.reviews import ReviewInput, record_review

    form = await Form.read(request)
    entries = [_read_entry(form, goal_id, clock) for goal_id in _goal_ids(form)]
    went_well = form.check("went_well", lambda t: clean_optional(t, "answer", MAX_NOTE))
    in_the_way = form.check("got_in_the_way", lambda t: clean_optional(t, "answer", MAX_NOTE))
    kept = {**form.context(), "values": form.values}
    if form.errors:
        return _page(request, units, clock, kept, 422)
    data = ReviewInput(entries, went_well or "", in_the_way or "")
    try:
        with units() as uow:
            record_review(uow, clock, data, smart_settings(request))
    except StaleEdit as error:
        return _page(request, units, clock, _stale(form, error), 409)
    except InvalidInput as error:
        return _page(request, units, clock, {**kept, "form_error": for_page(error)}, 422)
    except DomainRefusal as error:  # a goal closed or deleted since the page was opened
        return _page(request, units, clock, {**kept, "form_error": for_page(error)}, 409)
    reworded = [e.goal_id for e in entries if e.decision is Decision.ADJUST and e.text]
    checked = f"&checked={','.join(map(str, reworded))}" if reworded else ""
    return RedirectResponse(f"/review?saved=review{checked}", status_code=303)


def _stale(form: Form, error: StaleEdit) -> dict[str, Any]:
    """The person's answers kept; the versions are left to the fresh page, so saving again
    applies them to the goals as they now stand."""
    answers = {k: v for k, v in form.values.items() if not _VERSION_FIELD.match(k)}
    return {"conflict": for_page(error), "answers": answers}


@router.post("/review/settings", response_model=None)
async def save_settings(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.reviews import clean_email, set_preferences

    form = await Form.read(request)
    try:
        cadence = ReviewCadence(form.text("cadence"))
    except ValueError:
        form.errors["cadence"] = "Choose weekly, monthly or quarterly."
        cadence = None
    weekday = form.integer("weekday")
    if weekday is not None and not 0 <= weekday <= 6:
        form.errors["weekday"] = "Choose a day of the week."
    reminder = form.integer("reminder_days")
    if reminder is not None and not 0 <= reminder <= MAX_REMINDER_DAYS:
        form.errors["reminder_days"] = f"Remind 0 to {MAX_REMINDER_DAYS} days before a review."
    email = form.check("digest_email", clean_email)
    failed = {"settings_values": form.values, "settings_errors": form.errors}
    if form.errors:
        return _page(request, units, clock, failed, 422)
    try:
        with units() as uow:
            set_preferences(
                uow,
                cadence=cadence,
                weekday=weekday,
                reminder_days=reminder,
                email=email,
                expected_version=form.integer("version"),
            )
    except StaleEdit as error:
        return _page(request, units, clock, {"settings_conflict": for_page(error)}, 409)
    return RedirectResponse("/review?saved=settings", status_code=303)
