"""A backup on its way in through the web: how big it may be, and the sealed copy that a preview
hands on to its confirm step.

Between preview and confirm the file travels in the confirm form itself rather than being kept
on the server: nothing to store, expire or clean up, and it works however many processes serve
the app. It goes compressed (a backup is repetitive JSON: 0.8 MB becomes about 30 KB), so the
confirm form stays small, and sealed with an HMAC under a key only this server knows (kept in
its database, so every process serving it shares it) and made for the person signed in.
The seal covers the file, the chosen mode and the plan's revision at the preview, so a confirm
restores exactly the file that was previewed, the way it was previewed, into the plan as it was
previewed; anything else (an edited form, a plan changed since, a second submit of a confirm
already done) is sent back to a fresh preview and restores nothing; so is a form carried from
one person's page to another's.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import zlib
from dataclasses import dataclass, field

from careerplan.domain.errors import Hint, InvalidInput, Remedy
from careerplan.services.restore import RestoreMode
from careerplan.web.security import MAX_BODY_BYTES

# Ten times the largest plan the benchmarks use (200 goals, 1,000 actions: about 0.8 MB), and
# well under the 16 MiB the upload routes accept, so a file a little too big hears why.
MAX_BACKUP_BYTES = 8 * 1024 * 1024
# The confirm form is an ordinary form under the 1 MiB limit; a compressed backup needs more
# than this only when its text does not compress (random data), which a real plan never is.
MAX_CARRIED_CHARS = MAX_BODY_BYTES - 16 * 1024


def seal_key(server_key: bytes, owner_id: int) -> bytes:
    """The key of one person's seals, from the server's: a seal made for one plan opens no
    other."""
    return hmac.new(server_key, f"backup-seal:{owner_id}".encode(), hashlib.sha256).digest()


class RestoreChoice(enum.StrEnum):
    """What to do when the plan already holds something, as the page and the API name it."""

    REFUSE = "refuse"
    REPLACE = "replace"
    MERGE = "merge"

    @property
    def mode(self) -> RestoreMode:
        return _MODES[self]

    @classmethod
    def of(cls, mode: RestoreMode) -> RestoreChoice:
        return next(choice for choice, found in _MODES.items() if found is mode)


_MODES = {
    RestoreChoice.REFUSE: RestoreMode.NEW,
    RestoreChoice.REPLACE: RestoreMode.REPLACE,
    RestoreChoice.MERGE: RestoreMode.MERGE,
}


class TooLarge(InvalidInput):
    """The file is over MAX_BACKUP_BYTES (the API answers 413, the page 422)."""


def check_size(size: int) -> None:
    if size > MAX_BACKUP_BYTES:
        raise TooLarge(
            f"This file is {size / 1_000_000:.1f} MB, and a backup restored here can be at most "
            f"{MAX_BACKUP_BYTES / 1_000_000:.1f} MB (a plan of 200 goals and 1,000 actions "
            "makes about 0.8 MB). Is it the right file?",
            hint=Hint(Remedy.RESTORE_ON_SERVER),
        )


@dataclass(frozen=True, slots=True)
class Carried:
    """The uploaded file, compressed and encoded for a form field, and its seal."""

    payload: str
    seal: str
    key: bytes = field(repr=False)

    def approval(self, choice: RestoreChoice, revision: int) -> str:
        """The seal a confirm must bring back: this file, this choice, this revision."""
        parts = (b"restore", self.seal.encode(), choice.value.encode(), str(revision).encode())
        return _mac(self.key, *parts)

    def approves(self, approval: str, choice: RestoreChoice, revision: int) -> bool:
        return hmac.compare_digest(approval.encode(), self.approval(choice, revision).encode())


def carry(data: bytes, key: bytes) -> Carried:
    """Seal an uploaded file (already checked for size) for the forms that follow."""
    payload = base64.urlsafe_b64encode(zlib.compress(data, 6)).decode("ascii")
    if len(payload) > MAX_CARRIED_CHARS:
        raise InvalidInput(
            "This backup is too large to restore from this page: its text hardly compresses, "
            "which a careerplan backup's does (was something else packed into it?).",
            hint=Hint(Remedy.RESTORE_ON_SERVER),
        )
    return Carried(payload, _mac(key, b"upload", payload.encode()), key)


_EXPIRED = (
    "This preview has expired or the form was changed, so nothing was restored. Choose the "
    "backup file again."
)


def unpack(payload: str, seal: str, key: bytes) -> tuple[Carried, bytes]:
    """The file a sealed form carries; InvalidInput if the seal does not match."""
    expected = _mac(key, b"upload", payload.encode())
    if not payload or not hmac.compare_digest(seal.encode(), expected.encode()):
        raise InvalidInput(_EXPIRED)
    try:
        inflate = zlib.decompressobj()
        data = inflate.decompress(base64.urlsafe_b64decode(payload), MAX_BACKUP_BYTES + 1)
    except (binascii.Error, ValueError, zlib.error):  # only if this server sealed bad data
        raise InvalidInput(_EXPIRED) from None
    check_size(len(data))
    return Carried(payload, seal, key), data


def _mac(key: bytes, *parts: bytes) -> str:
    # Each part is prefixed with its length, so no two different lists of parts sign alike.
    message = b"".join(len(part).to_bytes(8, "big") + part for part in parts)
    return hmac.new(key, message, hashlib.sha256).hexdigest()
