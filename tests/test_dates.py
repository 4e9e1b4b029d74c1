import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gaiko.dates import PartialDate, Precision, parse_as_of


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1500, 1, 1), max_value=dt.date(2100, 12, 31)))
    precision = draw(st.sampled_from(list(Precision)))
    if precision is Precision.YEAR:
        return PartialDate(day.year)
    if precision is Precision.MONTH:
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


@given(partial_dates())
def test_text_round_trip_keeps_precision(date: PartialDate) -> None:
    again = PartialDate.parse(str(date))
    assert again == date
    assert again.precision is date.precision


@given(partial_dates())
def test_interval_contains_its_own_days(date: PartialDate) -> None:
    assert date.earliest <= date.latest
    assert PartialDate.parse(date.earliest.isoformat()).earliest == date.earliest
    if date.precision is Precision.DAY:
        assert date.earliest == date.latest


@given(partial_dates(), partial_dates())
def test_order_follows_the_intervals(a: PartialDate, b: PartialDate) -> None:
    if a.latest < b.earliest:
        assert a < b
    if a < b:
        assert a.earliest <= b.earliest


def test_year_sorts_before_a_day_in_it() -> None:
    assert PartialDate.parse("1965") < PartialDate.parse("1965-06-22")
    assert PartialDate.parse("1965-06") < PartialDate.parse("1965-06-22")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1965-13", "month 13 does not exist"),
        ("1965-02-30", "1965-02 has no day 30"),
        ("22 June 1965", "is not a date"),
        ("65", "is not a date"),
        ("1965-6-22", "is not a date"),
    ],
)
def test_bad_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(text)


def test_as_of_uses_the_last_day_of_a_partial_date() -> None:
    assert parse_as_of("1960") == dt.date(1960, 12, 31)
    assert parse_as_of("1960-02") == dt.date(1960, 2, 29)
    assert parse_as_of("1960-01-01") == dt.date(1960, 1, 1)
    assert parse_as_of(None) == dt.date.today()


def test_a_period_from_partial_dates() -> None:
    from gaiko.dates import parse_period

    assert parse_period("1945", "1952-04") == (dt.date(1945, 1, 1), dt.date(1952, 4, 30))
    assert parse_period(None, None) == (None, None)
    with pytest.raises(ValueError, match="inverted"):
        parse_period("2000", "1990")


def test_a_finer_date_within_a_coarser_one_refines_it() -> None:
    year, month, day = PartialDate.parse("1962"), PartialDate.parse("1962-10"), PartialDate.parse("1962-10-09")
    assert day.refines(year) and day.refines(month) and month.refines(year)
    assert not year.refines(year) and not year.refines(day)
    assert not PartialDate.parse("1963-01-01").refines(year)
