from pathlib import Path

import pytest

from gaiko import datafiles
from gaiko.audit import audit, first_start
from gaiko.kb import KnowledgeBase
from gaiko.store.build import build


@pytest.fixture
def audited(data_dir: Path, tmp_path: Path):
    """The fixture plus two known disagreements: a second claim for Korea, and Niue stripped of dates."""
    path = data_dir / "relations" / "fixture.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + """\
- id: kor-establishment-1965-claim
  partner: KOR
  type: establishment
  date: "1965-12-18"
  citations:
    - url: https://example.org/a
      quote: test fixture
  alternatives:
    - date: "1965-12-17"
      citations:
        - url: https://example.org/b
          quote: test fixture
  preferred_because: test fixture
""", encoding="utf-8")
    db = tmp_path / "a.db"
    build(datafiles.load(data_dir), db)
    kb = KnowledgeBase(db)
    yield audit(kb)
    kb.close()


def kinds(report, entity):
    return {f["kind"] for f in report["findings"] if f["entity"] == entity}


def test_conflicting_claims_are_listed_with_both_dates(audited) -> None:
    conflict = next(f for f in audited["findings"] if f.get("event") == "kor-establishment-1965-claim")
    assert conflict["kind"] == "conflicting_claims"
    assert conflict["dates"] == ["1965-12-18", "1965-12-17"]


def test_cow_representation_before_the_recorded_start(audited) -> None:
    # The fixture dates China's relations from 1972 only; COW shows legations before the war.
    finding = next(f for f in audited["findings"]
                   if f["entity"] == "CHN" and f["kind"] == "representation_before_establishment")
    assert 1935 in finding["years"]


def test_relations_without_a_dated_establishment(audited) -> None:
    # The fixture's United States record has a recognition (not marked as starting relations).
    assert "no_dated_establishment" in kinds(audited, "USA")
    assert "no_dated_establishment" not in kinds(audited, "KOR")


def test_summary_counts_match_the_findings(audited) -> None:
    summary = audited["summary"]
    assert sum(summary["findings"].values()) == len(audited["findings"])
    assert summary["dated_total"] == sum(summary["dated_start_of_relations"].values())
    assert summary["dated_total"] == sum(summary["start_dates_resting_on"].values())


def test_a_precise_start_within_a_coarse_one_dates_the_start() -> None:
    events = [{"id": "a", "type": "establishment", "date": "1962"},
              {"id": "b", "type": "recognition", "date": "1962-10-09", "starts_relations": True},
              {"id": "c", "type": "recognition", "date": "1962-03-01"},
              {"id": "d", "type": "establishment", "date": "1970-01-01"}]
    assert first_start(events)["id"] == "b"
    # An earlier start outside the coarse one's period is not overridden.
    assert first_start([*events, {"id": "e", "type": "establishment", "date": "1950"}])["id"] == "e"


def test_representation_while_the_events_say_relations_were_severed(data_dir: Path, tmp_path: Path) -> None:
    # A severance with no resumption: COW still sees envoys in the later snapshot years.
    (data_dir / "relations" / "extra.yaml").write_text("""\
- id: kor-severance-1990
  partner: KOR
  type: severance
  date: "1990-01-01"
  citations:
    - url: https://example.org/c
      quote: test fixture
""", encoding="utf-8")
    db = tmp_path / "b.db"
    build(datafiles.load(data_dir), db)
    kb = KnowledgeBase(db)
    try:
        report = audit(kb)
    finally:
        kb.close()
    finding = next(f for f in report["findings"] if f["kind"] == "representation_while_severed")
    assert finding["entity"] == "KOR"
    assert finding["years"] == [1990, 1995, 2000, 2005]
    assert report["summary"]["findings"]["representation_while_severed"] == 1


def test_no_representation_finding_while_relations_last(audited) -> None:
    # Korea's relations run from 1965 on, and COW sees envoys from 1965 on.
    assert "representation_while_severed" not in kinds(audited, "KOR")
