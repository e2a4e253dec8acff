"""What a new wording loses: the criteria an earlier check met that the new one does not. A
review or an edit that makes a goal vaguer is allowed, but never silently.

    >>> from careerplan.domain.smart.report import Verdict
    >>> met, vague = Verdict(True, "Names 30 hours."), Verdict(False, "'some' has no amount.")
    >>> lost({"measurable": met}, {"measurable": vague})
    [('measurable', "'some' has no amount.")]
"""

from __future__ import annotations

from collections.abc import Mapping

from careerplan.domain.smart.report import CRITERIA, Verdict

WORDS = {"time_bound": "time-bound"}


def lost(before: Mapping[str, Verdict], after: Mapping[str, Verdict]) -> list[tuple[str, str]]:
    """(criterion, the new check's reason) for each criterion met before and not after, in
    S, M, A, R, T order."""
    return [
        (name, after[name].reason)
        for name in CRITERIA
        if name in before
        and name in after
        and before[name].ok is True
        and after[name].ok is not True
    ]


def criterion_words(name: str) -> str:
    """'time_bound' as people write it: 'time-bound'."""
    return WORDS.get(name, name)
