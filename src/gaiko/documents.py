"""What each searchable record says to the full-text index: its title, names, body and quotes.

A builder turns one record into a Document; the registry names the builder of each record
type. Quotes are the citations' own words, so that a search for a source's phrase finds the
fact it supports.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gaiko import model


@dataclass(frozen=True)
class Document:
    type: str
    id: str
    label_en: str
    label_ja: str | None
    names: list[str]
    body: str
    page: str  # the explorer page a hit opens
    quotes: list[str] = field(default_factory=list)


Names = Mapping[str, model.Entity]
Builder = Callable[[Any, Names], Document]


def _join(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p)


def _quotes(record: Any) -> list[str]:
    return [c.quote for c in model.iter_citations(record) if c.quote]


def _partner_names(ids: list[str], names: Names) -> list[str]:
    return [n for i in ids if i in names for n in (names[i].name_en, names[i].name_ja) if n]


def entity(e: model.Entity, names: Names) -> Document:
    all_names = [e.name_en, e.name_ja, e.official_name_en, e.official_name_ja, *e.aliases_en,
                 *e.aliases_ja, *e.former_names, e.id, e.iso2]
    return Document("entity", e.id, e.name_en, e.name_ja, [n for n in all_names if n],
                    _join(e.kind.value.replace("_", " "), e.un_region, e.un_subregion), f"/country/{e.id}")


def relation_event(ev: model.RelationEvent, names: Names) -> Document:
    partner = names.get(ev.partner)
    title = f"{partner.name_en if partner else ev.partner}: {ev.type.value.replace('_', ' ')} {ev.date}"
    return Document("relation_event", ev.id, title, partner.name_ja if partner else None,
                    _partner_names([ev.partner], names), _join(ev.instrument, ev.note),
                    f"/country/{ev.partner}", _quotes(ev))


def timeline_event(t: model.TimelineEvent, names: Names) -> Document:
    return Document("timeline_event", t.id, t.title_en, t.title_ja, _partner_names(t.participants, names),
                    _join(t.summary_en, " ".join(t.places), " ".join(th.value for th in t.themes)),
                    f"/timeline#{t.id}", _quotes(t))


def dispute(d: model.Dispute, names: Names) -> Document:
    return Document("dispute", d.id, d.title_en, d.title_ja, [n.name for n in d.names] + d.features,
                    _join(d.description_en, *(p.summary_en for p in d.positions), *(ev.title_en for ev in d.events)),
                    f"/disputes#{d.id}", _quotes(d))


def figure(f: model.Figure, names: Names) -> Document:
    page = f"/country/{f.recipients[0]}" if len(f.recipients) == 1 else f"/figures#{f.id}"
    return Document("figure", f.id, f.label_en, f.label_ja, _partner_names(f.recipients, names),
                    _join(f.basis, f.period, f.recipient_group, f.theme.value), page, _quotes(f))


def work(w: model.Work, names: Names) -> Document:
    people = [f"{p.given or ''} {p.family}".strip() for p in [*w.authors, *w.editors]]
    return Document("work", w.id, w.title, None, people, _join(w.container_title, w.publisher, w.year, w.notes),
                    f"/sources#{w.id}")


def narrative(n: model.Narrative, names: Names) -> Document:
    return Document("narrative", n.id, n.text_en, None, _partner_names(n.participants, names),
                    _join(n.period, n.region), f"/timeline#{n.id}", _quotes(n))
