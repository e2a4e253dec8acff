"""The live server the browser tests drive reads this fixed clock, so they pass on any day."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import FastAPI

from careerplan.services.clock import FixedClock
from careerplan.web.app import create_app

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
TODAY = NOW.date()


def create_app_at_fixed_time() -> FastAPI:
    """The application factory `uvicorn --factory` calls in the test server's process."""
    return create_app(clock=FixedClock(NOW))
