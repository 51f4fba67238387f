"""Pages of the review queue: one tenant's examples matching a filter, a page at a time, from an offset
or right after an example (keyset), with how many match.

A page costs the same in a queue of a million: it counts the matching examples only up to
``COUNT_LIMIT`` (then says "10000+"), finds its ids through the queue indexes (``PageStatements``,
``select_page_ids`` in queue.py) and reads only those examples, as models or as the JSON the REST API
sends (page_items.py). A keyset page may reuse a count past the limit made moments before
(recent_counts.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Connection, Engine

from approval.models import ExampleFilter, Page, PageRequest
from approval.store.engine import last_write, transaction
from approval.store.page_items import FoundPage, Item, page_json, read_examples, read_examples_json
from approval.store.page_statements import PageStatements
from approval.store.queue import CURSOR_KEYS, ORDERINGS, Cursor, count_examples, stored_optimizers
from approval.store.recent_counts import RecentCounts
from synth_core.errors import Fix, InvalidRequestError

MAX_PAGE = 1000
COUNT_LIMIT = 10_000
"""A queue page counts the matching examples up to this many (then says "10000+")."""


class QueuePages:
    """The queue pages of a review store at ``engine``, with the counts and page statements it keeps
    between pages."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._recent_counts = RecentCounts()
        self._page_statements = PageStatements()

    def list_page(self, *, tenant_id: str, request: PageRequest) -> Page:
        """One page of the filtered queue, from ``offset`` or right ``after`` an example (keyset: the
        page's ``next_after`` gives the next one, however deep), and how many match, counted up to
        ``COUNT_LIMIT`` (a page costs the same in a queue of a million; ``ReviewStore.count`` counts them all). A
        keyset page may reuse a count past the limit made moments before (recent_counts.py)."""
        found = self._read_page(tenant_id, request, read_examples)
        return Page(
            items=found.items,
            total=found.total,
            total_exact=found.total_exact,
            limit=request.limit,
            offset=request.offset,
            next_after=found.next_after,
        )

    def list_page_json(self, *, tenant_id: str, request: PageRequest) -> bytes:
        """``list_page`` as the JSON ``Page.model_dump_json()`` writes, made from the stored JSON without
        building models (page_json.py): what the REST API sends for a queue page."""
        found = self._read_page(tenant_id, request, read_examples_json)
        return page_json(
            found.items,
            total=found.total,
            total_exact=found.total_exact,
            limit=request.limit,
            offset=request.offset,
            next_after=found.next_after,
        )

    def _read_page(
        self,
        tenant_id: str,
        request: PageRequest,
        read: Callable[[Connection, str, Sequence[str]], dict[str, Item]],
    ) -> FoundPage[Item]:
        """The page's examples as ``read`` gives them (by id, in one transaction with the page's ids)."""
        check_page_request(request)
        example_filter, limit, after = request.filter, request.limit, request.after
        with transaction(self.engine, write=False) as connection:
            optimizers = _queue_optimizers(connection, tenant_id, example_filter)
            filter_key = example_filter.model_dump_json()
            # The count first: how many match decides how the page is best found (select_page_ids).
            keyset = after is not None
            counted = self._count_for_page(connection, tenant_id, example_filter, filter_key, optimizers, keyset=keyset)
            exact = counted <= COUNT_LIMIT
            cursor = _cursor(connection, tenant_id, after, request.order) if after is not None else None
            ids: list[str] = []
            by_id: dict[str, Item] = {}
            if request.offset < counted or not exact:
                page = (limit + 1, request.offset)  # one more tells whether a next page exists
                total = counted if exact else None
                found, cursor_values = self._page_statements.page_ids(
                    tenant_id=tenant_id,
                    example_filter=example_filter,
                    filter_key=filter_key,
                    order=request.order,
                    page=page,
                    total=total,
                    dialect=connection.dialect.name,
                    cursor=cursor,
                    optimizers=optimizers,
                )
                ids = list(connection.execute(found, cursor_values).scalars())
                by_id = read(connection, tenant_id, ids[:limit])
        return FoundPage(
            items=[by_id[example_id] for example_id in ids[:limit]],
            total=min(counted, COUNT_LIMIT),
            total_exact=exact,
            next_after=ids[limit - 1] if len(ids) > limit else None,
        )

    def _count_for_page(
        self,
        connection: Connection,
        tenant_id: str,
        filter: ExampleFilter,
        filter_key: str,
        optimizers: list[str] | None,
        *,
        keyset: bool,
    ) -> int:
        """How many match, up to ``COUNT_LIMIT`` + 1; a keyset page takes a count that reached the limit
        moments ago for the same filter, unless this process wrote since (recent_counts.py)."""
        key = (tenant_id, filter_key)
        mark = last_write(self.engine)  # before counting: a write ending meanwhile makes the count stale
        remembered = self._recent_counts.get(key, mark) if keyset else None
        if remembered is not None:
            return remembered
        counting = count_examples(tenant_id, filter, up_to=COUNT_LIMIT + 1, optimizers=optimizers)
        counted = int(connection.execute(counting).scalar_one())
        if counted > COUNT_LIMIT:
            self._recent_counts.put(key, mark, counted)
        return counted


def check_page_request(request: PageRequest) -> None:
    """Refuse a page no queue has, saying what to fix: a limit out of range, a negative offset, an
    unknown order, or both an offset and an example to start after."""
    limit, offset = request.limit, request.offset
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise InvalidRequestError(f"Page limit must be 1..{MAX_PAGE} and offset >= 0 (got {limit}, {offset}).")
    if request.order not in ORDERINGS:
        raise InvalidRequestError(
            f"Unknown order '{request.order}'.",
            fix=Fix("Order the queue a known way.", field="order", choices=tuple(ORDERINGS)),
        )
    if request.after is not None and offset:
        raise InvalidRequestError(
            "A page starts at an offset or after an example, not both.",
            fix=Fix("Pass either an offset or the example to start after.", field="after"),
        )


def _queue_optimizers(connection: Connection, tenant_id: str, example_filter: ExampleFilter) -> list[str] | None:
    """The tenant's stored optimizers, for a filter that names none, so that its count and page read the
    queue indexes one optimizer's range at a time (``count_examples``, ``select_page_ids``); None when
    the filter names one, or a run (whose examples are found by its own index)."""
    if example_filter.optimizer or example_filter.run_id:
        return None
    return stored_optimizers(connection, tenant_id)


def _cursor(connection: Connection, tenant_id: str, example_id: str, order: str) -> Cursor:
    """Where a keyset page starts: the example it follows, with its value of the order's key."""
    found = connection.execute(CURSOR_KEYS[order], {"cursor_id": example_id, "cursor_tenant": tenant_id})
    key = found.scalar_one_or_none()
    if key is None:
        raise InvalidRequestError(
            f"No example '{example_id}' to start the page after.", hint="Start from the first page."
        )
    return Cursor(example_id, key)
