"""What the job search's pages and API share beyond the services: reading an uploaded file, and
small words for the templates. Read-only: nothing here saves anything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerplan.domain.errors import InvalidInput
from careerplan.domain.rules import MAX_DOCUMENT
from careerplan.services.documents import saveable

if TYPE_CHECKING:
    from datetime import date

    from careerplan.domain.job_search import Skill

UPLOAD_KINDS = ".pdf,.docx,.md,.markdown,.txt,.html,.htm"


def document_text(data: bytes, name: str) -> str:
    """The text of an uploaded résumé or posting, refused clearly when it cannot be read."""
    from careerplan.services.documents import read_document

    read = read_document(data, f"“{name}”" if name else "The file").text
    # What a file's reader hands back may hold characters no database keeps (a PDF's text
    # layer can carry NULs): they are dropped, not a reason to refuse a readable file.
    text = saveable(read).strip()
    if not text:
        raise InvalidInput(f"“{name}” holds no text.")
    if len(text) > MAX_DOCUMENT:
        raise InvalidInput(
            f"“{name}” holds {len(text):,} characters; a résumé or a posting is read up to "
            f"{MAX_DOCUMENT:,}."
        )
    return text


def unconfirmed(skills: list[Skill]) -> int:
    return sum(1 for skill in skills if not skill.confirmed)


def days_until(day: date | None, today: date) -> int | None:
    return None if day is None else (day - today).days
