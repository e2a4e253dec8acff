"""Career paths: stepping-stone occupations between the current one and the dream one.

O*NET's related occupations form a directed graph. A step costs a little in itself, plus the
skill gap to the next occupation (importance-weighted missing level, 0-1) and a penalty for each
job zone climbed. The cheapest paths come from Dijkstra's algorithm; alternatives from Yen's.

A stepping stone is a job people take on the way, so it never asks more than the dream job
itself (a higher job zone, or more entry education), and it is a management job only when the
dream job is one: a would-be nurse does not pass through four management jobs.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from careerplan.catalog.skills import COMPARED, SkillSet, gap_cost
from careerplan.catalog.store import Catalog, Occupation, resolve
from careerplan.domain.credentials import BLS_EDUCATION
from careerplan.domain.errors import DomainRefusal, InvalidInput

STEP_COST = 0.1
ZONE_UP_COST = 0.1
ZONE_DOWN_COST = 0.05
SUPPLEMENTAL_COST = 0.05
MAX_ALTERNATIVES = 10
INFINITY = float("inf")


@dataclass(frozen=True, slots=True)
class Step:
    code: str
    title: str
    builds: list[str]
    why: str = ""  # why counsellors name this job as a stepping stone, when they do

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "title": self.title, "builds": self.builds, "why": self.why}


@dataclass(frozen=True, slots=True)
class CareerPath:
    steps: list[Step]
    cost: float

    @property
    def score(self) -> float:
        """100 for a free move, falling as steps, gaps and job-zone climbs add up."""
        return round(100 / (1 + self.cost), 1)

    def to_dict(self) -> dict[str, object]:
        return {"steps": [s.to_dict() for s in self.steps], "score": self.score}


def edge_cost(a: Occupation, b: Occupation, tier: int, gap: float) -> float:
    """The cost of a move from a to b: a step, the skill gap, and any climb in job zone."""
    cost = STEP_COST + gap
    if a.job_zone and b.job_zone:
        climb = b.job_zone - a.job_zone
        cost += ZONE_UP_COST * max(0, climb) + ZONE_DOWN_COST * max(0, -climb)
    if tier == 3:
        cost += SUPPLEMENTAL_COST
    return cost


class _Graph:
    """Edge costs computed once per catalogue; searches are A* guided by the exact distance to
    the target in the whole graph (a lower bound once Yen's algorithm removes edges)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.levels: dict[int, Mapping[int, float]] = {}
        self.adjacent: dict[int, list[tuple[int, float]]] = {}
        self.incoming: dict[int, list[tuple[int, float]]] = {}
        self.costs: dict[tuple[int, int], float] = {}
        for u, edges in catalog.related_graph().items():
            for v, tier, gap in edges:
                cost = edge_cost(catalog.by_id[u], catalog.by_id[v], tier, gap)
                self.adjacent.setdefault(u, []).append((v, cost))
                self.incoming.setdefault(v, []).append((u, cost))
                self.costs[(u, v)] = cost
        self._to_target: dict[int, dict[int, float]] = {}

    def step_cost(self, a: Occupation, b: Occupation, gap: float) -> float:
        """A move the related occupations do not list, priced as a primary one."""
        return edge_cost(a, b, 1, gap)

    def level_of(self, oid: int) -> Mapping[int, float]:
        if oid not in self.levels:
            self.levels[oid] = compared_levels(self.catalog, oid)
        return self.levels[oid]

    def to_target(self, target: int) -> dict[int, float]:
        """Cheapest cost from every node that can reach `target` (Dijkstra on reversed edges)."""
        if target not in self._to_target:
            if len(self._to_target) > 64:
                self._to_target.clear()
            distance = {target: 0.0}
            queue = [(0.0, target)]
            while queue:
                d, v = heapq.heappop(queue)
                if d > distance[v]:
                    continue
                for u, cost in self.incoming.get(v, []):
                    nd = d + cost
                    if nd < distance.get(u, INFINITY):
                        distance[u] = nd
                        heapq.heappush(queue, (nd, u))
            self._to_target[target] = distance
        return self._to_target[target]

    def shortest(
        self, source: int, target: int, banned_nodes: set[int], banned_edges: set[tuple[int, int]]
    ) -> tuple[float, list[int]] | None:
        remaining = self.to_target(target)
        if source not in remaining:
            return None
        distance = {source: 0.0}
        previous: dict[int, int] = {}
        queue = [(remaining[source], source)]
        done: set[int] = set()
        while queue:
            _, u = heapq.heappop(queue)
            if u == target:
                path = [u]
                while path[-1] != source:
                    path.append(previous[path[-1]])
                return distance[u], path[::-1]
            if u in done:
                continue
            done.add(u)
            for v, cost in self.adjacent.get(u, []):
                if v in banned_nodes or v not in remaining or (u, v) in banned_edges:
                    continue
                nd = distance[u] + cost
                if nd < distance.get(v, INFINITY):
                    distance[v] = nd
                    previous[v] = u
                    heapq.heappush(queue, (nd + remaining[v], v))
        return None

    def path_cost(self, path: list[int]) -> float:
        return sum(self.costs[(u, v)] for u, v in itertools.pairwise(path))

    def k_shortest(
        self, source: int, target: int, k: int, banned: set[int] | None = None
    ) -> list[tuple[float, list[int]]]:
        """Yen's algorithm: the k cheapest loop-free paths that pass through no `banned` node."""
        banned = banned or set()
        first = self.shortest(source, target, banned, set())
        if first is None:
            return []
        found = [first]
        candidates: list[tuple[float, list[int]]] = []
        while len(found) < k:
            last = found[-1][1]
            for i in range(len(last) - 1):
                root = last[: i + 1]
                banned_edges = {(p[i], p[i + 1]) for _, p in found if p[: i + 1] == root}
                spur = self.shortest(last[i], target, set(root[:-1]) | banned, banned_edges)
                if spur is None:
                    continue
                path = root[:-1] + spur[1]
                if all(path != p for _, p in candidates) and all(path != p for _, p in found):
                    heapq.heappush(candidates, (self.path_cost(path), path))
            if not candidates:
                break
            found.append(heapq.heappop(candidates))
        return found

    def reachable(self, source: int) -> set[int]:
        seen = {source}
        stack = [source]
        while stack:
            for v, _ in self.adjacent.get(stack.pop(), []):
                if v not in seen:
                    seen.add(v)
                    stack.append(v)
        return seen


def compared_levels(catalog: Catalog, oid: int) -> dict[int, float]:
    """The occupation's levels in the skills, knowledge and abilities that moves compare."""
    elements = catalog.elements()
    ratings = catalog.ratings(catalog.by_id[oid])
    return {e: lv for e, (_, lv) in ratings.items() if elements[e].domain in COMPARED}


def moves_into(catalog: Catalog, target: Occupation) -> list[tuple[int, float]]:
    """(occupation id, cost) of the related moves into `target`, priced as the graph prices
    them, without building the whole graph (one query instead of every edge)."""
    return [
        (oid, edge_cost(catalog.by_id[oid], target, tier, gap))
        for oid, tier, gap in catalog.related_to(target)
        if oid in catalog.by_id
    ]


_graphs: dict[int, _Graph] = {}
_graphs_lock = threading.Lock()


def graph_for(catalog: Catalog) -> _Graph:
    with _graphs_lock:
        if id(catalog) not in _graphs:
            _graphs[id(catalog)] = _Graph(catalog)
        return _graphs[id(catalog)]


# Entry education as a rank, so a stepping stone asks no more than the target.
_entry_ranks: dict[int, dict[int, int]] = {}


def entry_rank(catalog: Catalog) -> dict[int, int]:
    """Each occupation's typical entry education as a rank (absent when the BLS gives none)."""
    with _graphs_lock:
        if id(catalog) not in _entry_ranks:
            rows = catalog.query("SELECT id, education FROM occupation")
            _entry_ranks[id(catalog)] = {
                oid: BLS_EDUCATION[e].rank for oid, e in rows if e in BLS_EDUCATION
            }
        return _entry_ranks[id(catalog)]


def blocked_stones(catalog: Catalog, goal: Occupation) -> set[int]:
    """Occupations no path to `goal` may pass through: asking more preparation or entry
    education than the goal, or in management when the goal is not."""
    ranks = entry_rank(catalog)
    goal_rank = ranks.get(goal.id)
    management_goal = goal.code.startswith("11-")
    banned = set()
    for occupation in catalog.by_id.values():
        if occupation.id == goal.id:
            continue
        higher_zone = bool(
            occupation.job_zone and goal.job_zone and occupation.job_zone > goal.job_zone
        )
        rank = ranks.get(occupation.id)
        more_education = rank is not None and goal_rank is not None and rank > goal_rank
        management = occupation.code.startswith("11-") and not management_goal
        if higher_zone or more_education or management:
            banned.add(occupation.id)
    return banned


def _through_known_stones(
    cat: Catalog,
    graph: _Graph,
    start: Occupation,
    goal: Occupation,
    blocked: set[int],
    found: list[tuple[float, list[int]]],
) -> list[tuple[float, list[int]]]:
    """Paths through the stepping stones counsellors name for the goal (nursing assistant on the
    way to RN), which O*NET's related occupations may not link to where the person starts:
    priced like any step, by the skill gap and the preparation climbed."""
    from careerplan.catalog.gates import credentials_for
    from careerplan.catalog.skills import gap_cost

    known = {tuple(path) for _cost, path in found}
    paths = []
    for credential in credentials_for(goal.code, cat):
        for stone in credential.stepping_stones:
            step = cat.occupations.get(stone.code)
            if step is None or step.id in blocked or step.id in (start.id, goal.id):
                continue
            nodes = (start.id, step.id, goal.id)
            if nodes in known:
                continue
            known.add(nodes)
            cost = sum(
                graph.step_cost(a, b, gap_cost(cat, graph.level_of(a.id), b))
                for a, b in ((start, step), (step, goal))
            )
            paths.append((cost, list(nodes)))
    return paths


def _builds(
    graph: _Graph, before: int, step: Occupation, had: Mapping[int, float] | None = None
) -> list[str]:
    """The elements this step raises most, weighted by how much the step relies on them, from
    the levels `had` (the occupation before it's, unless given)."""
    elements = graph.catalog.elements()
    had = graph.level_of(before) if had is None else had
    gains = [
        ((lv - had.get(e, 0.0)) * im, elements[e].name)
        for e, (im, lv) in graph.catalog.ratings(step).items()
        if elements[e].domain in COMPARED and im >= 3.0 and lv - had.get(e, 0.0) > 0.25
    ]
    gains.sort(key=lambda g: (-g[0], g[1]))
    return [name for _, name in gains[:3]]


def career_paths(
    from_code: str,
    to_code: str,
    alternatives: int = 3,
    catalog: Catalog | None = None,
    person: SkillSet | None = None,
) -> list[CareerPath]:
    """The best paths from one occupation to another, cheapest first. With `person`, the
    person's own skills, the first step says what it builds from what they have (the paths
    themselves are ranked on the occupations' profiles, which every edge was measured on)."""
    if not 1 <= alternatives <= MAX_ALTERNATIVES:
        raise InvalidInput(f"Ask for 1 to {MAX_ALTERNATIVES} alternatives, not {alternatives}.")
    cat = resolve(catalog)
    start, goal = cat.occupation(from_code), cat.occupation(to_code)
    graph = graph_for(cat)
    if start.id == goal.id:
        return [CareerPath([Step(start.code, start.title, [])], 0.0)]
    blocked = blocked_stones(cat, goal) - {start.id}
    found = graph.k_shortest(start.id, goal.id, alternatives, blocked)
    found = sorted(found + _through_known_stones(cat, graph, start, goal, blocked, found))
    found = found[:alternatives]
    if not found:
        closest = sorted(
            (gap_cost(cat, graph.level_of(o), goal), cat.by_id[o].code)
            for o in graph.reachable(start.id) - {start.id}
        )[:3]
        listed = "; ".join(
            f"{code} {cat.occupations[code].title} ({round(100 * (1 - gap), 1)}% of its skills)"
            for gap, code in closest
        )
        raise DomainRefusal(
            f"No path from {start.code} {start.title} to {goal.code} {goal.title} through "
            f"related occupations. Closest reachable: {listed or 'none'}."
        )
    from careerplan.catalog.gates import credentials_for

    known = {
        stone.code: stone.why
        for credential in credentials_for(goal.code, cat)
        for stone in credential.stepping_stones
    }
    paths = []
    for cost, nodes in found:
        steps = [Step(start.code, start.title, [])]
        for before, oid in itertools.pairwise(nodes):
            occupation = cat.by_id[oid]
            mine = person.levels if person is not None and before == start.id else None
            builds = _builds(graph, before, occupation, mine)
            why = known.get(occupation.code, "") if oid != goal.id else ""
            steps.append(Step(occupation.code, occupation.title, builds, why))
        paths.append(CareerPath(steps, cost))
    return paths
