"""Read the data/ folder into models, reporting every problem as "file:line: field: message"."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from gaiko.model import (
    Citation,
    Correction,
    CoverageNote,
    DiplomaticExchange,
    Dispute,
    Entity,
    Figure,
    MapPoint,
    Mission,
    Narrative,
    RelationEvent,
    Source,
    StateSystemSpell,
    StatusStatement,
    Succession,
    TerritorySpell,
    TimelineEvent,
    TradeFlow,
    Work,
)

M = TypeVar("M", bound=BaseModel)

ENTITIES_CSV = "entities.csv"
HISTORICAL_YAML = "historical_entities.yaml"
SOURCES_YAML = "sources.yaml"
CORRECTIONS_YAML = "corrections.yaml"
STATEMENTS_YAML = "status_statements.yaml"
RELATIONS_DIR = "relations"
EXCHANGE_CSV = "evidence/cow_diplomatic_exchange.csv"
STATES_CSV = "evidence/cow_state_system.csv"
TIMELINE_DIR = "timeline"
FIGURES_YAML = "figures.yaml"
TRADE_CSV = "evidence/cow_trade.csv"
MISSIONS_CSV = "missions.csv"
WORKS_YAML = "works.yaml"
NARRATIVES_YAML = "narratives.yaml"
COVERAGE_NOTES_YAML = "coverage_notes.yaml"
MAP_POINTS_CSV = "evidence/map_points.csv"
DISPUTES_DIR = "disputes"
HISTORICAL_DIR = "historical"
STATEHOOD_DIR = "statehood"
SUCCESSIONS_DIR = "successions"
SELF_ID = "JPN"  # Japan, the subject of every relation; not an entity of its own

LIST_SEPARATOR = "|"


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class DataErrors(Exception):
    """Every problem found in data/, in file and line order."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass
class Dataset:
    """Everything in data/, validated, with where each record came from."""

    sources: list[Source] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    relation_events: list[RelationEvent] = field(default_factory=list)
    status_statements: list[StatusStatement] = field(default_factory=list)
    exchanges: list[DiplomaticExchange] = field(default_factory=list)
    state_spells: list[StateSystemSpell] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    trade: list[TradeFlow] = field(default_factory=list)
    missions: list[Mission] = field(default_factory=list)
    works: list[Work] = field(default_factory=list)
    narratives: list[Narrative] = field(default_factory=list)
    coverage_notes: list[CoverageNote] = field(default_factory=list)
    map_points: list[MapPoint] = field(default_factory=list)
    territory_spells: list[TerritorySpell] = field(default_factory=list)
    successions: list[Succession] = field(default_factory=list)
    origin: dict[int, tuple[str, int]] = field(default_factory=dict)

    def where(self, record: BaseModel) -> tuple[str, int]:
        return self.origin.get(id(record), ("?", 0))

    def cited_records(self) -> list[tuple[str, BaseModel]]:
        """(record type, record) for every record that carries citations."""
        groups: list[tuple[str, list[Any]]] = [
            ("entity", self.entities), ("relation_event", self.relation_events),
            ("correction", self.corrections), ("status_statement", self.status_statements),
            ("timeline_event", self.timeline), ("dispute", self.disputes), ("figure", self.figures),
            ("work", self.works), ("narrative", self.narratives),
            ("territory_spell", self.territory_spells), ("succession", self.successions),
        ]
        return [(kind, record) for kind, records in groups for record in records]


# libyaml's parser where PyYAML was built with it: parsing is most of the build's time.
if TYPE_CHECKING:
    _SafeBase = yaml.SafeLoader
else:
    _SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):
    """A YAML loader that remembers the line of every mapping and of each of its keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in node.value:
        # YAML would silently keep the last of two equal keys; in data/ that hides a mistake.
        if key.value in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key.value!r}", key.start_mark)
        seen.add(key.value)
    mapping: dict[str, Any] = loader.construct_mapping(node, deep=True)  # type: ignore[assignment]
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Keep dates as written ("1965-06-22" stays a string) so that precision is never lost.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _line_of(raw: Any, loc: tuple[int | str, ...], default: int) -> int:
    """Follow a pydantic error location into the raw YAML to find the nearest line."""
    line = default
    node = raw
    for part in loc:
        if isinstance(node, dict):
            line = node.get("__lines__", {}).get(str(part), node.get("__line__", line))
            node = node.get(str(part))
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            if isinstance(node, dict):
                line = node.get("__line__", line)
        else:
            break
    return line


def _field_name(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc) or "record"


def _validate(
    model: type[M], raw: Any, file: str, line: int, errors: list[DataError]
) -> M | None:
    try:
        return model.model_validate(_strip_lines(raw))
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            message = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = "unknown field"
            errors.append(DataError(file, _line_of(raw, loc, line), _field_name(loc), message))
        return None


def _read_yaml_list(path: Path, rel: str, errors: list[DataError]) -> list[Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        errors.append(DataError(rel, 0, "file", f"cannot be read: {exc.strerror}"))
        return []
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        errors.append(DataError(rel, line, "yaml", str(getattr(exc, "problem", exc))))
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        errors.append(DataError(rel, 1, "file", "must be a YAML list of records"))
        return []
    return data


def _load_yaml_records(
    model: type[M], path: Path, root: Path, errors: list[DataError], dataset: Dataset
) -> list[M]:
    rel = str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)
    records: list[M] = []
    for raw in _read_yaml_list(path, rel, errors):
        line = raw.get("__line__", 0) if isinstance(raw, dict) else 0
        if not isinstance(raw, dict):
            errors.append(DataError(rel, line, "record", "must be a mapping"))
            continue
        record = _validate(model, raw, rel, line, errors)
        if record is not None:
            records.append(record)
            dataset.origin[id(record)] = (rel, line)
    return records


def parse_citation_cell(cell: str) -> list[dict[str, str]]:
    """Turn "source:locator | source:locator" (the CSV form of citations) into dicts."""
    citations = []
    for part in cell.split(LIST_SEPARATOR):
        part = part.strip()
        if not part:
            continue
        source, _, locator = part.partition(":")
        citations.append({"source": source.strip(), "locator": locator.strip() or source.strip()})
    return citations


def format_citation_cell(citations: Iterable[Citation]) -> str:
    return f" {LIST_SEPARATOR} ".join(f"{c.source}:{c.locator}" for c in citations)


_ENTITY_LIST_COLUMNS = ("aliases_en", "aliases_ja", "former_names")


def _entity_row_to_raw(row: dict[str, str], line: int) -> dict[str, Any]:
    raw: dict[str, Any] = {k: v for k, v in row.items() if v not in ("", None)}
    for column in _ENTITY_LIST_COLUMNS:
        if column in raw:
            raw[column] = [v.strip() for v in raw[column].split(LIST_SEPARATOR) if v.strip()]
    raw["citations"] = parse_citation_cell(row.get("citations") or "")
    raw["__line__"] = line
    raw["__lines__"] = {k: line for k in row}
    return raw


def _load_csv_records(
    model: type[M],
    path: Path,
    root: Path,
    errors: list[DataError],
    dataset: Dataset,
    to_raw: Any = None,
) -> list[M]:
    rel = str(path.relative_to(root.parent))
    records: list[M] = []
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        errors.append(DataError(rel, 0, "file", f"cannot be read: {exc.strerror}"))
        return records
    with handle:
        reader = csv.DictReader(handle)
        for row in reader:
            line = reader.line_num
            if None in row:
                errors.append(DataError(rel, line, "row", "has more cells than the header"))
                continue
            if to_raw is not None:
                raw = to_raw(row, line)
            else:
                raw = {k: v for k, v in row.items() if v != ""}
                raw["__line__"], raw["__lines__"] = line, {k: line for k in row}
            record = _validate(model, raw, rel, line, errors)
            if record is not None:
                records.append(record)
                dataset.origin[id(record)] = (rel, line)
    return records


def iter_citations(record: BaseModel) -> Iterator[Citation]:
    for value in record.__dict__.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Citation):
                yield item
            elif isinstance(item, BaseModel):
                yield from iter_citations(item)


def _cross_check(dataset: Dataset, errors: list[DataError]) -> None:
    """Checks that need more than one record: ids, references between records."""

    def problem(record: BaseModel, field: str, message: str) -> None:
        errors.append(DataError(*dataset.where(record), field, message))

    source_ids = {s.id for s in dataset.sources}
    work_ids = {w.id for w in dataset.works}
    entity_ids: dict[str, tuple[str, int]] = {}
    for entity in dataset.entities:
        where = dataset.where(entity)
        if entity.id in entity_ids:
            first = entity_ids[entity.id]
            problem(entity, "id", f"duplicate id {entity.id!r} (first at {first[0]}:{first[1]})")
        entity_ids.setdefault(entity.id, where)
    event_ids: dict[str, tuple[str, int]] = {}
    for event in dataset.relation_events:
        where = dataset.where(event)
        if event.id in event_ids:
            first = event_ids[event.id]
            problem(event, "id", f"duplicate id {event.id!r} (first at {first[0]}:{first[1]})")
        event_ids.setdefault(event.id, where)
        if event.partner not in entity_ids:
            problem(event, "partner", f"unknown entity {event.partner!r}")
    for correction in dataset.corrections:
        if correction.entity not in entity_ids:
            problem(correction, "entity", f"unknown entity {correction.entity!r}")
        if correction.field not in Entity.model_fields or correction.field in ("id", "citations"):
            problem(correction, "field", f"{correction.field!r} cannot be corrected")
    for statement in dataset.status_statements:
        for pid in [*statement.partners.include, *statement.partners.exclude]:
            if pid not in entity_ids:
                problem(statement, "partners", f"unknown entity {pid!r}")
    for exchange in dataset.exchanges:
        if exchange.partner not in entity_ids:
            problem(exchange, "partner", f"unknown entity {exchange.partner!r}")
    _check_ids(dataset.works, problem)
    _check_ids(dataset.narratives, problem)
    _check_ids(dataset.timeline, problem)
    _check_ids(dataset.disputes, problem)
    for item in dataset.timeline:
        for pid in item.participants:
            if pid not in entity_ids:
                problem(item, "participants", f"unknown entity {pid!r}")
    parties = set(entity_ids) | {SELF_ID}
    _check_ids(dataset.figures, problem)
    for fig in dataset.figures:
        for pid in [*fig.recipients, *([fig.donor] if fig.donor else [])]:
            if pid not in parties:
                problem(fig, "recipients", f"unknown party {pid!r}")
    for mission in dataset.missions:
        for pid in (mission.operator, mission.host):
            if pid not in parties:
                problem(mission, "operator", f"unknown party {pid!r}")
    for point in dataset.map_points:
        if point.entity not in entity_ids:
            problem(point, "entity", f"unknown entity {point.entity!r}")
    for flow in dataset.trade:
        if flow.partner not in entity_ids:
            problem(flow, "partner", f"unknown entity {flow.partner!r}")
    for dispute in dataset.disputes:
        named = [*dispute.claimants, *dispute.other_parties, dispute.administered_by,
                 *(p.party for p in dispute.positions)]
        for pid in named:
            if pid not in parties:
                problem(dispute, "parties", f"unknown party {pid!r}")
    _check_statehood(dataset, set(entity_ids), problem)
    for _, record in dataset.cited_records():
        for citation in iter_citations(record):
            if citation.source and citation.source not in source_ids:
                problem(record, "citations", f"unknown source {citation.source!r}")
            if citation.work and citation.work not in work_ids:
                problem(record, "citations", f"unknown work {citation.work!r}")


def _check_statehood(dataset: Dataset, entity_ids: set[str], problem: Any) -> None:
    """Spells name known entities and follow each other; successions link known entities."""
    _check_ids(dataset.territory_spells, problem)
    _check_ids(dataset.successions, problem)
    parties = entity_ids | {SELF_ID}
    by_entity: dict[str, list[TerritorySpell]] = {}
    for spell in dataset.territory_spells:
        if spell.entity not in entity_ids:
            problem(spell, "entity", f"unknown entity {spell.entity!r}")
        for holder in spell.holders:
            if holder not in parties:
                problem(spell, "holders", f"unknown entity {holder!r}")
        for claim in spell.alternatives:
            for holder in claim.holders:
                if holder not in parties:
                    problem(spell, "alternatives", f"unknown entity {holder!r}")
        by_entity.setdefault(spell.entity, []).append(spell)
    for spells in by_entity.values():
        _check_spell_order(spells, problem)
    for link in dataset.successions:
        for field_name in ("predecessor", "successor"):
            if getattr(link, field_name) not in entity_ids:
                problem(link, field_name, f"unknown entity {getattr(link, field_name)!r}")


def _check_spell_order(spells: list[TerritorySpell], problem: Any) -> None:
    """One open start at most, no two spells starting together, `end` only on the last."""
    open_start = [s for s in spells if s.start is None]
    for extra in open_start[1:]:
        problem(extra, "start", f"two spells of {extra.entity} have no start; only the first may")
    dated = sorted((s for s in spells if s.start is not None), key=lambda s: s.start.sort_key())  # type: ignore[union-attr]
    for before, after in zip(dated, dated[1:], strict=False):
        if before.start == after.start:
            problem(after, "start", f"{after.entity} already has a spell starting {after.start} ({before.id})")
    ordered = open_start[:1] + dated
    for spell in ordered[:-1]:
        if spell.end is not None:
            problem(spell, "end", "only the last spell of an entity may have an end")


def _check_ids(records: list[Any], problem: Any) -> None:
    seen: set[str] = set()
    for record in records:
        if record.id in seen:
            problem(record, "id", f"duplicate id {record.id!r}")
        seen.add(record.id)


# What data/ holds: (Dataset attribute, record model, file or glob). Files other than the
# required ones may be absent; a folder's files are read in name order.
RESOURCES: list[tuple[str, type[BaseModel], str]] = [
    ("sources", Source, SOURCES_YAML),
    ("entities", Entity, ENTITIES_CSV),
    ("entities", Entity, HISTORICAL_YAML),
    ("entities", Entity, f"{HISTORICAL_DIR}/*.yaml"),
    ("territory_spells", TerritorySpell, f"{STATEHOOD_DIR}/*.yaml"),
    ("successions", Succession, f"{SUCCESSIONS_DIR}/*.yaml"),
    ("corrections", Correction, CORRECTIONS_YAML),
    ("status_statements", StatusStatement, STATEMENTS_YAML),
    ("relation_events", RelationEvent, f"{RELATIONS_DIR}/*.yaml"),
    ("exchanges", DiplomaticExchange, EXCHANGE_CSV),
    ("state_spells", StateSystemSpell, STATES_CSV),
    ("timeline", TimelineEvent, f"{TIMELINE_DIR}/*.yaml"),
    ("disputes", Dispute, f"{DISPUTES_DIR}/*.yaml"),
    ("works", Work, WORKS_YAML),
    ("narratives", Narrative, NARRATIVES_YAML),
    ("coverage_notes", CoverageNote, COVERAGE_NOTES_YAML),
    ("map_points", MapPoint, MAP_POINTS_CSV),
    ("figures", Figure, FIGURES_YAML),
    ("trade", TradeFlow, TRADE_CSV),
    ("missions", Mission, MISSIONS_CSV),
]
REQUIRED = (SOURCES_YAML, ENTITIES_CSV)


def load(data_dir: Path | str) -> Dataset:
    """Read and validate data/; raise DataErrors listing every problem at once."""
    root = Path(data_dir)
    if not root.is_dir():
        raise DataErrors([DataError(str(root), 0, "folder", "does not exist")])
    errors = [DataError(f"{root.name}/{name}", 0, "file", "is missing") for name in REQUIRED
              if not (root / name).is_file()]
    ds = Dataset()
    for attribute, model, pattern in RESOURCES:
        for path in sorted(root.glob(pattern)):
            if path.suffix == ".csv":
                to_raw = _entity_row_to_raw if model is Entity else None
                records = _load_csv_records(model, path, root, errors, ds, to_raw)
            else:
                records = _load_yaml_records(model, path, root, errors, ds)
            getattr(ds, attribute).extend(records)
    _cross_check(ds, errors)
    if not errors:
        ds.entities = _apply_corrections(ds, errors)
    if errors:
        raise DataErrors(errors)
    return ds


def _apply_corrections(ds: Dataset, errors: list[DataError]) -> list[Entity]:
    """Entities with data/corrections.yaml applied; each correction's citations join the entity's."""
    by_entity: dict[str, list[Correction]] = {}
    for correction in ds.corrections:
        by_entity.setdefault(correction.entity, []).append(correction)
    corrected = []
    for entity in ds.entities:
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
