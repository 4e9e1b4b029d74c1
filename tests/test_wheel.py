"""`pip install gaiko` works anywhere: the wheel `make dist` built, installed in a fresh virtual
environment in a folder outside the repository, answers from the CLI and serves the explorer."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
WHEELS = sorted((ROOT / "dist").glob("gaiko-*.whl"))
pytestmark = pytest.mark.skipif(not WHEELS, reason="no wheel in dist/: `make dist` builds it (make test does)")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    place = tmp_path_factory.mktemp("elsewhere")
    assert ROOT not in place.parents
    subprocess.run([sys.executable, "-m", "venv", str(place / "venv")], check=True)
    subprocess.run([str(place / "venv/bin/pip"), "install", "--quiet", "-c", str(ROOT / "constraints.txt"),
                    str(WHEELS[-1])], check=True, timeout=600)
    return place


def _run(place: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAIKO_")}
    return subprocess.run([str(place / "venv/bin/gaiko"), *args], cwd=place, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_wheel_carries_its_data_and_answers(installed: Path) -> None:
    assert _run(installed, "--version").stdout.startswith("gaiko ")
    korea = json.loads(_run(installed, "country", "KOR", "--json").stdout)
    assert korea["id"] == "KOR" and korea["status"] == "diplomatic"
    listed = _run(installed, "relations", "--as-of", "1960", "--format", "ndjson")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) > 80
    code = ("import gaiko; kb = gaiko.open(); print(kb.status('Korea, Republic of')['status'])")
    out = subprocess.run([str(installed / "venv/bin/python"), "-c", code], cwd=installed, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "diplomatic"
    as_module = subprocess.run([str(installed / "venv/bin/python"), "-m", "gaiko", "--version"], cwd=installed,
                               capture_output=True, text=True, check=True)
    assert as_module.stdout.startswith("gaiko ")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_installed_server_serves_the_explorer_and_the_api(installed: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAIKO_")}
    log = installed / "server.log"
    with log.open("wb") as sink:
        server = subprocess.Popen([str(installed / "venv/bin/gaiko"), "serve", "--host", "127.0.0.1", "--port",
                                   str(port)], cwd=installed, env=env, stdout=sink, stderr=sink,
                                  start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/v1/meta", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, log.read_text(errors="replace")
                time.sleep(0.3)
        for path, kind in (("/", "text/html"), ("/vendor/d3-geo.min.js", "text/javascript"),
                           ("/api/v1/entities/KOR", "application/json"), ("/api/v1/docs", "text/html"),
                           ("/static/app.js", "text/javascript")):
            with urllib.request.urlopen(base + path, timeout=10) as response:
                assert response.status == 200, path
                assert response.headers["content-type"].startswith(kind), path
        # The map comes drawn in the first HTML, from the atlas the wheel carries.
        with urllib.request.urlopen(base + "/?year=1960", timeout=30) as response:
            home = response.read().decode()
        drawn = re.search(r'<svg class="world"[^>]* data-drawn="(\d+)" data-as-of="1960-12-31"', home)
        assert drawn and int(drawn.group(1)) >= 190, home[:2000]
        with urllib.request.urlopen(base + "/static/strings.json", timeout=10) as response:
            assert "map.title" in json.load(response)["ja"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
