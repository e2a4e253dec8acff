"""A chart's axis marks: few, round, and covering what the chart shows."""

from __future__ import annotations

import math
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from careerplan.web.charts import axis_marks

# Numbers as a measure holds them: within the checked bounds, to a millionth (not the subnormal
# floats no one types, whose quotients underflow to zero).
VALUES = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda v: round(v, 6))


@given(VALUES, VALUES)
def test_the_marks_are_few_evenly_spaced_and_cover_the_values(a: float, b: float) -> None:
    low, high = min(a, b), max(a, b)
    marks = axis_marks(low, high)
    assert 2 <= len(marks) <= 6
    assert marks[0] <= low
    assert marks[-1] >= high
    steps = [later - earlier for earlier, later in pairwise(marks)]
    step = steps[0]
    # Equal up to the spacing of floats as large as the marks.
    grain = 1e-9 * max(1.0, abs(marks[0]), abs(marks[-1]))
    assert all(math.isclose(s, step, abs_tol=grain) for s in steps)
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m, rel_tol=1e-3) for m in (1, 2, 5))


def test_a_count_from_0_to_12_is_marked_every_5() -> None:
    assert axis_marks(0, 12) == [0, 5, 10, 15]
