"""`careerplan import` reads no more than the largest backup it could be given: a wrong file, or
an endless one, is refused after that much, not read into memory whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.conftest import Invoke

from careerplan.cli.importing import MAX_IMPORT_BYTES, _read
from careerplan.domain.errors import InvalidInput


def test_an_endless_file_is_refused_after_the_limit() -> None:
    with pytest.raises(InvalidInput) as refused:
        _read("/dev/zero", limit=4096)
    assert str(refused.value) == (
        "/dev/zero holds more than 4,096 bytes, more than any backup careerplan makes; nothing was "
        "read past that. Is it the right file?"
    )


def test_a_file_at_the_limit_is_read_whole(tmp_path: Path) -> None:
    exactly = tmp_path / "backup.json"
    exactly.write_bytes(b"x" * 4096)
    assert _read(str(exactly), limit=4096) == b"x" * 4096
    exactly.write_bytes(b"x" * 4097)
    with pytest.raises(InvalidInput):
        _read(str(exactly), limit=4096)


def test_the_command_refuses_an_endless_file_with_exit_2(cli: Invoke) -> None:
    ran = cli("import", "/dev/zero")
    assert ran.exit_code == 2
    assert ran.stderr == (
        f"Error: /dev/zero holds more than {MAX_IMPORT_BYTES // 2**20} MiB, more than any "
        "backup careerplan makes; nothing was read past that. Is it the right file?\n"
    )
