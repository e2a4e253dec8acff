"""A person's highest education, the levels a profile, a programme and the BLS's entry education
are compared on."""

from __future__ import annotations

from enum import StrEnum


class Education(StrEnum):
    """Highest education, lowest first (the profile's, and what a programme asks to start)."""

    NONE = "none"
    HIGH_SCHOOL = "high school"
    SOME_COLLEGE = "some college"
    CERTIFICATE = "postsecondary certificate"
    ASSOCIATE = "associate's"
    BACHELOR = "bachelor's"
    MASTER = "master's"
    DOCTORAL = "doctoral or professional"

    @property
    def rank(self) -> int:
        return list(Education).index(self)

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Education.NONE: "no diploma",
    Education.HIGH_SCHOOL: "a high school diploma",
    Education.SOME_COLLEGE: "some college",
    Education.CERTIFICATE: "a postsecondary certificate",
    Education.ASSOCIATE: "an associate's degree",
    Education.BACHELOR: "a bachelor's degree",
    Education.MASTER: "a master's degree",
    Education.DOCTORAL: "a doctoral or professional degree",
}
