"""Occupation titles as a sentence needs them: "a Chief Executive", not "Chief Executives"."""

from __future__ import annotations

import re


def article(title: str) -> str:
    return "an" if title[:1].lower() in "aeiou" else "a"


# Plural-looking words that are not plurals of anything a job title means.
_KEEP_PLURAL = frozenset(
    {
        "sales", "operations", "resources", "relations", "systems", "services", "goods",
        "arts", "sciences", "affairs", "news", "physics", "economics", "mathematics",
        "statistics", "athletics", "logistics", "electronics", "analytics", "politics",
        "genetics",
    }
)  # fmt: skip


def _singular_word(word: str) -> str:
    lower = word.lower()
    if lower in _KEEP_PLURAL:
        return word
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def one_of(title: str) -> str:
    """O*NET names occupations in the plural ("Sales Managers"); a person is one of them.
    The last word before each "and", "or" or comma is made singular, up to an "Except" clause:
    "Secretary and Administrative Assistant, Except Legal"."""
    # "Surgeons, All Other" is O*NET's catch-all for the rest of a family: one of them is a
    # surgeon.
    title = re.sub(r",\s*All Other$", "", title)
    parts = re.split(r"(,\s*| and | or )", title)
    out: list[str] = []
    excepting = False
    for part in parts:
        excepting = excepting or part.startswith("Except")
        if not excepting and part.strip(", ") and part.strip() not in {"and", "or"}:
            words = part.split(" ")
            words[-1] = _singular_word(words[-1])
            part = " ".join(words)
        out.append(part)
    return "".join(out)
