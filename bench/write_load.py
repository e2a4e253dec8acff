"""Writers at once: 16 clients adding goals, checking in and editing through the API for a fixed
time, one of them also restoring a backup beside the plan every few seconds, against a real
`careerplan serve` on SQLite and on PostgreSQL.

What counts is honesty under contention: every answer is a success, a refusal the client can act
on (409 for an edit made on a stale version, 503 with Retry-After when the database stayed busy
past the retries), and never an internal error. Prints a Markdown table per database.

    python bench/write_load.py [--writers 16] [--seconds 30] [--databases sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

POSTGRES_URL = os.environ.get(
    "CAREERPLAN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
RESTORE_EVERY_S = 5.0


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    retry_after: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status: int, elapsed_ms: float, retry_after: bool) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.latencies_ms.append(elapsed_ms)
            self.retry_after += retry_after


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _call(
    base: str, method: str, path: str, body: object | bytes | None, tally: Tally
) -> tuple[int, dict[str, object]]:
    data = body if isinstance(body, bytes) else None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        base + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, payload, retry = response.status, response.read(), False
    except urllib.error.HTTPError as error:
        status, payload = error.code, error.read()
        retry = error.headers.get("Retry-After") is not None
    tally.record(status, (time.perf_counter() - started) * 1000, retry)
    try:
        parsed = json.loads(payload) if payload else {}
    except json.JSONDecodeError:
        parsed = {}
    return status, parsed if isinstance(parsed, dict) else {"items": parsed}


def _writer(base: str, number: int, deadline: float, tally: Tally, backup: bytes) -> None:
    next_restore = time.monotonic() + RESTORE_EVERY_S
    count = 0
    while time.monotonic() < deadline:
        count += 1
        status, goal = _call(
            base,
            "POST",
            "/api/v1/goals",
            {"text": f"Writer {number}: run {count} customer interviews by June 2027",
             "parent_id": 1},
            tally,
        )  # fmt: skip
        if status == 201:
            ident, version = goal["id"], goal["version"]
            _call(base, "POST", "/api/v1/checkins", {"goal_id": ident, "note": "Progress"}, tally)
            _call(
                base,
                "PATCH",
                f"/api/v1/goals/{ident}",
                {"version": version, "text": f"Writer {number}: run {count + 1} interviews"},
                tally,
            )
        if number == 0 and time.monotonic() >= next_restore:
            _call(base, "POST", "/api/v1/backup/restore?mode=merge", backup, tally)
            next_restore = time.monotonic() + RESTORE_EVERY_S


@contextmanager
def _database(kind: str, folder: Path) -> Iterator[dict[str, str]]:
    """The environment that points careerplan at a fresh database of this kind."""
    env = {"CAREERPLAN_DATA_DIR": str(folder / kind)}
    if kind == "sqlite":
        yield env
        return
    from sqlalchemy import create_engine, text

    schema = "bench_" + uuid.uuid4().hex[:10]
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield {**env, "CAREERPLAN_DATABASE_URL": f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"}
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _careerplan(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "careerplan", *args],
        env={**os.environ, **env},
        capture_output=True,
        check=True,
        timeout=120,
    )
    return done.stdout.decode()


@contextmanager
def _server(env: dict[str, str]) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "careerplan", "serve", "--port", str(port)],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start") from None
            time.sleep(0.2)  # polling a server that is starting
    try:
        yield base
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=30)
        if b"Traceback" in errors:
            print(errors.decode(errors="replace")[-3000:], file=sys.stderr)


def run(kind: str, writers: int, seconds: float, folder: Path) -> Tally:
    tally = Tally()
    with _database(kind, folder) as env:
        _careerplan(env, "init", "--name", "Bench", "--dream-job", "COO", "--target-date", "+5y")
        _careerplan(env, "goal", "add", "Lead a team of 5 by 2028", "--parent", "1")
        backup = _careerplan(env, "export", "--format", "json").encode()
        with _server(env) as base:
            deadline = time.monotonic() + seconds
            threads = [
                threading.Thread(target=_writer, args=(base, n, deadline, tally, backup))
                for n in range(writers)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    return tally


def table(rows: list[tuple[str, Tally]], writers: int, seconds: float) -> str:
    head = (
        f"| database | requests ({writers} writers, {seconds:g} s) | 2xx | 409 stale | "
        "503 busy (with Retry-After) | other 4xx | 5xx | p50 ms | p99 ms |"
    )
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, tally in rows:
        statuses = tally.statuses
        ok = sum(count for status, count in statuses.items() if 200 <= status < 300)
        other_4xx = sum(
            count for status, count in statuses.items() if 400 <= status < 500 and status != 409
        )
        errors = sum(count for status, count in statuses.items() if status >= 500 and status != 503)
        latencies = sorted(tally.latencies_ms)
        p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else 0.0
        lines.append(
            f"| {kind} | {sum(statuses.values()):,} | {ok:,} | {statuses[409]:,} | "
            f"{statuses[503]:,} ({tally.retry_after:,}) | {other_4xx:,} | {errors:,} | "
            f"{statistics.median(latencies):.0f} | {p99:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.databases.split(","):
            rows.append((kind, run(kind, args.writers, args.seconds, Path(folder))))
    print(table(rows, args.writers, args.seconds))


if __name__ == "__main__":
    main()
