"""Whatever people type, search and reflection answer or refuse cleanly, never crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from careerplan.catalog import open_catalog, read_reflection, search_titles
from careerplan.domain.errors import InvalidInput

CATALOG = open_catalog()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_title_text_gives_ranked_matches_or_none(text: str) -> None:
    hits = search_titles(text, limit=5, catalog=CATALOG)
    assert len(hits) <= 5
    assert all(0.4 <= hit.score <= 1.0 for hit in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_any_reflection_is_read_or_refused_as_empty(text: str) -> None:
    try:
        reading = read_reflection(text, CATALOG)
    except InvalidInput:
        assert not text.strip()
        return
    assert all(0.0 <= score <= 1.0 for score in reading.profile.scores.values())
