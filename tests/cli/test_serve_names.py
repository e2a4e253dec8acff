"""`careerplan serve --host NAME` answers to that name as well as the loopback names; on every
interface it answers to the configured names only."""

from __future__ import annotations

import pytest

from careerplan.cli.serve import _answer_to
from careerplan.config import Settings


@pytest.mark.parametrize(
    ("configured", "host", "names"),
    [
        (None, "127.0.0.1", ("127.0.0.1",)),
        (None, "plan.example.org", ("plan.example.org",)),
        ("coach.example.org", "[fd00::5]", ("coach.example.org", "fd00::5")),
        (None, "0.0.0.0", ()),
        ("coach.example.org", "::", ("coach.example.org",)),
    ],
)
def test_the_address_served_on_is_a_name_the_application_answers_to(
    monkeypatch: pytest.MonkeyPatch, configured: str | None, host: str, names: tuple[str, ...]
) -> None:
    if configured is None:
        monkeypatch.delenv("CAREERPLAN_ALLOWED_HOSTS", raising=False)
    else:
        monkeypatch.setenv("CAREERPLAN_ALLOWED_HOSTS", configured)
    _answer_to(host)
    assert Settings.from_env().allowed_hosts == names
