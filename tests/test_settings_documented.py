"""Every setting careerplan reads from the environment is in the README's configuration table,
and every setting the README names is one the code reads: a setting added or renamed without
its documentation fails the build."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# `PREFIX + "NAME"` in config.py, or the whole name written out anywhere else.
READ = re.compile(r'PREFIX \+ "([A-Z_]+)"|"CAREERPLAN_([A-Z_]+)"')
# Settings that the suite reads (the PostgreSQL address of the test database) are documented
# where the README describes `make test`.
DOCUMENTED = re.compile(r"`CAREERPLAN_([A-Z_]+)")


def _read_by(folder: str) -> set[str]:
    names = set()
    for path in (ROOT / folder).rglob("*.py"):
        for prefixed, written in READ.findall(path.read_text(encoding="utf-8")):
            names.add(prefixed or written)
    return names


def test_the_scan_finds_the_settings_config_reads() -> None:
    assert {"DATA_DIR", "DATABASE_URL", "SMTP_HOST", "DEBUG"} <= _read_by("src")


def test_every_setting_the_code_reads_is_in_the_readme() -> None:
    documented = set(DOCUMENTED.findall(README))
    assert sorted(_read_by("src") - documented) == []


def test_every_setting_the_readme_names_is_read_by_the_code_or_the_tests() -> None:
    read = _read_by("src") | _read_by("tests")
    assert sorted(set(DOCUMENTED.findall(README)) - read) == []
