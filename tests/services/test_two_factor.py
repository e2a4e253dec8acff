"""Two-factor sign-in against wrong, replayed and late codes: a password alone opens nothing,
recovery codes work once, and guessing the six digits is held back like guessing passwords."""

from __future__ import annotations

from datetime import timedelta

import argon2
import pyotp
import pytest

from careerplan.domain.accounts import RECOVERY_CODES, SignInRefused, TooManyAttempts
from careerplan.domain.errors import DomainRefusal, InvalidInput
from careerplan.services import two_factor
from careerplan.services.accounts import Accounts
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace

FAST = argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
ANA = "ana@example.org"
PASSWORD = "correct horse battery"
ADDRESS = "203.0.113.7"
SECRET = pyotp.random_base32()


@pytest.fixture
def accounts(workspace: Workspace, clock: FixedClock) -> Accounts:
    accounts = Accounts(workspace.engine, clock, hasher=FAST)
    accounts.add(ANA, PASSWORD)
    return accounts


@pytest.fixture
def recovery(accounts: Accounts, clock: FixedClock) -> list[str]:
    """Two-factor sign-in on for Ana; her recovery codes. Turned on with the code of the step
    before now, which is spent then, so the tests can sign in with the current one."""
    return two_factor.turn_on(accounts, ANA, SECRET, earlier_code(clock))


def now_code(clock: FixedClock, secret: str = SECRET) -> str:
    return pyotp.TOTP(secret).at(clock.now())


def earlier_code(clock: FixedClock, secret: str = SECRET) -> str:
    return pyotp.TOTP(secret).at(clock.now() - timedelta(seconds=30))


def wrong_code(clock: FixedClock) -> str:
    # Not the code of this step nor of the steps either side, which are accepted too.
    taken = {pyotp.TOTP(SECRET).at(clock.now() + timedelta(seconds=s)) for s in (-30, 0, 30)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in taken)


def pending(accounts: Accounts) -> str:
    opened = accounts.sign_in(ANA, PASSWORD, ADDRESS)
    assert opened.needs_code
    return opened.token


def test_turning_on_needs_the_code_the_app_shows(accounts: Accounts, clock: FixedClock) -> None:
    for code in [wrong_code(clock), "", "12345", "1234567", "abcdef", "12 34 5x"]:
        with pytest.raises(InvalidInput, match="does not match") as refused:
            two_factor.turn_on(accounts, ANA, SECRET, code)
        assert refused.value.field == "code"
    assert not accounts.accounts()[0].two_factor
    codes = two_factor.turn_on(accounts, ANA, SECRET, now_code(clock))
    assert len(codes) == len(set(codes)) == RECOVERY_CODES
    assert accounts.accounts()[0].two_factor


def test_a_secret_that_careerplan_did_not_make_is_refused(
    accounts: Accounts, clock: FixedClock
) -> None:
    short = "A" * 16  # 80 bits: less than RFC 4226 asks for
    long = "A" * 72  # more than the column holds
    for secret in ["", "not base32!", short, long, SECRET + "\x00"]:
        with pytest.raises(InvalidInput, match="not one careerplan made"):
            two_factor.turn_on(accounts, ANA, secret, "123456")
    assert not accounts.accounts()[0].two_factor


def test_a_code_from_the_step_before_or_after_is_accepted(
    accounts: Accounts, clock: FixedClock
) -> None:
    # A phone whose clock is a few seconds off still works.
    early = pyotp.TOTP(SECRET).at(clock.now() - timedelta(seconds=30))
    two_factor.turn_on(accounts, ANA, SECRET, f" {early[:3]} {early[3:]} ")
    assert accounts.accounts()[0].two_factor


def test_a_password_alone_opens_a_session_that_waits_for_the_code(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    token = pending(accounts)
    assert accounts.session(token) is None
    assert accounts.accounts()[0].sessions == 0
    full = two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS)
    assert full != token
    identity = accounts.session(full)
    assert identity is not None
    assert identity.email == ANA
    # The half-open session was swapped, not kept: it finishes nothing a second time.
    assert accounts.pending_user(token) is None
    with pytest.raises(SignInRefused, match="expired"):
        two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS)
    assert accounts.accounts()[0].sessions == 1


def test_a_full_session_or_nothing_cannot_stand_in_for_a_half_open_one(
    accounts: Accounts, clock: FixedClock
) -> None:
    full = accounts.sign_in(ANA, PASSWORD, ADDRESS).token  # before two-factor was on
    two_factor.turn_on(accounts, ANA, SECRET, earlier_code(clock))
    for token in [full, "", "made-up"]:
        with pytest.raises(SignInRefused, match="expired"):
            two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS)


def test_a_wrong_code_is_refused_and_the_sign_in_waits_on(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    token = pending(accounts)
    for code in [wrong_code(clock), "", "x" * 1000, "\x00"]:
        with pytest.raises(SignInRefused, match="code is wrong") as refused:
            two_factor.finish_sign_in(accounts, token, code, ADDRESS)
        assert refused.value.field == "code"
    assert accounts.session(token) is None
    assert accounts.pending_user(token) is not None


def test_a_recovery_code_works_once(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    code = recovery[0]
    assert accounts.session(two_factor.finish_sign_in(accounts, pending(accounts), code, ADDRESS))
    with pytest.raises(SignInRefused, match="code is wrong"):
        two_factor.finish_sign_in(accounts, pending(accounts), code, ADDRESS)
    # The others still work, typed as people copy them: capitals, spaces, no dash.
    typed = recovery[1].upper().replace("-", " ")
    assert accounts.session(two_factor.finish_sign_in(accounts, pending(accounts), typed, ADDRESS))
    user_id = accounts.accounts()[0].id
    assert two_factor.codes_left(accounts, user_id) == RECOVERY_CODES - 2


def test_wrong_codes_count_toward_the_limit_even_across_new_sign_ins(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    # Someone who has the password must not reset the count by signing in again between
    # guesses at the code.
    for _ in range(5):
        token = pending(accounts)
        with pytest.raises(SignInRefused, match="code is wrong"):
            two_factor.finish_sign_in(accounts, token, wrong_code(clock), ADDRESS)
    with pytest.raises(TooManyAttempts):
        accounts.sign_in(ANA, PASSWORD, ADDRESS)


def test_wrong_codes_hold_back_the_right_one_until_the_window_passes(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    token = pending(accounts)
    for _ in range(5):
        with pytest.raises(SignInRefused, match="code is wrong"):
            two_factor.finish_sign_in(accounts, token, wrong_code(clock), ADDRESS)
    with pytest.raises(TooManyAttempts):
        two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS)
    with pytest.raises(TooManyAttempts):
        two_factor.finish_sign_in(accounts, token, recovery[0], ADDRESS)
    clock.moment += timedelta(minutes=14, seconds=59)
    with pytest.raises(TooManyAttempts):
        two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS)
    clock.moment += timedelta(seconds=1)
    # The window has passed, and with it the half-open session: sign in again.
    with pytest.raises(SignInRefused, match="expired"):
        two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS)
    token = pending(accounts)
    assert accounts.session(two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS))
    # The unused recovery code was not spent by the refusal.
    assert two_factor.codes_left(accounts, accounts.accounts()[0].id) == RECOVERY_CODES


def test_a_finished_sign_in_clears_the_count(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    token = pending(accounts)
    for _ in range(4):
        with pytest.raises(SignInRefused):
            two_factor.finish_sign_in(accounts, token, wrong_code(clock), ADDRESS)
    two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS)
    clock.moment += timedelta(seconds=30)  # a code is good once: the next sign-in needs a new one
    token = pending(accounts)
    for _ in range(4):
        with pytest.raises(SignInRefused, match="code is wrong"):
            two_factor.finish_sign_in(accounts, token, wrong_code(clock), ADDRESS)
    assert accounts.session(two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS))


def test_a_sign_in_waiting_over_fifteen_minutes_expires(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    token = pending(accounts)
    clock.moment += timedelta(minutes=14, seconds=59)
    assert accounts.pending_user(token) is not None
    clock.moment += timedelta(seconds=1)
    assert accounts.pending_user(token) is None
    with pytest.raises(SignInRefused, match="expired") as refused:
        two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS)
    assert refused.value.field is None  # the page shows the password form again
    assert accounts.session(token) is None


def test_a_disabled_account_cannot_finish_signing_in(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    token = pending(accounts)
    accounts.disable(ANA)
    with pytest.raises(SignInRefused, match="expired"):
        two_factor.finish_sign_in(accounts, token, now_code(clock), ADDRESS)


def test_turning_off_signs_in_with_the_password_alone_and_forgets_the_codes(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    two_factor.turn_off(accounts, " ANA@example.org")
    [account] = accounts.accounts()
    assert not account.two_factor
    assert two_factor.codes_left(accounts, account.id) == 0
    opened = accounts.sign_in(ANA, PASSWORD, ADDRESS)
    assert not opened.needs_code
    assert accounts.session(opened.token) is not None
    with pytest.raises(DomainRefusal, match=r"not on for ana@example\.org"):
        two_factor.turn_off(accounts, ANA)
    with pytest.raises(DomainRefusal, match="There is no account"):
        two_factor.turn_off(accounts, "nobody@example.org")


def test_turning_on_again_replaces_the_recovery_codes(
    accounts: Accounts, recovery: list[str], clock: FixedClock
) -> None:
    other = pyotp.random_base32()
    fresh = two_factor.turn_on(accounts, ANA, other, earlier_code(clock, other))
    assert not set(fresh) & set(recovery)
    with pytest.raises(SignInRefused, match="code is wrong"):
        two_factor.finish_sign_in(accounts, pending(accounts), recovery[0], ADDRESS)
    with pytest.raises(SignInRefused, match="code is wrong"):
        two_factor.finish_sign_in(accounts, pending(accounts), now_code(clock), ADDRESS)
    token = pending(accounts)
    assert accounts.session(
        two_factor.finish_sign_in(accounts, token, now_code(clock, other), ADDRESS)
    )


def test_a_code_is_good_once(accounts: Accounts, recovery: list[str], clock: FixedClock) -> None:
    """RFC 6238, section 5.2: a code seen over someone's shoulder cannot be used again, nor can
    the one that confirmed the app, nor an older one once a newer one was taken."""
    code = now_code(clock)
    two_factor.finish_sign_in(accounts, pending(accounts), code, ADDRESS)
    again = pending(accounts)
    with pytest.raises(SignInRefused, match="code is wrong"):
        two_factor.finish_sign_in(accounts, again, code, ADDRESS)
    with pytest.raises(SignInRefused, match="code is wrong"):
        two_factor.finish_sign_in(accounts, again, earlier_code(clock), ADDRESS)
    clock.moment += timedelta(seconds=30)
    assert two_factor.finish_sign_in(accounts, again, now_code(clock), ADDRESS)
