"""The one Jinja2 environment (autoescaped) and its filters, shared by the web pages and the PDF
exports. Only Jinja2 here, no web framework: the PDF renders the same templates without loading
FastAPI or the CSRF code."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from careerplan.domain import smart_notation as notation
from careerplan.domain.repeat_choices import WEEKDAYS, Kind, choice_for
from careerplan.domain.repeat_words import describe
from careerplan.domain.route import months_text
from careerplan.web.hints import for_page

TEMPLATES = Path(__file__).with_name("templates")


def _percent(value: float | None) -> str:
    return f"{round((value or 0) * 100)}%"


def _day(value: date | None) -> str:
    return value.strftime("%-d %b %Y") if value else ""


def _repeat_words(rule: str | None) -> str:
    return "" if not rule else describe(rule) or rule


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "svg", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = _percent
    env.filters["day"] = _day
    # Notes that carry a remedy, worded for a page (never as a command to run).
    env.filters["advice"] = for_page
    env.globals["months_text"] = months_text
    # Pages show a repeat as a sentence, and the raw rule only when it cannot be said.
    env.filters["repeat_words"] = _repeat_words
    env.globals["repeat_choice"] = choice_for
    env.globals["repeat_kinds"] = list(Kind)
    env.globals["repeat_weekdays"] = WEEKDAYS
    # The one S.M.A.R.T. notation, so a page writes the letters and their legend as every
    # other surface does.
    env.globals["smart_notation"] = notation
    return env
