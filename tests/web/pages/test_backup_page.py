"""The backup page: download the plan, then restore a backup in two steps, a preview that
changes nothing and a confirm that restores exactly what was previewed; bad files, refusals,
altered or repeated confirms and forged requests change nothing and never give a 500."""

from __future__ import annotations

import json
import random
import re
import string
import uuid
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest
from httpx2 import Response

from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.workspace import Workspace
from careerplan.web.app import create_app
from careerplan.web.backup_transfer import MAX_BACKUP_BYTES
from careerplan.web.security import CSRF_COOKIE, MAX_BODY_BYTES
from tests.exports.rich_plan import backup_of, without_export_time
from tests.web.conftest import local_client
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot

_FORM = re.compile(
    r'<form method="post" action="(?P<action>[^"]+)"[^>]*>(?P<body>.*?)</form>', re.S
)
_HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
_ROW = re.compile(
    r'<tr><th scope="row">([^<]+)</th><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>'
    r"<td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>"
)


@pytest.fixture
def empty_browser(empty: Workspace, clock: FixedClock) -> Iterator[Browser]:
    with local_client(create_app(workspace=empty, clock=clock)) as client:
        yield Browser(client)


def token(browser: Browser) -> str:
    if CSRF_COOKIE not in browser.client.cookies:
        browser.get("/backup")
    return browser.client.cookies[CSRF_COOKIE]


def preview(browser: Browser, data: bytes, mode: str = "refuse", name: str = "b.json") -> Response:
    """Choose a file and a mode on the page and press Preview."""
    fields = {"mode": mode, "csrf_token": token(browser)}
    files = {"backup": (name, data, "application/json")}
    response = browser.client.post("/backup/preview", data=fields, files=files)
    assert response.status_code < 500, response.text
    return response


def form_fields(html: str, action: str) -> dict[str, str]:
    """The hidden fields of the page's form that posts to `action`."""
    found = next(m for m in _FORM.finditer(html) if m["action"] == action)
    return {name: unescape(value) for name, value in _HIDDEN.findall(found["body"])}


def confirm(browser: Browser, previewed: Response, **changes: str) -> Response:
    """Press the confirm button of a preview (with any field changed as given)."""
    fields = form_fields(previewed.text, "/backup/restore") | changes
    return browser.post("/backup/restore", fields)


def report(html: str) -> dict[str, tuple[int, int, int, int]]:
    return {what: tuple(int(n) for n in counts) for what, *counts in _ROW.findall(html)}  # type: ignore[misc]


def message(html: str) -> str:
    found = re.search(r'<p class="notice bad" role="alert">(.*?)</p>', html, re.S)
    assert found, "no message on the page"
    return unescape(found.group(1))


def test_the_page_offers_the_download_and_the_restore_form_and_is_linked(
    browser: Browser, story: Workspace
) -> None:
    html = browser.get("/backup").text
    assert '<a class="button" href="/export/json" download>Download a backup</a>' in html
    assert '<form method="post" action="/backup/preview" enctype="multipart/form-data">' in html
    assert f'name="csrf_token" value="{browser.client.cookies[CSRF_COOKIE]}"' in html
    modes = re.findall(r'<input type="radio" name="mode" value="(\w+)"[^>]*?( checked)?>', html)
    assert modes == [("refuse", " checked"), ("replace", ""), ("merge", "")]
    assert "and the backup takes its place" in html
    assert '<a href="/backup">back up and restore</a>' in browser.get("/").text
    assert '<a href="/backup">' in browser.get("/export").text


def test_a_backup_downloaded_through_the_pages_restores_whole_into_an_empty_plan(
    browser: Browser, rich: Workspace, empty: Workspace, empty_browser: Browser
) -> None:
    download = browser.get("/export/json")
    assert download.headers["content-disposition"].startswith("attachment;")
    before = snapshot(empty)

    previewed = preview(empty_browser, download.content)
    assert previewed.status_code == 200
    assert "Preview: nothing has changed yet" in previewed.text
    assert report(previewed.text)["goals"] == (6, 6, 0, 0)
    assert report(previewed.text)["check-ins"] == (2, 2, 0, 0)
    assert snapshot(empty) == before

    restored = confirm(empty_browser, previewed)
    assert restored.status_code == 200
    assert "The backup was restored" in restored.text
    assert report(restored.text)["goals"] == (6, 6, 0, 0)
    again = empty_browser.get("/export/json").content
    assert without_export_time(again) == without_export_time(download.content)
    assert "COO of a high-tech startup" in empty_browser.get("/").text


def test_a_preview_reports_what_replace_would_do_and_changes_nothing(
    browser: Browser, rich: Workspace, clock: FixedClock
) -> None:
    data = backup_of(rich, clock)
    before, revision = snapshot(rich), rich.revision()
    previewed = preview(browser, data, "replace")
    assert previewed.status_code == 200
    assert report(previewed.text) == {
        "profile": (1, 1, 1, 0),
        "vision": (1, 1, 1, 0),
        "exploration": (1, 1, 1, 0),
        "preferences": (1, 1, 1, 0),
        "goals": (6, 6, 6, 0),
        "actions": (2, 2, 2, 0),
        "completions": (3, 3, 3, 0),
        "resources": (2, 2, 2, 0),
        "resource links": (4, 4, 4, 0),
        "check-ins": (2, 2, 2, 0),
        "reviews": (1, 1, 1, 0),
        "review entries": (2, 2, 2, 0),
        "accepted proposals": (1, 1, 1, 0),
        "skills": (2, 2, 2, 0),
        "résumés": (2, 2, 2, 0),
        "applications": (2, 2, 2, 0),
        "application stages": (4, 4, 4, 0),
        "application contacts": (1, 1, 1, 0),
    }
    assert "<strong>delete everything in this plan</strong>" in previewed.text
    assert 'class="danger">Replace my plan with this backup</button>' in previewed.text
    assert snapshot(rich) == before
    assert rich.revision() == revision


def test_restoring_over_a_plan_is_refused_with_409_the_reason_and_the_choices(
    browser: Browser, rich: Workspace, clock: FixedClock
) -> None:
    before = snapshot(rich)
    refused = preview(browser, backup_of(rich, clock))
    assert refused.status_code == 409
    assert message(refused.text) == (
        "This plan already has a profile, a vision, an exploration, saved preferences, 6 goals, "
        "2 actions, 2 resources, 2 check-ins, 1 review, 1 accepted proposal, 2 skills, "
        "2 résumés and 2 applications, so the backup was not restored and nothing changed. "
        "Choose to replace this plan with the backup, or to add the backup to it, and preview "
        "again: nothing changes until you confirm."
    )
    # The choices come again, for the same file, with none chosen for the person.
    fields = form_fields(refused.text, "/backup/preview")
    assert set(fields) == {"csrf_token", "payload", "seal"}
    assert " checked" not in refused.text
    assert snapshot(rich) == before

    merged = browser.post("/backup/preview", fields | {"mode": "merge"})
    assert merged.status_code == 200
    assert report(merged.text)["goals"] == (6, 5, 0, 6)
    assert snapshot(rich) == before


def test_replace_through_the_pages_brings_back_the_plan_as_it_was_backed_up(
    browser: Browser, rich: Workspace, clock: FixedClock
) -> None:
    data = backup_of(rich, clock)
    with rich.unit() as uow:
        add_goal(uow, clock, text="Speak at 2 meetups by June 2027", parent_id=1)
    previewed = preview(browser, data, "replace")
    assert report(previewed.text)["goals"] == (6, 6, 7, 0)
    restored = confirm(browser, previewed)
    assert restored.status_code == 200
    assert "Your plan was replaced with the backup" in restored.text
    assert report(restored.text)["goals"] == (6, 6, 7, 0)
    assert without_export_time(backup_of(rich, clock)) == without_export_time(data)


def test_merge_through_the_pages_adds_the_backup_beside_the_plan(
    browser: Browser, rich: Workspace, clock: FixedClock
) -> None:
    previewed = preview(browser, backup_of(rich, clock), "merge")
    assert "folded into yours (goal 1)" in unescape(previewed.text)
    restored = confirm(browser, previewed)
    assert restored.status_code == 200
    assert "The backup was added to your plan" in restored.text
    assert report(restored.text)["goals"] == (6, 5, 0, 6)
    assert "Kept your profile, vision, exploration and preferences as they are" in unescape(
        restored.text
    )
    with rich.unit() as uow:
        assert len(uow.goals.all()) == 11


def test_a_confirm_sent_twice_restores_once(
    browser: Browser, rich: Workspace, clock: FixedClock
) -> None:
    previewed = preview(browser, backup_of(rich, clock), "merge")
    assert confirm(browser, previewed).status_code == 200
    after_first = snapshot(rich)
    again = confirm(browser, previewed)
    assert again.status_code == 409
    assert "or this restore was already done" in again.text
    assert report(again.text)["goals"] == (6, 5, 0, 11)  # what another merge would do now
    assert snapshot(rich) == after_first


@pytest.mark.parametrize(
    ("changes", "status", "says"),
    [
        ({"mode": "replace"}, 409, "this confirm does not match the preview"),
        ({"revision": "0"}, 409, "this confirm does not match the preview"),
        ({"approval": "0" * 64}, 409, "this confirm does not match the preview"),
        ({"payload": "eJwDAAAAAAE="}, 422, "This preview has expired"),
        ({"seal": "0" * 64}, 422, "This preview has expired"),
        ({"payload": "", "seal": ""}, 422, "This preview has expired"),
        ({"mode": "overwrite"}, 422, "Choose what to do with the backup."),
    ],
)
def test_a_confirm_whose_form_was_altered_restores_nothing(
    browser: Browser,
    rich: Workspace,
    clock: FixedClock,
    changes: dict[str, str],
    status: int,
    says: str,
) -> None:
    previewed = preview(browser, backup_of(rich, clock), "merge")
    before = snapshot(rich)
    answered = confirm(browser, previewed, **changes)
    assert answered.status_code == status
    assert says in answered.text
    assert snapshot(rich) == before


def _document(rich: Workspace, clock: FixedClock) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(backup_of(rich, clock))
    return loaded


BAD_FILES: list[tuple[str, Any, str]] = [
    ("not JSON", lambda good: b"name,goal\nAna,COO\n", "The backup is not valid JSON: line 1"),
    ("cut off", lambda good: good[: len(good) // 2], "the file looks cut off"),
    ("empty", lambda good: b"", "The file is empty, so it holds no backup. Make one with"),
    ("not text", lambda good: b"\x1f\x8b\x08\x00" + good, "byte 1 is not UTF-8 text"),
    (
        "another format",
        lambda good: json.dumps({"format": "trello-board"}).encode(),
        'lacks the "format": "careerplan-backup" marker (its format is the text',
    ),
    (
        "a newer version",
        lambda good: good.replace(b'"format_version": 1', b'"format_version": 99'),
        "format version 99, written by a newer careerplan",
    ),
    (
        "a damaged record",
        lambda good: good.replace(b'"horizon": "6m"', b'"horizon": "soon"', 1),
        "The backup is not valid: on line ",
    ),
    ("too big", lambda good: b" " * (MAX_BACKUP_BYTES + 1), "This file is 8.4 MB"),
]


@pytest.mark.parametrize(
    ("data", "expected"), [pytest.param(b[1], b[2], id=b[0]) for b in BAD_FILES]
)
def test_a_bad_file_gets_its_message_with_422_and_changes_nothing(
    browser: Browser, rich: Workspace, clock: FixedClock, data: Any, expected: str
) -> None:
    good = backup_of(rich, clock)
    before = snapshot(rich)
    answered = preview(browser, data(good), "replace")
    assert answered.status_code == 422
    shown = message(answered.text)
    assert expected in shown
    assert "careerplan export" not in shown  # the page's own way to make one instead
    assert '<form method="post" action="/backup/preview" enctype="multipart/form-data">' in (
        answered.text
    )
    assert 'value="replace" aria-describedby="mode-replace-help" required checked' in answered.text
    assert snapshot(rich) == before


def test_no_file_chosen_is_asked_for(browser: Browser, story: Workspace) -> None:
    before = snapshot(story)
    answered = browser.post("/backup/preview", {"mode": "refuse"})
    assert answered.status_code == 422
    assert message(answered.text).startswith("Choose a backup file to restore")
    answered = preview(browser, b"", name="")
    assert answered.status_code == 422
    assert snapshot(story) == before


def test_a_body_past_the_upload_limit_is_refused_before_it_is_read(
    browser: Browser, story: Workspace
) -> None:
    before = snapshot(story)
    answered = preview(browser, b" " * (16 * 1024 * 1024 + 1))
    assert answered.status_code == 413
    assert snapshot(story) == before


def test_the_confirm_step_and_other_forms_keep_the_one_mebibyte_limit(
    browser: Browser, story: Workspace
) -> None:
    padding = "x" * (MAX_BODY_BYTES + 1)
    for path in ("/backup/restore", "/vision"):
        answered = browser.client.post(path, data={"csrf_token": token(browser), "p": padding})
        assert answered.status_code == 413, path


def _many_goals(document: dict[str, Any], count: int) -> dict[str, Any]:
    """The document with `count` more goals, copies of its first sub-goal (S.M.A.R.T. report
    and all), numbered on from its last."""
    template = next(goal for goal in document["goals"] if goal["parent_id"] is not None)
    first = len(document["goals"]) + 1
    extra = [
        template | {"id": n, "text": f"{template['text']} #{n}", "uid": str(uuid.uuid4())}
        for n in range(first, first + count)
    ]
    return document | {"goals": document["goals"] + extra}


def test_a_backup_over_one_mebibyte_is_previewed_and_restored(
    browser: Browser, rich: Workspace, clock: FixedClock
) -> None:
    # A real plan's backup passes 1 MiB (200 goals and 1,000 actions make about 0.8 MB), which
    # is why the preview takes more than other forms.
    data = json.dumps(_many_goals(_document(rich, clock), 500), indent=2).encode()
    assert len(data) > MAX_BODY_BYTES
    previewed = preview(browser, data, "replace")
    assert previewed.status_code == 200, message(previewed.text)
    # ... and the confirm form stays small: the file travels compressed.
    assert len(previewed.text) < 100_000
    restored = confirm(browser, previewed)
    assert restored.status_code == 200
    assert report(restored.text)["goals"] == (506, 506, 6, 0)


def test_a_backup_that_does_not_compress_is_refused_with_a_clear_message(
    browser: Browser, rich: Workspace, clock: FixedClock
) -> None:
    document = _document(rich, clock)
    noise = random.Random(6)
    template = document["resources"][0] | {"goal_ids": [], "action_ids": []}
    letters = string.ascii_letters + string.digits
    document["resources"] += [
        template | {"id": n, "notes": "".join(noise.choices(letters, k=9_000))}
        for n in range(3, 203)
    ]
    data = json.dumps(document).encode()
    before = snapshot(rich)
    answered = preview(browser, data, "replace")
    assert answered.status_code == 422
    assert message(answered.text).startswith(
        "This backup is too large to restore from this page: its text hardly compresses"
    )
    assert snapshot(rich) == before


def test_without_the_csrf_token_nothing_is_previewed_or_restored(
    browser: Browser, rich: Workspace, clock: FixedClock
) -> None:
    data = backup_of(rich, clock)
    previewed = preview(browser, data, "replace")
    before = snapshot(rich)
    files = {"backup": ("b.json", data, "application/json")}
    forged = browser.client.post("/backup/preview", data={"mode": "replace"}, files=files)
    assert forged.status_code == 403
    fields = form_fields(previewed.text, "/backup/restore")
    del fields["csrf_token"]
    forged = browser.client.post("/backup/restore", data=fields)
    assert forged.status_code == 403
    fields["csrf_token"] = "x" * 43
    forged = browser.client.post("/backup/restore", data=fields)
    assert forged.status_code == 403
    assert "came from another site" in forged.text
    assert snapshot(rich) == before
