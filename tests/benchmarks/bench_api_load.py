"""The REST API under load: 50 concurrent clients for 30 s against a real ``synth serve`` (uvicorn)
on 127.0.0.1, with a bearer token set, storing what it generates in the review store.

Each client loops over health, the optimizer list, one optimizer's details and a small generate
request (5 examples, its own tenant and seed). Targets (issue 16): 0 errors; open files of the
server process flat (``/proc/<pid>/fd`` counted idle, after a warm-up and after the load: the probe
saw 826 and then 503s); p99 latency reported. Requests are bounded: each has a 30 s timeout and each
client stops after 30 s or ``MAX_REQUESTS_PER_CLIENT``. Nothing listens beyond loopback.
"""

from __future__ import annotations

import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from synth_core.backends.sqlite_store import SqliteStore
from synth_core.ingest import load_demo_corpus

CLIENTS = 50
DURATION_S = 30.0
WARM_UP_S = 5.0
MAX_REQUESTS_PER_CLIENT = 5000
REQUEST_TIMEOUT_S = 30.0
FLAT_SLACK = 8
"""Open files may differ by this much between the end of the warm-up and the end of the load."""
HOST = "127.0.0.1"
ROUTES = ("health", "optimizers", "optimizer", "generate")


def run() -> list[dict[str, Any]]:
    if not Path("/proc/self/fd").is_dir():
        return [{"name": "api load: not measured", "value": "needs /proc to count open files", "ok": None}]
    with tempfile.TemporaryDirectory(prefix="synth-bench-api-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        with SqliteStore(home / "content.db") as store:
            load_demo_corpus(store)
        token = secrets.token_urlsafe(32)
        server, port = start_server(home, token)
        try:
            return measure(server, f"http://{HOST}:{port}", token)
        finally:
            server.terminate()
            server.wait(timeout=30)


def start_server(home: Path, token: str) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    env = {**os.environ, "SYNTH_HOME": str(home), "SYNTH_API_TOKEN": token, "SYNTH_API__TOKEN_TENANTS": '["*"]'}
    command = [sys.executable, "-c", "from synth_core.cli import main; main()", "serve", "--host", HOST]
    server = subprocess.Popen(
        [*command, "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/synthetic/health", timeout=2).status_code == 200:
                return server, port
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("synth serve did not answer within 60 s")


def measure(server: subprocess.Popen[bytes], url: str, token: str) -> list[dict[str, Any]]:
    idle = open_files(server.pid)
    stop = time.monotonic() + DURATION_S
    results: list[list[tuple[str, float, bool]]] = [[] for _ in range(CLIENTS)]
    threads = [
        threading.Thread(target=client, args=(url, token, number, stop, results[number])) for number in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(WARM_UP_S)
    warm = open_files(server.pid)
    for thread in threads:
        thread.join()
    loaded = open_files(server.pid)
    samples = [sample for samples in results for sample in samples]
    return rows(samples, idle, warm, loaded)


def client(url: str, token: str, number: int, stop: float, out: list[tuple[str, float, bool]]) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=url, headers=headers, timeout=REQUEST_TIMEOUT_S) as http:
        for sequence in range(MAX_REQUESTS_PER_CLIENT):
            if time.monotonic() >= stop:
                return
            route = ROUTES[(number + sequence) % len(ROUTES)]
            started = time.perf_counter()
            try:
                ok = send(http, route, number, sequence).status_code == 200
            except httpx.HTTPError:
                ok = False
            out.append((route, time.perf_counter() - started, ok))


def send(http: httpx.Client, route: str, number: int, sequence: int) -> httpx.Response:
    if route == "health":
        return http.get("/synthetic/health")
    if route == "optimizers":
        return http.get("/synthetic/optimizers")
    if route == "optimizer":
        return http.get("/synthetic/optimizers/routing")
    body = {"optimizer": "modality", "count": 5, "seed": sequence, "tenant_id": f"bench-{number % 5}"}
    return http.post("/synthetic/generate", json=body)


def rows(samples: list[tuple[str, float, bool]], idle: int, warm: int, loaded: int) -> list[dict[str, Any]]:
    errors = sum(not ok for _, _, ok in samples)
    out: list[dict[str, Any]] = [
        {"name": f"api load: requests in {DURATION_S:.0f} s from {CLIENTS} clients", "value": len(samples)},
        {"name": "api load: errors (non-200 or transport)", "value": errors, "target": "0", "ok": errors == 0},
        {
            "name": "api load: open files of the server (idle / after warm-up / after load)",
            "value": f"{idle} / {warm} / {loaded}",
            "target": f"flat (+{FLAT_SLACK} at most after warm-up)",
            "ok": loaded - warm <= FLAT_SLACK,
        },
    ]
    for route in (*ROUTES, "all"):
        latencies = sorted(seconds for name, seconds, _ in samples if route in ("all", name))
        if latencies:
            out.append(
                {
                    "name": f"api load: {route} latency p50 / p99 ({len(latencies)} requests)",
                    "median_s": round(statistics.median(latencies), 4),
                    "value": f"p99 {percentile(latencies, 0.99):.3f} s",
                }
            )
    return out


def percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def open_files(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])
