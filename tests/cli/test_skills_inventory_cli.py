"""`careerplan skills list|add|set|remove|confirm|seed`: the person's own skills."""

from __future__ import annotations

import json

from tests.cli.conftest import Invoke
from tests.conftest import TODAY

from careerplan.domain.job_search import LEVEL_WORDS
from careerplan.services.workspace import Workspace


def _said(text: str) -> str:
    return " ".join(text.split())


def test_an_empty_inventory_says_how_to_add_or_seed(cli: Invoke, story: Workspace) -> None:
    ran = cli("skills", "list")
    assert ran.exit_code == 0
    said = _said(ran.stdout)
    assert said.startswith("No skills yet.")
    assert "careerplan skills add" in said
    assert "careerplan skills seed --from job" in said
    assert "careerplan resume import FILE" in said
    assert json.loads(cli("skills", "list", "--json").stdout) == []


def test_a_skill_added_is_confirmed_and_listed_with_its_level_in_words(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli(
        "skills", "add", "Budgeting", "--level", "4", "--evidence", "goal",
        "--shown-by", "Ran the 2026 budget",
    )  # fmt: skip
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout == ("Added skill 1: Budgeting, 4 · handle most situations well; confirmed.\n")
    listed = _said(cli("skills", "list").stdout)
    for words in ("Budgeting", "4 · handle most situations well", "goal", "Ran the 2026 budget"):
        assert words in listed
    assert "✓" in listed
    assert "to confirm" not in listed
    (skill,) = json.loads(cli("skills", "list", "--json").stdout)
    assert skill == {
        "id": 1,
        "label": "Budgeting",
        "level": 4,
        "level_words": "4 · handle most situations well",
        "evidence": "goal",
        "shown_by": "Ran the 2026 budget",
        "noted_on": TODAY.isoformat(),
        "confirmed": True,
        "uri": skill["uri"],
        "element": None,
        "version": 1,
    }


def test_the_level_help_shows_the_scale_in_words(cli: Invoke) -> None:
    said = _said(cli("skills", "add", "--help").stdout)
    for level, words in LEVEL_WORDS.items():
        assert f"{level} {words}" in said


def test_a_level_off_the_scale_and_a_bad_evidence_save_nothing(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli("skills", "add", "Budgeting", "--level", "9")
    assert ran.exit_code == 2
    assert "0 to 7, not 9" in ran.stderr
    ran = cli("skills", "add", "Budgeting", "--evidence", "rumour")
    assert ran.exit_code == 2
    assert "'rumour' is not a kind of evidence. Use one of: resume, goal, job, said." in _said(
        ran.stderr
    )
    ran = cli("skills", "add", "   ")
    assert ran.exit_code == 2
    assert json.loads(cli("skills", "list", "--json").stdout) == []


def test_the_same_skill_twice_points_at_the_one_held(cli: Invoke, story: Workspace) -> None:
    assert cli("skills", "add", "Budgeting").exit_code == 0
    ran = cli("skills", "add", "  BUDGETING ")
    assert ran.exit_code == 2
    assert "careerplan skills set 1" in _said(ran.stderr)


def test_unicode_labels_are_kept_as_typed(cli: Invoke, story: Workspace) -> None:
    label = "Führung — «équipe» 日本語 [bold]x[/]"
    ran = cli("skills", "add", label, "--level", "0")
    assert ran.exit_code == 0, ran.stderr
    assert label in ran.stdout
    assert json.loads(cli("skills", "list", "--json").stdout)[0]["label"] == label
    assert "0 · not yet" in cli("skills", "list").stdout


def test_seeding_from_the_job_waits_for_confirmation_and_confirm_all_confirms_them(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli("skills", "seed", "--from", "job")
    assert ran.exit_code == 0, ran.stderr
    said = _said(ran.stdout)
    assert "skills from your job, each waiting for you to confirm" in said
    assert "careerplan skills confirm ID..." in said
    seeded = json.loads(cli("skills", "list", "--json").stdout)
    assert len(seeded) >= 10
    assert not any(s["confirmed"] for s in seeded)
    assert {s["evidence"] for s in seeded} == {"job"}
    assert "to confirm" in cli("skills", "list").stdout
    again = cli("skills", "seed", "--from", "job")
    assert "Nothing new from your job" in again.stdout
    assert json.loads(cli("skills", "seed", "--from", "job", "--json").stdout) == []

    ran = cli("skills", "confirm", "1", "2")
    assert ran.exit_code == 0
    assert ran.stdout.startswith("Confirmed 2 skills: ")
    ran = cli("skills", "confirm", "--all", "--json")
    assert len(json.loads(ran.stdout)) == len(seeded) - 2
    assert all(s["confirmed"] for s in json.loads(cli("skills", "list", "--json").stdout))
    assert "Nothing to confirm" in cli("skills", "confirm", "--all").stdout


def test_confirming_an_unknown_skill_confirms_none_of_them(cli: Invoke, story: Workspace) -> None:
    cli("skills", "seed", "--from", "job")
    ran = cli("skills", "confirm", "1", "999")
    assert ran.exit_code == 1
    assert "No skill with id 999." in ran.stderr
    assert not json.loads(cli("skills", "list", "--json").stdout)[0]["confirmed"]
    assert cli("skills", "confirm").exit_code == 2
    assert cli("skills", "confirm", "1", "--all").exit_code == 2


def test_seeding_from_goals_and_from_nowhere(cli: Invoke, story: Workspace) -> None:
    ran = cli("skills", "seed", "--from", "goals")
    assert ran.exit_code == 0
    assert "Nothing new from your completed goals and actions" in _said(ran.stdout)
    cli("goal", "add", "Learn SQL and Python for reporting", "--parent", "2")
    assert cli("goal", "done", "4").exit_code == 0
    added = json.loads(cli("skills", "seed", "--from", "goals", "--json").stdout)
    assert added
    assert {s["evidence"] for s in added} == {"goal"}
    assert {s["shown_by"] for s in added} == {"Learn SQL and Python for reporting"}
    ran = cli("skills", "seed", "--from", "résumé")
    assert ran.exit_code == 2
    assert "Use --from job or --from goals" in ran.stderr


def test_seeding_from_the_job_without_one_says_how_to_name_it(cli: Invoke) -> None:
    cli("init", "--name", "Bo", "--dream-job", "Pilot")
    ran = cli("skills", "seed", "--from", "job")
    assert ran.exit_code == 1  # a refusal of the plan as it is, not a usage error
    assert "no current job to take skills from. Set yours with `careerplan explore current" in (
        _said(ran.stderr)
    )


def test_set_changes_and_confirms_and_a_stale_version_is_refused(
    cli: Invoke, story: Workspace
) -> None:
    cli("skills", "seed", "--from", "job")
    ran = cli("skills", "set", "1", "--level", "6", "--shown-by", "Led the 2025 launch")
    assert ran.exit_code == 0, ran.stderr
    assert "6 · advanced: I teach or lead others in it; confirmed." in ran.stdout
    skill = json.loads(cli("skills", "list", "--json").stdout)[0]
    assert (skill["level"], skill["shown_by"], skill["confirmed"], skill["version"]) == (
        6,
        "Led the 2025 launch",
        True,
        2,
    )
    ran = cli("skills", "set", "1", "--no-level", "--unconfirm", "--evidence", "said", "--json")
    cleared = json.loads(ran.stdout)
    assert (cleared["level"], cleared["confirmed"], cleared["evidence"]) == (None, False, "said")
    ran = cli("skills", "set", "1", "--level", "2", "--version", "1")
    assert ran.exit_code == 1
    assert "changed by someone else" in ran.stderr
    assert cli("skills", "set", "1", "--level", "2", "--no-level").exit_code == 2
    assert cli("skills", "set", "1", "--level", "8").exit_code == 2
    assert json.loads(cli("skills", "list", "--json").stdout)[0]["level"] is None


def test_remove_and_unknown_ids(cli: Invoke, story: Workspace) -> None:
    cli("skills", "add", "Budgeting")
    ran = cli("skills", "remove", "1")
    assert ran.stdout == "Removed skill 1: Budgeting.\n"
    for args in (("remove", "1"), ("set", "1", "--level", "3")):
        ran = cli("skills", *args)
        assert ran.exit_code == 1
        assert "No skill with id 1." in ran.stderr
