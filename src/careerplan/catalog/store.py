"""Opening the shipped catalogue file read-only, and looking occupations up by code."""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from careerplan.domain.errors import InvalidInput, NotFound, StorageProblem

if TYPE_CHECKING:
    from careerplan.domain.credentials import Credential

REBUILD = "Rebuild it with: python scripts/build_catalog.py"
SCHEMA_VERSION = "9"
RIASEC = "RIASEC"
AREA_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
GAP_SCALE = 10_000
CODE_PATTERN = re.compile(r"^\d\d-\d{4}(\.\d\d)?$")
DOMAIN_NAMES = {"S": "skill", "K": "knowledge", "A": "ability", "W": "work activity"}


@dataclass(frozen=True, slots=True)
class Occupation:
    """What every feature needs about an occupation, kept in memory for the whole catalogue."""

    id: int
    code: str
    title: str
    job_zone: int | None
    riasec: tuple[float, float, float, float, float, float] | None
    employment: int | None


@dataclass(frozen=True, slots=True)
class Element:
    id: int
    domain: str
    name: str


Ratings = dict[int, tuple[float, float]]
"""Element id -> (importance 1-5, level 0-7)."""


def shipped_path() -> Path:
    return Path(str(resources.files("careerplan.catalog").joinpath("data/catalog.sqlite3")))


class Catalog:
    """The read-only occupation catalogue. Cheap lookups are loaded at open; ratings, the
    related-occupations graph and the entry gates load on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise StorageProblem(f"The occupation catalogue {path} is missing. {REBUILD}")
        try:
            self.db = sqlite3.connect(
                f"file:{quote(path.as_posix())}?mode=ro&immutable=1",
                uri=True,
                check_same_thread=False,
            )
            version = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'")
            row = version.fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                raise StorageProblem(
                    f"The occupation catalogue {path} has schema {row and row[0]}, "
                    f"expected {SCHEMA_VERSION}. {REBUILD}"
                )
            self.occupations = self._load_occupations()
        except sqlite3.DatabaseError as error:
            raise StorageProblem(
                f"The occupation catalogue {path} cannot be read ({error}). {REBUILD}"
            ) from None
        self.by_id = {o.id: o for o in self.occupations.values()}
        self._lock = threading.Lock()
        self._ratings: dict[int, Ratings] = {}
        self._elements: dict[int, Element] | None = None
        self._related: dict[int, list[tuple[int, int, float]]] | None = None
        self.parsed_credentials: dict[str, Credential] = {}  # by key, filled by catalog.gates

    def _load_occupations(self) -> dict[str, Occupation]:
        rows = self.db.execute(
            "SELECT id, code, title, job_zone, r, i, a, s, e, c, employment FROM occupation"
        )
        result: dict[str, Occupation] = {}
        for oid, code, title, zone, *oi, employment in rows:
            riasec = None if oi[0] is None else tuple(v / 100 for v in oi)
            result[code] = Occupation(oid, code, title, zone, riasec, employment)
        return result

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            raise StorageProblem(
                f"The occupation catalogue {self.path} cannot be read ({error}). {REBUILD}"
            ) from None

    def occupation(self, code: str) -> Occupation:
        """The occupation with this O*NET-SOC code; `15-1252` means `15-1252.00`."""
        text = code.strip()
        if not CODE_PATTERN.match(text):
            hint = self._title_hint(text)
            raise InvalidInput(
                f"'{code}' is not an occupation code (they look like 15-1252.00).{hint}"
            )
        if len(text) == 7:
            text += ".00"
        found = self.occupations.get(text)
        if found is None:
            raise NotFound("occupation", text, self._nearest_codes(text))
        return found

    def _title_hint(self, text: str) -> str:
        if not re.search(r"[A-Za-z]{3}", text):
            return ""
        from careerplan.catalog.search import search_titles

        hits = search_titles(text, limit=3, catalog=self)
        if not hits:
            return ""
        return " Did you mean: " + "; ".join(f"{h.code} {h.title}" for h in hits) + "?"

    def _nearest_codes(self, code: str) -> str:
        def distance(other: str) -> tuple[int, int]:
            shared = next(
                (n for n, (a, b) in enumerate(zip(code, other, strict=False)) if a != b), len(code)
            )
            digits = int(re.sub(r"\D", "", other)) - int(re.sub(r"\D", "", code))
            return (-shared, abs(digits))

        nearest = sorted(self.occupations, key=distance)[:3]
        listed = "; ".join(f"{c} {self.occupations[c].title}" for c in nearest)
        return f"Nearest codes: {listed}."

    def elements(self) -> dict[int, Element]:
        if self._elements is None:
            rows = self.query("SELECT id, domain, name FROM element")
            self._elements = {i: Element(i, d, n) for i, d, n in rows}
        return self._elements

    def ratings(self, occupation: Occupation) -> Ratings:
        """Importance and level of every rated element; empty when O*NET has no ratings.

        Read one occupation at a time (a one-off command touches a handful) and kept."""
        found = self._ratings.get(occupation.id)
        if found is None:
            rows = self.query(
                "SELECT element, importance, level FROM rating WHERE occupation_id = ?",
                (occupation.id,),
            )
            found = {element: (im / 100, lv / 100) for element, im, lv in rows}
            self._ratings[occupation.id] = found
        return found

    def related(self, occupation: Occupation) -> list[tuple[int, int, float]]:
        """(related occupation id, tier 1-3, skill gap 0-1 to it) in O*NET's order."""
        if self._related is not None:
            return self._related.get(occupation.id, [])
        # Until something needs the whole graph, one occupation's moves are one small query.
        rows = self.query(
            "SELECT related_id, tier, gap FROM related WHERE occupation_id = ? ORDER BY rank",
            (occupation.id,),
        )
        return [(rid, tier, gap / GAP_SCALE) for rid, tier, gap in rows]

    def related_to(self, occupation: Occupation) -> list[tuple[int, int, float]]:
        """(id, tier, skill gap) of the occupations that list this one as related: the moves
        into it. One query, for callers that need no more of the graph."""
        rows = self.query(
            "SELECT occupation_id, tier, gap FROM related WHERE related_id = ? ORDER BY 1",
            (occupation.id,),
        )
        return [(oid, tier, gap / GAP_SCALE) for oid, tier, gap in rows]

    def related_graph(self) -> dict[int, list[tuple[int, int, float]]]:
        with self._lock:
            if self._related is None:
                graph: dict[int, list[tuple[int, int, float]]] = {}
                rows = self.query(
                    "SELECT occupation_id, related_id, tier, gap FROM related ORDER BY 1, rank"
                )
                for oid, rid, tier, gap in rows:
                    graph.setdefault(oid, []).append((rid, tier, gap / GAP_SCALE))
                self._related = graph
            return self._related

    def credentials_for(self, code: str) -> list[Credential]:
        """The curated credentials gating the occupation with this code, firmest first."""
        from careerplan.catalog import gates

        return gates.credentials_for(code, self)

    def credential(self, key: str) -> Credential:
        """The curated credential with this key (NotFound when there is none)."""
        from careerplan.catalog import gates

        return gates.credential(key, self)

    def notices(self) -> dict[str, str]:
        return dict(self.query("SELECT key, text FROM notice ORDER BY key"))

    def meta(self) -> dict[str, str]:
        return dict(self.query("SELECT key, value FROM meta ORDER BY key"))


_default: Catalog | None = None
_default_lock = threading.Lock()


def open_catalog(path: Path | None = None) -> Catalog:
    """The catalogue at `path`, or the shipped one (opened once per process)."""
    global _default
    if path is not None:
        return Catalog(path)
    with _default_lock:
        if _default is None:
            _default = Catalog(shipped_path())
        return _default


def resolve(catalog: Catalog | None) -> Catalog:
    return catalog if catalog is not None else open_catalog()
