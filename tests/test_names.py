"""Which entity a name, code or number means, and the suggestions for a miss."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import database
from gaiko.names import UnknownEntity, brief, find, suggest
from gaiko.store.read import Store

YEMENS = """\
- {id: YAR, kind: historical_state, name_en: Yemen Arab Republic, cow_code: 678,
   citations: [{source: cow-states, locator: "ccode=678"}]}
- {id: YEM, kind: un_member, name_en: Yemen, cow_code: 678, citations: [{source: cow-states, locator: "ccode=678"}]}
- {id: COG, kind: un_member, name_en: Congo, aliases_en: [Congo (Brazzaville)],
   citations: [{source: pycountry, locator: "alpha_3=COG"}]}
- {id: COD, kind: un_member, name_en: Democratic Republic of the Congo, aliases_en: [Congo (Kinshasa)],
   citations: [{source: pycountry, locator: "alpha_3=COD"}]}
"""
YEMEN_SPELLS = """\
- {id: yar-1918, entity: YAR, start: "1918-11-01", end: "1990-05-21", condition: sovereign,
   citations: [{source: cow-states, locator: "ccode=678"}]}
- {id: yem-yemen, entity: YEM, condition: sovereign, citations: [{source: cow-states, locator: "ccode=678"}]}
- {id: cog-congo, entity: COG, condition: sovereign, citations: [{source: cow-states, locator: "ccode=484"}]}
- {id: cod-congo, entity: COD, condition: sovereign, citations: [{source: cow-states, locator: "ccode=490"}]}
"""


def scenario_db() -> Path:
    # North Yemen and Yemen share COW code 678, and the historical state's id sorts first;
    # the two Congos share a name once brackets are dropped.
    return database("names", scenario=True,
                    extra={"historical/names.yaml": YEMENS, "statehood/names.yaml": YEMEN_SPELLS})


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store(scenario_db())
    yield opened
    opened.close()


@pytest.mark.parametrize(("query", "entity"), [
    ("KOR", "KOR"), ("kor", "KOR"), (" KOR ", "KOR"), ("kr", "KOR"), ("Q884", "KOR"), ("ROK", "KOR"),
    ("South Korea", "KOR"), ("south  korea", "KOR"), ("Republic of Korea", "KOR"), ("Korea, Republic of", "KOR"),
    ("大韓民国", "KOR"), ("韓国", "KOR"), ("Holy See", "VAT"), ("Vatican", "VAT"), ("Sikkim", "IND"),
    ("USSR", "SUN"), ("ソ連", "SUN"),
])
def test_ids_codes_and_names_in_both_languages(store: Store, query: str, entity: str) -> None:
    assert find(store, query) == entity


@pytest.mark.parametrize(("number", "entity"), [
    ("410", "KOR"),  # ISO 3166-1 numeric
    ("732", "KOR"),  # COW code
    ("2", "USA"),
    (2, "USA"),
    ("810", "SUN"),  # a historical state's ISO number
    ("040", "AUT"),  # a leading zero: only an ISO number
    ("710", "CHN"),  # China's COW code before South Africa's ISO number
    ("365", "RUS"),  # Russia and the Soviet Union share a COW code: today's state
    ("345", "XYK"),  # both Yugoslavias are historical: the first by id
    ("678", "YEM"),  # Yemen, not the Yemen Arab Republic that sorts before it
])
def test_numbers_are_cow_codes_first_then_iso_numbers(store: Store, number: str | int, entity: str) -> None:
    assert find(store, number) == entity


def test_an_id_is_an_id_even_when_it_is_another_entitys_code(store: Store) -> None:
    # "RUS" is Russia's id and the Soviet Union's COW abbreviation.
    assert find(store, "rus") == "RUS"
    assert find(store, "Rus ") == "RUS"


@pytest.mark.parametrize(("query", "entity"), [
    ("Congo", "COG"),  # the Republic of the Congo's name, and the other's only without brackets
    ("Congo (Kinshasa)", "COD"),  # as typed, before its bracket-free "Congo"
    ("congo (brazzaville)", "COG"),
])
def test_a_name_as_typed_outranks_what_is_left_of_another(store: Store, query: str, entity: str) -> None:
    assert find(store, query) == entity


def test_an_ambiguous_name_lists_its_candidates(store: Store) -> None:
    # "Yugoslavia" is a name of both Yugoslavias, and the FRY's former name, which ranks lower.
    with pytest.raises(UnknownEntity) as info:
        find(store, "Yugoslavia")
    assert info.value.ambiguous
    assert info.value.query == "Yugoslavia"
    assert [s["id"] for s in info.value.suggestions] == ["XYK", "YUG"]
    assert str(info.value) == ("'Yugoslavia' matches several entities: Kingdom of Yugoslavia (XYK), "
                               "Socialist Federal Republic of Yugoslavia (YUG)")


def test_a_miss_suggests_the_closest_names(store: Store) -> None:
    with pytest.raises(UnknownEntity) as info:
        find(store, "Kroea")
    assert not info.value.ambiguous
    assert isinstance(info.value, LookupError)
    assert info.value.suggestions == [{"id": "KOR", "name_en": "South Korea", "name_ja": "大韓民国"},
                                      {"id": "PRK", "name_en": "North Korea", "name_ja": "朝鮮民主主義人民共和国"}]
    assert str(info.value) == "no entity matches 'Kroea'; did you mean: South Korea (KOR), North Korea (PRK)?"


def test_a_miss_without_suggestions_when_none_are_wanted(store: Store) -> None:
    with pytest.raises(UnknownEntity) as info:
        find(store, "Kroea", suggest_on_miss=False)
    assert (info.value.suggestions, str(info.value)) == ([], "no entity matches 'Kroea'")


def test_a_miss_with_nothing_close_says_so(store: Store) -> None:
    with pytest.raises(UnknownEntity) as info:
        find(store, "  zzzzzzzz ")
    assert (info.value.query, info.value.suggestions, str(info.value)) == ("zzzzzzzz", [],
                                                                          "no entity matches 'zzzzzzzz'")


@pytest.mark.parametrize("query", ["40", "0", "999"])
def test_numbers_that_name_nothing(store: Store, query: str) -> None:
    with pytest.raises(UnknownEntity) as info:
        find(store, query)
    assert not info.value.ambiguous


@pytest.mark.parametrize("query", ["", "  "])
def test_a_blank_query_names_nothing_and_suggests_nothing(store: Store, query: str) -> None:
    with pytest.raises(UnknownEntity) as info:
        find(store, query)
    assert (info.value.suggestions, str(info.value)) == ([], "no entity matches ''")


@pytest.mark.parametrize(("text", "ids"), [
    ("Korea", ["KOR", "PRK"]),  # a part of their names
    ("Kroea", ["KOR", "PRK"]),
    ("Untied Kingdom", ["GBR", "THA", "XYK"]),
    ("Austira", ["AUT", "RUS"]),
])
def test_suggestions_best_first(store: Store, text: str, ids: list[str]) -> None:
    assert [s["id"] for s in suggest(store, text)] == ids


@pytest.mark.parametrize(("text", "first"), [
    ("Chna", ["CHN", "TWN"]), ("kr", ["KOR"]), ("USSR", ["SUN"]),
    ("ukg", ["GBR"]), ("rok", ["KOR"]),  # three letters are compared with codes (COW's UKG, ROK) too
])
def test_the_closest_names_come_first(store: Store, text: str, first: list[str]) -> None:
    assert [s["id"] for s in suggest(store, text)][:len(first)] == first


def test_a_full_name_ranks_above_a_part_of_a_longer_name(store: Store) -> None:
    # "China" is China's name and a part of Taiwan's official name, "Republic of China".
    assert [s["id"] for s in suggest(store, "China")][:2] == ["CHN", "TWN"]


def test_equally_close_names_in_id_order(store: Store) -> None:
    assert [s["id"] for s in suggest(store, "Yugoslavia")] == ["XFR", "XYK", "YUG"]
    assert [s["id"] for s in suggest(store, "Congo")] == ["COD", "COG"]


def test_at_most_five_suggestions_or_fewer_if_asked(store: Store) -> None:
    assert len(suggest(store, "Republic")) == 5
    assert [s["id"] for s in suggest(store, "Republic", limit=2)] == [s["id"] for s in suggest(store, "Republic")][:2]
    assert suggest(store, "!!!") == []


def test_long_queries_are_not_compared_with_codes(store: Store) -> None:
    # "USSR" would be close to USA's code "US"; four letters or more are names.
    assert "USA" not in [s["id"] for s in suggest(store, "USSR")]


def test_brief_names_an_entity_or_echoes_an_unknown_id(store: Store) -> None:
    assert brief(store, "AUT") == {"id": "AUT", "name_en": "Austria", "name_ja": "オーストリア"}
    assert brief(store, "XYK") == {"id": "XYK", "name_en": "Kingdom of Yugoslavia", "name_ja": None}
    assert brief(store, "ZZZ") == {"id": "ZZZ", "name_en": "ZZZ", "name_ja": None}
    # Japan is no entity, but is named (a suggestion for "Japn" reads "Japan (JPN)").
    assert brief(store, "JPN") == {"id": "JPN", "name_en": "Japan", "name_ja": "日本"}
