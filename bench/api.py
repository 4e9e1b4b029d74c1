"""Serve the same SQLite file with Datasette and with gaiko and load both with wrk.

Run with `make bench-api` (it creates .venv-bench with Datasette from PyPI). Both servers
listen on 127.0.0.1 only, run one worker each, are bounded in time and stopped by PID.
Results go to bench/results/api.json; BENCHMARKS.md summarises them.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = ROOT / "gaiko.db"
GAIKO_PORT, DATASETTE_PORT = 8101, 8102
DURATION = int(os.environ.get("BENCH_SECONDS", "15"))
CONNECTIONS = 32
SOAK_SECONDS = int(os.environ.get("SOAK_SECONDS", "60"))
SOAK_CONNECTIONS = 64

# (name, gaiko path, datasette path): the same question asked of both servers.
CASES = [
    # The entities table has no primary key (its `key` has a unique index), so Datasette finds the
    # row by filter, not by /table/<pk>.
    ("a. entity lookup", "/api/v1/entities/KOR", "/gaiko/entities.json?key=KOR"),
    ("b. filtered list (one region)", "/api/v1/relations?region=Eastern+Asia",
     "/gaiko/entities.json?un_subregion=Eastern+Asia"),
    ("c. search", "/api/v1/search?q=Korea", "/gaiko/search.json?_search=Korea"),
]
CEILING = ("hello JSON (ceiling)", "/api/v1/hello")


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                                     text=True).stdout.split()]
    for p in pids:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(match.group(1)) if match else 0
    return round(total / 1024, 1)


def wait_ready(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 30).stdout

    def latency(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", out, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 2)

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return {"rps": round(rps), "p50_ms": latency("50"), "p99_ms": latency("99"), "requests": requests,
            "socket_errors": sum(int(g) for g in errors.groups()) if errors else 0,
            "non_2xx": int(non2xx.group(1)) if non2xx else 0}


def start(command: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def measure(base: str, path: str, pid: int) -> dict[str, float]:
    result = wrk(base + path, DURATION, CONNECTIONS)
    result["rss_mb_after"] = rss_mb(pid)
    return result


def soak(base: str, pid: int) -> dict[str, object]:
    """SOAK_SECONDS at SOAK_CONNECTIONS over bench/mix.lua (half of it random as-of dates and paging that
    bust the answer cache), sampling memory every 5 s. Every request is valid: any non-2xx is an error."""
    script = ROOT / "bench" / "mix.lua"
    samples = [rss_mb(pid)]
    runner = subprocess.Popen(["wrk", "-t2", f"-c{SOAK_CONNECTIONS}", f"-d{SOAK_SECONDS}s", "--timeout", "5s",
                               "-s", str(script), base], stdout=subprocess.PIPE, text=True)
    while runner.poll() is None:
        time.sleep(5)
        samples.append(rss_mb(pid))
    out = runner.stdout.read() if runner.stdout else ""
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    classes = dict(re.findall(r"(\dxx) (\d+)", out.split("status classes:")[-1].splitlines()[0]))
    latency = re.search(r"latency p50 ([\d.]+) ms p99 ([\d.]+) ms", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    socket_errors = sum(int(g) for g in errors.groups()) if errors else 0
    return {"seconds": SOAK_SECONDS, "connections": SOAK_CONNECTIONS, "requests": requests,
            "rps": round(requests / SOAK_SECONDS), "status_classes": {k: int(v) for k, v in classes.items()},
            "errors": socket_errors + requests - int(classes.get("2xx", 0)),
            "p50_ms": float(latency.group(1)) if latency else None,
            "p99_ms": float(latency.group(2)) if latency else None, "rss_mb_samples": samples}


def main() -> int:
    bench_bin = ROOT / ".venv-bench" / "bin"
    results: dict[str, object] = {"connections": CONNECTIONS, "seconds": DURATION, "workers": 1,
                                  "machine": subprocess.run(["uname", "-srm"], capture_output=True,
                                                            text=True).stdout.strip(),
                                  "cpus": os.cpu_count()}
    gaiko = start([str(ROOT / ".venv" / "bin" / "gaiko"), "serve", "--db", str(DB), "--port", str(GAIKO_PORT),
                   "--workers", "1"])
    datasette = start([str(bench_bin / "datasette"), "serve", "--immutable", str(DB), "--host", "127.0.0.1",
                       "--port", str(DATASETTE_PORT), "--setting", "default_page_size", "100"])
    try:
        gaiko_base, datasette_base = f"http://127.0.0.1:{GAIKO_PORT}", f"http://127.0.0.1:{DATASETTE_PORT}"
        wait_ready(gaiko_base + "/api/v1/hello")
        wait_ready(datasette_base + "/gaiko.json")
        rows = []
        for name, ours, theirs in CASES:
            ours_result = measure(gaiko_base, ours, gaiko.pid)
            theirs_result = measure(datasette_base, theirs, datasette.pid)
            rows.append({"case": name, "gaiko_path": ours, "datasette_path": theirs, "gaiko": ours_result,
                         "datasette": theirs_result,
                         "speedup": round(ours_result["rps"] / max(theirs_result["rps"], 1), 1)})
            print(f"{name}: gaiko {ours_result['rps']} rps, Datasette {theirs_result['rps']} rps", flush=True)
            if ours_result["non_2xx"] or theirs_result["non_2xx"]:  # a comparison of errors means nothing
                raise SystemExit(f"{name}: answers other than 2xx (gaiko {ours_result['non_2xx']}, "
                                 f"Datasette {theirs_result['non_2xx']}): fix the path")
        ceiling = measure(gaiko_base, CEILING[1], gaiko.pid)
        rows.append({"case": CEILING[0], "gaiko_path": CEILING[1], "gaiko": ceiling})
        results["cases"] = rows
        results["entity_share_of_ceiling"] = round(rows[0]["gaiko"]["rps"] / ceiling["rps"], 3)  # type: ignore
        results["soak"] = soak(gaiko_base, gaiko.pid)
        print(f"soak: {results['soak']}", flush=True)
    finally:
        stop(gaiko)
        stop(datasette)
    out = ROOT / "bench" / "results" / "api.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
