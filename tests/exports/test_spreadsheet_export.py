"""The CSV export, read back with Python's csv module: a row per goal and per action, UTF-8 with
a byte order mark, CRLF rows, and text that could run as a formula defused."""

from __future__ import annotations

import codecs
import csv
import io

import pytest

from careerplan.domain.entities import Completion, Measure
from careerplan.exports.snapshot import PlanSnapshot
from careerplan.exports.spreadsheet import COLUMNS, render, safe_cell
from tests.exports import plans


def read(snapshot: PlanSnapshot) -> list[dict[str, str]]:
    text = render(snapshot).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_file_starts_with_a_bom_and_ends_rows_with_crlf() -> None:
    data = render(plans.ana())
    assert data.startswith(codecs.BOM_UTF8 + b"type,id,parent_id,goal_id,text,horizon,")
    assert data.count(b"\r\n") == 1 + 5 + 4  # header, goals, actions
    assert data.endswith(b"\r\n")


def test_goals_come_in_tree_order_each_followed_by_its_actions() -> None:
    rows = read(plans.ana())
    assert [(row["type"], row["id"], row["parent_id"], row["goal_id"]) for row in rows] == [
        ("goal", "1", "", ""),
        ("goal", "2", "1", ""),
        ("goal", "3", "2", ""),
        ("action", "1", "", "3"),
        ("goal", "4", "3", ""),
        ("action", "2", "", "4"),
        ("action", "3", "", "4"),
        ("action", "4", "", "4"),
        ("goal", "5", "", ""),
    ]


def test_a_goal_row_carries_its_measure_letters_and_progress() -> None:
    rows = read(plans.ana())
    team = rows[1]
    assert {key: team[key] for key in COLUMNS} == {
        "type": "goal",
        "id": "2",
        "parent_id": "1",
        "goal_id": "",
        "text": "Obtain a management position leading a team of at least 5 people",
        "horizon": "2y",
        "category": "other",
        "status": "active",
        "due": "2028-11-25",
        "repeat": "",
        "metric": "people led",
        "unit": "people",
        "baseline": "0",
        "target": "5",
        "current": "2",
        "smart": "SMA?t",  # the stored verdict: relevance undecided, no time frame
        "progress_percent": "20",  # mean of its measure (40%) and the PMP branch (0%)
        "done": "",
        "completions": "",
    }
    assert rows[-1]["status"] == "dropped"


def test_an_action_row_says_whether_it_is_done_and_how_often_it_was() -> None:
    snapshot = plans.ana()
    snapshot.actions[0].completions = [
        Completion(1, plans.TODAY, id=1),
        Completion(1, plans.TODAY, id=2),
    ]
    rows = {row["id"]: row for row in read(snapshot) if row["type"] == "action"}
    assert (rows["1"]["repeat"], rows["1"]["done"], rows["1"]["completions"]) == (
        "FREQ=MONTHLY",
        "no",
        "2",
    )
    assert (rows["3"]["due"], rows["3"]["done"], rows["3"]["completions"]) == (
        "2026-11-20",
        "yes",
        "0",
    )


def test_unicode_and_line_breaks_stay_in_one_cell() -> None:
    text = 'Réseau : 3 mentors 🚀\nsecond line, «quoted», 中文\r\nthird, with "quotes"'
    snapshot = plans.ana()
    snapshot.goals[4].text = text
    assert read(snapshot)[-1]["text"] == text


@pytest.mark.parametrize(
    ("written", "cell"),
    [
        ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
        ("+1 contact a week", "'+1 contact a week"),
        ("-5 kg by June", "'-5 kg by June"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("Learn Spanish = fun", "Learn Spanish = fun"),
        ("'quoted already", "'quoted already"),
    ],
)
def test_text_that_a_spreadsheet_would_run_is_defused(written: str, cell: str) -> None:
    assert safe_cell(written) == cell
    snapshot = plans.ana()
    snapshot.goals[4].text = written
    snapshot.actions[0].text = written
    snapshot.goals[1].measure = Measure(written, 5, written, -3)
    rows = read(snapshot)
    goal = next(row for row in rows if row["id"] == "5" and row["type"] == "goal")
    action = next(row for row in rows if row["id"] == "1" and row["type"] == "action")
    team = next(row for row in rows if row["id"] == "2" and row["type"] == "goal")
    assert goal["text"] == action["text"] == team["metric"] == team["unit"] == cell
    assert team["baseline"] == "-3"  # a number the export writes stays a number


def test_an_empty_plan_is_the_header_alone() -> None:
    assert render(plans.empty()) == codecs.BOM_UTF8 + (",".join(COLUMNS) + "\r\n").encode()


def test_a_goal_the_tree_cannot_reach_still_gets_its_row() -> None:
    snapshot = plans.ana()
    snapshot.goals[2].parent_id = 4  # 3 under 4 under 3: a loop no root leads to
    assert sorted(row["id"] for row in read(snapshot) if row["type"] == "goal") == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]


def test_a_damaged_smart_report_leaves_the_letters_empty() -> None:
    snapshot = plans.ana()
    snapshot.goals[1].smart_report = {"criteria": {}}
    assert read(snapshot)[1]["smart"] == ""
