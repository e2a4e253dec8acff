"""Rendering pages with the shared Jinja2 environment (web/jinja.py), the step bar and the CSRF
token."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from careerplan.web.jinja import environment
from careerplan.web.security import CSRF_COOKIE, csrf_token


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
    *,
    step: str | None = None,
) -> HTMLResponse:
    """Render a page (or an htmx fragment when the template name starts with `_`)."""
    values: dict[str, Any] = dict(context or {})
    values["request"] = request
    values["csrf"] = csrf_token(request)
    values["active_step"] = step
    if not template.startswith("_") and "steps" not in values:
        values["steps"] = _steps(request)
    html = environment().get_template(template).render(values)
    response = HTMLResponse(html, status_code=status_code)
    _remember_csrf(request, response)
    return response


# Stands for the browser's CSRF token in a cached page; swapped for the real token per request.
CSRF_MARK = "csrf-token-placeholder-7d1f3c"


def from_cache(request: Request, key: Hashable) -> HTMLResponse | None:
    """The cached page for `key` with this browser's token, or None."""
    html = request.app.state.page_cache.get(key)
    return None if html is None else _with_token(request, html)


def render_cached(
    request: Request,
    key: Hashable,
    template: str,
    make_context: Callable[[], dict[str, Any]],
    *,
    step: str | None = None,
) -> HTMLResponse:
    """Render a page once per `key` (which must include the plan's revision and the day)."""
    cache = request.app.state.page_cache
    html = cache.get(key)
    if html is None:
        values = make_context()
        values.update(request=request, csrf=CSRF_MARK, active_step=step)
        if "steps" not in values:  # a page that read the plan already gives its own
            values["steps"] = _steps(request)
        html = environment().get_template(template).render(values)
        cache.put(key, html)
    return _with_token(request, html)


def _with_token(request: Request, html: str) -> HTMLResponse:
    response = HTMLResponse(html.replace(CSRF_MARK, csrf_token(request)))
    _remember_csrf(request, response)
    return response


def _steps(request: Request) -> list[Any]:
    from careerplan.services.steps import step_states
    from careerplan.web.deps import request_workspace

    if getattr(request.app.state, "workspace", None) is None:
        return []
    try:
        with request_workspace(request).unit() as uow:
            return step_states(uow)
    except Exception:  # the step bar must never stop an error page from rendering
        return []


def _remember_csrf(request: Request, response: HTMLResponse) -> None:
    new = getattr(request.state, "new_csrf_token", None)
    if new:
        response.set_cookie(
            CSRF_COOKIE, new, httponly=True, samesite="strict", secure=request.url.scheme == "https"
        )


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "message": message}, status)
