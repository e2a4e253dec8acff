"""`make audit` reads pip-audit's report: vulnerabilities fail it, and a report in which nothing
could be looked up is said to be no audit at all, never "clean"."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "audit.py"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_script", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def _dependency(name: str, vulns: tuple[str, ...] = (), skipped: bool = False) -> dict[str, object]:
    if skipped:
        return {"name": name, "skip_reason": "Dependency not found on PyPI"}
    return {"name": name, "version": "1.0", "vulns": [{"id": v} for v in vulns]}


def test_a_known_vulnerability_fails_the_audit(audit: ModuleType) -> None:
    report = {"dependencies": [_dependency("jinja2", ("PYSEC-1", "GHSA-2")), _dependency("rich")]}
    status, message = audit.verdict(audit.read_report(report))
    assert (status, message) == (
        1,
        "Known vulnerabilities in the pins:\n  jinja2==1.0: PYSEC-1, GHSA-2",
    )


def test_clean_pins_say_how_many_were_looked_up(audit: ModuleType) -> None:
    report = {"dependencies": [_dependency("rich"), _dependency("odd", skipped=True)]}
    assert audit.verdict(audit.read_report(report)) == (
        0,
        "No known vulnerabilities in 1 pinned packages (1 could not be looked up).",
    )


def test_nothing_looked_up_is_no_audit(audit: ModuleType) -> None:
    report = {"dependencies": [_dependency("rich", skipped=True)]}
    status, message = audit.verdict(audit.read_report(report))
    assert status == 0
    assert message.startswith("NOT AUDITED: no vulnerability database could be reached")


def test_an_unreachable_service_is_no_audit(audit: ModuleType) -> None:
    status, message = audit.verdict(None, "ConnectionError: api.osv.dev")
    assert (status, message) == (
        0,
        "NOT AUDITED: no vulnerability database could be reached from here "
        "(ConnectionError: api.osv.dev). Run `make audit` where one can be.",
    )
