"""KnowledgeBase: the one API every interface (CLI, HTTP, web) calls.

Lookups follow pycountry's habit: `get()` returns None on a miss, `lookup()` raises
UnknownEntity (a LookupError) carrying suggestions. Results are plain JSON-ready dicts in
the model's field names, so every interface prints the same shapes.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

from gaiko.dates import PartialDate, check_period
from gaiko.model import RelationEvent, StatusStatement
from gaiko.registry import SEARCH_TYPES
from gaiko.status import Exchange, StatusAt, status_on
from gaiko.store.read import Store
from gaiko.store.textindex import name_key
from gaiko.vocab import EntityKind, EventType, Status, Theme

Record = dict[str, Any]
T = TypeVar("T")
MAX_SUGGESTIONS = 5
SUGGESTION_CUTOFF = 0.6


def _check_choice(what: str, value: str | None, choices: type[StrEnum]) -> None:
    """Raise ValueError naming the valid values when `value` is not one of `choices`."""
    if value is not None and value not in {c.value for c in choices}:
        raise ValueError(f"unknown {what} {value!r}; use one of: {', '.join(c.value for c in choices)}")


class UnknownEntity(LookupError):
    """No entity matches the query; `suggestions` holds the closest names."""

    def __init__(self, query: str, suggestions: list[Record], candidates: bool = False) -> None:
        self.query = query
        self.suggestions = suggestions
        self.ambiguous = candidates
        names = ", ".join(f"{s['name_en']} ({s['id']})" for s in suggestions)
        if candidates:
            message = f"{query!r} matches several entities: {names}"
        elif names:
            message = f"no entity matches {query!r}; did you mean: {names}?"
        else:
            message = f"no entity matches {query!r}"
        super().__init__(message)


class KnowledgeBase:
    """Read access to a built gaiko database."""

    def __init__(self, path: Path | str) -> None:
        self.store = Store(path)

    def close(self) -> None:
        self.store.close()

    # -- cached views of the store (the data never change while a KnowledgeBase is open)

    @cached_property
    def meta(self) -> dict[str, str]:
        return self.store.meta()

    @cached_property
    def sources(self) -> dict[str, Record]:
        return {s["id"]: s for s in self.store.select("source")}

    @cached_property
    def _entities(self) -> dict[str, Record]:
        return {e["id"]: e for e in self.store.select("entity")}

    @cached_property
    def _events(self) -> dict[str, list[tuple[Record, RelationEvent]]]:
        grouped: dict[str, list[tuple[Record, RelationEvent]]] = defaultdict(list)
        for raw in self.store.select("relation_event"):
            model_fields = {k: v for k, v in raw.items() if not k.startswith("data_")}
            grouped[raw["partner"]].append((raw, RelationEvent.model_validate(model_fields)))
        return dict(grouped)

    @cached_property
    def _statements(self) -> dict[str, StatusStatement]:
        return {s["id"]: StatusStatement.model_validate(s) for s in self.store.select("status_statement")}

    @cached_property
    def _exchanges(self) -> dict[str, list[Record]]:
        grouped: dict[str, list[Record]] = defaultdict(list)
        for row in self.store.select("diplomatic_exchange"):
            grouped[row["partner"]].append(row)
        return dict(grouped)

    # -- lookups

    def get(self, query: str | int) -> Record | None:
        """The entity matching an id, code or name, or None."""
        try:
            return self.lookup(query)
        except UnknownEntity:
            return None

    def lookup(self, query: str | int) -> Record:
        """The entity matching an id, ISO code, COW code or name; raise UnknownEntity."""
        text = str(query).strip()
        if text.upper() in self._entities:
            return self._entities[text.upper()]
        if text.isdigit():
            kinds = ("iso_numeric",) if text.startswith("0") else ("cow_code", "iso_numeric")
            for kind in kinds:
                ids = [eid for eid, k in self.store.entity_ids_by_name_key(text) if k == kind]
                if ids:
                    return self._prefer_current(ids)
        ids = sorted({eid for eid, _ in self.store.entity_ids_by_name_key(name_key(text))})
        if len(ids) == 1:
            return self._entities[ids[0]]
        if len(ids) > 1:
            raise UnknownEntity(text, [self._brief(i) for i in ids], candidates=True)
        raise UnknownEntity(text, self.suggest(text))

    def _prefer_current(self, ids: list[str]) -> Record:
        current = [i for i in ids if self._entities[i]["kind"] != EntityKind.HISTORICAL_STATE]
        return self._entities[sorted(current or ids)[0]]

    def _brief(self, entity_id: str) -> Record:
        e = self._entities[entity_id]
        return {"id": e["id"], "name_en": e["name_en"], "name_ja": e.get("name_ja")}

    def suggest(self, text: str, limit: int = MAX_SUGGESTIONS) -> list[Record]:
        """Entities whose names (or a word of them) are closest to `text`, best first."""
        query = name_key(text)
        best: dict[str, float] = {}
        for key, _, entity_id in self.store.name_keys():
            if len(key) <= 3 and len(query) > 3:
                continue  # codes only compete with code-like queries
            score = difflib.SequenceMatcher(None, query, key).ratio()
            for word in key.split():
                if len(word) >= 3 and word != key:  # a word of a longer name ranks a little lower
                    score = max(score, 0.95 * difflib.SequenceMatcher(None, query, word).ratio())
            if score > best.get(entity_id, 0.0):
                best[entity_id] = score
        ranked = sorted((s, eid) for eid, s in best.items() if s >= SUGGESTION_CUTOFF)
        return [self._brief(eid) for _, eid in sorted(ranked, key=lambda p: -p[0])[:limit]]

    def entities(self, region: str | None = None, kind: str | None = None) -> list[Record]:
        if not region:
            return self.store.select("entity", [("kind", "=", kind)] if kind else [])
        wanted = region.lower()
        return [e for e in self.store.select("entity", [("kind", "=", kind)] if kind else [])
                if wanted in ((e.get("un_region") or "").lower(), (e.get("un_subregion") or "").lower())]

    def regions(self) -> list[tuple[str, str]]:
        return self.store.regions()

    # -- status and history

    def status(self, entity_id: str, as_of: dt.date | None = None) -> StatusAt:
        """Japan's status with one entity on a date (today by default)."""
        day = as_of or dt.date.today()
        events = [model for _, model in self._events.get(entity_id, [])]
        statements = [self._statements[s] for s in self.store.statements_of(entity_id)]
        exchanges = [Exchange(x["year"], x["exchange"]) for x in self._exchanges.get(entity_id, [])]
        return status_on(day, events, statements, exchanges)

    def expand_citations(self, value: T) -> T:
        """Copy `value`, giving each citation that names a registered source its title and URL."""
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
        return cast(T, out)

    def events(self, entity_id: str, as_of: dt.date | None = None) -> list[Record]:
        """The entity's relation events in date order, each with its date precision."""
        out = []
        for raw, model in self._events.get(entity_id, []):
            if as_of is not None and model.date.earliest > as_of:
                continue
            out.append(self.expand_citations({**raw, "date_precision": model.date.precision.value}))
        return out

    def statements_for(self, entity_id: str) -> list[Record]:
        return [
            self.expand_citations(self._statements[s].model_dump(mode="json", exclude_defaults=True))
            for s in self.store.statements_of(entity_id)
        ]

    def country(self, query: str | int, as_of: dt.date | None = None) -> Record:
        """Everything gaiko holds on one entity, as of a date."""
        entity = self.lookup(query)
        day = as_of or dt.date.today()
        status = self.status(entity["id"], day)
        record = self.expand_citations(
            self._with_precision(entity, "un_admission", "exists_from", "exists_until"))
        return {
            **record,
            "as_of": day.isoformat(),
            "status": status.status.value,
            "status_basis": status.as_dict(),
            "events": self.events(entity["id"], as_of),
            "statements": self.statements_for(entity["id"]),
            "diplomatic_exchange": self.exchanges(entity["id"]),
        }

    def exchanges(self, entity_id: str) -> list[Record]:
        """COW Diplomatic Exchange rows for one entity, by year."""
        return self._exchanges.get(entity_id, [])

    def relations(
        self,
        as_of: dt.date | None = None,
        status: str | None = None,
        region: str | None = None,
    ) -> list[Record]:
        """Every entity with Japan's status on a date, optionally filtered."""
        _check_choice("status", status, Status)
        if region is not None and not self.entities(region=region):
            known = sorted({r for pair in self.regions() for r in pair if r})
            raise ValueError(f"unknown region {region!r}; use one of: {', '.join(known)}")
        day = as_of or dt.date.today()
        rows = []
        for entity in self.entities(region=region):
            at = self.status(entity["id"], day)
            if status is not None and at.status.value != status:
                continue
            rows.append({
                "id": entity["id"],
                "name_en": entity["name_en"],
                "name_ja": entity.get("name_ja"),
                "kind": entity["kind"],
                "un_region": entity.get("un_region"),
                "un_subregion": entity.get("un_subregion"),
                "as_of": day.isoformat(),
                **at.as_dict(),
            })
        return rows

    def relation_events(
        self,
        partner: str | None = None,
        type: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> list[Record]:
        """Relation events across partners, by partner (any name), type and period."""
        check_period(start, end)
        _check_choice("event type", type, EventType)
        partner_id = self.lookup(partner)["id"] if partner else None
        out = []
        for entity_id, events in self._events.items():
            if partner_id and entity_id != partner_id:
                continue
            for raw, model in events:
                if type and model.type.value != type:
                    continue
                if (start and model.date.latest < start) or (end and model.date.earliest > end):
                    continue
                out.append((model.date.sort_key(), raw["id"], raw, model))
        return [self.expand_citations({**raw, "date_precision": model.date.precision.value})
                for _, _, raw, model in sorted(out, key=lambda item: (item[0], item[1]))]

    def record(self, kind: str, record_id: str) -> Record | None:
        """One record by type and id (relation_event, timeline_event, dispute, work, narrative)."""
        if kind == "relation_event":
            for events in self._events.values():
                for raw, model in events:
                    if raw["id"] == record_id:
                        return self.expand_citations({**raw, "date_precision": model.date.precision.value})
            return None
        found = self.store.one(kind, record_id)
        if found is None:
            return None
        if kind == "timeline_event":
            found = self._with_precision(found, "date", "end_date")
        return self.expand_citations(found)

    def search(self, query: str, types: list[str] | None = None, limit: int = 20,
               offset: int = 0) -> tuple[int, list[Record]]:
        """Ranked full-text search across every record, in English and Japanese."""
        unknown = [t for t in types or [] if t not in SEARCH_TYPES]
        if unknown:
            raise ValueError(f"unknown type {unknown[0]!r}; use one of: {', '.join(SEARCH_TYPES)}")
        return self.store.search(query, types, limit, offset)

    def timeline(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        country: str | None = None,
        theme: str | None = None,
        region: str | None = None,
    ) -> list[Record]:
        """Timeline events overlapping a period, by country (any name), theme or region."""
        check_period(start, end)
        _check_choice("theme", theme, Theme)
        entity_id = self.lookup(country)["id"] if country else None
        filters: list[tuple[str, str, Any]] = []
        if start:
            filters.append(("end_latest", ">=", start.isoformat()))
        if end:
            filters.append(("date_earliest", "<=", end.isoformat()))
        if region:
            filters.append(("region", "nocase", region))
        rows = self.store.select("timeline_event", filters, ("participant", entity_id) if entity_id else None)
        if theme:
            themed = {r["id"] for r in self.store.select("timeline_event", filters, ("theme", theme))}
            rows = [r for r in rows if r["id"] in themed]
        return [self.expand_citations(self._with_precision(r, "date", "end_date")) for r in rows]

    def disputes(self, country: str | None = None) -> list[Record]:
        """Territorial and maritime disputes, each party's names and positions side by side."""
        party = self.lookup(country)["id"] if country else None
        rows = self.store.select("dispute", linked=("party", party) if party else None)
        return [self.expand_citations(d) for d in rows]

    def figures(self, country: str | None = None) -> Record:
        """Figures with units and sources; with a country, also Japan's trade with it by year."""
        party = self.lookup(country)["id"] if country else None
        figures = self.store.select("figure", linked=("party", party) if party else None)
        result: Record = {"figures": [self.expand_citations(f) for f in figures]}
        if party:
            result["trade"] = {
                "partner": party,
                "unit": "million current US dollars",
                "citations": self.expand_citations(
                    [{"source": "cow-trade", "locator": f"dyadic trade, Japan and {party}"}]),
                "series": self._trade(party),
            }
        return result

    def missions(self, country: str | None = None) -> list[Record]:
        """Japan's missions abroad and the missions in Japan, optionally with one partner."""
        party = self.lookup(country)["id"] if country else None
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

    def state_system(self) -> list[Record]:
        """COW State System membership spells."""
        return self.store.select("state_system_spell")

    def citations(self) -> list[Record]:
        """Every citation of every record, flattened (record_type, record_id, url, quote …)."""
        return self.store.citations()

    def works(self) -> list[Record]:
        """The bibliography: every work a citation can point at."""
        return self.store.select("work")

    @cached_property
    def _works(self) -> dict[str, Record]:
        return {w["id"]: w for w in self.store.select("work")}

    def _trade(self, partner: str) -> list[Record]:
        return [{"year": r["year"], "japan_imports": r.get("japan_imports"), "japan_exports": r.get("japan_exports")}
                for r in self.store.select("trade_flow", [("partner", "=", partner)])]

    @staticmethod
    def _with_precision(record: Record, *fields: str) -> Record:
        out = dict(record)
        for field in fields:
            if out.get(field):
                out[f"{field}_precision"] = PartialDate.parse(out[field]).precision.value
        return out

    def export(self, as_of: dt.date | None = None) -> Record:
        """Every record of the knowledge base, with its sources, as one JSON document."""
        return {
            "meta": {**self.meta, "as_of": (as_of or dt.date.today()).isoformat()},
            "sources": list(self.sources.values()),
            "entities": [self.expand_citations(e) for e in self._entities.values()],
            "relation_events": [
                self.expand_citations(raw)
                for events in self._events.values()
                for raw, model in events
                if as_of is None or model.date.earliest <= as_of
            ],
            "status_statements": [
                self.expand_citations(s.model_dump(mode="json", exclude_defaults=True))
                for s in self._statements.values()
            ],
            "corrections": self.store.select("correction"),
            "diplomatic_exchange": self.store.select("diplomatic_exchange"),
            "relations": self.relations(as_of),
            "timeline_events": self.timeline(end=as_of),
            "disputes": self.disputes(),
            "figures": self.figures()["figures"],
            "missions": self.missions(),
            "works": self.works(),
            "narratives": self.narratives(),
            "trade": [{"partner": e, **row} for e in self._entities for row in self._trade(e)],
        }
