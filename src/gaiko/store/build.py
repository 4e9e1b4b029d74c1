"""Build the SQLite file from a validated Dataset, atomically.

The new database is written beside the target and renamed over it only once complete, so a
failed build leaves the previous database in place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

from gaiko.datafiles import Dataset, iter_citations
from gaiko.model import Entity, EntityKind, StatusStatement
from gaiko.store.searchindex import write_search
from gaiko.store.textindex import name_key

SCHEMA_VERSION = "1"


def _dump(record: Any) -> str:
    return json.dumps(record.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False)


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


def fingerprint(dataset: Dataset) -> str:
    """A hash of every record: it changes whenever the data do (used for ETags)."""
    digest = hashlib.sha256()
    for group in (dataset.sources, dataset.entities, dataset.relation_events,
                  dataset.status_statements, dataset.exchanges, dataset.state_spells,
                  dataset.timeline, dataset.disputes, dataset.figures, dataset.trade,
                  dataset.missions, dataset.works, dataset.narratives, dataset.coverage_notes,
                  dataset.map_points):
        for record in group:
            digest.update(_dump(record).encode())
    return digest.hexdigest()[:16]


def _write(conn: sqlite3.Connection, ds: Dataset) -> None:
    conn.executescript(resources.files("gaiko.store").joinpath("schema.sql").read_text())
    conn.executemany(
        "INSERT INTO sources VALUES (?, ?)", [(s.id, _dump(s)) for s in ds.sources]
    )
    for e in ds.entities:
        conn.execute(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e.id, e.kind.value, e.name_en, e.name_ja, e.iso2, e.iso_numeric, e.cow_code,
             e.un_region, e.un_subregion, _dump(e)),
        )
        conn.executemany(
            "INSERT INTO entity_names VALUES (?, ?, ?, ?)",
            [(e.id, name, name_key(name), kind) for name, kind in _names(e)],
        )
    for ev in ds.relation_events:
        file, line = ds.where(ev)
        conn.execute(
            "INSERT INTO relation_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ev.id, ev.partner, ev.type.value, str(ev.date), ev.date.earliest.isoformat(),
             ev.date.latest.isoformat(), file, line, _dump(ev)),
        )
    for st in ds.status_statements:
        conn.execute("INSERT INTO status_statements VALUES (?, ?)", (st.id, _dump(st)))
        conn.executemany(
            "INSERT INTO statement_partners VALUES (?, ?)",
            [(st.id, eid) for eid in statement_members(st, ds.entities)],
        )
    conn.executemany(
        "INSERT INTO diplomatic_exchange VALUES (?, ?, ?, ?, ?, ?)",
        [(x.partner, x.cow_code, x.year, x.level_partner_in_japan, x.level_japan_in_partner,
          int(x.exchange)) for x in ds.exchanges],
    )
    conn.executemany(
        "INSERT INTO corrections VALUES (?, ?)", [(c.entity, _dump(c)) for c in ds.corrections]
    )
    conn.executemany(
        "INSERT INTO state_system VALUES (?, ?, ?, ?, ?)",
        [(s.cow_code, s.cow_abbrev, s.name, str(s.start), str(s.end)) for s in ds.state_spells],
    )
    for t in ds.timeline:
        end = t.end_date or t.date
        conn.execute(
            "INSERT INTO timeline_events VALUES (?, ?, ?, ?, ?, ?)",
            (t.id, str(t.date), t.date.earliest.isoformat(), end.latest.isoformat(), t.region, _dump(t)),
        )
        conn.executemany(
            "INSERT INTO timeline_participants VALUES (?, ?)", [(t.id, p) for p in t.participants]
        )
        conn.executemany("INSERT INTO timeline_themes VALUES (?, ?)", [(t.id, th.value) for th in t.themes])
    for d in ds.disputes:
        conn.execute("INSERT INTO disputes VALUES (?, ?)", (d.id, _dump(d)))
        parties = sorted({*d.claimants, *d.other_parties, d.administered_by})
        conn.executemany("INSERT INTO dispute_parties VALUES (?, ?)", [(d.id, p) for p in parties])
    for f in ds.figures:
        conn.execute("INSERT INTO figures VALUES (?, ?)", (f.id, _dump(f)))
        parties = sorted({*f.recipients, *([f.donor] if f.donor else [])})
        conn.executemany("INSERT INTO figure_parties VALUES (?, ?)", [(f.id, p) for p in parties])
    conn.executemany(
        "INSERT INTO trade VALUES (?, ?, ?, ?, ?)",
        [(t.partner, t.cow_code, t.year, t.japan_imports, t.japan_exports) for t in ds.trade],
    )
    conn.executemany(
        "INSERT INTO missions VALUES (?, ?, ?, ?)",
        [(m.id, m.operator, m.host, _dump(m)) for m in ds.missions],
    )
    conn.executemany("INSERT INTO works VALUES (?, ?, ?)", [(w.id, w.entry, _dump(w)) for w in ds.works])
    conn.executemany("INSERT INTO narratives VALUES (?, ?)", [(n.id, _dump(n)) for n in ds.narratives])
    conn.executemany("INSERT INTO coverage_notes VALUES (?, ?)",
                     [(n.sentence_id, _dump(n)) for n in ds.coverage_notes])
    rows = []
    for kind, record in ds.cited_records():
        record_id = getattr(record, "id", None) or f"{record.entity}.{record.field}"  # type: ignore[attr-defined]
        for c in iter_citations(record):
            rows.append((kind, record_id, c.source, c.url, c.work, c.publisher, c.title, c.quote,
                         c.locator, c.language))
    conn.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO map_points VALUES (?, ?, ?, ?, ?)",
                     [(m.entity, m.lat, m.lon, m.basis, m.locator) for m in ds.map_points])
    documents = write_search(conn, ds)
    counts = {
        "entities": len(ds.entities),
        "relation_events": len(ds.relation_events),
        "status_statements": len(ds.status_statements),
        "diplomatic_exchange": len(ds.exchanges),
        "sources": len(ds.sources),
        "timeline_events": len(ds.timeline),
        "disputes": len(ds.disputes),
        "figures": len(ds.figures),
        "trade": len(ds.trade),
        "missions": len(ds.missions),
        "works": len(ds.works),
        "narratives": len(ds.narratives),
        "citations": len(rows),
        "search_documents": documents,
    }
    meta = {
        "schema_version": SCHEMA_VERSION,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "data_fingerprint": fingerprint(ds),
        "counts": json.dumps(counts),
        "entity_kinds": json.dumps([k.value for k in EntityKind]),
    }
    conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def build(dataset: Dataset, target: Path | str) -> Path:
    """Write the database for `dataset` to `target`, replacing it only on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(temp)
        try:
            with conn:
                _write(conn, dataset)
            conn.execute("VACUUM")
        finally:
            conn.close()
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target
