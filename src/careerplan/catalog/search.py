"""Title search over O*NET titles, alternate titles and reported titles.

A query is cleaned the way people write job titles: abbreviations are expanded ("Sr. SWE" ->
"senior software engineer"), seniority and shift words are dropped ("II", "lead", "nights"),
words unknown to the catalogue are corrected to the nearest known word ("sofware" -> "software").
Candidates come from the full-text index; each is scored by how many query words it covers and
how few words it adds, and every occupation keeps its best-matching title.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from careerplan.catalog.store import Catalog, resolve
from careerplan.domain.errors import InvalidInput

ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "swe": "software engineer",
    "sde": "software development engineer", "rn": "registered nurse",
    "lpn": "licensed practical nurse", "lvn": "licensed vocational nurse",
    "cna": "nursing assistant", "np": "nurse practitioner", "pa": "physician assistant",
    "mgr": "manager", "mngr": "manager", "mgmt": "management", "eng": "engineer",
    "engr": "engineer", "dev": "developer", "devops": "developer operations",
    "admin": "administrator", "asst": "assistant", "assoc": "associate", "tech": "technician",
    "techn": "technician", "vp": "vice president", "svp": "vice president",
    "hr": "human resources", "it": "information technology", "qa": "quality assurance",
    "cpa": "accountant", "dba": "database administrator", "acct": "accountant",
    "coord": "coordinator", "spec": "specialist", "rep": "representative",
    "exec": "executive", "dir": "director", "supv": "supervisor", "sup": "supervisor",
    "ops": "operations", "ceo": "chief executive", "cfo": "chief financial officer",
    "cto": "chief technology officer", "coo": "chief operating officer",
    "ap": "accounts payable", "ar": "accounts receivable", "ux": "user experience",
    "ui": "user interface", "pm": "project manager",
    "ml": "machine learning", "ai": "artificial intelligence",
    "emt": "emergency medical technician",
    "hvac": "heating air conditioning", "cdl": "truck driver", "ot": "occupational therapist",
    "pt": "physical therapist", "slp": "speech language pathologist", "md": "physician",
    "dr": "doctor", "gp": "family medicine physician", "csr": "customer service representative",
    "bdr": "business development representative", "sdr": "sales development representative",
    "ae": "account executive", "ba": "business analyst", "ds": "data scientist",
    "sre": "site reliability engineer", "fe": "front end", "be": "back end",
    "fullstack": "full stack", "frontend": "front end", "backend": "back end",
    "mech": "mechanical", "elec": "electrical", "maint": "maintenance", "mfg": "manufacturing",
    "prod": "production", "mktg": "marketing", "acctg": "accounting", "fin": "financial",
    "svc": "service", "svcs": "services", "cust": "customer", "govt": "government",
    "edu": "education", "k12": "school", "para": "paraprofessional", "lab": "laboratory",
    "pharm": "pharmacy", "rx": "pharmacy", "vet": "veterinary", "ed": "education",
    "sw": "software", "hw": "hardware", "db": "database", "sys": "systems", "sec": "security",
    "infosec": "information security", "netops": "network operations", "env": "environmental",
    "bi": "business intelligence", "gm": "general manager", "am": "assistant manager",
}  # fmt: skip
DROPPED = {
    "senior", "junior", "lead", "principal", "staff", "head", "chief", "i", "ii", "iii", "iv",
    "v", "1", "2", "3", "4", "5", "level", "entry", "experienced", "trainee", "intern",
    "night", "nights", "day", "days", "weekend", "weekends", "shift", "overnight", "evening",
    "evenings", "part", "full", "time", "remote", "hybrid", "onsite", "contract", "contractor",
    "temporary", "temp", "per", "diem", "prn", "travel", "traveling", "seasonal", "urgent",
    "hiring", "needed", "wanted", "immediate", "start", "bonus", "sign", "on", "job", "role",
    "position", "opening", "the", "a", "an", "of", "and", "for", "in", "at", "to", "with",
}  # fmt: skip
SCHEDULE_ABBREVIATIONS = frozenset({"pt", "ft"})
SEPARATORS = re.compile(r"\s[-–—|/]\s|[|(,@:;]|\bat\b")
KIND_BONUS = (3.0, 1.5, 0.0, 0.0)
MAX_QUERY = 200
ENOUGH = 40
TYPO_SIMILARITY = 85  # one or two letters wrong in a word of 7+; not "starbucks" -> "stacks"
FEW = 10
COMMON_WORD = 300  # titles holding a word before it counts as common


@dataclass(frozen=True, slots=True)
class TitleMatch:
    code: str
    title: str
    matched_title: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "matched_title": self.matched_title,
            "score": self.score,
        }


def words(text: str) -> list[str]:
    text = text.lower().replace("&", " and ").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def expand(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        out.extend(ABBREVIATIONS.get(token, token).split())
    return out


def clean(text: str) -> list[str]:
    """The content words of a title: abbreviations expanded, seniority and noise dropped.

    Short forms that also mean a schedule ("PT" part-time, "FT") only count as a title when they
    stand alone: "dishwasher PT" is a part-time dishwasher, "PT" a physical therapist."""
    raw = words(text)
    if len(raw) > 1:
        raw = [w for w in raw if w not in SCHEDULE_ABBREVIATIONS] or raw
    tokens = expand(raw)
    kept = [t for t in tokens if t not in DROPPED]
    return kept or [t for t in tokens if t not in ("the", "a", "an", "of", "and")]


@dataclass(frozen=True, slots=True)
class _Words:
    counts: dict[str, int]  # how many titles hold each word
    by_start: dict[str, list[str]]  # words of 3+ letters by first letter, most frequent first


class _Vocabulary:
    """Words that occur in catalogue titles, for correcting typos (loaded on first use)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: dict[int, _Words] = {}

    def get(self, catalog: Catalog) -> _Words:
        key = id(catalog)
        with self._lock:
            if key not in self._loaded:
                counts = dict(catalog.query("SELECT word, titles FROM word"))
                ranked = [w for w in sorted(counts, key=lambda w: (-counts[w], w)) if len(w) > 2]
                by_start: dict[str, list[str]] = {}
                for word in ranked:
                    by_start.setdefault(word[0], []).append(word)
                self._loaded[key] = _Words(counts, by_start)
            return self._loaded[key]


_vocabulary = _Vocabulary()


def correct(tokens: list[str], catalog: Catalog) -> list[str]:
    known = _vocabulary.get(catalog)
    fixed: list[str] = []
    for token in tokens:
        if (
            token in known.counts
            or stem(token) in known.counts
            or len(token) < 4
            or token.isdigit()
        ):
            fixed.append(token)
            continue
        fixed.append(_nearest(token, known) or token)
    return fixed


def _nearest(token: str, known: _Words) -> str | None:
    # Typos rarely hit the first letter; looking only at words that share it keeps this fast
    # and avoids far-fetched corrections of names the catalogue does not know ("SaaS").
    same_start = [w for w in known.by_start.get(token[0], []) if abs(len(w) - len(token)) <= 2]
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - rapidfuzz is a declared dependency
        import difflib

        close = difflib.get_close_matches(token, same_start, 1, 0.8)
        return close[0] if close else None
    best = process.extractOne(token, same_start, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY)
    return str(best[0]) if best else None


@lru_cache(maxsize=32_768)
def title_stems(norm: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in expand(norm.split()))


def _score(q: list[str], t: tuple[str, ...]) -> float:
    """Share of query words the title covers (most weight) and of title words the query covers;
    both given as stems."""
    if not q or not t:
        return 0.0
    shared = set(q).intersection(t)
    if not shared:
        return 0.0
    covered = sum(w in shared for w in q) / len(q)
    precise = sum(w in shared for w in t) / len(t)
    order = [w for w in t if w in shared] == [w for w in q if w in shared]
    return 100 * (0.62 * covered + 0.33 * precise + 0.05 * order)


def _variants(text: str, catalog: Catalog) -> list[tuple[list[str], float]]:
    """The whole title, the part before a separator ("RN - ICU nights" -> "RN") and each side
    of a slash ("Firefighter/EMT")."""
    full = correct(clean(text), catalog)
    variants = [(full, 0.0)]
    head = SEPARATORS.split(text, maxsplit=1)[0]
    parts = [(head, 4.0)] + [(part, 4.0) for part in head.split("/")[: 3 if "/" in head else 0]]
    for part, penalty in parts:
        if part.strip() and part.strip() != text.strip():
            tokens = correct(clean(part), catalog)
            if tokens and all(tokens != seen for seen, _ in variants):
                variants.append((tokens, penalty))
    return variants


Row = tuple[int, str, int, str]


def _candidates(cat: Catalog, tokens: list[str], seen: dict[str, list[Row]]) -> list[Row]:
    """Titles holding every word; then every word but one (commonest dropped first); then any
    distinctive word. Intersections are cheap, and ranking every title that holds a common word
    ("technician", "engineer") is slow and rarely finds better titles."""
    sql = (
        "SELECT t.occupation_id, t.title, t.kind, t.norm FROM title_fts "
        "JOIN title t ON t.rowid = title_fts.rowid WHERE title_fts MATCH ? "
        "ORDER BY bm25(title_fts) LIMIT ?"
    )

    first_rows = (
        "SELECT t.occupation_id, t.title, t.kind, t.norm FROM title_fts "
        "JOIN title t ON t.rowid = title_fts.rowid WHERE title_fts MATCH ? LIMIT ?"
    )

    def all_of(words: list[str], limit: int) -> list[Row]:
        match = " AND ".join(f'"{w}"' for w in words)
        key = f"{match} LIMIT {limit}"
        if key not in seen:  # the variants of one query often ask the same thing
            # Titles are stored shortest first, which for one word is the order bm25 would
            # give: take the first rows instead of ranking every title holding the word.
            seen[key] = cat.query(sql if len(words) > 1 else first_rows, (match, limit))
        return seen[key]

    rows = list(all_of(tokens, 150))
    if len(rows) >= ENOUGH or len(tokens) < 2:
        return rows
    counts = _vocabulary.get(cat).counts
    for dropped in sorted(tokens, key=lambda t: -counts.get(t, 0)):
        rest = [t for t in tokens if t != dropped]
        if rows and len(rest) == 1 and counts.get(rest[0], 0) > COMMON_WORD:
            continue  # one common word alone ("specialist") adds nothing the others did not
        rows = rows + all_of(rest, 100)
        if len(rows) >= ENOUGH:
            return rows
    if len(rows) < FEW and len(tokens) > 2:
        rare = [f'"{t}"' for t in tokens if counts.get(t, 0) <= COMMON_WORD]
        if rare:
            rows += cat.query(sql, (" OR ".join(rare), 200))
    return rows


def search_titles(text: str, limit: int = 10, catalog: Catalog | None = None) -> list[TitleMatch]:
    """Occupations whose titles best match `text`, best first; empty when nothing is close."""
    if limit < 1:
        raise InvalidInput(f"The limit must be at least 1, not {limit}.")
    if len(text) > MAX_QUERY:
        raise InvalidInput(
            f"A job title is at most {MAX_QUERY} characters; this one has {len(text)}."
        )
    cat = resolve(catalog)
    best: dict[int, tuple[float, str]] = {}
    seen: dict[str, list[Row]] = {}
    for tokens, penalty in _variants(text, cat):
        if not tokens or (best and max(s for s, _ in best.values()) >= 100):
            continue
        rows = _candidates(cat, list(dict.fromkeys(tokens)), seen)
        stems = [stem(t) for t in tokens]
        for oid, title, kind, norm in rows:
            score = _score(stems, title_stems(norm)) - penalty + KIND_BONUS[kind]
            occupation = cat.by_id[oid]
            score += min(2.0, math.log10(1 + (occupation.employment or 0)) / 3)
            if oid not in best or score > best[oid][0]:
                best[oid] = (score, title)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], cat.by_id[item[0]].code))
    return [
        TitleMatch(
            cat.by_id[oid].code, cat.by_id[oid].title, title, round(min(score, 100.0) / 100, 3)
        )
        for oid, (score, title) in ranked[:limit]
        if score >= 40
    ]


def best_occupation(text: str, catalog: Catalog | None = None) -> TitleMatch | None:
    """The single best match for a free-text title, or None when nothing is a fair match."""
    hits = search_titles(text, limit=1, catalog=catalog)
    return hits[0] if hits and hits[0].score >= 0.6 else None
