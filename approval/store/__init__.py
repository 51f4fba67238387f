"""The review store: examples waiting for review, the decisions taken on them, runs and exports.

What the rest of Synth Studio may use; the modules of this package are its parts (see review_store.py).
"""

from approval.models import QUEUE_ORDERS, PageRequest, QueueOrder
from approval.store.diffs import field_diff
from approval.store.queue_pages import COUNT_LIMIT
from approval.store.review_store import ReviewStore
from approval.store.runs import RunPublic, StoredRunState, run_state
from approval.store.schema import SchemaState, SchemaUpgrade, inspect_schema, upgrade_schema

__all__ = [
    "COUNT_LIMIT",
    "QUEUE_ORDERS",
    "PageRequest",
    "QueueOrder",
    "ReviewStore",
    "RunPublic",
    "SchemaState",
    "SchemaUpgrade",
    "StoredRunState",
    "field_diff",
    "inspect_schema",
    "run_state",
    "upgrade_schema",
]
