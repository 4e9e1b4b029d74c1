"""gaiko (外交): a sourced, time-aware knowledge base of Japan's foreign relations.

    import gaiko
    kb = gaiko.open()                    # the database installed with gaiko, or ./gaiko.db
    kb.country("韓国")["status"]          # 'diplomatic'
    kb.status("China", datetime.date(1960, 1, 1))["status"]

Names are imported lazily, so that `gaiko --help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from gaiko.kb import KnowledgeBase, UnknownEntity
    from gaiko.model import Entity, RelationEvent
    from gaiko.vocab import Status

__all__ = ["Entity", "KnowledgeBase", "RelationEvent", "Status", "UnknownEntity", "open"]
_LAZY = {"KnowledgeBase": "gaiko.kb", "UnknownEntity": "gaiko.kb", "Entity": "gaiko.model",
         "RelationEvent": "gaiko.model", "Status": "gaiko.vocab"}


def open(path: str | Path | None = None) -> KnowledgeBase:  # noqa: A001 - the façade's verb, like sqlite3.connect
    """Open a built gaiko database read-only: `path`, or $GAIKO_DB, ./gaiko.db, or the one installed with gaiko."""
    from gaiko.kb import KnowledgeBase
    from gaiko.paths import default_db

    return KnowledgeBase(path if path is not None else default_db())


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'gaiko' has no attribute {name!r}")
