"""Bridge search: occupations in a field a person cares about that use what they already do.

A field is named in plain words ("healthcare", "video games"). Known fields map to SOC groups
and keywords; any other words are looked for in titles and descriptions. Each candidate is
scored by skill transfer from the current occupation and by how clearly it belongs to the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerplan.catalog.gates import credentials_for
from careerplan.catalog.meaning import read_meaning
from careerplan.catalog.search import words
from careerplan.catalog.skills import COMPARED, SkillSet, skills_of, transfer
from careerplan.catalog.store import Catalog, Occupation, resolve
from careerplan.domain.credentials import Gating
from careerplan.domain.errors import DomainRefusal, InvalidInput

# field -> (SOC code prefixes, keywords found in titles or descriptions)
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "healthcare": (("29-", "31-", "11-9111"), ("health", "medical", "clinical", "patient",
                   "hospital", "pharmaceutical", "nurse", "therap*")),
    "education": (("25-", "11-9031", "11-9032", "11-9033", "21-1012"), ("school", "teach*",
                  "student", "education", "curriculum", "training")),
    "technology": (("15-1", "11-3021", "17-2061"), ("software", "computer", "data", "network",
                   "web", "digital", "cyber*")),
    "video games": (("15-1255.01",), ("video game", "gaming", "game design*", "game develop*",
                    "game programm*", "game tester", "animation", "multimedia")),
    "renewable energy": (("47-2231", "49-9081", "11-9041.01", "17-2199.11", "11-9199.09"),
                         ("solar", "wind", "renewable", "energy", "biofuel", "geothermal",
                          "hydroelectric", "sustainab*")),
    "environment": (("19-1031", "19-2041", "17-2081", "19-4042"), ("environment", "conservation",
                    "sustainab*", "pollution", "climate", "recycl*")),
    "finance": (("13-2", "11-3031", "43-3"), ("financ*", "bank", "invest*", "credit", "loan",
                "insurance", "accounting")),
    "law": (("23-",), ("legal", "law", "court", "attorney")),
    "arts": (("27-1", "27-2"), ("art", "design", "music", "perform*", "film", "theater")),
    "media": (("27-3", "27-4"), ("media", "journalis*", "broadcast", "writer", "editor", "film")),
    "construction": (("47-", "11-9021"), ("construction", "building", "carpent*", "contractor")),
    "manufacturing": (("51-", "11-3051"), ("manufactur*", "production", "factory", "assembly")),
    "transportation": (("53-", "11-3071"), ("transport", "logistic*", "freight", "aviation",
                       "shipping", "driver")),
    "hospitality": (("35-", "11-9051", "11-9081", "39-7"), ("hotel", "restaurant", "food",
                    "hospitality", "travel", "tourism")),
    "government": (("33-",), ("government", "public", "policy", "regulat*", "municipal")),
    "social services": (("21-",), ("social", "community", "counsel*", "welfare", "nonprofit")),
    "science": (("19-",), ("scien*", "research", "laborator*", "biolog*", "chemist*", "physic*")),
    "agriculture": (("45-", "11-9013", "19-1011", "19-1013"), ("farm", "agricultur*", "crop",
                    "livestock", "forest")),
    "sports": (("27-2021", "27-2022", "27-2023", "29-9091", "39-9031"), ("sport", "athlet*",
               "fitness", "coach", "recreation")),
    "fashion": (("27-1022", "51-6"), ("fashion", "apparel", "clothing", "textile", "garment")),
    "animals": (("39-2", "29-1131", "29-2056", "31-9096", "19-1023"), ("animal", "veterinar*",
                "pet", "wildlife", "zoo")),
    "real estate": (("41-9021", "41-9022", "11-9141", "13-2023"), ("real estate", "property",
                    "leasing", "apprais*")),
    "marketing": (("11-2", "13-1161", "27-3031"), ("marketing", "advertising", "brand",
                  "promotion", "public relations")),
    "security": (("33-", "15-1212", "15-1299.05"), ("security", "protective", "cyber*")),
    "aerospace": (("17-2011", "17-3021", "49-3011", "53-2"), ("aircraft", "aerospace",
                  "aviation", "space", "avionic*")),
}  # fmt: skip
ALIASES = {
    "health": "healthcare", "health care": "healthcare", "medicine": "healthcare",
    "medical": "healthcare", "hospitals": "healthcare", "teaching": "education",
    "schools": "education", "tech": "technology", "software": "technology", "it": "technology",
    "computers": "technology", "games": "video games", "gaming": "video games",
    "game development": "video games", "green energy": "renewable energy",
    "clean energy": "renewable energy", "solar": "renewable energy", "energy": "renewable energy",
    "climate": "environment", "nature": "environment", "banking": "finance",
    "money": "finance", "legal": "law", "art": "arts", "music": "arts", "design": "arts",
    "journalism": "media", "film": "media", "building": "construction", "trades": "construction",
    "factory": "manufacturing", "logistics": "transportation", "travel": "hospitality",
    "food": "hospitality", "restaurants": "hospitality", "public sector": "government",
    "nonprofit": "social services", "research": "science", "farming": "agriculture",
    "fitness": "sports", "pets": "animals", "veterinary": "animals", "property": "real estate",
    "advertising": "marketing", "aviation": "aerospace", "space": "aerospace",
}  # fmt: skip
TRANSFER_WEIGHT = 0.4
USE_WEIGHT = 0.3
FIELD_WEIGHT = 0.3
ZONE_PENALTY = 4.0
CREDENTIAL_COST = 5.0  # points per licence or certification the bridge requires first
FIRM = (Gating.REQUIRED, Gating.MOST_STATES)


@dataclass(frozen=True, slots=True)
class Bridge:
    code: str
    title: str
    score: float
    reasons: list[str]

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "score": self.score,
            "reasons": self.reasons,
        }


def field_members(text: str, catalog: Catalog | None = None) -> dict[int, tuple[float, str]]:
    """Occupation id -> (how clearly it belongs to the field 0-1, why)."""
    cat = resolve(catalog)
    key = " ".join(words(text))
    if not key:
        raise InvalidInput("Name a field of interest, for example 'healthcare' or 'video games'.")
    key = _known_field(key)
    if key not in FIELDS:
        # A field the table does not know is read for meaning: the occupations whose titles,
        # tasks and activities are about it, not those with the word somewhere in a title
        # ("hospital" is nursing and surgery, not a hospital's television rental clerk).
        return _described_field(text, cat)
    prefixes, keywords = FIELDS[key]
    # A keyword counts where the occupation's work is about the field as a whole: a word in one
    # of its many titles ("Hospital Television Rental Clerk", "Winding") does not make it so.
    described = _described_field(key, cat)
    members: dict[int, tuple[float, str]] = {
        oid: (0.5 + 0.3 * score, why) for oid, (score, why) in described.items()
    }
    for occupation in cat.occupations.values():
        if any(occupation.code.startswith(p) for p in prefixes):
            members[occupation.id] = (1.0, f"{key} is its field")
    titled: dict[int, list[tuple[int, str]]] = {}
    for keyword in keywords:
        stem = keyword.rstrip("*")
        ending = r"\w*" if keyword.endswith("*") else r"(s|es)?\b"  # not "wind" in "winding"
        pattern = re.compile(rf"\b{re.escape(stem)}{ending}", re.IGNORECASE)
        for oid, title, kind in cat.query(
            "SELECT occupation_id, title, kind FROM title WHERE norm LIKE ?", (f"%{stem}%",)
        ):
            if pattern.search(title):
                titled.setdefault(oid, []).append((kind, title))
        for oid, description in cat.query(
            "SELECT id, description FROM occupation WHERE description LIKE ?", (f"%{stem}%",)
        ):
            if pattern.search(description) and oid in described and members[oid][0] < 0.6:
                members[oid] = (0.6, f"its work involves {stem}")
    for oid, found in titled.items():
        # Several of its titles, or work about the field as a whole: one title among many is
        # a corner of the job ("Hospital Television Rental Clerk"), or another word ("Winding").
        if len(found) < TITLES_OF_A_FIELD and oid not in described:
            continue
        kind, title = min(found)
        strength = 0.9 if kind == 0 else 0.7
        if members.get(oid, (0.0, ""))[0] < strength:
            members[oid] = (strength, f"also known as '{title}'" if kind else "its title")
    return members


def _known_field(key: str) -> str:
    """The table's name for a field, whatever the number of its words ("hospital")."""
    for candidate in (key, f"{key}s", key.removesuffix("s"), key.removesuffix("es")):
        found = ALIASES.get(candidate, candidate)
        if found in FIELDS:
            return found
    return key


DESCRIBED_FIELD = 40  # occupations a field read for meaning may hold
TITLES_OF_A_FIELD = 3  # titles naming the field that make an occupation part of it
FIELD_FLOOR = 0.35  # how well, against the best, an occupation must be about the field


def _described_field(text: str, cat: Catalog) -> dict[int, tuple[float, str]]:
    meaning = read_meaning(text, cat)
    label = " ".join(text.split())
    ranked = sorted(meaning.scores.items(), key=lambda item: -item[1])[:DESCRIBED_FIELD]
    return {
        oid: (score, f"its work is about {label}") for oid, score in ranked if score >= FIELD_FLOOR
    }


def core_elements(cat: Catalog, occupation: Occupation, top: int = 12) -> dict[int, float]:
    """What a person in this occupation does most: its most important compared elements."""
    elements = cat.elements()
    ranked = sorted(
        ((im, e) for e, (im, _) in cat.ratings(occupation).items()
         if elements[e].domain in COMPARED),
        reverse=True,
    )  # fmt: skip
    return {e: im for im, e in ranked[:top]}


def _uses(cat: Catalog, core: dict[int, float], target: Occupation) -> float:
    """How much of what the person does most the target also relies on (0-1)."""
    ratings = cat.ratings(target)
    if not core:
        return 0.0
    return sum(min(1.0, ratings.get(e, (1.0, 0.0))[0] / im) for e, im in core.items()) / len(core)


def bridges(
    from_code: str,
    field_text: str,
    limit: int = 10,
    catalog: Catalog | None = None,
    person: SkillSet | None = None,
) -> list[Bridge]:
    """Occupations in the field ranked by skill transfer from `from_code` and field fit; the
    transfer counts `person`'s own skills when they are known, else the occupation's."""
    if limit < 1:
        raise InvalidInput(f"The limit must be at least 1, not {limit}.")
    cat = resolve(catalog)
    current = cat.occupation(from_code)
    members = field_members(field_text, cat)
    members.pop(current.id, None)
    if not members:
        suggestions = ", ".join(sorted(FIELDS)[:8])
        raise DomainRefusal(
            f"No occupations found for the field '{field_text}'. Try broader words, such as: "
            f"{suggestions}."
        )
    person = person or skills_of(current.code, catalog=cat)
    related = {rid for rid, _, _ in cat.related(current)}
    core = core_elements(cat, current)
    held = {c.key for c in credentials_for(current.code, cat) if c.gating in FIRM}
    results: list[tuple[float, Bridge]] = []
    for oid, (strength, why) in members.items():
        occupation = cat.by_id[oid]
        if not cat.ratings(occupation):
            continue
        fit = transfer(person, occupation.code, cat)
        uses = _uses(cat, core, occupation)
        score = TRANSFER_WEIGHT * fit.score + 100 * (USE_WEIGHT * uses + FIELD_WEIGHT * strength)
        reasons = [why[0].upper() + why[1:] + "."]
        carried = [s.name for s in fit.strengths[:3]]
        if carried:
            reasons.append(f"Uses what you already do: {', '.join(carried)}.")
        if fit.gaps:
            reasons.append(f"To build: {', '.join(g.name for g in fit.gaps[:2])}.")
        if current.job_zone and occupation.job_zone:
            score -= ZONE_PENALTY * abs(occupation.job_zone - current.job_zone)
        if oid in related:
            score += 5
            reasons.append(f"O*NET lists it as related to {current.title}.")
        # A licence or certification the job requires and today's job does not hold is a
        # gate to pass first: the fewer, the closer the bridge.
        needed = [
            c
            for c in credentials_for(occupation.code, cat)
            if c.gating in FIRM and c.key not in held
        ]
        if needed:
            score -= CREDENTIAL_COST * len(needed)
            reasons.append(f"Asks first for: {', '.join(c.name for c in needed[:2])}.")
        bridge = Bridge(occupation.code, occupation.title, round(min(score, 100), 1), reasons)
        results.append((score, bridge))
    # Ranked by the score itself: two above 100 are not a tie.
    results.sort(key=lambda pair: (-pair[0], pair[1].code))
    return [bridge for _, bridge in results[:limit]]
