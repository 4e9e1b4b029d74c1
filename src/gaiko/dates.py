"""Dates at the precision a source gives them: "1965", "1965-06" or "1965-06-22"."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any


def days_in_month(year: int, month: int) -> int:
    """28 to 31 (without the calendar module, which pulls in locale at start-up)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class InvalidQuery(ValueError):
    """A caller's value that gaiko cannot answer for: an unknown status, region, date …"""


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class PartialDate:
    """A calendar date known to a year, a month or a day.

    It stands for an interval: `earliest` and `latest` are the first and last days it may mean.
    Ordering sorts by `earliest`, then by `latest`, so "1965" sorts before "1965-06-22".
    """

    __slots__ = ("year", "month", "day", "_bounds")

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month:02d} does not exist")
        if day is not None and month is not None:
            last = days_in_month(year, month)
            if not 1 <= day <= last:
                raise ValueError(f"{year:04d}-{month:02d} has no day {day:02d}")
        self.year, self.month, self.day = year, month, day
        self._bounds: tuple[dt.date, dt.date] | None = None

    @classmethod
    def parse(cls, text: str | int | dt.date) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise ValueError with a reason otherwise."""
        if isinstance(text, dt.date):
            return cls(text.year, text.month, text.day)
        raw = str(text).strip()
        match = _PATTERN.match(raw)
        if not match:
            raise ValueError(f"{raw!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> dt.date:
        return self.sort_key()[0]

    @property
    def latest(self) -> dt.date:
        return self.sort_key()[1]

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """(first day, last day) of the period: computed once, a date never changes."""
        if self._bounds is None:
            month = self.month or 12
            last = self.day or days_in_month(self.year, month)
            self._bounds = (dt.date(self.year, self.month or 1, self.day or 1), dt.date(self.year, month, last))
        return self._bounds

    def refines(self, other: PartialDate) -> bool:
        """True when this date is more precise than `other` and falls within its period
        ("1962-10-09" refines "1962"; "1962" does not refine itself)."""
        return (self.precision != other.precision and other.earliest <= self.earliest
                and self.latest <= other.latest)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key() <= other.sort_key()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def validate(value: Any) -> PartialDate:
            if isinstance(value, PartialDate):
                return value
            if isinstance(value, bool) or not isinstance(value, str | int | dt.date):
                raise ValueError("a date must be a string such as 1965, 1965-06 or 1965-06-22")
            return cls.parse(value)

        return core_schema.no_info_plain_validator_function(
            validate,
            json_schema_input_schema=core_schema.str_schema(pattern=_PATTERN.pattern),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": _PATTERN.pattern,
            "description": "ISO 8601 date at the source's precision: YYYY, YYYY-MM or YYYY-MM-DD",
        }


def parse_as_of(text: str | None) -> dt.date:
    """Parse a user's --as-of / as_of value; a partial date means its last day."""
    if text is None or text == "" or text == "today":
        return dt.date.today()
    return PartialDate.parse(text).latest


def parse_period(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """A user's --from/--to (or from/to): the first day of `start`, the last day of `end`."""
    first = PartialDate.parse(start).earliest if start else None
    last = PartialDate.parse(end).latest if end else None
    check_period(first, last)
    return first, last


def check_period(first: dt.date | None, last: dt.date | None) -> None:
    """Raise ValueError when a period ends before it starts."""
    if first and last and last < first:
        raise InvalidQuery(f"the period is inverted: {first.isoformat()} is after {last.isoformat()}")
