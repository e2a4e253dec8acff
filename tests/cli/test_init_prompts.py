"""An interactive `careerplan init` checks each answer as it is given and asks again: one
mistyped date or number never loses the answers before it."""

from __future__ import annotations

import json

import pytest
from tests.cli.conftest import Invoke


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from careerplan.cli import plan

    monkeypatch.setattr(plan, "_interactive", lambda: True)


def test_a_bad_answer_is_explained_and_asked_again(cli: Invoke, terminal: None) -> None:
    from careerplan.cli import plan

    answers = [
        "",  # no name: asked again
        "Ana",
        "",  # job today: may be empty
        "Chief operating officer",
        "2027-02-30",  # no such day: asked again
        "2031-06-30",
        "lots",  # not a number: asked again
        "200",  # more hours than a week allows: asked again
        "6",
        "",  # education: skipped
        "",  # target roles: skipped
        "x" * 201,  # an industry past its limit: asked again
        "Fintech",
    ]
    answers += [""] * (len(plan._TEXT_FIELDS) - 2)
    ran = cli("init", input="\n".join(answers) + "\n")
    assert ran.exit_code == 0, ran.stderr
    said = " ".join(ran.stdout.split())
    assert "Give your name, so the plan is addressed to you." in said
    assert "2027-02-30" in said
    assert "'lots' is not a number of hours" in said
    assert "Hours per week must be more than 0 and at most 80; got 200." in said
    assert "The industry is 201 characters long; the limit is 200." in said
    shown = json.loads(cli("vision", "show", "--json").stdout)
    assert shown["profile"]["name"] == "Ana"
    assert shown["profile"]["hours_per_week"] == 6
    assert shown["vision"]["target_date"] == "2031-06-30"
    assert shown["vision"]["industry"] == "Fintech"
