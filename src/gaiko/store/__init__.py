"""The SQLite store: built from data/ in one go, then opened read-only. The only SQL in gaiko."""

from gaiko.store.build import build
from gaiko.store.read import Store

__all__ = ["Store", "build"]
