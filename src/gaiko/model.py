"""gaiko's data model: every record and the vocabularies it uses. No I/O here.

Every fact carries at least one Citation; Japan's status with a partner is derived from
RelationEvents (see `gaiko.status`) and never stored by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gaiko.dates import PartialDate, Precision
from gaiko.vocab import REGIONS, DerivativeKind, EntityKind, EventType, Status, Theme, Tier

# ISO 3166-1 alpha-3 for today's states, X.. for gaiko's own (XKX Kosovo, XRE Russian Empire);
# longer ids (up to 16 characters) leave room beyond the 17,576 three-letter ones.
ID_PATTERN = r"^[A-Z][A-Z0-9]{2,15}$"
EntityId = Annotated[str, Field(pattern=ID_PATTERN, description="ISO 3166-1 alpha-3 or a gaiko id")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# A quote in wiki markup was copied from an article's source text, not read on the page.
WIKI_MARKUP = re.compile(r"\[\[|\]\]|\{\{|\}\}|'''|<ref[ >]|<references")
# Text beyond Latin (with its accents and punctuation) needs a language so that it renders right.
NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\s]")
LANGUAGE_TAG = r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"


class Citation(Strict):
    """Where a fact can be checked: a URL, a registered source or a bibliography work."""

    url: str | None = Field(None, description="the original page (a Wikipedia article on wikipedia.org, not a copy)")
    read_at: str | None = Field(None, description="where the quote was read, when not on `url`: a copy or archive")
    source: str | None = Field(None, description="id of a record in data/sources.yaml")
    work: str | None = Field(None, description="id of a work in the bibliography")
    publisher: str | None = None
    title: str | None = None
    quote: str | None = Field(None, description="verbatim text that supports the fact")
    locator: str | None = Field(None, description="page, table, row or field in the source")
    language: str | None = Field(None, pattern=LANGUAGE_TAG, description="BCP 47 tag of the quote (en, ja, zh-Hant …)")
    supports: Precision | None = Field(
        None, description="the finest date precision this citation supports (day, month or year), if less than "
                          "the fact's own")
    accessed: dt.date | None = None
    tier: Tier | None = Field(None, description="in answers only: the tier of the host or source it rests on")

    @model_validator(mode="after")
    def _openable_and_specific(self) -> Citation:
        if not (self.url or self.source or self.work):
            raise ValueError("a citation needs a url, a source or a work")
        if not (self.quote or self.locator):
            raise ValueError("a citation needs a quote or a locator")
        for field, value in (("url", self.url), ("read_at", self.read_at)):
            if value and not value.startswith(("http://", "https://")):
                raise ValueError(f"{field} {value!r} is not http(s)")
        if self.quote and WIKI_MARKUP.search(self.quote):
            raise ValueError("the quote holds wiki markup: quote the page as a reader sees it")
        if self.quote and not self.language and NON_LATIN.search(self.quote):
            raise ValueError("a quote in a non-Latin script needs its language (BCP 47, e.g. ja, zh-Hant, ru)")
        return self


Citations = Annotated[list[Citation], Field(min_length=1)]


class Source(Strict):
    """A dataset or page that many records cite."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str
    publisher: str
    url: str | None = None
    licence: str
    accessed: dt.date | None = None
    version: str | None = None
    tier: Tier | None = None
    note: str | None = None


class Host(Strict):
    """How far a web host can be trusted: its tier, with the reason. A host matches its subdomains."""

    host: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*\.[a-z0-9-]{2,}$")
    tier: Tier
    kind: DerivativeKind | None = Field(None, description="for derivative hosts: what kind of copy or page")
    name: str = Field(description="who publishes it")
    reason: str
    canonical: str | None = Field(None, description="for mirrors and proxies: the original host they copy")

    @model_validator(mode="after")
    def _kind_with_derivative(self) -> Host:
        if (self.tier is Tier.DERIVATIVE) != (self.kind is not None):
            raise ValueError("a derivative host needs a kind, and only a derivative host has one")
        return self


class Entity(Strict):
    """A state or other international actor."""

    id: EntityId
    kind: EntityKind
    name_en: str
    name_ja: str | None = None
    official_name_en: str | None = None
    official_name_ja: str | None = None
    aliases_en: list[str] = []
    aliases_ja: list[str] = []
    former_names: list[str] = []
    iso2: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    iso3: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    iso_numeric: str | None = Field(None, pattern=r"^\d{3}$")
    cow_code: int | None = None
    cow_abbrev: str | None = None
    gw_code: int | None = None
    wikidata: str | None = Field(None, pattern=r"^Q\d+$")
    un_admission: PartialDate | None = None
    un_region: str | None = None
    un_subregion: str | None = None
    exists_from: PartialDate | None = None
    exists_until: PartialDate | None = None
    successor: str | None = None
    citations: Citations


class NameStyle(StrEnum):
    """Where a name comes from, or how it is used."""

    OFFICIAL = "official"  # the state's official name
    SHORT = "short"  # the usual short name
    COMMON = "common"  # a common name that is not official (Holland, Great Britain, Ivory Coast)
    ABBREVIATION = "abbreviation"  # USA, UK, DPRK, ROK, PRC, UAE …
    FORMER = "former"  # a name no longer used (Ceylon, Dahomey, Upper Volta), with the years it was
    CLDR = "cldr"  # Unicode CLDR, through Babel
    ISO = "iso"  # ISO 3166-1, through pycountry
    UN = "un"  # the United Nations' member list
    WORLD_BANK = "world_bank"  # the World Bank's country names (Korea, Rep.)
    IMF = "imf"  # the IMF's country names
    COW = "cow"  # the Correlates of War state list
    GW = "gw"  # the Gleditsch–Ward list
    JA_MOFA = "ja_mofa"  # the short name MOFA uses in Japanese
    JA_PRESS = "ja_press"  # a name the Japanese press uses
    JA_KANJI = "ja_kanji"  # a one- or two-kanji abbreviation (韓, 豪, 米)
    JA_VARIANT = "ja_variant"  # another katakana spelling, or an older form


class Name(Strict):
    """One more name an entity is known by, in one language, with where it comes from."""

    entity: EntityId
    name: str = Field(min_length=1, max_length=200)
    lang: str = Field(pattern=LANGUAGE_TAG)
    style: NameStyle
    used_from: PartialDate | None = Field(None, description="for former names: first year in use, if known")
    used_until: PartialDate | None = Field(None, description="for former names: last year in use, if known")
    citations: Citations


class AmbiguousName(Strict):
    """A name that means several entities: a lookup answers with all of them, never a guess."""

    name: str = Field(min_length=1)
    lang: str = Field(pattern=LANGUAGE_TAG)
    entities: Annotated[list[EntityId], Field(min_length=2)]
    note: str


class SynonymGroup(Strict):
    """Words that mean the same to a searcher, across languages (拉致, abduction; 政府開発援助, ODA)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    terms: Annotated[list[str], Field(min_length=2)]
    note: str | None = None
    citations: Citations


class Claim(Strict):
    """Another source's date for the same event, kept when sources disagree."""

    date: PartialDate
    citations: Citations
    note: str | None = None


class RelationEvent(Strict):
    """A dated event in Japan's relations with one partner."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    partner: EntityId
    type: EventType
    date: PartialDate
    starts_relations: bool = Field(
        False, description="on a recognition: the source dates diplomatic relations from it"
    )
    planned: bool = Field(False, description="scheduled, not yet happened: may be dated after today")
    instrument: str | None = None
    instrument_ja: str | None = Field(None, description="the instrument's Japanese title, from a Japanese source")
    note: str | None = None
    note_ja: str | None = None
    translated: list[str] = Field([], description="the *_ja fields that are gaiko's translation, not a source's "
                                                  "words (the explorer marks them)")
    citations: Citations
    alternatives: list[Claim] = []
    preferred_because: str | None = None

    @model_validator(mode="after")
    def _explained(self) -> RelationEvent:
        if self.alternatives and not self.preferred_because:
            raise ValueError("alternatives need preferred_because: say why `date` is preferred")
        if self.starts_relations and self.type is not EventType.RECOGNITION:
            raise ValueError("starts_relations only applies to a recognition")
        return self


class PartnerSelector(Strict):
    """Which entities a general statement covers, in the statement's own terms."""

    kinds: list[EntityKind] = []
    include: list[EntityId] = []
    exclude: list[EntityId] = []


class StatusStatement(Strict):
    """A dated general statement of Japan's status with many partners (e.g. MOFA's count)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    statement: str
    status: Status
    as_of: PartialDate
    partners: PartnerSelector
    citations: Citations


class Correction(Strict):
    """An override of an imported entity value; survives re-imports."""

    entity: EntityId
    field: str
    value: Any
    reason: str
    citations: Citations


class DiplomaticExchange(Strict):
    """COW Diplomatic Exchange evidence: representation levels in one snapshot year."""

    partner: EntityId
    cow_code: int
    year: int
    level_partner_in_japan: int = Field(description="COW DR_at_1: partner's mission in Japan")
    level_japan_in_partner: int = Field(description="COW DR_at_2: Japan's mission in the partner")
    exchange: bool


PartyId = Annotated[str, Field(pattern=ID_PATTERN, description="JPN for Japan, else an entity id")]


class TimelineEvent(Strict):
    """A dated event in the history of Japan's foreign relations."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    date: PartialDate
    end_date: PartialDate | None = None
    planned: bool = Field(False, description="scheduled, not yet happened: may be dated after today")
    title_en: str
    title_ja: str | None = None
    summary_en: str | None = None
    summary_ja: str | None = None
    translated: list[str] = Field([], description="the *_ja fields that are gaiko's translation, not a source's "
                                                  "words (the explorer marks them)")
    participants: list[EntityId] = []
    places: list[str] = []
    region: str | None = None
    themes: Annotated[list[Theme], Field(min_length=1)]
    note: str | None = None
    citations: Citations

    @model_validator(mode="after")
    def _ordered(self) -> TimelineEvent:
        if self.end_date is not None and self.end_date.latest < self.date.earliest:
            raise ValueError(f"end_date {self.end_date} is before date {self.date}")
        if self.region is not None and self.region not in REGIONS:
            raise ValueError(f"region {self.region!r} is not one of {', '.join(REGIONS)}")
        return self


class DisputeNature(StrEnum):
    SOVEREIGNTY = "sovereignty"
    MARITIME_ENTITLEMENT = "maritime_entitlement"


class PlaceName(Strict):
    name: str
    lang: str = Field(pattern=r"^(en|ja|ru|ko|zh-Hans|zh-Hant|zh)$")
    used_by: str = Field(description="a party id, or 'neutral'")


class Location(Strict):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    precision: str | None = None
    note: str | None = None
    citations: Citations


def _translations_filled(record: BaseModel) -> None:
    """A nested record's `translated` names its own Japanese fields that have a value."""
    for name in getattr(record, "translated", []):
        if not name.endswith("_ja") or not getattr(record, name, None):
            raise ValueError(f"translated: {name!r} is not a Japanese field of this record with a value")


class Position(Strict):
    party: PartyId
    summary_en: str
    summary_ja: str | None = None
    translated: list[str] = Field([], description="summary_ja when it is gaiko's translation, not the party's words")
    citations: Citations

    @model_validator(mode="after")
    def _translations(self) -> Position:
        _translations_filled(self)
        return self


class DisputeEvent(Strict):
    date: PartialDate
    end_date: PartialDate | None = None
    title_en: str
    title_ja: str | None = None
    translated: list[str] = Field([], description="title_ja when it is gaiko's translation, not a source's words")
    note: str | None = None
    citations: Citations

    @model_validator(mode="after")
    def _translations(self) -> DisputeEvent:
        _translations_filled(self)
        return self


class Dispute(Strict):
    """A territorial or maritime dispute, each party's view side by side; gaiko takes no side."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title_en: str
    title_ja: str | None = None
    nature: DisputeNature
    description_en: str
    description_ja: str | None = None
    translated: list[str] = Field([], description="the *_ja fields that are gaiko's translation, not a source's "
                                                  "words (the explorer marks them)")
    claimants: Annotated[list[PartyId], Field(min_length=2)]
    other_parties: list[PartyId] = []
    administered_by: PartyId
    administered_since: PartialDate | None = None
    administered_since_note: str | None = None
    administered_since_citations: list[Citation] = []
    names: Annotated[list[PlaceName], Field(min_length=2)]
    features: list[str] = []
    location: Location | None = None
    positions: Annotated[list[Position], Field(min_length=2)]
    events: list[DisputeEvent] = []
    note: str | None = None
    citations: Citations

    @model_validator(mode="after")
    def _every_party_heard(self) -> Dispute:
        heard = {p.party for p in self.positions}
        missing = [c for c in self.claimants if c not in heard]
        if missing:
            raise ValueError(f"no position recorded for claimant(s) {', '.join(missing)}")
        if self.administered_since is not None and not self.administered_since_citations:
            raise ValueError("administered_since needs administered_since_citations")
        return self


class Unit(StrEnum):
    USD = "USD"
    JPY = "JPY"
    PERCENT = "percent"
    COUNT = "count"
    RANK = "rank"  # a position in a ranking (1 = first), e.g. among DAC donors


class Equivalent(Strict):
    """The same amount in another unit, as the source states it (not converted by gaiko)."""

    value: float
    unit: Unit
    approximate: bool = False


class Figure(Strict):
    """A number with its unit, basis, period and source; a range keeps both ends."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label_en: str
    label_ja: str | None = None
    translated: list[str] = Field([], description="the *_ja fields that are gaiko's translation, not a source's "
                                                  "words (the explorer marks them)")
    series: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9-]*$",
                               description="shared by the figures of one series (a year each, a recipient each)")
    value: float | None = Field(None, description="the amount in `unit` (not in millions)")
    value_low: float | None = None
    value_high: float | None = None
    approximate: bool = False
    unit: Unit
    basis: str = Field(description="what is counted, e.g. 'bilateral aid disbursed', 'share of FDI stock'")
    period: str | None = Field(None, description="the period the figure covers, as the source names it")
    period_start: PartialDate | None = None
    period_end: PartialDate | None = None
    as_of: PartialDate | None = None
    donor: PartyId | None = None
    recipients: list[EntityId] = []
    recipient_group: str | None = None
    theme: Theme
    equivalents: list[Equivalent] = []
    note: str | None = None
    citations: Citations

    @model_validator(mode="after")
    def _one_amount(self) -> Figure:
        if (self.value is None) == (self.value_low is None or self.value_high is None):
            raise ValueError("give either value, or value_low and value_high")
        if self.value_low is not None and self.value_high is not None and self.value_low > self.value_high:
            raise ValueError("value_low is above value_high")
        if self.period is None and self.as_of is None:
            raise ValueError("a figure needs a period or an as_of date")
        return self


class TradeFlow(Strict):
    """COW dyadic trade: Japan's imports from and exports to one partner in one year."""

    partner: EntityId
    cow_code: int
    year: int
    japan_imports: float | None = Field(None, description="million current USD, partner-to-Japan flow")
    japan_exports: float | None = Field(None, description="million current USD, Japan-to-partner flow")


class Mission(Strict):
    """A diplomatic or consular mission: Japan's abroad, or a partner's in Japan."""

    id: str = Field(pattern=r"^Q\d+$", description="Wikidata QID of the mission")
    operator: PartyId
    host: PartyId
    type: str
    city: str | None = None
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    website: str | None = None
    inception: PartialDate | None = None
    as_of: PartialDate


class Person(Strict):
    family: str
    given: str | None = None


class WorkType(StrEnum):
    BOOK = "book"
    EDITED_BOOK = "edited-book"
    ARTICLE = "article"


class Work(Strict):
    """A bibliographic work that citations can point at (`work: <id>`)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    type: WorkType
    authors: list[Person] = []
    editors: list[Person] = []
    et_al: bool = False
    title: str
    container_title: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    year: str | None = Field(None, pattern=r"^\d{4}$")
    month: int | None = Field(None, ge=1, le=12)
    edition: int | None = None
    number_of_volumes: int | None = None
    number_of_pages: int | None = None
    doi: str | None = None
    url: str | None = None
    online: bool = False
    notes: str | None = None
    raw: str = Field(description="the entry as the source printed it")
    entry: int | None = Field(None, description="position in the source's list")
    citations: Citations


class Narrative(Strict):
    """A characterisation a source makes (a trend, a role, a policy), kept attributed to it.

    Not a fact gaiko asserts: the text says what the cited source says, in its own terms.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    text_en: str
    text_ja: str | None = None
    translated: list[str] = Field([], description="the *_ja fields that are gaiko's translation, not a source's "
                                                  "words (the explorer marks them)")
    period: str | None = Field(None, description="the period the statement is about, as the source puts it")
    region: str | None = None
    themes: list[Theme] = []
    participants: list[EntityId] = []
    citations: Citations


class MapPoint(Strict):
    """Where the map puts a marker for an entity (small states vanish at world scale)."""

    entity: EntityId
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    basis: str = Field(pattern=r"^(natural-earth-50m|cow-capitals)$")
    locator: str


class StateSystemSpell(Strict):
    """COW State System membership: one spell of a state in the system."""

    cow_code: int
    cow_abbrev: str
    name: str
    start: PartialDate
    end: PartialDate


class Condition(StrEnum):
    """How a territory stood on a date: a state of its own, or held by another."""

    SOVEREIGN = "sovereign"  # an independent state: the entity itself
    PART_OF = "part_of"  # an integral part of another state (annexed, a province, a constituent republic)
    DEPENDENCY = "dependency"  # a colony, protectorate, mandate, trust territory or condominium
    OCCUPIED = "occupied"  # under another state's military occupation or administration
    OUTSIDE_STATE_SYSTEM = "outside_state_system"  # held by no state of the day's state system


HOLDING_CONDITIONS = {Condition.PART_OF, Condition.DEPENDENCY, Condition.OCCUPIED}


class SpellClaim(Strict):
    """Another view of the same spell: a contested annexation, or another source's start date."""

    start: PartialDate | None = Field(None, description="another source's start, if it differs")
    condition: Condition
    holders: list[PartyId] = []
    form: str | None = None
    note: str | None = None
    citations: Citations


class TerritorySpell(Strict):
    """How an entity's territory stood from `start` until the entity's next spell begins.

    An entity's spells, in date order, tell for every day since 1854 whether the territory was
    a state of its own or which state held it. `start` is empty on a spell that began before
    1854; `end` is set only on the last spell of a state that no longer exists.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    entity: EntityId
    start: PartialDate | None = Field(None, description="first day of the spell; empty: before 1854")
    end: PartialDate | None = Field(None, description="only on the last spell of a state that ended")
    condition: Condition
    holders: list[PartyId] = Field([], description="the state(s) that held the territory; JPN for Japan")
    form: str | None = Field(None, description="as the source names it: Crown colony, protectorate, mandate …")
    name_en: str | None = Field(None, description="the territory's name in the period")
    name_ja: str | None = None
    note: str | None = None
    citations: Citations
    alternatives: list[SpellClaim] = []
    preferred_because: str | None = None

    @model_validator(mode="after")
    def _holders_fit(self) -> TerritorySpell:
        if self.condition in HOLDING_CONDITIONS and not self.holders:
            raise ValueError(f"a {self.condition.value} spell needs holders")
        if self.condition not in HOLDING_CONDITIONS and self.holders:
            raise ValueError(f"a {self.condition.value} spell has no holders")
        if self.entity in self.holders:
            raise ValueError("an entity cannot hold itself: use condition sovereign")
        if self.start is not None and self.end is not None and self.end.latest < self.start.earliest:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.alternatives and not self.preferred_because:
            raise ValueError("alternatives need preferred_because: say why this view is preferred")
        return self


class SuccessionKind(StrEnum):
    CONTINUATION = "continuation"  # the same state goes on under a new name, regime or entity
    DISSOLUTION = "dissolution"  # the predecessor ceased to exist; the successor is one of its parts
    SECESSION = "secession"  # the successor broke away; the predecessor went on
    MERGER = "merger"  # the predecessor merged with others into the successor
    ABSORPTION = "absorption"  # the predecessor was absorbed into an existing state


class Succession(Strict):
    """One link in a chain of states (Russian Empire → Soviet Russia → Soviet Union → Russia)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    predecessor: EntityId
    successor: EntityId
    date: PartialDate
    kind: SuccessionKind
    note: str | None = None
    citations: Citations

    @model_validator(mode="after")
    def _two_states(self) -> Succession:
        if self.predecessor == self.successor:
            raise ValueError("a state cannot succeed itself")
        return self


def iter_citations(record: BaseModel) -> Iterator[Citation]:
    """Every citation a record carries, nested ones included (positions, claims, locations)."""
    for value in record.__dict__.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Citation):
                yield item
            elif isinstance(item, BaseModel):
                yield from iter_citations(item)
