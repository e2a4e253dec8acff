"""How long a credential's programmes take for a person, and how sentences name them.

The facts come from the curated records (`domain.credentials`): each programme's full-time and
part-time lengths and weekly load, the education it asks for and awards, the experience the
credential asks for and the record's own description of when it comes. The rules that judge a
goal's time (`durations`) read the records only through these functions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from careerplan.domain.credentials import Credential, Programme
from careerplan.domain.education import Education
from careerplan.domain.smart.credential_reading import FULL, PART

FULL_TIME_HOURS = 35.0  # a full-time student's week, whatever a programme's own load
WORKING_HOURS = 20.0  # what study can take alongside a job, at most
DEFAULT_HOURS = 10.0

# Months of full-time study from a high-school diploma to each level, at the short end of the
# usual range (BLS Occupational Outlook Handbook: associate's about 2 years, bachelor's about
# 4, a master's 1-2 more, a doctorate several more), so a failure never rests on a long guess.
_LADDER = {
    Education.NONE: 0.0,
    Education.HIGH_SCHOOL: 0.0,
    Education.SOME_COLLEGE: 12.0,
    Education.CERTIFICATE: 12.0,
    Education.ASSOCIATE: 24.0,
    Education.BACHELOR: 48.0,
    Education.MASTER: 60.0,
    Education.DOCTORAL: 84.0,
}
LEVELS = {level.value: level for level in Education}
TRAINING_AWARDS = {"training", "none", "apprenticeship"}
# Experience the credential asks for: before admission to its programme, after it, or
# alongside work (the default, from the record's own description of it).
_BEFORE = re.compile(
    r"before\s+admission|before\s+licen[cs]e\s+training|require\s+or\s+prefer"
    r"|programmes?\s+(?:commonly\s+|usually\s+)?(?:require|expect|prefer)"
)
_AFTER = re.compile(r"\bafter\b|\bpost-|residency|fellowship|before\s+a\s+full\s+licen")
_MIN_AGE = re.compile(r"\b(?:minimum\s+)?age\s+(?P<n>\d{2})\b", re.IGNORECASE)
_MAX_AGE = re.compile(r"\bbefore\s+age\s+(?P<n>\d{2})\b", re.IGNORECASE)


@lru_cache(maxsize=512)
def experience_phase(credential: Credential) -> str:
    """When the credential's experience comes: "before" its programme, "after" it, or
    "alongside" (work that a course runs beside), from the record's description of it."""
    text = credential.experience
    if _BEFORE.search(text):
        return "before"
    if _AFTER.search(text):
        return "after"
    return "alongside"


@lru_cache(maxsize=512)
def age_limits(credential: Credential) -> tuple[float | None, float | None]:
    """The youngest and the oldest a person may start, from the record's prerequisites."""
    low = high = None
    for item in credential.prerequisites:
        older = _MAX_AGE.search(item)
        if older:
            high = float(older["n"])
            continue
        young = _MIN_AGE.search(item)
        if young and low is None:
            low = float(young["n"])
    return low, high


def least_education(credential: Credential, named: tuple[int, ...] = ()) -> Education | None:
    """The least education any route to the credential leaves a person with, or that the
    record says it asks for ("A graduate degree (required for exam eligibility...)")."""
    programmes = [credential.programmes[i] for i in named] or list(credential.programmes)
    levels = []
    for programme in programmes:
        award = level_of(programme)
        levels.append(max(programme.requires, award, key=lambda e: e.rank) if award else
                      programme.requires)  # fmt: skip
    least = min(levels, key=lambda e: e.rank) if levels else None
    stated = stated_education(credential)
    if stated is not None and (least is None or stated.rank > least.rank):
        return stated
    return least


_STATED = (
    (Education.MASTER, re.compile(r"^(?:a\s+)?(?:graduate\s+degree|master'?s\b)", re.I)),
    (Education.BACHELOR, re.compile(r"^(?:a\s+)?bachelor'?s(?:\s+degree)?\b", re.I)),
)


@lru_cache(maxsize=512)
def stated_education(credential: Credential) -> Education | None:
    """The degree a record's prerequisites or its own name (a degree's) say it asks for."""
    texts = list(credential.prerequisites)
    if credential.kind.value == "degree":
        texts.insert(0, credential.name)
    for text in texts:
        for level, pattern in _STATED:
            if pattern.search(text.strip()):
                return level
    return None


def months_at(programme: Programme, hours: float, pace: str | None) -> tuple[float, bool]:
    """Months the programme takes at `hours` a week, and whether those hours carry it (False:
    they carry neither form, so the slower form is assumed)."""
    full = programme.full_time_months
    part = programme.part_time_months
    if pace == FULL or programme.award == "none":
        return full, True  # "none": experience on the job, which the job's hours carry
    if pace == PART:
        return (part or full), True
    load = min(programme.hours_per_week_full_time, FULL_TIME_HOURS)
    if hours >= 0.9 * load:
        return full, True
    if part and hours >= 0.9 * min(programme.part_time_hours, load):
        return part, True
    if programme.award in TRAINING_AWARDS and programme.award != "apprenticeship":
        return max(full, full * load / max(hours, 1.0)), True  # self-paced: it stretches
    # Hours below even the part-time load: the same study hours, spread thinner (a course a
    # term), so never sooner than the part-time form.
    return max(part or full, full * load / max(hours, 1.0)), False


def say_months(months: float) -> str:
    """4 → "4 months", 42 → "3.5 years", 0.5 → "2 weeks", 0.1 → "3 days"."""
    if months < 0.25:
        days = max(1, round(months * 30.44))
        return "a day" if days == 1 else f"{days} days"
    if months < 2:
        weeks = max(1, round(months * 4.345))
        return "a week" if weeks == 1 else f"{weeks} weeks"
    if months >= 60:  # past five years, months are false precision: half years
        return f"{round(months / 6) / 2:g} years"
    if months < 24 or months % 6:
        rounded = round(months)
        return f"{rounded} months"
    years = months / 12
    return f"{years:g} years"


def label(programme: Programme, capital: bool = False) -> str:
    """ "Bachelor of Science in Nursing (BSN)" → "a BSN"; "Accelerated BSN (ABSN)" → "an
    accelerated BSN"; "Master of Social Work (MSW)" → "an MSW"."""
    name = programme.name
    found = re.search(r"\(([^()]+)\)", name)
    plain = re.sub(r"\s*\([^()]*\)", "", name).strip()
    abbreviation = found[1] if found and re.fullmatch(r"[A-Za-z/&-]{2,8}", found[1]) else None
    words = plain.split()
    if abbreviation and len(words) > 2:
        text = abbreviation
    else:
        text = plain if _is_acronym(words[0]) else plain[:1].lower() + plain[1:]
    label = f"{_article(text)} {text}"
    return label[:1].upper() + label[1:] if capital else label


def _is_acronym(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2 or any(ch.isdigit() for ch in word)


def _article(text: str) -> str:
    first = text.split()[0] if text.split() else text
    if _is_acronym(first):
        return "an" if first[0].upper() in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeiou" and not first.lower().startswith("uni") else "a"


def short_name(credential: Credential, exam: bool = False) -> str:
    """The record's name (or its exam's) as a sentence says it: "the NCLEX-RN", "the
    physician licence", "the LPN/LVN licence" (an abbreviation for a long name)."""
    if exam and credential.exam is not None:
        first = re.split(r"\s*[(;,]|\s+or\s+", credential.exam.name)[0].strip()
        return f"the {first}"
    name = credential.name
    plain = re.sub(r"\s*\([^()]*\)", "", name).strip()
    found = re.search(r"\(([^()]+)\)", name)
    words = plain.split()
    if len(words) > 4 and found and re.fullmatch(r"[A-Za-z/&-]{2,12}", found[1]):
        kind = words[-1] if words[-1].lower() in _KIND_WORDS else ""
        return f"the {found[1]} {kind}".strip()
    proper = len(words) > 1 and all(word[:1].isupper() for word in words)
    if _is_acronym(words[0]) or proper:
        return plain if _is_acronym(words[0]) else f"the {plain}"
    return f"the {plain[:1].lower()}{plain[1:]}"


_KIND_WORDS = {"licence", "certification", "credential", "registration", "certificate"}


def usual(programmes: list[Programme]) -> Programme:
    """The programme most people start from: no credential first, the least education, the
    shortest."""
    return min(
        programmes,
        key=lambda p: (p.requires_credential is not None, p.requires.rank, p.full_time_months),
    )


_PREP = re.compile(r"\b(?:review|prep|preparation|self-study|study\s+guide)\b", re.IGNORECASE)


def is_prep(programme: Programme, credential: Credential) -> bool:
    """A course that prepares for an exam rather than a programme that qualifies for it."""
    if programme.award not in {"training", "none"}:
        return False
    return credential.kind.value == "exam" or bool(_PREP.search(programme.name))


_GENERIC_NAME_WORDS = frozenset(
    [
        "programme",
        "program",
        "degree",
        "training",
        "course",
        "certificate",
        "school",
        "the",
        "of",
        "in",
        "and",
        "for",
        "with",
        "plus",
        "then",
        "after",
        "residency",
        "full",
        "part",
        "time",
        "year",
        "years",
        "study",
        "studies",
    ]
)


def name_words(programme: Programme) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z'-]{2,}", programme.name.lower())
    return frozenset(words) - _GENERIC_NAME_WORDS


def education_gap(
    programme: Programme, education: Education | None, floor: Education | None = None
) -> float | None:
    """Months of study before the programme's entry level; None when not known. `floor` is
    the least the person's credentials imply, which can only settle that none is needed."""
    if education is None:
        return 0.0 if floor is not None and floor.rank >= programme.requires.rank else None
    if education.rank >= programme.requires.rank:
        return 0.0
    return max(0.0, _LADDER[programme.requires] - _LADDER[education])


def level_of(programme: Programme) -> Education | None:
    if programme.award == "certificate":
        return Education.CERTIFICATE
    return LEVELS.get(programme.award)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
