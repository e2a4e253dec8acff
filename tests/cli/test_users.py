"""`careerplan users ...` and `careerplan tokens ...`: accounts and API tokens from the command
line, on SQLite and PostgreSQL; and `careerplan serve` refusing to expose a plan nobody signs in
to. Every password is hashed with argon2 (a fraction of a second each), so each test adds as few
accounts as its story needs, and refusals are checked before anything is hashed."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess

import pyotp
import pytest
from tests.cli.conftest import Invoke
from tests.cli.fixed_clock_cli import command, environment

from careerplan.config import Settings
from careerplan.domain.accounts import SignInRefused
from careerplan.services import two_factor
from careerplan.services.accounts import Accounts
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace, open_workspace

ANA = "ana@example.org"
PASSWORD = "correct horse battery staple"
NO_ACCOUNT = (
    "There is no account for nobody@example.org. Run `careerplan users list` to see the accounts."
)
# A base32 secret, fixed so the test knows the code the app would show before the command runs.
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def accounts(workspace: Workspace, clock: FixedClock) -> Accounts:
    """The accounts of the database the command line uses, read on the same fixed clock."""
    return Accounts(workspace.engine, clock)


def add_ana(cli: Invoke, *flags: str) -> None:
    ran = cli("users", "add", ANA, "--password-stdin", *flags, input=PASSWORD + "\n")
    assert (ran.exit_code, ran.stderr) == (0, ""), ran.stderr


def listed(cli: Invoke) -> list[dict[str, object]]:
    ran = cli("users", "list", "--json")
    assert ran.exit_code == 0, ran.stderr
    data: list[dict[str, object]] = json.loads(ran.stdout)
    return data


def error_of(ran: object) -> str:
    """The error message as one line, however the console wrapped it."""
    return " ".join(getattr(ran, "stderr", "").split())


# --- users add and users list ---------------------------------------------------------------


def test_add_then_list_shows_each_account(cli: Invoke, accounts: Accounts) -> None:
    empty = cli("users", "list")
    assert (empty.exit_code, empty.stderr) == (0, "")
    assert "No accounts yet. Add someone with `careerplan users add EMAIL --admin`" in empty.stdout
    assert listed(cli) == []

    ran = cli("users", "add", " Ana@Example.ORG ", "--admin", "--password-stdin", input=PASSWORD)
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout == (
        "Added ana@example.org (admin). They can sign in at /login once the server runs with "
        "accounts on.\n"
    )
    # Unicode in the address and the password; spaces at the ends of a pass-phrase are kept,
    # and a CR LF ending (a file saved on Windows) is the line's end, not part of it.
    spaced = "  pässwörd mit ümlauten  "
    ran = cli("users", "add", "zoë@exämple.org", "--password-stdin", input=f"{spaced}\r\n".encode())
    assert (ran.exit_code, ran.stdout) == (
        0,
        "Added zoë@exämple.org. They can sign in at /login once the server runs with accounts "
        "on.\n",
    )
    assert accounts.sign_in("zoë@exämple.org", spaced, "198.51.100.7").token
    with pytest.raises(SignInRefused):
        accounts.sign_in("zoë@exämple.org", spaced.strip(), "198.51.100.7")

    table = cli("users", "list")
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split() == [
        "E-mail", "Admin", "Disabled", "Two-factor", "Sessions", "Tokens",
    ]  # fmt: skip
    assert table.stdout.splitlines()[2].split() == [ANA, "yes", "no", "no", "0", "0"]
    assert table.stdout.splitlines()[3].split() == ["zoë@exämple.org", "no", "no", "no", "1", "0"]
    people = listed(cli)
    assert [(p["email"], p["is_admin"], p["sessions"]) for p in people] == [
        (ANA, True, 0),
        ("zoë@exämple.org", False, 1),
    ]
    assert set(people[0]) == {
        "id", "email", "is_admin", "disabled", "two_factor", "sessions", "tokens",
    }  # fmt: skip


def test_add_says_accounts_are_on_when_they_are(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERPLAN_ACCOUNTS", "on")
    ran = cli("users", "add", ANA, "--password-stdin", input=PASSWORD + "\n")
    assert (ran.exit_code, ran.stdout) == (0, f"Added {ANA}. They can sign in at /login.\n")


@pytest.mark.parametrize(
    ("email", "given", "message"),
    [
        ("not-an-email", PASSWORD, "'not-an-email' is not an e-mail address"),
        ("", PASSWORD, "Give an e-mail address, e.g. ana@example.org."),
        ("ana @example.org", PASSWORD, "is not an e-mail address"),
        ("a" * 95 + "@example.org", PASSWORD, "That e-mail address has 107 characters"),
        ("ana\x00@example.org", PASSWORD, "That e-mail address cannot be used: it contains a NUL"),
        ("ana\udcff@example.org", PASSWORD, "That e-mail address cannot be used: character 4"),
        (ANA, "short", "The password has 5 characters; use at least 12"),
        (ANA, "x" * 2000, "The password has 2,000 characters; use at most 1,024."),
        (ANA, "é" * 1025, "The password has 1,025 characters; use at most 1,024."),
        # A file piped in by mistake: its first line is not read whole.
        (ANA, "x" * 100_000, "The password on standard input is longer than 1,024 characters"),
        (ANA, "", "Standard input is empty: with --password-stdin, give the password"),
        (ANA, "\n", "The password has 0 characters"),
        (ANA, "  ana@example.org ", "The password cannot be the e-mail address."),
        (ANA, "a long password\x00with a NUL", "The password cannot be used: it contains a NUL"),
        (ANA, b"\xffa long password in Latin-1\n", "The password on standard input is not UTF-8"),
    ],
)
def test_add_refuses_bad_input_with_a_message_and_adds_nobody(
    cli: Invoke, email: str, given: str | bytes, message: str
) -> None:
    piped = given if isinstance(given, bytes) or given in ("", "\n") else given + "\n"
    ran = cli("users", "add", email, "--password-stdin", input=piped)
    assert (ran.exit_code, ran.stdout) == (2, "")
    assert error_of(ran).startswith("Error: ")
    assert message in error_of(ran)
    assert "Traceback" not in ran.stderr
    assert listed(cli) == []


def test_add_without_a_terminal_says_to_pipe_the_password(cli: Invoke) -> None:
    ran = cli("users", "add", ANA, input=PASSWORD + "\n" + PASSWORD + "\n")
    assert (ran.exit_code, ran.stdout) == (2, "")
    assert error_of(ran) == (
        "Error: Standard input is not a terminal, so the password cannot be typed in. Give it "
        "on the first line of standard input with --password-stdin."
    )
    assert listed(cli) == []


def test_add_refuses_an_address_that_has_an_account_before_asking_anything(cli: Invoke) -> None:
    add_ana(cli)
    # No password is given: the refusal comes before any is asked for.
    ran = cli("users", "add", " ANA@example.org", "--admin")
    assert (ran.exit_code, ran.stdout) == (1, "")
    assert error_of(ran).startswith(f"Error: There is already an account for {ANA}.")
    assert [person["is_admin"] for person in listed(cli)] == [False]


def test_a_typed_password_is_hidden_checked_and_asked_again_until_both_match(
    cli: Invoke, accounts: Accounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerplan.cli import users

    monkeypatch.setattr(users, "_interactive", lambda: True)
    answers = [
        "too short",  # refused: asked again
        PASSWORD,
        PASSWORD + "!",  # differs: both asked again
        PASSWORD,
        PASSWORD,
    ]
    ran = cli("users", "add", ANA, input="\n".join(answers) + "\n")
    assert (ran.exit_code, ran.stderr) == (0, "")
    said = " ".join(ran.stdout.split())
    assert "The password has 9 characters; use at least 12" in said
    assert "The two passwords differ. Type them again." in said
    assert said.count(f"Password for {ANA} (at least 12 characters):") == 3
    assert PASSWORD not in ran.stdout  # hidden as it is typed
    assert said.endswith(
        f"Added {ANA}. They can sign in at /login once the server runs with accounts on."
    )
    assert accounts.sign_in(ANA, PASSWORD, "198.51.100.7").token


def test_stopping_at_the_password_prompt_adds_nobody(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerplan.cli import users

    monkeypatch.setattr(users, "_interactive", lambda: True)
    ran = cli("users", "add", ANA, input=PASSWORD + "\n")  # ends before the second answer
    assert ran.exit_code == 1
    assert error_of(ran) == ("Error: Stopped before an answer was given. No password was set.")
    assert listed(cli) == []


def test_take_local_plan_gives_the_plan_so_far_to_the_account(
    cli: Invoke, settings: Settings, clock: FixedClock
) -> None:
    added = cli("goal", "add", "Learn SQL for product analytics")
    assert added.exit_code == 0, added.stderr
    ran = cli(
        "users", "add", ANA, "--admin", "--take-local-plan", "--password-stdin", input=PASSWORD
    )
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout.splitlines()[-1] == "The plan kept so far without accounts is theirs now."
    # Another account starts with an empty plan of its own.
    ran = cli("users", "add", "bo@example.org", "--password-stdin", input=PASSWORD)
    assert ran.exit_code == 0, ran.stderr

    from careerplan.services.goals import list_goals

    for email, texts in ((ANA, ["Learn SQL for product analytics"]), ("bo@example.org", [])):
        opened = open_workspace(settings, email, clock)
        try:
            with opened.unit() as uow:
                assert [row.goal.text for row in list_goals(uow)] == texts
        finally:
            opened.close()
    owner = {person["email"]: person["id"] for person in listed(cli)}[ANA]
    opened = open_workspace(settings, ANA, clock)
    assert opened.owner_id == owner
    opened.close()
    # The plan kept without accounts now starts again, empty.
    assert json.loads(cli("goal", "list", "--json").stdout) == []


# --- users disable, enable, reset-password --------------------------------------------------


def test_disable_ends_sessions_and_stops_tokens_and_enable_lets_them_back(
    cli: Invoke, accounts: Accounts
) -> None:
    add_ana(cli)
    session = accounts.sign_in(ANA, PASSWORD, "198.51.100.7").token
    token = cli("tokens", "create", ANA).stdout.splitlines()[-1]
    assert accounts.token_identity(token) is not None
    assert [(p["sessions"], p["tokens"]) for p in listed(cli)] == [(1, 1)]

    ran = cli("users", "disable", " Ana@example.org")
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout.startswith(f"Disabled {ANA}: 1 session ended. They cannot sign in")
    assert accounts.session(session) is None
    assert accounts.token_identity(token) is None
    with pytest.raises(SignInRefused, match="This account is disabled"):
        accounts.sign_in(ANA, PASSWORD, "198.51.100.7")
    assert [(p["disabled"], p["sessions"]) for p in listed(cli)] == [(True, 0)]
    again = cli("users", "disable", ANA)
    assert (again.exit_code, again.stdout) == (0, f"{ANA} is disabled already; nothing changed.\n")

    ran = cli("users", "enable", ANA)
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout.startswith(f"Enabled {ANA}: they can sign in again")
    assert accounts.token_identity(token) is not None
    assert [p["disabled"] for p in listed(cli)] == [False]
    again = cli("users", "enable", ANA)
    assert (again.exit_code, again.stdout) == (0, f"{ANA} is not disabled; nothing changed.\n")


def test_reset_password_ends_every_session_and_the_new_password_signs_in(
    cli: Invoke, accounts: Accounts
) -> None:
    add_ana(cli)
    sessions = [accounts.sign_in(ANA, PASSWORD, "198.51.100.7").token for _ in range(2)]
    short = cli("users", "reset-password", ANA, "--password-stdin", input="too short\n")
    assert (short.exit_code, short.stdout) == (2, "")
    assert "use at least 12" in error_of(short)
    assert all(accounts.session(token) for token in sessions)

    new = "a brand new pass-phrase"
    ran = cli("users", "reset-password", ANA, "--password-stdin", input=new + "\n")
    assert (ran.exit_code, ran.stdout) == (0, f"New password set for {ANA}; 2 sessions ended.\n")
    assert [accounts.session(token) for token in sessions] == [None, None]
    assert accounts.sign_in(ANA, new, "198.51.100.7").token

    typed = cli("users", "reset-password", ANA)
    assert typed.exit_code == 2
    assert "Standard input is not a terminal" in error_of(typed)


NOBODY = "nobody@example.org"


@pytest.mark.parametrize(
    ("args", "piped"),
    [
        (("users", "disable", NOBODY), None),
        (("users", "enable", NOBODY), None),
        (("users", "reset-password", NOBODY), None),
        (("users", "reset-password", NOBODY, "--password-stdin"), PASSWORD + "\n"),
        (("users", "two-factor", NOBODY, "--on"), "123456\n"),
        (("users", "two-factor", NOBODY, "--off"), None),
        (("tokens", "create", NOBODY), None),
        (("tokens", "list", NOBODY), None),
        (("tokens", "revoke", NOBODY, "1"), None),
    ],
)
def test_every_command_refuses_an_unknown_account_clearly(
    cli: Invoke, args: tuple[str, ...], piped: str | None
) -> None:
    ran = cli(*args, input=piped)
    assert (ran.exit_code, ran.stdout, error_of(ran)) == (1, "", f"Error: {NO_ACCOUNT}")


@pytest.mark.parametrize(
    "args",
    [
        ("users", "disable"),
        ("users", "enable"),
        ("users", "two-factor", "--off"),
        ("tokens", "create"),
        ("tokens", "list"),
    ],
)
def test_every_command_refuses_a_malformed_address(cli: Invoke, args: tuple[str, ...]) -> None:
    ran = cli(*args, "ana.example.org")
    assert (ran.exit_code, ran.stdout) == (2, "")
    assert error_of(ran) == (
        "Error: 'ana.example.org' is not an e-mail address; write it as name@example.org."
    )


# --- users two-factor -----------------------------------------------------------------------


def _code_now(clock: FixedClock) -> str:
    return pyotp.TOTP(SECRET).at(clock.now())


def _wrong_code(clock: FixedClock) -> str:
    # Not the code of the step before, now or after: the check allows a phone a step off.
    totp, now = pyotp.TOTP(SECRET), clock.now().timestamp()
    near = {totp.at(now + step * totp.interval) for step in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222") if code not in near)


def test_two_factor_on_shows_the_secret_takes_a_code_and_prints_recovery_codes(
    cli: Invoke, accounts: Accounts, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pyotp, "random_base32", lambda *args, **kwargs: SECRET)
    add_ana(cli)

    wrong = cli("users", "two-factor", ANA, "--on", input=_wrong_code(clock) + "\n")
    assert wrong.exit_code == 2
    assert error_of(wrong) == (
        "Error: That code does not match. Check the time on the phone, and type the six digits "
        "the app shows now."
    )
    assert [p["two_factor"] for p in listed(cli)] == [False]

    ran = cli("users", "two-factor", ANA, "--on", input=_code_now(clock) + "\n")
    assert (ran.exit_code, ran.stderr) == (0, "")
    lines = ran.stdout.splitlines()
    assert f"Secret:  {SECRET}" in lines
    assert (
        f"Address: otpauth://totp/careerplan:ana%40example.org?secret={SECRET}&issuer=careerplan"
        in lines
    )
    codes = [line.strip() for line in lines if re.fullmatch(r"  [a-z2-9]{5}-[a-z2-9]{5}", line)]
    assert len(set(codes)) == 10
    assert "Keep these codes safe" in lines[-1]
    assert "not shown again" in " ".join(ran.stdout.split())
    assert [p["two_factor"] for p in listed(cli)] == [True]
    user_id = int(str(listed(cli)[0]["id"]))
    assert two_factor.check_code(accounts, user_id, codes[0])
    assert not two_factor.check_code(accounts, user_id, codes[0])  # each is good once

    off = cli("users", "two-factor", ANA, "--off")
    assert (off.exit_code, off.stderr) == (0, "")
    assert off.stdout.startswith(f"Two-factor sign-in is off for {ANA}")
    assert [p["two_factor"] for p in listed(cli)] == [False]
    assert not two_factor.check_code(accounts, user_id, codes[1])
    again = cli("users", "two-factor", ANA, "--off")
    assert (again.exit_code, error_of(again)) == (
        1,
        f"Error: Two-factor sign-in is not on for {ANA}.",
    )


def test_two_factor_in_a_terminal_asks_again_after_a_wrong_code(
    cli: Invoke, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerplan.cli import users

    monkeypatch.setattr(pyotp, "random_base32", lambda *args, **kwargs: SECRET)
    monkeypatch.setattr(users, "_interactive", lambda: True)
    add_ana(cli)
    stopped = cli("users", "two-factor", ANA, "--on", input="")
    assert (stopped.exit_code, error_of(stopped)) == (
        1,
        "Error: Stopped before an answer was given. Two-factor sign-in was not changed.",
    )
    typed = f"{_wrong_code(clock)}\n {_code_now(clock)[:3]} {_code_now(clock)[3:]} \n"
    ran = cli("users", "two-factor", ANA, "--on", input=typed)
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert "That code does not match." in ran.stdout
    assert f"Two-factor sign-in is on for {ANA}." in ran.stdout
    assert [p["two_factor"] for p in listed(cli)] == [True]


@pytest.mark.parametrize("flags", [(), ("--on", "--off")])
def test_two_factor_needs_exactly_one_of_on_and_off(cli: Invoke, flags: tuple[str, ...]) -> None:
    ran = cli("users", "two-factor", ANA, *flags)
    assert (ran.exit_code, ran.stdout, error_of(ran)) == (2, "", "Error: Say which: --on or --off.")


# --- tokens ---------------------------------------------------------------------------------


def test_tokens_create_list_and_revoke(cli: Invoke, accounts: Accounts) -> None:
    add_ana(cli)
    empty = cli("tokens", "list", ANA)
    assert (empty.exit_code, empty.stdout) == (
        0,
        f"No API tokens for {ANA}. Make one with `careerplan tokens create {ANA}`.\n",
    )

    ran = cli("tokens", "create", ANA, "--read-only", "--label", "nightly backup")
    assert (ran.exit_code, ran.stderr) == (0, "")
    *explanation, token = ran.stdout.splitlines()
    assert explanation[0].startswith(f"A read-only API token for {ANA} (nightly backup).")
    assert "shown this once" in " ".join(explanation)
    assert not any(token in line for line in explanation)
    identity = accounts.token_identity(token)
    assert identity is not None
    assert (identity.email, identity.read_only, identity.via) == (ANA, True, "token")
    second = cli("tokens", "create", ANA).stdout.splitlines()[-1]
    assert accounts.token_identity(second) is not None

    table = cli("tokens", "list", ANA).stdout.splitlines()
    assert table[0].split() == [
        "ID",
        "Label",
        "Access",
        "Created",
        "(UTC)",
        "Last",
        "used",
        "(UTC)",
        "State",
    ]
    assert table[2].split() == [
        "1",
        "nightly",
        "backup",
        "read-only",
        "2026-11-25",
        "09:30",
        "2026-11-25",
        "09:30",
        "live",
    ]
    assert table[3].split() == [
        "2",
        "read-write",
        "2026-11-25",
        "09:30",
        "2026-11-25",
        "09:30",
        "live",
    ]
    listed_tokens = json.loads(cli("tokens", "list", ANA, "--json").stdout)
    assert listed_tokens[0] == {
        "id": 1,
        "label": "nightly backup",
        "read_only": True,
        "created_at": "2026-11-25T09:30:00+00:00",
        "last_used_at": "2026-11-25T09:30:00+00:00",
        "revoked": False,
    }

    ran = cli("tokens", "revoke", ANA, "1")
    assert (ran.exit_code, ran.stdout) == (0, f"Revoked token 1 of {ANA}: it no longer works.\n")
    assert accounts.token_identity(token) is None
    assert accounts.token_identity(second) is not None
    assert [t["revoked"] for t in json.loads(cli("tokens", "list", ANA, "--json").stdout)] == [
        True,
        False,
    ]
    assert cli("tokens", "list", ANA).stdout.splitlines()[2].split()[-1] == "revoked"
    assert [p["tokens"] for p in listed(cli)] == [1]

    for ident in ("1", "99", "0", str(2**31), str(10**30)):
        again = cli("tokens", "revoke", ANA, ident)
        assert (again.exit_code, error_of(again)) == (
            1,
            f"Error: No live token with id {ident}. "
            f"See {ANA}'s tokens with `careerplan tokens list`.",
        ), ident
    not_a_number = cli("tokens", "revoke", ANA, "first")
    assert not_a_number.exit_code == 2
    assert "'first' is not a valid int" in error_of(not_a_number)


BAD_LABELS = {
    "x" * 101: "Error: The label has 101 characters; use up to 100.",
    "nightly\x00backup": "Error: The label cannot be used: it contains a NUL character",
    "nightly\udcffbackup": "Error: The label cannot be used: character 8 is half of",
}


def test_tokens_create_refuses_a_bad_label(cli: Invoke) -> None:
    # One account for every label: each refusal is checked before a token is made.
    add_ana(cli)
    for label, message in BAD_LABELS.items():
        ran = cli("tokens", "create", ANA, "--label", label)
        assert (ran.exit_code, ran.stdout) == (2, ""), label
        assert error_of(ran).startswith(message), label
    assert [p["tokens"] for p in listed(cli)] == [0]


def test_the_last_line_of_tokens_create_through_a_pipe_is_the_token(
    cli: Invoke, accounts: Accounts, settings: Settings
) -> None:
    add_ana(cli)
    env = environment(
        {
            **os.environ,
            "CAREERPLAN_DATABASE_URL": settings.database_url,
            "CAREERPLAN_DATA_DIR": str(settings.data_dir),
        }
    )
    pipeline = shlex.join(command("tokens", "create", ANA, "--label", "cron")) + " | tail -1"
    ran = subprocess.run(
        pipeline, shell=True, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    token = ran.stdout.removesuffix("\n")
    assert "\n" not in token
    assert token.startswith("cp_")
    identity = accounts.token_identity(token)
    assert identity is not None
    assert identity.email == ANA


# --- serve ----------------------------------------------------------------------------------


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal must come before any server starts; should one not, the test fails rather than
    serving until it is stopped. Accounts are off unless a test turns them on."""
    import uvicorn

    def started(*args: object, **kwargs: object) -> None:
        raise AssertionError("the server started")

    monkeypatch.setattr(uvicorn, "run", started)
    # Set rather than deleted, so the value `serve --accounts` writes is undone afterwards.
    monkeypatch.setenv("CAREERPLAN_ACCOUNTS", "off")


def test_serve_on_every_interface_without_accounts_refuses_and_names_accounts(
    cli: Invoke, no_server: None
) -> None:
    ran = cli("serve", "--host", "0.0.0.0")
    assert (ran.exit_code, ran.stdout) == (2, "")
    said = error_of(ran)
    assert said.startswith("Error: careerplan would listen on 0.0.0.0, where other machines")
    assert "--accounts" in said
    assert "careerplan users add EMAIL --password-stdin" in said


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_serve_with_several_workers_on_sqlite_is_refused(cli: Invoke, no_server: None) -> None:
    ran = cli("serve", "--accounts", "--workers", "2")
    assert (ran.exit_code, ran.stdout) == (2, "")
    said = error_of(ran)
    assert "Several workers share the plan through the database" in said
    assert "On SQLite use one worker." in said
