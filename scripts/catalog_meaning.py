"""The catalogue's reading model: what each occupation is about, in the words people use.

One document per occupation, indexed by SQLite's FTS5 with the Porter stemmer; a semantic model
of the documents (catalog_reading_model.py) places a person's own sentences ("I looked after my
brother when he was ill") among the occupations at run time, and the index says which of their
words each document holds. The title column holds what the job is called: O*NET's title,
alternate and reported titles, and the labels of the ESCO occupations the ESCO-O*NET crosswalk
maps to it. The body holds what the job does: O*NET's description, every task statement, the
detailed work activities of those tasks, and the ESCO descriptions. Build-time only.
"""

from __future__ import annotations

import csv
import sqlite3
from collections import defaultdict
from pathlib import Path

from careerplan.catalog.meaning import GENERIC, TOKENIZER, stems
from catalog_reading_model import build_reading_model
from catalog_sources import read_csv, read_tsv

MEANING_SCHEMA = f"""
CREATE VIRTUAL TABLE meaning_fts USING fts5(title, body, content='', tokenize='{TOKENIZER}');
"""


def _esco(esco: Path, crosswalk: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """ESCO labels and descriptions by O*NET-SOC code, through the crosswalk."""
    by_uri: dict[str, tuple[str, str]] = {}
    with (esco / "occupations_en.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            labels = " ; ".join([row["preferredLabel"], *row["altLabels"].splitlines()])
            by_uri[row["conceptUri"]] = (labels, row["description"])
    labels: dict[str, list[str]] = defaultdict(list)
    descriptions: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(crosswalk / "esco_onet_crosswalk_Nov2020.csv"):
        found = by_uri.get(row["concept_uri"])
        if found is not None:
            labels[row["onet_code"]].append(found[0])
            descriptions[row["onet_code"]].append(found[1])
    return labels, descriptions


def build_meaning(db: sqlite3.Connection, data: Path) -> None:
    onet = data / "onet"
    occupations = db.execute("SELECT id, code, title, description FROM occupation ORDER BY id")
    db.executescript(MEANING_SCHEMA)
    titles: dict[str, list[str]] = defaultdict(list)
    for name, column in (
        ("Alternate Titles.txt", "Alternate Title"),
        ("Sample of Reported Titles.txt", "Reported Job Title"),
    ):
        for r in read_tsv(onet / name):
            titles[r["O*NET-SOC Code"]].append(r[column])
    body: dict[str, list[str]] = defaultdict(list)
    dwa_titles = {r["DWA ID"]: r["DWA Title"] for r in read_tsv(onet / "DWA Reference.txt")}
    task_dwas: dict[str, set[str]] = defaultdict(set)
    for r in read_tsv(onet / "Tasks to DWAs.txt"):
        task_dwas[r["O*NET-SOC Code"]].add(dwa_titles[r["DWA ID"]])
    for r in read_tsv(onet / "Task Statements.txt"):
        body[r["O*NET-SOC Code"]].append(r["Task"])
    esco_labels, esco_descriptions = _esco(data / "esco", data / "esco_onet_crosswalk")
    rows = []
    for oid, code, title, description in occupations.fetchall():
        named = [title, *sorted(set(titles[code]) - {title}), *esco_labels.get(code, [])]
        title_text = " ; ".join(named)
        body_text = " ".join(
            [
                description,
                *body[code],
                *sorted(task_dwas[code]),
                *esco_descriptions.get(code, []),
            ]
        )
        rows.append((oid, title_text, body_text))
    db.executemany("INSERT INTO meaning_fts(rowid, title, body) VALUES (?, ?, ?)", rows)
    db.execute("INSERT INTO meaning_fts(meaning_fts) VALUES ('optimize')")
    build_reading_model(db, set(stems(" ".join(sorted(GENERIC)))))
