"""The review store: examples waiting for review, the decisions taken on them, runs and exports.

What the rest of Synth Studio may use; the modules of this package are its parts (see review_store.py).
"""

from approval.store.diffs import field_diff
from approval.store.queue import QUEUE_ORDERS, QueueOrder
from approval.store.review_store import ReviewStore
from approval.store.runs import RunPublic, StoredRunState, run_state

__all__ = ["QUEUE_ORDERS", "QueueOrder", "ReviewStore", "RunPublic", "StoredRunState", "field_diff", "run_state"]
