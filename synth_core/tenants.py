"""Tenant ids: one short slug, checked wherever a tenant comes in (CLI options, API requests, config).

A tenant id becomes part of paths (``<home>/exports/<tenant>/``) and of every review-store query, so
it is held to letters, digits, ``-`` and ``_``, 1 to 64 characters: no ``../``, no quotes, no
100,000-character names.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field

from synth_core.errors import InvalidRequestError

TENANT_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
TENANT_RULE = "letters, digits, '-' and '_', 1-64 characters"
_TENANT = re.compile(TENANT_PATTERN)

TenantId = Annotated[str, Field(pattern=TENANT_PATTERN, description=f"A tenant slug: {TENANT_RULE}.")]


def is_tenant_id(value: object) -> bool:
    return isinstance(value, str) and _TENANT.fullmatch(value) is not None


def check_tenant(value: str) -> str:
    """``value`` when it is a valid tenant id; else an ``InvalidRequestError`` that shows the rule."""
    if not is_tenant_id(value):
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise InvalidRequestError(f"Invalid tenant id {shown!r}.", hint=f"Use a tenant id of {TENANT_RULE}.")
    return value
