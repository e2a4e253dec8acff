""" "What I'm looking for": the one-page card a person hands their network (step 5 of the
article: be "clear about what you want in terms of roles, industries, and organizational
culture"), as the CLI, the pages and the PDF show it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class LookingFor:
    name: str
    dream_job: str
    roles: str
    industry: str
    organisation: str  # type and size, as the person put them
    culture: str
    location: str
    pay_range: str
    skills: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str]]:
        """The card's lines that say something, as (heading, words)."""
        found = [
            ("Roles", self.roles or self.dream_job),
            ("Industries", self.industry),
            ("Organisation", self.organisation),
            ("Culture", self.culture),
            ("Location", self.location),
            ("Pay", self.pay_range),
        ]
        return [(heading, words) for heading, words in found if words]

    def empty_fields(self) -> list[str]:
        """What the card could say and does not yet, for a hint."""
        said = dict(self.rows())
        return [
            h for h in ("Industries", "Organisation", "Culture", "Location", "Pay") if h not in said
        ]

    def text(self) -> str:
        """The shareable version: plain text a person pastes into a message."""
        lines = [f"What I'm looking for — {self.name}" if self.name else "What I'm looking for", ""]
        lines += [f"{heading}: {words}" for heading, words in self.rows()]
        if self.skills:
            lines += ["", "What I bring: " + "; ".join(self.skills)]
        lines += ["", "If you know someone I should talk to, I would be glad of an introduction."]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "dream_job": self.dream_job,
            "roles": self.roles,
            "industry": self.industry,
            "organisation": self.organisation,
            "culture": self.culture,
            "location": self.location,
            "pay_range": self.pay_range,
            "skills": list(self.skills),
            "text": self.text(),
        }
