"""Where the reviewer is in the queue: the page (the example each page seen so far started after:
keyset pages cost the same however deep the queue goes), the example in focus and what was skipped.

Kept in the browser session's state, so a decision (which reruns the page) moves on to the next
example of the page the reviewer was looking at."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

STATE_KEY = "queue_cursor"


class QueueCursor:
    def __init__(self, state: MutableMapping[Any, Any]) -> None:
        self.state = state

    @classmethod
    def from_state(cls, state: MutableMapping[Any, Any], deep_link: str | None) -> QueueCursor:
        state.setdefault(STATE_KEY, {"starts": [], "skipped": [], "selection": [], "page_ids": []})
        cursor = cls(state)
        if deep_link and state.get("deep_link_opened") != deep_link:
            state["deep_link_opened"] = deep_link
            state["focus_id"] = deep_link
        return cursor

    def restart_on_change(self, queue: str) -> None:
        """Back to the first page when the queue (its filter, as text) is not the one paged through."""
        if self._own.get("queue") != queue:
            self._own.update(queue=queue, starts=[], skipped=[])

    @property
    def after(self) -> str | None:
        """The example the current page starts after (None: the first page)."""
        starts: list[str] = self._own["starts"]
        return starts[-1] if starts else None

    @property
    def page_number(self) -> int:
        return len(self._own["starts"]) + 1

    def forward(self, next_after: str) -> None:
        """To the page that starts after ``next_after`` (the current page's last example)."""
        self._own["starts"] = [*self._own["starts"], next_after]
        self.state["focus_id"] = None

    def back(self) -> None:
        """To the page before, as it starts now."""
        self._own["starts"] = self._own["starts"][:-1]
        self.state["focus_id"] = None

    def select_row(self, rows: list[int], page_ids: list[str]) -> None:
        """A row clicked in the queue table takes the focus (once: the table keeps its selection)."""
        if rows and rows != self._own["selection"] and rows[0] < len(page_ids):
            self.state["focus_id"] = page_ids[rows[0]]
        self._own["selection"] = list(rows)

    def focus(self, page_ids: list[str]) -> str | None:
        """The chosen example, else the page's first one not skipped."""
        self._own["page_ids"] = list(page_ids)
        chosen = self.state.get("focus_id")
        if chosen:
            return str(chosen)
        skipped = set(self._own["skipped"])
        return next((example_id for example_id in page_ids if example_id not in skipped), None)

    def next_after(self, example_id: str) -> Callable[[], None]:
        """What 'next' does after ``example_id``: focus the example after it on this page."""

        def go_next() -> None:
            page_ids: list[str] = self._own["page_ids"]
            self._own["skipped"] = [*self._own["skipped"], example_id]
            later = page_ids[page_ids.index(example_id) + 1 :] if example_id in page_ids else []
            self.state["focus_id"] = later[0] if later else None

        return go_next

    @property
    def _own(self) -> dict[str, Any]:
        own: dict[str, Any] = self.state[STATE_KEY]
        return own
