"""Bad input gets a clear error and loses nothing: one test per case."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from gaiko import datafiles
from gaiko.cli import app
from gaiko.store.build import build

CITE = '  citations: [{url: "https://example.org", quote: "q", language: en}]\n'


def errors_of(data_dir: Path) -> list[str]:
    with pytest.raises(datafiles.DataErrors) as info:
        datafiles.load(data_dir)
    return [str(e) for e in info.value.errors]


def test_a_file_that_is_not_utf8_names_its_line(data_dir: Path) -> None:
    path = data_dir / "relations" / "fixture.yaml"
    before = path.read_bytes() + b"\n# caf"
    path.write_bytes(before + b"\xe9 in Latin-1\n")
    line = before.count(b"\n") + 1
    assert errors_of(data_dir) == [f"data/relations/fixture.yaml:{line}: file: is not UTF-8 "
                                   f"(byte 0xe9 at offset {len(before)}): save it as UTF-8"]


def test_a_yaml_alias_bomb_is_refused_at_once(data_dir: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20))
    (data_dir / "relations" / "bomb.yaml").write_text(f"- id: x\n  partner: KOR\n  bomb:\n    {bomb.replace(chr(10), chr(10) + '    ')}\n", encoding="utf-8")
    started = time.monotonic()
    assert any("aliases (&anchor / *alias) are not allowed" in e for e in errors_of(data_dir))
    assert time.monotonic() - started < 5


def test_a_date_after_today_is_an_error_unless_planned(data_dir: Path) -> None:
    path = data_dir / "relations" / "fixture.yaml"
    base = path.read_text(encoding="utf-8")
    path.write_text(base + "- id: kor-treaty-2099\n  partner: KOR\n  type: treaty\n  date: \"2099\"\n" + CITE,
                    encoding="utf-8")
    assert any("treaty" not in e and "2099 is after today" in e and "planned: true" in e for e in errors_of(data_dir))
    path.write_text(base + "- id: kor-treaty-2099\n  partner: KOR\n  type: treaty\n  date: \"2099\"\n"
                    "  planned: true\n" + CITE, encoding="utf-8")
    datafiles.load(data_dir)


def test_an_empty_file_is_an_error(data_dir: Path) -> None:
    (data_dir / "figures.yaml").write_text("\n", encoding="utf-8")
    assert errors_of(data_dir) == ["data/figures.yaml:1: file: is empty: add its records, or delete it "
                                   "([] for none on purpose)"]


def test_an_empty_required_file_is_an_error(data_dir: Path) -> None:
    (data_dir / "sources.yaml").write_text("[]\n", encoding="utf-8")
    assert any("data/sources.yaml:1: file: holds no sources" in e for e in errors_of(data_dir))


def test_an_oversized_field_is_an_error(data_dir: Path) -> None:
    path = data_dir / "relations" / "fixture.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: kor-treaty-1990\n  partner: KOR\n  type: treaty\n"
                    f"  date: \"1990\"\n  note: {'x' * 25_000}\n" + CITE, encoding="utf-8")
    assert any("note: longer than 20000 characters" in e for e in errors_of(data_dir))


def test_an_unwritable_output_path_is_a_clear_error(runner, fixture_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "json", "-o", str(tmp_path / "no" / "such" / "dir" / "x.json"),
                                 "--db", str(fixture_db)])
    assert result.exit_code == 2 and "cannot write" in result.stderr
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    result = runner.invoke(app, ["build", "--data", str(Path(__file__).parent / "data"), "--db",
                                 str(blocked / "gaiko.db")])
    assert result.exit_code == 2 and "cannot write" in result.stderr and "was not changed" in result.stderr


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_a_corrupt_or_foreign_database_is_a_clear_error(runner, tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(content)
    for args in (["country", "KOR"], ["relations"]):
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 2 and "not a gaiko database" in result.stderr, args


def test_a_database_of_another_schema_says_to_rebuild(runner, tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    result = runner.invoke(app, ["country", "KOR", "--db", str(db)])
    assert result.exit_code == 2 and "schema version 1" in result.stderr and "gaiko build" in result.stderr


def test_a_killed_builds_leftovers_are_removed_by_the_next_build(tmp_path: Path) -> None:
    target = tmp_path / "g.db"
    dead = 2 ** 22 + 12345  # above any pid this machine hands out
    leftover = tmp_path / f".g.db.{dead}.tmp"
    leftover.write_bytes(b"half a database")
    build(datafiles.load(Path(__file__).parent / "data"), target)
    assert not leftover.exists() and target.is_file()
    assert not list(tmp_path.glob(".*.tmp"))
    assert os.access(target, os.R_OK)


@pytest.mark.parametrize("port", ["70000", "0", "-1", "http"])
def test_an_invalid_port_is_refused(runner, fixture_db: Path, port: str) -> None:
    result = runner.invoke(app, ["serve", "--port", port, "--db", str(fixture_db)])
    assert result.exit_code == 2


def test_translated_must_name_a_japanese_field_that_is_filled(data_dir: Path) -> None:
    """The explorer marks gaiko's own translations; a mark on nothing (or on English) is a typo."""
    path = data_dir / "disputes" / "fixture.yaml"
    text = path.read_text(encoding="utf-8")
    marked = text.replace('    title_en: The French whaling ship', '    translated: [title_ja]\n'
                          '    title_en: The French whaling ship', 1)
    path.write_text(marked, encoding="utf-8")
    assert any("disputes/fixture.yaml" in e and "'title_ja' is not a Japanese field of this record with a value" in e
               for e in errors_of(data_dir))
    path.write_text(marked.replace("    translated: [title_ja]\n", "    title_ja: 仏捕鯨船が命名\n"
                                   "    translated: [title_ja]\n", 1), encoding="utf-8")
    datafiles.load(data_dir)
