"""The review store: examples waiting for review, the decisions taken on them, runs and exports."""

from approval.store.review_store import ReviewStore

__all__ = ["ReviewStore"]
