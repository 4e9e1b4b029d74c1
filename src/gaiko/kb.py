"""KnowledgeBase: the one API every interface (CLI, HTTP, web) calls.

Every method that takes an entity takes any name, code or id of it (or raises UnknownEntity
with suggestions). Answers are plain dicts of the shapes in `gaiko.views`, read through
indexed queries: one answer reads the rows it needs, never the whole dataset.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from gaiko.dates import InvalidQuery, PartialDate, check_period
from gaiko.hosts import classify
from gaiko.names import UnknownEntity, brief, find, suggest
from gaiko.normalise import name_key
from gaiko.registry import SEARCH_TYPES
from gaiko.store.read import Filter, Store
from gaiko.vocab import JAPAN_ID, JAPAN_NAMES, EntityKind, EventType, Status, Theme, vocabularies

if TYPE_CHECKING:
    from gaiko.views import (
        ChainLink,
        EntityBrief,
        FiguresView,
        HolderView,
        MapEntity,
        MapStatus,
        RelationRow,
        SearchResult,
        StatusFields,
        StatusHistory,
        StatusView,
        TradeYear,
    )

# The keys of views.StatusFields (views is not imported at run time: reading stays light).
STATUS_KEYS = ("status", "basis", "basis_id", "since", "never", "note", "territory")

__all__ = ["KnowledgeBase", "UnknownEntity"]

Record = dict[str, Any]
T = TypeVar("T")
TRADE_UNIT = "million current US dollars"


def check_choice(what: str, value: str | None, choices: Iterable[str] | type[StrEnum]) -> None:
    """Raise ValueError naming the valid values when `value` is not one of `choices`."""
    valid = [c.value if isinstance(c, StrEnum) else str(c) for c in choices]
    if value is not None and value not in valid:
        raise InvalidQuery(f"unknown {what} {value!r}; use one of: {', '.join(valid)}")


def with_precision(record: Record, *fields: str) -> Record:
    """The record with `<field>_precision` (year, month or day) beside each date field."""
    out = dict(record)
    for field in fields:
        if out.get(field):
            out[f"{field}_precision"] = PartialDate.parse(out[field]).precision.value
    return out


class KnowledgeBase:
    """Read access to a built gaiko database."""

    def __init__(self, path: Path | str) -> None:
        self.store = Store(path)

    def close(self) -> None:
        self.store.close()

    # -- small, fixed tables kept for the connection's life (sources and works are cited everywhere)

    @cached_property
    def meta(self) -> dict[str, str]:
        return self.store.meta()

    @cached_property
    def sources(self) -> dict[str, Record]:
        return {s["id"]: s for s in self.store.select("source")}

    @cached_property
    def _works(self) -> dict[str, Record]:
        return {w["id"]: w for w in self.store.select("work")}

    @cached_property
    def _hosts(self) -> dict[str, Record]:
        return {h["host"]: h for h in self.store.select("host")}

    def tier(self, citation: Record) -> str | None:
        """The tier of what a citation rests on: its URL's host, or its registered source."""
        if citation.get("url"):
            host = classify(citation["url"], self._hosts)
            if host is not None:
                return str(host["tier"])
        if citation.get("source") in self.sources:
            return self.sources[citation["source"]].get("tier")
        return "scholarly" if citation.get("work") else None

    @staticmethod
    def vocabularies() -> dict[str, Any]:
        return vocabularies()

    # -- entities

    def lookup(self, query: str | int) -> Record:
        """The entity an id, ISO or COW code, or name means (with its sources); raise UnknownEntity."""
        entity = self.store.one("entity", find(self.store, query))
        assert entity is not None
        return self.expand_citations(with_precision(entity, "un_admission"))

    def get(self, query: str | int) -> Record | None:
        """The entity matching an id, code or name, or None."""
        try:
            return self.lookup(query)
        except UnknownEntity:
            return None

    def entity_id(self, query: str | int) -> str:
        return find(self.store, query)

    def suggest(self, text: str) -> list[EntityBrief]:
        return suggest(self.store, text)

    def entities(self, region: str | None = None, kind: str | None = None) -> list[Record]:
        """Every entity, or those of a UN region or subregion and a kind, by English name."""
        check_choice("kind", kind, EntityKind)
        rows = self.store.select("entity", [("kind", "=", kind)] if kind else [])
        if region:
            self._check_region(region)
            wanted = region.lower()
            rows = [e for e in rows if wanted in ((e.get("un_region") or "").lower(),
                                                  (e.get("un_subregion") or "").lower())]
        return [self.expand_citations(with_precision(e, "un_admission")) for e in rows]

    def entities_page(self, region: str | None = None, kind: str | None = None, limit: int | None = None,
                      offset: int = 0) -> tuple[int, list[Record]]:
        """(total, one page of) `entities`: only the page is read and expanded."""
        check_choice("kind", kind, EntityKind)
        filters: list[Filter] = [("kind", "=", kind)] if kind else []
        if region:
            self._check_region(region)
            # A UN region never shares its name with a subregion, so the name says which it is.
            regions = {r.lower() for r, _ in self.regions() if r}
            filters.append(("un_region" if region.lower() in regions else "un_subregion", "nocase", region))
        rows = self.store.select("entity", filters, limit=limit, offset=offset)
        total = len(rows) + offset if limit is None else self.store.total("entity", filters)
        return total, [self.expand_citations(with_precision(e, "un_admission")) for e in rows]

    def regions(self) -> list[tuple[str, str]]:
        return self.store.regions()

    def _check_region(self, region: str) -> None:
        known = sorted({r for pair in self.regions() for r in pair if r})
        if region.lower() not in {r.lower() for r in known}:
            raise InvalidQuery(f"unknown region {region!r}; use one of: {', '.join(known)}")

    # -- status and history

    def status(self, query: str | int, as_of: dt.date | None = None) -> StatusView:
        """Japan's status on a date (today by default) with the entity, or with the state that
        held its territory, and where the territory stood."""
        entity_id = find(self.store, query)
        day = as_of or dt.date.today()
        return {"id": entity_id, "as_of": day.isoformat(), **self._status_fields(entity_id, day)}

    def _status_fields(self, entity_id: str, day: dt.date) -> StatusFields:
        row = self.store.relation_on(entity_id, day.isoformat())
        if row is None:
            return {"status": Status.UNKNOWN.value, "basis": None, "basis_id": None, "since": None, "never": False,
                    "note": None, "territory": None}
        self._fill_holders([row], day)
        return {key: row[key] for key in STATUS_KEYS}  # type: ignore[return-value]

    def _fill_holders(self, rows: list[Record], day: dt.date) -> None:
        """Prepared rows name their territory's holders by id: put each holder, with Japan's
        status with it on `day`, in its place; the holders of all the rows are looked up together.
        Every holder is an entity (the data check holds it) or Japan, which is not one."""
        ids = {h for row in rows if row["territory"] for h in row["territory"]["holders"]}
        known: dict[str, HolderView] = self.store.holders_on(sorted(ids - {JAPAN_ID}), day.isoformat())  # type: ignore[assignment]
        known[JAPAN_ID] = {"id": JAPAN_ID, "name_en": JAPAN_NAMES["en"], "name_ja": JAPAN_NAMES["ja"], "status": None,
                           "since": None}
        for row in rows:
            if row["territory"]:
                row["territory"]["holders"] = [known[h] for h in row["territory"]["holders"]]

    def relations(self, as_of: dt.date | None = None, status: str | None = None, region: str | None = None,
                  territories: bool = False, limit: int | None = None, offset: int = 0) -> list[RelationRow]:
        """Japan's status with every sovereign state of the day (and, with `territories`, with
        the holder of every other territory), optionally filtered."""
        return self.relations_page(as_of, status, region, territories, limit, offset)[1]

    def relations_page(self, as_of: dt.date | None = None, status: str | None = None, region: str | None = None,
                       territories: bool = False, limit: int | None = None,
                       offset: int = 0) -> tuple[int, list[RelationRow]]:
        """(total, one page of) `relations`."""
        check_choice("status", status, Status)
        if region is not None:
            self._check_region(region)
        day = as_of or dt.date.today()
        iso = day.isoformat()
        total, rows = self.store.relations_on(iso, not territories, status, region, limit, offset)
        for row in rows:  # the build prepared each row but for the day and the holders' status on it
            row["as_of"] = iso
        self._fill_holders(rows, day)
        return total, rows  # type: ignore[return-value]

    def status_history(self) -> StatusHistory:
        """Every entity's intervals: [start, end, status, since, condition, first holder]."""
        entities: dict[str, list[list[Any]]] = {}
        for entity, *interval in self.store.standings():
            entities.setdefault(entity, []).append(interval)
        return {"fields": ["start", "end", "status", "since", "condition", "holder"], "entities": entities}

    def statuses_on(self, as_of: dt.date) -> dict[str, MapStatus]:
        """Where every entity stood on a date, as the map colours it: status, since, condition and
        first holder, the same fields as a `status_history` interval (entities that have no
        interval on the date are not in it: their status is unknown)."""
        return {entity: {"status": status, "since": since, "condition": condition, "holder": holder}
                for entity, status, since, condition, holder in self.store.standings_on(as_of.isoformat())}

    def map_entities(self) -> list[MapEntity]:
        """Id, kind, names and ISO numeric code of every entity: what the map ties its shapes to."""
        return [{"id": key, "kind": kind, "name_en": name_en, "name_ja": name_ja, "iso_numeric": numeric}
                for key, kind, name_en, name_ja, numeric in self.store.entity_briefs()]

    def events(self, query: str | int, as_of: dt.date | None = None) -> list[Record]:
        """One entity's relation events in date order, each with its date precision."""
        entity_id = find(self.store, query)
        filters: list[Filter] = [("partner", "=", entity_id)]
        if as_of is not None:
            filters.append(("date_earliest", "<=", as_of.isoformat()))
        return [self.expand_citations(with_precision(e, "date")) for e in self.store.select("relation_event", filters)]

    def country(self, query: str | int, as_of: dt.date | None = None) -> Record:
        """Everything gaiko holds on one entity, as of a date."""
        entity = self.lookup(query)
        entity_id = entity["id"]
        day = as_of or dt.date.today()
        statements = [self.store.one("status_statement", s) for s in self.store.statements_of(entity_id)]
        return {
            **entity,
            "as_of": day.isoformat(),
            **self._status_fields(entity_id, day),
            "events": self.events(entity_id, as_of),
            "statements": [self.expand_citations(s) for s in statements if s],
            "diplomatic_exchange": self.exchanges(entity_id),
            "spells": self.spells(entity_id),
            "chain": self.chain(entity_id),
        }

    def chain(self, query: str | int) -> list[ChainLink]:
        """The links of succession that lead to and from an entity (Russian Empire → … → Russia)."""
        start = find(self.store, query)
        # The entity's own line: the links between the states that held its territory (Russia:
        # Russian Empire, Soviet Russia, Soviet Union) and itself, and every link that touches it.
        line = {start} | {h for spell in self.store.select("territory_spell", [("entity", "=", start)])
                          for h in spell.get("holders", [])}
        links: dict[str, Record] = {}
        for state in line:
            for link in self.store.select("succession", linked=("state", state)):
                ends = {link["predecessor"], link["successor"]}
                if ends <= line or start in ends:
                    links[link["id"]] = link
        ordered = sorted(links.values(), key=lambda link: (PartialDate.parse(link["date"]).sort_key(), link["id"]))
        return [{"id": link["id"], "predecessor": brief(self.store, link["predecessor"]),
                 "successor": brief(self.store, link["successor"]), "date": link["date"], "kind": link["kind"]}
                for link in ordered]

    def relation_events(self, partner: str | None = None, type: str | None = None, start: dt.date | None = None,
                        end: dt.date | None = None) -> list[Record]:
        """Relation events across partners, by partner (any name), type and period, in date order."""
        return self.relation_events_page(partner, type, start, end)[1]

    def relation_events_page(self, partner: str | None = None, type: str | None = None,
                             start: dt.date | None = None, end: dt.date | None = None, limit: int | None = None,
                             offset: int = 0) -> tuple[int, list[Record]]:
        """(total, one page of) `relation_events`: only the page is read and expanded."""
        check_period(start, end)
        check_choice("event type", type, EventType)
        filters: list[Filter] = []
        if partner:
            filters.append(("partner", "=", find(self.store, partner)))
        if type:
            filters.append(("type", "=", type))
        if start:
            filters.append(("date_latest", ">=", start.isoformat()))
        if end:
            filters.append(("date_earliest", "<=", end.isoformat()))
        rows = self.store.select("relation_event", filters, limit=limit, offset=offset,
                                 order=("date_earliest", "date_latest", "key"))
        total = len(rows) + offset if limit is None else self.store.total("relation_event", filters)
        return total, [self.expand_citations(with_precision(r, "date")) for r in rows]

    # -- other records

    def record(self, kind: str, record_id: str) -> Record | None:
        """One record by type and id (relation_event, timeline_event, dispute, figure, work, narrative …)."""
        found = self.store.one(kind, record_id)
        if found is None:
            return None
        return self.expand_citations(with_precision(found, "date", "end_date"))

    def search(self, query: str, types: list[str] | None = None, limit: int = 20, offset: int = 0) -> SearchResult:
        """Ranked full-text search across every record, in English and Japanese. A query that
        names an entity also finds its names in the other language and puts the entity first;
        synonyms (拉致 and abduction, 政府開発援助 and ODA) find each other."""
        for t in types or []:
            check_choice("type", t, SEARCH_TYPES)
        entity = self._named_entity(query)
        alternatives = self.store.synonyms(name_key(query))
        if entity is not None:
            alternatives += [n for n in (entity["name_en"], entity.get("name_ja"), entity.get("official_name_en"),
                                         entity.get("official_name_ja")) if n]
        total, hits = self.store.search(query, types, limit, offset, alternatives)
        if entity is not None and offset == 0 and (not types or "entity" in types):
            first = next((h for h in hits if h["type"] == "entity" and h["id"] == entity["id"]), None)
            if first is None:  # it may rank below this page: then it is counted in the total already
                _, own = self.store.search(query, ["entity"], self.store.count("entity"), 0, alternatives)
                first = next((h for h in own if h["id"] == entity["id"]), None)
                total += 0 if first else 1
            hits = [first or self._entity_hit(entity), *(h for h in hits if h is not first)][:limit]
        return {"query": query, "total": total, "hits": cast(Any, hits)}

    def _named_entity(self, query: str) -> Record | None:
        """The entity a query names exactly (no guess, no suggestion), or None."""
        try:
            entity_id = find(self.store, query, suggest_on_miss=False)
        except UnknownEntity:
            return None
        return self.store.one("entity", entity_id)

    @staticmethod
    def _entity_hit(entity: Record) -> Record:
        return {"type": "entity", "id": entity["id"], "title_en": entity["name_en"], "title_ja": entity.get("name_ja"),
                "score": 0.0, "page": f"/country/{entity['id']}", "excerpt": None}

    def timeline(self, start: dt.date | None = None, end: dt.date | None = None, country: str | None = None,
                 theme: str | None = None, region: str | None = None) -> list[Record]:
        """Timeline events overlapping a period, by country (any name), theme or region."""
        return self.timeline_page(start, end, country, theme, region)[1]

    def timeline_page(self, start: dt.date | None = None, end: dt.date | None = None, country: str | None = None,
                      theme: str | None = None, region: str | None = None, limit: int | None = None,
                      offset: int = 0) -> tuple[int, list[Record]]:
        """(total, one page of) `timeline`: only the page is read and expanded."""
        check_period(start, end)
        check_choice("theme", theme, Theme)
        if region is not None:
            check_choice("region", region, self._timeline_regions())
        filters: list[Filter] = []
        if start:
            filters.append(("end_latest", ">=", start.isoformat()))
        if end:
            filters.append(("date_earliest", "<=", end.isoformat()))
        if region:
            filters.append(("region", "nocase", region))
        links = [("participant", find(self.store, country))] if country else []
        if theme:
            links.append(("theme", theme))
        rows = self.store.select("timeline_event", filters, links, limit, offset)
        total = len(rows) + offset if limit is None else self.store.total("timeline_event", filters, links)
        return total, [self.expand_citations(with_precision(r, "date", "end_date")) for r in rows]

    @staticmethod
    def _timeline_regions() -> tuple[str, ...]:
        from gaiko.vocab import REGIONS

        return REGIONS

    def disputes(self, country: str | None = None) -> list[Record]:
        """Territorial and maritime disputes, each party's names and positions side by side."""
        party = find(self.store, country) if country else None
        rows = self.store.select("dispute", linked=("party", party) if party else None)
        return [self.expand_citations(d) for d in rows]

    def figures(self, country: str | None = None) -> FiguresView:
        """Figures with units and sources; with a country, also Japan's trade with it by year."""
        party = find(self.store, country) if country else None
        figures = self.store.select("figure", linked=("party", party) if party else None)
        result: FiguresView = {"figures": [self.expand_citations(f) for f in figures]}
        if party:
            result["trade"] = {
                "partner": party,
                "unit": TRADE_UNIT,
                "citations": self.expand_citations(
                    [{"source": "cow-trade", "locator": f"dyadic trade, Japan and {party}"}]),
                "series": self.trade(party),
            }
        return result

    def trade(self, partner: str) -> list[TradeYear]:
        return [{"year": r["year"], "japan_imports": r.get("japan_imports"), "japan_exports": r.get("japan_exports")}
                for r in self.store.select("trade_flow", [("partner", "=", partner)])]

    def missions(self, country: str | None = None) -> list[Record]:
        """Japan's missions abroad and the missions in Japan, optionally with one partner."""
        party = find(self.store, country) if country else None
        out = []
        for mission in self.store.select("mission", linked=("party", party) if party else None):
            citation = {"source": "database-of-embassies", "locator": f"Wikidata {mission['id']}",
                        "url": f"https://www.wikidata.org/wiki/{mission['id']}"}
            out.append({**mission, "citations": self.expand_citations([citation])})
        return out

    def narratives(self) -> list[Record]:
        """What sources say about trends and roles, kept attributed to them."""
        return [self.expand_citations(n) for n in self.store.select("narrative")]

    def map_points(self) -> list[Record]:
        """Marker positions for every entity the map can place, each with its source."""
        sources = {"natural-earth-50m": "world-atlas", "cow-capitals": "cow-capitals"}
        return [{**p, "citations": self.expand_citations([{"source": sources[p["basis"]], "locator": p["locator"]}])}
                for p in self.store.select("map_point")]

    def map_positions(self) -> list[tuple[str, float, float]]:
        """(entity, longitude, latitude) of every map point: where the server's map puts a
        marker (`map_points` has each one's source)."""
        return [(p["entity"], p["lon"], p["lat"]) for p in self.store.select("map_point")]

    def works(self) -> list[Record]:
        """The bibliography: every work a citation can point at."""
        return self.store.select("work")

    def exchanges(self, entity_id: str) -> list[Record]:
        """COW Diplomatic Exchange rows of one entity, by year."""
        return self.store.select("diplomatic_exchange", [("partner", "=", entity_id)])

    def spells(self, entity_id: str) -> list[Record]:
        """The territory spells of one entity, in date order."""
        return [self.expand_citations(s) for s in self.store.select("territory_spell", [("entity", "=", entity_id)])]

    def state_system(self) -> list[Record]:
        """COW State System membership spells."""
        return self.store.select("state_system_spell")

    def citations(self) -> list[Record]:
        """Every citation of every record, flattened (record_type, record_id, url, quote …)."""
        return self.store.citations()

    def statements(self) -> list[Record]:
        return [self.expand_citations(s) for s in self.store.select("status_statement")]

    def expand_citations(self, value: T) -> T:
        """Copy `value`, giving each citation that names a registered source or work its title and URL."""
        if isinstance(value, list):
            return cast(T, [self.expand_citations(v) for v in value])
        if not isinstance(value, dict):
            return value
        out: Record = {k: self.expand_citations(v) for k, v in value.items()}
        if "locator" in out or "quote" in out:
            source = self.sources.get(out.get("source", ""))
            if source:
                out.setdefault("url", source.get("url"))
                out.setdefault("publisher", source.get("publisher"))
                out.setdefault("title", source.get("title"))
            work = self._works.get(out.get("work", ""))
            if work:
                out.setdefault("title", work["title"])
                if work.get("url"):
                    out.setdefault("url", work["url"])
            tier = self.tier(out)
            if tier:
                out["tier"] = tier
        return cast(T, out)

    def export(self, as_of: dt.date | None = None) -> Record:
        """Every record of the knowledge base, with its sources, as one JSON document."""
        day = as_of or dt.date.today()
        return {
            "meta": {**self.meta, "as_of": day.isoformat()},
            "sources": list(self.sources.values()),
            "entities": [self.expand_citations(e) for e in self.store.select("entity")],
            "relation_events": [self.expand_citations(e) for e in self.store.select(
                "relation_event", [("date_earliest", "<=", as_of.isoformat())] if as_of else [])],
            "status_statements": self.statements(),
            "corrections": self.store.select("correction"),
            "diplomatic_exchange": self.store.select("diplomatic_exchange"),
            "territory_spells": [self.expand_citations(s) for s in self.store.select("territory_spell")],
            "successions": [self.expand_citations(s) for s in self.store.select("succession")],
            "relations": self.relations(as_of),
            "timeline_events": self.timeline(end=as_of),
            "disputes": self.disputes(),
            "figures": self.figures()["figures"],
            "missions": self.missions(),
            "works": self.works(),
            "narratives": self.narratives(),
            "trade": [{"partner": r["partner"], "year": r["year"], "japan_imports": r.get("japan_imports"),
                       "japan_exports": r.get("japan_exports")} for r in self.store.select("trade_flow")],
        }
