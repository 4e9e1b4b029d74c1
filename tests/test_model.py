import pytest
from pydantic import ValidationError

from gaiko.model import Citation, RelationEvent
from gaiko.registry import json_schemas

CITATION = {"url": "https://www.mofa.go.jp/x.html", "quote": "established", "accessed": "2026-11-25"}


def test_a_citation_must_be_openable() -> None:
    with pytest.raises(ValidationError, match="needs a url, a source or a work"):
        Citation.model_validate({"quote": "something"})


def test_a_citation_must_say_what_supports_the_fact() -> None:
    with pytest.raises(ValidationError, match="needs a quote or a locator"):
        Citation.model_validate({"url": "https://example.org/"})


def test_an_event_needs_a_citation() -> None:
    with pytest.raises(ValidationError, match="at least 1 item"):
        RelationEvent.model_validate(
            {"id": "kor-x-1965", "partner": "KOR", "type": "normalisation", "date": "1965", "citations": []}
        )


def test_alternatives_must_say_why_the_date_is_preferred() -> None:
    raw = {
        "id": "kor-x-1965", "partner": "KOR", "type": "normalisation", "date": "1965-12-18",
        "citations": [CITATION],
        "alternatives": [{"date": "1965-06-22", "citations": [CITATION]}],
    }
    with pytest.raises(ValidationError, match="preferred_because"):
        RelationEvent.model_validate(raw)
    event = RelationEvent.model_validate({**raw, "preferred_because": "entry into force"})
    assert str(event.alternatives[0].date) == "1965-06-22"


def test_dates_keep_their_precision_in_json() -> None:
    event = RelationEvent.model_validate(
        {"id": "a-b-1972", "partner": "CHN", "type": "normalisation", "date": "1972-09", "citations": [CITATION]}
    )
    assert event.model_dump(mode="json")["date"] == "1972-09"


def test_json_schema_is_exported_for_every_record_type() -> None:
    schemas = json_schemas()
    assert {"entity", "relation_event", "source", "status_statement", "correction"} <= set(schemas)
    assert "citations" in schemas["relation_event"]["required"]
    assert schemas["relation_event"]["properties"]["date"]["type"] == "string"


def test_a_dispute_must_hear_every_claimant() -> None:
    from gaiko.model import Dispute

    cite = [CITATION]
    base = {
        "id": "x", "title_en": "X", "nature": "sovereignty", "description_en": "d",
        "claimants": ["JPN", "KOR"], "administered_by": "KOR",
        "names": [{"name": "A", "lang": "en", "used_by": "JPN"}, {"name": "B", "lang": "ko", "used_by": "KOR"}],
        "positions": [{"party": "JPN", "summary_en": "a", "citations": cite},
                      {"party": "CHN", "summary_en": "b", "citations": cite}],
        "citations": cite,
    }
    with pytest.raises(ValidationError, match="no position recorded for claimant"):
        Dispute.model_validate(base)


def test_a_figure_has_one_amount_and_a_period() -> None:
    from gaiko.model import Figure

    base = {"id": "f", "label_en": "x", "unit": "USD", "basis": "aid", "theme": "aid", "citations": [CITATION]}
    with pytest.raises(ValidationError, match="either value"):
        Figure.model_validate({**base, "period": "1988"})
    with pytest.raises(ValidationError, match="period or an as_of"):
        Figure.model_validate({**base, "value": 1})
    with pytest.raises(ValidationError, match="above"):
        Figure.model_validate({**base, "value_low": 9, "value_high": 1, "period": "1988"})
    with pytest.raises(ValidationError):
        Figure.model_validate({**base, "value": 1, "period": "1988", "unit": "furlongs"})
