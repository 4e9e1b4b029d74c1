"""gaiko at K× today's data: build, CLI, server start-up and memory, uncached as-of lists, lookups.

For each K (default 1, 10, 30) bench/scale.py writes K× data under bench/scale-data/K, and this
measures: the build's wall time and peak memory; `gaiko country KOR --json` (median of runs);
a server's start-up (spawn to first answer) and memory after start; the latency of uncached
`relations?as_of=…&limit=500` (each date asked once, so nothing is cached; plain, and gzipped as
a browser asks for it); entity-lookup throughput with wrk (2 threads, 32 connections, 10 s) and
the memory after it. Results go to bench/results/scale.json; BENCHMARKS.md quotes them. Run with `make bench-scale`.
"""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
SIZES = [int(k) for k in os.environ.get("SCALE_SIZES", "1,10,30").split(",")]
CLI_RUNS = int(os.environ.get("SCALE_CLI_RUNS", "15"))
DATA = Path(os.environ.get("SCALE_DATA", ROOT / "data"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn runs the app in the same process)."""
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total += int(line.split()[1])
    return total / 1024


def build(k: int) -> dict[str, float]:
    data, db = ROOT / "bench" / "scale-data" / str(k), ROOT / "bench" / "scale-data" / f"{k}.db"
    subprocess.run([str(BIN / "python"), str(ROOT / "bench" / "scale.py"), str(k), str(data), "--data", str(DATA)],
                   check=True)
    # Peak memory of the build alone: run it under /usr/bin/time when present, else RUSAGE_CHILDREN.
    started = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-v", str(BIN / "gaiko"), "build", "--data", str(data), "--db", str(db)],
                         capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    records = sum(int(n) for n in re.findall(r"(\d+) [a-z ]+?(?:,|$)", out.stdout))
    return {"build_s": round(seconds, 2), "build_peak_mb": round(int(peak.group(1)) / 1024, 1) if peak else
            round(_child_peak_mb(), 1), "records": records, "db": str(db)}


def cli(db: str) -> dict[str, float]:
    times = []
    for _ in range(CLI_RUNS):
        started = time.perf_counter()
        subprocess.run([str(BIN / "gaiko"), "country", "KOR", "--json", "--db", db], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    bare = []
    for _ in range(CLI_RUNS):
        started = time.perf_counter()
        subprocess.run([str(BIN / "python"), "-c", "pass"], check=True)
        bare.append(time.perf_counter() - started)
    return {"country_ms": round(statistics.median(times) * 1000, 1),
            "python_pass_ms": round(statistics.median(bare) * 1000, 1)}


def server(db: str) -> dict[str, float]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    process = subprocess.Popen(["timeout", "900", str(BIN / "gaiko"), "serve", "--db", db, "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/v1/meta", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        startup = time.perf_counter() - started
        children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout
        worker = int(children.split()[0])
        rss_start = _rss_mb(worker)
        latencies: dict[str, list[float]] = {"identity": [], "gzip": []}
        for encoding, day in (("identity", "01-01"), ("gzip", "07-01")):
            for year in range(1900, 2000, 4):  # each date once: nothing is cached
                url = f"{base}/api/v1/relations?as_of={year}-{day}&limit=500&territories=true"
                request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
                t0 = time.perf_counter()
                urllib.request.urlopen(request, timeout=30).read()
                latencies[encoding].append(time.perf_counter() - t0)
        wrk = subprocess.run(["wrk", "-t2", "-c32", "-d10s", f"{base}/api/v1/entities/KOR"], capture_output=True,
                             text=True) if _has("wrk") else None
        throughput = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk.stdout).group(1)) if wrk else None
        return {"startup_s": round(startup, 2), "rss_after_start_mb": round(rss_start, 1),
                "asof_500_uncached_ms": round(statistics.median(latencies["identity"]) * 1000, 1),
                "asof_500_uncached_gzip_ms": round(statistics.median(latencies["gzip"]) * 1000, 1),
                "lookup_rps": throughput, "rss_after_load_mb": round(_rss_mb(worker), 1)}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _has(command: str) -> bool:
    return subprocess.run(["sh", "-c", f"command -v {command}"], capture_output=True).returncode == 0


def main() -> None:
    results = {}
    for k in SIZES:
        row = build(k)
        row |= cli(row["db"])
        row |= server(row["db"])
        results[f"{k}x"] = row
        print(k, json.dumps(row), flush=True)
    out = ROOT / "bench" / "results" / "scale.json"
    out.write_text(json.dumps({"machine": os.uname().machine, "cpus": os.cpu_count(), "results": results},
                              indent=1) + "\n")
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
