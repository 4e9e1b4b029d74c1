"""The commands that make or serve the knowledge base: build, data check, coverage, serve."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from gaiko.cli import text
from gaiko.cli.common import DataOption, DbOption, FormatOption, JsonOption, fail, open_kb
from gaiko.cli.output import choose, emit
from gaiko.paths import default_db


def build(data: DataOption = Path("data"), db: DbOption = None) -> None:
    """Validate data/ and build the database from it (the old one stays if this fails)."""
    from gaiko import datafiles
    from gaiko.store.build import build as build_store

    target = db or default_db()
    try:
        dataset = datafiles.load(data)
    except datafiles.DataErrors as exc:
        typer.echo(str(exc), err=True)
        fail(f"{len(exc.errors)} error(s) in {data}; the database was not changed", 2)
    try:
        build_store(dataset, target)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror}; the database was not changed", 2)
    typer.echo(f"built {target}: {dataset.summary()}")


def data_check(data: DataOption = Path("data")) -> None:
    """Validate every file in data/ against the schema; list every error as file:line: field."""
    from gaiko import datafiles

    try:
        dataset = datafiles.load(data)
    except datafiles.DataErrors as exc:
        typer.echo(str(exc), err=True)
        fail(f"{len(exc.errors)} error(s) in {data}", 2)
    typer.echo(f"{data}: ok ({dataset.summary()})")


def data_package(data: DataOption = Path("data")) -> None:
    """Rewrite data/datapackage.json, the Frictionless description of every file in data/."""
    from gaiko.datafiles import package

    typer.echo(package.write(data))


def data_schema() -> None:
    """Print the JSON Schema of every record type."""
    import json

    from gaiko.registry import json_schemas

    sys.stdout.write(json.dumps(json_schemas(), ensure_ascii=False, indent=2) + "\n")


def coverage(
    article: Annotated[Path, typer.Argument(help="A plain-text Wikipedia article.")],
    as_json: JsonOption = False,
    fmt: FormatOption = None,
    db: DbOption = None,
) -> None:
    """Which factual sentences of an article the knowledge base's citations support."""
    from gaiko.article import ArticleError, parse_article
    from gaiko.coverage import coverage as compute

    sections = read_article(article, parse_article, ArticleError)
    report = compute(open_kb(db), sections)
    emit(report, choose(fmt, as_json), text.coverage, rows=lambda r: r["sentences"])


def read_article(path: Path, parse: Any, error: type[Exception]) -> Any:
    try:
        return parse(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}", 2)
    except UnicodeDecodeError:
        fail(f"cannot read {path}: not UTF-8 text", 2)
    except error as exc:
        fail(f"{path}: {exc}", 2)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port (1–65535).")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
    db: DbOption = None,
) -> None:
    """Serve the JSON API and the explorer over the database."""
    import uvicorn

    target = db or default_db()
    open_kb(target).close()
    os.environ["GAIKO_DB"] = str(target.resolve())
    uvicorn.run("gaiko.api:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="warning")
