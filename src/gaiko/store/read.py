"""Read-only queries over the built database. Records come back as the model's JSON dicts."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gaiko.registry import BY_NAME
from gaiko.store.schema import SCHEMA_VERSION
from gaiko.store.textindex import WEIGHTS, match_query

Record = dict[str, Any]
# A filter on a record table: (column, operator, value); operators are fixed here, never taken
# from a caller, and columns are checked against the registry.
Filter = tuple[str, str, Any]
# (role, value), or a list of them: records linked to all of them.
Linked = tuple[str, str] | Sequence[tuple[str, str]] | None
_OPERATORS = {"=": "{} = ?", ">=": "{} >= ?", "<=": "{} <= ?", "nocase": "lower({}) = lower(?)"}


class StoreMissing(FileNotFoundError):
    """The database has not been built."""


class StoreUnreadable(RuntimeError):
    """The file is not a gaiko database (corrupt, foreign, or from another schema version)."""


class Store:
    """A read-only connection to a gaiko database."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreMissing(f"no database at {self.path}: run `gaiko build` first")
        # mode=ro: no caller can write through this connection, whatever the query.
        self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        try:
            version = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreUnreadable(f"{self.path} is not a gaiko database ({exc}): rebuild it with `gaiko build`") \
                from exc
        if version is None or version[0] != SCHEMA_VERSION:
            self.conn.close()
            found = version[0] if version else "none"
            raise StoreUnreadable(f"{self.path} has schema version {found}, this gaiko reads {SCHEMA_VERSION}: "
                                  "rebuild it with `gaiko build`")

    def close(self) -> None:
        self.conn.close()

    def meta(self) -> dict[str, str]:
        return {key: value for key, value in self.conn.execute("SELECT key, value FROM meta")}

    def select(self, record_type: str, filters: Sequence[Filter] = (), linked: Linked = None,
               limit: int | None = None, offset: int = 0, order: Sequence[str] = ()) -> list[Record]:
        """Records of one type, filtered on its columns and links, in the registry's order
        (or in `order`, a list of its column names); `limit` and `offset` page in SQL."""
        rtype = BY_NAME[record_type]
        unknown = [c for c in order if c not in _columns(record_type)]
        if unknown:
            raise ValueError(f"{record_type} has no column {unknown[0]!r}")
        where, params = _where(record_type, filters, linked)
        sql = (f"SELECT record, file, line FROM {rtype.collection} WHERE {where} "
               f"ORDER BY {', '.join(order) or rtype.order}")
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if limit is None else limit, offset]  # -1: no limit, in SQLite
        rows = self.conn.execute(sql, params)
        if rtype.expose_origin:
            return [{**json.loads(text), "data_file": file, "data_line": line} for text, file, line in rows]
        return [json.loads(text) for text, _, _ in rows]

    def total(self, record_type: str, filters: Sequence[Filter] = (), linked: Linked = None) -> int:
        """How many records `select` would return without a limit (for X-Total-Count)."""
        where, params = _where(record_type, filters, linked)
        sql = f"SELECT count(*) FROM {BY_NAME[record_type].collection} WHERE {where}"
        return int(self.conn.execute(sql, params).fetchone()[0])

    def count(self, record_type: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {BY_NAME[record_type].collection}").fetchone()[0])

    def one(self, record_type: str, key: str) -> Record | None:
        """One record by its key (its id for most types)."""
        found = self.select(record_type, [("key", "=", key)])
        return found[0] if found else None

    def relation_on(self, entity_id: str, day: str) -> Record | None:
        """One entity's prepared row of the relations list on `day` (see `relations_on`)."""
        row = self.conn.execute('SELECT view FROM standings WHERE entity = ? AND start <= ? '
                                'AND ("end" IS NULL OR "end" > ?) ORDER BY start DESC LIMIT 1',
                                (entity_id, day, day)).fetchone()
        return json.loads(row[0]) if row else None  # json, not orjson: `gaiko country` starts faster

    def relations_on(self, day: str, sovereign_only: bool = True, status: str | None = None,
                     region: str | None = None, limit: int | None = None, offset: int = 0) -> tuple[int, list[Record]]:
        """(total, one page of) every entity's row of the relations list on `day`, by English name,
        as prepared by the build (`as_of` unset, holders as ids).

        The page walks the entities in name order and looks up each one's interval on `day`, so
        it stops after `offset + limit` matches; the total counts the R-tree's intervals of the day."""
        ordinal = dt.date.fromisoformat(day).toordinal()
        filters: list[str] = []
        params: list[Any] = []
        if sovereign_only:  # the states of the day: sovereign, or occupied but going on
            filters.append("s.condition IN ('sovereign', 'occupied')")
        if status:
            filters.append("s.status = ?")
            params.append(status)
        if region:
            filters.append("s.entity IN (SELECT key FROM entities WHERE lower(un_region) = lower(?) "
                           "OR lower(un_subregion) = lower(?))")
            params += [region, region]
        span = "(SELECT id FROM standings_span WHERE first_day <= ? AND last_day >= ?)"
        if filters:
            counted = self.conn.execute(f"SELECT count(*) FROM standings s WHERE s.rowid IN {span} AND "
                                        f"{' AND '.join(filters)}", [ordinal, ordinal, *params])
        else:
            counted = self.conn.execute("SELECT count(*) FROM standings_span WHERE first_day <= ? AND last_day >= ?",
                                        [ordinal, ordinal])
        total = int(counted.fetchone()[0])
        sql = ("SELECT s.view FROM entities e JOIN standings s ON s.rowid = "
               "(SELECT rowid FROM standings WHERE entity = e.key AND start <= ? ORDER BY start DESC LIMIT 1) "
               f"""WHERE (s."end" IS NULL OR s."end" > ?) {''.join(' AND ' + f for f in filters)} """
               "ORDER BY e.name_en, e.key")
        page_params: list[Any] = [day, day, *params]
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            page_params += [limit, offset]
        import orjson  # here, not at the top: it loads dataclasses, a tenth of `gaiko country`'s start-up

        return total, [orjson.loads(view) for (view,) in self.conn.execute(sql, page_params)]

    def holders_on(self, entity_ids: Sequence[str], day: str) -> dict[str, Record]:
        """Several holders of territories on `day`, in one query: id, names, and Japan's status
        with each then (status and since null when no interval covers the day)."""
        if not entity_ids:
            return {}
        rows = self.conn.execute(
            "SELECT e.key, e.name_en, e.name_ja, s.status, s.since FROM json_each(?) AS ids "
            "JOIN entities e ON e.key = ids.value LEFT JOIN standings s ON s.rowid = (SELECT rowid FROM standings "
            'WHERE entity = ids.value AND start <= ? ORDER BY start DESC LIMIT 1) AND (s."end" IS NULL OR s."end" > ?)',
            [json.dumps(list(entity_ids)), day, day])
        return {key: {"id": key, "name_en": name_en, "name_ja": name_ja, "status": status, "since": since}
                for key, name_en, name_ja, status, since in rows}

    def standings(self) -> list[tuple[Any, ...]]:
        """Every interval of every entity, by entity and start, compact: (entity, start, end,
        status, since, condition, first holder). Built for the whole map's history at once."""
        return self.conn.execute('SELECT entity, start, "end", status, since, condition, '
                                 "json_extract(holders, '$[0]') FROM standings ORDER BY entity, start").fetchall()

    def standings_on(self, day: str) -> list[tuple[Any, ...]]:
        """Every entity's interval that covers `day`, compact like `standings` but without its
        dates: (entity, status, since, condition, first holder), through the R-tree."""
        ordinal = dt.date.fromisoformat(day).toordinal()
        return self.conn.execute(
            "SELECT entity, status, since, condition, json_extract(holders, '$[0]') FROM standings WHERE rowid IN "
            "(SELECT id FROM standings_span WHERE first_day <= ? AND last_day >= ?)", [ordinal, ordinal]).fetchall()

    def entity_briefs(self) -> list[tuple[str, str, str, str | None, str | None]]:
        """(id, kind, English name, Japanese name, ISO numeric code) of every entity."""
        return self.conn.execute("SELECT key, kind, name_en, name_ja, json_extract(record, '$.iso_numeric') "
                                 "FROM entities ORDER BY key").fetchall()

    def regions(self) -> list[tuple[str, str]]:
        rows = self.conn.execute("SELECT DISTINCT un_region, un_subregion FROM entities ORDER BY 1, 2")
        return [(r[0], r[1]) for r in rows]

    def entities_by_key(self, keys: list[str]) -> list[tuple[str, str, int, str]]:
        """(entity id, kind of name, rank, key) for every name under any of `keys`."""
        marks = ", ".join("?" * len(keys))
        rows = self.conn.execute(f"SELECT entity_id, kind, min(rank), key FROM entity_names WHERE key IN ({marks}) "
                                 "GROUP BY entity_id, kind, key", keys)
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def name_keys(self) -> list[tuple[str, str, str]]:
        """(key, name, entity id) for every name: the vocabulary suggestions come from."""
        # CLDR's names in every language would crowd a typo's neighbours with look-alike words.
        rows = self.conn.execute("SELECT key, name, entity_id FROM entity_names "
                                 "WHERE kind NOT IN ('ambiguous', 'cldr')")
        return [(r[0], r[1], r[2]) for r in rows]

    def statements_of(self, entity_id: str) -> list[str]:
        """The ids of the general statements that cover one entity."""
        rows = self.conn.execute("SELECT statement_id FROM statement_partners WHERE entity_id = ? "
                                 "ORDER BY statement_id", (entity_id,))
        return [r[0] for r in rows]

    def citations(self) -> list[Record]:
        columns = ("record_type", "record_id", "source", "url", "work", "publisher", "title", "quote",
                   "locator", "language")
        rows = self.conn.execute(f"SELECT {', '.join(columns)} FROM citations")
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def synonyms(self, key: str) -> list[str]:
        """The other words of the synonym groups a word (by its key) belongs to."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT term FROM synonyms WHERE key = ?", (key,))]

    def search(self, query: str, types: list[str] | None = None, limit: int = 20, offset: int = 0,
               alternatives: Sequence[str] = ()) -> tuple[int, list[Record]]:
        """Ranked documents matching every term of `query`, or any of `alternatives` (other ways
        of saying the whole query); (total, one page of hits)."""
        expressions = [e for e in (match_query(q) for q in (query, *alternatives)) if e]
        expression = " OR ".join(f"({e})" for e in expressions) if expressions else None
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


def _columns(record_type: str) -> set[str]:
    return {c.name for c in BY_NAME[record_type].columns} | {"key"}


def _where(record_type: str, filters: Sequence[Filter], linked: Linked) -> tuple[str, list[Any]]:
    """The WHERE clause and its parameters: column filters, and links (one (role, value) or several, all required)."""
    known = _columns(record_type)
    where, params = ["1=1"], []
    for column, operator, value in filters:
        if column not in known:
            raise ValueError(f"{record_type} has no column {column!r}")
        where.append(_OPERATORS[operator].format(column))
        params.append(value)
    links = [] if not linked else [linked] if isinstance(linked[0], str) else list(linked)
    for role, value in links:
        where.append("key IN (SELECT record_key FROM links WHERE record_type = ? AND role = ? AND value = ?)")
        params += [record_type, role, value]
    return " AND ".join(where), params
