"""`careerplan card`: "What I'm looking for", the card a person hands their network.

    careerplan card [--json] [--pdf FILE]

Made from the vision (roles, industries, organisation, culture, location, pay) and the strongest
skills something other than the person's word shows. The text goes to standard output, ready to
paste into a message; a hint naming what the card does not say yet goes to standard error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def card(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    pdf: Annotated[
        Path | None,
        typer.Option("--pdf", help="Write the card as a one-page PDF to FILE.", dir_okay=False),
    ] = None,
) -> None:
    """What I'm looking for: the card to share with your network, as text, JSON or a PDF."""
    from careerplan.cli.context import unit
    from careerplan.domain.errors import InvalidInput
    from careerplan.services.looking_for import looking_for

    if as_json and pdf is not None:
        raise InvalidInput("Give --json or --pdf FILE, not both.")
    with unit() as uow:
        found = looking_for(uow)
    from careerplan.cli.render_job_search import card_hint

    if as_json:
        from careerplan.cli.output import print_json

        print_json(found.to_dict() | {"empty_fields": found.empty_fields()})
        return
    if pdf is not None:
        from careerplan.cli.export import _write_whole
        from careerplan.exports.pdf import render_looking_for

        data = render_looking_for(found)
        replaced = pdf.exists()
        _write_whole(pdf, data)
        what = "Replaced" if replaced else "Wrote"
        typer.echo(f"{what} {pdf} ({len(data):,} bytes, the card as PDF).", err=True)
        card_hint(found)
        return
    import sys

    sys.stdout.write(found.text())
    sys.stdout.flush()
    card_hint(found)
