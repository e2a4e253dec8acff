"""The queries behind accounts: users, sign-in sessions, API tokens, failed sign-ins and
recovery codes. None of these rows is part of a plan: backups and restores never touch them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, select, update

from careerplan.domain.accounts import Account
from careerplan.storage import tables

users = tables.users
sessions = tables.web_sessions
tokens = tables.api_tokens
failures = tables.login_failures
codes = tables.recovery_codes
resets = tables.password_resets


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive times; every time we store is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class AccountStore:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    # --- users -----------------------------------------------------------------------------

    def user(self, email: str) -> Row[Any] | None:
        return self.connection.execute(select(users).where(users.c.username == email)).first()

    def user_by_id(self, user_id: int) -> Row[Any] | None:
        return self.connection.execute(select(users).where(users.c.id == user_id)).first()

    def add_user(self, email: str, password_hash: str, is_admin: bool, now: datetime) -> int:
        result = self.connection.execute(
            insert(users)
            .values(
                username=email,
                display_name=email,
                created_at=now,
                password_hash=password_hash,
                is_admin=is_admin,
            )
            .returning(users.c.id)
        )
        return int(result.scalar_one())

    def update_user(self, user_id: int, **values: Any) -> None:
        self.connection.execute(update(users).where(users.c.id == user_id).values(**values))

    def accounts(self, idle_since: datetime, started_after: datetime) -> list[Account]:
        """Every account that can sign in (the local person of a single-user install has no
        password), with how many sessions (used since `idle_since`, begun after
        `started_after`) and tokens are live."""
        live_sessions = (
            select(func.count())
            .where(
                sessions.c.user_id == users.c.id,
                sessions.c.pending_second_factor.is_(False),
                sessions.c.last_seen_at > idle_since,
                sessions.c.created_at > started_after,
            )
            .scalar_subquery()
        )
        live_tokens = (
            select(func.count())
            .where(tokens.c.user_id == users.c.id, tokens.c.revoked_at.is_(None))
            .scalar_subquery()
        )
        rows = self.connection.execute(
            select(users, live_sessions.label("sessions"), live_tokens.label("tokens"))
            .where(users.c.password_hash.is_not(None))
            .order_by(users.c.username)
        )
        return [
            Account(
                id=row.id,
                email=row.username,
                is_admin=bool(row.is_admin),
                disabled=row.disabled_at is not None,
                two_factor=row.totp_secret is not None,
                sessions=int(row.sessions),
                tokens=int(row.tokens),
            )
            for row in rows
        ]

    # --- sessions --------------------------------------------------------------------------

    def add_session(
        self, token_hash: str, user_id: int, now: datetime, *, pending: bool = False
    ) -> None:
        self.connection.execute(
            insert(sessions).values(
                token_hash=token_hash,
                user_id=user_id,
                created_at=now,
                last_seen_at=now,
                pending_second_factor=pending,
            )
        )

    def session(self, token_hash: str) -> Any:
        """The session with its person's row (disabled or not: the caller decides)."""
        return self.connection.execute(
            select(
                sessions.c.id,
                sessions.c.user_id,
                sessions.c.created_at,
                sessions.c.last_seen_at,
                sessions.c.pending_second_factor,
                users.c.username,
                users.c.is_admin,
                users.c.disabled_at,
            )
            .join(users, users.c.id == sessions.c.user_id)
            .where(sessions.c.token_hash == token_hash)
        ).first()

    def touch_session(self, session_id: int, now: datetime) -> None:
        self.connection.execute(
            update(sessions).where(sessions.c.id == session_id).values(last_seen_at=now)
        )

    def end_session(self, token_hash: str) -> None:
        self.connection.execute(delete(sessions).where(sessions.c.token_hash == token_hash))

    def end_pending_session(self, token_hash: str, user_id: int) -> bool:
        """End `user_id`'s half-open session; False when there was none (already swapped)."""
        result = self.connection.execute(
            delete(sessions).where(
                sessions.c.token_hash == token_hash,
                sessions.c.user_id == user_id,
                sessions.c.pending_second_factor.is_(True),
            )
        )
        return bool(result.rowcount)

    def end_sessions(self, user_id: int) -> int:
        result = self.connection.execute(delete(sessions).where(sessions.c.user_id == user_id))
        return int(result.rowcount or 0)

    def end_stale_sessions(self, idle_since: datetime, started_before: datetime) -> None:
        self.connection.execute(
            delete(sessions).where(
                (sessions.c.last_seen_at < idle_since) | (sessions.c.created_at < started_before)
            )
        )

    # --- API tokens ------------------------------------------------------------------------

    def add_token(
        self, token_hash: str, user_id: int, label: str, read_only: bool, now: datetime
    ) -> int:
        result = self.connection.execute(
            insert(tokens)
            .values(
                token_hash=token_hash,
                user_id=user_id,
                label=label,
                read_only=read_only,
                created_at=now,
            )
            .returning(tokens.c.id)
        )
        return int(result.scalar_one())

    def token(self, token_hash: str) -> Any:
        return self.connection.execute(
            select(
                tokens.c.id,
                tokens.c.user_id,
                tokens.c.read_only,
                tokens.c.revoked_at,
                tokens.c.last_used_at,
                users.c.username,
                users.c.is_admin,
                users.c.disabled_at,
            )
            .join(users, users.c.id == tokens.c.user_id)
            .where(tokens.c.token_hash == token_hash)
        ).first()

    def tokens_of(self, user_id: int) -> list[Row[Any]]:
        return list(
            self.connection.execute(
                select(tokens).where(tokens.c.user_id == user_id).order_by(tokens.c.id)
            )
        )

    def touch_token(self, token_id: int, now: datetime) -> None:
        self.connection.execute(
            update(tokens).where(tokens.c.id == token_id).values(last_used_at=now)
        )

    def revoke_token(self, user_id: int, token_id: int, now: datetime) -> bool:
        result = self.connection.execute(
            update(tokens)
            .where(
                tokens.c.id == token_id, tokens.c.user_id == user_id, tokens.c.revoked_at.is_(None)
            )
            .values(revoked_at=now)
        )
        return bool(result.rowcount)

    # --- failed sign-ins -------------------------------------------------------------------

    def add_failure(self, subject: str, now: datetime) -> int:
        result = self.connection.execute(
            insert(failures).values(subject=subject, at=now).returning(failures.c.id)
        )
        return int(result.scalar_one())

    def recent_failures(self, subject: str, since: datetime) -> list[tuple[int, datetime]]:
        """`failures_since` with each row's id, to tell an attempt's own row from the rest."""
        rows = self.connection.execute(
            select(failures.c.id, failures.c.at)
            .where(failures.c.subject == subject, failures.c.at > since)
            .order_by(failures.c.at, failures.c.id)
        )
        return [(int(row.id), utc(row.at)) for row in rows]

    def drop_failures(self, ids: list[int]) -> None:
        if ids:
            self.connection.execute(delete(failures).where(failures.c.id.in_(ids)))

    def failures_since(self, subject: str, since: datetime) -> list[datetime]:
        """The times of `subject`'s failures after `since`, oldest first. A failure exactly
        `since` has left the window: the wait a refusal names ends at that moment."""
        rows = self.connection.execute(
            select(failures.c.at)
            .where(failures.c.subject == subject, failures.c.at > since)
            .order_by(failures.c.at)
        )
        return [utc(row.at) for row in rows]

    def forget_failures(self, subject: str, before: datetime | None = None) -> None:
        query = delete(failures).where(failures.c.subject == subject)
        if before is not None:
            query = query.where(failures.c.at < before)
        self.connection.execute(query)

    def take_totp_step(self, user_id: int, step: int) -> bool:
        """Record that the code of `step` was used; False when it, or a later one, already was
        (so a code seen over someone's shoulder cannot be used again)."""
        result = self.connection.execute(
            update(users)
            .where(
                users.c.id == user_id,
                (users.c.totp_last_step.is_(None)) | (users.c.totp_last_step < step),
            )
            .values(totp_last_step=step)
        )
        return bool(result.rowcount)

    # --- password resets -------------------------------------------------------------------

    def add_reset(self, token_hash: str, user_id: int, now: datetime, until: datetime) -> None:
        self.connection.execute(
            insert(resets).values(
                token_hash=token_hash, user_id=user_id, created_at=now, expires_at=until
            )
        )

    def reset(self, token_hash: str) -> Any:
        """The unused reset link with its account, if the account may still sign in."""
        return self.connection.execute(
            select(resets.c.user_id, resets.c.expires_at, users.c.username)
            .join(users, users.c.id == resets.c.user_id)
            .where(
                resets.c.token_hash == token_hash,
                resets.c.used_at.is_(None),
                users.c.disabled_at.is_(None),
            )
        ).first()

    def use_reset(self, token_hash: str, now: datetime) -> int | None:
        """Spend the reset link (once, before it expires); whose it was, or None."""
        row = self.connection.execute(
            select(resets.c.id, resets.c.user_id, resets.c.expires_at).where(
                resets.c.token_hash == token_hash, resets.c.used_at.is_(None)
            )
        ).first()
        if row is None or utc(row.expires_at) <= now:
            return None
        taken = self.connection.execute(
            update(resets)
            .where(resets.c.id == row.id, resets.c.used_at.is_(None))
            .values(used_at=now)
        )
        return int(row.user_id) if taken.rowcount else None

    def end_resets(self, user_id: int, now: datetime) -> None:
        self.connection.execute(
            update(resets)
            .where(resets.c.user_id == user_id, resets.c.used_at.is_(None))
            .values(used_at=now)
        )

    # --- recovery codes --------------------------------------------------------------------

    def replace_codes(self, user_id: int, code_hashes: list[str]) -> None:
        self.connection.execute(delete(codes).where(codes.c.user_id == user_id))
        if code_hashes:
            self.connection.execute(
                insert(codes), [{"user_id": user_id, "code_hash": h} for h in code_hashes]
            )

    def use_code(self, user_id: int, code_hash: str, now: datetime) -> bool:
        result = self.connection.execute(
            update(codes)
            .where(
                codes.c.user_id == user_id,
                codes.c.code_hash == code_hash,
                codes.c.used_at.is_(None),
            )
            .values(used_at=now)
        )
        return bool(result.rowcount)

    def codes_left(self, user_id: int) -> int:
        return int(
            self.connection.execute(
                select(func.count()).where(codes.c.user_id == user_id, codes.c.used_at.is_(None))
            ).scalar_one()
        )
