"""Shared fixtures: a copy of the small fixture dataset, a database built from it, a CLI runner."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gaiko import datafiles
from gaiko.kb import KnowledgeBase
from gaiko.store.build import build

FIXTURE = Path(__file__).parent / "data"
# The shipped data/ (GAIKO_PROJECT_DATA may name a copy, e.g. a clean checkout's while data/ is mid-edit).
PROJECT_DATA = Path(os.environ.get("GAIKO_PROJECT_DATA", Path(__file__).parent.parent / "data"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of tests/data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "fixture.db"
    build(datafiles.load(FIXTURE), path)
    return path


@pytest.fixture
def kb(fixture_db: Path) -> Iterator[KnowledgeBase]:
    knowledge = KnowledgeBase(fixture_db)
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
