"""Write an export document as one CSV file per table, with a Frictionless datapackage.json."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any


def _cell(value: Any) -> Any:
    """Nested values (citations, lists) go into CSV cells as JSON."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _field_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None and v != ""]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "number"
    return "string"


def _model_columns(collection: str) -> list[str]:
    from gaiko.registry import RECORD_TYPES

    found = next((t for t in RECORD_TYPES if t.collection == collection), None)
    return list(found.model.model_fields) if found else ["id"]


def write_csv_tables(document: dict[str, Any], folder: Path) -> list[Path]:
    """One CSV per table of `document` and a datapackage.json describing them; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written, resources = [], []
    for table, rows in document.items():
        if not isinstance(rows, list):
            continue  # meta
        columns: list[str] = []
        for row in rows:
            columns += [c for c in row if c not in columns]
        if not columns:  # an empty table still has its record type's columns
            columns = _model_columns(table)
        path = folder / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
        fields = [{"name": c, "type": _field_type([r.get(c) for r in rows]),
                   **({"description": "JSON"} if any(isinstance(r.get(c), dict | list) for r in rows) else {})}
                  for c in columns]
        resources.append({"name": table.replace("_", "-"), "path": path.name, "type": "table", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "schema": {"fields": fields}})
        written.append(path)
    meta = document.get("meta", {})
    package = {"name": "gaiko-export", "title": "gaiko export", "version": meta.get("data_fingerprint"),
               "description": f"Every record of gaiko with its sources, as of {meta.get('as_of')}.",
               "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
               "resources": resources}
    descriptor = folder / "datapackage.json"
    descriptor.write_text(json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [*written, descriptor]
