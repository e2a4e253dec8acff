"""Scoring a posting on the web: `POST /api/v1/jobs/fit` in a running app, with a plan whose
dream occupation makes it compute "toward the dream job" too, against `/livez` of the same app;
and the same postings saved as applications (`POST /api/v1/applications`: kept, scored against
the kept résumé and the confirmed skills, with the tailoring of each requirement) and read back
(`GET /api/v1/applications/{id}`, scored again).

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


def timed(
    client: TestClient, method: str, paths: list[str], bodies: list[object], expected: int = 200
) -> list[float]:
    client.request(method, paths[0], json=bodies[0])
    times = []
    for path, body in zip(paths, bodies, strict=True):
        start = time.perf_counter()
        response = client.request(method, path, json=body)
        times.append(1000 * (time.perf_counter() - start))
        assert response.status_code == expected, response.text
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
            n = args.requests
            baseline = timed(client, "GET", ["/livez"] * n, [None] * n)
            scored = timed(client, "POST", ["/api/v1/jobs/fit"] * n, pairs)
            resume = {"name": "cv", "text": pairs[0]["resume"]}
            assert client.post("/api/v1/resumes", json=resume).status_code == 201
            postings = [{"posting": p["posting"], "title": "Analyst"} for p in pairs]
            saved = timed(client, "POST", ["/api/v1/applications"] * n, postings, 201)
            # The first posting was saved once more before the timing (the warm-up).
            read = timed(
                client, "GET", [f"/api/v1/applications/{i}" for i in range(2, n + 2)], [None] * n
            )
    print(f"| {args.requests} requests | p50 | p95 | p95 / baseline p95 | target |")
    print("|---|---:|---:|---:|---:|")
    for name, times, target in (
        ("GET /livez (baseline)", baseline, ""),
        ("POST /api/v1/jobs/fit", scored, "p95 < 300 ms"),
        ("POST /api/v1/applications", saved, "p95 < 300 ms"),
        ("GET /api/v1/applications/{id}", read, "p95 < 300 ms"),
    ):
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        ratio = p95 / statistics.quantiles(baseline, n=20)[-1]
        print(f"| {name} | {p50:.1f} ms | {p95:.1f} ms | {ratio:.1f}× | {target} |")


if __name__ == "__main__":
    main()
