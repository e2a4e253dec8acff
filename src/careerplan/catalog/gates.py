"""Entry gates: the licences, certifications, exams, programmes and experience that stand
between a person and an occupation, from the curated table the catalogue ships.

A record is parsed the first time it is asked for and kept on its catalogue, so commands that
never ask pay nothing and a proposal that asks for a few occupations parses only theirs.
"""

from __future__ import annotations

import json

from careerplan.catalog.store import REBUILD, Catalog, resolve
from careerplan.domain.credentials import Credential, Gating, credential_from
from careerplan.domain.errors import NotFound, StorageProblem

# Declaration order is firmness: required, most states, usual, optional.
FIRMNESS = {gating: rank for rank, gating in enumerate(Gating)}


def by_firmness(credential: Credential) -> tuple[int, str]:
    """Sort key: the firmest gate first, then by key, so the order never depends on storage."""
    return (FIRMNESS[credential.gating], credential.key)


def credentials_for(code: str, catalog: Catalog | None = None) -> list[Credential]:
    """The curated credentials gating the occupation with this code (`29-1141` means
    `29-1141.00`), firmest first; empty when the table names none for it."""
    cat = resolve(catalog)
    occupation = cat.occupation(code)
    rows = cat.query(
        "SELECT key FROM credential_occupation WHERE occupation_id = ?", (occupation.id,)
    )
    return sorted((credential(key, cat) for (key,) in rows), key=by_firmness)


def credential(key: str, catalog: Catalog | None = None) -> Credential:
    """The curated credential with this key; NotFound when the table has none."""
    cat = resolve(catalog)
    found = cat.parsed_credentials.get(key)
    if found is None:
        rows = cat.query("SELECT record FROM credential WHERE key = ?", (key,))
        if not rows:
            raise NotFound("credential", key)
        try:
            found = credential_from(json.loads(rows[0][0]))
        except ValueError:  # RecordProblem or bad JSON: the file changed since the build checked it
            raise StorageProblem(
                f"The occupation catalogue {cat.path} cannot be read (credential {key!r} is "
                f"malformed). {REBUILD}"
            ) from None
        cat.parsed_credentials[key] = found
    return found
