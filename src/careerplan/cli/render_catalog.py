"""Rich rendering of catalogue answers (occupation pages, requirements, paths)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table

if TYPE_CHECKING:
    from rich.console import Console

    from careerplan.catalog import CareerPath, Profile, Requirements
    from careerplan.catalog.profile import Rated, Wages


def money(value: int | None) -> str:
    if value is None:
        return "n/a"
    return f"${value:,}" + ("+" if value >= 239200 else "")


def wages_line(wages: Wages) -> str:
    return (
        f"median {money(wages.median)} a year (10%: {money(wages.p10)}, "
        f"90%: {money(wages.p90)}); U.S. May 2025"
    )


def rated_table(title: str, rows: list[Rated]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(title.split()[0])
    table.add_column("importance (1-5)", justify="right")
    table.add_column("level (0-7)", justify="right")
    for row in rows:
        table.add_row(row.name, f"{row.importance:.1f}", f"{row.level:.1f}")
    return table


def render_profile(out: Console, page: Profile) -> None:
    out.print(f"[bold]{page.title}[/] ({page.code})")
    out.print(page.description)
    out.print()
    if page.job_zone_name:
        out.print(f"Preparation: {page.job_zone_name}")
    out.print(f"Typical entry education: {page.education or page.onet_education or 'n/a'}")
    out.print(f"Related experience: {page.experience or page.onet_experience or 'n/a'}")
    if page.riasec:
        areas = ", ".join(f"{k} {v:.1f}" for k, v in page.riasec.items())
        out.print(f"Interests (1-7): {areas}")
    out.print(f"Wages: {wages_line(page.wages)}")
    outlook = page.outlook
    if outlook.change_percent is not None:
        out.print(
            f"Outlook 2024-34: {outlook.change_percent:+.1f}% employment, "
            f"{outlook.annual_openings or 0:,} openings a year"
        )
    if page.tasks:
        out.print("\n[bold]Tasks[/]")
        for task in page.tasks:
            out.print(f"- {task}")
    for title, rows in (("Skills", page.skills), ("Knowledge", page.knowledge)):
        if rows:
            out.print(rated_table(title, rows[:6]))
    if page.abilities:
        out.print("Abilities: " + ", ".join(a.name for a in page.abilities[:6]))
    if page.technology:
        names = [t.example + (" (hot)" if t.hot else "") for t in page.technology]
        out.print("\n[bold]Technology[/]: " + ", ".join(names))
    if page.related:
        out.print(
            "\n[bold]Related[/]: " + "; ".join(f"{r.code} {r.title}" for r in page.related[:8])
        )


def render_requirements(out: Console, req: Requirements) -> None:
    out.print(f"[bold]What a prime candidate for {req.title} ({req.code}) has[/]")
    out.print(f"Preparation: {req.job_zone_name or 'n/a'}")
    out.print(f"Education: {req.education or 'n/a'}; experience: {req.experience or 'n/a'}")
    out.print(f"Training: {req.training or 'n/a'}")
    out.print(rated_table("Skills", req.skills))
    out.print(rated_table("Knowledge", req.knowledge))
    if req.hot_technologies or req.technologies:
        out.print("Technologies: " + ", ".join(req.hot_technologies + req.technologies))
    if req.esco:
        out.print("In ESCO's words: " + "; ".join(need.label for need in req.esco))
    out.print(f"Wages: {wages_line(req.wages)}")
    if req.transfer is not None:
        out.print(f"\n[bold]Your gap from {req.from_title} ({req.from_code})[/]")
        out.print(f"Transfer score: {req.transfer.score:.0f}/100")
        strengths = ", ".join(s.name for s in req.transfer.strengths[:6])
        out.print(f"Carries over: {strengths or 'little'}")
        table = Table("to build", "kind", "you", "needed", "weighted gap")
        for gap in req.transfer.gaps[:8]:
            table.add_row(
                gap.name, gap.kind, f"{gap.level:.1f}", f"{gap.needed:.1f}", f"{gap.weighted:.1f}"
            )
        out.print(table)
        for note in req.notes:
            out.print(f"- {note}")


def render_paths(out: Console, paths: list[CareerPath]) -> None:
    for n, path in enumerate(paths, start=1):
        out.print(f"[bold]Path {n}[/] (score {path.score})")
        for step in path.steps:
            builds = f" — builds {', '.join(step.builds)}" if step.builds else ""
            out.print(f"  {step.code} {step.title}{builds}")
            if step.why:
                out.print(f"      Why this step: {step.why}")
