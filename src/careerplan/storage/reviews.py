"""Preferences, reviews and accepted proposals: the records of issue 6's rhythm."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from careerplan.domain.entities import Preferences, Review, ReviewCadence, ReviewEntry
from careerplan.domain.errors import DomainRefusal, Hint, NotFound, Remedy
from careerplan.storage import tables
from careerplan.storage.read_memo import remembered
from careerplan.storage.repositories import _Repository
from careerplan.storage.rows import (
    preferences_from_row,
    review_entry_from_row,
    review_entry_values,
    review_values,
)


class PreferencesRepository(_Repository):
    table = tables.preferences
    kind = "preferences"

    def get(self) -> Preferences:
        """The person's preferences, or the defaults when they never changed any."""
        return remembered(self.memo, "preferences", self._read)

    def _read(self) -> Preferences:
        row = self.connection.execute(select(self.table).where(self._mine())).mappings().first()
        return Preferences() if row is None else preferences_from_row(row)

    def save(self, preferences: Preferences) -> Preferences:
        values = {
            "review_cadence": preferences.review_cadence.value,
            "review_weekday": preferences.review_weekday,
            "reminder_days": preferences.reminder_days,
            "calendar_token": preferences.calendar_token,
            "digest_email": preferences.digest_email,
        }
        if preferences.id is None:
            preferences.id = self._insert(values)
            preferences.version = 1
        else:
            preferences.version = self._versioned_update(
                preferences.id, preferences.version, values
            )
        return preferences

    def owner_of_token(self, token: str) -> int | None:
        """Whose calendar feed `token` opens (any owner: the feed has no login)."""
        found = self.connection.execute(
            select(self.table.c.owner_id).where(self.table.c.calendar_token == token)
        ).scalar()
        return int(found) if found is not None else None


class ReviewRepository(_Repository):
    table = tables.reviews
    kind = "review"

    def add(self, review: Review, created_at: datetime) -> Review:
        review.created_at = created_at
        review.id = self._insert(review_values(review))
        entries = tables.review_entries
        for entry in review.entries:
            entry.id = int(
                self.connection.execute(
                    insert(entries)
                    .values(owner_id=self.owner_id, **review_entry_values(review.id, entry))
                    .returning(entries.c.id)
                ).scalar_one()
            )
        return review

    def all(self) -> list[Review]:
        """Every review, oldest first, with its entries."""
        table = self.table
        found = self.connection.execute(
            select(table).where(self._mine()).order_by(table.c.held_on, table.c.id)
        ).mappings()
        reviews = [
            Review(
                held_on=row["held_on"],
                cadence=ReviewCadence(row["cadence"]),
                went_well=row["went_well"],
                got_in_the_way=row["got_in_the_way"],
                created_at=row["created_at"],
                id=row["id"],
            )
            for row in found
        ]
        by_review = self._entries(review.id for review in reviews if review.id is not None)
        for review in reviews:
            assert review.id is not None
            review.entries = by_review.get(review.id, [])
        return reviews

    def latest(self) -> Review | None:
        reviews = self.all()
        return reviews[-1] if reviews else None

    def last_held_on(self) -> date | None:
        table = self.table
        return self.connection.execute(
            select(table.c.held_on)
            .where(self._mine())
            .order_by(table.c.held_on.desc(), table.c.id.desc())
            .limit(1)
        ).scalar()

    def latest_entries_by_goal(self) -> dict[int, ReviewEntry]:
        """Each goal's most recent review entry (by review date, then by id)."""
        return dict(remembered(self.memo, "latest entries", self._read_latest_entries))

    def _read_latest_entries(self) -> dict[int, ReviewEntry]:
        entries, reviews = tables.review_entries, self.table
        found = self.connection.execute(
            select(entries)
            .join(reviews, reviews.c.id == entries.c.review_id)
            .where(self._mine(entries))
            .order_by(reviews.c.held_on, reviews.c.id, entries.c.id)
        ).mappings()
        return {row["goal_id"]: review_entry_from_row(row) for row in found}

    def _entries(self, review_ids: Iterable[int]) -> dict[int, list[ReviewEntry]]:
        entries = tables.review_entries
        wanted = list(review_ids)
        grouped: dict[int, list[ReviewEntry]] = defaultdict(list)
        if not wanted:
            return grouped
        found = self.connection.execute(
            select(entries)
            .where(self._mine(entries), entries.c.review_id.in_(wanted))
            .order_by(entries.c.id)
        ).mappings()
        for row in found:
            grouped[row["review_id"]].append(review_entry_from_row(row))
        return grouped

    def get(self, ident: int) -> Review:
        for review in self.all():
            if review.id == ident:
                return review
        raise NotFound("review", ident, hint=Hint(Remedy.LIST_REVIEWS))

    def delete(self, ident: int) -> None:
        self._delete(ident)


class ProposalRepository(_Repository):
    table = tables.proposal_acceptances
    kind = "accepted proposal"

    def accepted(self) -> dict[str, int]:
        """Accepted proposal keys and the goal each became."""
        table = self.table
        found = self.connection.execute(
            select(table.c.proposal_key, table.c.goal_id).where(self._mine())
        )
        return {row.proposal_key: int(row.goal_id) for row in found}

    def accepted_on(self) -> dict[str, date]:
        """The day each proposal was accepted (the backup keeps it)."""
        table = self.table
        found = self.connection.execute(
            select(table.c.proposal_key, table.c.accepted_on).where(self._mine())
        )
        return {row.proposal_key: row.accepted_on for row in found}

    def accept(self, key: str, goal_id: int, on: date) -> None:
        # A savepoint, so a lost race (the same goal accepted in another tab a moment earlier)
        # is a clear refusal rather than a database error; the unit of work then rolls back.
        try:
            with self.connection.begin_nested():
                self._insert({"proposal_key": key, "goal_id": goal_id, "accepted_on": on})
        except IntegrityError:
            raise DomainRefusal(
                "That proposed goal was accepted a moment ago, elsewhere; nothing was added. "
                "Reload the proposal to see it in your plan."
            ) from None

    def forget(self, key: str) -> None:
        self.connection.execute(
            delete(self.table).where(self._mine(), self.table.c.proposal_key == key)
        )
