import datetime as dt
from pathlib import Path

from gaiko import datafiles
from gaiko.claims import check_claims
from gaiko.kb import KnowledgeBase
from gaiko.store.build import build


def test_claims_are_computed_from_the_data(project_kb: KnowledgeBase) -> None:
    results = {r["id"]: r for r in check_claims(project_kb)}
    un = results["un-members-but-north-korea"]
    members = [e for e in project_kb.entities() if e["kind"] == "un_member" and e["id"] != "PRK"]
    assert un["checked"] == len(members)
    assert results["north-korea"]["passed"]


def test_a_claim_fails_when_the_data_contradict_it(data_dir: Path, tmp_path: Path) -> None:
    # Sever relations with the Holy See in the fixture: the lead's claim must now fail.
    with (data_dir / "relations" / "fixture.yaml").open("a", encoding="utf-8") as handle:
        handle.write("""\
- id: vat-severance-2026
  partner: VAT
  type: severance
  date: "2026-01-01"
  citations:
    - url: https://example.org/test-only
      quote: test fixture
""")
    db = tmp_path / "g.db"
    build(datafiles.load(data_dir), db)
    kb = KnowledgeBase(db)
    results = {r["id"]: r for r in check_claims(kb, dt.date(2026, 6, 1))}
    assert not results["holy-see"]["passed"]
    assert results["holy-see"]["failures"] == [{"id": "VAT", "name_en": "Holy See", "status": "severed"}]
    kb.close()
