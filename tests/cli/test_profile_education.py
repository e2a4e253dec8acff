"""The profile keeps the person's highest education and its field: routes to a licensed job
start from them. Given at `init` or `vision edit`, shown by `vision show`, kept by a backup."""

from __future__ import annotations

import json

import pytest
from tests.cli.conftest import Invoke

from careerplan.domain.credentials import education_from
from careerplan.domain.education import Education
from careerplan.domain.errors import InvalidInput

INIT = ("init", "--name", "Sam", "--dream-job", "Registered nurse", "--target-date", "+5y")


def test_init_keeps_the_education_and_vision_show_says_it(cli: Invoke) -> None:
    ran = cli(*INIT, "--education", "BA", "--education-field", "Business")
    assert ran.exit_code == 0, ran.stderr
    profile = json.loads(cli("vision", "show", "--json").stdout)["profile"]
    assert (profile["education"], profile["education_field"]) == ("bachelor's", "Business")
    assert "Education: a bachelor's degree in Business" in cli("vision", "show").stdout


def test_vision_edit_changes_the_education_alone(cli: Invoke) -> None:
    cli(*INIT)
    ran = cli("vision", "edit", "--education", "master's")
    assert (ran.exit_code, ran.stdout) == (0, "Profile saved.\n")
    profile = json.loads(cli("vision", "show", "--json").stdout)["profile"]
    assert (profile["education"], profile["education_field"]) == ("master's", "")


def test_an_unknown_level_is_refused_with_the_levels_and_saves_nothing(cli: Invoke) -> None:
    ran = cli(*INIT, "--education", "wizardry")
    assert ran.exit_code == 2
    assert ran.stderr == (
        "Error: 'wizardry' is not an education level. Choose one of: none, high school, some "
        "college, postsecondary certificate, associate's, bachelor's, master's, doctoral or "
        "professional.\n"
    )
    assert cli("vision", "show").exit_code == 1


def test_the_education_survives_a_backup_and_a_file_without_it_restores(
    cli: Invoke, tmp_path: object
) -> None:
    from pathlib import Path

    cli(*INIT, "--education", "associate's", "--education-field", "Nursing")
    backup = json.loads(cli("export", "--format", "json").stdout)
    assert (backup["profile"]["education"], backup["profile"]["education_field"]) == (
        "associate's",
        "Nursing",
    )
    older = {**backup, "profile": {k: v for k, v in backup["profile"].items() if "educ" not in k}}
    path = Path(str(tmp_path)) / "older.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    assert cli("import", str(path), "--replace").exit_code == 0
    profile = json.loads(cli("vision", "show", "--json").stdout)["profile"]
    assert (profile["education"], profile["education_field"]) == (None, "")


@pytest.mark.parametrize(
    ("typed", "level"),
    [
        ("Bachelor's", Education.BACHELOR),
        ("bachelors degree", Education.BACHELOR),
        ("B.S.", Education.BACHELOR),
        ("PhD", Education.DOCTORAL),
        ("GED", Education.HIGH_SCHOOL),
        ("associate degree", Education.ASSOCIATE),
        ("MBA", Education.MASTER),
        ("postsecondary certificate", Education.CERTIFICATE),
    ],
)
def test_levels_are_read_as_people_write_them(typed: str, level: Education) -> None:
    assert education_from(typed) is level


def test_a_level_nobody_writes_is_refused_for_the_education_field() -> None:
    with pytest.raises(InvalidInput) as refused:
        education_from("grade 12 and a half")
    assert refused.value.field == "education"
