"""Scoring a posting on the web: `POST /api/v1/jobs/fit` in a running app, with a plan whose
dream occupation makes it compute "toward the dream job" too, against `/livez` of the same app.

    python bench/job_fit_web.py [--requests 200]

The postings and résumés are RJDB's development rows (`../shared/data/skills_dev/`), one pair a
request, through the whole ASGI stack (FastAPI's test client, in process; SQLite). Warm figures,
after one request of each. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from careerplan.config import Settings
from careerplan.web.app import create_app

ROWS = Path(__file__).resolve().parents[2] / "shared/data/skills_dev/rjdb_dev_rows_0_199.jsonl"
PLAN = {
    "name": "Bench",
    "current_job_title": "Help desk technician",
    "vision": {"dream_job_title": "Network architect", "dream_occupation_code": "15-1241.00"},
}


def timed(client: TestClient, method: str, path: str, bodies: list[object]) -> list[float]:
    client.request(method, path, json=bodies[0])
    times = []
    for body in bodies:
        start = time.perf_counter()
        response = client.request(method, path, json=body)
        times.append(1000 * (time.perf_counter() - start))
        assert response.status_code == 200, response.text
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    rows = [json.loads(line) for line in ROWS.read_text(encoding="utf-8").splitlines() if line]
    pairs = [
        {"posting": row["Job-Description"], "resume": row["Resume-matched"]}
        for row in (rows * (1 + args.requests // len(rows)))[: args.requests]
    ]
    with tempfile.TemporaryDirectory() as data:
        settings = Settings.from_env({"CAREERPLAN_DATA_DIR": data})
        with TestClient(create_app(settings), base_url="http://localhost:8000") as client:
            assert client.post("/api/v1/plan", json=PLAN).status_code == 201
            baseline = timed(client, "GET", "/livez", [None] * args.requests)
            scored = timed(client, "POST", "/api/v1/jobs/fit", pairs)
    print(f"| {args.requests} requests | p50 | p95 | p95 / baseline p95 | target |")
    print("|---|---:|---:|---:|---:|")
    for name, times, target in (
        ("GET /livez (baseline)", baseline, ""),
        ("POST /api/v1/jobs/fit", scored, "p95 < 300 ms"),
    ):
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        ratio = p95 / statistics.quantiles(baseline, n=20)[-1]
        print(f"| {name} | {p50:.1f} ms | {p95:.1f} ms | {ratio:.1f}× | {target} |")


if __name__ == "__main__":
    main()
