"""The route to a dream job in a terminal: the gates in order, with durations, options and
costs, then the stepping stones and what helps."""

from __future__ import annotations

import typer

from careerplan.domain.route import Route, months_text


def route_view(route: Route) -> None:
    typer.echo(f"\nHow to get there ({route.target_title}):")
    for number, gate in enumerate(route.gates, start=1):
        length = f" ({months_text(gate.months)})" if gate.months else ""
        state = " Rules vary by state." if gate.varies_by_state else ""
        typer.echo(f" {number}. {gate.kind.capitalize()}: {gate.name}{length}.{state}")
        for option in gate.options:
            typer.echo(f"      or: {option}")
        if gate.cost:
            typer.echo(f"      Cost: {gate.cost}")
    if route.hours_problem:
        typer.echo(f"  Hours: {route.hours_problem}")
        for option in route.hours_options:
            typer.echo(f"   - {option}")
    if route.stones:
        typer.echo("  Stepping stones people take:")
        for stone in route.stones:
            typer.echo(f"   - {stone.title} ({stone.code}): {stone.why}")
    for item in route.helps:
        typer.echo(f"  Helps: {item}")
    if route.sources:
        typer.echo(f"  Sources: {'; '.join(route.sources)}")
