"""Whole-plan reads remembered for the rest of a unit of work that only reads.

A page is drawn from several services, and each reads what it needs: the dashboard's figures,
its agenda, the plan's status and the step bar all read every goal, and two of them every
action. In one read-only transaction the answer cannot change, so the first read is kept and
the others are served from it. Any write in the unit forgets everything kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class ReadMemo:
    def __init__(self) -> None:
        self._kept: dict[str, Any] = {}

    def remembered(self, key: str, load: Callable[[], T]) -> T:
        if key not in self._kept:
            self._kept[key] = load()
        found: T = self._kept[key]
        return found

    def forget(self) -> None:
        self._kept.clear()


def remembered(memo: ReadMemo | None, key: str, load: Callable[[], T]) -> T:
    """`load()`, or what it gave earlier in the same read-only unit of work."""
    return load() if memo is None else memo.remembered(key, load)
