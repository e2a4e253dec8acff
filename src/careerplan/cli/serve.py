"""`careerplan serve`: the web application on this machine."""

import socket
from typing import Annotated

import typer

from careerplan.domain.errors import InvalidInput, StorageProblem


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    reload: Annotated[
        bool, typer.Option("--reload", help="Restart when the code changes (development).")
    ] = False,
    accounts: Annotated[
        bool,
        typer.Option(
            "--accounts",
            help="People sign in and each sees only their own plan (CAREERPLAN_ACCOUNTS=on). "
            "Required to listen on any address but this machine's.",
        ),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", help="Server processes (several need PostgreSQL and --accounts)."
        ),
    ] = 1,
) -> None:
    """Start the web application (open the printed address in a browser)."""
    if not 0 < port < 65536:
        raise InvalidInput(f"Port {port} is not a TCP port; use 1-65535, e.g. --port 8000.")
    if not 1 <= workers <= 64:
        raise InvalidInput(f"--workers {workers}: use 1 to 64 processes.")
    if accounts:
        import os

        from careerplan.config import PREFIX

        os.environ[PREFIX + "ACCOUNTS"] = "on"
    _check_exposure(host, workers)
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise StorageProblem(
                f"Cannot listen on {host}:{port} ({error.strerror}). Is careerplan already "
                f"running? Open http://{host}:{port}/ or start on another port with --port."
            ) from None
    _answer_to(host)
    # Open the database now so a problem with it is reported before the server starts.
    from careerplan.cli.context import workspace

    workspace()
    import uvicorn

    from careerplan.cli.output import console
    from careerplan.config import host_of

    shown = f"[{host}]" if ":" in host else host
    console().print(f"careerplan is running at [bold]http://{shown}:{port}/[/] (Ctrl+C to stop)")
    settings = workspace().settings
    if host_of(host) in _EVERY_INTERFACE and not (settings.allowed_hosts or settings.public_url):
        console().print(
            "It answers to localhost and 127.0.0.1 only: set CAREERPLAN_ALLOWED_HOSTS to the "
            "names or addresses other machines use to reach it (or CAREERPLAN_PUBLIC_URL)."
        )
    if settings.accounts:
        _say_accounts()
    if not settings.is_sqlite and workers > 1:
        _say_connections(workers)
    uvicorn.run(
        "careerplan.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        workers=None if reload else workers,
        log_level="warning",
        proxy_headers=False,
    )


def _check_exposure(host: str, workers: int) -> None:
    """Without accounts, whoever reaches the server has the whole plan: only this machine may."""
    from careerplan.config import LOOPBACK_HOSTS, Settings, host_of

    settings = Settings.from_env()
    if not settings.accounts and host_of(host) not in LOOPBACK_HOSTS:
        raise InvalidInput(
            f"careerplan would listen on {host}, where other machines can reach it, with no "
            "sign-in: anyone there could read or wipe the plan. Turn accounts on with "
            "--accounts (or CAREERPLAN_ACCOUNTS=on), add people with `careerplan users add "
            "EMAIL --password-stdin`, and start it again; or listen on 127.0.0.1."
        )
    if workers > 1 and (settings.is_sqlite or not settings.accounts):
        raise InvalidInput(
            "Several workers share the plan through the database: they need PostgreSQL "
            "(CAREERPLAN_DATABASE_URL) and accounts (--accounts). On SQLite use one worker."
        )


def _say_connections(workers: int) -> None:
    from careerplan.cli.context import workspace
    from careerplan.cli.output import console
    from careerplan.storage.engine import connection_room

    warning = connections_warning(workers, *connection_room(workspace().engine))
    if warning:
        console().print(warning)


def connections_warning(workers: int, limit: int, taken: int) -> str | None:
    """What to say when `workers` processes could open more PostgreSQL connections at a peak
    than the server has left (`limit`, its max_connections, less the `taken` ones)."""
    from careerplan.storage.engine import CONNECTIONS_PER_PROCESS

    needed = workers * CONNECTIONS_PER_PROCESS
    room = limit - taken
    if needed <= room:
        return None
    fewer = max(1, room // CONNECTIONS_PER_PROCESS)
    return (
        f"{workers} workers may open up to {needed} PostgreSQL connections at their busiest, "
        f"and the server has room for {max(room, 0)} more (max_connections {limit}, {taken} "
        f"open): requests may then fail. Start with --workers {fewer} or fewer, or raise "
        "max_connections."
    )


def _say_accounts() -> None:
    from careerplan.cli.context import clock, workspace
    from careerplan.cli.output import console
    from careerplan.services.accounts import Accounts

    people = Accounts(workspace().engine, clock()).accounts()
    if not any(not person.disabled for person in people):
        console().print(
            "Accounts are on, but nobody can sign in yet: add someone with "
            "`careerplan users add EMAIL --admin --password-stdin`."
        )
    else:
        able = sum(not person.disabled for person in people)
        console().print(f"Accounts are on: {able} can sign in at /login.")


# Addresses that mean "every interface": people reach the server by names these do not say.
_EVERY_INTERFACE = {"0.0.0.0", "::", ""}


def _answer_to(host: str) -> None:
    """A server started on a named address answers to that name too; the application reads the
    names from the environment, which the server process passes on to it."""
    import os

    from careerplan.config import PREFIX, host_of

    name = host_of(host)
    if name in _EVERY_INTERFACE:
        return
    variable = PREFIX + "ALLOWED_HOSTS"
    os.environ[variable] = f"{os.environ.get(variable, '')} {name}".strip()
