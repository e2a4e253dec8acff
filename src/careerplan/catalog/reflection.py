"""Reading free text about childhood play and recent passions for RIASEC interest themes.

The words of O*NET's RIASEC keywords, basic interests and illustrative activities point to their
areas; a short list of everyday play words (sports, puzzles, dolls...) is tied to the basic
interest they illustrate, so "pickup basketball" reads as Athletics. Every area's score is the
sum of the weights of the words that pointed to it, and the words are kept as evidence.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from careerplan.catalog.interests import InterestProfile
from careerplan.catalog.store import AREA_NAMES, RIASEC, Catalog, resolve
from careerplan.domain.errors import InvalidInput

MAX_CHARACTERS = 20_000
WEIGHTS = {"keyword": 3.0, "basic interest": 2.0, "activity": 1.0, "play": 2.0}
_STOP_TEXT = (
    "a an and or the to of in on for with by at from as into like other others people person "
    "new own way ways your you my me i we they it its is are was be been being do did does "
    "work working use using real world such that this these those things thing about all "
    "some more most large small high low office offices homes home help"
)
STOPWORDS = frozenset(_STOP_TEXT.split())
# Everyday words of play and pastimes, tied to the O*NET basic interest they illustrate.
PLAY_WORDS = {
    "Athletics": "basketball soccer football baseball hockey tennis sport sports running swim "
    "swimming skating skateboard cycling climbing gymnastics martial karate volleyball pickup",
    "Mathematics/Statistics": "puzzle puzzles crossword sudoku chess riddle riddles numbers "
    "math logic",
    "Construction/Woodwork": "lego legos blocks fort forts treehouse woodwork carpentry",
    "Mechanics/Electronics": "fix fixing repair engine engines cars bike bikes radio robot "
    "robots gadget gadgets",
    "Teaching/Education": "teacher teach teaching school tutor tutoring classroom lesson",
    "Social Service": "dolls doll stuffed caring care volunteer volunteering listen listening",
    "Visual Arts": "draw drawing paint painting sketch sketching crafts craft comics",
    "Creative Writing": "story stories write writing wrote poem poems poetry word words novel",
    "Music": "sing singing piano guitar drums band choir song songs music",
    "Performing Arts": "dance dancing theater theatre acting act play plays pretend costume",
    "Applied Arts and Design": "design designed designing fashion sewing decorate",
    "Sales": "lemonade sell selling sold trading trade shop store",
    "Office Work": "collect collecting collection stamps sort sorting organize organizing "
    "lists schedule",
    "Animal Service": "animals animal dog dogs cat cats horse horses pets pet",
    "Nature/Outdoors": "garden gardening camping hiking outdoors outside trees forest fishing",
    "Information Technology": "computer computers coding code programming video games game "
    "minecraft website",
    "Life Science": "bugs insects biology frogs plants",
    "Physical Science": "experiment experiments chemistry stars telescope rocks physics",
    "Health Care Service": "doctor nurse bandage bandages hospital",
    "Culinary Art": "cook cooking bake baking kitchen recipes",
    "Management/Administration": "captain leader leading organized club clubs",
    "Public Speaking": "debate debating speech speeches",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """A reflection read for themes: a profile and, per area, the words that pointed to it."""

    profile: InterestProfile
    evidence: dict[str, list[str]]

    def to_dict(self) -> dict[str, object]:
        return {
            "profile": self.profile.to_dict(),
            "evidence": {AREA_NAMES[a]: words for a, words in self.evidence.items()},
        }


def normal(word: str) -> str:
    word = word.lower()
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


class _Lexicon:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._built: dict[int, dict[str, dict[str, float]]] = {}

    def get(self, catalog: Catalog) -> dict[str, dict[str, float]]:
        with self._lock:
            if id(catalog) not in self._built:
                self._built[id(catalog)] = _build(catalog)
            return self._built[id(catalog)]


def _build(catalog: Catalog) -> dict[str, dict[str, float]]:
    lexicon: dict[str, dict[str, float]] = {}
    basic: dict[str, list[str]] = {}
    for area, source, text in catalog.query("SELECT area, source, text FROM riasec_cue"):
        if source == "basic interest":
            basic.setdefault(text, []).append(area)
        for word in tokens(text.replace("/", " ")):
            if word in STOPWORDS or len(word) < 3:
                continue
            slot = lexicon.setdefault(normal(word), {})
            slot[area] = max(slot.get(area, 0.0), WEIGHTS[source])
    for interest, text in PLAY_WORDS.items():
        for word in text.split():
            slot = lexicon.setdefault(normal(word), {})
            for area in basic.get(interest, []):
                slot[area] = max(slot.get(area, 0.0), WEIGHTS["play"])
    # A word that points everywhere says little: share its weight among its areas.
    return {w: {a: v / len(areas) for a, v in areas.items()} for w, areas in lexicon.items()}


_lexicon = _Lexicon()


def read_reflection(text: str, catalog: Catalog | None = None) -> Reading:
    """The interest themes in `text`, with the words that pointed to each."""
    if not text.strip():
        raise InvalidInput(
            "The reflection is empty: write a few sentences about what you loved doing as a "
            "child and what you enjoy now."
        )
    if len(text) > MAX_CHARACTERS:
        raise InvalidInput(
            f"The reflection has {len(text):,} characters; keep it under {MAX_CHARACTERS:,} "
            "(a page or two is plenty)."
        )
    lexicon = _lexicon.get(resolve(catalog))
    totals = dict.fromkeys(RIASEC, 0.0)
    evidence: dict[str, list[str]] = {}
    for word in tokens(text):
        if word in STOPWORDS:
            continue
        for area, weight in lexicon.get(normal(word), {}).items():
            totals[area] += weight
            found = evidence.setdefault(area, [])
            if word not in found:
                found.append(word)
    peak = max(totals.values())
    scores = {a: (v / peak if peak else 0.0) for a, v in totals.items()}
    ordered = {a: evidence[a] for a in RIASEC if a in evidence}
    return Reading(InterestProfile(scores, ("reflection",)), ordered)
