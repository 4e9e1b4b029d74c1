"""The issue-4 commands: timeline, disputes, figures, missions, works, coverage, import article."""

import json
from pathlib import Path

from typer.testing import CliRunner

from gaiko.cli import app

SEED = Path(__file__).parent.parent / "data" / "upstream" / "seed" / "foreign-relations-of-japan.txt"


def run(runner: CliRunner, *args: str):
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_timeline_filters_by_period_country_and_theme(runner, fixture_db) -> None:
    db = ["--db", str(fixture_db)]
    code, out, _ = run(runner, "timeline", "--from", "1800", "--to", "1900", "--json", *db)
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == ["convention-of-kanagawa-signed-1854"]
    assert rows[0]["date_precision"] == "day"
    code, out, _ = run(runner, "timeline", "--country", "United States", "--json", *db)
    assert all("USA" in r["participants"] for r in json.loads(out))
    code, out, _ = run(runner, "timeline", "--theme", "occupation", "--from", "1950", "--json", *db)
    assert [r["id"] for r in json.loads(out)] == ["allied-occupation-of-japan-1945"]  # a span overlapping 1950


def test_timeline_bad_input_is_one_line(runner, fixture_db) -> None:
    db = ["--db", str(fixture_db)]
    code, _, err = run(runner, "timeline", "--theme", "gossip", *db)
    assert code == 2 and err.count("\n") == 1 and "unknown theme 'gossip'" in err
    code, _, err = run(runner, "timeline", "--from", "2000", "--to", "1990", *db)
    assert code == 2 and "inverted" in err
    code, _, err = run(runner, "timeline", "--from", "20x0", *db)
    assert code == 2 and "is not a date" in err


def test_disputes_give_every_party_its_names_and_position(runner, fixture_db) -> None:
    code, out, _ = run(runner, "disputes", "--json", "--db", str(fixture_db))
    (dispute,) = json.loads(out)
    assert set(dispute["claimants"]) == {"JPN", "KOR"}
    assert {p["party"] for p in dispute["positions"]} >= set(dispute["claimants"])
    names = {(n["name"], n["used_by"]) for n in dispute["names"]}
    assert ("Takeshima", "JPN") in names and ("Dokdo", "KOR") in names
    code, out, _ = run(runner, "disputes", "--db", str(fixture_db))
    assert "gaiko takes no side" in out


def test_figures_keep_units_ranges_and_trade_series(runner, fixture_db) -> None:
    code, out, _ = run(runner, "figures", "--json", "--db", str(fixture_db))
    figures = {f["id"]: f for f in json.loads(out)["figures"]}
    assert figures["japan-aid-asean-fy1988"]["value"] == 1_900_000_000 and figures["japan-aid-asean-fy1988"]["unit"] == "USD"
    thai = figures["japan-share-fdi-thailand-1989"]
    assert (thai["value_low"], thai["value_high"], thai["unit"]) == (70, 80, "percent")
    code, out, _ = run(runner, "figures", "--db", str(fixture_db))
    assert "USD 1.9 billion" in out and "70%–80%" in out and "JPY 100 billion" in out
    code, out, _ = run(runner, "figures", "--country", "KOR", "--json", "--db", str(fixture_db))
    trade = json.loads(out)["trade"]
    assert trade["unit"] == "million current US dollars" and trade["series"][0]["year"] >= 1948


def test_missions_by_country(runner, fixture_db) -> None:
    code, out, _ = run(runner, "missions", "--country", "KOR", "--json", "--db", str(fixture_db))
    rows = json.loads(out)
    assert code == 0 and rows and all("KOR" in (r["operator"], r["host"]) for r in rows)
    assert all(r["as_of"] == "2022-11-16" and r["citations"][0]["url"].startswith("https://www.wikidata.org/")
               for r in rows)


def test_works_in_three_formats(runner, fixture_db) -> None:
    db = ["--db", str(fixture_db)]
    assert json.loads(run(runner, "works", *db)[1])[0]["id"] == "akagi-1936"
    assert run(runner, "works", "--format", "bibtex", *db)[1].startswith("@book{akagi-1936,")
    csl = json.loads(run(runner, "works", "--format", "csl-json", *db)[1])
    assert csl[0]["issued"] == {"date-parts": [[1936]]}


def test_import_article_and_coverage(runner, project_db, tmp_path: Path) -> None:
    code, out, _ = run(runner, "import", "article", str(SEED), "--json")
    sections = json.loads(out)
    assert code == 0 and sections[0]["id"] == "lead"
    code, out, _ = run(runner, "coverage", str(SEED), "--json", "--db", str(project_db))
    assert code == 0 and json.loads(out)["share"] >= 0.95
    code, _, err = run(runner, "coverage", str(tmp_path / "missing.txt"), "--db", str(project_db))
    assert code == 2 and "cannot read" in err
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\x00")
    code, _, err = run(runner, "import", "article", str(binary))
    assert code == 2 and err.startswith("gaiko:")
