"""A read-only view of a SQLite plan through the standard library's `sqlite3`.

The daily commands (`goal list`, `goal tree`, `today`) only read (`today` also the review
rhythm and the latest review entries, for the goals' status, and the applications' follow-ups).
Importing SQLAlchemy takes a few hundred milliseconds, more than the rest of such a command, so
on SQLite they read the file directly. Anything unusual (no file yet, a schema that needs
migrating or is newer, a locked or unreadable file) returns None, and the caller takes the full
path, which migrates or explains.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from careerplan.domain.entities import (
    Action,
    Completion,
    Goal,
    Preferences,
    Profile,
    ReviewEntry,
    Vision,
)
from careerplan.domain.errors import Hint, NotFound, Remedy
from careerplan.domain.smart_notation import CRITERIA
from careerplan.storage import rows

if TYPE_CHECKING:
    from careerplan.domain.job_search import Application, Skill

# Columns SQLAlchemy stores as ISO text on SQLite, and how to read them back (a test checks
# these against tables.py for every table read here).
_DATES = {"due", "target_date", "done_on", "held_on", "accepted_on", "noted_on", "follow_up"}
_TIMES = {"created_at", "updated_at", "disabled_at"}
_BOOLS = {"done", "confirmed", "is_admin"}


# How much of each goal's stored S.M.A.R.T. report a command reads. A report is about a kilobyte
# of JSON, and parsing a thousand of them took a fifth of `today`, which shows none of them, and
# of `goal list`, which shows five letters: "letters" has SQLite pick out the five verdicts the
# letters are written from, "none" leaves the reports unread.
Reports = Literal["whole", "letters", "none"]
_LETTERS = ", ".join(f"'$.{criterion}'" for criterion in CRITERIA)
_GOALS = {
    "whole": "SELECT * FROM goals WHERE owner_id = ? ORDER BY id",
    "letters": f"SELECT *, json_extract(smart_report, {_LETTERS}) AS smart_verdicts "
    "FROM goals WHERE owner_id = ? ORDER BY id",
    "none": "SELECT * FROM goals WHERE owner_id = ? ORDER BY id",
}

_CONVERT: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(_DATES, date.fromisoformat),
    **dict.fromkeys(_TIMES, datetime.fromisoformat),
    **dict.fromkeys(_BOOLS, bool),
}


def _typed(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """The cursor's rows as dictionaries with Python values. The columns to convert are found
    once per query, not once per row: `today` reads thousands of rows, and looking at every
    column of every row took a fifth of its time."""
    names = [column[0] for column in cursor.description]
    convert = [(name, _CONVERT[name]) for name in names if name in _CONVERT]
    found = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for name, to_python in convert:
        for values in found:
            value = values[name]
            if value is not None:
                values[name] = to_python(value)
    return found


class QuickReader:
    """Implements the reads `list_goals`, `agenda`, `plan_status` and `propose_plan` need:
    goals, actions, the vision and profile, the review preferences, the latest review entries
    and the proposals accepted."""

    def __init__(
        self, connection: sqlite3.Connection, owner_id: int, reports: Reports = "whole"
    ) -> None:
        self.connection = connection
        self.owner_id = owner_id
        self.reports = reports
        self._goals: list[dict[str, Any]] | None = None
        self.goals = self
        self.actions = _Actions(self)
        self.visions = _Visions(self)
        self.preferences = _Preferences(self)
        self.reviews = _Reviews(self)
        self.profiles = _Profiles(self)
        self.proposals = _Proposals(self)
        self.skills = _Skills(self)
        self.applications = _Applications(self)

    @classmethod
    def open(
        cls, path: Path, head: str, username: str, reports: Reports = "whole"
    ) -> QuickReader | None:
        if not path.is_file():
            return None
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
            version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            user = connection.execute(
                "SELECT id FROM users WHERE username = ?", (username,)
            ).fetchone()
        except sqlite3.Error:
            return None
        if version is None or version[0] != head or user is None:
            connection.close()
            return None
        return cls(connection, int(user[0]), reports)

    @classmethod
    def for_url(
        cls, url: str, head: str, username: str, reports: Reports = "whole"
    ) -> QuickReader | None:
        """The reader of a plain `sqlite:///` URL's file; None for any other database (a URL
        with options, PostgreSQL), which only the full path opens."""
        prefix = "sqlite:///"
        if not url.startswith(prefix) or "?" in url:
            return None
        return cls.open(Path(url[len(prefix) :]), head, username, reports)

    def close(self) -> None:
        self.connection.close()

    def query(self, sql: str, *args: object) -> list[dict[str, Any]]:
        return _typed(self.connection.execute(sql, (self.owner_id, *args)))

    def all(self) -> list[Goal]:
        # `today` asks for every goal twice (the agenda, then the review status): the rows are
        # read once, each report parsed once, and each call gets goals of its own. Their
        # reports are shared, which only reading allows.
        if self._goals is None:
            self._goals = [self._report_read(row) for row in self.query(_GOALS[self.reports])]
        return [rows.goal_from_row(row) for row in self._goals]

    def _report_read(self, row: dict[str, Any]) -> dict[str, Any]:
        report = row["smart_report"]
        if self.reports == "none" or not report:
            row["smart_report"] = None
        elif self.reports == "letters":
            verdicts = json.loads(row.pop("smart_verdicts"))
            row["smart_report"] = dict(zip(CRITERIA, verdicts, strict=True))
        else:
            row["smart_report"] = json.loads(report)
        return row

    def get(self, ident: int) -> Goal:
        found = self.query("SELECT * FROM goals WHERE owner_id = ? AND id = ?", ident)
        if not found:
            raise NotFound("goal", ident, hint=Hint(Remedy.LIST_GOALS))
        return rows.goal_from_row(found[0])


class _Actions:
    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader

    def all(self, goal_id: int | None = None) -> list[Action]:
        completions: dict[int, list[Completion]] = defaultdict(list)
        for row in self.reader.query(
            "SELECT * FROM action_completions WHERE owner_id = ? ORDER BY done_on, id"
        ):
            completions[row["action_id"]].append(rows.completion_from_row(row))
        found = self.reader.query("SELECT * FROM actions WHERE owner_id = ? ORDER BY id")
        return [
            rows.action_from_row(row, completions.get(row["id"], []))
            for row in found
            if goal_id is None or row["goal_id"] == goal_id
        ]


class _Visions:
    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader

    def get(self) -> Vision | None:
        found = self.reader.query("SELECT * FROM visions WHERE owner_id = ?")
        return rows.vision_from_row(found[0]) if found else None


class _Profiles:
    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader

    def get(self) -> Profile | None:
        found = self.reader.query("SELECT * FROM profiles WHERE owner_id = ?")
        return rows.profile_from_row(found[0]) if found else None


class _Proposals:
    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader

    def accepted(self) -> dict[str, int]:
        found = self.reader.query(
            "SELECT proposal_key, goal_id FROM proposal_acceptances WHERE owner_id = ?"
        )
        return {row["proposal_key"]: int(row["goal_id"]) for row in found}


class _Skills:
    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader

    def all(self) -> list[Skill]:
        found = self.reader.query("SELECT * FROM skills WHERE owner_id = ? ORDER BY id")
        return [rows.skill_from_row(row) for row in found]


class _Applications:
    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader

    def follow_ups(self, until: date) -> list[Application]:
        """The applications the repository's `follow_ups` gives, in the same order, without
        their stage histories and contacts (the day's view reads neither). Days are ISO text
        here, so comparing the text compares the days."""
        found = self.reader.query(
            "SELECT * FROM applications WHERE owner_id = ? AND follow_up IS NOT NULL "
            "AND follow_up <= ? ORDER BY follow_up, id",
            until.isoformat(),
        )
        return [rows.application_from_row(row) for row in found]


class _Preferences:
    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader

    def get(self) -> Preferences:
        found = self.reader.query("SELECT * FROM preferences WHERE owner_id = ?")
        return rows.preferences_from_row(found[0]) if found else Preferences()


class _Reviews:
    """The same answers as the review repository's, in the same order."""

    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader

    def last_held_on(self) -> date | None:
        found = self.reader.query(
            "SELECT held_on FROM reviews WHERE owner_id = ? ORDER BY held_on DESC, id DESC LIMIT 1"
        )
        return found[0]["held_on"] if found else None

    def latest_entries_by_goal(self) -> dict[int, ReviewEntry]:
        found = self.reader.query(
            "SELECT e.* FROM review_entries e JOIN reviews r ON r.id = e.review_id "
            "WHERE e.owner_id = ? ORDER BY r.held_on, r.id, e.id"
        )
        return {row["goal_id"]: rows.review_entry_from_row(row) for row in found}
