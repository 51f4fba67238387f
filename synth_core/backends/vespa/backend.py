"""``VespaBackend``: the content backend protocol over a Vespa deployment.

Sampling, counting and label searches run in Vespa as queries (``queries``), so no item leaves Vespa
unless it was drawn or asked for by id. Small calls go through pyvespa's sync client; a run's batch of
label searches (``search_many``) through its async client (``query_many``, HTTP/2, bounded concurrency),
a chunk at a time so the caller can use early results while later ones are on their way.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Sequence
from typing import Any

from synth_core.backends.base import SampleOrder, TimedHits
from synth_core.backends.vespa import queries as q
from synth_core.backends.vespa.client import VespaClient
from synth_core.backends.vespa.feed import feed_items
from synth_core.backends.vespa.mapping import VespaLayout, layout_from_settings
from synth_core.content import ContentItem, SearchHit
from synth_core.errors import BackendError
from synth_core.settings import Settings, VespaSettings

SEARCH_CHUNK = 256
"""Label searches sent to the async client at once (``search_many`` yields after each chunk)."""
MAX_PROFILE_GROUPS = 1000


class VespaBackend:
    """ContentBackend over a Vespa deployment; ``upsert`` feeds it (``synth ingest --backend vespa``)."""

    def __init__(
        self,
        settings: VespaSettings,
        layout: VespaLayout,
        *,
        entity_counter: Callable[[str], int] | None = None,
    ) -> None:
        self.settings = settings
        self.layout = layout
        self.client = VespaClient(settings)
        self._count_entities = entity_counter  # the default (pattern extraction) is loaded by the first feed

    @classmethod
    def from_settings(cls, settings: Settings) -> VespaBackend:
        return cls(settings.vespa, layout_from_settings(settings))

    @property
    def location(self) -> str:
        return self.client.endpoint

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> VespaBackend:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------

    def upsert(self, items: Iterable[ContentItem]) -> int:
        """Feed items (a put replaces a document with the same id); returns how many Vespa took."""
        if self._count_entities is None:
            from synth_core.backends.sqlite_store import default_entity_counter

            self._count_entities = default_entity_counter()
        return feed_items(self.client, self.layout, items, self._count_entities)

    # -- reading ---------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """What ``/ApplicationStatus`` reports (raises ``BackendError`` when Vespa does not answer)."""
        return self.client.status()

    def profiles(self) -> dict[str, int]:
        body = q.profiles_body(self.layout, max_groups=MAX_PROFILE_GROUPS, timeout_s=self.settings.timeout_s)
        return q.group_counts(self.client.query(body, action="counting profiles"))

    def count(self, *, profiles: Sequence[str] | None = None, modalities: Sequence[str] | None = None) -> int:
        where = q.where_clause(self.layout, profiles=profiles, modalities=modalities)
        if where is None:
            return 0
        body = q.count_body(self.layout, where, timeout_s=self.settings.timeout_s)
        return q.total_count(self.client.query(body, action="counting content"))

    def _by_ids(self, ids: Sequence[str], summary: Sequence[str] | None) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), self.settings.page_size):
            chunk = wanted[start : start + self.settings.page_size]
            body = q.by_ids_body(self.layout, chunk, summary=summary, timeout_s=self.settings.timeout_s)
            found += [hit["fields"] for hit in q.hits_of(self.client.query(body, action="reading content by id"))]
        return found

    def get(self, ids: Sequence[str]) -> list[ContentItem]:
        items = {item.id: item for item in map(self.layout.to_item, self._by_ids(ids, None))}
        return [items[item_id] for item_id in ids if item_id in items]

    def topic_keys(self, ids: Sequence[str]) -> dict[str, str]:
        """The topic signature stored at feed time of each known id."""
        id_field, topic_field = self.layout.field("id"), self.layout.field("topic_key")
        rows = self._by_ids(ids, ("id", "topic_key"))
        return {str(row[id_field]): str(row.get(topic_field) or "") for row in rows if id_field in row}

    def sample(
        self,
        n: int,
        *,
        seed: int,
        order: SampleOrder = "random",
        profiles: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
        exclude_ids: Iterable[str] = (),
    ) -> list[ContentItem]:
        where = q.where_clause(self.layout, profiles=profiles, modalities=modalities, exclude_ids=exclude_ids)
        if n <= 0 or where is None:
            return []
        if order == "random":
            return self._drawn(where, "random", n, seed)
        return self._top(where, order, n, seed)

    def _top(self, where: str, order: SampleOrder, n: int, seed: int) -> list[ContentItem]:
        """The ``n`` items with the largest sort value; the items tied at the cut are drawn by the seed
        (random ranking among them), as the embedded store does, so another seed draws other ties."""
        if order not in q.SORT_FIELD:
            raise BackendError(f"Unknown sample order {order!r}.", hint="Use random, newest or entity_rich.")
        field = self.layout.field(q.SORT_FIELD[order])
        cut = self._page(where, order, seed, hits=1, offset=n - 1)
        if not cut:  # fewer than n match: take them all
            return self._drawn(where, order, n, seed)
        boundary = int(self.layout.fields_value(cut[0], field))
        above = self._drawn(f"{where} and {field} > {boundary}", order, n, seed)
        return above + self._drawn(f"{where} and {field} = {boundary}", "random", n - len(above), seed)

    def _page(self, where: str, order: SampleOrder, seed: int, *, hits: int, offset: int) -> list[dict[str, Any]]:
        body = q.sample_body(
            self.layout, where, order=order, seed=seed, hits=hits, offset=offset, timeout_s=self.settings.timeout_s
        )
        return [hit["fields"] for hit in q.hits_of(self.client.query(body, action="sampling"))]

    def _drawn(self, where: str, order: SampleOrder, n: int, seed: int) -> list[ContentItem]:
        """Up to ``n`` items in ``order``, a page of ``page_size`` at a time."""
        drawn: list[ContentItem] = []
        while len(drawn) < n:
            hits = min(self.settings.page_size, n - len(drawn))
            page = self._page(where, order, seed, hits=hits, offset=len(drawn))
            drawn += map(self.layout.to_item, page)
            if len(page) < hits:  # the filter matches no more
                break
        return drawn[:n]

    def search(
        self,
        text: str,
        *,
        limit: int = 10,
        profiles: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
    ) -> list[SearchHit]:
        terms = q.search_terms(text)
        where = q.where_clause(self.layout, profiles=profiles, modalities=modalities)
        if not terms or where is None or limit <= 0:
            return []
        body = q.search_body(self.layout, terms, where, limit=limit, timeout_s=self.settings.timeout_s)
        return self._hits(self.client.query(body, action="searching"))

    def search_many(self, texts: Sequence[str], *, limit: int = 10) -> Generator[TimedHits, None, None]:
        """``search(text, limit=limit)`` of every text on the async client, a chunk at a time."""
        for start in range(0, len(texts), SEARCH_CHUNK):
            chunk = [q.search_terms(text) for text in texts[start : start + SEARCH_CHUNK]]
            asked = [i for i, terms in enumerate(chunk) if terms and limit > 0]
            bodies = [
                q.search_body(self.layout, chunk[i], "true", limit=limit, timeout_s=self.settings.timeout_s)
                for i in asked
            ]
            answers = dict(zip(asked, self.client.query_many(bodies, action="searching"), strict=True))
            for i in range(len(chunk)):
                answer, seconds = answers.get(i, ({}, 0.0))
                yield self._hits(answer), seconds

    def _hits(self, answer: dict[str, Any]) -> list[SearchHit]:
        id_field, profile_field, modality_field = (self.layout.field(name) for name in q.SEARCH_SUMMARY)
        hits = []
        for rank, hit in enumerate(q.hits_of(answer), start=1):
            fields = hit["fields"]
            try:
                hits.append(
                    SearchHit(
                        id=str(fields[id_field]),
                        rank=rank,
                        score=float(hit.get("relevance", 0.0)),
                        modality=fields[modality_field],
                        profile=str(fields[profile_field]),
                    )
                )
            except KeyError as exc:
                raise BackendError(
                    f"A Vespa search hit lacks the field {exc} (it has {', '.join(sorted(fields))}).",
                    hint="Map the deployment's field names in the [vespa.fields] settings.",
                ) from exc
        return hits
