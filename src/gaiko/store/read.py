"""Read-only queries over the built database. Records come back as the model's JSON dicts."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from gaiko.store.textindex import WEIGHTS, match_query

Record = dict[str, Any]


class StoreMissing(FileNotFoundError):
    """The database has not been built."""


class Store:
    """A read-only connection to a gaiko database."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreMissing(f"no database at {self.path}: run `gaiko build` first")
        # mode=ro: no caller can write through this connection, whatever the query.
        self.conn = sqlite3.connect(
            f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        self.conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self.conn.close()

    def _records(self, sql: str, params: tuple[Any, ...] = ()) -> list[Record]:
        return [json.loads(row[0]) for row in self.conn.execute(sql, params)]

    def meta(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.conn.execute("SELECT * FROM meta")}

    def sources(self) -> dict[str, Record]:
        return {r["id"]: r for r in self._records("SELECT record FROM sources ORDER BY id")}

    def entity(self, entity_id: str) -> Record | None:
        found = self._records("SELECT record FROM entities WHERE id = ?", (entity_id,))
        return found[0] if found else None

    def entities(self, region: str | None = None, kind: str | None = None) -> list[Record]:
        sql, params = "SELECT record FROM entities WHERE 1=1", []
        if region:
            sql += " AND (lower(un_region) = lower(?) OR lower(un_subregion) = lower(?))"
            params += [region, region]
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        return self._records(sql + " ORDER BY name_en", tuple(params))

    def regions(self) -> list[tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT DISTINCT un_region, un_subregion FROM entities ORDER BY 1, 2"
        )
        return [(r[0], r[1]) for r in rows]

    def entity_ids_by_name_key(self, key: str) -> list[tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT DISTINCT entity_id, kind FROM entity_names WHERE key = ?", (key,)
        )
        return [(r[0], r[1]) for r in rows]

    def name_keys(self) -> list[tuple[str, str, str]]:
        """(key, name, entity id) for every name: the vocabulary suggestions come from."""
        rows = self.conn.execute("SELECT key, name, entity_id FROM entity_names")
        return [(r[0], r[1], r[2]) for r in rows]

    def events(self, partner: str | None = None) -> list[Record]:
        sql = "SELECT record, file, line FROM relation_events"
        params: tuple[Any, ...] = ()
        if partner:
            sql += " WHERE partner = ?"
            params = (partner,)
        rows = self.conn.execute(sql + " ORDER BY partner, date_earliest, date_latest, id", params)
        return [{**json.loads(r[0]), "data_file": r[1], "data_line": r[2]} for r in rows]

    def statements(self) -> list[Record]:
        return self._records("SELECT record FROM status_statements ORDER BY id")

    def statement_members(self) -> dict[str, list[str]]:
        members: dict[str, list[str]] = defaultdict(list)
        for row in self.conn.execute("SELECT entity_id, statement_id FROM statement_partners"):
            members[row[0]].append(row[1])
        return dict(members)

    def exchanges(self, partner: str | None = None) -> list[Record]:
        sql = "SELECT * FROM diplomatic_exchange"
        params: tuple[Any, ...] = ()
        if partner:
            sql += " WHERE partner = ?"
            params = (partner,)
        rows = self.conn.execute(sql + " ORDER BY partner, year", params)
        return [
            {
                "partner": r["partner"],
                "cow_code": r["cow_code"],
                "year": r["year"],
                "level_partner_in_japan": r["level_partner_in_japan"],
                "level_japan_in_partner": r["level_japan_in_partner"],
                "exchange": bool(r["exchange"]),
            }
            for r in rows
        ]

    def corrections(self) -> list[Record]:
        return self._records("SELECT record FROM corrections")

    def state_system(self) -> list[Record]:
        rows = self.conn.execute('SELECT cow_code, cow_abbrev, name, start, "end" FROM state_system')
        return [dict(zip(("cow_code", "cow_abbrev", "name", "start", "end"), r, strict=True)) for r in rows]

    def timeline(
        self,
        start: str | None = None,
        end: str | None = None,
        entity: str | None = None,
        theme: str | None = None,
        region: str | None = None,
    ) -> list[Record]:
        """Timeline events overlapping [start, end] (ISO dates), optionally filtered."""
        sql, params = "SELECT record FROM timeline_events t WHERE 1=1", []
        if start:
            sql += " AND t.end_latest >= ?"
            params.append(start)
        if end:
            sql += " AND t.date_earliest <= ?"
            params.append(end)
        if entity:
            sql += " AND t.id IN (SELECT event_id FROM timeline_participants WHERE entity_id = ?)"
            params.append(entity)
        if theme:
            sql += " AND t.id IN (SELECT event_id FROM timeline_themes WHERE theme = ?)"
            params.append(theme)
        if region:
            sql += " AND lower(t.region) = lower(?)"
            params.append(region)
        return self._records(sql + " ORDER BY t.date_earliest, t.id", tuple(params))

    def disputes(self, party: str | None = None) -> list[Record]:
        if party:
            return self._records(
                "SELECT record FROM disputes WHERE id IN "
                "(SELECT dispute_id FROM dispute_parties WHERE party = ?) ORDER BY id", (party,))
        return self._records("SELECT record FROM disputes ORDER BY id")

    def figures(self, party: str | None = None) -> list[Record]:
        if party:
            return self._records(
                "SELECT record FROM figures WHERE id IN "
                "(SELECT figure_id FROM figure_parties WHERE party = ?) ORDER BY id", (party,))
        return self._records("SELECT record FROM figures ORDER BY id")

    def trade(self, partner: str) -> list[Record]:
        rows = self.conn.execute(
            "SELECT year, japan_imports, japan_exports FROM trade WHERE partner = ? ORDER BY year",
            (partner,))
        return [{"year": r[0], "japan_imports": r[1], "japan_exports": r[2]} for r in rows]

    def missions(self, party: str | None = None) -> list[Record]:
        if party:
            return self._records(
                "SELECT record FROM missions WHERE operator = ? OR host = ? ORDER BY operator, host, id",
                (party, party))
        return self._records("SELECT record FROM missions ORDER BY operator, host, id")

    def works(self) -> list[Record]:
        return self._records("SELECT record FROM works ORDER BY entry, id")

    def citations(self, source: str | None = None) -> list[Record]:
        columns = ("record_type", "record_id", "source", "url", "work", "publisher", "title", "quote",
                   "locator", "language")
        sql, params = f"SELECT {', '.join(columns)} FROM citations", tuple[str, ...]()
        if source:
            sql, params = sql + " WHERE source = ?", (source,)
        return [dict(zip(columns, row, strict=True)) for row in self.conn.execute(sql, params)]

    _TABLES = {"timeline_event": "timeline_events", "dispute": "disputes", "work": "works",
               "narrative": "narratives", "figure": "figures", "mission": "missions"}

    def record(self, kind: str, record_id: str) -> Record | None:
        """One stored record by type and id."""
        table = self._TABLES[kind]
        found = self._records(f"SELECT record FROM {table} WHERE id = ?", (record_id,))
        return found[0] if found else None

    def narratives(self) -> list[Record]:
        return self._records("SELECT record FROM narratives ORDER BY id")

    def coverage_notes(self) -> dict[str, Record]:
        return {r["sentence_id"]: r for r in self._records("SELECT record FROM coverage_notes")}

    def search(self, query: str, types: list[str] | None = None, limit: int = 20,
               offset: int = 0) -> tuple[int, list[Record]]:
        """Ranked documents matching every term of `query`; (total, one page of hits)."""
        expression = match_query(query)
        if expression is None:
            return 0, []
        where, params = "search MATCH ?", [expression]
        if types:
            where += f" AND doc_type IN ({', '.join('?' * len(types))})"
            params += types
        total = self.conn.execute(f"SELECT count(*) FROM search WHERE {where}", params).fetchone()[0]
        weights = ", ".join(str(w) for w in WEIGHTS)
        rows = self.conn.execute(
            f"SELECT doc_type, doc_id, label_en, label_ja, text, page, bm25(search, {weights}) AS score "
            f"FROM search WHERE {where} ORDER BY score LIMIT ? OFFSET ?", [*params, limit, offset])
        hits = []
        for doc_type, doc_id, label_en, label_ja, text, page, score in rows:
            hits.append({"type": doc_type, "id": doc_id, "title_en": label_en, "title_ja": label_ja,
                         "score": round(-score, 4), "page": page, "excerpt": _excerpt(json.loads(text), query)})
        return total, hits

    def map_points(self) -> list[Record]:
        rows = self.conn.execute("SELECT entity, lat, lon, basis, locator FROM map_points ORDER BY entity")
        return [dict(zip(("entity", "lat", "lon", "basis", "locator"), r, strict=True)) for r in rows]


def _excerpt(text: dict[str, Any], query: str, width: int = 80) -> str | None:
    """A short stretch of the document's own text around the first query term found."""
    terms = [t for t in re.split(r"\s+", query.strip()) if t]
    parts: list[str] = [" | ".join(text["names"]), text["body"], *text["quotes"]]
    for part in parts:
        lowered = part.lower()
        for term in terms:
            at = lowered.find(term.lower())
            if at >= 0:
                start, end = max(0, at - width), min(len(part), at + len(term) + width)
                return ("…" if start else "") + part[start:end] + ("…" if end < len(part) else "")
    return None
