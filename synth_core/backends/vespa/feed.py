"""Feeding content into Vespa (``synth ingest --backend vespa``): one document put per item.

Each item goes to its profile's schema, with the entity count and topic signature computed here, as
the embedded store computes them at ingest. pyvespa's ``feed_iterable`` does the sending (a thread
pool, retries on 429); a feed that Vespa refuses in part, or that loses the connection, is an error
that says how far it got.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from synth_core.backends.text_terms import topic_key
from synth_core.backends.vespa.client import FeedOutcome, VespaClient
from synth_core.backends.vespa.mapping import VespaLayout
from synth_core.content import ContentItem
from synth_core.errors import BackendError, Fix


def documents_by_schema(
    layout: VespaLayout, items: Iterable[ContentItem], count_entities: Callable[[str], int]
) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """``schema -> [(document id, fields)]`` for ``items`` (ingest hands over batches of 2,000)."""
    documents: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for item in items:
        fields = layout.to_fields(
            item,
            entity_count=count_entities(f"{item.title}. {item.text}"),
            topic_key=topic_key(item.title, item.text, item.metadata),
        )
        documents[layout.schema_for(item.profile)].append((item.id, fields))
    return dict(documents)


def feed_items(
    client: VespaClient, layout: VespaLayout, items: Iterable[ContentItem], count_entities: Callable[[str], int]
) -> int:
    """Feed ``items``; returns how many documents Vespa took, or raises when it refused any."""
    batches = documents_by_schema(layout, items, count_entities)
    if not batches:
        return 0
    client.status()  # fail fast and clearly when Vespa is down, before a thousand retried puts
    outcome = FeedOutcome()
    for schema, documents in batches.items():
        client.feed(schema, documents, outcome)
        if outcome.unreachable:
            break
    if outcome.unreachable:
        raise BackendError(
            f"Vespa at {client.endpoint} stopped answering during the feed ({outcome.fed:,} documents taken).",
            fix=Fix("Check that the Vespa deployment runs, then load the file again (same ids update).", "vespa.url"),
        )
    if outcome.failed:
        raise BackendError(
            f"Vespa at {client.endpoint} refused {outcome.failed:,} of {outcome.fed + outcome.failed:,} documents "
            f"({'; '.join(outcome.reasons)}).",
            fix=Fix(
                "Deploy the application package Synth Studio writes for these settings (its schemas hold every "
                "mapped field), then load the file again.",
                "vespa.fields",
            ),
        )
    return outcome.fed
