"""The shapes of gaiko's answers: one per thing, the same in the library, the CLI and the API.

The knowledge base returns plain dicts of these shapes (the CLI's `--json` prints them as they
are); the API declares them as response models, so its OpenAPI document types every answer;
the tests validate real answers against them. A record's shape is its model's (see
`gaiko.model`) plus what an answer adds (`RecordOf`). The read path imports this module only
for type checking, so that `gaiko country` never loads pydantic.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal, NotRequired

from typing_extensions import TypedDict

Record = dict[str, Any]
Precision = Literal["year", "month", "day"]


class RecordOf:
    """A record of one record type as an answer carries it: the model's fields plus `extra`'s."""

    def __init__(self, record_type: str, extra: type | None = None, name: str | None = None) -> None:
        self.record_type, self.extra, self.name = record_type, extra, name

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return handler.generate_schema(_view_model(self.record_type, self.extra, self.name))

    def __hash__(self) -> int:
        return hash((self.record_type, self.extra, self.name))


@cache
def _view_model(record_type: str, extra: type | None, name: str | None) -> Any:
    from typing import get_args, get_origin, get_type_hints

    from pydantic import ConfigDict, create_model

    from gaiko.registry import BY_NAME

    base = BY_NAME[record_type].model
    fields: dict[str, Any] = {}
    if extra is not None:
        # Under postponed annotations TypedDict cannot see NotRequired itself: read it here.
        for key, hint in get_type_hints(extra, include_extras=True).items():
            if get_origin(hint) is NotRequired:
                fields[key] = (get_args(hint)[0], None)
            else:
                fields[key] = (hint, ...)
    model = create_model(name or f"{base.__name__}View", __base__=base, **fields)
    model.model_config = ConfigDict(**{**base.model_config, "extra": "forbid", "frozen": True})
    model.model_rebuild(force=True)
    return model


class EntityBrief(TypedDict):
    id: str
    name_en: str
    name_ja: str | None


class HolderView(TypedDict):
    """A state that held a territory, with Japan's status with it on the day (None for Japan)."""

    id: str
    name_en: str
    name_ja: str | None
    status: str | None
    since: str | None


class TerritoryView(TypedDict):
    """Where the territory stood on the day: a state of its own, or held by which state."""

    condition: str  # sovereign, part_of, dependency, occupied, outside_state_system, not_yet_a_state, ended
    holders: list[HolderView]
    form: str | None
    name_en: str | None  # the territory's name then
    name_ja: str | None
    since: str | None  # the spell's start
    until: str | None  # the next spell's start
    spell: str | None  # the territory_spell record it rests on
    contested: bool


class StatusFields(TypedDict):
    """Japan's status on a date and what it rests on; flattened into countries and relation rows."""

    status: str
    basis: str | None  # event, statement, evidence, holder or statehood
    basis_id: str | None
    since: str | None
    never: bool  # "none" that was never anything else: never established
    note: str | None
    territory: TerritoryView | None


class StatusView(StatusFields):
    id: str
    as_of: str


class RelationRow(StatusFields):
    id: str
    name_en: str
    name_ja: str | None
    kind: str
    un_region: str | None
    un_subregion: str | None
    as_of: str


class ChainLink(TypedDict):
    id: str  # the succession record
    predecessor: EntityBrief
    successor: EntityBrief
    date: str
    kind: str


class TradeYear(TypedDict):
    year: int
    japan_imports: float | None
    japan_exports: float | None


class _EventExtras(TypedDict):
    date_precision: Precision
    data_file: str
    data_line: int


RelationEventView = Annotated[Record, RecordOf("relation_event", _EventExtras)]


class _TimelineExtras(TypedDict):
    date_precision: Precision
    end_date_precision: NotRequired[Precision]


TimelineEventView = Annotated[Record, RecordOf("timeline_event", _TimelineExtras)]
DisputeView = Annotated[Record, RecordOf("dispute")]
FigureView = Annotated[Record, RecordOf("figure")]
WorkView = Annotated[Record, RecordOf("work")]
NarrativeView = Annotated[Record, RecordOf("narrative")]
StatementView = Annotated[Record, RecordOf("status_statement")]
ExchangeView = Annotated[Record, RecordOf("diplomatic_exchange")]
SpellView = Annotated[Record, RecordOf("territory_spell")]
SourceView = Annotated[Record, RecordOf("source")]


class _Cited(TypedDict):
    citations: list[Record]


MissionView = Annotated[Record, RecordOf("mission", _Cited)]
MapPointView = Annotated[Record, RecordOf("map_point", _Cited)]


class _EntityExtras(TypedDict):
    un_admission_precision: NotRequired[Precision]


EntityView = Annotated[Record, RecordOf("entity", _EntityExtras)]


class _CountryExtras(StatusFields):
    un_admission_precision: NotRequired[Precision]
    as_of: str
    events: list[RelationEventView]
    statements: list[StatementView]
    diplomatic_exchange: list[ExchangeView]
    spells: list[SpellView]
    chain: list[ChainLink]


CountryView = Annotated[Record, RecordOf("entity", _CountryExtras, "Country")]


class TradeSeries(TypedDict):
    partner: str
    unit: str
    citations: list[Record]
    series: list[TradeYear]


class FiguresView(TypedDict):
    figures: list[FigureView]
    trade: NotRequired[TradeSeries]


class SearchHit(TypedDict):
    type: str
    id: str
    title_en: str
    title_ja: str | None
    score: float
    page: str
    excerpt: str | None
    link: NotRequired[str]


class SearchResult(TypedDict):
    query: str
    total: int
    hits: list[SearchHit]


class Finding(TypedDict):
    kind: str
    severity: str
    entity: str
    name_en: str
    detail: str
    event: NotRequired[str]
    dates: NotRequired[list[str]]
    years: NotRequired[list[int]]
    tier: NotRequired[str]


class AuditSummary(TypedDict):
    entities_with_relations: int
    dated_start_of_relations: dict[str, int]
    dated_total: int
    start_dates_resting_on: dict[str, int]
    start_precision_supported_by: dict[str, int]
    citations_by_tier: dict[str, int]
    findings: dict[str, int]


class AuditReport(TypedDict):
    as_of: str
    summary: AuditSummary
    findings: list[Finding]


class ClaimFailure(TypedDict):
    id: str
    name_en: str
    status: str


class ClaimResult(TypedDict):
    id: str
    claim: str
    passed: bool
    checked: int
    failures: list[ClaimFailure]
    detail: str
    source: Record


class VocabularyTerm(TypedDict):
    value: str
    en: str
    ja: str


class MapStatus(TypedDict):
    """Where an entity stood on a date, as the map colours it (an interval of StatusHistory)."""

    status: str
    since: str | None
    condition: str | None
    holder: str | None  # the first state that held the territory, if another


class MapEntity(TypedDict):
    """What the map ties a shape to."""

    id: str
    kind: str
    name_en: str
    name_ja: str | None
    iso_numeric: str | None


class StatusHistory(TypedDict):
    """Every entity's status over time, compact: the explorer colours any year from it."""

    fields: list[str]  # the order of each interval's values
    entities: dict[str, list[list[Any]]]
