"""The shipped catalogue, opened once for the whole session (it is read-only)."""

from __future__ import annotations

import pytest

from careerplan.catalog import Catalog, open_catalog

SOFTWARE_DEVELOPERS = "15-1252.00"
REGISTERED_NURSES = "29-1141.00"
NURSING_ASSISTANTS = "31-1131.00"
SALES_REPRESENTATIVES = "41-4012.00"
ORTHOPTISTS = "29-1299.02"  # no occupation lists it as related: unreachable by paths


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return open_catalog()
