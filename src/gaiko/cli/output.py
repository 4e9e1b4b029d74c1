"""One way out for every command: text, JSON, NDJSON or CSV of the library's answer."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Any


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    NDJSON = "ndjson"
    CSV = "csv"


def choose(fmt: Format | None, as_json: bool = False, as_csv: bool = False) -> Format:
    """The format asked for: --format, or the --json / --csv shortcuts; text by default."""
    if fmt is not None:
        return fmt
    if as_json:
        return Format.JSON
    if as_csv:
        return Format.CSV
    return Format.TEXT


def emit(value: Any, fmt: Format, text: Callable[[Any], None], rows: Callable[[Any], list[Any]] | None = None) -> None:
    """Print `value` in `fmt`; `text` renders it for people, `rows` picks its list for NDJSON and CSV."""
    if fmt is Format.TEXT:
        text(value)
        return
    if fmt is Format.JSON:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        return
    items = rows(value) if rows else (value if isinstance(value, list) else [value])
    if fmt is Format.NDJSON:
        sys.stdout.writelines(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
        return
    write_csv([flatten(item) for item in items])


def flatten(item: Any, prefix: str = "") -> dict[str, Any]:
    """One CSV row: nested objects as dotted columns, lists as JSON."""
    if not isinstance(item, dict):
        return {prefix or "value": item}
    out: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            out.update(flatten(value, name))
        elif isinstance(value, list):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def write_csv(rows: list[dict[str, Any]]) -> None:
    columns: list[str] = []
    for row in rows:
        columns += [c for c in row if c not in columns]
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
