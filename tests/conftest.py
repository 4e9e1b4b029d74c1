"""Shared fixtures: a copy of the small fixture dataset, a database built from it, a CLI runner."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from gaiko import datafiles
from gaiko.api import create_app
from gaiko.kb import KnowledgeBase
from gaiko.store.build import build

FIXTURE = Path(__file__).parent / "data"
# The shipped data/ (GAIKO_PROJECT_DATA may name a copy, e.g. a clean checkout's while data/ is mid-edit).
PROJECT_DATA = Path(os.environ.get("GAIKO_PROJECT_DATA", Path(__file__).parent.parent / "data"))
_BUILT: dict[str, Path] = {}


def scenario_data(target: Path) -> Path:
    """tests/data with tests/data/scenarios laid over it (see its README)."""
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("scenarios"))
    for path in sorted((FIXTURE / "scenarios").rglob("*.*")):
        rel = path.relative_to(FIXTURE / "scenarios")
        if path.suffix not in (".yaml", ".csv"):
            continue
        if path.stem.endswith("_extra"):
            with (target / rel.with_name(path.name.replace("_extra", ""))).open("a", encoding="utf-8") as out:
                out.write(path.read_text(encoding="utf-8"))
        else:
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target / rel)
    return target


def database(name: str, scenario: bool = False, extra: dict[str, str] | None = None) -> Path:
    """tests/data (with tests/data/scenarios laid over it, and `extra` files written into it),
    built once per process under `name`: a mutation run forks one test session per mutant, and
    each would otherwise build its own."""
    if name not in _BUILT:
        root = Path(tempfile.mkdtemp(prefix="gaiko-test-"))
        owner = os.getpid()
        atexit.register(lambda: os.getpid() == owner and shutil.rmtree(root, ignore_errors=True))
        if scenario:
            data = scenario_data(root / "data")
        else:
            data = Path(shutil.copytree(FIXTURE, root / "data", ignore=shutil.ignore_patterns("scenarios")))
        for rel, text in (extra or {}).items():
            (data / rel).parent.mkdir(parents=True, exist_ok=True)
            (data / rel).write_text(text, encoding="utf-8")
        build(datafiles.load(data), root / "db")
        _BUILT[name] = root / "db"
    return _BUILT[name]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of tests/data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def with_events(name: str, *events: str) -> KnowledgeBase:
    """The fixture's knowledge base with these relation events added, each written
    "id partner type date" (plus `starts_relations` if given) and cited to a test page; built once
    per process under `name`."""
    rows = []
    for event in events:
        event_id, partner, kind, date, *flags = event.split()
        record = {"id": event_id, "partner": partner, "type": kind, "date": date, **{f: True for f in flags},
                  "citations": [{"url": "https://example.org/test-only", "quote": "test fixture"}]}
        rows.append(f"- {json.dumps(record)}\n")  # JSON is YAML
    return KnowledgeBase(database(name, extra={"relations/extra.yaml": "".join(rows)}))


@pytest.fixture(scope="session")
def fixture_db() -> Path:
    """tests/data built (the scenarios left out)."""
    return database("fixture")


@pytest.fixture
def kb(fixture_db: Path) -> Iterator[KnowledgeBase]:
    knowledge = KnowledgeBase(fixture_db)
    yield knowledge
    knowledge.close()


@pytest.fixture
def cold_client(kb: KnowledgeBase) -> Iterator[TestClient]:
    """The HTTP app over the fixture, nothing prepared ahead (each test sees its own cache)."""
    with TestClient(create_app(kb, warm=False)) as test_client:
        yield test_client


@pytest.fixture
def world() -> Iterator[KnowledgeBase]:
    """The fixture with statehood, successions and more entities (tests/data/scenarios)."""
    knowledge = KnowledgeBase(database("scenario", scenario=True))
    yield knowledge
    knowledge.close()


@pytest.fixture(scope="session")
def project_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data/, built once for the tests that check the shipped knowledge base."""
    path = tmp_path_factory.mktemp("db") / "gaiko.db"
    build(datafiles.load(PROJECT_DATA), path)
    return path


@pytest.fixture
def project_kb(project_db: Path) -> Iterator[KnowledgeBase]:
    knowledge = KnowledgeBase(project_db)
    yield knowledge
    knowledge.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
