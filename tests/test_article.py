from pathlib import Path
from types import SimpleNamespace

import pytest

from gaiko.article import ArticleError, parse_article, split_sentences
from gaiko.coverage import coverage

SEED = Path(__file__).parent.parent / "data" / "upstream" / "seed" / "foreign-relations-of-japan.txt"
ARTICLE = """Lead sentence about Japan and its many neighbours. A second one follows here today.
== History ==
=== Early ===
The Tenshō embassy reached Lisbon in August 1584 after a long voyage.
== See also ==
Foreign policy of Japan and other articles listed here
"""


def test_sections_nest_and_sentences_get_stable_ids() -> None:
    sections = parse_article(ARTICLE)
    assert [s.id for s in sections] == ["lead", "history", "history/early", "see-also"]
    first = parse_article(ARTICLE)[2].sentences[0].id
    edited = parse_article("An inserted sentence of five words.\n" + ARTICLE)[2].sentences[0].id
    assert first == edited and first.startswith("history/early#")


def test_navigation_sections_are_not_factual() -> None:
    sections = {s.id: s for s in parse_article(ARTICLE)}
    assert all(s.factual for s in sections["history/early"].sentences)
    assert not any(s.factual for s in sections["see-also"].sentences)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("President Harry S. Truman left. The U.S. agreed. Japan signed.", 3),
        ("Aid rose in Japanese fiscal year (FY) 1988. It fell later on.", 2),
        ('He said "a nation of peace." Then he left.', 2),
    ],
)
def test_sentence_splitting_respects_initials_and_abbreviations(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


def test_unreadable_articles_are_refused() -> None:
    with pytest.raises(ArticleError, match="empty"):
        parse_article("   \n")
    with pytest.raises(ArticleError, match="binary"):
        parse_article("abc\x00def")


def test_coverage_matches_quotes_and_lists_the_rest_with_a_reason() -> None:
    sections = parse_article(ARTICLE)
    citations = [{"record_type": "timeline_event", "record_id": "tensho",
                  "quote": "The Tenshō embassy reached Lisbon in August 1584"}]
    report = coverage(SimpleNamespace(citations=lambda: citations), sections)  # type: ignore[arg-type]
    by_text = {r["text"]: r for r in report["sentences"]}
    assert by_text["The Tenshō embassy reached Lisbon in August 1584 after a long voyage."]["records"] == [
        "timeline_event:tensho"]
    missing = by_text["Lead sentence about Japan and its many neighbours."]
    assert not missing["covered"] and missing["reason"] == "no record cites it"
    assert report["factual_sentences"] == 3 and report["covered"] == 1


def test_the_seed_is_covered_by_the_shipped_data(project_kb) -> None:
    report = coverage(project_kb, parse_article(SEED.read_text(encoding="utf-8")))
    assert report["factual_sentences"] >= 60
    assert report["share"] >= 0.95, [r["text"] for r in report["sentences"] if not r["covered"]]
