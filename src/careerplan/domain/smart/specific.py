"""Is the goal specific: a concrete action on a concrete object?

Vague shapes are named first: being or becoming something evaluative ("be a better nurse",
"be successful", "become an expert in everything"), improving or growing an abstraction
("improve my communication skills", "grow my brand"), "get better at", "learn more about",
"learn to code", "get involved", "contribute to", "start saving", unbounded scope
("everything", "something new") and hedges ("when I can"). Concrete signs are named things
(Python, PMP, LinkedIn, a Band 6 post), counted things, and nouns a person can point at
(followers, traffic, a dashboard, a resume, a certification). A counted target makes a goal
specific even when part of its wording is loose; a vague shape otherwise wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerplan.domain.smart.periods import MONTHS, WEEKDAYS
from careerplan.domain.smart.report import Measure, Verdict
from careerplan.domain.smart.text import Span, Text

_ABSTRACT = (
    r"skills?|skillset|communication|leadership|brand|presence|outcomes?|performance|confidence"
    r"|knowledge|career|network|profile|responsibilit(?:y|ies)|visibility|impact|mindset"
    r"|abilit(?:y|ies)|expertise|experience|understanding|relationships|teamwork|listening"
    r"|speaking|self|myself|life|productivity|efficiency|things|stuff|game|work|job|english"
    r"|writing|management|profession|practice|craft|coding|technical\s+skills|soft\s+skills"
)
_VAGUE: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "an evaluative state, not an action",
        re.compile(
            r"\b(?:be|become|being|becoming|feel)\s+(?:a\s+|an\s+|the\s+|more\s+)?(?:better|good"
            r"|great|best|successful|happy|happier|expert|known|recogni[sz]ed|respected|"
            r"confident|go-to|excellent|amazing|strong|stronger|more)\b"
        ),
    ),
    ("no concrete action", re.compile(r"\b(?:succeed|be\s+successful|do\s+well|do\s+better)\b")),
    (
        "improving an abstraction",
        re.compile(
            r"\b(?:improve|improving|grow|growing|develop|developing|enhance|boost|strengthen"
            r"|build|broaden|expand|work\s+on|focus\s+on|polish|sharpen|upgrade)\s+(?:my\s+|our"
            r"\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+)?(?:" + _ABSTRACT + r")\b"
        ),
    ),
    ("no object to get better at", re.compile(r"\bget(?:ting)?\s+better\s+(?:at|with)\b")),
    ("no object to learn", re.compile(r"\blearn(?:ing)?\s+(?:more|a\s+lot|lots|about)\b")),
    (
        "a whole field, not a named skill",
        re.compile(
            r"\blearn(?:ing)?\s+(?:how\s+)?to\s+(?:code|program|design|sell|lead|manage|write"
            r"|speak|invest|network|cook|negotiate)\b(?!\s+(?:in|with|using)\s+[a-z])"
        ),
    ),
    (
        "taking part is not a result",
        re.compile(r"\bget(?:ting)?\s+(?:more\s+)?involved\b|\bcontribut(?:e|ing)\s+to\b"),
    ),
    ("a beginning, not an end", re.compile(r"\bstart(?:ing)?\s+(?:to\s+)?\w+ing\b")),
    (
        "unbounded scope",
        re.compile(
            r"\b(?:everything|anything|something|all\s+aspects|stuff|the\s+basics|basics|more\s+"
            r"(?:responsibility|responsibilities|things|stuff)|good\s+\w+s\b|one\s+day\b)"
        ),
    ),
    ("more of the same", re.compile(r"^\W*(?:network|study|learn|read|work|practi[cs]e)\s+more\b")),
    ("a hedge", re.compile(r"\bwhen(?:ever)?\s+i\s+(?:can|have\s+time)\b|\btry\s+to\b")),
)
# The goal's opening verb phrase: a verb other than "be" and at least one more word.
_ACTION = re.compile(
    r"\W*(?:i\s+will\s+)?(?!(?:be|become|feel|get\s+better|try)\b)[a-z]+(?:\s+[a-z0-9'-]+){1,6}?"
    r"(?=\s+(?:every|each|twice|once|thrice|\d+\s+times|daily|weekly|monthly|on\s)|[,.]|$)"
)
_BY_DOING = re.compile(r"\s+(?:by|through|via)\s+\w+ing\b")
_CONCRETE_NOUNS = re.compile(
    r"\b(?:followers|traffic|revenue|sales|response\s+time|csat|nps|score|rating|errors?"
    r"|clients?|customers?|articles?|posts?|blog|papers?|dashboards?|portfolio|resume|cv"
    r"|website|app|certification|certificate|exam|licen[cs]e|degree|course|workshop|talk"
    r"|role|job|offer|promotion|promoted|interview|feedback|mentor|meeting|1:1s?|stand-?up"
    r"|application|recommendations?|case\s+stud(?:y|ies)|book|loaf|songs|novels|kg|coordinator"
    r"|budget|manager|supervisor|colleagues?|recruiters?|pilot|project|plan|class|report"
    r"|presentation|award|qualification|conference|internship|position|team|deposit|dataset"
    r"|linkedin|github|kaggle|newsletter|podcast|video|competition|hackathon|shift|ward|results"
    r"|board|essay|dissertation|thesis|bootcamp|subscribers|reports|novel|sale|sprint|service"
    r"|hours|designer|engineer|developer|analyst|assistant|intern|journal|abstracts?)\b"
)
_NOT_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"i", "i'm", "i'll", "my"}
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][A-Za-z+#.]*[A-Za-z+#]|[A-Z]{2,}\+?)")


@dataclass(frozen=True, slots=True)
class Specificity:
    verdict: Verdict
    vague: tuple[Span, ...]


def _names(text: Text) -> list[Span]:
    out = []
    for m in _NAME.finditer(text.original[: len(text.norm)]):
        word = m.group()
        if word.lower() in _NOT_NAMES or m.start() == 0:
            continue
        out.append(Span(word, m.start(), m.end()))
    return out


def assess(
    text: Text,
    quantities: tuple[Measure, ...],
    outcome: Measure | None,
    repeat: Span | None = None,
) -> Specificity:
    norm = text.norm
    vague: list[tuple[str, Span]] = []
    for why, pattern in _VAGUE:
        for m in pattern.finditer(norm):
            if why == "improving an abstraction" and _BY_DOING.match(norm, m.end()):
                continue  # "improve my Excel skills by taking a course on pivot tables"
            vague.append((why, text.span(m.start(), m.end())))
    counted = [q for q in quantities if q.kind != "multiplier" or q.unit]
    concrete = [text.span(m.start(), m.end()) for m in _CONCRETE_NOUNS.finditer(norm)]
    names = _names(text)
    vague_spans = tuple(span for _, span in vague)
    if counted:
        evidence = (counted[0].text, *names[:2], *concrete[:2])
        note = " despite loose wording elsewhere" if vague else ""
        reason = f"It names what to do and how much: “{counted[0].text.text}”{note}."
        return Specificity(Verdict(True, reason, _dedupe(evidence)), vague_spans)
    if vague:
        why, span = vague[0]
        reason = f"“{span.text}” is {why}: name the action and what it produces."
        return Specificity(Verdict(False, reason, (span,)), vague_spans)
    if outcome is not None or names or concrete:
        evidence = tuple(x for x in (outcome.text if outcome else None,) if x) + tuple(
            names[:2] + concrete[:2]
        )
        shown = (names or concrete or [outcome.text if outcome else Span("", 0, 0)])[0].text
        reason = f"It names a concrete action and object (“{shown}”)."
        return Specificity(Verdict(True, reason, _dedupe(evidence)), vague_spans)
    action = _ACTION.match(norm)
    if repeat is not None and action and action.end() <= repeat.start + 1:
        # A habit on a schedule ("Go to the gym twice a week") is concrete enough to act on.
        span = text.span(action.start(), action.end())
        reason = f"It names an action to repeat (“{span.text}”, “{repeat.text}”)."
        return Specificity(Verdict(True, reason, (span, repeat)), vague_spans)
    reason = "It names no concrete thing to do or produce (a course, a document, a count)."
    return Specificity(Verdict(False, reason), vague_spans)


def _dedupe(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    seen: set[tuple[int, int]] = set()
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if (span.start, span.end) in seen or any(
            s.start <= span.start and span.end <= s.end for s in out
        ):
            continue
        seen.add((span.start, span.end))
        out.append(span)
    return tuple(out)
