"""One test (at least) per command, through the real command-line entry point."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gaiko.cli import app


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("query", ["KOR", "韓国", "Republic of Korea", "732"])
def test_country_finds_one_entity_by_any_name(runner, fixture_db, query) -> None:
    code, out, _ = run(runner, "country", query, "--json", "--db", str(fixture_db))
    assert code == 0
    record = json.loads(out)
    assert record["id"] == "KOR"
    assert record["status"] in {"diplomatic", "unofficial", "none"}
    assert record["name_ja"] == "大韓民国"
    assert all(e["citations"] for e in record["events"])
    assert all(e["date_precision"] in {"year", "month", "day"} for e in record["events"])


def test_country_text_shows_status_and_sources(runner, fixture_db) -> None:
    code, out, _ = run(runner, "country", "KOR", "--db", str(fixture_db))
    assert code == 0
    assert "DIPLOMATIC" in out and "1965-12-18" in out and "https://" in out


def test_unknown_country_exits_non_zero_with_suggestions(runner, fixture_db) -> None:
    code, out, err = run(runner, "country", "Kroea", "--db", str(fixture_db))
    assert code == 1
    assert out == ""
    assert "did you mean" in err and "(KOR)" in err


def test_malformed_as_of_is_one_line(runner, fixture_db) -> None:
    code, _, err = run(runner, "relations", "--as-of", "1960-13-01", "--db", str(fixture_db))
    assert code == 2
    assert err.strip() == "gaiko: --as-of: month 13 does not exist"


def test_relations_json_csv_and_filters(runner, fixture_db) -> None:
    code, out, _ = run(runner, "relations", "--json", "--as-of", "1960-01-01", "--db", str(fixture_db))
    rows = json.loads(out)
    assert code == 0 and {r["id"]: r["status"] for r in rows}["CHN"] == "severed"
    code, out, _ = run(runner, "relations", "--csv", "--status", "unofficial", "--db", str(fixture_db))
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["TWN"]
    code, _, err = run(runner, "relations", "--region", "Atlantis", "--db", str(fixture_db))
    assert code == 2 and "unknown region" in err


def test_check_prints_each_claim(runner, project_db) -> None:
    code, out, _ = run(runner, "check", "--json", "--db", str(project_db))
    results = json.loads(out)
    assert {r["id"] for r in results} >= {"un-members-but-north-korea", "north-korea", "kosovo"}
    assert code == (0 if all(r["passed"] for r in results) else 1)


def test_export_json_and_csv(runner, fixture_db, tmp_path: Path) -> None:
    code, out, _ = run(runner, "export", "--format", "json", "--db", str(fixture_db))
    document = json.loads(out)
    assert code == 0 and document["entities"] and document["relation_events"]
    code, out, _ = run(runner, "export", "--format", "csv", "-o", str(tmp_path / "csv"), "--db", str(fixture_db))
    assert code == 0
    assert (tmp_path / "csv" / "entities.csv").exists()
    assert (tmp_path / "csv" / "relation_events.csv").exists()


def test_data_check_reports_every_error_with_exit_2(runner, data_dir: Path) -> None:
    code, out, _ = run(runner, "data", "check", "--data", str(data_dir))
    assert code == 0 and "ok" in out
    (data_dir / "relations" / "fixture.yaml").write_text(
        "- id: bad\n  partner: XYZ\n  type: establishment\n  date: '1990-02-31'\n  citations: []\n")
    code, _, err = run(runner, "data", "check", "--data", str(data_dir))
    assert code == 2
    assert "data/relations/fixture.yaml:4: date: 1990-02 has no day 31" in err
    assert "data/relations/fixture.yaml:5: citations:" in err


def test_build_keeps_the_old_database_when_data_are_bad(runner, data_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    code, out, _ = run(runner, "build", "--data", str(data_dir), "--db", str(db))
    assert code == 0 and "built" in out
    before = db.read_bytes()
    (data_dir / "relations" / "fixture.yaml").write_text("- id: x\n  partner: KOR\n")
    code, _, err = run(runner, "build", "--data", str(data_dir), "--db", str(db))
    assert code == 2 and "the database was not changed" in err
    assert db.read_bytes() == before


def test_data_schema_prints_json_schema(runner) -> None:
    code, out, _ = run(runner, "data", "schema")
    assert code == 0 and "relation_event" in json.loads(out)


def test_missing_database_is_a_clear_error(runner, tmp_path: Path) -> None:
    code, _, err = run(runner, "country", "KOR", "--db", str(tmp_path / "nope.db"))
    assert code == 2 and "gaiko build" in err


def test_every_command_has_help(runner) -> None:
    import typer.main

    group = typer.main.get_command(app)
    commands = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        commands += [[name, sub] for sub in subcommands] if subcommands else [[name]]
    assert len(commands) >= 20
    for command in commands:
        code, out, _ = run(runner, *command, "--help")
        assert code == 0, command
        assert "Usage" in out
        summary = [line for line in out.splitlines() if line.strip() and "Usage" not in line]
        assert summary and len(summary[0].strip()) > 15, command  # a real one-line description



def test_audit_lists_findings_and_rejects_unknown_kinds(runner, fixture_db) -> None:
    code, out, _ = run(runner, "audit", "--json", "--db", str(fixture_db))
    report = json.loads(out)
    assert code == 0 and report["summary"]["findings"]
    code, out, _ = run(runner, "audit", "--kind", "conflicting_claims", "--json", "--db", str(fixture_db))
    assert {f["kind"] for f in json.loads(out)["findings"]} <= {"conflicting_claims"}
    code, _, err = run(runner, "audit", "--kind", "nonsense", "--db", str(fixture_db))
    assert code == 2 and "unknown kind" in err


def test_search_command_in_japanese_and_english(runner, project_db) -> None:
    code, out, _ = run(runner, "search", "竹島", "--json", "--db", str(project_db))
    assert code == 0 and json.loads(out)["hits"][0]["type"] == "dispute"
    code, out, _ = run(runner, "search", "Burma", "--type", "entity", "--json", "--db", str(project_db))
    assert [h["id"] for h in json.loads(out)["hits"]][:1] == ["MMR"]
    code, _, err = run(runner, "search", "x", "--type", "bogus", "--db", str(project_db))
    assert code == 2 and "unknown type" in err


@pytest.mark.parametrize("args", [
    ["country", "KOR"], ["country", "Korea, Republic of", "--json"], ["country", "CHN", "--as-of", "1960"],
    ["country", "--as-of=1930-06", "--format", "json", "TWN"], ["country", "Kroea"], ["country", "KOR", "--as-of", "1960-13"],
])
def test_the_fast_country_command_answers_as_the_full_cli_does(args, fixture_db, capsys) -> None:
    """`gaiko country` skips typer; its output, errors and exit codes are the typer command's."""
    from typer.testing import CliRunner

    from gaiko.cli import app
    from gaiko.cli.fast import run

    full = CliRunner().invoke(app, [*args, "--db", str(fixture_db)])
    code = run([*args, "--db", str(fixture_db)])
    fast = capsys.readouterr()
    assert code == full.exit_code
    assert fast.out == full.stdout
    assert fast.err.strip() == full.stderr.strip()


@pytest.mark.parametrize("args", [["country"], ["country", "KOR", "--help"], ["country", "KOR", "--csv"],
                                  ["relations"], ["country", "KOR", "CHN"]])
def test_anything_else_goes_to_the_full_cli(args) -> None:
    from gaiko.cli.fast import run

    assert run(args) is None


def test_version_and_python_m(runner) -> None:
    import subprocess
    import sys
    from importlib.metadata import version

    from gaiko.cli import app

    assert runner.invoke(app, ["--version"]).stdout.strip() == f"gaiko {version('gaiko')}"
    out = subprocess.run([sys.executable, "-m", "gaiko", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"gaiko {version('gaiko')}"


def test_a_csv_export_is_a_valid_frictionless_package(runner, fixture_db, tmp_path: Path) -> None:
    import frictionless

    folder = tmp_path / "export"
    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(folder), "--db", str(fixture_db)])
    assert result.exit_code == 0
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in descriptor["resources"]} == {p.name for p in folder.glob("*.csv")}
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
