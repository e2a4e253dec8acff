"""The pages speak to someone using the web: no page tells them to run a command, quotes a
command-line flag or writes Markdown backticks. A page may show a command only inside <code>,
where it is offered, and labelled, as the command-line way to do the same thing (the export and
backup pages do, for whoever also runs careerplan on the server)."""

from __future__ import annotations

import re
from html import unescape

import pytest
import typer.main

from careerplan.cli.main import app
from tests.web.pages.conftest import Browser

PAGES = (
    "/",
    "/explore",
    "/explore/quiz",
    "/explore/reflection",
    "/explore/current",
    "/explore/matches",
    "/explore/occupations/11-1011.00",
    "/explore/compare",
    "/explore/bridge",
    "/explore/path",
    "/vision",
    "/vision/card",
    "/plan",
    "/plan/propose",
    "/smart",
    "/actions",
    "/review",
    "/skills",
    "/resume",
    "/jobs",
    "/jobs/fit",
    "/card",
    "/export",
    "/backup",
    "/about",
)
# Pages and refusals that only a plan with goals has.
PLAN_PAGES = ("/plan/goals/3", "/plan/goals/99", "/smart?goal=99", "/jobs/99")

_HIDDEN = re.compile(r"<(code|script|style|pre)\b.*?</\1>|<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]+>")
# Every command the command line has, read from it, so a new command is covered too.
_COMMAND = re.compile(r"\bcareerplan (" + "|".join(typer.main.get_group(app).commands) + r")\b")
_FLAG = re.compile(r"(?<![\w-])--[a-z][\w-]*")


def said(html: str) -> str:
    """The words a person reads: the text outside tags, attributes and <code> blocks."""
    return unescape(_TAG.sub(" ", _HIDDEN.sub(" ", html)))


def problems(text: str) -> list[str]:
    found = [m.group(0) for m in _COMMAND.finditer(text)]
    found += [m.group(0) for m in _FLAG.finditer(text)]
    found += ["`"] if "`" in text else []
    return found


@pytest.mark.parametrize("plan", ["workspace", "story", "rich"])
def test_no_page_tells_a_web_user_to_run_a_command(
    browser: Browser, request: pytest.FixtureRequest, plan: str
) -> None:
    request.getfixturevalue(plan)  # an empty plan, Ana's plan, and hers with a past to show
    urls = PAGES + (PLAN_PAGES if plan != "workspace" else ())
    pages = {url: browser.get(url) for url in urls}
    found = {url: problems(said(page.text)) for url, page in pages.items()}
    assert {url: words for url, words in found.items() if words} == {}


def test_the_check_counts_what_a_page_could_say() -> None:
    assert problems(said("<p>Run `careerplan goal list` --all</p>")) == [
        "careerplan goal",
        "--all",
        "`",
    ]
    assert problems(said("<p>From the command line: <code>careerplan export</code></p>")) == []
    assert problems(said("<p>careerplan · your data stays here — and 2 – 3</p>")) == []
