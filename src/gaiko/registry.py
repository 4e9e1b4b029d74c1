"""gaiko's record types, in one table.

Each RecordType says which model validates it, which files under data/ hold it, the table
(and export and CSV name) it is stored under, the columns and links that queries filter on,
and how it becomes a search document. Loading, the build, the store, search and the export
are driven by this table: a new record type is one entry here and a model in `gaiko.model`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

from gaiko import documents, model


@dataclass(frozen=True)
class Column:
    """A value copied out of each record into its own indexed column, for filters and order."""

    name: str
    value: Callable[[Any], Any]
    sql: str = "TEXT"


@dataclass(frozen=True)
class RecordType:
    name: str  # "timeline_event"
    model: type[BaseModel]
    files: tuple[str, ...]  # globs under data/, read in name order
    collection: str  # "timeline_events": the table, the export's key and CSV file
    description: str
    key: Callable[[Any], str] = attrgetter("id")
    columns: tuple[Column, ...] = ()
    # (role, values): the entities (or themes) a record mentions, for "records about X".
    links: tuple[tuple[str, Callable[[Any], Iterable[str]]], ...] = ()
    order: str = "key"
    required: bool = False
    document: documents.Builder | None = None  # its search document, if it is searchable
    expose_origin: bool = False  # answers carry data_file and data_line
    csv_lists: tuple[str, ...] = ()  # CSV cells holding "a | b" lists
    csv_citations: bool = False  # the CSV `citations` cell is "source:locator | …"
    # (field, values, Japan allowed): fields that name entities, checked on loading.
    refs: tuple[tuple[str, Callable[[Any], Iterable[str]], bool], ...] = ()
    unique: bool = True  # two records may not share a key
    exported: bool = True

    @property
    def searchable(self) -> bool:
        return self.document is not None


def _one(attr: str) -> Callable[[Any], list[str]]:
    return lambda r: [getattr(r, attr)]


def _spell_holders(spell: model.TerritorySpell) -> list[str]:
    return [*spell.holders, *(h for claim in spell.alternatives for h in claim.holders)]


def _dispute_parties(d: model.Dispute) -> list[str]:
    return [*d.claimants, *d.other_parties, d.administered_by, *(p.party for p in d.positions)]


def _figure_parties(f: model.Figure) -> list[str]:
    return sorted({*f.recipients, *([f.donor] if f.donor else [])})


def _date(attr: str) -> Callable[[Any], Any]:
    return lambda r: str(getattr(r, attr)) if getattr(r, attr) is not None else None


def _earliest(attr: str) -> Callable[[Any], Any]:
    return lambda r: getattr(r, attr).earliest.isoformat() if getattr(r, attr) is not None else None


def _latest(attr: str) -> Callable[[Any], Any]:
    return lambda r: getattr(r, attr).latest.isoformat() if getattr(r, attr) is not None else None


RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType(
        "source", model.Source, ("sources.yaml",), "sources", required=True,
        description="Datasets and pages that many records cite (id, title, publisher, url, licence, accessed).",
    ),
    RecordType(
        "entity", model.Entity, ("entities.csv", "historical_entities.yaml", "historical/*.yaml"), "entities",
        required=True, order="name_en",
        description="States and other actors, today's and historical, with their codes and names.",
        columns=(Column("kind", attrgetter("kind")), Column("name_en", attrgetter("name_en")),
                 Column("un_region", attrgetter("un_region")), Column("un_subregion", attrgetter("un_subregion"))),
        document=documents.entity,
        csv_lists=("aliases_en", "aliases_ja", "former_names"), csv_citations=True,
    ),
    RecordType(
        "correction", model.Correction, ("corrections.yaml",), "corrections",
        key=lambda c: f"{c.entity}.{c.field}", order="rowid",
        description="Overrides of imported entity values, each with reason and citations; applied on loading.",
        refs=(("entity", _one("entity"), False),),
    ),
    RecordType(
        "status_statement", model.StatusStatement, ("status_statements.yaml",), "status_statements",
        description="General, dated statements of Japan's status with many partners.",
        refs=(("partners", lambda s: [*s.partners.include, *s.partners.exclude], False),),
    ),
    RecordType(
        "relation_event", model.RelationEvent, ("relations/*.yaml",), "relation_events",
        order="partner, date_earliest, date_latest, key", expose_origin=True,
        description="Dated events of Japan's relations with each partner; status is derived from them.",
        columns=(Column("partner", attrgetter("partner")), Column("type", attrgetter("type")),
                 Column("date_earliest", _earliest("date")), Column("date_latest", _latest("date"))),
        document=documents.relation_event,
        refs=(("partner", _one("partner"), False),),
    ),
    RecordType(
        "diplomatic_exchange", model.DiplomaticExchange, ("evidence/cow_diplomatic_exchange.csv",),
        "diplomatic_exchange", key=lambda x: f"{x.partner}.{x.cow_code}.{x.year}", order="partner, year",
        description="COW Diplomatic Exchange: representation levels with Japan in each snapshot year.",
        columns=(Column("partner", attrgetter("partner")), Column("year", attrgetter("year"), "INTEGER")),
        refs=(("partner", _one("partner"), False),),
    ),
    RecordType(
        "state_system_spell", model.StateSystemSpell, ("evidence/cow_state_system.csv",), "state_system",
        key=lambda s: f"{s.cow_code}.{s.start}", order="cow_code, start", exported=False,
        description="COW State System membership spells.",
        columns=(Column("cow_code", attrgetter("cow_code"), "INTEGER"), Column("start", _date("start"))),
    ),
    RecordType(
        "territory_spell", model.TerritorySpell, ("statehood/*.yaml",), "territory_spells",
        order="entity, start_earliest, key",
        description="How each entity's territory stood since 1854: sovereign, or held by which state.",
        columns=(Column("entity", attrgetter("entity")), Column("start_earliest", _earliest("start"))),
        links=(("holder", attrgetter("holders")),),
        refs=(("entity", _one("entity"), False), ("holders", _spell_holders, True)),
    ),
    RecordType(
        "succession", model.Succession, ("successions/*.yaml",), "successions", order="date_earliest, key",
        description="Chains of states: predecessor, successor, date and kind.",
        columns=(Column("date_earliest", _earliest("date")),),
        links=(("state", lambda s: (s.predecessor, s.successor)),),
        refs=(("predecessor", _one("predecessor"), False), ("successor", lambda r: [r.successor], False)),
    ),
    RecordType(
        "timeline_event", model.TimelineEvent, ("timeline/*.yaml",), "timeline_events",
        order="date_earliest, key",
        description="Dated events of the history of Japan's foreign relations.",
        columns=(Column("date_earliest", _earliest("date")),
                 Column("end_latest", lambda t: (t.end_date or t.date).latest.isoformat()),
                 Column("region", attrgetter("region"))),
        links=(("participant", attrgetter("participants")), ("theme", lambda t: [th.value for th in t.themes])),
        document=documents.timeline_event,
        refs=(("participants", lambda t: t.participants, False),),
    ),
    RecordType(
        "dispute", model.Dispute, ("disputes/*.yaml",), "disputes",
        description="Territorial and maritime disputes, every party's names and position.",
        links=(("party", lambda d: sorted({*d.claimants, *d.other_parties, d.administered_by})),),
        document=documents.dispute,
        refs=(("parties", _dispute_parties, True),),
    ),
    RecordType(
        "figure", model.Figure, ("figures.yaml",), "figures",
        description="Figures with value, unit, basis, period and source.",
        links=(("party", _figure_parties),),
        document=documents.figure,
        refs=(("recipients", _figure_parties, True),),
    ),
    RecordType(
        "trade_flow", model.TradeFlow, ("evidence/cow_trade.csv",), "trade",
        key=lambda t: f"{t.partner}.{t.cow_code}.{t.year}", order="partner, year", exported=False,
        description="COW dyadic trade: Japan's imports from and exports to each partner by year.",
        columns=(Column("partner", attrgetter("partner")), Column("year", attrgetter("year"), "INTEGER")),
        refs=(("partner", _one("partner"), False),),
    ),
    RecordType(
        "mission", model.Mission, ("missions.csv",), "missions", order="operator, host, key",
        description="Japan's missions abroad and the missions in Japan (Wikidata).",
        columns=(Column("operator", attrgetter("operator")), Column("host", attrgetter("host"))),
        links=(("party", lambda m: sorted({m.operator, m.host})),),
        refs=(("operator", lambda m: [m.operator, m.host], True),),
    ),
    RecordType(
        "work", model.Work, ("works.yaml",), "works", order="entry, key",
        description="The bibliography: works that citations can point at.",
        columns=(Column("entry", attrgetter("entry"), "INTEGER"),),
        document=documents.work,
    ),
    RecordType(
        "narrative", model.Narrative, ("narratives.yaml",), "narratives",
        description="Characterisations a source makes, kept attributed to it.",
        document=documents.narrative,
    ),
    RecordType(
        "map_point", model.MapPoint, ("evidence/map_points.csv",), "map_points", key=attrgetter("entity"),
        exported=False, description="Where the map puts a marker for each entity.",
        refs=(("entity", _one("entity"), False),),
    ),
)

BY_NAME: dict[str, RecordType] = {t.name: t for t in RECORD_TYPES}
BY_MODEL: dict[type[BaseModel], RecordType] = {t.model: t for t in RECORD_TYPES}
SEARCH_TYPES: tuple[str, ...] = tuple(t.name for t in RECORD_TYPES if t.searchable)


def record_type(name: str) -> RecordType:
    """The record type of that name; raise ValueError naming the valid ones."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown record type {name!r}; use one of: {', '.join(BY_NAME)}") from None


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of every record type, keyed by record type."""
    return {t.name: t.model.model_json_schema() for t in RECORD_TYPES}
