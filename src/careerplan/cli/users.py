"""`careerplan users ...` and `careerplan tokens ...`: the accounts of a server with accounts on,
and the API tokens scripts act for them with.

A password is asked for twice, hidden, in a terminal, or read from the first line of standard
input with --password-stdin, so no password ever sits in the shell's history or the process
list. Each command reads the account before asking for anything, so nobody types a password
for an address that has no account."""

import sys
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer

from careerplan.cli.apps import sub_app
from careerplan.domain.accounts import MAX_PASSWORD

if TYPE_CHECKING:
    from careerplan.domain.accounts import Account
    from careerplan.services.accounts import Accounts

users_app = sub_app(
    "Accounts on a server: add people, list, disable or enable them, reset a password, "
    "two-factor sign-in."
)
tokens_app = sub_app("API tokens a script acts for an account with: create, list, revoke.")

Email = Annotated[
    str, typer.Argument(metavar="EMAIL", help="The account's e-mail address.", show_default=False)
]
PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="Read the password from the first line of standard input (for scripts) instead "
        "of asking for it twice in the terminal.",
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

# The longest first line of standard input that can still hold an acceptable password: four
# bytes a character at most in UTF-8, and a CR LF. Reading stops there, so a stray file piped
# in is not read whole; a line that long without its end is too long a password in any case.
_STDIN_LIMIT = 4 * MAX_PASSWORD + 3


# --- users -------------------------------------------------------------------------------------


@users_app.command("add")
def add(
    email: Email,
    admin: Annotated[
        bool,
        typer.Option("--admin", help="Make the account an administrator's."),
    ] = False,
    password_stdin: PasswordStdin = False,
    take_local_plan: Annotated[
        bool,
        typer.Option(
            "--take-local-plan",
            help="Give this account the plan kept so far without accounts (its goals, actions "
            "and everything else); without it the account starts with an empty plan.",
        ),
    ] = False,
) -> None:
    """Add an account: the person signs in with this e-mail address and a password."""
    from careerplan.config import Settings
    from careerplan.domain.errors import DomainRefusal

    address = _email(email)
    # A password piped in is checked before the database is opened: a script's mistake is
    # reported without touching anything.
    password = _password_from_stdin(address) if password_stdin else None
    service = _service()
    if any(account.email == address for account in service.accounts()):
        raise DomainRefusal(
            f"There is already an account for {address}. Run `careerplan users list` to see "
            "the accounts, or `careerplan users reset-password` to give it a new password."
        )
    if password is None:
        password = _ask_password(address)
    service.add(address, password, admin=admin, take_local_plan=take_local_plan)
    role = " (admin)" if admin else ""
    when = "" if Settings.from_env().accounts else " once the server runs with accounts on"
    typer.echo(f"Added {address}{role}. They can sign in at /login{when}.")
    if take_local_plan:
        typer.echo("The plan kept so far without accounts is theirs now.")


@users_app.command("list")
def list_(as_json: JsonFlag = False) -> None:
    """List the accounts: admin, disabled, two-factor, open sessions and live API tokens."""
    from dataclasses import asdict

    from careerplan.cli.output import print_json

    people = _service().accounts()
    if as_json:
        print_json([asdict(person) for person in people])
        return
    if not people:
        typer.echo(
            "No accounts yet. Add someone with `careerplan users add EMAIL --admin` (add "
            "--password-stdin to read the password from standard input)."
        )
        return
    from careerplan.cli.columns import write_table

    rows = [
        [
            person.email,
            _yes(person.is_admin),
            _yes(person.disabled),
            _yes(person.two_factor),
            str(person.sessions),
            str(person.tokens),
        ]
        for person in people
    ]
    write_table(
        ("E-mail", "Admin", "Disabled", "Two-factor", "Sessions", "Tokens"), rows, flexible=0
    )


@users_app.command("disable")
def disable(email: Email) -> None:
    """Stop an account signing in: its sessions end and its API tokens stop working now. Its
    plan is kept."""
    address = _email(email)
    service = _service()
    if _account(service, address).disabled:
        typer.echo(f"{address} is disabled already; nothing changed.")
        return
    ended = service.disable(address)
    typer.echo(
        f"Disabled {address}: {_ended(ended)}. They cannot sign in and their API tokens do not "
        f"work; their plan is kept. `careerplan users enable {address}` lets them in again."
    )


@users_app.command("enable")
def enable(email: Email) -> None:
    """Let a disabled account sign in again; its API tokens that were not revoked work again."""
    address = _email(email)
    service = _service()
    if not _account(service, address).disabled:
        typer.echo(f"{address} is not disabled; nothing changed.")
        return
    service.enable(address)
    typer.echo(
        f"Enabled {address}: they can sign in again, and their API tokens that were not "
        "revoked work again."
    )


@users_app.command("reset-password")
def reset_password(email: Email, password_stdin: PasswordStdin = False) -> None:
    """Give an account a new password; every session it has open ends."""
    address = _email(email)
    password = _password_from_stdin(address) if password_stdin else None
    service = _service()
    account = _account(service, address)
    if password is None:
        password = _ask_password(address)
    ended = service.reset_password(address, password)
    typer.echo(f"New password set for {address}; {_ended(ended)}.")
    if account.disabled:
        typer.echo(
            f"The account is disabled: `careerplan users enable {address}` lets them sign in."
        )


@users_app.command("two-factor")
def two_factor(
    email: Email,
    on: Annotated[
        bool,
        typer.Option(
            "--on",
            help="Turn it on: shows a secret for an authenticator app, asks for the code the "
            "app then shows, and prints recovery codes once.",
        ),
    ] = False,
    off: Annotated[
        bool,
        typer.Option(
            "--off", help="Turn it off: the password alone signs in, recovery codes stop working."
        ),
    ] = False,
) -> None:
    """Turn two-factor sign-in (a code from an authenticator app after the password) on or off."""
    from careerplan.domain.errors import InvalidInput
    from careerplan.services import two_factor as second_factor

    if on == off:
        raise InvalidInput("Say which: --on or --off.")
    address = _email(email)
    service = _service()
    account = _account(service, address)
    if off:
        second_factor.turn_off(service, address)
        typer.echo(
            f"Two-factor sign-in is off for {address}: the password alone signs in, and the "
            "recovery codes no longer work."
        )
        return
    if sys.stdin is None:  # closed (`<&-`): the code could not be asked for
        raise InvalidInput(
            "Standard input is closed, so the code from the app cannot be asked for. Run the "
            "command where it can be typed in."
        )
    if account.two_factor:
        typer.echo(
            "Two-factor sign-in is on already: once a code from the new secret below is given, "
            "it replaces the old one, and new recovery codes replace the old ones."
        )
    offered = second_factor.new_secret(address)
    typer.echo(
        "Add the account to an authenticator app: type in the secret, or scan the address "
        "below made into a QR code."
    )
    typer.echo(f"Secret:  {offered.secret}")
    typer.echo(f"Address: {offered.uri}")
    codes = _turn_on(service, address, offered.secret)
    typer.echo(f"Two-factor sign-in is on for {address}. Recovery codes, each good once:")
    for code in codes:
        typer.echo(f"  {code}")
    typer.echo(
        "Keep these codes safe, apart from the phone: they sign in when it is lost, and they "
        "are not shown again."
    )


# --- tokens ------------------------------------------------------------------------------------


@tokens_app.command("create")
def create_token(
    email: Email,
    read_only: Annotated[
        bool,
        typer.Option("--read-only", help="The token may read the plan but not change it."),
    ] = False,
    label: Annotated[
        str,
        typer.Option(
            "--label", help="What the token is for, up to 100 characters, e.g. 'nightly backup'."
        ),
    ] = "",
) -> None:
    """Make an API token for a script. It is shown this once, alone on the last line, so
    `careerplan tokens create EMAIL | tail -1` gives it."""
    address = _email(email)
    _check_text(label, "The label", "label")
    service = _service()
    account = _account(service, address)
    token = service.create_token(address, read_only=read_only, label=label)
    access = "A read-only" if read_only else "An"
    labelled = f" ({_one_line(label)})" if label.strip() else ""
    typer.echo(
        f"{access} API token for {address}{labelled}. A script sends it in the header "
        "`Authorization: Bearer TOKEN`."
    )
    typer.echo(
        "It is shown this once (only its hash is kept): store it now, as you would a password. "
        f"`careerplan tokens revoke {address} ID` stops it."
    )
    if account.disabled:
        typer.echo("The account is disabled: the token works once it is enabled again.")
    typer.echo(token)


@tokens_app.command("list")
def list_tokens(email: Email, as_json: JsonFlag = False) -> None:
    """List an account's API tokens: label, access, when made and last used, revoked or not."""
    from careerplan.cli.output import print_json

    address = _email(email)
    service = _service()
    _account(service, address)
    tokens = service.tokens(address)
    if as_json:
        print_json(
            [
                {
                    "id": token.id,
                    "label": token.label,
                    "read_only": token.read_only,
                    "created_at": token.created_at.isoformat(),
                    "last_used_at": _iso(token.last_used_at),
                    "revoked": token.revoked,
                }
                for token in tokens
            ]
        )
        return
    if not tokens:
        typer.echo(
            f"No API tokens for {address}. Make one with `careerplan tokens create {address}`."
        )
        return
    from careerplan.cli.columns import write_table

    rows = [
        [
            str(token.id),
            _one_line(token.label),
            "read-only" if token.read_only else "read-write",
            _minute(token.created_at),
            _minute(token.last_used_at) if token.last_used_at else "never",
            "revoked" if token.revoked else "live",
        ]
        for token in tokens
    ]
    write_table(
        ("ID", "Label", "Access", "Created (UTC)", "Last used (UTC)", "State"), rows, flexible=1
    )


@tokens_app.command("revoke")
def revoke_token(
    email: Email,
    token_id: Annotated[
        int,
        typer.Argument(
            metavar="ID",
            help="The token's id, from `careerplan tokens list EMAIL`.",
            show_default=False,
        ),
    ],
) -> None:
    """Revoke an API token: it stops working at once."""
    from careerplan.domain.bounds import could_be_an_id
    from careerplan.domain.errors import NotFound

    address = _email(email)
    service = _service()
    _account(service, address)
    unknown = NotFound(
        "live token", token_id, f"See {address}'s tokens with `careerplan tokens list`."
    )
    if not could_be_an_id(token_id):
        # No token has such an id; PostgreSQL would refuse to compare the number at all.
        raise unknown
    try:
        service.revoke_token(address, token_id)
    except NotFound:
        raise unknown from None
    typer.echo(f"Revoked token {token_id} of {address}: it no longer works.")


# --- helpers -----------------------------------------------------------------------------------


def _service() -> "Accounts":
    from careerplan.cli.context import clock, workspace
    from careerplan.services.accounts import Accounts

    return Accounts(workspace().engine, clock())


def _interactive() -> bool:
    # Standard input may be closed altogether (`<&-`): then nobody is there to answer.
    return sys.stdin is not None and sys.stdin.isatty()


def _check_text(text: str, what: str, field: str) -> None:
    """Refuse text no database can hold (a NUL, or a lone surrogate from an undecodable byte
    in an argument), before it reaches one and comes back as an error of the database."""
    from careerplan.domain.bounds import text_problem
    from careerplan.domain.errors import InvalidInput

    problem = text_problem(text)
    if problem is not None:
        raise InvalidInput(f"{what} cannot be used: {problem}.", field=field)


def _email(text: str) -> str:
    from careerplan.domain.accounts import normal_email

    _check_text(text, "That e-mail address", "email")
    return normal_email(text)


def _account(service: "Accounts", address: str) -> "Account":
    from careerplan.domain.errors import DomainRefusal

    for account in service.accounts():
        if account.email == address:
            return account
    raise DomainRefusal(
        f"There is no account for {address}. Run `careerplan users list` to see the accounts."
    )


def _check_password(password: str, address: str) -> None:
    from careerplan.domain.accounts import check_new_password

    _check_text(password, "The password", "password")
    check_new_password(password, address)


def _password_from_stdin(address: str) -> str:
    """The first line of standard input less its line ending; nothing else is stripped, since
    spaces at either end may be part of a pass-phrase."""
    from careerplan.domain.errors import InvalidInput

    stream = getattr(sys.stdin, "buffer", None)
    line: bytes
    if stream is not None:
        line = stream.readline(_STDIN_LIMIT)
    else:  # a text stream without bytes beneath it, or none at all (`<&-`)
        line = sys.stdin.readline().encode() if sys.stdin is not None else b""
    if not line:
        raise InvalidInput(
            "Standard input is empty: with --password-stdin, give the password on its first line.",
            field="password",
        )
    if len(line) >= _STDIN_LIMIT and not line.endswith(b"\n"):
        raise InvalidInput(
            f"The password on standard input is longer than {MAX_PASSWORD:,} characters; use at "
            f"most {MAX_PASSWORD:,}.",
            field="password",
        )
    # A CR LF ending is a line's end too (a file saved on Windows), not part of the password.
    line = line.removesuffix(b"\n").removesuffix(b"\r")
    try:
        password = line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"The password on standard input is not UTF-8 text (byte {error.start + 1} cannot "
            "be read). Give it as UTF-8.",
            field="password",
        ) from None
    _check_password(password, address)
    return password


def _ask_password(address: str) -> str:
    """A password typed twice, hidden; one that cannot be used, or a second that differs, is
    explained and asked again."""
    from careerplan.cli.hints import said
    from careerplan.domain.accounts import MIN_PASSWORD
    from careerplan.domain.errors import InvalidInput

    if not _interactive():
        raise InvalidInput(
            "Standard input is not a terminal, so the password cannot be typed in. Give it on "
            "the first line of standard input with --password-stdin.",
            field="password",
        )
    while True:
        password = _prompt(
            f"Password for {address} (at least {MIN_PASSWORD} characters)",
            hide=True,
            unchanged="No password was set",
        )
        try:
            _check_password(password, address)
        except InvalidInput as error:
            _complain(said(error))
            continue
        again = _prompt("The same password again", hide=True, unchanged="No password was set")
        if again == password:
            return password
        _complain("The two passwords differ. Type them again.")


def _turn_on(service: "Accounts", address: str, secret: str) -> list[str]:
    """The recovery codes once a code from the app matches; in a terminal a wrong code is
    explained and asked again, with the same secret, so the app need not be set up twice."""
    from careerplan.cli.hints import said
    from careerplan.domain.errors import InvalidInput
    from careerplan.services import two_factor as second_factor

    while True:
        code = _prompt(
            "Six-digit code the app shows now", unchanged="Two-factor sign-in was not changed"
        )
        try:
            return second_factor.turn_on(service, address, secret, code)
        except InvalidInput as error:
            if not _interactive():
                raise
            _complain(said(error))


def _prompt(question: str, *, hide: bool = False, unchanged: str) -> str:
    """An answer typed in; Ctrl+C or the end of input stops with a message, not a bare abort."""
    from careerplan.domain.errors import DomainRefusal

    try:
        return str(typer.prompt(question, hide_input=hide))
    except typer.Abort:
        raise DomainRefusal(f"Stopped before an answer was given. {unchanged}.") from None


def _complain(message: str) -> None:
    from careerplan.cli.output import console
    from careerplan.cli.text import escape

    console().print(f"[red]{escape(message)}[/]")


def _ended(count: int) -> str:
    if count == 0:
        return "no sessions were open"
    return f"{count} session{'s' if count != 1 else ''} ended"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _one_line(text: str) -> str:
    # A label may hold line breaks; a table row and the explanation keep to one line.
    return " ".join(text.split())


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
