"""The near-duplicate keys of stored queries (table ``duplicate_keys``; approval.dedup explains the
keys): filed with each new example, filed again when an edit or its undo changes a query, removed
when an example is deleted, and looked up per batch so that scoring never reads every stored query.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from approval.dedup import NearbyQueries, duplicate_keys
from approval.store.tables import DUPLICATE_KEYS, EXAMPLES

CHUNK = 1000
"""Keys or ids per statement: well under every database's limit on bound parameters."""


def file_queries(connection: Connection, rows: Sequence[Mapping[Any, Any]]) -> None:
    """File new examples' queries (``examples`` rows: id, tenant_id, optimizer, query_folded)."""
    keys = [{"key": key, "example_id": row["id"]} for row in rows for key in _filed(row)]
    for start in range(0, len(keys), CHUNK):
        connection.execute(insert(DUPLICATE_KEYS), keys[start : start + CHUNK])


def unfile_queries(connection: Connection, rows: Sequence[Mapping[Any, Any]]) -> None:
    """Remove the keys of ``examples`` rows as they are stored now (before a delete or a new query).

    A statement deletes the keys of a group of examples filed under any key of the group: it touches
    no other example's keys, and every key of the group's examples is among them."""
    keys: set[int] = set()
    ids: list[str] = []
    for position, row in enumerate(rows):
        keys |= _filed(row)
        ids.append(row["id"])
        if len(keys) + len(ids) >= CHUNK or position == len(rows) - 1:
            connection.execute(
                delete(DUPLICATE_KEYS).where(
                    DUPLICATE_KEYS.c.key.in_(sorted(keys)), DUPLICATE_KEYS.c.example_id.in_(ids)
                )
            )
            keys, ids = set(), []


def refile_query(connection: Connection, row: Mapping[Any, Any], query_folded: str) -> None:
    """An example's query changed from ``row['query_folded']`` to ``query_folded``."""
    if query_folded != row["query_folded"]:
        unfile_queries(connection, [row])
        file_queries(connection, [{**row, "query_folded": query_folded}])


def nearby_queries(
    connection: Connection,
    *,
    tenant_id: str,
    optimizer: str,
    queries: Sequence[str],
    statuses: Collection[str],
    exclude_ids: Collection[str] = (),
) -> NearbyQueries:
    """For each of ``queries``, the stored queries (case-folded) of examples with one of ``statuses``
    filed under one of its keys: every stored near-duplicate of it and a few more."""
    scope = _scope(tenant_id, optimizer)
    wanted = {query.casefold(): duplicate_keys(scope, query.casefold()).looked_up for query in queries}
    keys = sorted(set().union(*wanted.values()))
    filed: dict[int, list[str]] = {}
    for start in range(0, len(keys), CHUNK):
        found = select(DUPLICATE_KEYS.c.key, DUPLICATE_KEYS.c.example_id).where(
            DUPLICATE_KEYS.c.key.in_(keys[start : start + CHUNK])
        )
        for key, example_id in connection.execute(found):
            if example_id not in exclude_ids:
                filed.setdefault(key, []).append(example_id)
    texts = _stored_queries(connection, sorted({i for ids in filed.values() for i in ids}), tenant_id, optimizer)
    statuses = set(statuses)
    counted = {example_id: text for example_id, (status, text) in texts.items() if status in statuses}
    nearby = {
        query: [counted[i] for i in sorted({i for key in query_keys for i in filed.get(key, ()) if i in counted})]
        for query, query_keys in wanted.items()
    }
    return NearbyQueries(nearby)


def _stored_queries(
    connection: Connection, ids: Sequence[str], tenant_id: str, optimizer: str
) -> dict[str, tuple[str, str]]:
    """Status and query of the examples ``ids`` of the tenant's optimizer (two scopes' keys may collide;
    their examples never mix). Read by primary key alone: a tenant clause lures SQLite into scanning
    the tenant's queue index instead (see ReviewStore.list_page)."""
    found: dict[str, tuple[str, str]] = {}
    columns = EXAMPLES.c
    for start in range(0, len(ids), CHUNK):
        rows = select(columns.id, columns.tenant_id, columns.optimizer, columns.status, columns.query_folded).where(
            columns.id.in_(ids[start : start + CHUNK])
        )
        for example_id, tenant, name, status, text in connection.execute(rows):
            if tenant == tenant_id and name == optimizer:
                found[example_id] = (status, text)
    return found


def _filed(row: Mapping[Any, Any]) -> frozenset[int]:
    return duplicate_keys(_scope(row["tenant_id"], row["optimizer"]), row["query_folded"]).filed


def _scope(tenant_id: str, optimizer: str) -> str:
    return f"{tenant_id}/{optimizer}"
