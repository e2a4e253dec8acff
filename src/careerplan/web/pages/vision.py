"""Step 2, write it down: the vision form, its stale-edit view, the printable commitment card."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.domain.credentials import education_from
from careerplan.domain.education import Education
from careerplan.domain.entities import VISION_PROMPTS
from careerplan.domain.errors import InvalidInput, NotFound, StaleEdit
from careerplan.domain.rules import EMPTY_NAME, MAX_NAME, MAX_NOTE, clean_optional, clean_text
from careerplan.web.deps import ClockDep, UnitsDep
from careerplan.web.forms import Form
from careerplan.web.hints import for_page
from careerplan.web.templating import render

router = APIRouter()

# (field, label, hint, long text?) in the order the page asks them.
ABOUT_JOB = (
    ("dream_job_title", "Dream job", "e.g. Chief Operating Officer of a high-tech startup", False),
    ("industry", "Industry", "e.g. technology, healthcare, renewable energy", False),
    (
        "organisation_type",
        "Organisation type",
        "e.g. a 50-person startup, a teaching hospital",
        False,
    ),
    ("culture", "Culture", "How people work together there", True),
    ("location", "Location", "City, region or remote", False),
    (
        "target_roles",
        "Roles you would take",
        "e.g. COO, VP of Operations, Head of Operations",
        False,
    ),
    ("organisation_size", "Organisation size", "e.g. 20-200 people", False),
    ("pay_range", "Pay range", "e.g. 120,000-150,000 a year", False),
)
ON_THE_DAY = tuple((key, question, "", True) for key, question in VISION_PROMPTS.items())
SHORT_FIELDS = {
    "dream_job_title",
    "industry",
    "organisation_type",
    "location",
    "target_roles",
    "organisation_size",
    "pay_range",
}


# What a refusal calls each field, as the page asks it, so the message names the field it stands
# beside; a question is named by its words.
FIELD_WORDS = {
    **{key: label.lower() for key, label, *_ in ABOUT_JOB},
    "dream_job_title": "dream job title",
    "target_roles": "list of roles you would take",
    **{key: f"answer to “{question}”" for key, question, *_ in ON_THE_DAY},
}


def _optional_reader(what: str, limit: int) -> Callable[[str], str]:
    return lambda text: clean_optional(text, what, limit)


def _occupation_code(text: str) -> str:
    from careerplan.catalog import open_catalog

    try:
        return open_catalog().occupation(text).code
    except NotFound as error:
        raise InvalidInput(error.what, hint=error.hint) from None


def _read_vision(form: Form) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for key, *_ in (*ABOUT_JOB, *ON_THE_DAY):
        limit = MAX_NAME if key in SHORT_FIELDS else MAX_NOTE
        if key == "dream_job_title":
            changes[key] = form.check(key, lambda t: clean_text(t, "dream job title", MAX_NAME))
        else:
            changes[key] = form.check(key, _optional_reader(FIELD_WORDS[key], limit))
    if "dream_occupation_code" in form.values:  # chosen on the Explore page
        changes["dream_occupation_code"] = form.check("dream_occupation_code", _occupation_code)
    for key, what in (
        ("success_definition", "definition of success"),
        ("commitment", "commitment"),
    ):
        changes[key] = form.check(key, _optional_reader(what, MAX_NOTE))
    return changes


def _page(request: Request, uow: Any, clock: ClockDep, extra: dict[str, Any]) -> dict[str, Any]:
    profile, vision = uow.profiles.get(), uow.visions.get()
    values: dict[str, Any] = {}
    if vision:
        values.update({k: ("" if v is None else v) for k, v in asdict(vision).items()})
    if profile:
        values.update(
            name=profile.name,
            current_job_title=profile.current_job_title,
            hours_per_week=f"{profile.hours_per_week:g}",
            education=profile.education.value if profile.education else "",
            education_field=profile.education_field,
        )
    context = {
        "vision": vision,
        "profile": profile,
        "values": values,
        "errors": {},
        "about_job": ABOUT_JOB,
        "education_levels": [(level.value, level.label) for level in Education],
        "on_the_day": ON_THE_DAY,
        "today": clock.today(),
    }
    context.update(extra)
    return context


@router.get("/vision", response_class=HTMLResponse)
def vision_page(
    request: Request, units: UnitsDep, clock: ClockDep, saved: int = 0, occupation: str = ""
) -> HTMLResponse:
    with units() as uow:
        context = _page(request, uow, clock, {"saved": bool(saved)})
    if occupation:  # "choose as my dream job" before there was a vision
        from careerplan.catalog import open_catalog

        chosen = open_catalog().occupation(occupation)
        values = context["values"]
        values["dream_occupation_code"] = chosen.code
        if not values.get("dream_job_title"):
            values["dream_job_title"] = chosen.title
        context["chosen_title"] = chosen.title
    return render(request, "vision.html", context, step="vision")


@router.post("/vision", response_model=None)
async def save_vision(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.vision import (
        MAX_HOURS_PER_WEEK,
        edit_profile,
        edit_vision,
        init_plan,
    )

    form = await Form.read(request)
    changes = _read_vision(form)
    changes["target_date"] = form.day("target_date", clock.today())
    name = form.check("name", lambda t: clean_text(t, "name", MAX_NAME, empty=EMPTY_NAME))
    job = form.check("current_job_title", lambda t: clean_optional(t, "current job", MAX_NAME))
    hours = form.number("hours_per_week", minimum=0.5, maximum=MAX_HOURS_PER_WEEK)
    education = form.check("education", lambda t: education_from(t) if t.strip() else None)
    education_field = form.check(
        "education_field", lambda t: clean_optional(t, "field of education", MAX_NAME)
    )
    version = form.integer("version")
    if form.errors:
        with units() as uow:
            context = _page(request, uow, clock, form.context())
        return render(request, "vision.html", context, 422, step="vision")
    try:
        with units() as uow:
            if uow.visions.get() is None:
                fields = {k: v for k, v in changes.items() if k != "dream_job_title" and v}
                init_plan(
                    uow,
                    clock,
                    name=name or "",
                    current_job_title=job or "",
                    hours_per_week=hours or 3.0,
                    dream_job_title=changes["dream_job_title"] or "",
                    vision_fields=fields,
                    education=education,
                    education_field=education_field or "",
                )
            else:
                edit_vision(uow, clock, changes, version)
                profile_changes: dict[str, Any] = {
                    "name": name,
                    "current_job_title": job or "",
                    "education": education,
                    "education_field": education_field or "",
                }
                if hours is not None:
                    profile_changes["hours_per_week"] = hours
                edit_profile(uow, profile_changes)
    except StaleEdit:
        with units() as uow:
            context = _page(request, uow, clock, {})
        saved = context["values"]
        context.update(
            conflict=True,
            saved_values=saved,
            values={**saved, **form.values, "version": saved.get("version")},
        )
        return render(request, "vision.html", context, 409, step="vision")
    except InvalidInput as error:
        with units() as uow:
            context = _page(request, uow, clock, {**form.context(), "form_error": for_page(error)})
        return render(request, "vision.html", context, 422, step="vision")
    return RedirectResponse("/vision?saved=1", status_code=303)


@router.get("/vision/card", response_class=HTMLResponse)
def commitment_card(request: Request, units: UnitsDep, clock: ClockDep) -> HTMLResponse:
    from careerplan.services.vision import show_plan_header

    with units() as uow:
        # With no vision yet the card says where to write one, like every other empty page.
        profile, vision = show_plan_header(uow) if uow.visions.get() else (None, None)
    context = {"profile": profile, "vision": vision, "today": clock.today()}
    return render(request, "card.html", context, step="vision")
