"""The Markdown export, read back with markdown-it-py: its headings and lists, and person-written
text that can never change the document's structure."""

from __future__ import annotations

from dataclasses import replace

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from careerplan.exports.markdown import render
from tests.exports import plans


def tokens(snapshot: plans.PlanSnapshot) -> list[Token]:
    return MarkdownIt().parse(render(snapshot).decode("utf-8"))


def headings(found: list[Token]) -> list[tuple[str, str]]:
    """(tag, text) of every heading, in order."""
    return [
        (token.tag, found[index + 1].content)
        for index, token in enumerate(found)
        if token.type == "heading_open"
    ]


def plain_text(inline: Token) -> str:
    """The inline token's text, refusing anything but text: no emphasis, link, code or HTML."""
    kinds = {child.type for child in inline.children or []}
    assert kinds <= {"text", "softbreak"}, kinds
    return "".join(
        "\n" if child.type == "softbreak" else child.content for child in inline.children or []
    )


def list_items(found: list[Token], after_heading: str) -> list[str]:
    """The texts of the first bullet list after the heading `after_heading`."""
    start = next(
        i
        for i, token in enumerate(found)
        if token.type == "inline" and token.content == after_heading
    )
    items, depth = [], 0
    for token in found[start:]:
        if token.type == "bullet_list_open":
            depth += 1
        elif token.type == "bullet_list_close":
            return items
        elif token.type == "inline" and depth:
            items.append(token.content)
    raise AssertionError("no list")


def test_the_plan_has_the_vision_profile_goals_by_horizon_resources_and_reviews() -> None:
    assert headings(tokens(plans.ana())) == [
        ("h1", "Career plan of Ana"),
        ("h2", "Vision"),
        ("h3", "Once you have this job, how is your life different?"),
        ("h3", "How do you feel?"),
        ("h3", "Commitment"),
        ("h2", "Profile"),
        ("h2", "Goals"),
        ("h3", "The dream job (long term)"),
        ("h4", "COO of a high-tech startup"),
        ("h3", "In 2 years"),
        ("h4", "Obtain a management position leading a team of at least 5 people"),
        ("h3", "In 12 months"),
        ("h4", "Complete my PMP certification within the next 12 months"),
        ("h3", "In 6 months"),
        ("h4", "Pass the PMP practice exam with 80% by May 2027"),
        ("h3", "Other goals"),
        ("h4", "Learn Spanish"),
        ("h2", "Resources"),
        ("h3", "People"),
        ("h3", "Courses and online tools"),
        ("h2", "Recent reviews"),
        ("h3", "22 Nov 2026 (weekly review)"),
    ]


def test_each_goal_lists_its_smart_letters_due_date_measure_status_and_what_it_serves() -> None:
    found = tokens(plans.ana())
    assert list_items(
        found, "Obtain a management position leading a team of at least 5 people"
    ) == [
        "S.M.A.R.T.: SMA?t",
        "Due: 25 Nov 2028",
        "Measure: people led: from 0 to 5 people, now 2",
        "Status: active, 20% done",  # 2 of 5 people, and the PMP goal under it not started
        "Towards: COO of a high-tech startup",
    ]
    assert list_items(found, "Learn Spanish") == [
        "S.M.A.R.T.: SmA?t",  # the stored verdict: nothing to count, no time frame
        "Due: 1 Jun 2027",
        "Status: dropped",
    ]


def test_actions_show_their_repeat_in_words_their_due_date_and_whether_they_are_done() -> None:
    found = tokens(plans.ana())
    assert list_items(found, "Actions:")[:1] == [
        "[ ] Attend one industry networking event (repeats every month)"
    ]
    six_months = list_items(found, "Pass the PMP practice exam with 80% by May 2027")
    assert six_months[0].startswith("S.M.A.R.T.: ")
    text = render(plans.ana()).decode()
    assert "- [ ] Book the practice exam (due 1 Mar 2027)" in text
    assert "- [x] Buy the PMP guide (due 20 Nov 2026)" in text
    assert "- [ ] Study two chapters (repeats every week on Saturday)" in text


def test_resources_say_what_they_help_with() -> None:
    found = tokens(plans.ana())
    assert list_items(found, "People") == [
        "**Maria Lopez** — maria@example.com — COO at a fintech; met at a meetup — for goal: "
        "Obtain a management position leading a team of at least 5 people; action: Attend one "
        "industry networking event"
    ]
    assert list_items(found, "Recent reviews") == [
        "Went well: Two chapters done",
        "Got in the way: Travel",
        "Complete my PMP certification within the next 12 months: keep, 20%, confidence 4/5",
    ]


def test_a_goal_under_a_goal_of_the_same_horizon_is_a_deeper_heading() -> None:
    snapshot = plans.ana()
    snapshot.goals += [
        plans.goal(6, "Lead the Q1 launch review", plans.Horizon.SIX_MONTHS, 4),
        plans.goal(7, "Write the review agenda", plans.Horizon.SIX_MONTHS, 6),
        plans.goal(8, "Book the room", plans.Horizon.SIX_MONTHS, 7),
    ]
    found = headings(tokens(snapshot))
    start = found.index(("h3", "In 6 months"))
    assert found[start + 1 : start + 5] == [
        ("h4", "Pass the PMP practice exam with 80% by May 2027"),
        ("h5", "Lead the Q1 launch review"),
        ("h6", "Write the review agenda"),
        ("h6", "Book the room"),  # no deeper heading exists: it names its parent instead
    ]
    assert "Towards: Write the review agenda" in list_items(tokens(snapshot), "Book the room")


HOSTILE = [
    "# hi *x* [a](b)",
    "1. not a list",
    "2) nor this",
    "- not a bullet",
    "+ nor this",
    "* nor this",
    "---",
    "===",
    "> not a quote",
    "<script>alert(1)</script>",
    "<http://example.com>",
    "`code` and ```fences```",
    "~~~",
    "[ref]: http://example.com/evil",
    "![image](http://example.com/x.png)",
    "**bold** __bold__ _em_",
    "back\\slash at the end\\",
    "&amp; &copy; &#35;",
    "| a | b |",
    "trailing hashes ##",
    "Führungsrolle übernehmen — 管理 😀",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_goal_text_cannot_change_the_documents_structure(text: str) -> None:
    def plan_with(goal_text: str) -> list[Token]:
        return tokens(plans.ana(goals=[plans.goal(1, goal_text, None)], actions=[]))

    found, plain = plan_with(text), plan_with("plain")
    assert [t.type for t in found] == [t.type for t in plain]
    goal_heading = next(i for i, t in enumerate(found) if t.tag == "h4")
    assert plain_text(found[goal_heading + 1]) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_a_vision_answer_is_shown_as_written_in_one_paragraph(text: str) -> None:
    snapshot = plans.ana()
    assert snapshot.vision is not None
    snapshot.vision = replace(snapshot.vision, feelings=text)
    found = tokens(snapshot)
    at = next(i for i, t in enumerate(found) if t.content == "How do you feel?")
    assert [t.type for t in found[at + 2 : at + 5]] == [
        "paragraph_open",
        "inline",
        "paragraph_close",
    ]
    assert plain_text(found[at + 3]) == text


def test_lines_and_paragraphs_of_an_answer_are_kept_and_stray_spaces_dropped() -> None:
    snapshot = plans.ana()
    assert snapshot.vision is not None
    snapshot.vision = replace(
        snapshot.vision, feelings="   indented line\n- second line  \n\n\n\n1. second paragraph"
    )
    found = tokens(snapshot)
    at = next(i for i, t in enumerate(found) if t.content == "How do you feel?")
    assert plain_text(found[at + 3]) == "indented line\n- second line"
    assert plain_text(found[at + 6]) == "1. second paragraph"


def test_the_commitment_is_a_quote_of_the_persons_words() -> None:
    snapshot = plans.ana()
    assert snapshot.vision is not None
    snapshot.vision = replace(snapshot.vision, commitment="I will *do* it.\n\n# Really.")
    found = tokens(snapshot)
    at = next(i for i, t in enumerate(found) if t.content == "Commitment")
    quote = [t.type for t in found[at + 2 : at + 10]]
    assert quote == [
        "blockquote_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "blockquote_close",
    ]
    assert plain_text(found[at + 4]) == "I will *do* it."
    assert plain_text(found[at + 7]) == "# Really."


def test_a_huge_answer_survives_whole() -> None:
    snapshot = plans.ana()
    assert snapshot.vision is not None
    answer = "word " * 2_000
    snapshot.vision = replace(snapshot.vision, feelings=answer)
    found = tokens(snapshot)
    at = next(i for i, t in enumerate(found) if t.content == "How do you feel?")
    assert plain_text(found[at + 3]) == answer.strip()


def test_an_empty_plan_is_a_short_document_that_says_where_to_start() -> None:
    text = render(plans.empty()).decode()
    assert [t.type for t in MarkdownIt().parse(text) if t.type.endswith("_open")] == [
        "heading_open",
        "paragraph_open",
        "paragraph_open",
    ]
    assert text.startswith("# Career plan\n\nExported 25 Nov 2026.\n\nNothing is written down yet.")
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


def test_a_vision_with_no_goals_says_so() -> None:
    found = tokens(plans.ana(goals=[], actions=[], resources=[], reviews=[]))
    assert headings(found)[-1] == ("h2", "Goals")
    assert found[-2].content == "No goals yet."


def test_a_smart_report_from_an_older_version_leaves_the_letters_out() -> None:
    broken = plans.goal(1, "Old goal", None, smart_report={"score": 3})
    found = tokens(plans.ana(goals=[broken], actions=[], resources=[]))
    assert list_items(found, "Old goal") == ["Status: active, 0% done"]
