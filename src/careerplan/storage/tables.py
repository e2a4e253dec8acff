"""The tables. Every row carries `owner_id`, so a multi-user server needs no data migration.

Every foreign-key column leads an index: deleting a row makes the database look up the rows that
point at it, and without an index that lookup reads the whole table, once per deleted row."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Stable constraint names so migrations read the same on SQLite and PostgreSQL.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _owner() -> Column[int]:
    return Column(
        "owner_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )


def _calendar_uid() -> Column[str]:
    # A uuid4 that stays with the record through backups and restores (its calendar UID).
    # Nullable only because SQLite cannot tighten a column without copying the table (see
    # migration 0005); the repositories give every row one.
    return Column("uid", String(36), nullable=True)


users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Goes up with every change to the person's plan, so pages can be cached until it moves.
    Column("plan_revision", Integer, nullable=False, server_default="0"),
    # Accounts (a server with CAREERPLAN_ACCOUNTS on): the username is the e-mail address, and
    # the local person of a single-user install has no password and cannot sign in.
    Column("password_hash", String(200), nullable=True),
    Column("is_admin", Boolean, nullable=False, server_default="0"),
    Column("disabled_at", DateTime(timezone=True), nullable=True),
    # Two-factor sign-in: the TOTP secret once confirmed (base32), None while it is off.
    Column("totp_secret", String(64), nullable=True),
    # The last time step whose code was taken: a code is good once (RFC 6238, section 5.2).
    Column("totp_last_step", Integer, nullable=True),
)


def _user() -> Column[int]:
    return Column(
        "user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )


# Who is signed in. Only a hash of the cookie's token is kept, so a copy of the database opens
# no session; each row ends when idle too long or too old (domain/accounts.py says how long).
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    _user(),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    # Signed in with the password, waiting for the two-factor code: opens nothing yet.
    Column("pending_second_factor", Boolean, nullable=False, server_default="0"),
    # Sign-in clears out ended sessions; without these it would read every session to find them.
    Index("ix_web_sessions_last_seen_at", "last_seen_at"),
    Index("ix_web_sessions_created_at", "created_at"),
)

# Tokens for scripts (`Authorization: Bearer`), stored hashed, shown once when made.
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    _user(),
    Column("label", String(100), nullable=False, server_default=""),
    Column("read_only", Boolean, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True), nullable=True),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

# Failed sign-ins, by account and by address, for the rate limit. In the database rather than
# in a process, so several workers count the same failures.
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_failures_subject_at", "subject", "at"),
)

# Links to choose a new password, sent by e-mail: a hash of each, good for an hour and once.
password_resets = Table(
    "password_resets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    _user(),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)

# Secrets every server process must share (the key that seals a backup between its preview and
# its confirm): made once, by whichever process asks first, and read by the rest.
server_secrets = Table(
    "server_secrets",
    metadata,
    Column("name", String(50), primary_key=True),
    Column("value", String(100), nullable=False),
)

# One-time codes that stand in for the authenticator when it is lost (hashed, used once).
recovery_codes = Table(
    "recovery_codes",
    metadata,
    Column("id", Integer, primary_key=True),
    _user(),
    Column("code_hash", String(64), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)

profiles = Table(
    "profiles",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("name", String(200), nullable=False),
    Column("current_job_title", String(200), nullable=False, default=""),
    Column("current_occupation_code", String(20), nullable=True),
    Column("hours_per_week", Float, nullable=False, default=3.0),
    Column("version", Integer, nullable=False, default=1),
    Column("education", String(40), nullable=True),
    Column("education_field", String(200), nullable=False, default="", server_default=""),
    UniqueConstraint("owner_id", name="uq_profiles_owner_id"),
)

visions = Table(
    "visions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("dream_job_title", String(200), nullable=False),
    Column("dream_occupation_code", String(20), nullable=True),
    Column("industry", String(200), nullable=False, default=""),
    Column("organisation_type", String(200), nullable=False, default=""),
    Column("culture", Text, nullable=False, default=""),
    Column("location", String(200), nullable=False, default=""),
    Column("life_difference", Text, nullable=False, default=""),
    Column("workplace", Text, nullable=False, default=""),
    Column("dress", Text, nullable=False, default=""),
    Column("daily_work", Text, nullable=False, default=""),
    Column("feelings", Text, nullable=False, default=""),
    Column("success_definition", Text, nullable=False, default=""),
    Column("target_date", Date, nullable=True),
    Column("commitment", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
    # What the person is looking for, for the card their network sees (issue 13).
    Column("target_roles", Text, nullable=False, default="", server_default=""),
    Column("organisation_size", String(200), nullable=False, default="", server_default=""),
    Column("pay_range", String(200), nullable=False, default="", server_default=""),
    UniqueConstraint("owner_id", name="uq_visions_owner_id"),
)

goals = Table(
    "goals",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    # Indexed on its own (migration 0006): deleting a goal looks up the goals under it, and
    # (owner_id, parent_id) below cannot serve that lookup, so without it every delete of a
    # goal read the whole table and emptying a plan took time quadratic in its size.
    Column(
        "parent_id",
        Integer,
        ForeignKey("goals.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    Column("text", Text, nullable=False),
    Column("horizon", String(8), nullable=True),
    Column("category", String(20), nullable=False, default="other"),
    Column("measure_metric", String(200), nullable=True),
    Column("measure_unit", String(50), nullable=True),
    Column("measure_baseline", Float, nullable=True),
    Column("measure_target", Float, nullable=True),
    Column("measure_current", Float, nullable=True),
    Column("due", Date, nullable=True),
    Column("repeat", String(500), nullable=True),
    Column("status", String(10), nullable=False, default="active"),
    Column("smart_report", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    _calendar_uid(),
    CheckConstraint("status IN ('active', 'done', 'dropped')", name="status"),
    Index("ix_goals_owner_parent", "owner_id", "parent_id"),
    Index("uq_goals_owner_uid", "owner_id", "uid", unique=True),
)

actions = Table(
    "actions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column(
        "goal_id", Integer, ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("text", Text, nullable=False),
    Column("due", Date, nullable=True),
    Column("repeat", String(500), nullable=True),
    Column("done", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    _calendar_uid(),
    Index("uq_actions_owner_uid", "owner_id", "uid", unique=True),
)

action_completions = Table(
    "action_completions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column(
        "action_id",
        Integer,
        ForeignKey("actions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("done_on", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
)

resources = Table(
    "resources",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("kind", String(20), nullable=False),
    Column("name", String(200), nullable=False),
    Column("contact", String(500), nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
)

resource_links = Table(
    "resource_links",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column(
        "resource_id",
        Integer,
        ForeignKey("resources.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # Indexed (migration 0006) so deleting a goal or an action finds its links without reading
    # every link; the unique constraint below leads with resource_id and cannot.
    Column(
        "goal_id", Integer, ForeignKey("goals.id", ondelete="CASCADE"), nullable=True, index=True
    ),
    Column(
        "action_id",
        Integer,
        ForeignKey("actions.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    CheckConstraint("(goal_id IS NULL) <> (action_id IS NULL)", name="links_exactly_one_target"),
    UniqueConstraint("resource_id", "goal_id", "action_id", name="uq_resource_links_target"),
)

checkins = Table(
    "checkins",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column(
        "goal_id", Integer, ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("on_date", Date, nullable=False),
    Column("value", Float, nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("confidence", Integer, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("confidence IS NULL OR (confidence BETWEEN 1 AND 5)", name="confidence"),
)

explorations = Table(
    "explorations",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    # One digit per Interest Profiler item, 1-5, and 0 for an item not answered yet.
    Column("answers", String(60), nullable=False),
    Column("reflection", Text, nullable=False, default=""),
    Column("job_zone", Integer, nullable=True),
    Column("interest_field", String(200), nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    UniqueConstraint("owner_id", name="uq_explorations_owner_id"),
    CheckConstraint("job_zone IS NULL OR (job_zone BETWEEN 1 AND 5)", name="job_zone"),
)

# Issue 6: the rhythm a person keeps their plan alive with, and how their calendar finds it.
preferences = Table(
    "preferences",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("review_cadence", String(10), nullable=False, default="weekly"),
    # 0 is Monday, as in Python's date.weekday().
    Column("review_weekday", Integer, nullable=False, default=6),
    # How many days before a deadline or review the calendar's alarm rings.
    Column("reminder_days", Integer, nullable=False, default=1),
    # The secret in the calendar feed's address; NULL until the person turns the feed on.
    Column("calendar_token", String(64), nullable=True, unique=True),
    Column("digest_email", String(320), nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
    UniqueConstraint("owner_id", name="uq_preferences_owner_id"),
    CheckConstraint("review_cadence IN ('weekly', 'monthly', 'quarterly')", name="review_cadence"),
    CheckConstraint("review_weekday BETWEEN 0 AND 6", name="review_weekday"),
    CheckConstraint("reminder_days BETWEEN 0 AND 30", name="reminder_days"),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("held_on", Date, nullable=False),
    Column("cadence", String(10), nullable=False),
    Column("went_well", Text, nullable=False, default=""),
    Column("got_in_the_way", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("cadence IN ('weekly', 'monthly', 'quarterly')", name="cadence"),
)

review_entries = Table(
    "review_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column(
        "review_id",
        Integer,
        ForeignKey("reviews.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "goal_id", Integer, ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    # The person's own estimate, 0-100 per cent, for goals without a measure.
    Column("progress", Float, nullable=True),
    Column("confidence", Integer, nullable=True),
    Column("decision", String(10), nullable=False, default="keep"),
    Column("note", Text, nullable=False, default=""),
    CheckConstraint("progress IS NULL OR (progress BETWEEN 0 AND 100)", name="progress"),
    CheckConstraint("confidence IS NULL OR (confidence BETWEEN 1 AND 5)", name="confidence"),
    CheckConstraint("decision IN ('keep', 'adjust', 'drop', 'done')", name="decision"),
)

# Which proposed goals the person accepted, so a proposal is never offered (or added) twice.
proposal_acceptances = Table(
    "proposal_acceptances",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("proposal_key", String(120), nullable=False),
    Column(
        "goal_id", Integer, ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("accepted_on", Date, nullable=False),
    UniqueConstraint("owner_id", "proposal_key", name="uq_proposal_acceptances_key"),
)

# Issue 13: the job search. The person's own skills, each with what shows it.
skills = Table(
    "skills",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("label", String(200), nullable=False),
    # O*NET's 0-7 level scale; NULL until the person says.
    Column("level", Integer, nullable=True),
    Column("evidence", String(10), nullable=False, default="said"),
    Column("shown_by", Text, nullable=False, default=""),
    Column("noted_on", Date, nullable=False),
    Column("confirmed", Boolean, nullable=False, default=False),
    Column("uri", String(200), nullable=True),
    # An O*NET skill, knowledge area or work activity, by name: the gap to the dream job reads it.
    Column("element", String(200), nullable=True),
    Column("version", Integer, nullable=False, default=1),
    CheckConstraint("level IS NULL OR (level BETWEEN 0 AND 7)", name="level"),
    CheckConstraint("evidence IN ('resume', 'goal', 'job', 'said')", name="evidence"),
    Index("uq_skills_owner_label", "owner_id", "label", unique=True),
)

# Every résumé imported, kept whole: an application records the one that was sent.
resumes = Table(
    "resumes",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("name", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)

applications = Table(
    "applications",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("title", String(200), nullable=False),
    Column("organisation", String(200), nullable=False, default=""),
    # The posting as it was when saved: postings vanish from the web.
    Column("posting", Text, nullable=False, default=""),
    Column("occupation_code", String(20), nullable=True),
    Column(
        "resume_id",
        Integer,
        ForeignKey("resumes.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    Column("stage", String(20), nullable=False, default="saved"),
    Column("follow_up", Date, nullable=True),
    Column("notes", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    _calendar_uid(),
    CheckConstraint(
        "stage IN ('saved', 'applied', 'no-response', 'response', 'interviewing', 'offer', "
        "'accepted', 'rejected', 'withdrawn', 'expired')",
        name="stage",
    ),
    Index("uq_applications_owner_uid", "owner_id", "uid", unique=True),
)

# Each application's stages, dated, oldest first (by id).
application_stages = Table(
    "application_stages",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column(
        "application_id",
        Integer,
        ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("stage", String(20), nullable=False),
    Column("on_date", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
)

# The people (resources of kind person) an application went through.
application_contacts = Table(
    "application_contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column(
        "application_id",
        Integer,
        ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "resource_id",
        Integer,
        ForeignKey("resources.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    UniqueConstraint("application_id", "resource_id", name="uq_application_contacts_pair"),
)


# Sharing a plan: a coach, a mentor or a manager the owner invites. An invitation is a row with
# `member_id` empty and a hashed one-time code; accepting it names the member and spends the code.
shares = Table(
    "shares",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("member_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True),
    Column("role", String(20), nullable=False),
    Column("invited_email", String(100), nullable=False, server_default=""),
    Column("invite_hash", String(64), nullable=True, unique=True),
    Column("invite_expires_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("accepted_at", DateTime(timezone=True), nullable=True),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    CheckConstraint("role IN ('viewer', 'commenter', 'editor')", name="role"),
)

# A read-only address for the plan, for someone with no account (made, given an expiry, revoked).
share_links = Table(
    "share_links",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=True),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

# Goals the owner keeps to themself: hidden, with everything under them, from everyone they
# share with. Keyed by the goal's uid, which a backup and restore keep, where ids change.
private_goals = Table(
    "private_goals",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("goal_uid", String(36), nullable=False),
    UniqueConstraint("owner_id", "goal_uid", name="uq_private_goals_owner_uid"),
)

# Comment threads on a goal, an action or a review, by the owner or someone they share with.
comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("author_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True),
    Column("subject_kind", String(10), nullable=False),
    Column("subject_id", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("subject_kind IN ('goal', 'action', 'review')", name="subject_kind"),
    Index("ix_comments_subject", "owner_id", "subject_kind", "subject_id"),
)

# Who saw or changed what in a plan, and when: the owner reads it on the sharing page.
audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("actor_id", Integer, ForeignKey("users.id", ondelete="SET NULL"), index=True),
    Column("actor", String(100), nullable=False),
    Column("action", String(30), nullable=False),
    Column("subject", String(200), nullable=False, server_default=""),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_audit_events_owner_at", "owner_id", "at"),
)

# Changes an editor proposes to a plan shared with them: new wording or a due date for a goal,
# or a new action under it, with the goal as they saw it. The plan changes only when its owner
# accepts. A deleted goal leaves its proposals, pointing nowhere, for the owner to decline.
change_proposals = Table(
    "change_proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column(
        "author_id",
        Integer,
        ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("goal_id", Integer, ForeignKey("goals.id", ondelete="SET NULL"), index=True),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False, server_default=""),
    Column("due", Date, nullable=True),
    Column("goal_text", Text, nullable=False),
    Column("goal_due", Date, nullable=True),
    Column("status", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    CheckConstraint("kind IN ('edit_goal', 'add_action')", name="kind"),
    CheckConstraint("status IN ('pending', 'accepted', 'declined', 'withdrawn')", name="status"),
)
