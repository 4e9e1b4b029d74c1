"""The full-text search index: one document per record, in English and Japanese.

Documents have four weighted columns (title, names, body, quotes); CJK text is indexed as
bigrams (see textindex). The original texts are kept unindexed for display.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from gaiko.datafiles import Dataset, iter_citations
from gaiko.store.textindex import index_text

SCHEMA = """
CREATE VIRTUAL TABLE search USING fts5(
  title, names, body, quotes,
  doc_type UNINDEXED, doc_id UNINDEXED, label_en UNINDEXED, label_ja UNINDEXED, text UNINDEXED, page UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
"""

Doc = tuple[str, str, str, str | None, list[str], str, list[str]]  # type, id, en, ja, names, body, quotes


def web_page(doc_type: str, doc_id: str, partner: str | None = None) -> str:
    """The explorer's page for a search hit."""
    if doc_type == "entity":
        return f"/country/{doc_id}"
    if doc_type in ("relation_event", "figure") and partner:
        return f"/country/{partner}"
    pages = {"timeline_event": "/timeline", "dispute": "/disputes", "work": "/sources",
             "narrative": "/timeline", "figure": "/figures"}
    return f"{pages.get(doc_type, '/')}#{doc_id}"


def _join(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p)


def _documents(ds: Dataset) -> Iterator[Doc]:
    names = {e.id: e for e in ds.entities}
    quotes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for kind, record in ds.cited_records():
        rid = getattr(record, "id", None) or f"{getattr(record, 'entity', '')}.{getattr(record, 'field', '')}"
        quotes[(kind, rid)] += [c.quote for c in iter_citations(record) if c.quote]

    def partner_names(ids: list[str]) -> list[str]:
        return [n for i in ids if i in names for n in (names[i].name_en, names[i].name_ja) if n]

    for e in ds.entities:
        all_names = [e.name_en, e.name_ja, e.official_name_en, e.official_name_ja, *e.aliases_en,
                     *e.aliases_ja, *e.former_names, e.id, e.iso2]
        yield ("entity", e.id, e.name_en, e.name_ja, [n for n in all_names if n],
               _join(e.kind.value.replace("_", " "), e.un_region, e.un_subregion), [])
    for ev in ds.relation_events:
        partner = names.get(ev.partner)
        title = f"{partner.name_en if partner else ev.partner}: {ev.type.value.replace('_', ' ')} {ev.date}"
        yield ("relation_event", ev.id, title, partner.name_ja if partner else None,
               partner_names([ev.partner]), _join(ev.instrument, ev.note), quotes[("relation_event", ev.id)])
    for t in ds.timeline:
        yield ("timeline_event", t.id, t.title_en, t.title_ja, partner_names(t.participants),
               _join(t.summary_en, " ".join(t.places), " ".join(th.value for th in t.themes)),
               quotes[("timeline_event", t.id)])
    for d in ds.disputes:
        yield ("dispute", d.id, d.title_en, d.title_ja, [n.name for n in d.names] + d.features,
               _join(d.description_en, *(p.summary_en for p in d.positions), *(ev.title_en for ev in d.events)),
               quotes[("dispute", d.id)])
    for f in ds.figures:
        yield ("figure", f.id, f.label_en, f.label_ja, partner_names(f.recipients),
               _join(f.basis, f.period, f.recipient_group, f.theme.value), quotes[("figure", f.id)])
    for w in ds.works:
        people = [f"{p.given or ''} {p.family}".strip() for p in [*w.authors, *w.editors]]
        yield ("work", w.id, w.title, None, people, _join(w.container_title, w.publisher, w.year, w.notes), [])
    for n in ds.narratives:
        yield ("narrative", n.id, n.text_en, None, partner_names(n.participants),
               _join(n.period, n.region), quotes[("narrative", n.id)])


def write_search(conn: sqlite3.Connection, ds: Dataset) -> int:
    """Create and fill the search table; return the number of documents."""
    conn.executescript(SCHEMA)
    partners = {e.id: e.partner for e in ds.relation_events}
    partners |= {f.id: f.recipients[0] for f in ds.figures if len(f.recipients) == 1}
    rows = []
    for doc_type, doc_id, label_en, label_ja, doc_names, body, doc_quotes in _documents(ds):
        title = _join(label_en, label_ja)
        text = json.dumps({"names": doc_names, "body": body, "quotes": doc_quotes}, ensure_ascii=False)
        rows.append((index_text(title), index_text(" | ".join(doc_names)), index_text(body),
                     index_text(" | ".join(doc_quotes)), doc_type, doc_id, label_en, label_ja, text,
                     web_page(doc_type, doc_id, partners.get(doc_id))))
    conn.executemany("INSERT INTO search VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("INSERT INTO search(search) VALUES ('optimize')")
    return len(rows)
