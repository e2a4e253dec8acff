"""The catalogue's curated credentials as `CredentialKnowledge` for the S.M.A.R.T. check.

Every record of the catalogue's `credential` table is parsed once, and the phrases that name
them (the records' own names and abbreviations, and the hand-kept names in
`credential_names`) go into one index, built the first time a goal is checked against that
catalogue and kept with it. A look-up then splits the goal into words and tries, at each word
that can start a phrase, the phrases that start there, longest first: a few dictionary look-ups
per word, whatever the size of the table.
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from dataclasses import dataclass

from careerplan.catalog.credential_names import NAMES
from careerplan.catalog.store import REBUILD, Catalog, resolve
from careerplan.domain.credentials import Credential, credential_from
from careerplan.domain.errors import StorageProblem
from careerplan.domain.smart.credential_terms import Mention

_TOKEN = re.compile(r"[a-z0-9]+(?:['&.+/][a-z0-9]+)*\+?")
# Spellings that name the same thing.
_SAME = {
    "license": "licence", "licenses": "licences", "licensed": "licenced", "licenced": "licenced",
    "licensing": "licencing", "counselor": "counsellor", "counselors": "counsellors",
    "counseling": "counselling", "program": "programme", "programs": "programmes",
    "center": "centre", "bachelors": "bachelor's", "bachelor": "bachelor's",
    "masters": "master's", "master": "master's", "associates": "associate's",
    "associate": "associate's", "anaesthetist": "anesthetist", "practice": "practise",
    "certificates": "certificate", "apprenticeships": "apprenticeship", "aesthetician":
    "esthetician", "dietician": "dietitian", "labor": "labour",
}  # fmt: skip
# Words of the records' names that say what kind of credential it is, not what it is called.
_KIND_WORDS = {
    "licence",
    "certification",
    "credential",
    "registration",
    "certificate",
    "card",
    "qualification",
    "qualifications",
    "training",
}
# Abbreviations that are also everyday words, so the records' own are not taken as names.
_COMMON = {
    "do", "as", "or", "in", "on", "at", "be", "me", "us", "it", "is", "an", "of", "to", "go",
    "so", "no", "up", "my", "we", "he", "ma", "pa", "pe", "pt", "ot", "dc", "aa", "ea", "fe",
    "od", "ms", "ps", "cs", "ii", "iii", "iv", "and", "the", "for", "are", "all", "art", "see",
    "ace", "act", "cap", "cot", "ht", "ct", "cg", "n", "s", "mba", "rhia", "nha",
}  # fmt: skip
_LONGEST = 8
# Words that say what kind of study a programme is, not which: a programme's name made only of
# these ("Associate degree", "Master's", "Part-time") names no programme in particular.
_GENERIC = {
    "associate's", "bachelor's", "master's", "degree", "doctorate", "phd", "part-time",
    "full-time", "evening", "online", "certificate", "programme", "training", "course",
    "self-study", "study", "apprenticeship", "the", "a", "an", "in", "of", "and", "or", "with",
    "plus", "then", "for", "after", "on-the-job", "job", "work", "route", "pathway", "routes",
    "exam", "test", "education", "school", "college", "short", "review", "preparation",
}  # fmt: skip


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word of lower-cased `text`, spellings made the same."""
    return [
        (_SAME.get(m.group(), m.group()), m.start(), m.end())
        for m in _TOKEN.finditer(text.lower().replace("’", "'"))
    ]


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    programmes: tuple[int, ...]
    exam: bool
    context: tuple[str, ...]
    curated: bool  # from the hand-kept names, which win over names read from the records


class CatalogCredentials:
    """`CredentialKnowledge` backed by the shipped catalogue (or the one given)."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self._catalog = catalog

    def mentions(self, norm: str, context: str = "") -> tuple[Mention, ...]:
        return _index(resolve(self._catalog)).find(norm, context.lower())

    def credential(self, key: str) -> Credential | None:
        return _index(resolve(self._catalog)).records.get(key)


class _Index:
    def __init__(self, records: dict[str, Credential]) -> None:
        self.records = records
        self.phrases: dict[tuple[str, ...], list[_Entry]] = {}
        for key, names in NAMES.items():
            if key in records:
                for name in names:
                    self._add_curated(key, name)
        for credential in records.values():
            for name, programmes in _record_names(credential):
                self._add(name, _Entry(credential.key, programmes, False, (), False))
        # The longest phrase starting with each word: the only lengths worth trying there.
        self.starts: dict[str, int] = {}
        for phrase in self.phrases:
            self.starts[phrase[0]] = max(self.starts.get(phrase[0], 0), len(phrase))

    def _add_curated(self, key: str, name: str) -> None:
        context: tuple[str, ...] = ()
        if "?" in name:
            name, stems = name.split("?", 1)
            context = tuple(stems.split("|"))
        exam = name.endswith("!")
        name = name.rstrip("!")
        programmes: tuple[int, ...] = ()
        if "#" in name:
            name, indices = name.split("#", 1)
            programmes = tuple(int(i) for i in indices.split(","))
        self._add(name, _Entry(key, programmes, exam, context, True))

    def _add(self, name: str, entry: _Entry) -> None:
        phrase = tuple(word for word, _, _ in words(name))
        if not phrase or len(phrase) > _LONGEST:
            return
        found = self.phrases.setdefault(phrase, [])
        if any(e.curated for e in found) and not entry.curated:
            return  # a hand-kept name says what this phrase means
        if entry.curated:
            found[:] = [e for e in found if e.curated]
        if any(e.key == entry.key and e.programmes == entry.programmes for e in found):
            return
        found.append(entry)

    def find(self, norm: str, context: str = "") -> tuple[Mention, ...]:
        tokens = words(norm)
        plain = tuple(word for word, _, _ in tokens)
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            longest = self.starts.get(plain[i], 0)
            if not longest:
                i += 1
                continue
            for size in range(min(longest, len(tokens) - i), 0, -1):
                entry = self._choose(self.phrases.get(plain[i : i + size]), norm, context)
                if entry is not None:
                    credential = self.records[entry.key]
                    start, end = tokens[i][1], tokens[i + size - 1][2]
                    found.append(Mention(credential, start, end, entry.programmes, entry.exam))
                    i += size
                    break
            else:
                i += 1
        return tuple(found)

    @staticmethod
    def _choose(entries: list[_Entry] | None, norm: str, context: str) -> _Entry | None:
        if not entries:
            return None
        fitting = [e for e in entries if any(stem in norm for stem in e.context)]
        fitting = fitting or [e for e in entries if any(stem in context for stem in e.context)]
        plain = [e for e in entries if not e.context]
        chosen = fitting or plain
        if len({e.key for e in chosen}) != 1:
            return None  # the phrase names several credentials and nothing tells them apart
        return chosen[0]


def _record_names(credential: Credential) -> list[tuple[str, tuple[int, ...]]]:
    """The names a record gives itself and its programmes: the name without its brackets, the
    same without its kind word ("massage therapist"), and the abbreviations in brackets."""
    names: list[tuple[str, tuple[int, ...]]] = []
    for text, programmes in [(credential.name, ())] + [
        (p.name, (i,)) for i, p in enumerate(credential.programmes)
    ]:
        plain = re.sub(r"\s*\([^()]*\)", "", text).strip()
        for part in re.split(r"\s+/\s+|\s+-\s+", plain):
            tokens = part.lower().split()
            if not {word for word, _, _ in words(part)} - _GENERIC:
                continue
            if 1 <= len(tokens) <= 5:
                names.append((part, programmes))
            stripped = [t for t in tokens if t not in _KIND_WORDS]
            if stripped != tokens and (len(stripped) >= 2 or (stripped and len(stripped[0]) >= 6)):
                names.append((" ".join(stripped), programmes))
        for inside in re.findall(r"\(([^()]+)\)", text):
            for abbreviation in re.split(r"/|,|\bor\b|\band\b", inside):
                abbreviation = abbreviation.strip()
                if re.fullmatch(r"[A-Za-z][A-Za-z0-9&+-]{1,9}", abbreviation) and (
                    sum(ch.isupper() for ch in abbreviation) >= 2
                    and abbreviation.lower() not in _COMMON
                ):
                    names.append((abbreviation, programmes))
    return names


_INDEXES: weakref.WeakKeyDictionary[Catalog, _Index] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _index(catalog: Catalog) -> _Index:
    """The catalogue's index, built on first use and kept with the catalogue."""
    found = _INDEXES.get(catalog)
    if found is not None:
        return found
    with _LOCK:
        found = _INDEXES.get(catalog)
        if found is None:
            found = _Index(_records(catalog))
            _INDEXES[catalog] = found
    return found


def _records(catalog: Catalog) -> dict[str, Credential]:
    records: dict[str, Credential] = {}
    for key, text in catalog.query("SELECT key, record FROM credential ORDER BY key"):
        try:
            records[key] = credential_from(json.loads(text))
        except ValueError:  # RecordProblem or bad JSON: the file changed since the build
            raise StorageProblem(
                f"The occupation catalogue {catalog.path} cannot be read (credential {key!r} "
                f"is malformed). {REBUILD}"
            ) from None
    return records
