"""How the subjects a two-item query asks about link its two items: the ``pair_link`` signal.

A fusion query is right when both items are about what it asks (judged rounds 1-6 of cross_modal:
the wrong ones ask about a word the two items use in two senses, "landscape" of a ski photo and of
an energy landscape; a name one item only quotes, credits or mentions in passing; or a fragment
that is no subject of either item). The signal is a pure function of the query and its two items, so
an example drawn before it was recorded is read the same way (``tests.benchmarks.judged``):

- ``shared``: the subjects the query names that both items are about (``pairs.about_keys``);
- ``lone``: every one of them is a lone word, or a one-word name that is an everyday word, which
  may mean two things (``pairs`` asks such a word for a second one);
- ``corroborating``: the specific words both items say besides a shared subject, each in a title or
  a subject of one of them (``pairs.corroborating_words``; another shared subject counts, as the
  generator counts it): what tells that a lone word means one thing in both;
- ``apart``: shared subjects the two items write apart (an acronym and a word, or a name typed as two
  kinds of thing: ``pairs.two_things``);
- ``cut``: shared subjects cut from a longer phrase of a title ("operations room" of "Rover Operations
  Room": ``pairs.cut_from_title``).
"""

from __future__ import annotations

from collections.abc import Sequence

from synth_core.content import ContentItem
from synth_core.generators.pairs import (
    ContentPair,
    Subject,
    about_keys,
    corroborating_words,
    cut_from_title,
    item_subjects,
    key_form,
    needs_corroboration,
    two_things,
)
from synth_core.generators.text_parts import tokens
from synth_core.patterns import extract_patterns
from synth_core.schemas.common import PairLink


def pair_link(query: str, items: Sequence[ContentItem]) -> PairLink | None:
    """The link the query's subjects make between its two items; None unless there are two."""
    if len(items) != 2:
        return None
    pair = ContentPair(items[0], items[1], "")
    asked = _asked(query, pair)
    both = about_keys(pair.first) & about_keys(pair.second)
    shared = [subject for subject in asked if subject.key in both]
    return PairLink(
        shared=[subject.text for subject in shared],
        lone=bool(shared) and all(needs_corroboration(pair, subject) for subject in shared),
        corroborating=sorted({word for subject in shared for word in corroborating_words(pair, [subject.key])}),
        apart=[subject.text for subject in shared if two_things(pair, subject)],
        cut=[subject.text for subject in shared if cut_from_title(pair, subject)],
    )


def _asked(query: str, pair: ContentPair) -> list[Subject]:
    """The subjects and names of either item the query says, the longest where one holds another
    ("Jet Propulsion Laboratory", not "laboratory")."""
    said = tokens(query)
    known: dict[str, Subject] = {}
    for item in pair.items:
        for subject in item_subjects(item):
            known.setdefault(subject.key, subject)
        for entity in extract_patterns(item).entities:
            if entity.type != "DATE":
                known.setdefault(key_form(entity.text), Subject(entity.text, entity))
    found = {key: subject for key, subject in known.items() if _says(said, tokens(key))}
    return [
        subject
        for key, subject in found.items()
        if not any(other != key and _says(tokens(other), tokens(key)) for other in found)
    ]


def _says(said: Sequence[str], wanted: Sequence[str]) -> bool:
    size = len(wanted)
    return size > 0 and any(tuple(said[start : start + size]) == tuple(wanted) for start in range(len(said) - size + 1))
