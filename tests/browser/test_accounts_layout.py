"""The pages a server with accounts adds (signing in, the two-factor code, sharing, a coach's
list of clients, a shared plan, a read-only link, proposed changes), checked at a phone's and a
desktop's width as every other page is (test_layout.py), on a server with accounts on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyotp
import pytest
from argon2 import PasswordHasher
from playwright.sync_api import Browser, Page, Playwright, ViewportSize

from careerplan.config import Settings
from careerplan.domain.accounts import Identity
from careerplan.domain.change_proposals import ChangeKind
from careerplan.domain.entities import Horizon
from careerplan.domain.sharing import CommentOn, Role
from careerplan.services.accounts import Accounts
from careerplan.services.change_proposals import Proposals
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.sharing import Sharing
from careerplan.services.two_factor import new_secret, turn_on
from careerplan.services.workspace import open_workspace
from tests.browser.conftest import DESKTOP, PHONE, _open_page, serve
from tests.browser.fixed_clock import NOW
from tests.browser.test_layout import LAYOUT_PROBLEMS, MIN_CHART_FONT_PX, Shot, _slug

pytestmark = pytest.mark.browser

PASSWORD = "a long enough password"
ANA, COLE, DEE = "ana@example.org", "cole@example.org", "dee.with-a-rather-long-address@example.org"

# Each GET route only a server with accounts answers, and who opens which address of it
# ({owner}, {invite}, {link}, {reset} are the seeded ids and codes). test_layout.py counts these
# routes as visited.
ACCOUNT_VISITS: dict[str, tuple[tuple[str, str], ...]] = {
    "/login": (("", "/login"),),
    "/login/code": ((DEE, "/login/code"),),
    "/login/forgot": (("", "/login/forgot"),),
    "/login/reset/{code}": (("", "/login/reset/{reset}"),),
    "/sharing": ((ANA, "/sharing"),),
    "/account": ((ANA, "/account"),),
    "/shared": ((COLE, "/shared"),),
    "/shared/join/{code}": ((COLE, "/shared/join/{invite}"),),
    "/shared/{owner_id}": ((COLE, "/shared/{owner}"), (ANA, "/shared/{owner}")),
    "/s/{code}": (("", "/s/{link}"),),
    "/proposals": ((ANA, "/proposals"),),
}


@dataclass(frozen=True)
class Seeded:
    url: str
    ids: dict[str, str]


def _seed(folder: Path) -> dict[str, str]:
    """Three people, Ana's plan shared with Cole (and a comment), an invitation and a link,
    and Dee with two-factor sign-in on; straight into the database the server reads."""
    data = folder / "data"
    settings = Settings(
        data_dir=data, database_url=f"sqlite:///{data / 'careerplan.sqlite3'}", accounts=True
    )
    workspace = open_workspace(settings)
    clock = FixedClock(NOW)
    accounts = Accounts(workspace.engine, clock, PasswordHasher(time_cost=1, memory_cost=64))
    try:
        ana_id = accounts.add(ANA, PASSWORD)
        cole_id = accounts.add(COLE, PASSWORD)
        accounts.add(DEE, PASSWORD)
        turn_on(accounts, DEE, secret := new_secret(DEE).secret, pyotp.TOTP(secret).at(NOW))
        ana, cole = Identity(ana_id, ANA), Identity(cole_id, COLE)
        with workspace.as_owner(ana_id).unit(writes=True) as uow:
            goal = add_goal(
                uow,
                clock,
                text="Lead the operations of a 50-person renewable energy startup by 2028-06-30",
                horizon=Horizon.TWO_YEARS,
            ).goal
        sharing = Sharing(workspace, clock)
        joined = sharing.invite(ana, Role.EDITOR, COLE)
        sharing.accept(joined.code, cole)
        assert goal.id is not None
        sharing.comment(ana_id, cole, CommentOn.GOAL, goal.id, "Who could introduce you? " * 8)
        # An editor's proposals, long words and all, for Ana's /proposals and Cole's plan view.
        proposals = Proposals(workspace, clock)
        wording = "Lead the operations of a 50-person renewable-energy-and-storage startup by 2028"
        proposals.propose(ana_id, cole, goal.id, ChangeKind.EDIT_GOAL, wording, date(2028, 3, 31))
        action = "Ask three operations leaders for an introductory call " * 3
        proposals.propose(ana_id, cole, goal.id, ChangeKind.ADD_ACTION, action, date(2027, 2, 1))
        pending = sharing.invite(ana, Role.VIEWER)
        _, link = sharing.make_link(ana, 30)
        reset = accounts.reset_link(DEE, "127.0.0.1")
        assert reset is not None
        return {"owner": str(ana_id), "invite": pending.code, "link": link, "reset": reset}
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def seeded(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    folder = tmp_path_factory.mktemp("accounts-layout")
    ids = _seed(folder)
    for url in serve(folder, {"CAREERPLAN_ACCOUNTS": "on"}):
        yield Seeded(url, ids)


def _sign_in(page: Page, email: str) -> None:
    page.goto("/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")


def _check(browser: Browser, seeded: Seeded, viewport: ViewportSize, shot: Shot) -> None:
    report: list[str] = []
    people = {who for visits in ACCOUNT_VISITS.values() for who, _ in visits}
    for who in sorted(people):
        with _open_page(browser, seeded.url, viewport) as page:
            if who:
                _sign_in(page, who)
            for visits in ACCOUNT_VISITS.values():
                for person, address in visits:
                    if person != who:
                        continue
                    target = address.format(**seeded.ids)
                    response = page.goto(target)
                    assert response is not None
                    if response.status >= 400:
                        report.append(f"{target} as {who or 'nobody'}: answered {response.status}")
                        continue
                    page.wait_for_load_state("networkidle")
                    problems = page.evaluate(LAYOUT_PROBLEMS, MIN_CHART_FONT_PX)
                    shot(page, "accounts-" + _slug(address))
                    report += [f"{address} as {who or 'nobody'}: {p}" for p in problems]
    width = viewport["width"]
    assert not report, f"{len(report)} layout problem(s) at {width}px:\n" + "\n".join(report)


def test_the_account_pages_fit_a_phone(browser: Browser, seeded: Seeded, screenshot: Shot) -> None:
    _check(browser, seeded, PHONE, screenshot)


def test_the_account_pages_fit_a_desktop(
    browser: Browser, seeded: Seeded, screenshot: Shot
) -> None:
    _check(browser, seeded, DESKTOP, screenshot)
