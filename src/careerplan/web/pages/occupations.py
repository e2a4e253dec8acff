"""Step 1 from the catalogue: matches, occupation pages, comparison, bridges into a field,
career paths, and the credits of the data."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from careerplan.domain.errors import CareerplanError, DomainRefusal, InvalidInput, NotFound
from careerplan.web.deps import UnitsDep
from careerplan.web.hints import for_page
from careerplan.web.problems import status_for
from careerplan.web.templating import render

router = APIRouter()
MAX_COMPARED = 3
# The credits, in the order `careerplan about` prints them.
CREDITS = (
    ("onet", "O*NET (CC BY 4.0)"),
    ("modified", "Modifications"),
    ("interest_profiler", "O*NET Interest Profiler"),
    ("bls", "U.S. Bureau of Labor Statistics"),
    ("esco", "ESCO (European Commission) and the ESCO-O*NET crosswalk (Nesta)"),
    ("gates", "Licences, certifications and exams"),
)


def _refusal_status(error: CareerplanError) -> int:
    """Bad input keeps its status; "nothing found" is an answer, shown on a normal page."""
    if isinstance(error, (InvalidInput, NotFound)) or not isinstance(error, DomainRefusal):
        return status_for(error)
    return 200


def _saved(units: UnitsDep) -> tuple[Any, str | None, Any]:
    """The exploration, the current occupation code and the vision."""
    from careerplan.services.explore import get_exploration

    with units() as uow:
        exploration = get_exploration(uow)
        profile = uow.profiles.get()
        vision = uow.visions.get()
    return exploration, (profile.current_occupation_code if profile else None), vision


def _own_skills(units: UnitsDep, start: str | None, current: str | None) -> Any:
    """The person's own skills, when the page starts from their job today and their inventory
    rates any (else None: the job's profile stands for them)."""
    from careerplan.catalog import open_catalog
    from careerplan.services.skills_inventory import skill_set

    if not start or start != current:
        return None
    with units() as uow:
        skills = uow.skills.all()
    return skill_set(skills, open_catalog(), start)


def _zone(raw: str) -> tuple[int | None, str | None]:
    if not raw.strip():
        return None, None
    if raw.strip() in ("1", "2", "3", "4", "5"):
        return int(raw), None
    return None, f"A job zone is from 1 (little preparation) to 5 (extensive), not '{raw[:20]}'."


@router.get("/explore/matches", response_class=HTMLResponse)
def matches_page(request: Request, units: UnitsDep, job_zone: str = "") -> HTMLResponse:
    from careerplan.catalog import open_catalog, recommend
    from careerplan.catalog.store import AREA_NAMES

    exploration, current, vision = _saved(units)
    with units() as uow:
        profile = uow.profiles.get()
    zone, error = _zone(job_zone)
    answers = list(exploration.answers) if exploration.complete else None
    reflection = exploration.reflection or None
    result = None
    status = 422 if error else 200
    if not error and (answers is not None or reflection is not None):
        try:
            education = profile.education if profile else None
            result = recommend(answers, reflection, current, zone, 10, education=education)
        except CareerplanError as problem:
            error, status = for_page(problem), _refusal_status(problem)
    known = open_catalog().occupations.get(current or "")
    current_title = known.title if known else None
    context = {
        "result": result,
        "error": error,
        "job_zone": job_zone,
        "exploration": exploration,
        "current": current,
        "current_title": current_title,
        "vision": vision,
        "areas": AREA_NAMES,
    }
    return render(request, "explore_matches.html", context, status, step="explore")


@router.get("/explore/occupations/{code}", response_class=HTMLResponse)
def occupation_page(request: Request, code: str, units: UnitsDep) -> HTMLResponse:
    from careerplan.catalog import profile, requirements
    from careerplan.services.route import my_route

    page = profile(code)  # unknown or malformed codes: the error page, with suggestions
    _, current, vision = _saved(units)
    start = current if current and current != page.code else None
    person = _own_skills(units, start, current)
    needs = requirements(page.code, start, person=person)
    with units() as uow:
        route = my_route(uow, page.code)
    context = {
        "page": page,
        "needs": needs,
        "route": route,
        "current": current,
        "vision": vision,
        "is_dream": bool(vision and vision.dream_occupation_code == page.code),
        "own_skills": person is not None,
    }
    return render(request, "explore_occupation.html", context, step="explore")


def _codes(raw: list[str]) -> list[str]:
    codes: list[str] = []
    for value in raw:
        for part in value.split(","):
            if part.strip() and part.strip() not in codes:
                codes.append(part.strip())
    return codes


@router.get("/explore/compare", response_class=HTMLResponse)
def compare_page(request: Request, codes: list[str] = Query(default=[])) -> HTMLResponse:
    from careerplan.catalog import profile

    wanted = _codes(codes)
    if not 2 <= len(wanted) <= MAX_COMPARED:
        message = (
            f"Compare 2 or 3 occupations at a time; {len(wanted)} "
            f"{'was' if len(wanted) == 1 else 'were'} given. Tick them on the matches page, "
            "or give their codes separated by commas."
        )
        context: dict[str, Any] = {"pages": [], "error": message, "codes": ",".join(wanted)}
        return render(request, "explore_compare.html", context, 422, step="explore")
    pages = [profile(code, top=5) for code in wanted]
    context = {"pages": pages, "error": None, "codes": ",".join(wanted)}
    return render(request, "explore_compare.html", context, step="explore")


@router.get("/explore/bridge", response_class=HTMLResponse)
def bridge_page(
    request: Request,
    units: UnitsDep,
    field: str | None = None,
    from_code: str = Query(default="", alias="from"),
) -> HTMLResponse:
    from careerplan.catalog import bridges, open_catalog

    exploration, current, _ = _saved(units)
    start = from_code.strip() or current or ""
    text = exploration.interest_field if field is None else field
    found: list[Any] = []
    error, status, start_title, person = None, 200, None, None
    if start and text.strip():
        try:
            start_title = open_catalog().occupation(start).title
            person = _own_skills(units, start, None if from_code.strip() else current)
            found = bridges(start, text, limit=10, person=person)
        except CareerplanError as problem:
            error, status = for_page(problem), _refusal_status(problem)
    context = {
        "field": text,
        "start": start,
        "start_title": start_title,
        "from_given": bool(from_code.strip()),
        "own_skills": person is not None,
        "found": found,
        "error": error,
    }
    return render(request, "explore_bridge.html", context, status, step="explore")


@router.get("/explore/path", response_class=HTMLResponse)
def path_page(
    request: Request,
    units: UnitsDep,
    to: str = "",
    from_code: str = Query(default="", alias="from"),
) -> HTMLResponse:
    from careerplan.catalog import career_paths, open_catalog

    _, current, vision = _saved(units)
    start = from_code.strip() or current or ""
    goal = to.strip() or (vision.dream_occupation_code if vision else None) or ""
    found: list[Any] = []
    error, status, titles, person = None, 200, {}, None
    if start and goal:
        try:
            titles = {
                "from": open_catalog().occupation(start).title,
                "to": open_catalog().occupation(goal).title,
            }
            person = _own_skills(units, start, None if from_code.strip() else current)
            found = career_paths(start, goal, alternatives=3, person=person)
        except CareerplanError as problem:
            error, status = for_page(problem), _refusal_status(problem)
    context = {
        "start": start,
        "goal": goal,
        "titles": titles,
        "from_given": bool(from_code.strip()),
        "own_skills": person is not None,
        "paths": found,
        "error": error,
    }
    return render(request, "explore_path.html", context, status, step="explore")


@router.get("/about", response_class=HTMLResponse)
def about_page(request: Request) -> HTMLResponse:
    from careerplan import __version__
    from careerplan.catalog import open_catalog

    catalog = open_catalog()
    notices = catalog.notices()
    sections = [(heading, notices[key]) for key, heading in CREDITS if key in notices]
    context = {"sections": sections, "meta": catalog.meta(), "version": __version__}
    return render(request, "about.html", context)
