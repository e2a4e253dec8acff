"""The goal text as the rules see it: lower-cased, typo-tolerant, with spans mapped back.

Every rule matches against `Text.norm`; evidence is reported in the person's own characters,
so positions in `norm` are mapped back to `original` through a list of anchors recorded
wherever a misspelt word was replaced.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache


def words(block: str) -> frozenset[str]:
    """A word list written as one whitespace-separated block."""
    return frozenset(block.split())


# Work is capped so a pasted essay cannot make the check slow: the time spent is linear in the
# text up to this many characters and constant beyond it.
MAX_CHARS = 1000

_PUNCT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_WORD = re.compile(r"[a-z]+")

# Words the rules depend on, so a typo in one of them would silently change a verdict.
_VOCAB = words("""
    certification certificate complete completed finish promoted promotion senior within months
    better leadership communication before manager management december november september
    february january october august quarter weekly monthly require publish journeyman
    licence license interview portfolio resume mentoring networking until tomorrow
    """)
_SHORT_VOCAB = {"nxt": "next", "mnths": "months", "wks": "weeks", "yr": "year", "yrs": "years"}


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


_BY_DELETE: dict[str, str | None] = {}
for _word in _VOCAB:
    for _variant in _deletes(_word):
        # Two vocabulary words sharing a variant make it ambiguous: leave such tokens alone.
        _BY_DELETE[_variant] = None if _variant in _BY_DELETE else _word


@lru_cache(maxsize=8192)
def correct(token: str) -> str | None:
    """The vocabulary word one missing, extra or swapped letter away from `token`, if unique."""
    if token in _SHORT_VOCAB:
        return _SHORT_VOCAB[token]
    if len(token) < 4 or token in _VOCAB:
        return None
    found = _BY_DELETE.get(token)
    if found and not found.startswith(token):
        return found
    candidates = {word for word in _deletes(token) if word in _VOCAB}
    for i in range(len(token) - 1):
        swapped = token[:i] + token[i + 1] + token[i] + token[i + 2 :]
        if swapped in _VOCAB:
            candidates.add(swapped)
    if len(candidates) != 1:
        return None
    word = candidates.pop()
    # "month" and "certifications" are words in their own right, not misspellings.
    return None if word.startswith(token) or token.startswith(word) else word


@dataclass(frozen=True, slots=True)
class Span:
    """Words of the goal, as written, with their character offsets in the original text."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Text:
    original: str
    norm: str
    truncated: bool
    _norm_anchors: tuple[int, ...]
    _orig_anchors: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> Text:
        truncated = len(original) > MAX_CHARS
        head = original[:MAX_CHARS]
        lowered = head.translate(_PUNCT).lower()
        if len(lowered) != len(head):
            # A few characters lower-case into two; keep one character per character.
            lowered = "".join(
                low if len(low := ch.translate(_PUNCT).lower()) == 1 else ch for ch in head
            )
        parts: list[str] = []
        norm_anchors = [0]
        orig_anchors = [0]
        last = 0
        shift = 0
        for match in _WORD.finditer(lowered):
            fixed = correct(match.group())
            if fixed is None or head[match.start()].isupper():
                continue
            parts.append(lowered[last : match.start()])
            parts.append(fixed)
            last = match.end()
            norm_anchors.append(match.start() + shift)
            orig_anchors.append(match.start())
            shift += len(fixed) - (match.end() - match.start())
            norm_anchors.append(match.end() + shift)
            orig_anchors.append(match.end())
        parts.append(lowered[last:])
        return cls(original, "".join(parts), truncated, tuple(norm_anchors), tuple(orig_anchors))

    def to_original(self, pos: int) -> int:
        i = bisect_right(self._norm_anchors, pos) - 1
        mapped = self._orig_anchors[i] + (pos - self._norm_anchors[i])
        if i + 1 < len(self._orig_anchors):
            mapped = min(mapped, self._orig_anchors[i + 1])
        return max(0, min(mapped, len(self.original)))

    def span(self, start: int, end: int) -> Span:
        """The original words behind `norm[start:end]`."""
        a, b = self.to_original(start), self.to_original(end)
        return Span(self.original[a:b], a, b)
