"""The one JSON encoding of exports: sorted keys, compact, UTF-8 kept as is (deterministic bytes).

orjson writes it several times faster than the json module, with the same bytes as
``json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` except that small
floats' exponents are not zero-padded (``1e-7``, not ``1e-07``) and NaN and infinity become ``null``
(valid JSON; the json module wrote ``NaN``). Integers beyond 64 bits and non-string keys raise
TypeError (no schema has either).
"""

from __future__ import annotations

from typing import Any

import orjson

_SORTED = orjson.OPT_SORT_KEYS


def to_json(value: Any) -> str:
    return orjson.dumps(value, option=_SORTED).decode()
