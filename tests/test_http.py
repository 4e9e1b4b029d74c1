"""HTTP by the RFCs: conditional requests, caching, compression, headers, parameters, errors."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gaiko.api import create_app
from gaiko.api.http import HttpLayer, etag_of, matches
from gaiko.kb import KnowledgeBase


@pytest.fixture
def client(cold_client: TestClient) -> TestClient:
    return cold_client


def _layer(client: TestClient) -> HttpLayer:
    layer = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, HttpLayer):
        layer = layer.app
    return layer


def test_if_none_match_compares_weakly_and_takes_lists_and_star(client: TestClient) -> None:
    first = client.get("/api/v1/entities/KOR")
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    strong = etag.removeprefix("W/")
    for header in (etag, strong, f'"other", {etag}', "*"):
        again = client.get("/api/v1/entities/KOR", headers={"If-None-Match": header})
        assert again.status_code == 304 and again.content == b"", header
        assert again.headers["etag"] == etag
    assert client.get("/api/v1/entities/KOR", headers={"If-None-Match": '"other"'}).status_code == 200
    assert matches(b'W/"a", "b"', b'W/"b"') and not matches(b'"a"', b'W/"b"')


def test_etags_come_from_the_answer_itself(client: TestClient) -> None:
    today = client.get("/api/v1/entities/CHN")
    past = client.get("/api/v1/entities/CHN", params={"as_of": "1960"})
    assert today.headers["etag"] != past.headers["etag"]
    assert today.headers["etag"] == etag_of(today.content).decode()


def test_each_route_keeps_its_cache_control(client: TestClient) -> None:
    assert client.get("/api/v1/relations").headers["cache-control"] == "public, max-age=300"
    assert client.get("/").headers["cache-control"] == "no-cache"
    assert client.get("/timeline").headers["cache-control"] == "no-cache"
    static = client.get("/static/app.js")
    assert static.status_code == 200 and "etag" in static.headers


def test_answers_are_compressed_when_the_client_accepts_gzip(client: TestClient) -> None:
    plain = client.get("/api/v1/relations", headers={"Accept-Encoding": "identity"})
    zipped = client.get("/api/v1/relations", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip" and "Accept-Encoding" in zipped.headers["vary"]
    assert int(zipped.headers["content-length"]) < len(plain.content)
    assert zipped.json() == plain.json()  # the client decompresses
    assert gzip.decompress(gzip.compress(plain.content)) == plain.content


def test_a_parameter_the_route_does_not_take_is_a_422(client: TestClient) -> None:
    response = client.get("/api/v1/relations", params={"as_of": "1960", "cachebust": "1"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "cachebust" in response.json()["detail"]
    assert client.get("/api/v1/entities/KOR", params={"as_of": "1960"}).status_code == 200


def test_the_cache_is_bounded_by_bytes(client: TestClient) -> None:
    layer = _layer(client)
    layer.max_bytes = 200_000
    for year in range(1860, 1990):
        assert client.get("/api/v1/relations", params={"as_of": str(year)}).status_code == 200
    assert 0 < layer.bytes <= layer.max_bytes
    # The same question asked with parameters in another order is the same entry.
    layer.max_bytes = 10_000_000
    before = len(layer.answers)
    client.get("/api/v1/relations", params=[("limit", "5"), ("as_of", "1960")])
    client.get("/api/v1/relations", params=[("as_of", "1960"), ("limit", "5")])
    assert len(layer.answers) == before + 1


def test_no_host_header_is_reflected(client: TestClient) -> None:
    response = client.get("/api/v1/entities/", headers={"Host": "evil.example"}, follow_redirects=False)
    assert "location" not in response.headers
    assert response.status_code == 404


def test_security_headers_on_every_answer(client: TestClient) -> None:
    for path in ("/", "/api/v1/entities/KOR", "/api/v1/nowhere", "/static/app.css"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"], path
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin", path


def test_the_api_docs_come_from_this_host(client: TestClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and "/vendor/swagger-ui-bundle.js" in page.text
    assert "http" not in page.text.replace("http-equiv", "")  # nothing fetched from another host
    assert "/api/v1/hello" not in client.get("/api/v1/openapi.json").json()["paths"]


def test_unknown_paths_get_the_explorer_page_or_a_problem(client: TestClient) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    api = client.get("/api/v1/no-such-resource")
    assert api.status_code == 404 and api.headers["content-type"] == "application/problem+json"


def test_a_failure_is_a_problem_not_a_traceback(fixture_db: Path) -> None:
    kb = KnowledgeBase(fixture_db)
    app = create_app(kb, warm=False)
    kb.close()  # every query now fails
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/entities/KOR")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "Traceback" not in response.text


def test_cors_preflight_allows_the_conditional_headers(client: TestClient) -> None:
    preflight = client.options("/api/v1/relations", headers={
        "Origin": "http://example.org", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "If-None-Match"})
    assert preflight.status_code == 200
    assert "if-none-match" in preflight.headers["access-control-allow-headers"].lower()


def test_timeline_and_relations_reject_an_unknown_region_alike(client: TestClient, runner, fixture_db) -> None:
    from gaiko.cli import app

    for path in ("/api/v1/timeline", "/api/v1/relations"):
        response = client.get(path, params={"region": "bogus"})
        assert response.status_code == 422 and "bogus" in response.json()["detail"], path
    for command in ("timeline", "relations"):
        result = runner.invoke(app, [command, "--region", "bogus", "--db", str(fixture_db)])
        assert result.exit_code == 2 and "bogus" in result.stderr, command


def test_the_explorers_own_files_are_revalidated(client: TestClient) -> None:
    first = client.get("/static/app.js")
    assert first.headers["cache-control"] == "no-cache" and first.headers["etag"]
    assert client.get("/static/app.js", headers={"If-None-Match": first.headers["etag"]}).status_code == 304


def test_the_cache_counts_the_gzip_it_makes_later(client: TestClient) -> None:
    # An answer is kept when first asked without gzip; its gzip bytes, made when a browser asks,
    # count against the bound too.
    layer = _layer(client)
    client.get("/api/v1/relations", params={"as_of": "1931"}, headers={"Accept-Encoding": "identity"})
    client.get("/api/v1/relations", params={"as_of": "1931"}, headers={"Accept-Encoding": "gzip"})
    kept = [answer for answer in layer.answers.values() if answer.gzipped is not None]
    assert kept and layer.bytes == sum(answer.size for answer in layer.answers.values())


def test_answers_that_default_to_today_are_kept_for_the_day_only(client: TestClient) -> None:
    layer = _layer(client)
    client.get("/api/v1/relations")
    assert layer.answers and layer.bytes > 0
    yesterday = tuple(day - dt.timedelta(days=1) for day in layer.day)
    layer.day = yesterday  # as if the server had been running since yesterday
    client.get("/api/v1/meta")
    assert layer.day != yesterday
    assert list(layer.answers) == [b"/api/v1/meta?"] and layer.bytes == sum(a.size for a in layer.answers.values())
