"""data/datapackage.yaml describes every file and every CSV column (habit: typed, described columns)."""

import csv
from pathlib import Path

import yaml

DATA = Path(__file__).parent.parent / "data"


def package() -> dict:
    return yaml.safe_load((DATA / "datapackage.yaml").read_text(encoding="utf-8"))


def test_every_data_file_is_described() -> None:
    described = [r["path"] for r in package()["resources"]]
    for path in DATA.rglob("*"):
        rel = path.relative_to(DATA).as_posix()
        if path.is_dir() or rel in ("datapackage.yaml", "LICENSE") or rel.endswith("README.md"):
            continue
        covered = any(
            rel == d or (d.endswith("/") and rel.startswith(d)) or (d.endswith("*.yaml") and Path(rel).match(d))
            for d in described
        )
        assert covered, f"{rel} is not in data/datapackage.yaml"


def test_every_csv_column_is_described_in_order() -> None:
    for resource in package()["resources"]:
        if resource.get("format") != "csv":
            continue
        with (DATA / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
