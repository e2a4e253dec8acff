"""Step 5's job search: a posting and a résumé pasted side by side, and what the résumé meets,
misses and must add. Nothing is saved."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from careerplan.domain.errors import InvalidInput
from careerplan.domain.rules import MAX_DOCUMENT
from careerplan.web.deps import ClockDep, UnitsDep
from careerplan.web.forms import Form
from careerplan.web.hints import for_page
from careerplan.web.templating import render

router = APIRouter()


@router.get("/jobs/fit", response_class=HTMLResponse)
def fit_page(request: Request) -> HTMLResponse:
    return render(request, "job_fit.html", _context(), step="actions")


@router.post("/jobs/fit", response_class=HTMLResponse)
async def fit_form(request: Request, units: UnitsDep, clock: ClockDep) -> HTMLResponse:
    from careerplan.catalog.job_fit import QUALIFIED
    from careerplan.services.job_search import score_posting

    form = await Form.read(request)
    posting, resume = form.values.get("posting", ""), form.values.get("resume", "")
    context = _context(posting, resume)
    try:
        if len(posting) > MAX_DOCUMENT or len(resume) > MAX_DOCUMENT:
            raise InvalidInput(
                f"Each text is read up to {MAX_DOCUMENT:,} characters; paste the requirements "
                "and the résumé's skills and experience."
            )
        with units() as uow:
            scored = score_posting(posting, resume, clock.today(), uow)
        context["found"] = scored.fit
        context["dream"] = scored.dream
        context["qualified_at"] = QUALIFIED
    except InvalidInput as error:
        context["form_error"] = for_page(error)
        return render(request, "job_fit.html", context, 422, step="actions")
    return render(request, "job_fit.html", context, step="actions")


def _context(posting: str = "", resume: str = "") -> dict[str, Any]:
    return {"posting": posting, "resume": resume, "max_document": MAX_DOCUMENT}
