"""Browser tests: a live careerplan server per test on a fresh SQLite file, driven by a headless
Debian Chromium through Playwright. The server's clock is fixed (`fixed_clock.NOW`), so dates in
the pages are the same on any day. Screenshots land in test-artifacts/screenshots/."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    ViewportSize,
    expect,
    sync_playwright,
)

from tests.conftest import unavailable

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PROJECT = Path(__file__).resolve().parents[2]
SCREENSHOTS = PROJECT / "test-artifacts" / "screenshots"
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 375, "height": 812}
# Generous for a busy two-core machine; a passing run waits far less.
WAIT_MS = 15_000
START_SECONDS = 30.0


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    launched = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=60_000
    )
    yield launched
    launched.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _start_server(
    data_dir: Path, log: Path, settings: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """Start the app on a free loopback port; a second port is tried if the first was taken.
    `settings` are more CAREERPLAN_ variables for it (accounts on, say)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERPLAN_")}
    env["CAREERPLAN_DATA_DIR"] = str(data_dir)
    env.update(settings or {})
    env["PYTHONPATH"] = str(PROJECT)  # the server's factory lives in the tests package
    for _attempt in range(3):
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "tests.browser.fixed_clock:create_app_at_fixed_time",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ]
        with log.open("ab") as out:
            server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and server.poll() is None:
            if _healthy(url):
                return server, url
            time.sleep(0.1)  # polling a process that is starting, not waiting on the page
        _stop(server)
    raise RuntimeError(f"The server did not start; its log:\n{log.read_text(errors='replace')}")


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def serve(folder: Path, settings: dict[str, str] | None = None) -> Iterator[str]:
    """Run a server on an empty SQLite database in `folder`; yield its address."""
    server, url = _start_server(folder / "data", folder / "server.log", settings)
    try:
        yield url
    finally:
        _stop(server)


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[str]:
    """The address of a server of its own, on an empty SQLite database."""
    yield from serve(tmp_path)


@dataclass
class Console:
    """What the page said on its console: errors, CSP violations and uncaught exceptions."""

    problems: list[str] = field(default_factory=list)

    def message(self, message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"} or "Content Security Policy" in message.text:
            where = message.page.url if message.page else message.location.get("url")
            self.problems.append(f"console {message.type} on {where}: {message.text}")

    def page_error(self, error: Any) -> None:
        self.problems.append(f"uncaught: {error}")


@contextmanager
def _open_page(browser: Browser, live_server: str, viewport: ViewportSize) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server, viewport=viewport, locale="en-US", timezone_id="UTC"
    )
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    page = context.new_page()
    console = Console()
    page.on("console", console.message)
    page.on("pageerror", console.page_error)
    try:
        yield page
    finally:
        context.close()
    assert console.problems == [], "\n".join(console.problems)


@pytest.fixture
def page(browser: Browser, live_server: str) -> Iterator[Page]:
    """A desktop-sized tab on a fresh server; the test fails on any console error."""
    with _open_page(browser, live_server, DESKTOP) as opened:
        yield opened


@pytest.fixture
def phone_page(browser: Browser, live_server: str) -> Iterator[Page]:
    """A phone-sized (375 px) tab on a fresh server; the test fails on any console error."""
    with _open_page(browser, live_server, PHONE) as opened:
        yield opened


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[Page, str], Path]:
    """Save the whole page as test-artifacts/screenshots/<test>-<step>.png."""
    test = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name).strip("_")

    def take(page: Page, step: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{test}-{step}.png"
        # caret="initial": hiding the caret leaves an empty style attribute on the focused field,
        # which htmx then copies on its next swap, and the CSP rightly refuses.
        page.screenshot(path=str(path), full_page=True, caret="initial")
        return path

    return take
