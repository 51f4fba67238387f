"""The one JSON encoding of exports: sorted keys, compact, UTF-8 kept as is (deterministic bytes)."""

from __future__ import annotations

import json
from typing import Any

_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def to_json(value: Any) -> str:
    return _ENCODER.encode(value)
