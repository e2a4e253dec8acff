"""Errors as RFC 9457 problem details for the API, and as friendly pages for people."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from careerplan.domain.errors import (
    CareerplanError,
    InvalidInput,
    NotAllowed,
    NotFound,
    StaleEdit,
    StorageProblem,
)
from careerplan.storage.busy import RETRY_AFTER_SECONDS, is_busy
from careerplan.web.hints import for_api, for_page, hint_data

PROBLEM_TYPE = "application/problem+json"


def status_for(error: CareerplanError) -> int:
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, NotAllowed):
        return 403
    if isinstance(error, StaleEdit):
        return 409
    if isinstance(error, InvalidInput):
        return 422
    if isinstance(error, StorageProblem):
        return 503
    return 409  # a domain refusal: the request conflicts with the state of the plan


_TITLES = {
    400: "Bad request",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Request too large",
    422: "Invalid input",
    500: "Internal error",
    503: "Service unavailable",
}


def problem(status: int, detail: str, request: Request, **extra: Any) -> JSONResponse:
    body = {
        "type": "about:blank",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE)


def refusal(status: int, error: CareerplanError, request: Request, **extra: Any) -> JSONResponse:
    """A refusal as a problem document: the message worded for the API, and as extension
    members the field it concerns and the remedy (for scripts that act on it)."""
    if error.field is not None:
        extra["field"] = error.field
    if error.hint is not None:
        extra["hint"] = hint_data(error.hint)
    return problem(status, for_api(error), request, **extra)


def _wants_page(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and request.url.path != "/healthz"


def install(app: FastAPI) -> None:
    """Register handlers so no error ever reaches a person as a traceback or a bare 500."""

    async def on_domain_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, CareerplanError)
        status = status_for(error)
        if _wants_page(request):
            from careerplan.web.templating import render_error

            return render_error(request, status, for_page(error))
        extra: dict[str, Any] = {}
        if isinstance(error, StaleEdit):
            extra["current_version"] = error.actual
        return refusal(status, error, request, **extra)

    async def on_http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        detail = error.detail if isinstance(error.detail, str) else "Request refused."
        if error.status_code == 404 and detail == "Not Found":
            detail = f"There is nothing at {request.url.path}."
        if error.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}."
        if _wants_page(request):
            from careerplan.web.templating import render_error

            return render_error(request, error.status_code, detail)
        return problem(error.status_code, detail, request)

    async def on_validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        unreadable = next(
            (item for item in error.errors() if item.get("type") == "json_invalid"), None
        )
        if unreadable is not None:
            # Not a wrong value but no JSON at all: the location pydantic gives is a character
            # position, not a field, so say it in words.
            where = unreadable.get("loc", ("body", 0))[-1]
            reason = unreadable.get("ctx", {}).get("error", "it cannot be read")
            return problem(
                400,
                f"The request body is not valid JSON (at character {where}: {reason}).",
                request,
            )
        errors = [
            {
                "location": [str(part) for part in item.get("loc", ())],
                "message": str(item.get("msg", "")),
            }
            for item in error.errors()
        ]
        detail = "; ".join(
            f"{'.'.join(e['location'][1:]) or 'body'}: {e['message']}" for e in errors
        )
        if _wants_page(request):
            from careerplan.web.templating import render_error

            return render_error(request, 422, detail)
        return problem(422, detail or "The request is not valid.", request, errors=errors)

    async def on_database_error(request: Request, error: Exception) -> Response:
        if not is_busy(error):
            return await on_unexpected(request, error)
        detail = (
            "The plan is busy: another change was being saved (or the database could not be "
            f"reached for a moment). Nothing was saved; try again in {RETRY_AFTER_SECONDS} "
            "seconds."
        )
        retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        if _wants_page(request):
            from careerplan.web.templating import render_error

            page = render_error(request, 503, detail)
            page.headers.update(retry)
            return page
        answer = problem(503, detail, request)
        answer.headers.update(retry)
        return answer

    async def on_unexpected(request: Request, error: Exception) -> Response:
        detail = "Something went wrong on our side; nothing was saved. Please try again."
        if _wants_page(request):
            from careerplan.web.templating import render_error

            return render_error(request, 500, detail)
        return problem(500, detail, request)

    app.add_exception_handler(CareerplanError, on_domain_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(DBAPIError, on_database_error)
    app.add_exception_handler(Exception, on_unexpected)
