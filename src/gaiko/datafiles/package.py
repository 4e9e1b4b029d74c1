"""data/datapackage.json: a Frictionless Data Package describing every file in data/.

Written from the registry (`gaiko data package`) and checked by the tests, so it cannot drift:
each CSV file is a tabular resource whose fields carry the model's types and descriptions, each
YAML file a JSON-type resource with its record type's JSON Schema, each upstream copy a file
resource. `frictionless validate data/datapackage.json` runs in `make test`.
"""

from __future__ import annotations

import json
import re
import types
import typing
from pathlib import Path
from typing import Any

from gaiko.registry import RECORD_TYPES, RecordType

PACKAGE_JSON = "datapackage.json"
NAME = "gaiko"
TITLE = "gaiko — a sourced, time-aware knowledge base of Japan's foreign relations"
LICENSES = [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
             "title": "Creative Commons Attribution 4.0 (gaiko's own curation); upstream terms in "
                      "data/upstream/*/PROVENANCE.md"}]
# What a CSV cell holds beyond its model field: the lists and citations that CSV flattens.
CSV_CELLS = {
    "aliases_en": "Other English names, separated by |",
    "aliases_ja": "Other Japanese names, separated by |",
    "former_names": "Former names, separated by |",
    "citations": "Where each value came from: source:locator pairs separated by |",
}
# Files the importers read that are no record type of their own.
IMPORTER_TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "cow_code_map.csv": ("Which gaiko entity a COW state code means in a span of years (read by the importers).", [
        ("cow_code", "integer", "COW state code"), ("first_year", "integer", "first year of the span"),
        ("last_year", "integer", "last year of the span"), ("entity", "string", "gaiko entity id"),
        ("reason", "string", "why the code means that entity then")]),
}
SKIPPED = {PACKAGE_JSON, "LICENSE"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _field_type(annotation: Any) -> str:
    """Table Schema type of a model field (lists and nested values are flattened to strings)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return {int: "integer", float: "number", bool: "boolean"}.get(annotation, "string")


def _table(rtype: RecordType, header: list[str]) -> dict[str, Any]:
    fields = []
    for column in header:
        info = rtype.model.model_fields.get(column)
        field: dict[str, Any] = {"name": column, "type": _field_type(info.annotation) if info else "string"}
        description = CSV_CELLS.get(column) or (info.description if info else None)
        if description:
            field["description"] = description
        if info is not None and info.is_required():
            field["constraints"] = {"required": True}
        fields.append(field)
    key = ["id"] if "id" in header else []
    return {"fields": fields, **({"primaryKey": key} if key and rtype.unique else {})}


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\r\n").split(",")


def describe(data_dir: Path | str) -> dict[str, Any]:
    """The data package for the files under `data_dir`, in a stable order."""
    root = Path(data_dir)
    resources: list[dict[str, Any]] = []
    described: set[str] = set()
    for rtype in RECORD_TYPES:
        schema = rtype.model.model_json_schema()
        for pattern in rtype.files:
            for path in sorted(root.glob(pattern)):
                rel = path.relative_to(root).as_posix()
                described.add(rel)
                resource: dict[str, Any] = {"name": _slug(f"{rtype.collection}-{path.stem}"), "path": rel,
                                            "description": rtype.description}
                if path.suffix == ".csv":
                    resource |= {"type": "table", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                                 "schema": _table(rtype, _header(path))}
                else:
                    resource |= {"type": "json", "format": "yaml", "mediatype": "application/yaml",
                                 "encoding": "utf-8", "jsonSchema": {"type": "array", "items": schema}}
                resources.append(resource)
    for name, (description, columns) in IMPORTER_TABLES.items():
        if (root / name).is_file():
            described.add(name)
            resources.append({"name": _slug(Path(name).stem), "path": name, "type": "table", "format": "csv",
                              "mediatype": "text/csv", "encoding": "utf-8", "description": description,
                              "schema": {"fields": [{"name": n, "type": t, "description": d} for n, t, d in columns]}})
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if rel in described or rel in SKIPPED or path.name == "README.md" or path.name.startswith("."):
            continue
        resources.append({"name": _slug(f"file-{rel}"), "path": rel, "type": "file",
                          "description": "An upstream copy the importers read; see its folder's PROVENANCE.md"
                          if rel.startswith("upstream/") else "A file of data/"})
    return {"name": NAME, "title": TITLE, "licenses": LICENSES, "resources": resources}


def write(data_dir: Path | str) -> Path:
    """Write data/datapackage.json; return its path."""
    path = Path(data_dir) / PACKAGE_JSON
    path.write_text(json.dumps(describe(data_dir), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
