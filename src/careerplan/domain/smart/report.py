"""The S.M.A.R.T. report: verdicts, reasons, evidence, extracted schedule and a proposed rewrite.

`SmartReport.to_json()` is the stable, documented shape that the command line prints, the
JSONL mode streams and the plan stores with each goal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from careerplan.domain import smart_notation as notation
from careerplan.domain.smart.text import Span
from careerplan.domain.smart_notation import CRITERIA

__all__ = ["CRITERIA", "Measure", "SmartReport", "Verdict", "Window"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """One criterion: `ok` is None when the text gives no basis to decide."""

    ok: bool | None
    reason: str
    evidence: tuple[Span, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Verdict:
        return cls(data["ok"], data["reason"], tuple(_span(e) for e in data["evidence"]))

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "reason": self.reason,
            "evidence": [span.to_json() for span in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Window:
    start: date
    end: date

    def to_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass(frozen=True, slots=True)
class Measure:
    """What the goal counts: a target quantity or a checkable outcome."""

    kind: str  # count, percentage, money, score, rank, multiplier, duration, outcome
    text: Span
    value: float | None = None
    unit: str | None = None
    metric: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Measure:
        value = data["value"]
        return cls(
            data["kind"],
            _span(data["evidence"]),
            None if value is None else float(value),
            data["unit"],
            data["metric"],
        )

    def to_json(self) -> dict[str, object]:
        value: float | int | None = self.value
        if value is not None and float(value).is_integer():
            value = int(value)
        return {
            "kind": self.kind,
            "value": value,
            "unit": self.unit,
            "metric": self.metric,
            "evidence": self.text.to_json(),
        }


@dataclass(frozen=True, slots=True)
class SmartReport:
    specific: Verdict
    measurable: Verdict
    attainable: Verdict
    relevant: Verdict
    time_bound: Verdict
    deadline: date | None = None
    deadline_window: Window | None = None
    recurrence: str | None = None
    measure: Measure | None = None
    suggestions: tuple[str, ...] = ()
    rewrite: str | None = None
    language: str = "en"
    supported: bool = True
    notes: tuple[str, ...] = field(default=())

    @property
    def score(self) -> int:
        """How many of the five criteria pass (an undecided one does not count)."""
        return sum(1 for name in CRITERIA if self.verdict(name).ok is True)

    @property
    def letters(self) -> str:
        """The five letters in the one notation (`notation`): `SMART` with a failed letter in
        lower case and an undecided one shown as `?`."""
        return notation.letters(self.verdict(name).ok for name in CRITERIA)

    def verdict(self, name: str) -> Verdict:
        verdict: Verdict = getattr(self, name)
        return verdict

    @classmethod
    def stored(cls, data: Mapping[str, Any] | None) -> SmartReport | None:
        """The report a goal holds, or None when it has none or holds one an older version
        stored in another shape (it is checked again at its next change)."""
        if not data:
            return None
        try:
            return cls.from_json(data)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SmartReport:
        """The report back from `to_json()` output, e.g. as stored with a goal."""
        criteria = data["criteria"]
        window = data.get("deadline_window")
        return cls(
            **{name: Verdict.from_json(criteria[name]) for name in CRITERIA},
            deadline=date.fromisoformat(data["deadline"]) if data.get("deadline") else None,
            deadline_window=Window(
                date.fromisoformat(window["start"]), date.fromisoformat(window["end"])
            )
            if window
            else None,
            recurrence=data.get("recurrence"),
            measure=Measure.from_json(data["measure"]) if data.get("measure") else None,
            suggestions=tuple(data.get("suggestions", ())),
            rewrite=data.get("rewrite"),
            language=data.get("language", "en"),
            supported=data.get("supported", True),
            notes=tuple(data.get("notes", ())),
        )

    def to_json(self) -> dict[str, object]:
        return {
            "specific": self.specific.ok is True,
            "measurable": self.measurable.ok is True,
            "attainable": self.attainable.ok,
            "relevant": self.relevant.ok,
            "time_bound": self.time_bound.ok is True,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_window": self.deadline_window.to_json() if self.deadline_window else None,
            "recurrence": self.recurrence,
            "measure": self.measure.to_json() if self.measure else None,
            "score": self.score,
            "criteria": {name: self.verdict(name).to_json() for name in CRITERIA},
            "suggestions": list(self.suggestions),
            "rewrite": self.rewrite,
            "language": self.language,
            "supported": self.supported,
            "notes": list(self.notes),
        }


def _span(data: Mapping[str, Any]) -> Span:
    return Span(data["text"], data["start"], data["end"])
