"""The occupation catalogue: O*NET occupations with BLS wages and outlook, read from the file
shipped in `careerplan/catalog/data/`. Only the standard library's sqlite3 (and rapidfuzz for
typo correction) is used at run time.

Import the functions from here; every one takes an optional `catalog` (default: the shipped file).
"""

from __future__ import annotations

from careerplan.catalog.bridge import Bridge, bridges
from careerplan.catalog.interests import (
    InterestProfile,
    Item,
    Match,
    items,
    matches,
    parse_answers,
    score_answers,
)
from careerplan.catalog.paths import CareerPath, Step, career_paths
from careerplan.catalog.profile import Profile, profile
from careerplan.catalog.recommend import Recommendation, recommend
from careerplan.catalog.reflection import Reading, read_reflection
from careerplan.catalog.requirements import Requirements, requirements
from careerplan.catalog.search import TitleMatch, best_occupation, search_titles
from careerplan.catalog.skills import SkillSet, Transfer, skills_of, transfer, transfer_between
from careerplan.catalog.store import Catalog, Occupation, open_catalog
from careerplan.catalog.vocabulary import vocabulary_for_code, vocabulary_for_title

__all__ = [
    "Bridge",
    "CareerPath",
    "Catalog",
    "InterestProfile",
    "Item",
    "Match",
    "Occupation",
    "Profile",
    "Reading",
    "Recommendation",
    "Requirements",
    "SkillSet",
    "Step",
    "TitleMatch",
    "Transfer",
    "best_occupation",
    "bridges",
    "career_paths",
    "items",
    "matches",
    "open_catalog",
    "parse_answers",
    "profile",
    "read_reflection",
    "recommend",
    "requirements",
    "score_answers",
    "search_titles",
    "skills_of",
    "transfer",
    "transfer_between",
    "vocabulary_for_code",
    "vocabulary_for_title",
]
