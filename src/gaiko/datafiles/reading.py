"""Read YAML and CSV files of data/ into validated models, remembering each record's line.

Every problem becomes a DataError naming file, line and field; nothing raises past here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from gaiko.model import Citation

M = TypeVar("M", bound=BaseModel)
LIST_SEPARATOR = "|"
MAX_FIELD_CHARS = 20_000  # a longer value is a mistake (a pasted page), not a quote


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


# libyaml's parser where PyYAML was built with it: parsing is most of the build's time.
if TYPE_CHECKING:
    _SafeBase = yaml.SafeLoader
else:
    _SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):
    """A YAML loader that remembers the line of every mapping and of each of its keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in node.value:
        # YAML would silently keep the last of two equal keys; in data/ that hides a mistake.
        if key.value in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key.value!r}", key.start_mark)
        seen.add(key.value)
    mapping: dict[str, Any] = loader.construct_mapping(node, deep=True)  # type: ignore[assignment]
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Keep dates as written ("1965-06-22" stays a string) so that precision is never lost.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _shared_node(value: Any) -> bool:
    """True when a mapping or list occurs twice: a YAML alias (`*name`), which data/ never needs
    and which can make a small file expand without bound."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list):
            if id(item) in seen:
                return True
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)
    return False


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _line_of(raw: Any, loc: tuple[int | str, ...], default: int) -> int:
    """Follow a pydantic error location into the raw YAML to find the nearest line."""
    line = default
    node = raw
    for part in loc:
        if isinstance(node, dict):
            line = node.get("__lines__", {}).get(str(part), node.get("__line__", line))
            node = node.get(str(part))
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            if isinstance(node, dict):
                line = node.get("__line__", line)
        else:
            break
    return line


def _has_long(value: Any) -> bool:
    if type(value) is str:
        return len(value) > MAX_FIELD_CHARS
    if type(value) is dict:
        return any(_has_long(v) for v in value.values())
    if type(value) is list:
        return any(_has_long(v) for v in value)
    return False


def _too_long(raw: Any) -> str | None:
    """The dotted name of a string field longer than MAX_FIELD_CHARS, if any."""
    if not _has_long(raw):  # the common case, checked without naming anything
        return None
    stack: list[tuple[str, Any]] = [("", raw)]
    while stack:
        name, value = stack.pop()
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            return name or "record"
        if isinstance(value, dict):
            stack += [(f"{name}.{k}".lstrip("."), v) for k, v in value.items() if not k.startswith("__")]
        elif isinstance(value, list):
            stack += [(f"{name}.{i}".lstrip("."), v) for i, v in enumerate(value)]
    return None


def validate(model: type[M], raw: Any, file: str, line: int, errors: list[DataError]) -> M | None:
    """The record as `model`, or None with every problem added to `errors`."""
    long_field = _too_long(raw)
    if long_field:
        errors.append(DataError(file, _line_of(raw, tuple(long_field.split(".")), line), long_field,
                                f"longer than {MAX_FIELD_CHARS} characters"))
        return None
    try:
        return model.model_validate(_strip_lines(raw) if "__line__" in raw else raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            message = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = "unknown field"
            errors.append(DataError(file, _line_of(raw, loc, line), ".".join(str(p) for p in loc) or "record",
                                    message))
        return None


def read_text(path: Path, rel: str, errors: list[DataError]) -> str | None:
    """The file's text, or None with a DataError (unreadable, or not UTF-8 at a named line)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        errors.append(DataError(rel, 0, "file", f"cannot be read: {exc.strerror}"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        bad = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        errors.append(DataError(rel, line, "file", f"is not UTF-8 ({bad}): save it as UTF-8"))
        return None


def yaml_records(path: Path, rel: str, errors: list[DataError]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, raw mapping) for each record of a YAML list file."""
    text = read_text(path, rel, errors)
    if text is None:
        return
    if not text.strip():
        errors.append(DataError(rel, 1, "file", "is empty: add its records, or delete it ([] for none on purpose)"))
        return
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        errors.append(DataError(rel, mark.line + 1 if mark else 0, "yaml", str(getattr(exc, "problem", exc))))
        return
    if data is None:
        return
    if not isinstance(data, list):
        errors.append(DataError(rel, 1, "file", "must be a YAML list of records"))
        return
    if _shared_node(data):
        errors.append(DataError(rel, 1, "yaml", "aliases (&anchor / *alias) are not allowed in data files"))
        return
    for raw in data:
        line = raw.get("__line__", 0) if isinstance(raw, dict) else 0
        if not isinstance(raw, dict):
            errors.append(DataError(rel, line, "record", "must be a mapping"))
            continue
        yield line, raw


def csv_records(path: Path, rel: str, errors: list[DataError], lists: tuple[str, ...] = (),
                citations: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, raw mapping) for each row of a CSV file; empty cells are absent values."""
    text = read_text(path, rel, errors)
    if text is None:
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:
        line = reader.line_num
        if None in row:
            errors.append(DataError(rel, line, "row", "has more cells than the header"))
            continue
        raw: dict[str, Any] = {k: v for k, v in row.items() if v not in ("", None)}
        for column in lists:
            if column in raw:
                raw[column] = [v.strip() for v in raw[column].split(LIST_SEPARATOR) if v.strip()]
        if citations:
            raw["citations"] = parse_citation_cell(row.get("citations") or "")
        yield line, raw  # a row has one line: no per-field lines to keep


def parse_citation_cell(cell: str) -> list[dict[str, str]]:
    """Turn "source:locator | source:locator" (the CSV form of citations) into dicts."""
    citations = []
    for part in cell.split(LIST_SEPARATOR):
        part = part.strip()
        if not part:
            continue
        source, _, locator = part.partition(":")
        citations.append({"source": source.strip(), "locator": locator.strip() or source.strip()})
    return citations


def format_citation_cell(citations: Iterable[Citation]) -> str:
    return f" {LIST_SEPARATOR} ".join(f"{c.source}:{c.locator}" for c in citations)
