"""gaiko's record types, in one table.

Each RecordType says which model validates it, which files under data/ hold it, the table
(and export and CSV name) it is stored under, the columns and links that queries filter on,
and how it becomes a search document. Loading, the build, the store, search and the export
are driven by this table: a new record type is one entry here and a model in `gaiko.model`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pydantic import BaseModel

    from gaiko import model
    from gaiko.documents import Builder


# NamedTuples rather than dataclasses: `gaiko country` imports this table, and the dataclasses
# module (with inspect) is a tenth of that command's start-up.
class Column(NamedTuple):
    """A value copied out of each record into its own indexed column, for filters and order."""

    name: str
    value: Callable[[Any], Any]
    sql: str = "TEXT"


class RecordType(NamedTuple):
    """One record type. Models and search builders are named, not imported, so that reading a
    built database (which needs only names, tables and columns) never loads pydantic."""

    name: str  # "timeline_event"
    model_name: str  # the class in gaiko.model
    files: tuple[str, ...]  # globs under data/, read in name order
    collection: str  # "timeline_events": the table, the export's key and CSV file
    description: str
    key: Callable[[Any], str] = attrgetter("id")
    columns: tuple[Column, ...] = ()
    # (role, values): the entities (or themes) a record mentions, for "records about X".
    links: tuple[tuple[str, Callable[[Any], Iterable[str]]], ...] = ()
    order: str = "key"
    required: bool = False
    document: str | None = None  # the function in gaiko.documents that makes its search document
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

    @property
    def model(self) -> type[BaseModel]:
        cls: type[BaseModel] = getattr(importlib.import_module("gaiko.model"), self.model_name)
        return cls

    @property
    def build_document(self) -> Builder | None:
        if self.document is None:
            return None
        builder: Builder = getattr(importlib.import_module("gaiko.documents"), self.document)
        return builder


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
        "source", "Source", ("sources.yaml",), "sources", required=True,
        description="Datasets and pages that many records cite (id, title, publisher, url, licence, accessed).",
    ),
    RecordType(
        "host", "Host", ("hosts.yaml",), "hosts", key=attrgetter("host"), order="key",
        description="Every web host cited, with its tier (official, scholarly, reference, press, derivative) "
                    "and the reason.",
    ),
    RecordType(
        "entity", "Entity", ("entities.csv", "historical_entities.yaml", "historical/*.yaml"), "entities",
        required=True, order="name_en, key",
        description="States and other actors, today's and historical, with their codes and names.",
        columns=(Column("kind", attrgetter("kind")), Column("name_en", attrgetter("name_en")),
                 Column("name_ja", attrgetter("name_ja")),
                 Column("un_region", attrgetter("un_region")), Column("un_subregion", attrgetter("un_subregion"))),
        document="entity",
        csv_lists=("aliases_en", "aliases_ja", "former_names"), csv_citations=True,
    ),
    RecordType(
        "name", "Name", ("names/*.yaml", "names/*.csv"), "names",
        key=lambda n: f"{n.entity}.{n.lang}.{n.style}.{n.name}", order="entity, key", csv_citations=True,
        description="More names of each entity: CLDR in every language, ISO, UN, World Bank, IMF, COW and GW "
                    "styles, former names with their years, abbreviations and Japanese forms, each cited.",
        columns=(Column("entity", attrgetter("entity")),),
        refs=(("entity", _one("entity"), True),),  # Japan's names too: see gaiko.names.IsJapan
    ),
    RecordType(
        "ambiguous_name", "AmbiguousName", ("ambiguous_names.yaml",), "ambiguous_names",
        key=lambda a: f"{a.lang}.{a.name}",
        description="Names that mean several entities (Korea, Congo): a lookup answers with all of them.",
        refs=(("entities", attrgetter("entities"), False),),
    ),
    RecordType(
        "synonym_group", "SynonymGroup", ("search_synonyms.yaml",), "synonym_groups",
        description="Words that mean the same to a searcher across languages: a search for one finds the others.",
    ),
    RecordType(
        "correction", "Correction", ("corrections.yaml",), "corrections",
        key=lambda c: f"{c.entity}.{c.field}", order="rowid",
        description="Overrides of imported entity values, each with reason and citations; applied on loading.",
        refs=(("entity", _one("entity"), False),),
    ),
    RecordType(
        "status_statement", "StatusStatement", ("status_statements.yaml",), "status_statements",
        description="General, dated statements of Japan's status with many partners.",
        refs=(("partners", lambda s: [*s.partners.include, *s.partners.exclude], False),),
    ),
    RecordType(
        "relation_event", "RelationEvent", ("relations/*.yaml",), "relation_events",
        order="partner, date_earliest, date_latest, key", expose_origin=True,
        description="Dated events of Japan's relations with each partner; status is derived from them.",
        columns=(Column("partner", attrgetter("partner")), Column("type", attrgetter("type")),
                 Column("date_earliest", _earliest("date")), Column("date_latest", _latest("date"))),
        document="relation_event",
        refs=(("partner", _one("partner"), False),),
    ),
    RecordType(
        "diplomatic_exchange", "DiplomaticExchange", ("evidence/cow_diplomatic_exchange.csv",),
        "diplomatic_exchange", key=lambda x: f"{x.partner}.{x.cow_code}.{x.year}", order="partner, year",
        description="COW Diplomatic Exchange: representation levels with Japan in each snapshot year.",
        columns=(Column("partner", attrgetter("partner")), Column("year", attrgetter("year"), "INTEGER")),
        refs=(("partner", _one("partner"), False),),
    ),
    RecordType(
        "state_system_spell", "StateSystemSpell", ("evidence/cow_state_system.csv",), "state_system",
        key=lambda s: f"{s.cow_code}.{s.start}", order="cow_code, start", exported=False,
        description="COW State System membership spells.",
        columns=(Column("cow_code", attrgetter("cow_code"), "INTEGER"), Column("start", _date("start"))),
    ),
    RecordType(
        "territory_spell", "TerritorySpell", ("statehood/*.yaml",), "territory_spells",
        order="entity, start_earliest, key",
        description="How each entity's territory stood since 1854: sovereign, or held by which state.",
        columns=(Column("entity", attrgetter("entity")), Column("start_earliest", _earliest("start"))),
        links=(("holder", attrgetter("holders")),),
        refs=(("entity", _one("entity"), False), ("holders", _spell_holders, True)),
    ),
    RecordType(
        "succession", "Succession", ("successions/*.yaml",), "successions", order="date_earliest, key",
        description="Chains of states: predecessor, successor, date and kind.",
        columns=(Column("date_earliest", _earliest("date")),),
        links=(("state", lambda s: (s.predecessor, s.successor)),),
        refs=(("predecessor", _one("predecessor"), False), ("successor", lambda r: [r.successor], False)),
    ),
    RecordType(
        "timeline_event", "TimelineEvent", ("timeline/*.yaml",), "timeline_events",
        order="date_earliest, key",
        description="Dated events of the history of Japan's foreign relations.",
        columns=(Column("date_earliest", _earliest("date")),
                 Column("end_latest", lambda t: (t.end_date or t.date).latest.isoformat()),
                 Column("region", attrgetter("region"))),
        links=(("participant", attrgetter("participants")), ("theme", lambda t: [th.value for th in t.themes])),
        document="timeline_event",
        refs=(("participants", lambda t: t.participants, False),),
    ),
    RecordType(
        "dispute", "Dispute", ("disputes/*.yaml",), "disputes",
        description="Territorial and maritime disputes, every party's names and position.",
        links=(("party", lambda d: sorted({*d.claimants, *d.other_parties, d.administered_by})),),
        document="dispute",
        refs=(("parties", _dispute_parties, True),),
    ),
    RecordType(
        "figure", "Figure", ("figures.yaml", "figures/*.yaml"), "figures",
        description="Figures with value, unit, basis, period and source.",
        links=(("party", _figure_parties),),
        document="figure",
        refs=(("recipients", _figure_parties, True),),
    ),
    RecordType(
        "trade_flow", "TradeFlow", ("evidence/cow_trade.csv",), "trade",
        key=lambda t: f"{t.partner}.{t.cow_code}.{t.year}", order="partner, year", exported=False,
        description="COW dyadic trade: Japan's imports from and exports to each partner by year.",
        columns=(Column("partner", attrgetter("partner")), Column("year", attrgetter("year"), "INTEGER")),
        refs=(("partner", _one("partner"), False),),
    ),
    RecordType(
        "mission", "Mission", ("missions.csv",), "missions", order="operator, host, key",
        description="Japan's missions abroad and the missions in Japan (Wikidata).",
        columns=(Column("operator", attrgetter("operator")), Column("host", attrgetter("host"))),
        links=(("party", lambda m: sorted({m.operator, m.host})),),
        refs=(("operator", lambda m: [m.operator, m.host], True),),
    ),
    RecordType(
        "work", "Work", ("works.yaml",), "works", order="entry, key",
        description="The bibliography: works that citations can point at.",
        columns=(Column("entry", attrgetter("entry"), "INTEGER"),),
        document="work",
    ),
    RecordType(
        "narrative", "Narrative", ("narratives.yaml",), "narratives",
        description="Characterisations a source makes, kept attributed to it.",
        document="narrative",
    ),
    RecordType(
        "map_point", "MapPoint", ("evidence/map_points.csv",), "map_points", key=attrgetter("entity"),
        exported=False, description="Where the map puts a marker for each entity.",
        refs=(("entity", _one("entity"), False),),
    ),
)

BY_NAME: dict[str, RecordType] = {t.name: t for t in RECORD_TYPES}

@cache
def by_model(model_class: type[BaseModel]) -> RecordType:
    """The record type a model class validates."""
    return next(t for t in RECORD_TYPES if t.model_name == model_class.__name__)

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
