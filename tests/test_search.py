"""Search a Japanese reader can use: names across languages, synonyms, the entity first, a count."""

import pytest

from gaiko.kb import KnowledgeBase


@pytest.mark.parametrize(("query", "first"), [
    ("北朝鮮", "PRK"), ("North Korea", "PRK"), ("朝鮮民主主義人民共和国", "PRK"), ("韓国", "KOR"),
    ("Deutschland", "DEU"), ("Burma", "MMR"),
])
def test_a_query_that_names_an_entity_puts_it_first(project_kb: KnowledgeBase, query: str, first: str) -> None:
    result = project_kb.search(query)
    assert result["hits"][0]["type"] == "entity" and result["hits"][0]["id"] == first
    assert result["total"] >= len(result["hits"]) >= 1


def test_a_name_finds_records_written_in_the_other_language(project_kb: KnowledgeBase) -> None:
    english = {h["id"] for h in project_kb.search("North Korea", limit=100)["hits"]}
    japanese = {h["id"] for h in project_kb.search("北朝鮮", limit=100)["hits"]}
    assert english == japanese and len(english) > 3


@pytest.mark.parametrize(("one", "other"), [("拉致", "abduction"), ("政府開発援助", "ODA"),
                                            ("ODA", "official development assistance"), ("安保理", "国連安全保障理事会"),
                                            ("日韓基本条約", "日本国と大韓民国との間の基本関係に関する条約"),
                                            ("日米安全保障条約", "Treaty of Mutual Cooperation and Security")])
def test_synonyms_find_each_other(project_kb: KnowledgeBase, one: str, other: str) -> None:
    found = {h["id"] for h in project_kb.search(one, limit=500)["hits"]}
    assert found and found == {h["id"] for h in project_kb.search(other, limit=500)["hits"]}


def test_oda_reaches_the_figures(project_kb: KnowledgeBase) -> None:
    assert any(h["type"] == "figure" for h in project_kb.search("ODA", limit=50)["hits"])
