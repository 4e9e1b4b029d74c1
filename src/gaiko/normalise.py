"""Names as keys: every way of writing a name that means the same name gives the same key.

Case, accents (not Japanese voicing marks), punctuation, full- and half-width forms, "&" and
"and", the abbreviations of statistical tables ("Rep.", "Dem.", "Is.", "Isds", "St."), a
trailing ", The" and bracketed parts; in Japanese, ヴ and ブ spellings (ヴェトナム, ベトナム) and
the separators ・ and ＝. `token_key` also forgets word order, so that "Korea, Rep." meets
"Republic of Korea" and "Iran, Islamic Rep." meets "Islamic Republic of Iran".
"""

from __future__ import annotations

import re
import unicodedata

_BRACKETS = re.compile(r"\s*[(\[（［【][^)\]）］】]*[)\]）］】]")
# Older kanji forms (kyūjitai) and Chinese traditional forms that Japanese names share: 韓國, 臺灣.
_OLD_KANJI = str.maketrans("國臺灣亞蘭獨佛與滿聯蘇溫樂濱豐廣黨會來經圖", "国台湾亜蘭独仏与満連蘇温楽浜豊広党会来経図")
_KANA_V = (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴュ", "ビュ"), ("ヴ", "ブ"))
# Statistical tables' abbreviations, by word (after case folding, without the full stop).
ABBREVIATIONS = {
    "rep": "republic", "repub": "republic", "dem": "democratic", "democ": "democratic", "fed": "federated",
    "is": "islands", "isl": "islands", "isds": "islands", "st": "saint", "ste": "sainte", "sts": "states",
    "pr": "people's republic", "pdr": "people's democratic republic", "ar": "arab republic", "u.s": "united states",
    "u.k": "united kingdom", "rb": "bolivarian republic", "fyr": "former yugoslav republic", "dpr": "democratic "
    "people's republic", "sar": "special administrative region", "terr": "territory", "gov": "government",
    "kingd": "kingdom", "arab rep": "arab republic",
}
STOPWORDS = frozenset({"of", "the", "and", "de", "du", "des", "la", "le", "da", "do"})


# Combining marks to keep: Japanese voicing marks are part of the letter (ガ is not カ).
_KEEP_MARKS = frozenset("\u3099\u309a")
_NOT_WORD = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    """NFKC, case-folded, old kanji modernised, accents dropped (not Japanese voicing marks)."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_OLD_KANJI)
    if "ヴ" in text:
        for v, b in _KANA_V:
            text = text.replace(v, b)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if c in _KEEP_MARKS or not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


def _words(text: str) -> list[str]:
    text = _fold(text).replace("&", " and ")
    text = re.sub(r",\s*the$", "", text.strip())
    words = []
    for raw in re.split(r"[\s,;/\-‐–—]+", text):
        word = ABBREVIATIONS.get(raw.strip(".'’\":;"), raw)
        kept = " ".join(_NOT_WORD.sub("", part) for part in word.split())
        if kept.strip():
            words.append(kept)
    return " ".join(words).split()


def name_key(text: str) -> str:
    """The name as a key, words in order: "Côte d'Ivoire" and "cote divoire" give "cote divoire"."""
    return " ".join(_words(text))


def token_key(text: str) -> str:
    """The name's words without small words, in alphabetical order: word order forgotten."""
    return " ".join(sorted(w for w in _words(text) if w not in STOPWORDS))


def without_brackets(text: str) -> str:
    """"Korea (Joseon / Korean Empire)" -> "Korea"; unchanged when there is nothing in brackets."""
    return _BRACKETS.sub("", text).strip() or text


def keys(text: str) -> set[str]:
    """Every key a name is found under: as written, words in any order, and without brackets."""
    found = set()
    bare = without_brackets(text)
    for form in (text, bare) if bare != text else (text,):
        words = _words(form)
        found |= {" ".join(words), " ".join(sorted(w for w in words if w not in STOPWORDS))}
    return {k for k in found if k}
