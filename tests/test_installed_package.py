"""careerplan as users install it: an sdist and a wheel built from a copy of the sources, the
wheel installed without `-e` into a fresh virtual environment, and the installed command serving
every page, its static files and the API description, and exporting a PDF. An editable install
reads templates and data from the source tree and so hides files the package forgot."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import shutil
import socket
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.request
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute

import careerplan.web.pages
from tests.exports.readers import pdf_text

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "src")
# What the application reads at run time besides its modules.
DATA = (
    "careerplan/web/templates/base.html",
    "careerplan/web/static/style.css",
    "careerplan/web/static/htmx-2.0.11.min.js",
    "careerplan/storage/migrations/env.py",
    "careerplan/storage/migrations/script.py.mako",
    "careerplan/storage/migrations/versions/0001_initial.py",
    "careerplan/catalog/data/catalog.sqlite3",
    "careerplan/py.typed",
)


@dataclass
class Installed:
    venv: Path
    dist: Path

    @property
    def careerplan(self) -> str:
        return str(self.venv / "bin" / "careerplan")

    def run(self, *args: str, env: dict[str, str], cwd: Path) -> str:
        done = subprocess.run(
            [self.careerplan, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout


def _copy_sources(to: Path) -> None:
    """The files a release is built from, without caches or build leftovers."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, to / name, ignore=ignore)
        else:
            shutil.copy2(source, to / name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("release")
    sources = root / "sources"
    sources.mkdir()
    _copy_sources(sources)
    dist = root / "dist"
    # `build` makes the sdist, then the wheel from the unpacked sdist: both must be whole.
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(sources)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    environment = root / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    (wheel,) = dist.glob("careerplan-*.whl")
    pip = [str(environment / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run(
        [*pip, "--disable-pip-version-check", "-c", str(PROJECT / "constraints.txt"), str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return Installed(environment, dist)


def test_the_sdist_and_the_wheel_carry_templates_static_files_migrations_and_the_catalogue(
    installed: Installed,
) -> None:
    (sdist,) = installed.dist.glob("careerplan-*.tar.gz")
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    (wheel,) = installed.dist.glob("careerplan-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    assert [name for name in DATA if f"src/{name}" not in in_sdist] == []
    assert [name for name in DATA if name not in in_wheel] == []
    templates = {path.name for path in (PROJECT / "src/careerplan/web/templates").iterdir()}
    packed = {name.rsplit("/", 1)[1] for name in in_wheel if "/web/templates/" in name}
    assert templates <= packed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder away from the sources, so nothing is imported from them by accident."""
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def user_env(home: Path) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("CAREERPLAN_", "PYTHON"))}
    return {**kept, "CAREERPLAN_DATA_DIR": str(home / "data"), "HOME": str(home)}


@pytest.fixture(scope="module")
def server(installed: Installed, home: Path, user_env: dict[str, str]) -> Iterator[str]:
    for step in (
        ["init", "--name", "Ana", "--dream-job", "Registered nurse"],
        ["explore", "choose", "29-1141.00"],
    ):
        installed.run(*step, env=user_env, cwd=home)
    port = _free_port()
    process = subprocess.Popen(
        [installed.careerplan, "serve", "--port", str(port)],
        env=user_env,
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while _get_quietly(f"{url}/healthz") != 200:
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            assert time.monotonic() < deadline, "the installed server did not start"
            time.sleep(0.2)  # polling a process that is starting
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout:
            process.stdout.close()


def _get_quietly(url: str) -> int | None:
    try:
        return _get(url)[0]
    except OSError:
        return None


def test_the_installed_command_runs_from_site_packages(
    installed: Installed, home: Path, user_env: dict[str, str]
) -> None:
    python = str(installed.venv / "bin" / "python")
    where = subprocess.run(
        [python, "-c", "import careerplan; print(careerplan.__file__)"],
        env=user_env,
        cwd=home,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed.venv)
    assert "O*NET" in installed.run("about", env=user_env, cwd=home)


# Pages a server has only with accounts on (signing in, sharing, proposed changes, the account
# page); the installed server runs as a single person's, where they are not found.
ACCOUNT_MODULES = frozenset({"sign_in", "sharing", "change_proposals", "account"})


def _pages(*, accounts: bool = False) -> list[str]:
    """Every HTML page and chart of the application that takes no path parameter (`accounts`:
    those of a server with accounts on, instead)."""
    modules = [
        importlib.import_module(f"careerplan.web.pages.{info.name}")
        for info in pkgutil.iter_modules(careerplan.web.pages.__path__)
        if (info.name in ACCOUNT_MODULES) == accounts
    ]
    return sorted(
        route.path
        for module in modules
        for route in getattr(getattr(module, "router", None), "routes", [])
        if isinstance(route, APIRoute) and "GET" in route.methods and "{" not in route.path
    )


# What the reads that ask for something need to answer it.
QUERIES = {
    "/explore/compare": "?codes=29-1141.00&codes=29-2061.00",
    "/api/v1/occupations": "?q=nurse",
    "/api/v1/explore/bridges": "?from=41-4012.00&field=healthcare",
    "/api/v1/explore/paths": "?from=31-1131.00&to=29-1141.00",
}


def _api_reads(described: dict[str, Any]) -> list[str]:
    """Every GET of the API description that takes no path parameter."""
    return sorted(
        path for path, verbs in described["paths"].items() if "get" in verbs and "{" not in path
    )


def test_the_installed_server_serves_every_page_its_static_files_and_the_api_description(
    server: str,
) -> None:
    status, described = _get(f"{server}/api/openapi.json")
    assert status == 200
    reads = _api_reads(json.loads(described))
    pages = _pages()
    assert len(pages) > 15
    assert {"/", "/explore", "/plan", "/actions"} <= set(pages)
    assert len(reads) > 5
    assert "/api/v1/goals" in reads
    answers = {page: _get(server + page + QUERIES.get(page, "")) for page in [*pages, *reads]}
    refused = {
        page: (status, body[:300]) for page, (status, body) in answers.items() if status != 200
    }
    assert refused == {}
    account_pages = _pages(accounts=True)
    assert {"/login", "/sharing", "/proposals", "/account"} <= set(account_pages)
    assert {page: _get(server + page)[0] for page in account_pages} == dict.fromkeys(
        account_pages, 404
    )

    status, style = _get(f"{server}/static/style.css")
    assert (status, b"body" in style) == (200, True)
    status, script = _get(f"{server}/static/htmx-2.0.11.min.js")
    assert (status, len(script) > 10_000) == (200, True)
    status, page = _get(f"{server}/")
    assert b'href="/static/style.css' in page


def test_the_installed_command_exports_a_pdf_that_a_reader_opens(
    installed: Installed, home: Path, user_env: dict[str, str], server: str
) -> None:
    out = home / "plan.pdf"
    installed.run("export", "--format", "pdf", "--output", str(out), env=user_env, cwd=home)
    assert "Registered nurse" in pdf_text(out.read_bytes())
