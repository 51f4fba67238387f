"""The YQL the Vespa stub understands: the subset Synth Studio sends, parsed as Vespa reads it.

    select <fields> from sources <schema>[, <schema>...] where <condition>
        [order by <field> asc|desc] [limit <n>] [| all(group(<field>) max(<n>) each(output(count())))]

    condition := term (and term)*
    term      := true | false | <field> in ("v", ...) | <field> (=|<|>|<=|>=) <integer> | !(condition)
               | {defaultIndex: "...", grammar: "any"}userInput(@param)

Anything else is refused, as Vespa refuses YQL it cannot parse (HTTP 400, error code 4). ``cbor``
encodes an answer the way Vespa sends it to a client that accepts ``application/cbor``.
"""

from __future__ import annotations

import operator
import re
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

Document = Mapping[str, Any]
Predicate = Callable[[Document], bool]

_HEAD = re.compile(r"^select (?P<fields>.+?) from sources (?P<sources>\w+(?:, \w+)*) where (?P<rest>.*)$", re.S)
_TAIL_ORDER = re.compile(r"^\s*order by (?P<field>\w+) (?P<direction>asc|desc)")
_TAIL_LIMIT = re.compile(r"^\s*limit (?P<n>\d+)")
_GROUPING = re.compile(r"^\s*\| all\(group\((?P<field>\w+)\) max\((?P<max>\d+)\) each\(output\(count\(\)\)\)\)$")
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"-?\d+")
_COMPARISONS: tuple[tuple[str, Callable[[float, float], bool]], ...] = (
    (">=", operator.ge),
    ("<=", operator.le),
    (">", operator.gt),
    ("<", operator.lt),
    ("=", operator.eq),
)


class YqlError(ValueError):
    """YQL the stub (and so, here, Vespa) cannot read."""


@dataclass
class ParsedQuery:
    fields: list[str] | None
    """None for ``*``."""
    sources: list[str]
    predicate: Predicate
    user_input_params: list[str] = field(default_factory=list)
    """The request parameters ``userInput(@...)`` reads, whose words a document must match (any)."""
    order_field: str | None = None
    descending: bool = False
    limit: int | None = None
    group_field: str | None = None
    group_max: int = 0


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.user_input_params: list[str] = []

    def _skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1

    def _peek(self, token: str) -> bool:
        self._skip()
        return self.text.startswith(token, self.pos)

    def _expect(self, token: str) -> None:
        if not self._peek(token):
            raise YqlError(f"expected {token!r} at {self.pos}: {self.text[self.pos : self.pos + 30]!r}")
        self.pos += len(token)

    def _word(self) -> str:
        self._skip()
        match = _WORD.match(self.text, self.pos)
        if not match:
            raise YqlError(f"expected a name at {self.pos}")
        self.pos = match.end()
        return match.group()

    def _number(self) -> float:
        self._skip()
        match = _NUMBER.match(self.text, self.pos)
        if not match:
            raise YqlError(f"expected a number at {self.pos}")
        self.pos = match.end()
        return float(match.group())

    def _string(self) -> str:
        self._expect('"')
        out: list[str] = []
        while self.pos < len(self.text):
            char = self.text[self.pos]
            self.pos += 1
            if char == "\\":
                out.append(self.text[self.pos])
                self.pos += 1
            elif char == '"':
                return "".join(out)
            else:
                out.append(char)
        raise YqlError("unterminated string")

    def condition(self) -> Predicate:
        terms = [self._term()]
        while self._peek("and "):
            self._expect("and ")
            terms.append(self._term())
        return lambda doc: all(term(doc) for term in terms)

    def _term(self) -> Predicate:
        if self._peek("!("):
            self._expect("!(")
            inner = self.condition()
            self._expect(")")
            return lambda doc: not inner(doc)
        if self._peek("{"):
            end = self.text.index("}", self.pos)
            annotation = self.text[self.pos : end + 1]
            if 'grammar: "any"' not in annotation:
                raise YqlError(f"the stub reads only the any grammar, not {annotation}")
            self.pos = end + 1
            self._expect("userInput(@")
            self.user_input_params.append(self._word())
            self._expect(")")
            return lambda doc: True  # the words are matched by the search (they need the request)
        name = self._word()
        if name in ("true", "false"):
            return lambda doc: name == "true"
        for symbol, compare in _COMPARISONS:
            if self._peek(f"{symbol} "):
                self._expect(symbol)
                number = self._number()
                return lambda doc: compare(float(doc.get(name, 0)), number)
        self._expect("in (")
        values = {self._string()}
        while self._peek(","):
            self._expect(",")
            values.add(self._string())
        self._expect(")")
        return lambda doc: str(doc.get(name)) in values

    def rest(self) -> str:
        return self.text[self.pos :]


def parse(yql: str) -> ParsedQuery:
    head = _HEAD.match(yql.strip())
    if not head:
        raise YqlError("not a select ... from sources ... where ... query")
    parser = _Parser(head.group("rest"))
    predicate = parser.condition()
    fields = None if head.group("fields").strip() == "*" else [f.strip() for f in head.group("fields").split(",")]
    query = ParsedQuery(fields, head.group("sources").split(", "), predicate, parser.user_input_params)
    rest = parser.rest()
    if order := _TAIL_ORDER.match(rest):
        query.order_field, query.descending = order.group("field"), order.group("direction") == "desc"
        rest = rest[order.end() :]
    if limit := _TAIL_LIMIT.match(rest):
        query.limit = int(limit.group("n"))
        rest = rest[limit.end() :]
    if group := _GROUPING.match(rest):
        query.group_field, query.group_max = group.group("field"), int(group.group("max"))
        rest = ""
    if rest.strip():
        raise YqlError(f"cannot read {rest.strip()!r}")
    return query


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def cbor(value: Any) -> bytes:
    """``value`` (JSON-like) as CBOR (RFC 8949), which Vespa answers with when asked for
    ``application/cbor``, as pyvespa's query does."""
    if value is None:
        return b"\xf6"
    if isinstance(value, bool):
        return b"\xf5" if value else b"\xf4"
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return _head(3, len(encoded)) + encoded
    if isinstance(value, list | tuple):
        return _head(4, len(value)) + b"".join(cbor(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(cbor(str(key)) + cbor(item) for key, item in value.items())
    raise TypeError(f"cannot encode {type(value).__name__} as CBOR")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for extra, size, fmt in ((24, 1, ">B"), (25, 2, ">H"), (26, 4, ">I"), (27, 8, ">Q")):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | extra]) + struct.pack(fmt, argument)
    raise ValueError("integer too large for CBOR")
