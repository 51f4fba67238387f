"""An Arrow schema derived from an optimizer's pydantic schema, so every Parquet export of an
optimizer has the same columns and types whatever the data holds.

Scalars map to Arrow scalars, lists and nested models to lists and structs; free-form values
(``dict[str, Any]``, ``Any``) become JSON strings, the same as in CSV.
"""

from __future__ import annotations

import types
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

_SCALARS: dict[Any, pa.DataType] = {str: pa.string(), bool: pa.bool_(), int: pa.int64(), float: pa.float64()}


def arrow_type(annotation: Any) -> pa.DataType | None:
    """The Arrow type of a field annotation, or None when it has no fixed shape (stored as JSON)."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        members = [arg for arg in get_args(annotation) if arg is not type(None)]
        return arrow_type(members[0]) if len(members) == 1 else None
    if origin is Literal:
        kinds = {type(value) for value in get_args(annotation)}
        return _SCALARS.get(kinds.pop()) if len(kinds) == 1 else None
    if origin is list:
        (item,) = get_args(annotation) or (Any,)
        inner = arrow_type(item)
        return pa.list_(inner) if inner is not None else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = [(name, arrow_type(info.annotation)) for name, info in annotation.model_fields.items()]
        if any(kind is None for _, kind in fields):
            return None
        return pa.struct([pa.field(name, kind) for name, kind in fields])
    return _SCALARS.get(annotation)


def training_columns(model: type[BaseModel], exclude: tuple[str, ...]) -> list[str]:
    """The exported columns of ``model`` in declaration order."""
    return [name for name in model.model_fields if name not in exclude]


def arrow_schema(model: type[BaseModel], exclude: tuple[str, ...]) -> tuple[pa.Schema, frozenset[str]]:
    """(schema, names of the columns stored as JSON strings)."""
    fields, json_columns = [], set()
    for name in training_columns(model, exclude):
        kind = arrow_type(model.model_fields[name].annotation)
        if kind is None:
            json_columns.add(name)
            kind = pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields), frozenset(json_columns)
