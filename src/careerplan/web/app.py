"""The application factory: `create_app()` for `careerplan serve`, tests and benchmarks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from careerplan import __version__
from careerplan.config import Settings
from careerplan.services.clock import Clock, SystemClock
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.storage.server_secrets import server_secret
from careerplan.web import problems
from careerplan.web.cache import PageCache
from careerplan.web.client_address import client_address
from careerplan.web.hosts import HostPolicy, TrustedHosts
from careerplan.web.security import BodyLimit, SecurityHeaders

STATIC = Path(__file__).with_name("static")
LOOPBACK_ADDRESSES = frozenset({"127.0.0.1", "::1"})


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
    # The key that seals a backup between preview and confirm, shared by every process through
    # the database. A server whose database is down still starts (and /healthz says why); the
    # backup page then reads the key on first use (web/pages/backup.py).
    try:
        app.state.seal_key = server_secret(opened.engine, "backup-seal")
    except SQLAlchemyError:
        app.state.seal_key = None
    problems.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from careerplan.web.api import router as api_router
    from careerplan.web.pages import router as pages_router

    app.include_router(api_router)
    # Sharing needs accounts: a single-person install has no sharing API at all (nor in its
    # OpenAPI description), as it has no sharing pages. Nor proposals, made on shared plans.
    if opened.settings.accounts:
        from careerplan.web.api.change_proposals import router as proposals_api_router
        from careerplan.web.api.sharing import router as sharing_api_router

        app.include_router(sharing_api_router)
        app.include_router(proposals_api_router)
    app.include_router(pages_router)

    @app.get("/healthz", include_in_schema=False)
    def healthz(request: Request) -> JSONResponse:
        # The database's own error names its host, port and database: only a caller on this
        # machine (an operator, a local probe) is shown it.
        # Behind a trusted proxy on this machine, the client is the one the proxy names.
        local = client_address(request) in LOOPBACK_ADDRESSES
        try:
            with opened.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            body = {"status": "error", "database": str(error)[:200] if local else "unavailable"}
            return JSONResponse(body, 503, headers={"Retry-After": "5"})
        return JSONResponse({"status": "ok", "database": opened.engine.dialect.name})

    @app.get("/livez", include_in_schema=False)
    def livez() -> PlainTextResponse:
        """No database: the trivial endpoint the load benchmark compares against."""
        return PlainTextResponse("ok")

    app.state.host_policy = HostPolicy.from_settings(opened.settings)
    if opened.settings.accounts:
        from careerplan.services.accounts import Accounts
        from careerplan.web.sign_in import Authentication

        app.state.accounts = Accounts(opened.engine, clock)
        # Innermost of ours: a refusal still carries the security headers, and a request to a
        # name we do not answer to is turned away before any session is looked up.
        app.add_middleware(Authentication, accounts=app.state.accounts)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    # Outermost: a request to a name this application does not answer to goes no further.
    app.add_middleware(TrustedHosts, policy=app.state.host_policy)
    return app
