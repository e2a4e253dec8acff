"""Bad input at the command line: exit 1 for a refusal, 2 for bad usage, a message that names
the problem and the fix, and never a traceback."""

from __future__ import annotations

import pytest
from tests.cli.conftest import Invoke

from careerplan.domain.smart_notation import LEGEND
from careerplan.services.workspace import Workspace

GOAL_LIST_HINT = "Run `careerplan goal list` to see your goals."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("goal", "show", "99"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (("goal", "edit", "99", "--text", "x"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (("goal", "done", "99"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (("goal", "drop", "99"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (("goal", "move", "99", "--top"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (("goal", "move", "3", "--parent", "99"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (("goal", "add", "x", "--parent", "99"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (("action", "add", "99", "x"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (("action", "list", "--goal", "99"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (("checkin", "99", "--note", "x"), f"No goal with id 99. {GOAL_LIST_HINT}"),
        (
            ("action", "done", "99"),
            "No action with id 99. Run `careerplan action list` to see your actions.",
        ),
    ],
)
def test_an_unknown_id_exits_1_naming_the_list_command(
    cli: Invoke, story: Workspace, args: tuple[str, ...], message: str
) -> None:
    ran = cli(*args)
    assert (ran.exit_code, ran.stdout, ran.stderr) == (1, "", f"Error: {message}\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("goal", "add", "x", "--due", "2027-02-30"),
            "'2027-02-30' is not a date: February 2027 has 28 days.",
        ),
        (
            ("goal", "edit", "3", "--due", "2027-02-30"),
            "'2027-02-30' is not a date: February 2027 has 28 days.",
        ),
        (
            ("action", "add", "3", "x", "--due", "2027-02-30"),
            "'2027-02-30' is not a date: February 2027 has 28 days.",
        ),
        (
            ("goal", "add", "x", "--due", "+9999y"),
            "'+9999y' is too far ahead: dates run to 2999-12-31. Choose a nearer date.",
        ),
        (("goal", "add", ""), "The goal text is empty. Write what you want to achieve."),
        (("goal", "add", "   "), "The goal text is empty. Write what you want to achieve."),
        (("action", "add", "3", ""), "The action text is empty."),
        (
            ("goal", "add", "x", "--horizon", "3y"),
            "'3y' is not a horizon. Use 2y, 12m or 6m.",
        ),
        (
            ("goal", "add", "x", "--category", "fun"),
            "'fun' is not a category. Use one of: skills, experience, education, network, "
            "job-search, other.",
        ),
        (
            ("goal", "add", "x", "--repeat", "FREQ=DAILY;INTERVAL=0"),
            "'FREQ=DAILY;INTERVAL=0' needs an INTERVAL of 1 or more, e.g. FREQ=WEEKLY;INTERVAL=2. "
            "Words work too, such as 'every other Friday'.",
        ),
    ],
)
def test_bad_values_exit_2_with_the_reason(
    cli: Invoke, story: Workspace, args: tuple[str, ...], message: str
) -> None:
    ran = cli(*args)
    assert (ran.exit_code, ran.stdout, ran.stderr) == (2, "", f"Error: {message}\n")


@pytest.mark.parametrize("via_stdin", [False, True])
def test_a_100_kb_goal_text_exits_2_naming_the_limit(
    cli: Invoke, story: Workspace, via_stdin: bool
) -> None:
    text = "x" * 100_000
    ran = cli("goal", "add", "-", input=text) if via_stdin else cli("goal", "add", text)
    assert ran.exit_code == 2
    assert ran.stderr == (
        "Error: The goal text is 100,000 characters long; the limit is 1,000. "
        "Shorten it, and keep details in a check-in note.\n"
    )
    assert cli("goal", "show", "4").exit_code == 1


@pytest.mark.parametrize(
    ("data", "position"),
    [(b"\xff\xfe\x00goal", 0), (b"Lead a team \xe9 of 5", 12), (b"caf\xc3", 3)],
)
def test_non_utf8_bytes_on_stdin_exit_2_with_a_clear_message(
    cli: Invoke, story: Workspace, data: bytes, position: int
) -> None:
    ran = cli("goal", "add", "-", input=data)
    assert (ran.exit_code, ran.stdout) == (2, "")
    assert ran.stderr == (
        f"Error: Standard input is not UTF-8 text (byte {position} cannot be read). "
        "Save the text as UTF-8 and try again.\n"
    )
    assert cli("goal", "show", "4").exit_code == 1


def test_text_with_markup_is_shown_literally(cli: Invoke, story: Workspace) -> None:
    ran = cli("goal", "add", "[bold]Lead[/bold] a team [/]")
    lines = ran.stdout.splitlines()
    assert lines[0] == "Added goal 4: [bold]Lead[/bold] a team [/]"
    assert lines[-2] == (
        "  Rewrite: [bold]Lead[/bold] a team [/], measured by [number] [what you will count], "
        "by [date]."
    )
    assert lines[-1] == LEGEND
    bad = cli("goal", "add", "x", "--due", "[red]soon[/]")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: '[red]soon[/]' is not a date I can read.")


@pytest.mark.parametrize(
    "args",
    [
        ("goal", "show", "abc"),
        ("goal", "add"),
        ("goal", "frobnicate"),
        ("action", "add", "3"),
        ("checkin", "3", "--confidence", "high"),
        ("--no-such-flag",),
    ],
)
def test_usage_errors_exit_2(cli: Invoke, story: Workspace, args: tuple[str, ...]) -> None:
    ran = cli(*args)
    assert ran.exit_code == 2
    assert "Traceback" not in ran.stdout + ran.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("goal", "add", "x", "--due", "+9999y"),
        ("goal", "add", "x", "--repeat", "FREQ=SECONDLY"),
        ("goal", "add", "x", "--repeat", "FREQ=DAILY\nEXDATE:20270101"),
        ("action", "add", "3", "x", "--repeat", "FREQ=DAILY;INTERVAL=0"),
        ("goal", "move", "1", "--parent", "1"),
        ("goal", "edit", "1", "--if-version", "7", "--text", "x"),
        ("resource", "link", "1", "--goal", "2"),
        ("checkin", "3", "--on", "2099-01-01", "--note", "x"),
        ("init", "--name", "Ana", "--dream-job", "COO"),
    ],
)
def test_no_output_ever_contains_a_traceback(
    cli: Invoke, story: Workspace, args: tuple[str, ...]
) -> None:
    ran = cli(*args)
    assert ran.exit_code in {1, 2}
    assert ran.stderr.startswith("Error: ")
    assert "Traceback" not in ran.stdout + ran.stderr


def test_a_broken_database_url_exits_1_with_the_fix(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERPLAN_DATABASE_URL", "oracle://scott@db/plan")
    ran = cli("goal", "list")
    assert (ran.exit_code, ran.stderr) == (
        1,
        "Error: careerplan supports SQLite and PostgreSQL, not 'oracle'. "
        "Set CAREERPLAN_DATABASE_URL to sqlite:///... or postgresql+psycopg://...\n",
    )
