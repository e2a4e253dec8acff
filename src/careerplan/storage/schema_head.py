"""The schema revisions this version of careerplan knows, oldest first (a test checks them
against Alembic's history). Kept free of imports so the quick read path can check a file."""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
)
HEAD = KNOWN_REVISIONS[-1]
