"""The words the template writer brings to a query (its frames, request verbs and media words), as
opposed to the words it takes from the source item.

Read off the phrase modules themselves, so a new frame is known here the day it is written: every
string constant of ``phrasebook``, ``request_frames``, ``media_fit`` and ``media_choice``, slots
(``{x}``) removed. ``generators.anchoring`` leaves these words out when it asks where a query's words
come from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from types import ModuleType
from typing import Any

from synth_core.lexicon import STOPWORDS
from synth_core.writing import media_choice, media_fit, phrasebook, request_frames

PHRASE_MODULES: tuple[ModuleType, ...] = (phrasebook, request_frames, media_fit, media_choice)
_SLOT = re.compile(r"\{[^}]*\}")
_WORD = re.compile(r"[^\W_][\w'-]*")


@lru_cache(maxsize=1)
def frame_words() -> frozenset[str]:
    """Casefolded content words (no stopwords) of every phrase the template writer uses."""
    found: set[str] = set()
    for module in PHRASE_MODULES:
        for name, value in vars(module).items():
            if name.lstrip("_").isupper():
                for phrase in _strings(value):
                    found.update(_WORD.findall(_SLOT.sub(" ", phrase).casefold()))
    return frozenset(found - STOPWORDS)


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a constant: itself, the items of a collection, a mapping's keys and values."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _strings(item)
