"""`careerplan review`: the guided review with defaults on Enter, stopping half way saves
nothing, history, status, settings, and reviews recorded by scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from tests.cli.conftest import Invoke
from tests.web.pages.helpers import snapshot

from careerplan.services.workspace import Workspace

CANCELLED = "Review cancelled: nothing was saved.\n"


def _answers(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _entries(cli: Invoke) -> list[tuple[object, ...]]:
    history = json.loads(cli("review", "--history", "--json").stdout)
    return [
        (e["goal_id"], e["progress"], e["confidence"], e["decision"], e["note"])
        for review in history
        for e in review["entries"]
    ]


def test_the_guided_review_asks_about_each_goal_and_keeps_defaults_on_enter(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli(
        "review",
        input=_answers(
            "15", "4", "", "Asked my manager",  # goal 2: progress, confidence, decision, note
            "", "", "", "",  # goal 3: every default
            "Studied twice", "A launch week", "",  # went well, in the way, save (Enter: yes)
        ),
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    out = ran.stdout
    assert out.startswith(
        "Weekly review, Wed 25 Nov 2026: 2 active goals. Press Enter to keep the value in "
        "brackets.\nS.M.A.R.T.: a capital letter is met, a small letter is not, ? is not judged "
        "yet.\n\n1/2 · goal 2: Obtain a management position leading a team of at least 5 "
        "people (2 years, due 2028-11-25)\n  Status: on track (0% done, 0% of the time gone)\n"
        "S.M.A.R.T.: "
    )
    assert "2/2 · goal 3: Complete my PMP certification within the next 12 months" in out
    assert "  Progress % [0]: " in out
    assert "  Confidence 1-5 [3]: " in out
    assert "  Decision (keep, adjust, drop, done) [keep]: " in out
    assert out.endswith(
        "Review saved (2 goals). Plan status: on track.\nNext review: Sun 29 Nov 2026 (weekly).\n"
    )
    assert _entries(cli) == [
        (2, 15.0, 4, "keep", "Asked my manager"),
        (3, 0.0, 3, "keep", ""),
    ]
    history = json.loads(cli("review", "--history", "--json").stdout)[0]
    assert (history["went_well"], history["got_in_the_way"]) == ("Studied twice", "A launch week")


def test_the_next_review_starts_from_the_last_answers(cli: Invoke, story: Workspace) -> None:
    cli("review", "--entry", "3:40:2")
    ran = cli("review", input=_answers("", "", "", "", "", "", "", "", "", "", "n"))
    assert "  Progress % [40]: " in ran.stdout
    assert "  Confidence 1-5 [2]: " in ran.stdout
    assert "  Last confidence: 2/5" in ran.stdout
    assert "at risk (40% done, 0% of the time gone, confidence 2 of 5)" in ran.stdout


def test_wrong_answers_are_explained_and_asked_again(cli: Invoke, story: Workspace) -> None:
    ran = cli(
        "review",
        input=_answers(
            "lots", "120", "55%", "9", "5", "maybe", "keep", "",
            "", "", "", "",
            "", "", "y",
        ),
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    assert "'lots' is not a number; give a percentage from 0 to 100." in ran.stdout
    assert "Give a percentage from 0 to 100, not 120." in ran.stdout
    assert "Give a whole number from 1 (not at all) to 5 (certain)." in ran.stdout
    assert "Decision: 'maybe' is not a decision; use keep, adjust, drop or done." in ran.stdout
    assert _entries(cli)[0] == (2, 55.0, 5, "keep", "")


def test_adjust_and_done_change_the_goals(cli: Invoke, story: Workspace) -> None:
    ran = cli(
        "review",
        input=_answers(
            "10", "3", "adjust", "Lead a team of 5 people by June 2028", "2028-06-30", "Reworded",
            "100", "5", "done", "Passed!",
            "", "", "y",
        ),
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    assert "  New wording (Enter keeps it): " in ran.stdout
    assert "  New due date (Enter keeps 2028-11-25): " in ran.stdout
    goals = {g["id"]: g for g in json.loads(cli("goal", "list", "--json").stdout)}
    assert (goals[2]["text"], goals[2]["due"], goals[2]["version"]) == (
        "Lead a team of 5 people by June 2028",
        "2028-06-30",
        2,
    )
    assert goals[3]["status"] == "done"
    assert _entries(cli) == [(2, 10.0, 3, "adjust", "Reworded"), (3, 100.0, 5, "done", "Passed!")]


def test_end_of_input_half_way_saves_nothing_and_says_so(cli: Invoke, story: Workspace) -> None:
    before = snapshot(story)
    ran = cli("review", input=_answers("15", "4", "drop"))
    assert (ran.exit_code, ran.stderr) == (1, CANCELLED)
    assert snapshot(story) == before


def test_ctrl_c_half_way_saves_nothing_and_says_so(
    cli: Invoke, story: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["15", "4", "done", "note", "20"])

    def typed(*args: object, **kwargs: object) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise KeyboardInterrupt from None  # the person pressed Ctrl-C at the sixth question

    monkeypatch.setattr(typer, "prompt", typed)
    before = snapshot(story)
    ran = cli("review")
    assert (ran.exit_code, ran.stderr) == (1, CANCELLED)
    assert snapshot(story) == before


def test_answering_no_at_the_end_saves_nothing(cli: Invoke, story: Workspace) -> None:
    before = snapshot(story)
    ran = cli("review", input=_answers("15", "4", "drop", "", "", "", "", "", "", "", "n"))
    assert (ran.exit_code, ran.stderr) == (1, CANCELLED)
    assert snapshot(story) == before


def test_a_review_before_there_is_a_plan_says_how_to_start(cli: Invoke) -> None:
    ran = cli("review")
    assert (ran.exit_code, ran.stderr) == (
        1,
        "Error: There is no plan yet. Run `careerplan init` to write down your dream job.\n",
    )


def test_scripts_record_a_review_with_flags(cli: Invoke, story: Workspace) -> None:
    ran = cli("review", "--entry", "2:10:4", "--entry", "3:35::keep", "--went-well", "Kept at it")
    assert (ran.exit_code, ran.stdout) == (
        0,
        "Review saved (2 goals). Plan status: on track.\nNext review: Sun 29 Nov 2026 (weekly).\n",
    )
    assert _entries(cli) == [(2, 10.0, 4, "keep", ""), (3, 35.0, None, "keep", "")]


def test_scripts_record_a_review_from_a_json_file_or_standard_input(
    cli: Invoke, story: Workspace, tmp_path: Path
) -> None:
    document = {
        "held_on": "2026-11-22",
        "went_well": "Nous avons progressé 🎉",
        "entries": [
            {"goal_id": 3, "progress": 50, "confidence": 2, "note": "Exam booked", "version": 1},
            {"goal_id": 2, "decision": "adjust", "due": "2028-06-30"},
        ],
    }
    path = tmp_path / "review.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    data = json.loads(cli("review", "--from-file", str(path), "--json").stdout)
    assert data["review"]["held_on"] == "2026-11-22"
    assert data["review"]["went_well"] == "Nous avons progressé 🎉"
    # Goal 3 is at risk (its confidence is 2); goal 2, the top-level goal, is judged on the
    # progress it rolls up from goal 3 and on its own confidence, so the plan is on track.
    assert data["plan_status"] == "on track"
    assert [(a["goal_id"], a["status"]) for a in data["attention"]] == [(3, "at risk")]
    assert data["review"]["entries"][1]["decision"] == "adjust"
    ran = cli("review", "--from-file", "-", input=json.dumps({"went_well": "Rested"}))
    assert ran.exit_code == 0, ran.stderr
    assert len(json.loads(cli("review", "--history", "--json").stdout)) == 2


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{", "The review is not valid JSON (Expecting property name enclosed in double quotes"),
        ("[]", "The review must be a JSON object."),
        ('{"entries": {}}', "entries must be a list of objects, one per goal."),
        ('{"entries": [3]}', 'entries[0] must be an object like {"goal_id": 3'),
        ('{"entries": [{"progress": 3}]}', "entries[0] needs a goal_id."),
        ('{"entries": [{"goal_id": "3"}]}', 'entries[0].goal_id must be a whole number; got "3".'),
        ('{"entries": [{"goal_id": 3, "progress": "40"}]}', "entries[0].progress must be a number"),
        ('{"entries": [{"goal_id": 3, "progress": true}]}', "must be a number; got true."),
        ('{"entries": [{"goal_id": 3, "confidence": 2.5}]}', "confidence must be a whole number"),
        ('{"entries": [{"goal_id": 3, "decision": "pause"}]}', "'pause' is not a decision"),
        ('{"entries": [{"goal_id": 3, "due": "soon"}]}', "due must be a date such as 2027-06-30"),
        ('{"entries": [{"goal_id": 3, "colour": "red"}]}', "unknown field(s) colour"),
        ('{"entries": [{"goal_id": 3, "note": "a\\u0000b"}]}', "NUL character or broken Unicode"),
        ('{"entries": [{"goal_id": 3, "note": "\\ud800"}]}', "NUL character or broken Unicode"),
        ('{"entries": [{"goal_id": 3, "progress": NaN}]}', "from 0 to 100; got nan"),
        ('{"entries": [{"goal_id": 99999999999}]}', "No goal with id 99999999999."),
        ('{"went_well": 5}', "went_well must be text; got 5."),
        ('{"held_on": "2026-12-01", "went_well": "x"}', "2026-12-01 is in the future"),
        ("{}", "The review is empty"),
    ],
)
def test_a_malformed_review_document_is_refused_clearly_and_saves_nothing(
    cli: Invoke, story: Workspace, document: str, message: str
) -> None:
    before = snapshot(story)
    ran = cli("review", "--from-file", "-", input=document)
    assert ran.exit_code in (1, 2)
    assert message in ran.stderr
    assert "Traceback" not in ran.stderr
    assert snapshot(story) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--entry", "3"), "--entry '3' is not GOAL:PROGRESS[:CONFIDENCE[:DECISION]]"),
        (("--entry", "three:40"), "e.g. 3:40:4:keep."),
        (("--entry", "3:40:4:maybe"), "'maybe' is not a decision; use keep, adjust, drop or done."),
        (("--history", "--status"), "Choose one of --history and --status."),
        (("--status", "--entry", "3:40"), "Choose one of --status and recording a review."),
        (("--from-file", "-", "--entry", "3:4"), "either in --from-file or as flags, not both."),
        (("--from-file", "/no/such/file.json"), "Cannot read /no/such/file.json: No such file"),
        (("--json",), "--on and --json go with --entry or --from-file"),
    ],
)
def test_contradictory_or_malformed_flags_exit_2(
    cli: Invoke, story: Workspace, args: tuple[str, ...], message: str
) -> None:
    ran = cli("review", *args)
    assert ran.exit_code == 2
    assert message in ran.stderr


def test_a_file_that_is_not_utf8_is_refused(cli: Invoke, story: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "review.json"
    path.write_bytes(b'{"went_well": "caf\xe9"}')
    ran = cli("review", "--from-file", str(path))
    assert (ran.exit_code, ran.stderr) == (
        2,
        f"Error: {path} is not UTF-8 text. Save it as UTF-8 and try again.\n",
    )


def test_history_lists_reviews_newest_first(cli: Invoke, story: Workspace) -> None:
    assert cli("review", "--history").stdout == (
        "No reviews yet. Run `careerplan review` to hold the first one.\n"
    )
    cli("review", "--entry", "3:20:4", "--on", "2026-11-15", "--got-in-the-way", "Flu")
    cli("review", "--entry", "3:35:3:keep", "--entry", "2::2", "--on", "2026-11-22")
    assert cli("review", "--history").stdout.splitlines() == [
        "Sun 22 Nov 2026 · weekly review",
        "  goal 3: Complete my PMP certification within the next 12 months · keep, 35%, "
        "confidence 3/5",
        "  goal 2: Obtain a management position leading a team of at least 5 people · keep, "
        "confidence 2/5",
        "Sun 15 Nov 2026 · weekly review",
        "  goal 3: Complete my PMP certification within the next 12 months · keep, 20%, "
        "confidence 4/5",
        "  Got in the way: Flu",
    ]


def test_status_says_what_needs_attention_and_when_to_review(cli: Invoke, story: Workspace) -> None:
    cli("goal", "add", "Draft a study plan", "--parent", "3", "--due", "2026-11-20")
    cli("review", "--entry", "2:5:2", "--on", "2026-11-01")
    assert cli("review", "--status").stdout.splitlines() == [
        "Plan status: at risk",
        "Review due since Sun 8 Nov 2026 (weekly): run `careerplan review`.",
        "Needs attention",
        "  goal 4: Draft a study plan · behind",
        "    0% done, the due date 2026-11-20 has passed",
        "  goal 2: Obtain a management position leading a team of at least 5 people · at risk",
        "    0% done, 0% of the time gone, confidence 2 of 5",
    ]
    data = json.loads(cli("review", "--status", "--json").stdout)
    assert data["review_schedule"] == {
        "cadence": "weekly",
        "weekday": "sunday",
        "reminder_days": 1,
        "digest_email": "",
        "version": 1,
        "last": "2026-11-01",
        "next": "2026-11-08",
        "due": True,
    }
    assert data["goals"]["4"] == {
        "status": "behind",
        "progress": 0.0,
        "expected": 1.0,
        "reason": "0% done, the due date 2026-11-20 has passed",
    }
    assert set(data["goals"]) == {"1", "2", "3", "4"}


def test_settings_are_shown_changed_and_checked(cli: Invoke, story: Workspace) -> None:
    assert cli("review", "settings").stdout == (
        "Reviews: weekly, on Sundays; reminder 1 day(s) before; digest to (no address).\n"
    )
    ran = cli(
        "review", "settings", "--cadence", "monthly", "--weekday", "fri",
        "--reminder-days", "2", "--email", "ana@example.org",
    )  # fmt: skip
    assert ran.stdout == (
        "Review settings saved.\n"
        "Reviews: monthly, on Fridays; reminder 2 day(s) before; digest to ana@example.org.\n"
    )
    assert json.loads(cli("review", "settings", "--json").stdout)["version"] == 1
    assert cli("today").stdout.splitlines()[3] == "Next review: Fri 27 Nov 2026 (monthly)."


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--cadence", "daily"), 2, "'daily' is not a cadence; use weekly, monthly or quarterly."),
        (("--weekday", "someday"), 2, "'someday' is not a weekday."),
        (("--reminder-days", "45"), 2, "Remind 0 to 30 days before a review; got 45."),
        (("--email", "ana@"), 2, "'ana@' is not an e-mail address."),
        (("--weekday", "mon", "--if-version", "7"), 1, "you edited version 7, they are now"),
    ],
)
def test_bad_settings_are_refused_and_nothing_changes(
    cli: Invoke, story: Workspace, args: tuple[str, ...], code: int, message: str
) -> None:
    cli("review", "settings", "--weekday", "wed")
    ran = cli("review", "settings", *args)
    assert ran.exit_code == code
    assert message in ran.stderr
    assert json.loads(cli("review", "settings", "--json").stdout)["weekday"] == "wednesday"


def test_new_wording_is_checked_on_the_spot_and_vaguer_wording_needs_a_yes(
    cli: Invoke, story: Workspace
) -> None:
    """A review that makes goal 2 vaguer shows the new check, says what it loses, and asks
    again until the person either keeps it on purpose or writes something better."""
    ran = cli(
        "review",
        input=_answers(
            "10", "3", "adjust",
            "Get better at stuff", "n",  # vaguer: refused, asked again
            "Get better at stuff", "y",  # vaguer, kept on purpose
            "", "Reworded",  # due date kept, note
            "", "", "", "",
            "", "", "y",
        ),
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    out = ran.stdout
    assert out.count("  New wording (Enter keeps it): ") == 2
    assert out.count("Keep this wording anyway?") == 2
    assert "No longer specific:" in out
    assert "where the old one was" in out
    goals = {g["id"]: g for g in json.loads(cli("goal", "list", "--json").stdout)}
    assert goals[2]["text"] == "Get better at stuff"


def test_wording_as_good_as_the_old_is_taken_without_a_question(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli(
        "review",
        input=_answers(
            "10", "3", "adjust", "Lead a team of 5 people by June 2028", "", "Reworded",
            "", "", "", "",
            "", "", "y",
        ),
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    assert "Keep this wording anyway?" not in ran.stdout
    assert "S.M.A.R.T.:" in ran.stdout.split("New wording (Enter keeps it): ")[1]


def test_a_scripted_review_that_makes_a_goal_vaguer_says_so(cli: Invoke, story: Workspace) -> None:
    document = json.dumps(
        {"entries": [{"goal_id": 2, "decision": "adjust", "text": "Get better at stuff"}]}
    )
    ran = cli("review", "--from-file", "-", input=document)
    assert ran.exit_code == 0, ran.stderr
    assert "Goal 2: The new wording checks as S.M.A.R.T." in " ".join(ran.stdout.split())
    assert "No longer specific" in ran.stdout


def test_a_note_or_answer_over_the_limit_is_said_at_once_and_asked_again(
    cli: Invoke, story: Workspace
) -> None:
    """Each answer is checked as it is given: a note past the 10,000 characters a note holds
    is refused there, not after the last question, and the answers before it are kept."""
    long = "x" * 10_001
    ran = cli(
        "review",
        input=_answers(
            "15", "4", "", long, "Asked my manager",  # goal 2: the note too long, then fine
            "", "", "", "",
            long, "Studied twice", "", "y",  # went well too long, then fine
        ),
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    assert ran.stdout.count("10,001 characters long; the limit is 10,000") == 2
    assert _entries(cli)[0] == (2, 15.0, 4, "keep", "Asked my manager")
    history = json.loads(cli("review", "--history", "--json").stdout)[0]
    assert history["went_well"] == "Studied twice"
