"""The plan and the commitment card as PDF, rendered by WeasyPrint from the web templates (the
card is the page's own template in a print layout), so paper and screen never drift apart.

Nothing is fetched from the network: the documents link only to our stylesheets, which a fetcher
reads from the package; any other address is refused and left out of the document. WeasyPrint is
imported only here, inside the functions, so nothing else pays for loading it.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerplan.exports.snapshot import PlanSnapshot

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher

    from careerplan.domain.looking_for import LookingFor

# The documents' base address: relative links such as /static/print.css resolve against it and
# the fetcher answers them from the package. The `.invalid` name can never reach a real host.
BASE_URL = "https://careerplan.invalid/"
STATIC_PREFIX = BASE_URL + "static/"
STATIC = Path(__file__).resolve().parents[1] / "web" / "static"


def render_plan(snapshot: PlanSnapshot) -> bytes:
    from careerplan.exports.outline import measure_words, number, outline

    context = {"plan": outline(snapshot), "measure_words": measure_words, "number": number}
    return _pdf("plan_print.html", context)


def render_card(snapshot: PlanSnapshot) -> bytes:
    context = {
        "layout": "print.html",
        "vision": snapshot.vision,
        "profile": snapshot.profile,
        "today": snapshot.today,
    }
    return _pdf("card.html", context)


def render_looking_for(card: LookingFor) -> bytes:
    """The "What I'm looking for" card on one page, to hand to the network."""
    return _pdf("looking_for_print.html", {"card": card})


def _pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    from careerplan.web.jinja import environment

    html = environment().get_template(template).render(context)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=static_only_fetcher())
    data: bytes = document.write_pdf()
    return data


def static_file(url: str) -> Path | None:
    """The packaged static file `url` names, or None for any other address."""
    if not url.startswith(STATIC_PREFIX):
        return None
    name = url[len(STATIC_PREFIX) :].split("?", 1)[0].split("#", 1)[0]
    path = (STATIC / name).resolve()
    if not name or not path.is_relative_to(STATIC) or not path.is_file():
        return None
    return path


def static_only_fetcher() -> URLFetcher:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            path = static_file(url)
            if path is None:
                raise ValueError(f"careerplan documents load nothing from {url}")
            media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": media_type})

    return StaticOnly()
