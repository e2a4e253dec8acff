"""Bad values the plan never holds, drawn the same way for every surface (the command line, the
page forms, the API and a restored backup): each surface's tests send these and expect a clear
refusal and the plan unchanged, never an internal error."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from tests.exports.rich_plan import backup_of

# Days no plan holds: before 1900 or after 2999 (as people type them, ISO).
bad_days = st.one_of(
    st.dates(max_value=date(1899, 12, 31)), st.dates(min_value=date(3000, 1, 1))
).map(lambda day: day.isoformat())
# Numbers that are not finite, or past a trillion either way, as text and as floats.
bad_numbers = st.one_of(
    st.sampled_from([math.inf, -math.inf, math.nan]),
    st.floats(min_value=1.000001e12, allow_infinity=False, allow_nan=False),
    st.floats(max_value=-1.000001e12, allow_infinity=False, allow_nan=False),
)
bad_number_texts = st.one_of(
    bad_numbers.map(repr), st.sampled_from(["1e400", "-1e400", "inf", "NaN", "1e13"])
)
# Ids no record can have: past the largest id column (2**31 - 1), up to far past 64 bits.
bad_ids = st.integers(min_value=2**31, max_value=10**30)
# Text with a NUL or a lone surrogate somewhere (a surrogate is what an undecodable byte in a
# command-line argument becomes).
bad_texts = st.builds(
    lambda before, bad, after: f"Lead{before}{bad}{after}",
    st.text(max_size=5),
    st.sampled_from(["\x00", "\ud800", "\udcff", "\udfff"]),
    st.text(max_size=5),
)

HYPOTHESIS = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def snapshot(workspace: Workspace, clock: FixedClock) -> list[str]:
    """The plan as its backup says it, less the moment the backup was made."""
    text = backup_of(workspace, clock).decode()
    return [line for line in text.splitlines() if '"exported_at"' not in line]
