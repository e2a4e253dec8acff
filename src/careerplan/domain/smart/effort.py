"""Typical preparation effort for common credentials, degrees, language levels and items.

Figures are hours of study for someone meeting the usual entry requirements, taken at the low
end of the published or commonly reported range (the check then allows a quarter of slack):

- PMP: PMI requires 35 contact hours of project-management education (PMP Handbook);
  candidates commonly report 60-120 further hours of study → 120.
- CAPM: PMI requires 23 contact hours (CAPM Handbook) → 60 with revision.
- AWS: AWS exam guides recommend hands-on experience (about six months for Cloud
  Practitioner, one year for Associate, two for Professional); typical preparation is
  20-40 / 80-120 / 150-200 hours → 30 / 80 / 150.
- CompTIA A+, Network+, Security+: CompTIA recommends prior experience; typical
  preparation 60-100 hours → 80. CISSP: (ISC)² requires five years' experience; 150-250 → 150.
- CPA (US): AICPA-referenced review courses plan 300-400 hours for the four sections → 320.
- CFA: CFA Institute candidate surveys report about 300 hours per level; a candidate sits one
  level at a time, and consecutive levels are in practice at least about six months apart.
- ACCA: ACCA study guidance is of the order of 100-200 hours per exam → 100.
- Scrum Master (PSM I / CSM): the CSM course is 14-16 hours; self-study for PSM I 20-40 → 25.
- ITIL 4 Foundation, PRINCE2 Foundation: two to three day accredited courses (about 18 hours)
  plus revision → 20. PRINCE2 Practitioner → 40.
- Google Data Analytics Professional Certificate: Google states under six months at under ten
  hours a week → 180.
- Degrees (programme lengths): MBA full time 10-24 months, part time two to three years;
  bachelor's three to four years; master's one to two years; PhD three years or more.
- Languages: Cambridge English guided learning hours from zero, cumulative: A1 90, A2 180,
  B1 350, B2 500, C1 700, C2 1000 (low ends of its ranges). For English speakers the US Foreign
  Service Institute's training times (about 600-750 class hours for French or Spanish, 900 for
  German, 1,100 for Russian or Hindi, 2,200 for Arabic, Chinese, Japanese or Korean) give the
  difficulty factors 1, 1.3, 1.6 and 3.
- Top executives: the BLS Occupational Outlook Handbook lists five years or more of work
  experience in a related occupation.
- Per-item estimates (a blog post, an application, a dashboard) are round working figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Effort:
    name: str
    hours: float
    min_weeks: float = 0.0  # calendar time that study hours alone cannot compress
    weeks_between: float = 0.0  # for several of the same (CFA levels)


CREDENTIALS: tuple[tuple[re.Pattern[str], Effort], ...] = (
    (re.compile(r"\bpmp\b"), Effort("PMP", 120)),
    (re.compile(r"\bcapm\b"), Effort("CAPM", 60)),
    (re.compile(r"\baws\b[^.;]{0,40}?\bprofessional\b"), Effort("AWS Professional", 150)),
    (re.compile(r"\baws\b[^.;]{0,40}?\bpractitioner\b"), Effort("AWS Cloud Practitioner", 30)),
    (re.compile(r"\baws\b"), Effort("AWS Associate", 80)),
    (re.compile(r"\b(?:comptia|a\+|network\+|security\+)"), Effort("CompTIA", 80)),
    (re.compile(r"\bcissp\b"), Effort("CISSP", 150)),
    (re.compile(r"\bcpa\b"), Effort("CPA", 320)),
    (re.compile(r"\bcfa\b"), Effort("CFA level", 300, weeks_between=26)),
    (re.compile(r"\bacca\b"), Effort("ACCA exam", 100)),
    (re.compile(r"\b(?:psm|csm|scrum\s+master)\b"), Effort("Scrum Master", 25)),
    (re.compile(r"\bprince2\b[^.;]{0,20}?\bpractitioner\b"), Effort("PRINCE2 Practitioner", 40)),
    (re.compile(r"\b(?:itil|prince2)\b"), Effort("ITIL/PRINCE2 Foundation", 20)),
    (re.compile(r"\bgoogle\s+data\s+analytics\b"), Effort("Google Data Analytics", 180)),
    (re.compile(r"\bmba\b"), Effort("MBA", 0, min_weeks=44)),
    (
        re.compile(r"\b(?:bachelor'?s|undergraduate\s+degree|ba|bsc)\b"),
        Effort("bachelor's", 0, 150),
    ),
    (re.compile(r"\b(?:master'?s|msc|ma)\s+(?:degree|in)\b"), Effort("master's", 0, 44)),
    (re.compile(r"\b(?:phd|doctorate)\b(?![^.;]{0,10}\bdefen)"), Effort("PhD", 0, 150)),
)
PART_TIME = re.compile(
    r"\bpart[-\s]time\b|\bwhile\s+working\b|\balongside\s+(?:my\s+)?(?:job|work)"
)
PART_TIME_MIN_WEEKS = {"MBA": 104.0, "master's": 96.0, "bachelor's": 200.0, "PhD": 200.0}

CEFR_HOURS = {"a1": 90, "a2": 180, "b1": 350, "b2": 500, "c1": 700, "c2": 1000}
LANGUAGE_FACTOR = {
    "french": 1.0, "spanish": 1.0, "italian": 1.0, "portuguese": 1.0, "dutch": 1.0,
    "swedish": 1.0, "norwegian": 1.0, "danish": 1.0, "romanian": 1.0, "german": 1.3,
    "indonesian": 1.3, "malay": 1.3, "swahili": 1.3, "russian": 1.6, "polish": 1.6,
    "hindi": 1.6, "turkish": 1.6, "greek": 1.6, "hebrew": 1.6, "vietnamese": 1.6,
    "arabic": 3.0, "chinese": 3.0, "mandarin": 3.0, "cantonese": 3.0, "japanese": 3.0,
    "korean": 3.0, "english": 1.0,
}  # fmt: skip

PER_ITEM_HOURS = {
    "article": 6, "blog post": 4, "post": 3, "paper": 150, "dashboard": 15, "application": 1,
    "job": 1, "position": 1, "case study": 15, "book": 8, "novel": 8, "workshop": 20,
    "talk": 15, "course": 30, "certification": 80, "competition": 40, "video": 6,
    "podcast": 4, "website": 30, "app": 200,
}  # fmt: skip
