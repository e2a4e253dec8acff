"""Arrows point inward: the domain and the exports import nothing from the services, storage,
the web application or the command line. The exceptions are the Jinja2 environment the PDF
export renders the web templates with, and the page wording of remedies its filters use; they
load no web framework."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "careerplan"
OUTER = ("careerplan.services", "careerplan.storage", "careerplan.web", "careerplan.cli")
ALLOWED = {"exports": ("careerplan.web.jinja", "careerplan.web.hints"), "domain": ()}


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes)


def imported(source: str, package: str) -> set[str]:
    """Every module `source` (a module of `package`) imports, anywhere in the text: inside
    functions and type-checking blocks too, relative imports resolved, and `from a import b`
    counted as both `a` and `a.b` (b may be a module)."""
    here = package.split(".")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def outer_imports(source: str, package: str, layer: str) -> set[str]:
    return {
        module
        for module in imported(source, package)
        if _within(module, OUTER) and not _within(module, ALLOWED[layer])
    }


def _package_of(path: Path) -> str:
    return ".".join(path.parent.relative_to(PACKAGE.parent).parts)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_the_inner_layers_import_no_outer_layer(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert len(files) > 5, f"the modules of {layer} were not found"
    wrong = sorted(
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in files
        for module in outer_imports(path.read_text(encoding="utf-8"), _package_of(path), layer)
    )
    assert wrong == []


@pytest.mark.parametrize(
    ("source", "layer", "found"),
    [
        ("import careerplan.storage.schema_head", "exports", {"careerplan.storage.schema_head"}),
        ("from careerplan import cli", "exports", {"careerplan.cli"}),
        (
            "from ..web import templating",
            "exports",
            {"careerplan.web", "careerplan.web.templating"},
        ),
        ("from ..web.jinja import environment", "exports", set()),
        (
            "from careerplan.web.jinja import environment",
            "domain",
            {"careerplan.web.jinja", "careerplan.web.jinja.environment"},
        ),
        ("from careerplan.domain.entities import Goal", "exports", set()),
        (
            "if TYPE_CHECKING:\n    from careerplan.services.clock import Clock",
            "exports",
            {"careerplan.services.clock", "careerplan.services.clock.Clock"},
        ),
        (
            "def later():\n    from careerplan.web.templating import render",
            "domain",
            {"careerplan.web.templating", "careerplan.web.templating.render"},
        ),
    ],
)
def test_the_check_sees_every_way_of_importing(source: str, layer: str, found: set[str]) -> None:
    assert outer_imports(source, f"careerplan.{layer}", layer) == found


@pytest.mark.parametrize("module", ["jinja.py", "hints.py"])
def test_the_shared_template_environment_stays_as_pure_as_the_exports(module: str) -> None:
    source = (PACKAGE / "web" / module).read_text(encoding="utf-8")
    found = imported(source, "careerplan.web")
    assert outer_imports(source, "careerplan.web", "exports") == set()
    assert not {module.split(".")[0] for module in found} & {"fastapi", "starlette"}
