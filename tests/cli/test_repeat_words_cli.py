"""`--repeat` takes words as well as an RRULE; the command line says repeats as sentences and
keeps the rule in its JSON."""

from __future__ import annotations

import json

from tests.cli.conftest import Invoke

from careerplan.services.workspace import Workspace


def test_an_action_repeats_every_other_friday_said_in_words(cli: Invoke, story: Workspace) -> None:
    ran = cli("action", "add", "3", "Call a mentor", "--repeat", "every other Friday")
    assert (ran.exit_code, ran.stdout) == (
        0,
        "Added action 2 to goal 3: Call a mentor, repeats every 2 weeks on Friday\n",
    )
    rows = json.loads(cli("action", "list", "--json").stdout)
    assert rows[1]["repeat"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"


def test_a_goal_shows_its_repeat_as_a_sentence(cli: Invoke, story: Workspace) -> None:
    added = json.loads(
        cli(
            "goal", "add", "Write a post", "--parent", "2", "--repeat", "quarterly", "--json"
        ).stdout
    )
    assert added["goal"]["repeat"] == "FREQ=MONTHLY;INTERVAL=3"
    assert "  Repeats:   every quarter\n" in cli("goal", "show", str(added["goal"]["id"])).stdout
    assert cli("goal", "edit", str(added["goal"]["id"]), "--repeat", "weekdays").exit_code == 0
    assert "  Repeats:   every weekday\n" in cli("goal", "show", str(added["goal"]["id"])).stdout


def test_words_that_say_no_repeat_are_refused_naming_both_forms(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli("action", "add", "3", "Call a mentor", "--repeat", "now and then")
    assert ran.exit_code == 2  # bad input
    assert ran.stderr == (
        "Error: 'now and then' is not a repeat careerplan can read. Say it in words, such as "
        "'every weekday', 'every Tuesday', 'every other Friday', 'every week on Monday and "
        "Thursday', 'every month on the 1st' or 'every quarter', or as an RFC 5545 rule, such as "
        "FREQ=WEEKLY;BYDAY=MO.\n"
    )


def test_the_repeat_option_says_it_takes_words_or_a_rule(cli: Invoke) -> None:
    for command in (("action", "add"), ("goal", "add")):
        help_text = " ".join(cli(*command, "--help").stdout.split())
        assert "How often, in words or as an RRULE: 'every other Friday'" in help_text
