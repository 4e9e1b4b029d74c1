from pathlib import Path

import pytest

from gaiko import datafiles
from gaiko.model import Entity, RelationEvent

GOOD_CITATION = """\
  citations:
    - url: https://www.mofa.go.jp/region/asia-paci/korea/index.html
      quote: relations
"""


def append(path: Path, text: str) -> int:
    """Append YAML records to a file; return the line number where they start."""
    start = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)
    return start


def errors_of(data_dir: Path) -> list[str]:
    with pytest.raises(datafiles.DataErrors) as info:
        datafiles.load(data_dir)
    return [str(e) for e in info.value.errors]


def test_the_fixture_loads(data_dir: Path) -> None:
    dataset = datafiles.load(data_dir)
    assert {e.id for e in dataset.of(Entity)} >= {"KOR", "CHN", "TWN", "PRK", "SUN"}
    assert dataset.of(RelationEvent)
    assert all(e.citations for e in dataset.of(RelationEvent))


def test_corrections_are_applied_and_cited(data_dir: Path) -> None:
    dataset = datafiles.load(data_dir)
    taiwan = next(e for e in dataset.of(Entity) if e.id == "TWN")
    assert taiwan.name_ja == "台湾"
    assert any(c.url and "koryu" in c.url for c in taiwan.citations)


def test_missing_citation_bad_date_unknown_partner_and_duplicate_id_all_reported(data_dir: Path) -> None:
    path = data_dir / "relations" / "fixture.yaml"
    first_id = datafiles.load(data_dir).of(RelationEvent)[0].id
    start = append(path, f"""\
- id: kor-broken-1965
  partner: KOR
  type: normalisation
  date: "1965-13-01"
  citations: []
- id: xyz-establishment-1990
  partner: XYZ
  type: establishment
  date: "1990"
{GOOD_CITATION}- id: {first_id}
  partner: KOR
  type: establishment
  date: "1965"
{GOOD_CITATION}""")
    rel = "data/relations/fixture.yaml"
    assert errors_of(data_dir) == [
        f"{rel}:{start + 3}: date: month 13 does not exist",
        f"{rel}:{start + 4}: citations: List should have at least 1 item after validation, not 0",
        f"{rel}:{start + 5}: partner: unknown entity 'XYZ'",
        f"{rel}:{start + 12}: id: duplicate id {first_id!r} (first at {rel}:2)",
    ]


def test_a_citation_without_a_quote_names_its_line(data_dir: Path) -> None:
    path = data_dir / "relations" / "fixture.yaml"
    start = append(path, """\
- id: kor-establishment-1965-x
  partner: KOR
  type: establishment
  date: "1965"
  citations:
    - url: https://example.org/
""")
    assert errors_of(data_dir) == [
        f"data/relations/fixture.yaml:{start + 5}: citations.0: a citation needs a quote or a locator"
    ]


def test_unknown_fields_are_refused(data_dir: Path) -> None:
    path = data_dir / "relations" / "fixture.yaml"
    start = append(path, f"""\
- id: kor-establishment-1965-x
  partner: KOR
  type: establishment
  dated: "1965"
{GOOD_CITATION}""")
    assert errors_of(data_dir) == [
        f"data/relations/fixture.yaml:{start}: date: Field required",
        f"data/relations/fixture.yaml:{start + 3}: dated: unknown field",
    ]


def test_bad_csv_rows_are_reported_by_line(data_dir: Path) -> None:
    path = data_dir / "entities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = lines[1].replace(",un_member,", ",planet,", 1)
    path.write_text("\n".join([lines[0], broken, *lines[2:]]) + "\n", encoding="utf-8")
    assert any(e.startswith("data/entities.csv:2: kind: Input should be") for e in errors_of(data_dir))


def test_unreadable_yaml_gives_the_line(data_dir: Path) -> None:
    path = data_dir / "relations" / "fixture.yaml"
    start = append(path, "- id: [unclosed\n")
    errors = errors_of(data_dir)
    assert len(errors) == 1
    assert errors[0].startswith(f"data/relations/fixture.yaml:{start + 1}: yaml:")


def test_unknown_source_in_a_citation(data_dir: Path) -> None:
    path = data_dir / "relations" / "fixture.yaml"
    start = append(path, """\
- id: kor-establishment-1965-x
  partner: KOR
  type: establishment
  date: "1965"
  citations:
    - source: nowhere
      locator: p. 1
""")
    assert errors_of(data_dir) == [f"data/relations/fixture.yaml:{start}: citations: unknown source 'nowhere'"]


def test_corrections_name_a_real_field(data_dir: Path) -> None:
    path = data_dir / "corrections.yaml"
    start = append(path, """\
- entity: KOR
  field: capital
  value: Seoul
  reason: test
  citations:
    - source: pycountry
      locator: x
""")
    assert errors_of(data_dir) == [f"data/corrections.yaml:{start}: field: 'capital' cannot be corrected"]


def test_a_duplicate_key_is_an_error_not_a_silent_overwrite(data_dir: Path) -> None:
    path = data_dir / "relations" / "fixture.yaml"
    start = append(path, f"""\
- id: kor-establishment-1965-x
  partner: KOR
  type: establishment
  date: "1965"
  date: "1966"
{GOOD_CITATION}""")
    assert errors_of(data_dir) == [f"data/relations/fixture.yaml:{start + 4}: yaml: duplicate key 'date'"]


def test_statehood_once_recorded_covers_every_entity_from_1854(data_dir: Path) -> None:
    ids = [e.id for e in datafiles.load(data_dir).of(Entity)]
    spells = "".join(
        f"- id: {i.lower()}-sovereign\n  entity: {i}\n  condition: sovereign\n"
        + ('  start: "1900"\n' if i == "KOR" else "")
        + '  citations: [{source: cow-states, locator: "test"}]\n'
        for i in ids if i != "PRK")
    (data_dir / "statehood").mkdir()
    (data_dir / "statehood" / "fixture.yaml").write_text(spells, encoding="utf-8")
    problems = errors_of(data_dir)
    assert any("no territory spells for PRK" in p for p in problems)
    assert any("KOR's spells begin 1900" in p and "statehood/fixture.yaml" in p for p in problems)
    assert len(problems) == 2
