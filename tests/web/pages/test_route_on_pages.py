"""'How to get there' on the pages: the occupation page and the proposal show the gates to the job
in order, and the proposal asks what to do when goals chosen fall after the target date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

import pytest

from careerplan.services.clock import FixedClock
from careerplan.services.explore import choose_dream_job, set_current_occupation
from careerplan.services.proposal import ProposedItem, propose_plan
from careerplan.services.vision import init_plan
from careerplan.services.workspace import Workspace
from careerplan.web.security import CSRF_COOKIE
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot

NURSE = "29-1141.00"
SALES = "41-4012.00"
LPN = "29-2061.00"
NURSING_ASSISTANTS = "31-1131.00"
TARGET = date(2028, 6, 30)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        """The text inside, with runs of white space as one space."""
        return " ".join(self.raw_text().split())

    def raw_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.raw_text() for c in self.children)

    def own_text(self) -> str:
        """The text directly inside, not in child elements."""
        return " ".join("".join(c for c in self.children if isinstance(c, str)).split())

    def walk(self) -> Iterator[Element]:
        """This element and every one inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def elements(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()

    def find_all(self, tag: str, css: str = "", **attrs: str) -> list[Element]:
        """Elements inside (not this one) with the tag, the class `css` and the attributes."""
        return [
            element
            for element in self.walk()
            if element is not self
            and element.tag == tag
            and (not css or element.has_class(css))
            and all(element.attrs.get(name.replace("_", "-")) == v for name, v in attrs.items())
        ]

    def one(self, tag: str, css: str = "", **attrs: str) -> Element:
        found = self.find_all(tag, css, **attrs)
        assert len(found) == 1, (tag, css, attrs, len(found))
        return found[0]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse(html: str) -> Element:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree.root


@dataclass(frozen=True)
class GateShown:
    kind: str  # as shown: "Programme:"
    name: str
    tags: list[str]
    why: str
    options: list[str]
    cost: str


def route_section(document: Element) -> Element | None:
    found = document.find_all("section", aria_labelledby="route-h")
    assert len(found) <= 1
    return found[0] if found else None


def gates_shown(route: Element) -> list[GateShown]:
    gates = []
    for item in route.one("ol", "gates").elements():
        assert item.tag == "li"
        paragraphs = [p for p in item.elements() if p.tag == "p"]
        costs = [p.text() for p in paragraphs if p.text().startswith("Cost: ")]
        gates.append(
            GateShown(
                kind=item.one("strong").text(),
                name=item.own_text(),
                tags=[span.text() for span in item.elements() if span.has_class("tag")],
                why=paragraphs[0].text(),
                options=[option.text() for option in item.find_all("li")],
                cost=costs[0].removeprefix("Cost: ") if costs else "",
            )
        )
    return gates


def links(element: Element) -> list[tuple[str, str]]:
    return [(a.attrs.get("href", ""), a.text()) for a in element.find_all("a")]


def nurse_plan(
    workspace: Workspace,
    clock: FixedClock,
    *,
    education: str | None = "high school",
    current: str | None = SALES,
) -> None:
    """Sam, a sales representative with 6 hours a week, wants to be a registered nurse by 30
    June 2028: sooner than the whole route takes, so its last goals fall after that date."""
    with workspace.unit() as uow:
        init_plan(
            uow, clock, name="Sam", current_job_title="Sales representative", hours_per_week=6,
            dream_job_title="Registered nurse", vision_fields={"target_date": TARGET},
            education=education,
        )  # fmt: skip
        choose_dream_job(uow, clock, NURSE)
        if current is not None:
            set_current_occupation(uow, current)


def occupation_route(browser: Browser, code: str = NURSE) -> Element | None:
    response = browser.get(f"/explore/occupations/{code}")
    assert response.status_code == 200
    return route_section(parse(response.text))


def test_the_nurse_page_names_programme_exam_and_licence_in_order(
    browser: Browser, workspace: Workspace, clock: FixedClock
) -> None:
    nurse_plan(workspace, clock)
    route = occupation_route(browser)
    assert route is not None
    assert route.one("h2").text() == "How to get there"
    gates = gates_shown(route)
    assert [(gate.kind, gate.name) for gate in gates] == [
        ("Programme:", "Associate Degree in Nursing (ADN)"),
        ("Exam:", "NCLEX-RN"),
        ("Licence:", "Registered nurse (RN) licence"),
        ("Entry job:", "Apply for Registered Nurses roles"),
    ]
    programme, exam, licence, entry = gates
    assert programme.tags == ["2 years", "rules vary by state"]
    assert programme.why.startswith(
        "Associate Degree in Nursing (ADN) leads to Registered nurse (RN) licence"
    )
    assert programme.options[0].startswith("Bachelor of Science in Nursing (BSN) (4 years")
    assert programme.cost.startswith("$6,000-$120,000 (programme tuition")
    assert (exam.tags, exam.cost) == (["2 months"], "$200")
    assert licence.tags == ["1 month", "rules vary by state"]
    assert licence.why.startswith("Granted by State boards of nursing. It asks for: graduation")
    # The programme's cost already covers the licence fee: it is not given twice.
    assert licence.cost == ""
    assert (entry.tags, entry.options, entry.cost) == ([], [], "")
    # Sam's education is recorded: no note asks for it.
    assert "/vision#education" not in [href for href, _ in links(route)]
    stones = [link for link in links(route) if link[0].startswith("/explore/occupations/")]
    assert (f"/explore/occupations/{NURSING_ASSISTANTS}", "Nursing Assistants") in stones
    assert (
        f"/explore/occupations/{LPN}",
        "Licensed Practical and Licensed Vocational Nurses",
    ) in stones
    warning = route.one("p", "warn").text()
    assert warning.endswith("6 hours a week cannot carry it.")


def test_a_bachelors_degree_opens_the_accelerated_programme_first(
    browser: Browser, workspace: Workspace, clock: FixedClock
) -> None:
    nurse_plan(workspace, clock, education="bachelor's")
    route = occupation_route(browser)
    assert route is not None
    gates = gates_shown(route)
    assert [gate.kind for gate in gates] == [
        "Prerequisite:",
        "Programme:",
        "Exam:",
        "Licence:",
        "Entry job:",
    ]
    assert gates[0].name.startswith(
        "Complete the admission requirements for Accelerated BSN (ABSN): anatomy and physiology"
    )
    assert (gates[1].name, gates[1].tags[0]) == ("Accelerated BSN (ABSN)", "16 months")
    other_ways = " | ".join(gates[1].options)
    assert "Associate Degree in Nursing (ADN) (2 years full time" in other_ways
    assert "Bachelor of Science in Nursing (BSN) (4 years full time" in other_ways


@pytest.mark.parametrize(
    ("plan", "start", "first"),
    [
        ("no plan", "a high school diploma", "Associate Degree in Nursing (ADN)"),
        # The job title alone is read as the catalogue's nearest occupation, which asks for no
        # diploma: the diploma comes first.
        (
            "no education, a job title",
            "no diploma, what Retail Salespersons usually asks",
            "Earn a high school diploma",
        ),
    ],
)
def test_without_an_education_the_route_says_where_it_starts(
    browser: Browser, workspace: Workspace, clock: FixedClock, plan: str, start: str, first: str
) -> None:
    if plan != "no plan":
        nurse_plan(workspace, clock, education=None, current=None)
    route = occupation_route(browser)
    assert route is not None
    (note,) = [p for p in route.elements() if p.find_all("a", href="/vision#education")]
    assert note.text() == (
        f"Your highest education is not recorded, so this route starts from {start}. "
        "Add your highest education for the programmes it opens."
    )
    assert links(note) == [("/vision#education", "Add your highest education")]
    assert gates_shown(route)[0].name == first
    # The link lands on the field.
    vision = parse(browser.get("/vision").text)
    assert vision.one("select", id="education").attrs["name"] == "education"


def test_with_a_job_but_no_education_the_route_says_what_it_assumes(
    browser: Browser, workspace: Workspace, clock: FixedClock
) -> None:
    nurse_plan(workspace, clock, education=None, current="11-2021.00")
    route = occupation_route(browser)
    assert route is not None
    (note,) = [p for p in route.elements() if p.find_all("a", href="/vision#education")]
    assert note.text().startswith(
        "Your highest education is not recorded, so this route starts from a bachelor's "
        "degree, what Marketing Managers usually asks."
    )
    assert gates_shown(route)[1].name == "Accelerated BSN (ABSN)"


def test_the_page_of_the_job_done_today_shows_no_route(
    browser: Browser, workspace: Workspace, clock: FixedClock
) -> None:
    nurse_plan(workspace, clock, current=NURSE)
    response = browser.get(f"/explore/occupations/{NURSE}")
    assert route_section(parse(response.text)) is None
    assert "This is your job today." in parse(response.text).text()
    # Another occupation's page still says how to get there, from the job done today.
    other = occupation_route(browser, SALES)
    assert other is not None
    assert gates_shown(other)[-1].name == (
        "Apply for Sales Representatives, Wholesale and Manufacturing, Except Technical and "
        "Scientific Products roles"
    )


def test_the_proposal_shows_the_same_route_above_the_goals(
    browser: Browser, workspace: Workspace, clock: FixedClock
) -> None:
    nurse_plan(workspace, clock)
    on_occupation = occupation_route(browser)
    assert on_occupation is not None
    response = browser.get("/plan/propose")
    assert response.status_code == 200
    document = parse(response.text)
    route = route_section(document)
    assert route is not None
    assert gates_shown(route) == gates_shown(on_occupation)
    order = list(document.walk())
    about = document.one("section", aria_labelledby="about-h")
    first_goal = document.find_all("li", "proposed")[0]
    assert order.index(about) < order.index(route) < order.index(first_goal)


def _late_and_on_time(
    workspace: Workspace, clock: FixedClock
) -> tuple[list[ProposedItem], list[ProposedItem]]:
    with workspace.unit() as uow:
        items = propose_plan(uow, clock).items
    late = [item for item in items if item.goal.due > TARGET]
    on_time = [item for item in items if item.goal.due <= TARGET]
    assert len(late) >= 2, [(item.number, item.goal.due) for item in items]
    assert on_time, [(item.number, item.goal.due) for item in items]
    return late, on_time


def _spoken(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def test_late_goals_ask_what_to_do_on_the_page_and_save_nothing(
    browser: Browser, workspace: Workspace, clock: FixedClock
) -> None:
    nurse_plan(workspace, clock)
    late, on_time = _late_and_on_time(workspace, clock)
    chosen = [on_time[0].goal.key, late[0].goal.key, late[1].goal.key]
    before = snapshot(workspace)
    response = browser.post("/plan/propose", {"accept": chosen})
    assert response.status_code == 409
    assert snapshot(workspace) == before
    question = parse(response.text).one("section", aria_labelledby="late-h")
    assert question.one("h2").text() == "Some goals fall after your target date"
    listed = ", ".join(f"{i.number} (due {_spoken(i.goal.due)})" for i in late[:2])
    latest = max(item.goal.due for item in late[:2])
    assert question.one("p", role="alert").text() == (
        f"Proposed goals {listed} would be due after your target date, 30 June 2028: move the "
        f"target date to {_spoken(latest)}, end them by the target date instead, or keep them "
        "as proposed."
    )
    form = question.one("form")
    assert (form.attrs["method"], form.attrs["action"]) == ("post", "/plan/propose")
    hidden = [(i.attrs["name"], i.attrs["value"]) for i in form.find_all("input", type="hidden")]
    assert hidden == [
        ("csrf_token", browser.client.cookies[CSRF_COOKIE]),
        *[("accept", key) for key in chosen],
    ]
    buttons = [(b.attrs["name"], b.attrs["value"], b.text()) for b in form.find_all("button")]
    assert buttons == [
        ("late", "move-target", f"Move my target date to {latest:%-d %b %Y}"),
        ("late", "shorten", "End them by 30 Jun 2028"),
        ("late", "keep", "Keep them as proposed"),
    ]


def test_an_answer_that_is_not_a_choice_asks_again(
    browser: Browser, workspace: Workspace, clock: FixedClock
) -> None:
    nurse_plan(workspace, clock)
    late, _ = _late_and_on_time(workspace, clock)
    before = snapshot(workspace)
    response = browser.post("/plan/propose", {"accept": [late[0].goal.key], "late": "later"})
    assert response.status_code == 409
    assert parse(response.text).find_all("section", aria_labelledby="late-h")
    assert snapshot(workspace) == before


@pytest.mark.parametrize("answer", ["move-target", "shorten", "keep"])
def test_each_answer_on_the_page_adds_the_goals_its_way(
    browser: Browser, workspace: Workspace, clock: FixedClock, answer: str
) -> None:
    nurse_plan(workspace, clock)
    late, on_time = _late_and_on_time(workspace, clock)
    chosen = [on_time[0], late[0], late[1]]
    latest = max(late[0].goal.due, late[1].goal.due)
    response = browser.post(
        "/plan/propose", {"accept": [item.goal.key for item in chosen], "late": answer}
    )
    assert (response.status_code, response.headers["location"]) == (303, "/plan/propose?added=3")
    with workspace.unit() as uow:
        accepted = uow.proposals.accepted()
        saved = {item.number: uow.goals.get(accepted[item.goal.key]) for item in chosen}
        vision = uow.visions.get()
    assert vision is not None
    assert vision.target_date == (latest if answer == "move-target" else TARGET)
    assert (saved[on_time[0].number].text, saved[on_time[0].number].due) == (
        on_time[0].goal.text,
        on_time[0].goal.due,
    )
    for item in late[:2]:
        goal = saved[item.number]
        if answer == "shorten":
            expected = item.goal.text.replace(_spoken(item.goal.due), "30 June 2028")
            assert (goal.text, goal.due) == (expected, TARGET)
            assert expected != item.goal.text
        else:
            assert (goal.text, goal.due) == (item.goal.text, item.goal.due)
