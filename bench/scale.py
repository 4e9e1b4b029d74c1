"""Make K× gaiko's data, with realistic shapes, for the scale benchmark.

Copy c of every entity gets the id `<id>C<c>` (copy 0 keeps today's ids) and a name of its
own, with its relation events, statehood spells, successions, statements, COW exchange and
trade rows, missions, map points and timeline events, all with their citations and quotes;
holders and partners point into the same copy, Japan stays Japan. Disputes, figures, works,
sources and narratives are not multiplied (they do not grow with the number of states).
Usage: python bench/scale.py K OUT [--data data] [--depth D] (depth: D× events per entity).
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
from pathlib import Path
from typing import Any

import yaml

from gaiko.vocab import JAPAN_ID as SELF_ID

KEEP_AS_IS = ("sources.yaml", "disputes", "figures.yaml", "figures", "works.yaml", "narratives.yaml", "upstream",
              "LICENSE", "cow_code_map.csv", "evidence/cow_state_system.csv", "hosts.yaml", "search_synonyms.yaml",
              "ambiguous_names.yaml")


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """Keeps dates as strings, as gaiko does."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load(path: Path) -> list[dict[str, Any]]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or []


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared values out in full: gaiko refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(records: list[dict[str, Any]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(records, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(text, encoding="utf-8")


class Copy:
    def __init__(self, c: int, ids: set[str]) -> None:
        self.c, self.ids = c, ids

    def id(self, value: str) -> str:
        if self.c == 0 or value == SELF_ID or value not in self.ids:
            return value
        return f"{value}C{self.c}"

    def rid(self, value: str) -> str:
        return value if self.c == 0 else f"{value}-c{self.c}"

    def name(self, value: str | None) -> str | None:
        return value if self.c == 0 or value is None else f"{value} {self.c}"


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _write_rows(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def scale(data: Path, out: Path, k: int, depth: int = 1) -> None:
    """Write K copies of data/ into `out` (replaced)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in KEEP_AS_IS:
        src = data / name
        if src.is_dir():
            shutil.copytree(src, out / name)
        elif src.is_file():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, out / name)
    columns, entity_rows = _rows(data / "entities.csv")
    historical = {p.relative_to(data): _load(p) for p in [data / "historical_entities.yaml",
                                                          *sorted((data / "historical").glob("*.yaml"))]}
    ids = {r["id"] for r in entity_rows} | {e["id"] for records in historical.values() for e in records}
    copies = [Copy(c, ids) for c in range(k)]
    codes = ("iso2", "iso3", "iso_numeric", "cow_code", "cow_abbrev", "gw_code", "wikidata", "un_admission")
    rows = []
    for cp in copies:
        for row in entity_rows:
            new = {**row, "id": cp.id(row["id"]), "name_en": cp.name(row["name_en"]) or "",
                   "name_ja": cp.name(row["name_ja"]) or "", "official_name_en": cp.name(row["official_name_en"]) or "",
                   "official_name_ja": cp.name(row["official_name_ja"]) or ""}
            if cp.c:
                new.update({c: "" for c in codes} | {"aliases_en": "", "aliases_ja": "", "former_names": ""})
            rows.append(new)
    _write_rows(out / "entities.csv", columns, rows)
    for rel, records in historical.items():
        copied = []
        for cp in copies:
            for e in records:
                new = {**e, "id": cp.id(e["id"]), "name_en": cp.name(e["name_en"])}
                if e.get("name_ja"):
                    new["name_ja"] = cp.name(e["name_ja"])
                if e.get("successor"):
                    new["successor"] = cp.id(e["successor"])
                if cp.c:
                    for code in (*codes, "aliases_en", "aliases_ja", "former_names"):
                        new.pop(code, None)
                copied.append(new)
        _dump(copied, out / rel)
    _copy_yaml(data, out, "relations/*.yaml", copies, depth, _event)
    _copy_yaml(data, out, "statehood/*.yaml", copies, 1, _spell)
    _copy_yaml(data, out, "successions/*.yaml", copies, 1, _succession)
    _scale_statements(data, out, copies)
    _copy_yaml(data, out, "corrections.yaml", copies, 1, lambda r, cp, d: {**r, "entity": cp.id(r["entity"])})
    _copy_yaml(data, out, "timeline/*.yaml", copies, 1, _timeline)
    _copy_yaml(data, out, "names/*.yaml", copies, 1, _name)
    for path in sorted(data.glob("names/*.csv")):
        columns, source = _rows(path)
        _write_rows(out / path.relative_to(data), columns,
                    [{**row, "entity": cp.id(row["entity"]), "name": cp.name(row["name"]) or ""}
                     for cp in copies for row in source])
    evidence = (("evidence/cow_diplomatic_exchange.csv", ("partner",)), ("evidence/cow_trade.csv", ("partner",)),
                ("evidence/map_points.csv", ("entity",)), ("missions.csv", ("operator", "host")))
    for name, fields in evidence:
        columns, source = _rows(data / name)
        copied_rows = []
        for cp in copies:
            for row in source:
                new = {**row, **{f: cp.id(row[f]) for f in fields}}
                if name == "missions.csv" and cp.c:
                    new["id"] = f"{row['id']}{cp.c:03d}"
                copied_rows.append(new)
        _write_rows(out / name, columns, copied_rows)


def _copy_yaml(data: Path, out: Path, pattern: str, copies: list[Copy], depth: int, change: Any) -> None:
    for path in sorted(data.glob(pattern)):
        records = _load(path)
        _dump([change(r, cp, d) for cp in copies for d in range(depth) for r in records], out / path.relative_to(data))


def _depth_id(value: str, d: int) -> str:
    return value if d == 0 else f"{value}-d{d}"


def _event(r: dict[str, Any], cp: Copy, d: int) -> dict[str, Any]:
    new = {**r, "id": _depth_id(cp.rid(r["id"]), d), "partner": cp.id(r["partner"])}
    if d:  # deeper histories: the same kinds of events again, a century later each time
        new["type"] = "treaty"
        new.pop("starts_relations", None)
        new.pop("alternatives", None)
        new.pop("preferred_because", None)
    return new


def _spell(r: dict[str, Any], cp: Copy, d: int) -> dict[str, Any]:
    new = {**r, "id": cp.rid(r["id"]), "entity": cp.id(r["entity"]),
           "holders": [cp.id(h) for h in r.get("holders", [])]}
    if r.get("alternatives"):
        new["alternatives"] = [{**a, "holders": [cp.id(h) for h in a.get("holders", [])]} for a in r["alternatives"]]
    return new


def _succession(r: dict[str, Any], cp: Copy, d: int) -> dict[str, Any]:
    return {**r, "id": cp.rid(r["id"]), "predecessor": cp.id(r["predecessor"]), "successor": cp.id(r["successor"])}


def _scale_statements(data: Path, out: Path, copies: list[Copy]) -> None:
    """A statement about kinds of states covers every copy already: it is kept once, its lists
    widened; a statement about named partners is copied with them."""
    records = []
    for r in _load(data / "status_statements.yaml"):
        partners = r["partners"]
        if partners.get("kinds"):
            widened = {key: [cp.id(i) for cp in copies for i in partners.get(key, [])]
                       for key in ("include", "exclude")}
            records.append({**r, "partners": {**partners, **widened}})
            continue
        for cp in copies:
            records.append({**r, "id": cp.rid(r["id"]), "partners": {
                **partners, **{key: [cp.id(i) for i in partners.get(key, [])] for key in ("include", "exclude")}}})
    _dump(records, out / "status_statements.yaml")


def _name(r: dict[str, Any], cp: Copy, d: int) -> dict[str, Any]:
    return {**r, "entity": cp.id(r["entity"]), "name": cp.name(r["name"])}


def _timeline(r: dict[str, Any], cp: Copy, d: int) -> dict[str, Any]:
    return {**r, "id": cp.rid(r["id"]), "participants": [cp.id(p) for p in r.get("participants", [])]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("k", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--depth", type=int, default=1)
    args = parser.parse_args()
    scale(args.data, args.out, args.k, args.depth)


if __name__ == "__main__":
    main()
