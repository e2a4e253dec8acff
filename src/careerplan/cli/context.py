"""What every command needs: the open plan, a clock, and helpers for typed input."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from careerplan.domain.errors import InvalidInput

if TYPE_CHECKING:
    from careerplan.services.clock import Clock
    from careerplan.services.smart import SmartSettings
    from careerplan.services.workspace import Workspace
    from careerplan.storage.quick_read import QuickReader, Reports
    from careerplan.storage.unit_of_work import UnitOfWork


@cache
def workspace() -> Workspace:
    from careerplan.config import Settings
    from careerplan.services.workspace import open_workspace

    return open_workspace(Settings.from_env(), clock=clock())


def smart_settings() -> SmartSettings:
    """The analyser's settings from the environment (fiscal year start, day-first dates)."""
    from careerplan.config import Settings
    from careerplan.services.smart import settings_from

    settings = Settings.from_env()
    return settings_from(settings.fiscal_year_start, settings.day_first)


# The one clock every command reads. Commands import `clock` by name, so the seam is this value,
# not the function: replacing the function in one module would leave the others on the real time.
_clock: Clock | None = None


def clock() -> Clock:
    """The clock commands read: the system's, unless `use_clock` set another."""
    if _clock is None:
        from careerplan.services.clock import SystemClock

        return SystemClock()
    return _clock


def use_clock(replacement: Clock | None) -> None:
    """Make every command read `replacement` (tests fix the day); `None` restores the system's."""
    global _clock
    _clock = replacement


@contextmanager
def unit() -> Iterator[UnitOfWork]:
    # Commands that only read go through `reader()`; this one may write, so it takes SQLite's
    # write lock from the start (see UnitOfWork).
    with workspace().unit(writes=True) as uow:
        yield uow


@contextmanager
def reader(reports: Reports = "whole") -> Iterator[QuickReader | UnitOfWork]:
    """For commands that only read: the SQLite file through `sqlite3` when it can be read as it
    is (no SQLAlchemy to import, a few hundred milliseconds saved), else a unit of work. A
    command that shows less of the goals' S.M.A.R.T. reports than the whole says so with
    `reports` (the unit of work reads them whole: it is the slow path either way)."""
    from careerplan.config import LOCAL_USERNAME, Settings
    from careerplan.storage.quick_read import QuickReader
    from careerplan.storage.schema_head import HEAD

    url = Settings.from_env().database_url
    quick = QuickReader.for_url(url, HEAD, LOCAL_USERNAME, reports)
    if quick is None:
        with unit() as uow:
            yield uow
        return
    try:
        yield quick
    finally:
        quick.close()


@contextmanager
def existing_plan() -> Iterator[QuickReader | UnitOfWork | None]:
    """A reader of the plan, or None when there is none: reading never creates a plan."""
    from pathlib import Path

    from careerplan.config import Settings

    url = Settings.from_env().database_url
    prefix = "sqlite:///"
    if url.startswith(prefix) and "?" not in url and not Path(url[len(prefix) :]).is_file():
        yield None
        return
    with reader() as plan:
        yield plan


def reset() -> None:
    """Forget the open workspace (tests switch databases between invocations)."""
    if workspace.cache_info().currsize:
        workspace().close()
    workspace.cache_clear()


def parse_day(text: str | None) -> date | None:
    if text is None:
        return None
    from careerplan.domain.dates import parse_date

    return parse_date(text, clock().today())


def read_text(text: str) -> str:
    """`-` means: read the text from standard input, which must be UTF-8."""
    if text != "-":
        return text
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"Standard input is not UTF-8 text (byte {error.start} cannot be read). "
            "Save the text as UTF-8 and try again."
        ) from None
