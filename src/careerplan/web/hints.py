"""How the pages and the API word a refusal's remedy: a page and its button for people, a
request for scripts. Neither ever names a command-line command."""

from __future__ import annotations

from careerplan.domain.errors import Advice, CareerplanError, Hint, Remedy

# `{subject}` is the occupation code or goal id the remedy is about, when the error names one;
# `{of_subject}` is " of occupation CODE" (or nothing) for sentences that read without it.
PAGE_WORDS: dict[Remedy, str] = {
    Remedy.START_PLAN: "Start with your dream job on the “Write it down” page.",
    Remedy.EDIT_VISION: "Change it on the “Write it down” page.",
    Remedy.EDIT_EXISTING_PLAN: "Change it on the “Write it down” page.",
    Remedy.SET_TARGET_DATE: "Set your own target date on the “Write it down” page.",
    Remedy.CHOOSE_DREAM_JOB: (
        "Choose it with “Choose as my dream job” on the page{of_subject} under Explore."
    ),
    Remedy.SET_CURRENT_JOB: "Set yours under Explore, on the “Your job today” page.",
    Remedy.LIST_GOALS: "The “Break it down” page lists your goals.",
    Remedy.LIST_ACTIONS: "The “Act” page lists your actions.",
    Remedy.LIST_RESOURCES: "The “Act” page lists who and what can help.",
    Remedy.LIST_REVIEWS: "The review page lists your past reviews.",
    Remedy.REOPEN_GOAL: "Reopen it on the “Break it down” page, or choose an active goal.",
    Remedy.SET_MEASURE: "Give the goal a measure on its page first.",
    Remedy.SEE_PROPOSAL: "Open the proposed plan again to see its goals.",
    Remedy.HOLD_REVIEW: "Open the review page.",
    Remedy.SET_DIGEST_ADDRESS: "Save an address under the review rhythm on the review page.",
    Remedy.MAKE_BACKUP: "Make one with “Download a backup” on the backup page.",
    Remedy.CHOOSE_FOR_LATE_GOALS: (
        "Choose below: move the target date, end them by the target date, or keep them."
    ),
    Remedy.RESTORE_ON_SERVER: (
        "A backup this large can be restored from the command line on the server."
    ),
    Remedy.CHANGE_SKILL: "Change its level on this page instead.",
    Remedy.GIVE_JOB_TITLE: "Give one in the “Job title” field.",
    Remedy.REPLACE_OR_MERGE: (
        "Choose to replace this plan with the backup, or to add the backup to it, and preview "
        "again: nothing changes until you confirm."
    ),
}

API_WORDS: dict[Remedy, str] = {
    Remedy.START_PLAN: "Create it with POST /api/v1/plan.",
    Remedy.EDIT_VISION: "Change it with PATCH /api/v1/vision.",
    Remedy.EDIT_EXISTING_PLAN: "Change it with PATCH /api/v1/vision and /api/v1/profile.",
    Remedy.SET_TARGET_DATE: "Set target_date with PATCH /api/v1/vision.",
    Remedy.CHOOSE_DREAM_JOB: "Set dream_occupation_code{to_subject} with PATCH /api/v1/vision.",
    Remedy.SET_CURRENT_JOB: "Set current_occupation_code with PATCH /api/v1/profile.",
    Remedy.LIST_GOALS: "GET /api/v1/goals lists them.",
    Remedy.LIST_ACTIONS: "GET /api/v1/actions lists them.",
    Remedy.LIST_RESOURCES: "GET /api/v1/resources lists them.",
    Remedy.LIST_REVIEWS: "GET /api/v1/reviews lists them.",
    Remedy.REOPEN_GOAL: 'Reopen it with PATCH /api/v1/goals/{subject} and "status": "active".',
    Remedy.SET_MEASURE: "Give it a metric and a target with PATCH /api/v1/goals/{subject}.",
    Remedy.SEE_PROPOSAL: "GET /api/v1/plan/proposal lists them by number and key.",
    Remedy.HOLD_REVIEW: "Record one with POST /api/v1/reviews.",
    Remedy.SET_DIGEST_ADDRESS: "Save one as digest_email with PATCH /api/v1/reviews/settings.",
    Remedy.MAKE_BACKUP: "Make one with GET /api/v1/backup.",
    Remedy.CHOOSE_FOR_LATE_GOALS: (
        'Send them again with "late": "move-target", "shorten" or "keep".'
    ),
    Remedy.RESTORE_ON_SERVER: (
        "A backup this large can be restored from the command line on the server."
    ),
    Remedy.CHANGE_SKILL: "Change it with PATCH /api/v1/skills/{subject}.",
    Remedy.GIVE_JOB_TITLE: "Send one as `title`.",
    Remedy.REPLACE_OR_MERGE: (
        "Send mode=replace to delete what is there and restore the backup in its place, or "
        "mode=merge to add the backup's goals, actions, resources, check-ins and reviews beside "
        "it; add dry_run=true to see what either would do."
    ),
}


def _worded(words: dict[Remedy, str], hint: Hint) -> str:
    subject = hint.subject or "ID"
    return words[hint.remedy].format(
        subject=subject,
        of_subject=f" of occupation {hint.subject}" if hint.subject else " of the occupation",
        to_subject=f" to {hint.subject}" if hint.subject else "",
    )


def _said(words: dict[Remedy, str], error: CareerplanError | Advice) -> str:
    if error.hint is None:
        return error.what
    return f"{error.what} {_worded(words, error.hint)}"


def for_page(error: CareerplanError | Advice) -> str:
    """The message as a page shows it."""
    return _said(PAGE_WORDS, error)


def for_api(error: CareerplanError | Advice) -> str:
    """The message as the API's problem document gives it."""
    return _said(API_WORDS, error)


def hint_data(hint: Hint | None) -> dict[str, str] | None:
    """The remedy as data, for scripts that act on it rather than read it."""
    if hint is None:
        return None
    return {"remedy": hint.remedy.value, "subject": hint.subject, "text": _worded(API_WORDS, hint)}
