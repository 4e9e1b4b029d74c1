"""data/datapackage.json describes every file of data/, written from the registry, never by hand."""

import json
from pathlib import Path

from gaiko.datafiles import package

DATA = Path(__file__).parent.parent / "data"


def test_the_data_package_is_current() -> None:
    """`gaiko data package` rewrites it; a data file added without it fails here."""
    committed = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert committed == package.describe(DATA)


def test_every_data_file_is_a_resource() -> None:
    described = {r["path"] for r in package.describe(DATA)["resources"]}
    for path in DATA.rglob("*"):
        rel = path.relative_to(DATA).as_posix()
        if path.is_file() and rel not in ("datapackage.json", "LICENSE") and path.name != "README.md":
            assert rel in described, rel


def test_csv_fields_follow_the_header_with_the_models_types() -> None:
    resources = {r["path"]: r for r in package.describe(DATA)["resources"]}
    entities = resources["entities.csv"]["schema"]
    header = (DATA / "entities.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert [f["name"] for f in entities["fields"]] == header
    types = {f["name"]: f["type"] for f in entities["fields"]}
    assert types["cow_code"] == "integer" and types["name_en"] == "string"
    trade = {f["name"]: f["type"] for f in resources["evidence/cow_trade.csv"]["schema"]["fields"]}
    assert trade["japan_imports"] == "number" and trade["year"] == "integer"
    relations = [r for r in resources.values() if r["path"].startswith("relations/")]
    assert relations and all(r["type"] == "json" and r["jsonSchema"]["items"]["title"] == "RelationEvent"
                             for r in relations)
