"""The PDF export renders the web templates without loading the web framework or its CSRF code."""

from __future__ import annotations

import subprocess
import sys

import pytest

WEB_FRAMEWORK = (
    "print(sorted({name.split('.')[0] for name in sys.modules} & {'fastapi', 'starlette'}))"
)
# Importing alone proves little: the renderer imports the templates' environment when it runs,
# so one probe also renders a card.
IMPORT = "import sys, careerplan.exports.pdf\n"
RENDER = (
    "import sys\n"
    "from datetime import UTC, datetime\n"
    "from careerplan.exports.pdf import render_card\n"
    "from careerplan.exports.snapshot import PlanSnapshot\n"
    "moment = datetime(2026, 11, 25, tzinfo=UTC)\n"
    "snapshot = PlanSnapshot(exported_at=moment, schema_revision='0004', today=moment.date())\n"
    "assert render_card(snapshot).startswith(b'%PDF')\n"
)


@pytest.mark.parametrize("probe", [IMPORT, RENDER], ids=["importing", "rendering a card"])
def test_the_pdf_export_loads_neither_fastapi_nor_starlette(probe: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", probe + WEB_FRAMEWORK],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == "[]"
