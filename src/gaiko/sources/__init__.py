"""One importer per upstream dataset. Importers write data/; they never touch the store."""

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any


def write_rows(path: Path, columns: list[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write a data/ CSV the way every importer does: UTF-8, header, LF line ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
