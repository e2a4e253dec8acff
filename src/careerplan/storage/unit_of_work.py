"""A unit of work: one transaction, the repositories on it, scoped to one owner."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, event, insert, select, update

from careerplan.config import LOCAL_USERNAME
from careerplan.storage import tables
from careerplan.storage.engine import hold_write_lock, writer_turn
from careerplan.storage.exploration import ExplorationRepository
from careerplan.storage.job_search import (
    ApplicationRepository,
    ResumeRepository,
    SkillRepository,
)
from careerplan.storage.read_memo import ReadMemo
from careerplan.storage.repositories import (
    ActionRepository,
    CheckInRepository,
    GoalRepository,
    ProfileRepository,
    ResourceRepository,
    VisionRepository,
)
from careerplan.storage.reviews import (
    PreferencesRepository,
    ProposalRepository,
    ReviewRepository,
)
from careerplan.storage.row_wall import enter_wall, has_wall


def ensure_user(engine: Engine, now: datetime, username: str = LOCAL_USERNAME) -> int:
    """The id of `username`, created on first use (at `now`, the caller's clock)."""
    with engine.begin() as connection:
        found = connection.execute(
            select(tables.users.c.id).where(tables.users.c.username == username)
        ).scalar()
        if found is not None:
            return int(found)
        result = connection.execute(
            insert(tables.users)
            .values(username=username, display_name=username, created_at=now)
            .returning(tables.users.c.id)
        )
        return int(result.scalar_one())


def plan_revision(connection: Connection, owner_id: int) -> int:
    users = tables.users
    found = connection.execute(select(users.c.plan_revision).where(users.c.id == owner_id)).scalar()
    return int(found or 0)


class UnitOfWork:
    """`with UnitOfWork(engine, owner) as uow:` commits when the block ends cleanly, rolls back
    when it raises, so a refused edit leaves no half-written record."""

    connection: Connection
    profiles: ProfileRepository
    visions: VisionRepository
    goals: GoalRepository
    actions: ActionRepository
    resources: ResourceRepository
    checkins: CheckInRepository
    explorations: ExplorationRepository
    preferences: PreferencesRepository
    reviews: ReviewRepository
    proposals: ProposalRepository
    skills: SkillRepository
    resumes: ResumeRepository
    applications: ApplicationRepository

    def __init__(self, engine: Engine, owner_id: int, *, writes: bool = False) -> None:
        self.engine = engine
        self.owner_id = owner_id
        self.writes = writes

    def __enter__(self) -> UnitOfWork:
        self._turn = writer_turn(self.engine) if self.writes else None
        try:
            self.connection = self.engine.connect()
        except BaseException:
            self._release_turn()
            raise
        self._wrote = False
        self._memo: ReadMemo | None = None
        event.listen(self.connection, "after_cursor_execute", self._note_write)
        self._transaction = self.connection.begin()
        if self.writes:
            # On SQLite a transaction that reads first and writes later cannot wait for the
            # write lock (SQLite refuses at once rather than risk a deadlock); taking it at the
            # start makes a busy database a wait, bounded by the busy timeout.
            try:
                hold_write_lock(self.connection)
            except BaseException as error:  # busy past the timeout: give back what was taken
                self.__exit__(type(error), error, error.__traceback__)
                raise
        owner = self.owner_id
        if has_wall(self.engine):
            enter_wall(self.connection, owner)
        # A unit that reads reads the whole plan once, however many services ask for it. One
        # that writes reads afresh each time: its callers change what they read.
        self._memo = None if self.writes else ReadMemo()
        memo = self._memo
        self.profiles = ProfileRepository(self.connection, owner)
        self.visions = VisionRepository(self.connection, owner, memo)
        self.goals = GoalRepository(self.connection, owner, memo)
        self.actions = ActionRepository(self.connection, owner, memo)
        self.resources = ResourceRepository(self.connection, owner)
        self.checkins = CheckInRepository(self.connection, owner)
        self.explorations = ExplorationRepository(self.connection, owner)
        self.preferences = PreferencesRepository(self.connection, owner, memo)
        self.reviews = ReviewRepository(self.connection, owner, memo)
        self.proposals = ProposalRepository(self.connection, owner)
        self.skills = SkillRepository(self.connection, owner)
        self.resumes = ResumeRepository(self.connection, owner)
        self.applications = ApplicationRepository(self.connection, owner)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                if self._wrote:
                    self._bump_revision()
                self._transaction.commit()
            else:
                self._transaction.rollback()
        finally:
            event.remove(self.connection, "after_cursor_execute", self._note_write)
            self.connection.close()
            self._release_turn()

    def _release_turn(self) -> None:
        if self._turn is not None:
            self._turn.release()
            self._turn = None

    def mark_written(self) -> None:
        """Record a write made past SQLAlchemy's statements (PostgreSQL's COPY), so the plan's
        revision moves as for any other."""
        self._wrote = True
        if self._memo is not None:
            self._memo.forget()

    def _note_write(self, *args: Any) -> None:
        context = args[4]  # conn, cursor, statement, parameters, context, executemany
        if context is not None and (context.isinsert or context.isupdate or context.isdelete):
            self._wrote = True
            if self._memo is not None:
                self._memo.forget()

    def _bump_revision(self) -> None:
        users = tables.users
        self.connection.execute(
            update(users)
            .where(users.c.id == self.owner_id)
            .values(plan_revision=users.c.plan_revision + 1)
        )

    def owner_of_feed_token(self, token: str) -> int | None:
        """Whose calendar feed `token` opens, among everyone: tokens are unique across people,
        so this one look-up is made past the row-level wall, on a connection of its own."""
        if not has_wall(self.engine):
            return self.preferences.owner_of_token(token)
        with self.engine.connect() as connection:
            return PreferencesRepository(connection, self.owner_id).owner_of_token(token)

    def revision(self) -> int:
        """The plan's revision: it changes whenever anything in the plan changed."""
        return plan_revision(self.connection, self.owner_id)
