"""`careerplan plan propose|accept`: a first plan from the dream job's requirements, accepted
goal by goal (never applied without the person saying so)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from careerplan.domain.entities import Goal, Horizon
from careerplan.domain.errors import Advice, DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.domain.proposal import propose
from careerplan.domain.proposal_types import (
    COMMONPLACE_TOOLS,
    Gap,
    Proposal,
    ProposedAction,
    ProposedGoal,
    SkillGap,
    horizon_for,
    spoken,
)
from careerplan.domain.titles import article, one_of
from careerplan.services.clock import Clock
from careerplan.services.smart import SmartSettings

if TYPE_CHECKING:
    from careerplan.catalog import Catalog
    from careerplan.catalog import Profile as OccupationProfile
    from careerplan.domain.route import Route
    from careerplan.domain.smart import SmartReport
    from careerplan.services.reads import ProposalReads
    from careerplan.storage.unit_of_work import UnitOfWork

# Without a current job to compare with, a gap is taken as two levels below what the dream job
# needs: enough to plan with, and the reason text says how to get a measured one.
UNKNOWN_GAP_LEVELS = 2.0


@dataclass(slots=True)
class ProposedItem:
    """One proposed goal as the person sees it: its number, report and whether it is taken."""

    number: int
    goal: ProposedGoal
    report: SmartReport
    accepted_goal_id: int | None = None

    @property
    def accepted(self) -> bool:
        return self.accepted_goal_id is not None


@dataclass(slots=True)
class PlanProposal:
    proposal: Proposal
    dream_title: str
    current_title: str
    items: list[ProposedItem] = field(default_factory=list)
    # What the proposal had to assume (a current job read from its title, say).
    notes: list[Advice] = field(default_factory=list)
    # The gates to the dream job the plan is built on, shown above the goals.
    route: Route | None = None

    def find(self, reference: str) -> ProposedItem:
        wanted = reference.strip().lower()
        for item in self.items:
            if wanted in (str(item.number), item.goal.key):
                return item
        raise InvalidInput(
            f"There is no proposed goal {reference!r}: they are numbered 1-{len(self.items)}, "
            "and each has a key.",
            hint=Hint(Remedy.SEE_PROPOSAL),
        )


@dataclass(slots=True)
class Accepted:
    item: ProposedItem
    goal: Goal
    notes: list[str]


def plan_gap(uow: ProposalReads, catalog: Catalog | None = None) -> tuple[Gap, list[Advice]]:
    """The gap from the person to their dream job, and what had to be assumed to measure it."""
    notes: list[Advice] = []
    return _gap(uow, catalog, notes), notes


def _gap(uow: ProposalReads, catalog: Catalog | None, notes: list[Advice]) -> Gap:
    """The gap to plan across; what had to be assumed goes into `notes`."""
    from careerplan.catalog import best_occupation, open_catalog, profile, requirements, transfer
    from careerplan.services.route import current_occupation, route_for
    from careerplan.services.skills_inventory import skill_set

    vision = uow.visions.get()
    cat = catalog or open_catalog()
    if vision is None or not vision.dream_occupation_code:
        likely, code = "", ""
        if vision is not None:
            found = best_occupation(vision.dream_job_title, cat)
            if found is not None:
                likely = f" “{vision.dream_job_title}” looks like {found.title} ({found.code})."
                code = found.code
        raise DomainRefusal(
            "Choose your dream job from the catalogue first, so the proposal can plan back from "
            f"what it asks.{likely}",
            hint=Hint(Remedy.CHOOSE_DREAM_JOB, code),
        )
    owner = uow.profiles.get()
    current_code, read_as = current_occupation(owner, cat)
    if read_as and owner is not None:
        # The job title the person wrote was read as an occupation: say which.
        notes.append(
            Advice(
                f"Your current job “{owner.current_job_title}” was read as "
                f"{read_as}; if that is wrong, say which it is.",
                Hint(Remedy.SET_CURRENT_JOB),
            )
        )
    # The person's own skills, once their inventory rates any, instead of the job's profile.
    person = skill_set(uow.skills.all(), cat, current_code)
    dream = requirements(vision.dream_occupation_code, current_code, cat, person=person)
    if dream.transfer is None and person is not None:
        dream = replace(dream, transfer=transfer(person, dream.code, cat))
    hours = owner.hours_per_week if owner and owner.hours_per_week > 0 else 3.0
    route = route_for(dream.code, owner, current_code, cat, vision.dream_job_title)
    if owner is None or owner.education is None:
        assumed = route.assumed_education
        basis = (
            f"{assumed.label}, what {article(one_of(route.current_title))} "
            f"{one_of(route.current_title)} usually holds"
            if assumed is not None and route.current_title
            else "a high school diploma"
        )
        notes.append(
            Advice(
                f"Your highest education is not recorded, so the route assumes {basis}; "
                "say what you hold for a route that fits it.",
                Hint(Remedy.EDIT_VISION),
            )
        )
    dream_profile = profile(dream.code, cat)
    in_demand = [t.example for t in dream_profile.technology if t.in_demand]
    office = [t.example for t in dream_profile.technology if t.example.lower() in COMMONPLACE_TOOLS]
    common = Gap(
        dream_title=dream.title,
        target_date=vision.target_date,
        hours_per_week=hours,
        dream_zone=dream.job_zone,
        dream_education=dream.education,
        dream_experience=dream.experience,
        route=route,
        dream_words=vision.dream_job_title.strip(),
        stepping_stones=tuple(stone.title for stone in route.stones),
    )
    if dream.transfer is None:
        notes.append(
            Advice(
                "Without your current job the skill gaps are estimates; measured ones need it.",
                Hint(Remedy.SET_CURRENT_JOB),
            )
        )
        gaps = tuple(
            SkillGap(r.name, kind, max(0.0, r.level - UNKNOWN_GAP_LEVELS), r.level, r.importance)
            for kind, rated in (("skill", dream.skills), ("knowledge", dream.knowledge))
            for r in rated
        )
        return replace(
            common,
            current_title=owner.current_job_title if owner else "",
            skill_gaps=gaps,
            technologies=tuple(in_demand),
        )
    measured = tuple(
        SkillGap(g.name, g.kind, g.level, g.needed, g.importance)
        for g in dream.transfer.gaps
        if g.needed > g.level
    )
    if current_code is None:  # measured from the person's own skills alone
        return replace(
            common,
            current_title=owner.current_job_title if owner else "",
            skill_gaps=measured,
            technologies=tuple(in_demand),
        )
    current = profile(current_code, cat)
    if current_code == vision.dream_occupation_code:
        notes.append(
            Advice(
                f"You already work as {current.title}: there is no skill gap to close, so the "
                "proposal keeps to the network and the move into the role you want."
            )
        )
    have = {technology.example for technology in current.technology}
    return replace(
        common,
        current_title=current.title,
        current_zone=current.job_zone,
        current_education=current.education,
        skill_gaps=measured,
        technologies=tuple(t for t in in_demand if t not in have),
        # Office tools only for someone whose job lists none: the lists are samples, so a tool
        # missing from one says little when others of its kind are there.
        office_tools=() if _office(current) else tuple(office),
    )


def _office(occupation: OccupationProfile) -> set[str]:
    return {t.example for t in occupation.technology if t.example.lower() in COMMONPLACE_TOOLS}


def _dream_goal(uow: ProposalReads) -> Goal | None:
    for goal in uow.goals.all():
        if goal.parent_id is None and goal.horizon is Horizon.LONG:
            return goal
    return None


def propose_plan(
    uow: ProposalReads,
    clock: Clock,
    smart: SmartSettings | None = None,
    catalog: Catalog | None = None,
) -> PlanProposal:
    """The proposed goals, numbered, each with its S.M.A.R.T. report and whether it is taken."""
    from careerplan.services.smart import check_text

    notes: list[Advice] = []
    gap = _gap(uow, catalog, notes)
    proposal = propose(gap, clock.today())
    accepted = uow.proposals.accepted()
    dream = _dream_goal(uow)
    parent_id = dream.id if dream else None
    result = PlanProposal(
        proposal, one_of(gap.dream_title), one_of(gap.current_title), notes=notes, route=gap.route
    )
    for number, goal in enumerate(proposal.goals, start=1):
        report = check_text(uow, clock, goal.text, parent_id=parent_id, settings=smart)
        result.items.append(ProposedItem(number, goal, report, accepted.get(goal.key)))
    return result


def _brought_forward(action: ProposedAction, was: date, now: date, today: date) -> ProposedAction:
    """The action of a goal whose due date moved from `was` to `now`: its date moved as far,
    never before today nor after the goal, and a date in its words moved too."""
    if action.due is None:
        return replace(action, text=action.text.replace(spoken(was), spoken(now)))
    moved = min(max(action.due - (was - now), today), now)
    return replace(action, text=action.text.replace(spoken(was), spoken(now)), due=moved)


class LateChoice(StrEnum):
    """What to do with accepted goals due after the dream job's target date."""

    MOVE_TARGET = "move-target"  # move the target date to the last of them
    SHORTEN = "shorten"  # bring them forward to end by the target date
    KEEP = "keep"  # keep them as proposed, after the target date


class LateGoals(DomainRefusal):
    """Some goals chosen would be due after the target date: the person says what to do."""

    def __init__(self, late: list[ProposedItem], target: date, asked: list[str]) -> None:
        listed = ", ".join(f"{item.number} (due {spoken(item.goal.due)})" for item in late)
        latest = max(item.goal.due for item in late)
        super().__init__(
            f"Proposed goal{'s' if len(late) > 1 else ''} {listed} would be due after your target "
            f"date, {spoken(target)}: move the target date to {spoken(latest)}, end "
            f"{'them' if len(late) > 1 else 'it'} by the target date instead, or keep "
            f"{'them' if len(late) > 1 else 'it'} as proposed.",
            # The hint repeats what the person asked for, with the answer to add.
            hint=Hint(Remedy.CHOOSE_FOR_LATE_GOALS, " ".join(asked)),
        )
        self.late = late
        self.target = target
        self.latest = latest


def accept_proposals(
    uow: UnitOfWork,
    clock: Clock,
    references: list[str],
    smart: SmartSettings | None = None,
    catalog: Catalog | None = None,
    late: LateChoice | None = None,
) -> list[Accepted]:
    """Add the chosen proposed goals, with their first actions, in one transaction. Goals due
    after the target date are added only once the person has said what to do with them
    (`late`); until then the refusal lists them."""
    from careerplan.services.actions import add_action
    from careerplan.services.goals import add_goal

    if not references:
        raise InvalidInput("Name the proposed goals to accept, by number or key (or `all`).")
    current = propose_plan(uow, clock, smart, catalog)
    if [ref.strip().lower() for ref in references] == ["all"]:
        chosen = [item for item in current.items if not item.accepted]
        if not chosen:
            raise DomainRefusal("Every proposed goal is already in your plan.")
    else:
        chosen = []
        for reference in references:
            item = current.find(reference)
            if item.accepted:
                raise DomainRefusal(
                    f"Proposed goal {item.number} is already goal {item.accepted_goal_id} "
                    "of your plan."
                )
            if item not in chosen:
                chosen.append(item)
    vision = uow.visions.get()
    target = vision.target_date if vision else None
    overdue = [item for item in chosen if target is not None and item.goal.due > target]
    if overdue and target is not None:
        if late is None:
            raise LateGoals(overdue, target, references)
        if late is LateChoice.MOVE_TARGET:
            from careerplan.services.vision import edit_vision

            edit_vision(uow, clock, {"target_date": max(i.goal.due for i in overdue)})
    dream = _dream_goal(uow)
    done: list[Accepted] = []
    for item in chosen:
        proposed = item.goal
        text, due = proposed.text, proposed.due
        horizon = proposed.horizon
        actions = list(proposed.actions)
        if late is LateChoice.SHORTEN and item in overdue and target is not None:
            # The words carry the date too ("... by 31 July 2032"): both move, and the first
            # actions move with the goal, so none falls due after it.
            text, due = text.replace(spoken(due), spoken(target)), target
            horizon = horizon_for(due, clock.today())
            actions = [_brought_forward(a, proposed.due, target, clock.today()) for a in actions]
        added = add_goal(
            uow,
            clock,
            text=text,
            parent_id=dream.id if dream else None,
            horizon=horizon,
            due=due,
            category=proposed.category,
            metric=proposed.metric,
            target=proposed.target,
            unit=proposed.unit,
            baseline=0.0 if proposed.metric else None,
            smart=smart,
        )
        goal = added.goal
        assert goal.id is not None
        for action in actions:
            add_action(uow, clock, goal.id, action.text, due=action.due, repeat=action.repeat)
        uow.proposals.accept(proposed.key, goal.id, clock.today())
        done.append(Accepted(item, goal, list(added.warnings)))
    return done
