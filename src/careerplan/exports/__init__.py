"""Exports of one person's plan: each module renders a `PlanSnapshot` into one format.

They are pure (no database, no clock): the services load the snapshot and pass the time.
"""
