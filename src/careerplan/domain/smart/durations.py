"""Is the time a goal allows enough for the credential it names?

The usual duration is the shortest route the person could take: each of the credential's
programmes at the pace the person's hours carry (its part-time length when they cannot carry
full-time study; never shorter than its full-time length, whatever the hours), after the
education and credentials it asks for, with the experience the credential asks for where the
goal's own words make it part of the window. Forms that need more education than the person is
known to hold (an accelerated BSN for bachelor's holders) count only when their education allows
them; when it is not known, a window that only they fit leaves the verdict undecided.

Prerequisites the goal says nothing about are notes, not failures: "Pass the NCLEX-RN within 3
months" is attainable for someone who has finished a nursing programme, so the note says the
exam comes after one. Durations are typical lengths, so a window a little short of one (up to
two weeks or a tenth) still passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerplan.domain.credentials import Credential, Gating
from careerplan.domain.education import Education
from careerplan.domain.smart.credential_reading import Reading
from careerplan.domain.smart.credential_routes import (
    Person,
    faster,
    first_step,
    hours_for,
    is_done,
    route_phrase,
    routes_to,
)
from careerplan.domain.smart.credential_terms import CredentialKnowledge
from careerplan.domain.smart.programmes import (
    age_limits,
    capital,
    is_prep,
    label,
    least_education,
    months_at,
    say_months,
    short_name,
    usual,
)
from careerplan.domain.smart.report import Verdict

_EMPLOYER_ROUTE = re.compile(r"\b(?:hire[sd]?|employees?|selected|sponsored)\b")


__all__ = ["Judgement", "Person", "judge"]


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    notes: tuple[str, ...] = ()
    needed: float | None = None  # months the goal would need, when it allows too few
    step: str | None = None  # a first step that fits the window, e.g. "Enrol in an ADN programme"


def judge(
    reading: Reading, knowledge: CredentialKnowledge, person: Person, said: str | None = None
) -> Judgement | None:
    """The attainable verdict for a goal naming a credential, or None when the credential
    gives no basis for one (the analyser's other rules then decide). `said` is how the goal
    names it (“BSN”); the record's own name stands in when it is not given."""
    target = reading.target
    if target is None:
        return None
    credential = target.credential
    if said is None:
        said = short_name(credential, exam=target.exam)
    refusal = _refusal(reading, credential, knowledge, said)
    if refusal is not None:
        return Judgement(refusal)
    if reading.intent == "start":
        return _start(reading, credential, said)
    if reading.intent == "exam":
        return _exam(reading, credential, knowledge, person, said)
    return _earn(reading, credential, knowledge, person, said)


_LACK_WORDS = frozenset({"self", "training", "experience", "exam", "education", "programme"})


def _refusal(
    reading: Reading, credential: Credential, knowledge: CredentialKnowledge, said: str
) -> Verdict | None:
    """Goals the rules rule out whatever the time: too young or too old, a requirement the goal
    says is missing, one rule for every state where each state has its own."""
    if reading.age is not None:
        low, high = age_limits(credential)
        if low is not None and reading.age < low:
            return Verdict(False, f"{capital(said)} needs you to be at least {low:g}.")
        if high is not None and reading.age >= high:
            return Verdict(
                False, f"{capital(said)} is open only to people appointed before {high:g}."
            )
    if reading.everywhere and credential.varies_by_state:
        return Verdict(
            False, f"The rules for {said} differ from state to state, so one plan cannot hold "
            "in every state."
        )  # fmt: skip
    if (
        reading.employer_first
        and credential.programmes
        and all(_EMPLOYER_ROUTE.search(p.suits) for p in credential.programmes)
    ):
        return Verdict(
            False, f"{capital(said)} comes through an employer's training, after being hired."
        )
    lacks = reading.lacks
    gates = credential.gating is not Gating.OPTIONAL
    if "programme" in lacks and credential.programmes:
        entry = usual(list(credential.programmes))
        return Verdict(
            False,
            f"{capital(said)} comes after {label(entry)} or another qualifying programme; the "
            "goal puts it before one.",
        )
    if "self" in lacks and gates and reading.intent != "start":
        return Verdict(False, f"The work needs {said} itself; the goal leaves it out.")
    if "exam" in lacks and (credential.exam is not None or credential.kind.value == "exam"):
        exam = credential.exam.name if credential.exam else said
        return Verdict(False, f"{capital(said)} requires passing the {_short(exam)}.")
    if (
        "training" in lacks
        and credential.programmes
        and all(p.award != "none" for p in credential.programmes)
        and reading.window is None
    ):
        route = min(credential.programmes, key=lambda p: p.full_time_months)
        return Verdict(
            False, f"{capital(said)} needs training first: at least {label(route)} "
            f"({say_months(route.full_time_months)})."
        )  # fmt: skip
    if "experience" in lacks and credential.experience_months and reading.window is None:
        return Verdict(
            False, f"{capital(said)} needs about {say_months(credential.experience_months)} of "
            "experience first."
        )  # fmt: skip
    for key in sorted(reading.lacks - _LACK_WORDS):
        needed = knowledge.credential(key)
        if needed is not None and needed.gating is not Gating.OPTIONAL and reading.window is None:
            return Verdict(
                False, f"{capital(said)} needs {short_name(needed)} first; the goal leaves it out."
            )
    if reading.only and credential.key not in reading.only:
        return Verdict(False, f"{capital(said)} takes more than the goal allows for it.")
    if reading.cap is not None and reading.window is None:
        least = least_education(credential, reading.target.programmes if reading.target else ())
        if least is not None and least.rank > reading.cap.rank:
            return Verdict(False, f"{capital(said)} needs at least {least.label}.")
    return None


def _start(reading: Reading, credential: Credential, said: str) -> Judgement:
    routes = credential.programmes
    if not routes:
        return Judgement(Verdict(True, f"Starting on {said} is a step within your control."))
    first = min(routes, key=lambda p: p.full_time_months)
    return Judgement(
        Verdict(
            True,
            f"Starting is a step within your control; {label(first)} itself takes "
            f"{say_months(first.full_time_months)}.",
        )
    )


def _exam(
    reading: Reading,
    credential: Credential,
    knowledge: CredentialKnowledge,
    person: Person,
    said: str,
) -> Judgement | None:
    """An exam comes after the programme that makes a person eligible; its own preparation is
    the review courses of an exam's record. A window counted from the start of the qualifying
    programme must hold the programme, unless the exam is one part taken along the way."""
    notes: list[str] = []
    if reading.lacks - {"self", "experience"}:
        return Judgement(
            Verdict(False, f"{capital(said)} comes only after its qualifying programme.")
        )
    prep = [p for p in credential.programmes if is_prep(p, credential)]
    qualifying = [p for p in credential.programmes if p not in prep]
    if (
        reading.course is not None
        and qualifying
        and not any(is_done(reading, p, knowledge) for p in qualifying)
    ):
        entry = usual(qualifying)
        return Judgement(
            Verdict(False, f"{capital(said)} asks for {label(entry)} "
                    f"({say_months(entry.full_time_months)}) or a programme like it first."),
            needed=entry.full_time_months,
        )  # fmt: skip
    window = reading.window
    hours = hours_for(reading, person)
    started = credential.key in reading.started and not reading.in_programme
    # A window from the start of the studies: the qualifying programme's, unless the exam has
    # review courses of its own (then those are the studies) or is one part taken on the way.
    if qualifying and not prep and started and window is not None and not reading.part_of_exam:
        months = min(months_at(p, hours, reading.pace)[0] for p in qualifying)
        if not _fits(window, months):
            return Judgement(
                Verdict(False, f"{capital(said)} comes after {say_months(months)} of "
                        f"preparation; the goal allows {_say_window(window)}."),
                needed=months,
            )  # fmt: skip
    prepared = bool(
        reading.held or reading.started or reading.in_programme or reading.graduated
        or reading.done or reading.course
    )  # fmt: skip
    if qualifying and not prepared:
        entry = usual(qualifying)
        notes.append(
            f"{capital(said)} comes after {label(entry)} ({say_months(entry.full_time_months)})"
            " or another qualifying programme; the goal does not say you have finished one."
        )
    asked = min((p.requires for p in prep), key=lambda e: e.rank, default=None)
    education = reading.education or person.education
    if asked is not None and asked.rank > Education.SOME_COLLEGE.rank and not prepared:
        if education is not None and education.rank < asked.rank:
            return Judgement(
                Verdict(False, f"{capital(said)} asks for {asked.label} first."), tuple(notes)
            )
        if education is None:
            notes.append(
                f"{capital(said)} asks for {asked.label} first; the goal does not say you hold one."
            )
    if window is None or reading.part_of_exam or not prep:
        return Judgement(
            Verdict(True, f"{capital(said)} is within reach once you are eligible."), tuple(notes)
        )
    months = min(months_at(p, hours, reading.pace)[0] for p in prep)
    if _fits(window, months):
        return Judgement(
            Verdict(True, f"Preparing for {said} takes about {say_months(months)}; the goal "
                    f"allows {say_months(window)}."),
            tuple(notes),
        )  # fmt: skip
    return Judgement(
        Verdict(False, f"Preparing for {said} usually takes {say_months(months)}; the goal "
                f"allows {_say_window(window)}."),
        tuple(notes),
        needed=months,
    )  # fmt: skip


def _earn(
    reading: Reading,
    credential: Credential,
    knowledge: CredentialKnowledge,
    person: Person,
    said: str,
) -> Judgement | None:
    notes: list[str] = []
    routes = routes_to(reading, credential, knowledge, person, notes)
    if not routes:
        return None
    certain = [r for r in routes if r.certain]
    best = min(certain or routes, key=lambda r: r.months)
    quickest = min(routes, key=lambda r: r.months)
    notes.extend(best.notes)
    window = reading.window
    named = bool(reading.target and reading.target.programmes) or reading.intent == "programme"
    head = capital(route_phrase(best)) if named else (
        f"{capital(said)} takes at least {say_months(best.months)}: {route_phrase(best)}"
        if best.months else f"{said}: nothing more is needed"
    )  # fmt: skip
    if window is None:
        return Judgement(
            Verdict(True, f"{head}; nothing in the goal stands in the way."), tuple(notes)
        )
    allows = f"the goal allows {_say_window(window)}"
    if certain and _fits(window, best.months):
        return Judgement(Verdict(True, f"{head}; {allows}."), tuple(notes))
    if _fits(window, quickest.months):
        return Judgement(
            Verdict(None, f"{head}; {allows}. It fits only by {quickest.label} "
                    f"({say_months(quickest.months)}), {quickest.why_not}."),
            tuple(notes),
        )  # fmt: skip
    reason = f"{head}{faster(routes, best)}; {allows}."
    return Judgement(
        Verdict(False, reason), tuple(notes), needed=best.months, step=first_step(best, window)
    )


def _say_window(window: float) -> str:
    return say_months(window) if window else "no time"


def _fits(window: float, months: float) -> bool:
    return window >= months - max(0.5, 0.1 * months)


def _short(name: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", name).strip()
