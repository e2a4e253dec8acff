"""Check every pinned version in constraints.txt against a vulnerability database (pip-audit).

Exit 0 when no pin has a known vulnerability, 1 when one does. When no database can be reached
(no network, or an index that serves packages but not advisories), nothing was audited: that is
said plainly, and the exit status is 0, because nothing is known to be wrong with the pins; it
must not be read as "audited and clean".

    python scripts/audit.py [--service pypi|osv]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints.txt"


@dataclass
class Findings:
    audited: list[str]
    skipped: list[str]
    vulnerable: dict[str, list[str]]


def read_report(report: dict[str, object]) -> Findings:
    """pip-audit's JSON: each dependency has `vulns`, or a `skip_reason` when not looked up."""
    findings = Findings([], [], {})
    dependencies = report.get("dependencies", [])
    assert isinstance(dependencies, list)
    for dependency in dependencies:
        name = f"{dependency['name']}=={dependency.get('version', '?')}"
        if dependency.get("skip_reason"):
            findings.skipped.append(name)
            continue
        findings.audited.append(name)
        ids = [vuln["id"] for vuln in dependency.get("vulns", [])]
        if ids:
            findings.vulnerable[name] = ids
    return findings


def verdict(findings: Findings | None, problem: str = "") -> tuple[int, str]:
    if findings is None or not findings.audited:
        why = problem or "the vulnerability service knew none of the pinned packages"
        return 0, (
            "NOT AUDITED: no vulnerability database could be reached from here "
            f"({why}). Run `make audit` where one can be."
        )
    if findings.vulnerable:
        lines = [f"  {name}: {', '.join(ids)}" for name, ids in sorted(findings.vulnerable.items())]
        return 1, "Known vulnerabilities in the pins:\n" + "\n".join(lines)
    note = f" ({len(findings.skipped)} could not be looked up)" if findings.skipped else ""
    return 0, f"No known vulnerabilities in {len(findings.audited)} pinned packages{note}."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--service", default="pypi", choices=["pypi", "osv"])
    args = parser.parse_args()
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        str(CONSTRAINTS),
        "--no-deps",
        "--disable-pip",
        "--format",
        "json",
        "--progress-spinner",
        "off",
        "--vulnerability-service",
        args.service,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        last = (done.stderr.strip().splitlines() or ["no answer"])[-1]
        status, message = verdict(None, last[:200])
    else:
        status, message = verdict(read_report(report))
    print(message)
    return status


if __name__ == "__main__":
    sys.exit(main())
