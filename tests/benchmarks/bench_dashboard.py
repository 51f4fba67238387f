"""Dashboard speed (issue 12).

Targets: the server-side work of one Review rerun (queue page + focus example + counts, the whole
script as ``AppTest`` runs it) < 0.3 s with 100,000 stored examples and < 1 s with 1,000,000, on
SQLite and PostgreSQL, unfiltered and filtered by a label (a tenth of the store: the stored
modalities cycle through five, half of the examples are pending); opening Insights with 100,000
< 2 s; in Chromium, pressing approve until the next example shows, median < 1 s.
``BENCH_DASHBOARD_SIZES=100000`` measures fewer sizes.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from approval.store import COUNT_LIMIT, ReviewStore
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.ingest import load_demo_corpus
from synth_core.schemas.common import QUERY_MODALITIES
from tests.support.postgres import PostgresUnavailable, fresh_database, start_postgres, stop_postgres
from tests.support.review_data import seed_store

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
SIZES = tuple(int(size) for size in os.environ.get("BENCH_DASHBOARD_SIZES", "100000,1000000").split(","))
TARGETS = {100_000: 0.3, 1_000_000: 1.0}
INSIGHTS_AT = 100_000
INSIGHTS_TARGET_S = 2.0
RERUNS = 10
BROWSER_APPROVALS = 15


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"name": "machine load (1-minute average) at start", "value": round(os.getloadavg()[0], 2), "target": None}
    ]
    with tempfile.TemporaryDirectory(prefix="synth-bench-dashboard-") as folder:
        home = Path(folder)
        content = SqliteStore(home / "content.db")
        load_demo_corpus(content)
        content.close()
        for size in SIZES:
            rows += _bench_database("sqlite", f"sqlite:///{home}/review-{size}.db", home, size)
        try:
            server = start_postgres()
        except PostgresUnavailable as exc:
            rows.append({"name": "postgres: not measured", "value": str(exc), "target": None, "ok": None})
        else:
            try:
                for size in SIZES:
                    rows += _bench_database("postgres", fresh_database(server.url), home, size)
            finally:
                stop_postgres(server)
    rows.append(_browser_approve_to_next())
    return rows


def _bench_database(label: str, url: str, home: Path, size: int) -> list[dict[str, Any]]:
    with ReviewStore(url) as store:
        started = time.perf_counter()
        statuses = ("pending_review", "auto_approved")
        seed_store(store, size, tenant_id="default", statuses=statuses, labels={"modality": QUERY_MODALITIES})
        seeded = time.perf_counter() - started
        _vacuum(store)
    rows = [{"name": f"{label}: store {size:,} examples", "median_s": round(seeded, 1), "target": None}]
    with _app_env(home, url):
        review = AppTest.from_file(str(APP), default_timeout=600)
        review.run()
        review.text_input(key="sidebar_reviewer").input("bench").run()
        pending = size // 2  # half of them are pending; a page counts up to COUNT_LIMIT
        _check_shows(review, f"**{pending}** example(s) match" if pending <= COUNT_LIMIT else f"**{COUNT_LIMIT}+**")
        rows.append(_row(f"{label}: Review rerun with {size:,} stored", _repeat(review.run), TARGETS.get(size)))
        _filter_by_label(review, "AUDIO")
        _check_shows(review, f"**{size // 10}** example(s) match")  # a fifth of the pending ones
        name = f"{label}: Review rerun filtered by a label with {size:,} stored"
        rows.append(_row(name, _repeat(review.run), TARGETS.get(size)))
        if size == INSIGHTS_AT:
            insights = AppTest.from_file(str(APP), default_timeout=600)
            insights.run()
            insights.switch_page("app_pages/insights.py").run()
            _check_shows(insights, "Expected calibration error")
            rows.append(_row(f"{label}: open Insights with {size:,} stored", _repeat(insights.run), INSIGHTS_TARGET_S))
    return rows


def _filter_by_label(review: AppTest, modality: str) -> None:
    review.selectbox(key="sidebar_optimizer").set_value("modality").run()
    review.selectbox(key="filter_label_modality").set_value("modality").run()
    review.selectbox(key="filter_label_modality_modality").set_value(modality).run()


def _check_shows(app: AppTest, text: str) -> None:
    """A timing of a page that failed or shows something else would mean nothing."""
    if app.exception or not any(text in element.value for element in app.markdown):
        raise AssertionError(f"the page does not show {text!r}: {app.exception or 'no such text'}")


def _vacuum(store: ReviewStore) -> None:
    """What a live database does by itself after a bulk load (autovacuum's statistics and visibility)."""
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")


@contextmanager
def _app_env(home: Path, url: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in ("SYNTH_HOME", "SYNTH_REVIEW__URL")}
    os.environ.update({"SYNTH_HOME": str(home), "SYNTH_REVIEW__URL": url})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _browser_approve_to_next() -> dict[str, Any]:
    """The real app in Chromium (demo home): press A, wait until another example is in focus."""
    from playwright.sync_api import sync_playwright

    from tests.support.browser_page import focused_example_id, open_page, settle
    from tests.support.dashboard_server import CHROMIUM, running_dashboard

    if not CHROMIUM.exists():
        return {"name": "browser approve-to-next: not measured", "value": f"{CHROMIUM} missing", "ok": None}
    home = Path(tempfile.mkdtemp(prefix="synth-bench-browser-"))
    timings = []
    try:
        with running_dashboard(home) as dashboard, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            open_page(page, dashboard.url, "bench")
            for _ in range(BROWSER_APPROVALS + 1):
                shown = focused_example_id(page)
                page.get_by_role("heading", name="Review", level=1).click()
                started = time.perf_counter()
                page.keyboard.press("a")
                page.wait_for_function(
                    "shown => !document.body.innerText.includes('id ' + shown)", arg=shown, timeout=120_000
                )
                settle(page)
                timings.append(time.perf_counter() - started)
            browser.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return _row("browser: approve until the next example shows", timings[1:], 1.0)


def _repeat(action: Callable[[], Any]) -> list[float]:
    action()  # the first rerun warms the caches (engine, imports); a reviewer's next one is the common case
    timings = []
    for _ in range(RERUNS):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return timings


def _row(name: str, timings: list[float], target: float | None) -> dict[str, Any]:
    median = statistics.median(timings)
    return {
        "name": name,
        "median_s": round(median, 4),
        "target": f"< {target} s" if target is not None else None,
        "ok": None if target is None else median < target,
    }


if __name__ == "__main__":
    for result in run():
        print(result)
