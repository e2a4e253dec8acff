"""What makes a goal measurable: a target quantity, a checkable outcome, or a repeat to count.

A quantity is a number (digits or words) with what it counts: "10 kg", "3 retainer clients",
"20%", "€1,500", "4.6/5", "top 10". Numbers that belong to a deadline, a repeat interval, a
level or a product name ("ITIL 4", "Band 6") are not targets. A checkable outcome is an event
a person can say happened or not: passing an exam, earning a certificate or licence, getting
promoted or an offer, moving into a role, publishing or shipping one named thing, running a
workshop, sending one email. Growing, improving or learning without a target is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerplan.domain.smart.numbers import DIGITS, NUMBER_RE, Figure, parse_number
from careerplan.domain.smart.report import Measure, Verdict
from careerplan.domain.smart.text import Span, Text, words

_NOT_TARGET_KINDS = {"level", "meeting", "version", "compound"}
_STOP = words(
    """of on in to for by with per a an the and or that which from at into each every before
    after until within over during this next is are be paying so as than about i my our"""
)
_SKIP_BEFORE = words("""by from to of the a an my our at least more than about around""")
_IDIOMS = re.compile(r"\bone\s+day\b|\bone\s+of\b|\bone\s+or\s+the\s+other\b|\bno\s+one\b")
_FROM_TO = re.compile(rf"\bfrom\s+(?P<from>{DIGITS})\s+to\s+(?P<to>{DIGITS})\b")
_MULTIPLIER = re.compile(r"\b(?P<w>double|doubling|triple|tripling|quadruple|halve|\d+x)\b")
_MULTIPLES = {"double": 2.0, "doubling": 2.0, "triple": 3.0, "tripling": 3.0, "quadruple": 4.0}
_MULTIPLES["halve"] = 0.5
VAGUE_AMOUNT = re.compile(
    r"\b(?:more|better|regularly|often|sometimes|occasionally|frequently|some|a\s+bit|a\s+lot"
    r"|as\s+much\s+as|whenever|when\s+i\s+can)\b"
)

_ARTEFACT = (
    r"paper|article|post|blog\s+post|book|app|website|site|portfolio|dashboard|plan|proposal"
    r"|report|pilot|product|feature|course|podcast|video|case\s+study|thesis|dissertation"
    r"|prototype|business|practice|company|workshop|talk|version|release|resume|cv|newsletter"
    r"|application|chapter|tool|library|model|study|essay|guide|proposal|memo|white\s+paper"
    r"|form|mvp|prototype|demo|pull\s+request|pr|novel|album|film|game|migration|service"
)
# Credentials known by their acronym: earning one is a checkable outcome.
_CREDENTIALS = (
    r"pmp|capm|csm|psm|cpa|cfa|acca|cima|cipd|itil|prince2|comptia|cissp|ccna|cisa|cism|shrm"
    r"|phr|nclex|smsts|cscs|npqh|ielts|toefl|gmat|gre|mba|msc|bsc|cpr|cdl|ckad|cka"
)
_ROLE_NOUNS = (
    r"ceo|cto|cfo|coo|director|manager|lead|head|partner|principal|engineer|architect|analyst"
    r"|nurse|chef|supervisor|consultant|owner|founder|specialist|officer|scientist|developer"
    r"|designer|teacher|professor|editor|accountant|advisor|adviser|coordinator|president"
)
_OUTCOMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "pass",
        re.compile(
            r"\b(?:pass|passing|ace|clear)\s+(?:[^.;]|\.(?=\d)){0,60}?\b(?:exams?|tests?|certification|"
            r"assessments?|boards|ielts|toefl|gmat|gre|bar|cpa|cfa|pmp|levels?|modules?|papers?)\b"
        ),
    ),
    (
        "credential",
        re.compile(
            r"\b(?:earn|earning|obtain|get|gain|achieve|complete|completing|finish|finishing"
            r"|receive|secure|attain|acquire|take|taking|pass|renew)\s+(?:[^.;]|\.(?=\d)){0,60}?\b(?:certification|"
            r"certificate|certified|licen[cs]e|degree|diploma|mba|masters?|master's|phd|"
            r"doctorate|award|qualification|accreditation|course|programme|program|bootcamp|"
            r"credential|cpd|apprenticeship|nvq|module|certifications|level\s+\d|"
            + _CREDENTIALS
            + r")\b"
        ),
    ),
    (
        "promotion",
        re.compile(r"\b(?:get|be|getting|being)\s+promoted\b|\bpromot(?:ed|ion)\s+to\b"),
    ),
    (
        "offer",
        re.compile(
            r"\b(?:get|land|receive|secure|win|accept|sign)\s+(?:a|an|my|the|our)\s+"
            r"(?:[\w-]+\s+){0,5}?(?:offer|job|role|position|internship|placement|contract"
            r"|client|promotion|interview|residency|fellowship|scholarship|grant|deal)\b"
        ),
    ),
    (
        "role",
        re.compile(
            r"\b(?:move|moving|transition|step|switch)\s+(?:in)?to\s+(?:a|an|the|my)\s+"
            r"(?:[^.;]|\.(?=\d)){0,40}?\b(?:role|position|job|team)\b|\bqualify\s+as\b|\bget\s+hired\b"
            r"|\bbecome\s+(?:a\s+|an\s+)?(?:certified|chartered|licensed|qualified|registered)\b"
            r"|\bbecome\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:" + _ROLE_NOUNS + r")\b"
        ),
    ),
    (
        "artefact",
        re.compile(
            r"\b(?:publish|ship|launch|release|submit|deploy|build|create|write|draft|produce"
            r"|finish|complete|deliver|record|open|found|update|translate|design)\s+(?:\w+ing\s+)?"
            r"(?:a|an|my|our|the|one|first|version|it)\b(?:[^.;]|\.(?=\d)){0,50}?\b(?:"
            + _ARTEFACT
            + r")\b"
        ),
    ),
    (
        "event",
        re.compile(
            r"\b(?:run|host|hold|organi[sz]e|deliver|give|present|teach|lead|chair|speak\s+at"
            r"|attend)\s+(?:a|an|my|our|the|one|first)\b(?:[^.;]|\.(?=\d)){0,40}?\b(?:workshop|talk|session"
            r"|presentation|webinar|training|meetup|event|seminar|class|lecture|keynote"
            r"|stand-?up|retrospective|1:1|conference|sprint|sale|fundraiser|fair|retreat"
            r"|offsite|campaign|drive|hackathon|meeting|demo|review|course)\b"
        ),
    ),
    (
        # Hiring someone: "Hire a junior designer".
        "hire",
        re.compile(
            r"\b(?:hire|recruit|onboard)\s+(?:a|an|one|my|our|the|first)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:" + _ROLE_NOUNS + r"|intern|assistant|apprentice|person)s?\b"
        ),
    ),
    (
        # A concrete change that is either done or not: "Migrate our billing service to ...".
        "change",
        re.compile(
            r"^\W*(?:i\s+will\s+)?(?:migrate|implement|automate|deploy|integrate|install"
            r"|set\s+up|configure|roll\s+out|refactor|replace|upgrade|redesign|rebuild)\s+"
            r"(?:our|the|my|a|an)\s+\w+"
        ),
    ),
    (
        "level",
        re.compile(
            r"\b(?:reach|achieve|get\s+to|attain|hit|score|get)\s+(?:an?\s+)?"
            r"(?:level\s+|band\s+|grade\s+)?(?:[abc][12]|\d+(?:\.\d+)?)\b"
            # "Reach conversational Italian (B1)": a named level a few words on.
            r"|\b(?:reach|achieve|attain|get\s+to)\s+[^.;]{0,40}?\b(?:[abc][12]|level\s+\d)\b"
        ),
    ),
    (
        # "Pass Google Associate Cloud Engineer", "Earn my CSM": passing or earning a named
        # thing is checkable even when the text does not say "exam".
        "pass",
        re.compile(r"^\W*(?:i\s+(?:will|want\s+to)\s+)?(?:pass|earn|obtain)\s+\S+"),
    ),
    (
        "action",
        re.compile(
            r"^\W*(?:i\s+will\s+|to\s+)?(?:email|e-mail|call|message|ask|request|book|schedule|present"
            r"|sign\s+up|register|enrol|enroll|apply|contact|phone|text|send)\b"
            r"(?:[^.;]|\.(?=\d)){0,60}?\b(?:a|an|the|my|our|for)\s+\w+"
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Measured:
    verdict: Verdict
    measure: Measure | None
    quantities: tuple[Measure, ...]
    credential: Span | None = None  # an exam passed or a credential earned, if the goal has one


_AFTER = re.compile(r"\s+([a-z][a-z/+'-]*(?:\s+[a-z][a-z/+'-]*){0,2})")


_PER_UNIT = re.compile(r"\s+(?:per|a|an|each)\s+(?:day|week|month|quarter|year)\b")
_OF_MY = re.compile(r"\s+of\s+(?:my|our|the|these|those|his|her|their)\s")


def _unit_after(norm: str, end: int) -> str | None:
    """The thing a number counts: "3 retainer clients paying" → "retainer clients"."""
    of = _OF_MY.match(norm, end)  # "3 of my logistics roles"
    m = _AFTER.match(norm, of.end() - 1 if of else end)
    if not m:
        return None
    words: list[str] = []
    for word in m.group(1).split():
        if word in _STOP:
            break
        words.append(word)
        if word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
            break  # a plural noun ends the phrase ("3 retainer clients paying ...")
    return " ".join(words) or None


def _metric_before(norm: str, start: int) -> str | None:
    words = re.findall(r"[a-z][a-z'-]*", norm[max(0, start - 40) : start])
    for word in reversed(words):
        if word not in _SKIP_BEFORE and word not in _STOP:
            return str(word)
    return None


def quantities(
    text: Text, figures: list[Figure], taken: list[tuple[int, int]]
) -> tuple[Measure, ...]:
    """Target quantities, in order of appearance."""
    norm = text.norm
    out: list[Measure] = []
    idioms = [(m.start(), m.end()) for m in _IDIOMS.finditer(norm)]
    blocked = taken + idioms
    blocked += [(f.start, f.end) for f in figures if f.kind in _NOT_TARGET_KINDS]
    used: list[tuple[int, int]] = []
    for f in figures:
        if f.kind in _NOT_TARGET_KINDS or any(a < f.end and f.start < b for a, b in taken):
            continue
        kind = "count" if f.kind == "measure" else f.kind
        metric = _metric_before(norm, f.start)
        out.append(Measure(kind, text.span(f.start, f.end), f.value, f.unit, metric))
        used.append((f.start, f.end))
    for m in NUMBER_RE.finditer(norm):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in blocked + used):
            continue
        value = parse_number(m.group())
        if value is None or (1900 <= value <= 2100 and "," not in m.group()):
            continue
        unit = _unit_after(norm, e)
        rate = _PER_UNIT.match(norm, e)
        if unit is None and rate:
            # "to 30 per week": a rate to reach.
            span = text.span(s, rate.end())
            out.append(Measure("rate", span, value, rate.group().strip(), _metric_before(norm, s)))
            used.append((s, e))
            continue
        if unit is None:
            continue
        span = text.span(s, norm.index(unit, e) + len(unit))
        out.append(Measure("count", span, value, unit, _metric_before(norm, s)))
        used.append((s, e))
    for m in _FROM_TO.finditer(norm):
        if any(a < m.end() and m.start() < b for a, b in used + taken):
            continue
        value = parse_number(m["to"])
        metric = _metric_before(norm, m.start())
        out.append(Measure("target", text.span(m.start(), m.end()), value, None, metric))
    for m in _MULTIPLIER.finditer(norm):
        word = m["w"]
        value = _MULTIPLES.get(word) or float(word.rstrip("x"))
        out.append(
            Measure(
                "multiplier", text.span(m.start(), m.end()), value, "x", _unit_after(norm, m.end())
            )
        )
    out.sort(key=lambda q: q.text.start)
    return tuple(out)


def _best(found: tuple[Measure, ...], norm: str) -> Measure:
    for q in found:
        before = norm[max(0, q.text.start - 12) : q.text.start]
        if re.search(r"\b(?:to|reach|least|hit)\s*$", before):
            return q
    return found[0]


def _credential(text: Text) -> Span | None:
    for verb, pattern in _OUTCOMES:
        if verb in {"pass", "credential"}:
            m = pattern.search(text.norm)
            if m:
                return text.span(m.start(), m.end())
    return None


def assess(
    text: Text,
    figures: list[Figure],
    taken: list[tuple[int, int]],
    recurrence: Span | None,
) -> Measured:
    norm = text.norm
    found = quantities(text, figures, taken)
    credential = _credential(text)
    if found:
        best = _best(found, norm)
        return Measured(
            Verdict(True, f"It sets a target you can count: “{best.text.text}”.", (best.text,)),
            best,
            found,
            credential,
        )
    vague = VAGUE_AMOUNT.search(norm)
    for verb, pattern in _OUTCOMES:
        m = pattern.search(norm)
        if not m:
            continue
        if verb == "action" and vague:
            continue
        span = text.span(m.start(), m.end())
        outcome = Measure("outcome", span, None, None, verb)
        return Measured(
            Verdict(True, f"It names an outcome you can check: “{span.text}”.", (span,)),
            outcome,
            found,
            credential,
        )
    if recurrence is not None:
        return Measured(
            Verdict(
                True,
                f"It repeats on a schedule you can tick off: “{recurrence.text}”.",
                (recurrence,),
            ),
            Measure("occurrences", recurrence, None, None, "repeat"),
            found,
        )
    if vague:
        span = text.span(vague.start(), vague.end())
        reason = f"“{span.text}” has no amount: nothing says when it is enough."
        return Measured(Verdict(False, reason, (span,)), None, found)
    reason = "It has no target number and no outcome you could check off as done."
    return Measured(Verdict(False, reason), None, found)
