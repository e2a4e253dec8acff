"""A route to the dream job: the gates in order, each with its duration and options, then the
entry job. Pure: the service hands in what the catalogue knows of the target (its credentials,
the BLS's typical entry education, experience and training) and of the person.

For most dream jobs the steps are gates: prerequisites, a programme (the one the person's
education allows first: an accelerated degree for someone who holds a bachelor's already, a
bridge for someone who holds the licence below), an exam, a licence, years of related
experience. Where the catalogue knows no credential, the BLS's typical entry education and
experience stand in. The route also says when the hours a week cannot carry the programme, and
what would.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from careerplan.domain.credentials import (
    BLS_EDUCATION,
    Credential,
    GateKind,
    Gating,
    Programme,
)
from careerplan.domain.education import Education

# Part-time months to a degree the BLS names as typical entry education, when no curated
# programme says more (a part-time associate's takes about 3 years, a bachelor's 6, a master's
# 3; a certificate 1): the same lengths the proposal planned with before routes.
DEGREE_MONTHS = {
    Education.CERTIFICATE: 12,
    Education.ASSOCIATE: 36,
    Education.BACHELOR: 72,
    Education.MASTER: 36,
    Education.DOCTORAL: 60,
}
# Months of related experience the BLS's bands stand for, at the low end of each band.
EXPERIENCE_MONTHS = {"5 years or more": 60, "Less than 5 years": 24}
# The BLS's on-the-job training that is a gate of its own (the others happen in the entry job).
TRAINING_GATES = {
    "Apprenticeship": ("apprenticeship", "a registered apprenticeship", 48),
    "Internship/residency": ("internship", "an internship or residency", 12),
}
# Programmes learned on the job rather than in spare hours.
WORK_BASED = frozenset({"apprenticeship", "none"})
# Months between finishing a programme and sitting its exam, and between the exam and a licence.
EXAM_AFTER_MONTHS = 2
LICENCE_AFTER_MONTHS = 1


@dataclass(frozen=True, slots=True)
class Person:
    education: Education | None
    education_field: str
    hours_per_week: float
    current_code: str | None
    current_title: str
    held: frozenset[str] = frozenset()  # keys of credentials held (the current job's licence)
    # Months of related experience the current job stands for (in the same field: the years
    # it took to get there count towards a gate of experience).
    experience_months: int = 0
    # False: the education is what the current job usually asks (or unknown), not the person's.
    education_said: bool = True


@dataclass(frozen=True, slots=True)
class Target:
    code: str
    title: str
    job_zone: int | None
    education: str | None  # the BLS's typical entry education
    experience: str | None  # the BLS's related work experience band
    training: str | None  # the BLS's typical on-the-job training
    credentials: tuple[Credential, ...]
    # Credentials the target's programmes ask to hold first (an EMT card before a paramedic
    # programme), by key, however far down the chain.
    prior: Mapping[str, Credential] = field(default_factory=dict)

    @property
    def is_management(self) -> bool:
        return self.code.startswith("11-")


@dataclass(frozen=True, slots=True)
class Stone:
    """A job people take on the way: related, asking less, building what the target needs."""

    code: str
    title: str
    why: str


@dataclass(slots=True)
class Gate:
    kind: str  # prerequisite, programme, apprenticeship, exam, licence, certification,
    # registration, experience, internship, degree, entry job
    name: str
    why: str
    months: float | None = None  # how long it takes this person, at their hours
    options: list[str] = field(default_factory=list)
    cost: str = ""
    varies_by_state: bool = False
    source: str = ""
    # "full time" or "part time" for a programme: the pace its months assume (full time when the
    # person's hours cannot carry even the part-time form, which the route then says).
    pace: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind, "name": self.name, "why": self.why, "months": self.months,
            "options": self.options, "cost": self.cost, "varies_by_state": self.varies_by_state,
            "source": self.source, "pace": self.pace or None,
        }  # fmt: skip


@dataclass(slots=True)
class Route:
    target_code: str
    target_title: str
    gates: list[Gate]
    stones: list[Stone]
    # When the hours a week cannot carry the programme: what it needs, and the ways out.
    hours_problem: str = ""
    hours_options: list[str] = field(default_factory=list)
    # Credentials that help without gating entry (a PMP for a project manager, say).
    helps: list[str] = field(default_factory=list)
    # The education the route started from, and the job the person does today.
    assumed_education: Education | None = None
    education_said: bool = True  # the education is the person's own, not assumed
    current_title: str = ""
    sources: list[str] = field(default_factory=list)

    @property
    def months(self) -> float:
        return sum(gate.months or 0 for gate in self.gates)

    def has(self, *kinds: str) -> bool:
        return any(gate.kind in kinds for gate in self.gates)

    def to_dict(self) -> dict[str, object]:
        return {
            "target": {"code": self.target_code, "title": self.target_title},
            "gates": [gate.to_dict() for gate in self.gates],
            "stepping_stones": [
                {"code": s.code, "title": s.title, "why": s.why} for s in self.stones
            ],
            "hours_problem": self.hours_problem or None,
            "hours_options": self.hours_options,
            "helps": self.helps,
            "months": self.months,
            "sources": self.sources,
        }


def months_text(months: float) -> str:
    """'18 months', '2 years', '3.5 years': how long, the way people say it."""
    if months < 24:
        return f"{months:g} month{'s' if months != 1 else ''}"
    years = months / 12
    return f"{years:g} years" if years == int(years) else f"{round(years * 2) / 2:g} years"


def _cost(credential: Credential) -> str:
    if credential.cost_low is None and credential.cost_high is None:
        return ""
    low, high = credential.cost_low or 0, credential.cost_high or credential.cost_low or 0
    spread = f"${low:,.0f}" if low == high else f"${low:,.0f}-${high:,.0f}"
    return f"{spread} ({credential.cost_covers})" if credential.cost_covers else spread


class _Builder:
    def __init__(self, person: Person, target: Target, stones: Sequence[Stone]) -> None:
        self.person = person
        self.target = target
        self.level = person.education or Education.HIGH_SCHOOL
        self.route = Route(
            target.code,
            target.title,
            [],
            list(stones),
            assumed_education=person.education,
            education_said=person.education_said,
            current_title=person.current_title,
        )
        self.programmes: set[str] = set()
        # What the person holds, and what the route has them earn on the way.
        self.held: set[str] = set(person.held)

    def build(self) -> Route:
        if self.person.current_code == self.target.code:
            # Already in the occupation: what is left is the move into the role wanted.
            self.route.gates.append(self.entry_job())
            return self.route
        gating = [c for c in _in_order(self.target.credentials) if c.key not in self.held]
        optional = [c for c in gating if c.gating is Gating.OPTIONAL]
        for credential in gating:
            if credential.key in self.held or credential in optional:
                continue  # earned already on the way to another, or only a help
            self.credential(credential)
        if not self.route.has("programme", "apprenticeship", "degree"):
            # The degree the job asks on entry comes before the years and exams that follow it.
            self.degree()
        self.experience()
        # A help the route already passes through (the CPA exam on the way to the CPA
        # licence, its 150 hours in the programme) is no extra.
        passed = " | ".join(gate.name for gate in self.route.gates if gate.kind != "entry job")
        self.route.helps = [
            _helps(c)
            for c in optional
            if c.key not in self.held and not c.named_in(passed, acronyms=True)
        ]
        self.training()
        self.route.gates.append(self.entry_job())
        self.route.sources = sorted({s for c in gating for s in c.sources})
        return self.route

    def credential(self, credential: Credential, depth: int = 0) -> None:
        if credential.kind is GateKind.EXPERIENCE:
            self.experience_ladder(credential)
            self.held.add(credential.key)
            return
        if credential.programmes:
            self._earn_what_programmes_ask_first(credential, depth)
            self.programme(credential)
        if credential.exam is not None:
            fee = f"${credential.exam.fee_usd:,.0f}" if credential.exam.fee_usd else ""
            self.route.gates.append(
                Gate(
                    "exam", credential.exam.name,
                    f"Set by {credential.exam.by}; {credential.name} asks for it.",
                    months=EXAM_AFTER_MONTHS, cost=fee, source=credential.key,
                )
            )  # fmt: skip
        if credential.kind.value in ("licence", "certification", "registration"):
            asks = "; ".join(p[0].lower() + p[1:] for p in credential.prerequisites)
            asks = f". It asks for: {asks}" if asks else ""
            # The cost is the programme's when the route goes through one for this credential.
            priced = any(g.source == credential.key and g.cost for g in self.route.gates)
            self.route.gates.append(
                Gate(
                    credential.kind.value, credential.name,
                    f"Granted by {credential.authority}{asks}.",
                    months=LICENCE_AFTER_MONTHS, cost="" if priced else _cost(credential),
                    varies_by_state=credential.varies_by_state, source=credential.key,
                )
            )  # fmt: skip
        if credential.experience_months > self._work_months():
            self.route.gates.append(
                Gate(
                    "experience", f"{months_text(credential.experience_months)} of experience",
                    credential.experience or f"{credential.name} asks for it.",
                    months=float(credential.experience_months - self._work_months()),
                    source=credential.key,
                )
            )  # fmt: skip
        self.held.add(credential.key)

    def _earn_what_programmes_ask_first(self, credential: Credential, depth: int) -> None:
        """When every programme into a credential asks to hold another one first (a paramedic
        programme asks for an EMT card), the route earns that one before it."""
        if depth > 4 or any(
            not p.requires_credential or p.requires_credential in self.held
            for p in credential.programmes
        ):
            return
        for programme in credential.programmes:
            prior = self.target.prior.get(programme.requires_credential or "")
            if prior is not None and prior.key not in self.held:
                self.credential(prior, depth + 1)
                return

    def _work_months(self) -> float:
        """Months the route already spends working in the trade (an apprenticeship is a job)."""
        return sum(g.months or 0 for g in self.route.gates if g.kind == "apprenticeship")

    def experience_ladder(self, credential: Credential) -> None:
        """Experience that gates the job (years in management before a chief executive's
        seat): the years, and the ladder's rungs, not a list of software."""
        studies = [p for p in credential.programmes if p.award not in WORK_BASED]
        rungs = [p.name for p in credential.programmes if p.award in WORK_BASED]
        months = credential.experience_months - self.person.experience_months
        if months <= 0:
            return
        name = f"{months_text(months)} of further experience"
        if rungs:
            name += f": {rungs[0][0].lower()}{rungs[0][1:]}"
        why = credential.experience or f"{credential.name} asks for it."
        if self.person.experience_months:
            why += (
                f" About {months_text(self.person.experience_months)} of it is counted from "
                f"your work as {self.person.current_title}."
            )
        self.route.gates.append(
            Gate(
                "experience", name, why,
                months=float(months),
                options=[_option(p, self.person.hours_per_week) for p in studies[:2]],
                source=credential.key,
            )
        )  # fmt: skip

    def programme(self, credential: Credential) -> None:
        fits, out_of_reach = self._options(credential.programmes)
        if not fits and not out_of_reach:
            return  # every way in asks for a credential the catalogue cannot say how to earn
        if not fits:
            # Every programme asks for more education than the person has: that comes first.
            needed = min((p.requires for p in out_of_reach), key=lambda e: e.rank)
            self.route.gates.append(
                Gate(
                    "prerequisite", f"Earn {needed.label}",
                    f"The programmes for {credential.name} start from {needed.label}.",
                    months=float(DEGREE_MONTHS.get(needed, 0)) or None,
                )
            )  # fmt: skip
            fits = [p for p in out_of_reach if p.requires.rank <= needed.rank]
        chosen = fits[0]
        if chosen.name in self.programmes or (
            self.route.has("apprenticeship") and (chosen.award == "apprenticeship")
        ):
            return
        self.programmes.add(chosen.name)
        self._admission(chosen)
        pace = ""
        if chosen.award in WORK_BASED:
            # Learned on a paid job: it takes the place of the current one, not spare hours.
            months: float | None = chosen.full_time_months
        else:
            months = chosen.months_at(self.person.hours_per_week)
            if months is None:
                self._hours_problem(chosen)
            part = months is not None and months != chosen.full_time_months
            pace = "part time" if part else "full time"
        kind = "apprenticeship" if chosen.award == "apprenticeship" else "programme"
        why = f"{chosen.name} leads to {credential.name}"
        why += f" ({chosen.suits})." if chosen.suits else "."
        self.route.gates.append(
            Gate(
                kind, chosen.name, why,
                months=months if months is not None else chosen.full_time_months,
                options=[_option(p, self.person.hours_per_week) for p in fits[1:4]],
                cost=_cost(credential), varies_by_state=credential.varies_by_state,
                source=credential.key, pace=pace,
            )
        )  # fmt: skip

    def _admission(self, programme: Programme) -> None:
        """What the programme asks before it admits anyone (courses, an entrance test, a
        driving licence), as the gate before it."""
        if not programme.admission:
            return
        studied = f" (your {self.person.education_field} studies may cover some)"
        self.route.gates.append(
            Gate(
                "prerequisite", f"Complete the admission requirements for {programme.name}: "
                + ", ".join(programme.admission),
                f"{programme.name} asks for them before it admits you"
                + (studied if self.person.education_field else "") + ".",
                months=programme.admission_months or None,
            )
        )  # fmt: skip

    def _options(self, programmes: Sequence[Programme]) -> tuple[list[Programme], list[Programme]]:
        """The programmes this person can start, those that use what they hold first (a bridge
        from a licence held, an accelerated degree for a degree held), and the others."""
        fits: list[Programme] = []
        out_of_reach: list[Programme] = []
        for programme in programmes:
            if programme.requires_credential and programme.requires_credential not in self.held:
                continue
            (fits if programme.requires.rank <= self.level.rank else out_of_reach).append(programme)

        def uses_what_is_held(programme: Programme) -> int:
            if programme.requires_credential:
                return 0
            return 1 if programme.requires.rank >= Education.ASSOCIATE.rank else 2

        fits.sort(key=uses_what_is_held)  # stable: the table's own order within each
        return fits, out_of_reach

    def _hours_problem(self, programme: Programme) -> None:
        hours = self.person.hours_per_week
        need = programme.part_time_hours
        self.route.hours_problem = (
            f"{programme.name} takes about {need:g} hours a week part time "
            f"({programme.hours_per_week_full_time:g} full time); {hours:g} hours a week "
            "cannot carry it."
        )
        options = []
        if programme.part_time_months:
            options.append(
                f"Give it {need:g} hours a week: {months_text(programme.part_time_months)} "
                "part time."
            )
        options.append(
            f"Study full time: {months_text(programme.full_time_months)} at about "
            f"{programme.hours_per_week_full_time:g} hours a week."
        )
        options.append("Set a later target date and raise the hours when life allows.")
        if self.route.stones:
            stone = self.route.stones[0]
            options.append(f"Start closer: work as {stone.title} first ({stone.why.rstrip('.')}).")
        self.route.hours_options = options

    def degree(self) -> None:
        needed = BLS_EDUCATION.get(self.target.education or "")
        if needed is None or needed.rank <= self.level.rank or needed not in DEGREE_MONTHS:
            return
        self.route.gates.insert(
            0,
            Gate(
                "degree", f"Earn {needed.label}",
                f"{self.target.title} usually asks for {needed.label} on entry (BLS); "
                + (
                    f"you hold {self.level.label}."
                    if self.person.education is not None
                    else "skip this if you hold one (add your education to your profile)."
                ),
                months=float(DEGREE_MONTHS[needed]), source="BLS",
            )
        )  # fmt: skip

    def experience(self) -> None:
        if self.route.has("experience"):
            return
        needed = EXPERIENCE_MONTHS.get(self.target.experience or "")
        if needed is None:
            return
        months = needed - self.person.experience_months
        if months <= 0:
            return
        band = (self.target.experience or "").lower()
        if self.target.is_management:
            name = (
                f"{months_text(months)} of management experience: lead a team, then a function "
                "with its own budget"
            )
        else:
            name = f"{months_text(months)} of related work experience"
        self.route.gates.append(
            Gate(
                "experience", name,
                f"{self.target.title} usually asks for {band} of experience in a related "
                "occupation (BLS).",
                months=float(months), source="BLS",
            )
        )  # fmt: skip

    def training(self) -> None:
        gate = TRAINING_GATES.get(self.target.training or "")
        if gate is None or self.route.has(gate[0], "apprenticeship"):
            return
        kind, name, months = gate
        self.route.gates.append(
            Gate(
                kind, f"Complete {name}",
                f"{self.target.title} is usually learned through {name} (BLS).",
                months=float(months), source="BLS",
            )
        )  # fmt: skip

    def entry_job(self) -> Gate:
        return Gate(
            "entry job",
            f"Apply for {self.target.title} roles",
            "With the gates above passed, the applications turn the plan into the job.",
        )


def _in_order(credentials: Sequence[Credential]) -> list[Credential]:
    """Firmest first (the order given), but a credential another one's programmes ask to hold
    comes before that one: private pilot, instrument rating, commercial, then ATP."""
    keys = {c.key for c in credentials}
    placed: list[Credential] = []
    waiting = list(credentials)
    while waiting:
        for credential in waiting:
            needs = {p.requires_credential for p in credential.programmes} & keys
            if not needs - {c.key for c in placed}:
                placed.append(credential)
                waiting.remove(credential)
                break
        else:  # a loop in the table: keep the given order for the rest
            placed.extend(waiting)
            break
    return placed


def _helps(credential: Credential) -> str:
    """One line: the credential, its exam when that has a name of its own, what it asks."""
    exam = credential.exam
    named = exam is not None and exam.name.lower() not in credential.name.lower()
    exam_text = f" (exam: {exam.name})" if named and exam is not None else ""
    need = f"; {credential.experience}" if credential.experience else ""
    return f"{credential.name}{exam_text}: not needed to start, but it helps{need}"


def _option(programme: Programme, hours_per_week: float) -> str:
    months = programme.months_at(hours_per_week)
    length = (
        f"{months_text(months)} at your hours"
        if months is not None
        else f"{months_text(programme.full_time_months)} full time"
    )
    suits = f"; {programme.suits}" if programme.suits else ""
    return f"{programme.name} ({length}{suits})"


def route_to(person: Person, target: Target, stones: Sequence[Stone] = ()) -> Route:
    """The gates from where the person stands to the target, in order, then the entry job."""
    return _Builder(person, target, stones).build()
