"""A first plan, planned backwards from the dream job's date: pure rules, no catalogue access.

The service gathers the gap between what the person has and what the dream job asks (the
`Gap`), and this module turns it into goals on the 2-year, 12-month and 6-month horizons:

- learning goals for the largest skill, knowledge and technology gaps are laid end to end in the
  hours the person has each week, largest gap first, so each one's date follows from its size;
- a degree the dream job usually needs runs alongside, at a part-time programme's length;
- a climb in preparation (O*NET job zone) needs experience, which takes calendar time however many
  hours are free: a year per zone, spent in a stepping-stone job or in its duties;
- the final stretch before the target date is for the résumé and the job search.

When all that does not fit before the target date, the proposal says so and gives the date that
would work. Every text names its figure and its date, so it reads as S.M.A.R.T.; the service checks
each with the analyser anyway.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from careerplan.domain.dates import add_months, end_of_month
from careerplan.domain.entities import Category, ResourceKind
from careerplan.domain.errors import Advice, Hint, Remedy
from careerplan.domain.proposal_gates import spine
from careerplan.domain.proposal_types import (
    COMMONPLACE_TOOLS,
    DEFAULT_HORIZON_MONTHS,
    FINAL_STRETCH_MONTHS,
    MIN_STUDY_HOURS_PER_WEEK,
    MONTHS_PER_ZONE,
    NETWORK_HOURS_PER_WEEK,
    SKILL_GOALS,
    TECHNOLOGY_GOALS,
    TECHNOLOGY_HOURS,
    Gap,
    Proposal,
    ProposedAction,
    ProposedGoal,
    ResourceHint,
    education_weeks,
    horizon_for,
    slug,
    spoken,
)
from careerplan.domain.titles import article, one_of


class _Planner:
    def __init__(self, gap: Gap, today: date) -> None:
        self.gap = gap
        self.today = today
        self.study_per_week = max(
            MIN_STUDY_HOURS_PER_WEEK, gap.hours_per_week - NETWORK_HOURS_PER_WEEK
        )
        self.goals: list[ProposedGoal] = []
        self.route_warnings: list[Advice] = []
        # "a Chief Executive", not "Chief Executives": the person is to become one of them.
        self.title = one_of(gap.dream_title)
        self.one = f"{article(self.title)} {self.title}"
        # The job search speaks the person's own words: "roles as COO of a startup".
        self.roles = f"roles as {gap.dream_words}" if gap.dream_words else f"{self.title} roles"

    def _weekly_hours(self, name: str, start: date) -> ProposedAction:
        """Study time each week: a weekly repeat for what starts now; for what starts later, a
        dated step to begin (a repeat would count from the day it is added)."""
        hours = f"{self.study_per_week:g}"
        if start <= self.today:
            return ProposedAction(f"Log {hours} hours on {name}", repeat="FREQ=WEEKLY")
        return ProposedAction(f"Start {name}: block {hours} hours a week for it", due=start)

    def _weeks(self, hours: float) -> int:
        return max(2, math.ceil(hours / self.study_per_week))

    def learning(self) -> date:
        """Skill and technology goals end to end; returns the day the last one ends. A route
        with a programme covers the skill and knowledge gaps: the programme teaches them."""
        start = self.today
        gaps = sorted(self.gap.skill_gaps, key=lambda g: -(g.importance - 1) * (g.needed - g.level))
        route = self.gap.route
        if route is not None and route.has("programme", "apprenticeship", "degree", "prerequisite"):
            gaps = []
        for gap in gaps[:SKILL_GOALS]:
            weeks = self._weeks(gap.hours)
            due = start + timedelta(weeks=weeks)
            verb = "practise" if gap.kind == "work activity" else "study"
            self.goals.append(
                ProposedGoal(
                    key=f"skill-{slug(gap.name)}",
                    text=(
                        f"Complete {gap.hours:.0f} hours of courses and practice in {gap.name} "
                        f"and use it in 2 pieces of work by {spoken(due)}"
                    ),
                    horizon=horizon_for(due, self.today),
                    category=Category.SKILLS,
                    due=due,
                    why=(
                        f"{gap.name} ({gap.kind}) is one of the largest gaps to "
                        f"{self.one}: level {gap.level:.1f} now, {gap.needed:.1f} "
                        f"needed, importance {gap.importance:.1f} of 5."
                    ),
                    hours=gap.hours,
                    metric="hours of study and practice",
                    target=gap.hours,
                    unit="hours",
                    actions=[
                        ProposedAction(
                            f"Choose a course or book on {gap.name} and block time to {verb} it",
                            due=start + timedelta(days=7),
                        ),
                        self._weekly_hours(gap.name, start),
                    ],
                    resources=[
                        ResourceHint(ResourceKind.COURSE, f"a course on {gap.name}"),
                        ResourceHint(
                            ResourceKind.PROGRAMME,
                            f"a training programme or stretch assignment at work in {gap.name}",
                        ),
                    ],
                )
            )
            start = due
        worth_learning = [
            tool for tool in self.gap.technologies if tool.lower() not in COMMONPLACE_TOOLS
        ]
        for technology in worth_learning[:TECHNOLOGY_GOALS]:
            weeks = self._weeks(TECHNOLOGY_HOURS)
            due = start + timedelta(weeks=weeks)
            self.goals.append(
                ProposedGoal(
                    key=f"technology-{slug(technology)}",
                    text=(
                        f"Learn {technology} for the work of {self.one}: finish 1 course and "
                        f"build 1 piece of work with it by {spoken(due)}"
                    ),
                    horizon=horizon_for(due, self.today),
                    category=Category.SKILLS,
                    due=due,
                    why=f"{technology} is used in the work of {self.one} and is not "
                    f"among the tools of {self.gap.current_title or 'your current job'}.",
                    hours=TECHNOLOGY_HOURS,
                    metric="pieces of work built",
                    target=1,
                    unit="",
                    actions=[
                        ProposedAction(
                            f"Find a beginner course on {technology}",
                            due=start + timedelta(days=7),
                        )
                    ],
                    resources=[ResourceHint(ResourceKind.COURSE, f"a course on {technology}")],
                )
            )
            start = due
        return self.digital_basics(start)

    def digital_basics(self, start: date) -> date:
        """The office tools the dream job lists and the current one does not, as one checklist:
        learning them is not a step towards any job in particular."""
        tools = self.gap.office_tools
        if not tools:
            return start
        due = start + timedelta(weeks=self._weeks(2 * len(tools)))
        self.goals.append(
            ProposedGoal(
                key="digital-basics",
                text=(
                    f"Work through a digital basics checklist of {len(tools)} office tools "
                    f"({', '.join(tools)}) by {spoken(due)}"
                ),
                horizon=horizon_for(due, self.today),
                category=Category.SKILLS,
                due=due,
                why=f"The work of {self.one} uses them day to day; a free tutorial of an hour "
                "or two each is enough.",
                metric="tools practised",
                target=len(tools),
                actions=[ProposedAction("Pick a free tutorial for each tool", due=start)],
                resources=[
                    ResourceHint(ResourceKind.COURSE, "free tutorials from the tools' makers")
                ],
            )
        )
        return due

    def gates(self) -> date | None:
        """The route's gates as the plan's spine; returns the day the last one is passed."""
        if self.gap.route is None:
            return None
        found = spine(self.gap.route, self.today)
        for goal in found.goals:
            self.goals.append(
                ProposedGoal(
                    key=goal.key,
                    text=goal.text,
                    horizon=horizon_for(goal.due, self.today),
                    category=goal.category,
                    due=goal.due,
                    why=goal.why,
                    metric=goal.metric,
                    target=goal.target,
                    unit=goal.unit,
                    actions=[ProposedAction(a.text, due=a.due) for a in goal.actions],
                    resources=[ResourceHint(kind, text) for kind, text in goal.resources],
                )
            )
        self.route_warnings = found.warnings
        return found.ready if found.goals else None

    def education(self) -> date | None:
        weeks = education_weeks(self.gap.current_education, self.gap.dream_education)
        if not weeks:
            return None
        needed = self.gap.dream_education or ""
        enrol = end_of_month(add_months(self.today, 6))
        done = enrol + timedelta(weeks=weeks)
        self.goals.append(
            ProposedGoal(
                key=f"education-{slug(needed)}",
                text=(
                    f"Enrol in 1 part-time programme towards a {needed.lower()} relevant to "
                    f"{self.one} by {spoken(enrol)}"
                ),
                horizon=horizon_for(enrol, self.today),
                category=Category.EDUCATION,
                due=enrol,
                why=(
                    f"{self.title} usually asks for a {needed.lower()} on entry; "
                    f"{self.gap.current_title or 'your current job'} usually asks for "
                    f"{(self.gap.current_education or 'less').lower()}. Part time it takes about "
                    f"{weeks // 52 or 1} year(s) after enrolling."
                ),
                actions=[
                    ProposedAction(
                        "Shortlist 3 programmes and compare cost, length and entry requirements",
                        due=self.today + timedelta(days=30),
                    ),
                    ProposedAction(
                        "Ask my manager or HR whether work sponsors study",
                        due=self.today + timedelta(days=21),
                    ),
                ],
                resources=[
                    ResourceHint(
                        ResourceKind.PROGRAMME, "tuition support or a sponsored degree at work"
                    ),
                    ResourceHint(ResourceKind.PERSON, f"{self.one} who studied part time"),
                ],
            )
        )
        return done

    def experience(self) -> date | None:
        climb = (self.gap.dream_zone or 0) - (self.gap.current_zone or 0)
        stone = one_of(self.gap.stepping_stones[0]) if self.gap.stepping_stones else None
        stone_one = f"{article(stone)} {stone}" if stone else None
        if climb <= 0 and stone is None:
            return None
        months = MONTHS_PER_ZONE * max(1, climb)
        due = end_of_month(add_months(self.today, months))
        if stone:
            text = (
                f"Take on 2 main duties of {stone_one}, in my current role or a new job, "
                f"on the way to becoming {self.one} by {spoken(due)}"
            )
            why = f"{stone} is a step on the best career path to {self.one}."
        else:
            text = f"Lead 2 projects with the responsibilities of {self.one} by {spoken(due)}"
            why = f"The dream job asks for more preparation (job zone {self.gap.dream_zone})."
        if climb > 0:
            why += (
                f" Preparation climbs from job zone {self.gap.current_zone} to "
                f"{self.gap.dream_zone}, about {MONTHS_PER_ZONE} months of experience per zone."
            )
        if self.gap.dream_experience and self.gap.dream_experience != "None":
            why += f" Related experience usually asked: {self.gap.dream_experience.lower()}."
        self.goals.append(
            ProposedGoal(
                key=f"experience-{slug(stone or self.title)}",
                text=text,
                horizon=horizon_for(due, self.today),
                category=Category.EXPERIENCE,
                due=due,
                why=why,
                metric="projects or duties taken on",
                target=2,
                actions=[
                    ProposedAction(
                        "Ask my manager for a project that stretches me towards the dream job",
                        due=self.today + timedelta(days=14),
                    )
                ],
                resources=[
                    ResourceHint(
                        ResourceKind.PROGRAMME, "a job rotation or stretch assignment at work"
                    ),
                    ResourceHint(
                        ResourceKind.PERSON,
                        f"someone who works as {stone_one or self.one}",
                    ),
                ],
            )
        )
        return due

    def network(self) -> None:
        one = self.one
        due = end_of_month(add_months(self.today, 6))
        self.goals.append(
            ProposedGoal(
                key="network-conversations",
                text=f"Have 6 conversations with people who work as {one} by {spoken(due)}",
                horizon=horizon_for(due, self.today),
                category=Category.NETWORK,
                due=due,
                why="People who do the job know what the catalogue cannot: how they got there.",
                metric="conversations",
                target=6,
                actions=[
                    ProposedAction(
                        f"Ask one person who works as {one} for a 20-minute call",
                        repeat="FREQ=MONTHLY",
                    ),
                ],
                resources=[
                    ResourceHint(ResourceKind.PERSON, f"{one} in my network or a colleague's")
                ],
            )
        )
        mentor_due = end_of_month(add_months(self.today, 3))
        self.goals.append(
            ProposedGoal(
                key="network-mentor",
                text=(
                    f"Find 1 mentor close to the work of {one} and meet them once a month "
                    f"from {spoken(mentor_due)}"
                ),
                horizon=horizon_for(mentor_due, self.today),
                category=Category.NETWORK,
                due=mentor_due,
                why="A mentor who has made the move keeps the plan honest between reviews.",
                metric="mentors",
                target=1,
                actions=[
                    ProposedAction(
                        "List 5 people who could mentor me", due=self.today + timedelta(days=14)
                    ),
                ],
                resources=[
                    ResourceHint(ResourceKind.PERSON, f"a mentor who works as {one}"),
                    ResourceHint(ResourceKind.PROGRAMME, "a mentoring programme at work"),
                ],
            )
        )

    def final_stretch(self, target: date) -> None:
        one, roles = self.one, self.roles
        start = max(self.today + timedelta(days=30), add_months(target, -FINAL_STRETCH_MONTHS))
        resume_due = max(start, self.today + timedelta(days=30))
        search_due = max(target - timedelta(days=30), resume_due + timedelta(days=30))
        self.goals.append(
            ProposedGoal(
                key="job-search-resume",
                text=(
                    f"Rewrite my résumé and LinkedIn profile for {roles} and get 2 people "
                    f"to review them by {spoken(resume_due)}"
                ),
                horizon=horizon_for(resume_due, self.today),
                category=Category.JOB_SEARCH,
                due=resume_due,
                why="The final stretch starts with telling the story of the plan on paper.",
                metric="reviews of my résumé",
                target=2,
                actions=[
                    ProposedAction(
                        f"Collect 5 job ads for {roles} and note what they ask",
                        due=resume_due - timedelta(days=21),
                    )
                ],
                resources=[
                    ResourceHint(ResourceKind.PERSON, f"{one} or a recruiter to read my résumé")
                ],
            )
        )
        self.goals.append(
            ProposedGoal(
                key="job-search-applications",
                text=f"Apply for 10 {roles} by {spoken(search_due)}",
                horizon=horizon_for(search_due, self.today),
                category=Category.JOB_SEARCH,
                due=search_due,
                why="Applications in the last months before the target date turn the plan "
                "into the job.",
                metric="applications",
                target=10,
                # A repeat counts from the day it is added, so one that belongs to the final
                # stretch is a dated step to start it, not a weekly reminder from today.
                actions=[
                    ProposedAction(
                        f"Start applying: 1 a week for {roles} until {spoken(search_due)}",
                        due=resume_due,
                    )
                ],
                resources=[
                    ResourceHint(
                        ResourceKind.PERSON, "people from my conversations who can refer me"
                    )
                ],
            )
        )


def propose(gap: Gap, today: date) -> Proposal:
    """The proposed goals, the target date they were planned back from, and any warning."""
    planner = _Planner(gap, today)
    target_was_set = gap.target_date is not None and gap.target_date > today
    learning_end = planner.learning()
    gates_end = planner.gates()
    route = gap.route
    # Without a route (no dream occupation known to the catalogue), the BLS's entry education and
    # a job-zone climb stand in; a route already holds its degree and its experience.
    education_end = planner.education() if route is None else None
    covered = route is not None and route.has("experience", "programme", "apprenticeship")
    experience_end = None if covered else planner.experience()
    planner.network()
    ready = max(
        day for day in (learning_end, gates_end, education_end, experience_end) if day is not None
    )
    # The job search takes the last months; when the last gate is years of experience, those
    # months are its last months too (people apply while they finish them).
    last = [g for g in route.gates if g.kind != "entry job"] if route is not None else []
    overlap = bool(last) and last[-1].kind == "experience" and ready == gates_end
    earliest = ready if overlap else end_of_month(add_months(ready, FINAL_STRETCH_MONTHS))
    warnings: list[Advice] = list(planner.route_warnings)
    realistic: date | None = None
    if target_was_set:
        assert gap.target_date is not None
        target = gap.target_date
        if earliest > target:
            realistic = earliest
            warnings.append(
                Advice(
                    f"{spoken(target)} is too soon for this gap at {gap.hours_per_week:g} hours "
                    f"a week: the learning, experience and {FINAL_STRETCH_MONTHS}-month job "
                    f"search need until {spoken(earliest)}, so this plan aims there; more hours "
                    "a week would bring it closer.",
                    Hint(Remedy.SET_TARGET_DATE),
                )
            )
            target = earliest
    else:
        target = max(earliest, end_of_month(add_months(today, DEFAULT_HORIZON_MONTHS)))
        warnings.append(
            Advice(
                f"The vision has no target date in the future; this plan aims at {spoken(target)}.",
                Hint(Remedy.SET_TARGET_DATE),
            )
        )
    planner.final_stretch(target)
    goals = sorted(planner.goals, key=lambda g: (g.due, g.key))
    return Proposal(today, target, goals, warnings, realistic, target_was_set)
