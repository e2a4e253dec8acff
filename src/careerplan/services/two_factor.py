"""Two-factor sign-in: a time-based code from an authenticator app (RFC 6238), or one of the
recovery codes given when it was turned on, each good once."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

import pyotp

from careerplan.domain.accounts import RECOVERY_CODES, SignInRefused
from careerplan.domain.errors import DomainRefusal, InvalidInput
from careerplan.services.accounts import EXPIRED_SIGN_IN, Accounts, secret_hash

ISSUER = "careerplan"
# RFC 4226 asks for at least 128 bits; the users table's column holds 64 characters.
SECRET_BYTES = 16
MAX_SECRET = 64


@dataclass(frozen=True, slots=True)
class NewSecret:
    """A secret offered to an authenticator app; stored only once a code from it is given."""

    secret: str
    uri: str


def new_secret(email: str) -> NewSecret:
    return offer(pyotp.random_base32(), email)


def offer(secret: str, email: str) -> NewSecret:
    """`secret` as an authenticator app takes it (offered again after a wrong code, so an app
    set up with it need not start over)."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)
    return NewSecret(secret, uri)


def _recovery_code() -> str:
    # Ten characters in two groups, from letters and digits that are hard to confuse.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    text = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"{text[:5]}-{text[5:]}"


def _normal_code(code: str) -> str:
    # As people copy codes: with or without the dash, spaces, capitals ("ABCDE FGHJK").
    return "".join(code.split()).replace("-", "").lower()


def turn_on(accounts: Accounts, email: str, secret: str, code: str) -> list[str]:
    """Store `secret` once `code` shows the app holds it; returns the recovery codes, which are
    shown this once and kept only as hashes."""
    try:
        key = pyotp.TOTP(secret).byte_secret()
    except ValueError:  # not base32 (binascii.Error is a ValueError)
        key = b""
    if len(key) < SECRET_BYTES or len(secret) > MAX_SECRET:
        raise InvalidInput(
            "That secret is not one careerplan made; start turning two-factor sign-in on again.",
            field="secret",
        )
    step = _matching_step(accounts, secret, code)
    if step is None:
        raise InvalidInput(
            "That code does not match. Check the time on the phone, and type the six digits "
            "the app shows now.",
            field="code",
        )
    codes = [_recovery_code() for _ in range(RECOVERY_CODES)]
    with accounts.store() as store:
        user_id = accounts.user_id_of(store, email)
        # The code that confirmed the app is spent too: it cannot then sign in.
        store.update_user(user_id, totp_secret=secret, totp_last_step=step)
        store.replace_codes(user_id, [secret_hash(_normal_code(code)) for code in codes])
    return codes


def turn_off(accounts: Accounts, email: str) -> None:
    with accounts.store() as store:
        user_id = accounts.user_id_of(store, email)
        row = store.user_by_id(user_id)
        if row is None or row.totp_secret is None:
            raise DomainRefusal(f"Two-factor sign-in is not on for {email.strip()}.")
        store.update_user(user_id, totp_secret=None)
        store.replace_codes(user_id, [])


def _matching_step(accounts: Accounts, secret: str, code: str) -> int | None:
    """The time step whose code `code` is, within one step either side of now (a phone's clock
    a little off still works), or None."""
    digits = _normal_code(code)
    if not (digits.isdigit() and len(digits) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(accounts.clock.now())
    for step in (now - 1, now, now + 1):
        if hmac.compare_digest(totp.generate_otp(step), digits):
            return step
    return None


def check_code(accounts: Accounts, user_id: int, code: str) -> bool:
    """Whether `code` is the account's current TOTP code, not used before, or an unused
    recovery code (either is then spent)."""
    with accounts.store() as store:
        row = store.user_by_id(user_id)
        if row is None or row.totp_secret is None:
            return False
        step = _matching_step(accounts, row.totp_secret, code)
        if step is not None:
            return store.take_totp_step(user_id, step)
        return store.use_code(user_id, secret_hash(_normal_code(code)), accounts.clock.now())


def codes_left(accounts: Accounts, user_id: int) -> int:
    with accounts.store() as store:
        return store.codes_left(user_id)


def finish_sign_in(accounts: Accounts, pending_token: str, code: str, address: str) -> str:
    """The full session's token once the half-open session's code is right. Wrong codes count
    as failed sign-ins (six digits are guessed in a million tries: the limit stops that)."""
    user_id = accounts.pending_user(pending_token)
    if user_id is None:
        raise SignInRefused(EXPIRED_SIGN_IN)
    with accounts.store() as store:
        row = store.user_by_id(user_id)
    subjects = (f"account:{row.username if row else user_id}", f"address:{address}")
    claimed = accounts.claim_attempt(subjects)
    if not check_code(accounts, user_id, code):
        accounts.fail(claimed)
        raise SignInRefused(
            "That code is wrong or has passed. Type the six digits the app shows now, or a "
            "recovery code.",
            field="code",
        )
    accounts.release_attempt(claimed)
    return accounts.complete_sign_in(pending_token, user_id)
