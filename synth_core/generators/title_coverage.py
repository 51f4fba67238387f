"""How much of its source's title a query names: the ``title_coverage`` signal.

A query that names its item by its title asks for the item itself; one whose words come only from the
body text is where passing mentions, tag words and cut fragments creep in (judged rounds 3-5: queries
naming under a fifth of the title were wrong 1.5-2x as often). The confidence score reads the signal
(``approval.confidence``, component ``title_match``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from synth_core.content import ContentItem
from synth_core.lexicon import STOPWORDS

_WORD = re.compile(r"[^\W_][\w'-]*")


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that carry content (casefolded, no stopwords)."""
    return frozenset(word for word in _WORD.findall(text.casefold()) if word not in STOPWORDS)


def title_coverage(query: str, items: Sequence[ContentItem]) -> float | None:
    """The share of each source title's content words that ``query`` contains, averaged over the
    sources that have a title; None when none has one (nothing to measure)."""
    said = content_words(query)
    shares = []
    for item in items:
        title = content_words(item.title)
        if title:
            shares.append(len(title & said) / len(title))
    return sum(shares) / len(shares) if shares else None
