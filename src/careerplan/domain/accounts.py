"""The rules of accounts on a server: what an e-mail address and a password must be, how long a
session lasts, and how many failed sign-ins are allowed before the door is held shut a while."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from careerplan.domain.errors import InvalidInput

# The users table's username column (an e-mail address for an account) holds 100 characters.
MAX_EMAIL = 100
# NIST SP 800-63B asks for at least 8 characters and allows long pass-phrases; a plan holds a
# person's private reflection, so we ask for 12. The upper bound only stops abuse of the hasher.
MIN_PASSWORD = 12
MAX_PASSWORD = 1024

# A session ends after this long without a request, and in any case this long after sign-in.
SESSION_IDLE = timedelta(hours=12)
SESSION_LIFETIME = timedelta(days=7)
# A link to choose a new password works once, within this time of being sent.
RESET_LIFETIME = timedelta(hours=1)
# Last-seen times are written at most this often, so reading pages does not write on each one.
SESSION_TOUCH = timedelta(minutes=5)

# Failed sign-ins counted over this window: a few per account (a guessed password), more per
# address (one office behind one address, or one attacker trying many accounts).
FAILURE_WINDOW = timedelta(minutes=15)
FAILURES_PER_ACCOUNT = 5
FAILURES_PER_ADDRESS = 20

# How many recovery codes two-factor sign-in gives, each used once.
RECOVERY_CODES = 10

Via = Literal["local", "session", "token"]


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a request acts for: the owner of the rows it reads and writes."""

    user_id: int
    email: str
    is_admin: bool = False
    # A read-only API token may read but not change anything.
    read_only: bool = False
    via: Via = "session"


@dataclass(frozen=True, slots=True)
class Account:
    """One account as `users list` shows it."""

    id: int
    email: str
    is_admin: bool
    disabled: bool
    two_factor: bool
    sessions: int
    tokens: int


def normal_email(text: str) -> str:
    """The address as stored (trimmed, lower case), or a refusal that says what is wrong."""
    # One form of each accented letter, so "é" typed on one keyboard and "e" + accent typed on
    # another are the same address (RFC 6532 asks for NFC).
    email = unicodedata.normalize("NFC", text.strip()).lower()
    if not email:
        raise InvalidInput("Give an e-mail address, e.g. ana@example.org.", field="email")
    if len(email) > MAX_EMAIL:
        raise InvalidInput(
            f"That e-mail address has {len(email)} characters; an account takes up to {MAX_EMAIL}.",
            field="email",
        )
    local, at, domain = email.rpartition("@")
    if not at or not local or "." not in domain.strip(".") or any(map(_unseen, email)):
        raise InvalidInput(
            f"'{_visible(text.strip()[:60])}' is not an e-mail address; write it as "
            "name@example.org.",
            field="email",
        )
    return email


def _visible(text: str) -> str:
    """`text` to show back, its invisible characters written as codes (a direction mark shown
    as itself would turn the rest of the message round in a terminal)."""
    return "".join(f"\\u{ord(c):04x}" if c != " " and _unseen(c) else c for c in text)


def _unseen(character: str) -> bool:
    """Spaces, and characters that print as nothing (controls such as NUL, which PostgreSQL
    cannot store; zero-width and direction marks, which would make a look-alike address)."""
    return character.isspace() or unicodedata.category(character).startswith("C")


def check_new_password(password: str, email: str = "") -> None:
    """Refuse a password that is too short, too long or the account's own address."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"The password has {len(password)} characters; use at least {MIN_PASSWORD} (a few "
            "words in a row are easy to remember and hard to guess).",
            field="password",
        )
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(
            f"The password has {len(password):,} characters; use at most {MAX_PASSWORD:,}.",
            field="password",
        )
    if any(unicodedata.category(c) == "Cs" for c in password):
        # A lone surrogate (from bytes that are not UTF-8) cannot be hashed.
        raise InvalidInput(
            "The password holds a character that cannot be stored; type it again.",
            field="password",
        )
    if email and unicodedata.normalize("NFC", password.strip()).lower() == email:
        raise InvalidInput("The password cannot be the e-mail address.", field="password")


class SignInRefused(InvalidInput):
    """A sign-in that did not open a session. The message never says which part was wrong, so
    it cannot be used to learn which addresses have accounts."""


class TooManyAttempts(SignInRefused):
    """Too many failed sign-ins for this account or from this address in the window."""

    def __init__(self, wait: timedelta) -> None:
        minutes = max(1, round(wait.total_seconds() / 60))
        super().__init__(
            f"Too many failed sign-ins. Wait {minutes} minute{'s' if minutes != 1 else ''} "
            "and try again, or ask the administrator to reset the password."
        )
        self.wait = wait
