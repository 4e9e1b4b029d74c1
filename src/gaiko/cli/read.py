"""The commands that read the knowledge base: parse, call the library, print. Nothing else."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from gaiko.cli import text
from gaiko.cli.common import (
    AsOfOption,
    CsvOption,
    DbOption,
    FormatOption,
    JsonOption,
    fail,
    open_kb,
    parse_date,
)
from gaiko.cli.output import choose, emit

T = TypeVar("T")


@contextmanager
def user_errors() -> Iterator[None]:
    """An unknown entity exits 1 with suggestions; any other bad value exits 2 with its reason."""
    from gaiko.names import UnknownEntity

    try:
        yield
    except UnknownEntity as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(str(exc), 2)


def country(
    query: Annotated[str, typer.Argument(help="ISO code, COW code, or a name in English or Japanese.")],
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
    db: DbOption = None,
) -> None:
    """Show one entity: codes, names, where its territory stood, and Japan's status with the events behind it."""
    day = parse_date(as_of)
    with user_errors():
        record = open_kb(db).country(query, day)
    emit(record, choose(fmt, as_json), text.country)


def relations(
    status: Annotated[str | None, typer.Option(help="Only this status.")] = None,
    region: Annotated[str | None, typer.Option(help="Only this UN region or subregion.")] = None,
    as_of: AsOfOption = None,
    territories: Annotated[bool, typer.Option(help="Also every territory that another state held, with the "
                                                   "status with that state.")] = False,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    fmt: FormatOption = None,
    db: DbOption = None,
) -> None:
    """List the sovereign states of a date with Japan's status with each."""
    day = parse_date(as_of)
    with user_errors():
        rows = open_kb(db).relations(day, status=status, region=region, territories=territories)
    emit(rows, choose(fmt, as_json, as_csv), text.relations)


def timeline(
    start: Annotated[str | None, typer.Option("--from", help="Start of the period (YYYY[-MM[-DD]]).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="End of the period (YYYY[-MM[-DD]]).")] = None,
    country: Annotated[str | None, typer.Option(help="Only events with this partner.")] = None,
    theme: Annotated[str | None, typer.Option(help="Only this theme.")] = None,
    region: Annotated[str | None, typer.Option(help="Only this region.")] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
    db: DbOption = None,
) -> None:
    """The history of Japan's foreign relations, as dated and cited events."""
    from gaiko.dates import parse_period

    try:
        first, last = parse_period(start, end)
    except ValueError as exc:
        fail(f"--from/--to: {exc}", 2)
    with user_errors():
        rows = open_kb(db).timeline(first, last, country=country, theme=theme, region=region)
    emit(rows, choose(fmt, as_json), text.timeline)


def disputes(
    country: Annotated[str | None, typer.Option(help="Only disputes with this party.")] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
    db: DbOption = None,
) -> None:
    """Territorial and maritime disputes, modelled neutrally: every party's names and position."""
    with user_errors():
        rows = open_kb(db).disputes(country)
    emit(rows, choose(fmt, as_json), text.disputes)


def figures(
    country: Annotated[str | None, typer.Option(help="Only figures about this partner, with trade.")] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
    db: DbOption = None,
) -> None:
    """Aid, investment and trade figures, each with unit, basis, period and source."""
    with user_errors():
        result = open_kb(db).figures(country)
    emit(result, choose(fmt, as_json), text.figures, rows=lambda r: r["figures"])


def missions(
    country: Annotated[str | None, typer.Option(help="Only missions of or in this partner.")] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
    db: DbOption = None,
) -> None:
    """Japan's embassies and consulates abroad, and the foreign missions in Japan (Wikidata, 2022)."""
    with user_errors():
        rows = open_kb(db).missions(country)
    emit(rows, choose(fmt, as_json), text.missions)


class WorkFormat(StrEnum):
    JSON = "json"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


def works(
    format: Annotated[WorkFormat, typer.Option("--format", help="json, bibtex or csl-json.")] = WorkFormat.JSON,
    db: DbOption = None,
) -> None:
    """The bibliography (the seed's Further reading, parsed), as JSON, BibTeX or CSL-JSON."""
    from gaiko.citeformats import to_bibtex, to_csl

    rows = open_kb(db).works()
    if format is WorkFormat.BIBTEX:
        sys.stdout.write("\n".join(to_bibtex(w) for w in rows))
    else:
        value = [to_csl(w) for w in rows] if format is WorkFormat.CSL_JSON else rows
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def search(
    query: Annotated[str, typer.Argument(help="Words in English or Japanese (竹島, 外交, Burma …).")],
    type: Annotated[list[str] | None, typer.Option("--type", help="Only this record type (repeatable).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="How many hits.")] = 20,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
    db: DbOption = None,
) -> None:
    """Ranked full-text search across names, events, disputes, figures, works and quotes."""
    with user_errors():
        result = open_kb(db).search(query, type, limit)
    emit(result, choose(fmt, as_json), text.search, rows=lambda r: r["hits"])


def check(as_json: JsonOption = False, fmt: FormatOption = None, db: DbOption = None) -> None:
    """Recompute the seed article's claims about Japan's relations from the data."""
    from gaiko.claims import check_claims

    results = check_claims(open_kb(db))
    emit(results, choose(fmt, as_json), text.claims)
    if any(not r["passed"] for r in results):
        raise typer.Exit(1)


def audit(
    kind: Annotated[str | None, typer.Option(help="Only findings of this kind.")] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
    db: DbOption = None,
) -> None:
    """List where sources disagree, and what is still undated or unplaced."""
    from gaiko.audit import FINDING_KINDS
    from gaiko.audit import audit as run_audit
    from gaiko.kb import check_choice

    with user_errors():
        check_choice("kind", kind, FINDING_KINDS)
    report = run_audit(open_kb(db))
    if kind is not None:
        report["findings"] = [f for f in report["findings"] if f["kind"] == kind]
    emit(report, choose(fmt, as_json), text.audit, rows=lambda r: r["findings"])


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="json or csv.")] = ExportFormat.JSON,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (json) or folder (csv).")] = None,
    as_of: AsOfOption = None,
    db: DbOption = None,
) -> None:
    """Write every record with its sources: one JSON document, or one CSV file per table with a datapackage."""
    from gaiko.export import write_csv_tables

    day = parse_date(as_of)
    document = open_kb(db).export(day)
    try:
        if format is ExportFormat.JSON:
            content = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
            if output:
                output.write_text(content, encoding="utf-8")
            else:
                sys.stdout.write(content)
            return
        for path in write_csv_tables(document, output or Path("export")):
            typer.echo(path)
    except OSError as exc:
        fail(f"cannot write {exc.filename or output}: {exc.strerror}", 2)


def history(db: DbOption = None) -> None:
    """Every entity's status over time as compact intervals (JSON), for maps and analysis."""
    sys.stdout.write(json.dumps(open_kb(db).status_history(), ensure_ascii=False) + "\n")


READ_COMMANDS: list[Callable[..., None]] = [country, relations, timeline, disputes, figures, missions, works,
                                            search, check, audit, export, history]
