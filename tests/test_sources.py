"""The importers, run on the copies in data/upstream (as `make import` does)."""

import csv
from pathlib import Path

import pytest

from gaiko.sources.cow import import_exchange

UPSTREAM = Path(__file__).parent.parent / "data" / "upstream"
DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def entity_rows() -> dict[str, dict[str, str]]:
    pytest.importorskip("country_converter")
    from gaiko.sources.entities import build_rows

    return {row["id"]: row for row in build_rows(UPSTREAM)}


def test_every_un_member_but_japan_and_the_extras(entity_rows) -> None:
    un = [r for r in entity_rows.values() if r["kind"] == "un_member"]
    assert len(un) == 192  # 193 members less Japan, the subject of gaiko
    assert {"VAT", "PSE", "XKX", "COK", "NIU", "TWN"} <= set(entity_rows)
    assert "JPN" not in entity_rows


def test_codes_names_and_admission(entity_rows) -> None:
    korea = entity_rows["KOR"]
    assert (korea["iso2"], korea["iso_numeric"], korea["cow_code"]) == ("KR", "410", "732")
    assert korea["name_ja"] == "大韓民国" and "韓国" in korea["aliases_ja"]
    assert korea["un_admission"] == "1991-09-17"
    assert "un-members:" in korea["citations"]


def test_kosovo_has_no_iso_codes(entity_rows) -> None:
    kosovo = entity_rows["XKX"]
    assert (kosovo["iso2"], kosovo["iso3"], kosovo["iso_numeric"]) == ("", "", "")
    assert kosovo["cow_code"] == "347"


def test_former_names_come_from_iso_3166_3(entity_rows) -> None:
    assert "Burma" in entity_rows["MMR"]["former_names"]


def test_cow_exchange_rows_follow_the_period_map(tmp_path: Path) -> None:
    for name in ("entities.csv", "historical_entities.yaml", "cow_code_map.csv"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    written, skipped = import_exchange(UPSTREAM, tmp_path)
    with (tmp_path / "evidence" / "cow_diplomatic_exchange.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert written == len(rows)
    by_year = {(r["cow_code"], r["year"]): r["partner"] for r in rows}
    assert by_year[("365", "1960")] == "SUN"
    assert by_year[("365", "2000")] == "RUS"
    assert by_year[("260", "1960")] == "DEU"
    assert 240 in skipped  # Hanover has no entity


def test_state_system_spells_are_imported_as_iso_dates(tmp_path: Path) -> None:
    from gaiko.sources.cow import import_state_system

    count = import_state_system(UPSTREAM, tmp_path)
    with (tmp_path / "evidence" / "cow_state_system.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert count == len(rows)
    japan = [r for r in rows if r["cow_code"] == "740"]
    assert [(r["start"], r["end"]) for r in japan] == [("1860-01-01", "1945-08-14"), ("1952-04-28", "2024-12-31")]


def test_every_import_reproduces_the_shipped_files(tmp_path: Path) -> None:
    """Re-running the imports on data/upstream gives data/ back byte for byte: they are repeatable."""
    pytest.importorskip("country_converter")
    import shutil

    from gaiko.sources.bibliography import write_works
    from gaiko.sources.cow import import_state_system
    from gaiko.sources.entities import write_entities
    from gaiko.sources.history import import_timeline
    from gaiko.sources.mappoints import import_map_points
    from gaiko.sources.missions import import_missions
    from gaiko.sources.trade import import_trade

    for name in ("historical_entities.yaml", "cow_code_map.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    shutil.copytree(DATA / "historical", tmp_path / "historical")
    (tmp_path / "timeline").mkdir()
    write_entities(UPSTREAM, tmp_path)
    import_exchange(UPSTREAM, tmp_path)
    import_state_system(UPSTREAM, tmp_path)
    import_timeline(UPSTREAM, tmp_path)
    import_trade(UPSTREAM, tmp_path)
    import_missions(UPSTREAM, tmp_path)
    import_map_points(UPSTREAM, tmp_path)
    write_works(UPSTREAM / "seed" / "foreign-relations-of-japan.txt", tmp_path)
    inputs = {Path("historical_entities.yaml"), Path("cow_code_map.csv"),
              *(p.relative_to(DATA) for p in (DATA / "historical").glob("*.yaml"))}
    produced = [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()]
    produced = [rel for rel in produced if rel not in inputs]
    assert len(produced) == 11  # entities, 2 COW evidence, 4 timeline, trade, missions, map points, works
    for rel in produced:
        assert (tmp_path / rel).read_bytes() == (DATA / rel).read_bytes(), rel
