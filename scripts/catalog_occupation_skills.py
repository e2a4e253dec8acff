"""The ESCO skills each O*NET occupation asks for, through the ESCO-O*NET crosswalk.

ESCO lists, for each of its occupations, the skills that are essential or optional to it
(`esco/occupation_skill_labels_essential_optional.csv.gz`, by preferred label). Nesta's
crosswalk maps ESCO occupations to O*NET occupations (`esco_onet_crosswalk`), several ESCO
occupations to one O*NET occupation as a rule, in O*NET-SOC 2010 codes: a code the 2019
taxonomy no longer has is found by its title (the 2019 title or an alternate title, else the
title up to its first comma: "software developers, applications" is Software Developers).
An O*NET occupation's ESCO skills are those
essential to at least one ESCO occupation mapped to it, each with its share: the ESCO
occupations mapped there that hold it essential, plus half of those that hold it optional, over
all mapped there. "What a prime candidate has" and the résumé against the dream job read it.

Stored: `occupation_esco_skill` (occupation id, ESCO skill id, share 0-1). Build-time only.
"""

from __future__ import annotations

import csv
import gzip
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

OCCUPATION_SKILLS_SCHEMA = """
CREATE TABLE occupation_esco_skill (occupation_id INTEGER NOT NULL REFERENCES occupation(id),
    skill_id INTEGER NOT NULL REFERENCES esco_skill(id), share REAL NOT NULL,
    PRIMARY KEY (occupation_id, skill_id)) WITHOUT ROWID;
"""
OPTIONAL_WEIGHT = 0.5
DECIMALS = 3


def _by_title(db: sqlite3.Connection, onet: Path) -> dict[str, int]:
    """O*NET occupations (by id) by their 2019 titles, then their alternate titles, folded."""
    ids = {code: ident for ident, code in db.execute("SELECT id, code FROM occupation")}
    found: dict[str, int] = {}
    with (onet / "Alternate Titles.txt").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            ident = ids.get(row["O*NET-SOC Code"])
            if ident is not None:
                found.setdefault(row["Alternate Title"].casefold(), ident)
    for ident, title in db.execute("SELECT id, title FROM occupation ORDER BY id"):
        found[title.casefold()] = ident
    return found


def _mapped(db: sqlite3.Connection, data: Path) -> dict[str, set[int]]:
    """The O*NET occupations (by id) each ESCO occupation URI is mapped to."""
    codes = {code: ident for ident, code in db.execute("SELECT id, code FROM occupation")}
    titles = _by_title(db, data / "onet")
    found: dict[str, set[int]] = defaultdict(set)
    path = data / "esco_onet_crosswalk" / "esco_onet_crosswalk_Nov2020.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            title = row["onet_occupation"].strip().casefold()
            ident = (
                codes.get(row["onet_code"].strip())
                or titles.get(title)
                or titles.get(title.split(",")[0].strip())
            )
            if ident is not None:
                found[row["concept_uri"].strip()].add(ident)
    return found


def build_occupation_skills(db: sqlite3.Connection, data: Path) -> None:
    db.executescript(OCCUPATION_SKILLS_SCHEMA)
    skills: dict[str, int] = {}
    for ident, label in db.execute("SELECT id, label FROM esco_skill ORDER BY id"):
        skills.setdefault(label.casefold(), ident)
    mapped = _mapped(db, data)
    essential: dict[int, Counter[int]] = defaultdict(Counter)
    optional: dict[int, Counter[int]] = defaultdict(Counter)
    sources: dict[int, set[str]] = defaultdict(set)
    path = data / "esco" / "occupation_skill_labels_essential_optional.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            skill = skills.get(row["skillLabel"].strip().casefold())
            uri = row["occupationUri"].strip()
            if skill is None:
                continue
            for occupation in mapped.get(uri, ()):
                sources[occupation].add(uri)
                counts = essential if row["relationType"] == "essential" else optional
                counts[occupation][skill] += 1
    rows = []
    for occupation, held in essential.items():
        total = len(sources[occupation])
        for skill, votes in held.items():
            share = (votes + OPTIONAL_WEIGHT * optional[occupation][skill]) / total
            rows.append((occupation, skill, round(min(1.0, share), DECIMALS)))
    db.executemany("INSERT INTO occupation_esco_skill VALUES (?, ?, ?)", sorted(rows))
