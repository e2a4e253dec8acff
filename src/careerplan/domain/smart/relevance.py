"""Does the goal serve its parent goal?

In order: a shared content word with the parent, or a term the parent's occupation is known
for (from the catalogue through `OccupationKnowledge`, and from the curated lexicon in
`roles`) → relevant. A goal made of personal pursuits (weight, hobbies, a motorcycle licence),
or one that learns a tool tied to a different kind of work → not relevant. A general
career-development move (a course, mentoring, networking, a resume) → relevant. Nothing
either way → undecided. No parent → undecided (`None`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from careerplan.domain.smart import roles
from careerplan.domain.smart.report import Verdict
from careerplan.domain.smart.text import Span, Text, words


class OccupationKnowledge(Protocol):
    """What the occupation catalogue knows about the work a parent goal aims at."""

    def terms_for(self, parent_text: str) -> frozenset[str] | None:
        """Lower-case words and phrases (tasks, skills, tools) of the occupation the text
        names, or None when no occupation is recognised."""
        ...


_TOKEN = re.compile(r"[a-z0-9][a-z0-9+:#&'/-]*")
_GENERIC = words(
    """a an the and or of in on at to for by with my our your as into from be become becoming
    get grow move land work working job role first full-time full time senior junior new
    career own build sustainable recognised recognized expert business position qualify
    certified lead leading i will want one day more better good best"""
)


@dataclass(frozen=True, slots=True)
class _Grams:
    """Words of the goal, for word and phrase look-ups (as written, singular or plural)."""

    words: tuple[tuple[str, int, int], ...]

    @classmethod
    def of(cls, norm: str) -> _Grams:
        return cls(
            tuple((m.group().strip("'-/"), m.start(), m.end()) for m in _TOKEN.finditer(norm))
        )

    def find(self, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Spans of the goal that are terms, longest phrase first, without overlaps."""
        openers = _openers(terms)
        words = self.words
        hits: list[tuple[int, int]] = []
        for i, (word, start, end) in enumerate(words):
            if hits and start < hits[-1][1]:
                continue
            if word in openers or _singular(word) in openers:
                # Only words that begin a multi-word term are worth joining with the next ones.
                for size in (3, 2):
                    if i + size <= len(words):
                        text = " ".join(w for w, _, _ in words[i : i + size])
                        if text in terms or _singular(text) in terms or text + "s" in terms:
                            hits.append((start, words[i + size - 1][2]))
                            break
                if hits and hits[-1][0] == start:
                    continue
            if word in terms or _singular(word) in terms or word + "s" in terms:
                hits.append((start, end))
            elif len(stem := _stem(word)) >= 3 and stem in _stems(terms):
                hits.append((start, end))  # "save" and "saving", "hire" and "hiring"
        return hits


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    """A crude English stem: enough to meet "saving" with "save" and "managing" with "manager"."""
    for suffix in ("ing", "ers", "er", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e") if len(word) > 3 else word


@lru_cache(maxsize=256)
def _stems(terms: frozenset[str]) -> frozenset[str]:
    return frozenset(_stem(term) for term in terms if " " not in term)


@lru_cache(maxsize=256)
def _openers(terms: frozenset[str]) -> frozenset[str]:
    """First words of the multi-word terms (a frozenset caches its hash, so this is cheap)."""
    return frozenset(term.split(" ", 1)[0] for term in terms if " " in term)


@lru_cache(maxsize=8192)
def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _content(norm: str) -> frozenset[str]:
    words = {m.group().strip("'-/") for m in _TOKEN.finditer(norm)}
    out = {w for w in words if w not in _GENERIC and len(w) > 2}
    return frozenset(out | {_singular(w) for w in out})


@lru_cache(maxsize=1024)
def _parent(parent: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """The parent's normalised text, content words and lexicon terms (parents repeat a lot)."""
    norm = Text.of(parent).norm
    return norm, _content(norm), roles.terms_for(norm)


def assess(
    text: Text,
    parent: str | None,
    knowledge: OccupationKnowledge | None = None,
    credential: Span | None = None,
) -> Verdict:
    """`credential`: the words of a passed exam or earned credential, itself a career move."""
    if parent is None or not parent.strip():
        return Verdict(None, "There is no parent goal to compare with.")
    _, parent_content, lexicon = _parent(parent)
    grams = _Grams.of(text.norm)
    spans = grams.find(parent_content)
    if spans:
        return _yes(text, spans, "It works on the same thing as the parent goal")
    known = knowledge.terms_for(parent) if knowledge is not None else None
    terms = (known or frozenset()) | lexicon
    spans = grams.find(terms) if terms else []
    goal_words = {w for w, _, _ in grams.words}
    # A hobby word is not personal when the parent's own work is about it (a bakery and bread).
    related = terms | parent_content
    personal = [
        (s, e)
        for w, s, e in grams.words
        if (w in roles.PERSONAL or _singular(w) in roles.PERSONAL)
        and w not in related
        and _singular(w) not in related
    ]
    if spans and not (personal and len(personal) >= len(spans)):
        return _yes(text, spans, "It builds what the parent goal's work needs")
    if personal:
        shown = text.span(*personal[0])
        return Verdict(
            False,
            f"“{shown.text}” is a personal pursuit; nothing links it to “{parent.strip()}”.",
            (shown,),
        )
    parent_domains = {d for tool, d in roles.TOOL_DOMAINS.items() if tool in parent_content | terms}
    for word, s, e in grams.words:
        domain = roles.TOOL_DOMAINS.get(word)
        if domain and domain not in parent_domains:
            shown = text.span(s, e)
            return Verdict(
                False,
                f"“{shown.text}” is a {domain} tool; the work in “{parent.strip()}” "
                "does not rely on it.",
                (shown,),
            )
    moves = [(s, e) for w, s, e in grams.words if w in roles.CAREER_MOVES]
    moves += grams.find(frozenset(t for t in roles.CAREER_MOVES if " " in t))
    if credential is not None:
        moves.append((credential.start, credential.end))
    if moves or goal_words & roles.CAREER_MOVES:
        return _yes(text, moves, "It is a career-development step that serves most career goals")
    return Verdict(None, f"Nothing in the goal shows how it serves “{parent.strip()}”.")


def _yes(text: Text, spans: list[tuple[int, int]], why: str) -> Verdict:
    evidence = tuple(_unique(text.span(s, e) for s, e in spans))[:4]
    shown = ", ".join(f"“{span.text}”" for span in evidence[:3])
    return Verdict(True, f"{why}: {shown}." if shown else f"{why}.", evidence)


def _unique(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if all(span.start != s.start for s in out):
            out.append(span)
    return out
