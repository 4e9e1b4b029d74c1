import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gaiko.dates import PartialDate
from gaiko.model import RelationEvent, StatusStatement
from gaiko.status import Exchange, StatusAt, can_change_status, event_effect, history, status_on
from gaiko.vocab import EventType, Status

CITE = [{"url": "https://example.org/a", "quote": "q"}]
CHANGING = [EventType.ESTABLISHMENT, EventType.SEVERANCE, EventType.RESUMPTION,
            EventType.UNOFFICIAL_RELATIONS, EventType.RECOGNITION, EventType.SUSPENSION]
S = Status


def event(kind: EventType | str, date: str, n: int = 0, **extra: object) -> RelationEvent:
    return RelationEvent.model_validate({"id": f"e-{n}-{date}", "partner": "KOR", "type": str(kind),
                                         "date": date, "citations": CITE, **extra})


def statement(status: str, as_of: str, sid: str = "s") -> StatusStatement:
    return StatusStatement.model_validate({"id": sid, "statement": "x", "status": status, "as_of": as_of,
                                           "partners": {"include": ["KOR"]}, "citations": CITE})


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


days = st.dates(min_value=dt.date(1850, 1, 1), max_value=dt.date(2030, 12, 31))
event_lists = st.lists(st.tuples(st.sampled_from(CHANGING), days), max_size=8)


def build(items: list[tuple[EventType, dt.date]]) -> list[RelationEvent]:
    return [event(kind, d.isoformat(), n) for n, (kind, d) in enumerate(items)]


# -- what each kind of event does, from each status it may find

CURRENT = (S.NONE, S.UNKNOWN, S.RECOGNISED, S.DIPLOMATIC, S.UNOFFICIAL, S.SEVERED, S.SUSPENDED, S.ENDED)
LETTER = {"n": S.NONE, "?": S.UNKNOWN, "R": S.RECOGNISED, "D": S.DIPLOMATIC, "U": S.UNOFFICIAL, "S": S.SEVERED,
          "P": S.SUSPENDED, "E": S.ENDED, ".": None}
# The status after each kind of event, from each status in CURRENT ("." : the event changes nothing).
# "recognition+" is a recognition its source dates relations from (`starts_relations`).
AFTER = {
    #                        n ? R D U S P E
    "establishment":        "D D D D D D D D",
    "resumption":           "D D D D D D D D",
    "normalisation":        "D D D D D D D D",
    "continuation":         "D D D D D D D D",
    "severance":            "S S S S S S S S",
    "suspension":           "P P P P P P P P",
    "unofficial_relations": "U U U U U U U U",
    "state_dissolved":      "E E E E E E E E",
    "recognition":          "R R . . . . . .",
    "recognition+":         "D D D D D D D D",
    "legation_opened":      "D D D . . D D .",
    "embassy_opened":       "D D D . . D D .",
    "upgrade":              "D D D . . D D .",
    "treaty":               ". . . . . . . .",
    "declaration":          ". . . . . . . .",
    "embassy_closed":       ". . . . . . . .",
    "downgrade":            ". . . . . . . .",
}
# Before the first recorded change, relations did not exist if that change opens them.
OPENING = {"establishment", "normalisation", "recognition", "recognition+"}


def kind_event(kind: str, date: str, n: int) -> RelationEvent:
    if kind == "recognition+":
        return event("recognition", date, n, starts_relations=True)
    return event(kind, date, n)


def after(kind: str, current: Status) -> Status | None:
    return LETTER[AFTER[kind].split()[CURRENT.index(current)]]


def test_the_table_covers_every_event_type() -> None:
    assert {k.rstrip("+") for k in AFTER} == {t.value for t in EventType}


@pytest.mark.parametrize("kind", AFTER)
@pytest.mark.parametrize("current", CURRENT)
def test_what_an_event_does_to_each_status(kind: str, current: Status) -> None:
    assert event_effect(kind_event(kind, "1950-01-01", 0), current) is after(kind, current)


@pytest.mark.parametrize("kind", AFTER)
def test_only_treaties_declarations_closures_and_downgrades_never_change_the_status(kind: str) -> None:
    changes = any(after(kind, current) is not None for current in CURRENT)
    assert can_change_status(EventType(kind.rstrip("+"))) is changes


@pytest.mark.parametrize("second", AFTER)
@pytest.mark.parametrize("first", AFTER)
def test_every_pair_of_events_in_order(first: str, second: str) -> None:
    events = [kind_event(first, "1950-01-01", 0), kind_event(second, "1960-01-01", 1)]
    opener = next((k for k in (first, second) if after(k, S.UNKNOWN) is not None), None)
    initial = S.NONE if opener in OPENING else S.UNKNOWN
    expected = [StatusAt(initial)]
    for record, kind in zip(events, (first, second), strict=True):
        current = expected[-1]
        new = after(kind, current.status)
        # An event that changes nothing, or confirms the status, leaves its date and basis alone.
        expected.append(current if new in (None, current.status) else
                        StatusAt(new, "event", record.id, str(record.date)))
    got = [status_on(day(d), events) for d in ("1940-01-01", "1955-01-01", "1970-01-01")]
    assert got == expected


# -- examples from the data


def test_recognition_then_establishment() -> None:
    events = [event("recognition", "1957-03-06"), event("establishment", "1957-05-01", 1)]
    assert status_on(day("1957-01-01"), events) == StatusAt(S.NONE)
    assert status_on(day("1957-04-01"), events) == StatusAt(S.RECOGNISED, "event", "e-0-1957-03-06", "1957-03-06")
    assert status_on(day("1957-06-01"), events) == StatusAt(S.DIPLOMATIC, "event", "e-1-1957-05-01", "1957-05-01")


def test_recognition_that_starts_relations() -> None:
    events = [event("recognition", "1957-03-06", starts_relations=True)]
    assert status_on(day("1957-04-01"), events).status is S.DIPLOMATIC


def test_war_years_sever_and_the_peace_treaty_resumes() -> None:
    events = [event("establishment", "1858-08-26"), event("severance", "1941-12-08", 1),
              event("resumption", "1952-04-28", 2)]
    assert status_on(day("1900-01-01"), events).status is S.DIPLOMATIC
    assert status_on(day("1945-01-01"), events).status is S.SEVERED
    at = status_on(day("1960-01-01"), events)
    assert (at.status, at.since) == (S.DIPLOMATIC, "1952-04-28")


def test_a_repeated_status_keeps_its_first_date() -> None:
    # Belgium: relations since 1866-08-01; a later record of relations (the post-war resumption
    # dated only "1951", with no severance recorded) does not move that date.
    events = [event("establishment", "1866-08-01", 0), event("resumption", "1951", 1),
              event("embassy_opened", "1959-05-01", 2)]
    at = status_on(day("2000-01-01"), events)
    assert at == StatusAt(S.DIPLOMATIC, "event", "e-0-1866-08-01", "1866-08-01")


def test_a_later_recognition_does_not_downgrade_relations() -> None:
    events = [event("establishment", "1952-04-28", 0), event("recognition", "1960-01-01", 1)]
    assert status_on(day("1961-01-01"), events).since == "1952-04-28"


@pytest.mark.parametrize(("before", "state"), [("unofficial_relations", S.UNOFFICIAL),
                                               ("state_dissolved", S.ENDED)])
def test_a_mission_does_not_restore_relations_while_unofficial_or_ended(before: str, state: Status) -> None:
    events = [event("establishment", "1952-04-28", 0), event(before, "1972-09-29", 1),
              event("embassy_opened", "1980-01-01", 2)]
    assert status_on(day("1990-01-01"), events) == StatusAt(state, "event", "e-1-1972-09-29", "1972-09-29")


def test_a_mission_reopened_after_a_severance_means_relations_again() -> None:
    # Greece: relations broken in 1941, the legation in Athens reopened in March 1956.
    events = [event("establishment", "1899-06-01", 0), event("severance", "1941-12-07", 1),
              event("legation_opened", "1956-03", 2)]
    assert status_on(day("1950-01-01"), events).status is S.SEVERED
    reopened = status_on(day("1957-01-01"), events)
    assert (reopened.status, reopened.basis_id, reopened.since) == (S.DIPLOMATIC, "e-2-1956-03", "1956-03")


# -- before the first event


@pytest.mark.parametrize(("first", "before"), [
    ("establishment", S.NONE), ("normalisation", S.NONE), ("recognition", S.NONE),
    ("severance", S.UNKNOWN), ("resumption", S.UNKNOWN), ("legation_opened", S.UNKNOWN),
    ("unofficial_relations", S.UNKNOWN), ("state_dissolved", S.UNKNOWN),
])
def test_before_the_first_event_none_only_if_it_opens_relations(first: str, before: Status) -> None:
    events = [event(first, "1950-01-01", 0), event("establishment", "1960-01-01", 1)]
    assert status_on(day("1949-12-31"), events) == StatusAt(before)


def test_events_that_change_nothing_do_not_decide_what_came_before() -> None:
    # A treaty first, then a severance: nothing says relations had never existed.
    events = [event("treaty", "1900-01-01", 0), event("severance", "1941-12-08", 1)]
    assert status_on(day("1920-01-01"), events) == StatusAt(S.UNKNOWN)
    # A recognition first, then a severance: there were no relations before the recognition.
    events = [event("recognition", "1900-01-01", 0), event("severance", "1941-12-08", 1)]
    assert status_on(day("1890-01-01"), events) == StatusAt(S.NONE)


def test_no_events_no_status() -> None:
    assert status_on(day("2000-01-01"), []) == StatusAt(S.UNKNOWN)


# -- dates known to a year or a month


def test_a_year_event_makes_its_own_year_unknown() -> None:
    events = [event("establishment", "1960")]
    assert status_on(day("1959-12-31"), events) == StatusAt(S.NONE)
    undecided = StatusAt(S.UNKNOWN, "event", "e-0-1960", None,
                         "e-0-1960 is dated 1960, known only to the year: it may or may not have taken place yet")
    assert status_on(day("1960-01-01"), events) == undecided
    assert status_on(day("1960-06-01"), events) == undecided
    assert status_on(day("1960-12-30"), events) == undecided
    assert status_on(day("1960-12-31"), events) == StatusAt(S.DIPLOMATIC, "event", "e-0-1960", "1960")


@given(st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(1960, 1, 30)))
def test_a_month_event_is_undecided_from_its_first_to_its_last_day(on: dt.date) -> None:
    events = [event("establishment", "1900-01-01", 0), event("severance", "1960-01", 1)]
    assert status_on(on, events).status is S.UNKNOWN
    assert status_on(on, events).note == ("e-1-1960-01 is dated 1960-01, known only to the month: "
                                          "it may or may not have taken place yet")
    assert status_on(day("1960-01-31"), events).status is S.SEVERED
    assert status_on(day("1959-12-31"), events).status is S.DIPLOMATIC


def test_the_note_names_the_undecided_event_that_matters() -> None:
    events = [event("establishment", "1900-01-01", 0), event("recognition", "1960", 1),
              event("severance", "1960", 2)]
    at = status_on(day("1960-06-01"), events)
    assert (at.status, at.basis_id) == (S.UNKNOWN, "e-2-1960")


def test_the_note_names_an_undecided_event_that_changes_the_status_not_one_that_does_not() -> None:
    events = [event("treaty", "1960", 0), event("establishment", "1960", 1)]
    at = status_on(day("1960-06-01"), events)
    assert (at.status, at.basis_id) == (S.UNKNOWN, "e-1-1960")


def test_an_undecided_event_that_changes_nothing_leaves_the_status_known() -> None:
    assert status_on(day("1960-06-01"), [event("treaty", "1960", 0)]) == StatusAt(S.UNKNOWN)
    events = [event("treaty", "1960", 0), event("establishment", "1970-01-01", 1)]
    assert status_on(day("1960-06-01"), events) == StatusAt(S.NONE)
    events = [event("severance", "1941-12-08", 0), event("recognition", "1950-01-01", 1), event("treaty", "1960", 2)]
    assert status_on(day("1960-06-01"), events) == StatusAt(S.SEVERED, "event", "e-0-1941-12-08", "1941-12-08")
    # COW evidence still fills the gap while only a treaty is undecided.
    at = status_on(day("1960-06-01"), [event("treaty", "1960", 0)], (), [Exchange(1960, True)])
    assert at.basis == "evidence"


def test_partial_date_precision_is_respected_in_ordering() -> None:
    events = [event("severance", "1972-09-29", 1), event("establishment", "1952", 0)]
    assert status_on(day("1973-01-01"), events).status is S.SEVERED
    assert PartialDate.parse("1952") < PartialDate.parse("1972-09-29")


def test_a_precise_start_inside_a_year_decides_the_rest_of_that_year() -> None:
    # Uganda: relations "established in 1962" (MOFA) and recognition on independence day,
    # 1962-10-09, that started them (Diplomatic Bluebook).
    events = [event("establishment", "1962", 0),
              event("recognition", "1962-10-09", 1, starts_relations=True)]
    assert status_on(day("1962-06-01"), events).status is S.UNKNOWN
    autumn = status_on(day("1962-11-01"), events)
    assert (autumn.status, autumn.since, autumn.basis_id) == (S.DIPLOMATIC, "1962-10-09", "e-1-1962-10-09")
    assert status_on(day("2000-01-01"), events).since == "1962-10-09"


def test_an_undecided_severance_still_makes_the_status_unknown() -> None:
    events = [event("establishment", "1900-01-01", 0), event("severance", "1941", 1)]
    assert status_on(day("1941-06-01"), events).status is S.UNKNOWN
    assert status_on(day("1940-06-01"), events).status is S.DIPLOMATIC


def test_an_undecided_event_may_fall_before_a_decided_one_in_its_period() -> None:
    # "1960" may be before or after 1960-03-01: the state after both is then either.
    events = [event("establishment", "1900-01-01", 0), event("severance", "1960-03-01", 1),
              event("resumption", "1960", 2)]
    assert status_on(day("1960-06-01"), events).status is S.UNKNOWN


def harmless(n: int, date: str = "1960") -> list[RelationEvent]:
    """n recognitions dated `date`: none changes relations already in force."""
    return [event("recognition", date, 10 + i) for i in range(n)]


def test_up_to_256_placements_are_tried_beyond_them_the_status_is_unknown() -> None:
    base = [event("establishment", "1900-01-01", 0)]
    # Each undecided event either has not happened or happened after the establishment: 2**8 = 256.
    assert status_on(day("1960-06-01"), base + harmless(8)).status is S.DIPLOMATIC
    assert status_on(day("1960-06-01"), base + harmless(9)).status is S.UNKNOWN


def test_an_event_whose_period_ended_on_the_day_is_decided() -> None:
    # 3**5 = 243 placements: the recognitions may fall before or after the embassy of 1960-06-01;
    # if that embassy were still undecided there would be 729.
    events = [event("establishment", "1900-01-01", 0), event("embassy_opened", "1960-06-01", 1), *harmless(5)]
    assert status_on(day("1960-06-01"), events).status is S.DIPLOMATIC


def test_placements_before_an_event_on_the_first_day_of_the_period_count() -> None:
    # Each recognition of 1960 may fall before or after the embassy of 1960-01-01, or not yet:
    # 3**5 = 243 placements are tried, 3**6 = 729 are too many.
    events = [event("establishment", "1900-01-01", 0), event("embassy_opened", "1960-01-01", 1)]
    assert status_on(day("1960-06-01"), events + harmless(5)).status is S.DIPLOMATIC
    assert status_on(day("1960-06-01"), events + harmless(6)).status is S.UNKNOWN


def test_placements_do_not_go_before_events_that_ended_earlier() -> None:
    # 2**8 placements after the three earlier events; counting positions before them would exceed 256.
    events = [event("establishment", "1900-01-01", 0), event("embassy_opened", "1920-01-01", 1),
              event("upgrade", "1930-01-01", 2), *harmless(8)]
    assert status_on(day("1960-06-01"), events).status is S.DIPLOMATIC


def test_every_placement_replays_the_events_before_it() -> None:
    # A recognition after a severance changes nothing; replayed without the severance it would.
    events = [event("severance", "1941-12-08", 0), event("recognition", "1950-01-01", 1), event("treaty", "1960", 2)]
    assert status_on(day("1960-06-01"), events).status is S.SEVERED


# -- general statements


def test_statement_applies_from_its_date_and_does_not_hide_a_dated_basis() -> None:
    mofa = statement("diplomatic", "2023-01")
    assert status_on(day("2023-01-30"), [], [mofa]) == StatusAt(S.UNKNOWN)
    assert status_on(day("2023-01-31"), [], [mofa]) == StatusAt(S.DIPLOMATIC, "statement", "s", "2023-01")
    dated = status_on(day("2024-01-01"), [event("establishment", "1965-12-18")], [mofa])
    assert (dated.basis, dated.since) == ("event", "1965-12-18")


def test_an_event_after_a_statement_applies() -> None:
    events = [event("severance", "2024-05-01", 1)]
    assert status_on(day("2024-06-01"), events, [statement("diplomatic", "2023-01")]).status is S.SEVERED


def test_a_statement_after_a_same_dated_event_has_the_last_word() -> None:
    events = [event("severance", "2023-01", 1)]
    at = status_on(day("2023-02-01"), events, [statement("diplomatic", "2023-01")])
    assert (at.status, at.basis) == (S.DIPLOMATIC, "statement")


def test_a_statement_that_changes_the_status_dates_it() -> None:
    events = [event("establishment", "1965-12-18", 0)]
    at = status_on(day("2024-01-01"), events, [statement("none", "2023-03-20", "mofa-prk")])
    assert at == StatusAt(S.NONE, "statement", "mofa-prk", "2023-03-20")


# -- COW Diplomatic Exchange evidence


def test_cow_evidence_fills_an_undated_gap_only() -> None:
    exchanges = [Exchange(1960, True), Exchange(1965, True), Exchange(1970, False)]
    assert status_on(day("1962-05-01"), [], (), exchanges) == StatusAt(
        S.DIPLOMATIC, "evidence", "cow-diplomatic-exchange-1960", "1960",
        "No dated event; COW's Diplomatic Exchange records representation in 1960 and 1965.")
    assert status_on(day("1967-05-01"), [], (), exchanges) == StatusAt(S.UNKNOWN)
    dated = status_on(day("1962-05-01"), [event("establishment", "1955-01-01")], (), exchanges)
    assert dated.basis == "event"


def test_cow_evidence_counts_in_its_own_snapshot_year() -> None:
    exchanges = [Exchange(1965, True), Exchange(1960, True), Exchange(1970, True)]
    for on in ("1965-01-01", "1965-12-31"):
        assert status_on(day(on), [], (), exchanges) == StatusAt(
            S.DIPLOMATIC, "evidence", "cow-diplomatic-exchange-1965", "1965",
            "No dated event; COW's Diplomatic Exchange records representation in 1965.")
    assert status_on(day("1966-01-01"), [], (), exchanges).note == (
        "No dated event; COW's Diplomatic Exchange records representation in 1965 and 1970.")


def test_cow_evidence_needs_representation_on_both_sides() -> None:
    assert status_on(day("1971-01-01"), [], (), [Exchange(1960, True), Exchange(1970, True)]).status is S.UNKNOWN
    assert status_on(day("1959-01-01"), [], (), [Exchange(1960, True)]).status is S.UNKNOWN
    assert status_on(day("1962-01-01"), [], (), [Exchange(1960, False), Exchange(1965, True)]).status is S.UNKNOWN


def test_a_status_as_a_record() -> None:
    assert StatusAt(S.SEVERED, "event", "e-1", "1941", "n").as_dict() == {
        "status": "severed", "basis": "event", "basis_id": "e-1", "since": "1941", "note": "n"}


# -- properties over every date


@given(event_lists, days)
def test_status_is_the_effect_of_the_last_event_before_the_day(items, on) -> None:
    events = build(items)
    result = status_on(on, events)
    past = sorted((e for e in events if e.date.latest <= on), key=lambda e: e.date.sort_key())
    if result.basis == "event":
        applied = next(e for e in events if e.id == result.basis_id)
        assert applied in past
        # Nothing after the event that decided the status changed it again.
        later = [e for e in past if e.date.sort_key() > applied.date.sort_key()]
        for e in later:
            assert event_effect(e, result.status) in (None, result.status)
    else:
        assert not past


@given(event_lists, days, st.sampled_from(CHANGING), st.integers(min_value=1, max_value=20000))
def test_a_later_event_never_changes_the_past(items, on, kind, days_after) -> None:
    events = build(items)
    later = on + dt.timedelta(days=days_after)
    before = status_on(on, events)
    added = event(kind, later.isoformat(), 99)
    after_ = status_on(on, [*events, added])
    if before.basis is not None:
        assert after_ == before
        return
    # Before any event has applied, the answer is what came before the first recorded change:
    # "none" if that change opens relations, else "unknown". Only a new first change alters it.
    assert after_.basis is None
    if all(added.date.sort_key() < e.date.sort_key() for e in events):
        opens = kind in (EventType.ESTABLISHMENT, EventType.RECOGNITION)
        assert after_.status is (S.NONE if opens else S.UNKNOWN)
    else:
        assert after_ == before


coarse_dates = st.tuples(st.integers(1900, 1990), st.one_of(st.none(), st.integers(1, 12)))
coarse_lists = st.lists(st.tuples(st.sampled_from([*CHANGING, EventType.EMBASSY_OPENED, EventType.TREATY]),
                                  coarse_dates), min_size=1, max_size=5)


def coarse(items: list[tuple[EventType, tuple[int, int | None]]]) -> list[RelationEvent]:
    return [event(kind, f"{y}" if m is None else f"{y}-{m:02d}", n) for n, (kind, (y, m)) in enumerate(items)]


@given(coarse_lists, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1992, 12, 31)))
def test_a_known_status_holds_whenever_an_undecided_event_took_place(items, on) -> None:
    events = coarse(items)
    result = status_on(on, events)
    if result.status is S.UNKNOWN:
        return
    for undecided in (e for e in events if e.date.earliest <= on < e.date.latest):
        others = [e for e in events if e is not undecided]
        assert status_on(on, others).status is result.status
        for when in (undecided.date.earliest, on):
            pinned = event(undecided.type, when.isoformat(), 98)
            assert status_on(on, [*others, pinned]).status is result.status


exchange_lists = st.lists(st.tuples(st.integers(1900, 1990).map(lambda y: y - y % 5), st.booleans()),
                          max_size=4, unique_by=lambda x: x[0])
statement_lists = st.lists(st.tuples(st.sampled_from(["diplomatic", "none", "severed"]), coarse_dates),
                           max_size=2)


def statements_of(items: list[tuple[str, tuple[int, int | None]]]) -> list[StatusStatement]:
    return [statement(s, f"{y}" if m is None else f"{y}-{m:02d}", f"s-{n}") for n, (s, (y, m)) in enumerate(items)]


@settings(max_examples=60)
@given(coarse_lists, statement_lists, exchange_lists, st.data())
def test_history_gives_status_on_for_every_day_of_each_interval(items, stated, seen, data) -> None:
    events, statements = coarse(items), statements_of(stated)
    exchanges = [Exchange(y, x) for y, x in seen]
    intervals = history(events, statements, exchanges)
    assert intervals[0][0] == dt.date.min
    for (start, at), following in zip(intervals, [*intervals[1:], None], strict=True):
        end = following[0] if following else dt.date(2100, 1, 1)
        assert following is None or following[1] != at  # neighbours differ
        last = end - dt.timedelta(days=1)
        inside = data.draw(st.dates(min_value=start, max_value=last))
        for on in (start, last, inside):
            assert status_on(on, events, statements, exchanges) == at, on


@given(coarse_lists, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1992, 12, 31)))
def test_treaties_and_declarations_never_change_the_status(items, on) -> None:
    events = coarse(items)
    quiet = [e for e in events if e.type is not EventType.TREATY]
    assert status_on(on, events).status is status_on(on, quiet).status
    assert history(events) == history(quiet)


def test_history_of_a_relation() -> None:
    events = [event("establishment", "1858-08-26", 0), event("treaty", "1900", 3), event("severance", "1941-12-08", 1),
              event("resumption", "1952", 2)]
    assert history(events, (), [Exchange(1960, True)]) == [
        (dt.date.min, StatusAt(S.NONE)),
        (day("1858-08-26"), StatusAt(S.DIPLOMATIC, "event", "e-0-1858-08-26", "1858-08-26")),
        (day("1941-12-08"), StatusAt(S.SEVERED, "event", "e-1-1941-12-08", "1941-12-08")),
        (day("1952-01-01"), StatusAt(S.UNKNOWN, "event", "e-2-1952", None,
                                     "e-2-1952 is dated 1952, known only to the year: "
                                     "it may or may not have taken place yet")),
        (day("1952-12-31"), StatusAt(S.DIPLOMATIC, "event", "e-2-1952", "1952")),
    ]


def test_history_of_cow_evidence_alone() -> None:
    assert [(start.isoformat(), at.status) for start, at in history([], (), [Exchange(1960, True)])] == [
        ("0001-01-01", S.UNKNOWN), ("1960-01-01", S.DIPLOMATIC), ("1961-01-01", S.UNKNOWN)]


def test_envoys_after_a_break_yield_to_a_dated_restoring_event_in_the_same_year() -> None:
    # Afghanistan: relations suspended in 1945, the legation upgraded in December 1955; COW sees
    # envoys from 1955. The dated event decides: suspended until it, not resumed from 1 January.
    events = [event("establishment", "1930-11-19", 0), event("suspension", "1945-10-25", 1),
              event("upgrade", "1955-12", 2)]
    exchanges = [Exchange(1950, False), Exchange(1955, True), Exchange(1960, True)]
    assert status_on(day("1955-06-01"), events, (), exchanges).status is S.SUSPENDED
    assert status_on(day("1956-01-01"), events, (), exchanges).basis == "event"
    # Without the upgrade, the two snapshots in a row resume relations from 1 January 1955, undated.
    resumed = status_on(day("1955-06-01"), events[:2], (), exchanges)
    assert (resumed.status, resumed.basis, resumed.since) == (S.DIPLOMATIC, "evidence", None)
    assert status_on(day("1954-12-31"), events[:2], (), exchanges).status is S.SUSPENDED
    # A general statement that restores relations in that year decides too.
    restoring = [statement("diplomatic", "1955-03", "s-1955")]
    assert status_on(day("1955-02-01"), events[:2], restoring, exchanges).status is S.SUSPENDED
