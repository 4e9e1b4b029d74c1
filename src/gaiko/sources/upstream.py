"""Copy the upstream files gaiko uses from ../shared/data/raw into data/upstream/.

The project must build from a clone alone, so every upstream file an importer reads is kept
in data/upstream/<dataset>/ beside its PROVENANCE.md. Copies are byte-for-byte unless the
table below names a filter; a filter is documented in the dataset's UPSTREAM.md.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

Filter = Callable[[Path, Path], None]


def _japan_missions(src: Path, dest: Path) -> None:
    """Keep the missions Japan operates and the missions in Japan (semicolon CSV)."""
    with src.open(encoding="utf-8", newline="") as fin, dest.open("w", encoding="utf-8", newline="") as fout:
        reader = csv.reader(fin, delimiter=";")
        writer = csv.writer(fout, delimiter=";", lineterminator="\n")
        header = next(reader)
        writer.writerow(header)
        for row in reader:
            if row[0] == "Japan" or row[4] == "Japan":
                writer.writerow(row)


def _country_qids(src: Path, dest: Path) -> None:
    """Distinct (label, Wikidata QID) pairs of the operator and host-country columns."""
    pairs: set[tuple[str, str]] = set()
    with src.open(encoding="utf-8", newline="") as fin:
        reader = csv.reader(fin, delimiter=";")
        next(reader)
        for row in reader:
            for label, uri in ((row[0], row[1]), (row[4], row[5])):
                if label and uri:
                    pairs.add((label, uri.rsplit("/", 1)[-1]))
    with dest.open("w", encoding="utf-8", newline="") as fout:
        writer = csv.writer(fout, lineterminator="\n")
        writer.writerow(["label", "qid"])
        writer.writerows(sorted(pairs))


def _japan_wars(src: Path, dest: Path) -> None:
    """Keep the directed dyad-years of COW inter-state wars in which Japan is side 1."""
    with src.open(encoding="utf-8", newline="") as fin, dest.open("w", encoding="utf-8", newline="") as fout:
        reader = csv.DictReader(fin)
        writer = csv.DictWriter(fout, fieldnames=reader.fieldnames or [], lineterminator="\n")
        writer.writeheader()
        writer.writerows(row for row in reader if row["ccode1"] == "740")


# dataset -> [(file in raw/, file in data/upstream/, filter or None for a byte copy)]
FILES: dict[str, list[tuple[str, str, Filter | None]]] = {
    "cow-state-system": [("statelist2024.csv", "statelist2024.csv", None)],
    "cow-diplomatic-exchange": [
        ("diplomatic_exchange_2006v1_japan.csv", "diplomatic_exchange_2006v1_japan.csv", None)
    ],
    "un-member-states": [("un_members.json", "un_members.json", None)],
    "curated-seeds": [
        ("japan_diplomatic_relations_seed.csv", "japan_diplomatic_relations_seed.csv", None),
        ("japan_territorial_disputes_points.csv", "japan_territorial_disputes_points.csv", None),
    ],
    "cow-igo": [
        ("japan_igo_membership_spells.csv", "japan_igo_membership_spells.csv", None),
        ("igo_catalogue.csv", "igo_catalogue.csv", None),
    ],
    "peacesciencer": [
        ("cow_war_inter.csv", "cow_war_inter_japan.csv", _japan_wars),
        ("atop_alliance_japan.csv", "atop_alliance_japan.csv", None),
        ("cow_trade_ndy_japan.csv", "cow_trade_ndy_japan.csv", None),
        ("cow_capitals.csv", "cow_capitals.csv", None),
    ],
    "world-atlas": [("countries-50m.json", "countries-50m.json", None)],
    "us-office-of-historian": [
        ("visits_by_japanese_leaders_to_us.csv", "visits_by_japanese_leaders_to_us.csv", None),
        ("us_president_secretary_travels_to_japan.csv", "us_president_secretary_travels_to_japan.csv", None),
    ],
    # The seed article lives beside raw/ (shared/seed/); its PROVENANCE.md is gaiko's own.
    "../../seed": [("foreign-relations-of-japan.txt", "foreign-relations-of-japan.txt", None)],
    "database-of-embassies": [
        ("database_of_embassies.csv", "japan_missions.csv", _japan_missions),
        ("database_of_embassies.csv", "country_qids.csv", _country_qids),
    ],
}


def copy_upstream(raw_dir: Path, upstream_dir: Path) -> list[Path]:
    """Copy (or filter) each upstream file and its PROVENANCE.md; return the files written."""
    written: list[Path] = []
    for dataset, files in FILES.items():
        src_dir, dest_dir = raw_dir / dataset, upstream_dir / Path(dataset).name
        dest_dir.mkdir(parents=True, exist_ok=True)
        if (src_dir / "PROVENANCE.md").exists():
            shutil.copyfile(src_dir / "PROVENANCE.md", dest_dir / "PROVENANCE.md")
            written.append(dest_dir / "PROVENANCE.md")
        for src_name, dest_name, transform in files:
            if transform is None:
                shutil.copyfile(src_dir / src_name, dest_dir / dest_name)
            else:
                transform(src_dir / src_name, dest_dir / dest_name)
            written.append(dest_dir / dest_name)
    return written
