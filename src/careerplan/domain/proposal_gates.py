"""The spine of a proposed plan: a goal for each gate of the route to the dream job, in order,
each dated from the one before (enrol, complete the programme, pass the exam, get the licence,
build the years of experience). Pure rules, like the rest of the proposal."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from careerplan.domain.dates import add_months, end_of_month
from careerplan.domain.entities import Category, ResourceKind
from careerplan.domain.errors import Advice
from careerplan.domain.proposal_types import slug, spoken
from careerplan.domain.route import Gate, Route, months_text

# A programme starts at the next intake: about three months to choose, apply and enrol.
ENROL_MONTHS = 3
# Years of experience get a goal at this mark too, so a long climb has a 2-year goal.
MILESTONE_MONTHS = 24


@dataclass(frozen=True, slots=True)
class GateAction:
    text: str
    due: date


@dataclass(slots=True)
class GateGoal:
    """A proposed goal for one gate, before the proposal adds its horizon."""

    key: str
    text: str
    category: Category
    due: date
    why: str
    actions: list[GateAction] = field(default_factory=list)
    resources: list[tuple[ResourceKind, str]] = field(default_factory=list)
    metric: str | None = None
    target: float | None = None
    unit: str = ""


@dataclass(slots=True)
class Spine:
    goals: list[GateGoal]
    ready: date  # when the last gate is passed
    warnings: list[Advice]


def _the(name: str) -> str:
    """'the NCLEX-RN', 'my registered nurse licence': names read as a sentence needs them."""
    return name if name.lower().startswith(("a ", "an ", "the ", "my ")) else f"the {name}"


class _Spine:
    def __init__(self, route: Route, today: date) -> None:
        self.route = route
        self.today = today
        self.cursor = today
        self.goals: list[GateGoal] = []
        self.passed = ""  # the gate before, which each goal names so it reads on its own

    def build(self) -> Spine:
        for gate in self.route.gates:
            if gate.kind == "entry job":
                continue
            builder = _BUILDERS.get(gate.kind, _Spine._completion)
            builder(self, gate)
            self.passed = gate.name
        # The route itself says when the hours cannot carry its programme, and what would.
        return Spine(self.goals, self.cursor, [])

    def _after_passed(self) -> str:
        """ ", after the NCLEX-RN": the gate it follows, so the goal (and its check) knows the
        programme or exam before it is part of the plan, not something still to do."""
        return f", after {_the(self.passed)}" if self.passed else ""

    def _months(self, gate: Gate) -> float:
        return gate.months or 0.0

    def _after(self, months: float) -> date:
        return end_of_month(add_months(self.cursor, max(1, round(months))))

    def _programme(self, gate: Gate) -> None:
        """Enrol first (the near goal the plan can start on), then complete it."""
        enrol = end_of_month(add_months(self.cursor, ENROL_MONTHS))
        self.cursor = enrol
        done = self._after(self._months(gate))
        start_word = "Start" if gate.kind == "apprenticeship" else "Enrol in"
        name = _the(gate.name)
        options = f" Other ways in: {'; '.join(gate.options)}." if gate.options else ""
        cost = f" Cost: {gate.cost}." if gate.cost else ""
        state = " Rules vary by state: check your state's board." if gate.varies_by_state else ""
        self.goals.append(
            GateGoal(
                key=f"route-enrol-{slug(gate.name)}",
                text=f"{start_word} {name} by {spoken(enrol)}",
                category=Category.EDUCATION,
                due=enrol,
                why=f"{gate.why}{options}{cost}{state}",
                actions=[
                    GateAction(
                        f"Shortlist 3 providers of {gate.name} and compare cost, length and "
                        "entry requirements",
                        self.today + timedelta(days=30),
                    ),
                    GateAction(
                        "Ask my manager or HR whether work sponsors it",
                        self.today + timedelta(days=21),
                    ),
                ],
                resources=[
                    (ResourceKind.PROGRAMME, "tuition support or a sponsored place at work"),
                    (ResourceKind.PERSON, f"someone who completed {gate.name}"),
                ],
            )
        )
        self.goals.append(
            GateGoal(
                key=f"route-complete-{slug(gate.name)}",
                # The pace is in the words: how many hours a week the date asks of the person.
                text=f"Complete {name}{' ' + gate.pace if gate.pace else ''} "
                f"({months_text(self._months(gate))}) by {spoken(done)}",
                category=Category.EDUCATION,
                due=done,
                why=f"{gate.name} is a gate on the way to {self.route.target_title}.",
                metric="months completed",
                target=round(self._months(gate)),
                unit="months",
                actions=[
                    GateAction(
                        "Set a weekly study timetable for the first term",
                        enrol + timedelta(days=14),
                    )
                ],
                resources=[
                    (ResourceKind.PERSON, "a tutor or classmates to study with"),
                    (ResourceKind.PROGRAMME, "study leave or flexible hours at work"),
                ],
            )
        )
        self.cursor = done

    def _exam(self, gate: Gate) -> None:
        self.cursor = self._after(self._months(gate))
        fee = f" Fee: {gate.cost}." if gate.cost else ""
        self.goals.append(
            GateGoal(
                key=f"route-exam-{slug(gate.name)}",
                text=f"Pass {_the(gate.name)} by {spoken(self.cursor)}{self._after_passed()}",
                category=Category.EDUCATION,
                due=self.cursor,
                why=f"{gate.why}{fee}",
                actions=[
                    GateAction(
                        f"Book {_the(gate.name)} and a practice test",
                        add_months(self.cursor, -2),
                    )
                ],
                resources=[(ResourceKind.COURSE, f"a review course for {gate.name}")],
            )
        )

    def _credential(self, gate: Gate) -> None:
        self.cursor = self._after(self._months(gate))
        state = " Rules vary by state: apply to your state's board." if gate.varies_by_state else ""
        cost = f" Cost: {gate.cost}." if gate.cost else ""
        self.goals.append(
            GateGoal(
                key=f"route-{gate.kind}-{slug(gate.name)}",
                text=f"Get my {gate.name} by {spoken(self.cursor)}{self._after_passed()}",
                category=Category.EDUCATION,
                due=self.cursor,
                why=f"{gate.why}{cost}{state}",
                actions=[
                    GateAction(
                        f"Check what the {gate.name} asks in my state and gather the papers",
                        add_months(self.cursor, -2),
                    )
                ],
                resources=[(ResourceKind.OTHER, "the licensing board or body that grants it")],
            )
        )

    def _experience(self, gate: Gate) -> None:
        months = self._months(gate)
        if months > MILESTONE_MONTHS:
            self._experience_milestone(gate, months)
        # Exact months, not the month's end: experience counts from the day it starts.
        self.cursor = add_months(self.cursor, round(months))
        self.goals.append(
            GateGoal(
                key=f"route-experience-{slug(gate.name)}",
                text=f"Build {gate.name} by {spoken(self.cursor)}",
                category=Category.EXPERIENCE,
                due=self.cursor,
                why=gate.why
                + (
                    f" Other ways to grow into it: {'; '.join(gate.options)}."
                    if gate.options
                    else ""
                ),
                metric="months of experience",
                target=round(months),
                unit="months",
                actions=[
                    GateAction(
                        "Ask my manager for the next step up and what it would take",
                        self.today + timedelta(days=14),
                    )
                ],
                resources=[
                    (ResourceKind.PERSON, "a mentor who made the same climb"),
                    (ResourceKind.PROGRAMME, "an acting role or stretch assignment at work"),
                ],
            )
        )

    def _experience_milestone(self, gate: Gate, months: float) -> None:
        """Years of experience get a halfway mark two years in, so the plan has a 2-year goal
        to review instead of one that ends far away."""
        due = add_months(self.cursor, MILESTONE_MONTHS)
        self.goals.append(
            GateGoal(
                key=f"route-milestone-{slug(gate.name)}",
                text=(
                    f"Complete {months_text(MILESTONE_MONTHS)} of the {months_text(months)} of "
                    f"experience {self.route.target_title} asks, and agree the next step up "
                    f"with my manager by {spoken(due)}"
                ),
                category=Category.EXPERIENCE,
                due=due,
                why=f"The halfway mark of: {gate.name}.",
                metric="months of experience",
                target=MILESTONE_MONTHS,
                unit="months",
                actions=[
                    GateAction(
                        "Write down the responsibilities the next step up asks for",
                        self.today + timedelta(days=30),
                    )
                ],
                resources=[(ResourceKind.PERSON, "my manager, or a mentor a step ahead of me")],
            )
        )

    def _completion(self, gate: Gate) -> None:
        """A degree, a prerequisite, an internship: something to complete by a date."""
        self.cursor = self._after(self._months(gate))
        self.goals.append(
            GateGoal(
                key=f"route-{gate.kind}-{slug(gate.name)}",
                text=f"{gate.name} by {spoken(self.cursor)}",
                category=Category.EDUCATION,
                due=self.cursor,
                why=gate.why,
                actions=[
                    GateAction(
                        "Ask 2 programmes which of these my past studies already cover"
                        if gate.kind == "prerequisite"
                        else "Shortlist 3 programmes and compare cost, length and entry "
                        "requirements",
                        self.today + timedelta(days=30),
                    )
                ],
                resources=[
                    (ResourceKind.PROGRAMME, "tuition support at work"),
                    (ResourceKind.PERSON, "an admissions adviser at a college"),
                ],
            )
        )


_BUILDERS = {
    "programme": _Spine._programme,
    "apprenticeship": _Spine._programme,
    "exam": _Spine._exam,
    "licence": _Spine._credential,
    "certification": _Spine._credential,
    "registration": _Spine._credential,
    "experience": _Spine._experience,
}


def spine(route: Route, today: date) -> Spine:
    """A goal for each gate, dated one after another from today."""
    return _Spine(route, today).build()
