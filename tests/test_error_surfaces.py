"""Errors are data (what, which field, a remedy) and each surface words the remedy its own way:
the command line names a command, a page a page, the API a request. No page or API message tells
a person to run a `careerplan` command, and no code reads a message to learn what it is about."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from careerplan.cli.hints import said
from careerplan.domain.errors import Advice, DomainRefusal, Hint, InvalidInput, NotFound, Remedy
from careerplan.web.hints import API_WORDS, PAGE_WORDS, for_api, for_page, hint_data

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "careerplan"
COMMAND = re.compile(r"`?careerplan [a-z]+( |`)|--[a-z]")
# Documents a person reads outside any one surface (an e-mail, a calendar, a Markdown file),
# which name both ways to act, and module documentation.
DOCUMENTS = {"services/digest.py", "exports/ical.py", "exports/markdown.py"}


@pytest.mark.parametrize("remedy", list(Remedy))
def test_every_remedy_is_worded_on_every_surface(remedy: Remedy) -> None:
    hint = Hint(remedy, "29-1141.00")
    cli = said(DomainRefusal("Refused.", hint=hint))
    page = for_page(DomainRefusal("Refused.", hint=hint))
    api = for_api(DomainRefusal("Refused.", hint=hint))
    assert "careerplan" in cli
    assert not COMMAND.search(page), page
    assert not COMMAND.search(api), api
    assert page != cli != api
    assert "{" not in cli + page + api  # every placeholder was filled


def test_the_surfaces_word_the_same_refusal_their_own_ways() -> None:
    error = DomainRefusal(
        "Choose your dream job from the catalogue first.",
        hint=Hint(Remedy.CHOOSE_DREAM_JOB, "29-1141.00"),
    )
    assert said(error) == (
        "Choose your dream job from the catalogue first. "
        "Choose it with `careerplan explore choose 29-1141.00`."
    )
    assert for_page(error) == (
        "Choose your dream job from the catalogue first. Choose it with “Choose as my dream "
        "job” on the page of occupation 29-1141.00 under Explore."
    )
    assert for_api(error) == (
        "Choose your dream job from the catalogue first. "
        "Set dream_occupation_code to 29-1141.00 with PATCH /api/v1/vision."
    )
    assert hint_data(error.hint) == {
        "remedy": "choose_dream_job",
        "subject": "29-1141.00",
        "text": "Set dream_occupation_code to 29-1141.00 with PATCH /api/v1/vision.",
    }


def test_a_remedy_without_its_subject_names_the_argument_in_its_place() -> None:
    error = DomainRefusal("No dream job yet.", hint=Hint(Remedy.CHOOSE_DREAM_JOB))
    assert said(error).endswith("`careerplan explore choose CODE`.")
    assert (
        for_api(error) == "No dream job yet. Set dream_occupation_code with PATCH /api/v1/vision."
    )


def test_an_error_carries_its_field_and_its_message_has_no_remedy_in_it() -> None:
    error = InvalidInput("The repeat rule is empty.", field="repeat")
    assert (error.what, error.field, error.hint, str(error)) == (
        "The repeat rule is empty.",
        "repeat",
        None,
        "The repeat rule is empty.",
    )
    assert said(error) == for_page(error) == for_api(error) == "The repeat rule is empty."


def test_not_found_keeps_its_kind_and_id_as_data() -> None:
    error = NotFound("goal", 42, hint=Hint(Remedy.LIST_GOALS))
    assert (error.kind, error.ident, error.what) == ("goal", 42, "No goal with id 42.")
    assert for_page(error) == "No goal with id 42. The “Break it down” page lists your goals."


def test_advice_is_worded_like_a_refusal() -> None:
    note = Advice("The skill gaps are estimates.", Hint(Remedy.SET_CURRENT_JOB))
    assert said(note) == (
        "The skill gaps are estimates. Set yours with `careerplan explore current CODE`."
    )
    assert for_page(note) == (
        "The skill gaps are estimates. Set yours under Explore, on the “Your job today” page."
    )


def test_the_page_and_api_tables_word_every_remedy() -> None:
    assert set(PAGE_WORDS) == set(API_WORDS) == set(Remedy)


def _strings_outside_docstrings(tree: ast.AST) -> list[ast.Constant]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_no_message_outside_the_command_line_names_a_careerplan_command() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where.startswith("cli/") or where in DOCUMENTS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _strings_outside_docstrings(tree):
            if re.search(r"`careerplan [a-z]", node.value):
                found.append(f"{where}:{node.lineno}: {node.value[:60]}")
    assert found == []


def _branches_on_message(tree: ast.AST) -> list[int]:
    """Lines where an `except ... as name` block tests `str(name)`: by `in`, `==`, or a string
    method (startswith, endswith, find...)."""
    lines = []
    for handler in ast.walk(tree):
        if not (isinstance(handler, ast.ExceptHandler) and handler.name):
            continue
        for node in ast.walk(handler):
            text_of_error = (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "str"
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id == handler.name
            )
            if not text_of_error:
                continue
            for parent in ast.walk(handler):
                compared = isinstance(parent, ast.Compare) and node in [
                    parent.left,
                    *parent.comparators,
                ]
                searched = isinstance(parent, ast.Attribute) and parent.value is node
                if compared or searched:
                    lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("try:\n    f()\nexcept E as e:\n    x = 'rule' in str(e)\n", [4]),
        ("try:\n    f()\nexcept E as e:\n    x = str(e).startswith('C')\n", [4]),
        ("try:\n    f()\nexcept E as e:\n    show(str(e))\n", []),
        ("try:\n    f()\nexcept E as e:\n    x = e.field == 'repeat'\n", []),
    ],
)
def test_the_scan_finds_code_that_reads_an_errors_message(source: str, lines: list[int]) -> None:
    assert _branches_on_message(ast.parse(source)) == lines


def test_no_code_branches_on_an_errors_message_text() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in _branches_on_message(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []
