"""How the command line words a refusal's remedy: the command to run."""

from __future__ import annotations

from careerplan.domain.errors import Advice, CareerplanError, Hint, Remedy

# `{subject}` is the occupation code or goal id the remedy is about; without one, the name of
# the argument stands in for it.
WORDS: dict[Remedy, str] = {
    Remedy.START_PLAN: "Run `careerplan init` to write down your dream job.",
    Remedy.EDIT_VISION: "Change it with `careerplan vision edit`.",
    Remedy.EDIT_EXISTING_PLAN: (
        "Use `careerplan vision edit` to change it, or point CAREERPLAN_DATA_DIR at another "
        "folder to start a separate plan."
    ),
    Remedy.SET_TARGET_DATE: "Set your own with `careerplan vision edit --target-date`.",
    Remedy.CHOOSE_DREAM_JOB: "Choose it with `careerplan explore choose {subject}`.",
    Remedy.SET_CURRENT_JOB: "Set yours with `careerplan explore current CODE`.",
    Remedy.LIST_GOALS: "Run `careerplan goal list` to see your goals.",
    Remedy.LIST_ACTIONS: "Run `careerplan action list` to see your actions.",
    Remedy.LIST_RESOURCES: "Run `careerplan resource list` to see them.",
    Remedy.LIST_REVIEWS: "Run `careerplan review --history` to see your reviews.",
    Remedy.REOPEN_GOAL: (
        "Reopen it with `careerplan goal reopen {subject}`, or choose an active goal."
    ),
    Remedy.SET_MEASURE: (
        "Give it one with `careerplan goal edit {subject} --metric NAME --target N`."
    ),
    Remedy.SEE_PROPOSAL: "Run `careerplan plan propose` to see them, and accept by number or key.",
    Remedy.HOLD_REVIEW: "Run `careerplan review`.",
    Remedy.SET_DIGEST_ADDRESS: (
        "Pass --to ADDRESS, or save one with `careerplan review settings --email ADDRESS`."
    ),
    Remedy.MAKE_BACKUP: "Make one with `careerplan export --format json`.",
    Remedy.CHOOSE_FOR_LATE_GOALS: (
        "Say which: `careerplan plan accept {subject} --late move-target` (or `--late shorten`, "
        "or `--late keep`)."
    ),
    Remedy.RESTORE_ON_SERVER: "Restore it with `careerplan import FILE`.",
    Remedy.CHANGE_SKILL: "Change it with `careerplan skills set {subject}`.",
    Remedy.GIVE_JOB_TITLE: "Give one with `careerplan jobs add FILE --title TITLE`.",
    Remedy.REPLACE_OR_MERGE: (
        "Run `careerplan import FILE --replace` to delete what is there and restore the backup "
        "in its place, or `--merge` to add the backup's goals, actions, resources, check-ins "
        "and reviews beside yours (your profile, vision, exploration and preferences stay). "
        "Add --dry-run to see what either would do."
    ),
}
PLACEHOLDERS = {
    Remedy.CHOOSE_DREAM_JOB: "CODE",
    Remedy.REOPEN_GOAL: "ID",
    Remedy.SET_MEASURE: "ID",
    Remedy.CHOOSE_FOR_LATE_GOALS: "N...",
    Remedy.CHANGE_SKILL: "ID",
}


def remedy_words(hint: Hint) -> str:
    return WORDS[hint.remedy].format(subject=hint.subject or PLACEHOLDERS.get(hint.remedy, ""))


def said(error: CareerplanError | Advice) -> str:
    """The message as the command line shows it: what went wrong, then the command that helps."""
    if error.hint is None:
        return error.what
    return f"{error.what} {remedy_words(error.hint)}"
