"""Read the data/ folder into models, reporting every problem as "file:line: field: message".

What data/ holds is the registry's table (`gaiko.registry`): each record type names its files.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from gaiko.datafiles.checks import cross_check
from gaiko.datafiles.reading import (
    LIST_SEPARATOR,
    DataError,
    csv_records,
    format_citation_cell,
    parse_citation_cell,
    validate,
    yaml_records,
)
from gaiko.model import Correction, Entity
from gaiko.registry import RECORD_TYPES, RecordType, by_model

__all__ = ["LIST_SEPARATOR", "DataError", "DataErrors", "Dataset", "format_citation_cell", "load",
           "parse_citation_cell"]

M = TypeVar("M", bound=BaseModel)

# Files the importers write (they name them through these constants).
ENTITIES_CSV = "entities.csv"
HISTORICAL_YAML = "historical_entities.yaml"
HISTORICAL_DIR = "historical"
EXCHANGE_CSV = "evidence/cow_diplomatic_exchange.csv"
STATES_CSV = "evidence/cow_state_system.csv"
TRADE_CSV = "evidence/cow_trade.csv"
MAP_POINTS_CSV = "evidence/map_points.csv"
MISSIONS_CSV = "missions.csv"
WORKS_YAML = "works.yaml"
TIMELINE_DIR = "timeline"


class DataErrors(Exception):
    """Every problem found in data/, in file and line order."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass
class Dataset:
    """Everything in data/, validated, with where each record came from."""

    records: dict[str, list[Any]] = field(default_factory=lambda: {t.name: [] for t in RECORD_TYPES})
    origin: dict[int, tuple[str, int]] = field(default_factory=dict)

    def of(self, model: type[M]) -> list[M]:
        """Every record of one model (`ds.of(Entity)`)."""
        return cast(list[M], self.records[by_model(model).name])

    def where(self, record: Any) -> tuple[str, int]:
        return self.origin.get(id(record), ("?", 0))

    def summary(self) -> str:
        """"207 entities, 584 relation events, …": how many records of each type were read."""
        return ", ".join(f"{len(self.records[t.name])} {t.collection.replace('_', ' ')}"
                         for t in RECORD_TYPES if self.records[t.name])

    def cited_records(self) -> Iterator[Any]:
        for rtype in RECORD_TYPES:
            if "citations" in rtype.model.model_fields:
                yield from self.records[rtype.name]


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Records form no cycles; the cyclic collector would only rescan them, superlinearly."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(data_dir: Path | str) -> Dataset:
    """Read and validate data/; raise DataErrors listing every problem at once."""
    root = Path(data_dir)
    if not root.is_dir():
        raise DataErrors([DataError(str(root), 0, "folder", "does not exist")])
    errors: list[DataError] = []
    ds = Dataset()
    with _no_cyclic_gc():
        for rtype in RECORD_TYPES:
            for pattern in rtype.files:
                paths = sorted(root.glob(pattern))
                if rtype.required and pattern == rtype.files[0] and not paths:
                    errors.append(DataError(f"{root.name}/{pattern}", 0, "file", "is missing"))
                for path in paths:
                    _read(rtype, path, root, ds, errors, required=rtype.required and pattern == rtype.files[0])
        cross_check(ds, errors)
        if not errors:
            ds.records["entity"] = _apply_corrections(ds, errors)
    if errors:
        raise DataErrors(errors)
    return ds


def _read(rtype: RecordType, path: Path, root: Path, ds: Dataset, errors: list[DataError],
          required: bool) -> None:
    rel = str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)
    if path.suffix == ".csv":
        raws = csv_records(path, rel, errors, rtype.csv_lists, rtype.csv_citations)
    else:
        raws = yaml_records(path, rel, errors)
    found = 0
    for line, raw in raws:
        found += 1
        record = validate(rtype.model, raw, rel, line, errors)
        if record is not None:
            ds.records[rtype.name].append(record)
            ds.origin[id(record)] = (rel, line)
    if required and found == 0 and not any(e.file == rel for e in errors):
        errors.append(DataError(rel, 1, "file", f"holds no {rtype.collection}: at least one is required"))


def _apply_corrections(ds: Dataset, errors: list[DataError]) -> list[Entity]:
    """Entities with data/corrections.yaml applied; each correction's citations join the entity's."""
    by_entity: dict[str, list[Correction]] = {}
    for correction in ds.of(Correction):
        by_entity.setdefault(correction.entity, []).append(correction)
    corrected = []
    for entity in ds.of(Entity):
        fixes = by_entity.get(entity.id)
        if not fixes:
            corrected.append(entity)
            continue
        raw = entity.model_dump()
        for fix in fixes:
            raw[fix.field] = fix.value
            raw["citations"] = [*raw["citations"], *(c.model_dump() for c in fix.citations)]
        try:
            new = Entity.model_validate(raw)
        except ValidationError as exc:
            for fix in fixes:
                errors.append(DataError(*ds.where(fix), "value", exc.errors()[0]["msg"]))
            corrected.append(entity)
            continue
        ds.origin[id(new)] = ds.where(entity)
        corrected.append(new)
    return corrected
