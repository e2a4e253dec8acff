"""A person's own sentences read for meaning: which occupations they describe.

The catalogue holds one document per occupation (`meaning_fts`: its titles, tasks, detailed work
activities and ESCO descriptions, stemmed by FTS5's Porter tokenizer) and a latent semantic
model of them (`meaning_term`, `meaning_vector`; see scripts/catalog_reading_model.py). The
person's words are placed in the model's space and compared with every occupation, so "I looked
after my little brother when he was ill" ranks nursing and home health work, and "organised the
pickup games; I coach a 12U team" ranks coaches, without a list of cue words and without needing
the words of a task statement. What a person says they did not like ("I was never good at
drawing") is left out, clause by clause, and so are the words every reflection uses (loved,
remember, kid).

The model was chosen against BM25 over the same documents, and plain TF-IDF, on the development
personas (docs/benchmarks.md).
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
import weakref
from array import array
from dataclasses import dataclass, field
from operator import mul

from careerplan.catalog.store import Catalog

# How the catalogue's documents were tokenized; the person's words are read the same way.
TOKENIZER = "porter unicode61 remove_diacritics 2"
POOL = 80  # occupations kept from one reading
# Words of any reflection, and grammar: they say nothing about which work. "Play" is one: what
# was played says it ("played the piano", "played basketball", "played teacher").
_GENERIC_TEXT = """a about after again all also always am an and any are as at back be
    because been before being best but by can could day days did do does doing done during
    each enjoy enjoyed enjoying even ever every everything few for from fun get getting go
    going good got great had has have having he her here him his how i if in into is it its
    just kid kids kind like liked likes little lot lots love loved loves loving made make
    makes making many me more most much my myself never no nor not now of often on once one
    only or other our out over own really remember remembered same she should since so some
    something still such than that the their them then there these they thing things this
    those through time times to too up us used very was way we well were what when where
    which while who why will with would year years yet you your child children childhood
    growing grew older young younger age old favourite favorite whole always usually
    sometimes mostly spent spend spending weekend weekends summer summers looked look
    looking play plays played playing want wants wanted wanting wish wished hope hoped
    dream dreamed dreamt someday maybe"""
GENERIC = frozenset(_GENERIC_TEXT.split())
NEGATION = re.compile(
    r"\b(?:never|not|no|nor|hate[sd]?|hating|dislike[sd]?|disliking|avoid(?:ed|s)?|"
    r"can'?t|cannot|couldn'?t|didn'?t|don'?t|doesn'?t|wasn'?t|weren'?t|isn'?t|aren'?t|won'?t|"
    r"wouldn'?t|without|rather\s+than|instead\s+of|bored|boring|tired\s+of)\b"
)
# A negation reaches to the end of its clause; "but" and punctuation open a new one.
CLAUSE = re.compile(r"[.;:!?,()\n]|\bbut\b|\bthough\b|\bhowever\b|\band\s+then\b", re.IGNORECASE)
WORD = re.compile(r"[a-z][a-z0-9]*(?:'[a-z]+)?")


@dataclass(frozen=True, slots=True)
class Said:
    """A word the person used for what they love, and the clause it stands in."""

    word: str
    clause: str


@dataclass(slots=True)
class Meaning:
    """The occupations a text describes, scored 0-1 (the best is 1), with the words used."""

    scores: dict[int, float] = field(default_factory=dict)
    said: list[Said] = field(default_factory=list)
    # word -> the occupations whose documents hold it, asked once per word (reasons and
    # evidence ask for many occupations).
    holders: dict[str, frozenset[int]] = field(default_factory=dict)

    def words(self) -> list[str]:
        return list(dict.fromkeys(s.word for s in self.said))


def spoken_words(text: str) -> list[Said]:
    """The words that can point to work, from clauses that are not negated."""
    found: list[Said] = []
    for original in CLAUSE.split(text.replace("’", "'")):
        original = original.strip()
        clause = original.lower()
        if not clause:
            continue
        negated = NEGATION.search(clause)
        for match in WORD.finditer(clause):
            word = match.group().split("'")[0]
            if negated and match.start() > negated.start():
                continue
            if len(word) < 3 or word in GENERIC or word.isdigit():
                continue
            found.append(Said(word, original))
    return found


_tokenizers = threading.local()


def stems(text: str) -> dict[str, int]:
    """The terms of `text` and how often each occurs, as the catalogue's tokenizer reads them.
    Each thread keeps one in-memory table to tokenize with: creating it costs ten times more
    than using it."""
    db = getattr(_tokenizers, "db", None)
    if db is None:
        db = sqlite3.connect(":memory:")
        db.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZER}')")
        db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
        _tokenizers.db = db
    with db:
        db.execute("DELETE FROM t")
        db.execute("INSERT INTO t VALUES (?)", (text,))
        return {term: count for term, _, count in db.execute("SELECT term, doc, cnt FROM v")}


_vectors: weakref.WeakKeyDictionary[Catalog, list[tuple[int, array[float]]]] = (
    weakref.WeakKeyDictionary()
)
_vectors_lock = threading.Lock()


def _documents(catalog: Catalog) -> list[tuple[int, array[float]]]:
    """Each occupation's unit vector in the model, loaded once per catalogue. Catch-alls
    ("Production Workers, All Other") gather every kind of task, so they match everything;
    O*NET gives them no interest profile, and they are not read as an answer."""
    with _vectors_lock:
        found = _vectors.get(catalog)
        if found is None:
            found = []
            for oid, blob in catalog.query("SELECT occupation_id, vector FROM meaning_vector"):
                if catalog.by_id[oid].riasec is not None:
                    found.append((oid, array("f", blob)))
            _vectors[catalog] = found
        return found


def read_meaning(text: str, catalog: Catalog) -> Meaning:
    """The occupations `text` describes: the cosine between the person's words and each
    occupation in the catalogue's semantic model, the best scaled to 1."""
    said = spoken_words(text)
    if not said:
        return Meaning()
    counts = stems(" ".join(s.word for s in said))
    marks = ",".join("?" * len(counts))
    rows = catalog.query(
        f"SELECT term, idf, vector FROM meaning_term WHERE term IN ({marks})", tuple(counts)
    )
    query: list[float] | None = None
    for term, idf, blob in rows:
        weight = (1 + math.log(counts[term])) * idf
        loadings = array("f", blob)
        if query is None:
            query = [weight * v for v in loadings]
        else:
            query = [q + weight * v for q, v in zip(query, loadings, strict=True)]
    if query is None:
        return Meaning(said=said)
    cosines = [(sum(map(mul, vector, query)), oid) for oid, vector in _documents(catalog)]
    best = sorted(cosines, reverse=True)[:POOL]
    if not best or best[0][0] <= 0:
        return Meaning(said=said)
    top = best[0][0]
    return Meaning({oid: max(0.0, cosine / top) for cosine, oid in best}, said)


def words_for(meaning: Meaning, occupation_id: int, catalog: Catalog) -> list[str]:
    """The person's words that this occupation's document answers."""
    for word in meaning.words():
        if word not in meaning.holders:
            rows = catalog.query(
                "SELECT rowid FROM meaning_fts WHERE meaning_fts MATCH ?", (f'"{word}"',)
            )
            meaning.holders[word] = frozenset(int(oid) for (oid,) in rows)
    return [word for word in meaning.words() if occupation_id in meaning.holders[word]]
