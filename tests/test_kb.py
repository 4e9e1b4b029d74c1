import datetime as dt
import functools
import json
from contextlib import closing

import pytest

from conftest import FIXTURE, database
from gaiko import datafiles
from gaiko.dates import InvalidQuery
from gaiko.hosts import host_of
from gaiko.kb import KnowledgeBase, UnknownEntity, check_choice, with_precision
from gaiko.model import iter_citations
from gaiko.vocab import REGIONS, EventType, Status


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# -- finding entities


@pytest.mark.parametrize("query", ["KOR", "kor", "KR", "410", "732", "South Korea", "Republic of Korea",
                                   "大韓民国", "韓国", "Korea, Republic of", "Q884"])
def test_every_code_and_name_finds_the_same_entity(kb: KnowledgeBase, query: str) -> None:
    assert kb.lookup(query)["id"] == "KOR"
    assert kb.entity_id(query) == "KOR"


def test_get_returns_none_and_lookup_raises_with_suggestions(kb: KnowledgeBase) -> None:
    assert kb.get("Kroea") is None
    assert kb.get("South Korea")["id"] == "KOR"
    with pytest.raises(UnknownEntity) as info:
        kb.lookup("Kroea")
    assert isinstance(info.value, LookupError)
    assert 1 <= len(info.value.suggestions) <= 5
    assert info.value.suggestions[0]["id"] in {"KOR", "PRK"}
    assert "did you mean" in str(info.value)
    assert [s["id"] for s in kb.suggest("Kroea")][:2] == [s["id"] for s in info.value.suggestions][:2]


def test_cow_code_prefers_the_current_state(kb: KnowledgeBase) -> None:
    # COW codes Russia and the USSR alike (365).
    assert kb.lookup("365")["id"] == "RUS"
    assert kb.lookup("USSR")["id"] == "SUN"


def test_an_entity_carries_its_sources_and_date_precisions(kb: KnowledgeBase) -> None:
    korea = kb.lookup("KOR")
    assert (korea["un_admission"], korea["un_admission_precision"]) == ("1991-09-17", "day")
    pycountry = next(c for c in korea["citations"] if c.get("source") == "pycountry")
    assert pycountry == {"source": "pycountry", "locator": "alpha_3=KOR",
                         "url": "https://pypi.org/project/pycountry/26.2.16/",
                         "publisher": "pycountry contributors / Debian iso-codes",
                         "title": "pycountry, ISO 3166-1 data and iso-codes translations (ja locale)"}
    assert "un_admission_precision" not in kb.lookup("NIU")


def test_entities_by_region_and_kind(kb: KnowledgeBase) -> None:
    assert [e["id"] for e in kb.entities()] == ["CHN", "VAT", "IND", "NIU", "PRK", "RUS", "KOR", "SUN", "TWN",
                                                "THA", "USA"]
    assert [e["id"] for e in kb.entities(region="asia")] == ["CHN", "IND", "PRK", "KOR", "TWN", "THA"]
    assert [e["id"] for e in kb.entities(region="Eastern Asia")] == ["CHN", "PRK", "KOR", "TWN"]
    assert [e["id"] for e in kb.entities(kind="un_observer")] == ["VAT"]
    assert [e["id"] for e in kb.entities(region="Asia", kind="non_member_state")] == ["TWN"]
    assert kb.entities(kind="un_member")[0]["un_admission_precision"] == "day"
    assert kb.entities()[0]["citations"][0]["url"] == "https://pypi.org/project/country-converter/1.3.2/"


def test_unknown_kinds_and_regions_say_what_is_known(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidQuery, match="^unknown kind 'empire'; use one of: un_member, un_observer, "
                                           "non_member_state, historical_state, territory$"):
        kb.entities(kind="empire")
    with pytest.raises(InvalidQuery, match="^unknown region 'Atlantis'; use one of: Americas, Asia, Eastern Asia, "
                                           "Eastern Europe, Europe, Northern America, Oceania, Polynesia, "
                                           "South-eastern Asia, Southern Asia, Southern Europe$"):
        kb.entities(region="Atlantis")


def test_regions_are_pairs_of_region_and_subregion(kb: KnowledgeBase) -> None:
    assert kb.regions() == [("Americas", "Northern America"), ("Asia", "Eastern Asia"), ("Asia", "South-eastern Asia"),
                            ("Asia", "Southern Asia"), ("Europe", "Eastern Europe"), ("Europe", "Southern Europe"),
                            ("Oceania", "Polynesia")]


def test_check_choice_names_the_valid_values() -> None:
    check_choice("status", None, Status)
    check_choice("status", "severed", Status)
    check_choice("type", "b", ["a", "b"])
    with pytest.raises(InvalidQuery, match="^unknown type 'c'; use one of: a, b$"):
        check_choice("type", "c", ["a", "b"])
    with pytest.raises(ValueError, match="^unknown event type 'war'; use one of: recognition, establishment, "):
        check_choice("event type", "war", EventType)


def test_with_precision_adds_the_precision_of_each_date_given() -> None:
    record = {"date": "1965-06", "end_date": "1970", "other": "1965", "empty": None}
    assert with_precision(record, "date", "end_date", "empty") == {**record, "date_precision": "month",
                                                                   "end_date_precision": "year"}
    assert "date_precision" not in record


def test_meta_sources_and_vocabularies(kb: KnowledgeBase) -> None:
    assert set(kb.meta) >= {"schema_version", "built_at", "data_fingerprint", "counts"}
    assert json.loads(kb.meta["counts"])["entities"] == 11
    assert sorted(kb.sources) == ["country-converter", "cow-diplomatic-exchange", "cow-states", "database-of-embassies",
                                  "mofa-world", "pycountry", "seed-article", "un-members"]
    assert kb.sources["mofa-world"]["publisher"] == "Ministry of Foreign Affairs of Japan"
    vocabularies = KnowledgeBase.vocabularies()
    assert {"value": "severed", "en": "Relations severed", "ja": "断交"} in vocabularies["status"]


# -- status and history


def test_as_of_reaches_into_the_past(kb: KnowledgeBase) -> None:
    assert kb.country("CHN", dt.date(1960, 1, 1))["status"] == "severed"
    assert kb.country("CHN", dt.date(1973, 1, 1))["status"] == "diplomatic"
    taiwan = [kb.status("TWN", dt.date(y, 1, 1))["status"] for y in (1960, 1980)]
    assert taiwan == ["diplomatic", "unofficial"]


def test_status_of_a_state_without_statehood_records(kb: KnowledgeBase) -> None:
    assert kb.status("Republic of Korea", day("1970-01-01")) == {
        "id": "KOR", "as_of": "1970-01-01", "status": "diplomatic", "basis": "event",
        "basis_id": "kor-normalisation-1965", "since": "1965-12-18", "never": False, "note": None,
        "territory": None}
    assert kb.status("KOR", day("1960-01-01"))["never"] is True
    today = kb.status("PRK")
    assert (today["as_of"], today["status"], today["basis"]) == (dt.date.today().isoformat(), "none", "statement")


def test_status_of_a_territory_of_japan(world: KnowledgeBase) -> None:
    assert world.status("KOR", day("1930-01-01")) == {
        "id": "KOR", "as_of": "1930-01-01", "status": "japan", "basis": "statehood", "basis_id": "kor-japan-1910",
        "since": "1910-08-29", "never": False, "note": "annexed territory (Government-General of Korea)",
        "territory": {"condition": "part_of",
                      "holders": [{"id": "JPN", "name_en": "Japan", "name_ja": "日本", "status": None, "since": None}],
                      "form": "annexed territory (Government-General of Korea)", "name_en": "Chōsen", "name_ja": "朝鮮",
                      "since": "1910-08-29", "until": "1945-09-08", "spell": "kor-japan-1910", "contested": False}}


def test_status_with_the_state_that_held_the_territory(world: KnowledgeBase) -> None:
    occupied = world.status("KOR", day("1946-01-01"))
    assert (occupied["status"], occupied["basis_id"], occupied["since"]) == ("severed", "usa-severance-1941",
                                                                             "1941-12-08")
    assert occupied["territory"] == {
        "condition": "occupied",
        "holders": [{"id": "USA", "name_en": "United States", "name_ja": "米国", "status": "severed",
                     "since": "1941-12-08"}],
        "form": "United States Army Military Government in Korea", "name_en": None, "name_ja": None,
        "since": "1945-09-08", "until": "1948-08-15", "spell": "kor-occupied-1945", "contested": False}
    # The holder's own status on that day, read from its own standing.
    india = world.status("IND", day("1945-01-01"))
    assert india["territory"]["holders"] == [{"id": "GBR", "name_en": "United Kingdom", "name_ja": "英国",
                                              "status": "severed", "since": "1941-12-08"}]
    assert (india["territory"]["since"], india["territory"]["until"]) == (None, "1947-08-15")
    russia = world.status("RUS", day("1950-01-01"))
    assert russia["territory"]["holders"][0]["id"] == "SUN"
    assert russia["territory"]["name_en"] == "Russian SFSR"


def test_status_outside_the_state_system_before_and_after_a_state(world: KnowledgeBase) -> None:
    holy_see = world.status("VAT", day("1900-01-01"))
    assert (holy_see["status"], holy_see["note"]) == ("no_state", "no state of the day's state system held the "
                                                                  "territory")
    assert holy_see["territory"]["condition"] == "outside_state_system"
    assert (holy_see["territory"]["holders"], holy_see["territory"]["until"]) == ([], "1929-02-11")
    before = world.status("SUN", day("1900-01-01"))
    assert (before["status"], before["note"], before["territory"]["condition"]) == (
        "no_state", "the state did not yet exist", "not_yet_a_state")
    after = world.status("SUN", day("2000-01-01"))
    assert (after["status"], after["basis_id"], after["territory"]["condition"]) == (
        "ended", "sun-state_dissolved-1991", "ended")


def test_relations_as_of_a_day_filters_and_rejects_unknown_values(kb: KnowledgeBase) -> None:
    rows = kb.relations(status="unofficial")
    assert [r["id"] for r in rows] == ["TWN"]
    assert {r["id"] for r in kb.relations(region="Eastern Asia")} == {"CHN", "KOR", "PRK", "TWN"}
    past = kb.relations(dt.date(1960, 1, 1))
    assert [(r["id"], r["status"]) for r in past] == [
        ("CHN", "severed"), ("VAT", "diplomatic"), ("IND", "unknown"), ("NIU", "none"), ("PRK", "unknown"),
        ("RUS", "diplomatic"), ("KOR", "none"), ("SUN", "diplomatic"), ("TWN", "diplomatic"), ("THA", "unknown"),
        ("USA", "diplomatic")]
    assert past[0] == {"id": "CHN", "name_en": "China", "name_ja": "中国", "kind": "un_member", "un_region": "Asia",
                       "un_subregion": "Eastern Asia", "as_of": "1960-01-01", "status": "severed", "basis": "event",
                       "basis_id": "chn-severance-1941", "since": "1941-12-09", "never": False, "note": None,
                       "territory": None}
    assert [r["id"] for r in kb.relations(dt.date(1960, 1, 1), status="severed", region="asia")] == ["CHN"]
    with pytest.raises(ValueError, match="unknown status"):
        kb.relations(status="friendly")
    with pytest.raises(ValueError, match="unknown region"):
        kb.relations(region="Atlantis")


def test_relations_are_with_the_states_of_the_day_unless_territories_are_asked(world: KnowledgeBase) -> None:
    states = world.relations(dt.date(1930, 1, 1))
    assert [(r["id"], r["status"]) for r in states] == [
        ("AUT", "diplomatic"), ("CHN", "diplomatic"), ("VAT", "none"), ("XYK", "diplomatic"), ("NLD", "diplomatic"),
        ("ZAF", "unknown"), ("SUN", "diplomatic"), ("THA", "unknown"), ("GBR", "diplomatic"), ("USA", "recognised")]
    everything = world.relations(dt.date(1930, 1, 1), territories=True)
    assert len(everything) == 19
    korea = next(r for r in everything if r["id"] == "KOR")
    assert (korea["status"], korea["territory"]["condition"]) == ("japan", "part_of")


def test_relations_and_status_agree_on_every_territory(world: KnowledgeBase) -> None:
    # A list of the day's relations looks its holders up together; each row says what the
    # entity's own status says.
    for day_ in (dt.date(1930, 1, 1), dt.date(1946, 1, 1), dt.date(1950, 1, 1)):
        for row in world.relations(day_, territories=True):
            single = world.status(row["id"], day_)
            assert {k: row[k] for k in single if k != "id"} == {k: v for k, v in single.items() if k != "id"}
    korea = next(r for r in world.relations(dt.date(1930, 1, 1), territories=True) if r["id"] == "KOR")
    assert korea["territory"]["holders"] == [{"id": "JPN", "name_en": "Japan", "name_ja": "日本", "status": None,
                                              "since": None}]


def test_relations_page_by_page(world: KnowledgeBase) -> None:
    total, page = world.relations_page(dt.date(1930, 1, 1), territories=True, limit=3, offset=2)
    assert total == 19
    # By English name: Austria, China, Federal Republic of Yugoslavia, Holy See, India …
    assert [r["id"] for r in page] == ["XFR", "VAT", "IND"]
    assert world.relations(dt.date(1930, 1, 1), territories=True, limit=2) == \
        world.relations(dt.date(1930, 1, 1), territories=True)[:2]
    total, page = world.relations_page(dt.date(1930, 1, 1), status="japan", territories=True)
    assert (total, [r["id"] for r in page]) == (3, ["PRK", "KOR", "TWN"])
    assert [r["id"] for r in world.relations(dt.date(1930, 1, 1), territories=True, limit=2, offset=2)] == [
        "XFR", "VAT"]
    # By default the states of the day, from the first.
    total, page = world.relations_page(dt.date(1930, 1, 1))
    assert (total, page[0]["id"]) == (10, "AUT")
    assert [r["id"] for r in world.relations_page(dt.date(1930, 1, 1), limit=2)[1]] == ["AUT", "CHN"]


@pytest.mark.parametrize(("region", "kind"), [(None, None), ("Asia", None), ("eastern asia", None),
                                               (None, "historical_state"), ("Europe", "historical_state")])
def test_entities_page_by_page(world: KnowledgeBase, region: str | None, kind: str | None) -> None:
    every = world.entities(region, kind)
    assert every, "each case selects some entities"
    for limit, offset in ((2, 0), (2, 1), (500, 0), (3, len(every) - 1), (None, 1)):
        total, page = world.entities_page(region, kind, limit, offset)
        assert total == len(every)
        assert page == every[offset:None if limit is None else offset + limit]


def test_entities_page_rejects_what_entities_rejects(world: KnowledgeBase) -> None:
    with pytest.raises(InvalidQuery, match="unknown region"):
        world.entities_page(region="Atlantis")
    with pytest.raises(InvalidQuery, match="^unknown kind 'planet'"):
        world.entities_page(kind="planet")


def test_entities_page_starts_at_the_first(world: KnowledgeBase) -> None:
    assert world.entities_page(limit=2) == (len(world.entities()), world.entities()[:2])


def test_relations_default_to_today(kb: KnowledgeBase) -> None:
    assert {r["as_of"] for r in kb.relations()} == {dt.date.today().isoformat()}
    assert kb.relations_page()[0] == 11


def test_the_whole_status_history(world: KnowledgeBase) -> None:
    history = world.status_history()
    assert history["fields"] == ["start", "end", "status", "since", "condition", "holder"]
    assert history["entities"]["KOR"] == [
        ["0001-01-01", "1910-08-29", "none", None, "sovereign", None],
        ["1910-08-29", "1945-09-08", "japan", "1910-08-29", "part_of", "JPN"],
        ["1945-09-08", "1948-08-15", "severed", "1941-12-08", "occupied", "USA"],
        ["1948-08-15", "1965-12-18", "none", None, "sovereign", None],
        ["1965-12-18", None, "diplomatic", "1965-12-18", "sovereign", None]]
    assert len(history["entities"]) == 19


def test_statuses_on_a_day_are_the_status_historys_intervals_of_that_day(world: KnowledgeBase) -> None:
    # What the server's map colours with must be what the browser reads from the whole history.
    history = world.status_history()["entities"]
    days = [dt.date(1910, 8, 28), dt.date(1910, 8, 29), dt.date(1945, 9, 7), dt.date(1945, 9, 8),
            dt.date(1965, 12, 18), dt.date(1855, 1, 1), dt.date.today()]
    for day_ in days:
        iso = day_.isoformat()
        expected = {entity: {"status": status, "since": since, "condition": condition, "holder": holder}
                    for entity, intervals in history.items()
                    for start, end, status, since, condition, holder in intervals
                    if start <= iso and (end is None or iso < end)}
        assert world.statuses_on(day_) == expected, iso
    assert world.statuses_on(dt.date(1930, 1, 1))["KOR"] == {"status": "japan", "since": "1910-08-29",
                                                             "condition": "part_of", "holder": "JPN"}


def test_map_entities_are_every_entity_with_its_iso_numeric_code(world: KnowledgeBase) -> None:
    rows = world.map_entities()
    assert [r["id"] for r in rows] == sorted(e["id"] for e in world.entities())
    korea = next(r for r in rows if r["id"] == "KOR")
    assert korea == {"id": "KOR", "kind": world.get("KOR")["kind"], "name_en": "South Korea",
                     "name_ja": world.get("KOR")["name_ja"], "iso_numeric": world.get("KOR")["iso_numeric"]}
    assert korea["iso_numeric"] == "410"


def test_a_holders_status_is_the_one_of_the_day(world: KnowledgeBase) -> None:
    # The holder of occupied Korea on 1946-01-01 is the United States, with its status that day.
    korea = next(r for r in world.relations(dt.date(1946, 1, 1), territories=True) if r["id"] == "KOR")
    (holder,) = korea["territory"]["holders"]
    usa = world.status("USA", dt.date(1946, 1, 1))
    assert holder == {"id": "USA", "name_en": world.get("USA")["name_en"], "name_ja": world.get("USA")["name_ja"],
                      "status": usa["status"], "since": usa["since"]}


# -- one entity in full


def test_country_carries_status_events_and_sources(kb: KnowledgeBase) -> None:
    record = kb.country("KOR")
    assert record["status"] == "diplomatic"
    assert record["as_of"] == dt.date.today().isoformat()
    normalisation = next(e for e in record["events"] if e["type"] == "normalisation")
    assert normalisation["date"] == "1965-12-18"
    assert normalisation["date_precision"] == "day"
    assert all(c.get("url") and (c.get("quote") or c.get("locator")) for c in normalisation["citations"])
    assert [x["year"] for x in record["diplomatic_exchange"]][:2] == [1955, 1960]
    assert record["statements"][0]["id"] == "mofa-recognised-195"
    assert record["statements"][0]["citations"][0]["url"] == "https://www.mofa.go.jp/mofaj/area/world.html"
    assert (record["spells"], record["chain"]) == ([], [])


def test_registered_sources_are_expanded_into_openable_citations(kb: KnowledgeBase) -> None:
    record = kb.country("KOR")
    pycountry = next(c for c in record["citations"] if c.get("source") == "pycountry")
    assert pycountry["url"].startswith("https://")


def test_country_as_of_a_day(kb: KnowledgeBase) -> None:
    record = kb.country("VAT", dt.date(1945, 6, 1))
    assert (record["as_of"], record["status"]) == ("1945-06-01", "unknown")  # the 1945 suspension undecided
    assert [e["id"] for e in record["events"]] == ["vat-establishment-1942", "vat-suspension-1945"]
    # General statements are listed whatever the day: each says from when it applies.
    assert [s["id"] for s in record["statements"]] == ["mofa-recognised-195"]


def test_country_with_spells_and_chain(world: KnowledgeBase) -> None:
    record = world.country("RUS", dt.date(1950, 1, 1))
    assert [s["id"] for s in record["spells"]] == ["rus-empire", "rus-soviet-1922", "rus-federation-1991"]
    assert record["spells"][0]["citations"][0]["url"] == "https://correlatesofwar.org/data-sets/state-system-membership/"
    assert [link["id"] for link in record["chain"]] == ["sun-rus-1991"]
    assert record["territory"]["condition"] == "part_of"


def test_events_in_date_order_as_of_a_day(kb: KnowledgeBase) -> None:
    assert [(e["id"], e["date_precision"]) for e in kb.events("Holy See")] == [
        ("vat-establishment-1942", "year"), ("vat-suspension-1945", "year"), ("vat-resumption-1952", "year"),
        ("vat-upgrade-1958", "year")]
    # An event known to the year counts from its first day.
    assert [e["id"] for e in kb.events("VAT", dt.date(1945, 1, 1))] == ["vat-establishment-1942",
                                                                        "vat-suspension-1945"]
    assert [e["id"] for e in kb.events("VAT", dt.date(1944, 12, 31))] == ["vat-establishment-1942"]


def test_chain_of_succession(world: KnowledgeBase) -> None:
    assert world.chain("RUS") == [{
        "id": "sun-rus-1991", "predecessor": {"id": "SUN", "name_en": "Soviet Union", "name_ja": "ソビエト連邦"},
        "successor": {"id": "RUS", "name_en": "Russia", "name_ja": "ロシア連邦"}, "date": "1991-12-26",
        "kind": "continuation"}]
    # Kosovo's territory was held by both Yugoslavias in turn: the links between its holders.
    assert [link["id"] for link in world.chain("Kosovo")] == ["xyk-yug-1945", "yug-xfr-1992"]
    assert [link["id"] for link in world.chain("YUG")] == ["xyk-yug-1945", "yug-xfr-1992"]
    # Not the SFRY's own successor: only the links that touch the kingdom.
    assert [link["id"] for link in world.chain("XYK")] == ["xyk-yug-1945"]
    assert world.chain("KOR") == []


# -- relation events across partners


def test_relation_events_by_partner_type_and_period(kb: KnowledgeBase) -> None:
    assert [e["id"] for e in kb.relation_events(partner="United States")] == [
        "usa-recognition-1854", "usa-severance-1941", "usa-resumption-1952"]
    assert [e["id"] for e in kb.relation_events(type="severance")] == [
        "usa-severance-1941", "chn-severance-1941", "sun-severance-1945", "twn-severance-1972"]
    assert [e["id"] for e in kb.relation_events(start=dt.date(1972, 1, 1), end=dt.date(1972, 12, 31))] == [
        "chn-normalisation-1972", "twn-severance-1972", "twn-unofficial_relations-1972",
        "twn-unofficial_relations-1972-2"]
    # A period overlaps an event known to the year.
    assert [e["id"] for e in kb.relation_events(start=dt.date(1958, 6, 1), end=dt.date(1958, 6, 1))] == [
        "vat-upgrade-1958"]
    assert [e["id"] for e in kb.relation_events(start=dt.date(2015, 8, 4))] == ["niu-establishment-2015"]
    assert [e["id"] for e in kb.relation_events(end=dt.date(1854, 3, 31))] == ["usa-recognition-1854"]
    assert kb.relation_events(type="upgrade")[0]["date_precision"] == "year"
    assert len(kb.relation_events()) == 32


def test_relation_events_reject_bad_values(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidQuery, match="unknown event type 'war'"):
        kb.relation_events(type="war")
    with pytest.raises(InvalidQuery, match="inverted"):
        kb.relation_events(start=dt.date(2000, 1, 1), end=dt.date(1990, 1, 1))
    with pytest.raises(UnknownEntity):
        kb.relation_events(partner="Atlantis")


# -- other records


def test_one_record_by_type_and_id(kb: KnowledgeBase) -> None:
    occupation = kb.record("timeline_event", "allied-occupation-of-japan-1945")
    assert (occupation["date_precision"], occupation["end_date_precision"]) == ("day", "day")
    assert occupation["citations"][0]["url"].startswith("https://")
    assert kb.record("relation_event", "vat-upgrade-1958")["date_precision"] == "year"
    assert kb.record("relation_event", "no-such-event") is None


def test_search_in_both_languages(kb: KnowledgeBase) -> None:
    result = kb.search("竹島")
    assert (result["query"], result["total"]) == ("竹島", 1)
    assert result["hits"][0]["id"] == "liancourt-rocks-takeshima-dokdo"
    assert [h["id"] for h in kb.search("Kanagawa")["hits"]] == ["convention-of-kanagawa-signed-1854",
                                                                "usa-recognition-1854"]
    only = kb.search("Kanagawa", types=["relation_event"])
    assert (only["total"], [h["id"] for h in only["hits"]]) == (1, ["usa-recognition-1854"])
    assert [h["id"] for h in kb.search("Kanagawa", limit=1, offset=1)["hits"]] == ["usa-recognition-1854"]
    with pytest.raises(InvalidQuery, match="unknown type 'planet'"):
        kb.search("x", types=["planet"])


def test_a_search_that_names_an_entity_finds_its_records_in_either_language(kb: KnowledgeBase) -> None:
    english = kb.search("South Korea")
    assert (english["total"], [(h["type"], h["id"]) for h in english["hits"]]) == (5, [
        ("entity", "KOR"), ("relation_event", "kor-treaty-1965"), ("relation_event", "kor-normalisation-1965"),
        ("dispute", "liancourt-rocks-takeshima-dokdo"), ("entity", "PRK")])
    # Its Japanese names, its code, its official names: the same records, the entity first.
    for query in ("韓国", "KR", "大韓民国", "Republic of Korea"):
        assert [h["id"] for h in kb.search(query)["hits"]] == [h["id"] for h in english["hits"]], query
    assert kb.search("アメリカ合衆国")["hits"][0]["id"] == "USA"
    # Only the types asked; the entity first only on the first page.
    assert [h["id"] for h in kb.search("韓国", types=["relation_event"])["hits"]] == [
        "kor-treaty-1965", "kor-normalisation-1965"]
    assert [h["id"] for h in kb.search("韓国", limit=2, offset=1)["hits"]] == ["kor-treaty-1965",
                                                                             "kor-normalisation-1965"]
    assert [h["id"] for h in kb.search("韓国", types=["entity", "dispute"])["hits"]] == [
        "KOR", "liancourt-rocks-takeshima-dokdo", "PRK"]


def test_an_entity_named_by_the_search_is_first_and_counted_once_whatever_the_page(world: KnowledgeBase) -> None:
    # The Netherlands match three times: the entity, its establishment of 1609 (which on its own
    # ranks above the entity) and, by the synonym "Dutch", the trading post at Dejima.
    for limit in (1, 2, 20):
        result = world.search("Netherlands", limit=limit)
        assert result["total"] == 3, limit
        assert result["hits"][0]["id"] == "NLD"
        assert result["hits"][0]["score"] > 0 and result["hits"][0]["title_en"] == "Netherlands"
    # The same hit as on a whole page: its own score and excerpt.
    assert world.search("Netherlands", limit=1)["hits"] == world.search("Netherlands")["hits"][:1]


def test_a_named_entity_is_first_among_the_types_asked(world: KnowledgeBase) -> None:
    assert [h["id"] for h in world.search("Dutch", types=["entity", "relation_event"])["hits"]] == [
        "nld-establishment-1609", "NLD"]
    assert [h["id"] for h in world.search("Netherlands", types=["entity", "relation_event"], limit=1)["hits"]] == [
        "NLD"]


def test_the_entity_named_comes_before_other_entities_that_match(world: KnowledgeBase) -> None:
    # "Republic of China" is Taiwan's official name, and China's official name contains it.
    ids = [h["id"] for h in world.search("Republic of China")["hits"]]
    assert ids[0] == "TWN" and "CHN" in ids[1:]


def test_a_search_reaches_records_that_use_another_name_of_the_entity(world: KnowledgeBase) -> None:
    # "中華民国" (Taiwan's official name in Japanese) in a treaty's Japanese title, "台湾" in
    # another's; "Dutch", a synonym of "Netherlands", in a timeline event.
    taiwan = [h["id"] for h in world.search("Taiwan")["hits"]]
    assert "treaty-of-taipei-1952" in taiwan and "government-general-in-taihoku-1895" in taiwan
    assert "dejima-trading-post-1641" in [h["id"] for h in world.search("Netherlands")["hits"]]


def test_twenty_hits_a_page_unless_asked(world: KnowledgeBase) -> None:
    result = world.search("Japan")
    assert result["total"] > 20 and len(result["hits"]) == 20
    assert len(world.search("Japan", limit=5)["hits"]) == 5


def test_an_ambiguous_name_is_searched_as_words(kb: KnowledgeBase) -> None:
    # "Korea" names no one entity: both Koreas and their records, by rank.
    assert [h["id"] for h in kb.search("Korea")["hits"]][:2] == ["KOR", "PRK"]


def test_synonyms_find_each_other_across_languages(world: KnowledgeBase) -> None:
    for query in ("国交正常化", "normalization"):
        assert [h["id"] for h in world.search(query)["hits"]] == [
            "prk-declaration-2002", "kor-normalisation-1965", "chn-normalisation-1972"], query


def test_timeline_by_period_country_theme_and_region(kb: KnowledgeBase) -> None:
    assert [t["id"] for t in kb.timeline()] == ["tensho-embassy-reaches-lisbon-1584",
                                                "convention-of-kanagawa-signed-1854",
                                                "allied-occupation-of-japan-1945",
                                                "japan-admitted-to-united-nations-1956"]
    # The occupation (1945–1952) overlaps any period that touches it, to its last day.
    assert [t["id"] for t in kb.timeline(dt.date(1952, 4, 28), dt.date(1952, 4, 28))] == [
        "allied-occupation-of-japan-1945"]
    assert [t["id"] for t in kb.timeline(start=dt.date(1952, 4, 29))] == ["japan-admitted-to-united-nations-1956"]
    assert [t["id"] for t in kb.timeline(end=dt.date(1945, 9, 1))] == ["tensho-embassy-reaches-lisbon-1584",
                                                                       "convention-of-kanagawa-signed-1854"]
    assert [t["id"] for t in kb.timeline(country="USA")] == ["convention-of-kanagawa-signed-1854",
                                                             "allied-occupation-of-japan-1945"]
    assert [t["id"] for t in kb.timeline(theme="treaty")] == ["convention-of-kanagawa-signed-1854"]
    assert [t["id"] for t in kb.timeline(country="USA", theme="occupation")] == ["allied-occupation-of-japan-1945"]
    assert [t["id"] for t in kb.timeline(region="Global")] == ["allied-occupation-of-japan-1945",
                                                               "japan-admitted-to-united-nations-1956"]
    occupation = kb.timeline(country="USA", theme="occupation")[0]
    assert (occupation["date_precision"], occupation["end_date_precision"]) == ("day", "day")


def test_timeline_rejects_bad_values(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidQuery, match="unknown theme 'sport'"):
        kb.timeline(theme="sport")
    with pytest.raises(InvalidQuery, match=f"^unknown region 'Mars'; use one of: {', '.join(REGIONS)}$"):
        kb.timeline(region="Mars")
    with pytest.raises(InvalidQuery, match="inverted"):
        kb.timeline(dt.date(2000, 1, 1), dt.date(1990, 1, 1))
    with pytest.raises(UnknownEntity):
        kb.timeline(country="Atlantis")


def test_disputes_by_party(kb: KnowledgeBase) -> None:
    assert [d["id"] for d in kb.disputes()] == ["liancourt-rocks-takeshima-dokdo"]
    assert [d["id"] for d in kb.disputes("South Korea")] == ["liancourt-rocks-takeshima-dokdo"]
    assert [d["id"] for d in kb.disputes("PRK")] == ["liancourt-rocks-takeshima-dokdo"]
    assert kb.disputes("USA") == []
    assert kb.disputes()[0]["citations"][0].get("url")


def test_figures_and_trade(kb: KnowledgeBase) -> None:
    assert [f["id"] for f in kb.figures()["figures"]] == ["japan-aid-asean-fy1988", "japan-loan-india-1990",
                                                         "japan-share-fdi-thailand-1989"]
    assert "trade" not in kb.figures()
    usa = kb.figures("USA")
    assert usa["figures"] == []
    assert usa["trade"]["partner"] == "USA"
    assert usa["trade"]["unit"] == "million current US dollars"
    assert usa["trade"]["citations"] == [{"source": "cow-trade", "locator": "dyadic trade, Japan and USA"}]
    assert usa["trade"]["series"][:2] == [{"year": 1870, "japan_imports": 1.0, "japan_exports": 3.0},
                                          {"year": 1871, "japan_imports": 1.0, "japan_exports": 5.0}]
    assert usa["trade"]["series"] == kb.trade("USA")
    assert len(kb.trade("USA")) == 133
    assert {"year": 1889, "japan_imports": 5.0, "japan_exports": None} in kb.trade("USA")
    india = kb.figures("IND")
    assert [f["id"] for f in india["figures"]] == ["japan-loan-india-1990"]
    assert india["figures"][0]["citations"][0]["url"] == "https://en.wikipedia.org/wiki/Foreign_relations_of_Japan"


def test_missions_with_their_wikidata_source(kb: KnowledgeBase) -> None:
    assert (len(kb.missions()), len(kb.missions("USA"))) == (31, 18)
    embassy = kb.missions("KOR")[0]
    assert (embassy["id"], embassy["type"], embassy["city"]) == ("Q621455", "embassy", "Jongno District")
    assert embassy["citations"] == [{"source": "database-of-embassies", "locator": "Wikidata Q621455",
                                     "url": "https://www.wikidata.org/wiki/Q621455",
                                     "publisher": "database-of-embassies project; data from Wikidata",
                                     "title": "Database of embassies and consulates (Wikidata export, 2022-11-16)"}]


def test_narratives_map_points_and_works(world: KnowledgeBase) -> None:
    narratives = world.narratives()
    assert [n["id"] for n in narratives] == ["akagi-on-early-relations", "seed-on-mofa"]
    # A citation of a work gets its title, its URL where it has one, and the work's tier.
    assert narratives[0]["citations"] == [
        {"work": "akagi-1936", "locator": "the whole book",
         "title": "Japan's Foreign Relations 1542-1936: A Short History", "tier": "scholarly"},
        {"work": "example-2020", "locator": "chapter 1", "title": "An Online History of Japanese Diplomacy",
         "url": "https://example.org/online-history", "tier": "scholarly"}]
    assert world.map_points() == [
        {"entity": "NIU", "lat": -19.0544, "lon": -169.8672, "basis": "natural-earth-50m",
         "locator": "countries-50m.json id=570 (Niue), largest polygon's centroid",
         "citations": [{"source": "world-atlas",
                        "locator": "countries-50m.json id=570 (Niue), largest polygon's centroid"}]},
        {"entity": "VAT", "lat": 41.9, "lon": 12.45, "basis": "cow-capitals", "locator": "Vatican City",
         "citations": [{"source": "cow-capitals", "locator": "Vatican City"}]}]
    assert [w["id"] for w in world.works()][-1] == "example-2020"
    # The server's map reads only where each marker goes.
    assert world.map_positions() == [("NIU", -169.8672, -19.0544), ("VAT", 12.45, 41.9)]


def test_spells_exchanges_state_system_statements_and_citations(world: KnowledgeBase, kb: KnowledgeBase) -> None:
    assert [s["id"] for s in world.spells("KOR")] == ["kor-joseon", "kor-japan-1910", "kor-occupied-1945",
                                                      "kor-republic-1948"]
    assert world.spells("KOR")[0]["citations"][0]["title"] == "State System Membership List, v2024"
    assert kb.exchanges("KOR")[0] == {"partner": "KOR", "cow_code": 732, "year": 1955, "level_partner_in_japan": 0,
                                      "level_japan_in_partner": 0, "exchange": False}
    assert world.state_system()[0] == {"cow_code": 2, "cow_abbrev": "USA", "name": "United States of America",
                                       "start": "1816-01-01", "end": "2024-12-31"}
    assert kb.state_system() == []
    statements = kb.statements()
    assert [s["id"] for s in statements] == ["mofa-recognised-195", "mofa-unrecognised-prk"]
    assert statements[1]["citations"][0]["publisher"] == "Ministry of Foreign Affairs of Japan"
    citations = kb.citations()
    assert len(citations) == 186
    assert citations[0] == {"record_type": "entity", "record_id": "CHN", "source": "country-converter", "url": None,
                            "work": None, "publisher": None, "title": None, "quote": None, "locator": "ISO3=CHN",
                            "language": None}


def test_the_tier_of_a_citation(world: KnowledgeBase) -> None:
    # A registered source's tier, a work's (scholarly), or none: no host is classified in these data.
    assert world.tier({"source": "example-press", "locator": "x"}) == "press"
    assert world.tier({"source": "example-reference", "url": "https://unclassified.example.org/"}) == "reference"
    assert world.tier({"work": "akagi-1936", "locator": "p. 1"}) == "scholarly"
    assert world.tier({"source": "seed-article", "locator": "lead"}) is None
    assert world.tier({"url": "https://unclassified.example.org/"}) is None
    cited = world.record("relation_event", "xkx-recognition-2008")["citations"]
    assert cited == [{"source": "example-press", "locator": "18 March 2008", "url": "https://press.example.org/article",
                      "publisher": "A newspaper", "title": "A newspaper article (test fixture)", "tier": "press"}]


@functools.cache
def every_host_classified() -> str:
    """hosts.yaml for the fixture: every cited host, MOFA as official, the others as reference works."""
    cited = datafiles.load(FIXTURE).cited_records()
    hosts = sorted({host_of(c.url) for record in cited for c in iter_citations(record) if c.url})
    return "".join(f"- {{host: {h}, tier: {'official_japan' if h == 'mofa.go.jp' else 'reference'}, name: {h}, "
                   "reason: test fixture}\n" for h in hosts)


def test_a_classified_host_gives_a_citation_its_tier() -> None:
    with closing(KnowledgeBase(database("hosts", extra={"hosts.yaml": every_host_classified()}))) as kb:
        assert kb.tier({"url": "https://www.mofa.go.jp/mofaj/area/world.html"}) == "official_japan"
        assert kb.tier({"url": "https://en.wikipedia.org/wiki/Japan"}) == "reference"  # a subdomain
        assert kb.tier({"url": "https://unlisted.example.org/", "work": "akagi-1936"}) == "scholarly"
        assert kb.tier({"url": "https://unlisted.example.org/"}) is None
        cited = kb.record("relation_event", "chn-normalisation-1972")["citations"]
        assert {c["tier"] for c in cited} == {"reference"}
        statement = kb.statements()[0]["citations"][0]
        assert (statement["source"], statement["tier"]) == ("mofa-world", "official_japan")


def test_expanding_citations_keeps_what_a_citation_says(kb: KnowledgeBase) -> None:
    value = {"a": [{"source": "mofa-world", "quote": "q", "url": "https://www.mofa.go.jp/own-page"},
                   {"source": "seed-article", "locator": "lead"},
                   {"source": "unregistered", "locator": "x"},
                   {"source": "seed-article"}],
             "n": 1}
    assert kb.expand_citations(value) == {
        "a": [{"source": "mofa-world", "quote": "q", "url": "https://www.mofa.go.jp/own-page",
               "publisher": "Ministry of Foreign Affairs of Japan",
               "title": "国・地域 (世界の国の数、国連加盟国数、日本の大使館数など), 令和5年3月20日"},
              {"source": "seed-article", "locator": "lead",
               "url": "https://en.wikipedia.org/wiki/Foreign_relations_of_Japan", "publisher": "Wikipedia",
               "title": "Foreign relations of Japan"},
              {"source": "unregistered", "locator": "x"},
              {"source": "seed-article"}],  # no locator or quote: not a citation
        "n": 1}
    assert value["a"][1] == {"source": "seed-article", "locator": "lead"}  # a copy, the input untouched
    assert kb.expand_citations("text") == "text"


# -- export


def test_export_holds_every_record(kb: KnowledgeBase) -> None:
    document = kb.export()
    counts = {k: len(v) for k, v in document.items() if isinstance(v, list)}
    stored = json.loads(kb.meta["counts"])
    for table in ("entities", "relation_events", "diplomatic_exchange", "timeline_events", "disputes",
                  "figures", "missions", "trade", "works", "narratives"):
        assert counts[table] == stored[table], table
    assert counts["sources"] == len(kb.sources)
    assert document["meta"]["as_of"] == dt.date.today().isoformat()
    assert document["meta"]["schema_version"] == kb.meta["schema_version"]
    assert document["status_statements"] == kb.statements()
    assert document["corrections"][0]["entity"] == "VAT"
    assert document["trade"][0] == {"partner": "CHN", "year": 1870, "japan_imports": 4.0, "japan_exports": 2.0}
    assert document["relations"] == kb.relations()
    assert document["missions"] == kb.missions()
    assert document["figures"] == kb.figures()["figures"]
    assert document["disputes"] == kb.disputes()
    assert document["works"] == kb.works()
    assert document["entities"][0]["citations"][0]["url"] == "https://pypi.org/project/country-converter/1.3.2/"
    assert document["relation_events"][0]["citations"][0].get("url")


def test_export_of_a_world_with_statehood(world: KnowledgeBase) -> None:
    document = world.export(dt.date(1930, 1, 1))
    assert len(document["territory_spells"]) == len(json.loads(world.meta["counts"])["territory_spells"] * [0])
    assert document["territory_spells"][0]["citations"][0].get("url")
    assert [s["id"] for s in document["successions"]] == ["xyk-yug-1945", "sun-rus-1991", "yug-xfr-1992"]
    assert document["successions"][0]["citations"][0]["url"].startswith("https://")
    assert document["narratives"] == world.narratives()


def test_export_as_of_leaves_out_later_events(kb: KnowledgeBase) -> None:
    past = kb.export(dt.date(1960, 1, 1))
    assert all(e["date"] < "1961" for e in past["relation_events"])
    assert {r["id"]: r["status"] for r in past["relations"]}["CHN"] == "severed"
    assert len(past["relation_events"]) < len(kb.export()["relation_events"])
    assert past["meta"]["as_of"] == "1960-01-01"
    assert [t["id"] for t in past["timeline_events"]] == ["tensho-embassy-reaches-lisbon-1584",
                                                          "convention-of-kanagawa-signed-1854",
                                                          "allied-occupation-of-japan-1945",
                                                          "japan-admitted-to-united-nations-1956"]
    assert [t["id"] for t in kb.export(dt.date(1950, 1, 1))["timeline_events"]][-1] == \
        "allied-occupation-of-japan-1945"


def test_status_keys_are_the_status_fields_of_the_views() -> None:
    from gaiko.kb import STATUS_KEYS
    from gaiko.views import StatusFields

    assert STATUS_KEYS == tuple(StatusFields.__annotations__)
