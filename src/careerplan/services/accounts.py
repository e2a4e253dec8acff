"""Accounts on a server: adding people, signing in and out, sessions, API tokens.

Secrets we hand out (session cookies, API tokens) are long random strings, so a SHA-256 hash is
enough to store them; passwords are chosen by people and hashed with argon2id. Every change is
one transaction, and each operation re-reads what it needs, so several server processes can
share one database with no state of their own."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from careerplan.config import LOCAL_USERNAME
from careerplan.domain.accounts import (
    FAILURE_WINDOW,
    FAILURES_PER_ACCOUNT,
    FAILURES_PER_ADDRESS,
    RESET_LIFETIME,
    SESSION_IDLE,
    SESSION_LIFETIME,
    SESSION_TOUCH,
    Account,
    Identity,
    SignInRefused,
    TooManyAttempts,
    check_new_password,
    normal_email,
)
from careerplan.domain.bounds import check_text, could_be_an_id
from careerplan.domain.errors import DomainRefusal, InvalidInput, NotFound
from careerplan.services.clock import Clock
from careerplan.storage.accounts import AccountStore, utc
from careerplan.storage.whole_plan import count_plan

TOKEN_PREFIX = "cp_"
WRONG_SIGN_IN = "The e-mail address or the password is wrong."
EXPIRED_SIGN_IN = "The sign-in has expired. Give the e-mail address and password again."


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True, slots=True)
class Claim:
    """An attempt counted against an account before it is checked (the rows to drop if it is
    right), and the address it came from (counted if it is wrong)."""

    ids: list[int]
    address: str


@dataclass(frozen=True, slots=True)
class SignIn:
    """A session opened by a password; `needs_code` when it waits for the two-factor code."""

    token: str
    needs_code: bool = False


@dataclass(frozen=True, slots=True)
class ApiToken:
    id: int
    label: str
    read_only: bool
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


class Accounts:
    """The accounts of one database, read through `clock`."""

    def __init__(self, engine: Engine, clock: Clock, hasher: PasswordHasher | None = None):
        self.engine = engine
        self.clock = clock
        self.hasher = hasher or PasswordHasher()
        self._decoy: str | None = None

    @contextmanager
    def store(self) -> Iterator[AccountStore]:
        with self.engine.begin() as connection:
            yield AccountStore(connection)

    # --- people ----------------------------------------------------------------------------

    def add(
        self, email: str, password: str, *, admin: bool = False, take_local_plan: bool = False
    ) -> int:
        """A new account. With `take_local_plan`, the plan kept so far without accounts (the
        single person of a local install) becomes this account's, rows and all."""
        email = normal_email(email)
        check_new_password(password, email)
        hashed = self.hasher.hash(password)
        try:
            with self.store() as store:
                if store.user(email) is not None:
                    raise DomainRefusal(f"There is already an account for {email}.")
                if not take_local_plan:
                    return store.add_user(email, hashed, admin, self.clock.now())
                local = store.user(LOCAL_USERNAME)
                # Every command opens the local person again when it finds none, so an empty
                # plan is what a plan already taken leaves behind.
                if local is None or not any(count_plan(store.connection, int(local.id)).values()):
                    raise DomainRefusal(
                        "There is no plan kept without accounts on this database to take."
                    )
                store.update_user(
                    int(local.id),
                    username=email,
                    display_name=email,
                    password_hash=hashed,
                    is_admin=admin,
                )
                return int(local.id)
        except IntegrityError:  # added by someone else a moment ago
            raise DomainRefusal(f"There is already an account for {email}.") from None

    def accounts(self) -> list[Account]:
        now = self.clock.now()
        with self.store() as store:
            return store.accounts(now - SESSION_IDLE, now - SESSION_LIFETIME)

    def user_id_of(self, store: AccountStore, email: str) -> int:
        row = store.user(normal_email(email))
        if row is None or row.password_hash is None:
            raise DomainRefusal(f"There is no account for {email.strip()[:100]}.")
        return int(row.id)

    def disable(self, email: str) -> int:
        """Stop the account signing in; its sessions end and its tokens stop working now.
        Returns how many sessions were ended. The plan is kept."""
        with self.store() as store:
            user_id = self.user_id_of(store, email)
            store.update_user(user_id, disabled_at=self.clock.now())
            return store.end_sessions(user_id)

    def enable(self, email: str) -> None:
        with self.store() as store:
            store.update_user(self.user_id_of(store, email), disabled_at=None)

    def reset_password(self, email: str, password: str) -> int:
        """A new password; every session of the account ends (returns how many)."""
        check_new_password(password, normal_email(email))
        hashed = self.hasher.hash(password)
        with self.store() as store:
            user_id = self.user_id_of(store, email)
            store.update_user(user_id, password_hash=hashed)
            return store.end_sessions(user_id)

    def check_password(self, email: str, password: str, address: str) -> None:
        """Refuse unless `password` is the account's; a wrong one counts like a failed
        sign-in (a session left open must not make guessing the password free)."""
        email = normal_email(email)
        claimed = self.claim_attempt((f"account:{email}", f"address:{address}"))
        with self.store() as store:
            row = store.user(email)
        if row is None or not self._password_matches(row, password):
            self.fail(claimed)
            raise SignInRefused("The current password is wrong.", field="current")
        self.release_attempt(claimed)

    def change_password(
        self, email: str, current: str, new: str, address: str, replacing: str = ""
    ) -> str:
        """A new password the person chose, after their current one: every session of the
        account ends, and a new one replaces `replacing` (the browser it was changed in).
        Returns the new session's token."""
        self.check_password(email, current, address)
        check_new_password(new, normal_email(email))
        hashed = self.hasher.hash(new)
        token = secrets.token_urlsafe(32)
        with self.store() as store:
            user_id = self.user_id_of(store, email)
            store.update_user(user_id, password_hash=hashed)
            store.end_sessions(user_id)
            store.add_session(secret_hash(token), user_id, self.clock.now())
        return token

    def reset_link(self, email: str, address: str) -> str | None:
        """A one-time code to choose a new password, for the account of `email` when there is
        one that may sign in (None otherwise: the caller says the same either way, so the
        answer tells nobody which addresses have accounts). Asking counts like a failed
        sign-in, so the mailbox of someone else cannot be flooded."""
        try:
            email = normal_email(email)
        except InvalidInput:
            return None
        # Every request counts, whatever the address: nobody's mailbox is to be flooded.
        self.fail(self.claim_attempt((f"reset:{email}", f"reset-address:{address}")))
        now = self.clock.now()
        with self.store() as store:
            row = store.user(email)
            if row is None or row.password_hash is None or row.disabled_at is not None:
                return None
            code = secrets.token_urlsafe(32)
            store.add_reset(secret_hash(code), int(row.id), now, now + RESET_LIFETIME)
        return code

    def reset_with_link(self, code: str, password: str) -> str:
        """Set the password chosen through a reset link; every session and every other link
        of the account ends. Returns the account's address."""
        now = self.clock.now()
        gone = SignInRefused(
            "This link to choose a new password has been used or has expired. Ask for a new one."
        )
        with self.store() as store:
            row = store.reset(secret_hash(code))
        if row is None:
            raise gone
        check_new_password(password, row.username)
        hashed = self.hasher.hash(password)
        with self.store() as store:
            user_id = store.use_reset(secret_hash(code), now)
            if user_id is None:
                raise gone
            store.update_user(user_id, password_hash=hashed)
            store.end_sessions(user_id)
            store.end_resets(user_id, now)
            store.forget_failures(f"account:{row.username}")
        return str(row.username)

    # --- signing in ------------------------------------------------------------------------

    def sign_in(self, email: str, password: str, address: str, replacing: str = "") -> SignIn:
        """Open a session (a new token each time: a session is never carried over from before
        sign-in), or refuse without saying whether the address has an account."""
        now = self.clock.now()
        try:
            email = normal_email(email)
        except InvalidInput:
            raise SignInRefused(WRONG_SIGN_IN) from None
        subjects = (f"account:{email}", f"address:{address}")
        claimed = self.claim_attempt(subjects)
        with self.store() as store:
            row = store.user(email)
        if not self._password_matches(row, password):
            self.fail(claimed)  # the claimed attempt stays: a failure
            raise SignInRefused(WRONG_SIGN_IN)
        assert row is not None
        if row.disabled_at is not None:
            self.release_attempt(claimed)  # the right password: not a guess
            raise SignInRefused(
                "This account is disabled. Ask the administrator of this careerplan to enable it."
            )
        # Hashed before the transaction, which then holds no lock while argon2 works.
        rehashed = (
            self.hasher.hash(password) if self.hasher.check_needs_rehash(row.password_hash) else ""
        )
        token = secrets.token_urlsafe(32)
        needs_code = row.totp_secret is not None
        with self.store() as store:
            store.drop_failures(claimed.ids)
            if not needs_code:
                # Only a finished sign-in clears the count: a password alone must not reset
                # the limit on guessing the two-factor code.
                store.forget_failures(subjects[0])
            if replacing:
                store.end_session(secret_hash(replacing))
            store.end_stale_sessions(now - SESSION_IDLE, now - SESSION_LIFETIME)
            store.add_session(secret_hash(token), int(row.id), now, pending=needs_code)
            if rehashed:
                store.update_user(int(row.id), password_hash=rehashed)
        return SignIn(token, needs_code)

    def claim_attempt(self, subjects: tuple[str, str]) -> Claim:
        """Count an attempt on the account (`subjects[0]`) as failed before it is checked, then
        refuse it if the account or the address (`subjects[1]`) is over its limit.

        Checking first and counting after would let guesses at one account sent at the same
        moment all pass the check before any is counted; this way each sees every attempt
        committed before it, so no more than the limit get through. The address is counted
        only once an attempt has failed (`fail`): many people signing in at once from one
        address (an office, a proxy) are not each other's failures. Returns the claim, to
        `release_attempt` if the attempt turns out right or to `fail` if it does not."""
        now = self.clock.now()
        account, address = subjects
        with self.store() as store:
            store.forget_failures(account, before=now - FAILURE_WINDOW)
            own = store.add_failure(account, now)
        claim = Claim([own], address)
        wait = None
        with self.store() as store:
            earlier = [at for id_, at in store.recent_failures(account, now - FAILURE_WINDOW)
                       if id_ != own]  # fmt: skip
            settled = store.failures_since(address, now - FAILURE_WINDOW)
            for times, limit in ((earlier, FAILURES_PER_ACCOUNT), (settled, FAILURES_PER_ADDRESS)):
                if len(times) >= limit:
                    # Refused unchecked, so not a guess: it does not lengthen the wait. (Raised
                    # once the transaction is over: raising in it would undo the drop.)
                    store.drop_failures(claim.ids)
                    wait = times[-limit] + FAILURE_WINDOW - now
                    break
        if wait is not None:
            raise TooManyAttempts(wait)
        return claim

    def release_attempt(self, claim: Claim) -> None:
        """The claimed attempt was right after all: it is no failure."""
        with self.store() as store:
            store.drop_failures(claim.ids)

    def fail(self, claim: Claim) -> None:
        """The claimed attempt was wrong: it counts against the address too."""
        now = self.clock.now()
        with self.store() as store:
            store.forget_failures(claim.address, before=now - FAILURE_WINDOW)
            store.add_failure(claim.address, now)

    def _password_matches(self, row: Any, password: str) -> bool:
        # An unknown address costs the same time as a known one, so timing tells nothing.
        stored = row.password_hash if row is not None and row.password_hash else None
        try:
            self.hasher.verify(stored or self._decoy_hash(), password)
        except (VerificationError, InvalidHashError, UnicodeEncodeError):
            # A lone surrogate (bytes that are not UTF-8) cannot be hashed: no password holds it.
            return False
        return stored is not None

    def _decoy_hash(self) -> str:
        if self._decoy is None:
            self._decoy = self.hasher.hash(secrets.token_urlsafe(16))
        return self._decoy

    def session(self, token: str) -> Identity | None:
        """Who the session cookie `token` signs in, or None when it opens nothing (unknown,
        idle or old past its limits, waiting for its second factor, or its account disabled)."""
        if not token:
            return None
        now = self.clock.now()
        with self.store() as store:
            row = store.session(secret_hash(token))
            if row is None or row.pending_second_factor:
                return None
            expired = (
                utc(row.last_seen_at) + SESSION_IDLE <= now
                or utc(row.created_at) + SESSION_LIFETIME <= now
            )
            if expired or row.disabled_at is not None:
                store.end_session(secret_hash(token))
                return None
            if utc(row.last_seen_at) + SESSION_TOUCH <= now:
                store.touch_session(int(row.id), now)
        return Identity(int(row.user_id), row.username, bool(row.is_admin), via="session")

    def pending_user(self, token: str) -> int | None:
        """The account a half-open session (password given, code not yet) belongs to."""
        now = self.clock.now()
        with self.store() as store:
            row = store.session(secret_hash(token)) if token else None
        if row is None or not row.pending_second_factor or row.disabled_at is not None:
            return None
        if utc(row.created_at) + FAILURE_WINDOW <= now:
            return None  # a code is asked for at once; a quarter of an hour is plenty
        return int(row.user_id)

    def complete_sign_in(self, pending_token: str, user_id: int) -> str:
        """Swap a half-open session for a full one under a new token. A half-open session is
        swapped once: the same code sent twice at once opens one session, not two."""
        token = secrets.token_urlsafe(32)
        with self.store() as store:
            if not store.end_pending_session(secret_hash(pending_token), user_id):
                raise SignInRefused(EXPIRED_SIGN_IN)
            row = store.user_by_id(user_id)
            if row is not None:
                store.forget_failures(f"account:{row.username}")
            store.add_session(secret_hash(token), user_id, self.clock.now())
        return token

    def sign_out(self, token: str) -> None:
        if token:
            with self.store() as store:
                store.end_session(secret_hash(token))

    # --- API tokens ------------------------------------------------------------------------

    def create_token(self, email: str, *, read_only: bool = False, label: str = "") -> str:
        """A new token for the account, returned once; only its hash is kept."""
        label = check_text(label, "The label", "label").strip()
        if len(label) > 100:
            raise InvalidInput(
                f"The label has {len(label)} characters; use up to 100.", field="label"
            )
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.store() as store:
            user_id = self.user_id_of(store, email)
            store.add_token(secret_hash(token), user_id, label, read_only, self.clock.now())
        return token

    def tokens(self, email: str) -> list[ApiToken]:
        with self.store() as store:
            rows = store.tokens_of(self.user_id_of(store, email))
        return [
            ApiToken(
                id=int(row.id),
                label=row.label,
                read_only=bool(row.read_only),
                created_at=utc(row.created_at),
                last_used_at=utc(row.last_used_at) if row.last_used_at else None,
                revoked=row.revoked_at is not None,
            )
            for row in rows
        ]

    def revoke_token(self, email: str, token_id: int) -> None:
        with self.store() as store:
            user_id = self.user_id_of(store, email)
            # An id past the column's range is no token's (PostgreSQL would refuse the query).
            if not could_be_an_id(token_id) or not store.revoke_token(
                user_id, token_id, self.clock.now()
            ):
                raise NotFound("live token", token_id)

    def token_identity(self, token: str) -> Identity | None:
        """Who a bearer token acts for, or None (unknown, revoked, or its account disabled)."""
        if not token.startswith(TOKEN_PREFIX):
            return None
        now = self.clock.now()
        with self.store() as store:
            row = store.token(secret_hash(token))
            if row is None or row.revoked_at is not None or row.disabled_at is not None:
                return None
            if row.last_used_at is None or utc(row.last_used_at) + SESSION_TOUCH <= now:
                store.touch_token(int(row.id), now)
        return Identity(
            int(row.user_id), row.username, bool(row.is_admin), bool(row.read_only), "token"
        )
