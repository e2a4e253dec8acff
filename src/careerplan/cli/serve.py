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
) -> None:
    """Start the web application (open the printed address in a browser)."""
    if not 0 < port < 65536:
        raise InvalidInput(f"Port {port} is not a TCP port; use 1-65535, e.g. --port 8000.")
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
    uvicorn.run(
        "careerplan.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        log_level="warning",
        proxy_headers=False,
    )


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
