import datetime as dt
from pathlib import Path

import pytest

import gaiko


def test_the_facade_opens_a_database(fixture_db: Path) -> None:
    kb = gaiko.open(fixture_db)
    assert isinstance(kb, gaiko.KnowledgeBase)
    assert kb.status("CHN", dt.date(1960, 1, 1))["status"] == gaiko.Status.SEVERED
    with pytest.raises(gaiko.UnknownEntity):
        kb.lookup("Atlantis")
    kb.close()


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError):
        gaiko.no_such_thing  # noqa: B018
