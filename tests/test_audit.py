"""The audit: each kind of finding, where it must and must not appear, and the summary."""

import datetime as dt
from contextlib import closing
from typing import Any

from conftest import with_events
from gaiko.audit import audit, first_start
from gaiko.kb import KnowledgeBase

DAY = dt.date(2026, 1, 1)


def found(report: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    """The findings of one kind, by entity (one each in these data)."""
    of_kind = [f for f in report["findings"] if f["kind"] == kind]
    by_entity = {f["entity"]: f for f in of_kind}
    assert len(by_entity) == len(of_kind), of_kind
    return by_entity


# -- one test per kind of finding


def test_relations_without_a_dated_start(world: KnowledgeBase, kb: KnowledgeBase) -> None:
    # Diplomatic today on a general statement (India, Thailand, South Africa), after a
    # recognition and a resumption (the United States) or a continuation (the FRY, a state that
    # ended but has no end recorded), with no establishment dated.
    findings = found(audit(world, DAY), "no_dated_establishment")
    assert sorted(findings) == ["IND", "THA", "USA", "XFR", "ZAF"]
    assert findings["USA"]["detail"] == "status diplomatic today, but no dated establishment"
    assert findings["XFR"]["detail"] == "status diplomatic today, but no dated establishment"
    assert findings["USA"]["severity"] == "gap"
    assert findings["USA"]["name_en"] == "United States"
    # North Korea ("none", by MOFA's statement) needs none; nor does a state that ended (YUG).
    assert sorted(found(audit(kb, DAY), "no_dated_establishment")) == ["IND", "THA", "USA"]


def test_cow_sees_envoys_before_the_recorded_start(world: KnowledgeBase) -> None:
    # The fixture dates China's relations from 1972 only; COW shows legations before the war.
    findings = found(audit(world, DAY), "representation_before_establishment")
    assert sorted(findings) == ["CHN"]
    years = [1879, 1884, 1889, 1894, 1899, 1904, 1909, 1914, 1920, 1925, 1930, 1935]
    assert findings["CHN"]["years"] == years
    assert findings["CHN"]["event"] == "chn-normalisation-1972"
    assert findings["CHN"]["detail"] == (f"COW records representation in {', '.join(map(str, years))}, before "
                                         "relations start 1972-09-29 (chn-normalisation-1972)")
    assert findings["CHN"]["severity"] == "disagreement"


def test_relations_in_force_but_cow_sees_no_envoys(world: KnowledgeBase) -> None:
    findings = found(audit(world, DAY), "relations_without_representation")
    assert sorted(findings) == ["GBR"]
    assert findings["GBR"]["years"] == [1930, 1935, 1960]
    assert findings["GBR"]["detail"] == ("relations in force in COW's snapshot years 1930–1960, but COW records "
                                         "no representation in any of them")
    assert findings["GBR"]["severity"] == "disagreement"


def test_cow_sees_envoys_while_the_events_say_relations_were_severed(world: KnowledgeBase) -> None:
    findings = found(audit(world, DAY), "representation_while_severed")
    assert sorted(findings) == ["GBR"]
    assert findings["GBR"]["years"] == [1945]
    assert findings["GBR"]["detail"] == (
        "COW records representation in 1945, when the events give severed: a severance without a recorded "
        "resumption, or an end of relations recorded too early?")
    assert findings["GBR"]["severity"] == "disagreement"


def test_representation_after_a_severance_up_to_cows_last_snapshot() -> None:
    # A severance with no resumption: COW still sees envoys in the one later snapshot year, 2005
    # the last. Each year is compared with the status on 1 July: the severance of 2 July 2000 is after.
    with closing(with_events("kor-severance-2000", "kor-severance-2000 KOR severance 2000-07-02")) as kb:
        report = audit(kb, DAY)
        assert kb.status("KOR", dt.date(2005, 7, 1))["status"] == "severed"  # one snapshot is not enough
    findings = found(report, "representation_while_severed")
    assert sorted(findings) == ["KOR"]
    assert findings["KOR"]["years"] == [2005]
    assert findings["KOR"]["detail"] == (
        "COW records representation in 2005, when the events give severed: a severance "
        "without a recorded resumption, or an end of relations recorded too early?")
    assert found(report, "undated_resumption") == {}


def test_envoys_in_snapshots_after_a_break_resume_relations_on_an_undated_day() -> None:
    # A severance (2 July 1990), then a suspension (1997): COW sees envoys in 1995, 2000 and 2005.
    # Two snapshots in a row outweigh a break: relations were resumed by the first, undated.
    with closing(with_events("kor-severance-1990", "kor-severance-1990 KOR severance 1990-07-02", "kor-suspension-1997 KOR suspension 1997-01-01")) as kb:
        report = audit(kb, DAY)
        assert kb.status("KOR", dt.date(1994, 12, 31))["status"] == "severed"
        resumed = kb.status("KOR", dt.date(1995, 1, 1))
        assert (resumed["status"], resumed["basis"], resumed["since"]) == ("diplomatic", "evidence", None)
        assert resumed["note"] == ("severed since 1990-07-02 (kor-severance-1990); resumed by 1995 on a day no source "
                                   "here dates: COW's Diplomatic Exchange records representation in 1995, 2000, 2005.")
        assert kb.status("KOR", dt.date(1998, 1, 1))["status"] == "suspended"
        assert kb.status("KOR", dt.date(2000, 1, 1))["basis_id"] == "cow-diplomatic-exchange-2000"
    assert found(report, "representation_while_severed") == {}
    gaps = found(report, "undated_resumption")
    assert sorted(gaps) == ["KOR"] and gaps["KOR"]["years"] == [1995, 2000, 2005]


def test_unofficial_relations_without_a_dated_start_are_no_gap() -> None:
    with closing(with_events("prk-unofficial-2000", "prk-unofficial_relations-2000 PRK unofficial_relations 2000-01-01")) as kb:
        report = audit(kb, dt.date(2010, 1, 1))
    assert sorted(found(report, "no_dated_establishment")) == ["IND", "THA", "USA"]


def test_relations_dated_before_cows_state_system_entry(world: KnowledgeBase) -> None:
    # Austria: relations of 1869 (Austria-Hungary), COW's Austria from 1918. The Netherlands (1609)
    # are in COW's system from its start in 1816, which says nothing; Korea's 1965 follows 1949;
    # the Kingdom of Yugoslavia's August 1922 may be on or after its entry on 31 August 1922.
    findings = found(audit(world, DAY), "before_state_system_entry")
    assert sorted(findings) == ["AUT", "PRK"]
    assert findings["AUT"]["detail"] == ("relations start 1869-10-18 (aut-establishment-1869) before COW's "
                                         "state-system entry 1918-11-12")
    assert findings["AUT"]["event"] == "aut-establishment-1869"
    # A start known only to the year 1920 is before an entry in 1948.
    assert findings["PRK"]["detail"] == ("relations start 1920 (prk-establishment-1920-misdated) before COW's "
                                         "state-system entry 1948-09-09")
    assert findings["PRK"]["severity"] == "disagreement"


def test_relations_long_after_un_admission(world: KnowledgeBase) -> None:
    # China: a member from 1945, relations with the PRC from 1972. Korea joined the UN in 1991,
    # after its relations began: no finding; nor for the Netherlands, Austria or Britain.
    findings = found(audit(world, DAY), "late_after_un_admission")
    assert sorted(findings) == ["CHN"]
    assert findings["CHN"]["detail"] == ("relations start 1972-09-29 (chn-normalisation-1972), 27 years after UN "
                                         "admission 1945-10-24")
    assert findings["CHN"]["event"] == "chn-normalisation-1972"
    assert findings["CHN"]["severity"] == "note"


def test_late_after_un_admission_counts_whole_years_beyond_ten() -> None:
    with closing(with_events("late-after-un-admission", "ind-establishment-1955 IND establishment 1955-12-31", "tha-establishment-1957 THA establishment 1957-01")) as kb:
        report = audit(kb, DAY)
    # India: admitted 1945-10-30, relations 1955: ten years, no finding. Thailand: admitted
    # 1946-12-16, relations in January 1957: eleven.
    findings = found(report, "late_after_un_admission")
    assert sorted(findings) == ["CHN", "THA"]
    assert findings["THA"]["detail"] == ("relations start 1957-01 (tha-establishment-1957), 11 years after UN "
                                         "admission 1946-12-16")


def test_sources_that_disagree_on_a_date(world: KnowledgeBase) -> None:
    conflicts = [(f["entity"], f["event"], f["dates"]) for f in audit(world, DAY)["findings"]
                 if f["kind"] == "conflicting_claims"]
    assert conflicts == [
        ("CHN", "chn-severance-1941", ["1941-12-09", "1941-12-08"]),
        ("CHN", "chn-severance-1941", ["1941-12-09", "1937-08-14"]),
        ("CHN", "chn-normalisation-1972", ["1972-09-29", "1972-09-27"]),
        ("CHN", "chn-treaty-1978-2", ["1978-10-23", "1978-12-23"]),
        ("NIU", "niu-establishment-2015", ["2015-08-04", "2015-05-15"]),
        ("RUS", "rus-continuation-1991", ["1991-12-27", "1992-01-27"]),
        ("SUN", "sun-establishment-1925", ["1925-02-26", "1925-01-20"]),
        ("SUN", "sun-severance-1945", ["1945-08-09", "1945-08-08"]),
    ]
    normalisation = next(f for f in audit(world, DAY)["findings"] if f.get("event") == "chn-normalisation-1972"
                         and f["kind"] == "conflicting_claims")
    assert normalisation["detail"].startswith("normalisation chn-normalisation-1972: 1972-09-29 preferred over "
                                              "1972-09-27 (The current Wikipedia article")
    assert normalisation["severity"] == "disagreement"


def test_a_historical_state_still_in_relations(world: KnowledgeBase) -> None:
    # The Kingdom of Yugoslavia and the FRY have no end in their spells and no dissolution:
    # diplomatic today. The Soviet Union and the SFRY ended.
    findings = found(audit(world, DAY), "historical_state_without_end")
    assert sorted(findings) == ["XFR", "XYK"]
    assert findings["XYK"]["detail"] == ("a state that no longer exists, with no dated end of relations "
                                         "(state_dissolved or successor event)")
    assert findings["XYK"]["severity"] == "gap"


def test_entities_without_statehood(world: KnowledgeBase, kb: KnowledgeBase) -> None:
    assert found(audit(world, DAY), "no_statehood") == {}
    findings = found(audit(kb, DAY), "no_statehood")
    assert sorted(findings) == ["CHN", "IND", "KOR", "NIU", "PRK", "RUS", "SUN", "THA", "TWN", "USA", "VAT"]
    assert findings["VAT"]["detail"] == "no territory spells: taken as a state of its own on every date"
    assert findings["VAT"]["severity"] == "gap"


def test_relations_dated_while_another_state_held_the_territory(world: KnowledgeBase) -> None:
    # North Korea's (made-up) establishment of 1920 falls while Korea was part of Japan. Its
    # declaration of 1912 and treaty of 1925 change no relations, and its severance of 1946 falls
    # in an occupation. The Soviet Union's embassy closed after it ended is no finding either.
    findings = found(audit(world, DAY), "relations_while_held")
    assert sorted(findings) == ["NIU", "PRK"]
    # Niue's (made-up) recognition of 1890, when no state held it.
    assert findings["NIU"]["detail"] == ("recognition niu-recognition-1890-misdated (1890) falls in spell "
                                         "niu-outside: outside_state_system (no state)")
    assert findings["PRK"]["event"] == "prk-establishment-1920-misdated"
    assert findings["PRK"]["detail"] == ("establishment prk-establishment-1920-misdated (1920) falls in spell "
                                         "prk-japan-1910: part_of (JPN)")
    assert findings["PRK"]["severity"] == "disagreement"


def test_facts_resting_only_on_weak_sources_starts_first(world: KnowledgeBase) -> None:
    weak = [f for f in audit(world, DAY)["findings"] if f["kind"] == "weak_support"]
    assert len(weak) == 45
    # The starts of relations first, the weakest tier first, then by date; then every other event.
    assert [(f["entity"], f["event"], f["tier"]) for f in weak[:9]] == [
        ("RUS", "rus-establishment-1855", "unclassified"), ("GBR", "gbr-establishment-1858", "unclassified"),
        ("AUT", "aut-establishment-1869", "unclassified"), ("VAT", "vat-establishment-1942", "unclassified"),
        ("KOR", "kor-normalisation-1965", "unclassified"), ("CHN", "chn-normalisation-1972", "unclassified"),
        ("NIU", "niu-establishment-2015", "unclassified"), ("XYK", "xyk-establishment-1922", "reference"),
        ("USA", "usa-recognition-1854", "unclassified")]
    assert [(f["event"], f["tier"]) for f in weak[-2:]] == [("prk-treaty-1925-misdated", "derivative"),
                                                            ("xkx-recognition-2008", "press")]
    assert weak[7]["detail"] == ("establishment xyk-establishment-1922 (1922-08): its month rests only on reference "
                                 "sources — the start of relations")
    assert weak[-1]["detail"] == "recognition xkx-recognition-2008 (2008-03-18): its day rests only on press sources"
    assert weak[0]["severity"] == "note"
    events = {f["event"] for f in weak}
    # Kosovo's start rests on MOFA, the Netherlands' year on a scholarly work: not weak. Austria's
    # day is not backed by the work that gives only its year.
    assert "xkx-establishment-2009" not in events and "nld-establishment-1609" not in events
    assert "aut-establishment-1869" in events
    # Britain's resumption rests on a scholarly work besides an encyclopaedia: its best is enough.
    assert "gbr-resumption-1952" not in events
    # The FRY's continuation: its only citation backs the month, not the day.
    assert next(f for f in weak if f["event"] == "xfr-continuation-1996-invented")["tier"] == "unclassified"


# -- the summary


def test_summary_of_dating_and_sourcing(world: KnowledgeBase) -> None:
    summary = audit(world, DAY)["summary"]
    assert summary["entities_with_relations"] == 15
    # Start dates of the 15: to the day for China, Korea, Niue, Russia, Austria, Britain and
    # Kosovo; to the month for the Kingdom of Yugoslavia; to the year for the Holy See and the
    # Netherlands. India, Thailand, South Africa, the United States and the FRY have none.
    assert summary["dated_start_of_relations"] == {"day": 7, "month": 1, "year": 2}
    assert summary["dated_total"] == 10
    # MOFA (Netherlands, Niue, Russia, Britain, Kosovo), Japan's embassy in Vienna, and other pages.
    assert summary["start_dates_resting_on"] == {"mofa": 5, "japanese_government": 1, "other": 4}
    # What backs each start at its precision: MOFA for Kosovo, a scholarly work for the
    # Netherlands (its year), an encyclopaedia for the Kingdom of Yugoslavia; no host is
    # classified in these data, so the other URLs are unclassified.
    assert summary["start_precision_supported_by"] == {"official_japan": 1, "scholarly": 1, "reference": 1,
                                                       "unclassified": 7}
    # Every URL citation of every record, by tier: no host is classified here, so all unclassified.
    url_citations = sum(1 for c in world.citations() if c.get("url"))
    assert url_citations > 100
    assert summary["citations_by_tier"] == {"official_japan": 0, "official_partner": 0, "intergovernmental": 0,
                                            "scholarly": 0, "reference": 0, "press": 0, "derivative": 0,
                                            "unclassified": url_citations}
    assert summary["findings"] == {
        "no_dated_establishment": 5, "representation_before_establishment": 1, "relations_without_representation": 1,
        "representation_while_severed": 1, "undated_resumption": 0, "before_state_system_entry": 2, "late_after_un_admission": 1,
        "conflicting_claims": 8, "historical_state_without_end": 2, "no_statehood": 0, "weak_support": 45,
        "relations_while_held": 2}


def test_the_audit_is_as_of_a_day(world: KnowledgeBase) -> None:
    past = audit(world, dt.date(1960, 1, 1))
    assert past["as_of"] == "1960-01-01"
    # In 1960 China's relations were severed, India's and Thailand's still undated, Kosovo's to come.
    assert past["summary"]["entities_with_relations"] == 11
    assert found(past, "no_dated_establishment")["IND"]["detail"] == "status unknown today, but no dated establishment"
    # In 1994 the FRY was recognised, its relations not yet continued: a historical state then in
    # a relation without a dated start.
    assert found(audit(world, dt.date(1994, 1, 1)), "no_dated_establishment")["XFR"]["detail"] == \
        "status recognised today, but no dated establishment"
    assert audit(world)["as_of"] == dt.date.today().isoformat()


# -- the start of relations


def test_the_earliest_start_of_relations() -> None:
    events = [{"id": "a", "type": "treaty", "date": "1950"},
              {"id": "b", "type": "recognition", "date": "1951"},
              {"id": "c", "type": "normalisation", "date": "1960-01-01"},
              {"id": "d", "type": "recognition", "date": "1955", "starts_relations": True}]
    assert first_start(events)["id"] == "d"
    assert first_start(events[:2]) is None
    assert first_start([]) is None


def test_a_precise_start_within_a_coarse_one_dates_the_start() -> None:
    events = [{"id": "a", "type": "establishment", "date": "1962"},
              {"id": "b", "type": "recognition", "date": "1962-10-09", "starts_relations": True},
              {"id": "c", "type": "recognition", "date": "1962-03-01"},
              {"id": "d", "type": "establishment", "date": "1970-01-01"}]
    assert first_start(events)["id"] == "b"
    # An earlier start outside the coarse one's period is not overridden.
    assert first_start([*events, {"id": "e", "type": "establishment", "date": "1950"}])["id"] == "e"
    # The most precise of several wins: a day within a month within the year.
    assert first_start([{"id": "y", "type": "establishment", "date": "1962"},
                        {"id": "m", "type": "establishment", "date": "1962-10"},
                        {"id": "day", "type": "normalisation", "date": "1962-10-09"}])["id"] == "day"
    # Two starts on the same day: the first listed.
    assert first_start([{"id": "one", "type": "establishment", "date": "1962-10-01"},
                        {"id": "two", "type": "normalisation", "date": "1962-10-01"}])["id"] == "one"
    # Two starts at the same precision: the earlier.
    assert first_start([{"id": "late", "type": "establishment", "date": "1962-11"},
                        {"id": "early", "type": "establishment", "date": "1962-10"}])["id"] == "early"
