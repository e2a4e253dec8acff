"""The API refuses the values no plan holds (tests/bad_values.py) with a 4xx problem and the plan
unchanged: never a 500."""

from __future__ import annotations

import json
import math

from fastapi.testclient import TestClient
from hypothesis import given

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from tests.bad_values import HYPOTHESIS, bad_days, bad_ids, bad_numbers, bad_texts, snapshot


@given(day=bad_days, value=bad_numbers, text=bad_texts)
@HYPOTHESIS
def test_the_api_refuses_days_numbers_and_text_out_of_range(
    client: TestClient, story: Workspace, clock: FixedClock, day: str, value: float, text: str
) -> None:
    before = snapshot(story, clock)
    bodies = [
        ("/api/v1/goals", f'{{"text": "Lead", "due": "{day}"}}'),
        ("/api/v1/checkins", f'{{"goal_id": 3, "value": {_json_number(value)}}}'),
        ("/api/v1/goals", json.dumps({"text": text})),
    ]
    for path, body in bodies:
        response = client.post(path, content=body, headers={"content-type": "application/json"})
        assert response.status_code in {400, 422}, (path, body, response.text)
    assert snapshot(story, clock) == before


def _json_number(value: float) -> str:
    """The number as a JSON text: JSON has no infinity or NaN, so those are sent as the
    overflowing literal or the word a lax writer would use."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "1e400" if value > 0 else "-1e400"
    return repr(value)


@given(ident=bad_ids)
@HYPOTHESIS
def test_the_api_says_an_impossible_id_is_not_found(
    client: TestClient, story: Workspace, ident: int
) -> None:
    assert client.get(f"/api/v1/goals/{ident}").status_code == 404
    assert client.get(f"/api/v1/actions/{ident}").status_code == 404
