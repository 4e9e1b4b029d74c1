"""What the commands share: options, errors, opening the knowledge base, output format."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from gaiko.cli.output import Format
from gaiko.paths import default_db

if TYPE_CHECKING:
    from gaiko.kb import KnowledgeBase

DEFAULT_DATA = Path(os.environ.get("GAIKO_DATA", "data"))
DEFAULT_RAW = Path(os.environ.get("GAIKO_RAW", "../shared/data/raw"))

DbOption = Annotated[Path | None, typer.Option("--db", help="The database file (default: $GAIKO_DB, ./gaiko.db, "
                                                            "or the one installed with gaiko).", show_default=False)]
DataOption = Annotated[Path, typer.Option("--data", help="The data/ folder.", envvar="GAIKO_DATA")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="A date (YYYY, YYYY-MM or YYYY-MM-DD); default today.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (same as --format json).")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV (same as --format csv).")]
FormatOption = Annotated[Format | None, typer.Option("--format", help="text, json, ndjson or csv.")]


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"gaiko: {message}", err=True)
    raise typer.Exit(code)


def parse_date(text: str | None, option: str = "--as-of") -> dt.date | None:
    if text is None:
        return None
    from gaiko.dates import parse_as_of

    try:
        return parse_as_of(text)
    except ValueError as exc:
        fail(f"{option}: {exc}", 2)


def open_kb(db: Path | None) -> KnowledgeBase:
    from gaiko.kb import KnowledgeBase
    from gaiko.store.read import StoreMissing, StoreUnreadable

    try:
        return KnowledgeBase(db or default_db())
    except (StoreMissing, StoreUnreadable) as exc:
        fail(str(exc), 2)
