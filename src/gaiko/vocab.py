"""gaiko's vocabularies, in one place: statuses, event types, themes, regions, entity kinds.

Each term has an English and a Japanese label; the explorer reads them from the API
(`/api/v1/vocabularies`) instead of keeping copies. What "starts relations" means is defined
here once, for the status derivation, the audit and the claims alike.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

# Japan: the subject of every relation, never one of its partners (so not an entity of its own).
JAPAN_ID = "JPN"
JAPAN_NAMES = {"en": "Japan", "ja": "日本"}


class Status(StrEnum):
    """Japan's relation with a partner on a given date."""

    DIPLOMATIC = "diplomatic"  # diplomatic relations in force
    UNOFFICIAL = "unofficial"  # working ties through non-governmental bodies (Taiwan since 1972)
    RECOGNISED = "recognised"  # Japan recognises the state; relations not (yet) established
    SEVERED = "severed"  # relations existed and were broken off
    SUSPENDED = "suspended"  # relations existed and were suspended without a break (the occupation)
    NONE = "none"  # no relations with a state that existed
    ENDED = "ended"  # the partner no longer exists as a state
    UNKNOWN = "unknown"  # no dated evidence either way for that date
    JAPAN = "japan"  # the territory was part of Japan
    NO_STATE = "no_state"  # no state of the day's state system held the territory, or it did not yet exist


class EventType(StrEnum):
    RECOGNITION = "recognition"
    ESTABLISHMENT = "establishment"
    SEVERANCE = "severance"
    SUSPENSION = "suspension"
    RESUMPTION = "resumption"
    NORMALISATION = "normalisation"
    CONTINUATION = "continuation"
    UNOFFICIAL_RELATIONS = "unofficial_relations"
    STATE_DISSOLVED = "state_dissolved"
    TREATY = "treaty"
    DECLARATION = "declaration"
    LEGATION_OPENED = "legation_opened"
    EMBASSY_OPENED = "embassy_opened"
    EMBASSY_CLOSED = "embassy_closed"
    UPGRADE = "upgrade"
    DOWNGRADE = "downgrade"


# The event types that start diplomatic relations; a recognition does when its source says so
# (`starts_relations`). Status, audit and claims all ask `starts_relations()`.
STARTING_TYPES = frozenset({EventType.ESTABLISHMENT, EventType.NORMALISATION})


# Before the first event of these types there were no relations ("none", not "unknown").
OPENING_TYPES = STARTING_TYPES | {EventType.RECOGNITION}


def starts_relations(event_type: str, flagged: bool = False) -> bool:
    """True when an event of this type (a flagged recognition included) starts relations."""
    return event_type in STARTING_TYPES or (event_type == EventType.RECOGNITION and flagged)


class EntityKind(StrEnum):
    UN_MEMBER = "un_member"
    UN_OBSERVER = "un_observer"
    NON_MEMBER_STATE = "non_member_state"
    HISTORICAL_STATE = "historical_state"
    TERRITORY = "territory"


class Theme(StrEnum):
    EMBASSY = "embassy"
    ISOLATION = "isolation"
    TREATY = "treaty"
    WAR = "war"
    OCCUPATION = "occupation"
    ALLIANCE = "alliance"
    SECURITY = "security"
    PEACEKEEPING = "peacekeeping"
    AID = "aid"
    TRADE = "trade"
    INVESTMENT = "investment"
    REGIONALISM = "regionalism"
    SUMMIT = "summit"
    ENERGY = "energy"
    POLICY = "policy"
    MEMBERSHIP = "membership"
    VISIT = "visit"
    CULTURE = "culture"


class Tier(StrEnum):
    """How far a source can be trusted, best first."""

    OFFICIAL_JAPAN = "official_japan"  # Japan's government: MOFA, embassies, the Diet, JACAR, kantei
    OFFICIAL_PARTNER = "official_partner"  # the partner's government
    INTERGOVERNMENTAL = "intergovernmental"  # the UN, its agencies, the OECD …
    SCHOLARLY = "scholarly"  # archives and document series (FRUS), journals, university pages, datasets
    REFERENCE = "reference"  # Britannica, Kotobank, Wikipedia itself
    PRESS = "press"  # newspapers, broadcasters, agencies
    DERIVATIVE = "derivative"  # copies and pages that are not a source of their own


class DerivativeKind(StrEnum):
    MIRROR = "mirror"  # a copy of Wikipedia or another reference work
    PROXY = "proxy"  # a proxy copy of another site
    AI_REWRITE = "ai_rewrite"  # text rewritten by a machine: not evidence
    CONTENT_FARM = "content_farm"  # not evidence
    FICTION = "fiction"  # novels, games: not evidence
    BLOG = "blog"  # personal or commercial pages without editorial control
    AGGREGATOR = "aggregator"  # reposts of other pages


# Derivative kinds that are not evidence at all: a citation to them is an error.
NOT_EVIDENCE = frozenset({DerivativeKind.AI_REWRITE, DerivativeKind.CONTENT_FARM, DerivativeKind.FICTION})
STRONG_TIERS = frozenset({Tier.OFFICIAL_JAPAN, Tier.OFFICIAL_PARTNER, Tier.INTERGOVERNMENTAL, Tier.SCHOLARLY})


REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania", "Global")

# COW Diplomatic Exchange representation levels.
DE_LEVELS: dict[int, str] = {
    0: "none",
    1: "chargé d'affaires",
    2: "minister",
    3: "ambassador",
    9: "other",
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "diplomatic": ("Diplomatic relations", "外交関係あり"),
        "unofficial": ("Unofficial relations", "非政府間の実務関係"),
        "recognised": ("Recognised, no relations yet", "国家承認済み・外交関係未樹立"),
        "severed": ("Relations severed", "断交"),
        "suspended": ("Relations suspended", "関係停止"),
        "none": ("No relations", "外交関係なし"),
        "ended": ("State no longer exists", "現存しない国家"),
        "unknown": ("No dated evidence", "日付のある資料なし"),
        "japan": ("Part of Japan", "日本の領域"),
        "no_state": ("No state of the day", "当時は国家なし"),
    },
    "event_type": {
        "recognition": ("recognition", "国家承認"),
        "establishment": ("establishment", "外交関係樹立"),
        "severance": ("severance", "断交"),
        "suspension": ("suspension", "関係停止"),
        "resumption": ("resumption", "国交回復"),
        "normalisation": ("normalisation", "国交正常化"),
        "continuation": ("continuation", "継承国として継続"),
        "unofficial_relations": ("unofficial relations", "非政府間の実務関係"),
        "state_dissolved": ("state dissolved", "国家の消滅"),
        "treaty": ("treaty", "条約"),
        "declaration": ("declaration", "宣言"),
        "legation_opened": ("legation opened", "公使館開設"),
        "embassy_opened": ("embassy opened", "大使館開設"),
        "embassy_closed": ("embassy closed", "大使館閉鎖"),
        "upgrade": ("upgrade", "格上げ"),
        "downgrade": ("downgrade", "格下げ"),
    },
    "theme": {
        "embassy": ("embassies", "使節・公館"), "isolation": ("isolation", "鎖国"),
        "treaty": ("treaties", "条約"), "war": ("war", "戦争"), "occupation": ("occupation", "占領"),
        "alliance": ("alliances", "同盟"), "security": ("security", "安全保障"),
        "peacekeeping": ("peacekeeping", "平和維持活動"), "aid": ("aid", "援助"),
        "trade": ("trade", "貿易"), "investment": ("investment", "投資"),
        "regionalism": ("regionalism", "地域協力"), "summit": ("summits", "首脳会談"),
        "energy": ("energy", "エネルギー"), "policy": ("policy", "外交政策"),
        "membership": ("memberships", "国際機関への加盟"), "visit": ("visits", "訪問"),
        "culture": ("culture", "文化"),
    },
    "entity_kind": {
        "un_member": ("UN member", "国連加盟国"), "un_observer": ("UN observer", "国連オブザーバー"),
        "non_member_state": ("state outside the UN", "国連非加盟国"),
        "historical_state": ("historical state", "歴史上の国家"), "territory": ("territory", "地域"),
    },
    "region": {
        "Africa": ("Africa", "アフリカ"), "Americas": ("Americas", "米州"), "Asia": ("Asia", "アジア"),
        "Europe": ("Europe", "欧州"), "Oceania": ("Oceania", "大洋州"), "Global": ("Global", "全世界"),
    },
}

DESCRIPTIONS: dict[Status, str] = {
    Status.DIPLOMATIC: "Diplomatic relations in force.",
    Status.UNOFFICIAL: "No diplomatic relations; working ties through non-governmental bodies.",
    Status.RECOGNISED: "Japan recognises the state; diplomatic relations not established.",
    Status.SEVERED: "Relations existed and were broken off.",
    Status.SUSPENDED: "Relations existed and were suspended without a break (e.g. under the occupation).",
    Status.NONE: "No relations with a state that existed.",
    Status.ENDED: "The partner no longer exists as a state.",
    Status.UNKNOWN: "No dated evidence for that date.",
    Status.JAPAN: "The territory was part of Japan.",
    Status.NO_STATE: "No state of the day's state system held the territory, or the state did not yet exist.",
}


def vocabularies() -> dict[str, Any]:
    """Every vocabulary with its terms' labels in English and Japanese (for the explorer)."""
    terms: dict[str, Any] = {
        name: [{"value": value, "en": en, "ja": ja} for value, (en, ja) in labels.items()]
        for name, labels in LABELS.items()
    }
    terms["starts_relations"] = sorted(STARTING_TYPES) + ["recognition (when flagged starts_relations)"]
    return terms
