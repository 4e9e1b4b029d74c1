"""States through time: the shipped data answer for every territory on every date since 1854.

Properties over the whole history, then checkpoints: each is a fact a cited spell or event in
data/ records (the file and the source are named beside it).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from gaiko.kb import KnowledgeBase

DATA = Path(__file__).parent.parent / "data"
FIRST_YEAR, LAST_YEAR = 1854, dt.date.today().year
# How far gaiko's yearly count of states may stand from COW's (see README, "States through time"):
# gaiko counts microstates COW leaves out (Liechtenstein, Monaco, San Marino, the Holy See, Andorra,
# the Cook Islands, Niue …) and dates states from independence where COW dates system entry
# (Latin America before 1860s, Korea, Qing China, Oman, Nepal …); it never leaves out a COW state.
MAX_ABOVE_COW = 25
STATES = ("sovereign", "occupied")


@pytest.fixture(scope="module")
def db(project_db: Path) -> sqlite3.Connection:
    return sqlite3.connect(project_db)


def _rows(db: sqlite3.Connection, entity: str) -> list[tuple[str, str | None]]:
    return db.execute('SELECT start, "end" FROM standings WHERE entity = ? ORDER BY start', (entity,)).fetchall()


def test_every_entity_has_exactly_one_answer_on_every_day(db: sqlite3.Connection) -> None:
    """An entity's intervals tile all of time: they start at the beginning, each ends where the
    next begins, and only the last is open."""
    entities = [r[0] for r in db.execute("SELECT key FROM entities")]
    for entity in entities:
        rows = _rows(db, entity)
        assert rows and rows[0][0] == "0001-01-01", entity
        for (_, end), (start, _) in zip(rows, rows[1:], strict=False):
            assert end == start, (entity, end, start)
        assert rows[-1][1] is None, entity


def test_every_entity_answers_on_every_first_of_january(project_kb: KnowledgeBase) -> None:
    entities = [e["id"] for e in project_kb.entities()]
    for year in range(FIRST_YEAR, LAST_YEAR + 1, 7):
        day = dt.date(year, 1, 1)
        for entity in entities:
            answer = project_kb.status(entity, day)
            territory = answer["territory"]
            assert territory is not None, (entity, year)  # every entity has spells
            # Never both sovereign and part of another state; held means held by someone.
            if territory["condition"] == "sovereign":
                assert territory["holders"] == [], (entity, year)
            elif territory["condition"] in ("part_of", "dependency", "occupied"):
                assert territory["holders"], (entity, year)
            else:
                assert answer["status"] in ("no_state", "ended"), (entity, year)


def test_today_every_entity_has_statehood_recorded(project_kb: KnowledgeBase) -> None:
    missing = [e["id"] for e in project_kb.entities() if not project_kb.spells(e["id"])]
    assert missing == []


def _state_on(db: sqlite3.Connection, entity: str, day: str) -> tuple[str, list[str]] | None:
    row = db.execute('SELECT condition, holders FROM standings WHERE entity = ? AND start <= ? '
                     'AND ("end" IS NULL OR "end" > ?)', (entity, day, day)).fetchone()
    return (row[0], json.loads(row[1])) if row else None


def test_a_holder_is_a_state_or_held_by_one(db: sqlite3.Connection) -> None:
    """Whoever held a territory was, on that day, a state (or itself held by one: the Cook
    Islands under colonial New Zealand, the Sudan condominium's Egypt under British protection)."""
    wrong = []
    for entity, start, end, holders in db.execute(
            "SELECT entity, start, \"end\", holders FROM standings WHERE holders != '[]'"):
        for year in range(max(int(start[:4]), FIRST_YEAR), min(int((end or "9999")[:4]), LAST_YEAR) + 1):
            day = f"{year}-07-01"
            if not (start <= day and (end is None or end > day)):
                continue
            for holder in json.loads(holders):
                chain, seen = holder, 0
                while chain != "JPN" and seen < 4:
                    state = _state_on(db, chain, day)
                    if state is None or state[0] in STATES:
                        break
                    chain, seen = (state[1][0] if state[1] else ""), seen + 1
                if chain != "JPN" and (_state_on(db, chain, day) or ("", []))[0] not in STATES:
                    wrong.append((entity, holder, day))
    assert wrong == []


def _cow_members(year: int) -> set[str]:
    """COW's members on 1 January of `year` (Japan left out: gaiko is Japan's view)."""
    day = dt.date(year, 1, 1)
    out = set()
    with (DATA / "upstream/cow-state-system/statelist2024.csv").open(encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            start = dt.date(int(r["styear"]), int(r["stmonth"]), int(r["stday"]))
            end = dt.date(int(r["endyear"]), int(r["endmonth"]), int(r["endday"]))
            if start <= day <= end and r["ccode"] != "740":
                out.add(r["ccode"])
    return out


def test_the_yearly_count_of_states_tracks_cow(db: sqlite3.Connection) -> None:
    """gaiko's sovereign states on 1 January never fall below COW's members, and exceed them by
    at most MAX_ABOVE_COW (microstates and independence dated before system entry)."""
    for year in range(1860, min(LAST_YEAR, 2024) + 1):
        day = f"{year}-01-01"
        ours = db.execute('SELECT count(*) FROM standings WHERE start <= ? AND ("end" IS NULL OR "end" > ?) '
                          "AND condition = 'sovereign'", (day, day)).fetchone()[0]
        cow = len(_cow_members(year))
        assert cow <= ours <= cow + MAX_ABOVE_COW, (year, ours, cow)


def _status(kb: KnowledgeBase, entity: str, day: str) -> dict:
    return dict(kb.status(entity, dt.date.fromisoformat(day)))


@pytest.mark.parametrize(("entity", "day", "condition", "holder", "status"), [
    # Japan's own territory: Korea 1910–45 (statehood/asia-pacific.yaml, kor-part-of-japan-1910,
    # Korea under Japanese rule), Taiwan 1895–1945 (twn-part-of-japan-1895, Treaty of Shimonoseki).
    ("KOR", "1930-06-01", "part_of", "JPN", "japan"),
    ("TWN", "1930-06-01", "part_of", "JPN", "japan"),
    # A union: Russia within the Soviet Union, diplomatic since the 1925 Basic Convention.
    ("RUS", "1930-06-01", "part_of", "SUN", "diplomatic"),
    # A colony: the Gold Coast, a British colony, shows Japan's status with the UK.
    ("GHA", "1930-06-01", "dependency", "GBR", "diplomatic"),
    # Annexation (contested): Austria in the German Reich after the Anschluss.
    ("AUT", "1940-06-01", "part_of", "XGE", "diplomatic"),
    # Unions and federations: Singapore in Malaysia, Bangladesh in Pakistan, Eritrea in
    # Ethiopia, South Sudan in Sudan, Slovakia in Czechoslovakia, Syria in the UAR.
    ("SGP", "1964-06-01", "part_of", "MYS", "diplomatic"),
    ("BGD", "1960-06-01", "part_of", "PAK", "diplomatic"),
    ("ERI", "1970-06-01", "part_of", "ETH", "diplomatic"),
    ("SSD", "2000-06-01", "part_of", "SDN", "diplomatic"),
    ("SVK", "1990-06-01", "part_of", "CSK", "diplomatic"),
    ("SYR", "1959-06-01", "part_of", "EGY", "diplomatic"),
    # Occupation: Timor-Leste under Indonesia, Korea south of the 38th parallel under the US
    # (still at war with Japan until the peace treaty: severed).
    ("TLS", "1980-06-01", "occupied", "IDN", "diplomatic"),
    ("KOR", "1946-06-01", "occupied", "USA", "severed"),
])
def test_a_territory_answers_with_its_holder(project_kb: KnowledgeBase, entity, day, condition, holder,
                                             status) -> None:
    answer = _status(project_kb, entity, day)
    assert answer["territory"]["condition"] == condition
    assert answer["territory"]["holders"][0]["id"] == holder
    assert answer["status"] == status


def test_states_that_did_not_exist_yet_say_so(project_kb: KnowledgeBase) -> None:
    # The Soviet Union was founded on 1922-12-30 (successions/europe.yaml).
    assert _status(project_kb, "SUN", "1900-01-01")["status"] == "no_state"
    # Before the Dutch and British took them, no state of the day held most of Indonesia's or
    # Botswana's lands... but a colonial holder is a holder: Botswana 1880 had none (outside the system).
    botswana = _status(project_kb, "BWA", "1880-01-01")
    assert (botswana["status"], botswana["territory"]["condition"]) == ("no_state", "outside_state_system")


def test_none_that_was_never_anything_else_says_never(project_kb: KnowledgeBase) -> None:
    north_korea = _status(project_kb, "PRK", "2020-01-01")
    assert (north_korea["status"], north_korea["never"], north_korea["since"]) == ("none", True, None)
    prc_1960 = _status(project_kb, "CHN", "1960-01-01")
    assert (prc_1960["status"], prc_1960["never"]) == ("none", True)
    # A none after relations ended is not "never": the ROC on Taiwan after 1972 is unofficial anyway.
    assert _status(project_kb, "TWN", "1980-01-01")["status"] == "unofficial"


@pytest.mark.parametrize(("entity", "day", "status"), [
    # The Russo-Japanese War: Japan broke off relations on 1904-02-06, restored after Portsmouth
    # (relations/chains.yaml, xre-severance-1904, xre-resumption-1905).
    ("XRE", "1904-06-01", "severed"),
    ("XRE", "1906-06-01", "diplomatic"),
    # The First World War: the German Reich from 1914-08-23 (chains.yaml, deu-severance-1914).
    ("XGE", "1916-01-01", "severed"),
    # The occupation suspended Japan's relations with the neutrals from 1945-10-25 (occupation.yaml,
    # FRUS 1945 vol. VI; JACAR) until each resumed: Sweden, Switzerland.
    ("SWE", "1946-06-01", "suspended"),
    ("CHE", "1946-06-01", "suspended"),
    ("CHE", "1953-01-01", "diplomatic"),
    # Which Chinese government: the ROC on the mainland severed in 1941; the PRC from 1972.
    ("XRC", "1943-01-01", "severed"),
    ("TWN", "1960-01-01", "diplomatic"),
    ("CHN", "1973-01-01", "diplomatic"),
])
def test_the_history_of_wars_occupation_and_recognition(project_kb: KnowledgeBase, entity, day, status) -> None:
    assert _status(project_kb, entity, day)["status"] == status


def test_on_1946_06_01_no_state_is_in_diplomatic_relations(project_kb: KnowledgeBase) -> None:
    rows = project_kb.relations(dt.date(1946, 6, 1))
    assert [r["id"] for r in rows if r["status"] == "diplomatic"] == []


def test_the_list_follows_the_state_system_of_the_day(project_kb: KnowledgeBase) -> None:
    ids_1900 = {r["id"] for r in project_kb.relations(dt.date(1900, 1, 1))}
    assert {"XRE", "XQG", "XKR", "XOE", "XAH", "XGE"} <= ids_1900
    assert not {"RUS", "CHN", "KOR", "TUR", "AUT", "DEU", "SUN", "TWN"} & ids_1900
    assert {"XYN", "YMD"} <= {r["id"] for r in project_kb.relations(dt.date(1990, 1, 1))}
    ids_1990 = {r["id"] for r in project_kb.relations(dt.date(1990, 6, 1))}
    assert {"SUN", "CSK", "YUG", "DDR", "YEM"} <= ids_1990
    assert not {"RUS", "SVK", "HRV", "UKR"} & ids_1990
    with_territories = {r["id"] for r in project_kb.relations(dt.date(1990, 6, 1), territories=True)}
    assert {"RUS", "SVK", "UKR"} <= with_territories


def test_a_country_page_shows_its_chain(project_kb: KnowledgeBase) -> None:
    chain = project_kb.chain("Russia")
    names = [chain[0]["predecessor"]["id"]] + [link["successor"]["id"] for link in chain]
    assert names == ["XRE", "XRS", "SUN", "RUS"]
