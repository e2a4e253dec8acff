"""The quick reader keeps its own lists of the columns it converts (it must not import
SQLAlchemy); they must say exactly what `tables.py` says of every table it reads, or a new date
or flag column would come back from `goal list` and `today` as raw text."""

from __future__ import annotations

import inspect
import re

from sqlalchemy import Boolean, Date, DateTime, Table

from careerplan.storage import quick_read, tables


def _tables_read() -> list[Table]:
    source = inspect.getsource(quick_read)
    # alembic_version is the migrations' bookkeeping, read for the schema revision alone.
    names = sorted(set(re.findall(r"\b(?:FROM|JOIN)\s+(\w+)", source)) - {"alembic_version"})
    return [tables.metadata.tables[name] for name in names]


def _columns_of_type(kind: type) -> set[str]:
    return {
        column.name
        for table in _tables_read()
        for column in table.columns
        if isinstance(column.type, kind)
    }


def test_the_quick_reader_reads_tables_that_exist() -> None:
    assert {table.name for table in _tables_read()} == {
        "users",
        "goals",
        "actions",
        "action_completions",
        "visions",
        "preferences",
        "reviews",
        "review_entries",
        "profiles",
        "proposal_acceptances",
        "skills",
        "applications",
    }


def test_its_date_columns_are_the_date_columns_of_the_tables_it_reads() -> None:
    # DateTime is not a subclass of Date in SQLAlchemy, so the two sets cannot overlap by type.
    assert _columns_of_type(Date) == quick_read._DATES


def test_its_time_columns_are_the_timestamp_columns_of_the_tables_it_reads() -> None:
    assert _columns_of_type(DateTime) == quick_read._TIMES


def test_its_flag_columns_are_the_boolean_columns_of_the_tables_it_reads() -> None:
    assert _columns_of_type(Boolean) == quick_read._BOOLS


def test_no_column_name_means_two_types_across_those_tables() -> None:
    """The lists go by name alone, so one name must mean one type in every table read."""
    types: dict[str, set[str]] = {}
    for table in _tables_read():
        for column in table.columns:
            types.setdefault(column.name, set()).add(type(column.type).__name__)
    assert {name: kinds for name, kinds in types.items() if len(kinds) > 1} == {}
