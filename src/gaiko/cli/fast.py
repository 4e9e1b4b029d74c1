"""`gaiko country QUERY [--as-of D] [--json | --format text|json] [--db PATH]` without typer.

Loading typer costs more than answering, so the one command people run in loops is parsed
here; it calls the same library and prints through the same formatters as the typer command.
Anything else (another command, --help, an option this parser does not know) returns None and
the full CLI answers it.
"""

from __future__ import annotations

import sys
from pathlib import Path

_VALUES = ("--as-of", "--db", "--format")


def run(argv: list[str]) -> int | None:
    """The exit code, having answered `argv`; None when the full CLI should answer it."""
    if not argv or argv[0] != "country":
        return None
    query: str | None = None
    options: dict[str, str] = {}
    as_json = False
    rest = argv[1:]
    while rest:
        arg = rest.pop(0)
        name, equals, value = arg.partition("=")
        if arg == "--json":
            as_json = True
        elif name in _VALUES and (equals or rest):
            options[name] = value if equals else rest.pop(0)
        elif arg.startswith("-") or query is not None:
            return None
        else:
            query = arg
    if query is None or options.get("--format", "text") not in ("text", "json"):
        return None
    return _answer(query, options, as_json or options.get("--format") == "json")


def _answer(query: str, options: dict[str, str], as_json: bool) -> int:
    from gaiko.cli import text
    from gaiko.cli.output import Format, emit
    from gaiko.dates import parse_as_of
    from gaiko.kb import KnowledgeBase
    from gaiko.names import UnknownEntity
    from gaiko.paths import default_db
    from gaiko.store.read import StoreMissing, StoreUnreadable

    try:
        day = parse_as_of(options["--as-of"]) if "--as-of" in options else None
    except ValueError as exc:
        return _fail(f"--as-of: {exc}", 2)
    try:
        kb = KnowledgeBase(Path(options["--db"]) if "--db" in options else default_db())
    except (StoreMissing, StoreUnreadable) as exc:
        return _fail(str(exc), 2)
    try:
        record = kb.country(query, day)
    except UnknownEntity as exc:
        return _fail(str(exc), 1)
    emit(record, Format.JSON if as_json else Format.TEXT, text.country)
    return 0


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"gaiko: {message}\n")
    return code
