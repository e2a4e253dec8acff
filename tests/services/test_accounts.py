"""Accounts on a server against hostile and careless input: addresses and passwords that must be
refused, guessing held back, sessions that end when they should, and API tokens that are kept
only as hashes and stop working when revoked."""

from __future__ import annotations

import threading
from datetime import timedelta

import argon2
import pytest
from sqlalchemy import select

from careerplan.domain.accounts import (
    FAILURE_WINDOW,
    MAX_EMAIL,
    MAX_PASSWORD,
    MIN_PASSWORD,
    SESSION_IDLE,
    SESSION_LIFETIME,
    SESSION_TOUCH,
    SignInRefused,
    TooManyAttempts,
)
from careerplan.domain.errors import DomainRefusal, InvalidInput, NotFound
from careerplan.services.accounts import WRONG_SIGN_IN, Accounts, secret_hash
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.storage import tables

# A cheap hasher: the rules under test do not depend on argon2's cost, and the default costs
# about 50 ms a hash.
FAST = argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
ANA = "ana@example.org"
BEN = "ben@example.org"
PASSWORD = "correct horse battery"
ADDRESS = "203.0.113.7"


@pytest.fixture
def accounts(workspace: Workspace, clock: FixedClock) -> Accounts:
    return Accounts(workspace.engine, clock, hasher=FAST)


@pytest.fixture
def ana(accounts: Accounts) -> int:
    return accounts.add(ANA, PASSWORD)


def later(clock: FixedClock, **delta: float) -> None:
    clock.moment += timedelta(**delta)


def fail(accounts: Accounts, email: str = ANA, address: str = ADDRESS) -> None:
    with pytest.raises(SignInRefused) as refused:
        accounts.sign_in(email, "not the password", address)
    assert not isinstance(refused.value, TooManyAttempts)


def session_row(accounts: Accounts, token: str) -> tuple[object, ...] | None:
    with accounts.engine.connect() as connection:
        row = connection.execute(
            select(tables.web_sessions).where(
                tables.web_sessions.c.token_hash == secret_hash(token)
            )
        ).first()
    return tuple(row) if row is not None else None


def last_seen(accounts: Accounts, token: str) -> object:
    with accounts.engine.connect() as connection:
        return connection.execute(
            select(tables.web_sessions.c.last_seen_at).where(
                tables.web_sessions.c.token_hash == secret_hash(token)
            )
        ).scalar_one()


# --- adding people -------------------------------------------------------------------------


def test_an_account_is_added_under_its_address_in_lower_case(accounts: Accounts) -> None:
    user_id = accounts.add("  Ana@Example.ORG ", PASSWORD, admin=True)
    [account] = accounts.accounts()
    assert (account.id, account.email, account.is_admin) == (user_id, ANA, True)
    assert (account.disabled, account.two_factor, account.sessions, account.tokens) == (
        False,
        False,
        0,
        0,
    )
    # The person of the plan kept without accounts has no password: not an account to list.
    assert [a.email for a in accounts.accounts()] == [ANA]


def test_the_same_address_in_any_case_is_refused_as_a_duplicate(
    accounts: Accounts, ana: int
) -> None:
    for again in [ANA, "ANA@EXAMPLE.ORG", " Ana@example.org "]:
        with pytest.raises(DomainRefusal, match=f"already an account for {ANA}"):
            accounts.add(again, "another long password")
    assert len(accounts.accounts()) == 1


NOT_ADDRESSES = [
    "",
    "   ",
    "ana",
    "ana@",
    "@example.org",
    "ana@example",
    "ana@.",
    "ana @example.org",
    "ana@exa mple.org",
    "ana\t@example.org",
    "a" * (MAX_EMAIL - len("@example.org") + 1) + "@example.org",  # 101 characters
    "ana\u00a0@example.org",  # a no-break space
    "ana\u200b@example.org",  # a zero-width space: a look-alike of ana@example.org
    "\u202eana@example.org",  # a right-to-left override
    "ana\x00@example.org",  # NUL: PostgreSQL cannot store it
]


def test_what_is_not_an_address_is_refused_and_names_the_field(accounts: Accounts) -> None:
    # One database for all of them: each refusal must leave nothing behind for the next.
    for email in NOT_ADDRESSES:
        with pytest.raises(InvalidInput) as refused:
            accounts.add(email, PASSWORD)
        assert refused.value.field == "email", email
    assert accounts.accounts() == []


def test_a_refused_address_is_shown_back_with_its_invisible_characters_as_codes(
    accounts: Accounts,
) -> None:
    # A right-to-left override echoed as itself would turn the message round on screen.
    with pytest.raises(InvalidInput) as refused:
        accounts.add("\u202egro.elpmaxe@ana\x00", PASSWORD)
    assert refused.value.what.startswith("'\\u202egro.elpmaxe@ana\\u0000' is not an e-mail")
    assert "\u202e" not in refused.value.what
    assert "\x00" not in refused.value.what


def test_signing_in_with_what_is_not_an_address_is_a_plain_refusal(accounts: Accounts) -> None:
    for email in NOT_ADDRESSES:
        with pytest.raises(SignInRefused) as refused:
            accounts.sign_in(email, PASSWORD, ADDRESS)
        assert refused.value.what == WRONG_SIGN_IN, email


def test_an_address_of_exactly_the_limit_and_an_accented_one_are_accepted(
    accounts: Accounts,
) -> None:
    longest = "a" * (MAX_EMAIL - len("@example.org")) + "@example.org"
    accounts.add(longest, PASSWORD)
    # The same accented address typed composed and decomposed is one account, not two.
    accounts.add("jos\u00e9@example.org", PASSWORD)
    with pytest.raises(DomainRefusal, match="already an account"):
        accounts.add("JOSE\u0301@example.org", PASSWORD)
    assert accounts.sign_in("jose\u0301@example.org", PASSWORD, ADDRESS).token
    assert {a.email for a in accounts.accounts()} == {longest, "jos\u00e9@example.org"}


BAD_PASSWORDS = [
    ("", f"has 0 characters; use at least {MIN_PASSWORD}"),
    ("x" * (MIN_PASSWORD - 1), f"has 11 characters; use at least {MIN_PASSWORD}"),
    ("x" * (MAX_PASSWORD + 1), "has 1,025 characters; use at most 1,024"),
    ("x" * 1_000_000, "has 1,000,000 characters"),
    (ANA, "cannot be the e-mail address"),
    ("  ANA@example.org ", "cannot be the e-mail address"),
    ("long password \udcff", "cannot be stored"),
]


def test_a_short_huge_or_guessable_password_is_refused(accounts: Accounts) -> None:
    for password, says in BAD_PASSWORDS:
        with pytest.raises(InvalidInput, match=says) as refused:
            accounts.add(ANA, password)
        assert refused.value.field == "password"
    assert accounts.accounts() == []


def test_passwords_at_the_limits_and_of_any_script_are_accepted(accounts: Accounts) -> None:
    accounts.add(ANA, "x" * MIN_PASSWORD)
    accounts.add(BEN, "y" * MAX_PASSWORD)
    accounts.add("chloe@example.org", "пароль-ключ 鍵 🔑✓")
    assert accounts.sign_in(ANA, "x" * MIN_PASSWORD, ADDRESS).token
    assert accounts.sign_in(BEN, "y" * MAX_PASSWORD, ADDRESS).token
    assert accounts.sign_in("chloe@example.org", "пароль-ключ 鍵 🔑✓", ADDRESS).token


def test_the_local_plan_becomes_the_new_accounts_own(story: Workspace, accounts: Accounts) -> None:
    local_id = story.owner_id
    assert accounts.add(ANA, PASSWORD, take_local_plan=True) == local_id
    with story.as_owner(local_id).unit() as uow:
        profile = uow.profiles.get()
    assert profile is not None
    assert profile.name == "Ana"
    assert [a.email for a in accounts.accounts()] == [ANA]
    # Taken once: there is no plan without accounts left to take.
    with pytest.raises(DomainRefusal, match="no plan kept without accounts"):
        accounts.add(BEN, PASSWORD, take_local_plan=True)
    # An address that has an account cannot take it either.
    with pytest.raises(DomainRefusal, match="already an account"):
        accounts.add(ANA, PASSWORD, take_local_plan=True)


# --- signing in ----------------------------------------------------------------------------


def test_a_wrong_password_and_an_unknown_address_are_refused_in_the_same_words(
    accounts: Accounts, ana: int
) -> None:
    refusals = []
    for email, password in [
        (ANA, "not the password at all"),
        ("nobody@example.org", PASSWORD),
        ("not an address", PASSWORD),
        ("local", ""),  # the person of a plan without accounts has no password
        (ANA, ""),
        (ANA, "pass\udcffword pass"),  # bytes that are not UTF-8 cannot match
    ]:
        with pytest.raises(SignInRefused) as refused:
            accounts.sign_in(email, password, ADDRESS)
        refusals.append((refused.value.what, refused.value.field))
    assert set(refusals) == {(WRONG_SIGN_IN, None)}


def test_five_failures_hold_the_account_shut_even_for_the_right_password(
    accounts: Accounts, clock: FixedClock, ana: int
) -> None:
    for _ in range(5):
        fail(accounts)
        later(clock, minutes=1)
    with pytest.raises(TooManyAttempts, match="Wait 10 minutes") as held:
        accounts.sign_in(ANA, PASSWORD, "198.51.100.1")  # from another address too
    assert held.value.wait == FAILURE_WINDOW - timedelta(minutes=5)
    # The first failure leaves the window: four remain, so the door opens again.
    clock.moment += held.value.wait
    assert accounts.sign_in(ANA, PASSWORD, ADDRESS).token


def test_a_refusal_while_held_shut_is_not_counted_again(
    accounts: Accounts, clock: FixedClock, ana: int
) -> None:
    for _ in range(5):
        fail(accounts)
    for _ in range(3):
        later(clock, minutes=4)
        with pytest.raises(TooManyAttempts):
            accounts.sign_in(ANA, "not the password", ADDRESS)
    later(clock, minutes=3, seconds=1)  # 15 min after the five
    assert accounts.sign_in(ANA, PASSWORD, ADDRESS).token


def test_the_wait_is_at_least_a_minute_and_counts_in_minutes(
    accounts: Accounts, clock: FixedClock, ana: int
) -> None:
    for _ in range(5):
        fail(accounts)
    later(clock, minutes=14, seconds=50)
    with pytest.raises(TooManyAttempts, match="Wait 1 minute and") as held:
        accounts.sign_in(ANA, PASSWORD, ADDRESS)
    assert held.value.wait == timedelta(seconds=10)


def test_an_address_that_fails_across_many_accounts_is_held_back(
    accounts: Accounts, clock: FixedClock, ana: int
) -> None:
    # Four tries at each of five addresses: no account reaches its limit, the address does.
    for n in range(5):
        for _ in range(4):
            fail(accounts, f"person{n}@example.org")
    with pytest.raises(TooManyAttempts):
        accounts.sign_in(ANA, PASSWORD, ADDRESS)
    # Ana, from her own address, is not held back by someone else's guessing.
    assert accounts.sign_in(ANA, PASSWORD, "198.51.100.1").token
    later(clock, minutes=15)
    assert accounts.sign_in(ANA, PASSWORD, ADDRESS).token


def test_guesses_sent_all_at_once_get_no_more_than_the_limit(
    accounts: Accounts, clock: FixedClock, ana: int
) -> None:
    # Checked first and counted after, a burst of guesses would all pass the check before
    # any was counted. However the burst falls, at most five passwords are tried.
    burst = 12
    start = threading.Barrier(burst)
    outcomes: list[str] = []

    def guess() -> None:
        start.wait()
        try:
            accounts.sign_in(ANA, "not the password", ADDRESS)
        except TooManyAttempts:
            outcomes.append("held")
        except SignInRefused:
            outcomes.append("tried")
        except Exception as error:  # any other outcome fails the test below
            outcomes.append(repr(error))

    threads = [threading.Thread(target=guess) for _ in range(burst)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(outcomes)) <= ["held", "tried"], outcomes
    assert len(outcomes) == burst
    tried = outcomes.count("tried")
    assert tried <= 5
    # Only the passwords tried count as failures; those held back unchecked do not.
    with accounts.store() as store:
        counted = store.failures_since(f"account:{ANA}", clock.now() - FAILURE_WINDOW)
    assert len(counted) == tried


def test_a_successful_sign_in_clears_the_accounts_count(
    accounts: Accounts, clock: FixedClock, ana: int
) -> None:
    for _ in range(4):
        fail(accounts)
    accounts.sign_in(ANA, PASSWORD, ADDRESS)
    for _ in range(4):
        fail(accounts)  # four more: not nine
    assert accounts.sign_in(ANA, PASSWORD, ADDRESS).token


# --- sessions ------------------------------------------------------------------------------


def test_a_session_opens_for_its_account_only_with_its_own_token(
    accounts: Accounts, ana: int
) -> None:
    token = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    identity = accounts.session(token)
    assert identity is not None
    assert (identity.user_id, identity.email, identity.via, identity.read_only) == (
        ana,
        ANA,
        "session",
        False,
    )
    for other in ["", token[:-1], token + "x", token.upper(), "\x00", secret_hash(token)]:
        assert accounts.session(other) is None
    # Only the hash is stored, never the token itself.
    row = session_row(accounts, token)
    assert row is not None
    assert token not in repr(row)


def test_a_session_ends_after_twelve_idle_hours(
    accounts: Accounts, clock: FixedClock, ana: int
) -> None:
    token = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    later(clock, hours=11, minutes=59)
    assert accounts.session(token) is not None
    later(clock, hours=11, minutes=59)  # counted from the last request
    assert accounts.session(token) is not None
    clock.moment += SESSION_IDLE
    assert accounts.session(token) is None
    assert session_row(accounts, token) is None  # ended, not merely refused
    later(clock, hours=-20)
    assert accounts.session(token) is None  # and it does not come back


def test_a_session_ends_seven_days_after_sign_in_however_active(
    accounts: Accounts, clock: FixedClock, ana: int
) -> None:
    started = clock.moment
    token = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    while clock.moment + timedelta(hours=6) < started + SESSION_LIFETIME:
        later(clock, hours=6)
        assert accounts.session(token) is not None
    clock.moment = started + SESSION_LIFETIME
    assert accounts.session(token) is None
    assert session_row(accounts, token) is None


def test_last_seen_is_written_at_most_every_five_minutes(
    accounts: Accounts, clock: FixedClock, ana: int
) -> None:
    token = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    first = last_seen(accounts, token)
    later(clock, minutes=4, seconds=59)
    accounts.session(token)
    assert last_seen(accounts, token) == first
    clock.moment = clock.moment - timedelta(minutes=4, seconds=59) + SESSION_TOUCH
    accounts.session(token)
    touched = last_seen(accounts, token)
    assert touched != first
    later(clock, minutes=1)
    accounts.session(token)
    assert last_seen(accounts, token) == touched


def test_signing_out_ends_the_session_and_only_it(accounts: Accounts, ana: int) -> None:
    laptop = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    phone = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    accounts.sign_out(laptop)
    assert accounts.session(laptop) is None
    assert accounts.session(phone) is not None
    accounts.sign_out(laptop)  # twice, or with nothing, is harmless
    accounts.sign_out("")
    assert accounts.session(phone) is not None


def test_a_new_sign_in_ends_the_session_it_replaces(accounts: Accounts, ana: int) -> None:
    before = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    after = accounts.sign_in(ANA, PASSWORD, ADDRESS, replacing=before).token
    assert after != before
    assert accounts.session(before) is None
    assert accounts.session(after) is not None


def test_a_token_planted_before_sign_in_never_becomes_the_session(
    accounts: Accounts, ana: int
) -> None:
    planted = "chosen-by-an-attacker"
    token = accounts.sign_in(ANA, PASSWORD, ADDRESS, replacing=planted).token
    assert token != planted
    assert accounts.session(planted) is None


def test_resetting_the_password_ends_every_session(accounts: Accounts, ana: int) -> None:
    tokens = [accounts.sign_in(ANA, PASSWORD, ADDRESS).token for _ in range(2)]
    accounts.add(BEN, PASSWORD)
    bens = accounts.sign_in(BEN, PASSWORD, ADDRESS).token
    assert accounts.reset_password(" ANA@example.org", "a brand new password") == 2
    assert [accounts.session(token) for token in tokens] == [None, None]
    assert accounts.session(bens) is not None  # another account's sessions go on
    with pytest.raises(SignInRefused, match="password is wrong"):
        accounts.sign_in(ANA, PASSWORD, ADDRESS)
    assert accounts.sign_in(ANA, "a brand new password", ADDRESS).token


def test_a_reset_checks_the_new_password_and_the_account(accounts: Accounts, ana: int) -> None:
    token = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    with pytest.raises(InvalidInput, match="use at least"):
        accounts.reset_password(ANA, "short")
    with pytest.raises(InvalidInput, match="cannot be the e-mail"):
        accounts.reset_password(ANA, ANA)
    with pytest.raises(DomainRefusal, match=r"There is no account for nobody@example\.org"):
        accounts.reset_password("nobody@example.org", "a brand new password")
    with pytest.raises(InvalidInput):
        accounts.reset_password("local", "a brand new password")
    assert accounts.session(token) is not None  # nothing was changed


def test_disabling_ends_sessions_and_stops_tokens_until_enabled(
    accounts: Accounts, ana: int
) -> None:
    session = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    token = accounts.create_token(ANA)
    assert accounts.disable(ANA) == 1
    assert accounts.session(session) is None
    assert accounts.token_identity(token) is None
    with pytest.raises(SignInRefused, match="disabled"):
        accounts.sign_in(ANA, PASSWORD, ADDRESS)
    # With a wrong password the answer is the usual one: it tells nothing of the account.
    with pytest.raises(SignInRefused, match="password is wrong"):
        accounts.sign_in(ANA, "not the password", ADDRESS)
    [listed] = accounts.accounts()
    assert listed.disabled
    accounts.enable(ANA)
    assert accounts.token_identity(token) is not None
    assert accounts.session(session) is None  # ended sessions stay ended
    assert accounts.sign_in(ANA, PASSWORD, ADDRESS).token


def test_a_live_session_of_a_disabled_account_is_refused(
    accounts: Accounts, ana: int, clock: FixedClock
) -> None:
    # Disabled by another process between the session's start and its next request (or by a
    # direct change in the database): the session check itself must refuse it.
    token = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    with accounts.store() as store:
        store.update_user(ana, disabled_at=clock.now())
    assert accounts.session(token) is None
    assert session_row(accounts, token) is None


def test_disabling_or_enabling_an_unknown_account_says_so(accounts: Accounts) -> None:
    for change in (accounts.disable, accounts.enable):
        with pytest.raises(DomainRefusal, match=r"There is no account for nobody@example\.org"):
            change("nobody@example.org")
        with pytest.raises(InvalidInput):
            change("not an address")


# --- API tokens ----------------------------------------------------------------------------


def test_a_token_is_shown_once_and_kept_only_as_its_hash(accounts: Accounts, ana: int) -> None:
    token = accounts.create_token(ANA, label="  laptop script ")
    assert token.startswith("cp_")
    assert len(token) > 40
    [listed] = accounts.tokens(ANA)
    assert (listed.label, listed.read_only, listed.revoked, listed.last_used_at) == (
        "laptop script",
        False,
        False,
        None,
    )
    assert token not in repr(listed)
    with accounts.engine.connect() as connection:
        [row] = connection.execute(select(tables.api_tokens)).all()
    assert token not in repr(tuple(row))
    assert token[3:] not in repr(tuple(row))
    assert row.token_hash == secret_hash(token)
    identity = accounts.token_identity(token)
    assert identity is not None
    assert (identity.user_id, identity.email, identity.via, identity.read_only) == (
        ana,
        ANA,
        "token",
        False,
    )
    assert accounts.tokens(ANA)[0].last_used_at is not None
    assert accounts.accounts()[0].tokens == 1


def test_only_the_exact_token_opens_anything(accounts: Accounts, ana: int) -> None:
    token = accounts.create_token(ANA)
    session = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    for other in ["", "cp_", token[:-1], token + "x", token[3:], secret_hash(token), session]:
        assert accounts.token_identity(other) is None
    # A token is not a session cookie either.
    assert accounts.session(token) is None


def test_a_read_only_token_says_so(accounts: Accounts, ana: int) -> None:
    token = accounts.create_token(ANA, read_only=True)
    identity = accounts.token_identity(token)
    assert identity is not None
    assert identity.read_only
    assert accounts.tokens(ANA)[0].read_only


def test_a_label_over_a_hundred_characters_is_refused(accounts: Accounts, ana: int) -> None:
    with pytest.raises(InvalidInput, match="has 101 characters") as refused:
        accounts.create_token(ANA, label="x" * 101)
    assert refused.value.field == "label"
    assert accounts.tokens(ANA) == []
    with pytest.raises(DomainRefusal, match="There is no account"):
        accounts.create_token("nobody@example.org")


def test_a_revoked_token_is_refused_and_cannot_be_revoked_again(
    accounts: Accounts, ana: int
) -> None:
    token = accounts.create_token(ANA)
    other = accounts.create_token(ANA)
    first = accounts.tokens(ANA)[0].id
    accounts.revoke_token(ANA, first)
    assert accounts.token_identity(token) is None
    assert accounts.token_identity(other) is not None
    assert [t.revoked for t in accounts.tokens(ANA)] == [True, False]
    with pytest.raises(NotFound, match=f"No live token with id {first}"):
        accounts.revoke_token(ANA, first)
    with pytest.raises(NotFound):
        accounts.revoke_token(ANA, 999_999)


def test_another_accounts_token_cannot_be_revoked(accounts: Accounts, ana: int) -> None:
    token = accounts.create_token(ANA)
    accounts.add(BEN, PASSWORD)
    [anas] = accounts.tokens(ANA)
    with pytest.raises(NotFound, match="No live token"):
        accounts.revoke_token(BEN, anas.id)
    assert accounts.token_identity(token) is not None
    assert accounts.tokens(BEN) == []
    assert not accounts.tokens(ANA)[0].revoked


def test_a_full_session_cannot_be_swapped_as_if_half_open(accounts: Accounts, ana: int) -> None:
    ben = accounts.add(BEN, PASSWORD)
    anas = accounts.sign_in(ANA, PASSWORD, ADDRESS).token
    # Neither as Ben's (another account's token) nor as Ana's own (it is not waiting for a
    # code): no new session comes of it, and Ana's goes on.
    for user_id in (ben, ana):
        with pytest.raises(SignInRefused, match="expired"):
            accounts.complete_sign_in(anas, user_id)
    identity = accounts.session(anas)
    assert identity is not None
    assert identity.user_id == ana
    assert accounts.accounts()[0].sessions == 1


def test_people_signing_in_at_once_from_one_address_are_not_each_others_failures(
    accounts: Accounts, ana: int
) -> None:
    """An office or a proxy: many sign-ins from one address, in flight together. An attempt
    not yet checked counts against its account only; the address counts failures."""
    for n in range(30):
        accounts.add(f"person{n}@example.org", PASSWORD)
        accounts.claim_attempt((f"account:person{n}@example.org", f"address:{ADDRESS}"))
    assert accounts.session(accounts.sign_in(ANA, PASSWORD, ADDRESS).token) is not None
