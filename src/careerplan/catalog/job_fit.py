"""How well a résumé meets a job posting's requirements: "qualified now", with its reasons.

The posting is read as requirements: the items under its requirement, skill, experience,
education and certification headings (must-haves), and under "preferred" or "nice to have"
headings, or that say "is a plus" (nice to have). Each requirement is a skill (a list of skills
in one line is one requirement for each), years of experience in a role, a degree, or a licence
or certificate. The résumé is read line by line, with its jobs and their years (the dates of a
line, "2019 - 2023" or "2019 - present") and its highest degree.

A skill is met when one line of the résumé uses at least half of the requirement's telling
words, or when a short line or an item of a listing line (a skill's name) has most of its
telling words in the requirement, and the résumé names every product or standard the
requirement names ("JIRA", "Perl"). A requirement not met earns part of its weight for the
share of it the résumé shows, so of two résumés that both fall short the closer scores
higher. Words are weighed by how rare they are among ESCO's skill texts, and a word ESCO never
uses, such as a product name, weighs most. An experience requirement is met by the years
in jobs whose titles use the role's words, and a degree by its level. `qualified` is the
weighted share met, where a must-have counts twice; a must-have not met is a deal-breaker and
keeps `qualified` below QUALIFIED.

Measured on RJDB's development rows (bench/job_fit.py, docs/benchmarks.md): the method reads
words, not meaning, so a paraphrase ("Prime physical fitness" for "Excellent physical
fitness") can pass or fail on one word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from careerplan.catalog.documents import Section, sections_of
from careerplan.catalog.meaning import stems
from careerplan.catalog.skill_links import FILLER
from careerplan.catalog.store import Catalog, resolve
from careerplan.domain.errors import InvalidInput
from careerplan.domain.rules import MAX_DOCUMENT

QUALIFIED = 60  # at or above: qualified now; a deal-breaker keeps the score below it
MET = 0.5  # share of a requirement's weighted words one line of the résumé must use
SKILL_NAME_TERMS = 4  # a résumé line this short (in telling words) may be a skill's name
MUST_WEIGHT, NICE_WEIGHT = 2.0, 1.0
# An item of a listing résumé line names a requirement's skill when the requirement uses this
# share of its telling words (a short line of its own, MET): an item beside others is read
# more strictly, as a list holds many near-misses ("Attention to Detail" for "detail-oriented").
NAME_MET = 0.7
PARTIAL = 0.5  # the most a requirement not met can earn, for the part of it the résumé shows
UNKNOWN_IDF = 8.0  # a word ESCO's skill texts never use: as telling as the rarest
MAX_TEXT = MAX_DOCUMENT
# Each requirement is compared with each line: bounded, so that a pasted book cannot stall a
# request. Postings have dozens of requirements and résumés a few hundred lines.
MAX_REQUIREMENTS = 200
MAX_LINES = 1_000
REQUIRING = {"requirements", "skills", "experience", "education", "certifications"}
# Words of requirements that say how much or how well, not what.
_HOW_TEXT = """about after among an any based being both but do does each either ensure etc
    every further given high highly how important including into just key like make many may
    more most much need needed needs new not now only other own per prior proficient
    proficiency really same should so some such than then there these they those through
    under up upon very via was what when where whether which while would demanded desirable
    desired essential expert expertise hands in-depth advanced basic thorough deep working
    great ideal ideally candidate candidates applicant successful capable capability
    competent competency comfortable understand understands familiarity familiar knowledge
    of the and or a to in for with on at by as is are be minimum least year years months
    month experience experienced professional prior previous previously"""
HOW = frozenset(_HOW_TEXT.split()) | FILLER
HOW_TERMS = frozenset(stems(" ".join(sorted(HOW))))
NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
YEARS = re.compile(
    r"(\d{1,2}|" + "|".join(NUMBERS) + r")\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs?)\b", re.I
)
# "as a Carpenter which requires dexterity", "as a baker in a bakery": the role ends where a
# clause about it begins.
ROLE = re.compile(
    r"\b(?:as an?|as the|as)\s+(.+?)(?:[,.;(]|\s(?:is|are|required|preferred|which|who|with|"
    r"for|in|at|where|while|that|dealing|emphasi\w+|focus\w*|including|and\s+\d)\b|$)",
    re.I,
)
SPAN = re.compile(
    r"\b((?:19|20)\d\d)\s*(?:-|–|—|to)\s*((?:19|20)\d\d|present|current|now|today)\b", re.I
)
NICE = re.compile(
    r"\b(?:(?:is|are|would be|will be)\s+)?(?:a plus|a bonus|an advantage|nice to have)\b"
    r"|\b(?:preferred|desirable|ideally)\b",
    re.I,
)
DEGREES = (
    (5, re.compile(r"\b(?:ph\.?\s?d|doctor(?:ate|al)?|md)\b", re.I)),
    (4, re.compile(r"\b(?:master'?s?|m\.?s\.?c?|mba|m\.?a\.?)\b", re.I)),
    (3, re.compile(r"\b(?:bachelor'?s?|b\.?s\.?c?|b\.?a\.?|undergraduate degree)\b", re.I)),
    (2, re.compile(r"\bassociate'?s?\s+degree\b", re.I)),
    (1, re.compile(r"\b(?:high school|ged|secondary school)\b", re.I)),
)  # fmt: skip
POSTSECONDARY = re.compile(
    r"\b(?:college|certificate|diploma|courses?|training program(?:me)?|academy)\b", re.I
)
# A list of skills in one requirement ("Jboss, Linux, and Greenplum") asks for each.
LIST = re.compile(r",\s*(?:and|or)?\s*|;")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")
PROPER = re.compile(r"\b[a-zA-Z]*[A-Z][\w+#]*")
RARE_IDF = 8.0  # a word in this few ESCO skills (or none) names a thing, not a way of working
LICENCE = re.compile(r"\b(?:licen[cs]e[ds]?|certifi(?:ed|cation|cate)|registered)\b", re.I)


@dataclass(frozen=True, slots=True)
class Requirement:
    text: str
    kind: str  # skill, experience, degree or licence
    must: bool
    met: bool
    why: str
    # How much of it the résumé shows (0-1, 1 when met): of two résumés that both fall short,
    # the one that comes closer scores higher.
    share: float = 1.0

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text, "kind": self.kind, "must": self.must, "met": self.met,
            "why": self.why,
        }  # fmt: skip


@dataclass(slots=True)
class Fit:
    qualified: int
    requirements: list[Requirement]
    missing: list[str] = field(default_factory=list)
    deal_breakers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "qualified": self.qualified,
            "requirements": [r.to_dict() for r in self.requirements],
            "missing": self.missing,
            "deal_breakers": self.deal_breakers,
        }


@dataclass(slots=True)
class Resume:
    terms: set[str]
    lines: list[set[str]]  # the terms of each line
    items: list[bool]  # whether each line is an item of a listing line
    jobs: list[tuple[set[str], float]]  # the terms of each job's line, and its years
    degree: int  # the highest level named, 0 when none


def _level(text: str) -> int:
    return max((level for level, pattern in DEGREES if pattern.search(text)), default=0)


def _read_resume(text: str, today: date) -> Resume:
    """The résumé's lines, its dated jobs (a year span's "present" is `today`) and degree."""
    jobs = []
    read = _lines_and_items(text)[:MAX_LINES]
    lines = [set(stems(line)) for line, _ in read]
    items = [item for _, item in read]
    for line in text.splitlines():
        span = SPAN.search(line)
        if span is None:
            continue
        start = int(span.group(1))
        end = today.year if not span.group(2)[0].isdigit() else int(span.group(2))
        title = line[: span.start()] or line[span.end() :]
        jobs.append((set(stems(title)), float(max(0, end - start))))
    education = [i for s in sections_of(text) if s.kind == "education" for i in s.items]
    degree = _level(" ".join(education) or text)
    if not degree and POSTSECONDARY.search(" ".join(education)):
        degree = 1  # a college course or a certificate: past school, whatever it is called
    return Resume(set(stems(text)), lines, items, jobs, degree)


def _lines_and_items(text: str) -> list[tuple[str, bool]]:
    """The résumé's lines, and the items of each line that lists ("Python, SQL, Tableau"), each
    with whether it is such an item: an item of a list is a skill's name, as a short line is."""
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        found.append((line, False))
        items = [item for item in LIST.split(line) if item.strip()]
        if len(items) > 1:
            found += [(item, True) for item in items]
    return found


def _weighed(words: str, idf: Callable[[list[str]], dict[str, float]]) -> dict[str, float]:
    """The telling terms of `words` and how much each tells."""
    found = (w.strip(".") for w in re.findall(r"[\w+#.]+", words.lower()))
    kept = " ".join(w for w in found if w and w not in HOW)
    terms = [t for t in stems(kept) if not t.isdigit()]
    return idf(terms)


def _requirements(posting: str) -> list[tuple[str, str, bool]]:
    """(text, kind of section, must) for each requirement of the posting."""
    sections: list[Section] = sections_of(posting)
    found = []
    for section in sections:
        if section.kind not in REQUIRING | {"preferred"}:
            continue
        for item in section.items:
            must = section.kind != "preferred" and not NICE.search(item)
            found.append((item, section.kind, must))
    return found


def fit(posting: str, resume: str, today: date, catalog: Catalog | None = None) -> Fit:
    """How well `resume` meets the requirements of `posting`."""
    if not posting.strip():
        raise InvalidInput("The posting is empty: paste the job posting's text.")
    if not resume.strip():
        raise InvalidInput("The résumé is empty: give its text.")
    cat = resolve(catalog)
    idf = _idf_lookup(cat)
    person = _read_resume(resume[:MAX_TEXT], today)
    names = [
        _name_weights(line, idf, NAME_MET if item else MET)
        for line, item in zip(person.lines, person.items, strict=True)
    ]
    judged = [
        _judge(text, kind, must, person, names, idf)
        for text, kind, must in _requirements(posting[:MAX_TEXT])[:MAX_REQUIREMENTS]
    ]
    if not judged:
        raise InvalidInput(
            "No requirements were found in the posting: put them under a heading such as "
            "“Requirements”, “Required Skills” or “Qualifications”, one a line."
        )
    weights = [MUST_WEIGHT if r.must else NICE_WEIGHT for r in judged]
    credit = [1.0 if r.met else PARTIAL * r.share for r in judged]
    score = 100 * sum(w * c for w, c in zip(weights, credit, strict=True)) / sum(weights)
    deal_breakers = [r.text for r in judged if r.must and not r.met]
    if deal_breakers:
        # Scaled, not capped, below QUALIFIED: of two résumés that both miss a must-have, the
        # one that meets more of the rest still scores higher.
        score *= (QUALIFIED - 1) / 100
    missing = [r.why for r in judged if not r.met]
    return Fit(round(score), judged, missing, deal_breakers)


def _judge(
    text: str, kind: str, must: bool, person: Resume, names: list[tuple[dict[str, float], float]],
    idf: Callable[[list[str]], dict[str, float]],
) -> Requirement:  # fmt: skip
    years = YEARS.search(text)
    role = ROLE.search(text)
    if years is not None or (kind == "experience" and role is not None):
        return _experience(text, must, person, idf, years, role)
    level = _level(text)
    if (level and re.search(r"\bdegree\b|\bdiploma\b", text, re.I)) or kind == "education":
        met = person.degree >= level if level else True
        return Requirement(
            text, "degree", must, met, "" if met else f"a degree: {text}", float(met)
        )
    lacking = []
    shares = []
    for part in _parts(text, idf):
        weighed = _weighed(part, idf)
        if not weighed:
            continue
        unnamed = _named_things(part, idf) - person.terms
        said = any(
            _says(weighed, line, name) for line, name in zip(person.lines, names, strict=True)
        )
        if said and not unnamed:
            shares.append(1.0)
            continue
        # What is missing: the things the résumé never names, when that is all; else the part.
        lacking.append(_words_for(unnamed, part) if said else part)
        shares.append(max((_used(weighed, line) for line in person.lines), default=0.0))
    kind = "licence" if LICENCE.search(text) else "skill"
    share = sum(shares) / len(shares) if shares else 1.0
    return Requirement(text, kind, must, not lacking, ", ".join(lacking), share)


def _parts(text: str, idf: Callable[[list[str]], dict[str, float]]) -> list[str]:
    """What a requirement asks for: "Skill name: how it is used" asks for the name; a list
    ("Jboss, Linux, and Greenplum") asks for each of its items."""
    head = text.split(":")[0] if ":" in text and len(text.split(":")[0]) < 60 else text
    head = NICE.sub(" ", head)  # "Tableau is a plus" asks for Tableau
    parts = [p.strip(" .") for p in LIST.split(head)]
    kept = [p for p in parts if p and _weighed(p, idf)]
    return kept or [head.strip(" .")]


def _says(
    requirement: dict[str, float], line: set[str], named: tuple[dict[str, float], float]
) -> bool:
    """Whether one line of the résumé says what the requirement asks: it uses most of the
    requirement's telling words, or it is a short skill name (`name`: its telling words,
    weighed, when it has few) whose words the requirement uses ("Physical Strength and Stamina"
    in "High physical stamina and strength to lift 50 lb"). One line, because "time" in one job
    and "management" in another are not time management."""
    if _used(requirement, line) >= MET:
        return True
    name, share = named
    return (
        bool(name)
        and sum(w for t, w in name.items() if t in requirement) / sum(name.values()) >= share
    )


def _named_things(text: str, idf: Callable[[list[str]], dict[str, float]]) -> set[str]:
    """The products, languages and standards a requirement names: acronyms ("JIRA", "SSRS"),
    and capitalised words past its first that few ESCO skills use ("Perl", "Visio"). Each is
    asked for by name, so a résumé that never names it does not meet the requirement, however
    many of its other words it uses."""
    found = {t for word in ACRONYM.findall(text) for t in stems(word)}
    capitals = [w for w in PROPER.findall(text)[1:] if w.lower() not in HOW]
    rare = idf([t for word in capitals for t in stems(word)])
    return found | {t for t, weight in rare.items() if weight >= RARE_IDF}


def _words_for(terms: set[str], text: str) -> str:
    """The words of `text` whose stems are `terms`, as written ("AngularJS, Perl")."""
    found = (w.strip(".,;:()") for w in text.split())
    return ", ".join(dict.fromkeys(w for w in found if w and set(stems(w)) & terms))


def _used(requirement: dict[str, float], line: set[str]) -> float:
    """The weighted share of the requirement's telling words that the line uses."""
    return sum(w for t, w in requirement.items() if t in line) / sum(requirement.values())


def _name_weights(
    line: set[str], idf: Callable[[list[str]], dict[str, float]], share: float
) -> tuple[dict[str, float], float]:
    """A short line's telling words, weighed (it may be a skill's name), and the share of them
    a requirement must use to be named by it."""
    telling = [t for t in line if t not in HOW_TERMS]
    return (idf(telling) if 0 < len(telling) <= SKILL_NAME_TERMS else {}), share


def _experience(
    text: str, must: bool, person: Resume, idf: Callable[[list[str]], dict[str, float]],
    years: re.Match[str] | None, role: re.Match[str] | None,
) -> Requirement:  # fmt: skip
    """Years in jobs whose titles use most of the role's telling words (any job, when the
    requirement names no role); without dated jobs, the résumé's words alone."""
    wanted = float(_number(years.group(1))) if years else 0.0
    weighed = _weighed(role.group(1) if role else YEARS.sub(" ", text), idf)

    def names_the_role(terms: set[str]) -> bool:
        share = sum(w for t, w in weighed.items() if t in terms) / sum(weighed.values())
        return share >= MET

    if not person.jobs:
        held = None
        met = not weighed or names_the_role(person.terms)
    elif role is None:
        # "2 years of experience in a hospital": a setting or a field, not a job title; the
        # résumé's words say whether its jobs were there, and all their years count.
        matched = not weighed or names_the_role(person.terms)
        held = sum(spent for _, spent in person.jobs) if matched else 0.0
        met = matched and held >= wanted
    else:
        held = sum(spent for terms, spent in person.jobs if not weighed or names_the_role(terms))
        matched = not weighed or any(names_the_role(terms) for terms, _ in person.jobs)
        met = matched and held >= wanted
    share = 1.0 if met else _years_share(held, wanted)
    shown = role.group(1).strip() if role else text
    why = shown
    if years is not None:
        unit = "year" if wanted == 1 else "years"
        shows = "" if held is None else f" (the résumé shows {held:.0f})"
        # Without a role the requirement is quoted as written: "1 year of experience in a
        # hospital", never "1 year as 1 year of experience...".
        why = (f"{wanted:.0f} {unit} as {shown}" if role else text) + shows
    return Requirement(text, "experience", must, met, "" if met else why, share)


def _years_share(held: float | None, wanted: float) -> float:
    """How much of the experience asked for the résumé shows: its years, as a share."""
    if held is None or wanted <= 0:
        return 0.0
    return min(1.0, held / wanted)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS.index(word.lower()) + 1


def _idf_lookup(cat: Catalog) -> Callable[[list[str]], dict[str, float]]:
    """How telling each term is, looked up once per fit: the same words come back for every
    requirement and every line."""
    known: dict[str, float] = {}

    def look(terms: list[str]) -> dict[str, float]:
        unique = list(dict.fromkeys(terms))
        asked = [t for t in unique if t not in known]
        if asked:
            marks = ",".join("?" * len(asked))
            rows = cat.query(
                f"SELECT key, idf FROM skill_word WHERE key IN ({marks})", tuple(asked)
            )
            known.update({t: UNKNOWN_IDF for t in asked} | dict(rows))
        return {t: known[t] for t in unique}

    return look
