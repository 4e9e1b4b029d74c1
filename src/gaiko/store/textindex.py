"""Text for the full-text index: Latin words as they are, Japanese and Chinese as bigrams.

SQLite's unicode61 tokenizer would make a whole run of kanji or kana one token, and its
trigram tokenizer cannot match terms under three characters (外交, 条約, 韓国). So runs of CJK
characters are indexed as overlapping two-character tokens, and queries are cut the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# bm25 weights of the search table's columns: title, names, body, quotes. Here rather than in
# searchindex so that reading the index does not load the builders.
WEIGHTS = (10.0, 8.0, 2.0, 1.0)


# Kanji, hiragana, katakana (and the prolonged sound mark), Hangul, CJK punctuation excluded.
# Compiled on first use: its wide ranges take longer to compile than `gaiko country` takes to answer.
@cache
def _cjk_run() -> re.Pattern[str]:
    return re.compile(r"[\u3041-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af々〆ー]+")


_WORD = re.compile(r"\w+", re.UNICODE)


def bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)]


def index_text(text: str) -> str:
    """The text as the index sees it: CJK runs replaced by their bigrams."""
    return _cjk_run().sub(lambda m: " " + " ".join(bigrams(m.group(0))) + " ", text)


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for a user's query; None if it has nothing to search for.

    Every term must match (AND). A CJK term becomes a phrase of its bigrams; a single CJK
    character matches as a prefix of a bigram; the last Latin word matches as a prefix, so
    that "Kor" finds Korea while the user types.
    """
    parts: list[str] = []
    pos = 0
    for match in _cjk_run().finditer(query):
        parts += _latin_terms(query[pos:match.start()])
        run = match.group(0)
        parts.append(f'"{run}"*' if len(run) == 1 else '"' + " ".join(bigrams(run)) + '"')
        pos = match.end()
    parts += _latin_terms(query[pos:])
    if not parts:
        return None
    if parts[-1].startswith('"') and parts[-1].endswith('"') and " " not in parts[-1] \
            and not _cjk_run().search(parts[-1]):
        parts[-1] += "*"
    return " AND ".join(parts)


def _latin_terms(text: str) -> list[str]:
    return [f'"{w}"' for w in _WORD.findall(text) if not _cjk_run().fullmatch(w)]


def name_key(text: str) -> str:
    """Normalise a name for matching: NFKC, case-folded, accents and punctuation dropped."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    kept = [c for c in text if unicodedata.category(c)[0] in "LN" or c == " "]
    return " ".join("".join(kept).split())
