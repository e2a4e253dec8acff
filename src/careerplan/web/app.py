"""The application factory: `create_app()` for `careerplan serve`, tests and benchmarks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

from careerplan import __version__
from careerplan.config import Settings
from careerplan.services.clock import Clock, SystemClock
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.web import problems
from careerplan.web.cache import PageCache
from careerplan.web.security import BodyLimit, SecurityHeaders

STATIC = Path(__file__).with_name("static")


def create_app(
    settings: Settings | None = None,
    clock: Clock | None = None,
    workspace: Workspace | None = None,
) -> FastAPI:
    """Build the app on the configured database (opened and migrated now, closed on shutdown)."""
    clock = clock or SystemClock()
    opened = workspace or open_workspace(settings or Settings.from_env(), clock=clock)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if workspace is None:
            opened.close()

    app = FastAPI(
        title="careerplan",
        version=__version__,
        description="Define a career goal and reach it. JSON API over the same services as the "
        "pages and the command line. Errors are RFC 9457 problem details.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.workspace = opened
    app.state.clock = clock
    app.state.settings = opened.settings
    app.state.page_cache = PageCache()
    problems.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from careerplan.web.api import router as api_router
    from careerplan.web.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        try:
            with opened.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            return JSONResponse({"status": "error", "database": str(error)[:200]}, 503)
        return JSONResponse({"status": "ok", "database": opened.engine.dialect.name})

    @app.get("/livez", include_in_schema=False)
    def livez() -> PlainTextResponse:
        """No database: the trivial endpoint the load benchmark compares against."""
        return PlainTextResponse("ok")

    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    return app
