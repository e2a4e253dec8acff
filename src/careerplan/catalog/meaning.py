"""A person's own sentences read for meaning: which occupations they describe.

The catalogue holds one document per occupation (`meaning_fts`: its titles, tasks, detailed work
activities and ESCO descriptions, stemmed by FTS5's Porter tokenizer), so "I looked after my
little brother when he was ill" ranks nursing and home health work by BM25, and "organised the
pickup games; I coach a 12U team" ranks coaches, without a list of cue words. What a person says
they did not like ("I was never good at drawing") is left out, clause by clause, and so are the
words every reflection uses (loved, remember, kid).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from careerplan.catalog.store import Catalog

TITLE_WEIGHT, BODY_WEIGHT = 3.0, 1.0
POOL = 80  # occupations kept from one reading
# A BM25 score that counts as a full description: a text whose best match scores less (a few
# common words) describes it only partly, whatever the ranking.
FULL_MATCH = 0.0
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
    looking play plays played playing"""
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


def read_meaning(text: str, catalog: Catalog) -> Meaning:
    """The occupations `text` describes, by BM25 over their titles, tasks and activities."""
    said = spoken_words(text)
    words = list(dict.fromkeys(s.word for s in said))
    if not words:
        return Meaning()
    # Two words side by side in one clause ("wind turbine", "jet engines") say more than
    # either alone: the pair is asked for as a phrase as well.
    pairs = [
        f"{a.word} {b.word}"
        for a, b in pairwise(said)
        if a.clause == b.clause and f"{a.word} {b.word}" in a.clause.lower()
    ]
    query = " OR ".join(f'"{term}"' for term in [*words, *dict.fromkeys(pairs)])
    found = catalog.query(
        "SELECT rowid, bm25(meaning_fts, ?, ?) FROM meaning_fts WHERE meaning_fts MATCH ? "
        "ORDER BY 2 LIMIT ?",
        (TITLE_WEIGHT, BODY_WEIGHT, query, 2 * POOL),
    )
    # Catch-alls ("Production Workers, All Other") gather every kind of task, so they match
    # everything; O*NET gives them no interest profile, and they are not read as an answer.
    rows = [row for row in found if catalog.by_id[int(row[0])].riasec is not None][:POOL]
    if not rows:
        return Meaning(said=said)
    best = -rows[0][1]
    scale = max(best, FULL_MATCH)
    scores = {int(oid): max(0.0, -rank / scale) for oid, rank in rows}
    return Meaning(scores, said)


def words_for(meaning: Meaning, occupation_id: int, catalog: Catalog) -> list[str]:
    """The person's words that this occupation's document answers."""
    for word in meaning.words():
        if word not in meaning.holders:
            rows = catalog.query(
                "SELECT rowid FROM meaning_fts WHERE meaning_fts MATCH ?", (f'"{word}"',)
            )
            meaning.holders[word] = frozenset(int(oid) for (oid,) in rows)
    return [word for word in meaning.words() if occupation_id in meaning.holders[word]]
