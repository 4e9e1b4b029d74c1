"""The shipped data/: what a reader relies on when trusting a fact."""

from pathlib import Path

import pytest

from gaiko import datafiles
from gaiko.kb import KnowledgeBase
from gaiko.model import RelationEvent, Source
from gaiko.names import IsJapan, UnknownEntity

PROJECT_DATA = Path(__file__).parent.parent / "data"


def test_every_relation_event_has_an_openable_citation_with_a_quote() -> None:
    """Each claim has a citation a reader can open (a URL, a work, or a dataset with an address)
    and every citation says what it supports (a quote, or a locator in a dataset)."""
    dataset = datafiles.load(PROJECT_DATA)
    with_address = {s.id for s in dataset.of(Source) if s.url}
    for event in dataset.of(RelationEvent):
        for claim in [event, *event.alternatives]:
            assert any(c.url or c.work or c.source in with_address for c in claim.citations), event.id
            for citation in claim.citations:
                assert citation.quote or (citation.source and citation.locator), event.id


def test_every_entity_is_sourced_and_coded(project_kb: KnowledgeBase) -> None:
    for entity in project_kb.entities():
        assert entity["citations"], entity["id"]
        if entity["kind"] == "un_member":
            assert entity.get("iso2") and entity.get("un_admission"), entity["id"]


def test_the_special_cases(project_kb: KnowledgeBase) -> None:
    import datetime as dt

    assert project_kb.status("PRK")["status"] == "none"
    # Dated statements that there were no relations: the 1991 normalisation talks.
    talks = project_kb.status("PRK", dt.date(1995, 1, 1))
    assert (talks["status"], talks["basis"]) == ("none", "statement")
    assert project_kb.status("TWN")["status"] == "unofficial"
    assert project_kb.status("TWN", dt.date(1970, 1, 1))["status"] == "diplomatic"
    assert project_kb.status("CHN", dt.date(1960, 1, 1))["status"] != "diplomatic"
    assert project_kb.status("SUN")["status"] == "ended"
    assert project_kb.status("RUS")["status"] == "diplomatic"
    assert project_kb.status("XKX")["status"] == "diplomatic"
    pyongyang = [e for e in project_kb.events("PRK") if e["type"] == "declaration"]
    assert pyongyang and pyongyang[0]["date"].startswith("2002")


def test_the_lead_s_non_members_and_the_newest_state(project_kb: KnowledgeBase) -> None:
    import datetime as dt

    for partner in ("VAT", "COK", "NIU", "XKX"):
        assert project_kb.status(partner)["status"] == "diplomatic", partner
    # Palestine: working ties, not diplomatic relations.
    assert project_kb.status("PSE")["status"] == "unofficial"
    # The Cook Islands and Niue are recent: no relations before their establishment.
    assert project_kb.status("NIU", dt.date(2000, 1, 1))["status"] == "none"
    # The day before independence, South Sudan was part of Sudan: the status is Sudan's.
    before = project_kb.status("SSD", dt.date(2011, 7, 8))
    assert before["territory"]["condition"] == "part_of"
    assert [h["id"] for h in before["territory"]["holders"]] == ["SDN"]
    assert before["status"] == project_kb.status("SDN", dt.date(2011, 7, 8))["status"] == "diplomatic"
    assert project_kb.status("SSD", dt.date(2011, 7, 10))["status"] == "diplomatic"


def test_successor_states_and_the_war_years(project_kb: KnowledgeBase) -> None:
    import datetime as dt

    for gone in ("SUN", "YUG", "CSK", "DDR"):
        assert project_kb.status(gone)["status"] == "ended", gone
    assert project_kb.status("CSK", dt.date(1960, 1, 1))["status"] == "diplomatic"
    assert project_kb.status("USA", dt.date(1943, 1, 1))["status"] == "severed"
    resumed = project_kb.status("USA", dt.date(1953, 1, 1))
    assert (resumed["status"], resumed["since"]) == ("diplomatic", "1952-04-28")


@pytest.mark.parametrize("name", ["Japan", "日本", "Japon", "Giappone", "Япония", "JPN", "jpn"])
def test_japan_by_any_name_is_named_as_the_subject_not_taken_for_a_typo(project_kb: KnowledgeBase,
                                                                        name: str) -> None:
    with pytest.raises(IsJapan) as info:
        project_kb.lookup(name)
    assert info.value.suggestions == [] and "gaiko is about Japan's relations" in str(info.value)


def test_a_typo_of_japan_suggests_japan_first(project_kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownEntity) as info:
        project_kb.lookup("Japn")
    assert not isinstance(info.value, IsJapan)
    assert info.value.suggestions[0] == {"id": "JPN", "name_en": "Japan", "name_ja": "日本"}
    # Korea is not Japan: its own names and typos are unaffected.
    assert project_kb.entity_id("Korea, Republic of") == "KOR"
