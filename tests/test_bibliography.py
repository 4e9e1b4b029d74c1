from pathlib import Path

import pytest

from gaiko.citeformats import to_bibtex, to_csl
from gaiko.sources.bibliography import further_reading, parse_entry, parse_reading_list

SEED = Path(__file__).parent.parent / "data" / "upstream" / "seed" / "foreign-relations-of-japan.txt"


@pytest.fixture(scope="module")
def works() -> dict[str, dict]:
    return {w["id"]: w for w in parse_reading_list(SEED.read_text(encoding="utf-8"))}


def test_every_entry_of_the_seed_is_parsed(works) -> None:
    lines = further_reading(SEED.read_text(encoding="utf-8"))
    assert len(works) == len(lines) == 25
    for work in works.values():
        assert work["title"] and work["year"], work["raw"]
        assert work.get("authors") or work.get("editors"), work["raw"]
        first = (work.get("authors") or work["editors"])[0]["family"]
        assert not work["title"].startswith(first), work["raw"]  # names never leak into titles


def test_a_journal_article(works) -> None:
    article = works["gustafsson-2018"]
    assert article["type"] == "article"
    assert [a["family"] for a in article["authors"]] == ["Gustafsson", "Hagström", "Hanssen"]
    assert (article["container_title"], article["volume"], article["issue"], article["pages"]) == (
        "Survival", "60", "6", "137–158")


def test_editors_edition_volumes_and_et_al(works) -> None:
    assert works["duus-1989"]["type"] == "edited-book" and works["duus-1989"]["volume"] == "6"
    assert works["hook-2011"]["edition"] == 3 and works["hook-2011"]["et_al"]
    assert works["matray-2002"]["number_of_volumes"] == 2
    assert [e["family"] for e in works["iriye-2001"]["editors"]] == ["Iriye", "Wampler"]


def test_an_initial_before_the_title_stays_with_the_name(works) -> None:
    barnhart = works["barnhart-1995"]
    assert barnhart["authors"] == [{"family": "Barnhart", "given": "Michael A."}]
    assert barnhart["title"] == "Japan and the World since 1868"


def test_doi_and_unparenthesised_publisher(works) -> None:
    nakamura = works["nakamura-2023"]
    assert nakamura["doi"] == "10.1007/978-981-19-3459-9"
    assert nakamura["publisher"] == "Springer Nature Singapore"
    assert [e["family"] for e in nakamura["editors"]] == ["Nakamura", "Wright"]


def test_online_dates_and_leftovers_are_kept_as_notes(works) -> None:
    bradford = works["bradford-2020"]
    assert (bradford["container_title"], bradford["year"], bradford["month"]) == ("CIMSEC", "2020", 9)
    assert works["akagi-1936"]["number_of_pages"] == 560 and works["akagi-1936"]["online"]
    assert "Wayback Machine" in works["kibata-2000"]["notes"]


def test_same_author_and_year_get_distinct_ids() -> None:
    text = "== Further reading ==\nDoe, Jane. First Book (Press, 2000).\nDoe, Jane. Second Book (Press, 2000).\n"
    assert [w["id"] for w in parse_reading_list(text)] == ["doe-2000", "doe-2000a"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Smith, John. A Title Without Publisher", {"title": "A Title Without Publisher"}),
        ('Lee, Ann. "Quoted" Unknown Journal', {"type": "article", "title": "Quoted"}),
        ("Roe, R. ed. Some Essays (Press, 1999).", {"type": "edited-book", "year": "1999"}),
    ],
)
def test_edge_cases_lose_nothing(line: str, expected: dict) -> None:
    work = parse_entry(line)
    assert work["raw"] == line
    for key, value in expected.items():
        assert work[key] == value


def test_csl_and_bibtex(works) -> None:
    csl = to_csl(works["gustafsson-2018"])
    assert csl["type"] == "article-journal" and csl["issued"] == {"date-parts": [[2018]]}
    assert csl["container-title"] == "Survival" and csl["page"] == "137–158"
    bib = to_bibtex(works["hook-2011"])
    assert bib.startswith("@book{hook-2011,") and "and others" in bib and "edition = {3}" in bib
    assert r"Rowman \& Littlefield" in to_bibtex(works["peng-er-2020"])
