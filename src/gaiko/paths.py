"""Where gaiko finds its database: $GAIKO_DB, ./gaiko.db in a checkout, or the packaged one."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGED_DB = Path(__file__).parent / "_data" / "gaiko.db"


def default_db() -> Path:
    """The database to open when none is named."""
    if os.environ.get("GAIKO_DB"):
        return Path(os.environ["GAIKO_DB"])
    local = Path("gaiko.db")
    if local.is_file() or not PACKAGED_DB.is_file():
        return local
    return PACKAGED_DB
