"""the job search: the person's skills, imported résumés, applications with their stages and
contacts, and what the person is looking for (on the vision)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resumes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_resumes_owner_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resumes")),
    )
    with op.batch_alter_table("resumes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resumes_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.String(length=10), nullable=False),
        sa.Column("shown_by", sa.Text(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("uri", sa.String(length=200), nullable=True),
        sa.Column("element", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "evidence IN ('resume', 'goal', 'job', 'said')", name=op.f("ck_skills_evidence")
        ),
        sa.CheckConstraint(
            "level IS NULL OR (level BETWEEN 0 AND 7)", name=op.f("ck_skills_level")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_skills_owner_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skills")),
    )
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skills_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index("uq_skills_owner_label", ["owner_id", "label"], unique=True)

    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("posting", sa.Text(), nullable=False),
        sa.Column("occupation_code", sa.String(length=20), nullable=True),
        sa.Column("resume_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("follow_up", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "stage IN ('saved', 'applied', 'no-response', 'response', 'interviewing', 'offer', "
            "'accepted', 'rejected', 'withdrawn', 'expired')",
            name=op.f("ck_applications_stage"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_applications_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resume_id"],
            ["resumes.id"],
            name=op.f("fk_applications_resume_id_resumes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applications_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_resume_id"), ["resume_id"], unique=False)
        batch_op.create_index("uq_applications_owner_uid", ["owner_id", "uid"], unique=True)

    op.create_table(
        "application_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_contacts_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_application_contacts_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resources.id"],
            name=op.f("fk_application_contacts_resource_id_resources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_contacts")),
        sa.UniqueConstraint("application_id", "resource_id", name="uq_application_contacts_pair"),
    )
    with op.batch_alter_table("application_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_contacts_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_application_contacts_owner_id"), ["owner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_application_contacts_resource_id"), ["resource_id"], unique=False
        )

    op.create_table(
        "application_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_stages_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_application_stages_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_stages")),
    )
    with op.batch_alter_table("application_stages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_stages_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_application_stages_owner_id"), ["owner_id"], unique=False
        )

    # Added columns only, so SQLite copies no table: existing visions say nothing yet.
    op.add_column(
        "visions", sa.Column("target_roles", sa.Text(), server_default="", nullable=False)
    )
    op.add_column(
        "visions",
        sa.Column("organisation_size", sa.String(length=200), server_default="", nullable=False),
    )
    op.add_column(
        "visions", sa.Column("pay_range", sa.String(length=200), server_default="", nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("visions", schema=None) as batch_op:
        batch_op.drop_column("pay_range")
        batch_op.drop_column("organisation_size")
        batch_op.drop_column("target_roles")

    with op.batch_alter_table("application_stages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_stages_owner_id"))
        batch_op.drop_index(batch_op.f("ix_application_stages_application_id"))

    op.drop_table("application_stages")
    with op.batch_alter_table("application_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_contacts_resource_id"))
        batch_op.drop_index(batch_op.f("ix_application_contacts_owner_id"))
        batch_op.drop_index(batch_op.f("ix_application_contacts_application_id"))

    op.drop_table("application_contacts")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index("uq_applications_owner_uid")
        batch_op.drop_index(batch_op.f("ix_applications_resume_id"))
        batch_op.drop_index(batch_op.f("ix_applications_owner_id"))

    op.drop_table("applications")
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.drop_index("uq_skills_owner_label")
        batch_op.drop_index(batch_op.f("ix_skills_owner_id"))

    op.drop_table("skills")
    with op.batch_alter_table("resumes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resumes_owner_id"))

    op.drop_table("resumes")
