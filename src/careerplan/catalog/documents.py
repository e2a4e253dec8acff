"""Résumés and job postings as sections of items: the headings people use, and the lines under
them. Plain text and Markdown alike ("## Required Skills", "Required Skills:", "SKILLS")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Section kinds, by the words their headings use; the first that matches wins.
KINDS = (
    ("preferred", ("preferred", "nice to have", "bonus", "desired", "a plus")),
    ("experience", ("experience", "employment", "work history", "career history")),
    ("education", ("education", "degree", "academic")),
    ("certifications", ("certification", "licence", "license", "credential")),
    ("skills", ("skill", "competenc", "technolog", "tools", "expertise")),
    ("languages", ("language",)),
    ("requirements", ("require", "qualification", "must have", "what you need", "looking for")),
    ("responsibilities", ("responsibilit", "duties", "what you will do", "what you'll do")),
    ("summary", ("summary", "about", "profile", "objective", "description", "overview")),
    ("title", ("job title", "position", "role")),
    ("personal", ("personal", "contact")),
)  # fmt: skip
HEADING_WORDS = 6  # a heading is short
MARKER = re.compile(r"^\s*(?:[-*•·▪‣◦]|\d{1,2}[.)])\s+")
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*")
JOINING = frozenset({"and", "or", "of", "the", "a", "an", "to", "for", "s", "es", "d", "ed"})
SENTENCE = re.compile(r"\s(?:is|are|was|were|will|must|should|can)\s", re.I)


@dataclass(slots=True)
class Section:
    kind: str  # one of KINDS' names, or "other"
    heading: str
    items: list[str] = field(default_factory=list)


def kind_of(heading: str) -> str | None:
    text = heading.lower().strip(" :#")
    for kind, words in KINDS:
        if any(word in text for word in words):
            return kind
    return None


def _heading(line: str) -> str | None:
    """The heading this line is, if it is one: a Markdown heading, or a short line without a
    list marker or a sentence's full stop that names a known section (or ends with a colon)."""
    if MARKDOWN_HEADING.match(line):
        return MARKDOWN_HEADING.sub("", line).strip(" :") or None
    text = line.strip()
    if not text or MARKER.match(text) or len(text.split()) > HEADING_WORDS or text.endswith("."):
        return None
    if SENTENCE.search(text):  # "Tableau is a plus" is an item, not a "plus" heading
        return None
    if text.endswith(":") or _names_a_section(text):
        return text.rstrip(":").strip()
    if ":" in text and _names_a_section(text.split(":")[0]):
        return text  # "Job Title: Nurse", split into the heading and its item by the caller
    return None


def _names_a_section(text: str) -> bool:
    """Whether a plain line is a section's name: it holds a section word and at most one other
    ("Required Skills", "Work Experience"), not a title that happens to hold one ("Licensed
    Practical Nurse")."""
    kind = kind_of(text)
    if kind is None:
        return False
    rest = text.lower()
    for word in dict(KINDS)[kind]:
        rest = rest.replace(word, " ")
    others = [w for w in re.findall(r"[a-z]+", rest) if w not in JOINING]
    return len(others) <= 1


def sections_of(text: str) -> list[Section]:
    """The text's sections in order; what comes before the first heading is "other"."""
    found = [Section("other", "")]
    for raw in text.replace("\r\n", "\n").split("\n"):
        heading = _heading(raw)
        if heading is not None:
            inline = ""
            if ":" in heading and kind_of(heading.split(":")[0]):
                # "Job Title: .Net Developer": the heading and its one item on one line.
                heading, inline = (part.strip() for part in heading.split(":", 1))
            found.append(Section(kind_of(heading) or "other", heading))
            if inline:
                found[-1].items.append(inline)
            continue
        item = MARKER.sub("", raw).strip()
        if item:
            found[-1].items.append(item)
    return [s for s in found if s.items or s.heading]
