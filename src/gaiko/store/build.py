"""Build the SQLite file from a validated Dataset, atomically.

The new database is written beside the target, flushed to disk, and renamed over it only
once complete, so a failed or killed build leaves the previous database in place; the next
build removes what a killed one left behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from gaiko.datafiles import Dataset
from gaiko.model import (
    AmbiguousName,
    DiplomaticExchange,
    Entity,
    Name,
    RelationEvent,
    StatusStatement,
    SynonymGroup,
    TerritorySpell,
    iter_citations,
)
from gaiko.normalise import keys, name_key
from gaiko.registry import RECORD_TYPES
from gaiko.standing import Interval, relation_histories, standings
from gaiko.store.schema import SCHEMA_VERSION, ddl
from gaiko.store.searchindex import write_search
from gaiko.vocab import EntityKind

TEMP_GLOB = ".{name}.*.tmp"
OPEN_END = 2**31 - 1  # the last day of an open interval, as a day number


# The rank of each kind of name: an entity's own names and curated usage first, then the
# standards' names, then the names of datasets and former names.
_RANKS = {"cldr": 2, "iso": 2, "un": 2, "world_bank": 2, "imf": 2, "cow": 4, "gw": 4, "former": 4,
          "former_name": 4}


def name_rows(entities: list[Entity], names: list[Name], ambiguous: list[AmbiguousName],
              spells: list[TerritorySpell] = ()) -> list[tuple[Any, ...]]:  # type: ignore[assignment]
    """(entity, name, key, kind, rank) for every name under every key; a key that is not the
    name as written (words reordered, brackets dropped) ranks one lower. A territory's name in a
    spell (Basutoland, East Pakistan) is one of its former names."""
    found: dict[tuple[str, str], tuple[str, str, int]] = {}

    def add(entity_id: str, name: str, kind: str) -> None:
        base = _RANKS.get(kind, 0)
        exact = name_key(name)
        for key in keys(name):
            rank = base if key == exact else base + 1
            if (entity_id, key) not in found or found[(entity_id, key)][2] > rank:
                found[(entity_id, key)] = (name, kind, rank)

    for entity in entities:
        for name, kind in _names(entity):
            add(entity.id, name, kind)
    for other in names:
        add(other.entity, other.name, other.style.value)
    for spell in spells:
        for then in (spell.name_en, spell.name_ja):
            if then:
                add(spell.entity, then, "former")
    for many in ambiguous:
        for entity_id in many.entities:
            found[(entity_id, name_key(many.name))] = (many.name, "ambiguous", 0)
    return [(entity_id, name, key, kind, rank) for (entity_id, key), (name, kind, rank) in found.items()]


def _names(entity: Entity) -> list[tuple[str, str]]:
    names = [(entity.name_en, "name_en")]
    for value, kind in (
        (entity.name_ja, "name_ja"),
        (entity.official_name_en, "official_name_en"),
        (entity.official_name_ja, "official_name_ja"),
        (entity.iso2, "iso2"),
        (entity.iso_numeric, "iso_numeric"),
        (entity.cow_abbrev, "cow_abbrev"),
        (entity.wikidata, "wikidata"),
    ):
        if value:
            names.append((value, kind))
    names.append((entity.id, "id"))
    names += [(a, "alias_en") for a in entity.aliases_en]
    names += [(a, "alias_ja") for a in entity.aliases_ja]
    names += [(a, "former_name") for a in entity.former_names]
    if entity.cow_code is not None:
        names.append((str(entity.cow_code), "cow_code"))
    return names


def statement_members(statement: StatusStatement, entities: list[Entity]) -> list[str]:
    """The entity ids a general statement covers."""
    selector = statement.partners
    kinds = set(selector.kinds)
    chosen = {e.id for e in entities if e.kind in kinds}
    chosen |= set(selector.include)
    chosen -= set(selector.exclude)
    return sorted(chosen)


def _write(conn: sqlite3.Connection, ds: Dataset) -> None:
    conn.executescript(ddl())
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    for rtype in RECORD_TYPES:
        rows, links = [], []
        for record in ds.records[rtype.name]:
            key = rtype.key(record)
            text = record.model_dump_json(exclude_defaults=True)
            digest.update(text.encode())
            file, line = ds.where(record)
            rows.append((key, *(c.value(record) for c in rtype.columns), file, line, text))
            links += [(rtype.name, key, role, value) for role, values in rtype.links for value in values(record)]
        marks = ", ".join("?" * (len(rtype.columns) + 4))
        conn.executemany(f"INSERT INTO {rtype.collection} VALUES ({marks})", rows)
        conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", links)
        counts[rtype.collection] = len(rows)
    entities = ds.of(Entity)
    conn.executemany("INSERT INTO entity_names VALUES (?, ?, ?, ?, ?)",
                     name_rows(entities, ds.of(Name), ds.of(AmbiguousName), ds.of(TerritorySpell)))
    conn.executemany("INSERT INTO statement_partners VALUES (?, ?)",
                     [(s.id, eid) for s in ds.of(StatusStatement) for eid in statement_members(s, entities)])
    conn.executemany("INSERT INTO synonyms VALUES (?, ?)",
                     [(name_key(word), term) for group in ds.of(SynonymGroup) for word in group.terms
                      for term in group.terms if term != word])
    _write_standings(conn, ds, entities)
    citations = []
    for rtype in RECORD_TYPES:
        for record in ds.records[rtype.name]:
            key = rtype.key(record)
            citations += [(rtype.name, key, c.source, c.url, c.work, c.publisher, c.title, c.quote, c.locator,
                           c.language) for c in iter_citations(record)]
    conn.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", citations)
    counts["citations"] = len(citations)
    counts["search_documents"] = write_search(conn, ds)
    meta = {
        "schema_version": SCHEMA_VERSION,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "data_fingerprint": digest.hexdigest()[:16],
        "counts": json.dumps(counts),
        "entity_kinds": json.dumps([k.value for k in EntityKind]),
    }
    conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def _write_standings(conn: sqlite3.Connection, ds: Dataset, entities: list[Entity]) -> None:
    members: dict[str, list[StatusStatement]] = {}
    for statement in ds.of(StatusStatement):
        for entity_id in statement_members(statement, entities):
            members.setdefault(entity_id, []).append(statement)
    relations = relation_histories(entities, ds.of(RelationEvent), members, ds.of(DiplomaticExchange))
    by_id = {e.id: e for e in entities}
    rows = [(i.entity, i.start.isoformat(), i.end.isoformat() if i.end else None, i.status, i.since, i.condition,
             json.dumps(list(i.holders)), _relation_view(by_id[i.entity], i))
            for i in standings(entities, ds.of(TerritorySpell), relations)]
    conn.executemany(f"INSERT INTO standings VALUES ({', '.join('?' * 8)})", rows)
    spans = [(i + 1, dt.date.fromisoformat(row[1]).toordinal(),
              dt.date.fromisoformat(row[2]).toordinal() - 1 if row[2] else OPEN_END) for i, row in enumerate(rows)]
    conn.executemany("INSERT INTO standings_span VALUES (?, ?, ?)", spans)


def _relation_view(entity: Entity, interval: Interval) -> str:
    """The interval as a row of a relations list (gaiko.views.RelationRow), prepared once: at a
    query only the day and the status of each holder on it are filled in (`as_of` is null here,
    `territory.holders` a list of ids)."""
    spell = interval.spell
    territory = None if spell is None and interval.condition == "sovereign" else {
        "condition": interval.condition, "holders": list(interval.holders), "form": spell.form if spell else None,
        "name_en": spell.name_en if spell else None, "name_ja": spell.name_ja if spell else None,
        "since": str(spell.start) if spell and spell.start else None, "until": interval.spell_until,
        "spell": spell.id if spell else None, "contested": bool(spell and spell.alternatives)}
    return json.dumps({"id": entity.id, "name_en": entity.name_en, "name_ja": entity.name_ja, "kind": entity.kind,
                       "un_region": entity.un_region, "un_subregion": entity.un_subregion, "as_of": None,
                       "status": interval.status, "basis": interval.basis, "basis_id": interval.basis_id,
                       "since": interval.since, "never": interval.never, "note": interval.note,
                       "territory": territory}, ensure_ascii=False)


def _remove_leftovers(target: Path) -> None:
    """Temporary files of builds that were killed before they could clean up."""
    for stale in target.parent.glob(TEMP_GLOB.format(name=target.name)):
        pid = stale.name.rsplit(".", 2)[-2]
        if not pid.isdigit() or not _running(int(pid)):
            stale.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != os.getpid()


def build(dataset: Dataset, target: Path | str) -> Path:
    """Write the database for `dataset` to `target`, replacing it only on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(temp)
        # A private file renamed into place only when complete: no journal, no syncs until the end.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        try:
            with conn:
                _write(conn, dataset)
            conn.execute("VACUUM")
        finally:
            conn.close()
        with temp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        _fsync_folder(target.parent)
    finally:
        temp.unlink(missing_ok=True)
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: fsync the directory)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
