"""`careerplan export --output` gives the file the permissions any other program would: the
umask's for a new file, the existing file's own when it is replaced."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name", ["markdown", "pdf"])
def test_a_new_export_file_follows_the_umask(
    cli: Invoke, story: Workspace, tmp_path: Path, umask_022: None, name: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"plan.{name}"
    ran = cli("export", "--format", name, "--output", str(target))
    assert ran.exit_code == 0, ran.stderr
    assert _mode(target) == 0o644
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left


def test_a_replaced_export_file_keeps_its_permissions(
    cli: Invoke, story: Workspace, tmp_path: Path, umask_022: None
) -> None:
    target = tmp_path / "plan.ics"
    target.write_text("old")
    target.chmod(0o640)
    ran = cli("export", "--format", "ics", "--output", str(target))
    assert ran.exit_code == 0, ran.stderr
    assert _mode(target) == 0o640
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
