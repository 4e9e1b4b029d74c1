from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gaiko.api import create_app
from gaiko.kb import KnowledgeBase


@pytest.fixture
def client(fixture_db: Path) -> Iterator[TestClient]:
    kb = KnowledgeBase(fixture_db)
    with TestClient(create_app(kb)) as test_client:
        yield test_client
    kb.close()


@pytest.fixture
def project_client(project_db: Path) -> Iterator[TestClient]:
    kb = KnowledgeBase(project_db)
    with TestClient(create_app(kb, warm=False)) as test_client:
        yield test_client
    kb.close()


def problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_entity_has_the_cli_shape(client: TestClient, fixture_db: Path) -> None:
    from typer.testing import CliRunner

    from gaiko.cli import app

    body = client.get("/api/v1/entities/KOR").json()
    cli = CliRunner().invoke(app, ["country", "KOR", "--json", "--db", str(fixture_db)]).stdout
    import json

    assert body == json.loads(cli)


def test_unknown_entity_is_a_404_with_suggestions(client: TestClient) -> None:
    body = problem(client.get("/api/v1/entities/Kroea"), 404)
    assert any(s["id"] == "KOR" for s in body["suggestions"])


@pytest.mark.parametrize(
    ("path", "params", "reason"),
    [
        ("/api/v1/relations", {"as_of": "1960-13"}, "month 13 does not exist"),
        ("/api/v1/relations", {"limit": 501}, "less than or equal to 500"),
        ("/api/v1/relations", {"status": "friendly"}, "status"),
        ("/api/v1/relations", {"region": "Atlantis"}, "unknown region"),
        ("/api/v1/timeline", {"from": "2000", "to": "1990"}, "inverted"),
        ("/api/v1/relation-events", {"from": "1990-02-30"}, "has no day 30"),
        ("/api/v1/timeline", {"theme": "gossip"}, "theme"),
        ("/api/v1/search", {"q": ""}, "q"),
        ("/api/v1/audit", {"kind": "nonsense"}, "unknown kind"),
    ],
)
def test_bad_requests_are_422_problems_with_a_reason(client: TestClient, path, params, reason) -> None:
    assert reason in problem(client.get(path, params=params), 422)["detail"]


def test_unknown_records_and_routes_are_404_problems(client: TestClient) -> None:
    problem(client.get("/api/v1/relation-events/nope"), 404)
    problem(client.get("/api/v1/timeline/nope"), 404)
    problem(client.get("/api/v1/disputes/nope"), 404)
    problem(client.get("/api/v1/works/nope"), 404)
    problem(client.get("/api/v1/nowhere"), 404)
    assert "Allow" in client.request("DELETE", "/api/v1/entities").headers


def test_conditional_requests_get_304(client: TestClient) -> None:
    first = client.get("/api/v1/relations")
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public")
    again = client.get("/api/v1/relations", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/v1/relations", params={"as_of": "1960"})
    assert other.headers["etag"] != etag


def test_pagination_has_a_hard_maximum_and_links(client: TestClient) -> None:
    response = client.get("/api/v1/entities", params={"limit": 2})
    assert len(response.json()) == 2
    total = int(response.headers["x-total-count"])
    assert total == len(client.get("/api/v1/entities", params={"limit": 500}).json())
    assert 'rel="next"' in response.headers["link"] and "offset=2" in response.headers["link"]


def test_cors_allows_get(client: TestClient) -> None:
    response = client.get("/api/v1/entities/KOR", headers={"Origin": "http://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = client.options("/api/v1/entities", headers={
        "Origin": "http://example.org", "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200


def test_the_database_is_read_only(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert client.request(method, "/api/v1/entities/KOR").status_code == 405


@pytest.mark.parametrize(
    ("query", "kind", "expected"),
    [
        ("韓国", "entity", "KOR"),
        ("大韓民国", "entity", "KOR"),
        ("竹島", "dispute", "liancourt-rocks-takeshima-dokdo"),
        ("Dokdo", "dispute", "liancourt-rocks-takeshima-dokdo"),
        ("Liancourt Rocks", "dispute", "liancourt-rocks-takeshima-dokdo"),
        ("Burma", "entity", "MMR"),
        ("Swaziland", "entity", "SWZ"),
        ("尖閣", "dispute", "senkaku-diaoyu-tiaoyutai-islands"),
    ],
)
def test_search_in_japanese_and_by_alias(project_client: TestClient, query, kind, expected) -> None:
    hits = project_client.get("/api/v1/search", params={"q": query}).json()["hits"]
    assert any(h["type"] == kind and h["id"] == expected for h in hits[:5]), hits[:5]


def test_two_character_japanese_terms_are_found(project_client: TestClient) -> None:
    for term in ("外交", "条約", "韓国"):
        response = project_client.get("/api/v1/search", params={"q": term})
        assert int(response.headers["x-total-count"]) > 0, term


def test_search_hits_link_to_their_records(project_client: TestClient) -> None:
    hits = project_client.get("/api/v1/search", params={"q": "Kanagawa", "type": "timeline_event"}).json()["hits"]
    assert hits and all(h["type"] == "timeline_event" for h in hits)
    assert project_client.get(hits[0]["link"]).status_code == 200


def test_every_resource_answers(project_client: TestClient) -> None:
    for path in ("/api/v1/entities", "/api/v1/relations", "/api/v1/relation-events?partner=China",
                 "/api/v1/timeline?from=1854&to=1860", "/api/v1/disputes", "/api/v1/figures?country=India",
                 "/api/v1/missions?country=KOR", "/api/v1/works", "/api/v1/narratives", "/api/v1/audit",
                 "/api/v1/check", "/api/v1/meta", "/api/v1/openapi.json", "/api/v1/docs"):
        assert project_client.get(path).status_code == 200, path


@pytest.mark.parametrize("path, params", [
    ("/api/v1/timeline", {}),
    ("/api/v1/timeline", {"country": "USA"}),
    ("/api/v1/relation-events", {}),
    ("/api/v1/relation-events", {"type": "establishment"}),
])
def test_long_lists_page_in_the_store_with_the_same_rows_and_total(client: TestClient, path: str,
                                                                    params: dict[str, str]) -> None:
    everything = client.get(path, params={**params, "limit": 500})
    rows = everything.json()
    assert len(rows) >= 2 and everything.headers["x-total-count"] == str(len(rows))
    size = max(1, len(rows) // 3)
    pages = []
    for offset in range(0, len(rows), size):
        response = client.get(path, params={**params, "limit": size, "offset": offset})
        assert response.headers["x-total-count"] == str(len(rows))
        pages += response.json()
    assert pages == rows
    beyond = client.get(path, params={**params, "limit": size, "offset": len(rows)})
    assert beyond.json() == [] and beyond.headers["x-total-count"] == str(len(rows))


def test_timeline_filters_by_country_and_theme_together(client: TestClient) -> None:
    every = client.get("/api/v1/timeline", params={"limit": 500}).json()
    both = client.get("/api/v1/timeline", params={"country": "United States", "theme": "treaty"})
    expected = [e["id"] for e in every if "USA" in e.get("participants", []) and "treaty" in e.get("themes", [])]
    assert [e["id"] for e in both.json()] == expected == ["convention-of-kanagawa-signed-1854"]
    assert both.headers["x-total-count"] == "1"


def test_japan_is_the_subject_not_an_entity(client: TestClient) -> None:
    page = client.get("/country/JPN", follow_redirects=False)
    assert page.status_code == 308 and page.headers["location"] == "/japan"
    answer = client.get("/api/v1/entities/JPN")
    assert answer.status_code == 404 and "gaiko is about Japan's relations" in answer.json()["detail"]
    assert client.get("/country/Atlantis", follow_redirects=False).status_code == 404
