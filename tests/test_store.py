import sqlite3
import sys
from pathlib import Path

import pytest

from gaiko import datafiles
from gaiko.store.build import build
from gaiko.store.read import Store, StoreMissing
from gaiko.store.textindex import name_key


def test_the_store_is_read_only(fixture_db: Path) -> None:
    store = Store(fixture_db)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("DELETE FROM entities")
    store.close()


def test_a_missing_database_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="gaiko build"):
        Store(tmp_path / "none.db")


def test_build_replaces_the_file_whole(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "g.db"
    build(datafiles.load(data_dir), target)
    first = Store(target).meta()["data_fingerprint"]
    (data_dir / "relations" / "fixture.yaml").write_text("[]\n", encoding="utf-8")
    build(datafiles.load(data_dir), target)
    store = Store(target)
    assert store.meta()["data_fingerprint"] != first
    assert store.select("relation_event") == []
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_failing_build_leaves_the_old_database(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "g.db"
    dataset = datafiles.load(data_dir)
    build(dataset, target)
    before = target.read_bytes()

    def boom(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(sys.modules["gaiko.store.build"], "_write", boom)
    with pytest.raises(RuntimeError):
        build(dataset, target)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_name_keys_ignore_case_accents_and_punctuation() -> None:
    assert name_key("Côte d'Ivoire") == name_key("cote divoire")
    assert name_key("  Korea,  Republic of ") == "korea republic of"
    assert name_key("大韓民国") == "大韓民国"
