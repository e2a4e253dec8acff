"""Step 1, define the dream job: the hub, the interest profiler, the reflection, the current job,
choosing the dream job, and the interest profile chart."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.domain.entities import INTEREST_ITEMS, Exploration
from careerplan.domain.errors import DomainRefusal, InvalidInput, NotFound, StaleEdit
from careerplan.web.deps import ClockDep, UnitsDep
from careerplan.web.forms import Form
from careerplan.web.hints import for_page
from careerplan.web.templating import render

router = APIRouter()
SVG = "image/svg+xml"
SCALE = ("Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like")
# The article's prompts, in its order.
PROMPTS = (
    "Think about moments in your childhood when you felt the most at ease. What were you doing?",
    "Did you play a musical instrument, or gravitate to the art supplies on someone's desk?",
    "All those pickup games of basketball: which games and sports drew you in?",
    "Did you ever pretend to be the teacher, with your stuffed animals as your students?",
    "Did you design your own word games or crossword puzzles?",
    "And now: what is a recent passion, something you lose track of time doing?",
)


def interest_scores(exploration: Exploration) -> list[tuple[str, float]]:
    """The six areas (name, 0-100) from the 60 answers; empty until all are given."""
    from careerplan.catalog import score_answers
    from careerplan.catalog.store import AREA_NAMES

    if not exploration.complete:
        return []
    scores = score_answers(exploration.answers).scores
    return [(name, round(scores[letter] * 100, 1)) for letter, name in AREA_NAMES.items()]


def _reading(text: str) -> Any:
    from careerplan.catalog import read_reflection

    if not text.strip():
        return None
    try:
        return read_reflection(text)
    except InvalidInput:
        return None


def _current(uow: Any) -> tuple[Any, str | None]:
    """The profile and the title of its current occupation, if one was picked."""
    from careerplan.catalog import open_catalog

    profile = uow.profiles.get()
    if profile is None or not profile.current_occupation_code:
        return profile, None
    try:
        return profile, open_catalog().occupation(profile.current_occupation_code).title
    except (InvalidInput, NotFound):
        return profile, None


@router.get("/explore", response_class=HTMLResponse)
def explore_hub(
    request: Request, units: UnitsDep, chosen: str = "", current: int = 0
) -> HTMLResponse:
    from careerplan.catalog import open_catalog
    from careerplan.catalog.store import AREA_NAMES
    from careerplan.services.explore import get_exploration

    with units() as uow:
        exploration = get_exploration(uow)
        profile, current_title = _current(uow)
        vision = uow.visions.get()
    dream_title = None
    if vision and vision.dream_occupation_code:
        try:
            dream_title = open_catalog().occupation(vision.dream_occupation_code).title
        except (InvalidInput, NotFound):
            dream_title = None
    scores = interest_scores(exploration)
    ranked = sorted(scores, key=lambda pair: -pair[1])
    context = {
        "exploration": exploration,
        "total": INTEREST_ITEMS,
        "scores": scores,
        "interest_code": "".join(name[0] for name, _ in ranked[:3]),
        "areas": AREA_NAMES,
        "reading": _reading(exploration.reflection),
        "profile": profile,
        "current_title": current_title,
        "vision": vision,
        "dream_title": dream_title,
        "chosen": chosen,
        "current_saved": bool(current),
    }
    return render(request, "explore.html", context, step="explore")


# The interest profiler ------------------------------------------------------------------------


def _quiz_context(exploration: Exploration, answers: tuple[int, ...] | None = None) -> Any:
    from careerplan.catalog import items

    return {
        "items": items(),
        "answers": answers if answers is not None else exploration.answers,
        "version": exploration.version if exploration.id is not None else "",
        "scale": SCALE,
        "total": INTEREST_ITEMS,
        "errors": {},
    }


def _read_answers(form: Form) -> tuple[int, ...]:
    answers = []
    for number in range(1, INTEREST_ITEMS + 1):
        raw = form.text(f"q{number}")
        if raw in ("", "0"):
            answers.append(0)
        elif raw in ("1", "2", "3", "4", "5"):
            answers.append(int(raw))
        else:
            form.errors[f"q{number}"] = (
                f"Item {number}: '{raw[:20]}' is not an answer; choose one of the five options."
            )
            answers.append(0)
    return tuple(answers)


def _numbers(numbers: list[int]) -> str:
    shown = [str(n) for n in numbers[:20]]
    more = f" and {len(numbers) - 20} more" if len(numbers) > 20 else ""
    if len(shown) == 1:
        return shown[0]
    if more:
        return ", ".join(shown) + more
    return ", ".join(shown[:-1]) + " and " + shown[-1]


@router.get("/explore/quiz", response_class=HTMLResponse)
def quiz_page(request: Request, units: UnitsDep, saved: int = 0) -> HTMLResponse:
    from careerplan.services.explore import get_exploration

    with units() as uow:
        exploration = get_exploration(uow)
    context = {**_quiz_context(exploration), "saved": bool(saved), "answered": exploration.answered}
    return render(request, "explore_quiz.html", context, step="explore")


@router.post("/explore/quiz", response_model=None)
async def save_quiz(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.explore import get_exploration, save_answers

    form = await Form.read(request)
    answers = _read_answers(form)
    version = form.integer("version")
    finish = form.text("finish") == "1"

    def again(status: int, **extra: Any) -> HTMLResponse:
        with units() as uow:
            exploration = get_exploration(uow)
        context = _quiz_context(exploration, answers)
        context.update(errors=form.errors, answered=sum(1 for a in answers if a), **extra)
        return render(request, "explore_quiz.html", context, status, step="explore")

    if form.errors:
        return again(422, form_error="Some answers could not be read; they are marked below.")
    try:
        with units() as uow:
            saved = save_answers(uow, clock, answers, version)
    except StaleEdit:
        return again(
            409,
            form_error="Your answers were changed in another window since this page was opened. "
            "Nothing was overwritten: the answers below are the ones you just gave; save again "
            "to keep them.",
        )
    if not finish:
        return RedirectResponse("/explore/quiz?saved=1", status_code=303)
    missing = [n for n, a in enumerate(answers, start=1) if not a]
    if missing:
        for number in missing:
            form.errors[f"q{number}"] = f"Item {number} is not answered yet."
        word = "item" if len(missing) == 1 else "items"
        return again(
            422,
            version=saved.version,
            form_error=f"Your {sum(1 for a in answers if a)} answers are saved. To see your "
            f"matches, answer all {INTEREST_ITEMS}: still to answer, {word} {_numbers(missing)}.",
        )
    return RedirectResponse("/explore/matches", status_code=303)


# The reflection --------------------------------------------------------------------------------


@router.get("/explore/reflection", response_class=HTMLResponse)
def reflection_page(request: Request, units: UnitsDep, saved: int = 0) -> HTMLResponse:
    from careerplan.services.explore import get_exploration

    with units() as uow:
        exploration = get_exploration(uow)
    context = _reflection_context(exploration, exploration.reflection, exploration.interest_field)
    context["saved"] = bool(saved)
    return render(request, "explore_reflection.html", context, step="explore")


def _reflection_context(exploration: Exploration, text: str, field: str) -> dict[str, Any]:
    from careerplan.catalog.store import AREA_NAMES
    from careerplan.services.explore import MAX_REFLECTION

    return {
        "prompts": PROMPTS,
        "values": {"reflection": text, "interest_field": field},
        "errors": {},
        "reading": _reading(exploration.reflection),
        "areas": AREA_NAMES,
        "limit": MAX_REFLECTION,
    }


@router.post("/explore/reflection", response_model=None)
async def save_reflection_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.catalog import read_reflection
    from careerplan.services.explore import get_exploration, save_reflection

    form = await Form.read(request)
    text = form.values.get("reflection", "")
    field = form.text("interest_field")
    if not text.strip():
        form.check("reflection", read_reflection)  # says what to write
    else:
        try:
            with units() as uow:
                save_reflection(uow, clock, text, interest_field=field)
        except InvalidInput as error:
            form.refuse(error, "reflection")
    if form.errors:
        with units() as uow:
            exploration = get_exploration(uow)
        context = _reflection_context(exploration, text, form.values.get("interest_field", ""))
        context["errors"] = form.errors
        return render(request, "explore_reflection.html", context, 422, step="explore")
    return RedirectResponse("/explore/reflection?saved=1", status_code=303)


# The current job ------------------------------------------------------------------------------


@router.get("/explore/current", response_class=HTMLResponse)
def current_page(request: Request, units: UnitsDep, q: str = "") -> HTMLResponse:
    from careerplan.catalog import search_titles

    with units() as uow:
        profile, current_title = _current(uow)
    hits: list[Any] = []
    error = None
    if q.strip():
        try:
            hits = search_titles(q, limit=10)
        except InvalidInput as problem:
            error = for_page(problem)
    context = {
        "q": q,
        "hits": hits,
        "search_error": error,
        "profile": profile,
        "current_title": current_title,
    }
    return render(request, "explore_current.html", context, 422 if error else 200, step="explore")


@router.post("/explore/current", response_model=None)
async def set_current(request: Request, units: UnitsDep) -> Response:
    from careerplan.services.explore import set_current_occupation

    form = await Form.read(request)
    code = form.text("code")
    try:
        with units() as uow:
            set_current_occupation(uow, code)
    except (InvalidInput, NotFound) as error:
        return _current_refused(
            request, units, for_page(error), 422 if isinstance(error, InvalidInput) else 404
        )
    except DomainRefusal:
        return _current_refused(request, units, "", 409)
    return RedirectResponse("/explore?current=1", status_code=303)


def _current_refused(request: Request, units: UnitsDep, message: str, status: int) -> HTMLResponse:
    with units() as uow:
        profile, current_title = _current(uow)
    context = {
        "q": "",
        "hits": [],
        "form_error": message,
        "profile": profile,
        "current_title": current_title,
    }
    return render(request, "explore_current.html", context, status, step="explore")


# Choosing the dream job -----------------------------------------------------------------------


@router.post("/explore/choose", response_model=None)
async def choose(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from urllib.parse import quote

    from careerplan.catalog import open_catalog
    from careerplan.services.explore import choose_dream_job

    form = await Form.read(request)
    code = open_catalog().occupation(form.text("code")).code  # bad codes: the error page
    with units() as uow:
        if uow.visions.get() is None:
            return RedirectResponse(f"/vision?occupation={quote(code)}", status_code=303)
        choose_dream_job(uow, clock, code, rename=form.text("rename") == "1")
    return RedirectResponse(f"/explore?chosen={quote(code)}", status_code=303)


# The chart --------------------------------------------------------------------------------------


@router.get("/charts/riasec.svg")
def riasec_chart(units: UnitsDep) -> Response:
    from careerplan.services.explore import get_exploration
    from careerplan.web.charts import riasec_radar

    with units() as uow:
        exploration = get_exploration(uow)
    return Response(riasec_radar(interest_scores(exploration), 100), media_type=SVG)
