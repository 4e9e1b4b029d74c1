"""Which factual sentences of an article some record's citation supports.

A sentence is supported when a citation of the article quotes it: the quote contains the
sentence, the sentence contains the quote (a quote of at least six words), or most of the
sentence's words appear, in order, in one quote.
"""

from __future__ import annotations

import difflib
from typing import Any

from gaiko.article import Section, normalise
from gaiko.kb import KnowledgeBase

Record = dict[str, Any]
MIN_QUOTE_WORDS = 6
MIN_WORD_SHARE = 0.8


def _supports(quote: str, sentence: str) -> bool:
    if sentence in quote:
        return True
    if len(quote.split()) >= MIN_QUOTE_WORDS and quote in sentence:
        return True
    words, quoted = sentence.split(), quote.split()
    matcher = difflib.SequenceMatcher(None, words, quoted, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared / max(len(words), 1) >= MIN_WORD_SHARE


def coverage(kb: KnowledgeBase, sections: list[Section]) -> Record:
    """Per factual sentence, the records whose citations support it; and the totals."""
    quotes = [(normalise(c["quote"]), c["record_type"], c["record_id"]) for c in kb.citations() if c.get("quote")]
    rows = []
    for section in sections:
        for sentence in section.sentences:
            if not sentence.factual:
                continue
            text = normalise(sentence.text)
            records = sorted({f"{kind}:{rid}" for quote, kind, rid in quotes if _supports(quote, text)})
            row = {"id": sentence.id, "section": section.title, "text": sentence.text,
                   "covered": bool(records), "records": records}
            if not records:
                row["reason"] = "no record cites it"
            rows.append(row)
    covered = sum(1 for r in rows if r["covered"])
    return {
        "factual_sentences": len(rows),
        "covered": covered,
        "share": round(covered / len(rows), 4) if rows else 1.0,
        "sentences": rows,
    }
