"""Linking a line of text (a résumé line, a posting's requirement) to ESCO skills.

Four signals, each scaled so that its best candidate scores 1, are added up:
- **named**: the text names the skill's label as a phrase ("SQL", "debug software"; ESCO's
  disambiguation in brackets is optional, so "Java" names "Java (computer programming)");
- **BM25** over the label and the rest of ESCO's text for the skill (alternative labels and
  description), the label weighted higher;
- **TF-IDF cosine** between the text's words and the skill's, which favours skills whose text
  is mostly about those words;
- **character n-grams** (3 and 4 letters) of the label, which forgive inflections and
  spellings ("PostgresSQL", "organising").

Chosen on the validation splits of the Decorte et al. skill-extraction benchmark
(docs/benchmarks.md, `bench/skill_linking.py`); a latent semantic model, which helps read a
person's words about occupations, made skill links worse: skill labels are precise, and LSA blurs
"Java" into every programming language.
"""

from __future__ import annotations

import heapq
import math
import re
from array import array
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter

from careerplan.catalog.meaning import stems
from careerplan.catalog.store import Catalog, resolve
from careerplan.domain.errors import InvalidInput

LABEL_WEIGHT, BODY_WEIGHT = 10.0, 0.5  # BM25 column weights: the label says what the skill is
CANDIDATES = 200  # from each signal
# Keys (words, grams) this common (in one skill in 12 or more: " co", "ing") add to thousands of
# scores and change few rankings; they are left out of the cosine signals.
COMMON_IDF = 3.5
# A phrase of the text that is the label, on top of the other signals: naming a skill is the
# clearest evidence of it, so a named skill ranks above those only described.
NAMED = 2.0
NEAR_SHARE, SIBLING_SHARE = 0.5, 0.25  # of the score of the skill a neighbour came from
LONGEST_PHRASE = 6  # words in the longest label looked for as a phrase
MAX_TEXT = 5_000  # characters linked from one text
GRAMS = (3, 4)
# Postings are stored as unsigned 16-bit integers: skill ids, and weights (0-1) times this.
WEIGHT_SCALE = 65_535
URI_PREFIX = "http://data.europa.eu/esco/skill/"
# Words that appear in most requirements and say nothing about which skill.
_FILLER_TEXT = """a an and are as at be by can for from has have in is it its of on or our
    that the their this to we will with you your who able ability years year experience
    experienced strong good excellent solid knowledge understanding skills skill working work
    plus required requirement requirements preferred must including such other etc within
    across all any proven demonstrated familiarity familiar proficiency proficient level
    relevant related similar least minimum equivalent degree candidate role position team
    using use used various well also"""
FILLER = frozenset(_FILLER_TEXT.split())
# Phrases of postings that look like skills and are not: "hands-on" is no skill with hands.
FILLER_PHRASES = re.compile(
    r"\bhands[- ]on\b|\bnice to have\b|\bis a plus\b|\btrack record\b", re.I
)
# Words as they are written in skills: "C#", "C++" and "node.js" keep their symbols.
WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9]+)*")
BRACKETS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True, slots=True)
class SkillLink:
    """An ESCO skill, and how strongly the text speaks of it (0-1)."""

    label: str
    uri: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "uri": self.uri, "score": self.score}


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


def phrases_of_label(label: str) -> set[str]:
    """The phrases that name a label: itself, and without ESCO's bracketed disambiguation."""
    found = {" ".join(words_of(label)), " ".join(words_of(BRACKETS.sub("", label)))}
    return {p for p in found if p}


def grams(text: str) -> dict[str, int]:
    """Character 3-5-grams within each word, the word padded with a space on each side."""
    counts: dict[str, int] = defaultdict(int)
    for word in words_of(text):
        padded = f" {word} "
        for n in GRAMS:
            for i in range(len(padded) - n + 1):
                counts[padded[i : i + n]] += 1
    return counts


def link_skills(text: str, limit: int = 10, catalog: Catalog | None = None) -> list[SkillLink]:
    """The ESCO skills `text` speaks of, best first."""
    if not text.strip():
        raise InvalidInput("The text is empty: give a line that names a skill.")
    if limit < 1:
        raise InvalidInput(f"The limit must be at least 1, not {limit}.")
    cat = resolve(catalog)
    text = FILLER_PHRASES.sub(" ", text[:MAX_TEXT])
    total: dict[int, float] = defaultdict(float)
    for signal in (_bm25(text, cat), _cosine(text, cat), _grams(text, cat)):
        if signal:
            best = max(signal.values())
            for sid, value in signal.items():
                total[sid] += value / best
    for sid in _named(text, cat):
        total[sid] += NAMED
    ranked = sorted(total.items(), key=lambda item: (-item[1], item[0]))[:limit]
    if not ranked:
        return []
    if len(ranked) < limit:
        ranked += _neighbours(ranked, limit - len(ranked), cat)
    ceiling = 3 + NAMED  # every signal at its best, and named
    marks = ",".join("?" * len(ranked))
    rows = cat.query(
        f"SELECT id, label, uri FROM esco_skill WHERE id IN ({marks})", tuple(s for s, _ in ranked)
    )
    named = {sid: (label, URI_PREFIX + uri) for sid, label, uri in rows}
    return [SkillLink(*named[sid], round(score / ceiling, 3)) for sid, score in ranked]


def _neighbours(
    ranked: list[tuple[int, float]], wanted: int, cat: Catalog
) -> list[tuple[int, float]]:
    """When the text's words reach fewer skills than asked for: the skills ESCO links to those
    found (broader, narrower, essential or optional to them), then those filed in the same
    skill group, each scored below the skill it came from."""
    found = {sid for sid, _ in ranked}
    added: list[tuple[int, float]] = []
    for share, sql in (
        (NEAR_SHARE, "SELECT near_id FROM skill_near WHERE skill_id = ? ORDER BY near_id"),
        (
            SIBLING_SHARE,
            "SELECT s.id FROM esco_skill s JOIN esco_skill t ON s.grouping = t.grouping "
            "WHERE t.id = ? ORDER BY s.id",
        ),
    ):
        for sid, score in ranked:
            for (near,) in cat.query(sql, (sid,)):
                if near not in found:
                    found.add(near)
                    added.append((near, share * score))
                    if len(added) == wanted:
                        return added
    return added


def _named(text: str, cat: Catalog, short: bool = False) -> set[int]:
    return set(named_skills(text, cat, short))


def named_skills(text: str, catalog: Catalog | None = None, short: bool = False) -> list[int]:
    """The skills whose labels `text` names as phrases, in the order named. One- and
    two-letter names (R, ML) count only when `short`, as in a résumé's skills section: in
    running text they are a letter or an abbreviation by chance."""
    cat = resolve(catalog)
    words = words_of(text)
    ordered = [
        " ".join(words[i : i + n])
        for i in range(len(words))
        for n in range(1, LONGEST_PHRASE + 1)
        if i + n <= len(words)
    ]
    phrases = {
        p for p in ordered if (short or len(p) > 2 or "#" in p or "+" in p) and p not in FILLER
    }
    if not phrases:
        return []
    marks = ",".join("?" * len(phrases))
    rows = cat.query(
        f"SELECT phrase, skill_id FROM skill_phrase WHERE phrase IN ({marks})", (*phrases,)
    )
    where = {phrase: i for i, phrase in reversed(list(enumerate(ordered)))}
    return [sid for _, sid in sorted((where[phrase], sid) for phrase, sid in rows)]


def _bm25(text: str, cat: Catalog) -> dict[int, float]:
    terms = [w for w in dict.fromkeys(words_of(text)) if w not in FILLER and len(w) > 1]
    if not terms:
        return {}
    query = " OR ".join('"' + t.replace('"', "") + '"' for t in terms)
    rows = cat.query(
        "SELECT rowid, bm25(skill_fts, ?, ?) FROM skill_fts WHERE skill_fts MATCH ? "
        "ORDER BY 2 LIMIT ?",
        (LABEL_WEIGHT, BODY_WEIGHT, query, CANDIDATES),
    )
    return {int(sid): -rank for sid, rank in rows if rank < 0}


def _postings(cat: Catalog, table: str, keys: dict[str, int]) -> dict[int, float]:
    """Σ over the keys (terms or grams) of the text's TF-IDF weight × each skill's weight."""
    if not keys:
        return {}
    marks = ",".join("?" * len(keys))
    rows = cat.query(
        f"SELECT key, idf, skills, weights FROM {table} WHERE key IN ({marks}) AND idf >= ?",
        (*keys, COMMON_IDF),
    )
    scores: dict[int, float] = defaultdict(float)
    for key, idf, skills, weights in rows:
        weight = (1 + math.log(keys[key])) * idf / WEIGHT_SCALE
        for sid, value in zip(array("H", skills), array("H", weights), strict=True):
            scores[sid] += weight * value
    return dict(heapq.nlargest(CANDIDATES, scores.items(), key=itemgetter(1)))


def _cosine(text: str, cat: Catalog) -> dict[int, float]:
    words = " ".join(w for w in words_of(text) if w not in FILLER)
    return _postings(cat, "skill_word", stems(words) if words else {})


def _grams(text: str, cat: Catalog) -> dict[int, float]:
    return _postings(cat, "skill_gram", grams(text))
