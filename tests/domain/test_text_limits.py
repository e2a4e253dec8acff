"""Text is stripped, must not be empty, and has a limit that the refusal names."""

from __future__ import annotations

import pytest

from careerplan.domain.errors import InvalidInput
from careerplan.domain.rules import MAX_TEXT, clean_optional, clean_text


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_text_is_refused_saying_what_to_write(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_text(text)
    assert str(refused.value) == "The goal text is empty. Write what you want to achieve."


def test_the_refusal_names_the_kind_of_text() -> None:
    with pytest.raises(InvalidInput, match=r"^The action text is empty\."):
        clean_text(" ", "action text")


def test_a_100_kb_text_is_refused_naming_its_length_and_the_limit() -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_text("x" * 100_000)
    assert str(refused.value) == (
        "The goal text is 100,000 characters long; the limit is 1,000. "
        "Shorten it, and keep details in a check-in note."
    )


def test_text_at_the_limit_is_kept_and_one_more_character_is_refused() -> None:
    assert clean_text("a" * MAX_TEXT) == "a" * MAX_TEXT
    with pytest.raises(InvalidInput, match="1,001 characters long; the limit is 1,000"):
        clean_text("a" * (MAX_TEXT + 1))


def test_surrounding_space_does_not_count_towards_the_limit() -> None:
    assert clean_text("  " + "a" * MAX_TEXT + "\n") == "a" * MAX_TEXT


@pytest.mark.parametrize(
    "text",
    [
        "Devenir directrice des opérations",
        "成为初创公司的首席运营官",
        "Стать операционным директором",
        "Lead a team 👩‍💼 of 5",
        "قيادة فريق",
    ],
)
def test_unicode_text_is_kept_exactly(text: str) -> None:
    assert clean_text(f"  {text}  ") == text


def test_optional_text_may_be_empty_but_not_over_its_limit() -> None:
    assert clean_optional("   ", "note") == ""
    with pytest.raises(InvalidInput) as refused:
        clean_optional("n" * 10_001, "note")
    assert str(refused.value) == "The note is 10,001 characters long; the limit is 10,000."
