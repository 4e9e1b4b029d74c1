import datetime as dt

import pytest

from gaiko.kb import KnowledgeBase, UnknownEntity


@pytest.mark.parametrize("query", ["KOR", "kor", "KR", "410", "732", "South Korea", "Republic of Korea",
                                   "大韓民国", "韓国", "Korea, Republic of", "Q884"])
def test_every_code_and_name_finds_the_same_entity(kb: KnowledgeBase, query: str) -> None:
    assert kb.lookup(query)["id"] == "KOR"


def test_get_returns_none_and_lookup_raises_with_suggestions(kb: KnowledgeBase) -> None:
    assert kb.get("Kroea") is None
    with pytest.raises(UnknownEntity) as info:
        kb.lookup("Kroea")
    assert isinstance(info.value, LookupError)
    assert 1 <= len(info.value.suggestions) <= 5
    assert info.value.suggestions[0]["id"] in {"KOR", "PRK"}
    assert "did you mean" in str(info.value)


def test_cow_code_prefers_the_current_state(kb: KnowledgeBase) -> None:
    # COW codes Russia and the USSR alike (365).
    assert kb.lookup("365")["id"] == "RUS"
    assert kb.lookup("USSR")["id"] == "SUN"


def test_country_carries_status_events_and_sources(kb: KnowledgeBase) -> None:
    record = kb.country("KOR")
    assert record["status"] == "diplomatic"
    normalisation = next(e for e in record["events"] if e["type"] == "normalisation")
    assert normalisation["date"] == "1965-12-18"
    assert normalisation["date_precision"] == "day"
    assert all(c.get("url") and (c.get("quote") or c.get("locator")) for c in normalisation["citations"])


def test_registered_sources_are_expanded_into_openable_citations(kb: KnowledgeBase) -> None:
    record = kb.country("KOR")
    pycountry = next(c for c in record["citations"] if c.get("source") == "pycountry")
    assert pycountry["url"].startswith("https://")


def test_as_of_reaches_into_the_past(kb: KnowledgeBase) -> None:
    assert kb.country("CHN", dt.date(1960, 1, 1))["status"] == "severed"
    assert kb.country("CHN", dt.date(1973, 1, 1))["status"] == "diplomatic"
    taiwan = [kb.status("TWN", dt.date(y, 1, 1))["status"] for y in (1960, 1980)]
    assert taiwan == ["diplomatic", "unofficial"]


def test_relations_filters_and_rejects_unknown_values(kb: KnowledgeBase) -> None:
    rows = kb.relations(status="unofficial")
    assert [r["id"] for r in rows] == ["TWN"]
    assert {r["id"] for r in kb.relations(region="Eastern Asia")} == {"CHN", "KOR", "PRK", "TWN"}
    with pytest.raises(ValueError, match="unknown status"):
        kb.relations(status="friendly")
    with pytest.raises(ValueError, match="unknown region"):
        kb.relations(region="Atlantis")


def test_export_holds_every_record(kb: KnowledgeBase) -> None:
    import json

    document = kb.export()
    counts = {k: len(v) for k, v in document.items() if isinstance(v, list)}
    stored = json.loads(kb.meta["counts"])
    for table in ("entities", "relation_events", "diplomatic_exchange", "timeline_events", "disputes",
                  "figures", "missions", "trade", "works", "narratives"):
        assert counts[table] == stored[table], table
    assert counts["sources"] == len(kb.sources)


def test_export_as_of_leaves_out_later_events(kb: KnowledgeBase) -> None:
    import datetime as dt

    past = kb.export(dt.date(1960, 1, 1))
    assert all(e["date"] < "1961" for e in past["relation_events"])
    assert {r["id"]: r["status"] for r in past["relations"]}["CHN"] == "severed"
    assert len(past["relation_events"]) < len(kb.export()["relation_events"])
