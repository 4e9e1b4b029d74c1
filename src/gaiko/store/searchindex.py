"""The full-text search index: one document per record, in English and Japanese.

Documents have four weighted columns (title, names, body, quotes); CJK text is indexed as
bigrams (see textindex). The original texts are kept unindexed for display.
"""

from __future__ import annotations

import json
import sqlite3

from gaiko.datafiles import Dataset
from gaiko.model import Entity
from gaiko.registry import RECORD_TYPES
from gaiko.store.textindex import index_text

SCHEMA = """
CREATE VIRTUAL TABLE search USING fts5(
  title, names, body, quotes,
  doc_type UNINDEXED, doc_id UNINDEXED, label_en UNINDEXED, label_ja UNINDEXED, text UNINDEXED, page UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
"""

def write_search(conn: sqlite3.Connection, ds: Dataset) -> int:
    """Create and fill the search table; return the number of documents."""
    conn.executescript(SCHEMA)
    names = {e.id: e for e in ds.of(Entity)}
    rows = []
    for rtype in RECORD_TYPES:
        builder = rtype.build_document
        if builder is None:
            continue
        for record in ds.records[rtype.name]:
            doc = builder(record, names)
            text = json.dumps({"names": doc.names, "body": doc.body, "quotes": doc.quotes}, ensure_ascii=False)
            title = " ".join(t for t in (doc.label_en, doc.label_ja) if t)
            rows.append((index_text(title), index_text(" | ".join(doc.names)), index_text(doc.body),
                         index_text(" | ".join(doc.quotes)), doc.type, doc.id, doc.label_en, doc.label_ja, text,
                         doc.page))
    conn.executemany("INSERT INTO search VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("INSERT INTO search(search) VALUES ('optimize')")
    return len(rows)
