"""What a goal that names a credential says around it: the time it allows, where that time
starts, and what the person already holds, lacks or takes as their route.

    "Become a CRNA in about 5 years after my BSN"  →  target CRNA, 60 months from a finished
    BSN (so a bachelor's is held); "Become an LPN in 3 months with no training"  →  target LPN,
    3 months from today, no training.

The goal is read as a target (the first credential named outside a qualifying phrase) and
qualifying phrases, each opened by a connector ("after", "with", "without", "as", "before",
"during", "via"...) and running to the next connector or punctuation. The credentials named
inside a phrase, and its education, experience and course words, say what the person has at
the start. Every pattern is a plain alternation, so reading is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from careerplan.domain.education import Education
from careerplan.domain.smart import credential_words as vocab
from careerplan.domain.smart.credential_terms import Mention
from careerplan.domain.smart.numbers import parse_number

FULL, PART, WORKING = "full", "part", "working"


@dataclass(frozen=True, slots=True)
class Reading:
    """What the goal says about a credential it names (empty fields: it says nothing)."""

    target: Mention | None = None
    intent: str = "earn"  # earn, programme (finish the programme it names), exam, start
    window: float | None = None  # months the goal allows
    window_span: tuple[int, int] | None = None  # the words giving them, in the normalised text
    anchor: str | None = None  # where the window starts: None (today), "start" or "done"
    held: frozenset[str] = frozenset()  # credentials held, or whose programme is finished
    started: frozenset[str] = frozenset()  # credentials whose programme is under way
    education: Education | None = None  # highest education at the start, when stated
    floor: Education | None = None  # the least education the credentials it holds imply
    done: frozenset[tuple[str, int]] = frozenset()  # (key, programme) the goal says is behind
    graduated: bool = False  # "of graduating", "after finishing": a qualifying programme is done
    cap: Education | None = None  # the most education the goal allows ("with only a diploma")
    only: frozenset[str] = frozenset()  # "with only the SIE": all the credentials it allows
    experience: float | None = None  # months of experience stated
    lacks: frozenset[str] = frozenset()  # self, training, experience, exam, credential keys
    course: Course | None = None  # a course the goal says is done
    route: tuple[int, ...] = ()  # the target's programmes the goal chooses
    pace: str | None = None  # FULL, PART or WORKING
    hours: float | None = None  # hours a week stated
    age: float | None = None
    everywhere: bool = False
    employer_first: bool = False  # "on my own before being hired"
    in_programme: bool = False  # "during my final year": the target's programme is under way
    part_of_exam: bool = False  # one level, part or section of a longer exam
    others: tuple[Mention, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Course:
    """A course the goal says is behind the person: "after a 6-week course"."""

    months: float | None  # None: a "short" course of unstated length
    noun: str  # course, degree, apprenticeship, school...
    level: Education | None  # the education it gives, when its words say ("associate degree")
    hours: float | None = None  # its length in hours, when given in hours


def read(norm: str, mentions: tuple[Mention, ...], due_months: float | None) -> Reading:
    """The reading of `norm` around `mentions`; `due_months` is the time to the deadline the
    analyser found in the words, used when no span of time is named around the credential."""
    if vocab.FURTHER_EXPERIENCE.search(norm):
        # The rest of what a credential asks, in time on the job: how much is held already is
        # not in the words, and the ordinary rules judge the time the goal allows for it.
        return Reading(others=mentions)
    clauses = _clauses(norm)
    candidates = tuple(m for m in mentions if not people_met(norm, m))
    target = _target(candidates, clauses)
    lacking_target = False
    if target is None and candidates and vocab.GENERIC_TARGET.search(norm):
        # "Become licensed about 3 years after starting mortuary school": the credential of
        # the first thing named, the words themselves staying in their phrase.
        first = candidates[0]
        target = Mention(first.credential, first.start, first.start)
    if target is None:
        lacked = [m for m in candidates if _clause_at(clauses, m.start)[0] == "lack"]
        if not lacked:
            return Reading(others=mentions)
        target, lacking_target = lacked[0], True
    facts = _Facts()
    if lacking_target or vocab.SKIP.search(norm[: target.start]):
        facts.lacks.add("self")
    for kind, start, end in clauses:
        _qualify(facts, kind, norm[start:end], start, end, mentions, target)
    if vocab.JOURNEY.search(norm):
        facts.route.extend(
            i for i, p in enumerate(target.credential.programmes) if p.award == "apprenticeship"
        )
    window, span, anchor = _window(norm, clauses, target, facts, due_months)
    if anchor == "start" and facts.anchor_key is None:
        facts.started.add(target.credential.key)  # "within a year of being hired"
    main = min((start for _, start, _ in clauses), default=len(norm))
    intent = _intent(norm, target if target.end > target.start else replace(target, start=main))
    pace, hours = _pace(norm)
    age = vocab.AGE.search(norm)
    return Reading(
        target=target,
        intent=intent,
        window=window,
        window_span=span,
        anchor=anchor,
        held=frozenset(facts.held),
        started=frozenset(facts.started),
        education=facts.education,
        floor=facts.floor,
        done=frozenset(facts.done),
        graduated=facts.graduated,
        cap=facts.cap,
        only=frozenset(facts.only) if facts.has_only else frozenset(),
        experience=facts.experience,
        lacks=frozenset(facts.lacks),
        course=facts.course,
        route=tuple(dict.fromkeys(facts.route)),
        pace=pace,
        hours=hours,
        age=float(age["n"]) if age else None,
        everywhere=bool(vocab.EVERYWHERE.search(norm)),
        employer_first=bool(vocab.EMPLOYER_FIRST.search(norm)),
        in_programme=facts.in_programme,
        part_of_exam=bool(vocab.PART_OF_EXAM.search(norm)),
        others=tuple(m for m in mentions if m is not target),
    )


class _Facts:
    def __init__(self) -> None:
        self.held: set[str] = set()
        self.started: set[str] = set()
        self.only: set[str] = set()
        self.has_only = False
        self.lacks: set[str] = set()
        self.education: Education | None = None
        self.floor: Education | None = None
        self.done: set[tuple[str, int]] = set()
        self.graduated = False
        self.cap: Education | None = None
        self.experience: float | None = None
        self.course: Course | None = None
        self.route: list[int] = []
        self.in_programme = False
        self.anchor_key: str | None = None  # the credential the window starts from
        self.anchor_kind: str | None = None  # "start" or "done", from an "after" phrase
        self.now = False  # "right after": no time at all

    def hold_education(self, level: Education) -> None:
        if self.education is None or level.rank > self.education.rank:
            self.education = level

    def raise_floor(self, level: Education) -> None:
        if self.floor is None or level.rank > self.floor.rank:
            self.floor = level

    def add_experience(self, months: float) -> None:
        self.experience = max(self.experience or 0.0, months)


def _clauses(norm: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each qualifying phrase, in reading order. A span of time followed
    by "of", "after" or "from" opens one too: "within 3 months of graduating"."""
    marks: list[tuple[str, int, int]] = []
    for m in vocab.CONNECTOR.finditer(norm):
        word = " ".join(m["c"].split()) if m["c"] else m.group()
        kind = vocab.KIND.get(word)
        if word.startswith("in ") and m["c"]:
            kind = "during"
        if word.startswith("and "):
            kind = "end"
        if kind is None:
            kind = "end"
        if kind == "as" and vocab.AS_TARGET.search(norm, max(0, m.start() - 40), m.start()):
            continue
        if word == "no" and not re.search(r"(?:^|and|or|,|with)\s*$", norm[: m.start()]):
            continue
        marks.append((kind, m.start(), m.end()))
    for m in vocab.SPAN.finditer(norm):
        tail = (m["tail"] or "").strip()
        if tail in {"after", "from", "since"} or (tail == "of" and m["lead"]):
            marks.append(("after", m.start("tail"), m.end("tail")))
    marks.sort(key=lambda mark: mark[1])
    found = []
    for i, (kind, _, end) in enumerate(marks):
        if kind == "end":
            continue
        stop = next(
            (start for other, start, _ in marks[i + 1 :] if other != "lack" or kind != "lack"),
            len(norm),
        )
        found.append((kind, end, stop))
    return found


def _clause_at(clauses: list[tuple[str, int, int]], pos: int) -> tuple[str | None, int]:
    for kind, start, end in clauses:
        if start <= pos < end:
            return kind, start
    return None, -1


def people_met(norm: str, mention: Mention) -> bool:
    """Whether the words before `mention` make it the job of someone the person meets."""
    lead = norm[max(0, mention.start - 80) : mention.start]
    met = [m.end() for m in vocab.PEOPLE_VERB.finditer(lead)]
    if not met:
        return False
    # "Ask a nurse how to become an RN" asks; "Meet the rules and become an RN" becomes.
    return not any(
        m.start() > met[-1] and not vocab.ASKING.search(lead, 0, m.start())
        for m in vocab.BECOMING.finditer(lead)
    )


def _target(mentions: tuple[Mention, ...], clauses: list[tuple[str, int, int]]) -> Mention | None:
    for mention in mentions:
        if _clause_at(clauses, mention.start)[0] is None:
            return mention
    return None


def _qualify(
    facts: _Facts,
    kind: str,
    text: str,
    start: int,
    end: int,
    mentions: tuple[Mention, ...],
    target: Mention,
) -> None:
    inside = [m for m in mentions if start <= m.start < end and m is not target]
    bare = _blank(text, start, inside)
    if kind == "lack":
        _lack(facts, bare, inside, target)
    elif kind == "route":
        named = [m for m in inside if m.credential.key == target.credential.key]
        for m in named:
            facts.route.extend(m.programmes)
        if not named:
            facts.route.extend(_programmes_named(bare, target))
    elif kind == "before":
        if re.search(r"\b(?:starting|entering|beginning|being|applying|getting|any)\b", bare):
            for m in inside:
                own = m.credential is target.credential
                facts.lacks.add(
                    ("programme" if m.programmes else "self") if own else m.credential.key
                )
            if not inside and vocab.TRAINING.search(bare):
                facts.lacks.add("training")
        else:  # "before finishing hygiene school": under way
            facts.in_programme = True
            facts.started.update(m.credential.key for m in inside)
    elif kind == "during":
        if inside or vocab.TRAINING.search(bare) or re.search(r"\b(?:final|last|post|of)\b", bare):
            facts.in_programme = True
            facts.started.update(m.credential.key for m in inside)
    elif kind == "only":
        _only(facts, bare, inside)
    elif kind == "with" and re.search(r"\bonly\b", bare):
        _only(facts, bare, inside)  # "with a bachelor's only"
    elif kind in {"after", "now", "from", "with", "as", "while"}:
        _hold(facts, kind, bare, inside, target)


def _only(facts: _Facts, bare: str, inside: list[Mention]) -> None:
    facts.has_only = True
    for m in inside:
        facts.only.add(m.credential.key)
        facts.held.add(m.credential.key)
    level = _education(bare)
    if level is not None:
        facts.cap = level
        facts.hold_education(level)


def _blank(text: str, start: int, inside: list[Mention]) -> str:
    """The phrase with the credentials it names blanked out, so their words ("Certified
    Associate", "Master electrician") are not read as education."""
    chars = list(text)
    for m in inside:
        for i in range(max(0, m.start - start), min(len(chars), m.end - start)):
            chars[i] = " "
    return "".join(chars)


def _lack(facts: _Facts, bare: str, inside: list[Mention], target: Mention) -> None:
    for m in inside:
        facts.lacks.add("self" if m.credential is target.credential else m.credential.key)
    level = _education(bare)
    if level is not None:
        facts.lacks.add("education")
        below = Education(list(Education)[max(0, level.rank - 1)])
        facts.cap = below if facts.cap is None or below.rank < facts.cap.rank else facts.cap
    if vocab.EXPERIENCE.search(bare) or re.search(r"\bzero\b", bare):
        facts.lacks.add("experience")
    if vocab.TRAINING.search(bare) or re.search(r"\b(?:zero|background)\b", bare):
        facts.lacks.add("training")
    if vocab.EXAM.search(bare):
        facts.lacks.add("exam")
    if not inside and level is None and vocab.GENERIC_SELF.search(bare):
        facts.lacks.add("self")


def _hold(facts: _Facts, kind: str, bare: str, inside: list[Mention], target: Mention) -> None:
    if kind == "now":
        facts.now = True
    starting = bool(vocab.STARTING.search(bare))
    anchor = kind in {"after", "now"}
    for m in inside:
        own = m.credential is target.credential
        if own and not m.programmes and not m.exam:
            continue  # "work on an ambulance as an EMT": the role itself, again
        if starting and anchor:
            facts.started.add(m.credential.key)
            if own:
                facts.route.extend(m.programmes)  # "of starting a B.Arch": that programme
        elif own and m.programmes:
            facts.done.update((m.credential.key, i) for i in m.programmes)
        else:
            facts.held.add(m.credential.key)
            facts.done.update((m.credential.key, i) for i in m.programmes)
            if not own:
                _hold_credential(facts, m)
        if anchor:
            facts.anchor_key = facts.anchor_key or m.credential.key
    level = _education(bare)
    if level is not None and not starting:
        facts.hold_education(level)
    if level is not None and starting and anchor and not inside:
        # "2 years after starting my master's": the target's programme of that level
        facts.route.extend(
            i for i, p in enumerate(target.credential.programmes) if p.award == level.value
        )
    if anchor:
        facts.anchor_kind = "start" if starting else "done"
        if not starting and re.search(r"\b(?:graduat\w*|finish\w*|complet\w*|end)\b", bare):
            facts.graduated = True
    if kind == "as" and vocab.TRAINEE.search(bare) and not inside:
        facts.started.add(target.credential.key)
    if re.search(r"\bexperienced\b", bare):
        facts.add_experience(600.0)  # "as an experienced carpenter": whatever it asks for
    years = vocab.YEARS_OF.search(bare)
    if years and not vocab.TRAINING.search(bare[years.end() :]):
        value = parse_number((years["m"] or years["n"]).replace("half a", "half")) or 0.0
        facts.add_experience(value * vocab.UNIT_MONTHS[years["unit"].rstrip("s")])
    elif re.search(r"\byears\s+of\b", bare):
        facts.add_experience(24.0)  # "after years of recreational boating"
    course = vocab.COURSE.search(bare)
    if course and kind in {"after", "now", "with"}:
        facts.course = _course(course, bare)
        if kind == "with":
            facts.anchor_kind = facts.anchor_kind or "done"
    if kind == "from" and re.search(r"\b(?:zero|scratch|nothing)\b", bare):
        facts.lacks.update({"training", "experience"})


def _hold_credential(facts: _Facts, mention: Mention) -> None:
    """Holding a credential means holding what it takes: its experience, and the least
    education any route to it leaves ("as a registered radiographer": an associate's)."""
    credential = mention.credential
    if credential.experience_months:
        facts.add_experience(float(credential.experience_months))
    levels = []
    programmes = [credential.programmes[i] for i in mention.programmes] or credential.programmes
    for programme in programmes:
        award = _LEVEL_OF.get(programme.award)
        levels.append(max(programme.requires, award, key=lambda e: e.rank) if award else None)
    known = [level for level in levels if level is not None]
    if known and len(known) == len(levels):
        facts.raise_floor(min(known, key=lambda e: e.rank))


def _course(found: re.Match[str], bare: str) -> Course:
    months: float | None = None
    hours = None
    if found["n"]:
        value = parse_number(found["n"]) or 0.0
        months = value * vocab.UNIT_MONTHS[found["unit"]]
        hours = value if found["unit"] == "hour" else None
    elif found["short"] == "weekend":
        months = vocab.UNIT_MONTHS["weekend"]
    elif found["short"] != "short":
        months = 1 / vocab.MONTH_DAYS
    return Course(months, found["noun"], _education(found.group()), hours)


_LEVEL_OF = {level.value: level for level in Education} | {"certificate": Education.CERTIFICATE}


def _education(text: str) -> Education | None:
    for level, pattern in vocab.EDUCATION:
        if pattern.search(text):
            return level
    return None


def _programmes_named(bare: str, target: Mention) -> list[int]:
    """The target's programmes a route phrase names by their award or kind of study."""
    level = _education(bare)
    chosen = []
    for index, programme in enumerate(target.credential.programmes):
        name = programme.name.lower()
        if (level is not None and programme.award == level.value) or any(
            word in name for word in re.findall(r"[a-z]{5,}", bare)
        ):
            chosen.append(index)
    return chosen


def _window(
    norm: str,
    clauses: list[tuple[str, int, int]],
    target: Mention,
    facts: _Facts,
    due_months: float | None,
) -> tuple[float | None, tuple[int, int] | None, str | None]:
    """Months allowed, the words that say so, and where they start from."""
    for m in vocab.SPAN.finditer(norm):
        unit = m["unit"].rstrip("s")
        if (
            m["joint"].strip() == "-" and not m["lead"] and not m["tail"]
        ) or vocab.COURSE_NOUN.match(norm, m.end()):
            continue  # "a 6-week course", "after a weekend first-aid class": a course's length
        if unit == "hour" or _clause_at(clauses, m.start())[0] in {"lack", "only", "with", "from"}:
            continue
        value = parse_number((m["m"] or m["n"]).replace("half a", "half"))
        if value is None:
            continue
        months = value * vocab.UNIT_MONTHS[unit]
        span = (m.start("n"), m.end("unit"))
        tail = (m["tail"] or "").strip()
        if m["lead"] == "after" and tail in {"as", "in", "leading", "working", "on", "of"}:
            after = norm[m.end() : m.end() + 40]
            if not (tail == "of" and vocab.TRAINING.search(after)):
                # "after 2 years as a supervisor": the experience, and the goal comes then.
                facts.add_experience(months)
            return months, span, "start"
        if m["lead"] == "after" and not tail:
            return months, span, "start"  # "work as a journeyman after 6 months"
        if tail in {"of", "after", "from", "since"} or facts.anchor_kind:
            return months, span, facts.anchor_kind or "done"
        return months, span, None
    ordinal = vocab.ORDINAL_YEAR.search(norm)
    if ordinal and ordinal["ord"] in vocab.ORDINALS and not facts.in_programme:
        months = vocab.ORDINALS[ordinal["ord"]] * vocab.UNIT_MONTHS[ordinal["unit"]]
        return months, (ordinal.start(), ordinal.end()), "start"
    short = vocab.SHORT_SPANS.search(norm)
    if short:
        word = " ".join(short["word"].split())
        days = {"this week": 7.0, "in a week": 7.0, "in one week": 7.0, "in a weekend": 2.0}
        months = days.get(word, 0.5 if "afternoon" in word else 1.0) / vocab.MONTH_DAYS
        if word == "now":
            months = 0.0
        anchor = "done" if word.endswith("after") else None
        return months, (short.start(), short.end()), anchor
    if facts.now or (facts.anchor_kind == "done" and due_months is None):
        return 0.0, None, "done"  # "right after my MSW", "after a 6-week course"
    if due_months is not None:
        return due_months, None, None
    return None, None, None


def _intent(norm: str, target: Mention) -> str:
    lead = norm[max(0, target.start - 60) : target.start]
    named = norm[target.start : target.end]
    tail = norm[target.end : target.end + 30]
    if vocab.START_VERB.search(lead) or vocab.TRAINEE.search(f"{lead[-30:]} {named} {tail[:15]}"):
        return "start"
    if target.exam:
        return "exam"
    if vocab.EXAM_VERB.search(lead) and (
        target.exam
        or target.credential.kind.value == "exam"
        or re.match(r"\s*(?:exam|test|sections?|parts?|levels?|steps?)\b", tail)
    ):
        return "exam"
    if target.programmes and vocab.PROGRAMME_VERB.search(lead):
        return "programme"
    return "earn"


def _pace(norm: str) -> tuple[str | None, float | None]:
    hours = vocab.HOURS.search(norm)
    stated = float(hours["n"]) if hours and 0 < float(hours["n"]) <= 80 else None
    if vocab.PART_TIME.search(norm):
        return PART, stated
    if vocab.WHILE_WORKING.search(norm):
        return WORKING, stated
    if vocab.FULL_TIME.search(norm):
        return FULL, stated
    return None, stated
