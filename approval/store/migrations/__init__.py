"""Alembic migrations of the review store, applied by ``approval.store.schema`` (see its docstring)."""
