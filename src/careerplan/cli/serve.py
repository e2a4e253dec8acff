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
    # Open the database now so a problem with it is reported before the server starts.
    from careerplan.cli.context import workspace

    workspace()
    import uvicorn

    from careerplan.cli.output import console

    shown = f"[{host}]" if ":" in host else host
    console().print(f"careerplan is running at [bold]http://{shown}:{port}/[/] (Ctrl+C to stop)")
    uvicorn.run(
        "careerplan.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        log_level="warning",
        proxy_headers=False,
    )
