"""Where a capitalised span sits in its text: the facts entity typing asks about, computed lazily.

Most spans are typed by their own shape; only the doubtful ones ask whether their capital may just mark
a sentence start, a title-case headline or a list item, or whether the text repeats them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from synth_core.lexicon import STOPWORDS

_SEGMENT_SEPARATOR_RE = re.compile(r"[.!?](?=\s|$)|[:;|\n\"()\[\]{}\u2022\u201c\u201d\u2013\u2014]")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_HEADLINE_SHARE = 0.7  # of a segment's words capitalised: a headline, where capitals say little
_UNCERTAIN_START_CHARS = " \t\"'‘’“([{-–—#*$0123456789,"


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


_SCHOLARLY = re.compile(
    r"\b(?:we (?:study|present|show|report|propose|derive|find|discuss|investigate|consider|obtain|analy[sz]e|"
    r"compute|calculate|measure|observe)|in this (?:paper|letter|work|article|note)|this (?:measurement|study)\b"
    r"|(?:is|are|was|were) (?:\w+ )?(?:measured|derived|extracted|computed|investigated))\b"
)


class SpanContext:
    """Lazily computed facts about where a span sits in the text (most spans never need them)."""

    __slots__ = ("_ends", "_headlines", "_lowered", "_scholarly", "_starts", "text", "title_end")

    def __init__(self, text: str, *, title_end: int = 0) -> None:
        self.text = text
        self.title_end = title_end
        """Where the item's title ends: a title is Title Case when its words other than function words
        are capitalised ("Nova Geminorum 1912 and the Origin of the Idea of Gravitational Lensing")."""
        self._lowered: str | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._headlines: dict[int, bool] = {}
        self._scholarly: bool | None = None

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    @property
    def scholarly(self) -> bool:
        """The text reads as a research abstract ("we study", "in this paper"): there a code of letters
        and digits is notation ("Ke4 decays", "the CaII K line"), no product's model name."""
        if self._scholarly is None:
            self._scholarly = _SCHOLARLY.search(self.lowered) is not None
        return self._scholarly

    def previous_word(self, position: int) -> str:
        words = self.text[max(0, position - 16) : position].split()
        return words[-1].lower() if words else ""

    def next_word(self, position: int) -> str:
        words = self.text[position : position + 16].split()
        return words[0].lower().strip(",.;:!?") if words else ""

    def count_word(self, word: str) -> int:
        """Occurrences of ``word`` as a whole word, case-sensitive."""
        count, position = 0, self.text.find(word)
        while position >= 0:
            end = position + len(word)
            if (position == 0 or not self.text[position - 1].isalnum()) and not self.text[end : end + 1].isalnum():
                count += 1
            position = self.text.find(word, end)
        return count

    def count_alone(self, word: str, *, allowed_before: frozenset[str] = frozenset()) -> int:
        """Occurrences of ``word`` standing alone as a name: no capitalised word right before it
        (except ``allowed_before``, a person's title: "Dr. Abernathy") or right after it. "Icefall"
        of "the Icefall Doctors" or of "Khumbu Icefall" does not stand alone; "Abernathy:" does."""
        count, position = 0, self.text.find(word)
        while position >= 0:
            end = position + len(word)
            if (position == 0 or not self.text[position - 1].isalnum()) and not self.text[end : end + 1].isalnum():
                before = self.text[max(0, position - 24) : position].split()[-1:]
                after = self.text[end : end + 24].split()[:1] if self.text[end : end + 1] == " " else []
                titled = bool(before) and before[0].lower().rstrip(".") in allowed_before
                joined_before = bool(before) and _capitalised(before[0]) and not titled
                if not joined_before and not (after and _capitalised(after[0])):
                    count += 1
            position = self.text.find(word, end)
        return count

    def written_lowercase(self, token: str) -> bool:
        """The text also writes this word in lower case (so it is a common word, not a name)."""
        word = token.lower()
        position = self.text.find(word)
        while position >= 0:
            end = position + len(word)
            if (position == 0 or not self.text[position - 1].isalnum()) and not self.text[end : end + 1].isalnum():
                return True
            position = self.text.find(word, end)
        return False

    def headline(self, position: int) -> bool:
        seg_start, seg_end = self._segment(position)
        known = self._headlines.get(seg_start)
        if known is None:
            segment = self.text[seg_start:seg_end]
            known = _is_headline(segment) or (seg_start < self.title_end and _is_title_case(segment))
            self._headlines[seg_start] = known
        return known

    def uncertain_case(self, position: int, *, may_be_initial: bool = True) -> bool:
        """The capital at ``position`` may only mark a sentence start, a headline or a list item."""
        seg_start, _ = self._segment(position)
        if may_be_initial and not self.text[seg_start:position].strip(_UNCERTAIN_START_CHARS):
            return True
        return self.headline_or_list(position)

    def headline_or_list(self, position: int) -> bool:
        seg_start, seg_end = self._segment(position)
        segment = self.text[seg_start:seg_end]
        commas = segment.count(",")
        if commas >= 3 and len(segment) / commas < 40:
            return True
        return self.headline(position)

    def _segment(self, position: int) -> tuple[int, int]:
        if not self._starts:
            self._starts, self._ends = [0], []
            # " - " separates like "|" (same length, so offsets hold); one char class scans fast.
            text = self.text.replace(" - ", " | ") if " - " in self.text else self.text
            for separator in _SEGMENT_SEPARATOR_RE.finditer(text):
                self._ends.append(separator.start())
                self._starts.append(separator.end())
            self._ends.append(len(self.text))
        index = bisect_right(self._starts, position) - 1
        return self._starts[index], self._ends[index]


def _is_title_case(segment: str) -> bool:
    words = [word for word in _WORD_RE.findall(segment) if word.lower() not in STOPWORDS]
    return len(words) >= 2 and sum(1 for word in words if word[0].isupper()) >= _HEADLINE_SHARE * len(words)


def _is_headline(segment: str) -> bool:
    words = _WORD_RE.findall(segment)
    return len(words) >= 2 and sum(1 for word in words if word[0].isupper()) >= _HEADLINE_SHARE * len(words)
