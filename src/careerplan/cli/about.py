"""`careerplan about`: the credits and licences of the data the catalogue is built from."""

from typing import Annotated

import typer

from careerplan.cli.output import console, print_json

ORDER = ("onet", "modified", "interest_profiler", "bls", "esco", "gates")
HEADINGS = {
    "onet": "O*NET (CC BY 4.0)",
    "modified": "Modifications",
    "interest_profiler": "O*NET Interest Profiler",
    "bls": "U.S. Bureau of Labor Statistics",
    "esco": "ESCO (European Commission) and the ESCO-O*NET crosswalk (Nesta)",
    "gates": "Licences, certifications and exams",
}


def about(json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Credits and licences of the occupational data careerplan ships."""
    from careerplan.catalog import open_catalog

    catalog = open_catalog()
    notices = catalog.notices()
    meta = catalog.meta()
    if json:
        print_json({"notices": {k: notices[k] for k in ORDER if k in notices}, "data": meta})
        return
    out = console()
    out.print("[bold]careerplan[/] — define a career goal and reach it.\n")
    for key in ORDER:
        if key in notices:
            out.print(f"[bold]{HEADINGS[key]}[/]")
            out.print(notices[key] + "\n")
    out.print(
        f"Data releases: O*NET {meta.get('onet_release', '?')}; BLS {meta.get('bls_wages', '?')}, "
        f"projections {meta.get('bls_projections', '?')}."
    )
