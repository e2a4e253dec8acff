"""How far a job would take a person toward their dream job, and where a posting lands.

The dream job's gap is what it needs (O*NET levels of skills, knowledge and work activities,
weighted by their importance to it) above what today's job gives. A job closes the part of each
gap its own level reaches: `toward` is the share of the whole gap closed, 0-100. Its title says
which occupation a posting is (the catalogue's title search). With "qualified now", it places
the posting in one of four quadrants.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerplan.catalog.documents import sections_of
from careerplan.catalog.search import search_titles
from careerplan.catalog.skills import COMPARED
from careerplan.catalog.store import Catalog, Occupation, resolve

TOWARD = 50  # at or above: the job builds toward the dream job
QUADRANTS = {
    (True, True): "sweet spot: qualified now, and it builds toward the dream job",
    (False, True): "stretch: it builds toward the dream job, once the deal-breakers are closed",
    (True, False): "stepping stone: qualified now, but it does little toward the dream job",
    (False, False): "off path: neither qualified now nor toward the dream job",
}
TITLE_WORDS = 12  # a longer first line is a sentence, not a title


@dataclass(frozen=True, slots=True)
class DreamFit:
    job_code: str
    job_title: str
    toward: int  # 0-100

    def quadrant(self, qualified: bool) -> str:
        return QUADRANTS[(qualified, self.toward >= TOWARD)]


def posting_title(posting: str) -> str:
    """The job's title: under a "Job title" heading, else the posting's first line when it
    comes before any heading and is short enough to be a title."""
    sections = sections_of(posting)
    for section in sections:
        if section.kind == "title" and section.items:
            return section.items[0]
    first = sections[0] if sections else None
    if first is not None and first.kind == "other" and not first.heading and first.items:
        line = first.items[0]
        return line if len(line.split()) <= TITLE_WORDS else ""
    return ""


def toward_dream(
    posting: str, dream_code: str, current_code: str | None, catalog: Catalog | None = None
) -> DreamFit | None:
    """How far the posting's job goes toward the dream job; None when its title names no
    occupation, or when O*NET rates no skills for the dream job (a newer occupation) or
    today's job already reaches them all."""
    cat = resolve(catalog)
    title = posting_title(posting)
    hits = search_titles(title, limit=1, catalog=cat) if title else []
    if not hits:
        return None
    job = cat.occupation(hits[0].code)
    share = gap_closed(job, cat.occupation(dream_code), current_code, cat)
    return None if share is None else DreamFit(job.code, job.title, round(100 * share))


def gap_closed(
    job: Occupation, dream: Occupation, current_code: str | None, cat: Catalog
) -> float | None:
    """The share (0-1) of the dream job's weighted gap above today's job that `job` reaches."""
    elements = cat.elements()
    have = cat.ratings(cat.occupation(current_code)) if current_code else {}
    reach = cat.ratings(job)
    total = closed = 0.0
    for element, (importance, needed) in cat.ratings(dream).items():
        if elements[element].domain not in COMPARED:
            continue
        start = have.get(element, (0.0, 0.0))[1]
        gap = max(0.0, needed - start)
        weight = importance - 1
        total += weight * gap
        closed += weight * max(0.0, min(needed, reach.get(element, (0.0, 0.0))[1]) - start)
    return closed / total if total else None
