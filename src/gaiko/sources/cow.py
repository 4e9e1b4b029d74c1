"""Import Japan's rows of the COW Diplomatic Exchange data into data/evidence/.

COW codes name states by period (365 is Russia and the USSR alike), so each row is mapped to a
gaiko entity by data/cow_code_map.csv first, then by the entities' own `cow_code`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from gaiko.datafiles import ENTITIES_CSV, EXCHANGE_CSV, HISTORICAL_YAML, STATES_CSV

CODE_MAP_CSV = "cow_code_map.csv"
RAW_FILE = "cow-diplomatic-exchange/diplomatic_exchange_2006v1_japan.csv"
COLUMNS = ["partner", "cow_code", "year", "level_partner_in_japan", "level_japan_in_partner", "exchange"]


def _entity_codes(data_dir: Path) -> dict[int, str]:
    import yaml

    codes: dict[int, str] = {}
    with (data_dir / ENTITIES_CSV).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["cow_code"]:
                codes[int(row["cow_code"])] = row["id"]
    historical = yaml.safe_load((data_dir / HISTORICAL_YAML).read_text(encoding="utf-8")) or []
    for record in historical:
        if record.get("cow_code"):
            codes.setdefault(int(record["cow_code"]), record["id"])
    return codes


def _period_map(data_dir: Path) -> list[tuple[int, int, int, str]]:
    with (data_dir / CODE_MAP_CSV).open(encoding="utf-8", newline="") as handle:
        return [
            (int(r["cow_code"]), int(r["first_year"]), int(r["last_year"]), r["entity"])
            for r in csv.DictReader(handle)
        ]


def import_exchange(upstream: Path, data_dir: Path) -> tuple[int, list[int]]:
    """Write data/evidence/cow_diplomatic_exchange.csv; return rows written and codes skipped."""
    periods = _period_map(data_dir)
    by_code = _entity_codes(data_dir)
    written, skipped = [], set()
    with (upstream / RAW_FILE).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code, year = int(row["ccode2"]), int(row["year"])
            entity = next((e for c, a, b, e in periods if c == code and a <= year <= b), None)
            entity = entity or by_code.get(code)
            if entity is None:
                skipped.add(code)
                continue
            written.append({
                "partner": entity,
                "cow_code": code,
                "year": year,
                "level_partner_in_japan": row["DR_at_1"],
                "level_japan_in_partner": row["DR_at_2"],
                "exchange": "true" if row["DE"] == "1" else "false",
            })
    out = data_dir / EXCHANGE_CSV
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(written)
    return len(written), sorted(skipped)


STATES_FILE = "cow-state-system/statelist2024.csv"
STATE_COLUMNS = ["cow_code", "cow_abbrev", "name", "start", "end"]


def import_state_system(upstream: Path, data_dir: Path) -> int:
    """Write data/evidence/cow_state_system.csv (every spell, dates as ISO); return rows."""
    rows = []
    with (upstream / STATES_FILE).open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            start = f"{int(r['styear']):04d}-{int(r['stmonth']):02d}-{int(r['stday']):02d}"
            end = f"{int(r['endyear']):04d}-{int(r['endmonth']):02d}-{int(r['endday']):02d}"
            rows.append({"cow_code": r["ccode"], "cow_abbrev": r["stateabb"], "name": r["statenme"],
                         "start": start, "end": end})
    out = data_dir / STATES_CSV
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=STATE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
