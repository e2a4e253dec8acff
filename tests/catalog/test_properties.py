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


# Words the reflection lexicon knows, so that drawn texts also point to themes.
THEME_WORDS = st.sampled_from(
    ["I", "love", "to", "and", "my", "fix", "bikes", "repair", "engines", "played", "teacher",
     "stuffed", "animals", "designed", "word", "games", "crossword", "puzzles", "pickup",
     "basketball"]
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=500), st.lists(THEME_WORDS, max_size=40).map(" ".join)))
def test_any_reflection_is_read_or_refused_as_empty(text: str) -> None:
    try:
        reading = read_reflection(text, CATALOG)
    except InvalidInput:
        assert not text.strip()
        return
    scores = list(reading.profile.scores.values())
    assert all(0.0 <= score <= 1.0 for score in scores)
    assert max(scores) in {0.0, 1.0}  # the strongest theme, when there is one, scores one
