"""Real readers for the exported files that need a program: PDF text through `pdftotext`."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import IN_CI


def pdf_text(data: bytes) -> str:
    """The PDF's text as `pdftotext` reads it, with runs of white space made single spaces.

    Without `pdftotext` the test is skipped on a workstation and fails in CI, where it is
    installed on purpose."""
    program = shutil.which("pdftotext")
    if program is None:
        message = "pdftotext (poppler-utils) is not installed"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message + "; CI runs this test")
    assert data.startswith(b"%PDF-"), data[:20]
    done = subprocess.run(
        [program, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())
