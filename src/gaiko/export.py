"""Write an export document as one CSV file per table."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

# Nested values (citations, lists) go into CSV cells as JSON.
TABLES = ("sources", "entities", "relation_events", "status_statements", "corrections",
          "diplomatic_exchange", "relations", "timeline_events", "disputes", "figures", "missions",
          "trade", "works", "narratives")


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv_tables(document: dict[str, Any], folder: Path) -> list[Path]:
    """One CSV per table of `document`; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        rows = document.get(table, [])
        columns: list[str] = []
        for row in rows:
            columns += [c for c in row if c not in columns]
        path = folder / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
        written.append(path)
    return written
