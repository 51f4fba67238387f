"""The date an item states for itself, which a query may name ("reports from July 2025").

Its title's month and year when the title carries one ("The State of Single-Origin Espresso, July
2025"), since that is the date a reader sees; else its ``created_at``. A query naming another month
would name a date the item does not have.
"""

from __future__ import annotations

from datetime import datetime

from synth_core.entities.spans import date_mentions

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip


def own_date(title: str, created_at: datetime) -> tuple[int, int]:
    """(year, month) of the item: its title's month and year if it states one, else ``created_at``'s."""
    for _, text in date_mentions(title):
        words = text.replace(",", " ").split()
        month = next((index for index, name in enumerate(MONTHS, start=1) if words and words[0] == name), None)
        if month is not None and words[-1].isdigit():
            return int(words[-1]), month
    return created_at.year, created_at.month


def date_names(title: str, created_at: datetime) -> frozenset[str]:
    """The ways a query may name the item's own date: its year, its month and year (casefolded)."""
    year, month = own_date(title, created_at)
    return frozenset({str(year), f"{MONTHS[month - 1]} {year}".casefold()})
