"""Opening the plan: a missing folder is created; an unusable folder or URL is named clearly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careerplan.config import Settings
from careerplan.domain.errors import StorageProblem
from careerplan.services.workspace import open_workspace


def _open(folder: Path, url: str | None = None) -> None:
    settings = Settings.from_env(
        {"CAREERPLAN_DATA_DIR": str(folder), **({"CAREERPLAN_DATABASE_URL": url} if url else {})}
    )
    open_workspace(settings).close()


def test_a_missing_data_folder_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "not" / "there" / "yet"
    _open(folder)
    assert (folder / "careerplan.sqlite3").is_file()


def test_a_data_folder_under_a_regular_file_is_refused_naming_the_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder")
    folder = blocker / "data"
    with pytest.raises(StorageProblem) as refused:
        _open(folder)
    assert str(refused.value) == (
        f"Cannot create the data folder {folder}: Not a directory. "
        "Set CAREERPLAN_DATA_DIR to a folder you can write to."
    )
    assert blocker.read_text() == "not a folder"


def test_a_read_only_data_folder_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):
        # Running as root, whom mode bits do not stop: the permission check answers for this
        # folder as it does for every other user. (Root could still write there, so a plan
        # saved despite the check would show up below.)
        access = os.access

        def as_a_user(path: object, mode: int, **options: object) -> bool:
            if Path(str(path)) == folder and mode & os.W_OK:
                return False
            return access(path, mode, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "access", as_a_user)
    try:
        with pytest.raises(StorageProblem) as refused:
            _open(folder)
        assert str(refused.value) == (
            f"The data folder {folder} is read-only, so careerplan cannot save your plan there. "
            "Set CAREERPLAN_DATA_DIR to a folder you can write to."
        )
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "not a url",
            "CAREERPLAN_DATABASE_URL is not a database URL: 'not a url'. "
            "Use sqlite:///path/to/file.sqlite3 or postgresql+psycopg://user@host/dbname.",
        ),
        (
            "mysql://root@localhost/plan",
            "careerplan supports SQLite and PostgreSQL, not 'mysql'. "
            "Set CAREERPLAN_DATABASE_URL to sqlite:///... or postgresql+psycopg://...",
        ),
        (
            "postgresql+asyncpg://postgres@127.0.0.1/test",
            "careerplan talks to PostgreSQL through psycopg 3: use a URL that starts with "
            "postgresql+psycopg://",
        ),
    ],
)
def test_an_unusable_database_url_is_refused_naming_the_fix(
    tmp_path: Path, url: str, message: str
) -> None:
    with pytest.raises(StorageProblem) as refused:
        _open(tmp_path, url)
    assert str(refused.value) == message


def test_a_postgres_server_that_is_not_there_is_named(tmp_path: Path) -> None:
    with pytest.raises(StorageProblem) as refused:
        _open(tmp_path, "postgresql+psycopg://postgres@127.0.0.1:1/test?connect_timeout=2")
    message = str(refused.value)
    assert message.startswith("Cannot open the PostgreSQL server (")
    assert message.endswith("Check that it is running and that CAREERPLAN_DATABASE_URL is right.")


def test_zero_configuration_uses_a_sqlite_file_in_the_data_folder(tmp_path: Path) -> None:
    settings = Settings.from_env({"CAREERPLAN_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'careerplan.sqlite3'}"
    assert settings.is_sqlite is True
