"""A protocol-accurate Vespa stand-in for tests: an ASGI app served by hypercorn (HTTP/1.1 and HTTP/2
cleartext with prior knowledge, which pyvespa's async client speaks) on a loopback port.

It answers what Synth Studio calls, with Vespa's response shapes:

- ``GET /ApplicationStatus``: the container's status (``application.vespa.version``, ...).
- ``POST /search/``: YQL (the subset in ``vespa_yql``) -> ``root.fields.totalCount``,
  ``root.coverage``, ``root.children[]`` hits (``id`` = ``id:<ns>:<schema>::<docid>``, ``relevance``,
  ``source``, ``fields`` with ``sddocname`` and ``documentid``), grouping answers, and
  ``root.errors[]`` (code, summary, message) with HTTP 400 / 504 for errors and timeouts.
  Rank profiles: ``random`` (``random.match``, seeded by ``rankproperty.random.match.seed``),
  ``bm25`` (2 * bm25(title) + bm25(text) over the ``default`` fieldset), ``unranked``.
- ``/document/v1/<ns>/<schema>/docid/<id>``: put (POST/PUT ``{"fields": ...}``), get (200 with
  ``pathId``, ``id``, ``fields``; 404 with ``pathId``, ``id``), delete, and visit (GET on
  ``.../docid/`` with ``documents``, ``documentCount``, ``continuation``). Unknown document types and
  fields are refused with HTTP 400 and a ``message``, as Vespa does.

Search answers are CBOR when the request accepts ``application/cbor`` (pyvespa's queries do), JSON
otherwise. Gzipped request bodies (pyvespa compresses bodies over 1 KiB) are read. Every request is recorded
(method, path, parameters, JSON body, HTTP version); ``fail_next`` makes the next search requests
answer with a given status and body (``timeout_answer()`` is Vespa's own).
"""

from __future__ import annotations

import asyncio
import gzip
import json
import math
import random
import socket
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from hypercorn.asyncio import serve
from hypercorn.config import Config
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.support.vespa_yql import ParsedQuery, YqlError, cbor, parse, words

VESPA_VERSION = "8.600.35"
DEFAULT_FIELDS = frozenset(
    {"doc_id", "profile", "modality", "title", "text", "created_at", "source", "metadata", "entity_count", "topic_key"}
)
RANK_PROFILES = frozenset({"default", "unranked", "random", "bm25"})
MAX_HITS = 400
TEXT_FIELDS = {"title": 2.0, "text": 1.0}
"""The ``default`` fieldset and the ``bm25`` profile's weights."""


def timeout_answer(source: str = "content") -> tuple[int, dict[str, Any]]:
    """What Vespa answers when a query runs past its timeout."""
    error = {"code": 12, "summary": "Timed out", "source": source, "message": "Timeout while waiting for content"}
    return 504, {"root": {"id": "toplevel", "relevance": 1.0, "fields": {"totalCount": 0}, "errors": [error]}}


def error_answer(status: int, code: int, summary: str, message: str) -> tuple[int, dict[str, Any]]:
    error = {"code": code, "summary": summary, "message": message}
    return status, {"root": {"id": "toplevel", "relevance": 1.0, "fields": {"totalCount": 0}, "errors": [error]}}


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    params: dict[str, str]
    body: Any
    http_version: str
    accept: str = ""


class VespaStub:
    """The stub's state (documents per schema) and its ASGI app."""

    def __init__(self, schemas: Mapping[str, frozenset[str]] | None = None, *, namespace: str = "content") -> None:
        self.schemas = dict(schemas or {"content": DEFAULT_FIELDS})
        self.namespace = namespace
        self.documents: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in self.schemas}
        self.requests: list[RecordedRequest] = []
        self._failures: list[tuple[int, dict[str, Any]]] = []
        self._delays: list[float] = []
        self._lock = threading.Lock()
        self._in_flight = 0
        self.max_in_flight = 0
        """The most search requests the stub was answering at once."""
        self._token_cache: dict[tuple[str, str], dict[str, list[str]]] = {}
        self._stats_cache: dict[tuple[str, tuple[str, ...]], tuple[int, float, dict[str, int]]] = {}
        self.app = Starlette(
            routes=[
                Route("/ApplicationStatus", self._status, methods=["GET"]),
                Route("/search/", self._search, methods=["GET", "POST"]),
                Route(
                    "/document/v1/{namespace}/{schema}/docid/{docid:path}",
                    self._document,
                    methods=["GET", "POST", "PUT", "DELETE"],
                ),
            ]
        )

    # -- test controls -----------------------------------------------------------------------------

    def fail_next(self, answer: tuple[int, dict[str, Any]], times: int = 1) -> None:
        with self._lock:
            self._failures += [answer] * times

    def hang_next(self, seconds: float, times: int = 1) -> None:
        """The next search requests answer only after ``seconds`` (a Vespa that hangs)."""
        with self._lock:
            self._delays += [seconds] * times

    def searches(self) -> list[dict[str, Any]]:
        """The bodies of the search requests received, oldest first."""
        return [r.body for r in self.requests if r.path == "/search/"]

    def clear_requests(self) -> None:
        self.requests.clear()

    def reset(self) -> None:
        """Empty every schema, forget the requests and the pending failures (a fresh deployment)."""
        self.documents = {name: {} for name in self.schemas}
        self.requests.clear()
        self._failures.clear()
        self._delays.clear()
        self.max_in_flight = 0
        self._changed()

    def _changed(self) -> None:
        self._token_cache.clear()
        self._stats_cache.clear()

    # -- HTTP ------------------------------------------------------------------------------------

    async def _record(self, request: Request) -> Any:
        raw = await request.body()
        if request.headers.get("content-encoding") == "gzip":
            raw = gzip.decompress(raw)
        body = json.loads(raw) if raw else None
        version = str(request.scope.get("http_version", ""))
        self.requests.append(
            RecordedRequest(
                request.method,
                request.url.path,
                dict(request.query_params),
                body,
                version,
                request.headers.get("accept", ""),
            )
        )
        return body

    async def _status(self, request: Request) -> JSONResponse:
        await self._record(request)
        return JSONResponse(
            {
                "application": {
                    "vespa": {"version": VESPA_VERSION},
                    "meta": {"name": "default", "user": "stub", "generation": 1},
                    "user": {"version": ""},
                },
                "abstractComponents": [],
                "handlers": [{"id": "com.yahoo.search.handler.SearchHandler", "serverBindings": ["/search/*"]}],
            }
        )

    async def _search(self, request: Request) -> Response:
        self._in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            status, answer = await self._search_answer(request)
        finally:
            self._in_flight -= 1
        if "application/cbor" in request.headers.get("accept", ""):
            return Response(cbor(answer), status_code=status, media_type="application/cbor")
        return JSONResponse(answer, status_code=status)

    async def _search_answer(self, request: Request) -> tuple[int, dict[str, Any]]:
        body = await self._record(request) or {}
        params = {**dict(request.query_params), **body}
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
            delay = self._delays.pop(0) if self._delays else 0.0
        if delay:
            await asyncio.sleep(delay)
        if failure is not None:
            return failure
        try:
            return self.answer(params)
        except YqlError as exc:
            return error_answer(400, 4, "Invalid query parameter", f"Could not instantiate query from YQL: {exc}")

    async def _document(self, request: Request) -> JSONResponse:
        body = await self._record(request)
        namespace, schema, docid = (request.path_params[key] for key in ("namespace", "schema", "docid"))
        path = request.url.path
        if schema not in self.schemas:
            return JSONResponse({"pathId": path, "message": f"Document type {schema} does not exist"}, status_code=400)
        if not docid:
            return JSONResponse(self._visit(path, schema, dict(request.query_params)))
        doc_id = f"id:{namespace}:{schema}::{docid}"
        stored = self.documents[schema]
        if request.method in ("POST", "PUT"):
            fields = (body or {}).get("fields", {})
            unknown = sorted(set(fields) - self.schemas[schema])
            if unknown:
                message = f"No field '{unknown[0]}' in the structure of type '{schema}'"
                return JSONResponse({"pathId": path, "id": doc_id, "message": message}, status_code=400)
            stored[docid] = dict(fields)
            self._changed()
            return JSONResponse({"pathId": path, "id": doc_id})
        if request.method == "DELETE":
            stored.pop(docid, None)
            self._changed()
            return JSONResponse({"pathId": path, "id": doc_id})
        if docid not in stored:
            return JSONResponse({"pathId": path, "id": doc_id}, status_code=404)
        return JSONResponse({"pathId": path, "id": doc_id, "fields": stored[docid]})

    def _visit(self, path: str, schema: str, params: dict[str, str]) -> dict[str, Any]:
        start = int(params.get("continuation") or 0)
        wanted = int(params.get("wantedDocumentCount") or 100)
        ids = sorted(self.documents[schema])[start : start + wanted]
        documents = [
            {"id": f"id:{self.namespace}:{schema}::{docid}", "fields": self.documents[schema][docid]} for docid in ids
        ]
        answer: dict[str, Any] = {"pathId": path, "documents": documents, "documentCount": len(documents)}
        if start + wanted < len(self.documents[schema]):
            answer["continuation"] = str(start + wanted)
        return answer

    # -- search ----------------------------------------------------------------------------------

    def answer(self, params: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        query = parse(str(params.get("yql", "")))
        unknown = [source for source in query.sources if source not in self.schemas]
        if unknown:
            raise YqlError(f"unknown source(s) {unknown}")
        profile = str(params.get("ranking.profile") or params.get("ranking") or "default")
        if profile not in RANK_PROFILES:
            return error_answer(400, 4, "Invalid query parameter", f"Requested rank profile '{profile}' is not defined")
        hits = int(params.get("hits", 10)) if query.limit is None else query.limit
        offset = int(params.get("offset", 0))
        if hits > MAX_HITS:
            return error_answer(
                400, 4, "Invalid query parameter", f"{hits} hits requested, configured limit: {MAX_HITS}"
            )
        terms = [w for param in query.user_input_params for w in words(str(params.get(param, "")))]
        matched = [
            (schema, docid, fields)
            for schema in query.sources
            for docid, fields in self.documents[schema].items()
            if query.predicate(fields) and (not query.user_input_params or self._matches_any(schema, docid, terms))
        ]
        scored = [(self._score(profile, params, terms, query.sources, m), m) for m in matched]
        scored = self._ordered(query, scored)
        root: dict[str, Any] = {
            "id": "toplevel",
            "relevance": 1.0,
            "fields": {"totalCount": len(matched)},
            "coverage": {
                "coverage": 100,
                "documents": self._size(query.sources),
                "full": True,
                "nodes": 1,
                "results": 1,
                "resultsFull": 1,
            },
        }
        children = [self._hit(query, score, m) for score, m in scored[offset : offset + hits]]
        if query.group_field:
            children.append(self._grouping(query, [m for _, m in scored]))
        if children:
            root["children"] = children
        return 200, {"root": root}

    def _size(self, sources: list[str]) -> int:
        return sum(len(self.documents[source]) for source in sources)

    def _tokens(self, schema: str, docid: str) -> dict[str, list[str]]:
        # Tokenised text fields, cached until the document changes (a search reads them all).
        key = (schema, docid)
        if key not in self._token_cache:
            fields = self.documents[schema][docid]
            self._token_cache[key] = {name: words(str(fields.get(name, ""))) for name in TEXT_FIELDS}
        return self._token_cache[key]

    def _matches_any(self, schema: str, docid: str, terms: list[str]) -> bool:
        tokens = self._tokens(schema, docid)
        return any(term in tokens[name] for name in TEXT_FIELDS for term in terms)

    def _score(self, profile: str, params: Mapping[str, Any], terms: list[str], sources: list[str], m: tuple) -> float:
        schema, docid, _ = m
        if profile == "random":
            seed = params.get("rankproperty.random.match.seed", 1024)
            return random.Random(f"{seed}/{schema}/{docid}").random()
        if profile == "bm25":
            tokens = self._tokens(schema, docid)
            return sum(weight * self._bm25(name, tokens[name], terms, sources) for name, weight in TEXT_FIELDS.items())
        return 0.0

    def _field_stats(self, name: str, sources: list[str]) -> tuple[int, float, dict[str, int]]:
        """Documents, average length and document frequency of each word, of one text field."""
        key = (name, tuple(sources))
        if key not in self._stats_cache:
            corpus = [self._tokens(source, docid)[name] for source in sources for docid in self.documents[source]]
            frequency: dict[str, int] = {}
            for tokens in corpus:
                for word in set(tokens):
                    frequency[word] = frequency.get(word, 0) + 1
            average = sum(map(len, corpus)) / max(1, len(corpus)) or 1.0
            self._stats_cache[key] = (len(corpus), average, frequency)
        return self._stats_cache[key]

    def _bm25(self, name: str, tokens: list[str], terms: list[str], sources: list[str]) -> float:
        total, average, frequency = self._field_stats(name, sources)
        score = 0.0
        for term in dict.fromkeys(terms):
            count = tokens.count(term)
            if count:
                df = frequency.get(term, 0)
                idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
                score += idf * count * 2.2 / (count + 1.2 * (0.25 + 0.75 * len(tokens) / average))
        return score

    @staticmethod
    def _ordered(query: ParsedQuery, scored: list[tuple[float, tuple]]) -> list[tuple[float, tuple]]:
        if query.order_field is None:
            return sorted(scored, key=lambda pair: (-pair[0], pair[1][0], pair[1][1]))
        field = query.order_field
        ordered = sorted(scored, key=lambda pair: (pair[1][0], pair[1][1]))  # ties in document id order
        return sorted(ordered, key=lambda pair: pair[1][2].get(field, 0), reverse=query.descending)

    def _hit(self, query: ParsedQuery, score: float, m: tuple) -> dict[str, Any]:
        schema, docid, fields = m
        doc_id = f"id:{self.namespace}:{schema}::{docid}"
        shown = fields if query.fields is None else {k: v for k, v in fields.items() if k in query.fields}
        return {
            "id": doc_id,
            "relevance": score,
            "source": schema,
            "fields": {"sddocname": schema, "documentid": doc_id, **shown},
        }

    @staticmethod
    def _grouping(query: ParsedQuery, matched: list[tuple]) -> dict[str, Any]:
        field = str(query.group_field)
        counts: dict[str, int] = {}
        for _, _, fields in matched:
            counts[str(fields.get(field))] = counts.get(str(fields.get(field)), 0) + 1
        groups = [
            {"id": f"group:string:{value}", "relevance": 1.0, "value": value, "fields": {"count()": count}}
            for value, count in sorted(counts.items(), key=lambda pair: -pair[1])[: query.group_max]
        ]
        group_list = {"id": f"grouplist:{field}", "relevance": 1.0, "label": field, "children": groups}
        return {"id": "group:root:0", "relevance": 1.0, "continuation": {"this": ""}, "children": [group_list]}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(stub: VespaStub) -> Iterator[str]:
    """Serve ``stub`` with hypercorn on a loopback port for the block; yields its base URL."""
    port = free_port()
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.loglevel = "WARNING"
    config.accesslog = None
    started = threading.Event()
    state: dict[str, Any] = {}

    def run() -> None:
        async def main() -> None:
            state["loop"], state["stop"] = asyncio.get_running_loop(), asyncio.Event()
            started.set()
            await serve(stub.app, config, shutdown_trigger=state["stop"].wait)  # type: ignore[arg-type]

        asyncio.run(main())

    thread = threading.Thread(target=run, name="vespa-stub", daemon=True)
    thread.start()
    started.wait(10)
    _wait_for_port(port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        state["loop"].call_soon_threadsafe(state["stop"].set)
        thread.join(10)


def _wait_for_port(port: int, attempts: int = 100) -> None:
    for _ in range(attempts):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                return
        except OSError:
            threading.Event().wait(0.05)
    raise RuntimeError(f"the Vespa stub did not start on port {port}")
