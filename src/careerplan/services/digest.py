"""The e-mail digest: the next review, goals at risk, and what falls due in the coming week
(goals, actions, repeats and the follow-ups of open applications), with what the people the plan
is shared with said lately, composed as a message (plain
text and simple HTML) and sent through the configured SMTP server."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from careerplan.domain.entities import Goal, GoalStatus, Vision
from careerplan.domain.errors import Hint, InvalidInput, Remedy
from careerplan.domain.follow_ups import follow_up_text, follow_ups_due
from careerplan.domain.sharing import Comment
from careerplan.services.actions import describe
from careerplan.services.clock import Clock
from careerplan.services.review_status import PlanStatus, plan_status

if TYPE_CHECKING:
    from email.message import EmailMessage

    from careerplan.config import SmtpSettings
    from careerplan.storage.unit_of_work import UnitOfWork

WEEK = 7


@dataclass(frozen=True, slots=True)
class Due:
    on: date
    kind: str  # goal, action, repeat or application (its follow-up)
    text: str
    overdue: bool = False


@dataclass
class Digest:
    today: date
    name: str
    vision: Vision | None
    status: PlanStatus
    due: list[Due] = field(default_factory=list)
    # What the people the plan is shared with said lately, one line each.
    comments: list[str] = field(default_factory=list)
    # Changes an editor proposed that wait for the owner's answer.
    proposals_waiting: int = 0

    @property
    def week_end(self) -> date:
        return self.today + timedelta(days=WEEK - 1)


def build_digest(
    uow: UnitOfWork,
    clock: Clock,
    comments: Sequence[Comment] = (),
    proposals_waiting: int = 0,
) -> Digest:
    """What the digest says: the plan's status, what is due from today for a week, the
    `comments` others left on the plan (already chosen by the caller, newest last), and how
    many proposed changes wait for an answer."""
    today = clock.today()
    last = today + timedelta(days=WEEK - 1)
    profile = uow.profiles.get()
    digest = Digest(
        today, profile.name if profile else "", uow.visions.get(), plan_status(uow, today)
    )
    goals = uow.goals.all()
    active = {g.id for g in goals if g.status is GoalStatus.ACTIVE}
    for goal in goals:
        if goal.id in active and goal.due is not None and goal.due <= last:
            digest.due.append(Due(goal.due, "goal", goal.text, goal.due < today))
    for action in uow.actions.all():
        if action.done or action.goal_id not in active:
            continue
        if action.repeat:
            state = describe(action, today).state
            if state is None:
                continue
            if state.current is not None and not state.done_this_time:
                digest.due.append(Due(today, "repeat", action.text))
            elif state.next is not None and state.next <= last:
                digest.due.append(Due(state.next, "repeat", action.text))
        elif action.due is not None and action.due <= last:
            digest.due.append(Due(action.due, "action", action.text, action.due < today))
    for application in follow_ups_due(uow.applications.follow_ups(last), last):
        assert application.follow_up is not None
        on = application.follow_up
        digest.due.append(Due(on, "application", follow_up_text(application), on < today))
    digest.due.sort(key=lambda item: (item.on, item.kind, item.text))
    digest.comments = _comment_lines(uow, goals, comments)
    digest.proposals_waiting = proposals_waiting
    return digest


def _comment_lines(uow: UnitOfWork, goals: list[Goal], comments: Sequence[Comment]) -> list[str]:
    if not comments:
        return []
    names: dict[tuple[str, int], str] = {("goal", g.id): g.text for g in goals if g.id}
    names |= {("action", a.id): a.text for a in uow.actions.all() if a.id}
    names |= {
        ("review", r.id): f"the review of {r.held_on.isoformat()}"
        for r in uow.reviews.all()
        if r.id
    }
    lines = []
    for comment in comments:
        on = names.get(
            (comment.kind.value, comment.subject_id), f"{comment.kind} {comment.subject_id}"
        )
        lines.append(f"{comment.author} on “{on}” ({_day(comment.at.date())}): {comment.text}")
    return lines


def _day(value: date) -> str:
    return value.strftime("%a %-d %b %Y")


def _lines(digest: Digest) -> list[tuple[str, list[str]]]:
    """The digest as sections of plain lines; the text and HTML parts both come from these."""
    status = digest.status
    head: list[str] = []
    if digest.vision is not None:
        target = digest.vision.target_date
        head.append(
            f"Dream job: {digest.vision.dream_job_title}"
            + (f" by {target.isoformat()}" if target else "")
        )
    head.append(f"Plan status: {status.plan.value}")
    cadence = status.preferences.review_cadence.value
    if status.review_due:
        head.append(
            f"Review due since {_day(status.next_review)} ({cadence}): open the review page, "
            "or run careerplan review on the command line."
        )
    else:
        head.append(f"Next review: {_day(status.next_review)} ({cadence})")
    attention = [
        f"{goal.text} — {standing.standing.value} ({standing.reason})"
        for goal, standing in status.attention
    ] or ["None: every goal with a due date is on track."]
    coming = [
        ("Overdue since " if item.overdue else "") + f"{_day(item.on)}: {item.kind} — {item.text}"
        for item in digest.due
    ] or ["Nothing falls due this week."]
    window = f"{_day(digest.today)} to {_day(digest.week_end)}"
    sections = [
        ("", head),
        ("Goals at risk or behind", attention),
        (f"Due in the coming week ({window})", coming),
    ]
    if digest.comments:
        sections.append(("New comments from the people you share your plan with", digest.comments))
    if digest.proposals_waiting:
        count = digest.proposals_waiting
        sections.append(
            (
                "Changes proposed to your plan",
                [
                    f"{count} change{'s' if count != 1 else ''} proposed by the people you share "
                    f"your plan with wait{'s' if count == 1 else ''} for your answer, on the "
                    "Proposals page (linked from Sharing)."
                ],
            )
        )
    return sections


def subject(digest: Digest) -> str:
    status = digest.status
    count = len(status.attention)
    review = "review due" if status.review_due else f"next review {_day(status.next_review)}"
    return f"careerplan: {count} goal{'s' if count != 1 else ''} at risk or behind, {review}"


def as_text(digest: Digest) -> str:
    greeting = f"Hello {digest.name}," if digest.name else "Hello,"
    out = [greeting, f"here is your careerplan digest for {_day(digest.today)}.", ""]
    for title, lines in _lines(digest):
        if title:
            out.append(title)
        out.extend(f"- {line}" if title else line for line in lines)
        out.append("")
    return "\n".join(out)


def as_html(digest: Digest) -> str:
    from html import escape

    greeting = f"Hello {escape(digest.name)}," if digest.name else "Hello,"
    parts = [
        '<!doctype html><html><body style="font-family: sans-serif">',
        f"<p>{greeting}<br>here is your careerplan digest for {_day(digest.today)}.</p>",
    ]
    for title, lines in _lines(digest):
        if title:
            parts.append(f"<h2>{escape(title)}</h2>")
            parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
        else:
            parts.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def compose(digest: Digest, to: str, sender: str, clock: Clock) -> EmailMessage:
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    message = EmailMessage()
    message["Subject"] = subject(digest)
    message["From"] = sender
    message["To"] = to
    message["Date"] = format_datetime(clock.now())
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "careerplan.invalid")
    # RFC 3834: automatic mail, so vacation responders do not answer it.
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(as_text(digest))
    message.add_alternative(as_html(digest), subtype="html")
    return message


def digest_message(
    uow: UnitOfWork,
    clock: Clock,
    smtp: SmtpSettings,
    to: str | None = None,
    comments: Sequence[Comment] = (),
    proposals_waiting: int = 0,
) -> EmailMessage:
    """The digest ready to send: to `to`, else to the address in the review settings."""
    from careerplan.services.mail import check_ready, sender_for
    from careerplan.services.reviews import clean_email

    address = clean_email(to) if to is not None else uow.preferences.get().digest_email
    if not address:
        raise InvalidInput(
            "No address to send the digest to.", field="to", hint=Hint(Remedy.SET_DIGEST_ADDRESS)
        )
    check_ready(smtp)
    digest = build_digest(uow, clock, comments, proposals_waiting)
    return compose(digest, address, sender_for(smtp), clock)
