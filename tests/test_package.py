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


def test_reading_a_database_never_loads_pydantic(fixture_db: Path) -> None:
    """The read path (knowledge base, store, names) answers without the validators: that is
    what keeps `gaiko country` fast."""
    import subprocess
    import sys

    code = ("import sys; from gaiko.kb import KnowledgeBase; kb = KnowledgeBase(sys.argv[1]); "
            "kb.country('Korea, Republic of'); kb.relations(); kb.search('Korea'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'gaiko') and "
            "m in ('pydantic', 'gaiko.model', 'gaiko.datafiles', 'gaiko.views')))")
    out = subprocess.run([sys.executable, "-c", code, str(fixture_db)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_country_command_loads_no_dataclasses_or_orjson(fixture_db: Path) -> None:
    """`gaiko country` answers through gaiko.cli.fast; dataclasses (with inspect) and orjson,
    which loads them, would add a tenth to its start-up."""
    import subprocess
    import sys

    code = ("import sys, contextlib, io; from gaiko.cli.fast import run\n"
            "with contextlib.redirect_stdout(io.StringIO()): run(['country', 'KOR', '--json', '--db', sys.argv[1]])\n"
            "print(sorted(m for m in ('dataclasses', 'orjson', 'inspect') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(fixture_db)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
