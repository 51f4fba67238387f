"""The label index: the labels in each example's payload (modality, agent, intent) as rows of
``example_labels`` (tables.ExampleLabelRow), so that the queue's label filter is an index lookup
instead of reading each candidate's JSON payload.

Which fields: every field that is a label of some optimizer (``approval.labels`` says which, per
optimizer; a test keeps ``LABEL_FIELDS`` equal to all of them), in every payload that holds one. So the
filter means what reading the payload meant: the payload holds this value at this field. A value that
is not a string, or longer than a ``LabelFilter`` value may be, is left out: no filter can name it.

A label field added to a schema needs adding here AND a migration that backfills it from the stored
payloads (as ``0002_example_labels`` does), or the filter never finds the examples stored before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert

from approval.store.tables import LABELS

LABEL_FIELDS = ("modality", "correct_agent", "primary_modality", "secondary_modality", "chosen_agent", "query_type")
MAX_VALUE_LENGTH = 128
"""The longest value a label row holds (``LabelFilter.value``'s limit)."""

INSERT_LABELS = insert(LABELS)
DELETE_LABELS = delete(LABELS).where(LABELS.c.example_id == bindparam("match_id"))


def label_rows(example_id: str, payload: Mapping[str, Any]) -> list[dict[str, str]]:
    """The ``example_labels`` rows of an example whose payload is ``payload``."""
    return [
        {"example_id": example_id, "field": field, "value": value}
        for field in LABEL_FIELDS
        if isinstance(value := payload.get(field), str) and len(value) <= MAX_VALUE_LENGTH
    ]


def index_labels(connection: Connection, bodies: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
    """Add the label rows of new examples, given as (id, payload)."""
    rows = [row for example_id, payload in bodies for row in label_rows(example_id, payload)]
    if rows:
        connection.execute(INSERT_LABELS, rows)


def relabel(connection: Connection, example_id: str, payload: Mapping[str, Any]) -> None:
    """Replace an example's label rows with those of its new payload (an edit, or the undo of one)."""
    connection.execute(DELETE_LABELS, {"match_id": example_id})
    index_labels(connection, [(example_id, payload)])


def forget_labels(connection: Connection, example_ids: Sequence[str]) -> None:
    """Delete the label rows of examples about to be deleted."""
    connection.execute(delete(LABELS).where(LABELS.c.example_id.in_(list(example_ids))))
