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


def test_entity_has_the_cli_shape(client: TestClient) -> None:
    response = client.get("/api/v1/entities/KOR")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "KOR" and body["status"] == "diplomatic"
    assert body["events"][0]["citations"]


def test_unknown_entity_is_a_404_problem_with_suggestions(client: TestClient) -> None:
    response = client.get("/api/v1/entities/Kroea")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["title"] == "Unknown entity"
    assert any(s["id"] == "KOR" for s in body["suggestions"])


def test_malformed_as_of_is_a_422_problem(client: TestClient) -> None:
    response = client.get("/api/v1/relations", params={"as_of": "1960-13"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "month 13 does not exist" in response.json()["detail"]


def test_relations_as_of(client: TestClient) -> None:
    rows = client.get("/api/v1/relations", params={"as_of": "1960-01-01"}).json()
    assert {r["id"]: r["status"] for r in rows}["CHN"] == "severed"
    bad = client.get("/api/v1/relations", params={"status": "friendly"})
    assert bad.status_code == 422


def test_entities_list_and_openapi(client: TestClient) -> None:
    assert {e["id"] for e in client.get("/api/v1/entities").json()} >= {"KOR", "SUN", "THA"}
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/relations" in spec["paths"]
