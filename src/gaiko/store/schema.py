"""The database's tables: one per record type (from the registry), and the derived ones.

Each record is kept whole as JSON (the model's own shape) beside the columns that queries
filter or sort on. Built from data/ by `gaiko build`; never edited.
"""

from __future__ import annotations

from gaiko.registry import RECORD_TYPES, RecordType

SCHEMA_VERSION = "5"

DERIVED = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Every name, alias and code an entity can be looked up by, under each of its keys (see
-- gaiko.normalise); rank orders the kinds of name, 0 first (a lookup takes the best rank found).
CREATE TABLE entity_names (entity_id TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL,
                           rank INTEGER NOT NULL);
CREATE INDEX entity_names_key ON entity_names(key);
-- Search synonyms: a query word's key and every word of its group.
CREATE TABLE synonyms (key TEXT NOT NULL, term TEXT NOT NULL);
CREATE INDEX synonyms_key ON synonyms(key);
-- The entities each general statement covers.
CREATE TABLE statement_partners (statement_id TEXT NOT NULL, entity_id TEXT NOT NULL);
CREATE INDEX statement_partners_entity ON statement_partners(entity_id);
-- What a record mentions (a participant, a party, a holder, a theme), for "records about X".
CREATE TABLE links (record_type TEXT NOT NULL, record_key TEXT NOT NULL, role TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX links_value ON links(record_type, role, value);
-- Every citation of every record, flattened: for coverage and audits.
CREATE TABLE citations (
  record_type TEXT NOT NULL, record_id TEXT NOT NULL,
  source TEXT, url TEXT, work TEXT, publisher TEXT, title TEXT, quote TEXT, locator TEXT, language TEXT
);
CREATE INDEX citations_source ON citations(source);
-- Where each entity stood, and Japan's status, from `start` until `end` (exclusive; NULL: open).
CREATE TABLE standings (
  entity TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT,
  status TEXT NOT NULL, since TEXT, condition TEXT NOT NULL, holders TEXT NOT NULL,
  -- the interval as a row of a relations list (JSON), all but the day and the holders' own status;
  -- the columns above are what queries filter and join on
  view TEXT NOT NULL
);
CREATE INDEX standings_entity ON standings(entity, start);
-- The same intervals as day numbers in an R-tree: "which intervals contain day D" without a scan.
CREATE VIRTUAL TABLE standings_span USING rtree_i32(id, first_day, last_day);
"""


def record_table(rtype: RecordType) -> str:
    """CREATE statements for one record type's table and its indexes."""
    columns = "".join(f", {c.name} {c.sql}" for c in rtype.columns)
    unique = "UNIQUE " if rtype.unique else ""
    statements = [
        f"CREATE TABLE {rtype.collection} (key TEXT NOT NULL{columns}, file TEXT NOT NULL, line INTEGER NOT NULL, "
        "record TEXT NOT NULL)",
        f"CREATE {unique}INDEX {rtype.collection}_key ON {rtype.collection}(key)",
        *(f"CREATE INDEX {rtype.collection}_{c.name} ON {rtype.collection}({c.name})" for c in rtype.columns),
    ]
    return ";\n".join(statements) + ";\n"


# Lists of entities by name walk this index and stop at the page's end (see Store.relations_on).
ORDER_INDEXES = "CREATE INDEX entities_name_order ON entities(name_en, key);\n"


def ddl() -> str:
    """The whole schema."""
    return DERIVED + "".join(record_table(t) for t in RECORD_TYPES) + ORDER_INDEXES
