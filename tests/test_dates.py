import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from gaiko.dates import InvalidQuery, PartialDate, Precision, check_period, parse_as_of, parse_period

DAYS = st.dates(min_value=dt.date(1500, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(DAYS)
    precision = draw(st.sampled_from(list(Precision)))
    if precision is Precision.YEAR:
        return PartialDate(day.year)
    if precision is Precision.MONTH:
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


# -- text and precision


@given(partial_dates())
def test_text_round_trip_keeps_precision(date: PartialDate) -> None:
    again = PartialDate.parse(str(date))
    assert again == date
    assert again.precision is date.precision


def test_text_is_zero_padded_iso() -> None:
    assert str(PartialDate(5, 1, 2)) == "0005-01-02"
    assert str(PartialDate(1965, 6)) == "1965-06"
    assert str(PartialDate(1965)) == "1965"
    assert repr(d("1965-06")) == "PartialDate('1965-06')"


def test_precision_follows_the_parts_given() -> None:
    assert [d(t).precision for t in ("1965", "1965-06", "1965-06-22")] == [Precision.YEAR, Precision.MONTH,
                                                                            Precision.DAY]


def test_a_date_an_int_or_spaces_parse_too() -> None:
    assert PartialDate.parse(dt.date(1965, 6, 22)) == PartialDate(1965, 6, 22)
    assert PartialDate.parse(dt.date(1965, 6, 22)).precision is Precision.DAY
    assert PartialDate.parse(1965) == PartialDate(1965)
    assert PartialDate.parse("  1965-06 ") == PartialDate(1965, 6)


# -- the period a date stands for


@given(partial_dates())
def test_a_period_runs_from_its_first_to_its_last_day(date: PartialDate) -> None:
    first, last = date.earliest, date.latest
    assert first <= last
    # Every day of the period carries the date's own parts, and the days either side do not.
    assert (first.year, first.month if date.month else None, first.day if date.day else None) == \
        (date.year, date.month, date.day)
    assert (last.year, last.month if date.month else None, last.day if date.day else None) == \
        (date.year, date.month, date.day)
    before, after = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    for outside in (before, after):
        assert (outside.year, outside.month if date.month else None, outside.day if date.day else None) != \
            (date.year, date.month, date.day)


@pytest.mark.parametrize(("text", "first", "last"), [
    ("1960", "1960-01-01", "1960-12-31"),
    ("1960-02", "1960-02-01", "1960-02-29"),
    ("1961-02", "1961-02-01", "1961-02-28"),
    ("1960-12", "1960-12-01", "1960-12-31"),
    ("1960-06-15", "1960-06-15", "1960-06-15"),
])
def test_first_and_last_day_of_a_period(text: str, first: str, last: str) -> None:
    assert (d(text).earliest.isoformat(), d(text).latest.isoformat()) == (first, last)


# -- refinement: a more precise date within a coarser one


@given(DAYS, st.integers(1500, 2100))
def test_a_day_refines_its_year_and_no_other(day: dt.date, year: int) -> None:
    assert d(day.isoformat()).refines(PartialDate(year)) is (day.year == year)
    month = PartialDate(year, day.month)
    assert d(day.isoformat()).refines(month) is (day.year == year)


@pytest.mark.parametrize("inside", ["1960-01-01", "1960-12-31", "1960-01", "1960-12", "1960-06-15"])
def test_the_first_and_last_days_and_months_of_a_year_refine_it(inside: str) -> None:
    assert d(inside).refines(d("1960"))


@pytest.mark.parametrize(("inside", "period"), [("1960-02-01", "1960-02"), ("1960-02-29", "1960-02")])
def test_the_first_and_last_day_of_a_month_refine_it(inside: str, period: str) -> None:
    assert d(inside).refines(d(period))


@pytest.mark.parametrize(("date", "other"), [
    ("1959-12-31", "1960"), ("1961-01-01", "1960"), ("1960-03-01", "1960-02"), ("1960-01-31", "1960-02"),
    ("1959-12", "1960"),
    ("1960", "1960"), ("1960-02", "1960-02"), ("1962-10-09", "1962-10-09"), ("1962-10-09", "1962-10-10"),
    ("1960", "1960-01-01"), ("1960", "1960-06"), ("1960-06", "1960-06-01"),
])
def test_no_refinement_outside_a_period_at_the_same_precision_or_from_coarser(date: str, other: str) -> None:
    assert not d(date).refines(d(other))


# -- order


@given(partial_dates(), partial_dates())
def test_order_follows_the_intervals(a: PartialDate, b: PartialDate) -> None:
    if a.latest < b.earliest:
        assert a < b and a <= b and not b < a and not b <= a
    if a < b:
        assert a.earliest <= b.earliest and not b < a
    same_period = (a.earliest, a.latest) == (b.earliest, b.latest)
    assert (a <= b) is (a < b or same_period)


@given(partial_dates())
def test_a_date_is_not_before_itself(date: PartialDate) -> None:
    assert not date < date
    assert date <= date


def test_the_same_start_sorts_the_shorter_period_first() -> None:
    texts = ["1965", "1965-06-22", "1965-01", "1965-01-01", "1964-12-31"]
    assert [str(x) for x in sorted(map(d, texts))] == ["1964-12-31", "1965-01-01", "1965-01", "1965", "1965-06-22"]
    assert d("1965") < d("1965-06-22") and d("1965-06") < d("1965-06-22")
    assert d("1965-01-01") <= d("1965") and not d("1965") <= d("1965-01-01")


def test_equal_dates_are_one_key() -> None:
    assert d("1965") == PartialDate(1965)
    assert d("1965") != d("1965-01") and d("1965-01") != d("1965-01-01")
    assert d("1965") != "1965"
    assert {d("1965"): 1}[PartialDate(1965)] == 1
    assert len({d("1965"), PartialDate(1965), d("1965-01"), d("1965-01-01")}) == 3
    # Dates hash by value, so many of them spread over a dict's buckets.
    assert len({hash(PartialDate(y)) for y in range(1900, 1950)}) == 50


# -- what is not a date


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1965-13", "month 13 does not exist"),
        ("1965-00", "month 00 does not exist"),
        ("1965-02-30", "1965-02 has no day 30"),
        ("1965-02-00", "1965-02 has no day 00"),
        ("0000", "year 0 is out of range"),
        ("22 June 1965", "is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("65", "is not a date"),
        ("1965-6-22", "is not a date"),
        ("1965-06-22x", "is not a date"),
    ],
)
def test_bad_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(text)


def test_the_range_of_years_months_and_days() -> None:
    assert PartialDate(1).earliest == dt.date(1, 1, 1)
    assert PartialDate(9999).latest == dt.date(9999, 12, 31)
    assert PartialDate(1965, 1, 1).month == 1 and PartialDate(1965, 12, 31).day == 31
    with pytest.raises(ValueError, match="^year 10000 is out of range$"):
        PartialDate(10000)
    with pytest.raises(ValueError, match="^year 0 is out of range$"):
        PartialDate(0)
    with pytest.raises(ValueError, match="^a day needs a month$"):
        PartialDate(1965, None, 1)


# -- dates in models (pydantic)


def test_models_read_dates_from_text_numbers_and_dates() -> None:
    adapter = TypeAdapter(PartialDate)
    assert adapter.validate_python("1965-06") == PartialDate(1965, 6)
    assert adapter.validate_python(1965) == PartialDate(1965)
    assert adapter.validate_python(dt.date(1965, 6, 22)) == PartialDate(1965, 6, 22)
    same = PartialDate(1965)
    assert adapter.validate_python(same) is same
    assert adapter.validate_json('"1965-06-22"') == PartialDate(1965, 6, 22)


@pytest.mark.parametrize("value", [True, 1965.0, None, ["1965"]])
def test_models_reject_what_is_not_a_date_and_say_what_is(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        TypeAdapter(PartialDate).validate_python(value)
    assert info.value.errors()[0]["msg"] == "Value error, a date must be a string such as 1965, 1965-06 or 1965-06-22"


def test_models_report_a_bad_date_with_its_reason() -> None:
    with pytest.raises(ValidationError, match="month 13 does not exist"):
        TypeAdapter(PartialDate).validate_python("1965-13")


def test_models_write_dates_as_text_at_their_precision() -> None:
    adapter = TypeAdapter(PartialDate)
    assert adapter.dump_python(PartialDate(1965, 6), mode="json") == "1965-06"
    assert adapter.dump_json(PartialDate(1965)) == b'"1965"'


def test_json_schema_of_a_date() -> None:
    schema = TypeAdapter(PartialDate).json_schema()
    assert schema == {"type": "string", "pattern": r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$",
                      "description": "ISO 8601 date at the source's precision: YYYY, YYYY-MM or YYYY-MM-DD"}


# -- a user's --as-of, --from and --to


def test_as_of_uses_the_last_day_of_a_partial_date() -> None:
    assert parse_as_of("1960") == dt.date(1960, 12, 31)
    assert parse_as_of("1960-02") == dt.date(1960, 2, 29)
    assert parse_as_of("1960-01-01") == dt.date(1960, 1, 1)


@pytest.mark.parametrize("text", [None, "", "today"])
def test_as_of_defaults_to_today(text: str | None) -> None:
    assert parse_as_of(text) == dt.date.today()


def test_as_of_rejects_what_is_not_a_date() -> None:
    with pytest.raises(ValueError, match="is not a date"):
        parse_as_of("yesterday")


def test_a_period_from_partial_dates() -> None:
    assert parse_period("1945", "1952-04") == (dt.date(1945, 1, 1), dt.date(1952, 4, 30))
    assert parse_period("1945", None) == (dt.date(1945, 1, 1), None)
    assert parse_period(None, "1952") == (None, dt.date(1952, 12, 31))
    assert parse_period(None, None) == (None, None)
    assert parse_period("", "") == (None, None)


@pytest.mark.parametrize("day", ["1960-01-01", "1960-02-29", "1960"])
def test_a_period_of_one_date_is_valid(day: str) -> None:
    assert parse_period(day, day) == (d(day).earliest, d(day).latest)
    check_period(d(day).earliest, d(day).earliest)


def test_an_inverted_period_says_so() -> None:
    with pytest.raises(InvalidQuery, match="^the period is inverted: 2000-01-01 is after 1990-12-31$"):
        parse_period("2000", "1990")
    with pytest.raises(ValueError, match="inverted"):
        check_period(dt.date(1960, 1, 2), dt.date(1960, 1, 1))
    check_period(dt.date(1960, 1, 2), None)
    check_period(None, dt.date(1960, 1, 1))
