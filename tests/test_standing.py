"""Where each territory stood, and Japan's status with it or with the state that held it."""

import dataclasses
import datetime as dt
from typing import Any

import pytest

from gaiko.model import DiplomaticExchange, Entity, RelationEvent, StatusStatement, TerritorySpell
from gaiko.standing import Interval, relation_histories, standings
from gaiko.status import StatusAt
from gaiko.vocab import Status

CITE = [{"url": "https://example.org/a", "quote": "q"}]
MIN = "0001-01-01"


def entity(eid: str, kind: str = "un_member") -> Entity:
    return Entity.model_validate({"id": eid, "kind": kind, "name_en": eid, "citations": CITE})


def ev(partner: str, kind: str, date: str) -> RelationEvent:
    return RelationEvent.model_validate({"id": f"{partner.lower()}-{kind}-{date}", "partner": partner, "type": kind,
                                         "date": date, "citations": CITE})


def spell(sid: str, start: str | None, condition: str, holders: tuple[str, ...] = (), end: str | None = None,
          form: str | None = None) -> TerritorySpell:
    return TerritorySpell.model_validate({"id": sid, "entity": sid[:3].upper(), "start": start, "end": end,
                                          "condition": condition, "holders": list(holders), "form": form,
                                          "citations": CITE})


def statement(sid: str, status: str, as_of: str, partner: str) -> StatusStatement:
    return StatusStatement.model_validate({"id": sid, "statement": "x", "status": status, "as_of": as_of,
                                           "partners": {"include": [partner]}, "citations": CITE})


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def table(intervals: list[Interval]) -> list[tuple[Any, ...]]:
    """Each interval as (start, end, status, basis, basis_id, since, never, condition, holders, spell, until)."""
    return [(iso(i.start), iso(i.end), i.status, i.basis, i.basis_id, i.since, i.never, i.condition,
             i.holders, i.spell.id if i.spell else None, i.spell_until) for i in intervals]


def world(entities: list[Entity], spells: list[TerritorySpell], events: list[RelationEvent],
          statements: dict[str, list[StatusStatement]] | None = None,
          exchanges: list[DiplomaticExchange] = ()) -> list[Interval]:
    relations = relation_histories(entities, events, statements or {}, list(exchanges))
    intervals = list(standings(entities, spells, relations))
    # Each entity's intervals cover every day once: from the first day on, none empty, no gaps.
    for e in entities:
        own = [i for i in intervals if i.entity == e.id]
        assert own[0].start == dt.date.min and own[-1].end is None
        assert all(i.end is None or i.start < i.end for i in own)
        assert all(a.end == b.start for a, b in zip(own, own[1:], strict=False))
    assert [i.entity for i in intervals] == [e.id for e in entities for i in intervals if i.entity == e.id]
    return intervals


# Japan's relations with the states that held other territories.
DEU = [ev("DEU", "establishment", "1861-01-24"), ev("DEU", "severance", "1914-08-23"),
       ev("DEU", "resumption", "1920-01-10")]
ZAF = [ev("ZAF", "severance", "1941-12-08"), ev("ZAF", "resumption", "1952-04-28")]
HOLDERS = [entity("DEU"), entity("ZAF")]


def test_an_entity_without_spells_is_a_state_of_its_own_throughout() -> None:
    events = [ev("CHE", "establishment", "1864-02-06")]
    assert table(world([entity("CHE")], [], events)) == [
        (MIN, "1864-02-06", "none", None, None, None, True, "sovereign", (), None, None),
        ("1864-02-06", None, "diplomatic", "event", "che-establishment-1864-02-06", "1864-02-06", False,
         "sovereign", (), None, None),
    ]


USA = [ev("USA", "establishment", "1858-07-29"), ev("USA", "severance", "1941-12-08"),
       ev("USA", "resumption", "1952-04-28")]


def test_a_territory_of_japan_is_japan() -> None:
    spells = [spell("kor-japan-1910", "1910-08-29", "part_of", ("JPN",),
                    form="annexed territory (Government-General of Korea)"),
              spell("kor-joseon", None, "sovereign"),
              spell("kor-occupied-1945", "1945-09-08", "occupied", ("USA",)),
              spell("kor-republic-1948", "1948-08-15", "sovereign")]
    events = [*USA, ev("KOR", "normalisation", "1965-12-18")]
    intervals = world([entity("KOR"), entity("USA")], spells, events)
    assert table([i for i in intervals if i.entity == "KOR"]) == [
        (MIN, "1910-08-29", "none", None, None, None, True, "sovereign", (), "kor-joseon", "1910-08-29"),
        ("1910-08-29", "1945-09-08", "japan", "statehood", "kor-japan-1910", "1910-08-29", False, "part_of",
         ("JPN",), "kor-japan-1910", "1945-09-08"),
        # Occupied after being part of Japan, and with no relations of its own: the occupier's status.
        ("1945-09-08", "1948-08-15", "severed", "event", "usa-severance-1941-12-08", "1941-12-08", False, "occupied",
         ("USA",), "kor-occupied-1945", "1948-08-15"),
        ("1948-08-15", "1965-12-18", "none", None, None, None, True, "sovereign", (), "kor-republic-1948", None),
        ("1965-12-18", None, "diplomatic", "event", "kor-normalisation-1965-12-18", "1965-12-18", False,
         "sovereign", (), "kor-republic-1948", None),
    ]
    japan = next(i for i in intervals if i.status == "japan")
    assert japan.note == "annexed territory (Government-General of Korea)"


def test_an_occupied_territory_with_relations_of_its_own_keeps_them() -> None:
    # Iceland, part of Denmark, occupied by Britain in 1940; a (fictional) recognition of 1943.
    spells = [spell("isl-danish", None, "part_of", ("DNK",)),
              spell("isl-occupied-1940", "1940-05-10", "occupied", ("GBR",)),
              spell("isl-republic-1944", "1944-06-17", "sovereign")]
    events = [ev("GBR", "establishment", "1858-08-26"), ev("GBR", "severance", "1941-12-08"),
              ev("ISL", "recognition", "1943-01-01")]
    intervals = world([entity("ISL"), entity("DNK"), entity("GBR")], spells, events)
    assert table([i for i in intervals if i.entity == "ISL"])[:5] == [
        (MIN, "1940-05-10", "unknown", None, None, None, False, "part_of", ("DNK",), "isl-danish", "1940-05-10"),
        ("1940-05-10", "1941-12-08", "diplomatic", "event", "gbr-establishment-1858-08-26", "1858-08-26", False,
         "occupied", ("GBR",), "isl-occupied-1940", "1944-06-17"),
        ("1941-12-08", "1943-01-01", "severed", "event", "gbr-severance-1941-12-08", "1941-12-08", False,
         "occupied", ("GBR",), "isl-occupied-1940", "1944-06-17"),
        ("1943-01-01", "1944-06-17", "recognised", "event", "isl-recognition-1943-01-01", "1943-01-01", False,
         "occupied", ("GBR",), "isl-occupied-1940", "1944-06-17"),
        ("1944-06-17", None, "recognised", "event", "isl-recognition-1943-01-01", "1943-01-01", False,
         "sovereign", (), "isl-republic-1944", None),
    ]


def test_a_territory_of_japan_without_a_form_is_part_of_japan() -> None:
    spells = [spell("twn-qing", None, "part_of", ("CHN",)), spell("twn-japan-1895", "1895", "dependency", ("JPN",))]
    intervals = world([entity("TWN"), entity("CHN")], spells, [])
    japan = [i for i in intervals if i.entity == "TWN"][-1]
    assert (japan.status, japan.note, japan.since, iso(japan.start)) == ("japan", "part of Japan", "1895",
                                                                        "1895-01-01")


def test_a_dependency_has_japans_status_with_its_holders_of_the_day() -> None:
    spells = [spell("nam-german-1884", "1884-08-07", "dependency", ("DEU",), form="protectorate"),
              spell("nam-outside", None, "outside_state_system"),
              spell("nam-mandate-1915", "1915-07-09", "dependency", ("ZAF",), form="mandate"),
              spell("nam-republic-1990", "1990-03-21", "sovereign")]
    events = [*DEU, *ZAF, ev("NAM", "establishment", "1990-03-21")]
    intervals = world([entity("NAM"), *HOLDERS], spells, events)
    assert table([i for i in intervals if i.entity == "NAM"]) == [
        (MIN, "1884-08-07", "no_state", "statehood", "nam-outside", None, False, "outside_state_system", (),
         "nam-outside", "1884-08-07"),
        ("1884-08-07", "1914-08-23", "diplomatic", "event", "deu-establishment-1861-01-24", "1861-01-24", False,
         "dependency", ("DEU",), "nam-german-1884", "1915-07-09"),
        ("1914-08-23", "1915-07-09", "severed", "event", "deu-severance-1914-08-23", "1914-08-23", False,
         "dependency", ("DEU",), "nam-german-1884", "1915-07-09"),
        ("1915-07-09", "1941-12-08", "unknown", None, None, None, False, "dependency", ("ZAF",), "nam-mandate-1915",
         "1990-03-21"),
        ("1941-12-08", "1952-04-28", "severed", "event", "zaf-severance-1941-12-08", "1941-12-08", False,
         "dependency", ("ZAF",), "nam-mandate-1915", "1990-03-21"),
        ("1952-04-28", "1990-03-21", "diplomatic", "event", "zaf-resumption-1952-04-28", "1952-04-28", False,
         "dependency", ("ZAF",), "nam-mandate-1915", "1990-03-21"),
        ("1990-03-21", None, "diplomatic", "event", "nam-establishment-1990-03-21", "1990-03-21", False,
         "sovereign", (), "nam-republic-1990", None),
    ]
    assert intervals[0].note == "no state of the day's state system held the territory"


def test_outside_the_state_system_from_a_date() -> None:
    spells = [spell("som-sultanates-1850", "1850", "outside_state_system"),
              spell("som-italian-1889", "1889", "dependency", ("ITA",))]
    intervals = [i for i in world([entity("SOM"), entity("ITA")], spells, []) if i.entity == "SOM"]
    assert table(intervals)[:2] == [
        (MIN, "1850-01-01", "no_state", "statehood", None, None, False, "not_yet_a_state", (), None, "1850"),
        ("1850-01-01", "1889-01-01", "no_state", "statehood", "som-sultanates-1850", "1850", False,
         "outside_state_system", (), "som-sultanates-1850", "1889"),
    ]


def test_a_condominium_follows_its_first_holder() -> None:
    spells = [spell("sdn-condominium-1899", "1899-01-19", "dependency", ("GBR", "EGY"))]
    events = [ev("GBR", "establishment", "1858-08-26"), ev("EGY", "severance", "1900-01-01")]
    intervals = [i for i in world([entity("SDN"), entity("GBR"), entity("EGY")], spells, events)
                 if i.entity == "SDN"]
    assert table(intervals) == [
        (MIN, "1899-01-19", "no_state", "statehood", None, None, False, "not_yet_a_state", (), None, "1899-01-19"),
        ("1899-01-19", None, "diplomatic", "event", "gbr-establishment-1858-08-26", "1858-08-26", False,
         "dependency", ("GBR", "EGY"), "sdn-condominium-1899", None),
    ]
    assert intervals[0].note == "the state did not yet exist"


def test_an_occupied_state_keeps_its_own_relations() -> None:
    # Luxembourg under German occupation: a state that goes on, its own relations unknown until a
    # (fictional) 1942 resumption with its government in exile; never the occupier's.
    spells = [spell("lux-duchy", None, "sovereign"),
              spell("lux-occupied-1940", "1940-05-10", "occupied", ("DEU",)),
              spell("lux-occupied-1944", "1944-09-01", "occupied", ("DEU",)),
              spell("lux-liberated-1944", "1944-09-10", "sovereign")]
    events = [*DEU, ev("LUX", "resumption", "1942-03-01")]
    intervals = world([entity("LUX"), *HOLDERS], spells, events)
    assert table([i for i in intervals if i.entity == "LUX"]) == [
        (MIN, "1940-05-10", "unknown", None, None, None, False, "sovereign", (), "lux-duchy", "1940-05-10"),
        ("1940-05-10", "1942-03-01", "unknown", None, None, None, False, "occupied", ("DEU",), "lux-occupied-1940",
         "1944-09-01"),
        ("1942-03-01", "1944-09-01", "diplomatic", "event", "lux-resumption-1942-03-01", "1942-03-01", False,
         "occupied", ("DEU",), "lux-occupied-1940", "1944-09-01"),
        ("1944-09-01", "1944-09-10", "diplomatic", "event", "lux-resumption-1942-03-01", "1942-03-01", False,
         "occupied", ("DEU",), "lux-occupied-1944", "1944-09-10"),
        ("1944-09-10", None, "diplomatic", "event", "lux-resumption-1942-03-01", "1942-03-01", False, "sovereign",
         (), "lux-liberated-1944", None),
    ]


def test_a_state_before_it_existed_and_after_it_ended() -> None:
    spells = [spell("sun-union-1922", "1922-12-30", "sovereign", end="1991-12-26")]
    events = [ev("SUN", "establishment", "1925-01-20"), ev("SUN", "severance", "1945-08-09"),
              ev("SUN", "resumption", "1956-12-12"), ev("SUN", "severance", "1995-01-01"),
              ev("SUN", "resumption", "1999-01-01")]
    intervals = world([entity("SUN", "historical_state")], spells, events)
    assert table(intervals) == [
        (MIN, "1922-12-30", "no_state", "statehood", None, None, False, "not_yet_a_state", (), None, "1922-12-30"),
        ("1922-12-30", "1925-01-20", "none", None, None, None, True, "sovereign", (), "sun-union-1922", None),
        ("1925-01-20", "1945-08-09", "diplomatic", "event", "sun-establishment-1925-01-20", "1925-01-20", False,
         "sovereign", (), "sun-union-1922", None),
        ("1945-08-09", "1956-12-12", "severed", "event", "sun-severance-1945-08-09", "1945-08-09", False,
         "sovereign", (), "sun-union-1922", None),
        ("1956-12-12", "1991-12-27", "diplomatic", "event", "sun-resumption-1956-12-12", "1956-12-12", False,
         "sovereign", (), "sun-union-1922", None),
        # After its last day the state has ended, whatever its (misdated) events say: one interval.
        ("1991-12-27", None, "ended", "statehood", "sun-union-1922", "1991-12-26", False, "ended", (),
         "sun-union-1922", None),
    ]
    assert intervals[-1].note == "the state no longer exists"


def test_a_dissolution_event_keeps_its_own_basis_after_the_end() -> None:
    spells = [spell("yug-kingdom", None, "sovereign", end="1992-04")]
    events = [ev("YUG", "establishment", "1952-04-28"), ev("YUG", "state_dissolved", "1992-04-27")]
    intervals = world([entity("YUG", "historical_state")], spells, events)
    assert table(intervals)[-2:] == [
        ("1992-04-27", "1992-05-01", "ended", "event", "yug-state_dissolved-1992-04-27", "1992-04-27", False,
         "sovereign", (), "yug-kingdom", None),
        ("1992-05-01", None, "ended", "event", "yug-state_dissolved-1992-04-27", "1992-04-27", False, "ended", (),
         "yug-kingdom", None),
    ]


def test_each_entity_has_its_own_spells_in_entity_order() -> None:
    spells = [spell("bbb-japan-1900", "1900", "part_of", ("JPN",)), spell("aaa-outside", None,
                                                                           "outside_state_system")]
    intervals = world([entity("BBB"), entity("AAA"), entity("CCC")], spells, [])
    assert [(i.entity, i.status) for i in intervals] == [("BBB", "no_state"), ("BBB", "japan"),
                                                        ("AAA", "no_state"), ("CCC", "unknown")]


# -- relations over time, before the territory is joined in


@pytest.mark.parametrize("first", ["establishment", "recognition", "unofficial_relations", "severance",
                                   "suspension"])
def test_none_after_relations_of_any_kind_is_not_never(first: str) -> None:
    events = [ev("PRK", first, "1950-01-01")]
    mofa = {"PRK": [statement("mofa-prk", "none", "2023-03-20", "PRK")]}
    steps = relation_histories([entity("PRK")], events, mofa, [])["PRK"]
    start, end, at, never = steps[-1]
    assert (iso(start), end, at, never) == ("2023-03-20", None,
                                           StatusAt(Status.NONE, "statement", "mofa-prk", "2023-03-20"), False)


def test_never_any_relations_drops_the_date_of_none() -> None:
    mofa = {"PRK": [statement("mofa-prk", "none", "2023-03-20", "PRK")]}
    steps = relation_histories([entity("PRK")], [], mofa, [])["PRK"]
    assert [(iso(s), iso(e), at, never) for s, e, at, never in steps] == [
        (MIN, "2023-03-20", StatusAt(Status.UNKNOWN), False),
        ("2023-03-20", None, StatusAt(Status.NONE, "statement", "mofa-prk", None), True),
    ]


def test_relations_read_each_partners_own_events_statements_and_evidence() -> None:
    exchanges = [DiplomaticExchange(partner="THA", cow_code=800, year=1960, level_partner_in_japan=3,
                                    level_japan_in_partner=3, exchange=True)]
    histories = relation_histories([entity("THA"), entity("IND")], [ev("IND", "establishment", "1952-04-28")],
                                   {"IND": [statement("s-ind", "diplomatic", "2023-01", "IND")]}, exchanges)
    assert [(iso(s), at.status, at.basis) for s, _, at, _ in histories["THA"]] == [
        (MIN, "unknown", None), ("1960-01-01", "diplomatic", "evidence"), ("1961-01-01", "unknown", None)]
    assert [(iso(s), at.status) for s, _, at, _ in histories["IND"]] == [(MIN, "none"),
                                                                       ("1952-04-28", "diplomatic")]


def test_an_answer_is_the_same_only_if_everything_but_its_days_is() -> None:
    base = Interval("KOR", dt.date(1950, 1, 1), dt.date(1960, 1, 1), "diplomatic", "event", "e", "1950", False,
                    "n", "sovereign", (), None, None)
    assert base.same_answer(dataclasses.replace(base, start=dt.date(1960, 1, 1), end=None))
    assert base.same_answer(dataclasses.replace(base, spell_until="1970"))
    for change in ({"status": "severed"}, {"basis": "statement"}, {"basis_id": "f"}, {"since": "1951"},
                   {"never": True}, {"note": "m"}, {"condition": "occupied"}, {"holders": ("USA",)},
                   {"spell": spell("kor-x", None, "sovereign")}):
        assert not base.same_answer(dataclasses.replace(base, **change)), change


def test_a_territory_occupied_twice_stands_with_each_occupier() -> None:
    # Montenegro: part of Yugoslavia, occupied by Italy in 1941 and by Germany in 1943. It was no
    # state of its own and has no relations then: each occupier's status stands for it.
    spells = [spell("mne-yugoslavia", None, "part_of", ("YUG",)),
              spell("mne-italian-1941", "1941-04-18", "occupied", ("ITA",)),
              spell("mne-german-1943", "1943-09-12", "occupied", ("DEU",)),
              spell("mne-yugoslavia-1944", "1944-12", "part_of", ("YUG",))]
    events = [*DEU, ev("ITA", "establishment", "1866-08-25"), ev("MNE", "establishment", "2006-06-16")]
    intervals = world([entity("MNE"), entity("YUG"), entity("ITA"), *HOLDERS], spells, events)
    occupied = [(iso(i.start), i.status, i.basis_id, i.holders) for i in intervals
                if i.entity == "MNE" and i.condition == "occupied"]
    assert occupied == [("1941-04-18", "diplomatic", "ita-establishment-1866-08-25", ("ITA",)),
                        ("1943-09-12", "diplomatic", "deu-resumption-1920-01-10", ("DEU",))]


def test_a_change_of_relations_on_the_day_a_spell_ends_belongs_to_the_next_spell() -> None:
    # Estonia: relations broken the day the Soviet Union annexed it, resumed after restoration.
    spells = [spell("est-russia", None, "part_of", ("SUN",)), spell("est-republic-1918", "1918-02-24", "sovereign"),
              spell("est-soviet-1940", "1940-08-06", "part_of", ("SUN",)),
              spell("est-restored-1991", "1991-09-06", "sovereign")]
    events = [ev("EST", "establishment", "1921-01-26"), ev("EST", "severance", "1940-08-06"),
              ev("EST", "resumption", "1991-10-10")]
    intervals = world([entity("EST"), entity("SUN", "historical_state")], spells, events)
    assert [(iso(i.start), i.status, i.condition) for i in intervals if i.entity == "EST"] == [
        (MIN, "unknown", "part_of"),
        ("1918-02-24", "none", "sovereign"),
        ("1921-01-26", "diplomatic", "sovereign"),
        ("1940-08-06", "unknown", "part_of"),
        ("1991-09-06", "severed", "sovereign"),
        ("1991-10-10", "diplomatic", "sovereign"),
    ]


def test_a_territory_of_japan_since_before_1854_has_no_date() -> None:
    spells = [spell("xok-japan", None, "part_of", ("JPN",), form="prefecture")]
    intervals = world([entity("XOK", "territory")], spells, [])
    assert table(intervals) == [(MIN, None, "japan", "statehood", "xok-japan", None, False, "part_of", ("JPN",),
                                 "xok-japan", None)]


def test_a_first_spell_from_the_first_day_of_the_calendar_leaves_nothing_before_it() -> None:
    intervals = world([entity("XAA")], [spell("xaa-always", "0001", "sovereign")], [])
    assert table(intervals) == [(MIN, None, "unknown", None, None, None, False, "sovereign", (), "xaa-always", None)]
