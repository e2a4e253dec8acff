"""One Settings object, read from the environment (variables prefixed CAREERPLAN_)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PREFIX = "CAREERPLAN_"
DATABASE_FILE = "careerplan.sqlite3"
# On a single-user install every row belongs to this user; a server adds real accounts later.
LOCAL_USERNAME = "local"
# The names this machine answers to by itself. The web application answers requests addressed
# (the Host header) to these and to the names configured, and to no other: a page elsewhere that
# points its own name at 127.0.0.1 (DNS rebinding) is turned away.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


_FALSE = {"0", "false", "no", "off"}
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """The mail server the digest goes through. An empty host means none is configured.
    A malformed value is kept as `problem`, said when mail is sent, so that a typo in a mail
    setting never stops the other commands."""

    host: str = ""
    port: int = 587
    username: str = ""
    password: str = ""
    starttls: bool = True  # port 465 means TLS from the first byte instead
    sender: str = ""
    problem: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.host)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SmtpSettings:
        text = env.get(PREFIX + "SMTP_PORT", "").strip()
        port, problem = 587, ""
        if text:
            if text.isdigit() and 1 <= int(text) <= 65535:
                port = int(text)
            else:
                problem = f"{PREFIX}SMTP_PORT is '{text}'; use a port number from 1 to 65535."
        return cls(
            host=env.get(PREFIX + "SMTP_HOST", "").strip(),
            port=port,
            username=env.get(PREFIX + "SMTP_USERNAME", "").strip(),
            password=env.get(PREFIX + "SMTP_PASSWORD", ""),
            starttls=env.get(PREFIX + "SMTP_STARTTLS", "true").strip().lower() not in _FALSE,
            sender=env.get(PREFIX + "SMTP_FROM", "").strip(),
            problem=problem,
        )


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    database_url: str
    # Settings the S.M.A.R.T. analyser reads: the month a fiscal year starts (1-12) and whether
    # numeric dates like 03/04/2027 are read day-first.
    fiscal_year_start: int = 1
    day_first: bool = True
    # Where people reach the web application, for addresses made outside a web request (the
    # calendar feed's, printed by the command line). Empty: where `careerplan serve` listens.
    public_url: str = ""
    # The mail server for the e-mail digest (CAREERPLAN_SMTP_*); none by default.
    smtp: SmtpSettings = SmtpSettings()
    # Host names the web application answers to besides the loopback names and the public
    # URL's (CAREERPLAN_ALLOWED_HOSTS); "*" answers any, for a proxy that checks names itself.
    allowed_hosts: tuple[str, ...] = ()
    # Accounts (CAREERPLAN_ACCOUNTS=on): people sign in and each sees only their own plan. Off,
    # the server has one person and no sign-in, which is safe on this machine's loopback only.
    accounts: bool = False
    # Addresses of the reverse proxies in front of the web application
    # (CAREERPLAN_TRUSTED_PROXIES): from them, X-Forwarded-For names the client. Empty: the
    # header is never read, since any client could write it.
    trusted_proxies: tuple[str, ...] = ()

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from `env` (the process environment when None); zero configuration works."""
        env = os.environ if env is None else env
        data_dir_text = env.get(PREFIX + "DATA_DIR")
        if data_dir_text:
            data_dir = Path(data_dir_text).expanduser()
        else:
            # Imported here: platformdirs is only needed when no folder was given.
            from platformdirs import user_data_dir

            data_dir = Path(user_data_dir("careerplan", appauthor=False))
        url = env.get(PREFIX + "DATABASE_URL") or f"sqlite:///{data_dir / DATABASE_FILE}"
        fiscal = env.get(PREFIX + "FISCAL_YEAR_START", "1")
        day_first = env.get(PREFIX + "DAY_FIRST", "true").strip().lower() not in {
            "0",
            "false",
            "no",
        }
        public_url = env.get(PREFIX + "PUBLIC_URL", "").strip().rstrip("/")
        if not public_url.startswith(("http://", "https://")):
            public_url = ""  # not an address a calendar app could subscribe to
        try:
            fiscal_month = int(fiscal)
        except ValueError:
            fiscal_month = 1
        if not 1 <= fiscal_month <= 12:
            fiscal_month = 1
        return cls(
            data_dir=data_dir,
            database_url=url,
            fiscal_year_start=fiscal_month,
            day_first=day_first,
            public_url=public_url,
            smtp=SmtpSettings.from_env(env),
            allowed_hosts=host_names(env.get(PREFIX + "ALLOWED_HOSTS", "")),
            accounts=env.get(PREFIX + "ACCOUNTS", "off").strip().lower() in _TRUE,
            trusted_proxies=ip_addresses(env.get(PREFIX + "TRUSTED_PROXIES", "")),
        )


def host_names(text: str) -> tuple[str, ...]:
    """Host names from a list separated by commas or spaces, as a Host header names them:
    lower case, without a port, an IPv6 address without its brackets."""
    names = []
    for item in text.replace(",", " ").split():
        names.append(host_of(item))
    return tuple(name for name in names if name)


def ip_addresses(text: str) -> tuple[str, ...]:
    """IP addresses from a list separated by commas or spaces, in their usual text (what is no
    address is left out)."""
    import ipaddress

    found = []
    for item in text.replace(",", " ").split():
        try:
            found.append(str(ipaddress.ip_address(item.strip("[]"))))
        except ValueError:
            continue
    return tuple(found)


def host_of(netloc: str) -> str:
    """The host name of `host[:port]` (or `[v6]:port`), lower case, with no trailing dot."""
    text = netloc.strip().lower()
    if text.startswith("["):
        return text[1 : text.find("]")] if "]" in text else ""
    if text.count(":") == 1:
        text = text.split(":", 1)[0]
    return text.rstrip(".")
