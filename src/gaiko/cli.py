"""The `gaiko` command: parse arguments, call the library, format the result. Nothing else."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from gaiko import textout

app = typer.Typer(
    help="gaiko (外交): a sourced, time-aware knowledge base of Japan's foreign relations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
data_app = typer.Typer(help="Work with the data/ folder, the source of truth.", no_args_is_help=True)
import_app = typer.Typer(help="Re-import upstream datasets into data/ (needs the `import` extra).",
                         no_args_is_help=True)
app.add_typer(data_app, name="data")
app.add_typer(import_app, name="import")

DEFAULT_DATA = Path(os.environ.get("GAIKO_DATA", "data"))
DEFAULT_DB = Path(os.environ.get("GAIKO_DB", "gaiko.db"))
DEFAULT_RAW = Path(os.environ.get("GAIKO_RAW", "../shared/data/raw"))

DbOption = Annotated[Path, typer.Option("--db", help="The database file.", envvar="GAIKO_DB")]
DataOption = Annotated[Path, typer.Option("--data", help="The data/ folder.", envvar="GAIKO_DATA")]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="A date (YYYY, YYYY-MM or YYYY-MM-DD); default today."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


class WorkFormat(StrEnum):
    JSON = "json"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"gaiko: {message}", err=True)
    raise typer.Exit(code)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    from gaiko.dates import parse_as_of

    try:
        return parse_as_of(text)
    except ValueError as exc:
        fail(f"--as-of: {exc}", 2)


def open_kb(db: Path) -> Any:
    from gaiko.kb import KnowledgeBase
    from gaiko.store.read import StoreMissing

    try:
        return KnowledgeBase(db)
    except StoreMissing as exc:
        fail(str(exc), 2)


@app.command()
def country(
    query: Annotated[str, typer.Argument(help="ISO code, COW code, or a name in English or Japanese.")],
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one entity: codes, names, and Japan's relation status with the events behind it."""
    from gaiko.kb import UnknownEntity

    day = parse_date(as_of)
    kb = open_kb(db)
    try:
        record = kb.country(query, day)
    except UnknownEntity as exc:
        fail(str(exc))
    if as_json:
        print_json(record)
    else:
        textout.country(record)


@app.command()
def relations(
    status: Annotated[str | None, typer.Option(help="Only this status.")] = None,
    region: Annotated[str | None, typer.Option(help="Only this UN region or subregion.")] = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List every entity with Japan's relation status on a date."""
    day = parse_date(as_of)
    kb = open_kb(db)
    try:
        rows = kb.relations(day, status=status, region=region)
    except ValueError as exc:
        fail(str(exc), 2)
    if as_json:
        print_json(rows)
    elif as_csv:
        textout.csv_rows(rows, sys.stdout)
    else:
        textout.relations(rows)


@app.command()
def timeline(
    start: Annotated[str | None, typer.Option("--from", help="Start of the period (YYYY[-MM[-DD]]).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="End of the period (YYYY[-MM[-DD]]).")] = None,
    country: Annotated[str | None, typer.Option(help="Only events with this partner.")] = None,
    theme: Annotated[str | None, typer.Option(help="Only this theme.")] = None,
    region: Annotated[str | None, typer.Option(help="Only this region.")] = None,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """The history of Japan's foreign relations, as dated and cited events."""
    from gaiko.dates import parse_period
    from gaiko.kb import UnknownEntity

    try:
        first, last = parse_period(start, end)
    except ValueError as exc:
        fail(f"--from/--to: {exc}", 2)
    try:
        rows = open_kb(db).timeline(first, last, country=country, theme=theme, region=region)
    except UnknownEntity as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(str(exc), 2)
    if as_json:
        print_json(rows)
    else:
        textout.timeline(rows)


@app.command()
def disputes(
    country: Annotated[str | None, typer.Option(help="Only disputes with this party.")] = None,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Territorial and maritime disputes, modelled neutrally: every party's names and position."""
    from gaiko.kb import UnknownEntity

    try:
        rows = open_kb(db).disputes(country)
    except UnknownEntity as exc:
        fail(str(exc))
    if as_json:
        print_json(rows)
    else:
        textout.disputes(rows)


@app.command()
def figures(
    country: Annotated[str | None, typer.Option(help="Only figures about this partner, with trade.")] = None,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Aid, investment and trade figures, each with unit, basis, period and source."""
    from gaiko.kb import UnknownEntity

    try:
        result = open_kb(db).figures(country)
    except UnknownEntity as exc:
        fail(str(exc))
    if as_json:
        print_json(result)
    else:
        textout.figures(result)


@app.command()
def missions(
    country: Annotated[str | None, typer.Option(help="Only missions of or in this partner.")] = None,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Japan's embassies and consulates abroad, and the foreign missions in Japan (Wikidata, 2022)."""
    from gaiko.kb import UnknownEntity

    try:
        rows = open_kb(db).missions(country)
    except UnknownEntity as exc:
        fail(str(exc))
    if as_json:
        print_json(rows)
    else:
        textout.missions(rows)


@app.command()
def works(
    format: Annotated[WorkFormat, typer.Option("--format", help="json, bibtex or csl-json.")] = WorkFormat.JSON,
    db: DbOption = DEFAULT_DB,
) -> None:
    """The bibliography (the seed's Further reading, parsed), as JSON, BibTeX or CSL-JSON."""
    from gaiko.citeformats import to_bibtex, to_csl

    rows = open_kb(db).works()
    if format is WorkFormat.BIBTEX:
        sys.stdout.write("\n".join(to_bibtex(w) for w in rows))
    elif format is WorkFormat.CSL_JSON:
        print_json([to_csl(w) for w in rows])
    else:
        print_json(rows)


@app.command()
def coverage(
    article: Annotated[Path, typer.Argument(help="A plain-text Wikipedia article.")],
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Which factual sentences of an article the knowledge base's citations support."""
    from gaiko.article import ArticleError, parse_article
    from gaiko.coverage import coverage as compute

    sections = _read_article(article, parse_article, ArticleError)
    kb = open_kb(db)
    report = compute(kb, sections)
    if as_json:
        print_json(report)
    else:
        textout.coverage(report)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words in English or Japanese (竹島, 外交, Burma …).")],
    type: Annotated[list[str] | None, typer.Option("--type", help="Only this record type (repeatable).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="How many hits.")] = 20,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Ranked full-text search across names, events, disputes, figures, works and quotes."""
    try:
        total, hits = open_kb(db).search(query, type, limit)
    except ValueError as exc:
        fail(str(exc), 2)
    if as_json:
        print_json({"total": total, "hits": hits})
    else:
        textout.search(total, hits)


@app.command()
def check(as_json: JsonOption = False, db: DbOption = DEFAULT_DB) -> None:
    """Recompute the seed article's claims about Japan's relations from the data."""
    from gaiko.claims import check_claims

    results = check_claims(open_kb(db))
    if as_json:
        print_json(results)
    else:
        textout.claims(results)
    if any(not r["passed"] for r in results):
        raise typer.Exit(1)


@app.command()
def audit(
    kind: Annotated[str | None, typer.Option(help="Only findings of this kind.")] = None,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List where sources disagree, and which relations still lack a dated establishment."""
    from gaiko.audit import FINDING_KINDS
    from gaiko.audit import audit as run_audit

    if kind is not None and kind not in FINDING_KINDS:
        fail(f"unknown kind {kind!r}; use one of: {', '.join(FINDING_KINDS)}", 2)
    report = run_audit(open_kb(db))
    if kind is not None:
        report["findings"] = [f for f in report["findings"] if f["kind"] == kind]
    if as_json:
        print_json(report)
    else:
        textout.audit(report)


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="json or csv.")] = ExportFormat.JSON,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (json) or folder (csv).")
    ] = None,
    as_of: AsOfOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write every record with its sources: one JSON document, or one CSV file per table."""
    from gaiko.export import write_csv_tables

    day = parse_date(as_of)
    document = open_kb(db).export(day)
    if format is ExportFormat.JSON:
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return
    folder = output or Path("export")
    for path in write_csv_tables(document, folder):
        typer.echo(path)


@app.command()
def build(data: DataOption = DEFAULT_DATA, db: DbOption = DEFAULT_DB) -> None:
    """Validate data/ and build the database from it (the old one stays if this fails)."""
    from gaiko import datafiles
    from gaiko.store.build import build as build_store

    try:
        dataset = datafiles.load(data)
    except datafiles.DataErrors as exc:
        typer.echo(str(exc), err=True)
        fail(f"{len(exc.errors)} error(s) in {data}; the database was not changed", 2)
    build_store(dataset, db)
    typer.echo(f"built {db}: {dataset.summary()}")


@data_app.command("check")
def data_check(data: DataOption = DEFAULT_DATA) -> None:
    """Validate every file in data/ against the schema; list every error as file:line: field."""
    from gaiko import datafiles

    try:
        dataset = datafiles.load(data)
    except datafiles.DataErrors as exc:
        typer.echo(str(exc), err=True)
        fail(f"{len(exc.errors)} error(s) in {data}", 2)
    typer.echo(f"{data}: ok ({dataset.summary()})")


@data_app.command("schema")
def data_schema() -> None:
    """Print the JSON Schema of every record type."""
    from gaiko.registry import json_schemas

    print_json(json_schemas())


@import_app.command("upstream")
def import_upstream(
    raw: Annotated[Path, typer.Option(help="The upstream raw folder.")] = DEFAULT_RAW,
    data: DataOption = DEFAULT_DATA,
) -> None:
    """Copy the upstream files gaiko uses into data/upstream/, with their provenance."""
    from gaiko.sources.upstream import copy_upstream

    for path in copy_upstream(raw, data / "upstream"):
        typer.echo(path)


@import_app.command("entities")
def import_entities(data: DataOption = DEFAULT_DATA) -> None:
    """Rewrite data/entities.csv from data/upstream, pycountry and country_converter."""
    from gaiko.sources.entities import write_entities

    typer.echo(f"{write_entities(data / 'upstream', data)} entities written")


@import_app.command("exchange")
def import_exchange(data: DataOption = DEFAULT_DATA) -> None:
    """Rewrite data/evidence/cow_diplomatic_exchange.csv from the COW upstream file."""
    from gaiko.sources.cow import import_exchange as run

    written, skipped = run(data / "upstream", data)
    typer.echo(f"{written} rows written; COW codes without an entity: {skipped or 'none'}")


@import_app.command("timeline")
def import_timeline(data: DataOption = DEFAULT_DATA) -> None:
    """Rewrite data/timeline/imported-*.yaml (COW IGO and wars, ATOP, US visit records)."""
    from gaiko.sources.history import import_timeline as run

    for name, count in run(data / "upstream", data).items():
        typer.echo(f"imported-{name}.yaml: {count} events")


@import_app.command("trade")
def import_trade(data: DataOption = DEFAULT_DATA) -> None:
    """Rewrite data/evidence/cow_trade.csv from COW dyadic trade (via peacesciencer)."""
    from gaiko.sources.trade import import_trade as run

    written, skipped = run(data / "upstream", data)
    typer.echo(f"{written} rows written; COW codes without an entity: {skipped or 'none'}")


@import_app.command("missions")
def import_missions(data: DataOption = DEFAULT_DATA) -> None:
    """Rewrite data/missions.csv from the database-of-embassies copy (needs country_converter)."""
    from gaiko.sources.missions import import_missions as run

    written, unmatched = run(data / "upstream", data)
    typer.echo(f"{written} missions written; operators or hosts without an entity: {unmatched or 'none'}")


@import_app.command("article")
def import_article(
    article: Annotated[Path, typer.Argument(help="A plain-text Wikipedia article (== Section == headings).")],
    as_json: JsonOption = False,
) -> None:
    """Read an article into sections and sentences with stable ids."""
    from gaiko.article import ArticleError, as_dicts, parse_article

    sections = _read_article(article, parse_article, ArticleError)
    if as_json:
        print_json(as_dicts(sections))
        return
    for section in sections:
        typer.echo(f"{'  ' * (section.level - 1)}{section.title} [{section.id}]: {len(section.sentences)} sentences")


def _read_article(path: Path, parse: Any, error: type[Exception]) -> Any:
    try:
        return parse(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}", 2)
    except UnicodeDecodeError:
        fail(f"cannot read {path}: not UTF-8 text", 2)
    except error as exc:
        fail(f"{path}: {exc}", 2)


@import_app.command("works")
def import_works(
    article: Annotated[Path, typer.Argument(help="A plain-text Wikipedia article.")] = Path(
        "data/upstream/seed/foreign-relations-of-japan.txt"),
    data: DataOption = DEFAULT_DATA,
) -> None:
    """Rewrite data/works.yaml from the article's Further reading section."""
    from gaiko.sources.bibliography import write_works

    try:
        count = write_works(article, data)
    except OSError as exc:
        fail(f"cannot read {article}: {exc.strerror}", 2)
    typer.echo(f"{count} works written")


@import_app.command("map-points")
def import_map_points(data: DataOption = DEFAULT_DATA) -> None:
    """Rewrite data/evidence/map_points.csv (marker positions from Natural Earth, COW capitals)."""
    from gaiko.sources.mappoints import import_map_points as run

    written, missing = run(data / "upstream", data)
    typer.echo(f"{written} points written; entities without a position: {missing or 'none'}")


@import_app.command("states")
def import_states(data: DataOption = DEFAULT_DATA) -> None:
    """Rewrite data/evidence/cow_state_system.csv from the COW upstream file."""
    from gaiko.sources.cow import import_state_system

    typer.echo(f"{import_state_system(data / 'upstream', data)} spells written")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Serve the JSON API (and the explorer) over the database."""
    import uvicorn

    open_kb(db).close()
    os.environ["GAIKO_DB"] = str(db.resolve())
    uvicorn.run(
        "gaiko.api:app_from_env", factory=True, host=host, port=port, workers=workers,
        log_level="warning",
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
