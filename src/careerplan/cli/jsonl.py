"""JSONL batch mode shared by the commands that take `--jsonl FILE|-`: one JSON object a line in,
one a line out, in input order. A line that cannot be read (not UTF-8, not JSON, not an object)
gets `{"line": N, "error": "..."}` and the run carries on."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

from careerplan.domain.errors import InvalidInput

Answer = dict[str, Any]


def lines_of(source: str) -> list[bytes]:
    """The raw lines of FILE, or of standard input for `-`."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read() if stream is not None else sys.stdin.read().encode()
    else:
        try:
            with open(source, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise InvalidInput(f"Cannot read {source}: {error.strerror or error}.") from None
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def error_at(number: int, message: str, ident: object = None) -> Answer:
    found: Answer = {"line": number, "error": message}
    if ident is not None:
        found["id"] = ident
    return found


def object_of(raw: bytes, number: int, expected: str) -> Answer:
    """The JSON object on this line, or an error object; `expected` names its fields."""
    try:
        decoded = raw.decode("utf-8").rstrip("\r").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return error_at(number, "The line is not valid UTF-8.")
    if not decoded.strip():
        return error_at(number, f"The line is empty; expected a JSON object with {expected}.")
    try:
        item = json.loads(decoded)
    except (json.JSONDecodeError, RecursionError) as problem:
        return error_at(number, f"The line is not valid JSON: {getattr(problem, 'msg', problem)}.")
    if not isinstance(item, dict):
        return error_at(number, f"The line must be a JSON object with {expected}.")
    return {"line": number, "item": item}


def ident_of(item: dict[str, Any]) -> str | int | None:
    ident = item.get("id")
    return ident if isinstance(ident, str | int) and not isinstance(ident, bool) else None


def answer_at(number: int, ident: object, body: dict[str, Any]) -> Answer:
    """A line's answer: its number, its `id` when it gave one, then the body."""
    head: Answer = {"line": number}
    if ident is not None:
        head["id"] = ident
    return head | body


def write_answers(answers: Iterator[Answer]) -> None:
    out = sys.stdout
    for answer in answers:
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
    out.flush()


def run(source: str, answer: Callable[[bytes, int], Answer]) -> None:
    """Answer every line of `source` in order."""
    lines = lines_of(source)
    write_answers(answer(raw, number) for number, raw in enumerate(lines, start=1))
