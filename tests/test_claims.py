"""The seed article's lead, recomputed from the data: each claim by its outcome."""

import datetime as dt
from contextlib import closing
from typing import Any

from conftest import with_events
from gaiko.claims import SEED_QUOTE, check_claims
from gaiko.kb import KnowledgeBase

DAY = dt.date(2026, 1, 1)


def by_id(results: list[Any]) -> dict[str, Any]:
    return {r["id"]: r for r in results}


def test_each_clause_of_the_lead_is_a_claim_with_its_source(kb: KnowledgeBase) -> None:
    results = check_claims(kb, DAY)
    assert [(r["id"], r["claim"]) for r in results] == [
        ("un-members-but-north-korea", "Japan has diplomatic relations with every UN member except North Korea"),
        ("north-korea", "Japan has no diplomatic relations with North Korea"),
        ("holy-see", "Japan has diplomatic relations with the Holy See"),
        ("kosovo", "Japan has diplomatic relations with Kosovo"),
        ("cook-islands", "Japan has diplomatic relations with the Cook Islands"),
        ("niue", "Japan has diplomatic relations with Niue"),
    ]
    assert all(r["source"] == {"source": "seed-article", "quote": SEED_QUOTE} for r in results)
    assert SEED_QUOTE.startswith("Japan maintains diplomatic relations with every United Nations member")


def test_the_claims_today(kb: KnowledgeBase) -> None:
    results = by_id(check_claims(kb, DAY))
    un = results["un-members-but-north-korea"]
    # The fixture's UN members but North Korea: China, Korea, Russia and the United States on
    # dated events, India and Thailand on MOFA's statement; three of them with a dated start.
    assert (un["passed"], un["checked"], un["failures"]) == (True, 6, [])
    assert un["detail"] == ("6 of 6 as claimed on 2026-01-01; status rests on a dated event for 4, on a general "
                            "statement for 2, on COW evidence for 0; 3 have a dated start of relations")
    north_korea = results["north-korea"]
    assert (north_korea["passed"], north_korea["checked"], north_korea["failures"]) == (True, 1, [])
    assert north_korea["detail"] == ("1 of 1 as claimed on 2026-01-01; status rests on a dated event for 0, on a "
                                     "general statement for 1, on COW evidence for 0; 0 have a dated start of "
                                     "relations")
    assert results["holy-see"]["passed"] and results["niue"]["passed"]
    assert results["niue"]["detail"].endswith("on a dated event for 1, on a general statement for 0, on COW "
                                              "evidence for 0; 1 have a dated start of relations")


def test_an_entity_missing_from_the_data_fails_its_claim(kb: KnowledgeBase) -> None:
    # The fixture has neither Kosovo nor the Cook Islands.
    results = by_id(check_claims(kb, DAY))
    for claim, entity in (("kosovo", "XKX"), ("cook-islands", "COK")):
        assert not results[claim]["passed"]
        assert results[claim]["checked"] == 1
        assert results[claim]["failures"] == [{"id": entity, "name_en": "", "status": "not in the data"}]
        assert results[claim]["detail"].startswith("0 of 1 as claimed on 2026-01-01; status rests on a dated event "
                                                   "for 0, on a general statement for 0, on COW evidence for 0")


def test_claims_as_of_a_day_in_the_past(kb: KnowledgeBase) -> None:
    results = by_id(check_claims(kb, dt.date(1950, 1, 1)))
    un = results["un-members-but-north-korea"]
    assert not un["passed"]
    assert un["failures"] == [{"id": "CHN", "name_en": "China", "status": "severed"},
                              {"id": "IND", "name_en": "India", "status": "unknown"},
                              {"id": "KOR", "name_en": "South Korea", "status": "none"},
                              {"id": "THA", "name_en": "Thailand", "status": "unknown"},
                              {"id": "USA", "name_en": "United States", "status": "severed"}]
    assert un["detail"].startswith("1 of 6 as claimed on 1950-01-01; status rests on a dated event for 1, on a "
                                   "general statement for 0, on COW evidence for 0")
    # The Holy See's relations were suspended from 1945 to 1952; Niue's began in 2015.
    assert results["holy-see"]["failures"] == [{"id": "VAT", "name_en": "Holy See", "status": "suspended"}]
    assert results["niue"]["failures"] == [{"id": "NIU", "name_en": "Niue", "status": "none"}]
    # No relations with North Korea then either: that claim holds.
    assert results["north-korea"]["passed"]


def test_claims_as_of_a_day_count_the_starts_of_relations_dated_by_then(kb: KnowledgeBase) -> None:
    # By 1950 only Russia's relations (1855) had a dated start; Korea's (1965) and China's (1972)
    # came later. The Holy See's and Niue's claims count theirs from 1942 and 2015.
    results = by_id(check_claims(kb, dt.date(1950, 1, 1)))
    assert results["un-members-but-north-korea"]["detail"].endswith("; 1 have a dated start of relations")
    assert results["holy-see"]["detail"].endswith("; 1 have a dated start of relations")
    assert results["niue"]["detail"].endswith("; 0 have a dated start of relations")


def test_claims_rest_on_cow_evidence_where_nothing_else_is_dated(world: KnowledgeBase) -> None:
    # In 1962 Thailand's status rests on COW's snapshots of 1960 and 1965.
    un = by_id(check_claims(world, dt.date(1962, 6, 1)))["un-members-but-north-korea"]
    assert un["checked"] == 10
    assert [f["id"] for f in un["failures"]] == ["CHN", "IND", "KOR", "ZAF"]
    assert un["detail"].startswith("6 of 10 as claimed on 1962-06-01; status rests on a dated event for 5, on a "
                                   "general statement for 0, on COW evidence for 1")


def test_claims_default_to_today(kb: KnowledgeBase) -> None:
    detail = by_id(check_claims(kb))["holy-see"]["detail"]
    assert detail.startswith(f"1 of 1 as claimed on {dt.date.today().isoformat()};")


def test_a_claim_fails_when_the_data_contradict_it() -> None:
    # Sever relations with the Holy See in the fixture: the lead's claim must now fail.
    with closing(with_events("vat-severance", "vat-severance-2026 VAT severance 2026-01-01")) as kb:
        results = by_id(check_claims(kb, dt.date(2026, 6, 1)))
    assert not results["holy-see"]["passed"]
    assert results["holy-see"]["failures"] == [{"id": "VAT", "name_en": "Holy See", "status": "severed"}]


def test_a_relation_that_should_not_exist_fails_the_north_korea_claim() -> None:
    with closing(with_events("prk-establishment-2025", "prk-establishment-2025 PRK establishment 2025-01-01")) as kb:
        results = by_id(check_claims(kb, dt.date(2025, 6, 1)))
    assert results["north-korea"]["failures"] == [{"id": "PRK", "name_en": "North Korea", "status": "diplomatic"}]
    assert results["north-korea"]["detail"].endswith("1 have a dated start of relations")


def test_a_recognition_that_started_relations_dates_their_start() -> None:
    with closing(with_events("tha-recognition-1952", "tha-recognition-1952 THA recognition 1952-04-28 starts_relations", "ind-recognition-1949 IND recognition 1949-01-01")) as kb:
        results = by_id(check_claims(kb, DAY))
    # China, Korea, Russia and now Thailand; India's recognition did not start relations.
    assert results["un-members-but-north-korea"]["detail"].endswith("; 4 have a dated start of relations")


def test_the_lead_holds_for_the_shipped_data(project_kb: KnowledgeBase) -> None:
    results = check_claims(project_kb)
    assert [r["id"] for r in results if not r["passed"]] == []
    # 192 UN members besides Japan, less North Korea.
    assert by_id(results)["un-members-but-north-korea"]["checked"] == 191
