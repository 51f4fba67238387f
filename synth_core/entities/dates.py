"""The date an item states for itself, which a query may name ("reports from July 2025").

Its title's month and year when the title carries one ("The State of Single-Origin Espresso, July
2025"), since that is the date a reader sees; else the month its text says it was taken or recorded
in ("Taken in February 2024 with a Sony A7 IV"); else its ``created_at``. A query naming another month
would name a date the item does not have ("an image of Pompeii taken in April 2024" of that photo,
round 10).
"""

from __future__ import annotations

import re
from datetime import datetime

from synth_core.entities.spans import date_mentions

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip


_STATED_RE = re.compile(
    r"\b(?:taken|recorded|filmed|shot|photographed)\s+in\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE
)


def own_date(title: str, created_at: datetime, text: str = "") -> tuple[int, int]:
    """(year, month) of the item: its title's month and year if it states one, else the month its
    ``text`` says it was taken or recorded in, else ``created_at``'s."""
    for _, mention in date_mentions(title):
        words = mention.replace(",", " ").split()
        month = next((index for index, name in enumerate(MONTHS, start=1) if words and words[0] == name), None)
        if month is not None and words[-1].isdigit():
            return int(words[-1]), month
    stated = _STATED_RE.search(text) if text else None
    if stated is not None:
        return int(stated.group(2)), MONTHS.index(stated.group(1).capitalize()) + 1
    return created_at.year, created_at.month


def date_names(title: str, created_at: datetime, text: str = "") -> frozenset[str]:
    """The ways a query may name the item's own date: its year, its month and year (casefolded)."""
    year, month = own_date(title, created_at, text)
    return frozenset({str(year), f"{MONTHS[month - 1]} {year}".casefold()})
