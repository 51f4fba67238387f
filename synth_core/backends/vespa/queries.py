"""The query bodies the Vespa backend sends, and the reading of Vespa's answers. Pure functions.

Every sampling order is one YQL query run inside Vespa, so a sample costs the same on a huge
deployment as on a small one (nothing is copied out to be drawn from):

- ``random`` (the ``diverse`` and ``by_modality`` strategies): rank profile ``random``, whose first
  phase is ``random.match``, seeded per request (``rankproperty.random.match.seed``): a seeded
  uniform draw; the same seed on the same content draws the same items.
- ``newest`` (``temporal_recent``): ``order by created_at desc``: largest timestamp, the newest, first.
- ``entity_rich``: ``order by entity_count desc``.

A sorted sample reads the value at the cut first (one hit at offset n-1), then takes every item above
it in order and draws the items tied at it with the seeded random ranking, as the embedded store does;
so another seed draws other ties, which matters for entity counts, where ties are the rule.

Filters are YQL ``in`` sets over attribute fields; items drawn already are left out with
``!(id in (...))``. Label searches are BM25 over title and text: ``userInput`` with the ``any``
grammar (a document matching any term is a hit, as the embedded store's OR query) ranked by the
``bm25`` rank profile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from synth_core.backends.base import SampleOrder
from synth_core.backends.text_terms import key_terms, words
from synth_core.backends.vespa.mapping import VespaLayout
from synth_core.errors import BackendError

RANDOM_PROFILE = "random"
BM25_PROFILE = "bm25"
UNRANKED = "unranked"
"""Vespa's built-in profile that skips ranking; sorted queries need no rank score."""
SORT_FIELD: dict[str, str] = {"newest": "created_at", "entity_rich": "entity_count"}
SEARCH_SUMMARY = ("id", "profile", "modality")
"""What a label search needs of each hit (the rest of an item stays in Vespa)."""
SEED_RANGE = 2**31


def quoted(value: str) -> str:
    """A YQL string literal: quotes and backslashes escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _in_set(field: str, values: Iterable[str]) -> str:
    return f"{field} in ({', '.join(quoted(value) for value in values)})"


def where_clause(
    layout: VespaLayout,
    *,
    profiles: Sequence[str] | None = None,
    modalities: Sequence[str] | None = None,
    exclude_ids: Iterable[str] = (),
    ids: Sequence[str] | None = None,
) -> str | None:
    """The conjunction of the filters (``true`` when none); None when it can match nothing."""
    clauses: list[str] = []
    for name, values in (("profile", profiles), ("modality", modalities), ("id", ids)):
        if values is None:
            continue
        distinct = list(dict.fromkeys(values))
        if not distinct:
            return None
        clauses.append(_in_set(layout.field(name), distinct))
    excluded = sorted(set(exclude_ids))
    if excluded:
        # A negation only narrows what something else matched: with no other filter it follows `true`.
        clauses = (clauses or ["true"]) + [f"!({_in_set(layout.field('id'), excluded)})"]
    return " and ".join(clauses) or "true"


def _select(layout: VespaLayout, where: str, *, summary: Sequence[str] | None = None) -> str:
    fields = "*" if summary is None else ", ".join(layout.field(name) for name in summary)
    return f"select {fields} from sources {', '.join(layout.schemas)} where {where}"


def sample_body(
    layout: VespaLayout, where: str, *, order: SampleOrder, seed: int, hits: int, offset: int, timeout_s: float
) -> dict[str, Any]:
    """One page of a sample in ``order``."""
    yql = _select(layout, where)
    body: dict[str, Any] = {"hits": hits, "offset": offset, "timeout": f"{timeout_s:g}s"}
    if order == "random":
        body.update({"ranking.profile": RANDOM_PROFILE, "rankproperty.random.match.seed": seed % SEED_RANGE})
    elif order in SORT_FIELD:
        yql += f" order by {layout.field(SORT_FIELD[order])} desc"
        body["ranking.profile"] = UNRANKED
    else:
        raise BackendError(f"Unknown sample order {order!r}.", hint="Use random, newest or entity_rich.")
    return {"yql": yql, **body}


def count_body(layout: VespaLayout, where: str, *, timeout_s: float) -> dict[str, Any]:
    """No hits, only ``root.fields.totalCount``."""
    return {"yql": _select(layout, where), "hits": 0, "ranking.profile": UNRANKED, "timeout": f"{timeout_s:g}s"}


def profiles_body(layout: VespaLayout, *, max_groups: int, timeout_s: float) -> dict[str, Any]:
    """A grouping query: the item count of every profile."""
    grouping = f"all(group({layout.field('profile')}) max({max_groups}) each(output(count())))"
    return {
        "yql": f"{_select(layout, 'true')} limit 0 | {grouping}",
        "ranking.profile": UNRANKED,
        "timeout": f"{timeout_s:g}s",
    }


def by_ids_body(layout: VespaLayout, ids: Sequence[str], *, summary: Sequence[str] | None, timeout_s: float) -> dict:
    """The documents with these item ids (one query, whatever schema each lives in)."""
    where = where_clause(layout, ids=ids) or "false"
    return {
        "yql": _select(layout, where, summary=summary),
        "hits": len(ids),
        "ranking.profile": UNRANKED,
        "timeout": f"{timeout_s:g}s",
    }


def search_terms(text: str) -> str:
    """The words a label search sends: the key terms, or every word when the text has none."""
    return " ".join(key_terms(text) or list(dict.fromkeys(words(text)))[:12])


def search_body(layout: VespaLayout, terms: str, where: str, *, limit: int, timeout_s: float) -> dict[str, Any]:
    """A BM25 search for ``terms`` (from ``search_terms``) within ``where``."""
    match = '{defaultIndex: "default", grammar: "any"}userInput(@query_terms)'
    condition = match if where == "true" else f"{match} and {where}"
    return {
        "yql": _select(layout, condition, summary=SEARCH_SUMMARY),
        "query_terms": terms,
        "hits": limit,
        "ranking.profile": BM25_PROFILE,
        "timeout": f"{timeout_s:g}s",
    }


# -- reading answers ----------------------------------------------------------------------------


def root_errors(answer: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The errors Vespa reported in a search answer (``root.errors``)."""
    errors = answer.get("root", {}).get("errors") or []
    return [error for error in errors if isinstance(error, dict)]


def hits_of(answer: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The hits (``root.children``) that carry document fields, in rank order."""
    children = answer.get("root", {}).get("children") or []
    return [child for child in children if isinstance(child.get("fields"), dict) and "id" in child]


def total_count(answer: Mapping[str, Any]) -> int:
    return int(answer.get("root", {}).get("fields", {}).get("totalCount", 0))


def group_counts(answer: Mapping[str, Any]) -> dict[str, int]:
    """``value -> count()`` of a one-level grouping answer."""
    counts: dict[str, int] = {}
    for root_group in answer.get("root", {}).get("children") or []:
        for group_list in root_group.get("children") or []:
            for group in group_list.get("children") or []:
                counts[str(group.get("value"))] = int(group.get("fields", {}).get("count()", 0))
    return dict(sorted(counts.items()))
