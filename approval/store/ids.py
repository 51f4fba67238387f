"""Ids of stored examples and exports: 32 hex characters that sort by creation."""

from __future__ import annotations

import secrets
import time


def new_ids(count: int) -> list[str]:
    """``count`` ids of 32 hex characters that sort by creation: milliseconds since the epoch, the
    position in the batch, then 56 random bits. Sorted ids keep B-tree inserts at the end of the index
    and make "ordered by id" (exports) follow creation order."""
    prefix = f"{time.time_ns() // 1_000_000:012x}"
    return [f"{prefix}{index:06x}{secrets.token_hex(7)}" for index in range(count)]
