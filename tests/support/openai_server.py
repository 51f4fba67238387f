"""A local OpenAI-compatible chat server for tests and benchmarks: no model, no network.

It serves ``POST /v1/chat/completions`` (and ``/chat/completions``) on 127.0.0.1 and answers in DSPy's
chat-adapter format (``[[ ## field ## ]]`` sections ending with ``[[ ## completed ## ]]``), or as a JSON
object when the prompt asks for one (JSONAdapter). It reads the output field names from the system
message and the input sections from the last user message, and writes plausible values: a query built
from the entities and topics it finds, an agent or a plan from the agents listed, profile choices from
the profiles listed. ``Behaviour`` injects latency and faults (invalid outputs, 429, 500, garbage bodies,
sleeping past the client's timeout, dying after N requests) so the client's recovery can be tested.

Use ``running_server(Behaviour(...))`` as a context manager (a thread in this process), or run
``python -m tests.support.openai_server --latency 0.1`` for a separate process (benchmarks), which
prints ``PORT <n>`` on its first line.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

INVALID_QUERY = "ok"
"""What the server writes for a query when told to answer invalidly: one word, too short to pass."""

MEDIA_WORD = {"VIDEO": "video", "DOCUMENT": "paper", "IMAGE": "photo", "AUDIO": "podcast"}
RETRY_FIELDS = ("previous_attempt_problem", "rejected_queries")
SECTION = re.compile(r"\[\[ ## (\w+) ## \]\]\n(.*?)(?=\n\n\[\[ ## |\Z)", re.S)
OUTPUT_FIELD = re.compile(r"^\d+\. `(\w+)` \((.*?)\)(?::|$)", re.M)


@dataclass
class Behaviour:
    """What the server does. ``*_first`` counts the first requests; ``*_every`` hits every Nth request.

    - ``invalid_attempts``: the first K attempts of each distinct prompt get an invalid output (the
      retry fields ``previous_attempt_problem`` / ``rejected_queries`` do not make a prompt distinct).
    - ``never_valid``: every output is invalid.
    - ``hang_*``: sleep ``hang_s`` (past the client's timeout) before answering.
    - ``die_after``: after this many requests the server shuts down; later calls find nothing.
    - ``unauthorized``: answer 401 and echo the bearer key in the error, as some providers do.
    """

    latency_s: float = 0.0
    invalid_attempts: int = 0
    never_valid: bool = False
    rate_limit_first: int = 0
    rate_limit_every: int = 0
    retry_after_s: float | None = 0.05
    server_error_first: int = 0
    server_error_every: int = 0
    garbage_first: int = 0
    garbage_every: int = 0
    hang_first: int = 0
    hang_every: int = 0
    hang_s: float = 2.0
    die_after: int | None = None
    unauthorized: bool = False
    report_usage: bool = True


@dataclass
class ServerStats:
    """What the server saw; read it after a run to count real calls."""

    requests: int = 0
    answered: int = 0
    by_outcome: Counter[str] = field(default_factory=Counter)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    peak_in_flight: int = 0
    in_flight: int = 0


def _hits(number: int, first: int, every: int) -> bool:
    return number <= first or (every > 0 and number % every == 0)


class FakeChatServer:
    """The server state shared by its handler threads."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.stats = ServerStats()
        self._attempts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self._thread: threading.Thread | None = None
        self._dead = False

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeChatServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="fake-chat-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        threading.Thread(target=self.httpd.shutdown, daemon=True).start()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.httpd.server_close()

    def die(self) -> None:
        """Stop serving and close the listening socket, as a crashed server would (once)."""
        with self._lock:
            if self._dead:
                return
            self._dead = True

        def shut() -> None:
            self.httpd.shutdown()
            self.httpd.socket.close()

        threading.Thread(target=shut, daemon=True).start()

    # --- deciding what to answer -------------------------------------------------------------
    def next_outcome(self, prompt_key: str) -> tuple[int, str]:
        """Count the request and decide its outcome: ok, invalid, rate_limit, server_error, garbage,
        hang or dead."""
        b = self.behaviour
        with self._lock:
            self.stats.requests += 1
            number = self.stats.requests
            if b.die_after is not None and number > b.die_after:
                outcome = "dead"
            elif _hits(number, b.rate_limit_first, b.rate_limit_every):
                outcome = "rate_limit"
            elif _hits(number, b.server_error_first, b.server_error_every):
                outcome = "server_error"
            elif _hits(number, b.garbage_first, b.garbage_every):
                outcome = "garbage"
            elif _hits(number, b.hang_first, b.hang_every):
                outcome = "hang"
            else:
                self._attempts[prompt_key] += 1
                invalid = b.never_valid or self._attempts[prompt_key] <= b.invalid_attempts
                outcome = "invalid" if invalid else "ok"
            self.stats.by_outcome[outcome] += 1
        return number, outcome

    def record_answer(self, prompt_tokens: int, completion_tokens: int) -> None:
        with self._lock:
            self.stats.answered += 1
            self.stats.prompt_tokens += prompt_tokens
            self.stats.completion_tokens += completion_tokens

    def enter(self) -> None:
        with self._lock:
            self.stats.in_flight += 1
            self.stats.peak_in_flight = max(self.stats.peak_in_flight, self.stats.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.stats.in_flight -= 1


def _handler_for(server: FakeChatServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: one connection per client worker
        disable_nagle_algorithm = True  # headers and body go out as two writes; no 40 ms delayed-ACK stall

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if not self.path.rstrip("/").endswith("chat/completions"):
                self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                return
            server.enter()
            try:
                self._complete(raw)
            finally:
                server.leave()

        def _complete(self, raw: bytes) -> None:
            try:
                body = json.loads(raw)
                messages = body["messages"]
            except (ValueError, KeyError, TypeError):
                self._send(400, {"error": {"message": "body is not a chat completion request", "type": "invalid"}})
                return
            prompt = _Prompt.parse(messages, body)
            _number, outcome = server.next_outcome(prompt.key())
            behaviour = server.behaviour
            if behaviour.unauthorized:
                key = self.headers.get("Authorization", "").removeprefix("Bearer ")
                self._send(401, {"error": {"message": f"Incorrect API key provided: {key}", "type": "auth"}})
                return
            if outcome == "dead":
                self.close_connection = True
                server.die()
                return  # no answer at all: the client sees the connection drop, then a refused port
            if behaviour.latency_s:
                time.sleep(behaviour.latency_s)
            if outcome == "hang":
                time.sleep(behaviour.hang_s)
            if outcome == "rate_limit":
                headers = {} if behaviour.retry_after_s is None else {"Retry-After": f"{behaviour.retry_after_s:g}"}
                self._send(429, {"error": {"message": "Rate limit reached", "type": "rate_limit"}}, headers)
                return
            if outcome == "server_error":
                self._send(500, {"error": {"message": "Internal server error", "type": "server_error"}})
                return
            if outcome == "garbage":
                self._send_garbage(_number)
                return
            content = prompt.answer(valid=outcome != "invalid")
            prompt_tokens = max(1, len(prompt.text) // 4)
            completion_tokens = max(1, len(content) // 4)
            server.record_answer(prompt_tokens, completion_tokens)
            reply: dict[str, Any] = {
                "id": f"chatcmpl-{_number}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": str(body.get("model", "fake")),
                "choices": [
                    {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
                ],
            }
            if behaviour.report_usage:
                reply["usage"] = {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                }
            self._send(200, reply)

        def _send_garbage(self, number: int) -> None:
            if number % 2:
                self._send_bytes(200, b"<html>upstream proxy error</html>", "text/html")
            else:
                self._send(200, {"id": f"chatcmpl-{number}", "object": "chat.completion"})  # no choices

        def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            self._send_bytes(status, json.dumps(payload).encode(), "application/json", headers)

        def _send_bytes(self, status: int, data: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (timeout); nothing to tell it

    return Handler


@dataclass
class _Prompt:
    """What the server understood of one request."""

    text: str
    inputs: dict[str, str]
    outputs: list[tuple[str, str]]
    wants_json: bool

    @classmethod
    def parse(cls, messages: list[dict[str, Any]], body: dict[str, Any]) -> _Prompt:
        def content(message: dict[str, Any]) -> str:
            value = message.get("content") or ""
            if isinstance(value, list):  # content parts
                return "\n".join(str(part.get("text", "")) for part in value if isinstance(part, dict))
            return str(value)

        system = "\n".join(content(m) for m in messages if m.get("role") == "system")
        users = [content(m) for m in messages if m.get("role") == "user"]
        last_user = (users[-1] if users else "").split("\n\nRespond with", 1)[0]
        described = system.split("Your output fields are:", 1)[-1].split("All interactions", 1)[0]
        outputs = OUTPUT_FIELD.findall(described)
        inputs = {name: value.strip() for name, value in SECTION.findall(last_user)}
        wants_json = "Respond with a JSON object" in (users[-1] if users else "") or bool(body.get("response_format"))
        text = system + "\n".join(users)
        return cls(text=text, inputs=inputs, outputs=outputs, wants_json=wants_json)

    def key(self) -> str:
        kept = {k: v for k, v in self.inputs.items() if k not in RETRY_FIELDS}
        return hashlib.sha1(json.dumps(kept, sort_keys=True).encode()).hexdigest()

    def answer(self, *, valid: bool) -> str:
        values = {name: _value_for(name, ftype, self.inputs, valid=valid) for name, ftype in self.outputs}
        if self.wants_json:
            return json.dumps(values)
        parts = []
        for name, value in values.items():
            rendered = value if isinstance(value, str) else json.dumps(value)
            parts.append(f"[[ ## {name} ## ]]\n{rendered}")
        parts.append("[[ ## completed ## ]]")
        return "\n\n".join(parts)


def _as_list(raw: str | None) -> list[str]:
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except ValueError:
        return [part.strip() for part in re.split(r"[,\n]", raw) if part.strip()]
    if isinstance(value, list):
        return [str(v.get("text", v)) if isinstance(v, dict) else str(v) for v in value]
    return [str(value)]


def _value_for(name: str, ftype: str, inputs: dict[str, str], *, valid: bool) -> Any:
    if name == "reasoning":
        return "The content names its subject clearly, so the answer uses it."
    if name in ("query", "question"):
        return _query(inputs) if valid else INVALID_QUERY
    if name == "agent":
        return _agent(inputs) if valid else "teleport_agent"
    if name == "agent_sequence":
        return _plan(inputs) if valid else ["teleport_agent"]
    if name == "selections":
        return _profiles(inputs) if valid else [{"profile": "no_such_profile", "reason": "made up"}]
    if ftype.startswith("list"):
        return []
    if ftype in ("int", "float"):
        return 1
    if ftype == "bool":
        return True
    return f"plausible {name}"


def _query(inputs: dict[str, str]) -> str:
    """A query a person might type, from the entities and topics the prompt gives."""
    entities = _as_list(inputs.get("required_entities")) or _as_list(inputs.get("entities"))
    topics = _as_list(inputs.get("topics")) + _as_list(inputs.get("secondary_topics"))
    modality = inputs.get("target_modality", "").strip().upper()
    subject = " ".join([*entities[:1], *topics[:2]]) or "recent highlights"
    intent = inputs.get("intent", "find").strip()
    if modality == "TEXT":
        return f"what does the text say about {subject}?"
    media = MEDIA_WORD.get(modality, "") if inputs.get("explicit_media", "").strip() == "yes" else ""
    leads = {"summarize": "summarize", "compare": "compare", "report": "write a detailed analysis of"}
    lead = leads.get(intent, "find")
    words = [lead, media, "about", subject] if media else [lead, subject]
    return " ".join(w for w in words if w)


def _agent(inputs: dict[str, str]) -> str:
    agents = _as_list(inputs.get("available_agents"))
    modality = inputs.get("modality", inputs.get("target_modality", "")).strip().lower()
    matching = [a for a in agents if modality and modality in a.lower()]
    return (matching or agents or ["search_agent"])[0]


def _plan(inputs: dict[str, str]) -> list[str]:
    search = _agent(inputs)
    query = inputs.get("query", "").lower()
    intent = inputs.get("intent", "").strip()
    if intent == "report" or "report" in query or "analysis" in query:
        return [search, "summarizer", "detailed_report"]
    if intent == "summarize" or "summar" in query:
        return [search, "summarizer"]
    return [search]


def _profiles(inputs: dict[str, str]) -> list[dict[str, str]]:
    listed = inputs.get("available_profiles", "")
    names = re.findall(r"^-?\s*([a-z0-9_]+):", listed, re.M)
    limit = int(inputs.get("max_profiles", "2") or 2)
    return [{"profile": n, "reason": f"{n} fits the task"} for n in names[:limit]]


@contextlib.contextmanager
def running_server(behaviour: Behaviour | None = None) -> Iterator[FakeChatServer]:
    """Start a server on a free loopback port in a background thread; stop it on exit."""
    server = FakeChatServer(behaviour or Behaviour()).start()
    try:
        yield server
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--seconds", type=float, default=600.0, help="stop by itself after this long")
    args = parser.parse_args(argv)
    server = FakeChatServer(Behaviour(latency_s=args.latency)).start()
    print(f"PORT {server.port}", flush=True)
    try:
        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline and sys.stdin.readline():  # stops when the parent closes stdin
            pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
