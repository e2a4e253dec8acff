"""Real readers for the exported files that need a program: PDF text through `pdftotext`."""

from __future__ import annotations

import shutil
import subprocess

from tests.conftest import unavailable


def pdf_text(data: bytes) -> str:
    """The PDF's text as `pdftotext` reads it, with runs of white space made single spaces.

    Without `pdftotext` the test is skipped on a workstation and fails in CI, where it is
    installed on purpose."""
    program = shutil.which("pdftotext")
    if program is None:
        unavailable("pdftotext (poppler-utils) is not installed")
    assert data.startswith(b"%PDF-"), data[:20]
    done = subprocess.run(
        [program, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())
