import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gaiko.dates import PartialDate
from gaiko.model import RelationEvent, StatusStatement
from gaiko.status import Exchange, event_effect, status_on
from gaiko.vocab import EventType, Status

CITE = [{"url": "https://example.org/a", "quote": "q"}]
CHANGING = [EventType.ESTABLISHMENT, EventType.SEVERANCE, EventType.RESUMPTION,
            EventType.UNOFFICIAL_RELATIONS, EventType.RECOGNITION, EventType.SUSPENSION]


def event(kind: EventType | str, date: str, n: int = 0, **extra: object) -> RelationEvent:
    return RelationEvent.model_validate({"id": f"e-{n}-{date}", "partner": "KOR", "type": str(kind),
                                         "date": date, "citations": CITE, **extra})


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


days = st.dates(min_value=dt.date(1850, 1, 1), max_value=dt.date(2030, 12, 31))
event_lists = st.lists(st.tuples(st.sampled_from(CHANGING), days), max_size=8)


def build(items: list[tuple[EventType, dt.date]]) -> list[RelationEvent]:
    return [event(kind, d.isoformat(), n) for n, (kind, d) in enumerate(items)]


@given(event_lists, days)
def test_status_is_the_effect_of_the_last_event_before_the_day(items, on) -> None:
    events = build(items)
    result = status_on(on, events)
    past = sorted((e for e in events if e.date.latest <= on), key=lambda e: e.date.sort_key())
    if result.basis == "event":
        applied = next(e for e in events if e.id == result.basis_id)
        assert applied.date.latest <= on
        assert applied in past
        # Nothing after the event that decided the status changed it again.
        later = [e for e in past if e.date.sort_key() > applied.date.sort_key()]
        current = result.status
        for e in later:
            assert event_effect(e, current) in (None, current)
    else:
        assert all(event_effect(e, Status.UNKNOWN) is None for e in past) or not past


@given(event_lists, days, st.sampled_from(CHANGING), st.integers(min_value=1, max_value=20000))
def test_a_later_event_never_changes_the_past(items, on, kind, days_after) -> None:
    events = build(items)
    later = on + dt.timedelta(days=days_after)
    if later.year > 9999:
        return
    before = status_on(on, events)
    after = status_on(on, [*events, event(kind, later.isoformat(), 99)])
    if before.basis is None:
        # Before any event has applied, the status is the pre-history: "none" when the next
        # recorded change is a start of relations, else "unknown". A later event may refine
        # that, but never turns it into relations.
        assert after.basis is None
        assert after.status in (Status.NONE, Status.UNKNOWN)
    else:
        assert after == before


def test_recognition_then_establishment() -> None:
    events = [event("recognition", "1957-03-06"), event("establishment", "1957-05-01", 1)]
    assert status_on(day("1957-01-01"), events).status is Status.NONE
    assert status_on(day("1957-04-01"), events).status is Status.RECOGNISED
    assert status_on(day("1957-06-01"), events).status is Status.DIPLOMATIC


def test_recognition_that_starts_relations() -> None:
    events = [event("recognition", "1957-03-06", starts_relations=True)]
    assert status_on(day("1957-04-01"), events).status is Status.DIPLOMATIC


def test_war_years_sever_and_the_peace_treaty_resumes() -> None:
    events = [event("establishment", "1858-08-26"), event("severance", "1941-12-08", 1),
              event("resumption", "1952-04-28", 2)]
    assert status_on(day("1900-01-01"), events).status is Status.DIPLOMATIC
    assert status_on(day("1945-01-01"), events).status is Status.SEVERED
    at = status_on(day("1960-01-01"), events)
    assert (at.status, at.since) == (Status.DIPLOMATIC, "1952-04-28")


def test_a_year_event_makes_its_own_year_unknown() -> None:
    events = [event("establishment", "1960")]
    assert status_on(day("1959-12-31"), events).status is Status.NONE
    mid = status_on(day("1960-06-01"), events)
    assert mid.status is Status.UNKNOWN and "may or may not" in (mid.note or "")
    assert status_on(day("1961-01-01"), events).status is Status.DIPLOMATIC


def test_statement_applies_from_its_date_and_does_not_hide_a_dated_basis() -> None:
    statement = StatusStatement.model_validate({
        "id": "s", "statement": "x", "status": "diplomatic", "as_of": "2023-01",
        "partners": {"include": ["KOR"]}, "citations": CITE})
    assert status_on(day("2020-01-01"), [], [statement]).status is Status.UNKNOWN
    assert status_on(day("2024-01-01"), [], [statement]).basis == "statement"
    dated = status_on(day("2024-01-01"), [event("establishment", "1965-12-18")], [statement])
    assert (dated.basis, dated.since) == ("event", "1965-12-18")


def test_cow_evidence_fills_an_undated_gap_only() -> None:
    exchanges = [Exchange(1960, True), Exchange(1965, True), Exchange(1970, False)]
    assert status_on(day("1962-05-01"), [], (), exchanges).basis == "evidence"
    assert status_on(day("1967-05-01"), [], (), exchanges).status is Status.UNKNOWN
    dated = status_on(day("1962-05-01"), [event("establishment", "1955-01-01")], (), exchanges)
    assert dated.basis == "event"


def test_partial_date_precision_is_respected_in_ordering() -> None:
    events = [event("severance", "1972-09-29", 1), event("establishment", "1952", 0)]
    assert status_on(day("1973-01-01"), events).status is Status.SEVERED
    assert PartialDate.parse("1952") < PartialDate.parse("1972-09-29")


def test_a_precise_start_inside_a_year_decides_the_rest_of_that_year() -> None:
    # Uganda: relations "established in 1962" (MOFA) and recognition on independence day,
    # 1962-10-09, that started them (Diplomatic Bluebook).
    events = [event("establishment", "1962", 0),
              event("recognition", "1962-10-09", 1, starts_relations=True)]
    assert status_on(day("1962-06-01"), events).status is Status.UNKNOWN
    autumn = status_on(day("1962-11-01"), events)
    assert (autumn.status, autumn.since) == (Status.DIPLOMATIC, "1962-10-09")
    assert status_on(day("2000-01-01"), events).since == "1962-10-09"


def test_an_undecided_severance_still_makes_the_status_unknown() -> None:
    events = [event("establishment", "1900-01-01", 0), event("severance", "1941", 1)]
    assert status_on(day("1941-06-01"), events).status is Status.UNKNOWN
    assert status_on(day("1940-06-01"), events).status is Status.DIPLOMATIC


coarse_dates = st.tuples(st.integers(1900, 1990), st.one_of(st.none(), st.integers(1, 12)))
coarse_lists = st.lists(st.tuples(st.sampled_from(CHANGING), coarse_dates), min_size=1, max_size=5)


def coarse(items: list[tuple[EventType, tuple[int, int | None]]]) -> list[RelationEvent]:
    return [event(kind, f"{y}" if m is None else f"{y}-{m:02d}", n) for n, (kind, (y, m)) in enumerate(items)]


@given(coarse_lists, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1992, 12, 31)))
def test_a_known_status_holds_whenever_an_undecided_event_took_place(items, on) -> None:
    events = coarse(items)
    result = status_on(on, events)
    if result.status is Status.UNKNOWN:
        return
    for undecided in (e for e in events if e.date.earliest <= on < e.date.latest):
        others = [e for e in events if e is not undecided]
        assert status_on(on, others).status is result.status
        for when in (undecided.date.earliest, on):
            pinned = event(undecided.type, when.isoformat(), 98)
            assert status_on(on, [*others, pinned]).status is result.status


def test_a_mission_reopened_after_a_severance_means_relations_again() -> None:
    # Greece: relations broken in 1941, the legation in Athens reopened in March 1956.
    events = [event("establishment", "1899-06-01", 0), event("severance", "1941-12-07", 1),
              event("legation_opened", "1956-03", 2)]
    assert status_on(day("1950-01-01"), events).status is Status.SEVERED
    reopened = status_on(day("1957-01-01"), events)
    assert (reopened.status, reopened.basis_id) == (Status.DIPLOMATIC, "e-2-1956-03")
