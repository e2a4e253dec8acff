"""Load on the web application: the dashboard, the goal-tree page and `GET /api/v1/goals`,
against a trivial endpoint of the same app as the baseline.

The server runs on SQLite with a plan of 200 goals and 1,000 actions; the load comes from a
second process on loopback (keep-alive HTTP/1.1 connections, a fixed number of requests per
endpoint, bounded in time). Prints a Markdown table.

    python bench/web_load.py [--clients 16] [--requests 800]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, date, datetime
from pathlib import Path

GOALS = 200
ACTIONS = 1_000
ENDPOINTS = {
    "trivial (/livez, baseline)": "/livez",
    "dashboard (/)": "/",
    "goal tree (/plan)": "/plan",
    "GET /api/v1/goals": "/api/v1/goals",
}
TIME_LIMIT_S = 120.0


def build_plan(data_dir: Path) -> None:
    from careerplan.config import Settings
    from careerplan.domain.entities import Action, Category, Goal, Horizon
    from careerplan.services.clock import FixedClock
    from careerplan.services.vision import init_plan
    from careerplan.services.workspace import open_workspace

    workspace = open_workspace(Settings.from_env({"CAREERPLAN_DATA_DIR": str(data_dir)}))
    clock = FixedClock(datetime.now(UTC))
    horizons = [Horizon.TWO_YEARS, Horizon.TWELVE_MONTHS, Horizon.SIX_MONTHS]
    with workspace.unit() as uow:
        init_plan(
            uow,
            clock,
            name="Bench",
            current_job_title="Analyst",
            hours_per_week=5,
            dream_job_title="Chief Operating Officer",
            vision_fields={"target_date": date(2031, 12, 31), "commitment": "I will."},
        )
        ids = [1]
        now = clock.now()
        for index in range(GOALS - 1):
            goal = Goal(
                text=f"Finish module {index} of the operations course by June 2027",
                parent_id=ids[index // 4],
                horizon=horizons[index % 3],
                category=Category.SKILLS,
                due=date(2027, 1 + index % 12, 1 + index % 28),
                smart_report={"specific": True, "measurable": True, "attainable": None,
                              "relevant": True, "time_bound": True, "score": 4},
                created_at=now,
                updated_at=now,
            )  # fmt: skip
            uow.goals.add(goal)
            assert goal.id is not None
            ids.append(goal.id)
        for index in range(ACTIONS):
            repeat = "FREQ=WEEKLY" if index % 10 == 0 else None
            due = None if repeat else date(2026, 1 + index % 12, 1 + index % 28)
            uow.actions.add(
                Action(goal_id=ids[1 + index % (GOALS - 1)], text=f"Action {index}", due=due,
                       repeat=repeat, created_at=now)
            )  # fmt: skip
    workspace.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _one_client(port: int, path: str, count: int, latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/html\r\n\r\n"
    try:
        for _ in range(count):
            start = time.perf_counter()
            writer.write(request.encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
            latencies.append((time.perf_counter() - start) * 1000)
    finally:
        writer.close()


async def _drive(port: int, path: str, clients: int, requests: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    per_client = max(1, requests // clients)
    start = time.perf_counter()
    await asyncio.wait_for(
        asyncio.gather(*(_one_client(port, path, per_client, latencies) for _ in range(clients))),
        TIME_LIMIT_S,
    )
    return time.perf_counter() - start, latencies


def load(port: int, clients: int, requests: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Runs in the second process: warm up, then measure each endpoint in turn."""
    results = {}
    for name, path in ENDPOINTS.items():
        asyncio.run(_drive(port, path, clients, clients * 4))
        elapsed, latencies = asyncio.run(_drive(port, path, clients, requests))
        results[name] = (elapsed, latencies)
    queue.put(results)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=800)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        build_plan(Path(folder))
        port = free_port()
        env = dict(os.environ, CAREERPLAN_DATA_DIR=folder)
        env.pop("CAREERPLAN_DATABASE_URL", None)
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "careerplan.web.app:create_app",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
             "--no-access-log"],
            env=env,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
            client = multiprocessing.Process(
                target=load, args=(port, args.clients, args.requests, queue)
            )
            client.start()
            results = queue.get(timeout=TIME_LIMIT_S * len(ENDPOINTS))
            client.join(timeout=10)
        finally:
            server.terminate()
            server.wait(timeout=10)
    base_elapsed, base_latencies = results["trivial (/livez, baseline)"]
    base_rps = len(base_latencies) / base_elapsed
    print(
        f"SQLite, {GOALS} goals, {ACTIONS:,} actions; {args.clients} concurrent clients, "
        f"{args.requests} requests per endpoint, one server process\n"
    )
    print("| endpoint | requests/s | × baseline | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (elapsed, latencies) in results.items():
        rps = len(latencies) / elapsed
        print(
            f"| {name} | {rps:.0f} | {rps / base_rps:.2f} | {statistics.median(latencies):.1f} "
            f"| {percentile(latencies, 0.95):.1f} | {percentile(latencies, 0.99):.1f} |"
        )


if __name__ == "__main__":
    main()
