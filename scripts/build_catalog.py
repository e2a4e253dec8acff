"""Build the occupation catalogue shipped inside the package from the public data folder.

    python scripts/build_catalog.py [DATA_DIR] [--output PATH] [--check]

DATA_DIR defaults to ``../shared/data`` relative to the repository root. ``--check`` builds into a
temporary file and proves that its content equals the shipped file (exit code 1 when it does not).
The entry gates come from the project's own curated table, ``scripts/data/credentials.json``; the
build refuses a record that does not parse or names an occupation or credential that does not exist.

Build-time only: reads the BLS workbooks with openpyxl, which the runtime package never imports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # the gap along related edges uses the runtime formula
from careerplan.catalog.skills import weighted_gap  # noqa: E402
from careerplan.catalog.store import GAP_SCALE  # noqa: E402
from catalog_meaning import build_meaning  # noqa: E402
from catalog_occupation_skills import build_occupation_skills  # noqa: E402
from catalog_schema import NOTICES, SCHEMA  # noqa: E402
from catalog_skills import build_skills  # noqa: E402
from catalog_sources import (  # noqa: E402
    CREDENTIALS,
    checked_credentials,
    entry_soc,
    modal_category,
    norm_title,
    number,
    read_csv,
    read_tsv,
    scaled,
    shares_text,
    sheet_rows,
    short_category,
)

DEFAULT_DATA = REPO.parent / "shared" / "data"
SHIPPED = REPO / "src" / "careerplan" / "catalog" / "data" / "catalog.sqlite3"
SCHEMA_VERSION = "9"
TASKS_PER_OCCUPATION = 12
TECH_PER_OCCUPATION = 20
RIASEC = "RIASEC"
RIASEC_IDS = {"1.B.1.a": "R", "1.B.1.b": "I", "1.B.1.c": "A", "1.B.1.d": "S", "1.B.1.e": "E"}
RIASEC_IDS["1.B.1.f"] = "C"

TITLE_KINDS = {"title": 0, "reported": 1, "alternate": 2, "short": 3}
DOMAINS = {"Skills": "S", "Knowledge": "K", "Abilities": "A", "Work Activities": "W"}
TIERS = {"Primary-Short": 1, "Primary-Long": 2, "Supplemental": 3}
PREPARATION_SCALES = ("RL", "RW")  # Required Level of Education, Related Work Experience
SOC = re.compile(r"\d\d-\d{4}")


class Builder:
    def __init__(self, data: Path, db: sqlite3.Connection, credentials: Path = CREDENTIALS) -> None:
        self.onet = data / "onet"
        self.bls = data / "bls"
        self.ip = data / "onet_interest_profiler"
        self.projections_folder = self.bls / "employment_projections_2024_34"
        self.credentials_file = credentials
        self.db = db
        self.ids: dict[str, int] = {}

    def run(self) -> None:
        self.db.executescript(SCHEMA)
        self.meta()
        self.occupations()
        self.titles()
        self.tasks()
        self.technology()
        self.ratings()
        self.related()
        self.credentials()
        self.reference()
        build_meaning(self.db, self.onet.parent)
        build_skills(self.db, self.onet.parent)
        build_occupation_skills(self.db, self.onet.parent)
        self.db.execute("INSERT INTO title_fts(title_fts) VALUES ('rebuild')")
        self.db.execute("INSERT INTO title_fts(title_fts) VALUES ('optimize')")

    def meta(self) -> None:
        rows = [
            ("schema_version", SCHEMA_VERSION),
            (
                "onet_release",
                "30.1 (skills and knowledge 29.2, abilities and work activities 30.0)",
            ),
            ("bls_wages", "OEWS May 2025"),
            ("bls_projections", "2024-34"),
        ]
        self.db.executemany("INSERT INTO meta VALUES (?, ?)", rows)
        self.db.executemany("INSERT INTO notice VALUES (?, ?)", sorted(NOTICES.items()))

    def occupations(self) -> None:
        zones = {
            r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in read_tsv(self.onet / "Job Zones.txt")
        }
        interests: dict[str, dict[str, int]] = defaultdict(dict)
        high: dict[str, list[str]] = defaultdict(list)
        for r in read_tsv(self.onet / "Interests.txt"):
            if r["Scale ID"] == "OI":
                interests[r["O*NET-SOC Code"]][RIASEC_IDS[r["Element ID"]]] = scaled(
                    r["Data Value"]
                )
        for r in read_tsv(self.onet / "Interests.txt"):
            if r["Scale ID"] == "IH" and float(r["Data Value"]) > 0:
                high[r["O*NET-SOC Code"]].append(RIASEC[int(float(r["Data Value"])) - 1])
        preparation = self.onet_preparation()
        wages = self.wages()
        projections = self.projections()
        entry, attainment = self.entry_requirements()
        occupations = list(read_tsv(self.onet / "Occupation Data.txt"))
        onet_titles: dict[str, list[str]] = defaultdict(list)
        for r in occupations:
            onet_titles[r["O*NET-SOC Code"][:7]].append(r["Title"])
        published = {soc: title or "" for soc, (title, *_) in entry.items()}
        for n, r in enumerate(occupations, start=1):
            code = r["O*NET-SOC Code"]
            self.ids[code] = n
            oi = interests.get(code, {})
            wage_soc, wage = self.lookup(code, wages)
            proj_soc, proj = self.lookup(code, projections)
            entry_code = entry_soc(code, published, onet_titles)
            _, education, experience, training = entry.get(entry_code or "", (None,) * 4)
            (rl, rl_shares), (rw, rw_shares) = preparation.get(code, [(None, None)] * 2)
            self.db.execute(
                "INSERT INTO occupation VALUES (" + ",".join("?" * 34) + ")",
                (
                    n, code, r["Title"], r["Description"], zones.get(code),
                    *(oi.get(letter) for letter in RIASEC),
                    "".join(high.get(code, [])) or None,
                    education, experience, training, entry_code, rl, rw, rl_shares, rw_shares,
                    attainment.get(entry_code or ""),
                    *(wage.get(k) for k in ("p10", "p25", "median", "p75", "p90", "hourly")),
                    wage_soc, wage.get("employment"),
                    proj.get("emp2024"), proj.get("emp2034"), proj.get("change"),
                    proj.get("openings"), proj_soc,
                ),
            )  # fmt: skip

    @staticmethod
    def lookup(
        code: str, table: dict[str, dict[str, object]]
    ) -> tuple[str | None, dict[str, object]]:
        """Detailed SOC first, then its broad group (XX-XXX0) when BLS publishes only that."""
        for soc in (code[:7], code[:6] + "0"):
            if soc in table:
                return soc, table[soc]
        return None, {}

    def onet_preparation(self) -> dict[str, list[tuple[str | None, str | None]]]:
        """Per O*NET code and scale (RL education, then RW related experience): the modal
        category's label and the share of incumbents in every category (labels: `category`)."""
        labels: dict[str, dict[int, str]] = defaultdict(dict)
        for r in read_tsv(self.onet / "Education, Training, and Experience Categories.txt"):
            if r["Scale ID"] in PREPARATION_SCALES:
                labels[r["Scale ID"]][int(r["Category"])] = short_category(
                    r["Category Description"]
                )
        self.db.executemany(
            "INSERT INTO category VALUES (?, ?, ?)",
            sorted(
                (scale, n, label) for scale, found in labels.items() for n, label in found.items()
            ),
        )
        values: dict[str, dict[str, list[tuple[int, float]]]] = defaultdict(dict)
        for r in read_tsv(self.onet / "Education, Training, and Experience.txt"):
            if r["Scale ID"] in PREPARATION_SCALES:
                rows = values[r["O*NET-SOC Code"]].setdefault(r["Scale ID"], [])
                rows.append((int(r["Category"]), float(r["Data Value"])))
        return {
            code: [
                (modal_category(rows, labels[s]), shares_text(rows, sorted(labels[s])))
                if (rows := scales.get(s))
                else (None, None)
                for s in PREPARATION_SCALES
            ]
            for code, scales in values.items()
        }

    def wages(self) -> dict[str, dict[str, object]]:
        result: dict[str, dict[str, object]] = {}
        for r in read_csv(self.bls / "oews_may2025_national.csv"):
            capped = r["footnote: Annual 90th percentile wage"] == "5"

            def annual(column: str, r: dict[str, str] = r) -> int | None:
                value = number(r[f"Annual {column} wage"])
                if value is None and r[f"footnote: Annual {column} wage"] == "5":
                    return 239200  # BLS publishes "at or above $239,200" as a footnote only
                return None if value is None else int(value)

            result[r["SOC Code"]] = {
                "p10": annual("10th percentile"), "p25": annual("25th percentile"),
                "median": annual("median"), "p75": annual("75th percentile"),
                "p90": annual("90th percentile"), "hourly": number(r["Hourly median wage"]),
                "employment": number(r["Employment"]), "capped": capped,
            }  # fmt: skip
        return result

    def projections(self) -> dict[str, dict[str, object]]:
        """Employment and openings per matrix code (table 1.2, broad groups included)."""
        result: dict[str, dict[str, object]] = {}
        for row in sheet_rows(self.projections_folder / "occupation.xlsx", "Table 1.2"):
            if len(row) < 15 or not isinstance(row[1], str) or not SOC.fullmatch(row[1]):
                continue

            def thousands(value: object) -> int | None:
                return round(float(value) * 1000) if isinstance(value, int | float) else None

            result[row[1]] = {
                "emp2024": thousands(row[3]), "emp2034": thousands(row[4]),
                "change": float(row[8]) if isinstance(row[8], int | float) else None,
                "openings": thousands(row[10]),
            }  # fmt: skip
        return result

    def entry_requirements(self) -> tuple[dict[str, tuple[str | None, ...]], dict[str, str]]:
        """Per matrix code: (title, typical entry education, related work experience, typical
        on-the-job training) from table 5.4, and the attainment shares of table 5.3."""
        workbook = self.projections_folder / "education.xlsx"

        def text(value: object) -> str | None:
            return None if value in (None, "—", "") else str(value)

        entry = {
            row[1]: tuple(text(value) for value in (row[0], *row[2:5]))
            for row in sheet_rows(workbook, "Table 5.4")
            if len(row) >= 5 and isinstance(row[1], str) and SOC.fullmatch(row[1])
        }
        attainment: dict[str, str] = {}
        for row in sheet_rows(workbook, "Table 5.3"):
            if len(row) >= 9 and isinstance(row[1], str) and SOC.fullmatch(row[1]):
                shares = [f"{float(v):.1f}" if isinstance(v, int | float) else "" for v in row[2:9]]
                attainment[row[1]] = ",".join(shares)
        return entry, attainment

    def titles(self) -> None:
        rows: set[tuple[int, str, int]] = set()
        for r in read_tsv(self.onet / "Occupation Data.txt"):
            rows.add((self.ids[r["O*NET-SOC Code"]], r["Title"], TITLE_KINDS["title"]))
        for r in read_tsv(self.onet / "Sample of Reported Titles.txt"):
            rows.add((self.ids[r["O*NET-SOC Code"]], r["Reported Job Title"], 1))
        for r in read_tsv(self.onet / "Alternate Titles.txt"):
            occupation = self.ids[r["O*NET-SOC Code"]]
            rows.add((occupation, r["Alternate Title"], TITLE_KINDS["alternate"]))
            if r["Short Title"] not in ("n/a", ""):
                rows.add((occupation, r["Short Title"], TITLE_KINDS["short"]))
        best: dict[tuple[int, str], tuple[int, str, int]] = {}
        for occupation, text, kind in sorted(rows):
            key = (occupation, norm_title(text))
            if key[1] and (key not in best or kind < best[key][2]):
                best[key] = (occupation, text, kind)
        # Shortest titles first: the full-text index returns rows in this order, so a one-word
        # query can stop at its first rows instead of ranking thousands (see catalog.search).
        titles = sorted(
            ((o, t, k, norm_title(t)) for o, t, k in best.values()),
            key=lambda row: (len(row[3].split()), row[3], row[0], row[2], row[1]),
        )
        self.db.executemany("INSERT INTO title VALUES (?, ?, ?, ?)", titles)
        counts: Counter[str] = Counter()
        for *_, norm in titles:
            counts.update(set(norm.split()))
        self.db.executemany("INSERT INTO word VALUES (?, ?)", sorted(counts.items()))

    def tasks(self) -> None:
        by_code: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for r in read_tsv(self.onet / "Task Statements.txt"):
            core = 0 if r["Task Type"] == "Core" else 1
            by_code[r["O*NET-SOC Code"]].append((core, int(r["Task ID"]), r["Task"]))
        for code, tasks in sorted(by_code.items()):
            for position, (_, _, text) in enumerate(sorted(tasks)[:TASKS_PER_OCCUPATION]):
                self.db.execute(
                    "INSERT INTO task VALUES (?, ?, ?)", (self.ids[code], position, text)
                )

    def technology(self) -> None:
        by_code: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
        for r in read_tsv(self.onet / "Technology Skills.txt"):
            hot = r["Hot Technology"] == "Y"
            demand = r["In Demand"] == "Y"
            rank = 0 if demand else (1 if hot else 2)
            by_code[r["O*NET-SOC Code"]].append(
                (rank, int(hot), r["Example"], r["Commodity Title"])
            )
        for code, items in sorted(by_code.items()):
            ranked = sorted(items)
            # Every In Demand example stays, however many: they are what employers post for.
            demand = sum(1 for rank, *_ in ranked if rank == 0)
            for position, (rank, hot_flag, example, category) in enumerate(
                ranked[: max(TECH_PER_OCCUPATION, demand)]
            ):
                self.db.execute(
                    "INSERT INTO technology VALUES (?, ?, ?, ?, ?, ?)",
                    (self.ids[code], position, example, category, hot_flag, int(rank == 0)),
                )

    def ratings(self) -> None:
        """Skills and knowledge from the 29.2 supplement; abilities and work activities (and
        skills/knowledge of occupations the supplement lacks) from the derived 30.0 ratings."""
        values: dict[tuple[str, str, str, str], list[int | None]] = {}
        for domain in ("Skills", "Knowledge"):
            for r in read_tsv(self.onet / "supplement_29_2_excel" / f"{domain}.txt"):
                key = (r["O*NET-SOC Code"], DOMAINS[domain], r["Element ID"], r["Element Name"])
                slot = values.setdefault(key, [None, None])
                slot[0 if r["Scale ID"] == "IM" else 1] = scaled(r["Data Value"])
        supplemented = {key[0] for key in values}
        derived = self.onet / "derived_30_0_standards_org_ai" / "onet_ratings_im_lv.csv"
        for r in read_csv(derived):
            domain = DOMAINS[r["Domain"]]
            code = r["O*NET-SOC Code"]
            if domain in ("S", "K") and code in supplemented:
                continue
            if not r["Importance (IM)"] or not r["Level (LV)"]:
                continue
            key = (code, domain, r["Element ID"], r["Element Name"])
            values[key] = [scaled(r["Importance (IM)"]), scaled(r["Level (LV)"])]
        elements = sorted({(k[1], k[2], k[3]) for k in values})
        element_ids = {(d, e): n for n, (d, e, _) in enumerate(elements, start=1)}
        self.db.executemany(
            "INSERT INTO element VALUES (?, ?, ?, ?)",
            [(n, d, e, name) for n, (d, e, name) in enumerate(elements, start=1)],
        )
        rows = sorted(
            (self.ids[code], element_ids[(domain, element)], im, lv)
            for (code, domain, element, _), (im, lv) in values.items()
            if code in self.ids and im is not None and lv is not None
        )
        self.db.executemany("INSERT INTO rating VALUES (?, ?, ?, ?)", rows)

    def related(self) -> None:
        rows = sorted(
            (
                self.ids[r["O*NET-SOC Code"]],
                self.ids[r["Related O*NET-SOC Code"]],
                TIERS[r["Relatedness Tier"]],
                int(r["Index"]),
            )
            for r in read_tsv(self.onet / "Related Occupations.txt")
        )
        needs: dict[int, list[tuple[int, float, float]]] = defaultdict(list)
        query = (
            "SELECT r.occupation_id, r.element, r.importance, r.level FROM rating r "
            "JOIN element e ON e.id = r.element WHERE e.domain IN ('S', 'K', 'W') ORDER BY 1, 2"
        )
        for oid, element, im, lv in self.db.execute(query).fetchall():
            needs[oid].append((element, im / 100, lv / 100))
        levels = {oid: {e: lv for e, _, lv in rows} for oid, rows in needs.items()}
        self.db.executemany(
            "INSERT INTO related VALUES (?, ?, ?, ?, ?)",
            [
                (u, v, tier, rank, round(GAP_SCALE * weighted_gap(levels.get(u, {}), needs[v])))
                for u, v, tier, rank in rows
            ],
        )

    def credentials(self) -> None:
        """The curated entry gates, each record checked and stored as compact JSON."""
        records = json.loads(self.credentials_file.read_text(encoding="utf-8"))
        found = checked_credentials(records, self.ids)
        self.db.executemany(
            "INSERT INTO credential VALUES (?, ?)",
            sorted(
                (
                    record["key"],
                    json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                )
                for record in records
            ),
        )
        self.db.executemany(
            "INSERT INTO credential_occupation VALUES (?, ?)",
            sorted({(self.ids[code], c.key) for c in found for code in c.occupations}),
        )

    def reference(self) -> None:
        for r in read_tsv(self.onet / "Job Zone Reference.txt"):
            self.db.execute(
                "INSERT INTO job_zone VALUES (?, ?, ?, ?, ?)",
                (int(r["Job Zone"]), r["Name"], r["Experience"], r["Education"], r["Job Training"]),
            )
        for r in read_csv(self.ip / "ip_short_form_60.csv"):
            self.db.execute(
                "INSERT INTO ip_item VALUES (?, ?, ?)", (int(r["index"]), r["riasec"], r["text"])
            )
        cues: set[tuple[str, str, str]] = set()
        for r in read_tsv(self.onet / "RIASEC Keywords.txt"):
            cues.add((RIASEC_IDS[r["Element ID"]], "keyword", r["Keyword"]))
        for r in read_tsv(self.onet / "Basic Interests to RIASEC.txt"):
            area = RIASEC_IDS[r["RIASEC Element ID"]]
            cues.add((area, "basic interest", r["Basic Interests Element Name"]))
        for r in read_tsv(self.onet / "Interests Illustrative Activities.txt"):
            if r["Element ID"] in RIASEC_IDS:
                cues.add((RIASEC_IDS[r["Element ID"]], "activity", r["Activity"]))
        self.db.executemany("INSERT INTO riasec_cue VALUES (?, ?, ?)", sorted(cues))


def build(data: Path, output: Path) -> None:
    needed = ("onet", "bls", "onet_interest_profiler", "esco", "esco_onet_crosswalk", "skills_dev")
    missing = [p for p in needed if not (data / p).is_dir()]
    if missing:
        raise SystemExit(f"error: {data} lacks {', '.join(missing)}; pass the data folder.")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)
    db = sqlite3.connect(output)
    try:
        db.execute("PRAGMA page_size = 4096")
        db.execute("PRAGMA journal_mode = DELETE")
        with db:
            Builder(data, db).run()
        db.execute("VACUUM")
    finally:
        db.close()


def content_digest(path: Path) -> str:
    """A hash of the schema and every row in a fixed order (independent of page layout)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'title_fts%' ORDER BY name"
        ).fetchall()
        for name, sql in tables:
            digest.update(f"{name}\n{sql}\n".encode())
            width = len(db.execute(f'PRAGMA table_info("{name}")').fetchall())
            order = ", ".join(str(n) for n in range(1, width + 1))
            for row in db.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=SHIPPED)
    parser.add_argument("--check", action="store_true", help="prove the shipped file is current")
    args = parser.parse_args(argv)
    if args.check:
        if not args.output.exists():
            print(f"error: {args.output} does not exist; run python scripts/build_catalog.py")
            return 1
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "catalog.sqlite3"
            build(args.data, fresh)
            if content_digest(fresh) != content_digest(args.output):
                print(
                    f"error: {args.output} differs from a fresh build of {args.data}; "
                    "run python scripts/build_catalog.py and commit the result."
                )
                return 1
        print(f"ok: {args.output} matches a fresh build ({content_digest(args.output)[:12]}).")
        return 0
    build(args.data, args.output)
    size = args.output.stat().st_size
    print(f"wrote {args.output} ({size / 1_000_000:.1f} MB, {content_digest(args.output)[:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
