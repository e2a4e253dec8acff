"""The problem responses each kind of endpoint can give, for the OpenAPI description."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

Responses = dict[int | str, dict[str, Any]]


class Hint(BaseModel):
    """What to do about a refusal, for a script to act on: `remedy` names it, `subject` is the
    occupation code or id it concerns, `text` says it in words."""

    remedy: str
    subject: str
    text: str


class Problem(BaseModel):
    """RFC 9457 problem details; a validation problem adds `errors`, a stale edit
    `current_version`, a refusal of the plan the `field` it concerns and a `hint`."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    field: str | None = None
    hint: Hint | None = None


def problem_response(description: str) -> dict[str, Any]:
    return {
        "model": Problem,
        "description": description,
        "content": {"application/problem+json": {}},
    }


INVALID: Responses = {422: problem_response("The input is not valid; `errors` says where.")}
NOT_FOUND: Responses = {404: problem_response("There is no such record.")}
# Any body past the server's limit (1 MiB; 16 MiB where a whole file comes in) is refused before
# it is read.
BAD_BODY: Responses = {
    400: problem_response("The body is not JSON."),
    413: problem_response("The body is over the server's limit."),
}
WRITE: Responses = BAD_BODY | {
    403: problem_response("A browser sent it from another site."),
    409: problem_response("A stale version (`current_version` is the latest) or a refused change."),
}
REFUSED: Responses = {409: WRITE[409]}
READ_ONE: Responses = NOT_FOUND
WRITE_ONE: Responses = WRITE | NOT_FOUND
