"""A résumé's text read into sections, and the ESCO skills it shows, each with its line.

A skill is shown when a line names it (its ESCO label as a phrase, anywhere in the résumé; a
one- or two-letter name such as R only inside a skills section), or when an item of a skills
section describes it clearly enough that it is the item's best link ("Built dashboards to
track sales" is a line; "Data visualisation" under Skills links to "present data visually").
"""

from __future__ import annotations

from dataclasses import dataclass

from careerplan.catalog.documents import Section, sections_of
from careerplan.catalog.skill_links import URI_PREFIX, link_skills, named_skills
from careerplan.catalog.store import Catalog, resolve
from careerplan.domain.errors import InvalidInput

CLEAR_LINK = 0.45  # the best link's score (0-1) for a skills item that names no label
MAX_ITEMS = 60  # skills items linked; a longer list is a keyword dump, named labels still count


@dataclass(frozen=True, slots=True)
class ShownSkill:
    label: str
    uri: str
    line: str
    section: str  # the heading the line is under ("" before the first heading)

    def to_dict(self) -> dict[str, str]:
        return {"label": self.label, "uri": self.uri, "line": self.line, "section": self.section}


@dataclass(frozen=True, slots=True)
class ResumeReading:
    sections: list[Section]
    skills: list[ShownSkill]

    def to_dict(self) -> dict[str, object]:
        return {
            "sections": [
                {"kind": s.kind, "heading": s.heading, "items": s.items} for s in self.sections
            ],
            "skills": [s.to_dict() for s in self.skills],
        }


def read_resume(text: str, catalog: Catalog | None = None) -> ResumeReading:
    if not text.strip():
        raise InvalidInput("The résumé is empty.")
    cat = resolve(catalog)
    sections = sections_of(text)
    shown: dict[int, ShownSkill] = {}
    linked = 0
    for section in sections:
        in_skills = section.kind == "skills"
        for item in section.items:
            for sid in named_skills(item, cat, short=in_skills):
                if sid not in shown:
                    shown[sid] = _shown(sid, item, section, cat)
            if in_skills and linked < MAX_ITEMS:
                linked += 1
                best = link_skills(item, 1, cat)
                if best and best[0].score >= CLEAR_LINK:
                    found = _id_of(best[0].uri, cat)
                    if found is not None and found not in shown:
                        shown[found] = ShownSkill(best[0].label, best[0].uri, item, section.heading)
    return ResumeReading(sections, list(shown.values()))


def _shown(sid: int, line: str, section: Section, cat: Catalog) -> ShownSkill:
    label, uri = cat.query("SELECT label, uri FROM esco_skill WHERE id = ?", (sid,))[0]
    return ShownSkill(label, URI_PREFIX + uri, line, section.heading)


def _id_of(uri: str, cat: Catalog) -> int | None:
    rows = cat.query("SELECT id FROM esco_skill WHERE uri = ?", (uri.removeprefix(URI_PREFIX),))
    return rows[0][0] if rows else None
